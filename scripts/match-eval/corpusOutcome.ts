/**
 * What the hub made of an ingested evaluation corpus, read from the store, scored pairwise against
 * the corpus labels: auto-merge = pairs of corpus records in one golden record; + clusters = those plus
 * pairs of records in one open cluster task (`potential-match-cluster`, read by scripts/evalClusters.ts);
 * auto-merge + review = auto-merge plus subject ↔ candidate-member pairs of open potential-match tasks
 * plus cluster-task pairs (everything a steward is asked). Also lists false auto-merges (with a
 * readable label per record) and hard negatives that ended in one golden record.
 */
import { GOLDEN_RECORDS, SOURCE_RECORDS } from '../../server/golden/collections';
import { TASKS } from '../../server/stewardship/collections';
import type { GoldenRecordDocument, SourceRecordDocument } from '../../server/golden/types';
import type { TaskDocument } from '../../server/stewardship/types';
import type { Store } from '../../server/store';
import type { PairwiseScore } from '../../seed/evaluateMatching';
import { predictedGroups } from '../evalClusters';
import { pairKey, truePairs, type CorpusRecord, type EvaluationCorpus, type HardNegative } from './corpus';
import { present } from '../../server/invariant';

export interface FalsePair {
  a: CorpusRecord;
  b: CorpusRecord;
  /** The hard negative this pair is, when it is one. */
  hardNegative?: HardNegative;
}

export interface CorpusOutcome {
  domain: string;
  records: number;
  /** Corpus records the hub did not store (ingest exceptions): a broken corpus or mapping, not a matching result. */
  missing: string[];
  goldens: number;
  openTasks: number;
  autoMerge: PairwiseScore;
  /** Auto-merge + open cluster tasks (name-only evidence reviewed as one cluster). */
  withClusters: PairwiseScore;
  clusterTasks: number;
  /** Open cluster tasks whose records belong to more than one entity (each as its records' corpus ids). */
  mixedClusters: string[][];
  withReview: PairwiseScore;
  falseAutoMerges: FalsePair[];
  /** True pairs neither merged nor put before a steward (a task or a cluster task). */
  missedPairs: FalsePair[];
  /** Pairs of different entities put before a steward (a task or a cluster task), not merged. */
  falseReviews: FalsePair[];
  /** Hard negatives in one golden record. */
  mergedHardNegatives: HardNegative[];
  /** Hard negatives a steward is asked about (not merged). */
  reviewedHardNegatives: HardNegative[];
  hardNegatives: number;
}

