/**
 * The product's matcher on the seed: maps every record through the real runtime, standardises it as
 * ingest does, runs the batch matcher with the shipped rules (`matching-rules/<domain>.json`) and
 * scores the result against the ground truth, pairwise. Bad records are left out (ingest rejects
 * them). "auto-merge" scores the clusters the engine would merge on its own; "+ review" also counts
 * the pairs it sends to a steward, i.e. the recall a steward queue can reach.
 *
 *   node --import tsx seed/evaluateMatcher.ts
 */
import { fileURLToPath } from 'node:url';
import { createMappingRuntime } from '../server/mapping-runtime';
import { createLogger } from '../server/logger';
import { batchMatch, loadRules } from '../server/matching';
import { standardiseRecord } from '../server/ingest/standardise';
import type { RecordRef } from './loadSeed';
import { readGroundTruth } from './loadSeed';
import { mapWholeSeed, readLookupTables, readMappingFiles } from './mapSeed';
import type { PairwiseScore } from './evaluateMatching';
import { scorePairwise } from './evaluateMatching';

export interface MatcherEvaluation {
  domain: string;
  records: number;
  pairsCompared: number;
  autoMerge: PairwiseScore;
  withReview: PairwiseScore;
  /** Review pairs beyond the listing limit are not counted in `withReview`. */
  reviewPairsListed: number;
  reviewPairCount: number;
}

const SEPARATOR = '\u0001';

/** Runs the shipped matcher over each seeded domain and scores it. */
export async function evaluateMatcher(): Promise<MatcherEvaluation[]> {
  const runtime = createMappingRuntime({ logger: createLogger({ silent: true }) });
  try {
    const mapped = await mapWholeSeed({ runtime, mappings: readMappingFiles(), lookups: readLookupTables().tables });
    const results: MatcherEvaluation[] = [];
    for (const domain of [...new Set(mapped.map((file) => file.entry.domain))]) {
      const truth = readGroundTruth(domain);
      const bad = new Set(truth.badRecords.map((record) => `${record.source}${SEPARATOR}${record.sourceId}`));
      const records: Array<{ sourceId: string } & Record<string, unknown>> = [];
      for (const file of mapped.filter((candidate) => candidate.entry.domain === domain)) {
        for (const outcome of file.outcomes) {
          if (!outcome.ok) continue;
          const record = outcome.value as { sourceId: string } & Record<string, unknown>;
          const key = `${file.entry.source}${SEPARATOR}${record.sourceId}`;
          if (bad.has(key)) continue;
          // Source ids are unique per source only: the evaluation keys records by source and id.
          records.push({ ...standardiseRecord(domain, record).record, sourceId: key });
        }
      }
      const toRef = (key: string): RecordRef => {
        const [source = '', sourceId = ''] = key.split(SEPARATOR);
        return { source, sourceId };
      };
      const result = batchMatch({ records, rules: await loadRules(domain) });
      const autoClusters = result.clusters.map((cluster) => cluster.map(toRef));
      const reviewClusters = result.reviewPairs.map((pair) => [toRef(pair.a), toRef(pair.b)]);
      results.push({
        domain,
        records: records.length,
        pairsCompared: result.pairsCompared,
        autoMerge: scorePairwise({ truth, predicted: autoClusters }),
        withReview: scorePairwise({ truth, predicted: [...autoClusters, ...reviewClusters] }),
        reviewPairsListed: result.reviewPairs.length,
        reviewPairCount: result.reviewPairCount,
      });
    }
    return results;
  } finally {
    await runtime.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await evaluateMatcher();
  console.log('domain    records  compared  auto-merge P / R / F1       + review P / R / F1         review pairs');
  const f = (score: PairwiseScore): string => `${score.precision.toFixed(3)} / ${score.recall.toFixed(3)} / ${score.f1.toFixed(3)}`;
  for (const r of results) {
    console.log(`${r.domain.padEnd(9)} ${String(r.records).padStart(7)}  ${String(r.pairsCompared).padStart(8)}  ${f(r.autoMerge).padEnd(26)}  ${f(r.withReview).padEnd(26)}  ${r.reviewPairCount}`);
  }
}
