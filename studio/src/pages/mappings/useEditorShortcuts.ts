/** Ctrl/Cmd+S and Ctrl/Cmd+Enter on the whole page, caught before Monaco (which binds Ctrl+Enter itself). */
import { useEffect, useRef } from 'react';

/** Calls `onSave` for Ctrl/Cmd+S and `onRunTests` for Ctrl/Cmd+Enter while the page is mounted. */
export function useEditorShortcuts(handlers: { onSave: () => void; onRunTests: () => void }): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        event.stopPropagation();
        ref.current.onSave();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        ref.current.onRunTests();
      }
    };
    // Capture phase: Monaco handles (and stops) Ctrl+Enter inside the editor otherwise.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
