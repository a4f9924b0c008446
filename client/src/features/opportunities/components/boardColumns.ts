import type { Stage } from '../../pipelines/api/usePipelines';
import type { Opportunity } from '../api/useOpportunities';

export interface BoardColumn {
  stage: Stage;
  cards: Opportunity[];
  count: number;
  amount: number;
  /** Amount × the stage's probability. */
  weighted: number;
}

const DAY_MS = 86_400_000;

/** One column per stage, in board order, with its deals (longest in stage first) and totals. */
export function boardColumns(stages: readonly Stage[], opportunities: readonly Opportunity[]): BoardColumn[] {
  return stages.map((stage) => {
    const cards = opportunities
      .filter((opportunity) => opportunity.stageId === stage.id)
      .sort((a, b) => a.stageEnteredAt.localeCompare(b.stageEnteredAt));
    const amount = cards.reduce((sum, card) => sum + card.amount, 0);
    return { stage, cards, count: cards.length, amount, weighted: (amount * stage.probability) / 100 };
  });
}

/** Whole days since the deal entered its stage. */
export function daysInStage(opportunity: Pick<Opportunity, 'stageEnteredAt'>, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(opportunity.stageEnteredAt)) / DAY_MS));
}

export function isStale(stage: Stage, opportunity: Pick<Opportunity, 'stageEnteredAt'>, now: number = Date.now()): boolean {
  return stage.kind === 'open' && stage.staleAfterDays !== null && daysInStage(opportunity, now) > stage.staleAfterDays;
}

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatAmount(amount: number): string {
  return money.format(amount);
}
