import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { Alert, Button, ErrorState, LoadingState, QueryView, usePageTitle } from '../../../components/ui';
import { formatDateTime } from '../../activities/components/activityText';
import { RecordTimeline } from '../../activities/components/RecordTimeline';
import { boardStages, usePipelines } from '../../pipelines/api/usePipelines';
import { useQuickLog } from '../../quick-log/components/quickLogContext';
import { ForecastCategoryField } from '../../forecasts/components/ForecastCategoryField';
import { opportunityKeys } from '../api/opportunityKeys';
import { useOpportunity, useOpportunityTimeline, useStageHistory, type Opportunity } from '../api/useOpportunities';
import { daysInStage, formatAmount } from './boardColumns';
import './opportunity-page.css';
import { useStageMover } from './useStageMover';

export function OpportunityPage() {
  const { id = '' } = useParams();
  const opportunity = useOpportunity(id);
  usePageTitle(opportunity.data?.data.name ?? 'Opportunity');

  if (opportunity.isPending) return <LoadingState label="Loading opportunity…" />;
  if (opportunity.isError) return <ErrorState error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  return (
    <OpportunityDetails
      deal={opportunity.data.data}
      etag={opportunity.data.etag}
      onReload={() => void opportunity.refetch()}
    />
  );
}

function OpportunityDetails({ deal, etag, onReload }: { deal: Opportunity; etag: string | null; onReload: () => void }) {
  const quickLog = useQuickLog();
  const account = useQuery({
    queryKey: opportunityKeys.account(deal.accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id: deal.accountId } } })),
    staleTime: 5 * 60_000,
  });
  const record = { type: 'opportunity' as const, id: deal.id, label: deal.name };

  return (
    <article aria-labelledby="opportunity-heading" className="opportunity">
      <p>
        <Link to="/pipeline">← Pipeline</Link>
      </p>
      <div className="page-header">
        <h1 id="opportunity-heading">{deal.name}</h1>
        <div className="opportunity__actions">
          <Button
            onClick={() => {
              quickLog.open({ kind: 'call', record });
            }}
          >
            Log activity
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              quickLog.open({ kind: 'followUp', record });
            }}
          >
            Schedule follow-up
          </Button>
        </div>
      </div>
      <dl className="opportunity__facts">
        <div>
          <dt>Account</dt>
          <dd>{account.data?.name ?? '…'}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{formatAmount(deal.amount)}</dd>
        </div>
        <div>
          <dt>Stage</dt>
          <dd data-testid="current-stage">
            {deal.stageName} ({deal.stageProbability}%)
          </dd>
        </div>
        {!deal.outcome && (
          <div>
            <dt>In stage for</dt>
            <dd>{daysInStage(deal)} days</dd>
          </div>
        )}
        <div>
          <dt>Expected close</dt>
          <dd>{deal.expectedCloseDate ?? '—'}</dd>
        </div>
        {deal.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>{deal.outcome === 'won' ? 'Won' : 'Lost'}</dd>
          </div>
        )}
      </dl>
      <MoveStage deal={deal} />
      {!deal.outcome && (
        <ForecastCategoryField opportunityId={deal.id} current={deal.forecastCategory} etag={etag} onReload={onReload} />
      )}
      <div className="opportunity__columns">
        <StageHistory id={deal.id} />
        <Timeline id={deal.id} />
      </div>
    </article>
  );
}

function MoveStage({ deal }: { deal: Opportunity }) {
  const pipelines = usePipelines();
  const mover = useStageMover();
  const selectId = useId();
  const pipeline = pipelines.data?.find((p) => p.id === deal.pipelineId);
  if (!pipeline) return null;
  const stages = boardStages(pipeline);
  return (
    <section className="panel" aria-label="Move stage">
      {mover.conflict && <Alert tone="info">{mover.conflict}</Alert>}
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Move to stage
        </label>
        <select
          id={selectId}
          className="field__input opportunity__move"
          value=""
          disabled={mover.pending}
          onChange={(event) => {
            const stage = stages.find((s) => s.id === event.target.value);
            if (stage) mover.moveTo(deal, stage);
          }}
        >
          <option value="">Choose a stage…</option>
          {stages
            .filter((s) => s.id !== deal.stageId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </div>
      {mover.dialog}
    </section>
  );
}

function StageHistory({ id }: { id: string }) {
  const history = useStageHistory(id);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Stage history</h2>
      <QueryView query={history} loadingLabel="Loading history…">
        {(data) => (
          <ol className="timeline" data-testid="stage-history">
            {data.map((move) => (
              <li key={move.id} className="timeline__item">
                <strong>{move.toStageName}</strong>
                <span className="muted"> · entered {formatDateTime(move.occurredAt)}</span>
                <div>
                  {move.daysInStage === null
                    ? 'Closed here'
                    : `${move.daysInStage.toFixed(1)} days in stage${move.leftAt ? '' : ' (so far)'}`}
                </div>
              </li>
            ))}
          </ol>
        )}
      </QueryView>
    </section>
  );
}

function Timeline({ id }: { id: string }) {
  const timeline = useOpportunityTimeline(id);
  return <RecordTimeline timeline={timeline} withNotes />;
}
