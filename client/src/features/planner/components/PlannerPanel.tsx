import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, ErrorState, FormAlert, LoadingState, SelectField, TextField } from '../../../components/ui';
import { formatCount } from '../../dashboard/format';
import { usePlanner, type PlannerQuery, type PlannerReport } from '../api/usePlanner';
import { emptyDraft, plannerQuery, RATE_FIELDS, rateSource, type PlannerDraft } from '../plannerDraft';

const GOAL_KINDS = [
  { value: 'deals', label: 'Won deals' },
  { value: 'revenue', label: 'Won revenue' },
] as const;
const FIELDS = ['month', 'goalDeals', 'goalRevenue', 'averageDealSize', ...RATE_FIELDS.map((r) => r.name)] as const;
const RATE_LABELS: Record<string, string> = {
  ...Object.fromEntries(RATE_FIELDS.map((r) => [r.name, r.label])),
  averageDealSize: 'Average deal size',
};

/** The rep's reverse funnel: a month's goal becomes the calls, meetings, opportunities and deals needed a month and a working day. */
export function PlannerPanel() {
  const [draft, setDraft] = useState<PlannerDraft>(() => emptyDraft(new Date()));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [query, setQuery] = useState<PlannerQuery | null>(null);
  const plan = usePlanner(query);
  const problem = plan.error ? toApiProblem(plan.error) : null;
  const fieldErrors = (name: string) => (errors[name] ? [errors[name]] : []);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = plannerQuery(draft);
    setErrors(result.errors);
    if (result.query) setQuery(result.query);
  }

  return (
    <section className="panel planner" aria-labelledby="planner-heading">
      <h2 id="planner-heading">Activity planner</h2>
      <p className="muted">Enter a goal for a month; rates left empty come from your own history, or the organisation’s.</p>
      <form className="form" onSubmit={handleSubmit} noValidate aria-label="Plan a month">
        {problem?.status === 400 ? <FormAlert problem={problem} fields={FIELDS} /> : null}
        <div className="form form--inline">
          <TextField
            label="Month"
            name="month"
            type="month"
            value={draft.month}
            errors={fieldErrors('month')}
            problem={problem}
            onChange={(event) => {
              setDraft({ ...draft, month: event.target.value });
            }}
          />
          <SelectField
            label="Goal in"
            name="goalKind"
            options={GOAL_KINDS}
            value={draft.goalKind}
            onChange={(event) => {
              setDraft({ ...draft, goalKind: event.target.value === 'revenue' ? 'revenue' : 'deals' });
            }}
          />
          <TextField
            label={draft.goalKind === 'deals' ? 'Goal (won deals)' : 'Goal (won revenue)'}
            name={draft.goalKind === 'deals' ? 'goalDeals' : 'goalRevenue'}
            inputMode="decimal"
            value={draft.goal}
            errors={fieldErrors(draft.goalKind === 'deals' ? 'goalDeals' : 'goalRevenue')}
            problem={problem}
            onChange={(event) => {
              setDraft({ ...draft, goal: event.target.value });
            }}
          />
        </div>
        <fieldset className="planner__rates">
          <legend>Rates (optional overrides, fractions: 0.05 is 5%)</legend>
          <div className="form form--inline">
            {RATE_FIELDS.map((rate) => (
              <TextField
                key={rate.name}
                label={rate.label}
                name={rate.name}
                inputMode="decimal"
                value={draft.rates[rate.name]}
                errors={fieldErrors(rate.name)}
                problem={problem}
                hint={rate.name === 'callToDeal' ? 'When given, it alone sets the calls.' : undefined}
                onChange={(event) => {
                  setDraft({ ...draft, rates: { ...draft.rates, [rate.name]: event.target.value } });
                }}
              />
            ))}
            {draft.goalKind === 'revenue' && (
              <TextField
                label="Average deal size"
                name="averageDealSize"
                inputMode="decimal"
                value={draft.averageDealSize}
                errors={fieldErrors('averageDealSize')}
                problem={problem}
                onChange={(event) => {
                  setDraft({ ...draft, averageDealSize: event.target.value });
                }}
              />
            )}
          </div>
        </fieldset>
        <div className="form__actions">
          <Button type="submit" disabled={plan.isFetching}>
            {plan.isFetching ? 'Planning…' : 'Plan'}
          </Button>
        </div>
      </form>
      {query === null ? null : plan.isPending ? (
        <LoadingState label="Planning…" />
      ) : plan.isError ? (
        problem?.status === 400 ? null : <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanResult report={plan.data} />
      )}
    </section>
  );
}

function PlanResult({ report }: { report: PlannerReport }) {
  const rows = [
    { label: 'Calls (outbound)', key: 'calls' },
    { label: 'Meetings (held)', key: 'meetings' },
    { label: 'Opportunities', key: 'opportunities' },
    { label: 'Won deals', key: 'deals' },
  ] as const;
  return (
    <div className="planner__result" aria-live="polite">
      <p data-testid="working-days">
        <strong>{formatCount(report.workingDays)} working days</strong> in {report.month}
        {report.nonWorkingDays.length > 0 &&
          ` (without ${report.nonWorkingDays.map((d) => `${d.name}, ${d.date}`).join('; ')})`}
        .
      </p>
      <div className="table-scroll" role="region" aria-label="Activity needed table" tabIndex={0}>
        <table className="table">
          <caption>Activity needed</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Per month</th>
              <th scope="col">Per working day</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{neededText(report.perMonth[row.key])}</td>
                <td>{neededText(report.perWorkingDay?.[row.key] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" role="region" aria-label="Rates used table" tabIndex={0}>
        <table className="table">
          <caption>Rates used (history {report.historyFrom} to {report.historyTo}, not including)</caption>
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {report.rates.map((rate) => (
              <tr key={rate.name}>
                <th scope="row">{RATE_LABELS[rate.name] ?? rate.name}</th>
                <td>{rate.value.toLocaleString('en-GB', { maximumFractionDigits: 4 })}</td>
                <td>{rateSource(rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A step without a known rate (only callToDeal given, no history) shows a dash, not a number. */
function neededText(value: number | null): string {
  return value === null ? '—' : formatCount(value);
}
