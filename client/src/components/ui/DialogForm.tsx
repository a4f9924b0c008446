import type { ReactNode, SubmitEvent } from 'react';
import type { ApiProblem } from '../../api/problem';
import { Button } from './Button';
import { FormAlert } from './FormAlert';
import { SubmitButton } from './SubmitButton';

interface Props {
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  /** Cancel; also what a stale version (412) offers as "Reload" unless `onReload` says otherwise. */
  onCancel: () => void;
  problem: ApiProblem | null;
  fields: readonly string[];
  onReload?: () => void;
  submitLabel: string;
  pending: boolean;
  /** Holds Save back, e.g. while the record is fetched again. */
  disabled?: boolean;
  busy?: boolean;
  children: ReactNode;
}

/** The form inside an edit dialog: what went wrong with the save, the fields, then Cancel and Save. */
export function DialogForm({ onSubmit, onCancel, problem, fields, onReload = onCancel, submitLabel, pending, disabled, busy, children }: Props) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <FormAlert problem={problem} fields={fields} onReload={onReload} />
      {children}
      <div className="form__actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton label={submitLabel} pendingLabel="Saving…" pending={pending} disabled={disabled} />
      </div>
    </form>
  );
}
