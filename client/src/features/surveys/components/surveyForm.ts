import type { CreateSurveyRequest } from '../api/useSurveys';

/** The audience select's value for the whole organisation (admins only). */
export const ORGANISATION = 'organisation';

/** `yyyy-MM-dd` of a local day, `offsetDays` from today. */
export function localDay(offsetDays = 0, now: Date = new Date()): string {
  const date = new Date(now);
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The create body from the form: the audience select's "organisation" is no `teamId`. */
export function surveyBody(question: string, opensOn: string, closesOn: string, audience: string): CreateSurveyRequest {
  return { question: question.trim(), opensOn, closesOn, teamId: audience === ORGANISATION || audience === '' ? null : audience };
}
