/**
 * Query planning: which candidates a filter (and sort) needs. Equality / `$in` constraints on an
 * index's leading fields give a hash lookup; a range (`$gt/$gte/$lt/$lte` on a string or number)
 * or the leading sort field on the index field right after a single-valued equality prefix gives
 * an ordered walk — `_id` included, through the ordered list of the primary map. Scoring: more
 * equality fields first; at the same number, an ordered walk beats a hash lookup (it narrows by
 * range and/or delivers the sort order, so a `limit` stops early).
 */
import { present } from '../../invariant';
import type { Filter, Sort } from '../types';
import type { IndexState } from './indexState';
import { encodeKeyValue, isIndexableScalar } from './indexState';
import type { KeyBound } from './orderedKeys';

// Beyond this many $in combinations a scan is cheaper than the lookups.
const MAX_LOOKUP_COMBINATIONS = 10_000;

/** Candidates from a hash lookup (any order, may repeat ids). */
export interface LookupPlan {
  kind: 'lookup';
  via: string;
  index: IndexState;
  prefix: string[][];
}

/** Candidates in key order, grouped by ties on the ordered fields (may repeat ids across groups). */
export interface OrderedPlan {
  kind: 'ordered';
  via: string;
  /** undefined: the primary `_id` map. */
  index: IndexState | undefined;
  prefix: string[];
  orderedLevels: number;
  descending: boolean[];
  lower?: KeyBound;
  upper?: KeyBound;
  /** The groups come in the order of the requested sort (ties inside a group still need sorting). */
  isSorted: boolean;
}

export type Plan = { kind: 'ids'; via: '_id_'; ids: string[] } | LookupPlan | OrderedPlan;

interface Range {
  type: 'string' | 'number';
  lower?: KeyBound;
  upper?: KeyBound;
}

/** Plans `filter` (with the optional sort) against `_id` and the given indexes; undefined means a full scan. */
export function planQuery(input: { filter: Filter; sort?: Sort; indexes: IndexState[] }): Plan | undefined {
  const { filter, indexes } = input;
  const equalities = equalityKeys(filter);
  const idKeys = equalities.get('_id');
  if (idKeys) return { kind: 'ids', via: '_id_', ids: idKeys.filter((key) => key.startsWith('s')).map((key) => key.slice(1)) };
  const sortFields = input.sort ? Object.keys(input.sort) : [];
  const sortDescending = sortFields.map((field) => input.sort?.[field] === -1);
  let best: Candidate | undefined;
  const idRange = rangeOf(filter, '_id');
  const idRangeIsString = idRange?.type === 'string';
  const idSorted = sortFields[0] === '_id';
  if (idRangeIsString || idSorted) {
    best = better(best, {
      plan: {
        kind: 'ordered',
        via: '_id_',
        index: undefined,
        prefix: [],
        orderedLevels: 1,
        descending: [sortDescending[0] === true && idSorted],
        // The primary map holds raw string ids: strip the type tag.
        lower: idRangeIsString && idRange.lower ? { ...idRange.lower, key: idRange.lower.key.slice(1) } : undefined,
        upper: idRangeIsString && idRange.upper ? { ...idRange.upper, key: idRange.upper.key.slice(1) } : undefined,
        isSorted: idSorted,
      },
      score: (idRangeIsString ? 0.25 : 0) + (idSorted ? 0.25 : 0),
      isUnique: true,
    });
  }
  for (const index of indexes) {
    if (!index.coversFilter(filter)) continue;
    const prefix: string[][] = [];
    let combinations = 1;
    for (const field of index.fields) {
      const keys = equalities.get(field);
      if (!keys) break;
      prefix.push(keys);
      combinations *= keys.length;
    }
    if (prefix.length > 0 && combinations <= MAX_LOOKUP_COMBINATIONS)
      best = better(best, { plan: { kind: 'lookup', via: index.name, index, prefix }, score: prefix.length, isUnique: index.isUnique });
    // Ordered walk after the longest single-valued prefix.
    let single = 0;
    while (single < prefix.length && prefix[single]?.length === 1) single++;
    if (single >= index.fields.length) continue;
    const range = rangeOf(filter, present(index.fields[single], 'the first ordered field'));
    let sortLevels = 0;
    while (
      sortLevels < sortFields.length &&
      single + sortLevels < index.fields.length &&
      sortFields[sortLevels] === index.fields[single + sortLevels] &&
      !index.multikey[single + sortLevels] &&
      !index.hasObjectKeys[single + sortLevels]
    )
      sortLevels++;
    if (!range && sortLevels === 0) continue;
    best = better(best, {
      plan: {
        kind: 'ordered',
        via: index.name,
        index,
        prefix: prefix.slice(0, single).map(([key]) => present(key, 'the single key of a prefix level')),
        orderedLevels: Math.max(1, sortLevels),
        descending: sortLevels > 0 ? sortDescending.slice(0, sortLevels) : [false],
        ...(range ? bracketed(range) : {}),
        isSorted: sortLevels > 0,
      },
      score: single + (range ? 0.25 : 0) + (sortLevels > 0 ? 0.25 : 0),
      isUnique: index.isUnique,
    });
  }
  return best?.plan;
}

