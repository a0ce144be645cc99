/**
 * Guards against leaving an editor with unsaved changes: editors register a guard while dirty;
 * a hash navigation asks `confirmLeaving()` first in the studio's in-page dialog (useHashRoute keeps
 * the old address while it asks), and closing or reloading the tab gets the browser's own
 * "leave site?" prompt (the only one a page may not replace).
 */
import { useEffect } from 'react';
import { askInPage } from '../ui/Dialog';

type Guard = () => string | null;

const guards = new Set<Guard>();

/** Whether some editor has unsaved changes now. */
export function hasUnsavedChanges(): boolean {
  return [...guards].some((guard) => guard() !== null);
}

/** True when no guard objects, or the user confirmed leaving for each that does. */
export async function confirmLeaving(): Promise<boolean> {
  for (const guard of [...guards]) {
    const message = guard();
    if (message === null) continue;
    const answer = await askInPage({ title: 'Unsaved changes', message, confirmLabel: 'Leave without saving', cancelLabel: 'Stay' });
    if (answer === null) return false;
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
