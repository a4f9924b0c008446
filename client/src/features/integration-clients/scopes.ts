import type { CheckboxOption } from '../../components/ui';

/**
 * The scopes an integration can be granted. The contract types `scopes` as plain strings and names
 * the known values only in the create operation's description, so they are listed here.
 */
export const INTEGRATION_SCOPES: readonly CheckboxOption[] = [
  {
    value: 'activities:write',
    label: 'Log activities',
    description: 'activities:write — dialers and email sync log calls, emails and meetings.',
  },
  {
    value: 'opportunities:write',
    label: 'Update opportunities',
    description: 'opportunities:write — create deals and move them through stages.',
  },
  { value: 'metrics:read', label: 'Read metrics', description: 'metrics:read — BI tools read the dashboards’ figures.' },
  {
    value: 'directory:read',
    label: 'Read the directory',
    description: 'directory:read — read accounts, contacts, users and teams.',
  },
];
