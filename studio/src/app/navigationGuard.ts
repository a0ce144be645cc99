/**
 * Guards against leaving an editor with unsaved changes: editors register a guard while dirty;
 * a hash navigation asks `confirmLeaving()` first (useHashRoute puts the old address back when the
 * user stays), and closing or reloading the tab gets the browser's own "leave site?" prompt.
 */
import { useEffect } from 'react';

type Guard = () => string | null;

const guards = new Set<Guard>();

/** True when no guard objects, or the user confirmed leaving for each that does. */
export function confirmLeaving(): boolean {
  for (const guard of guards) {
    const message = guard();
    if (message !== null && !window.confirm(message)) return false;
  }
  return true;
}

/** While `isDirty`, asks before navigating away (in the studio or out of it). */
export function useUnsavedChangesGuard(isDirty: boolean, what: string): void {
  useEffect(() => {
    if (!isDirty) return undefined;
    const guard: Guard = () => `${what} has unsaved changes. Leave without saving?`;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    guards.add(guard);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [isDirty, what]);
}
