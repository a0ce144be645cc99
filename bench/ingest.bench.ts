/**
 * End-to-end ingest of a generated Lawson item-master CSV (ITEMMAST + contract line columns, the
 * seed's `lawson/item` mapping) through the upload-job path on the embedded store: HTTP upload into
 * `uploadChunks`, then the background job (parse → map in the worker pool → validate → standardise →
 * persist with lineage → match → golden record). Prints records/s for the upload and the job.
 * Run: node --import tsx bench/ingest.bench.ts [records=100000] [job|stages|scenario|issue14|inline]
 * `stages` instead times only the stages before persist (parse, map, validate, standardise) on the
 * same file, to separate ingest's own cost from matching and golden-record writes.
 *
 * `scenario` is issue 14's: node --import tsx bench/ingest.bench.ts 100000 scenario [existing=records]
 *   1. load `existing` other items (the store already holds that many golden records),
 *   2. upload-job ingest of `records` Lawson rows: records/s, main-process CPU seconds, ratio to bare jsonata,
 *   3. the unchanged re-send of the same file (the nightly case): records/s,
 *   4. search index catch-up: the whole change feed re-indexed from scratch through `syncSearchIndex`,
 *   5. bare jsonata on the same rows in the same process (compiled once, main thread), for the ratio — run first, on
 *      the empty store, so that its own working set (every row parsed at once) does not sit on top of the live store
 *      and set the process's peak (docs/INGEST.md "Session 23 (ingest23)"),
 *   6. inline ingest latency: `BENCH_INLINE_REQUESTS` (default 10) requests of 500 new NDJSON records each,
 *      one after another: p50, p95 and max milliseconds,
 * and peak RSS of the process (the mapping evaluators are separate processes, not counted).
 * `issue14` is the issue's full size as a named mode: 100,000 rows into a store holding 100,000
 * (`node --import tsx bench/ingest.bench.ts 100000 issue14`, same as `100000 scenario 100000`).
 * BENCH_PROFILE_LOAD=<file> / BENCH_PROFILE_RESEND=<file> / BENCH_PROFILE_CATCHUP=<file> / BENCH_PROFILE_REPLAY=<file> write a
 * CPU profile of the load / the re-send / the search catch-up from scratch / the replay over the up-to-date index; a file named `*.heapprofile` gets the allocation sampling profile instead
 * (bytes allocated by stack: what the GC share is made of; `node bench/heapProfileSummary.mjs <file> --top 25`).
 * `inline` runs the inline phase alone against an existing store (issue 14's inline goal, docs/INGEST.md "Inline latency,
 * session 15"): BENCH_DATA_DIR=<dir> keeps the run's data directory (its store in `<dir>/store`) instead of a temporary
 * one, so `BENCH_DATA_DIR=/tmp/s BENCH_LOAD_ONLY=1 node --import tsx bench/ingest.bench.ts 100000 scenario` builds a
 * store once and `BENCH_DATA_DIR=/tmp/s-copy BENCH_INLINE_REQUESTS=30 node --import tsx bench/ingest.bench.ts 0 inline`
 * opens it (waits for the indexes restored and every processor caught up, sends one uncounted warm-up request of other
 * rows) and times the inline requests. The inline
 * rows are the same in every run, so a second run on one directory re-sends them unchanged: time each run on a fresh
 * copy (`cp -a`) of the built directory.
 * Every inline run prints, beside p50 / p95 / max, what the main thread did during the three slowest requests: the
 * longest event-loop stall (perf_hooks.monitorEventLoopDelay), GC pauses (PerformanceObserver 'gc'), store
 * compactions and the wall time of the background processor passes that ran beside it. BENCH_PROFILE_INLINE=<file> writes a CPU profile of the phase.
 * BENCH_STORE_OPS=1 counts the store calls of the load phase per collection and operation (per loaded row).
 * The load phase also prints its CPU split by thread (main thread, V8 helpers, worker threads) and child process (the
 * mapping pool: its hosts' main threads — the relay — apart from their worker threads), in ms per record, from /proc (Linux).
 * MDM_MAPPING_CPU_PROF_DIR=<dir> (a product setting) makes the mapping pool's host and workers write CPU profiles there when
 * they exit: `node bench/cpuProfileSummary.mjs <dir>/CPU.*.<pid>.<thread>.*.cpuprofile --top 30` (thread 0 the relay).
 * Memory per phase (always printed, one line per phase of the scenario): peak RSS, peak used / total V8 heap and peak
 * external / ArrayBuffer memory sampled every 100 ms, and the same figures at the phase's end (bench/phaseMemory.ts).
 * BENCH_LIVE_HEAP=1 also runs a full GC at each phase's end and prints the live heap (changes the GC timing of the run).
 * BENCH_HEAP_SNAPSHOT_AT=<phase>[,<phase>…] writes a heap snapshot (live objects) at the end of those phases
 * (bare, existing, load, re-send, catch-up, replay, inline) into BENCH_HEAP_SNAPSHOT_DIR (default: the working
 * directory); summarise it with `node --max-old-space-size=8000 bench/heapSnapshotSummary.mjs <file> 40 collections`.
 */
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile as writeFileText } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import path from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import jsonata from 'jsonata';
import { bootstrap, listen } from '../server/bootstrap';
import { loadLookupTables } from '../server/lookups';
import { createExtraFunctions, type BuiltinLookup } from '../server/mapping-runtime/extraFunctions';
import { getPublishedMapping } from '../server/mappings';
import { PROCESSORS } from '../server/processors/collections';
import { SEARCH_INDEX, SEARCH_INDEX_PROCESSOR, SEARCH_TERM_STATS, syncSearchIndex } from '../server/search';
import { loadConfig } from '../server/config';
import { gs1CheckDigit } from '../server/identifiers';
import { createLogger } from '../server/logger';
import { prepareIngest, toWorkItem } from '../server/ingest/ingestRecords';
import { PIPELINE } from '../server/ingest/pipeline';
import { readItems } from '../server/ingest/recordReader';
import type { WorkItem } from '../server/ingest/types';
import { ADJECTIVES, createRandom, NOUNS, SIZES } from './generators/items';
import { present } from '../server/invariant';
import { createPhaseMemory, type PhaseMemory } from './phaseMemory';

