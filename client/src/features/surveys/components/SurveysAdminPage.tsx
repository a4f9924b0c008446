import { ErrorState, LoadingState, usePageTitle } from '../../../components/ui';
import { useMe } from '../../auth';
import { useTeams } from '../../teams/api/useTeams';
import { CreateSurveyForm } from './CreateSurveyForm';
import { SurveyList } from './SurveyList';

/** Admin → Surveys: ask the organisation or one team. Results live on the people page. */
export function SurveysAdminPage() {
  usePageTitle('Surveys');
  const me = useMe();
  const teams = useTeams();
  return (
    <section aria-labelledby="surveys-admin-heading">
      <div className="page-header">
        <h1 id="surveys-admin-heading">Surveys</h1>
      </div>
      {me.isPending || teams.isPending ? (
        <LoadingState label="Loading teams…" />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <>
          <CreateSurveyForm me={me.data} teams={teams.data} />
          <SurveyList teams={teams.data} />
        </>
      )}
    </section>
  );
}
