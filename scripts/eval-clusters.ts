/**
 * `npm run eval:clusters [-- <corpus.json> …]`: loads a labelled evaluation corpus
 * (`test/fixtures/match-eval/<domain>.json`, format in docs/MATCHING.md "Evaluation corpus") into a
 * fresh temporary embedded store through the public API — an identity mapping published per source,
 * then `POST /api/v1/ingest/:source/:domain` in file order — and scores auto-merges and open cluster
 * tasks pairwise against the labels (scripts/evalClusters.ts). Default corpus: the supplier one.
 * Prints one table row per corpus; exits 0 (1 when a corpus cannot be read or ingested).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootstrap, listen } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { evaluateClusterReview, sourceRecordIdOf, type ClusterReviewReport, type PairScore } from './evalClusters';
import { present } from '../server/invariant';

interface CorpusRecord {
  id: string;
  source: string;
  entity: string;
  record: Record<string, unknown>;
}

interface Corpus {
  domain: string;
  records: CorpusRecord[];
}

const DEFAULT_CORPORA = ['test/fixtures/match-eval/supplier.json'];
const CHUNK = 200;

async function evaluateCorpus(file: string): Promise<ClusterReviewReport & { records: number; seconds: number }> {
  const corpus = JSON.parse(await readFile(file, 'utf8')) as Corpus;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-eval-clusters-'));
  const mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-eval-clusters-mappings-'));
  const adminKey = `mdm_eval_${randomBytes(16).toString('hex')}`;
  const config = {
    ...loadConfig({
      MDM_DATA_DIR: dataDir,
      MDM_MAPPINGS_DIR: mappingsDir,
      MDM_ADMIN_KEY: adminKey,
      MDM_SEED: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
    }),
    seed: false,
  };
  const running = await bootstrap({ config, logger: createLogger({ silent: true }), startJobs: false });
  const server = await listen(running.app, { port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, urlPath: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${urlPath}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as unknown;
  };
  const started = Date.now();
  try {
    const { domain } = corpus;
    for (const source of new Set(corpus.records.map((r) => r.source))) {
      await call('PUT', `/api/v1/mappings/${encodeURIComponent(source)}/${domain}`, { expression: '$' });
      await call('POST', `/api/v1/mappings/${encodeURIComponent(source)}/${domain}/publish`, {});
    }
    // Consecutive records of one source go in one request, in file order.
    let index = 0;
    while (index < corpus.records.length) {
      const source = present(corpus.records[index], 'corpus.records[index]').source;
      const batch: Record<string, unknown>[] = [];
      while (
        index < corpus.records.length &&
        present(corpus.records[index], 'corpus.records[index]').source === source &&
        batch.length < CHUNK
      ) {
        const entry = present(corpus.records[index++], 'corpus.records[index++]');
        batch.push({ sourceId: entry.id, ...entry.record });
      }
      await call('POST', `/api/v1/ingest/${encodeURIComponent(source)}/${domain}`, batch);
    }
    const entityOf = new Map(
      corpus.records.map((r) => [sourceRecordIdOf(domain, { ...r, record: { sourceId: r.id, ...r.record } }), r.entity]),
    );
    const report = await evaluateClusterReview({ store: running.services.store, domain, entityOf });
    return { ...report, records: corpus.records.length, seconds: (Date.now() - started) / 1000 };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(mappingsDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_CORPORA;
  const f = (s: PairScore): string =>
    `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(3)} (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`;
  console.log(
    'corpus                                   records  cluster tasks  largest  auto-merge P / R / F1 (TP/FP/FN)   + cluster tasks P / R / F1 (TP/FP/FN)',
  );
  for (const file of files) {
    const r = await evaluateCorpus(file);
    console.log(
      `${file.padEnd(40)} ${String(r.records).padStart(7)} ${String(r.clusterTasks).padStart(14)} ${String(r.largestCluster).padStart(8)}  ${f(r.autoMerge).padEnd(35)} ${f(r.withClusters)}   ${r.seconds.toFixed(1)} s`,
    );
  }
  console.log('\nAim (issue 9): supplier cluster tasks cover ≥ 0.90 of true duplicate pairs with precision ≥ 0.95.');
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:clusters failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
