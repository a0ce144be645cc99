/** MongoDB update-document semantics on top of mingo's updater (plus `$setOnInsert`, which mingo lacks). */
import { update as mingoUpdate } from 'mingo';
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
  let changed: string[] = [];
  if (Object.keys(operators).length > 0) changed = mingoUpdate(doc, operators as MingoModifier);
  if (input.isInsert && $setOnInsert && typeof $setOnInsert === 'object') {
    changed = changed.concat(mingoUpdate(doc, { $set: $setOnInsert } as MingoModifier));
  }
  if (doc._id !== originalId && !(input.isInsert && originalId === undefined)) {
    throw new Error("the update would modify the immutable field '_id'");
  }
  return changed.length > 0;
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
