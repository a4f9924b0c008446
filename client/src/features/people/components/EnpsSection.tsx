import { DataTable, ErrorState, LoadingState, type Column } from '../../../components/ui';
import { useListedSurveys } from '../../surveys/api/useSurveys';
import { useSurveyTrend, type SurveyResults } from '../api/usePeople';
import { enpsView, formatEnps } from './enps';

function Figure({ result, pick }: { result: SurveyResults; pick: 'enps' | 'promoters' | 'passives' | 'detractors' | 'responses' }) {
  const view = enpsView(result);
  if (view.kind === 'withheld') return <span className="muted">—</span>;
  return <>{pick === 'enps' ? formatEnps(view.enps) : view[pick]}</>;
}

/** The team's (or, for an admin without a team, the organisation's) closed surveys, oldest first. */
export function EnpsSection({ teamId }: { teamId: string }) {
  const trend = useSurveyTrend(teamId);
  // The open and upcoming surveys of this audience (the team's, or the organisation's when no team is picked), even
  // those the caller is not asked (an admin outside the team). Oldest first, like the trend.
  const open = (useListedSurveys(teamId || null).data ?? []).filter((s) => s.status !== 'closed').reverse();

  const columns: Column<SurveyResults>[] = [
    { id: 'question', header: 'Survey', rowHeader: true, cell: (r) => r.question, csv: (r) => r.question },
    { id: 'window', header: 'Open', cell: (r) => `${r.opensOn} to ${r.closesOn}`, csv: (r) => `${r.opensOn}..${r.closesOn}` },
    {
      id: 'enps',
      header: 'eNPS',
      cell: (r) => {
        const view = enpsView(r);
        return view.kind === 'withheld' ? <span className="badge badge--inactive">{view.reason}</span> : <strong>{formatEnps(view.enps)}</strong>;
      },
      csv: (r) => {
        const view = enpsView(r);
        return view.kind === 'withheld' ? view.reason : view.enps;
      },
    },
    { id: 'responses', header: 'Responses', cell: (r) => <Figure result={r} pick="responses" />, csv: (r) => r.responses },
    { id: 'promoters', header: 'Promoters', cell: (r) => <Figure result={r} pick="promoters" />, csv: (r) => r.promoters },
    { id: 'passives', header: 'Passives', cell: (r) => <Figure result={r} pick="passives" />, csv: (r) => r.passives },
    { id: 'detractors', header: 'Detractors', cell: (r) => <Figure result={r} pick="detractors" />, csv: (r) => r.detractors },
  ];

  if (trend.isPending) return <LoadingState label="Loading survey results…" />;
  if (trend.isError) return <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />;
  return (
    <>
      <p className="muted">
        eNPS = % promoters (9–10) − % detractors (0–6). Figures are withheld while a survey is open and when fewer than 5 people
        answered, so no answer can be traced to a person.
      </p>
      {open.length > 0 && (
        <ul className="people-open-surveys" aria-label="Open and upcoming surveys">
          {open.map((s) =>
            s.status === 'open' ? (
              <li key={s.id}>
                <strong>{s.question}</strong> is open until {s.closesOn}: <span className="badge badge--inactive">Withheld while the survey is open</span>
              </li>
            ) : (
              <li key={s.id}>
                <strong>{s.question}</strong> opens on {s.opensOn} and closes on {s.closesOn}: <span className="badge badge--inactive">Withheld until it has closed</span>
              </li>
            ),
          )}
        </ul>
      )}
      <DataTable
        caption={teamId ? 'eNPS trend of the team' : 'eNPS trend'}
        columns={columns}
        rows={trend.data}
        rowKey={(r) => r.surveyId}
        exportName="enps"
        empty="No closed survey yet."
      />
    </>
  );
}
