import { describe, expect, it } from 'vitest';
import type { Stage } from '../../pipelines/api/usePipelines';
import type { Opportunity } from '../api/useOpportunities';
import { boardColumns, daysInStage, isStale } from './boardColumns';

function stage(id: string, position: number, probability: number, staleAfterDays: number | null = null): Stage {
  return { id, pipelineId: 'p', name: id, position, probability, staleAfterDays, kind: 'open', archivedAt: null, version: 1 };
}

function deal(id: string, stageId: string, amount: number, stageEnteredAt = '2026-11-01T00:00:00Z'): Opportunity {
  return { id, name: id, stageId, amount, stageEnteredAt } as Opportunity;
}

describe('board columns', () => {
  it('counts, sums and weights each stage by its probability', () => {
    const stages = [stage('discovery', 1, 10), stage('demo', 2, 40), stage('trial', 3, 60)];
    const columns = boardColumns(stages, [
      deal('a', 'discovery', 1000),
      deal('b', 'demo', 2500),
      deal('c', 'demo', 1500),
      deal('d', 'elsewhere', 99),
    ]);
    expect(columns.map((c) => [c.stage.id, c.count, c.amount, c.weighted])).toEqual([
      ['discovery', 1, 1000, 100],
      ['demo', 2, 4000, 1600],
      ['trial', 0, 0, 0],
    ]);
  });

  it('flags a deal older in its stage than the stage allows', () => {
    const now = Date.parse('2026-11-11T12:00:00Z');
    const tenDays = deal('a', 's', 1, '2026-11-01T09:00:00Z');
    expect(daysInStage(tenDays, now)).toBe(10);
    expect(isStale(stage('s', 1, 10, 7), tenDays, now)).toBe(true);
    expect(isStale(stage('s', 1, 10, 10), tenDays, now)).toBe(false);
    expect(isStale(stage('s', 1, 10, null), tenDays, now)).toBe(false);
  });
});
