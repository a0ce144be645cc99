/** Loads data for a page and keeps the latest answer; stale answers (after deps change) are dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  isLoading: boolean;
  /** Loads again with the same inputs (after an action changed the data). */
  reload: () => void;
}

/** Runs `load` whenever `deps` change (and on reload); `load` null means nothing to load yet. */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(load !== null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const current = loadRef.current;
    if (current === null) {
      setData(null);
      setIsLoading(false);
      return undefined;
    }
    let isCurrent = true;
    setIsLoading(true);
    current().then(
      (value) => {
        if (!isCurrent) return;
        setData(value);
        setError(null);
        setIsLoading(false);
      },
      (err: unknown) => {
        if (!isCurrent) return;
        setError(err);
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
    // The caller's dependency list is forwarded on purpose, exactly as useEffect takes it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, isLoading, reload };
}

/** A query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
