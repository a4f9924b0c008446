import type { ApiProblem } from '../../../api/problem';

/** The eNPS scale: 0 to 10, both ends labelled in words. */
export const SCORES: readonly number[] = Array.from({ length: 11 }, (_, i) => i);

export function scoreLabel(score: number): string {
  if (score === 0) return '0 — not at all likely';
  if (score === 10) return '10 — extremely likely';
  return String(score);
}

/** A radio value back to a score; anything but a whole number 0–10 is `null` (nothing chosen). */
export function parseScore(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,2}$/.test(value)) return null;
  const score = Number(value);
  return score >= 0 && score <= 10 ? score : null;
}

/** What an answer's refusal means to the person: 409 already answered, 400 on `survey` the window closed. */
export function answerRefusal(problem: ApiProblem): { message: string; answered: boolean; closed: boolean } {
  if (problem.status === 409) {
    return { message: 'You have already answered this survey. Answers cannot be changed.', answered: true, closed: false };
  }
  if (problem.status === 400 && problem.errorsFor('survey').length > 0) {
    return { message: 'This survey is closed: it no longer takes answers.', answered: false, closed: true };
  }
  if (problem.status === 404) {
    return { message: 'This survey is not open to you.', answered: false, closed: true };
  }
  return { message: problem.errorsFor('score')[0] ?? problem.detail ?? problem.title, answered: false, closed: false };
}

/** "12 Nov 2026", from an ISO calendar date, without shifting it through a time zone. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
