import { useId, useState, type DragEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, EmptyState, ErrorState, LoadingState, usePageTitle } from '../../../components/ui';
import { useMe } from '../../auth';
import { OwnerFilterFields } from '../../users/components/OwnerFilterFields';
import { ownerFilterQuery } from '../../users/components/ownerFilterParams';
import { useOwnerFilter } from '../../users/hooks/useOwnerFilter';
import { boardStages, usePipelines, type Pipeline, type Stage } from '../../pipelines/api/usePipelines';
import { useAccountNames, useBoardOpportunities, type Opportunity } from '../api/useOpportunities';
import { boardColumns, daysInStage, formatAmount, isStale, type BoardColumn } from './boardColumns';
import './pipeline-board.css';
import { useStageMover } from './useStageMover';

export function PipelineBoardPage() {
  usePageTitle('Pipeline');
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const pickerId = useId();

  if (pipelines.isPending) return <LoadingState label="Loading pipelines…" />;
  if (pipelines.isError) return <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />;

  const chosen =
    pipelines.data.find((p) => p.id === params.get('pipeline')) ??
    pipelines.data.find((p) => p.isDefault) ??
    pipelines.data[0];

  return (
    <section aria-labelledby="pipeline-heading">
      <div className="page-header">
        <h1 id="pipeline-heading">Pipeline</h1>
        {pipelines.data.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor={pickerId}>
              Pipeline
            </label>
            <select
              id={pickerId}
              className="field__input"
              value={chosen?.id ?? ''}
              onChange={(event) => {
                const value = event.target.value;
                setParams((current) => {
                  const next = new URLSearchParams(current);
                  next.set('pipeline', value);
                  return next;
                });
              }}
            >
              {pipelines.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {chosen ? <Board pipeline={chosen} /> : <EmptyState>No pipelines yet.</EmptyState>}
    </section>
  );
}

function Board({ pipeline }: { pipeline: Pipeline }) {
  const [ownerFilter, setOwnerFilter] = useOwnerFilter();
  const deals = useBoardOpportunities(pipeline.id, ownerFilterQuery(ownerFilter));
  const me = useMe();
  const mover = useStageMover();
  const stages = boardStages(pipeline);
  const accountNames = useAccountNames((deals.data ?? []).map((d) => d.accountId));

  if (deals.isPending) return <LoadingState label="Loading deals…" />;
  if (deals.isError) return <ErrorState error={deals.error} onRetry={() => void deals.refetch()} />;

  const columns = boardColumns(stages, deals.data);

  return (
    <>
      <div className="filters">
        {/* Reps only ever see their own deals, so they get no owner filter. */}
        {me.data && me.data.role !== 'rep' && <OwnerFilterFields me={me.data} filter={ownerFilter} onChange={setOwnerFilter} />}
        <p className="muted board__hint">Drag a card to another stage, or use its “Move to” menu.</p>
      </div>
      {mover.conflict && (
        <Alert tone="info">
          <p>{mover.conflict}</p>
          <Button variant="secondary" className="button--small" onClick={mover.dismissConflict}>
            OK
          </Button>
        </Alert>
      )}
      <div className="board" aria-busy={mover.pending || deals.isFetching}>
        {columns.map((column) => (
          <Column
            key={column.stage.id}
            column={column}
            stages={stages}
            accountNames={accountNames}
            onMove={(deal, stage) => {
              mover.moveTo(deal, stage);
            }}
            findDeal={(id) => deals.data.find((d) => d.id === id)}
          />
        ))}
      </div>
      {mover.dialog}
    </>
  );
}

const DRAG_TYPE = 'application/x-salescrm-opportunity';

function Column({
  column,
  stages,
  accountNames,
  onMove,
  findDeal,
}: {
  column: BoardColumn;
  stages: readonly Stage[];
  accountNames: Map<string, string>;
  onMove: (deal: Opportunity, stage: Stage) => void;
  findDeal: (id: string) => Opportunity | undefined;
}) {
  const [over, setOver] = useState(false);
  const headingId = useId();
  const { stage } = column;

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setOver(false);
    const deal = findDeal(event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain'));
    if (deal) onMove(deal, stage);
  }

  return (
    <section
      className={`board__column${over ? ' board__column--over' : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${stage.name}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={handleDrop}
    >
      <header className="board__column-header">
        <h2 id={headingId}>{stage.name}</h2>
        <dl className="board__totals">
          <div>
            <dt>Deals</dt>
            <dd data-testid="column-count">{column.count}</dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd data-testid="column-amount">{formatAmount(column.amount)}</dd>
          </div>
          <div>
            <dt>Weighted ({stage.probability}%)</dt>
            <dd data-testid="column-weighted">{formatAmount(column.weighted)}</dd>
          </div>
        </dl>
      </header>
      <ul className="board__cards">
        {column.cards.map((deal) => (
          <Card key={deal.id} deal={deal} stage={stage} stages={stages} accountName={accountNames.get(deal.accountId)} onMove={onMove} />
        ))}
      </ul>
    </section>
  );
}

function Card({
  deal,
  stage,
  stages,
  accountName,
  onMove,
}: {
  deal: Opportunity;
  stage: Stage;
  stages: readonly Stage[];
  accountName: string | undefined;
  onMove: (deal: Opportunity, stage: Stage) => void;
}) {
  const moveId = useId();
  const stale = isStale(stage, deal);
  const days = daysInStage(deal);
  return (
    <li
      className={`board__card board__card--${stage.kind}${stale ? ' board__card--stale' : ''}`}
      draggable
      data-testid="deal-card"
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, deal.id);
        event.dataTransfer.setData('text/plain', deal.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Link to={`/opportunities/${deal.id}`} className="board__card-name">
        {deal.name}
      </Link>
      <span className="muted">{accountName ?? '…'}</span>
      <span className="board__card-meta">
        <strong>{formatAmount(deal.amount)}</strong>
        <span>
          {days} {days === 1 ? 'day' : 'days'} in stage
          {stale && <span className="badge board__stale"> Stale</span>}
        </span>
      </span>
      <label className="visually-hidden" htmlFor={moveId}>
        Move {deal.name} to
      </label>
      <select
        id={moveId}
        className="field__input board__move"
        value=""
        onChange={(event) => {
          const target = stages.find((s) => s.id === event.target.value);
          if (target) onMove(deal, target);
        }}
      >
        <option value="">Move to…</option>
        {stages
          .filter((s) => s.id !== deal.stageId)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </select>
    </li>
  );
}
