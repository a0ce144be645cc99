/**
 * Candidate retrieval against the store. `matchIndex` holds one entry per source record
 * (`{ domain, recordId, goldenId, keys, prepared }`, multikey index on `{ domain, keys }`);
 * `blockStats` holds each block's size (`_id: domain|key`). A lookup reads block sizes first, so
 * over-collision keys are dropped (and reported) before any entry is fetched.
 */
import type { Collection, Document, Store, StoreSession } from '../store/types';
import { selectLookupKeys } from './blocking';
import type { CompiledRules } from './rules';
import { prepareRecord, scorePair } from './scoring';
import type { CanonicalRecord, MatchBand, MatchExplanation, PreparedRecord } from './types';

export const MATCH_INDEX = 'matchIndex';
export const BLOCK_STATS = 'blockStats';
/** Entries fetched per lookup at most: a safety net on top of maxBlockSize. */
const DEFAULT_MAX_ENTRIES = 1000;
const STATS_CHUNK = 1000;

export interface MatchIndexEntry extends Document {
  _id: string;
  domain: string;
  recordId: string;
  goldenId: string;
  keys: string[];
  prepared: PreparedRecord;
  indexedAt: string;
}

interface BlockStat extends Document {
  _id: string;
  domain: string;
  size: number;
}

export interface OverCollision {
  key: string;
  size: number;
  maxBlockSize: number;
}

/** Pairs stewards marked not-a-match: a set of `pairKey(x, y)` (record–record or record–golden) or a predicate. */
export type NotAMatch = ReadonlySet<string> | ((pair: { recordId?: string; candidateRecordId: string; goldenId: string }) => boolean);

/** Order-independent key of a pair of ids. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

function entryId(domain: string, recordId: string): string {
  return `${domain}|${recordId}`;
}

function statId(domain: string, key: string): string {
  return `${domain}|${key}`;
}

function collections(store: Store): { index: Collection<MatchIndexEntry>; stats: Collection<BlockStat> } {
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

function keysByRule(record: CanonicalRecord, rules: CompiledRules): string[][] {
  return rules.keyRules.map((keyRule) => keyRule.indexKeys(record));
}

async function adjustStats(args: { store: Store; domain: string; counts: Map<string, number>; session?: StoreSession }): Promise<void> {
  const { stats } = collections(args.store);
  const keys = [...args.counts.keys()];
  for (let i = 0; i < keys.length; i += STATS_CHUNK) {
    const chunk = keys.slice(i, i + STATS_CHUNK);
    const existing = new Set((await stats.find({ _id: { $in: chunk.map((k) => statId(args.domain, k)) } }, { projection: { _id: 1 }, session: args.session })).map((s) => s._id));
    const fresh: BlockStat[] = [];
    for (const key of chunk) {
      const delta = args.counts.get(key) ?? 0;
      const id = statId(args.domain, key);
      if (existing.has(id)) await stats.updateOne({ _id: id }, { $inc: { size: delta } }, { session: args.session });
      else if (delta > 0) fresh.push({ _id: id, domain: args.domain, size: delta });
    }
    if (fresh.length > 0) await stats.insertMany(fresh, { session: args.session });
  }
  const emptied = keys.filter((k) => (args.counts.get(k) ?? 0) < 0).map((k) => statId(args.domain, k));
  if (emptied.length > 0) await stats.deleteMany({ _id: { $in: emptied }, size: { $lte: 0 } }, { session: args.session });
}

/** Removes a source record from the match index and shrinks its blocks. Returns whether it was indexed. */
export async function removeFromIndex(args: { store: Store; domain: string; recordId: string; session?: StoreSession }): Promise<boolean> {
  const { index } = collections(args.store);
  const id = entryId(args.domain, args.recordId);
  const existing = await index.findOne({ _id: id }, { session: args.session });
  if (!existing) return false;
  await index.deleteOne({ _id: id }, { session: args.session });
  await adjustStats({ store: args.store, domain: args.domain, counts: new Map(existing.keys.map((k) => [k, -1])), session: args.session });
  return true;
}

