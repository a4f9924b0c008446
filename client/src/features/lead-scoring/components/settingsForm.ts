import type { Schema } from '../../../api/types';

export type LeadAssignmentRule = Schema<'LeadAssignmentRule'>;

export const ASSIGNMENTS: readonly { value: LeadAssignmentRule; label: string }[] = [
  { value: 'none', label: 'None: the owner stays' },
  { value: 'round_robin', label: 'Round robin within a team' },
  { value: 'owner', label: 'A named owner' },
];

export function isAssignment(value: string): value is LeadAssignmentRule {
  return ASSIGNMENTS.some((a) => a.value === value);
}

/** A whole number typed in a field, or NaN (sent as is, so the API names the field). */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The settings body: only the id the chosen rule uses is sent (the API clears the other). */
export function settingsBody(
  threshold: string,
  assignment: LeadAssignmentRule,
  teamId: string,
  userId: string,
): Schema<'UpdateScoringSettingsRequest'> {
  return {
    threshold: wholeNumber(threshold),
    assignment,
    teamId: assignment === 'round_robin' && teamId ? teamId : null,
    userId: assignment === 'owner' && userId ? userId : null,
  };
}
