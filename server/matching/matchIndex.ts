/**
 * The match index in the store. `matchIndex` holds one entry per source record
 * (`{ _id: domain|recordId, domain, goldenId, keys, prepared, sharedValues?, termsOf? }`, multikey index on `{ domain, keys }`);
 * `blockStats` holds each block's size (`_id: domain|key`), kept current on every insert and
 * removal so lookups can drop over-collision keys before fetching anything; `termStats` holds the
 * token frequencies of idf comparators (termStats.ts), kept current the same way, and the version
 * document of a domain's term stats (`<domain>|#termStats`, read with the block sizes).
 */
import { DuplicateKeyError } from '../store/types';
import type { Collection, Document, Store, StoreSession } from '../store/types';
import type { CompiledRules } from './rules';
import { prepareRecord } from './scoring';
import { present } from '../invariant';
import { sourceOfRecordId, withRecordSource } from './sourceLayoutWords';
import {
  idfComparatorsHeld,
  termKeysOf,
  termStatId,
  termStatsCollection,
  termStatsVersionId,
  termStatsVersionOf,
  writeTermStats,
} from './termStats';
import {
  groupedCountsOf,
  holdChanges,
  startGrouping,
  stopGrouping,
  type BlockSizesAtStart,
  type GroupedMatchCounts,
} from './groupedMatchCounts';
import type { CanonicalRecord, PreparedRecord, PreparedValue } from './types';

export const MATCH_INDEX = 'matchIndex';
export const BLOCK_STATS = 'blockStats';
const STATS_CHUNK = 1000;
/** Entries prepared and inserted at a time by `indexRecords`. */
const INSERT_SLICE = 250;

export interface MatchIndexEntry extends Document {
  _id: string;
  domain: string;
  /**
   * Read entries through `readEntry`, which sets it from `_id` (`<domain>|<recordId>`): entries written
   * since session 9 do not store it (nothing searches by it).
   */
  recordId: string;
  goldenId: string;
  keys: string[];
  /** As stored, without the values listed in `sharedValues`: read entries through `readEntry`. */
  prepared: PreparedRecord;
  /**
   * Comparator name → the comparator whose prepared value it shares (`CompiledRules.preparedWith`): stored
   * once, under the second name. `readEntry` puts it back under both (the same array, weighed once).
   */
  sharedValues?: Record<string, string>;
  /** Idf comparators whose tokens (in `prepared`) were counted in termStats, so removal subtracts exactly them. */
  termsOf?: string[];
  /** Entries written before `termsOf`: the `<comparator>|<token>` keys counted in termStats. */
  terms?: string[];
  /** Written by entries before session 9 only (nothing read it). */
  indexedAt?: string;
}

/** What an entry stores since session 9: no `recordId` (the end of `_id`), no `indexedAt`. */
interface StoredEntry extends Document {
  _id: string;
  domain: string;
  goldenId: string;
  keys: string[];
  prepared: PreparedRecord;
  sharedValues?: Record<string, string>;
  termsOf?: string[];
}

/**
 * An entry as read from the store made whole: its `recordId` set from `_id` when not stored, the values
 * it shares put back under each comparator's name (the same read-only value, as `prepareRecord` makes
 * it). Every reader of match-index entries goes through it. Changes and returns `entry` (the store hands
 * out copies).
 */
export function readEntry<T extends Pick<MatchIndexEntry, 'prepared' | 'sharedValues'> & { _id?: string; recordId?: string }>(entry: T): T {
  if (entry.recordId === undefined && typeof entry._id === 'string') entry.recordId = entry._id.slice(entry._id.indexOf('|') + 1);
  if (entry.prepared.source === undefined && entry.recordId !== undefined) {
    const source = sourceOfRecordId(entry.recordId);
    if (source !== undefined) entry.prepared.source = source;
  }
  const shared = entry.sharedValues;
  if (shared === undefined) return entry;
  const values = entry.prepared.values;
  for (const name in shared) {
    const value = values[present(shared[name], 'shared value name')];
    if (value !== undefined) values[name] = value;
  }
  delete entry.sharedValues;
  return entry;
}