/** Indexes (or re-indexes) many source records; block sizes are adjusted once per distinct key. */
export async function indexRecords(args: {
  store: Store;
  rules: CompiledRules;
  entries: ReadonlyArray<{ recordId: string; goldenId: string; record: CanonicalRecord }>;
  session?: StoreSession;
}): Promise<void> {
  const { index } = collections(args.store);
  const domain = args.rules.domain;
  const counts = new Map<string, number>();
  const bump = (key: string, delta: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + delta);
  };
  const ids = args.entries.map((e) => entryId(domain, e.recordId));
  const previous = await index.find({ _id: { $in: ids } }, { projection: { _id: 1, keys: 1 }, session: args.session });
  for (const old of previous) for (const key of old.keys) bump(key, -1);
  if (previous.length > 0) await index.deleteMany({ _id: { $in: previous.map((p) => p._id) } }, { session: args.session });
  const now = new Date().toISOString();
  const docs: MatchIndexEntry[] = args.entries.map((entry) => {
    const keys = [...new Set(keysByRule(entry.record, args.rules).flat())];
    for (const key of keys) bump(key, 1);
    return {
      _id: entryId(domain, entry.recordId),
      domain,
      recordId: entry.recordId,
      goldenId: entry.goldenId,
      keys,
      prepared: prepareRecord(entry.record, args.rules),
      indexedAt: now,
    };
  });
  if (docs.length > 0) await index.insertMany(docs, { session: args.session });
  for (const [key, delta] of counts) if (delta === 0) counts.delete(key);
  await adjustStats({ store: args.store, domain, counts, session: args.session });
}

/** Indexes (or re-indexes) one source record under its golden record. */
export async function indexRecord(args: { store: Store; rules: CompiledRules; recordId: string; goldenId: string; record: CanonicalRecord; session?: StoreSession }): Promise<void> {
  await indexRecords({ store: args.store, rules: args.rules, entries: [{ recordId: args.recordId, goldenId: args.goldenId, record: args.record }], session: args.session });
}

/** Moves source records to another golden record (merge / unmerge) without re-keying them. */
export async function setGoldenId(args: { store: Store; domain: string; recordIds: string[]; goldenId: string; session?: StoreSession }): Promise<number> {
  const { index } = collections(args.store);
  const result = await index.updateMany({ _id: { $in: args.recordIds.map((r) => entryId(args.domain, r)) } }, { $set: { goldenId: args.goldenId } }, { session: args.session });
  return result.matchedCount;
}

export interface CandidateResult {
  lookupKeys: string[];
  overCollision: OverCollision[];
  /** Candidate entries grouped by golden record. */
  byGolden: Map<string, MatchIndexEntry[]>;
  entriesFetched: number;
  /** More entries matched than `maxEntries`; the rest were not fetched. */
  isTruncated: boolean;
}

/** Finds index entries sharing a usable block with `record`, grouped by golden record. */
export async function findCandidates(args: {
  store: Store;
  rules: CompiledRules;
  record: CanonicalRecord;
  /** The record's own id, excluded from its candidates when it is already indexed. */
  recordId?: string;
  maxEntries?: number;
  session?: StoreSession;
}): Promise<CandidateResult> {
  const { index, stats } = collections(args.store);
  const domain = args.rules.domain;
  const byRule = keysByRule(args.record, args.rules);
  const allKeys = [...new Set(byRule.flat())];
  const sizes = new Map<string, number>();
  if (allKeys.length > 0) {
    const found = await stats.find({ _id: { $in: allKeys.map((k) => statId(domain, k)) } }, { session: args.session });
    for (const stat of found) sizes.set(stat._id.slice(domain.length + 1), stat.size);
  }
  const lookupKeys = selectLookupKeys({ keyRules: args.rules.keyRules, keysByRule: byRule, sizeOf: (k) => sizes.get(k) ?? 0 });
  const maxByKey = new Map<string, number>();
  args.rules.keyRules.forEach((keyRule, i) => {
    for (const key of byRule[i]) maxByKey.set(key, keyRule.rule.maxBlockSize);
  });
  const overCollision: OverCollision[] = [];
  const usable: string[] = [];
  for (const key of new Set(lookupKeys)) {
    const size = sizes.get(key) ?? 0;
    const maxBlockSize = maxByKey.get(key) ?? 0;
    // The record itself may already be in the block; it does not count against the limit.
    if (size > maxBlockSize) overCollision.push({ key, size, maxBlockSize });
    else if (size > 0) usable.push(key);
  }
  const maxEntries = args.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = usable.length === 0 ? [] : await index.find({ domain, keys: { $in: usable } }, { limit: maxEntries + 1, session: args.session });
  const isTruncated = entries.length > maxEntries;
  const byGolden = new Map<string, MatchIndexEntry[]>();
  let entriesFetched = 0;
  for (const entry of entries.slice(0, maxEntries)) {
    if (args.recordId !== undefined && entry.recordId === args.recordId) continue;
    entriesFetched++;
    const list = byGolden.get(entry.goldenId);
    if (list) list.push(entry);
    else byGolden.set(entry.goldenId, [entry]);
  }
  return { lookupKeys: [...new Set(lookupKeys)], overCollision, byGolden, entriesFetched, isTruncated };
}

