/** Minimal hash routing (`#/mappings`): the studio has a handful of pages and no server-side routes. */
import { useEffect, useRef, useState } from 'react';
import { confirmLeaving } from './navigationGuard';

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
      if (!confirmLeaving()) {
        // Stay: put the address of the page still shown back without another hashchange.
        window.history.replaceState(null, '', `#${shown.current}`);
        return;
      }
      shown.current = next;
      setRoute(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
