/**
 * Multi-document writes outside a transaction are applied in chunks (embeddedCollection.ts `ChunkedWrite`), and a
 * whole-collection `deleteMany({})` drops documents and index entries without reading them: the same documents,
 * index entries and log contents as before, one log record per chunk, atomic inside a transaction.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmbeddedStore, EmbeddedStoreOptions } from '../../server/store/embedded/embeddedStore';
import { decodePayload } from '../../server/store/embedded/logPayload';
import type { LogOp } from '../../server/store/embedded/logPayload';
import { LOG_MAGIC, scanRecordFile } from '../../server/store/embedded/recordFile';
import { DuplicateKeyError } from '../../server/store/types';
import type { Document } from '../../server/store/types';
import { embeddedStoreFixtures } from '../support/embeddedStores';

const { tempDir, open } = embeddedStoreFixtures('mdm-store-chunked-');

const COUNT = 2500; // more than two chunks of 1,024 documents

function item(i: number): Document {
  return {
    _id: `item-${String(i).padStart(5, '0')}`,
    sku: `SKU-${i}`,
    group: `G${i % 7}`,
    n: i,
    tags: [`t${i % 5}`, `t${i % 11}`],
    text: `Kanüle ${i} ${'x'.repeat(i % 40)}`,
  };
}

async function seeded(dataDir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<EmbeddedStore> {
  const store = await open(dataDir, extra);
  const items = store.collection('items');
  await items.createIndexes([{ keys: { sku: 1 }, unique: true }, { keys: { group: 1, n: 1 } }, { keys: { tags: 1 } }, { keys: { n: 1 } }]);
  await items.insertMany(Array.from({ length: COUNT }, (_, i) => item(i)));
  return store;
}

/** Every record of the current log, decoded (the last log file of the directory). */
function logRecords(dataDir: string): LogOp[][] {
  const logs = readdirSync(dataDir)
    .filter((name) => name.startsWith('log-'))
    .sort();
  const records: LogOp[][] = [];
  scanRecordFile({
    path: join(dataDir, logs[logs.length - 1] ?? 'missing'),
    magic: LOG_MAGIC,
    onRecord: (payload) => records.push(decodePayload(payload)),
  });
  return records;
}

/** Documents and index entries after a restart (indexes rebuilt from the documents) equal the live store's. */
async function expectSameAfterRestart(store: EmbeddedStore, dataDir: string, collection = 'items'): Promise<void> {
  const live = await store.collection(collection).find({}, { sort: { _id: 1 } });
  const liveIndexes = store.indexImages(collection);
  await store.close();
  const reopened = await open(dataDir);
  expect(await reopened.collection(collection).find({}, { sort: { _id: 1 } })).toEqual(live);
  // The same entries (the maps' order may differ: a rebuilt index is filled in document order).
  const entries = (images: ReturnType<EmbeddedStore['indexImages']>) =>
    images.map((image) => ({ name: image.name, entries: leafSet(image) }));
  expect(entries(reopened.indexImages(collection))).toEqual(entries(liveIndexes));
  await reopened.close();
}

/** An index image's entries as sorted `key…|ids` strings (one key per field, then the ids under that tuple). */
function leafSet(image: { multikey: boolean[]; leaves: Array<string | string[]> }): string[] {
  const stride = image.multikey.length + 1;
  const entries: string[] = [];
  for (let at = 0; at < image.leaves.length; at += stride) {
    const entry = image.leaves.slice(at, at + stride).map((leaf) => (Array.isArray(leaf) ? [...leaf].sort().join(',') : leaf));
    entries.push(entry.join('|'));
  }
  return entries.sort();
}

