/**
 * Candidate retrieval and the incremental match decision. A lookup reads block sizes first, so
 * over-collision keys are dropped (and reported) before any entry is fetched; candidates are
 * grouped by golden record and scored member by member.
 */
import type { Store, StoreSession } from '../store/types';
import { selectLookupKeys } from './blocking';
import { present } from '../invariant';
import { collections, distinctKeys, entryId, preparationFor, readEntry, statId } from './matchIndex';
import type { IncomingPreparation, MatchIndexEntry } from './matchIndex';
import { loadRules } from './rules';
import type { CompiledRules } from './rules';
import {
  decidingVeto,
  evaluatePreparedPair,
  explainEvaluation,
  prepareRecord,
  shareStoredValues,
  shownScore,
  type PairEvaluation,
} from './scoring';
import { loadTermWeights, termStatsVersionId, termStatsVersionOf } from './termStats';
import { blockSizesAtStart, groupedCountsOf, heldBlockChanges } from './groupedMatchCounts';
import type { ComparisonResult } from './comparators';
import type { CanonicalRecord, HardRule, MatchBand, MatchExplanation, PreparedRecord } from './types';
import { withRecordSource } from './sourceLayoutWords';

/** Entries fetched per lookup at most: a safety net on top of maxBlockSize. */
const DEFAULT_MAX_ENTRIES = 1000;

/** Who to match against: compiled rules, or a domain whose shipped rules are loaded (once). */
export type LookupArgs = ({ rules: CompiledRules } | { domain: string }) & {
  store: Store;
  record: CanonicalRecord;
  /** The record's own id, excluded from its candidates when it is already indexed. */
  recordId?: string;
  maxEntries?: number;
  session?: StoreSession;
  /**
   * The current (standardised) canonical records of index entries by record id. Entries prepared
   * under another rules version are prepared again from them, so a decision and its explanation
   * compare what the rules in force compare; without it such entries are scored as stored.
   */
  canonicalOf?: (recordIds: string[]) => Promise<Map<string, CanonicalRecord>>;
  /** `record` already prepared (`prepareIncoming`); ignored when made under another rules version. */
  preparation?: IncomingPreparation;
};

const shippedRules = new Map<string, Promise<CompiledRules>>();

