/** MongoDB update-document semantics on top of mingo's updater (plus `$setOnInsert`, which mingo lacks). */
import { update as mingoUpdate } from 'mingo';
import { isEqual } from 'mingo/util';
import { present } from '../../invariant';
import type { Document, Filter, Update } from '../types';

type MingoModifier = Parameters<typeof mingoUpdate>[1];

/**
 * An operand whose value is `undefined` is dropped, as MongoDB's driver does with `ignoreUndefined`
 * (`$set: { x: undefined }` leaves `x` as it was; an operator left empty is a no-op).
 */
function withoutUndefinedOperands(update: Update): Update {
  let copy: Update | undefined;
  for (const [operator, operands] of Object.entries(update)) {
    if (operands === null || typeof operands !== 'object' || Array.isArray(operands)) continue;
    const entries = Object.entries(operands as Record<string, unknown>);
    if (!entries.some(([, value]) => value === undefined)) continue;
    copy ??= { ...update };
    copy[operator] = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }
  return copy ?? update;
}

/** Applies `update` to `doc` in place; returns true when anything changed. `_id` is immutable. */
export function applyUpdate(input: { doc: Document; update: Update; isInsert: boolean }): boolean {
  const { doc } = input;
  const update = withoutUndefinedOperands(input.update);
  const keys = Object.keys(update);
  if (keys.length === 0 || keys.some((key) => !key.startsWith('$'))) {
    throw new Error('update documents must contain only update operators such as $set (use replaceOne to replace a document)');
  }
  const { $setOnInsert, ...operators } = update;
  const originalId = doc._id;
  let changed = false;
  if (Object.keys(operators).length > 0) changed = applyOperators(doc, operators);
  if (input.isInsert && $setOnInsert && typeof $setOnInsert === 'object') {
    changed = applyOperators(doc, { $set: $setOnInsert }) || changed;
  }
  if (doc._id !== originalId && !(input.isInsert && originalId === undefined)) {
    throw new Error("the update would modify the immutable field '_id'");
  }
  return changed;
}

/**
 * `$set`, `$unset` and `$inc` on paths through plain objects are applied directly: mingo's
 * updater builds a fresh operator context (copying its operator tables) on every call, which
 * dominated write-heavy transactions. Same rules as mingo: a `$set` to an equal value or an
 * `$unset` of an absent field changes nothing, missing parents are created for `$set`/`$inc`.
 * Anything else — other operators, an array or scalar along a path, numeric path parts,
 * overlapping paths, `$inc` of a non-number — goes through mingo.
 */
function applyOperators(doc: Document, operators: Update): boolean {
  const steps = simpleSteps(doc, operators);
  if (!steps) return mingoUpdate(doc, operators as MingoModifier).length > 0;
  let changed = false;
  for (const step of steps) {
    const last = present(step.path[step.path.length - 1], 'the last part of an update path');
    if (step.operator === '$unset') {
      const parent = parentOf(doc, step.path, false);
      if (!parent || !Object.prototype.hasOwnProperty.call(parent, last)) continue;
      delete parent[last];
      changed = true;
      continue;
    }
    const parent = parentOf(doc, step.path, true) as Record<string, unknown>;
    const exists = Object.prototype.hasOwnProperty.call(parent, last);
    if (step.operator === '$set') {
      if (exists && isEqual(parent[last], step.value)) continue;
      parent[last] = step.value;
      changed = true;
    } else {
      const previous = exists ? (parent[last] as number) : undefined;
      parent[last] = (previous ?? 0) + (step.value as number);
      if (parent[last] !== previous) changed = true;
    }
  }
  return changed;
}

interface Step {
  operator: '$set' | '$unset' | '$inc';
  path: string[];
  value: unknown;
}

/** The parent object of `path`, creating missing plain objects when `create` (paths were checked by simpleSteps). */
function parentOf(doc: Document, path: string[], create: boolean): Record<string, unknown> | undefined {
  let current = doc as Record<string, unknown>;
  for (let level = 0; level < path.length - 1; level++) {
    const key = present(path[level], 'a parent part of an update path');
    let next = current[key] as Record<string, unknown> | undefined;
    if (next === undefined || !Object.prototype.hasOwnProperty.call(current, key)) {
      if (!create) return undefined;
      next = {};
      current[key] = next;
    }
    current = next;
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** The update as simple steps when every part qualifies for the direct path, else undefined. */
function simpleSteps(doc: Document, operators: Update): Step[] | undefined {
  const steps: Step[] = [];
  for (const operator of Object.keys(operators)) {
    if (operator !== '$set' && operator !== '$unset' && operator !== '$inc') return undefined;
    const fields = operators[operator];
    if (!isPlainObject(fields) || Object.keys(fields).length === 0) return undefined;
    for (const field of Object.keys(fields)) {
      const value = fields[field];
      // An undefined value has mingo-specific change semantics (and vanishes in JSON).
      if (operator === '$set' && value === undefined) return undefined;
      if (operator === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) return undefined;
      const path = field.split('.');
      if (path[0] === '_id' || path.some((part) => part.length === 0 || part.startsWith('$') || part === '__proto__' || /^\d+$/.test(part)))
        return undefined;
      if (!isSimplePath(doc, path, operator === '$inc')) return undefined;
      steps.push({ operator, path, value });
    }
  }
  if (steps.length === 0) return undefined;
  // Overlapping paths (a and a.b, or the same path twice) are a conflict mingo reports.
  const joined = steps.map((step) => step.path.join('.')).sort();
  for (let i = 1; i < joined.length; i++) {
    const path = present(joined[i], 'an update path');
    const before = present(joined[i - 1], 'the update path before it');
    if (path === before || path.startsWith(before + '.')) return undefined;
  }
  return steps;
}

/** True when every existing parent along `path` is a plain object (and, for `$inc`, the target is a number or missing). */
function isSimplePath(doc: Document, path: string[], isIncrement: boolean): boolean {
  let current: unknown = doc;
  for (const key of path) {
    if (!isPlainObject(current)) return false;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return true;
    current = current[key];
    if (current === undefined) return true;
  }
  return !isIncrement || typeof current === 'number';
}

/** The document an upsert starts from: the filter's equality conditions (as MongoDB does). */
export function seedFromFilter(filter: Filter): Document {
  const equalities: Record<string, unknown> = {};
  const visit = (clause: Filter): void => {
    for (const [field, condition] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (part && typeof part === 'object') visit(part as Filter);
        continue;
      }
      if (field.startsWith('$')) continue;
      const isOperatorObject =
        condition !== null &&
        typeof condition === 'object' &&
        !Array.isArray(condition) &&
        Object.keys(condition).some((key) => key.startsWith('$'));
      if (!isOperatorObject) equalities[field] = condition;
      else if ('$eq' in (condition as Record<string, unknown>)) equalities[field] = (condition as Record<string, unknown>).$eq;
    }
  };
  visit(filter);
  const seed = {} as Document;
  // mingo treats _id as immutable even on an empty document, so it is placed directly.
  if ('_id' in equalities) {
    seed._id = equalities._id as string;
    delete equalities._id;
  }
  if (Object.keys(equalities).length > 0) mingoUpdate(seed, { $set: equalities } as MingoModifier);
  return seed;
}
