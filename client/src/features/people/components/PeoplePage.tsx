import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState, SelectField, usePageTitle } from '../../../components/ui';
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
  const [params, setParams] = useSearchParams();
  const people = useDashboardPeople(me);
  const tabParam = params.get('tab');
  const tab: PeopleTab = isPeopleTab(tabParam) ? tabParam : 'readiness';
  // A manager always reads their own team; an admin picks one, or the whole organisation.
  const teamId = me.role === 'admin' ? (params.get('teamId') ?? '') : (me.teamId ?? '');

  function update(key: string, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
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
  usePageTitle('People');
  const me = useMe();
  return (
    <section aria-labelledby="people-heading">
      <div className="page-header">
        <h1 id="people-heading">People</h1>
      </div>
      {me.isPending ? (
        <LoadingState />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.role === 'rep' ? (
        <p>This page is for managers and admins. Your own pay is under “My pay” in the account menu.</p>
      ) : (
        <PeopleView me={me.data} />
      )}
    </section>
  );
}