/**
 * What an entry stores of a prepared record: each value a comparator shares with an earlier one
 * (`CompiledRules.preparedWith`, the same value by construction) is left out and named in `sharedValues`
 * — the item rules' `descriptionContained` holds the tokens of `description`, ~70 characters a record.
 */
function storedPreparation(prepared: PreparedRecord, rules: CompiledRules): Pick<MatchIndexEntry, 'prepared' | 'sharedValues'> {
  const { preparedWith, comparators } = rules;
  if (!preparedWith || prepared.rulesVersion !== rules.version) return { prepared };
  let sharedValues: Record<string, string> | undefined;
  for (let i = 0; i < preparedWith.length; i++) {
    const first = present(preparedWith[i], 'preparedWith entry i');
    if (first === i) continue;
    const name = present(comparators[i], 'comparator i').rule.name;
    const firstName = present(comparators[first], 'comparator sharing the prepared value').rule.name;
    const own = prepared.values[name];
    if (own === undefined || own !== prepared.values[firstName]) continue;
    (sharedValues ??= {})[name] = firstName;
  }
  if (!sharedValues) return { prepared };
  // The other values copied in their order, rather than all copied and the shared ones deleted: an object with a
  // property deleted turns into a dictionary (V8), slower for the store to serialise and copy; the JSON is the same.
  const values: PreparedRecord['values'] = {};
  for (const name in prepared.values) if (!Object.hasOwn(sharedValues, name)) values[name] = prepared.values[name] as PreparedValue;
  return { prepared: { ...prepared, values }, sharedValues };
}

/** The `<comparator>|<token>` keys an entry counted in termStats (`readEntry` first). */
function countedTermKeys(entry: Pick<MatchIndexEntry, 'prepared' | 'termsOf' | 'terms'>): string[] {
  return entry.terms ?? termKeysOf(entry.prepared, entry.termsOf ?? []);
}

export interface BlockStat extends Document {
  _id: string;
  domain: string;
  size: number;
}

/** `_id` of a record's match-index entry. */
export function entryId(domain: string, recordId: string): string {
  return `${domain}|${recordId}`;
}

/** `_id` of a block's size document. */
export function statId(domain: string, key: string): string {
  return `${domain}|${key}`;
}

/** The two collections matching keeps in the store. */
export function collections(store: Store): { index: Collection<MatchIndexEntry>; stats: Collection<BlockStat> } {
  return { index: store.collection<MatchIndexEntry>(MATCH_INDEX), stats: store.collection<BlockStat>(BLOCK_STATS) };
}

/** Creates the indexes matching relies on (idempotent). */
export async function ensureMatchIndexes(store: Store): Promise<void> {
  const { index } = collections(store);
  await index.createIndexes([
    { keys: { domain: 1, keys: 1 }, name: 'domain_keys' },
    { keys: { domain: 1, goldenId: 1 }, name: 'domain_golden' },
  ]);
}

/** Index keys of a record, one list per blocking-key rule (lookup selection needs them apart). */
export function keysByRule(record: CanonicalRecord, rules: CompiledRules): string[][] {
  return rules.keyRules.map((keyRule) => keyRule.indexKeys(record));
}

/**
 * An incoming record prepared once for one rules version: what matching scores (`prepared`) and the
 * blocking keys it is looked up and indexed under. Plain data: placing a record matches and then
 * indexes it, and both use the same preparation instead of normalising the record twice.
 */
export interface IncomingPreparation {
  rulesVersion: string;
  prepared: PreparedRecord;
  keysByRule: string[][];
}

/** Prepares `record` for matching and indexing under `rules` (a pure function of the two). */
export function prepareIncoming(record: CanonicalRecord, rules: CompiledRules): IncomingPreparation {
  return { rulesVersion: rules.version, prepared: prepareRecord(record, rules), keysByRule: keysByRule(record, rules) };
}

/** `preparation` when it was made under `rules`' version, else a fresh one (a publish changed the rules). */
export function preparationFor(record: CanonicalRecord, rules: CompiledRules, preparation?: IncomingPreparation): IncomingPreparation {
  return preparation && preparation.rulesVersion === rules.version ? preparation : prepareIncoming(record, rules);
}

