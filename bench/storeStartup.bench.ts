/**
 * Embedded-store start-up at scale (issue 14: 1M documents ≤ 5 s).
 *
 *   node --import tsx bench/storeStartup.bench.ts [--documents 1000000] [--tail 20000] [--dir bench/.data/startup]
 *
 * One start-up of an existing data directory (left as it was), with a CPU profile of the start-up alone:
 *
 *   node --max-old-space-size=8192 --import tsx bench/storeStartup.bench.ts --open <dir> --documents 1000000 \
 *     [--cpu-profile startup.cpuprofile] [--startup-only]
 *
 * (`--startup-only` closes right after the start-up: no background index restore, no queries.)
 *
 * 1. Generates a data directory holding one log of `documents` item-like documents (~1.2 KB) in records of
 *    1,000 inserts — the bytes `insertMany` writes — with five indexes (unique `gtin`, `manufacturerId`,
 *    `{ status, unspsc }`, `{ status, _id }`, multikey `packaging.gtin`).
 * 2. Opens it in a fresh process: start-up from the long log.
 * 3. In a fresh process: opens, compacts (snapshot and index image), then writes a tail of `tail` updates and
 *    `tail / 10` inserts, and closes.
 * 4. Opens it in a fresh process: start-up from the snapshot with the log tail; then once more with the index
 *    image removed (the fallback: every document parsed to rebuild the indexes).
 * Each start-up runs in its own process, so its wall time, CPU time and peak RSS are its own. After each
 * start-up the child waits for the background restore of the index image's indexes (timed), then answers a few
 * indexed queries; their answers must agree between phases 4a and 4b.
 * Data lives under bench/.data/ (git-ignored) and is deleted at the start of each run.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync, fsyncSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../server/logger';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { encodePayload } from '../server/store/embedded/logPayload';
import type { LogOp } from '../server/store/embedded/logPayload';
import { encodeHeader, encodeRecord, LOG_MAGIC } from '../server/store/embedded/recordFile';
import type { IndexSpec } from '../server/store/types';
import { createStoreItems } from './generators/storeItems';
import { present } from '../server/invariant';

const args = process.argv.slice(2);
const argument = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return (at >= 0 ? args[at + 1] : undefined) || fallback;
};
const has = (name: string): boolean => args.includes(`--${name}`);
const logger = createLogger({ silent: true });
const COLLECTION = 'items';
const INDEXES: IndexSpec[] = [
  { keys: { gtin: 1 }, unique: true },
  { keys: { manufacturerId: 1 } },
  { keys: { status: 1, unspsc: 1 } },
  { keys: { status: 1, _id: 1 } },
  { keys: { 'packaging.gtin': 1 } },
];

interface OpenResult {
  firstQueriesMs: number;
  firstQueriesCpuMs: number;
  /** Waiting for the background restore of the index image's indexes after start-up (0 without an image). */
  backgroundRestoreMs: number;
  backgroundRestoreCpuMs: number;
  /** Then loading the snapshot's newest part into memory (session 15; 0 on a store that decodes it at start-up). */
  residentLoadMs: number;
  residentLoadCpuMs: number;
  wallMs: number;
  cpuMs: number;
  /** After the first queries (which may restore indexes). */
  peakRssMiB: number;
  /** Right after start-up. */
  startupRssMiB: number;
  documents: number;
  answers: Record<string, number | string | null>;
  report: unknown;
}

