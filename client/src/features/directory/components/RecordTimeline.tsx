import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui';
import { formatDateTime } from '../../activities/components/activityText';
import { describeEntry, type TimelineEntry } from '../../activities/components/timelineText';

/** A record's activities, follow-ups and stage moves, newest first. */
export function RecordTimeline({ timeline }: { timeline: UseQueryResult<TimelineEntry[]> }) {
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.isPending ? (
        <LoadingState label="Loading timeline…" />
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.length === 0 ? (
        <EmptyState>Nothing recorded yet.</EmptyState>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {timeline.data.map((entry, index) => (
            <li
              key={`${entry.kind}-${entry.activity?.id ?? entry.followUp?.id ?? entry.stageMove?.id ?? String(index)}`}
              className="timeline__item"
            >
              <strong>{describeEntry(entry)}</strong>
              <span className="muted"> · {formatDateTime(entry.occurredAt)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
