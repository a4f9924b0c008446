import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, QueryView } from '../../../components/ui';
import { formatDateTime } from './activityText';
import { describeEntry, type TimelineEntry } from './timelineText';

interface Props {
  timeline: UseQueryResult<TimelineEntry[]>;
  /** Shows each activity's or follow-up's notes under it. */
  withNotes?: boolean;
}

/** A record's activities, follow-ups and stage moves, newest first. */
export function RecordTimeline({ timeline, withNotes = false }: Props) {
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <QueryView query={timeline} loadingLabel="Loading timeline…">
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState>Nothing recorded yet.</EmptyState>
          ) : (
            <ol className="timeline" data-testid="timeline">
              {entries.map((entry, index) => {
                const notes = withNotes ? (entry.activity?.notes ?? entry.followUp?.notes) : null;
                return (
                  <li
                    key={`${entry.kind}-${entry.activity?.id ?? entry.followUp?.id ?? entry.stageMove?.id ?? String(index)}`}
                    className="timeline__item"
                  >
                    <strong>{describeEntry(entry)}</strong>
                    <span className="muted"> · {formatDateTime(entry.occurredAt)}</span>
                    {notes && <p className="muted timeline__notes">{notes}</p>}
                  </li>
                );
              })}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}