export interface GoldenCandidate {
  goldenId: string;
  /** The member that scored best (golden score = best member score). */
  recordId: string;
  score: number;
  band: MatchBand;
  explanation: MatchExplanation;
}

export interface MatchDecision {
  /** auto-merge into `best.goldenId`, review, or no-match (create a new golden record). */
  decision: MatchBand;
  best: GoldenCandidate | null;
  /** Candidates at review or above, best first. */
  candidates: GoldenCandidate[];
  /** Several golden records reached auto-merge: downgraded to review so a steward picks. */
  isAmbiguous: boolean;
  /** Packaging-level and similar links worth recording, though not merges. */
  relationships: Array<{ recordId: string; goldenId: string; relationship: string }>;
  overCollision: OverCollision[];
  entriesCompared: number;
  excludedByNotAMatch: number;
  /** Entries prepared under another rules version (scored as stored; re-index them). */
  staleEntries: number;
  isTruncated: boolean;
}

const BAND_RANK: Record<MatchBand, number> = { 'auto-merge': 2, review: 1, 'no-match': 0 };

function isExcluded(notAMatch: NotAMatch | undefined, pair: { recordId?: string; candidateRecordId: string; goldenId: string }): boolean {
  if (!notAMatch) return false;
  if (typeof notAMatch === 'function') return notAMatch(pair);
  if (pair.recordId === undefined) return false;
  return notAMatch.has(pairKey(pair.recordId, pair.candidateRecordId)) || notAMatch.has(pairKey(pair.recordId, pair.goldenId));
}

/** Matches one incoming record against the index: candidates, per-golden best member score, decision. */
export async function matchRecord(args: {
  store: Store;
  rules: CompiledRules;
  record: CanonicalRecord;
  recordId?: string;
  notAMatch?: NotAMatch;
  maxEntries?: number;
  session?: StoreSession;
}): Promise<MatchDecision> {
  const found = await findCandidates(args);
  const prepared = prepareRecord(args.record, args.rules);
  const goldens: GoldenCandidate[] = [];
  const relationships: MatchDecision['relationships'] = [];
  let entriesCompared = 0;
  let excluded = 0;
  let stale = 0;
  for (const [goldenId, members] of found.byGolden) {
    let best: GoldenCandidate | null = null;
    for (const member of members) {
      if (isExcluded(args.notAMatch, { recordId: args.recordId, candidateRecordId: member.recordId, goldenId })) {
        excluded++;
        continue;
      }
      if (member.prepared.rulesVersion !== args.rules.version) stale++;
      entriesCompared++;
      const explanation = scorePair({ a: prepared, b: { ...member.prepared, rulesVersion: args.rules.version }, rules: args.rules });
      if (explanation.relationship) relationships.push({ recordId: member.recordId, goldenId, relationship: explanation.relationship });
      const candidate: GoldenCandidate = { goldenId, recordId: member.recordId, score: explanation.score, band: explanation.band, explanation };
      if (!best || BAND_RANK[candidate.band] > BAND_RANK[best.band] || (candidate.band === best.band && candidate.score > best.score)) best = candidate;
    }
    if (best) goldens.push(best);
  }
  goldens.sort((x, y) => BAND_RANK[y.band] - BAND_RANK[x.band] || y.score - x.score);
  const candidates = goldens.filter((g) => g.band !== 'no-match');
  const best = candidates[0] ?? null;
  const isAmbiguous = candidates.filter((c) => c.band === 'auto-merge').length > 1;
  const decision: MatchBand = !best ? 'no-match' : isAmbiguous ? 'review' : best.band;
  return {
    decision,
    best,
    candidates,
    isAmbiguous,
    relationships,
    overCollision: found.overCollision,
    entriesCompared,
    excludedByNotAMatch: excluded,
    staleEntries: stale,
    isTruncated: found.isTruncated,
  };
}
