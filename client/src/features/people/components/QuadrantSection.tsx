import { useState } from 'react';
import { DataTable, EmptyState, ErrorState, LoadingState, SelectField, type Column } from '../../../components/ui';
import { formatMoney } from '../../dashboard/format';
import { useCurrency } from '../../dashboard/api/useMetrics';
import { useQuadrant, type QuadrantRow } from '../api/usePeople';
import { periodOptions, QUADRANT_LABELS, quadrantGrid, quarterLabel, quarterStart } from './quadrant';

export function QuadrantSection({ teamId }: { teamId: string }) {
  const [options] = useState(() => periodOptions('quarter', new Date(), 8));
  const [quarter, setQuarter] = useState(() => quarterStart(new Date()));
  const currency = useCurrency();
  const report = useQuadrant(teamId, quarter);
  const money = (value: number) => formatMoney(value, currency);

  const columns: Column<QuadrantRow>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    { id: 'revenue', header: quarterLabel(quarter), cell: (r) => money(r.revenue), csv: (r) => r.revenue },
    {
      id: 'previous',
      header: report.data ? quarterLabel(report.data.previousQuarter) : 'Previous quarter',
      cell: (r) => money(r.previousRevenue),
      csv: (r) => r.previousRevenue,
    },
    { id: 'change', header: 'Change', cell: (r) => money(r.change), csv: (r) => r.change },
    { id: 'quadrant', header: 'Quadrant', cell: (r) => QUADRANT_LABELS[r.quadrant], csv: (r) => r.quadrant },
  ];

  return (
    <>
      <div className="panel form form--inline">
        <SelectField
          label="Quarter"
          name="quarter"
          options={options}
          value={quarter}
          onChange={(event) => {
            setQuarter(event.target.value);
          }}
          hint="Compared with the quarter before; a quarter under way counts to date."
        />
      </div>
      {report.isPending ? (
        <LoadingState label="Loading the quadrant…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.teams.length === 0 ? (
        <EmptyState>No team with active reps.</EmptyState>
      ) : (
        report.data.teams.map((team) => (
          <section key={team.teamId} className="people-quadrant" aria-labelledby={`quadrant-${team.teamId}`}>
            <h2 id={`quadrant-${team.teamId}`} className="people-subheading">
              {team.name}: median revenue <span data-testid="median-revenue">{money(team.medianRevenue)}</span> in{' '}
              {quarterLabel(report.data.quarter)}
            </h2>
            <ul className="quadrant-grid" aria-label={`${team.name} quadrant`}>
              {quadrantGrid(team.members).map((cell) => (
                <li key={cell.quadrant} className={`quadrant-grid__cell quadrant-grid__cell--${cell.quadrant}`}>
                  <h3 className="quadrant-grid__title">{cell.label}</h3>
                  <p className="muted quadrant-grid__rule">{cell.rule}</p>
                  {cell.members.length === 0 ? (
                    <p className="muted">Nobody</p>
                  ) : (
                    <ul aria-label={`${team.name}: ${cell.label}`}>
                      {cell.members.map((m) => (
                        <li key={m.userId}>
                          {m.displayName} <span className="muted">{money(m.revenue)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
            <DataTable
              caption={`${team.name}: revenue per rep`}
              columns={columns}
              rows={team.members}
              rowKey={(r) => r.userId}
              exportName="quadrant"
              empty="No reps."
            />
          </section>
        ))
      )}
    </>
  );
}
