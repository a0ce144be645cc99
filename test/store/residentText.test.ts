/**
 * Documents spilled beyond the resident-text budget (documentTable.ts): the same answers as a store that keeps
 * everything in memory, across updates, deletes, compaction, spill-file rewrites and a restart; memory holds at
 * most the budget (plus one document) of text; the setting is validated.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { residentTextBudget, StoreSettingError } from '../../server/store/embedded/documentTable';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore, EmbeddedStoreOptions } from '../../server/store/embedded/embeddedStore';
import type { Document } from '../../server/store/types';
import { present } from '../../server/invariant';

const silent = createLogger({ silent: true });
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-resident-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

async function open(dataDir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore({ dataDir, logger: silent, restoreIndexesInBackground: false, ...extra });
  cleanups.unshift(() => store.close().catch(() => undefined));
  return store;
}

const SPILLING = { residentText: { characters: 4000, minRewriteDeadBytes: 8000 } };
const ALL_RESIDENT = { residentText: { characters: undefined } };

function item(i: number, round: number): Document {
  return {
    _id: `item-${String(i).padStart(4, '0')}`,
    domain: i % 3 === 0 ? 'supplier' : 'item',
    code: `C${i % 17}`,
    round,
    // Non-ASCII text: positions are in UTF-8 bytes, lengths in characters.
    description: `Kanüle ${i} — ${'x'.repeat(i % 50)} 注射針`,
  };
}

/** The same writes on any store: inserts, updates (some spilled documents), deletes, a transaction. */
async function workload(store: EmbeddedStore, rounds: { from: number; to: number }): Promise<void> {
  const items = store.collection('items');
  await items.createIndexes([{ keys: { domain: 1, code: 1 } }]);
  for (let round = rounds.from; round < rounds.to; round++) {
    await items.insertMany(Array.from({ length: 60 }, (_, i) => item(round * 60 + i, round)));
    await items.updateMany({ code: `C${round % 17}` }, { $set: { touchedIn: round } });
    // Every older document replaced: most spilled bytes die, so the spill file is rewritten.
    await items.updateMany({ round: { $lt: round } }, { $set: { lastRound: round } });
    await items.deleteMany({ domain: 'supplier', round: round - 1 });
    await store.withTransaction(async (session) => {
      await items.updateOne({ _id: 'item-0001' }, { $inc: { counter: 1 } }, { session });
      await items.insertOne({ ...item(10_000 + round, round), _id: `tx-${round}` }, { session });
    });
  }
}

async function everything(store: EmbeddedStore): Promise<unknown> {
  const items = store.collection('items');
  return {
    all: await items.find({}, { sort: { _id: 1 } }),
    byIndex: await items.find({ domain: 'item', code: { $in: ['C1', 'C5'] } }, { sort: { _id: -1 } }),
    scanned: await items.find({ description: { $regex: '— x{40}' } }, { sort: { _id: 1 } }),
    count: await items.countDocuments({ domain: 'supplier' }),
    distinct: await items.distinct('touchedIn'),
  };
}

