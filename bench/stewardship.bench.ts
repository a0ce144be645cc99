/**
 * Stewardship benchmark on the embedded store. Prints figures; asserts nothing (machines are noisy).
 *   node --import tsx bench/stewardship.bench.ts --tasks 20000
 * (1) inbox pages: listTasks (-priority, and domain+source filtered by createdAt) following cursors: p50/p95 per page.
 * (2) countTasks over every open task (one streamed pass).
 * (3) closeObsoleteTasks for one changed golden record (the call after every golden write): p50/p95, no-op and closing.
 * (4) syncTasks over change-feed entries: entries/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureCollections } from '../server/db/collections';
import { appendChange } from '../server/golden/changeFeed';
import { GOLDEN_RECORDS, SOURCE_RECORDS, type GoldenRecordDocument, type SourceRecordDocument } from '../server/golden';
import { TASKS } from '../server/stewardship/collections';
import { createLogger } from '../server/logger';
import { changeSequencer } from '../server/golden/changeSequencer';
import { ProcessorRunner } from '../server/processors';
import type { AppServices } from '../server/services';
import {
  closeObsoleteTasks,
  countTasks,
  exceptionTasksProcessor,
  listTasks,
  syncTasks,
  taskSyncProcessor,
  type TaskDocument,
} from '../server/stewardship';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { present } from '../server/invariant';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const taskCount = option('tasks', 20_000);
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const summary = (samples: number[]): string => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (${samples.length} samples)`;
};
const DOMAINS = ['item', 'supplier', 'facility', 'account'];
const SOURCES = ['sap', 'lawson', 'peoplesoft', 'ehr', 'workday'];

const dataDir = mkdtempSync(join(tmpdir(), 'mdm-stewardship-bench-'));
const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
const services = { store } as { store: typeof store; processors: ProcessorRunner };
// The task-sync processors and the sequencer, run on demand by syncTasks (no timers started).
services.processors = new ProcessorRunner({ services: { store, logger: createLogger({ silent: true }) } as unknown as AppServices });
for (const processor of [changeSequencer, taskSyncProcessor, exceptionTasksProcessor]) services.processors.register(processor);
await ensureCollections(store);

// Tasks whose subject record and candidate golden exist, so obsolete checks read real documents.
const base = Date.parse('2026-11-01T00:00:00.000Z');
const load = performance.now();
for (let offset = 0; offset < taskCount; offset += 1000) {
  const tasks: TaskDocument[] = [];
  const goldens: GoldenRecordDocument[] = [];
  const records: SourceRecordDocument[] = [];
  for (let i = offset; i < Math.min(taskCount, offset + 1000); i++) {
    const domain = present(DOMAINS[i % DOMAINS.length], 'a domain');
    const source = present(SOURCES[i % SOURCES.length], 'a source');
    const at = new Date(base + i * 60_000).toISOString();
    const recordId = `${domain}|${source}|R${i}`;
    const ownGolden = `${domain}-own-${i}`;
    const candidate = `${domain}-cand-${i}`;
    const score = 0.55 + ((i * 7919) % 3000) / 10_000;
    for (const id of [ownGolden, candidate]) {
      goldens.push({
        _id: id,
        domain,
        status: 'active',
        version: 1,
        attributes: {},
        lineage: {},
        sourceRecordIds: id === ownGolden ? [recordId] : [`${domain}|x|C${i}`],
        overrides: {},
        createdAt: at,
        updatedAt: at,
      });
    }
    records.push({
      _id: recordId,
      domain,
      source,
      sourceId: `R${i}`,
      goldenId: ownGolden,
      raw: {},
      canonical: {},
      payloadHash: '',
      mappingVersion: 1,
      schemaVersion: '1',
      receivedAt: at,
      updatedAt: at,
      version: 1,
    });
    tasks.push({
      _id: `task_${String(i).padStart(8, '0')}`,
      type: 'potential-match',
      domain,
      source,
      status: 'open',
      version: 1,
      priority: Math.round(score * 100),
      subject: { sourceRecordId: recordId, goldenId: ownGolden },
      candidates: [{ goldenId: candidate, score, band: 'review', explanation: {} }],
      score,
      band: 'review',
      comments: [],
      history: [{ at, by: 'system', action: 'opened' }],
      createdAt: at,
      updatedAt: at,
    });
  }
  await store.withTransaction(async (session) => {
    await store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).insertMany(goldens, { session });
    await store.collection<SourceRecordDocument>(SOURCE_RECORDS).insertMany(records, { session });
    await store.collection<TaskDocument>(TASKS).insertMany(tasks, { session });
  });
}
console.log(`loaded ${taskCount} open tasks (+${taskCount * 2} golden records) in ${((performance.now() - load) / 1000).toFixed(1)} s`);

// (1) Inbox pages.
for (const [label, query] of [
  ['sort=-priority', { sort: '-priority' as const, limit: 50 }],
  ['domain=item&source=sap&sort=createdAt', { domain: 'item', source: 'sap', sort: 'createdAt' as const, limit: 50 }],
] as const) {
  const samples: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const started = performance.now();
    const result = await listTasks(services, { ...query, cursor });
    samples.push(performance.now() - started);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  console.log(`(1) listTasks ${label}, 50 per page: ${summary(samples)}`);
}

// (2) Counts.
{
  const started = performance.now();
  const counts = await countTasks(services, {});
  console.log(`(2) countTasks over ${counts.total} open tasks: ${(performance.now() - started).toFixed(0)} ms`);
}

// (3) closeObsoleteTasks per changed golden record.
{
  const noop: number[] = [];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    await closeObsoleteTasks({ store, goldenIds: [`${DOMAINS[i % 4]}-cand-${i}`] });
    noop.push(performance.now() - started);
  }
  console.log(`(3a) closeObsoleteTasks, task still applies (no write): ${summary(noop)}`);
  const closing: number[] = [];
  for (let i = 500; i < 1000; i++) {
    const candidate = `${DOMAINS[i % 4]}-cand-${i}`;
    await store
      .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
      .updateOne({ _id: candidate }, { $set: { status: 'retired', mergedInto: `${DOMAINS[i % 4]}-own-${i}` } });
    const started = performance.now();
    const closed = await closeObsoleteTasks({ store, goldenIds: [candidate] });
    closing.push(performance.now() - started);
    if (closed.length !== 1) throw new Error(`expected one closed task for ${candidate}`);
  }
  console.log(`(3b) closeObsoleteTasks, candidate retired (close + audit, one commit): ${summary(closing)}`);
}

// (4) The processor over the change feed.
{
  await syncTasks(services);
  const entries = 2000;
  for (let i = 0; i < entries; i++) {
    const domain = present(DOMAINS[i % DOMAINS.length], 'a domain');
    await appendChange({ store, domain, goldenId: `${domain}-own-${2000 + i}`, type: 'updated', version: 2, at: new Date().toISOString() });
  }
  const started = performance.now();
  const result = await syncTasks(services);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `(4) syncTasks: ${result.changes} change-feed entries in ${seconds.toFixed(2)} s = ${Math.round(result.changes / seconds)} entries/s (closed ${result.closed}, opened ${result.opened})`,
  );
}

await store.close();
rmSync(dataDir, { recursive: true, force: true });
