import { useState } from 'react';
import { DataTable, QueryView, SelectField, type Column } from '../../../components/ui';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import { useCurrency, useLeaderboard, type LeaderboardRanking, type LeaderboardRow } from '../api/useMetrics';
import { formatCount as n, formatMoney, formatRatio } from '../format';

const RANKINGS: readonly { value: LeaderboardRanking; label: string }[] = [
  { value: 'revenue_won', label: 'Revenue won' },
  { value: 'deals_won', label: 'Deals won' },
  { value: 'attainment', label: 'Quota attainment' },
  { value: 'activities', label: 'Activities' },
];

function isRanking(value: string): value is LeaderboardRanking {
  return RANKINGS.some((r) => r.value === value);
}

/** Reps ranked by the picked figure over the window (the team, or everyone the caller sees). */
export function LeaderboardSection({ query }: { query: MetricSubjectQuery }) {
  const currency = useCurrency();
  const [rankBy, setRankBy] = useState<LeaderboardRanking>('revenue_won');
  const board = useLeaderboard(query, rankBy);

  const columns: Column<LeaderboardRow>[] = [
    { id: 'rank', header: 'Rank', cell: (r) => n(r.rank), csv: (r) => r.rank },
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    { id: 'revenue', header: 'Revenue won', cell: (r) => formatMoney(r.revenueWon, currency), csv: (r) => r.revenueWon },
    { id: 'deals', header: 'Deals won', cell: (r) => n(r.dealsWon), csv: (r) => r.dealsWon },
    { id: 'activities', header: 'Activities', cell: (r) => n(r.activities), csv: (r) => r.activities },
    { id: 'attainment', header: 'Quota attainment', cell: (r) => formatRatio(r.attainment), csv: (r) => r.attainment },
  ];

  return (
    <section className="dashboard-section" aria-labelledby="leaderboard-heading">
      <h2 id="leaderboard-heading">Leaderboard</h2>
      <div className="form form--inline">
        <SelectField
          label="Rank by"
          name="rankBy"
          options={RANKINGS}
          value={rankBy}
          onChange={(event) => {
            if (isRanking(event.target.value)) setRankBy(event.target.value);
          }}
        />
      </div>
      <QueryView query={board} loadingLabel="Loading leaderboard…">
        {(data) => (
          <DataTable
            caption="Leaderboard"
            columns={columns}
            rows={data.reps}
            rowKey={(r) => r.userId}
            exportName="leaderboard"
            empty="No reps to rank in this selection."
          />
        )}
      </QueryView>
    </section>
  );
}
