/**
 * Embedded-store benchmark at realistic scale (default 1M item-like documents of ~1 KB).
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/store.bench.ts [--docs N] [--dir bench/.data/store] [--pages N]
 *
 * Prints a table: insert throughput (insertMany batches, insertOne with group commit), indexed
 * lookups, filtered queries, compaction, and start-up time from a long log and from a snapshot.
 * Data lives under bench/.data/ (git-ignored) and is deleted at the start of each run.
 */
import { rmSync, statSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger } from '../server/logger';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../server/store/embedded/embeddedStore';
import { present } from '../server/invariant';
import { createStoreItems, WORDS } from './generators/storeItems';

const args = process.argv.slice(2);
const argument = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? present(args[at + 1], 'args[at + 1]') : fallback;
};
const totalDocs = Number(argument('docs', '1000000'));
const rangePages = Number(argument('pages', '200'));
const dataDir = resolve(argument('dir', 'bench/.data/store'));
const logger = createLogger({ silent: true });
const rows: Array<{ measure: string; value: string; detail: string }> = [];

// Deterministic item documents (bench/generators/storeItems.ts, shared with the start-up bench) so runs are comparable.
const { makeItem, random, pick, manufacturers: MANUFACTURERS, unspsc: UNSPSC } = createStoreItems(42);

function record(measure: string, value: string, detail = ''): void {
  rows.push({ measure, value, detail });
  console.log(`  ${measure}: ${value} ${detail}`);
}

/** Memory after a full GC when run with --expose-gc (otherwise heapUsed includes garbage not yet collected). */
function liveMemory(): NodeJS.MemoryUsage {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) collect();
  return process.memoryUsage();
}

const rate = (count: number, ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const dirBytes = (): number => readdirSync(dataDir).reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);

/** Wall time plus this process's CPU time: the machine is shared, so CPU time is the load-independent figure. */
async function timed<R>(work: () => Promise<R>): Promise<{ ms: number; cpuMs: number; result: R }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStarted);
  return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

const cpuNote = (measured: { ms: number; cpuMs: number }): string =>
  `(CPU ${(measured.cpuMs / 1000).toFixed(1)} s of ${(measured.ms / 1000).toFixed(1)} s wall)`;

async function openForBench(): Promise<EmbeddedStore> {
  // Compaction only on demand, so the "long log" start-up measures a log holding every insert.
  return openEmbeddedStore({ dataDir, logger, compaction: { minLogBytes: Number.MAX_SAFE_INTEGER } });
}