const RECORDS = Number(process.argv[2] ?? 100_000);
const NAMED_MODE = process.argv[3] ?? 'job';
/** `issue14` runs the scenario at the issue's size: the store already holds as many items as are loaded. */
const MODE = NAMED_MODE === 'issue14' ? 'scenario' : NAMED_MODE;
const INLINE_REQUESTS = Number(process.env.BENCH_INLINE_REQUESTS ?? 10);
const INLINE_RECORDS = 500;
const ADMIN_KEY = 'mdm_bench_admin_key_0123456789abcdef';

// Codes of the seed's lawson-manufacturer lookup table.
const MANUFACTURERS = ['BD', 'MED', 'HAL', 'CAH', 'MOL', 'ETH', '3M', 'COV', 'BAR', 'HAR', 'BBR', 'SN', 'TFX', 'STR', 'HOS', 'FK'];
const UNITS: Array<{ stock: string; purchase: string; multiplier: number }> = [
  { stock: 'EA', purchase: 'BX', multiplier: 100 },
  { stock: 'EA', purchase: 'CS', multiplier: 50 },
  { stock: 'BX', purchase: 'CS', multiplier: 10 },
  { stock: 'EA', purchase: 'PK', multiplier: 12 },
  { stock: 'EA', purchase: 'EA', multiplier: 1 },
];
const COLUMNS = [
  'ITEM',
  'DESCRIPTION',
  'DESCRIPTION2',
  'MANUF_CODE',
  'MANUF_NBR',
  'STOCK_UOM',
  'ACTIVE_STATUS',
  'GTIN',
  'UNSPSC_CODE',
  'VENDOR',
  'VEN_ITEM',
  'UOM',
  'UOM_MULT',
  'PKG_DESC',
  'UNIT_COST',
];

/**
 * One CSV line per item: distinct products, ~3% repeated GTINs (duplicates for matching), ~0.5% bad check digits.
 * `firstId` moves item numbers and GTINs, so a second file holds other products (the scenario's existing store).
 */
function* itemLines(count: number, firstId = 0, seed = 20261124): Generator<string> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => present(list[Math.floor(random() * list.length)], 'list[Math.floor(random() * list.length)]');
  const gtins: string[] = [];
  yield COLUMNS.join(',') + '\n';
  for (let index = 0; index < count; index++) {
    const manufacturer = pick(MANUFACTURERS);
    const units = pick(UNITS);
    const words = [pick(NOUNS), pick(ADJECTIVES), pick(ADJECTIVES), pick(SIZES)];
    const part = `${manufacturer.replace(/[^A-Z]/g, '').slice(0, 2)}${String(100000 + Math.floor(random() * 900000))}`;
    let gtin: string;
    if (gtins.length > 100 && random() < 0.03) gtin = pick(gtins);
    else {
      const number = firstId + index;
      const body =
        `${firstId === 0 ? '00' : '01'}${String(30000 + (number % 60000)).padStart(5, '0')}${String(number % 1_000_000).padStart(6, '0')}`.slice(
          0,
          13,
        );
      gtin = `${body}${gs1CheckDigit(body)}`;
      gtins.push(gtin);
    }
    if (random() < 0.005) gtin = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
    const row = [
      String(200000 + firstId + index),
      `${words.join(' ')} ${part}`,
      random() < 0.2 ? 'LATEX FREE' : '',
      manufacturer,
      part,
      units.stock,
      random() < 0.05 ? 'I' : 'A',
      random() < 0.3 ? gtin.replace(/^0+/, '') : gtin,
      random() < 0.7 ? `4214${String(1000 + Math.floor(random() * 8999))}` : '',
      String(1000 + Math.floor(random() * 300)),
      `V${part}`,
      units.purchase,
      units.purchase === units.stock ? '' : String(units.multiplier),
      units.purchase === units.stock ? '' : `${units.multiplier} ${units.stock}/${units.purchase}`,
      (1 + random() * 200).toFixed(2),
    ];
    yield row.join(',') + '\n';
  }
}

