/**
 * Scoring what a steward is shown, from a store after ingest: golden records (auto-merge) and open
 * cluster tasks (`potential-match-cluster`, every record of every member counts as one predicted group)
 * turned into predicted record pairs and compared pairwise with entity labels. Used by
 * `npm run eval:clusters` (scripts/eval-clusters.ts) and meant to be called by `npm run eval:match`:
 *
 *   const labels = new Map(corpus.records.map((r) => [sourceRecordIdOf(domain, r), r.entity]));
 *   const report = await evaluateClusterReview({ store, domain, entityOf: labels });
 *   // report.autoMerge, report.withClusters (P / R / F1 with TP / FP / FN), report.clusterTasks …
 */
import { GOLDEN_RECORDS } from '../server/golden/collections';
import { TASKS } from '../server/stewardship/collections';
import type { GoldenRecordDocument } from '../server/golden/types';
import type { Store } from '../server/store/types';
import type { TaskDocument } from '../server/stewardship/types';
import { present } from '../server/invariant';

export interface PairScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The store id of a corpus record ingested from `source` (`<domain>|<source>|<sourceId>`). */
export function sourceRecordIdOf(domain: string, record: { id: string; source: string; record: { sourceId?: unknown } }): string {
  return `${domain}|${record.source}|${typeof record.record.sourceId === 'string' ? record.record.sourceId : record.id}`;
}

/** Predicted groups of source record ids: active golden records with several members, and open cluster tasks. */
export async function predictedGroups(args: {
  store: Store;
  domain: string;
}): Promise<{ autoMerge: string[][]; clusterTasks: string[][] }> {
  const goldens = await args.store
    .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
    .find({ domain: args.domain, status: 'active' }, { projection: { _id: 1, sourceRecordIds: 1 } });
  const autoMerge = goldens.filter((g) => g.sourceRecordIds.length > 1).map((g) => g.sourceRecordIds);
  const tasks = await args.store
    .collection<TaskDocument>(TASKS)
    .find({ domain: args.domain, type: 'potential-match-cluster', status: 'open' });
  // A member's records as the golden record holds them now (the task's snapshot may predate a merge).
  const membersOf = new Map(goldens.map((g) => [g._id, g.sourceRecordIds]));
  const clusterTasks = tasks.map((task) =>
    (task.members ?? []).flatMap((m) => membersOf.get(m.goldenId) ?? m.records.map((r) => r.sourceRecordId)),
  );
  return { autoMerge, clusterTasks };
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\n${y}` : `${y}\n${x}`;
}

/** Pairwise precision / recall / F1 of predicted groups against entity labels (unlabelled records are ignored). */
export function scoreGroups(args: { groups: string[][]; entityOf: ReadonlyMap<string, string> }): PairScore {
  const predicted = new Set<string>();
  for (const group of args.groups) {
    const labelled = [...new Set(group)].filter((id) => args.entityOf.has(id));
    for (let i = 0; i < labelled.length; i++)
      for (let j = i + 1; j < labelled.length; j++)
        predicted.add(pairKey(present(labelled[i], 'labelled[i]'), present(labelled[j], 'labelled[j]')));
  }
  const byEntity = new Map<string, number>();
  for (const entity of args.entityOf.values()) byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
  const truePairs = [...byEntity.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  let truePositives = 0;
  for (const key of predicted) {
    const [x = '', y = ''] = key.split('\n');
    if (args.entityOf.get(x) === args.entityOf.get(y)) truePositives++;
  }
  const falsePositives = predicted.size - truePositives;
  const falseNegatives = truePairs - truePositives;
  const precision = predicted.size === 0 ? 1 : truePositives / predicted.size;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export interface ClusterReviewReport {
  domain: string;
  /** Pairs in one golden record. */
  autoMerge: PairScore;
  /** Pairs in one golden record or in one open cluster task: what cluster review lets a steward settle. */
  withClusters: PairScore;
  clusterTasks: number;
  /** Size of the largest open cluster task, in source records. */
  largestCluster: number;
}

/** Scores auto-merges and cluster tasks of a domain against labels (`entityOf`: source record id → entity). */
export async function evaluateClusterReview(args: {
  store: Store;
  domain: string;
  entityOf: ReadonlyMap<string, string>;
}): Promise<ClusterReviewReport> {
  const { autoMerge, clusterTasks } = await predictedGroups(args);
  return {
    domain: args.domain,
    autoMerge: scoreGroups({ groups: autoMerge, entityOf: args.entityOf }),
    withClusters: scoreGroups({ groups: [...autoMerge, ...clusterTasks], entityOf: args.entityOf }),
    clusterTasks: clusterTasks.length,
    largestCluster: Math.max(0, ...clusterTasks.map((g) => g.length)),
  };
}
