/**
 * Token frequencies for `weighting: "idf"` comparators, per domain and comparator. The store keeps
 * one document per (domain, comparator, token) with the number of indexed records holding the token,
 * plus one per (domain, comparator) with the number of records that have the comparator's value at
 * all (`token` empty); the match index keeps them current on every index / re-index / removal.
 * The batch matcher counts them from its own records. A token weighs ln(1 + N / df): a token in
 * every record weighs ln 2 ≈ 0.7, a token in one record of a million ≈ 13.8.
 */
import { randomUUID } from 'node:crypto';
import type { Collection, Document, Store, StoreSession } from '../store/types';
import type { CompareContext } from './comparators';
import type { CompiledRules } from './rules';
import type { PreparedRecord } from './types';
import { heldTermChanges } from './groupedMatchCounts';
import { comparatorOfTable, sourceLayoutWeights, sourceOfPrepared, sourceTableName } from './sourceLayoutWords';

export const TERM_STATS = 'termStats';
/** The match index's block-stats collection (matchIndex.ts `BLOCK_STATS`), where the term-stats version is kept. */
const BLOCK_STATS_COLLECTION = 'blockStats';

export interface TermStat extends Document {
  _id: string;
  domain: string;
  size: number;
}

/** Token frequencies by comparator name: token → number of records holding it; '' → number of records. */
export type TermCounts = Map<string, Map<string, number>>;

/** The term-stats collection. */
export function termStatsCollection(store: Store): Collection<TermStat> {
  return store.collection<TermStat>(TERM_STATS);
}

/**
 * The term-stats tables a prepared record adds to: the idf comparators of `compiled` for which it holds
 * tokens, and for those keeping per-source frequencies (`sourceLayoutWords`) their table of the record's source.
 */
export function idfComparatorsHeld(prepared: PreparedRecord, compiled: CompiledRules): string[] {
  const held = compiled.idfComparators.filter((name) => {
    const tokens = prepared.values[name];
    return Array.isArray(tokens) && tokens.length > 0;
  });
  if (compiled.sourceLayoutComparators.size === 0) return held;
  const source = sourceOfPrepared(prepared);
  if (source === undefined) return held;
  for (const name of [...held]) if (compiled.sourceLayoutComparators.has(name)) held.push(sourceTableName(name, source));
  return held;
}

/** `<table>|<token>` keys a prepared record contributes to term-stats `tables` (`<table>|` counts the record itself). */
export function termKeysOf(prepared: PreparedRecord, tables: readonly string[]): string[] {
  const keys: string[] = [];
  for (const name of tables) {
    const tokens = prepared.values[comparatorOfTable(name)];
    if (!Array.isArray(tokens) || tokens.length === 0) continue;
    keys.push(`${name}|`);
    for (const token of tokens as string[]) keys.push(`${name}|${token}`);
  }
  return keys;
}

/** `_id` of a term-stat document. */
export function termStatId(domain: string, termKey: string): string {
  return `${domain}|${termKey}`;
}

/** Inverse document frequency: ln(1 + N / df), df at least 1 (a token nobody else has is as rare as it gets). */
export function idfWeight(documents: number, frequency: number): number {
  return Math.log(1 + Math.max(documents, 1) / Math.max(frequency, 1));
}

/**
 * Turns counts into the comparators' weight functions (weights computed once per token, then cached);
 * with `compiled`, also the per-source weights of comparators keeping per-source frequencies.
 */
export function termWeightsOf(counts: TermCounts, compiled?: CompiledRules): CompareContext {
  const termWeights = new Map<string, (token: string) => number>();
  for (const [name, byToken] of counts) {
    if (comparatorOfTable(name) !== name) continue;
    const documents = byToken.get('') ?? 0;
    const cache = new Map<string, number>();
    termWeights.set(name, (token) => {
      let weight = cache.get(token);
      if (weight === undefined) {
        weight = idfWeight(documents, byToken.get(token) ?? 0);
        cache.set(token, weight);
      }
      return weight;
    });
  }
  if (!compiled || compiled.sourceLayoutComparators.size === 0) return { termWeights };
  return {
    termWeights,
    sourceWeights: sourceWeightsOf({
      compiled,
      termWeights,
      sizeOf: (table) => {
        const byToken = counts.get(table);
        return byToken ? (token) => byToken.get(token) ?? 0 : undefined;
      },
    }),
  };
}

