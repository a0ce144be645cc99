/**
 * Golden-record benchmark on the embedded store. Prints figures; asserts nothing (machines are noisy).
 *   node --import tsx bench/golden.bench.ts --records 100000
 * Options: --records N (default 50,000 generated items, ~20% duplicates), --group N (records per
 * transaction in the bulk phase, like ingest; default 50), --latency-samples N (default 2000).
 * (1) bulk: applySourceRecord for 90% of the records in groups (ingest's shape): records/s, outcomes.
 * (2) incremental: the rest one per transaction: latency p50/p95/p99 (includes the fsync of each commit).
 * (3) pairwise precision/recall of the resulting golden records against the generator's ground truth.
 * (4) steward operations: unmerge and merge latency p50/p95.
 * (5) exports: NDJSON xrefs and golden records streamed to a sink: time, lines/s, RSS growth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { ensureCollections } from '../server/db/collections';
import {
  applySourceRecord,
  exportGoldenRecords,
  exportXrefs,
  mergeGoldenRecords,
  unmergeSourceRecord,
  GOLDEN_RECORDS,
  type GoldenRecordDocument,
  type SourceRecordDocument,
} from '../server/golden';
import { loadSurvivorshipConfig } from '../server/golden/survivorshipConfig';
import { createLogger } from '../server/logger';
import { ensureMatchIndexes } from '../server/matching';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { VISIBILITY } from '../server/policies/visibility';
import { generateItems } from './generators/items';
import { present } from '../server/invariant';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const count = option('records', 50_000);
const groupSize = option('group', 50);
const latencySamples = option('latency-samples', 2000);
const rssMiB = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024);
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number): string => value.toFixed(2);
const SOURCES = ['sap', 'lawson', 'peoplesoft', 'ehr'];
const actor = { keyId: 'bench', name: 'bench', role: 'admin' };

const dataDir = mkdtempSync(join(tmpdir(), 'mdm-golden-bench-'));
const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
const services = { store };
await ensureCollections(store);
await ensureMatchIndexes(store);
loadSurvivorshipConfig('item');

const generated = generateItems({ count, seed: 11 });
const now = Date.now();
const sourceRecords: SourceRecordDocument[] = generated.records.map((canonical, i) => {
  const source = present(SOURCES[i % SOURCES.length], 'a source');
  const at = new Date(now + i).toISOString();
  return {
    _id: `item|${source}|${canonical.sourceId}`,
    domain: 'item',
    source,
    sourceId: canonical.sourceId,
    goldenId: '',
    raw: canonical,
    canonical,
    payloadHash: createHash('sha256').update(JSON.stringify(canonical)).digest('hex'),
    mappingVersion: 1,
    schemaVersion: '1.0.0',
    receivedAt: at,
    updatedAt: at,
    version: 1,
  };
});
console.log(`golden bench: ${count} generated items (${SOURCES.length} sources), embedded store in ${dataDir}, RSS ${rssMiB()} MiB`);

const outcomes = new Map<string, number>();
const goldenOf: string[] = new Array(count);
const bulkCount = Math.max(0, count - Math.min(latencySamples, Math.floor(count / 10)));
let started = performance.now();
for (let start = 0; start < bulkCount; start += groupSize) {
  const end = Math.min(bulkCount, start + groupSize);
  await store.withTransaction(async (session) => {
    for (let i = start; i < end; i++) {
      const result = await applySourceRecord(services, { sourceRecord: present(sourceRecords[i], 'source record i'), actor, session });
      goldenOf[i] = result.goldenId;
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
    }
  });
  if ((end / groupSize) % 200 === 0)
    console.log(`  … ${end} records, ${Math.round(end / ((performance.now() - started) / 1000))} records/s, RSS ${rssMiB()} MiB`);
}
const bulkSeconds = (performance.now() - started) / 1000;
console.log(
  `(1) bulk applySourceRecord, ${groupSize} per transaction: ${bulkCount} records in ${bulkSeconds.toFixed(1)} s = ${Math.round(bulkCount / bulkSeconds)} records/s`,
);

const latencies: number[] = [];
for (let i = bulkCount; i < count; i++) {
  const t = performance.now();
  const result = await applySourceRecord(services, { sourceRecord: present(sourceRecords[i], 'source record i'), actor });
  latencies.push(performance.now() - t);
  goldenOf[i] = result.goldenId;
  outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
}
latencies.sort((a, b) => a - b);
const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length);
console.log(
  `(2) incremental applySourceRecord (own transaction, ${latencies.length} records into ${bulkCount} existing): mean ${ms(mean)} ms, p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(percentile(latencies, 95))} ms, p99 ${ms(percentile(latencies, 99))} ms`,
);
console.log(`    outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);

// Pairwise quality of the golden records (records in one golden record = predicted duplicates).
const choose2 = (n: number): number => (n * (n - 1)) / 2;
const sizes = (keys: string[]): Map<string, number> => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
// A record may have been merged on: resolve current golden ids from the store.
const current = new Map<string, string>();
for await (const record of store
  .collection<SourceRecordDocument>('sourceRecords')
  .iterate({ domain: 'item' }, { projection: { _id: 1, goldenId: 1 } }))
  current.set(record._id, record.goldenId);
const predicted = sourceRecords.map((r) => current.get(r._id) ?? '');
let truePairs = 0;
for (const size of sizes(predicted.map((g, i) => `${g}|${generated.entityOf[i]}`)).values()) truePairs += choose2(size);
let predictedPairs = 0;
for (const size of sizes(predicted).values()) predictedPairs += choose2(size);
let actualPairs = 0;
for (const size of sizes(generated.entityOf).values()) actualPairs += choose2(size);
console.log(
  `(3) golden records: ${new Set(predicted).size} for ${count} records; pairwise precision ${(truePairs / Math.max(1, predictedPairs)).toFixed(4)}, recall ${(truePairs / Math.max(1, actualPairs)).toFixed(4)} (auto-merge only; review-band records stay apart)`,
);

const multi = await store
  .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
  .find({ domain: 'item', status: 'active', 'sourceRecordIds.1': { $exists: true } }, { limit: 200 });
const unmergeTimes: number[] = [];
const mergeTimes: number[] = [];
for (const golden of multi) {
  let t = performance.now();
  const split = await unmergeSourceRecord(services, {
    goldenId: golden._id,
    sourceRecordId: present(golden.sourceRecordIds.at(-1), 'the last member'),
    actor,
    reason: 'bench',
  });
  unmergeTimes.push(performance.now() - t);
  if (split.newGoldenId === golden._id) continue;
  t = performance.now();
  await mergeGoldenRecords(services, { survivorId: golden._id, mergedId: split.newGoldenId, actor, reason: 'bench' }).catch(
    () => undefined,
  );
  mergeTimes.push(performance.now() - t);
}
unmergeTimes.sort((a, b) => a - b);
mergeTimes.sort((a, b) => a - b);
console.log(
  `(4) unmerge (${unmergeTimes.length}): p50 ${ms(percentile(unmergeTimes, 50))} ms, p95 ${ms(percentile(unmergeTimes, 95))} ms; merge (${mergeTimes.length}): p50 ${ms(percentile(mergeTimes, 50))} ms, p95 ${ms(percentile(mergeTimes, 95))} ms`,
);

for (const [label, stream] of [
  ['xrefs', () => exportXrefs(services, { domain: 'item' })],
  [
    'golden',
    () =>
      exportGoldenRecords(services, {
        domain: 'item',
        options: { config: loadSurvivorshipConfig('item'), visibility: VISIBILITY.consumer },
      }),
  ],
] as const) {
  let lines = 0;
  let peak = rssMiB();
  const before = peak;
  started = performance.now();
  await pipeline(
    stream(),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines += 1;
        if (lines % 5000 === 0) peak = Math.max(peak, rssMiB());
        callback();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `(5) export ${label}: ${lines} lines in ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} lines/s, RSS ${before} → peak ${peak} MiB`,
  );
}

await store.close();
rmSync(dataDir, { recursive: true, force: true });
