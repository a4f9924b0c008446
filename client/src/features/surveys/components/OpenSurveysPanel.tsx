import { useState } from 'react';
import { Link } from 'react-router';
import { useOpenSurveys } from '../api/useSurveys';
import { AnswerSurveyForm } from './AnswerSurveyForm';
import './surveys.css';

/**
 * My day: open surveys the person has not answered yet (nothing at all when there are none). One
 * answered here stays in view, saying "Answered — thank you", until the page is left.
 */
export function OpenSurveysPanel() {
  const surveys = useOpenSurveys();
  const [answeredHere, setAnsweredHere] = useState<ReadonlySet<string>>(new Set());
  const shown = (surveys.data ?? []).filter((s) => !s.answered || answeredHere.has(s.id));
  if (shown.length === 0) return null;
  const waiting = shown.filter((s) => !s.answered && !answeredHere.has(s.id)).length;
  return (
    <section className="panel surveys-banner" aria-labelledby="open-surveys-heading">
      <h2 id="open-surveys-heading">
        {waiting === 0 ? 'Surveys' : waiting === 1 ? 'A survey is waiting for you' : `${String(waiting)} surveys are waiting for you`}
      </h2>
      {shown.map((survey) => (
        <AnswerSurveyForm
          key={survey.id}
          survey={survey}
          onAnswered={(id) => {
            setAnsweredHere((current) => new Set(current).add(id));
          }}
        />
      ))}
      <p>
        <Link to="/surveys">All open surveys</Link>
      </p>
    </section>
  );
}
