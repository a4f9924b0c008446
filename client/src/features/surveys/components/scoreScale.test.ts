import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../api/problem';
import { answerRefusal, parseScore, SCORES, scoreLabel } from './scoreScale';
import { surveyBody } from './surveyForm';

describe('the 0–10 scale', () => {
  it('has eleven points, the ends labelled in words', () => {
    expect(SCORES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(SCORES.map(scoreLabel)).toEqual([
      '0 — not at all likely',
      '1', '2', '3', '4', '5', '6', '7', '8', '9',
      '10 — extremely likely',
    ]);
  });

  it('reads only whole scores from 0 to 10', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore('10')).toBe(10);
    expect(parseScore('11')).toBeNull();
    expect(parseScore('-1')).toBeNull();
    expect(parseScore('7.5')).toBeNull();
    expect(parseScore('')).toBeNull();
    expect(parseScore(null)).toBeNull();
  });
});

describe('an answer the API refused', () => {
  it('409 is "already answered", and the survey counts as answered', () => {
    const refusal = answerRefusal(new ApiProblem({ status: 409, title: 'Conflict', fieldErrors: { score: ['Already answered.'] } }));
    expect(refusal).toEqual({ message: 'You have already answered this survey. Answers cannot be changed.', answered: true, closed: false });
  });

  it('400 on `survey` is "closed"; 400 on `score` shows the API message', () => {
    expect(answerRefusal(new ApiProblem({ status: 400, title: 'Bad', fieldErrors: { survey: ['The survey is closed.'] } }))).toMatchObject({
      closed: true,
      message: 'This survey is closed: it no longer takes answers.',
    });
    expect(answerRefusal(new ApiProblem({ status: 400, title: 'Bad', fieldErrors: { score: ['0 to 10.'] } }))).toEqual({
      message: '0 to 10.',
      answered: false,
      closed: false,
    });
  });
});

describe('the create body', () => {
  it('sends no team for the organisation, the team id otherwise', () => {
    expect(surveyBody(' Q? ', '2026-11-24', '2026-12-07', 'organisation')).toEqual({
      question: 'Q?',
      opensOn: '2026-11-24',
      closesOn: '2026-12-07',
      teamId: null,
    });
    expect(surveyBody('Q?', '2026-11-24', '2026-12-07', 't1').teamId).toBe('t1');
  });
});