/** Child: open the store, measure, answer a few indexed queries, close without writing. */
async function openAndMeasure(dataDir: string): Promise<void> {
  // Set aside (and put back after closing), so a later phase can still use the image.
  const asideImages = has('without-image') ? readdirSync(dataDir).filter((name) => name.startsWith('indexes-')) : [];
  for (const name of asideImages) renameSync(join(dataDir, name), join(dataDir, `${name}.aside`));
  const profile = has('cpu-profile') ? await startCpuProfile() : undefined;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const store = await openEmbeddedStore({ dataDir, logger, compaction: { minLogBytes: Number.MAX_SAFE_INTEGER } });
  const cpu = process.cpuUsage(cpuStarted);
  const wallMs = performance.now() - started;
  if (profile) await profile.stopInto(resolve(argument('cpu-profile', 'startup.cpuprofile')));
  if (has('startup-only')) {
    // Start-up alone (pairs of start-ups under load): no background restore, no queries.
    const documents = store.recoveryReport.documents;
    await store.close();
    for (const name of asideImages) renameSync(join(dataDir, `${name}.aside`), join(dataDir, name));
    console.log(
      JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, documents }),
    );
    return;
  }
  const startupRssMiB = process.resourceUsage().maxRSS / 1024;
  // The indexes of an index image are restored in the background right after start-up (between requests):
  // timed until done, so the first queries below measure the queries themselves.
  const restoreStarted = performance.now();
  const restoreCpu = process.cpuUsage();
  await store.indexesRestored;
  const restoreUsage = process.cpuUsage(restoreCpu);
  const backgroundRestoreMs = performance.now() - restoreStarted;
  const backgroundRestoreCpuMs = (restoreUsage.user + restoreUsage.system) / 1000;
  // Then the snapshot's newest part is loaded into memory (undefined on a store from before session 15: no wait).
  const loadStarted = performance.now();
  const loadCpu = process.cpuUsage();
  await store.residentTextLoaded;
  const loadUsage = process.cpuUsage(loadCpu);
  const residentLoadMs = performance.now() - loadStarted;
  const residentLoadCpuMs = (loadUsage.user + loadUsage.system) / 1000;
  const items = store.collection(COLLECTION);
  const total = Number(argument('documents', '0'));
  // Without an image (or before the background restore) the first queries also build or restore the indexes.
  const queriesStarted = performance.now();
  const queriesCpu = process.cpuUsage();
  const answers: OpenResult['answers'] = {
    activeInUnspsc: (await items.find({ status: 'active', unspsc: '42000137' }, { projection: { _id: 1 } })).length,
    manufacturer7: (await items.find({ manufacturerId: 'MFR00007' }, { projection: { _id: 1 } })).length,
    byGtin: (await items.findOne({ gtin: `0${String(10_000_000_000_000 + Math.floor(total / 2)).padStart(13, '0')}` }))?._id ?? null,
    byCaseGtin: (await items.findOne({ 'packaging.gtin': `5${String(10_000_000_000_000 + 7).padStart(13, '0')}` }))?._id ?? null,
    firstInactive: (await items.findOne({ status: 'inactive' }, { sort: { _id: 1 } }))?._id ?? null,
    status: (
      await items.find(
        { status: 'pending-review', _id: { $gte: `item-${String(Math.floor(total / 3)).padStart(8, '0')}` } },
        { projection: { _id: 1 }, sort: { _id: 1 }, limit: 50 },
      )
    ).length,
  };
  const firstQueries = process.cpuUsage(queriesCpu);
  const result: OpenResult = {
    backgroundRestoreMs,
    backgroundRestoreCpuMs,
    residentLoadMs,
    residentLoadCpuMs,
    firstQueriesMs: performance.now() - queriesStarted,
    firstQueriesCpuMs: (firstQueries.user + firstQueries.system) / 1000,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    startupRssMiB,
    documents: store.recoveryReport.documents,
    answers,
    report: store.recoveryReport,
  };
  await store.close();
  for (const name of asideImages) renameSync(join(dataDir, `${name}.aside`), join(dataDir, name));
  console.log(JSON.stringify(result));
}

/**
 * A V8 CPU profile of the start-up alone (`--cpu-profile <file>` with `--open`; `node --cpu-prof` would also
 * profile the background restore and the queries). Summarise it with `node bench/cpuProfileSummary.mjs <file> --top 30`.
 */
