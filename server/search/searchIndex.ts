/**
 * The search index in the store: one entry per active golden record (`searchIndex`, multikey
 * `{ domain, terms }`) and the number of entries per word term (`searchTermStats`), kept current on
 * every change so a query can skip or cap common words before fetching anything. Identifier (`i:`)
 * and word-pair (`b:`) terms are not counted: they are rare and looked up directly.
 */
import type { CollectionDefinition, Document, Store, StoreSession } from '../store/types';
import { documentTerms, searchableValues, searchFieldsOf } from './searchTerms';

export const SEARCH_INDEX = 'searchIndex';
export const SEARCH_TERM_STATS = 'searchTermStats';
export const SEARCH_STATE = 'searchState';
const STATS_CHUNK = 1000;

export interface SearchEntry extends Document {
  /** `${domain}|${goldenId}` */
  _id: string;
  domain: string;
  goldenId: string;
  display: string;
  texts: Array<{ field: string; value: string }>;
  identifiers: Array<{ field: string; value: string }>;
  terms: string[];
  indexedAt: string;
}

export interface TermStat extends Document {
  _id: string;
  domain: string;
  count: number;
}

export const searchCollections: CollectionDefinition[] = [
  { name: SEARCH_INDEX, indexes: [{ keys: { domain: 1, terms: 1 }, name: 'search_terms' }] },
  { name: SEARCH_TERM_STATS, indexes: [] },
  { name: SEARCH_STATE, indexes: [] },
];

/** `_id` of a golden record's search entry. */
export function searchEntryId(domain: string, goldenId: string): string {
  return `${domain}|${goldenId}`;
}

/** `_id` of a term's count. */
export function termStatId(domain: string, term: string): string {
  return `${domain}|${term}`;
}

const isCounted = (term: string): boolean => !term.startsWith('i:') && !term.startsWith('b:');

async function adjustTermStats(args: { store: Store; domain: string; deltas: Map<string, number>; session?: StoreSession }): Promise<void> {
  const stats = args.store.collection<TermStat>(SEARCH_TERM_STATS);
  const terms = [...args.deltas.keys()].filter((t) => args.deltas.get(t) !== 0);
  for (let i = 0; i < terms.length; i += STATS_CHUNK) {
    const chunk = terms.slice(i, i + STATS_CHUNK);
    const existing = new Set(
      (
        await stats.find({ _id: { $in: chunk.map((t) => termStatId(args.domain, t)) } }, { projection: { _id: 1 }, session: args.session })
      ).map((s) => s._id),
    );
    const byDelta = new Map<number, string[]>();
    const fresh: TermStat[] = [];
    for (const term of chunk) {
      const delta = args.deltas.get(term) ?? 0;
      const id = termStatId(args.domain, term);
      if (existing.has(id)) {
        const ids = byDelta.get(delta);
        if (ids) ids.push(id);
        else byDelta.set(delta, [id]);
      } else if (delta > 0) fresh.push({ _id: id, domain: args.domain, count: delta });
    }
    // Grouped by delta: a bulk load moves thousands of terms by the same amount in one update.
    for (const [delta, ids] of byDelta)
      await stats.updateMany({ _id: { $in: ids } }, { $inc: { count: delta } }, { session: args.session });
    if (fresh.length > 0) await stats.insertMany(fresh, { session: args.session });
    const shrunk = chunk.filter((t) => (args.deltas.get(t) ?? 0) < 0).map((t) => termStatId(args.domain, t));
    if (shrunk.length > 0) await stats.deleteMany({ _id: { $in: shrunk }, count: { $lte: 0 } }, { session: args.session });
  }
}

export interface GoldenForSearch {
  _id: string;
  domain: string;
  status: string;
  attributes: Record<string, unknown>;
}

/** Term-count changes not yet written: domain → term → change. */
export type TermDeltas = Map<string, Map<string, number>>;

/**
 * Brings the search entries of these golden records up to date: active records are (re)indexed,
 * retired ones removed. The hook the golden-record layer may call in its transaction; the
 * change-feed sync (`syncSearchIndex`) calls `updateSearchEntries` per slice of a page instead.
 */
export async function indexGoldenForSearch(args: {
  store: Store;
  goldens: readonly GoldenForSearch[];
  session?: StoreSession;
}): Promise<void> {
  const termDeltas: TermDeltas = new Map();
  await updateSearchEntries({ ...args, termDeltas });
  await writeTermDeltas({ store: args.store, termDeltas, session: args.session });
}

/**
 * The entries half of `indexGoldenForSearch`: writes the entries of these golden records and adds what their terms
 * change to `termDeltas`, for `writeTermDeltas` to write once for several calls (a page of the change feed read in
 * slices, so that its golden records and entries are not all alive at once: docs/INGEST.md "Peak memory, session 21").
 */
