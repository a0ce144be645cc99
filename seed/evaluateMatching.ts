/**
 * Scores predicted duplicate clusters against the seed's ground truth, pairwise: every pair of
 * records placed in one cluster is a claimed duplicate. Bad records (expected to be rejected at
 * ingest) are left out on both sides by default, so a matcher is not blamed for what ingest drops.
 */
import type { GroundTruth, RecordRef } from './generator/truth';

export interface PairwiseScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was predicted (no claim can be wrong). */
  precision: number;
  /** 1 when the truth has no pairs. */
  recall: number;
  f1: number;
}

const refKey = (ref: RecordRef): string => `${ref.source}\u0001${ref.sourceId}`;

/** Every unordered pair inside each cluster, as stable string keys. */
export function clusterPairs(clusters: RecordRef[][], exclude: ReadonlySet<string> = new Set()): Set<string> {
  const pairs = new Set<string>();
  for (const cluster of clusters) {
    const keys = [...new Set(cluster.map(refKey))].filter((key) => !exclude.has(key)).sort();
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.add(`${keys[i]}\u0000${keys[j]}`);
  }
  return pairs;
}

/** Pairwise precision/recall/F1 of predicted clusters (singletons may be omitted) against ground truth. */
export function scorePairwise(input: { truth: GroundTruth; predicted: RecordRef[][]; includeBadRecords?: boolean }): PairwiseScore {
  const exclude = input.includeBadRecords ? new Set<string>() : new Set(input.truth.badRecords.map(refKey));
  const expected = clusterPairs(input.truth.clusters, exclude);
  const claimed = clusterPairs(input.predicted, exclude);
  let truePositives = 0;
  for (const pair of claimed) if (expected.has(pair)) truePositives++;
  const falsePositives = claimed.size - truePositives;
  const falseNegatives = expected.size - truePositives;
  const precision = claimed.size === 0 ? 1 : truePositives / claimed.size;
  const recall = expected.size === 0 ? 1 : truePositives / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
