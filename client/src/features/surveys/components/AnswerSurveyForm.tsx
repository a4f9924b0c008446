import { useId, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Alert, Button } from '../../../components/ui';
import { useAnswerSurvey, type OpenSurvey } from '../api/useSurveys';
import { answerRefusal, formatDay, parseScore, SCORES, scoreLabel } from './scoreScale';
import './surveys.css';

export const ANONYMITY_NOTE =
  'Answers are anonymous: nobody can see who gave which score. Results are shown only once the survey has closed with 5 or more responses.';

/** One open survey: the 0–10 scale, sent once; afterwards "Answered — thank you". */
export function AnswerSurveyForm({
  survey,
  headingLevel = 3,
  onAnswered,
}: {
  survey: OpenSurvey;
  headingLevel?: 2 | 3;
  onAnswered?: (surveyId: string) => void;
}) {
  const answer = useAnswerSurvey(survey.id, () => onAnswered?.(survey.id));
  const [score, setScore] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const [answeredHere, setAnsweredHere] = useState(false);
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const refusal = answer.error ? answerRefusal(toApiProblem(answer.error)) : null;
  const answered = survey.answered || answeredHere || refusal?.answered === true;
  const closed = refusal?.closed === true;
  const window = `Open ${formatDay(survey.opensOn)} to ${formatDay(survey.closesOn)}`;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (answer.isPending) return;
    if (score === null) {
      setMissing(true);
      return;
    }
    answer.mutate(score, {
      onSuccess: () => {
        setAnsweredHere(true);
      },
    });
  }

  if (answered) {
    return (
      <article className="survey" aria-labelledby={`${id}-q`}>
        <Heading id={`${id}-q`} className="survey__question">
          {survey.question}
        </Heading>
        <p className="muted">{window}</p>
        {refusal?.answered && <Alert>{refusal.message}</Alert>}
        <p className="survey__answered" role="status">
          <span className="badge badge--active">Answered — thank you</span>
        </p>
      </article>
    );
  }

  return (
    <article className="survey" aria-labelledby={`${id}-q`}>
      <Heading id={`${id}-q`} className="survey__question">
        {survey.question}
      </Heading>
      <p className="muted">{window}</p>
      <p id={`${id}-note`} className="survey__note">
        {ANONYMITY_NOTE}
      </p>
      {refusal && !refusal.answered && <Alert>{refusal.message}</Alert>}
      <form onSubmit={handleSubmit} noValidate>
        <fieldset className="score-scale" aria-describedby={missing ? `${id}-missing` : undefined} disabled={closed}>
          <legend className="score-scale__legend">Your answer, from 0 to 10</legend>
          <div className="score-scale__options">
            {SCORES.map((value) => (
              <label key={value} className="score-scale__option">
                <input
                  type="radio"
                  name={`score-${survey.id}`}
                  value={value}
                  checked={score === value}
                  onChange={(event) => {
                    setScore(parseScore(event.target.value));
                    setMissing(false);
                  }}
                />
                <span>{scoreLabel(value)}</span>
              </label>
            ))}
          </div>
          {missing && (
            <p id={`${id}-missing`} className="field__errors">
              Choose a score from 0 to 10.
            </p>
          )}
        </fieldset>
        <Button type="submit" disabled={answer.isPending || closed}>
          {answer.isPending ? 'Sending…' : 'Send answer'}
        </Button>
      </form>
    </article>
  );
}
