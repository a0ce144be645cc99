/**
 * `npm run eval:match`: loads the demo seed into a fresh temporary embedded store through the real
 * ingest use case (mappings, validation, standardisation, matching, golden records, tasks — exactly
 * what a client's POST /ingest runs), then scores the outcome pairwise against
 * `seed/ground-truth/<domain>.json`, per domain:
 *   auto-merge          — pairs of source records that ended in one golden record;
 *   auto-merge + review — those plus subject ↔ candidate pairs of open potential-match tasks
 *                         (what a steward queue lets a steward reach).
 * Bad records (ingest rejects them) are left out of both sides. Prints a table; exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { GOLDEN_RECORDS, SOURCE_RECORDS, TASKS } from '../server/golden/collections';
import type { GoldenRecordDocument, SourceRecordDocument } from '../server/golden/types';
import { loadSeed } from '../server/ingest/seedLoader';
import { createLogger } from '../server/logger';
import type { TaskDocument } from '../server/stewardship/types';
import { scorePairwise, type PairwiseScore } from '../seed/evaluateMatching';
import type { RecordRef } from '../seed/generator/truth';
import { readGroundTruth } from '../seed/loadSeed';

const DOMAINS = ['supplier', 'item', 'facility', 'account'];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-eval-match-'));
  const config = { ...loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0', HOST: '127.0.0.1' }), seed: false };
  const running = await bootstrap({ config, logger: createLogger({ silent: true }), startJobs: false });
  const started = Date.now();
  try {
    const files = await loadSeed(running.services);
    const failed = files.filter((f) => f.problem);
    const { store } = running.services;
    console.log(`Seed loaded through the ingest use case in ${((Date.now() - started) / 1000).toFixed(1)} s: ${files.length} files${failed.length > 0 ? `, NOT loaded: ${failed.map((f) => `${f.file} (${f.problem})`).join('; ')}` : ''}`);
    const rows: Array<{ domain: string; records: number; goldens: number; tasks: number; autoMerge: PairwiseScore; withReview: PairwiseScore }> = [];
    for (const domain of DOMAINS) {
      const truth = readGroundTruth(domain);
      const records = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ domain }, { projection: { _id: 1, source: 1, sourceId: 1, goldenId: 1 } });
      const refOf = new Map<string, RecordRef>(records.map((r) => [r._id, { source: r.source, sourceId: r.sourceId }]));
      const goldens = await store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).find({ domain, status: 'active' }, { projection: { _id: 1, sourceRecordIds: 1 } });
      const membersOf = new Map(goldens.map((g) => [g._id, g.sourceRecordIds]));
      const toRefs = (ids: string[]): RecordRef[] => ids.flatMap((id) => (refOf.has(id) ? [refOf.get(id) as RecordRef] : []));
      const autoClusters = goldens.filter((g) => g.sourceRecordIds.length > 1).map((g) => toRefs(g.sourceRecordIds));
      const tasks = await store.collection<TaskDocument>(TASKS).find({ domain, type: 'potential-match', status: 'open' });
      const reviewPairs: RecordRef[][] = [];
      for (const task of tasks) {
        const subject = task.subject.sourceRecordId;
        if (!subject) continue;
        for (const candidate of task.candidates ?? []) for (const member of membersOf.get(candidate.goldenId) ?? []) reviewPairs.push(toRefs([subject, member]));
      }
      rows.push({
        domain,
        records: records.length,
        goldens: goldens.length,
        tasks: tasks.length,
        autoMerge: scorePairwise({ truth, predicted: autoClusters }),
        withReview: scorePairwise({ truth, predicted: [...autoClusters, ...reviewPairs] }),
      });
    }
    const f = (s: PairwiseScore): string => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(3)}`;
    console.log('\ndomain    records  golden  tasks  auto-merge P / R / F1     (TP/FP/FN)      + review P / R / F1       (TP/FP/FN)');
    for (const r of rows) {
      const counts = (s: PairwiseScore): string => `(${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`;
      console.log(`${r.domain.padEnd(9)} ${String(r.records).padStart(7)} ${String(r.goldens).padStart(7)} ${String(r.tasks).padStart(6)}  ${f(r.autoMerge)}  ${counts(r.autoMerge).padEnd(14)}  ${f(r.withReview)}  ${counts(r.withReview)}`);
    }
    console.log('\nAim: auto-merge precision ≥ 0.98, recall into merge + review ≥ 0.95.');
  } finally {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:match failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
