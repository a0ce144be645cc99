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
 * Loads, in one query, the frequencies of every token the given prepared records hold in the
 * domain's idf comparators. Undefined when the rules weigh no tokens.
 */
export async function loadTermWeights(args: { store: Store; compiled: CompiledRules; prepared: readonly PreparedRecord[]; session?: StoreSession }): Promise<CompareContext | undefined> {
  if (args.compiled.idfComparators.length === 0) return undefined;
  const domain = args.compiled.domain;
  const ids = new Set<string>();
  for (const record of args.prepared) for (const key of termKeysOf(record, args.compiled)) ids.add(termStatId(domain, key));
  for (const name of args.compiled.idfComparators) ids.add(termStatId(domain, `${name}|`));
  const counts: TermCounts = new Map(args.compiled.idfComparators.map((name) => [name, new Map<string, number>()]));
  const found = await termStatsCollection(args.store).find({ _id: { $in: [...ids] } }, { session: args.session });
  for (const stat of found) {
    const key = stat._id.slice(domain.length + 1);
    const at = key.indexOf('|');
    counts.get(key.slice(0, at))?.set(key.slice(at + 1), stat.size);
  }
  return termWeightsOf(counts);
}
