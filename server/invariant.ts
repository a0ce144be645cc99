/**
 * Reading an element the surrounding code guarantees is there (an index inside the loop bound, a key the
 * same function just wrote) under `noUncheckedIndexedAccess`. A miss is a bug, not bad input: it throws an
 * internal error naming what was missing (the error middleware presents it as a generic 500).
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: expected ${what} to be present`);
  return value;
}
