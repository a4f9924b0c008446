import type { Role } from './api/useMe';

const ROLE_LABELS: Record<Role, string> = {
  rep: 'Sales rep',
  manager: 'Manager',
  admin: 'Administrator',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
