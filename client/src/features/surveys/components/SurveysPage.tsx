import { ErrorState, LoadingState, usePageTitle } from '../../../components/ui';
import { useMe } from '../../auth';
import { useTeams } from '../../teams/api/useTeams';
import { CreateSurveyForm } from './CreateSurveyForm';
import { OpenSurveysList } from './OpenSurveysList';
import { SurveyList } from './SurveyList';

/** `/surveys`: everyone answers open surveys here; managers also ask their team. */
export function SurveysPage() {
  usePageTitle('Surveys');
  const me = useMe();
  return (
    <section aria-labelledby="surveys-heading">
      <div className="page-header">
        <h1 id="surveys-heading">Surveys</h1>
      </div>
      <h2>Open surveys</h2>
      <OpenSurveysList />
      {me.data?.role === 'manager' && <ManagerCreate />}
    </section>
  );
}

function ManagerCreate() {
  const me = useMe();
  const teams = useTeams();
  if (!me.data) return null;
  if (teams.isPending) return <LoadingState label="Loading teams…" />;
  // Without the team's name the form still works: the audience reads "My team".
  return (
    <>
      {teams.isError && <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />}
      <CreateSurveyForm me={me.data} teams={teams.data ?? []} />
      {me.data.teamId && <SurveyList />}
    </>
  );
}