/**
 * `CompareContext.sourceWeights`: per comparator and source, the weight function of that source's records
 * (made once per source). `sizeOf(table)` reads a term-stats table's counts (undefined: none held).
 */
function sourceWeightsOf(args: {
  compiled: CompiledRules;
  termWeights: ReadonlyMap<string, (token: string) => number>;
  sizeOf: (table: string) => ((token: string) => number) | undefined;
}): NonNullable<CompareContext['sourceWeights']> {
  // Comparator → source → weights (null: the source keeps the domain's), made on a source's first pair: no string built per pair.
  const byComparator = new Map<string, Map<string, ((token: string) => number) | null>>();
  return (comparator, source) => {
    let bySource = byComparator.get(comparator);
    if (!bySource) byComparator.set(comparator, (bySource = new Map<string, ((token: string) => number) | null>()));
    let weights = bySource.get(source);
    if (weights === undefined) {
      const params = args.compiled.sourceLayoutComparators.get(comparator);
      const domainWeight = args.termWeights.get(comparator);
      const size = params && domainWeight ? args.sizeOf(sourceTableName(comparator, source)) : undefined;
      const domainSize = size ? args.sizeOf(comparator) : undefined;
      weights =
        params && domainWeight && size && domainSize ? sourceLayoutWeights({ params, domainWeight, sourceSize: size, domainSize }) : null;
      bySource.set(source, weights);
    }
    return weights ?? undefined;
  };
}

/** Counts token frequencies of the idf comparators (and per source where kept) over prepared records (batch matching, training). */
export function countTerms(prepared: readonly PreparedRecord[], compiled: CompiledRules): TermCounts {
  const counts: TermCounts = new Map(compiled.idfComparators.map((name) => [name, new Map<string, number>()]));
  const bySource = compiled.sourceLayoutComparators.size > 0;
  for (const record of prepared) {
    const source = bySource ? sourceOfPrepared(record) : undefined;
    for (const name of compiled.idfComparators) {
      const tokens = record.values[name];
      if (!Array.isArray(tokens) || tokens.length === 0) continue;
      countTokens(counts.get(name) as Map<string, number>, tokens as string[]);
      if (source === undefined || !compiled.sourceLayoutComparators.has(name)) continue;
      const table = sourceTableName(name, source);
      let ofSource = counts.get(table);
      if (!ofSource) counts.set(table, (ofSource = new Map<string, number>()));
      countTokens(ofSource, tokens as string[]);
    }
  }
  return counts;
}

function countTokens(byToken: Map<string, number>, tokens: readonly string[]): void {
  byToken.set('', (byToken.get('') ?? 0) + 1);
  for (const token of tokens) byToken.set(token, (byToken.get(token) ?? 0) + 1);
}

/**
 * Counts held in memory per store and domain, valid for one version of the domain's term stats.
 *
 * Every writer of term stats (the match index: index, re-index, removal) sets the domain's version
 * document to a fresh value after writing, reading back the value it replaced. When that was the
 * version this process holds, no other writer came between: the writer applies its own deltas to the
 * counts it holds and takes the new version (no read). Otherwise the held counts are dropped. A reader
 * compares the version it observed (matchRecord reads it with the block sizes, in the same query) with
 * the held one and drops the counts on a difference: another server's write, an aborted transaction.
 * So counts are exact for the observed version, and an incremental match reads no term stats once they
 * are held. The version is a random string, not a counter, so a store reset cannot bring an old value
 * back. The version document lives in `blockStats` (`<domain>|#termStats`; block keys always hold a `:`).
 *
 * The first read of a domain loads all its counts in one query when there are at most
 * `FULL_LOAD_MAX_TOKENS` of them (tens of thousands for a million generated items); otherwise, and after
 * counts were dropped, only the missing tokens are read (one query per call), at most one full load per
 * `FULL_LOAD_INTERVAL_MS`.
 */
export const TERM_STATS_VERSION_KEY = '#termStats';
const FULL_LOAD_MAX_TOKENS = 500_000;
const FULL_LOAD_INTERVAL_MS = 60_000;
const MAX_HELD_TOKENS = 1_000_000;