export async function updateSearchEntries(args: {
  store: Store;
  goldens: readonly GoldenForSearch[];
  termDeltas: TermDeltas;
  session?: StoreSession;
}): Promise<void> {
  const byDomain = new Map<string, GoldenForSearch[]>();
  for (const golden of args.goldens) {
    const list = byDomain.get(golden.domain);
    if (list) list.push(golden);
    else byDomain.set(golden.domain, [golden]);
  }
  const entries = args.store.collection<SearchEntry>(SEARCH_INDEX);
  for (const [domain, goldens] of byDomain) {
    const config = searchFieldsOf(domain);
    if (!config) continue;
    const ids = goldens.map((g) => searchEntryId(domain, g._id));
    const previous = await entries.find(
      { _id: { $in: ids } },
      { projection: { _id: 1, display: 1, texts: 1, identifiers: 1, terms: 1 }, session: args.session },
    );
    const previousById = new Map(previous.map((entry) => [entry._id, entry]));
    let deltas = args.termDeltas.get(domain);
    if (!deltas) args.termDeltas.set(domain, (deltas = new Map<string, number>()));
    const domainDeltas = deltas;
    const bump = (term: string, delta: number): void => {
      if (isCounted(term)) domainDeltas.set(term, (domainDeltas.get(term) ?? 0) + delta);
    };
    const now = new Date().toISOString();
    const stale: string[] = [];
    const fresh: SearchEntry[] = [];
    // The same golden record twice in one call: its last state counts.
    const latest = new Map(goldens.map((golden) => [golden._id, golden]));
    for (const golden of latest.values()) {
      const id = searchEntryId(domain, golden._id);
      const old = previousById.get(id);
      if (golden.status !== 'active') {
        if (old) stale.push(id);
        continue;
      }
      const values = searchableValues(golden.attributes, config);
      const terms = documentTerms({ texts: values.texts.map((t) => t.value), identifiers: values.identifiers.map((i) => i.value) });
      // Most changes of a golden record (a price, a status date, another member) leave its entry as it is: no write.
      if (old && isSameEntry(old, { ...values, terms })) continue;
      if (old) stale.push(id);
      fresh.push({ _id: id, domain, goldenId: golden._id, ...values, terms, indexedAt: now });
    }
    for (const id of stale) for (const term of previousById.get(id)?.terms ?? []) bump(term, -1);
    for (const entry of fresh) for (const term of entry.terms) bump(term, 1);
    if (stale.length > 0) await entries.deleteMany({ _id: { $in: stale } }, { session: args.session });
    if (fresh.length > 0) await entries.insertMany(fresh, { session: args.session });
  }
}

/** Writes the term counts `updateSearchEntries` changed (each term once, grouped by change). */
export async function writeTermDeltas(args: { store: Store; termDeltas: TermDeltas; session?: StoreSession }): Promise<void> {
  for (const [domain, deltas] of args.termDeltas) await adjustTermStats({ store: args.store, domain, deltas, session: args.session });
}

/**
 * Whether a stored entry already holds these values and terms. Compared element by element, without serialising:
 * on a replay over an up-to-date index (a rewind after a terms-version change, a lost cursor) nearly every entry is
 * the same, and serialising both sides of every entry was half of what the replay allocated (docs/INGEST.md "Peak
 * memory, session 21"). Same answers as comparing their stable JSON: the computed side is always strings and
 * `{ field, value }` pairs, so a stored element equals it exactly when it is the same string or a pair with the same
 * two strings and no other key.
 */
function isSameEntry(
  stored: Pick<SearchEntry, 'display' | 'texts' | 'identifiers' | 'terms'>,
  next: Pick<SearchEntry, 'display' | 'texts' | 'identifiers' | 'terms'>,
): boolean {
  return (
    stored.display === next.display &&
    isSameFieldValues(stored.texts, next.texts) &&
    isSameFieldValues(stored.identifiers, next.identifiers) &&
    isSameStrings(stored.terms, next.terms)
  );
}

function isSameStrings(stored: unknown, next: readonly string[]): boolean {
  if (!Array.isArray(stored) || stored.length !== next.length) return false;
  for (let index = 0; index < next.length; index++) if (stored[index] !== next[index]) return false;
  return true;
}

function isSameFieldValues(stored: unknown, next: ReadonlyArray<{ field: string; value: string }>): boolean {
  if (!Array.isArray(stored) || stored.length !== next.length) return false;
  for (let index = 0; index < next.length; index++) {
    const element: unknown = stored[index];
    const pair = next[index];
    if (pair === undefined || typeof element !== 'object' || element === null || Array.isArray(element)) return false;
    const { field, value } = element as Record<string, unknown>;
    if (field !== pair.field || value !== pair.value || Object.keys(element).length !== 2) return false;
  }
  return true;
}
