import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../../../api/problem';
import {
  Button,
  DataTable,
  ErrorState,
  LoadingState,
  Page,
  QueryView,
  SelectField,
  TextField,
  useToast,
  useUrlParams,
  type Column,
} from '../../../components/ui';
import { useMe, type Me } from '../../auth';
import { useDashboardPeople } from '../../dashboard/api/useDashboardPeople';
import { useCurrency } from '../../dashboard/api/useMetrics';
import { ExplainDialog } from '../../dashboard/components/ExplainDialog';
import { SubjectPickers } from '../../dashboard/components/SubjectPickers';
import { formatCount, formatMoney, formatRatio } from '../../dashboard/format';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { forecastKeys } from '../api/forecastKeys';
import {
  explainForecast,
  useForecast,
  useSnapshotForecasts,
  type ForecastMethod,
  type ForecastPeriod,
  type ForecastQuery,
  type ForecastReport,
  type ForecastSubject,
  type HistoricalInputs,
} from '../api/useForecasts';
import { EMPTY_DRAFT, METHOD_LABELS, parseHistoricalDraft, periodLabel, periodOptions, type HistoricalDraft } from '../forecastPeriods';
import { AccuracySection } from './AccuracySection';
import { CATEGORY_LABELS } from './categoryLabels';
import './forecast.css';

const PERIOD_KINDS: readonly { value: ForecastPeriod; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];
const HISTORICAL_FIELDS = ['growthRate', 'newReps', 'newRepDeals', 'newRepDealSize'] as const;

/** Period and subject live in the URL, like the dashboard's, so a view can be shared. */
function useForecastParams(me: Me) {
  const [params, update] = useUrlParams();
  const period: ForecastPeriod = params.get('period') === 'quarter' ? 'quarter' : 'month';
  const options = periodOptions(period, new Date());
  const startParam = params.get('start');
  const start = options.some((o) => o.value === startParam) ? (startParam ?? '') : (options[0]?.value ?? '');
  const teamId = params.get('teamId') ?? '';
  const userId = params.get('userId') ?? '';
  // Reps see their own forecast; others a rep, a team, or their default (admin: organisation, manager: team).
  const subject: ForecastSubject = me.role === 'rep' ? { userId: me.id } : userId ? { userId } : teamId ? { teamId } : {};
  return { period, start, options, teamId, userId, subject, update };
}

function ForecastView({ me }: { me: Me }) {
  const { period, start, options, teamId, userId, subject, update } = useForecastParams(me);
  const people = useDashboardPeople(me);
  const { nameOf } = people;
  const currency = useCurrency();
  const money = (value: number | null) => formatMoney(value, currency);

  const [inputs, setInputs] = useState<HistoricalInputs>({});
  const base: ForecastQuery = { period, start, ...subject };
  const withInputs = useForecast({ ...base, ...inputs });
  const defaults = useForecast(base);
  const [explaining, setExplaining] = useState<ForecastMethod | null>(null);

  // Inputs the API refused (400 on a historical field) leave the default figures on screen and the errors by their fields.
  const inputsProblem = withInputs.error ? toApiProblem(withInputs.error) : null;
  const refusedInputs = inputsProblem?.status === 400 && HISTORICAL_FIELDS.some((f) => inputsProblem.errorsFor(f).length > 0);
  const report = withInputs.data ?? (refusedInputs ? defaults.data : undefined);

  return (
    <>
      <form className="panel form form--inline forecast-filters" aria-label="Forecast filters" onSubmit={(e) => { e.preventDefault(); }}>
        <SelectField
          label="Period"
          name="period"
          options={PERIOD_KINDS}
          value={period}
          onChange={(event) => {
            update({ period: event.target.value, start: null });
          }}
        />
        <SelectField
          label={period === 'month' ? 'Month' : 'Quarter'}
          name="start"
          options={options}
          value={start}
          onChange={(event) => {
            update({ start: event.target.value });
          }}
        />
        {me.role !== 'rep' && (
          <SubjectPickers
            me={me}
            people={people}
            teamId={teamId}
            userId={userId}
            onChange={update}
          />
        )}
      </form>
      {me.role !== 'rep' && <SnapshotButton subject={subject} />}
      {people.error && <ErrorState error={people.error} onRetry={people.refetch} />}
      {!report ? (
        withInputs.isError ? (
          <ErrorState error={withInputs.error} onRetry={() => void withInputs.refetch()} />
        ) : (
          <LoadingState label="Loading forecast…" />
        )
      ) : (
        <>
          <p className="muted">
            {periodLabel(period, start)}: from {report.context.start} up to (not including) {report.context.end}, in{' '}
            {report.context.timeZone}.
          </p>
          <ForecastMethods
            report={report}
            money={money}
            onExplain={setExplaining}
            inputsForm={
              <HistoricalInputsForm
                report={report}
                problem={refusedInputs ? inputsProblem : null}
                pending={withInputs.isFetching}
                onApply={setInputs}
                money={money}
              />
            }
          />
          <CategoryRollUp report={report} money={money} />
        </>
      )}
      <AccuracySection period={period} subject={subject} money={money} />
      {explaining && (
        <ExplainDialog
          title={`${METHOD_LABELS[explaining]} forecast: deals`}
          queryKey={forecastKeys.explain(explaining, base)}
          fetchPage={(cursor) => explainForecast(explaining, base, cursor)}
          nameOf={nameOf}
          valueColumn={{ header: 'Counted at', format: (v) => (v === null ? 'Trailing win' : formatRatio(v)) }}
          onClose={() => {
            setExplaining(null);
          }}
        />
      )}
    </>
  );
}