async function adjustStats(args: {
  stats: Collection<BlockStat>;
  idOf: (domain: string, key: string) => string;
  domain: string;
  counts: Map<string, number>;
  session?: StoreSession;
}): Promise<void> {
  const { stats, idOf } = args;
  const keys = [...args.counts.keys()];
  for (let i = 0; i < keys.length; i += STATS_CHUNK) {
    const chunk = keys.slice(i, i + STATS_CHUNK);
    const existing = new Set(
      (await stats.find({ _id: { $in: chunk.map((k) => idOf(args.domain, k)) } }, { projection: { _id: 1 }, session: args.session })).map(
        (s) => s._id,
      ),
    );
    const fresh: BlockStat[] = [];
    // Existing blocks grouped by delta: a bulk load moves thousands of blocks by +1 in one update.
    const byDelta = new Map<number, string[]>();
    for (const key of chunk) {
      const delta = args.counts.get(key) ?? 0;
      const id = idOf(args.domain, key);
      if (existing.has(id)) {
        const ids = byDelta.get(delta);
        if (ids) ids.push(id);
        else byDelta.set(delta, [id]);
      } else if (delta > 0) fresh.push({ _id: id, domain: args.domain, size: delta });
    }
    for (const [delta, ids] of byDelta) await stats.updateMany({ _id: { $in: ids } }, { $inc: { size: delta } }, { session: args.session });
    if (fresh.length > 0) await stats.insertMany(fresh, { session: args.session });
  }
  const shrunk = keys.filter((k) => (args.counts.get(k) ?? 0) < 0).map((k) => idOf(args.domain, k));
  if (shrunk.length > 0) await stats.deleteMany({ _id: { $in: shrunk }, size: { $lte: 0 } }, { session: args.session });
}

/** Removes a source record from the match index and shrinks its blocks. Returns whether it was indexed. */
export async function removeFromIndex(args: { store: Store; domain: string; recordId: string; session?: StoreSession }): Promise<boolean> {
  const { index } = collections(args.store);
  const id = entryId(args.domain, args.recordId);
  const found = await index.findOne({ _id: id }, { session: args.session });
  if (!found) return false;
  const existing = readEntry(found);
  await index.deleteOne({ _id: id }, { session: args.session });
  const grouped = groupedCountsOf(args.session);
  if (grouped) {
    holdChanges(grouped.blocks, args.domain, new Map(existing.keys.map((k) => [k, -1])));
    holdChanges(grouped.terms, args.domain, new Map(countedTermKeys(existing).map((k) => [k, -1])));
    return true;
  }
  await adjustStats({
    stats: collections(args.store).stats,
    idOf: statId,
    domain: args.domain,
    counts: new Map(existing.keys.map((k) => [k, -1])),
    session: args.session,
  });
  const terms = countedTermKeys(existing);
  if (terms.length > 0) {
    const deltas = new Map(terms.map((k) => [k, -1]));
    await writeTermStats({
      store: args.store,
      domain: args.domain,
      deltas,
      session: args.session,
      write: () =>
        adjustStats({
          stats: termStatsCollection(args.store),
          idOf: termStatId,
          domain: args.domain,
          counts: deltas,
          session: args.session,
        }),
    });
  }
  return true;
}

/**
 * Adds `delta` to `key`'s count in `into`. A module function rather than a closure in `indexRecords`: the tsx loader
 * names every named closure as it is made (`__name`), once per call of a function that is called once per record.
 */
function bump(into: Map<string, number>, key: string, delta: number): void {
  into.set(key, (into.get(key) ?? 0) + delta);
}

/** The distinct keys of a record's keys by rule, in first-seen order (`[...new Set(keysByRule.flat())]` without the two copies). */
export function distinctKeys(keysByRule: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const keys of keysByRule) for (const key of keys) seen.add(key);
  return [...seen];
}

