import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, FormAlert, SelectField, TextField, useToast } from '../../../components/ui';
import type { Me } from '../../auth';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { useCreateSurvey } from '../api/useSurveys';
import { localDay, ORGANISATION, surveyBody } from './surveyForm';

const FIELDS = ['question', 'opensOn', 'closesOn', 'teamId'] as const;
export const DEFAULT_QUESTION = 'How likely are you to recommend working here to a friend?';

interface Props {
  me: Me;
  /** The teams an admin may ask; a manager asks only their own team. */
  teams: readonly { id: string; name: string }[];
}

/** Question, window (both days included) and audience; admins any team or the organisation, managers their team. */
export function CreateSurveyForm({ me, teams }: Props) {
  const create = useCreateSurvey();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const [formKey, setFormKey] = useState(0);
  const problem = create.error ? toApiProblem(create.error) : null;
  const ownTeam = teams.find((t) => t.id === me.teamId);
  const audiences =
    me.role === 'admin'
      ? [{ value: ORGANISATION, label: 'Whole organisation' }, ...teams.map((t) => ({ value: t.id, label: `Team: ${t.name}` }))]
      : ownTeam
        ? [{ value: ownTeam.id, label: `Team: ${ownTeam.name}` }]
        : me.teamId
          ? [{ value: me.teamId, label: 'My team' }]
          : [];

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const get = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const body = surveyBody(get('question'), get('opensOn'), get('closesOn'), get('teamId'));
    create.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: () => {
          keys.current.reset();
          toast.show('Survey created.');
          setFormKey((k) => k + 1);
        },
      },
    );
  }

  if (audiences.length === 0) {
    return <p className="muted">You are not in a team, so there is nobody to ask.</p>;
  }

  return (
    <form key={formKey} className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-survey-heading">
      <h2 id="create-survey-heading">New survey</h2>
      <FormAlert problem={problem} fields={FIELDS} />
      <TextField label="Question" name="question" defaultValue={DEFAULT_QUESTION} maxLength={500} required problem={problem} />
      <div className="form form--inline">
        <TextField label="Opens on" name="opensOn" type="date" defaultValue={localDay(0)} required problem={problem} />
        <TextField
          label="Closes on"
          name="closesOn"
          type="date"
          defaultValue={localDay(13)}
          hint="Last day answers are taken"
          required
          problem={problem}
        />
        <SelectField label="Audience" name="teamId" options={audiences} defaultValue={audiences[0]?.value} problem={problem} />
      </div>
      <p className="muted">Answers are anonymous; results show once the survey has closed with 5 or more responses.</p>
      <div className="form__actions">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create survey'}
        </Button>
      </div>
    </form>
  );
}
