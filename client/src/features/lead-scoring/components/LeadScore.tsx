import { DataTable, QueryView, type Column } from '../../../components/ui';
import { formatDateTime } from '../../activities/components/activityText';
import { useLeadScoreEvents, type LeadScoreEvent } from '../api/useLeadScoring';
import { useOwnerName } from '../api/useOwnerName';
import { signedPoints } from './bands';

/** The "Sales-qualified" mark a lead carries once an event took its score to the threshold or above. */
export function SalesQualifiedBadge({ at }: { at: string | null }) {
  if (!at) return null;
  return <span className="badge badge--active">Sales-qualified</span>;
}

/** Score and qualification facts for the lead page's fact list (each a `<div><dt/><dd/></div>`). */
export function LeadScoreFacts({ score, salesQualifiedAt, ownerId }: { score: number; salesQualifiedAt: string | null; ownerId: string }) {
  const owner = useOwnerName(ownerId);
  return (
    <>
      <div>
        <dt>Owner</dt>
        <dd data-testid="lead-owner">{owner ?? '…'}</dd>
      </div>
      <div>
        <dt>Score</dt>
        <dd>
          <span data-testid="lead-score">{score}</span> <SalesQualifiedBadge at={salesQualifiedAt} />
        </dd>
      </div>
      {salesQualifiedAt && (
        <div>
          <dt>Sales-qualified on</dt>
          <dd>{formatDateTime(salesQualifiedAt)}</dd>
        </div>
      )}
    </>
  );
}

const columns: Column<LeadScoreEvent>[] = [
  { id: 'type', header: 'Event', rowHeader: true, cell: (e) => e.type, csv: (e) => e.type },
  { id: 'points', header: 'Points', cell: (e) => signedPoints(e.points), csv: (e) => e.points },
  { id: 'after', header: 'Score after', cell: (e) => String(e.scoreAfter), csv: (e) => e.scoreAfter },
  { id: 'when', header: 'When', cell: (e) => formatDateTime(e.occurredAt), csv: (e) => e.occurredAt },
];

/** The lead's scoring events, oldest first, as the API lists them. */
export function LeadScoreEvents({ leadId }: { leadId: string }) {
  const events = useLeadScoreEvents(leadId);
  return (
    <section className="panel" aria-labelledby="score-events-heading">
      <h2 id="score-events-heading">Scoring events</h2>
      <QueryView query={events} loadingLabel="Loading scoring events…">
        {(data) => (
          <DataTable
            caption="Scoring events"
            columns={columns}
            rows={data}
            rowKey={(e) => e.id}
            exportName="scoring-events"
            empty="No scoring events yet."
          />
        )}
      </QueryView>
    </section>
  );
}