/** Load and query phase; returns nothing so the loaded store can be collected before the restarts. */
async function loadAndQuery(): Promise<void> {
  const store = await openForBench();
  const items = store.collection('items');
  await items.createIndexes([
    { keys: { gtin: 1 }, unique: true },
    { keys: { manufacturerId: 1 } },
    { keys: { status: 1, unspsc: 1 } },
    { keys: { status: 1, _id: 1 } },
  ]);
  const sampleSize = JSON.stringify(makeItem(0)).length;

  const batch = 1000;
  const insertMany = await timed(async () => {
    for (let start = 0; start < totalDocs; start += batch) {
      const docs = Array.from({ length: Math.min(batch, totalDocs - start) }, (_, k) => makeItem(start + k));
      await items.insertMany(docs);
    }
  });
  record('insertMany (batches of 1000, 4 indexes)', rate(totalDocs, insertMany.ms), `~${sampleSize} B/doc ${cpuNote(insertMany)}`);

  const singles = store.collection('singles');
  const sequential = 500;
  const oneByOne = await timed(async () => {
    for (let n = 0; n < sequential; n++) await singles.insertOne({ ...makeItem(n), _id: `seq-${n}` });
  });
  record(
    'insertOne, one at a time (fsync each)',
    rate(sequential, oneByOne.ms),
    `${(oneByOne.ms / sequential).toFixed(2)} ms/write ${cpuNote(oneByOne)}`,
  );
  const concurrent = 50_000;
  const inFlight = 256;
  const fsyncsBefore = store.fsyncCount;
  const groupCommit = await timed(async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < concurrent) {
          const n = next++;
          await singles.insertOne({ ...makeItem(n), _id: `par-${n}` });
        }
      }),
    );
  });
  record(
    `insertOne, ${inFlight} concurrent (group commit)`,
    rate(concurrent, groupCommit.ms),
    `${concurrent} writes shared ${store.fsyncCount - fsyncsBefore} fsyncs ${cpuNote(groupCommit)}`,
  );

  const lookups = 100_000;
  const byUnique = await timed(async () => {
    let found = 0;
    for (let k = 0; k < lookups; k++) {
      const n = Math.floor(random() * totalDocs);
      if (await items.findOne({ gtin: `0${String(10_000_000_000_000 + n).padStart(13, '0')}` })) found++;
    }
    return found;
  });
  record('findOne by unique key (gtin)', rate(lookups, byUnique.ms), `${byUnique.result} found ${cpuNote(byUnique)}`);
  const byId = await timed(async () => {
    for (let k = 0; k < lookups; k++) await items.findOne({ _id: `item-${String(Math.floor(random() * totalDocs)).padStart(8, '0')}` });
  });
  record('findOne by _id', rate(lookups, byId.ms), cpuNote(byId));
  const bySecondary = await timed(async () => {
    for (let k = 0; k < lookups; k++) await items.findOne({ manufacturerId: pick(MANUFACTURERS).id });
  });
  record(
    'findOne by secondary index (manufacturerId)',
    rate(lookups, bySecondary.ms),
    `~${Math.round(totalDocs / MANUFACTURERS.length)} docs per key ${cpuNote(bySecondary)}`,
  );

  const queries = 2000;
  const indexedQuery = await timed(async () => {
    let returned = 0;
    for (let k = 0; k < queries; k++)
      returned += (await items.find({ status: 'active', unspsc: pick(UNSPSC), 'attributes.sterile': true }, { limit: 20 })).length;
    return returned;
  });
  record(
    'find indexed prefix + extra condition, limit 20',
    rate(queries, indexedQuery.ms),
    `avg ${(indexedQuery.result / queries).toFixed(1)} results ${cpuNote(indexedQuery)}`,
  );
  const unindexedCommon = await timed(async () => {
    let returned = 0;
    for (let k = 0; k < queries; k++)
      returned += (await items.find({ 'attributes.latexFree': true, description: { $regex: pick(WORDS) } }, { limit: 20 })).length;
    return returned;
  });
  record(
    'find non-indexed (common match), limit 20',
    rate(queries, unindexedCommon.ms),
    `avg ${(unindexedCommon.result / queries).toFixed(1)} results ${cpuNote(unindexedCommon)}`,
  );
  const fullScans = 3;
  const unindexedRare = await timed(async () => {
    let returned = 0;
    for (let k = 0; k < fullScans; k++)
      returned += (await items.find({ qtyOnHand: { $gt: 99_990 }, 'vendorItems.price': { $lt: 100 } }, { limit: 20 })).length;
    return returned;
  });
  record(
    'find non-indexed (rare match: full scan), limit 20',
    `${(unindexedRare.ms / fullScans).toFixed(0)} ms/query`,
    `${totalDocs.toLocaleString('en-US')} docs scanned, CPU ${(unindexedRare.cpuMs / fullScans).toFixed(0)} ms/query`,
  );
  const sorted = await timed(async () => items.find({ status: 'inactive' }, { sort: { qtyOnHand: -1 }, limit: 50 }));
  record(
    'find sorted top-50 over a non-indexed sort key',
    `${sorted.ms.toFixed(0)} ms/query`,
    `over ~${Math.round(totalDocs / 5).toLocaleString('en-US')} candidates, CPU ${sorted.cpuMs.toFixed(0)} ms`,
  );

  const idAt = (n: number): string => `item-${String(n).padStart(8, '0')}`;
  const cursorPages = await timed(async () => {
    let returned = 0;
    for (let k = 0; k < rangePages; k++) {
      const page = await items.find(
        { status: 'active', _id: { $gt: idAt(Math.floor(random() * totalDocs)) } },
        { sort: { _id: 1 }, limit: 50 },
      );
      returned += page.length;
    }
    return returned;
  });
  record(
    'cursor page { status, _id > cursor } sorted by _id, limit 50',
    `${(cursorPages.ms / rangePages).toFixed(2)} ms/page`,
    `${rangePages} pages, avg ${(cursorPages.result / rangePages).toFixed(1)} docs; CPU ${(cursorPages.cpuMs / rangePages).toFixed(2)} ms/page, index { status: 1, _id: 1 }`,
  );
  const idPages = await timed(async () => {
    for (let k = 0; k < rangePages; k++)
      await items.find({ _id: { $lt: idAt(Math.floor(random() * totalDocs)) } }, { sort: { _id: -1 }, limit: 50 });
  });
  record(
    '_id range page { _id < cursor } sorted by _id desc, limit 50',
    `${(idPages.ms / rangePages).toFixed(2)} ms/page`,
    `${rangePages} pages; CPU ${(idPages.cpuMs / rangePages).toFixed(2)} ms/page`,
  );
  const gtinRanges = await timed(async () => {
    let returned = 0;
    for (let k = 0; k < rangePages; k++) {
      const from = Math.floor(random() * (totalDocs - 100));
      returned += await items.countDocuments({
        gtin: {
          $gte: `0${String(10_000_000_000_000 + from).padStart(13, '0')}`,
          $lt: `0${String(10_000_000_000_000 + from + 100).padStart(13, '0')}`,
        },
      });
    }
    return returned;
  });
  record(
    'range count on the unique gtin index (100 docs)',
    `${(gtinRanges.ms / rangePages).toFixed(2)} ms/query`,
    `avg ${(gtinRanges.result / rangePages).toFixed(1)} docs; CPU ${(gtinRanges.cpuMs / rangePages).toFixed(2)} ms/query`,
  );

  const memory = liveMemory();
  record('memory after load', `heap ${mib(memory.heapUsed)}, rss ${mib(memory.rss)}`);
  await store.close();
}

