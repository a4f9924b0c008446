import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../../../api/problem';
import { Button, Dialog, FormAlert, FormField, SelectField, TextField, useToast } from '../../../components/ui';
import type { QuickLogKind, QuickLogPrefill } from '../api/types';
import { SubmissionKeys, useQuickLogSave } from '../api/useQuickLogSave';
import {
  ACTIVITY_TYPES,
  defaultDueAt,
  FOLLOW_UP_TYPES,
  initialDraft,
  toSubmission,
  type QuickLogDraft,
} from './quickLogDraft';
import { RecordPicker } from './RecordPicker';
import './quick-log.css';

const KINDS: readonly { value: QuickLogKind; label: string }[] = [
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'note', label: 'Note' },
  { value: 'followUp', label: 'Follow-up' },
];

const LINK_FIELDS = ['leadId', 'contactId', 'accountId', 'opportunityId'];
const FIELDS = [
  ...LINK_FIELDS,
  'direction',
  'outcome',
  'durationSeconds',
  'subject',
  'notes',
  'body',
  'channel',
  'dueAt',
];

const DIRECTIONS = [
  { value: 'outbound', label: 'Outbound' },
  { value: 'inbound', label: 'Inbound' },
];
const CALL_OUTCOMES = [
  { value: 'connected', label: 'Connected' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Voicemail' },
  { value: 'busy', label: 'Busy' },
  { value: 'wrong_number', label: 'Wrong number' },
];
const MEETING_OUTCOMES = [
  { value: 'held', label: 'Held' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'no_show', label: 'No show' },
  { value: 'cancelled', label: 'Cancelled' },
];
const CHANNELS = [
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'meeting', label: 'Meeting' },
];

const SAVED: Record<QuickLogKind, string> = {
  call: 'Call logged.',
  email: 'Email logged.',
  meeting: 'Meeting logged.',
  note: 'Note saved.',
  followUp: 'Follow-up scheduled.',
};

/**
 * Logs a call, email, meeting or note, or schedules a follow-up, in a few keystrokes. A failed save
 * keeps everything typed and shows the API's field errors; each submission carries one
 * `Idempotency-Key`, reused when the same submission is sent again.
 */
