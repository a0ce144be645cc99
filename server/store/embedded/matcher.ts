/**
 * The read path: candidate selection (index or scan), matching with mingo against a view that
 * merges committed state with the calling transaction's uncommitted changes, and MongoDB-style
 * sort / skip / limit / projection on the results.
 */
import { find as mingoFind, Query } from 'mingo';
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

/** Yields every matching document (a fresh parsed copy each), with TICK markers during long scans. */
export function* matchDocuments(view: CollectionView, filter: Filter): Generator<Match | typeof TICK> {
  const query = new Query(filter);
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

/** Sorts with mingo so ordering (mixed types, arrays, missing fields) follows MongoDB's rules. */
export function sortDocuments(docs: Document[], sort: Record<string, 1 | -1>): Document[] {
  return mingoFind(docs, {}).sort(sort).all() as Document[];
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
  const hasSort = sort !== undefined && Object.keys(sort).length > 0;
  let kept: Document[] = [];
  const trimAt = Number.isFinite(wanted) ? Math.max(1024, wanted * 2) : Infinity;
  for (const match of options.matches) {
    if (match === TICK) {
      if (options.onTick) await options.onTick();
      continue;
    }
    kept.push(match.doc);
    if (!hasSort && kept.length >= wanted) break;
    if (hasSort && kept.length >= trimAt) kept = sortDocuments(kept, sort).slice(0, wanted);
  }
  if (hasSort) kept = sortDocuments(kept, sort);
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
  const all = [...skipTicks];
  const byDoc = new Map(all.map((match) => [match.doc, match]));
  return sortDocuments(all.map((match) => match.doc), sort)
    .slice(0, limit)
    .map((doc) => byDoc.get(doc) as Match);
}