describe('chunked multi-document writes', () => {
  it.each([
    ['an index lookup', { group: { $in: ['G1', 'G3'] } }, (i: number) => i % 7 === 1 || i % 7 === 3],
    ['an ordered range', { n: { $gte: 100, $lt: 2300 } }, (i: number) => i >= 100 && i < 2300],
    ['a multikey lookup', { tags: 't2' }, (i: number) => i % 5 === 2 || i % 11 === 2],
    ['a full scan', { text: { $regex: '^Kanüle 1' } }, (i: number) => String(i).startsWith('1')],
  ])('deleteMany through %s deletes exactly the matches, in one log record per chunk', async (_, filter, isMatch) => {
    const dataDir = tempDir();
    const store = await seeded(dataDir);
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter((i) => !isMatch(i));
    const before = logRecords(dataDir).length;
    const { deletedCount } = await store.collection('items').deleteMany(filter);
    expect(deletedCount).toBe(COUNT - expected.length);
    const deleteRecords = logRecords(dataDir).slice(before);
    expect(deleteRecords.length).toBe(Math.ceil(deletedCount / 1024));
    expect(deleteRecords.flat().every((op) => op.kind === 'delete')).toBe(true);
    const remaining = await store.collection('items').find({}, { sort: { n: 1 } });
    expect(remaining.map((doc) => doc.n)).toEqual(expected);
    expect(await store.collection('items').countDocuments(filter)).toBe(0);
    await expectSameAfterRestart(store, dataDir);
  });

  it('an _id $in that repeats an id deletes and counts that document once', async () => {
    const store = await seeded(tempDir());
    const items = store.collection('items');
    const id = item(5)._id;
    expect(await items.deleteMany({ _id: { $in: [id, id, item(6)._id] } })).toEqual({ deletedCount: 2 });
    expect(await items.updateMany({ _id: { $in: [item(7)._id, item(7)._id] } }, { $inc: { n: 1 } })).toMatchObject({
      matchedCount: 1,
      modifiedCount: 1,
    });
    expect(await items.findOne({ _id: item(7)._id })).toMatchObject({ n: 8 });
  });

  it('updateMany over an ordered range changes each document once although its key moves ahead of the scan', async () => {
    const dataDir = tempDir();
    const store = await seeded(dataDir);
    const items = store.collection('items');
    const before = logRecords(dataDir).length;
    const result = await items.updateMany({ n: { $gte: 0 } }, { $inc: { n: 5000 } });
    expect(result).toMatchObject({ matchedCount: COUNT, modifiedCount: COUNT });
    expect(logRecords(dataDir).length - before).toBeGreaterThanOrEqual(Math.ceil(COUNT / 1024));
    const docs = await items.find({}, { sort: { _id: 1 } });
    expect(docs.map((doc) => doc.n)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 5000));
    expect(await items.countDocuments({ n: { $lt: 5000 } })).toBe(0);
    await expectSameAfterRestart(store, dataDir);
  });

  it('updateMany that breaks a unique index in a later chunk keeps the chunks before it (as MongoDB does); within one chunk it changes nothing', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir);
    const codes = store.collection('codes');
    await codes.createIndexes([{ keys: { sku: 1 }, unique: true }]);
    await codes.insertMany(
      Array.from({ length: COUNT }, (_, i) => ({ _id: item(i)._id, n: i, sku: `SKU-${i}`, alt: i === 2100 ? 'KEEP' : `ALT-${i}` })),
    );
    await codes.insertOne({ _id: 'clash', sku: 'KEEP' });
    const small = await codes.updateMany({ n: { $in: [1, 2100] } }, { $rename: { alt: 'sku' } }).catch((error: unknown) => error);
    expect(small).toBeInstanceOf(DuplicateKeyError);
    expect(await codes.countDocuments({ alt: { $exists: false } })).toBe(1);
    // Insertion order (a full scan): chunks 0–1023 and 1024–2047 apply, the third holds the clash and stops the write.
    const large = await codes.updateMany({ alt: { $exists: true } }, { $rename: { alt: 'sku' } }).catch((error: unknown) => error);
    expect(large).toBeInstanceOf(DuplicateKeyError);
    expect(await codes.countDocuments({ sku: { $regex: '^ALT-' } })).toBe(2048);
    expect(await codes.countDocuments({ sku: { $regex: '^SKU-' } })).toBe(COUNT - 2048);
    expect(await codes.findOne({ n: 2100 })).toMatchObject({ sku: 'SKU-2100', alt: 'KEEP' });
    await expectSameAfterRestart(store, dataDir, 'codes');
  });

  it('inside a transaction a large deleteMany stays atomic: rolled back whole, or committed as one record', async () => {
    const dataDir = tempDir();
    const store = await seeded(dataDir);
    const items = store.collection('items');
    await expect(
      store.withTransaction(async (session) => {
        expect(await items.deleteMany({ n: { $gte: 0 } }, { session })).toEqual({ deletedCount: COUNT });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await items.countDocuments({})).toBe(COUNT);
    const before = logRecords(dataDir).length;
    await store.withTransaction(async (session) => {
      await items.deleteMany({ group: 'G2' }, { session });
      await items.updateMany({ group: 'G4' }, { $set: { kept: true } }, { session });
      await items.deleteMany({}, { session });
    });
    expect(logRecords(dataDir).length - before).toBe(1);
    expect(await items.countDocuments({})).toBe(0);
    await expectSameAfterRestart(store, dataDir);
  });
});