describe('embedded store: document text beyond the resident budget', () => {
  it('answers exactly as a store holding every document in memory, across compaction, rewrites and a restart', async () => {
    const plainDir = tempDir();
    const spillDir = tempDir();
    const plain = await open(plainDir, ALL_RESIDENT);
    const spilled = await open(spillDir, SPILLING);
    await workload(plain, { from: 0, to: 12 });
    await workload(spilled, { from: 0, to: 12 });
    expect(spilled.resident.spilledDocuments).toBeGreaterThan(200);
    expect(spilled.resident.rewrites).toBeGreaterThan(0);
    // At most the budget, plus the one document whose write went over it.
    expect(spilled.resident.residentCharacters).toBeLessThanOrEqual(4000 + 200);
    expect(await everything(spilled)).toEqual(await everything(plain));

    await spilled.compact();
    await plain.compact();
    await workload(spilled, { from: 12, to: 14 });
    await workload(plain, { from: 12, to: 14 });
    expect(await everything(spilled)).toEqual(await everything(plain));

    await spilled.close();
    // The spill file is unlinked when opened: nothing of it stays in the directory.
    expect(readdirSync(spillDir).filter((name) => name.includes('spill'))).toEqual([]);
    const reopened = await open(spillDir, SPILLING);
    expect(reopened.resident.spilledDocuments).toBeGreaterThan(200);
    expect(await everything(reopened)).toEqual(await everything(plain));
  });

  it('a start-up leaves spilled documents where the snapshot holds them, through replacement, compaction and a second restart', async () => {
    const plainDir = tempDir();
    const spillDir = tempDir();
    const plain = await open(plainDir, ALL_RESIDENT);
    const first = await open(spillDir, SPILLING);
    for (const store of [plain, first]) {
      await workload(store, { from: 0, to: 8 });
      await store.compact();
    }
    await first.close();

    const reopened = await open(spillDir, { ...SPILLING, restoreIndexesInBackground: true });
    // Nothing copied or decoded at start-up: every document is read from the snapshot until the newest part is loaded
    // into memory after start-up (in the background); then memory holds it, within the budget, as a start-up that
    // decoded it would have.
    expect(reopened.resident.spillFileBytes).toBe(0);
    expect(reopened.resident.residentCharacters).toBe(0);
    const heldAtStart = reopened.resident.fromSnapshot.documents;
    await reopened.residentTextLoaded;
    expect(reopened.resident.spillFileBytes).toBe(0);
    expect(reopened.resident.fromSnapshot.documents).toBeGreaterThan(200);
    expect(reopened.resident.fromSnapshot.documents).toBeLessThan(heldAtStart);
    expect(reopened.resident.fromSnapshot.openFiles).toBe(1);
    expect(reopened.resident.residentCharacters).toBeLessThanOrEqual(4000);
    expect(reopened.resident.residentCharacters).toBeGreaterThan(0);
    expect(await everything(reopened)).toEqual(await everything(plain));

    // A compaction that runs while snapshot-held documents are replaced: the old snapshot is deleted from the
    // directory, its open descriptor still serves the frozen positions.
    const compaction = reopened.compact();
    for (const store of [reopened, plain]) await store.collection('items').updateMany({ round: { $lt: 4 } }, { $set: { early: true } });
    await compaction;
    expect(await everything(reopened)).toEqual(await everything(plain));

    // Once every document read from it is replaced or deleted, the snapshot file is closed.
    for (const store of [reopened, plain]) {
      await store.collection('items').updateMany({}, { $set: { everyone: true } });
      await store.collection('items').deleteMany({ round: 7 });
    }
    expect(reopened.resident.fromSnapshot).toEqual({ documents: 0, openFiles: 0 });
    expect(await everything(reopened)).toEqual(await everything(plain));
    await workload(reopened, { from: 8, to: 10 });
    await workload(plain, { from: 8, to: 10 });
    await reopened.compact();
    await reopened.close();

    const again = await open(spillDir, SPILLING);
    expect(await everything(again)).toEqual(await everything(plain));
    // Lengths without reading the text agree with the text (characters, not UTF-8 bytes: the documents are not ASCII).
    const table = again.view('items').state.docs;
    for (const id of table.keys()) expect(table.lengthOf(id)).toBe(present(table.get(id), id).length);
    await again.close();

    // Without the index image the indexes are rebuilt by reading every document, most of them from the snapshot.
    for (const name of readdirSync(spillDir).filter((file) => file.startsWith('indexes-'))) rmSync(join(spillDir, name));
    const rebuilt = await open(spillDir, SPILLING);
    expect(rebuilt.resident.fromSnapshot.documents).toBeGreaterThan(200);
    expect(await everything(rebuilt)).toEqual(await everything(plain));
  });

  it('the newest part of the snapshot, read before and after it is loaded into memory, with writes in between and a log tail', async () => {
    const plainDir = tempDir();
    const spillDir = tempDir();
    const plain = await open(plainDir, ALL_RESIDENT);
    const first = await open(spillDir, SPILLING);
    for (const store of [plain, first]) {
      await workload(store, { from: 0, to: 8 });
      await store.compact();
      // A log tail over a dozen round-7 documents: replayed at start-up, it wins over the snapshot, and it takes part of
      // the budget, so only the newest half of the snapshot's newest part fits in memory beside it.
      await store.collection('items').updateMany({ round: 7, _id: { $lte: 'item-0431' } }, { $set: { tail: 'log' } });
    }
    await first.close();

    const reopened = await open(spillDir, { ...SPILLING, restoreIndexesInBackground: true });
    const items = reopened.collection('items');
    const expectedItems = plain.collection('items');
    const table = reopened.view('items').state.docs;
    // Before the load, the newest documents (round 7, the last inserted) are read from the snapshot, or the log tail.
    expect(table.isResident('item-0478')).toBe(false);
    const newest = await items.find({ round: 7 }, { sort: { _id: 1 } });
    expect(newest.length).toBeGreaterThan(30);
    expect(newest).toEqual(await expectedItems.find({ round: 7 }, { sort: { _id: 1 } }));
    expect(await items.findOne({ _id: 'item-0425' })).toMatchObject({ tail: 'log' });
    // Writes before the load reaches them: the load must not put the snapshot's older text back.
    for (const store of [reopened, plain]) {
      await store.collection('items').updateOne({ _id: 'item-0476' }, { $set: { replacedBeforeLoad: true } });
      await store.collection('items').deleteOne({ _id: 'item-0477' });
    }
    await reopened.residentTextLoaded;
    expect(reopened.resident.residentCharacters).toBeGreaterThan(0);
    expect(reopened.resident.residentCharacters).toBeLessThanOrEqual(4000);
    expect(await items.findOne({ _id: 'item-0476' })).toMatchObject({ replacedBeforeLoad: true });
    expect(await items.findOne({ _id: 'item-0477' })).toBeNull();
    expect(await everything(reopened)).toEqual(await everything(plain));
    // The loaded documents are the newest: one of the last inserted is now in memory, older ones still in the snapshot.
    expect(table.isResident('item-0478')).toBe(true);
    expect(table.isResident('item-0455')).toBe(false);
    expect(table.isResident('item-0002')).toBe(false);
  });

  it('a store closed while the newest part is being loaded closes cleanly and reopens with the same answers', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir, SPILLING);
    await workload(store, { from: 0, to: 6 });
    await store.compact();
    const expected = await everything(store);
    await store.close();
    const reopened = await open(dataDir, { ...SPILLING, restoreIndexesInBackground: true });
    await reopened.close();
    await reopened.residentTextLoaded;
    const again = await open(dataDir, { ...SPILLING, restoreIndexesInBackground: true });
    await again.residentTextLoaded;
    expect(await everything(again)).toEqual(expected);
  });

  it('keeps a compaction snapshot right while documents are replaced and the spill file would be rewritten', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir, SPILLING);
    await workload(store, { from: 0, to: 6 });
    const compaction = store.compact();
    // Replacing documents during the snapshot write makes their spilled bytes dead; the rewrite waits for it.
    await store.collection('items').updateMany({ domain: 'item' }, { $set: { late: true } });
    await compaction;
    const expected = await everything(store);
    await store.close();
    const reopened = await open(dataDir, SPILLING);
    expect(await everything(reopened)).toEqual(expected);
  });

  const MIB = 1024 * 1024;
  const HEAP_LIMIT = 4144 * MIB;
  it.each([
    // Unset or empty: 1/32 of V8's heap limit, whole MiB (at least 1).
    [undefined, HEAP_LIMIT, 129 * MIB],
    ['', HEAP_LIMIT, 129 * MIB],
    [' ', 2048 * MIB, 64 * MIB],
    ['', 40 * MIB, 1 * MIB],
    ['', 8 * MIB, 1 * MIB],
    ['256', HEAP_LIMIT, 256 * MIB],
    ['all', HEAP_LIMIT, undefined],
    ['ALL', HEAP_LIMIT, undefined],
  ])('MDM_STORE_RESIDENT_TEXT_MB=%j with a heap limit of %d bytes gives %j characters', (setting, heapLimit, expected) => {
    expect(residentTextBudget(setting, heapLimit)).toBe(expected);
  });

  it('defaults to a budget when the setting is unset (a store open without options spills beyond it)', async () => {
    const store = await open(tempDir());
    expect(store.resident.isSpilling).toBe(true);
  });

  it.each(['0', '-5', '1.5', 'lots', 'none'])('MDM_STORE_RESIDENT_TEXT_MB=%j is refused, naming the setting', (setting) => {
    let error: unknown;
    try {
      residentTextBudget(setting);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreSettingError);
    expect(error).toMatchObject({ code: 'STORE_SETTING_INVALID', setting: 'MDM_STORE_RESIDENT_TEXT_MB' });
    expect((error as Error).message).toMatch(/MDM_STORE_RESIDENT_TEXT_MB must be a whole number of MiB \(1 or more\) or "all"/);
  });

  it('a bad setting is refused at open, naming the setting', async () => {
    const previous = process.env.MDM_STORE_RESIDENT_TEXT_MB;
    process.env.MDM_STORE_RESIDENT_TEXT_MB = 'lots';
    try {
      await expect(open(tempDir())).rejects.toMatchObject({ code: 'STORE_SETTING_INVALID', setting: 'MDM_STORE_RESIDENT_TEXT_MB' });
    } finally {
      if (previous === undefined) delete process.env.MDM_STORE_RESIDENT_TEXT_MB;
      else process.env.MDM_STORE_RESIDENT_TEXT_MB = previous;
    }
  });
});