function SnapshotButton({ subject }: { subject: ForecastSubject }) {
  const snapshot = useSnapshotForecasts();
  const keys = useRef(new SubmissionKeys());
  const toast = useToast();
  return (
    <div className="forecast-snapshot">
      <Button
        variant="secondary"
        disabled={snapshot.isPending}
        onClick={() => {
          snapshot.mutate(
            // A retry after a failure reuses the key; a click after a success is a new submission.
            { subject, idempotencyKey: keys.current.keyFor(subject) },
            {
              onSuccess: (run) => {
                keys.current.reset();
                toast.show(run.saved === 0 ? 'Snapshots were already saved for this period.' : `${formatCount(run.saved)} snapshots saved.`);
              },
            },
          );
        }}
      >
        {snapshot.isPending ? 'Saving…' : 'Save snapshot now'}
      </Button>
      <span className="muted"> Saves this month’s and quarter’s forecasts so their accuracy can be measured when they end.</span>
      {snapshot.error && <ErrorState error={snapshot.error} />}
    </div>
  );
}

interface MethodsProps {
  report: ForecastReport;
  money: (value: number | null) => string;
  onExplain: (method: ForecastMethod) => void;
  inputsForm: ReactNode;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ForecastMethods({ report, money, onExplain, inputsForm }: MethodsProps) {
  const { stageWeighted: sw, cycleAge: ca, historical: h } = report;
  const deals = (count: number, amount: number) => `${formatCount(count)} deals, ${money(amount)}`;
  const explain = (method: ForecastMethod) => (
    <Button
      variant="secondary"
      className="button--small"
      aria-haspopup="dialog"
      onClick={() => {
        onExplain(method);
      }}
    >
      Show the deals<span className="visually-hidden"> behind the {METHOD_LABELS[method].toLowerCase()} forecast</span>
    </Button>
  );

  return (
    <div className="forecast-methods">
      <section className="panel forecast-method" aria-labelledby="method-stage-weighted">
        <h2 id="method-stage-weighted">Stage-weighted</h2>
        <p className="forecast-method__figure" data-testid="forecast-stage_weighted">{money(sw.forecast)}</p>
        <dl className="forecast-facts">
          <Fact term="Won so far">{deals(sw.wonSoFar.count, sw.wonSoFar.amount)}</Fact>
          <Fact term="Open deals counted">{deals(sw.openDeals.count, sw.openDeals.amount)}</Fact>
          <Fact term="Weighted open amount">{money(sw.weighted)}</Fact>
        </dl>
        <DataTable
          caption="Stage-weighted forecast by stage"
          columns={stageColumns(money)}
          rows={sw.stages}
          rowKey={(s) => s.stageId}
          exportName="forecast-stages"
          empty="No open deals expected to close in this period."
        />
        {explain('stage_weighted')}
      </section>
      <section className="panel forecast-method" aria-labelledby="method-cycle-age">
        <h2 id="method-cycle-age">Cycle-age</h2>
        <p className="forecast-method__figure" data-testid="forecast-cycle_age">{money(ca.forecast)}</p>
        <dl className="forecast-facts">
          <Fact term="Won so far">{deals(ca.wonSoFar.count, ca.wonSoFar.amount)}</Fact>
          <Fact term="Open deals counted">{deals(ca.openDeals.count, ca.openDeals.amount)}</Fact>
          <Fact term="Weighted by age">{money(ca.weighted)}</Fact>
          <Fact term="Typical cycle">
            {ca.typicalCycleDays === null
              ? 'No deal won in the last 12 months: open deals add nothing'
              : `${formatCount(ca.typicalCycleDays)} days (median of ${formatCount(ca.cycleDeals)} deals won ${ca.cycleFrom.slice(0, 10)} to ${ca.cycleTo.slice(0, 10)})`}
          </Fact>
        </dl>
        {explain('cycle_age')}
      </section>
      <section className="panel forecast-method" aria-labelledby="method-historical">
        <h2 id="method-historical">Historical</h2>
        <p className="forecast-method__figure" data-testid="forecast-historical">{money(h.forecast)}</p>
        <dl className="forecast-facts">
          <Fact term="Won in the trailing months">
            {deals(h.trailingWon.count, h.trailingWon.amount)} ({h.trailingFrom} to {h.trailingTo})
          </Fact>
          <Fact term="Average a month">{money(h.averageMonthlyRevenue)}</Fact>
          <Fact term="Baseline">
            {money(h.averageMonthlyRevenue)} × {formatCount(h.months)} × (1 + {h.growthRate}) = {money(h.baseline)}
          </Fact>
          <Fact term="New reps">
            {formatCount(h.newReps)} × {formatCount(h.newRepDeals)} × {money(h.newRepDealSize)} = {money(h.newRepRevenue)}
          </Fact>
        </dl>
        {inputsForm}
        {explain('historical')}
      </section>
    </div>
  );
}

function stageColumns(money: (value: number | null) => string): Column<ForecastReport['stageWeighted']['stages'][number]>[] {
  return [
    { id: 'stage', header: 'Stage', rowHeader: true, cell: (s) => s.name, csv: (s) => s.name },
    { id: 'probability', header: 'Probability', cell: (s) => `${String(s.probability)}%`, csv: (s) => s.probability },
    { id: 'count', header: 'Deals', cell: (s) => formatCount(s.count), csv: (s) => s.count },
    { id: 'amount', header: 'Amount', cell: (s) => money(s.amount), csv: (s) => s.amount },
    { id: 'weighted', header: 'Weighted', cell: (s) => money(s.weighted), csv: (s) => s.weighted },
  ];
}

interface InputsProps {
  report: ForecastReport;
  problem: ApiProblem | null;
  pending: boolean;
  onApply: (inputs: HistoricalInputs) => void;
  money: (value: number | null) => string;
}

function HistoricalInputsForm({ report, problem, pending, onApply, money }: InputsProps) {
  const [draft, setDraft] = useState<HistoricalDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<keyof HistoricalDraft, string>>>({});
  const field = (name: keyof HistoricalDraft, label: string, hint: string) => (
    <TextField
      label={label}
      name={name}
      type="text"
      inputMode="decimal"
      hint={hint}
      value={draft[name]}
      errors={errors[name] ? [errors[name]] : []}
      problem={problem}
      onChange={(event) => {
        setDraft({ ...draft, [name]: event.target.value });
      }}
    />
  );

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseHistoricalDraft(draft);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length === 0) onApply(parsed.inputs);
  }

  return (
    <form className="form forecast-inputs" onSubmit={handleSubmit} noValidate aria-labelledby="historical-inputs-heading">
      <h3 id="historical-inputs-heading">Historical inputs</h3>
      {problem && <p className="field__errors">These inputs were refused; the figures shown use the defaults.</p>}
      {field('growthRate', 'Growth rate', 'A fraction: 0.05 is +5%. Default 0.')}
      {field('newReps', 'New reps', 'Default 0.')}
      {field('newRepDeals', 'Deals per new rep', 'In their first month. Default 1.')}
      {field('newRepDealSize', 'New rep deal size', `Default: the trailing average won deal, ${money(report.historical.newRepDealSize)} now.`)}
      <div className="form__actions">
        <Button type="submit" disabled={pending}>
          {pending ? 'Calculating…' : 'Recalculate'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(EMPTY_DRAFT);
            setErrors({});
            onApply({});
          }}
        >
          Use defaults
        </Button>
      </div>
    </form>
  );
}