/** A plan with its score: more equality fields, then a narrowing or sorting walk (quarter points). */
interface Candidate {
  plan: Plan;
  score: number;
  isUnique: boolean;
}

/**
 * The better of the best so far and `candidate` (at the same score a unique index wins). Module-level functions here
 * and below, not closures made per call: every read plans its filter, and the tsx loader the server runs under
 * (`npm start` is `node --import tsx`) names each closure bound to a name with a `__name` call each time one is made.
 */
function better(best: Candidate | undefined, candidate: Candidate): Candidate {
  const { score, isUnique } = candidate;
  return !best || score > best.score || (score === best.score && isUnique && !best.isUnique) ? candidate : best;
}

/** Fields constrained to a finite set of scalars (`f: v`, `f: { $eq: v }`, `f: { $in: [...] }`, also inside `$and`). */
export function equalityKeys(filter: Filter): Map<string, string[]> {
  const out = new Map<string, string[]>();
  collectEqualities(filter, out);
  return out;
}

function collectEqualities(clause: Filter, out: Map<string, string[]>): void {
  for (const [field, condition] of Object.entries(clause)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (part && typeof part === 'object') collectEqualities(part as Filter, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    let values: unknown[] | undefined;
    if (isIndexableScalar(condition)) values = [condition];
    else if (condition && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof RegExp)) {
      const operators = condition as Record<string, unknown>;
      if ('$eq' in operators && isIndexableScalar(operators.$eq)) values = [operators.$eq];
      else if (Array.isArray(operators.$in) && operators.$in.every(isIndexableScalar)) values = operators.$in;
    }
    // A field constrained twice keeps the first set; both are re-checked by the filter.
    if (values && !out.has(field)) out.set(field, [...new Set(values.map(encodeKeyValue))]);
  }
}

function isRangeOperand(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The encoded key range `$gt/$gte/$lt/$lte` put on `field` (top level or inside `$and`), or
 * undefined. Comparisons are type-bracketed (a string bound matches only strings), so the range
 * is confined to the bound's type even when only one side is given. Bounds of mixed types are
 * not used (undefined): the filter still decides, from a scan.
 */
export function rangeOf(filter: Filter, field: string): Range | undefined {
  const bounds: Bound[] = [];
  collectBounds(filter, field, bounds);
  const [first] = bounds;
  if (first === undefined) return undefined;
  const type = typeof first.value;
  if (bounds.some((bound) => typeof bound.value !== type)) return undefined;
  const lowerBound = bounds.find((bound) => bound.operator === '$gt' || bound.operator === '$gte');
  const upperBound = bounds.find((bound) => bound.operator === '$lt' || bound.operator === '$lte');
  const range: Range = { type: type as 'string' | 'number' };
  if (lowerBound) range.lower = { key: encodeKeyValue(lowerBound.value), inclusive: lowerBound.operator === '$gte' };
  if (upperBound) range.upper = { key: encodeKeyValue(upperBound.value), inclusive: upperBound.operator === '$lte' };
  return range;
}

interface Bound {
  operator: string;
  value: string | number;
}

function collectBounds(clause: Filter, field: string, bounds: Bound[]): void {
  for (const [key, condition] of Object.entries(clause)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (part && typeof part === 'object') collectBounds(part as Filter, field, bounds);
      continue;
    }
    if (key !== field || !condition || typeof condition !== 'object' || Array.isArray(condition) || condition instanceof RegExp) continue;
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if ((operator === '$gt' || operator === '$gte' || operator === '$lt' || operator === '$lte') && isRangeOperand(value))
        bounds.push({ operator, value });
    }
  }
}

/** The range with the missing side replaced by the edge of its type's keys (numbers sit between the null key 'z' and strings, strings before objects 'o…'). */
function bracketed(range: Range): { lower: KeyBound; upper: KeyBound } {
  if (range.type === 'number')
    return { lower: range.lower ?? { key: 'z', inclusive: false }, upper: range.upper ?? { key: 's', inclusive: false } };
  return { lower: range.lower ?? { key: 's', inclusive: true }, upper: range.upper ?? { key: 'o', inclusive: false } };
}
