/** MongoDB update-document semantics on top of mingo's updater (plus `$setOnInsert`, which mingo lacks). */
import { update as mingoUpdate } from 'mingo';
import { isEqual } from 'mingo/util';
import type { Document, Filter, Update } from '../types';

type MingoModifier = Parameters<typeof mingoUpdate>[1];

/** Applies `update` to `doc` in place; returns true when anything changed. `_id` is immutable. */
export function applyUpdate(input: { doc: Document; update: Update; isInsert: boolean }): boolean {
  const { doc, update } = input;
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
 * `$set` / `$unset` of top-level fields are applied directly: mingo's updater builds a fresh
 * operator context (copying its operator tables) on every call, which dominated write-heavy
 * transactions. Same change rule as mingo: a `$set` to an equal value, or an `$unset` of an absent
 * field, changes nothing. Every other operator or a dotted path goes through mingo.
 */
function applyOperators(doc: Document, operators: Update): boolean {
  if (!isSimpleUpdate(operators)) return mingoUpdate(doc, operators as MingoModifier).length > 0;
  let changed = false;
  const target = doc as Record<string, unknown>;
  const set = operators.$set as Record<string, unknown> | undefined;
  if (set) {
    for (const field of Object.keys(set)) {
      if (Object.prototype.hasOwnProperty.call(target, field) && isEqual(target[field], set[field])) continue;
      target[field] = set[field];
      changed = true;
    }
  }
  const unset = operators.$unset as Record<string, unknown> | undefined;
  if (unset) {
    for (const field of Object.keys(unset)) {
      if (!Object.prototype.hasOwnProperty.call(target, field)) continue;
      delete target[field];
      changed = true;
    }
  }
  return changed;
}

function isPlainFields(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const fields = Object.keys(value);
  if (fields.length === 0) return false;
  return fields.every((field) => field.length > 0 && !field.includes('.') && !field.startsWith('$') && field !== '__proto__' && field !== '_id');
}

function isSimpleUpdate(operators: Update): boolean {
  const keys = Object.keys(operators);
  if (keys.length === 0 || keys.length > 2) return false;
  if (keys.some((key) => key !== '$set' && key !== '$unset')) return false;
  // Both touching one field is a conflict mingo reports; leave that to it.
  if (keys.length === 2 && Object.keys(operators.$unset as object).some((field) => field in (operators.$set as object))) return false;
  if (!keys.every((key) => isPlainFields(operators[key]))) return false;
  // An undefined value has mingo-specific change semantics (and vanishes in JSON); leave it to mingo.
  return operators.$set === undefined || Object.values(operators.$set as object).every((value) => value !== undefined);
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
      const isOperatorObject = condition !== null && typeof condition === 'object' && !Array.isArray(condition)
        && Object.keys(condition).some((key) => key.startsWith('$'));
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