function CategoryRollUp({ report, money }: { report: ForecastReport; money: (value: number | null) => string }) {
  return (
    <section className="panel dashboard-section" aria-labelledby="categories-heading">
      <h2 id="categories-heading">Forecast categories</h2>
      <p className="muted">The open deals expected to close in the period, by the category their owners gave them.</p>
      <DataTable
        caption="Open deals by forecast category"
        columns={[
          { id: 'category', header: 'Category', rowHeader: true, cell: (c) => CATEGORY_LABELS[c.category], csv: (c) => c.category },
          { id: 'count', header: 'Deals', cell: (c) => formatCount(c.count), csv: (c) => c.count },
          { id: 'amount', header: 'Amount', cell: (c) => money(c.amount), csv: (c) => c.amount },
        ]}
        rows={report.categories}
        rowKey={(c) => c.category}
        exportName="forecast-categories"
        empty="No categories."
      />
      <p className="muted">
        Open deals without an expected close date (in no period): {formatCount(report.openWithoutCloseDate.count)},{' '}
        {money(report.openWithoutCloseDate.amount)}.
      </p>
    </section>
  );
}

/** The three forecast methods side by side for a month or quarter, the category roll-up and the methods' track record. */
export function ForecastPage() {
  const me = useMe();
  return (
    <Page title="Forecast">
      <QueryView query={me}>{(data) => <ForecastView me={data} />}</QueryView>
    </Page>
  );
}
