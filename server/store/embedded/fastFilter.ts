/**
 * Compiled predicates for the filter shapes the application issues most (equality on scalars,
 * `$in` of scalars, `$exists`, and `$and` of those, on top-level or dotted fields), so that those
 * reads skip mingo. The predicate only decides documents whose path holds no array and passes
 * through plain objects only; for anything else (an array before the last field, a scalar where an
 * object was expected) it answers UNDECIDED and the caller asks mingo, so MongoDB's array semantics stay
 * exactly mingo's. A final array value is decided only for non-null scalars compared against
 * scalar elements. Filters of any other shape get no predicate at all.
 */
import type { Document, Filter } from '../types';
import { present } from '../../invariant';

/** The predicate could not decide without mingo (an array or a non-object along the path). */
export const UNDECIDED = 2;
/** 1 match, 0 no match, UNDECIDED ask mingo. */
export type FastResult = 0 | 1 | typeof UNDECIDED;
export type FastPredicate = (doc: Document) => FastResult;

type Scalar = string | number | boolean | null;
type Condition =
  | { path: string[]; kind: 'eq'; value: Scalar }
  | { path: string[]; kind: 'in'; values: Set<Scalar>; hasNull: boolean }
  | { path: string[]; kind: 'exists'; expected: boolean };

const MISSING = Symbol('missing');
const COMPLEX = Symbol('complex');

// NaN and -0 have special equality rules in mingo; leave them to it.
function isFastScalar(value: unknown): value is Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Parses `filter` into conditions, or undefined when any part is outside the fast shapes. */
function conditionsOf(filter: Filter, out: Condition[]): boolean {
  if (!isPlainObject(filter)) return false;
  for (const field of Object.keys(filter)) {
    const condition = filter[field];
    if (field === '$and') {
      if (!Array.isArray(condition) || condition.length === 0) return false;
      for (const part of condition) if (!conditionsOf(part as Filter, out)) return false;
      continue;
    }
    if (field.length === 0 || field.startsWith('$')) return false;
    const path = field.split('.');
    if (path.some((part) => part.length === 0 || part === '__proto__')) return false;
    if (isFastScalar(condition)) {
      out.push({ path, kind: 'eq', value: condition });
      continue;
    }
    if (!isPlainObject(condition)) return false;
    const operators = Object.keys(condition);
    if (operators.length === 0) return false;
    for (const operator of operators) {
      const operand = condition[operator];
      if (operator === '$eq') {
        if (!isFastScalar(operand)) return false;
        out.push({ path, kind: 'eq', value: operand });
      } else if (operator === '$in') {
        if (!Array.isArray(operand) || !operand.every(isFastScalar)) return false;
        out.push({ path, kind: 'in', values: new Set(operand as Scalar[]), hasNull: (operand as Scalar[]).includes(null) });
      } else if (operator === '$exists') {
        if (typeof operand !== 'boolean') return false;
        out.push({ path, kind: 'exists', expected: operand });
      } else return false;
    }
  }
  return true;
}

/** Value at a dotted path through plain objects only (the value itself may be an array); MISSING, or COMPLEX when an array / scalar is in the way. */
function valueAt(doc: unknown, path: string[]): unknown {
  let current = doc;
  for (const key of path) {
    if (current === null || current === undefined) return MISSING;
    if (typeof current !== 'object' || Array.isArray(current)) return COMPLEX;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return MISSING;
    current = (current as Record<string, unknown>)[key];
  }
  return current === undefined ? MISSING : current;
}

/**
 * An array value against non-null scalars: matches when an element equals one of them (MongoDB's
 * element-wise equality). Nested arrays and null are left to mingo (their rules differ by case).
 */
function arrayHas(values: unknown[], accepts: (value: unknown) => boolean): FastResult {
  let result: FastResult = 0;
  for (const element of values) {
    if (Array.isArray(element)) return UNDECIDED;
    if (result === 0 && element !== null && typeof element !== 'object' && accepts(element)) result = 1;
  }
  return result;
}

function evaluate(condition: Condition, doc: Document): FastResult {
  const value = valueAt(doc, condition.path);
  if (value === COMPLEX) return UNDECIDED;
  switch (condition.kind) {
    case 'eq':
      if (value === MISSING) return condition.value === null ? 1 : 0;
      if (Array.isArray(value)) return condition.value === null ? UNDECIDED : arrayHas(value, (element) => element === condition.value);
      return value === condition.value ? 1 : 0;
    case 'in':
      if (value === MISSING) return condition.hasNull ? 1 : 0;
      if (Array.isArray(value))
        return condition.hasNull ? UNDECIDED : arrayHas(value, (element) => condition.values.has(element as Scalar));
      return condition.values.has(value as Scalar) ? 1 : 0;
    case 'exists':
      if (Array.isArray(value)) return condition.expected ? 1 : 0;
      return (value !== MISSING) === condition.expected ? 1 : 0;
  }
}

/**
 * A predicate for `filter` if its shape is one of the fast shapes, else undefined. Building it is
 * a walk over the filter (no regexes, no operator tables), cheaper than a cache lookup keyed by
 * the filter's text, so it is built per call rather than cached.
 */
export function compileFastFilter(filter: Filter): FastPredicate | undefined {
  const conditions: Condition[] = [];
  if (!conditionsOf(filter, conditions)) return undefined;
  if (conditions.length === 1) {
    const only = present(conditions[0], 'the only fast-filter condition');
    return (doc) => evaluate(only, doc);
  }
  return (doc) => {
    let result: FastResult = 1;
    for (const condition of conditions) {
      const outcome = evaluate(condition, doc);
      // A definite miss decides the conjunction even if another clause needed mingo.
      if (outcome === 0) return 0;
      if (outcome === UNDECIDED) result = UNDECIDED;
    }
    return result;
  };
}