describe('deleteMany({}) of a whole collection', () => {
  it.each([
    ['all resident', { residentText: { characters: undefined } }],
    ['mostly spilled', { residentText: { characters: 20_000, minRewriteDeadBytes: 10_000 } }],
  ])('drops documents and index entries (%s); the collection works as new, and a restart agrees', async (_, settings) => {
    const dataDir = tempDir();
    const store = await seeded(dataDir, settings);
    const items = store.collection('items');
    await store.collection('others').insertOne({ _id: 'o1', sku: 'SKU-1' });
    const before = logRecords(dataDir).length;
    expect(await items.deleteMany({})).toEqual({ deletedCount: COUNT });
    const records = logRecords(dataDir).slice(before);
    expect(records.flat()).toEqual(Array.from({ length: COUNT }, (_, i) => ({ kind: 'delete', collection: 'items', id: item(i)._id })));
    expect(await items.countDocuments({})).toBe(0);
    expect(await items.find({ group: 'G1' })).toEqual([]);
    expect(await items.find({}, { sort: { n: 1 }, limit: 3 })).toEqual([]);
    expect(store.indexImages('items').map((image) => image.leaves)).toEqual([[], [], [], []]);
    // Resident text is counted only when a budget applies.
    expect(store.resident.residentCharacters).toBe(
      settings.residentText.characters ? JSON.stringify({ _id: 'o1', sku: 'SKU-1' }).length : 0,
    );
    expect(store.resident.spilledDocuments).toBe(0);
    // Unique keys are free again; ordered reads see only the new documents.
    await items.insertMany([item(7), item(3)]);
    await expect(items.insertOne({ ...item(9), sku: 'SKU-7' })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await items.find({ n: { $gte: 0 } }, { sort: { n: 1 } })).map((doc) => doc.n)).toEqual([3, 7]);
    expect(await store.collection('others').findOne({ _id: 'o1' })).toEqual({ _id: 'o1', sku: 'SKU-1' });
    expect(await items.deleteMany({})).toEqual({ deletedCount: 2 });
    expect(await items.deleteMany({})).toEqual({ deletedCount: 0 });
    await items.insertOne(item(11));
    await expectSameAfterRestart(store, dataDir);
  });

  it('drops indexes still waiting to be restored from an index image, and a restart after compaction agrees', async () => {
    const dataDir = tempDir();
    const first = await seeded(dataDir);
    await first.compact();
    await first.close();
    const store = await open(dataDir);
    const items = store.collection('items');
    expect(await items.deleteMany({})).toEqual({ deletedCount: COUNT });
    await items.insertMany([item(1), item(2)]);
    await expect(items.insertOne({ ...item(5), sku: 'SKU-1' })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(store.indexImages('items').map((image) => image.name)).toEqual(['sku_1', 'group_1_n_1', 'tags_1', 'n_1']);
    expect((await items.find({ tags: 't1' })).map((doc) => doc._id)).toEqual([item(1)._id]);
    await expectSameAfterRestart(store, dataDir);
  });
});