interface DomainCounts {
  /** Version of the domain's term stats these counts belong to ('' when none was ever written). */
  version: string | undefined;
  /** comparator → token → count ('' → number of records). */
  tables: Map<string, Map<string, number>>;
  /** Every token of the domain is held: a token not held has count 0. */
  isComplete: boolean;
  tokens: number;
  lastFullLoadAt: number;
  /**
   * Moved by this process's writes (before and after): a read that started in another generation
   * may have seen the store before or after a write whose deltas are applied here, so it is not kept.
   */
  generation: number;
  /** This process's term-stats writes not finished yet. */
  writesInFlight: number;
  /** Whether this process's first write looked for the domain's term stats (`holdEmptyDomain`). */
  hasProbed: boolean;
}

/** Per store (a process may open several: tests, tools), per domain. */
const caches = new WeakMap<Store, Map<string, DomainCounts>>();

function countsOf(store: Store, domain: string): DomainCounts {
  let byDomain = caches.get(store);
  if (!byDomain) {
    byDomain = new Map();
    caches.set(store, byDomain);
  }
  let counts = byDomain.get(domain);
  if (!counts) {
    counts = {
      version: undefined,
      tables: new Map(),
      isComplete: false,
      tokens: 0,
      lastFullLoadAt: -Infinity,
      generation: 0,
      writesInFlight: 0,
      hasProbed: false,
    };
    byDomain.set(domain, counts);
  }
  return counts;
}

function drop(counts: DomainCounts, version: string | undefined): void {
  counts.version = version;
  counts.tables = new Map();
  counts.isComplete = false;
  counts.tokens = 0;
}

function tableOf(counts: DomainCounts, comparator: string): Map<string, number> {
  let table = counts.tables.get(comparator);
  if (!table) {
    table = new Map();
    counts.tables.set(comparator, table);
  }
  return table;
}

/** `_id` of a domain's term-stats version document (in the block-stats collection). */
export function termStatsVersionId(domain: string): string {
  return `${domain}|${TERM_STATS_VERSION_KEY}`;
}

/** The version of a domain's term stats, as read with block sizes ('' when none was written yet). */
export function termStatsVersionOf(document: object | null | undefined): string {
  const version = document && 'version' in document ? document.version : undefined;
  return typeof version === 'string' ? version : '';
}

/**
 * Writes term stats of a domain (`write`: the store updates for `deltas`, `<comparator>|<token>` →
 * change), then sets the domain's version to a fresh value and, when this process held the version
 * replaced, applies the same deltas to its counts. While a write is in flight no read keeps what it
 * read (it may have seen the store before or after the write whose deltas are applied here).
 */
export async function writeTermStats(args: {
  store: Store;
  domain: string;
  deltas: ReadonlyMap<string, number>;
  session?: StoreSession;
  write: () => Promise<void>;
}): Promise<void> {
  const counts = countsOf(args.store, args.domain);
  await holdEmptyDomain({ store: args.store, domain: args.domain, counts, session: args.session });
  counts.writesInFlight++;
  counts.generation++;
  let previous: object | null;
  const version = randomUUID();
  try {
    await args.write();
    previous = await args.store
      .collection<{ _id: string; domain: string; version: string }>(BLOCK_STATS_COLLECTION)
      .findOneAndUpdate(
        { _id: termStatsVersionId(args.domain) },
        { $set: { domain: args.domain, version } },
        { upsert: true, returnDocument: 'before', session: args.session },
      );
  } catch (error) {
    drop(counts, undefined);
    throw error;
  } finally {
    counts.writesInFlight--;
    counts.generation++;
  }
  if (counts.version === undefined || counts.version !== termStatsVersionOf(previous)) {
    drop(counts, undefined);
    return;
  }
  counts.version = version;
  for (const [key, delta] of args.deltas) {
    const at = key.indexOf('|');
    const name = key.slice(0, at);
    // Complete counts hold every comparator's table (a comparator's first tokens start it).
    const table = counts.isComplete ? tableOf(counts, name) : counts.tables.get(name);
    const token = key.slice(at + 1);
    const held = table?.get(token);
    if (table === undefined || (held === undefined && !counts.isComplete)) continue;
    const size = Math.max((held ?? 0) + delta, 0);
    // A complete table holds no zero counts (the store deletes them); a partial one remembers them.
    if (size > 0 || !counts.isComplete) {
      if (held === undefined) counts.tokens++;
      table.set(token, size);
    } else if (table.delete(token)) counts.tokens--;
  }
  if (counts.tokens > MAX_HELD_TOKENS) drop(counts, undefined);
}

