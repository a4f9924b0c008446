import type { Schema } from '../../../api/types';
import { describeActivity, formatDateTime } from './activityText';

export type TimelineEntry = Schema<'TimelineEntry'>;

/** One line for a record timeline entry: an activity, a stage move or a follow-up. */
export function describeEntry(entry: TimelineEntry): string {
  if (entry.activity) return describeActivity(entry.activity);
  if (entry.stageMove) {
    return entry.stageMove.fromStageName
      ? `Moved from ${entry.stageMove.fromStageName} to ${entry.stageMove.toStageName}`
      : `Created in ${entry.stageMove.toStageName}`;
  }
  if (entry.followUp) {
    const due = formatDateTime(entry.followUp.dueAt);
    return entry.kind === 'follow_up_completed'
      ? `Follow-up (${entry.followUp.channel}) completed`
      : `Follow-up (${entry.followUp.channel}) planned for ${due}${entry.followUp.status === 'cancelled' ? ', cancelled' : ''}`;
  }
  return entry.kind;
}