export function QuickLogDialog({ prefill, onClose }: { prefill: QuickLogPrefill; onClose: () => void }) {
  const [draft, setDraft] = useState<QuickLogDraft>(() => initialDraft(prefill));
  const [offerFollowUp, setOfferFollowUp] = useState(false);
  const keys = useRef(new SubmissionKeys());
  const searchRef = useRef<HTMLInputElement>(null);
  const save = useQuickLogSave();
  const toast = useToast();
  const problem: ApiProblem | null = save.error ? toApiProblem(save.error) : null;

  function update(patch: Partial<QuickLogDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function changeKind(kind: QuickLogKind) {
    save.reset();
    setDraft((current) => ({
      ...current,
      kind,
      // Follow-ups hang on a lead or an opportunity only.
      record:
        kind === 'followUp' && current.record && !FOLLOW_UP_TYPES.some((t) => t === current.record?.type)
          ? null
          : current.record,
    }));
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const submission = toSubmission(draft);
    const idempotencyKey = keys.current.keyFor(submission);
    save.mutate(
      { submission, idempotencyKey },
      {
        onSuccess: () => {
          keys.current.reset();
          toast.show(SAVED[draft.kind]);
          if (draft.kind === 'call') {
            setOfferFollowUp(true);
          } else {
            onClose();
          }
        },
      },
    );
  }

  function scheduleFollowUp() {
    save.reset();
    setOfferFollowUp(false);
    setDraft((current) => ({
      ...initialDraft({ kind: 'followUp' }),
      record: current.record && FOLLOW_UP_TYPES.some((t) => t === current.record?.type) ? current.record : null,
      dueAt: defaultDueAt(),
    }));
  }

  if (offerFollowUp) {
    return (
      <Dialog title="Call logged" onClose={onClose}>
        <p>Schedule the next follow-up{draft.record ? ` with ${draft.record.label}` : ''}?</p>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            Done
          </Button>
          <Button onClick={scheduleFollowUp}>Schedule follow-up</Button>
        </div>
      </Dialog>
    );
  }

  const recordErrors = LINK_FIELDS.flatMap((field) => problem?.errorsFor(field) ?? []);
  const kind = draft.kind;
  const durationFields = (
    <div className="quick-log__row">
      <TextField
        label="Minutes"
        name="durationSeconds"
        type="number"
        inputMode="numeric"
        min={0}
        className="field__input--short"
        value={draft.minutes}
        onChange={(event) => {
          update({ minutes: event.target.value });
        }}
        problem={problem}
      />
      <TextField
        label="Seconds"
        name="durationSecondsPart"
        type="number"
        inputMode="numeric"
        min={0}
        max={59}
        className="field__input--short"
        value={draft.seconds}
        onChange={(event) => {
          update({ seconds: event.target.value });
        }}
      />
    </div>
  );

  return (
    <Dialog title="Quick log" onClose={onClose} initialFocus={searchRef}>
      <form className="form quick-log" onSubmit={handleSubmit} noValidate aria-busy={save.isPending}>
        <fieldset className="quick-log__kinds">
          <legend className="field__label">What to log</legend>
          {KINDS.map((option) => (
            <label key={option.value} className="quick-log__kind">
              <input
                type="radio"
                name="kind"
                value={option.value}
                checked={kind === option.value}
                onChange={() => {
                  changeKind(option.value);
                }}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <FormAlert problem={problem} fields={FIELDS} />
        <RecordPicker
          value={draft.record}
          onChange={(record) => {
            update({ record });
          }}
          types={kind === 'followUp' ? FOLLOW_UP_TYPES : ACTIVITY_TYPES}
          errors={recordErrors}
          inputRef={searchRef}
        />
        {(kind === 'call' || kind === 'email') && (
          <SelectField
            label="Direction"
            name="direction"
            options={DIRECTIONS}
            value={draft.direction}
            onChange={(event) => {
              update({ direction: event.target.value as QuickLogDraft['direction'] });
            }}
            problem={problem}
          />
        )}
        {kind === 'call' && (
          <>
            <SelectField
              label="Outcome"
              name="outcome"
              options={CALL_OUTCOMES}
              value={draft.callOutcome}
              onChange={(event) => {
                update({ callOutcome: event.target.value as QuickLogDraft['callOutcome'] });
              }}
              problem={problem}
            />
            {durationFields}
          </>
        )}
        {(kind === 'email' || kind === 'meeting') && (
          <TextField
            label="Subject"
            name="subject"
            value={draft.subject}
            maxLength={500}
            onChange={(event) => {
              update({ subject: event.target.value });
            }}
            problem={problem}
          />
        )}
        {kind === 'meeting' && (
          <>
            <SelectField
              label="Outcome"
              name="outcome"
              options={MEETING_OUTCOMES}
              value={draft.meetingOutcome}
              onChange={(event) => {
                update({ meetingOutcome: event.target.value as QuickLogDraft['meetingOutcome'] });
              }}
              problem={problem}
            />
            {durationFields}
          </>
        )}
        {kind === 'followUp' && (
          <div className="quick-log__row">
            <SelectField
              label="Channel"
              name="channel"
              options={CHANNELS}
              value={draft.channel}
              onChange={(event) => {
                update({ channel: event.target.value as QuickLogDraft['channel'] });
              }}
              problem={problem}
            />
            <TextField
              label="Due"
              name="dueAt"
              type="datetime-local"
              value={draft.dueAt}
              onChange={(event) => {
                update({ dueAt: event.target.value });
              }}
              problem={problem}
            />
          </div>
        )}
        {kind === 'note' ? (
          <FormField label="Note" name="body" problem={problem}>
            {(control) => (
              <textarea
                {...control}
                className="field__input"
                rows={4}
                value={draft.body}
                onChange={(event) => {
                  update({ body: event.target.value });
                }}
              />
            )}
          </FormField>
        ) : (
          <FormField label="Notes" name="notes" problem={problem}>
            {(control) => (
              <textarea
                {...control}
                className="field__input"
                rows={3}
                maxLength={4000}
                value={draft.notes}
                onChange={(event) => {
                  update({ notes: event.target.value });
                }}
              />
            )}
          </FormField>
        )}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : kind === 'followUp' ? 'Schedule' : 'Save'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