/** Precision / recall / F1 of claimed pairs against expected pairs. */
export function scorePairs(expected: ReadonlySet<string>, claimed: ReadonlySet<string>): PairwiseScore {
  let truePositives = 0;
  for (const pair of claimed) if (expected.has(pair)) truePositives++;
  const falsePositives = claimed.size - truePositives;
  const falseNegatives = expected.size - truePositives;
  const precision = claimed.size === 0 ? 1 : truePositives / claimed.size;
  const recall = expected.size === 0 ? 1 : truePositives / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** A one-line label of a corpus record for reports: source, source id, text and a few identifying fields present on it. */
export function recordLabel(record: CorpusRecord): string {
  const canonical = record.record as Record<string, unknown> & {
    address?: { city?: string; state?: string };
    addresses?: Array<{ city?: string; state?: string }>;
    manufacturer?: { name?: string };
  };
  const text = String(canonical.description ?? canonical.name ?? '');
  const extras: string[] = [];
  if (canonical.manufacturer?.name) extras.push(canonical.manufacturer.name);
  const place = canonical.address ?? canonical.addresses?.[0];
  if (place?.city) extras.push([place.city, place.state].filter(Boolean).join(' '));
  for (const field of ['manufacturerPartNumber', 'gtin', 'ndc', 'taxId', 'duns', 'ccn', 'accountNumber', 'company', 'kind']) {
    if (typeof canonical[field] === 'string') extras.push(`${field} ${String(canonical[field])}`);
  }
  return `${record.source}:${canonical.sourceId} "${text}"${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** Reads golden records and open potential-match tasks of the corpus's domain and scores them. */
export async function readCorpusOutcome(store: Store, corpus: EvaluationCorpus): Promise<CorpusOutcome> {
  const domain = corpus.domain;
  const corpusIdOf = new Map(corpus.records.map((record) => [`${record.source}\u0000${record.record.sourceId}`, record.id]));
  const byId = new Map(corpus.records.map((record) => [record.id, record]));
  const stored = await store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .find({ domain }, { projection: { _id: 1, source: 1, sourceId: 1, goldenId: 1 } });
  const corpusIdOfStored = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  for (const record of stored) {
    const id = corpusIdOf.get(`${record.source}\u0000${record.sourceId}`);
    if (!id) continue;
    corpusIdOfStored.set(record._id, id);
    membersOf.set(record.goldenId, [...(membersOf.get(record.goldenId) ?? []), id]);
  }
  const storedIds = new Set(corpusIdOfStored.values());
  const missing = corpus.records.filter((record) => !storedIds.has(record.id)).map((record) => record.id);

  const autoPairs = new Set<string>();
  for (const members of membersOf.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        autoPairs.add(pairKey(present(members[i], 'members[i]'), present(members[j], 'members[j]')));
  const goldens = await store
    .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
    .find({ domain, status: 'active' }, { projection: { _id: 1 } });
  const tasks = await store.collection<TaskDocument>(TASKS).find({ domain, type: 'potential-match', status: 'open' });
  const reviewPairs = new Set<string>();
  for (const task of tasks) {
    const subject = task.subject.sourceRecordId ? corpusIdOfStored.get(task.subject.sourceRecordId) : undefined;
    if (!subject) continue;
    for (const candidate of task.candidates ?? [])
      for (const member of membersOf.get(candidate.goldenId) ?? []) if (member !== subject) reviewPairs.add(pairKey(subject, member));
  }

  const clusterPairs = new Set<string>();
  const mixedClusters: string[][] = [];
  const { clusterTasks } = await predictedGroups({ store, domain });
  for (const group of clusterTasks) {
    const members = [...new Set(group.flatMap((recordId) => corpusIdOfStored.get(recordId) ?? []))];
    if (new Set(members.map((id) => byId.get(id)?.entity)).size > 1) mixedClusters.push(members);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        clusterPairs.add(pairKey(present(members[i], 'members[i]'), present(members[j], 'members[j]')));
  }

  const expected = truePairs(corpus);
  const negativeOf = new Map(corpus.hardNegatives.map((negative) => [pairKey(negative.a, negative.b), negative]));
  const falseAutoMerges: FalsePair[] = [];
  for (const pair of autoPairs) {
    if (expected.has(pair)) continue;
    const [a = '', b = ''] = pair.split('\u0000');
    falseAutoMerges.push({ a: byId.get(a) as CorpusRecord, b: byId.get(b) as CorpusRecord, hardNegative: negativeOf.get(pair) });
  }
  const reached = new Set([...autoPairs, ...reviewPairs, ...clusterPairs]);
  const missedPairs: FalsePair[] = [];
  for (const pair of expected) {
    if (reached.has(pair)) continue;
    const [a = '', b = ''] = pair.split('\u0000');
    missedPairs.push({ a: byId.get(a) as CorpusRecord, b: byId.get(b) as CorpusRecord });
  }
  const falseReviews: FalsePair[] = [];
  for (const pair of new Set([...reviewPairs, ...clusterPairs])) {
    if (expected.has(pair) || autoPairs.has(pair)) continue;
    const [a = '', b = ''] = pair.split('\u0000');
    falseReviews.push({ a: byId.get(a) as CorpusRecord, b: byId.get(b) as CorpusRecord, hardNegative: negativeOf.get(pair) });
  }
  const inBoth = (negative: HardNegative, pairs: Set<string>): boolean => pairs.has(pairKey(negative.a, negative.b));
  return {
    domain,
    records: corpus.records.length,
    missing,
    goldens: goldens.filter((golden) => membersOf.has(golden._id)).length,
    openTasks: tasks.length,
    autoMerge: scorePairs(expected, autoPairs),
    withClusters: scorePairs(expected, new Set([...autoPairs, ...clusterPairs])),
    clusterTasks: clusterTasks.length,
    mixedClusters,
    withReview: scorePairs(expected, new Set([...autoPairs, ...reviewPairs, ...clusterPairs])),
    falseAutoMerges,
    missedPairs,
    falseReviews,
    mergedHardNegatives: corpus.hardNegatives.filter((negative) => inBoth(negative, autoPairs)),
    reviewedHardNegatives: corpus.hardNegatives.filter(
      (negative) => !inBoth(negative, autoPairs) && (inBoth(negative, reviewPairs) || inBoth(negative, clusterPairs)),
    ),
    hardNegatives: corpus.hardNegatives.length,
  };
}
