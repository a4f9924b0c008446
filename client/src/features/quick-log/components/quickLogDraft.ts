import type { Schema } from '../../../api/types';
import type { QuickLogSubmission } from '../api/useQuickLogSave';
import type { LinkedRecord, QuickLogKind, QuickLogPrefill } from '../api/types';

export interface QuickLogDraft {
  kind: QuickLogKind;
  record: LinkedRecord | null;
  direction: 'outbound' | 'inbound';
  callOutcome: Schema<'CallOutcome'>;
  minutes: string;
  seconds: string;
  subject: string;
  meetingOutcome: 'held' | 'scheduled' | 'no_show' | 'cancelled';
  notes: string;
  body: string;
  channel: Schema<'FollowUpChannel'>;
  dueAt: string;
}

/** `yyyy-MM-ddTHH:mm` in local time, as a datetime-local input wants it. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at nine, local time: the usual next touch. */
export function defaultDueAt(now: Date = new Date()): string {
  const due = new Date(now);
  due.setDate(due.getDate() + 1);
  due.setHours(9, 0, 0, 0);
  return toLocalInput(due);
}

export function initialDraft(prefill: QuickLogPrefill): QuickLogDraft {
  return {
    kind: prefill.kind ?? 'call',
    record: prefill.record ?? null,
    direction: 'outbound',
    callOutcome: 'connected',
    minutes: '',
    seconds: '',
    subject: '',
    meetingOutcome: 'held',
    notes: '',
    body: '',
    channel: 'call',
    dueAt: defaultDueAt(),
  };
}

/** Follow-ups are planned on a lead or an opportunity only. */
export const FOLLOW_UP_TYPES = ['opportunity', 'lead'] as const;
export const ACTIVITY_TYPES = ['opportunity', 'lead', 'contact', 'account'] as const;

function seconds(draft: QuickLogDraft): number {
  const minutes = Number(draft.minutes || '0');
  const rest = Number(draft.seconds || '0');
  return Math.round((Number.isFinite(minutes) ? minutes : 0) * 60 + (Number.isFinite(rest) ? rest : 0));
}

function link(record: LinkedRecord | null) {
  if (!record) return {};
  switch (record.type) {
    case 'lead':
      return { leadId: record.id };
    case 'contact':
      return { contactId: record.id };
    case 'account':
      return { accountId: record.id };
    case 'opportunity':
      return { opportunityId: record.id };
  }
}

/** The request a draft sends; validation is the API's, so its field errors come back by these names. */
export function toSubmission(draft: QuickLogDraft): QuickLogSubmission {
  const notes = draft.notes.trim() === '' ? null : draft.notes;
  switch (draft.kind) {
    case 'call':
      return {
        kind: 'call',
        body: { direction: draft.direction, outcome: draft.callOutcome, durationSeconds: seconds(draft), notes, ...link(draft.record) },
      };
    case 'email':
      return { kind: 'email', body: { direction: draft.direction, subject: draft.subject, notes, ...link(draft.record) } };
    case 'meeting':
      return {
        kind: 'meeting',
        body: {
          durationSeconds: seconds(draft),
          outcome: draft.meetingOutcome,
          subject: draft.subject.trim() === '' ? null : draft.subject,
          notes,
          ...link(draft.record),
        },
      };
    case 'note':
      return { kind: 'note', body: { body: draft.body, ...link(draft.record) } };
    case 'followUp': {
      const due = new Date(draft.dueAt);
      const record = draft.record;
      return {
        kind: 'followUp',
        body: {
          channel: draft.channel,
          dueAt: Number.isNaN(due.getTime()) ? draft.dueAt : due.toISOString(),
          notes,
          ...(record?.type === 'lead' ? { leadId: record.id } : {}),
          ...(record?.type === 'opportunity' ? { opportunityId: record.id } : {}),
        },
      };
    }
  }
}
