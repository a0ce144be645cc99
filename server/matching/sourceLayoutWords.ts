/**
 * A source's layout words: what one source writes on (nearly) every record it sends — a form's labels
 * (`Claim #`, `Checked by`, `Vessel`), its queue and status words, the site's name, the signature line —
 * says nothing about which product a record holds. Every document layout has such words, in any language,
 * and nobody can list them all in advance; they show in the data itself: within one source they are on
 * most records, whereas a product's own words are on the few records of that product (a source sends
 * many products). So an idf tokenSet comparator declaring `sourceLayoutWords` keeps its token frequencies
 * per source as well (term-stats tables named `<comparator>@<source>`, counted by the match index as
 * records arrive and by the batch matcher from its records) and weighs a token that is on at least
 * `minShare` of a source's records at `weight` × its idf on that source's records only. A source with
 * fewer than `minRecords` records (a shop that sent three titles) gives no reliable frequency: its
 * tokens keep their idf. The same word from another source (a catalogue title's `CARD`) keeps its
 * weight there; a shared word counts at the lighter of its two weights (comparators.ts `tokenPairOf`).
 */
import type { CompareContext, ComparedIds } from './comparators';
import type { CompiledRules } from './rules';
import type { PreparedRecord, SourceLayoutWords } from './types';

/** Separates a comparator's name from a source in the name of its per-source frequency table (comparator names hold no `@`). */
const SOURCE_TABLE_SEPARATOR = '@';

/**
 * The source of a stored record id (`<domain>|<source>|<sourceId>`, golden/relationships.ts
 * `sourceRecordIdOf`); undefined for an id of another shape (a record scored outside the hub).
 */
export function sourceOfRecordId(recordId: string): string | undefined {
  const first = recordId.indexOf('|');
  if (first < 0) return undefined;
  const second = recordId.indexOf('|', first + 1);
  return second < 0 ? undefined : recordId.slice(first + 1, second);
}

/** The source of a prepared record: the one the hub stamped on it, else read from a stored id (the batch matcher's records). */
export function sourceOfPrepared(prepared: PreparedRecord): string | undefined {
  return prepared.source ?? sourceOfRecordId(prepared.sourceId);
}

/**
 * The source of `prepared` when it weighs some comparator's tokens by weights of its own (its layout words), else
 * undefined: a source without enough records (`minRecords`) or without counts keeps the domain's weights, so
 * comparing with or without it gives the same result — a pair of two such records needs no per-source work
 * (`pairSources`). Read once per record where a record meets many others (batch matching).
 */
export function sourceWithOwnWeights(prepared: PreparedRecord, compiled: CompiledRules, context: CompareContext): string | undefined {
  const sourceWeights = context.sourceWeights;
  if (sourceWeights === undefined) return undefined;
  const source = sourceOfPrepared(prepared);
  if (source === undefined) return undefined;
  for (const comparator of compiled.sourceLayoutComparators.keys()) {
    const own = sourceWeights(comparator, source);
    if (own !== undefined && own !== context.termWeights?.get(comparator)) return source;
  }
  return undefined;
}

/**
 * The sources handed to a pair's comparators (`CompareContext.sourceWeights`): undefined when neither record's
 * source has weights of its own — every comparator then weighs both sides by the domain's, as it would with the
 * sources — so such a pair allocates nothing and checks no `notWhenAny` exemption.
 */
export function pairSources(a: string | undefined, b: string | undefined): ComparedIds | undefined {
  return a === undefined && b === undefined ? undefined : { a, b };
}

/** `prepared` stamped with the source of the stored record `recordId` (itself when already stamped or the id has no source). */
export function withRecordSource(prepared: PreparedRecord, recordId: string | undefined): PreparedRecord {
  if (prepared.source !== undefined || recordId === undefined) return prepared;
  const source = sourceOfRecordId(recordId);
  return source === undefined ? prepared : { ...prepared, source };
}

/** The term-stats table of a comparator's frequencies within one source. */
export function sourceTableName(comparator: string, source: string): string {
  return `${comparator}${SOURCE_TABLE_SEPARATOR}${source}`;
}

/** The comparator whose tokens a term-stats table counts (itself, or the comparator of a per-source table). */
export function comparatorOfTable(table: string): string {
  const at = table.indexOf(SOURCE_TABLE_SEPARATOR);
  return at < 0 ? table : table.slice(0, at);
}

/**
 * A source's weight function for one comparator: the domain's idf weight of a token, times
 * `params.weight` when the token is one of the source's layout words — on at least `minShare` of the
 * source's records AND concentrated in the source: at least `minConcentration` of the domain's records
 * holding the token are this source's. A form's labels, queue words and site name are its own (few other
 * records in the hub hold them); a single-category source's product words (GLOVE NITRILE EXAM in a glove
 * distributor's feed, SUTURE VICRYL in a suture catalogue) are on most of its records too, but the other
 * sources sending that product line hold them as well, so they keep their weight. `sourceSize(token)`
 * reads the source's counts and `domainSize(token)` the domain's ('' → the number of records holding the
 * comparator's value).
 */
export function sourceLayoutWeights(args: {
  params: SourceLayoutWords;
  domainWeight: (token: string) => number;
  sourceSize: (token: string) => number;
  domainSize: (token: string) => number;
}): (token: string) => number {
  const { params, domainWeight, sourceSize, domainSize } = args;
  const records = sourceSize('');
  if (records < params.minRecords) return domainWeight;
  const atLeast = params.minShare * records;
  const concentration = params.minConcentration ?? 0;
  const weights = new Map<string, number>();
  return (token) => {
    let weight = weights.get(token);
    if (weight === undefined) {
      const inSource = sourceSize(token);
      const isLayout = inSource >= atLeast && inSource >= concentration * domainSize(token);
      weight = domainWeight(token) * (isLayout ? params.weight : 1);
      weights.set(token, weight);
    }
    return weight;
  };
}
