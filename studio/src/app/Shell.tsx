/**
 * The signed-in layout: left navigation (Alt+1…9), a header with the key's name and role, the page.
 * On narrow screens (phones) the navigation collapses behind a Menu button (styles.css, max-width 700px).
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { NAV_ITEMS } from './navigation';
import { useSession } from './SessionContext';

/** Navigation plus content; sections the role may not open are shown disabled with the reason. */
export function Shell(props: { route: string; children: ReactNode }) {
  const { me, signOut } = useSession();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  // Choosing a section (or any route change) closes the collapsed menu.
  useEffect(() => setIsMenuOpen(false), [props.route]);
  const isAllowed = (action: (typeof NAV_ITEMS)[number]['action']): boolean => action === null || me.abilities[action] === true;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const item = NAV_ITEMS[index];
      if (item !== undefined && isAllowed(item.action)) {
        event.preventDefault();
        window.location.hash = item.path;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <div className="shell">
      <nav className={isMenuOpen ? 'sidebar menu-open' : 'sidebar'} aria-label="Sections">
        <div className="sidebar-top">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>{' '}
            MDM Hub
          </div>
          <button
            type="button"
            className="menu-button"
            aria-expanded={isMenuOpen}
            aria-controls="section-menu"
            onClick={() => setIsMenuOpen((value) => !value)}
          >
            <span aria-hidden="true">☰</span> Menu
          </button>
        </div>
        <ul id="section-menu">
          {NAV_ITEMS.map((item, index) => {
            const allowed = isAllowed(item.action);
            const isActive = props.route === item.path || (item.path !== '/' && props.route.startsWith(`${item.path}/`));
            return (
              <li key={item.path}>
                {allowed ? (
                  <a
                    href={`#${item.path}`}
                    className={isActive ? 'active' : undefined}
                    aria-current={isActive ? 'page' : undefined}
                    title={`${item.description} (Alt+${index + 1})`}
                    onClick={() => setIsMenuOpen(false)}
                  >
                    {item.label}
                    <kbd>{index + 1}</kbd>
                  </a>
                ) : (
                  <span className="disabled" aria-disabled="true" title={`Your role (${me.key.role}) may not open ${item.label}.`}>
                    {item.label}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div className="sidebar-footer">
          <div className="who">
            <span className="who-name">{me.key.name}</span>
            <span className="badge">{me.key.role}</span>
          </div>
          <button type="button" className="button-ghost" onClick={signOut}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="content">{props.children}</main>
    </div>
  );
}
