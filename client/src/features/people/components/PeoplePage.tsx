import { ErrorState, Page, QueryView, SelectField, useUrlParams } from '../../../components/ui';
import { useMe, type Me } from '../../auth';
import { useDashboardPeople } from '../../dashboard/api/useDashboardPeople';
import '../../dashboard/components/dashboard.css';
import { CommissionSection } from './CommissionSection';
import { EnpsSection } from './EnpsSection';
import { SectionTabs } from '../../dashboard/components/SectionTabs';
import { PEOPLE_TABS, isPeopleTab, panelId, tabId, type PeopleTab } from './peopleTabIds';
import { QuadrantSection } from './QuadrantSection';
import { RampSection } from './RampSection';
import { ReadinessSection } from './ReadinessSection';
import './people.css';

function PeopleView({ me }: { me: Me }) {
  const [params, updateParams] = useUrlParams();
  const people = useDashboardPeople(me);
  const tabParam = params.get('tab');
  const tab: PeopleTab = isPeopleTab(tabParam) ? tabParam : 'readiness';
  // A manager always reads their own team; an admin picks one, or the whole organisation.
  const teamId = me.role === 'admin' ? (params.get('teamId') ?? '') : (me.teamId ?? '');

  function update(key: string, value: string) {
    updateParams({ [key]: value });
  }

  return (
    <>
      {me.role === 'admin' && (
        <form className="panel form form--inline" aria-label="People filters" onSubmit={(e) => { e.preventDefault(); }}>
          <SelectField
            label="Team"
            name="teamId"
            options={people.teams.map((t) => ({ value: t.id, label: t.name }))}
            placeholder="Whole organisation"
            value={teamId}
            disabled={people.isPending}
            onChange={(event) => {
              update('teamId', event.target.value);
            }}
          />
        </form>
      )}
      {me.role === 'manager' && (
        <p className="muted">
          Your team: {people.teams.find((t) => t.id === me.teamId)?.name ?? (me.teamId ? '…' : 'none')}
        </p>
      )}
      {people.error && <ErrorState error={people.error} onRetry={people.refetch} />}
      <SectionTabs
        tabs={PEOPLE_TABS}
        label="People sections"
        tabId={tabId}
        panelId={panelId}
        selected={tab}
        onSelect={(next) => {
          update('tab', next === 'readiness' ? '' : next);
        }}
      />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} className="dashboard-panel">
        {tab === 'readiness' && <ReadinessSection teamId={teamId} me={me} />}
        {tab === 'ramp' && <RampSection teamId={teamId} />}
        {tab === 'quadrant' && <QuadrantSection teamId={teamId} />}
        {tab === 'enps' && <EnpsSection teamId={teamId} />}
        {tab === 'commission' && <CommissionSection teamId={teamId} />}
      </div>
    </>
  );
}

/** Readiness, ramp time, the rep quadrant, eNPS and commission of a team, for its manager and for admins. */
export function PeoplePage() {
  const me = useMe();
  return (
    <Page title="People">
      <QueryView query={me}>
        {(data) =>
          data.role === 'rep' ? (
            <p>This page is for managers and admins. Your own pay is under “My pay” in the account menu.</p>
          ) : (
            <PeopleView me={data} />
          )
        }
      </QueryView>
    </Page>
  );
}