async function startCpuProfile(): Promise<{ stopInto: (file: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    stopInto: async (file) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Child: open, compact (snapshot + index image), write a tail of updates and inserts, close. */
async function compactAndWriteTail(dataDir: string): Promise<void> {
  const documents = Number(argument('documents', '1000000'));
  const tail = Number(argument('tail', '20000'));
  const store = await openEmbeddedStore({ dataDir, logger, compaction: { minLogBytes: Number.MAX_SAFE_INTEGER } });
  const started = performance.now();
  await store.compact();
  const compactMs = performance.now() - started;
  const items = store.collection(COLLECTION);
  const { makeItem, random } = createStoreItems(7);
  for (let k = 0; k < tail; k++) {
    const n = Math.floor(random() * documents);
    await items.updateOne(
      { _id: `item-${String(n).padStart(8, '0')}` },
      { $set: { status: k % 2 === 0 ? 'inactive' : 'active', qtyOnHand: k, manufacturerId: `MFR${String(k % 2000).padStart(5, '0')}` } },
    );
  }
  const inserts = Array.from({ length: Math.floor(tail / 10) }, (_, k) => makeItem(documents + k));
  for (let start = 0; start < inserts.length; start += 500) await items.insertMany(inserts.slice(start, start + 500));
  await store.close();
  console.log(JSON.stringify({ compactMs }));
}

function generate(dataDir: string, documents: number): { ms: number; bytes: number } {
  const started = performance.now();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'log-00000001.mdb');
  const fd = openSync(path, 'w');
  let position = 0;
  const write = (buffer: Buffer): void => {
    position += writeSync(fd, buffer, 0, buffer.length, position);
  };
  write(encodeHeader(LOG_MAGIC, 1));
  write(encodeRecord(encodePayload(INDEXES.map((spec): LogOp => ({ kind: 'index', collection: COLLECTION, spec })))));
  const { makeItem } = createStoreItems(42);
  for (let start = 0; start < documents; start += 1000) {
    const ops: LogOp[] = [];
    for (let n = start; n < Math.min(documents, start + 1000); n++) {
      const doc = makeItem(n);
      ops.push({ kind: 'put', collection: COLLECTION, id: doc._id, json: JSON.stringify(doc) });
    }
    write(encodeRecord(encodePayload(ops)));
  }
  fsyncSync(fd);
  closeSync(fd);
  return { ms: performance.now() - started, bytes: position };
}

function child(mode: string, dataDir: string, extra: string[] = []): Record<string, unknown> {
  const output = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), `--${mode}`, dataDir, ...extra],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const dirMiB = (dataDir: string): string =>
  readdirSync(dataDir)
    .map((name) => `${name} ${(statSync(join(dataDir, name)).size / 2 ** 20).toFixed(0)} MiB`)
    .join(', ');

async function main(): Promise<void> {
  if (has('open')) return openAndMeasure(resolve(argument('open', '')));
  if (has('prepare')) return compactAndWriteTail(resolve(argument('prepare', '')));
  const documents = Number(argument('documents', '1000000'));
  const tail = argument('tail', '20000');
  const dataDir = resolve(argument('dir', 'bench/.data/startup'));
  console.log(
    `store start-up bench: ${documents.toLocaleString('en-US')} documents, tail ${tail} updates; load average ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  const generated = generate(dataDir, documents);
  console.log(`  generated ${(generated.bytes / 2 ** 20).toFixed(0)} MiB of log in ${seconds(generated.ms)}`);
  const extra = ['--documents', String(documents)];
  const phases: Array<[string, OpenResult]> = [];
  const report = (label: string, result: OpenResult): void => {
    phases.push([label, result]);
    console.log(
      `  ${label}: ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU, peak RSS ${result.startupRssMiB.toFixed(0)} MiB after start-up, ${result.peakRssMiB.toFixed(0)} MiB after the first queries, ${result.documents} documents; ` +
        `background index restore ${seconds(result.backgroundRestoreMs)} wall, ${seconds(result.backgroundRestoreCpuMs)} CPU; ` +
        `then newest snapshot part loaded into memory ${seconds(result.residentLoadMs)} wall, ${seconds(result.residentLoadCpuMs)} CPU; ` +
        `first queries ${seconds(result.firstQueriesMs)} wall, ${seconds(result.firstQueriesCpuMs)} CPU; answers ${JSON.stringify(result.answers)}`,
    );
  };
  report('start-up from the long log', child('open', dataDir, extra) as unknown as OpenResult);
  const prepared = child('prepare', dataDir, [...extra, '--tail', tail]);
  console.log(`  compaction took ${seconds(prepared.compactMs as number)}; files: ${dirMiB(dataDir)}`);
  report('start-up from snapshot + log tail', child('open', dataDir, extra) as unknown as OpenResult);
  report('same, index image removed (indexes rebuilt)', child('open', dataDir, [...extra, '--without-image']) as unknown as OpenResult);
  const [withImage, withoutImage] = [present(phases[1], 'the with-image phase')[1], present(phases[2], 'the without-image phase')[1]];
  const agree = JSON.stringify(withImage.answers) === JSON.stringify(withoutImage.answers);
  console.log(
    `  answers with and without the image ${agree ? 'agree' : 'DIFFER'}; load average now ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  if (!agree) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
