import { useRef, type KeyboardEvent } from 'react';
import { DASHBOARD_TABS, panelId, tabId, type DashboardTab } from './dashboardTabIds';

interface Props {
  selected: DashboardTab;
  onSelect: (tab: DashboardTab) => void;
}

/** The dashboard's sections as tabs (WAI-ARIA tabs: arrows, Home and End move and select). */
export function DashboardTabs({ selected, onSelect }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = DASHBOARD_TABS.findIndex((t) => t.value === selected);
    const last = DASHBOARD_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const tab = DASHBOARD_TABS[next];
    if (!tab) return;
    onSelect(tab.value);
    refs.current[next]?.focus();
  }

  return (
    <div className="dashboard-tabs" role="tablist" aria-label="Dashboard sections" onKeyDown={onKeyDown}>
      {DASHBOARD_TABS.map((tab, i) => (
        <button
          key={tab.value}
          ref={(element) => {
            refs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={tabId(tab.value)}
          className="dashboard-tabs__tab"
          aria-selected={tab.value === selected}
          aria-controls={panelId(tab.value)}
          tabIndex={tab.value === selected ? 0 : -1}
          onClick={() => {
            onSelect(tab.value);
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
