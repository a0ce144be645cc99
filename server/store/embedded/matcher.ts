/**
 * The read path: candidate selection (index lookup, ordered index walk or scan), matching (a
 * compiled fast predicate, mingo for everything else) against a view that merges committed state
 * with the calling transaction's staged changes, and MongoDB-style sort / skip / limit /
 * projection on the results.
 */
import { Query } from 'mingo';
import { compare, resolve } from 'mingo/util';
import { Context } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import { Query as QueryBase } from 'mingo/query';
import type { Document, Filter, FindOptions, Sort } from '../types';
import type { Change, CollectionState } from './collectionState';
import type { Overlay } from './overlay';
import { compileFastFilter, UNDECIDED } from './fastFilter';
import type { OrderedPlan, Plan } from './planner';
import { copyParsed } from './documentCopies';
import { projectDocuments } from './projection';
import { present } from '../../invariant';

export interface Match {
  id: string;
  json: string;
  /**
   * The parsed document, shared (the parsed-document cache's frozen copy or a transaction's staged copy): read
   * it, never change it or hand it out — `ownCopy` gives a caller its own.
   */
  doc: Document;
  /** The doc was parsed for this read alone (a full scan does not fill the cache) and may be handed out as is. */
  isPrivate?: true;
}

/** A match's document for a caller to keep and change. */
export function ownCopy(match: Match): Document {
  return match.isPrivate ? match.doc : copyParsed(match.doc);
}

/** A scan position marker: consumers that may yield to the event loop do so when they see one. */
export const TICK = null;
const TICK_EVERY = 4096;

