/**
 * The read path: candidate selection (index or scan), matching with mingo against a view that
 * merges committed state with the calling transaction's uncommitted changes, and MongoDB-style
 * sort / skip / limit / projection on the results.
 */
import { find as mingoFind, Query } from 'mingo';
import { compare, resolve } from 'mingo/util';
import { Context } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import { Query as QueryBase } from 'mingo/query';
import type { Document, Filter, FindOptions } from '../types';
import type { Change, CollectionState } from './collectionState';

export interface Match {
  id: string;
  json: string;
  doc: Document;
}

/** A scan position marker: consumers that may yield to the event loop do so when they see one. */
export const TICK = null;
const TICK_EVERY = 4096;

/** The documents one reader sees: committed state plus, inside a transaction, its staged changes. */
export interface CollectionView {
  state: CollectionState;
  overlay: Map<string, Change> | undefined;
}

/** Current JSON of one document in the view (undefined when absent). */
export function viewGet(view: CollectionView, id: string): string | undefined {
  const staged = view.overlay?.get(id);
  if (staged) return staged.after?.json;
  return view.state.docs.get(id);
}

// mingo's default Query copies every operator table (hundreds) per construction, which dominated
// point lookups; a query-only context is enough unless the filter evaluates expressions.
const QUERY_CONTEXT = Context.init({ query: queryOperators });
const compiledQueries = new Map<string, { test(doc: Document): boolean }>();
const MAX_CACHED_QUERIES = 256;

// RegExp and Date values must not collide with plain objects / strings in the cache key.
function cacheKeyReplacer(this: unknown, field: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[field];
  if (raw instanceof RegExp) return { $__regex: raw.source, flags: raw.flags };
  if (raw instanceof Date) return { $__date: raw.getTime() };
  if (raw === undefined && field !== '') return { $__undefined: true };
  return value;
}

/** A compiled mingo query for `filter`, reused for identical filters. */
export function compileFilter(filter: Filter): { test(doc: Document): boolean } {
  const key = JSON.stringify(filter, cacheKeyReplacer);
  let query = compiledQueries.get(key);
  if (!query) {
    const needsExpressions = key.includes('"$expr"') || key.includes('"$where"') || key.includes('"$jsonSchema"');
    query = needsExpressions ? new Query(filter) : new QueryBase(filter, { context: QUERY_CONTEXT });
    if (compiledQueries.size >= MAX_CACHED_QUERIES) compiledQueries.delete(compiledQueries.keys().next().value as string);
    compiledQueries.set(key, query);
  }
  return query;
}

/** Yields every matching document (a fresh parsed copy each), with TICK markers during long scans. */
export function* matchDocuments(view: CollectionView, filter: Filter): Generator<Match | typeof TICK> {
  const keys = Object.keys(filter);
  if (keys.length === 1 && keys[0] === '_id' && typeof filter._id === 'string') {
    // Primary-key lookup: the document stored under this _id is the only possible match.
    const json = viewGet(view, filter._id);
    if (json !== undefined) yield { id: filter._id, json, doc: JSON.parse(json) as Document };
    return;
  }
  const query = compileFilter(filter);
  const { state, overlay } = view;
  const plan = state.plan(filter);
  let examined = 0;
  if (plan) {
    for (const id of plan.ids) {
      if (overlay?.has(id)) continue;
      const json = state.docs.get(id);
      if (json === undefined) continue;
      const doc = JSON.parse(json) as Document;
      if (query.test(doc)) yield { id, json, doc };
      if (++examined % TICK_EVERY === 0) yield TICK;
    }
  } else {
    for (const [id, json] of state.docs) {
      if (overlay?.has(id)) continue;
      const doc = JSON.parse(json) as Document;
      if (query.test(doc)) yield { id, json, doc };
      if (++examined % TICK_EVERY === 0) yield TICK;
    }
  }
  if (overlay) {
    for (const change of overlay.values()) {
      if (!change.after) continue;
      const doc = JSON.parse(change.after.json) as Document;
      if (query.test(doc)) yield { id: change.id, json: change.after.json, doc };
    }
  }
}

/** Comparator for a sort spec using mingo's value resolution and cross-type ordering (as its $sort does). */
export function sortComparator(sort: Record<string, 1 | -1>): (a: Document, b: Document) => number {
  const keys = Object.entries(sort);
  return (a, b) => {
    for (const [field, direction] of keys) {
      const order = compare(resolve(a, field), resolve(b, field));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** Applies an inclusion or exclusion projection. */
export function projectDocuments<T>(docs: Document[], projection: FindOptions['projection']): T[] {
  if (!projection || Object.keys(projection).length === 0) return docs as unknown as T[];
  return mingoFind(docs, {}, projection).all() as T[];
}

/**
 * Collects the results of a find synchronously or with yields (`onTick`), keeping only the best
 * `skip + limit` documents while sorting so a sorted, limited query over a large collection stays
 * in bounded memory.
 */
export async function collectResults(options: {
  matches: Iterable<Match | typeof TICK>;
  find: FindOptions;
  onTick?: () => Promise<void>;
}): Promise<Document[]> {
  const { sort, projection } = options.find;
  const skip = options.find.skip ?? 0;
  const limit = options.find.limit && options.find.limit > 0 ? options.find.limit : undefined;
  const wanted = limit === undefined ? Infinity : skip + limit;
  const comparator = sort !== undefined && Object.keys(sort).length > 0 ? sortComparator(sort) : undefined;
  let kept: Document[] = [];
  // Top-k: once `wanted` documents are kept, only a document sorting before the current worst can enter.
  let worstKept: Document | undefined;
  const trimAt = Number.isFinite(wanted) ? Math.max(1024, wanted * 2) : Infinity;
  for (const match of options.matches) {
    if (match === TICK) {
      if (options.onTick) await options.onTick();
      continue;
    }
    if (!comparator) {
      kept.push(match.doc);
      if (kept.length >= wanted) break;
      continue;
    }
    if (worstKept && comparator(match.doc, worstKept) >= 0) continue;
    kept.push(match.doc);
    if (kept.length >= trimAt) {
      kept = kept.sort(comparator).slice(0, wanted);
      worstKept = kept[kept.length - 1];
    }
  }
  if (comparator) kept.sort(comparator);
  const page = kept.slice(skip, limit === undefined ? undefined : skip + limit);
  return projectDocuments<Document>(page, projection);
}

/** Runs collectResults without ever yielding (write paths must read and apply in one tick). */
export function collectResultsSync(matches: Iterable<Match | typeof TICK>, find: FindOptions): Match[] {
  const skipTicks = (function* () {
    for (const match of matches) if (match !== TICK) yield match;
  })();
  const sort = find.sort;
  const limit = find.limit && find.limit > 0 ? find.limit : Infinity;
  if (!sort || Object.keys(sort).length === 0) {
    const out: Match[] = [];
    for (const match of skipTicks) {
      out.push(match);
      if (out.length >= limit) break;
    }
    return out;
  }
  const comparator = sortComparator(sort);
  return [...skipTicks].sort((a, b) => comparator(a.doc, b.doc)).slice(0, limit);
}