/**
 * Before this process's first term-stats write of a domain: when the domain has none in the store yet
 * (no version document, no counts), its counts are held as complete and empty, so the writes that
 * follow keep them exact and the first match reads no term stats (a bulk load then matching in the same
 * process; otherwise the first match loads every count: ~0.5 s at a million generated items). A writer
 * elsewhere coming between this look and the write shows in the version replaced and drops them.
 */
async function holdEmptyDomain(args: { store: Store; domain: string; counts: DomainCounts; session?: StoreSession }): Promise<void> {
  const { counts } = args;
  if (counts.hasProbed || counts.version !== undefined) return;
  counts.hasProbed = true;
  const generation = counts.generation;
  const versionDocument = await args.store
    .collection<{ _id: string; version?: string }>(BLOCK_STATS_COLLECTION)
    .findOne({ _id: termStatsVersionId(args.domain) }, { session: args.session });
  if (termStatsVersionOf(versionDocument) !== '') return;
  const anyCount = await termStatsCollection(args.store).findOne(
    { domain: args.domain },
    { projection: { _id: 1 }, session: args.session },
  );
  if (anyCount !== null || counts.generation !== generation || counts.writesInFlight > 0 || counts.version !== undefined) return;
  drop(counts, '');
  counts.isComplete = true;
}

/**
 * The frequencies of every token the given prepared records hold in the domain's idf comparators:
 * held counts when they belong to the current version, the rest in one query. `termStatsVersion` is
 * the version read with the block sizes (read here when not given). Undefined when the rules weigh no
 * tokens.
 */
export async function loadTermWeights(args: {
  store: Store;
  compiled: CompiledRules;
  prepared: readonly PreparedRecord[];
  session?: StoreSession;
  termStatsVersion?: string;
}): Promise<CompareContext | undefined> {
  if (args.compiled.idfComparators.length === 0) return undefined;
  const domain = args.compiled.domain;
  const counts = countsOf(args.store, domain);
  const version =
    args.termStatsVersion ??
    termStatsVersionOf(
      await args.store
        .collection<{ _id: string; version?: string }>(BLOCK_STATS_COLLECTION)
        .findOne({ _id: termStatsVersionId(domain) }, { session: args.session }),
    );
  if (counts.version !== version) drop(counts, version);
  const now = Date.now();
  if (!counts.isComplete && counts.tokens === 0 && now - counts.lastFullLoadAt >= FULL_LOAD_INTERVAL_MS) {
    counts.lastFullLoadAt = now;
    await loadAll({ store: args.store, domain, counts, version, session: args.session });
  }
  // Tokens not held (each once); a complete table holds every token there is.
  const missing = new Set<string>();
  if (!counts.isComplete) {
    for (const name of args.compiled.idfComparators) {
      const table = counts.tables.get(name);
      if (!table?.has('')) missing.add(termStatId(domain, `${name}|`));
      for (const record of args.prepared) {
        const tokens = record.values[name];
        if (!Array.isArray(tokens)) continue;
        for (const token of tokens as string[]) if (!table?.has(token)) missing.add(termStatId(domain, `${name}|${token}`));
      }
    }
    // The per-source tables of the records' sources (sourceLayoutWords.ts): each record's tokens in its own source's.
    for (const record of args.prepared) {
      for (const name of idfComparatorsHeld(record, args.compiled)) {
        if (comparatorOfTable(name) === name) continue;
        const table = counts.tables.get(name);
        if (!table?.has('')) missing.add(termStatId(domain, `${name}|`));
        for (const token of record.values[comparatorOfTable(name)] as string[])
          if (!table?.has(token)) missing.add(termStatId(domain, `${name}|${token}`));
      }
    }
  }
  // What this call reads is used by this call; it is kept only when no write came in between.
  let read: Map<string, Map<string, number>> | undefined;
  if (missing.size > 0) {
    const generation = counts.generation;
    const found = new Map(
      (await termStatsCollection(args.store).find({ _id: { $in: [...missing] } }, { session: args.session })).map((stat) => [
        stat._id,
        stat.size,
      ]),
    );
    const isKept = counts.writesInFlight === 0 && counts.generation === generation && counts.version === version;
    if (isKept && counts.tokens + missing.size > MAX_HELD_TOKENS) drop(counts, version);
    read = new Map();
    // Absent ids are held as 0 too: a token nobody else holds is asked about again and again.
    for (const id of missing) {
      const key = id.slice(domain.length + 1);
      const at = key.indexOf('|');
      const name = key.slice(0, at);
      const token = key.slice(at + 1);
      const size = found.get(id) ?? 0;
      let table = read.get(name);
      if (!table) read.set(name, (table = new Map<string, number>()));
      table.set(token, size);
      if (isKept) {
        tableOf(counts, name).set(token, size);
        counts.tokens++;
      }
    }
  }
  // Counts the session's earlier records changed and has not written yet (an ingest group: withGroupedMatchCounts).
  const changes = heldTermChanges(args.session, domain);
  const termWeights = new Map<string, (token: string) => number>();
  for (const name of args.compiled.idfComparators) {
    const sizes: TermSizes = { name, held: counts.tables.get(name), fresh: read?.get(name), changes };
    const documents = termSize(sizes, '');
    // A candidate shares most of its tokens with the record and the other candidates: each weighed once per call.
    const weights = new Map<string, number>();
    // Passed as an argument, not bound to a name: the tsx loader names every named closure as it is made (`__name`),
    // a cost paid per call here (incremental matching calls this once per record).
    termWeights.set(name, (token) => {
      let weight = weights.get(token);
      if (weight === undefined) {
        weight = idfWeight(documents, termSize(sizes, token));
        weights.set(token, weight);
      }
      return weight;
    });
  }
  if (args.compiled.sourceLayoutComparators.size === 0) return { termWeights };
  return {
    termWeights,
    sourceWeights: sourceWeightsOf({
      compiled: args.compiled,
      termWeights,
      sizeOf: (name) => {
        const sizes: TermSizes = { name, held: counts.tables.get(name), fresh: read?.get(name), changes };
        return (token) => termSize(sizes, token);
      },
    }),
  };
}

