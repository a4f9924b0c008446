import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, Dialog, FormAlert, QueryView, SelectField } from '../../../components/ui';
import { useLostReasons } from '../../pipelines/api/usePipelines';

interface Props {
  dealName: string;
  pending: boolean;
  error: unknown;
  onConfirm: (lostReasonId: string) => void;
  onCancel: () => void;
}

/** Moving a deal to Lost needs the reason it was lost. */
export function LostReasonDialog({ dealName, pending, error, onConfirm, onCancel }: Props) {
  const reasons = useLostReasons();
  const [reasonId, setReasonId] = useState('');
  const [missing, setMissing] = useState(false);
  const problem = error ? toApiProblem(error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reasonId) {
      setMissing(true);
      return;
    }
    onConfirm(reasonId);
  }

  return (
    <Dialog title={`Mark “${dealName}” as lost`} onClose={onCancel}>
      <QueryView query={reasons} loadingLabel="Loading lost reasons…">
        {(data) => (
          <form className="form" onSubmit={handleSubmit} noValidate>
            <FormAlert problem={problem} fields={['lostReasonId']} />
            <SelectField
              label="Lost reason"
              name="lostReasonId"
              placeholder="Choose a reason"
              options={data.filter((r) => r.archivedAt === null).map((r) => ({ value: r.id, label: r.name }))}
              value={reasonId}
              onChange={(event) => {
                setReasonId(event.target.value);
                setMissing(false);
              }}
              errors={missing ? ['Choose why the deal was lost.'] : []}
              problem={problem}
            />
            <div className="form__actions">
              <Button variant="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? 'Moving…' : 'Mark as lost'}
              </Button>
            </div>
          </form>
        )}
      </QueryView>
    </Dialog>
  );
}
