/**
 * Token frequencies for `weighting: "idf"` comparators, per domain and comparator. The store keeps
 * one document per (domain, comparator, token) with the number of indexed records holding the token,
 * plus one per (domain, comparator) with the number of records that have the comparator's value at
 * all (`token` empty); the match index keeps them current on every index / re-index / removal.
 * The batch matcher counts them from its own records. A token weighs ln(1 + N / df): a token in
 * every record weighs ln 2 ≈ 0.7, a token in one record of a million ≈ 13.8.
 */
import type { Collection, Document, Store, StoreSession } from '../store/types';
import type { CompareContext } from './comparators';
import type { CompiledRules } from './rules';
import type { PreparedRecord } from './types';

export const TERM_STATS = 'termStats';

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

/** `<comparator>|<token>` keys a prepared record contributes (`<comparator>|` counts the record itself). */
export function termKeysOf(prepared: PreparedRecord, compiled: CompiledRules): string[] {
  const keys: string[] = [];
  for (const name of compiled.idfComparators) {
    const tokens = prepared.values[name];
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

/** Turns counts into the comparators' weight functions (weights computed once per token, then cached). */
export function termWeightsOf(counts: TermCounts): CompareContext {
  const termWeights = new Map<string, (token: string) => number>();
  for (const [name, byToken] of counts) {
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
  return { termWeights };
}

/** Counts token frequencies of the idf comparators over prepared records (batch matching, training). */
export function countTerms(prepared: readonly PreparedRecord[], compiled: CompiledRules): TermCounts {
  const counts: TermCounts = new Map(compiled.idfComparators.map((name) => [name, new Map<string, number>()]));
  for (const record of prepared) {
    for (const name of compiled.idfComparators) {
      const tokens = record.values[name];
      if (!Array.isArray(tokens) || tokens.length === 0) continue;
      const byToken = counts.get(name) as Map<string, number>;
      byToken.set('', (byToken.get('') ?? 0) + 1);
      for (const token of tokens as string[]) byToken.set(token, (byToken.get(token) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Counts read recently, per `<domain>|<comparator>` and token. idf weights move slowly (a token's
 * weight barely changes when one record more holds it), so counts are reused for `CACHE_TTL_MS`;
 * the match index forgets the counts it changes in this process at once (`forgetTermCounts`), other
 * processes' changes show after the TTL. This keeps the extra read off most incremental matches.
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_TOKENS = 200_000;
type CountCache = { tables: Map<string, Map<string, { size: number; at: number }>>; tokens: number };
/** Per store (a process may open several: tests, tools). */
const caches = new WeakMap<Store, CountCache>();

function cacheOf(store: Store): CountCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = { tables: new Map(), tokens: 0 };
    caches.set(store, cache);
  }
  return cache;
}

/** Drops cached counts of `<comparator>|<token>` keys of a domain (called by the match index when it changes them). */
export function forgetTermCounts(store: Store, domain: string, termKeys: Iterable<string>): void {
  const tables = caches.get(store)?.tables;
  if (!tables) return;
  for (const key of termKeys) {
    const at = key.indexOf('|');
    tables.get(`${domain}|${key.slice(0, at)}`)?.delete(key.slice(at + 1));
  }
}

/**
 * The frequencies of every token the given prepared records hold in the domain's idf comparators:
 * cached counts, the rest in one query. Undefined when the rules weigh no tokens.
 */
export async function loadTermWeights(args: {
  store: Store;
  compiled: CompiledRules;
  prepared: readonly PreparedRecord[];
  session?: StoreSession;
}): Promise<CompareContext | undefined> {
  if (args.compiled.idfComparators.length === 0) return undefined;
  const domain = args.compiled.domain;
  const now = Date.now();
  const cache = cacheOf(args.store);
  const cachedCounts = cache.tables;
  const missing: string[] = [];
  const tables = new Map<string, Map<string, { size: number; at: number }>>();
  for (const name of args.compiled.idfComparators) {
    const cacheKey = `${domain}|${name}`;
    let byToken = cachedCounts.get(cacheKey);
    if (!byToken) {
      byToken = new Map();
      cachedCounts.set(cacheKey, byToken);
    }
    tables.set(name, byToken);
    // Most tokens are cached and fresh: only the others are collected (once each) to be read.
    const stale = new Set<string>();
    const isFresh = (token: string): boolean => {
      const cached = (byToken as Map<string, { size: number; at: number }>).get(token);
      return cached !== undefined && now - cached.at < CACHE_TTL_MS;
    };
    if (!isFresh('')) stale.add('');
    for (const record of args.prepared) {
      const tokens = record.values[name];
      if (!Array.isArray(tokens)) continue;
      for (const token of tokens as string[]) if (!isFresh(token)) stale.add(token);
    }
    for (const token of stale) missing.push(termStatId(domain, `${name}|${token}`));
  }
  if (missing.length > 0) {
    const found = new Map(
      (await termStatsCollection(args.store).find({ _id: { $in: missing } }, { session: args.session })).map((stat) => [
        stat._id,
        stat.size,
      ]),
    );
    if (cache.tokens + missing.length > CACHE_MAX_TOKENS) {
      for (const table of cachedCounts.values()) table.clear();
      cache.tokens = 0;
    }
    // Absent ids are cached as 0 too: a token nobody else holds is asked about again and again.
    for (const id of missing) {
      const key = id.slice(domain.length + 1);
      const at = key.indexOf('|');
      tables.get(key.slice(0, at))?.set(key.slice(at + 1), { size: found.get(id) ?? 0, at: now });
      cache.tokens++;
    }
  }
  const termWeights = new Map<string, (token: string) => number>();
  for (const [name, byToken] of tables) {
    const documents = byToken.get('')?.size ?? 0;
    termWeights.set(name, (token) => idfWeight(documents, byToken.get(token)?.size ?? 0));
  }
  return { termWeights };
}
