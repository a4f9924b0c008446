export type PeopleTab = 'readiness' | 'ramp' | 'quadrant' | 'enps' | 'commission';

export const PEOPLE_TABS: readonly { value: PeopleTab; label: string }[] = [
  { value: 'readiness', label: 'Readiness' },
  { value: 'ramp', label: 'Ramp' },
  { value: 'quadrant', label: 'Quadrant' },
  { value: 'enps', label: 'eNPS' },
  { value: 'commission', label: 'Commission' },
];

export function isPeopleTab(value: string | null): value is PeopleTab {
  return PEOPLE_TABS.some((t) => t.value === value);
}

export const tabId = (tab: PeopleTab) => `people-tab-${tab}`;
export const panelId = (tab: PeopleTab) => `people-panel-${tab}`;