async function writeFile(file: string, options: { count?: number; firstId?: number; seed?: number } = {}): Promise<void> {
  const out = createWriteStream(file);
  for (const line of itemLines(options.count ?? RECORDS, options.firstId, options.seed)) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Parse → map → validate → standardise on the file, in batches of 200 as the job does; nothing is stored. */
async function timeStagesBeforePersist(file: string, running: Awaited<ReturnType<typeof bootstrap>>): Promise<string> {
  const context = await prepareIngest(running.services, {
    source: 'lawson',
    domain: 'item',
    actor: { keyId: 'bench', name: 'bench', role: 'admin' },
    origin: {},
  });
  const stages = PIPELINE.filter((stage) => stage.name !== 'persist');
  const splitStart = cpuByThreadAndChild();
  const started = performance.now();
  let passed = 0;
  let failed = 0;
  let batch: WorkItem[] = [];
  const run = async (): Promise<void> => {
    for (const stage of stages)
      await stage.run(
        batch.filter((item) => !item.failure),
        context,
      );
    const failures = batch.filter((item) => item.failure).length;
    failed += failures;
    passed += batch.length - failures;
    batch = [];
  };
  const chunks = (async function* text() {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) yield chunk as string;
  })();
  for await (const item of readItems({ format: 'csv', chunks })) {
    batch.push(toWorkItem(item));
    if (batch.length >= 200) await run();
  }
  await run();
  const seconds = (performance.now() - started) / 1000;
  const split = cpuSplitNote(cpuSplitBetween(splitStart, cpuByThreadAndChild()));
  return `  stages before persist (parse → map → validate → standardise): ${seconds.toFixed(1)} s, ${((passed + failed) / seconds).toFixed(0)} records/s (${passed} passed, ${failed} failed)${split ? `\n${split}` : ''}`;
}

type JobView = {
  status: string;
  progress: { done: number; failed: number; ratePerSecond: number; etaSeconds: number | null };
  result: { totals: Record<string, number> } | null;
  error: unknown;
};

