/**
 * An ordered view of one hash map's keys (an index level or the `_id` map), built on first use
 * and then maintained: inserted keys are merged in on the next read, deleted keys stay until a
 * rebuild and are skipped by checking the map. The array is replaced, never changed in place, so
 * a scan that is paused (it yields to the event loop) keeps iterating a consistent snapshot.
 */
import { present } from '../../invariant';

/** The map whose keys are ordered (only membership and the key list are needed). */
export interface KeySource {
  has(key: string): boolean;
  keys(): IterableIterator<string>;
  readonly size: number;
}

export type KeyComparator = (a: string, b: string) => number;

/** Bounds of a key range; `inclusive` false means strictly greater / less. */
export interface KeyBound {
  key: string;
  inclusive: boolean;
}

export class OrderedKeys {
  private sortedKeys: string[] | undefined;
  private pending: string[] = [];
  private stale = 0;

  constructor(
    private readonly source: KeySource,
    private readonly compare: KeyComparator,
  ) {}

  /** A key was added to the source (call only for keys that were absent). */
  added(key: string): void {
    if (this.sortedKeys) this.pending.push(key);
  }

  /** A key was removed from the source. */
  removed(): void {
    if (this.sortedKeys) this.stale += 1;
  }

  /** The source was emptied: forget the list (the next ordered read builds it again). */
  reset(): void {
    this.sortedKeys = undefined;
    this.pending = [];
    this.stale = 0;
  }

  /** The current ordered key array (may contain deleted keys: check `source.has`). */
  sorted(): string[] {
    if (!this.sortedKeys || (this.stale > 1024 && this.stale * 2 > this.sortedKeys.length)) {
      this.sortedKeys = [...this.source.keys()].sort(this.compare);
      this.pending = [];
      this.stale = 0;
      return this.sortedKeys;
    }
    if (this.pending.length > 0) {
      this.sortedKeys = mergeSorted(this.sortedKeys, this.pending.sort(this.compare), this.compare);
      this.pending = [];
    }
    return this.sortedKeys;
  }

  /** Live keys within the bounds, ascending or descending. */
  *range(options: { lower?: KeyBound; upper?: KeyBound; descending: boolean }): Generator<string> {
    const keys = this.sorted();
    const { lower, upper } = options;
    let start = 0;
    let end = keys.length;
    if (lower) start = lowerBound(keys, lower.key, this.compare, !lower.inclusive);
    if (upper) end = lowerBound(keys, upper.key, this.compare, upper.inclusive);
    if (options.descending) {
      for (let i = end - 1; i >= start; i--) {
        const key = keys[i];
        if (key !== undefined && this.source.has(key)) yield key;
      }
    } else {
      for (let i = start; i < end; i++) {
        const key = keys[i];
        if (key !== undefined && this.source.has(key)) yield key;
      }
    }
  }
}

/** First position whose key is >= `key` (or > `key` when `isAfterEqual`). */
function lowerBound(keys: string[], key: string, compare: KeyComparator, isAfterEqual: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compare(present(keys[mid], 'the middle key of a binary search'), key);
    if (order < 0 || (isAfterEqual && order === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

// A re-added key may already be present (deleted, then added back): equal keys are kept once.
function mergeSorted(base: string[], extra: string[], compare: KeyComparator): string[] {
  const out: string[] = new Array<string>(0);
  let i = 0;
  let j = 0;
  while (i < base.length || j < extra.length) {
    const next = base[i];
    const added = extra[j];
    if (added === undefined) {
      out.push(present(next, 'the next base key'));
      i++;
    } else if (next === undefined) {
      if (out.length === 0 || out[out.length - 1] !== added) out.push(added);
      j++;
    } else {
      const order = compare(next, added);
      if (order < 0) {
        out.push(next);
        i++;
      } else if (order > 0) {
        if (out.length === 0 || out[out.length - 1] !== added) out.push(added);
        j++;
      } else j++;
    }
  }
  return out;
}

const TAG_RANK: Record<string, number> = { z: 0, n: 1, s: 2, o: 3, b: 4 };

/**
 * Order of encoded index keys (see `encodeKeyValue`): mingo's cross-type order — null/missing,
 * numbers, strings, objects, booleans — and within a type numeric or code-unit string order.
 */
export function compareEncodedKeys(a: string, b: string): number {
  const tagA = a.charCodeAt(0);
  const tagB = b.charCodeAt(0);
  if (tagA !== tagB)
    return present(TAG_RANK[a.charAt(0)], 'the rank of a key tag') - present(TAG_RANK[b.charAt(0)], 'the rank of a key tag');
  if (a[0] === 'n') return Number(a.slice(1)) - Number(b.slice(1));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain string order (the `_id` map, whose keys are raw string ids). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
