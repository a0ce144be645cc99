/**
 * The golden-record side of the matching engine: rule sets cached per domain, not-a-match
 * exclusions as the engine's predicate, and the fingerprint of what the rules compare (a change of
 * it reopens a not-a-match question).
 */
import { matchRecord, prepareRecord, publishedRules, type CompiledRules, type IncomingPreparation, type MatchDecision } from '../matching';
import type { CanonicalRecord } from '../matching/types';
import type { Store, StoreSession } from '../store/types';
import type { NotAMatchDocument } from '../stewardship/types';
import { SOURCE_RECORDS } from './collections';
import { NOT_A_MATCH } from '../stewardship/collections';
import { stableHash } from '../stableJson';
import type { SourceRecordDocument } from './types';

/**
 * The domain's currently published matching rules (a version published through the API, else the
 * shipped file): one indexed read, compiled rules cached by content hash in server/matching.
 */
export async function rulesFor(args: { store: Store; domain: string; session?: StoreSession }): Promise<CompiledRules> {
  const rules = await publishedRules(args);
  let byDomain = lastReadRules.get(args.store);
  if (!byDomain) lastReadRules.set(args.store, (byDomain = new Map<string, CompiledRules>()));
  byDomain.set(args.domain, rules);
  return rules;
}

/** The rules the last `rulesFor` of each store read, by domain (see `lastRulesRead`). */
const lastReadRules = new WeakMap<Store, Map<string, CompiledRules>>();

/**
 * The rules the last `rulesFor` on `store` read for `domain`, if any: a guess at the rules in force, for work whose
 * result is checked against the rules read where it is used (the preparation thread's: `preparedFor`). Each read
 * of the head parses the whole head document — the item rule set's is ~100 KB with its draft — so a bulk load's
 * preparation reuses the persist group's read instead of making a second one per batch.
 */
export function lastRulesRead(store: Store, domain: string): CompiledRules | undefined {
  return lastReadRules.get(store)?.get(domain);
}

/** The canonical record the engine sees: `sourceId` plus the canonical attributes. */
export function asCanonical(canonical: Record<string, unknown>, sourceId: string): CanonicalRecord {
  return { ...canonical, sourceId };
}

/**
 * Hash of the values the rules compare (after normalisation): equal fingerprints, same evidence. The
 * rules version is deliberately left out, so publishing new rules does not reopen every not-a-match
 * decision; a rule change that compares other attributes changes the values and so the fingerprint.
 */
export function fingerprintRecord(record: CanonicalRecord, rules: CompiledRules): string {
  return stableHash(prepareRecord(record, rules).values);
}

/** `fingerprintRecord` of a record already prepared (`prepareIncoming`): the same hash, without preparing it again. */
export function fingerprintOf(preparation: IncomingPreparation): string {
  return stableHash(preparation.prepared.values);
}

/**
 * Ids a record must not be matched with: the other side of every not-a-match pair naming the record
 * (or its current golden record) while neither side has changed in what the rules compare — a pair
 * whose recorded fingerprint of either source record differs from its current one is reopened.
 */
export async function notAMatchExclusions(args: {
  store: Store;
  session?: StoreSession;
  rules: CompiledRules;
  recordId: string;
  goldenId?: string;
  /** The record's fingerprint, or a function computing it: only needed when a not-a-match pair names the record. */
  fingerprint: string | (() => string);
}): Promise<Set<string>> {
  const ids = args.goldenId ? [args.recordId, args.goldenId] : [args.recordId];
  // Two indexed lookups rather than one $or, which the embedded store would answer with a scan.
  const collection = args.store.collection<NotAMatchDocument>(NOT_A_MATCH);
  const pairs = [
    ...(await collection.find({ a: { $in: ids } }, { session: args.session })),
    ...(await collection.find({ b: { $in: ids } }, { session: args.session })),
  ];
  const excluded = new Set<string>();
  if (pairs.length === 0) return excluded;
  const fingerprint = typeof args.fingerprint === 'function' ? args.fingerprint() : args.fingerprint;
  const otherOf = (pair: NotAMatchDocument) => (ids.includes(pair.a) ? pair.b : pair.a);
  const others = pairs.map(otherOf);
  const otherRecords = await args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .find({ _id: { $in: others } }, { session: args.session });
  const currentFingerprints = new Map(
    otherRecords.map((r) => [r._id, fingerprintRecord(asCanonical(r.canonical, r.sourceId), args.rules)]),
  );
  pairs.forEach((pair) => {
    const other = otherOf(pair);
    const recordedOwn = pair.fingerprints?.[args.recordId];
    if (recordedOwn !== undefined && recordedOwn !== fingerprint) return;
    const recordedOther = pair.fingerprints?.[other];
    const currentOther = currentFingerprints.get(other);
    if (recordedOther !== undefined && currentOther !== undefined && recordedOther !== currentOther) return;
    excluded.add(other);
  });
  return excluded;
}

/**
 * The ids among `recordIds` that some not-a-match pair names (either side): two indexed reads for a whole
 * group of records instead of two per record. Ingest never writes not-a-match pairs, so within one
 * transaction a record named by none stays so.
 */
export async function namedByNotAMatch(args: { store: Store; session?: StoreSession; recordIds: string[] }): Promise<Set<string>> {
  const collection = args.store.collection<NotAMatchDocument>(NOT_A_MATCH);
  const ids = [...new Set(args.recordIds)];
  const named = new Set<string>();
  if (ids.length === 0) return named;
  const wanted = new Set(ids);
  for (const pair of await collection.find({ a: { $in: ids } }, { projection: { a: 1, b: 1 }, session: args.session }))
    if (wanted.has(pair.a)) named.add(pair.a);
  for (const pair of await collection.find({ b: { $in: ids } }, { projection: { a: 1, b: 1 }, session: args.session }))
    if (wanted.has(pair.b)) named.add(pair.b);
  return named;
}

/** Matches a source record against the domain's golden records, skipping excluded ids. */
export async function matchSourceRecord(args: {
  store: Store;
  session?: StoreSession;
  rules: CompiledRules;
  recordId: string;
  record: CanonicalRecord;
  excludedIds: ReadonlySet<string>;
  /** `record` already prepared under `rules` (`prepareIncoming`). */
  preparation?: IncomingPreparation;
}): Promise<MatchDecision> {
  return matchRecord({
    store: args.store,
    session: args.session,
    rules: args.rules,
    record: args.record,
    preparation: args.preparation,
    recordId: args.recordId,
    notAMatch: (pair) => args.excludedIds.has(pair.candidateRecordId) || args.excludedIds.has(pair.goldenId),
    canonicalOf: (recordIds) => canonicalRecordsOf({ store: args.store, session: args.session, recordIds }),
  });
}

/** The stored standardised canonical records of source records, as the engine sees them. */
async function canonicalRecordsOf(args: {
  store: Store;
  session?: StoreSession;
  recordIds: string[];
}): Promise<Map<string, CanonicalRecord>> {
  const records = await args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .find({ _id: { $in: args.recordIds } }, { session: args.session });
  return new Map(records.map((record) => [record._id, asCanonical(record.canonical, record.sourceId)]));
}
