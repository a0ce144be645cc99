import { useEffect } from 'react';

const REFRESH_MS = 2000;

/** Calls `reload` every two seconds while the component is mounted (watching deliveries as they go). */
export function useAutoRefresh(reload: () => void): void {
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
}
