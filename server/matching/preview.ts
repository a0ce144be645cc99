/**
 * Impact preview: runs candidate rules and the published rules over the domain's current source
 * records (batch matcher, stewards' not-a-match pairs as cannot-links) and reports what would
 * change — auto-merge pairs gained and lost, with examples explained under both rule sets, and the
 * band counts of each. Writes nothing. Large domains run it as a background job.
 */
import type { JobHandler } from '../jobs/types';
import type { Store } from '../store/types';
import { batchMatchAsync, type BatchMatchResult } from './batch';
import { SOURCE_RECORDS } from '../sourceRecords/collections';
import { loadDomainRecords, notAMatchPairs, pairOf, splitPair } from './domainRecords';
import type { CompiledRules } from './rules';
import { chooseRules, type RulesChoice } from './ruleSets/chooseRules';
import { publishedRules } from './ruleSets/queries';
import { recordLabel, type RecordLabel } from './recordLabel';
import { scorePair } from './scoring';
import { present } from '../invariant';
import type { CanonicalRecord, MatchExplanation } from './types';

export const PREVIEW_JOB = 'matching.preview';
/** Above this many source records the preview runs as a job (two batch matches take a while; they pause for the event loop every few thousand units). */
export const PREVIEW_INLINE_LIMIT = 20_000;

export interface BandCounts {
  rulesVersion: string;
  pairsCompared: number;
  autoMergePairs: number;
  reviewPairs: number;
  clusters: number;
  recordsInClusters: number;
  mergesBlockedByCannotLink: number;
  blocksSkippedOverCollision: number;
}

export interface PairChange {
  a: string;
  b: string;
  /** What a steward recognises each record by (display attribute, source, source id). */
  labels: { a: RecordLabel; b: RecordLabel };
  current: Pick<MatchExplanation, 'score' | 'band' | 'hardRule'>;
  candidate: MatchExplanation;
}

export interface PreviewResult {
  domain: string;
  records: number;
  rules: { current: string; candidate: string; candidateChoice: RulesChoice };
  current: BandCounts;
  candidate: BandCounts;
  mergesGained: number;
  mergesLost: number;
  reviewGained: number;
  reviewLost: number;
  examples: { gained: PairChange[]; lost: PairChange[] };
}

function counts(result: BatchMatchResult, rules: CompiledRules): BandCounts {
  return {
    rulesVersion: rules.version,
    pairsCompared: result.pairsCompared,
    autoMergePairs: result.autoMergePairs,
    reviewPairs: result.reviewPairCount,
    clusters: result.clusters.length,
    recordsInClusters: result.clusters.reduce((sum, c) => sum + c.length, 0),
    mergesBlockedByCannotLink: result.mergesBlockedByCannotLink,
    blocksSkippedOverCollision: result.blocksSkippedOverCollision,
  };
}

/** Every pair inside each cluster (clusters are small: bounded by the block caps in practice). */
function clusteredPairs(clusters: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const cluster of clusters)
    for (let i = 0; i < cluster.length; i++)
      for (let j = i + 1; j < cluster.length; j++)
        pairs.add(pairOf(present(cluster[i], 'cluster member i'), present(cluster[j], 'cluster member j')));
  return pairs;
}

function difference(x: Set<string>, y: Set<string>): string[] {
  return [...x].filter((pair) => !y.has(pair)).sort();
}

/** Runs the published and the candidate rules over `domain` and compares the outcomes. */
export async function previewRules(
  services: { store: Store },
  input: { domain: string; rules?: unknown; useDraft?: boolean; examples?: number },
  /** Renews a job's lease between the two batch matches. */
  heartbeat: () => Promise<void> = async () => undefined,
  /**
   * A job's abort signal (lease lost, cancel, shutdown): checked at every pause of the cooperative
   * batch matcher, whose pauses also let the job's heartbeat timer renew the lease during a long match.
   */
  signal?: AbortSignal,
): Promise<PreviewResult> {
  const candidateRules = await chooseRules({
    store: services.store,
    domain: input.domain,
    rules: input.rules,
    useDraft: input.useDraft ?? input.rules === undefined,
  });
  const currentRules = await publishedRules({ store: services.store, domain: input.domain });
  const { records, goldenOf, sourceOf } = await loadDomainRecords({ store: services.store, domain: input.domain });
  const excluded = await notAMatchPairs({ store: services.store, domain: input.domain, goldenOf });
  const isNotAMatch = (a: string, b: string): boolean => excluded.has(pairOf(a, b));
  const onYield = (): void => signal?.throwIfAborted();
  await heartbeat();
  const current = await batchMatchAsync({ records, rules: currentRules, isNotAMatch, onYield });
  await heartbeat();
  const candidate = await batchMatchAsync({ records, rules: candidateRules.rules, isNotAMatch, onYield });
  await heartbeat();
  const currentPairs = clusteredPairs(current.clusters);
  const candidatePairs = clusteredPairs(candidate.clusters);
  const currentReview = new Set(current.reviewPairs.map((p) => pairOf(p.a, p.b)));
  const candidateReview = new Set(candidate.reviewPairs.map((p) => pairOf(p.a, p.b)));
  const gained = difference(candidatePairs, currentPairs);
  const lost = difference(currentPairs, candidatePairs);
  const byId = new Map<string, CanonicalRecord>(records.map((r) => [r.sourceId, r]));
  const limit = input.examples ?? 20;
  const labelOf = (record: CanonicalRecord): RecordLabel =>
    recordLabel({ domain: input.domain, recordId: record.sourceId, source: sourceOf.get(record.sourceId) ?? '', canonical: record });
  const explain = (key: string): PairChange => {
    const [a, b] = splitPair(key);
    const ra = byId.get(a) as CanonicalRecord;
    const rb = byId.get(b) as CanonicalRecord;
    const now = scorePair({ a: ra, b: rb, rules: currentRules, context: current.context });
    return {
      a,
      b,
      labels: { a: labelOf(ra), b: labelOf(rb) },
      current: { score: now.score, band: now.band, hardRule: now.hardRule },
      candidate: scorePair({ a: ra, b: rb, rules: candidateRules.rules, context: candidate.context }),
    };
  };
  return {
    domain: input.domain,
    records: records.length,
    rules: { current: currentRules.version, candidate: candidateRules.rules.version, candidateChoice: candidateRules.choice },
    current: counts(current, currentRules),
    candidate: counts(candidate, candidateRules.rules),
    mergesGained: gained.length,
    mergesLost: lost.length,
    reviewGained: difference(candidateReview, currentReview).length,
    reviewLost: difference(currentReview, candidateReview).length,
    examples: { gained: gained.slice(0, limit).map(explain), lost: lost.slice(0, limit).map(explain) },
  };
}

export interface PreviewJobParams {
  domain: string;
  rules?: unknown;
  useDraft?: boolean;
  examples?: number;
  [key: string]: unknown;
}

/** Counts a domain's source records (decides inline vs job). */
export async function countDomainRecords(services: { store: Store }, domain: string): Promise<number> {
  return services.store.collection(SOURCE_RECORDS).countDocuments({ domain });
}

/** The preview as a background job (for large domains); the result is the PreviewResult. */
export const previewRulesJob: JobHandler<PreviewJobParams> = {
  type: PREVIEW_JOB,
  async run({ job, services, report, heartbeat, signal }) {
    await report({ phase: 'matching with both rule sets', done: 0 });
    const result = await previewRules(services, job.params, heartbeat, signal);
    await report({ phase: 'done', done: result.records, total: result.records });
    return result;
  },
};
