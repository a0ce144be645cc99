/**
 * The spill file's maintenance in bounded background steps (documentTable.ts, docs/INGEST.md "Inline latency,
 * session 16"): a rewrite copies the live documents in several steps while reads and writes go on between them and
 * see every document exactly; the previous file is closed once the copy is done; a write over the budget keeps the
 * budget at once and the rest of the spill down to three quarters of it completes in background steps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Document } from '../../server/store/types';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const KIB = 1024;
/** 64 KiB of text in memory, a rewrite once 256 KiB are dead: a rewrite copies several MiB, more than one step's 2 MiB. */
const BUDGET = 64 * KIB;

async function open(budget = BUDGET): Promise<EmbeddedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-maintenance-'));
  const store = await openEmbeddedStore({
    dataDir,
    logger: createLogger({ silent: true }),
    restoreIndexesInBackground: false,
    residentText: { characters: budget, minRewriteDeadBytes: 256 * KIB },
  });
  cleanups.push(async () => {
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

/** ~4 KB documents; `version` changes every byte count so stale text could not pass for current text. */
function record(index: number, version: number): Document {
  return {
    _id: `rec-${String(index).padStart(5, '0')}`,
    group: index % 7,
    version,
    body: `${version}:${index}:`.padEnd(4000 + (version % 3), 'x'),
  };
}

describe('embedded store: spill-file maintenance in background steps', () => {
  it('a rewrite copies in several steps; reads between the steps and after it see every document as last written', async () => {
    const store = await open();
    const records = store.collection('records');
    await records.createIndexes([{ keys: { group: 1 } }]);
    const count = 2500;
    const latest = new Map<string, Document>();
    for (let first = 0; first < count; first += 250) {
      const batch = Array.from({ length: 250 }, (_, i) => record(first + i, 0));
      await records.insertMany(batch);
      for (const doc of batch) latest.set(doc._id, doc);
    }
    expect(store.resident.spilledDocuments).toBeGreaterThan(2000);

    // Replace every document, a batch at a time, and check reads on every event-loop turn while a rewrite is copying.
    const stepsBefore = store.resident.maintenanceSteps;
    let readsDuringRewrite = 0;
    let turnsRewriting = 0;
    for (let version = 1; version <= 2; version++)
      for (let first = 0; first < count; first += 250) {
        const batch = Array.from({ length: 250 }, (_, i) => record(first + i, version));
        let isWritten = false;
        const written = Promise.all(batch.map((doc) => records.replaceOne({ _id: doc._id }, doc))).then(() => (isWritten = true));
        for (const doc of batch) latest.set(doc._id, doc);
        while (!isWritten || store.resident.isRewriting) {
          await nextTurn();
          if (!store.resident.isRewriting) continue;
          turnsRewriting += 1;
          const probe = `rec-${String((turnsRewriting * 97) % count).padStart(5, '0')}`;
          // A document read while a rewrite is copying: from the previous file, or from the new one once copied.
          const found = await records.findOne({ _id: probe });
          if (isWritten || !batch.some((doc) => doc._id === probe)) {
            expect(found).toEqual(latest.get(probe));
            readsDuringRewrite += 1;
          }
        }
        await written;
      }
    expect(store.resident.rewrites).toBeGreaterThan(0);
    expect(turnsRewriting).toBeGreaterThan(1);
    expect(readsDuringRewrite).toBeGreaterThan(0);
    expect(store.resident.maintenanceSteps - stepsBefore).toBeGreaterThan(store.resident.rewrites);
    // Every copy finished: no previous spill file is left open, and every document reads back as last written.
    expect(store.resident.isRewriting).toBe(false);
    expect(store.resident.previousSpillFilesOpen).toBe(0);
    const all = await records.find({}, { sort: { _id: 1 } });
    expect(all).toEqual([...latest.values()].sort((a, b) => (a._id < b._id ? -1 : 1)));
    expect(await records.countDocuments({ group: 3 })).toBe([...latest.values()].filter((doc) => doc.group === 3).length);

    // A compaction after the rewrites keeps every document.
    await store.compact();
    expect(await records.find({}, { sort: { _id: 1 } })).toEqual(all);
  });

  it('a write over the budget keeps the budget at once; background steps then spill down to three quarters of it', async () => {
    // 8 MiB: the write that crosses it spills 1 MiB at once, the rest down to 6 MiB only in background steps.
    const budget = 8 * KIB * KIB;
    const store = await open(budget);
    const records = store.collection('records');
    await records.insertMany(Array.from({ length: 2000 }, (_, i) => record(i, 0)));
    expect(store.resident.spilledDocuments).toBe(0);
    const stepsBefore = store.resident.maintenanceSteps;
    await records.insertMany(Array.from({ length: 200 }, (_, i) => record(5000 + i, 0)));
    expect(store.resident.residentCharacters).toBeLessThanOrEqual(budget);
    for (let turn = 0; turn < 50 && store.resident.residentCharacters > budget * 0.75; turn++) await nextTurn();
    expect(store.resident.residentCharacters).toBeLessThanOrEqual(budget * 0.75);
    expect(store.resident.maintenanceSteps).toBeGreaterThan(stepsBefore);
    expect(store.resident.spilledDocuments).toBeGreaterThan(400);
    expect(await records.countDocuments({})).toBe(2200);
    expect(await records.findOne({ _id: 'rec-00003' })).toEqual(record(3, 0));
    expect(await records.findOne({ _id: 'rec-05199' })).toEqual(record(5199, 0));
  });
});