/** Where one idf comparator's token counts are read by `loadTermWeights`. */
interface TermSizes {
  name: string;
  /** The counts held from earlier calls (absent: none held). */
  held: ReadonlyMap<string, number> | undefined;
  /** The counts this call read. */
  fresh: ReadonlyMap<string, number> | undefined;
  /** Changes the session holds and has not written yet (`<comparator>|<token>` → delta). */
  changes: ReadonlyMap<string, number> | undefined;
}

/** A token's count: read by this call, else held, else 0; with the session's unwritten changes added. */
function termSize(sizes: TermSizes, token: string): number {
  const stored = sizes.fresh?.get(token) ?? sizes.held?.get(token) ?? 0;
  if (!sizes.changes) return stored;
  // A count written down to 0 or below is deleted (read as 0), as the held counts clamp it.
  return Math.max(stored + (sizes.changes.get(`${sizes.name}|${token}`) ?? 0), 0);
}

/** Loads every count of a domain in one query when there are few enough of them. */
async function loadAll(args: {
  store: Store;
  domain: string;
  counts: DomainCounts;
  version: string;
  session?: StoreSession;
}): Promise<void> {
  const { counts } = args;
  const generation = counts.generation;
  const stats = await termStatsCollection(args.store).find(
    { domain: args.domain },
    { limit: FULL_LOAD_MAX_TOKENS + 1, projection: { _id: 1, size: 1 }, session: args.session },
  );
  if (
    stats.length > FULL_LOAD_MAX_TOKENS ||
    counts.writesInFlight > 0 ||
    counts.generation !== generation ||
    counts.version !== args.version
  )
    return;
  drop(counts, args.version);
  for (const stat of stats) {
    const key = stat._id.slice(args.domain.length + 1);
    const at = key.indexOf('|');
    if (stat.size > 0) tableOf(counts, key.slice(0, at)).set(key.slice(at + 1), stat.size);
  }
  counts.tokens = stats.length;
  counts.isComplete = true;
}