async function main(): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `store benchmark: ${totalDocs.toLocaleString('en-US')} documents in ${dataDir}, load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
  await loadAndQuery();
  const logBytes = dirBytes();
  const fromLog = await timed(() => openForBench());
  let store = fromLog.result;
  const recovered = liveMemory();
  record('memory after start-up (store only)', `heap ${mib(recovered.heapUsed)}, rss ${mib(recovered.rss)}`);
  record(
    'start-up from long log (replay + index build)',
    `${(fromLog.ms / 1000).toFixed(1)} s`,
    `${mib(logBytes)} of log, ${store.recoveryReport.documents.toLocaleString('en-US')} docs ${cpuNote(fromLog)}`,
  );
  const compaction = await timed(() => store.compact());
  record('compaction (snapshot + fresh log)', `${(compaction.ms / 1000).toFixed(1)} s`, cpuNote(compaction));
  const snapshotBytes = dirBytes();
  await store.close();
  const fromSnapshot = await timed(() => openForBench());
  store = fromSnapshot.result;
  record(
    'start-up from snapshot (load + index build)',
    `${(fromSnapshot.ms / 1000).toFixed(1)} s`,
    `${mib(snapshotBytes)} on disk ${cpuNote(fromSnapshot)}`,
  );
  await store.close();

  console.log(
    `\nload average at the end: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} (2 cores)`,
  );
  console.log('\n| measure | value | detail |\n|---|---|---|');
  for (const row of rows) console.log(`| ${row.measure} | ${row.value} | ${row.detail} |`);
}

await main();
