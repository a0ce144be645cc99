/**
 * Reading what a test expects to be there under `noUncheckedIndexedAccess`: each throws a message naming
 * what was missing, so a failing test says why instead of failing later on `undefined`.
 */

/** `value`, or a thrown error naming `what` when it is undefined or null. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, found ${String(value)}`);
  return value;
}

/** The `index`-th element of `list` (negative counts from the end), or a thrown error naming the length. */
export function at<T>(list: readonly T[], index: number, what = 'element'): T {
  const value = list.at(index);
  if (value === undefined) throw new Error(`expected ${what} at index ${index}, the list has ${list.length}`);
  return value;
}

type Tuple<T, N extends number, Built extends T[] = []> = Built['length'] extends N ? Built : Tuple<T, N, [...Built, T]>;

/** The first `count` elements of `list` as a tuple (to destructure), or a thrown error naming how many there were. */
export function firstOf<T, N extends number>(list: readonly T[], count: N, what = 'elements'): Tuple<T, N> {
  if (list.length < count) throw new Error(`expected at least ${count} ${what}, the list has ${list.length}`);
  return list.slice(0, count) as Tuple<T, N>;
}
