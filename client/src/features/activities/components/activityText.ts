import type { Activity } from '../api/useActivities';

const OUTCOMES: Record<string, string> = {
  connected: 'connected',
  no_answer: 'no answer',
  voicemail: 'voicemail',
  busy: 'busy',
  wrong_number: 'wrong number',
  scheduled: 'scheduled',
  held: 'held',
  no_show: 'no show',
  cancelled: 'cancelled',
};

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${String(minutes)} min ${rest > 0 ? `${String(rest)} s` : ''}`.trim() : `${String(rest)} s`;
}

/** One line saying what happened: "Outbound call, connected, 4 min". */
export function describeActivity(activity: Activity): string {
  const outcome = activity.outcome ? OUTCOMES[activity.outcome] : null;
  switch (activity.type) {
    case 'call':
      return [
        `${activity.direction === 'inbound' ? 'Inbound' : 'Outbound'} call`,
        outcome,
        formatDuration(activity.durationSeconds),
      ]
        .filter(Boolean)
        .join(', ');
    case 'email':
      return `${activity.direction === 'inbound' ? 'Email received' : 'Email sent'}: ${activity.subject ?? ''}`;
    case 'meeting':
      return ['Meeting', activity.subject, outcome, formatDuration(activity.durationSeconds)].filter(Boolean).join(', ');
    case 'note':
      return 'Note';
  }
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
