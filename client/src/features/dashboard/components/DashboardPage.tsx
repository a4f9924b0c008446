import { ErrorState, Page, QueryView, SelectField, TextField, useUrlParams } from '../../../components/ui';
import { useMe, type Me } from '../../auth';
import type { Bucket, MetricSubjectQuery } from '../api/useActivityMetrics';
import { useDashboardPeople } from '../api/useDashboardPeople';
import { addDays, isIsoDate, isPeriodPreset, PERIOD_PRESETS, presetWindow, type PeriodPreset, type Window } from '../period';
import { ActivitySection } from './ActivitySection';
import { DASHBOARD_TABS, isDashboardTab, panelId, tabId, type DashboardTab } from './dashboardTabIds';
import { FollowUpSection } from './FollowUpSection';
import { FunnelSection } from './FunnelSection';
import { LeaderboardSection } from './LeaderboardSection';
import { PipelineSection } from './PipelineSection';
import { QuotaSection } from './QuotaSection';
import { ResultsSection } from './ResultsSection';
import { SectionTabs } from './SectionTabs';
import { SellingTimeSection } from './SellingTimeSection';
import { SubjectPickers } from './SubjectPickers';
import { LeadScoringSection } from '../../lead-scoring/components/LeadScoringSection';
import './dashboard.css';

const BUCKETS: readonly { value: Bucket; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];

function isBucket(value: string | null): value is Bucket {
  return BUCKETS.some((b) => b.value === value);
}

/** The dashboard's choices live in the URL, so a view can be bookmarked and shared. */
function useDashboardParams() {
  const [params, update] = useUrlParams();
  const periodParam = params.get('period');
  const period: PeriodPreset = isPeriodPreset(periodParam) ? periodParam : 'this-month';
  const fallback = presetWindow('this-month', new Date());
  const window: Window =
    period === 'custom'
      ? {
          from: isIsoDate(params.get('from')) ? (params.get('from') ?? fallback.from) : fallback.from,
          to: isIsoDate(params.get('to')) ? (params.get('to') ?? fallback.to) : fallback.to,
        }
      : presetWindow(period, new Date());
  const bucketParam = params.get('bucket');
  const bucket: Bucket = isBucket(bucketParam) ? bucketParam : 'week';

  const tabParam = params.get('tab');
  const tab: DashboardTab = isDashboardTab(tabParam) ? tabParam : 'activity';

  return { period, window, bucket, tab, teamId: params.get('teamId') ?? '', userId: params.get('userId') ?? '', update };
}

function DashboardView({ me }: { me: Me }) {
  const { period, window, bucket, tab, teamId, userId, update } = useDashboardParams();
  const people = useDashboardPeople(me);
  const { nameOf } = people;

  // A rep sends only the rep (their team may differ from the team picked); otherwise the team, or nothing for the default.
  const query: MetricSubjectQuery = { ...window, ...(userId ? { userId } : teamId ? { teamId } : {}) };

  return (
    <>
      <form className="panel form form--inline dashboard-filters" aria-label="Dashboard filters" onSubmit={(e) => { e.preventDefault(); }}>
        <SelectField
          label="Period"
          name="period"
          options={PERIOD_PRESETS}
          value={period}
          onChange={(event) => {
            const next = event.target.value;
            update(next === 'custom' ? { period: next, from: window.from, to: window.to } : { period: next, from: null, to: null });
          }}
        />
        {period === 'custom' && (
          <>
            <TextField
              label="From"
              name="from"
              type="date"
              value={window.from}
              onChange={(event) => {
                if (isIsoDate(event.target.value)) update({ from: event.target.value });
              }}
            />
            <TextField
              label="To (last day included)"
              name="to"
              type="date"
              value={addDays(window.to, -1)}
              onChange={(event) => {
                if (isIsoDate(event.target.value)) update({ to: addDays(event.target.value, 1) });
              }}
            />
          </>
        )}
        <SubjectPickers
          me={me}
          people={people}
          teamId={teamId}
          userId={userId}
          onChange={update}
        />
        <SelectField
          label="Chart by"
          name="bucket"
          options={BUCKETS}
          value={bucket}
          onChange={(event) => {
            update({ bucket: event.target.value });
          }}
        />
      </form>
      <p className="muted">
        From {window.from} up to (not including) {window.to}.
      </p>
      {people.error && <ErrorState error={people.error} onRetry={people.refetch} />}
      <SectionTabs
        tabs={DASHBOARD_TABS}
        label="Dashboard sections"
        tabId={tabId}
        panelId={panelId}
        selected={tab}
        onSelect={(next) => {
          update({ tab: next === 'activity' ? null : next });
        }}
      />
      {/* Only the open tab's section is mounted, so only its figures are fetched. */}
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} className="dashboard-panel">
        {tab === 'activity' && (
          <>
            <ActivitySection query={query} bucket={bucket} nameOf={nameOf} />
            <SellingTimeSection query={query} />
          </>
        )}
        {tab === 'follow-ups' && <FollowUpSection query={query} nameOf={nameOf} />}
        {tab === 'pipeline' && <PipelineSection query={query} nameOf={nameOf} />}
        {tab === 'results' && <ResultsSection query={query} bucket={bucket} nameOf={nameOf} />}
        {tab === 'results' && <LeadScoringSection query={query} nameOf={nameOf} />}
        {tab === 'quotas' && (
          <>
            <QuotaSection query={query} nameOf={nameOf} />
            <FunnelSection query={query} nameOf={nameOf} />
            <LeaderboardSection query={query} />
          </>
        )}
      </div>
    </>
  );
}

/** Metrics for a rep (themself), a manager (their team) or an admin (anyone), with period and team/rep pickers. */
export function DashboardPage() {
  const me = useMe();
  return (
    <Page title="Dashboard">
      <QueryView query={me}>{(data) => <DashboardView me={data} />}</QueryView>
    </Page>
  );
}
