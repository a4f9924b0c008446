import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  /** The sections in order, each with its label. */
  tabs: readonly { value: T; label: string }[];
  selected: T;
  onSelect: (tab: T) => void;
  /** The tab list's accessible name, e.g. "Dashboard sections". */
  label: string;
  /** The ids tying each tab to its panel (the page renders the panel with these ids). */
  tabId: (tab: T) => string;
  panelId: (tab: T) => string;
}

/** A page's sections as WAI-ARIA tabs (arrows, Home and End move and select): the dashboard's and the people page's. */
export function SectionTabs<T extends string>({ tabs, selected, onSelect, label, tabId, panelId }: Props<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.value === selected);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.value);
    refs.current[next]?.focus();
  }

  return (
    <div className="dashboard-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => (
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
