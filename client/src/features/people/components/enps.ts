import type { SurveyResults } from '../api/usePeople';

export type EnpsView =
  | { kind: 'shown'; enps: number; responses: number; promoters: number; passives: number; detractors: number }
  | { kind: 'withheld'; reason: string };

/**
 * What a survey's row may show: the figures once it has closed with enough answers, else only why they are
 * withheld (never a count, which would tell who answered in a small team).
 */
export function enpsView(result: SurveyResults): EnpsView {
  if (result.withheld === 'open') return { kind: 'withheld', reason: 'Withheld: the survey is still open' };
  if (
    result.withheld === 'too_few_responses' ||
    result.enps === null ||
    result.responses === null ||
    result.promoters === null ||
    result.passives === null ||
    result.detractors === null
  ) {
    return { kind: 'withheld', reason: `Withheld: fewer than ${String(result.minimumResponses)} responses` };
  }
  return {
    kind: 'shown',
    enps: result.enps,
    responses: result.responses,
    promoters: result.promoters,
    passives: result.passives,
    detractors: result.detractors,
  };
}

/** eNPS with its sign ("+29", "−12", "0"). */
export function formatEnps(value: number): string {
  return value > 0 ? `+${String(value)}` : value < 0 ? `−${String(-value)}` : '0';
}