/** Uploads `file` to the job endpoint and waits for the job; seconds of each, main-process CPU seconds of the job. */
async function uploadAndRun(input: { base: string; headers: Record<string, string>; file: string; label: string }): Promise<{
  uploadSeconds: number;
  jobSeconds: number;
  cpuSeconds: number;
  mainThreadCpuSeconds?: number;
  /** CPU seconds of the job by thread name and child process (`cpuSplitNote`). */
  cpuSplit?: Map<string, number>;
  totals: Record<string, number>;
}> {
  const uploadStart = performance.now();
  const response = await fetch(`${input.base}/api/v1/ingest/lawson/item/jobs`, {
    method: 'POST',
    headers: { ...input.headers, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(input.file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const created = (await response.json()) as { jobId: string; estimatedRecords: number };
  if (response.status !== 202) throw new Error(`upload failed: ${response.status} ${JSON.stringify(created)}`);
  const uploadSeconds = (performance.now() - uploadStart) / 1000;
  const jobStart = performance.now();
  const cpuStart = process.cpuUsage();
  const mainThreadStart = mainThreadCpuSeconds();
  const splitStart = cpuByThreadAndChild();
  let job: JobView;
  let lastPrint = performance.now();
  for (;;) {
    try {
      job = (await (await fetch(`${input.base}/api/v1/jobs/${created.jobId}`, { headers: input.headers })).json()) as JobView;
    } catch (error) {
      // A poll lost to an overloaded machine (connection reset) is retried; the job runs on regardless.
      process.stdout.write(`  … poll failed (${error instanceof Error ? error.message : String(error)}), retrying\n`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
    if (performance.now() - lastPrint > 15_000) {
      lastPrint = performance.now();
      process.stdout.write(
        `  … ${input.label}: ${job.progress.done + job.progress.failed}/${created.estimatedRecords} records, ${job.progress.ratePerSecond}/s, ETA ${job.progress.etaSeconds ?? '?'} s\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const cpu = process.cpuUsage(cpuStart);
  const mainThreadEnd = mainThreadCpuSeconds();
  const cpuSplit = cpuSplitBetween(splitStart, cpuByThreadAndChild());
  if (job.status !== 'succeeded') throw new Error(`job ${job.status}: ${JSON.stringify(job.error)}`);
  return {
    uploadSeconds,
    jobSeconds: (performance.now() - jobStart) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...(mainThreadStart !== undefined && mainThreadEnd !== undefined ? { mainThreadCpuSeconds: mainThreadEnd - mainThreadStart } : {}),
    ...(cpuSplit ? { cpuSplit } : {}),
    totals: job.result?.totals ?? {},
  };
}

/** `; main thread 12.3 s = 0.41 ms per record` when the main thread's CPU was read. */
function mainThreadNote(seconds: number | undefined): string {
  return seconds === undefined ? '' : `; main thread ${seconds.toFixed(1)} s = ${((1000 * seconds) / RECORDS).toFixed(3)} ms per record`;
}

/**
 * CPU seconds (user + system) of the process's main thread alone, from /proc (Linux; undefined elsewhere):
 * `process.cpuUsage()` also counts V8's GC helper threads, libuv's pool and any worker thread.
 */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/** CPU ticks (user + system) in a /proc `stat` line: utime and stime are fields 14 and 15. */
function statTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU ticks so far of every thread of this process (the main thread, and the others together: Node 20 names every
 * thread `node`, so V8's GC helpers, worker threads — the match preparation thread — and libuv's pool are not told
 * apart) and of every direct child process (the mapping pool's hosts, all their threads), keyed by task or process id;
 * Linux only (undefined elsewhere). Where the work runs: on the main thread, or beside it.
 */
function cpuByThreadAndChild(): Map<string, { name: string; ticks: number }> | undefined {
  try {
    const found = new Map<string, { name: string; ticks: number }>();
    const childPids = new Set<string>();
    for (const task of readdirSync('/proc/self/task')) {
      const base = `/proc/self/task/${task}`;
      try {
        const name = task === String(process.pid) ? 'main thread' : 'other threads';
        found.set(`t${task}`, { name, ticks: statTicks(readFileSync(`${base}/stat`, 'utf8')) });
        for (const pid of readFileSync(`${base}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) childPids.add(pid);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    for (const pid of childPids) {
      try {
        // The child's own main thread (an evaluator host's: the relay) apart from the rest of the process (its worker
        // threads, V8 helpers, threads that already ended), so the two add up to the process's whole CPU.
        const whole = statTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        const main = statTicks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
        found.set(`p${pid}`, { name: 'children: main threads (relay)', ticks: main });
        found.set(`q${pid}`, { name: 'children: other threads (workers, GC)', ticks: whole - main });
      } catch {
        // The child exited.
      }
    }
    return found;
  } catch {
    return undefined;
  }
}

/** CPU seconds spent between two readings, summed by name (a thread or child that ended in between is missed). */
function cpuSplitBetween(
  start: Map<string, { name: string; ticks: number }> | undefined,
  end: Map<string, { name: string; ticks: number }> | undefined,
): Map<string, number> | undefined {
  if (!start || !end) return undefined;
  const seconds = new Map<string, number>();
  for (const [key, { name, ticks }] of end) {
    const spent = (ticks - (start.get(key)?.ticks ?? 0)) / clockTicksPerSecond();
    seconds.set(name, (seconds.get(name) ?? 0) + spent);
  }
  return seconds;
}

/** `; CPU by thread: main thread 0.71 ms per record, …` (largest first; under 0.005 ms per record left out). */
function cpuSplitNote(split: Map<string, number> | undefined): string {
  if (!split) return '';
  const parts = [...split]
    .filter(([, seconds]) => (1000 * seconds) / RECORDS >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([name, seconds]) => `${name} ${((1000 * seconds) / RECORDS).toFixed(3)}`);
  const total = [...split.values()].reduce((sum, seconds) => sum + seconds, 0);
  const children = [...split].filter(([name]) => name.startsWith('children:')).reduce((sum, [, seconds]) => sum + seconds, 0);
  const childNote = `; child processes together ${((1000 * children) / RECORDS).toFixed(3)}`;
  return `  CPU by thread and child process, ms per record: ${parts.join(', ')}; all ${((1000 * total) / RECORDS).toFixed(3)}${childNote}`;
}

let clockTicks: number | undefined;
function clockTicksPerSecond(): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return clockTicks;
}

/** Bare jsonata on the file's rows: the published lawson/item mapping compiled once, main thread, with its lookup tables. */
async function bareJsonataRate(file: string, running: Awaited<ReturnType<typeof bootstrap>>): Promise<number> {
  const mapping = await getPublishedMapping(running.services, { source: 'lawson', domain: 'item' });
  if (!mapping) throw new Error('lawson/item has no published mapping');
  const lookups = await loadLookupTables(running.services, mapping.lookupTables);
  const expression = jsonata(mapping.expression);
  const builtinLookup = (await jsonata('$lookup').evaluate(undefined)) as BuiltinLookup;
  for (const fn of createExtraFunctions({ currentLookups: () => lookups, builtinLookup }))
    expression.registerFunction(fn.name, fn.implementation, fn.signature);
  const rows: unknown[] = [];
  const chunks = (async function* text() {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) yield chunk as string;
  })();
  for await (const item of readItems({ format: 'csv', chunks })) if (item.kind === 'record') rows.push(item.raw);
  for (const row of rows.slice(0, 2000)) await expression.evaluate(row); // warm-up
  const started = performance.now();
  for (const row of rows) await expression.evaluate(row);
  return rows.length / ((performance.now() - started) / 1000);
}

/** Runs `work` under the V8 CPU profiler when `file` is set (BENCH_PROFILE_RESEND=path: the re-send phase alone). */
async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  const postWith = (method: string, params: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  // A file named *.heapprofile gets the allocation sampling profile (what the main thread allocates, by stack:
  // the GC share's causes) instead of the CPU profile; Chrome's DevTools and bench/heapProfileSummary.mjs read it.
  const isHeap = file.endsWith('.heapprofile');
  await post(isHeap ? 'HeapProfiler.enable' : 'Profiler.enable');
  // 16 KiB between samples (V8's default is 32 KiB): enough samples from a 10k load; objects collected are kept.
  if (isHeap)
    await postWith('HeapProfiler.startSampling', {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  else await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post(isHeap ? 'HeapProfiler.stopSampling' : 'Profiler.stop')) as { profile: unknown };
    await writeFileText(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** Rows of a generated file as NDJSON request bodies of INLINE_RECORDS records each. */
async function ndjsonBodies(file: string): Promise<string[]> {
  const chunks = (async function* text() {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) yield chunk as string;
  })();
  const bodies: string[] = [];
  let lines: string[] = [];
  for await (const item of readItems({ format: 'csv', chunks })) {
    if (item.kind !== 'record') continue;
    lines.push(JSON.stringify(item.raw));
    if (lines.length === INLINE_RECORDS) {
      bodies.push(lines.join('\n') + '\n');
      lines = [];
    }
  }
  return bodies;
}

/** What ran on the main thread while one inline request was answered. */
interface RequestDiagnosis {
  millis: number;
  /** Longest event-loop stall (ms): the longest synchronous slice anything ran while the request waited. */
  longestStallMs: number;
  gcMs: number;
  longestGcMs: number;
  compactions: number;
  /** Wall milliseconds of background processor passes that ran during the request, by processor. */
  processors: Map<string, number>;
}

/**
 * Times every background processor pass (wall ms by processor name into `sink()`) until the returned function
 * restores them: which processor ran beside a slow request.
 */
function timeProcessorPasses(running: Awaited<ReturnType<typeof bootstrap>>, sink: () => Map<string, number>): () => void {
  const restores: Array<() => void> = [];
  for (const processor of running.services.processors.list()) {
    const timed = async <R>(call: () => Promise<R>): Promise<R> => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        const bucket = sink();
        bucket.set(processor.name, (bucket.get(processor.name) ?? 0) + performance.now() - started);
      }
    };
    if (processor.kind === 'changes') {
      const original = processor.handle;
      processor.handle = (args) => timed(() => original.call(processor, args));
      restores.push(() => (processor.handle = original));
    } else {
      const original = processor.run;
      processor.run = (args) => timed(() => original.call(processor, args));
      restores.push(() => (processor.run = original));
    }
  }
  return () => restores.forEach((restore) => restore());
}

/**
 * Watches the main thread while `work` runs: the event-loop delay histogram's maximum, GC pauses and compactions
 * (bench instrumentation only; a 10 ms histogram resolution costs nothing measurable).
 */
async function diagnosed<T>(
  store: unknown,
  work: () => Promise<T>,
): Promise<{ result: T; diagnosis: Omit<RequestDiagnosis, 'millis' | 'processors'> }> {
  const compactions = (): number => (store as { compactions?: number }).compactions ?? 0;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let gcMs = 0;
  let longestGcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      longestGcMs = Math.max(longestGcMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const compactionsBefore = compactions();
  delay.enable();
  try {
    const result = await work();
    return {
      result,
      diagnosis: { longestStallMs: delay.max / 1e6, gcMs, longestGcMs, compactions: compactions() - compactionsBefore },
    };
  } finally {
    delay.disable();
    observer.disconnect();
  }
}

function diagnosisText(diagnosis: RequestDiagnosis): string {
  const passes = [...diagnosis.processors]
    .filter(([, millis]) => millis >= 1)
    .map(([name, millis]) => `${name} ${millis.toFixed(0)} ms`)
    .join(', ');
  return `${diagnosis.millis.toFixed(0)} ms (longest stall ${diagnosis.longestStallMs.toFixed(0)} ms, GC ${diagnosis.gcMs.toFixed(0)} ms, longest GC ${diagnosis.longestGcMs.toFixed(0)} ms${diagnosis.compactions > 0 ? `, ${diagnosis.compactions} compaction(s)` : ''}${passes ? `; processor passes: ${passes}` : ''})`;
}

type InlineTotals = { accepted: number; unchanged: number; exceptions: number };

/** One inline NDJSON request; its totals (throws unless 200). */
async function postInline(input: { base: string; headers: Record<string, string> }, body: string): Promise<InlineTotals> {
  const answered = await fetch(`${input.base}/api/v1/ingest/lawson/item`, {
    method: 'POST',
    headers: { ...input.headers, 'content-type': 'application/x-ndjson' },
    body,
  });
  const answer = (await answered.json()) as { totals?: InlineTotals };
  if (answered.status !== 200 || !answer.totals) throw new Error(`inline ingest failed: ${answered.status} ${JSON.stringify(answer)}`);
  return answer.totals;
}

/** Inline ingest of new 500-record NDJSON bodies, one request at a time: latency percentiles and the slowest requests' diagnosis. */
async function inlineLatency(input: {
  dataDir: string;
  base: string;
  headers: Record<string, string>;
  running: Awaited<ReturnType<typeof bootstrap>>;
}): Promise<string> {
  if (INLINE_REQUESTS <= 0) return '  inline: skipped (BENCH_INLINE_REQUESTS=0)';
  const file = path.join(input.dataDir, 'inline-items.csv');
  await writeFile(file, { count: INLINE_REQUESTS * INLINE_RECORDS, firstId: 20_000_000, seed: 11 });
  const bodies = await ndjsonBodies(file);
  await rm(file);
  const diagnoses: RequestDiagnosis[] = [];
  const totals: InlineTotals = { accepted: 0, unchanged: 0, exceptions: 0 };
  let passes = new Map<string, number>();
  const restoreProcessors = timeProcessorPasses(input.running, () => passes);
  await profiled(process.env.BENCH_PROFILE_INLINE, async () => {
    for (const body of bodies) {
      passes = new Map();
      const started = performance.now();
      const { result: answer, diagnosis } = await diagnosed(input.running.services.store, () => postInline(input, body));
      diagnoses.push({ millis: performance.now() - started, ...diagnosis, processors: passes });
      for (const key of ['accepted', 'unchanged', 'exceptions'] as const) totals[key] += answer[key];
    }
  }).finally(restoreProcessors);
  const sorted = [...diagnoses].sort((a, b) => a.millis - b.millis);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]?.millis ?? Number.NaN;
  const median = sorted[Math.floor(sorted.length / 2)];
  return [
    `  inline: ${bodies.length} requests of ${INLINE_RECORDS} new NDJSON records: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(sorted.at(-1)?.millis ?? Number.NaN).toFixed(0)} ms; ${JSON.stringify(totals)}`,
    `  inline, slowest three: ${sorted
      .slice(-3)
      .reverse()
      .map((diagnosis) => diagnosisText(diagnosis))
      .join('; ')}${median ? `; median request ${diagnosisText(median)}` : ''}`,
    `  inline, every request in order (ms): ${diagnoses.map((diagnosis) => diagnosis.millis.toFixed(0)).join(' ')}`,
  ].join('\n');
}

/** The inline phase alone against the store in BENCH_DATA_DIR (mode `inline`): indexes restored and processors caught up first. */
async function runInlineOnly(input: {
  dataDir: string;
  base: string;
  headers: Record<string, string>;
  running: Awaited<ReturnType<typeof bootstrap>>;
}): Promise<string[]> {
  const { services } = input.running;
  const started = performance.now();
  await (services.store as { indexesRestored?: Promise<void> }).indexesRestored;
  for (const processor of services.processors.list()) await services.processors.runNow(processor.name);
  const goldenRecords = await services.store.collection('goldenRecords').countDocuments({});
  // One request of other rows first, not counted: a fresh process's first request pays the mapping runtime's start,
  // JIT and first rule compilation (several times the median); the scenario's inline phase runs warm after its load.
  const warmFile = path.join(input.dataDir, 'inline-warm-up.csv');
  await writeFile(warmFile, { count: INLINE_RECORDS, firstId: 30_000_000, seed: 13 });
  const [warmBody] = await ndjsonBodies(warmFile);
  await rm(warmFile);
  const warmStarted = performance.now();
  if (warmBody) await postInline(input, warmBody);
  const warmMillis = performance.now() - warmStarted;
  return [
    `inline ingest against the store in ${input.dataDir} (${goldenRecords} golden records; indexes restored and processors caught up in ${((performance.now() - started) / 1000).toFixed(1)} s; one uncounted warm-up request ${warmMillis.toFixed(0)} ms); load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    await inlineLatency(input),
    peakLine(),
  ];
}

/**
 * Counts calls on the store's collections while `work` runs (`BENCH_STORE_OPS=1`): what a loaded row costs in
 * reads and writes, per collection and operation. Everything in the process is counted (processors too).
 */
async function countingStoreOps<T>(
  running: Awaited<ReturnType<typeof bootstrap>>,
  work: () => Promise<T>,
): Promise<{ result: T; counts: Map<string, number> }> {
  const { store } = running.services;
  const counts = new Map<string, number>();
  const original = store.collection.bind(store);
  const counted = new Set(['insertOne', 'insertMany', 'findOne', 'find', 'countDocuments', 'updateOne', 'updateMany', 'replaceOne']);
  for (const name of ['findOneAndUpdate', 'deleteOne', 'deleteMany', 'distinct']) counted.add(name);
  store.collection = ((name: string) => {
    const collection = original(name);
    return new Proxy(collection, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || !counted.has(property) || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${property}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }) as typeof store.collection;
  try {
    return { result: await work(), counts };
  } finally {
    store.collection = original;
  }
}

function storeOpsLine(counts: Map<string, number>, rows: number): string {
  const entries = [...counts].sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return `  store calls during the load: ${(total / rows).toFixed(2)} per row — ${entries.map(([key, n]) => `${key} ${(n / rows).toFixed(2)}`).join(', ')}`;
}

/** Issue 14's scenario (see the header). */
/** What the load left in the store: documents and average JSON size per collection (`BENCH_STORED_SIZES=1`). */
async function storedSizes(running: Awaited<ReturnType<typeof bootstrap>>): Promise<string> {
  const names = ['sourceRecords', 'goldenRecords', 'goldenHistory', 'matchIndex', 'blockStats', 'changes', 'matchDecisions', 'auditLog'];
  const parts: string[] = [];
  let total = 0;
  for (const name of names) {
    const docs = await running.services.store.collection(name).find({});
    const bytes = docs.reduce((sum, doc) => sum + JSON.stringify(doc).length, 0);
    total += bytes;
    parts.push(`${name} ${docs.length} × ${docs.length > 0 ? Math.round(bytes / docs.length) : 0} B`);
  }
  return `  stored after the load: ${parts.join('; ')}; total ${(total / 1048576).toFixed(1)} MiB of JSON`;
}

async function runScenario(input: {
  dataDir: string;
  file: string;
  base: string;
  headers: Record<string, string>;
  running: Awaited<ReturnType<typeof bootstrap>>;
  memory: PhaseMemory;
}): Promise<string[]> {
  const existing = Number(process.argv[4] ?? RECORDS);
  const { memory } = input;
  const lines = [
    `ingest scenario: ${RECORDS} Lawson item rows into a store holding ~${existing} golden records; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}; V8 heap limit ${Math.round(getHeapStatistics().heap_size_limit / 1048576)} MiB; heap growing percent ${input.running.services.config.heapGrowingPercent}`,
  ];
  // Bare jsonata first, on an empty store: it holds every row of the file parsed at once (its own working set, not
  // the product's), and run last on top of the live store it set the process's peak RSS (session 22's 100k run:
  // 2,509 MiB against the product phases' 2,031). Same rows, same process; only its place in the run moved.
  const isLoadOnly = Boolean(process.env.BENCH_LOAD_ONLY);
  let bare = Number.NaN;
  if (!isLoadOnly) {
    memory.start('bare');
    bare = await bareJsonataRate(input.file, input.running);
    lines.push(`  bare jsonata (same rows, same process, run first on the empty store): ${bare.toFixed(0)} records/s`);
    lines.push(memory.end());
  }
  if (existing > 0) {
    const existingFile = path.join(input.dataDir, 'existing-items.csv');
    await writeFile(existingFile, { count: existing, firstId: 10_000_000, seed: 7 });
    memory.start('existing');
    const prefill = await uploadAndRun({ ...input, file: existingFile, label: 'existing store' });
    lines.push(
      `  existing store: ${existing} rows in ${prefill.jobSeconds.toFixed(1)} s (${(existing / prefill.jobSeconds).toFixed(0)} records/s) ${JSON.stringify(prefill.totals)}`,
    );
    lines.push(memory.end());
    await rm(existingFile);
  }
  const runLoad = () => profiled(process.env.BENCH_PROFILE_LOAD, () => uploadAndRun({ ...input, label: 'load' }));
  memory.start('load');
  const counted = process.env.BENCH_STORE_OPS ? await countingStoreOps(input.running, runLoad) : undefined;
  const load = counted ? counted.result : await runLoad();
  const loadMemory = memory.end();
  const loadRate = RECORDS / load.jobSeconds;
  lines.push(
    `  load:    job ${load.jobSeconds.toFixed(1)} s = ${loadRate.toFixed(0)} records/s (main process CPU ${load.cpuSeconds.toFixed(1)} s = ${(RECORDS / load.cpuSeconds).toFixed(0)} records per CPU-second${mainThreadNote(load.mainThreadCpuSeconds)}); upload ${load.uploadSeconds.toFixed(1)} s; ${JSON.stringify(load.totals)}`,
  );
  const loadSplit = cpuSplitNote(load.cpuSplit);
  if (loadSplit) lines.push(loadSplit);
  lines.push(loadMemory);
  if (counted) lines.push(storeOpsLine(counted.counts, RECORDS));
  if (process.env.BENCH_STORED_SIZES) lines.push(await storedSizes(input.running));
  if (isLoadOnly) return [...lines, peakLine()];
  memory.start('re-send');
  const resend = await profiled(process.env.BENCH_PROFILE_RESEND, () => uploadAndRun({ ...input, label: 're-send' }));
  const resendRate = RECORDS / resend.jobSeconds;
  lines.push(
    `  re-send: job ${resend.jobSeconds.toFixed(1)} s = ${resendRate.toFixed(0)} records/s (main process CPU ${resend.cpuSeconds.toFixed(1)} s); upload ${resend.uploadSeconds.toFixed(1)} s; ${JSON.stringify(resend.totals)}`,
  );
  lines.push(memory.end());
  // Search catch-up: rebuild the index from the whole change feed, then replay it over the up-to-date index
  // (a lost cursor, or changes that touch no searchable field). The background sync loop may take a run
  // that starts right after the reset; such an attempt is repeated.
  const { store } = input.running.services;
  memory.start('catch-up');
  await syncSearchIndex(input.running.services);
  const totalChanges = await store.collection('changes').countDocuments({});
  const timedSync = async (reset: () => Promise<void>): Promise<{ changes: number; seconds: number; cpuSeconds: number }> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await syncSearchIndex(input.running.services);
      await reset();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const changes = await syncSearchIndex(input.running.services);
      const cpu = process.cpuUsage(cpuStarted);
      if (changes >= totalChanges)
        return { changes, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    }
    throw new Error('the background search sync took every measuring run');
  };
  // The search-index processor's cursor (server/processors): back to the start of the feed.
  const resetCursor = async (): Promise<void> =>
    void (await store.collection(PROCESSORS).updateOne({ _id: SEARCH_INDEX_PROCESSOR }, { $set: { cursor: null } }));
  const scratch = await profiled(process.env.BENCH_PROFILE_CATCHUP, () =>
    timedSync(async () => {
      await store.collection(SEARCH_INDEX).deleteMany({});
      await store.collection(SEARCH_TERM_STATS).deleteMany({});
      await resetCursor();
    }),
  );
  lines.push(
    `  search catch-up: ${scratch.changes} golden-record changes indexed from scratch in ${scratch.seconds.toFixed(1)} s = ${(scratch.changes / scratch.seconds).toFixed(0)} changes/s (main process CPU ${scratch.cpuSeconds.toFixed(1)} s = ${(scratch.changes / scratch.cpuSeconds).toFixed(0)} changes per CPU-second)`,
  );
  lines.push(memory.end());
  memory.start('replay');
  const replay = await profiled(process.env.BENCH_PROFILE_REPLAY, () => timedSync(resetCursor));
  lines.push(
    `  search replay over the up-to-date index: ${replay.changes} changes in ${replay.seconds.toFixed(1)} s = ${(replay.changes / replay.seconds).toFixed(0)} changes/s (main process CPU ${replay.cpuSeconds.toFixed(1)} s = ${(replay.changes / replay.cpuSeconds).toFixed(0)} changes per CPU-second)`,
  );
  lines.push(memory.end());
  memory.start('inline');
  lines.push(await inlineLatency(input));
  lines.push(memory.end());
  lines.push(`  load / bare jsonata = ${(loadRate / bare).toFixed(3)}; re-send / bare = ${(resendRate / bare).toFixed(2)}`);
  lines.push(peakLine());
  return lines;
}

function peakLine(): string {
  return `  peak RSS (this process): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

async function main(): Promise<void> {
  // BENCH_DATA_DIR keeps the directory (a store to reuse: mode `inline`); otherwise a temporary one, removed at the end.
  const keptDataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
  if (keptDataDir) await mkdir(keptDataDir, { recursive: true });
  const dataDir = keptDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'mdm-bench-ingest-')));
  const file = path.join(dataDir, 'lawson-items.csv');
  await writeFile(file);
  const bytes = (await stat(file)).size;
  const logger = createLogger({ level: 'warn', silent: !process.env.BENCH_LOGS });
  const config = loadConfig({
    MDM_DATA_DIR: path.join(dataDir, 'store'),
    MDM_ADMIN_KEY: ADMIN_KEY,
    MDM_SEED: 'false',
    // Passed on so one run can switch the match-preparation thread off (a same-code comparison).
    ...(process.env.MDM_MATCH_PREPARATION_THREAD ? { MDM_MATCH_PREPARATION_THREAD: process.env.MDM_MATCH_PREPARATION_THREAD } : {}),
    ...(process.env.MDM_GROUPED_MATCH_COUNTS ? { MDM_GROUPED_MATCH_COUNTS: process.env.MDM_GROUPED_MATCH_COUNTS } : {}),
    // The heap's growing factor (memory16), so one code can be measured with V8's adaptive factor (0) and others.
    ...(process.env.MDM_HEAP_GROWING_PERCENT ? { MDM_HEAP_GROWING_PERCENT: process.env.MDM_HEAP_GROWING_PERCENT } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const running = await bootstrap({ config, logger });
  const server = await listen(running.app, { port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
  const memory = createPhaseMemory();
  try {
    if (MODE === 'stages') {
      process.stdout.write(
        `ingest bench: ${RECORDS} Lawson item rows (${(bytes / 1024 / 1024).toFixed(1)} MiB CSV)\n${await timeStagesBeforePersist(file, running)}\n`,
      );
      return;
    }
    if (MODE === 'inline') {
      process.stdout.write((await runInlineOnly({ dataDir, base, headers, running })).join('\n') + '\n');
      return;
    }
    if (MODE === 'scenario') {
      process.stdout.write((await runScenario({ dataDir, file, base, headers, running, memory })).join('\n') + '\n');
      return;
    }
    const uploadStart = performance.now();
    const response = await fetch(`${base}/api/v1/ingest/lawson/item/jobs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const created = (await response.json()) as { jobId: string; estimatedRecords: number };
    if (response.status !== 202) throw new Error(`upload failed: ${response.status} ${JSON.stringify(created)}`);
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    const jobStart = performance.now();
    let job: {
      status: string;
      progress: { done: number; failed: number; ratePerSecond: number; etaSeconds: number | null };
      result: { totals: Record<string, number> } | null;
      error: unknown;
    };
    let lastPrint = 0;
    for (;;) {
      job = (await (await fetch(`${base}/api/v1/jobs/${created.jobId}`, { headers })).json()) as typeof job;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
      if (performance.now() - lastPrint > 15_000) {
        lastPrint = performance.now();
        process.stdout.write(
          `  … ${job.progress.done + job.progress.failed}/${created.estimatedRecords} records, ${job.progress.ratePerSecond}/s, ETA ${job.progress.etaSeconds ?? '?'} s\n`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const jobSeconds = (performance.now() - jobStart) / 1000;
    if (job.status !== 'succeeded') throw new Error(`job ${job.status}: ${JSON.stringify(job.error)}`);
    const totals = job.result?.totals ?? {};
    const lines = [
      `ingest bench: ${RECORDS} Lawson item rows (${(bytes / 1024 / 1024).toFixed(1)} MiB CSV), embedded store, upload job path`,
      `  upload (HTTP → uploadChunks): ${uploadSeconds.toFixed(1)} s, ${(bytes / 1024 / 1024 / uploadSeconds).toFixed(1)} MiB/s`,
      `  job (parse → map → validate → standardise → persist → match): ${jobSeconds.toFixed(1)} s, ${(RECORDS / jobSeconds).toFixed(0)} records/s`,
      `  end to end: ${(RECORDS / (uploadSeconds + jobSeconds)).toFixed(0)} records/s`,
      `  totals: ${JSON.stringify(totals)}`,
      `  peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    clearInterval(sampler);
    memory.stop();
    server.close();
    server.closeAllConnections();
    await running.close();
    if (keptDataDir) await rm(file, { force: true });
    else await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  // fetch reports a socket or timeout failure only as its cause.
  if (error instanceof Error && error.cause !== undefined)
    process.stderr.write(`cause: ${String((error.cause as Error).stack ?? error.cause)}\n`);
  process.exit(1);
});
