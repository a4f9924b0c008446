export type DashboardTab = 'activity' | 'follow-ups' | 'pipeline' | 'results' | 'quotas';

export const DASHBOARD_TABS: readonly { value: DashboardTab; label: string }[] = [
  { value: 'activity', label: 'Activity' },
  { value: 'follow-ups', label: 'Follow-ups' },
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'results', label: 'Results' },
  { value: 'quotas', label: 'Quotas and ranking' },
];

export function isDashboardTab(value: string | null): value is DashboardTab {
  return DASHBOARD_TABS.some((t) => t.value === value);
}

export const tabId = (tab: DashboardTab) => `dashboard-tab-${tab}`;
export const panelId = (tab: DashboardTab) => `dashboard-panel-${tab}`;
