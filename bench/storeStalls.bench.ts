/**
 * The embedded store's longest synchronous slices under an ingest-like write stream (issue 14's inline latency,
 * docs/INGEST.md "Inline latency, session 16"): documents of ~1.3 KB (a source record's size) written in batches of
 * 500, then replaced batch by batch, as loads, re-sends and inline requests do. Prints the longest event-loop stalls
 * with what the store did during them (spill-file rewrites, compactions started / finished), and the spill file's size.
 * Then one compaction of the whole store, timed from a `setImmediate` ticker: its longest synchronous slice (the
 * longest gap between two event-loop turns while it runs) and its process CPU (session 17: the freeze in steps).
 * Run: node --import tsx bench/storeStalls.bench.ts [documents=200000] [residentMiB=64] [rounds=2] [indexes=2]
 * (`indexes` 3–6 adds `raw.ITEM`, `standardised.description`, multikey `lineage.rule`, `{ source, round }`.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../server/logger';
import type { Logger } from '../server/logger';
import { DocumentTable } from '../server/store/embedded/documentTable';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { IndexState } from '../server/store/embedded/indexState';
import type { Document, IndexSpec } from '../server/store/types';

const DOCUMENTS = Number(process.argv[2] ?? 200_000);
const RESIDENT_MIB = Number(process.argv[3] ?? 64);
const ROUNDS = Number(process.argv[4] ?? 2);
const INDEXES = Number(process.argv[5] ?? 2);
const BATCH = 500;

function sourceRecord(index: number, round: number): Document {
  return {
    _id: `src_${String(index).padStart(8, '0')}`,
    domain: 'item',
    source: 'lawson',
    sourceKey: `L${index}`,
    round,
    hash: `${index.toString(36)}-${round}`,
    raw: { ITEM: String(200000 + index), DESCRIPTION: `GLOVE NITRILE POWDER FREE MEDIUM ${index} ${round}`, PKG: '100 EA/BX' },
    standardised: {
      description: `glove nitrile powder free medium ${index}`,
      attributes: Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`attribute${k}`, `value ${k} of ${index}`])),
    },
    lineage: Array.from({ length: 6 }, (_, k) => ({
      field: `field${k}`,
      from: `COLUMN_${k}`,
      rule: `rule-${k}`,
      at: '2026-12-05T17:00:00.000Z',
    })),
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-store-stalls-'));
  // The compaction's phase, from its log messages (to say where the longest slices are).
  let phase = 'before the switch';
  const base = createLogger({ level: 'debug', silent: !process.env.BENCH_LOGS });
  const logger: Logger = {
    ...base,
    debug: (message, fields) => {
      if (message.startsWith('store: compaction switched')) phase = 'snapshot';
      if (message.startsWith('store: snapshot written')) phase = 'index image';
      base.debug(message, fields);
    },
    info: (message, fields) => {
      if (message === 'store: compacted') phase = 'after';
      base.info(message, fields);
    },
    child: () => logger,
  };
  const store = await openEmbeddedStore({
    dataDir,
    logger,
    residentText: { characters: RESIDENT_MIB * 1024 * 1024 },
  });
  // The store's maintenance steps, timed (wall and process CPU): which of them makes the long slices.
  const timed: Array<{ name: string; wallMs: number; cpuMs: number }> = [];
  const timeMethod = (target: object, name: string): void => {
    const holder = target as Record<string, (...args: unknown[]) => unknown>;
    const original = holder[name];
    if (typeof original !== 'function') return;
    holder[name] = function (this: unknown, ...args: unknown[]) {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      try {
        return original.apply(this, args);
      } finally {
        const used = process.cpuUsage(cpu);
        const wallMs = performance.now() - wall;
        if (wallMs >= 20 || name === 'frozenEntries' || name === 'image' || name === 'freeze')
          timed.push({ name, wallMs, cpuMs: (used.user + used.system) / 1000 });
      }
    };
  };
  timeMethod(store.resident, 'maybeRewrite');
  timeMethod(store.resident, 'maintenanceStep');
  timeMethod(DocumentTable.prototype, 'frozenEntries');
  timeMethod(IndexState.prototype, 'image');
  timeMethod(DocumentTable.prototype, 'freeze');
  timeMethod(store.resident, 'afterGrowth');
  const records = store.collection('sourceRecords');
  const specs: IndexSpec[] = [
    { keys: { sourceKey: 1 } },
    { keys: { domain: 1, hash: 1 } },
    { keys: { 'raw.ITEM': 1 } },
    { keys: { 'standardised.description': 1 } },
    { keys: { 'lineage.rule': 1 } },
    { keys: { source: 1, round: 1 } },
  ];
  await records.createIndexes(specs.slice(0, INDEXES));
  const stalls: Array<{ millis: number; batch: string; rewrites: number; compactionsDone: number }> = [];
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  // A steady 'request' beside the writes: the event loop's delay is what an inline request would wait.
  for (let round = 0; round < ROUNDS; round++) {
    for (let first = 0; first < DOCUMENTS; first += BATCH) {
      const rewritesBefore = store.resident.rewrites;
      const compactionsBefore = store.compactions;
      delay.reset();
      delay.enable();
      const batch = Array.from({ length: Math.min(BATCH, DOCUMENTS - first) }, (_, i) => sourceRecord(first + i, round));
      if (round === 0) await records.insertMany(batch);
      else await Promise.all(batch.map((doc) => records.replaceOne({ _id: doc._id }, doc)));
      await new Promise((resolve) => setTimeout(resolve, 1));
      delay.disable();
      stalls.push({
        millis: delay.max / 1e6,
        batch: `round ${round} batch ${first / BATCH}`,
        rewrites: store.resident.rewrites - rewritesBefore,
        compactionsDone: store.compactions - compactionsBefore,
      });
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  // A compaction: its synchronous part is the frozen copy (frozenEntries) and the index images (image), timed above.
  delay.reset();
  delay.enable();
  const compactionStarted = performance.now();
  // The longest synchronous slice: the longest gap between two turns of a ticker that runs on every turn.
  let longestSlice = 0;
  let slices = 0;
  let lastTurn = performance.now();
  let lastCpu = process.cpuUsage();
  // Process CPU between two turns (the machine is shared: wall gaps include time the process was not running).
  const cpuSlices: Array<{ cpuMs: number; wallMs: number; phase: string }> = [];
  let isTicking = true;
  const tick = (): void => {
    const now = performance.now();
    const cpuNow = process.cpuUsage();
    const cpuMs = (cpuNow.user - lastCpu.user + cpuNow.system - lastCpu.system) / 1000;
    longestSlice = Math.max(longestSlice, now - lastTurn);
    if (cpuMs >= 5) cpuSlices.push({ cpuMs, wallMs: now - lastTurn, phase });
    slices += 1;
    lastTurn = now;
    lastCpu = cpuNow;
    if (isTicking) setImmediate(tick);
  };
  setImmediate(tick);
  const compactionCpu = process.cpuUsage();
  await store.compact();
  const compactionUsed = process.cpuUsage(compactionCpu);
  isTicking = false;
  delay.disable();
  const topSlices = cpuSlices
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 5)
    .map((slice) => `${slice.cpuMs.toFixed(0)} / ${slice.wallMs.toFixed(0)} (${slice.phase})`)
    .join('; ');
  const compactionSlicesLine = `  compaction's longest slices by process CPU (ms CPU / wall, phase): ${topSlices}`;
  const compactionLine = `  compaction of ${DOCUMENTS} documents, ${INDEXES} indexes: ${(performance.now() - compactionStarted).toFixed(0)} ms wall, ${((compactionUsed.user + compactionUsed.system) / 1000).toFixed(0)} ms process CPU; longest synchronous slice ${longestSlice.toFixed(1)} ms over ${slices} event-loop turns; longest stall ${(delay.max / 1e6).toFixed(0)} ms`;
  const slowest = [...stalls].sort((a, b) => b.millis - a.millis).slice(0, 8);
  const lines = [
    `store stalls: ${DOCUMENTS} documents × ${ROUNDS} rounds, ${INDEXES} indexes, resident budget ${RESIDENT_MIB} MiB; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `  wall ${((performance.now() - started) / 1000).toFixed(1)} s, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; spill-file rewrites ${store.resident.rewrites}, compactions ${store.compactions}, spill file ${(store.resident.spillFileBytes / 1048576).toFixed(0)} MiB, spilled documents ${store.resident.spilledDocuments}`,
    `  longest event-loop stalls (ms): ${slowest.map((s) => `${s.millis.toFixed(0)} (${s.batch}${s.rewrites ? `, ${s.rewrites} rewrite` : ''}${s.compactionsDone ? `, ${s.compactionsDone} compaction done` : ''})`).join('; ')}`,
    `  store steps (longest by process CPU, ms CPU / wall; calls timed over 20 ms wall): ${[...new Set(timed.map((t) => t.name))]
      .map((name) => {
        const calls = timed.filter((t) => t.name === name).sort((a, b) => b.cpuMs - a.cpuMs);
        const top = calls
          .slice(0, 3)
          .map((t) => `${t.cpuMs.toFixed(0)} / ${t.wallMs.toFixed(0)}`)
          .join(', ');
        return `${name} × ${calls.length}: ${top} (CPU of all ${calls.reduce((sum, t) => sum + t.cpuMs, 0).toFixed(0)})`;
      })
      .join('; ')}`,
    compactionLine,
    compactionSlicesLine,
    `  median stall ${[...stalls].sort((a, b) => a.millis - b.millis)[Math.floor(stalls.length / 2)]?.millis.toFixed(0)} ms over ${stalls.length} batches`,
  ];
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