/** Indexes (or re-indexes) many source records; block sizes are adjusted once per distinct key. */
export async function indexRecords(args: {
  store: Store;
  rules: CompiledRules;
  /** `preparation`: the record already prepared under these rules (`prepareIncoming`), used instead of preparing it again. */
  entries: ReadonlyArray<{ recordId: string; goldenId: string; record: CanonicalRecord; preparation?: IncomingPreparation }>;
  session?: StoreSession;
}): Promise<void> {
  const { index } = collections(args.store);
  const domain = args.rules.domain;
  const counts = new Map<string, number>();
  const termCounts = new Map<string, number>();
  const ids = args.entries.map((e) => entryId(domain, e.recordId));
  // Entries are written a slice at a time (below): a record listed twice fails the call before anything is changed.
  const listed = new Set<string>();
  for (const id of ids) {
    if (listed.has(id)) throw new DuplicateKeyError(MATCH_INDEX, '_id_', { _id: id });
    listed.add(id);
  }
  const grouped = groupedCountsOf(args.session);
  const absent = grouped?.absentEntries.get(domain);
  // Entries known absent (read once for the group, not indexed since) need no read.
  const previous = args.entries.every((entry) => absent?.has(entry.recordId))
    ? []
    : await index.find(
        { _id: { $in: ids } },
        { projection: { _id: 1, keys: 1, prepared: 1, sharedValues: 1, termsOf: 1, terms: 1 }, session: args.session },
      );
  for (const old of previous) {
    for (const key of old.keys) bump(counts, key, -1);
    for (const term of countedTermKeys(readEntry(old))) bump(termCounts, term, -1);
  }
  if (previous.length > 0) await index.deleteMany({ _id: { $in: previous.map((p) => p._id) } }, { session: args.session });
  // Prepared and written a slice at a time: a bulk call's prepared records and entry objects die young
  // (in the scavenger) instead of living until the whole call is written and being promoted to the old
  // generation, where they made most of the bulk load's peak heap.
  for (let from = 0; from < args.entries.length; from += INSERT_SLICE) {
    const docs: StoredEntry[] = args.entries.slice(from, from + INSERT_SLICE).map((entry) => {
      const preparation = preparationFor(entry.record, args.rules, entry.preparation);
      const keys = distinctKeys(preparation.keysByRule);
      for (const key of keys) bump(counts, key, 1);
      const prepared = withRecordSource(preparation.prepared, entry.recordId);
      const termsOf = idfComparatorsHeld(prepared, args.rules);
      for (const term of termKeysOf(prepared, termsOf)) bump(termCounts, term, 1);
      return {
        _id: entryId(domain, entry.recordId),
        domain,
        goldenId: entry.goldenId,
        keys,
        ...storedPreparation(prepared, args.rules),
        ...(termsOf.length > 0 ? { termsOf } : {}),
      };
    });
    // Handed over: the entries are built for this write alone (their prepared values are read-only, as everywhere).
    await args.store.collection<StoredEntry>(MATCH_INDEX).insertMany(docs, { session: args.session, isHandedOver: true });
  }
  if (grouped) {
    for (const entry of args.entries) absent?.delete(entry.recordId);
    holdChanges(grouped.blocks, domain, counts);
    holdChanges(grouped.terms, domain, termCounts);
    return;
  }
  for (const [key, delta] of counts) if (delta === 0) counts.delete(key);
  await adjustStats({ stats: collections(args.store).stats, idOf: statId, domain, counts, session: args.session });
  for (const [key, delta] of termCounts) if (delta === 0) termCounts.delete(key);
  if (termCounts.size > 0)
    await writeTermStats({
      store: args.store,
      domain,
      deltas: termCounts,
      session: args.session,
      write: () =>
        adjustStats({ stats: termStatsCollection(args.store), idOf: termStatId, domain, counts: termCounts, session: args.session }),
    });
}

/**
 * Runs `work` (a transaction's match-index writes, e.g. an ingest group) with the block sizes and term counts
 * it changes held in memory (`groupedMatchCounts.ts`: every reader in the session adds them to what it reads),
 * then writes them once, in the same transaction, before returning: one read, one update per distinct change
 * and one insert for the blocks, the same for the terms, one version write — instead of those per record.
 * `recordIds`: records the work may index; their entries are read once here, so a new one's is not read
 * again. Without atomic transactions (standalone MongoDB) every write lands when it is made, as before.
 */