/** The documents one reader sees: committed state plus, inside a transaction, its staged changes. */
export interface CollectionView {
  state: CollectionState;
  overlay: Overlay | undefined;
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

/** A filter as a boolean test: the compiled fast predicate when the shape allows, mingo otherwise or when it is undecided. */
export function compileMatcher(filter: Filter): (doc: Document) => boolean {
  const fast = compileFastFilter(filter);
  if (!fast) {
    const query = compileFilter(filter);
    return (doc) => query.test(doc);
  }
  let slow: { test(doc: Document): boolean } | undefined;
  return (doc) => {
    const outcome = fast(doc);
    if (outcome !== UNDECIDED) return outcome === 1;
    slow ??= compileFilter(filter);
    return slow.test(doc);
  };
}

/** Matches of one read, and whether they already come in the requested sort order. */
export interface MatchStream {
  matches: Iterable<Match | typeof TICK>;
  isSorted: boolean;
}

/** Yields every matching document (a fresh parsed copy each), with TICK markers during long scans. */
export function matchDocuments(view: CollectionView, filter: Filter): Generator<Match | typeof TICK> {
  return planMatches({ view, filter }).matches as Generator<Match | typeof TICK>;
}

/** Plans a read and returns its matches; with a sort an index can deliver, they come already sorted. */
export function planMatches(input: {
  view: CollectionView;
  filter: Filter;
  sort?: Sort;
  /** skip + limit, when bounded */ wanted?: number;
}): MatchStream {
  const { view, filter } = input;
  const sort = input.sort && Object.keys(input.sort).length > 0 ? input.sort : undefined;
  const keys = Object.keys(filter);
  if (keys.length === 1 && keys[0] === '_id' && typeof filter._id === 'string')
    return { matches: primaryLookup(view, filter._id), isSorted: true };
  const test = compileMatcher(filter);
  const plan = view.state.plan(filter, sort);
  if (sort && plan?.kind === 'ordered' && plan.isSorted)
    return {
      matches: orderedMatches({ view, plan, test, comparator: sortComparator(sort), wanted: input.wanted ?? Infinity }),
      isSorted: true,
    };
  return { matches: unorderedMatches({ view, plan, test }), isSorted: false };
}

function* primaryLookup(view: CollectionView, id: string): Generator<Match> {
  // Primary-key lookup: the document stored under this _id is the only possible match.
  const staged = view.overlay?.get(id);
  if (staged) {
    if (staged.after) yield { id, json: staged.after.json, doc: staged.after.doc };
    return;
  }
  const json = view.state.docs.get(id);
  if (json !== undefined) yield committedMatch(view.state, id, json);
}

/** A committed document as a match: the cache's shared parsed form, or a private parse when the cache is off. */
function committedMatch(state: CollectionState, id: string, json: string): Match {
  if (!state.parsedDocs.isEnabled) return { id, json, doc: JSON.parse(json) as Document, isPrivate: true };
  return { id, json, doc: state.parsedDocs.parsed(id, json) };
}

function* unorderedMatches(input: {
  view: CollectionView;
  plan: Plan | undefined;
  test: (doc: Document) => boolean;
}): Generator<Match | typeof TICK> {
  const {
    view: { state, overlay },
    plan,
    test,
  } = input;
  let examined = 0;
  if (plan) {
    for (const id of state.candidates(plan)) {
      if (overlay?.has(id)) continue;
      const json = state.docs.get(id);
      if (json === undefined) continue;
      const match = committedMatch(state, id, json);
      if (test(match.doc)) yield match;
      if (++examined % TICK_EVERY === 0) yield TICK;
    }
  } else {
    // A full scan would flush the cache of hot documents: parse privately instead.
    for (const [id, json] of state.docs) {
      if (overlay?.has(id)) continue;
      const doc = JSON.parse(json) as Document;
      if (test(doc)) yield { id, json, doc, isPrivate: true };
      if (++examined % TICK_EVERY === 0) yield TICK;
    }
  }
  if (overlay) yield* overlayMatches(overlay.candidates(plan), test);
}

/** The transaction's own staged documents that match (their staged parsed form, shared like cached documents). */
function* overlayMatches(staged: Iterable<Change>, test: (doc: Document) => boolean): Generator<Match> {
  for (const change of staged) {
    if (change.after && test(change.after.doc)) yield { id: change.id, json: change.after.json, doc: change.after.doc };
  }
}

/** Walks an ordered plan: groups come in sort order, ties inside a group are sorted, staged documents are merged in. */
function* orderedMatches(input: {
  view: CollectionView;
  plan: OrderedPlan;
  test: (doc: Document) => boolean;
  comparator: (a: Document, b: Document) => number;
  wanted: number;
}): Generator<Match | typeof TICK> {
  const {
    view: { state, overlay },
    plan,
    test,
    comparator,
    wanted,
  } = input;
  const byDocument = (a: Match, b: Match): number => comparator(a.doc, b.doc);
  let emitted = 0;
  const staged = overlay ? [...overlayMatches(overlay.candidates(plan), test)].sort((a, b) => comparator(a.doc, b.doc)) : [];
  let next = 0;
  // Only a multikey field can list one document under several keys.
  const seen = plan.index?.multikey.some(Boolean) ? new Set<string>() : undefined;
  let examined = 0;
  for (const group of state.orderedGroups(plan)) {
    // A group (ties on the walked fields) can be large, e.g. one status value: keep only the best `need` of it.
    const need = wanted - emitted;
    const trimAt = Number.isFinite(need) ? Math.max(1024, need * 2) : Infinity;
    let found: Match[] = [];
    for (const id of group) {
      if (overlay?.has(id)) continue;
      if (seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const json = state.docs.get(id);
      if (json === undefined) continue;
      const match = committedMatch(state, id, json);
      if (test(match.doc)) found.push(match);
      if (found.length >= trimAt) found = found.sort(byDocument).slice(0, need);
      if (++examined >= TICK_EVERY) {
        examined = 0;
        yield TICK;
      }
    }
    if (found.length > 1) found.sort(byDocument);
    for (const match of found) {
      while (next < staged.length) {
        const head = present(staged[next], 'the next staged match');
        if (comparator(head.doc, match.doc) >= 0) break;
        next += 1;
        emitted += 1;
        yield head;
      }
      emitted += 1;
      yield match;
    }
    if (emitted >= wanted) return;
  }
  while (next < staged.length) yield present(staged[next++], 'the next staged match');
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

/**
 * Collects the results of a find synchronously or with yields (`onTick`), keeping only the best
 * `skip + limit` documents while sorting so a sorted, limited query over a large collection stays
 * in bounded memory.
 */
export async function collectResults(options: {
  stream: MatchStream;
  find: FindOptions;
  onTick?: () => Promise<void>;
}): Promise<Document[]> {
  const { sort, projection } = options.find;
  const skip = options.find.skip ?? 0;
  const limit = options.find.limit && options.find.limit > 0 ? options.find.limit : undefined;
  const wanted = limit === undefined ? Infinity : skip + limit;
  const comparator = sort !== undefined && Object.keys(sort).length > 0 && !options.stream.isSorted ? sortComparator(sort) : undefined;
  let kept: Match[] = [];
  // Top-k: once `wanted` documents are kept, only a document sorting before the current worst can enter.
  let worstKept: Match | undefined;
  const byDocument = comparator ? (a: Match, b: Match): number => comparator(a.doc, b.doc) : undefined;
  const trimAt = Number.isFinite(wanted) ? Math.max(1024, wanted * 2) : Infinity;
  for (const match of options.stream.matches) {
    if (match === TICK) {
      if (options.onTick) await options.onTick();
      continue;
    }
    if (!comparator || !byDocument) {
      kept.push(match);
      if (kept.length >= wanted) break;
      continue;
    }
    if (worstKept && comparator(match.doc, worstKept.doc) >= 0) continue;
    kept.push(match);
    if (kept.length >= trimAt) {
      kept = kept.sort(byDocument).slice(0, wanted);
      worstKept = kept[kept.length - 1];
    }
  }
  if (byDocument) kept.sort(byDocument);
  return ownResults(kept.slice(skip, limit === undefined ? undefined : skip + limit), projection);
}

/** The caller's own copies of matches, projected (a projection is applied first, so only what it keeps is copied). */
export function ownResults(matches: Match[], projection: FindOptions['projection']): Document[] {
  const projected = projectDocuments<Document>(
    matches.map((match) => match.doc),
    projection,
  );
  return projected.map((doc, i) => (matches[i]?.isPrivate ? doc : copyParsed(doc)));
}

/** Runs collectResults without ever yielding (write paths must read and apply in one tick). */
export function collectResultsSync(stream: MatchStream, find: FindOptions): Match[] {
  const skipTicks = (function* () {
    for (const match of stream.matches) if (match !== TICK) yield match;
  })();
  const sort = stream.isSorted ? undefined : find.sort;
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