async function resolveRules(args: { rules: CompiledRules } | { domain: string }): Promise<CompiledRules> {
  if ('rules' in args) return args.rules;
  let loading = shippedRules.get(args.domain);
  if (!loading) {
    loading = loadRules(args.domain);
    // A failed load (unknown domain) must not be cached.
    loading.catch(() => shippedRules.delete(args.domain));
    shippedRules.set(args.domain, loading);
  }
  return loading;
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

export interface CandidateResult {
  lookupKeys: string[];
  overCollision: OverCollision[];
  /** Candidate entries grouped by golden record. */
  byGolden: Map<string, MatchIndexEntry[]>;
  entriesFetched: number;
  /** More entries matched than `maxEntries`; the rest were not fetched. */
  isTruncated: boolean;
  /** Entries prepared under another rules version and prepared again from their canonical record. */
  refreshedEntries: number;
  /** Version of the domain's term stats read with the block sizes (rules with idf comparators; '' when none written yet). */
  termStatsVersion?: string;
}

/**
 * A block's size as read (0: no size document). Made by a function rather than written in the call's object literal,
 * which the tsx loader would name (`__name`) on every call (blocking.ts `sizeOfRule`).
 */
function sizeIn(sizes: ReadonlyMap<string, number>): (key: string) => number {
  return (key) => sizes.get(key) ?? 0;
}

/** Finds index entries sharing a usable block with `record`, grouped by golden record. */
export async function findCandidates(args: LookupArgs): Promise<CandidateResult> {
  const { index, stats } = collections(args.store);
  const rules = await resolveRules(args);
  const domain = rules.domain;
  const byRule = preparationFor(args.record, rules, args.preparation).keysByRule;
  const allKeys = distinctKeys(byRule);
  const sizes = new Map<string, number>();
  // The term-stats version is read in the same query (matchRecord's held term counts are checked against it).
  let termStatsVersion: string | undefined;
  if (allKeys.length > 0) {
    // An ingest group read its records' block sizes and the term-stats version once, at its start (withGroupedMatchCounts).
    const atStart = blockSizesAtStart(args.session, domain, allKeys);
    if (atStart) {
      if (rules.idfComparators.length > 0) termStatsVersion = atStart.termStatsVersion;
      for (const key of allKeys) {
        const size = atStart.sizes.get(key);
        if (size !== undefined) sizes.set(key, size);
      }
    } else {
      const versionId = termStatsVersionId(domain);
      const ids = allKeys.map((k) => statId(domain, k));
      if (rules.idfComparators.length > 0) ids.push(versionId);
      const found = await stats.find({ _id: { $in: ids } }, { session: args.session });
      if (rules.idfComparators.length > 0) termStatsVersion = '';
      for (const stat of found) {
        if (stat._id === versionId) termStatsVersion = termStatsVersionOf(stat);
        else sizes.set(stat._id.slice(domain.length + 1), stat.size);
      }
    }
    // Sizes the session's earlier records changed and has not written yet (an ingest group: withGroupedMatchCounts).
    const held = heldBlockChanges(args.session, domain);
    if (held) {
      for (const key of allKeys) {
        const change = held.get(key);
        if (change === undefined) continue;
        const size = (sizes.get(key) ?? 0) + change;
        // A block written down to 0 is deleted: read as absent.
        if (size > 0) sizes.set(key, size);
        else sizes.delete(key);
      }
    }
  }
  // Sizes count OTHER records: when re-matching an indexed record, take itself out of its blocks.
  // A record whose entry the session knows absent (an ingest group's new record) is in no block: nothing to read.
  if (args.recordId !== undefined && !groupedCountsOf(args.session)?.absentEntries.get(domain)?.has(args.recordId)) {
    const own = await index.findOne({ _id: entryId(domain, args.recordId) }, { projection: { keys: 1 }, session: args.session });
    for (const key of own?.keys ?? []) {
      const size = sizes.get(key);
      if (size !== undefined) sizes.set(key, size - 1);
    }
  }
  const lookupKeys = selectLookupKeys({ keyRules: rules.keyRules, keysByRule: byRule, sizeOf: sizeIn(sizes) });
  const maxByKey = new Map<string, number>();
  for (let i = 0; i < rules.keyRules.length; i++) {
    const { maxBlockSize } = present(rules.keyRules[i], 'blocking rule i').rule;
    for (const key of present(byRule[i], 'keys of blocking rule')) maxByKey.set(key, maxBlockSize);
  }
  const overCollision: OverCollision[] = [];
  const usable: string[] = [];
  const distinctLookupKeys = [...new Set(lookupKeys)];
  for (const key of distinctLookupKeys) {
    const size = sizes.get(key) ?? 0;
    const maxBlockSize = maxByKey.get(key) ?? 0;
    // With this record added the block would hold size + 1 members.
    if (size + 1 > maxBlockSize) overCollision.push({ key, size, maxBlockSize });
    else if (size > 0) usable.push(key);
  }
  const maxEntries = args.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries =
    usable.length === 0
      ? []
      : (await index.find({ domain, keys: { $in: usable } }, { limit: maxEntries + 1, session: args.session })).map((entry) =>
          readEntry(entry),
        );
  const isTruncated = entries.length > maxEntries;
  const { entries: current, refreshed } = await refreshStaleEntries({
    entries: entries.slice(0, maxEntries),
    rules,
    canonicalOf: args.canonicalOf,
  });
  const byGolden = new Map<string, MatchIndexEntry[]>();
  let entriesFetched = 0;
  for (const entry of current) {
    if (args.recordId !== undefined && entry.recordId === args.recordId) continue;
    entriesFetched++;
    shareStoredValues(entry.prepared, rules);
    const list = byGolden.get(entry.goldenId);
    if (list) list.push(entry);
    else byGolden.set(entry.goldenId, [entry]);
  }
  return {
    lookupKeys: distinctLookupKeys,
    overCollision,
    byGolden,
    entriesFetched,
    isTruncated,
    refreshedEntries: refreshed,
    ...(termStatsVersion === undefined ? {} : { termStatsVersion }),
  };
}

/** Prepares entries of another rules version again from their current canonical record (when a loader is given). */
async function refreshStaleEntries(args: {
  entries: MatchIndexEntry[];
  rules: CompiledRules;
  canonicalOf?: LookupArgs['canonicalOf'];
}): Promise<{ entries: MatchIndexEntry[]; refreshed: number }> {
  const stale = args.entries.filter((entry) => entry.prepared.rulesVersion !== args.rules.version);
  if (stale.length === 0 || !args.canonicalOf) return { entries: args.entries, refreshed: 0 };
  const canonical = await args.canonicalOf(stale.map((entry) => entry.recordId));
  let refreshed = 0;
  const entries = args.entries.map((entry) => {
    const record = entry.prepared.rulesVersion === args.rules.version ? undefined : canonical.get(entry.recordId);
    if (!record) return entry;
    refreshed++;
    return { ...entry, prepared: withRecordSource(prepareRecord(record, args.rules), entry.recordId) };
  });
  return { entries, refreshed };
}

export interface GoldenCandidate {
  goldenId: string;
  /** The member that scored best (golden score = best member score). */
  recordId: string;
  score: number;
  band: MatchBand;
  explanation: MatchExplanation;
  /** Set when the best member reached auto-merge but another member vetoed the record (band lowered to review). */
  vetoedByMember?: { recordId: string; rule: string };
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
  /** Golden records lowered from auto-merge to review because one of their members vetoed the record. */
  goldenVetoedByMember: number;
  /** Entries prepared under another rules version and scored as stored (no canonical record to prepare them again from; re-index them). */
  staleEntries: number;
  /** Entries of another rules version prepared again from their canonical record before scoring. */
  refreshedEntries: number;
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
export async function matchRecord(args: LookupArgs & { notAMatch?: NotAMatch }): Promise<MatchDecision> {
  const rules = await resolveRules(args);
  const preparation = preparationFor(args.record, rules, args.preparation);
  const found = await findCandidates({ ...args, rules, preparation });
  const prepared = withRecordSource(preparation.prepared, args.recordId);
  // Members a hard-rule veto decides from a few comparators (another GTIN…) are not scored: their band
  // is no-match whatever the score, and a golden record is ranked and explained by a member above it.
  let excluded = 0;
  const scored = new Map<
    string,
    Array<{ member: MatchIndexEntry; veto: HardRule | null; compared: Array<ComparisonResult | undefined> }>
  >();
  const toWeigh: PreparedRecord[] = [prepared];
  for (const [goldenId, members] of found.byGolden) {
    const list: Array<{ member: MatchIndexEntry; veto: HardRule | null; compared: Array<ComparisonResult | undefined> }> = [];
    for (const member of members) {
      if (isExcluded(args.notAMatch, { recordId: args.recordId, candidateRecordId: member.recordId, goldenId })) {
        excluded++;
        continue;
      }
      const compared: Array<ComparisonResult | undefined> = [];
      const veto = decidingVeto({ a: prepared, b: member.prepared, compiled: rules, compared });
      if (!veto) toWeigh.push(member.prepared);
      list.push({ member, veto, compared });
    }
    scored.set(goldenId, list);
  }
  // Token weights of idf comparators: one read for the tokens of the record and the candidates to score.
  const context =
    toWeigh.length > 1 && rules.idfComparators.length > 0
      ? await loadTermWeights({
          store: args.store,
          compiled: rules,
          prepared: toWeigh,
          session: args.session,
          termStatsVersion: found.termStatsVersion,
        })
      : undefined;
  // Golden records at review or above (no-match ones are not candidates).
  const candidates: GoldenCandidate[] = [];
  const relationships: MatchDecision['relationships'] = [];
  let entriesCompared = 0;
  let stale = 0;
  let membersVetoed = 0;
  for (const [goldenId, members] of scored) {
    // Members are evaluated without explanations; only the golden's best member is explained.
    let best: { recordId: string; b: PreparedRecord; evaluation: PairEvaluation; score: number } | null = null;
    let vetoedBy: { recordId: string; rule: string } | null = null;
    for (const { member, veto, compared } of members) {
      if (member.prepared.rulesVersion !== rules.version) stale++;
      entriesCompared++;
      const evaluation = veto ? null : evaluatePreparedPair({ a: prepared, b: member.prepared, compiled: rules, context, known: compared });
      const rule = veto ?? evaluation?.hardRule;
      if (rule?.relationship) relationships.push({ recordId: member.recordId, goldenId, relationship: rule.relationship });
      if (rule?.action === 'veto') vetoedBy ??= { recordId: member.recordId, rule: rule.name };
      if (!evaluation) continue;
      // Ranked by the score an explanation shows (rounded), as stewards see it.
      const score = shownScore(evaluation);
      if (
        !best ||
        BAND_RANK[evaluation.band] > BAND_RANK[best.evaluation.band] ||
        (evaluation.band === best.evaluation.band && score > best.score)
      ) {
        best = { recordId: member.recordId, b: member.prepared, evaluation, score };
      }
    }
    // A golden record whose best member scores no-match is no candidate: it is not explained.
    if (!best || best.evaluation.band === 'no-match') continue;
    const explanation = explainEvaluation({ a: prepared, b: best.b, compiled: rules, evaluation: best.evaluation });
    let candidate: GoldenCandidate = { goldenId, recordId: best.recordId, score: explanation.score, band: explanation.band, explanation };
    // A member that vetoes the record (another packaging level, another tax id…) makes joining the
    // golden record a contradiction however well another member scores: a steward decides.
    if (vetoedBy && candidate.band === 'auto-merge') {
      candidate = { ...candidate, band: 'review', vetoedByMember: vetoedBy };
      membersVetoed++;
    }
    candidates.push(candidate);
  }
  candidates.sort((x, y) => BAND_RANK[y.band] - BAND_RANK[x.band] || y.score - x.score);
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
    goldenVetoedByMember: membersVetoed,
    staleEntries: stale,
    refreshedEntries: found.refreshedEntries,
    isTruncated: found.isTruncated,
  };
}