export async function withGroupedMatchCounts<R>(
  args: {
    store: Store;
    session: StoreSession;
    domain: string;
    recordIds: readonly string[];
    /**
     * Blocking keys the work's candidate searches will look up (the group's records, prepared): their sizes and the
     * term-stats version are read here in one query, and `findCandidates` takes them from the group instead of
     * reading them per record. A search with a key not listed reads the store as before.
     */
    blockKeys?: Iterable<string>;
  },
  work: () => Promise<R>,
): Promise<R> {
  const grouped = args.store.supportsTransactions ? startGrouping(args.session) : undefined;
  if (!grouped) return work();
  try {
    const ids = args.recordIds.map((recordId) => entryId(args.domain, recordId));
    const found = new Set(
      (await collections(args.store).index.find({ _id: { $in: ids } }, { projection: { _id: 1 }, session: args.session })).map(
        (entry) => entry._id,
      ),
    );
    grouped.absentEntries.set(args.domain, new Set(args.recordIds.filter((recordId) => !found.has(entryId(args.domain, recordId)))));
    const blockKeys = [...(args.blockKeys ?? [])];
    if (blockKeys.length > 0)
      grouped.blockSizesAtStart.set(args.domain, await readBlockSizes(args.store, args.session, args.domain, blockKeys));
    const result = await work();
    stopGrouping(args.session);
    await writeGroupedCounts({ store: args.store, session: args.session, grouped });
    return result;
  } finally {
    stopGrouping(args.session);
  }
}

/** The stored sizes of `keys` (undefined: no size document) and the domain's term-stats version, in one query. */
async function readBlockSizes(store: Store, session: StoreSession, domain: string, keys: readonly string[]): Promise<BlockSizesAtStart> {
  const sizes = new Map<string, number | undefined>();
  for (const key of keys) sizes.set(key, undefined);
  const versionId = termStatsVersionId(domain);
  const ids = [...sizes.keys()].map((key) => statId(domain, key));
  ids.push(versionId);
  let termStatsVersion = '';
  for (const stat of await collections(store).stats.find({ _id: { $in: ids } }, { session })) {
    if (stat._id === versionId) termStatsVersion = termStatsVersionOf(stat);
    else sizes.set(stat._id.slice(domain.length + 1), stat.size);
  }
  return { sizes, termStatsVersion };
}

/** Writes the block sizes and term counts a group held (`withGroupedMatchCounts`). */
async function writeGroupedCounts(args: { store: Store; session: StoreSession; grouped: GroupedMatchCounts }): Promise<void> {
  const { store, session, grouped } = args;
  for (const [domain, changes] of grouped.blocks) {
    const counts = new Map([...changes].filter(([, delta]) => delta !== 0));
    if (counts.size > 0) await adjustStats({ stats: collections(store).stats, idOf: statId, domain, counts, session });
  }
  for (const [domain, changes] of grouped.terms) {
    const deltas = new Map([...changes].filter(([, delta]) => delta !== 0));
    if (deltas.size === 0) continue;
    await writeTermStats({
      store,
      domain,
      deltas,
      session,
      write: () => adjustStats({ stats: termStatsCollection(store), idOf: termStatId, domain, counts: deltas, session }),
    });
  }
}

/** Indexes (or re-indexes) one source record under its golden record. */
export async function indexRecord(args: {
  store: Store;
  rules: CompiledRules;
  recordId: string;
  goldenId: string;
  record: CanonicalRecord;
  /** The record already prepared (`prepareIncoming`); prepared again when made under another rules version. */
  preparation?: IncomingPreparation;
  session?: StoreSession;
}): Promise<void> {
  await indexRecords({
    store: args.store,
    rules: args.rules,
    entries: [{ recordId: args.recordId, goldenId: args.goldenId, record: args.record, preparation: args.preparation }],
    session: args.session,
  });
}

/** Moves source records to another golden record (merge / unmerge) without re-keying them. */
export async function setGoldenId(args: {
  store: Store;
  domain: string;
  recordIds: string[];
  goldenId: string;
  session?: StoreSession;
}): Promise<number> {
  const { index } = collections(args.store);
  const result = await index.updateMany(
    { _id: { $in: args.recordIds.map((r) => entryId(args.domain, r)) } },
    { $set: { goldenId: args.goldenId } },
    { session: args.session },
  );
  return result.matchedCount;
}
