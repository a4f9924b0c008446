import type { Role } from './api/useMe';

const ROLE_LABELS: Record<Role, string> = {
  rep: 'Sales rep',
  manager: 'Manager',
  admin: 'Administrator',
};

/** Every role, in the order pickers list them (the record above keeps it in step with the contract). */
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
