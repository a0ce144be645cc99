/**
 * The one tabs component of the studio (WAI-ARIA tabs pattern): a `TabList` of role=tab buttons and the
 * `TabPanel` they control. Only the selected tab is in the Tab order; ←/→ move and select (wrapping),
 * Home/End jump to the first/last. Selecting may navigate (domain tabs change the route), which can
 * remount the page: the tab chosen by keyboard is focused again when it appears.
 */
import { useEffect } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<K extends string> {
  id: K;
  label: ReactNode;
}

// The tab last chosen by keyboard (`prefix:id`), focused once it renders — even in a remounted list.
let pendingFocus: string | null = null;

/** DOM ids shared by a tab list and its panel. */
export function tabIds(idPrefix: string, id: string): { tab: string; panel: string } {
  const safe = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '_');
  return { tab: `${safe(idPrefix)}-tab-${safe(id)}`, panel: `${safe(idPrefix)}-panel` };
}

/** A row of tabs; `onSelect` runs on click and on arrow keys (automatic activation). */
export function TabList<K extends string>(props: {
  label: string;
  idPrefix: string;
  tabs: ReadonlyArray<TabItem<K>>;
  selected: K;
  onSelect: (id: K) => void;
  className?: string;
}) {
  useEffect(() => {
    if (pendingFocus === null || !pendingFocus.startsWith(`${props.idPrefix}:`)) return;
    const id = pendingFocus.slice(props.idPrefix.length + 1);
    const element = id === props.selected ? document.getElementById(tabIds(props.idPrefix, id).tab) : null;
    // The tab may not be rendered yet (its list still loading): keep waiting for it.
    if (element === null) return;
    pendingFocus = null;
    element.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const index = props.tabs.findIndex((tab) => tab.id === props.selected);
    const last = props.tabs.length - 1;
    let next: number;
    if (event.key === 'ArrowRight') next = index >= last ? 0 : index + 1;
    else if (event.key === 'ArrowLeft') next = index <= 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else return;
    event.preventDefault();
    const target = props.tabs[next];
    if (target === undefined) return;
    pendingFocus = `${props.idPrefix}:${target.id}`;
    if (target.id !== props.selected) props.onSelect(target.id);
    else document.getElementById(tabIds(props.idPrefix, target.id).tab)?.focus();
  };

  return (
    <div className={props.className === undefined ? 'tabs' : `tabs ${props.className}`} role="tablist" aria-label={props.label}>
      {props.tabs.map((tab) => {
        const ids = tabIds(props.idPrefix, tab.id);
        const isSelected = tab.id === props.selected;
        return (
          <button
            key={tab.id}
            id={ids.tab}
            type="button"
            role="tab"
            aria-selected={isSelected}
            aria-controls={ids.panel}
            tabIndex={isSelected ? 0 : -1}
            className={isSelected ? 'tab active' : 'tab'}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** The content of the selected tab, labelled by it. */
export function TabPanel(props: { idPrefix: string; selected: string; children: ReactNode; className?: string }) {
  const ids = tabIds(props.idPrefix, props.selected);
  return (
    <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} tabIndex={0} className={props.className ?? 'tab-panel'}>
      {props.children}
    </div>
  );
}

/** The tabpanel attributes for an existing container (when wrapping it in `TabPanel` would not fit the layout). */
export function tabPanelProps(
  idPrefix: string,
  selected: string,
): {
  role: 'tabpanel';
  id: string;
  'aria-labelledby': string;
  tabIndex: number;
} {
  const ids = tabIds(idPrefix, selected);
  return { role: 'tabpanel', id: ids.panel, 'aria-labelledby': ids.tab, tabIndex: 0 };
}
