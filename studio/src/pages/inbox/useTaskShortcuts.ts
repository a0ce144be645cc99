/** m merge, n not a match, s skip — outside text fields, for the open task. */
import { useEffect, useRef } from 'react';

/** Installs the task keys once; `shortcuts` (key → action) is read on each key press, so it may change every render. */
export function useTaskShortcuts(shortcuts: Record<string, () => void>): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target !== null && /INPUT|TEXTAREA|SELECT/.test(target.tagName))) return;
      const action = current.current[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
