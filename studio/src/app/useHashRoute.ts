/** Minimal hash routing (`#/mappings`): the studio has a handful of pages and no server-side routes. */
import { useEffect, useRef, useState } from 'react';
import { confirmLeaving, hasUnsavedChanges } from './navigationGuard';

function currentRoute(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash === '' ? '/' : hash;
}

/** The current route path, updated on navigation unless an editor's unsaved-changes guard keeps the user. */
export function useHashRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  const shown = useRef(route);
  useEffect(() => {
    const onChange = (): void => {
      const next = currentRoute();
      if (next === shown.current) return;
      if (!hasUnsavedChanges()) {
        shown.current = next;
        setRoute(next);
        return;
      }
      // Keep the address of the page still shown (without another hashchange) while the dialog asks.
      window.history.replaceState(null, '', `#${shown.current}`);
      void confirmLeaving().then((isLeaving) => {
        if (!isLeaving) return;
        window.history.replaceState(null, '', `#${next}`);
        shown.current = next;
        setRoute(next);
      });
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
