/**
 * Golden outputs of the matcher (test/matching/goldenOutputs.test.ts, `npm run golden:match`): what the
 * shipped rules decide on the evaluation corpus and the seed, recorded before a hot-path change and
 * compared after it, so a speed-up cannot change a decision, a score or an explanation.
 *
 * Per data set (corpus or seed, per domain) it records:
 * - every pair of records (all i < j), scored by the batch hot path (`evaluatePreparedPair`, term
 *   weights counted over the data set): a SHA-256 digest of each pair's band, hard rule, Fellegi–Sunter
 *   levels and comparator outcomes/scores (scores to 1e-9), plus the band counts — under Fellegi–Sunter
 *   the levels determine the probability, so this covers every pair's band and probability;
 * - the "interesting" pairs in full — any pair that is not a plain no-match (band review or above, a
 *   a probability at the review threshold or above, vetoed or not) and on the corpus every labelled pair (true pairs and hard
 *   negatives): band, probability and match weight (compared to 1e-9), hard rule, and a digest of the
 *   whole `scorePair` explanation (every comparator's sides, outcome, score, level, details);
 * - `batchMatch` over the data set: pairs compared, auto-merge / review counts, clusters and review pairs;
 * - incremental matching (`indexRecords` + `matchRecord` in an embedded store) of every 4th corpus
 *   record against the rest: decision, best golden and score, and a digest of every candidate's explanation.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DOMAINS, pairKey, readCorpus, truePairs } from '../../scripts/match-eval/corpus';
import { standardiseRecord } from '../../server/ingest/standardise';
import { createLogger } from '../../server/logger';
import { createMappingRuntime } from '../../server/mapping-runtime';
import { batchMatch, ensureMatchIndexes, indexRecords, loadRules, matchRecord, scorePair } from '../../server/matching';
import type { CanonicalRecord, CompiledRules } from '../../server/matching';
import { evaluatePreparedPair, prepareRecord } from '../../server/matching/scoring';
import { countTerms, termWeightsOf } from '../../server/matching/termStats';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { mapWholeSeed, readLookupTables, readMappingFiles } from '../../seed/mapSeed';
import { readGroundTruth } from '../../seed/loadSeed';
import { at, must } from './must';

/** One fully recorded pair: [a, b, band, probability, matchWeight, hard rule, explanation digest]. */
export type GoldenPair = [string, string, string, number, number, string | null, string];

export interface GoldenDataSet {
  name: string;
  rulesVersion: string;
  records: number;
  pairs: number;
  bands: Record<string, number>;
  /** Digest of every pair's discrete outcome and comparator scores (to 1e-9). */
  pairDigest: string;
  interesting: GoldenPair[];
  batch: {
    pairsCompared: number;
    autoMergePairs: number;
    reviewPairCount: number;
    mergesBlockedByCannotLink: number;
    clustersDigest: string;
    reviewPairsDigest: string;
  };
}

/** One incremental query: [recordId, decision, best golden, best score, digest of every candidate explanation]. */
export type GoldenQuery = [string, string, string | null, number | null, string];

export interface GoldenOutputs {
  dataSets: GoldenDataSet[];
  incremental: Array<{ name: string; queries: GoldenQuery[] }>;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 20);
const nano = (value: number | null): string => (value === null ? '-' : String(Math.round(value * 1e9)));

interface DataSet {
  name: string;
  domain: string;
  records: CanonicalRecord[];
  /** Pair keys (sourceIds) that are labelled: recorded in full whatever they score. */
  labelled: Set<string>;
}

function corpusDataSets(): DataSet[] {
  return CORPUS_DOMAINS.map((domain) => {
    const corpus = readCorpus(domain);
    const labelled = new Set<string>(truePairs(corpus));
    for (const negative of corpus.hardNegatives) labelled.add(pairKey(negative.a, negative.b));
    // The corpus id is unique across sources (source ids are not): it stands as the sourceId here.
    const records = corpus.records.map((r) => ({ ...standardiseRecord(domain, r.record).record, sourceId: r.id }) as CanonicalRecord);
    return { name: `corpus:${domain}`, domain, records, labelled };
  });
}

async function seedDataSets(): Promise<DataSet[]> {
  const runtime = createMappingRuntime({ logger: createLogger({ silent: true }) });
  let mapped;
  try {
    mapped = await mapWholeSeed({ runtime, mappings: readMappingFiles(), lookups: readLookupTables().tables });
  } finally {
    await runtime.close();
  }
  const out: DataSet[] = [];
  for (const domain of [...new Set(mapped.map((file) => file.entry.domain))].sort()) {
    const bad = new Set(readGroundTruth(domain).badRecords.map((r) => `${r.source}/${r.sourceId}`));
    const records: CanonicalRecord[] = [];
    for (const file of mapped.filter((f) => f.entry.domain === domain)) {
      for (const outcome of file.outcomes) {
        if (!outcome.ok) continue;
        const record = outcome.value as { sourceId: string } & Record<string, unknown>;
        const key = `${file.entry.source}/${record.sourceId}`;
        if (bad.has(key)) continue;
        records.push({ ...standardiseRecord(domain, record).record, sourceId: key } as CanonicalRecord);
      }
    }
    out.push({ name: `seed:${domain}`, domain, records, labelled: new Set() });
  }
  return out;
}

