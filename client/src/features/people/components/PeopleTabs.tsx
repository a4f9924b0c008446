import { useRef, type KeyboardEvent } from 'react';
import { PEOPLE_TABS, panelId, tabId, type PeopleTab } from './peopleTabIds';

/** The people page's sections as WAI-ARIA tabs (arrows, Home and End move and select), like the dashboard's. */
export function PeopleTabs({ selected, onSelect }: { selected: PeopleTab; onSelect: (tab: PeopleTab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = PEOPLE_TABS.findIndex((t) => t.value === selected);
    const last = PEOPLE_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const tab = PEOPLE_TABS[next];
    if (!tab) return;
    onSelect(tab.value);
    refs.current[next]?.focus();
  }

  return (
    <div className="dashboard-tabs" role="tablist" aria-label="People sections" onKeyDown={onKeyDown}>
      {PEOPLE_TABS.map((tab, i) => (
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
