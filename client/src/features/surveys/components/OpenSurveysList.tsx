import { EmptyState, ErrorState, LoadingState } from '../../../components/ui';
import { useOpenSurveys } from '../api/useSurveys';
import { AnswerSurveyForm } from './AnswerSurveyForm';

/** Every open survey for the person, answered or not. */
export function OpenSurveysList() {
  const surveys = useOpenSurveys();
  if (surveys.isPending) return <LoadingState label="Loading surveys…" />;
  if (surveys.isError) return <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />;
  if (surveys.data.length === 0) return <EmptyState>No surveys are open for you right now.</EmptyState>;
  return (
    <div className="panel">
      {surveys.data.map((survey) => (
        <AnswerSurveyForm key={survey.id} survey={survey} />
      ))}
    </div>
  );
}