function scoreDataSet(set: DataSet, rules: CompiledRules): GoldenDataSet {
  const prepared = set.records.map((record) => prepareRecord(record, rules));
  const context = rules.idfComparators.length > 0 ? termWeightsOf(countTerms(prepared, rules)) : undefined;
  const hash = createHash('sha256');
  const bands: Record<string, number> = { 'auto-merge': 0, review: 0, 'no-match': 0 };
  const interesting: GoldenPair[] = [];
  let pairs = 0;
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const a = at(prepared, i);
      const b = at(prepared, j);
      const evaluation = evaluatePreparedPair({ a, b, compiled: rules, context });
      pairs++;
      bands[evaluation.band] = must(bands[evaluation.band], `the ${evaluation.band} band count`) + 1;
      const hardRule = evaluation.hardRule?.name ?? null;
      hash.update(
        `${i} ${j} ${evaluation.band} ${hardRule ?? '-'} ${(evaluation.levels ?? []).join(',')} ${evaluation.results.map((r) => `${r.outcome}:${nano(r.score)}`).join(',')}\n`,
      );
      const isInteresting =
        evaluation.band !== 'no-match' ||
        evaluation.score >= rules.rules.thresholds.review ||
        set.labelled.has(pairKey(a.sourceId, b.sourceId));
      if (!isInteresting) continue;
      const explanation = scorePair({ a, b, rules, context });
      interesting.push([
        a.sourceId,
        b.sourceId,
        evaluation.band,
        evaluation.score,
        evaluation.matchWeight,
        hardRule,
        sha(JSON.stringify(explanation)),
      ]);
    }
  }
  const batch = batchMatch({ records: set.records, rules });
  const clusters = batch.clusters.map((cluster) => [...cluster].sort().join(' ')).sort();
  const reviewPairs = batch.reviewPairs.map((p) => `${p.a} ${p.b} ${p.score}`).sort();
  return {
    name: set.name,
    rulesVersion: rules.version,
    records: set.records.length,
    pairs,
    bands,
    pairDigest: hash.digest('hex').slice(0, 32),
    interesting,
    batch: {
      pairsCompared: batch.pairsCompared,
      autoMergePairs: batch.autoMergePairs,
      reviewPairCount: batch.reviewPairCount,
      mergesBlockedByCannotLink: batch.mergesBlockedByCannotLink,
      clustersDigest: sha(clusters.join('\n')),
      reviewPairsDigest: sha(reviewPairs.join('\n')),
    },
  };
}

/** Indexes the corpus domain's records but every 4th, then matches every 4th against them (and itself re-matched with its id). */
async function incrementalQueries(domain: string, rules: CompiledRules): Promise<GoldenQuery[]> {
  const corpus = readCorpus(domain);
  const dataDir = mkdtempSync(join(tmpdir(), 'match-golden-'));
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  try {
    await ensureMatchIndexes(store);
    const records = corpus.records.map((r) => ({
      id: r.id,
      entity: r.entity,
      record: { ...standardiseRecord(domain, r.record).record, sourceId: r.id } as CanonicalRecord,
    }));
    const isQuery = (i: number): boolean => i % 4 === 3;
    await indexRecords({
      store,
      rules,
      entries: records.filter((_, i) => !isQuery(i)).map((r) => ({ recordId: r.id, goldenId: `G-${r.entity}`, record: r.record })),
    });
    const out: GoldenQuery[] = [];
    for (let i = 0; i < records.length; i++) {
      if (!isQuery(i)) continue;
      const decision = await matchRecord({ store, rules, record: at(records, i).record });
      const candidates = decision.candidates
        .map((c) => `${c.goldenId} ${c.recordId} ${c.band} ${c.vetoedByMember?.rule ?? ''} ${JSON.stringify(c.explanation)}`)
        .join('\n');
      out.push([
        at(records, i).id,
        decision.decision,
        decision.best?.goldenId ?? null,
        decision.best?.score ?? null,
        sha(`${decision.entriesCompared} ${decision.isAmbiguous} ${JSON.stringify(decision.relationships)}\n${candidates}`),
      ]);
    }
    return out;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Computes the golden outputs of the shipped rules (a few seconds). */
export async function computeGoldenOutputs(): Promise<GoldenOutputs> {
  const dataSets: GoldenDataSet[] = [];
  const rulesOf = new Map<string, CompiledRules>();
  for (const set of [...corpusDataSets(), ...(await seedDataSets())]) {
    let rules = rulesOf.get(set.domain);
    if (!rules) {
      rules = await loadRules(set.domain);
      rulesOf.set(set.domain, rules);
    }
    dataSets.push(scoreDataSet(set, rules));
  }
  const incremental: GoldenOutputs['incremental'] = [];
  for (const domain of ['item', 'supplier'])
    incremental.push({ name: `corpus:${domain}`, queries: await incrementalQueries(domain, rulesOf.get(domain) as CompiledRules) });
  return { dataSets, incremental };
}

/** Where the expected outputs are kept. */
export const GOLDEN_OUTPUTS_FILE = fileURLToPath(new URL('../fixtures/match-golden/outputs.json', import.meta.url));
