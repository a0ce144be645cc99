/**
 * Index images (server/store/embedded/indexImage.ts): start-up restores the indexes a compaction saved beside
 * its snapshot and re-indexes only the documents the log changed since; an image that is torn, damaged,
 * written for other data or for an older snapshot is ignored and the indexes are rebuilt from the documents.
 * Every case compares the indexes entry by entry with a rebuild from the documents and checks the answers.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { INDEX_IMAGE_MAGIC } from '../../server/store/embedded/indexImage';
import type { IndexImage } from '../../server/store/embedded/indexState';
import { encodeHeader, encodeRecord, scanRecordFile } from '../../server/store/embedded/recordFile';
import type { Document, Filter, IndexSpec } from '../../server/store/types';
import { must } from '../support/must';

const logger = createLogger({ silent: true });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdm-index-image-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dataDir: string): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore({ dataDir, logger, compaction: { minLogBytes: Number.MAX_SAFE_INTEGER } });
  cleanups.unshift(() => store.close().catch(() => undefined));
  return store;
}

const INDEXES: IndexSpec[] = [
  { keys: { sku: 1 }, unique: true },
  { keys: { status: 1, _id: 1 } },
  { keys: { 'packaging.gtin': 1 } },
  { keys: { tags: 1, status: 1 } },
  { keys: { vendor: 1 }, partial: { status: 'active' }, name: 'active_vendor' },
];

function item(n: number, round = 0): Document {
  return {
    _id: `i${String(n).padStart(4, '0')}`,
    sku: `S${n}-${round}`,
    status: ['active', 'inactive', 'draft'][(n + round) % 3],
    vendor: n % 7 === 0 ? null : `V${n % 11}`,
    tags: n % 5 === 0 ? [] : [`t${n % 4}`, `t${(n + round) % 6}`],
    packaging: n % 9 === 0 ? { gtin: `G${n}` } : [{ gtin: `G${n}` }, { gtin: `H${n + round}` }, { uom: 'EA' }],
    price: n * 1.5,
    ...(n % 13 === 0 ? { nested: { deep: [1, { x: n }] } } : {}),
  };
}

/** A canonical form of an index's entries: map and Set order differ between a restored and a rebuilt index. */
function canonical(images: IndexImage[]): Record<string, { multikey: boolean[]; entries: string[] }> {
  return Object.fromEntries(
    images.map((image) => {
      const stride = image.multikey.length + 1;
      const entries: string[] = [];
      for (let at = 0; at < image.leaves.length; at += stride) {
        const ids = must(image.leaves[at + stride - 1], 'the ids of an index image entry');
        entries.push(
          `${image.leaves.slice(at, at + stride - 1).join('|')} → ${(typeof ids === 'string' ? [ids] : [...ids].sort()).join(',')}`,
        );
      }
      return [image.name, { multikey: image.multikey, entries: entries.sort() }];
    }),
  );
}

/** A store with a compaction (snapshot + image) and then a log tail touching indexed fields in every way. */
async function storeWithTail(dataDir: string): Promise<void> {
  const store = await open(dataDir);
  const items = store.collection('items');
  await items.createIndexes(INDEXES);
  await items.insertMany(Array.from({ length: 400 }, (_, n) => item(n)));
  await store.collection('plain').insertMany([{ _id: 'p1', a: 1 }]);
  await store.compact();
  for (let n = 0; n < 400; n += 3) await items.replaceOne({ _id: item(n)._id }, item(n, 1));
  await items.deleteMany({ _id: { $in: ['i0001', 'i0010', 'i0100'] } });
  await items.insertMany(Array.from({ length: 30 }, (_, n) => item(400 + n)));
  await items.updateMany({ status: 'draft' }, { $set: { vendor: 'V-new' } });
  await items.insertOne(item(10, 2)); // deleted, then back with other keys
  await store.withTransaction(async (session) => {
    await items.updateOne({ _id: 'i0002' }, { $set: { sku: 'S-moved', tags: ['solo'] } }, { session });
    await items.deleteOne({ _id: 'i0003' }, { session });
  });
  await items.createIndexes([{ keys: { price: 1 } }]); // an index the image does not have
  await store.close();
}

async function rebuiltIndexes(dataDir: string): Promise<ReturnType<typeof canonical>> {
  const copy = tempDir();
  for (const name of readdirSync(dataDir))
    if (name.endsWith('.mdb') && !name.startsWith('indexes-')) copyFileSync(join(dataDir, name), join(copy, name));
  const store = await open(copy);
  expect(store.recoveryReport.indexImage).toMatchObject({ used: false, reason: 'there is none' });
  const images = canonical(store.indexImages('items'));
  await store.close();
  return images;
}

async function expectAnswers(store: EmbeddedStore): Promise<void> {
  const items = store.collection('items');
  const ids = async (filter: Filter): Promise<string[]> =>
    (await items.find(filter, { projection: { _id: 1 } })).map((doc) => doc._id).sort();
  // Each filter goes through an index; `$or` of the same filter scans every document: both must agree.
  const filters: Filter[] = [
    { sku: 'S6-1' },
    { status: 'active' },
    { 'packaging.gtin': 'H7' },
    { tags: 't1', status: 'inactive' },
    { tags: null },
    { vendor: 'V-new', status: 'active' },
    { price: 15 },
  ];
  for (const filter of filters) expect(await ids(filter), JSON.stringify(filter)).toEqual(await ids({ $or: [filter] }));
  await expect(items.insertOne({ _id: 'dup', sku: 'S-moved' })).rejects.toThrow('duplicate key');
}

describe('index images', () => {
  it('start-up restores the indexes from the image and re-indexes only what the log changed since', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    expect(
      readdirSync(dataDir)
        .filter((name) => name.endsWith('.mdb'))
        .sort(),
    ).toEqual(['indexes-00000002.mdb', 'log-00000002.mdb', 'snapshot-00000002.mdb']);
    const expected = await rebuiltIndexes(dataDir);
    const store = await open(dataDir);
    expect(store.recoveryReport.indexImage).toMatchObject({ used: true });
    // 134 replaced, 3 deleted, 30 inserted, the drafts updated, one transaction: not every one of the 430 documents.
    expect(store.recoveryReport.indexImage?.reindexedDocuments).toBeGreaterThan(167);
    expect(store.recoveryReport.indexImage?.reindexedDocuments).toBeLessThan(400);
    expect(canonical(store.indexImages('items'))).toEqual(expected);
    await expectAnswers(store);
  });

  it('restores the indexes in the background right after start-up, without a request', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const expected = await rebuiltIndexes(dataDir);
    const memory = createMemoryLogger();
    const store = await openEmbeddedStore({ dataDir, logger: memory, compaction: { minLogBytes: Number.MAX_SAFE_INTEGER } });
    cleanups.unshift(() => store.close().catch(() => undefined));
    await store.indexesRestored;
    expect(memory.entries.map((entry) => entry.msg)).toContain('store: indexes restored from the index image');
    expect(canonical(store.indexImages('items'))).toEqual(expected);
    await expectAnswers(store);
  });

  it("a write while the background restore is under way finishes that collection's restore first", async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const store = await open(dataDir);
    await new Promise((resolveStep) => setImmediate(resolveStep)); // one background step
    const items = store.collection('items');
    await items.replaceOne({ _id: 'i0004' }, { ...item(4, 7), sku: 'S-during-restore' });
    await items.insertOne(item(900));
    await store.indexesRestored;
    const during = canonical(store.indexImages('items'));
    await expect(items.insertOne({ _id: 'dup', sku: 'S-during-restore' })).rejects.toThrow('duplicate key');
    await store.close();
    expect(during).toEqual(await rebuiltIndexes(dataDir));
  });

  it('restoreIndexesInBackground false leaves the restore to the first use', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const expected = await rebuiltIndexes(dataDir);
    const memory = createMemoryLogger();
    const store = await openEmbeddedStore({ dataDir, logger: memory, restoreIndexesInBackground: false });
    cleanups.unshift(() => store.close().catch(() => undefined));
    await store.indexesRestored;
    await new Promise((resolveStep) => setImmediate(resolveStep));
    expect(memory.entries.map((entry) => entry.msg)).not.toContain('store: indexes restored from the index image');
    expect(canonical(store.indexImages('items'))).toEqual(expected);
  });

  it('a compaction after a restart from an image writes an image that restores the same indexes', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const store = await open(dataDir);
    await store.compact();
    await store.close();
    expect(
      readdirSync(dataDir)
        .filter((name) => name.endsWith('.mdb'))
        .sort(),
    ).toEqual(['indexes-00000003.mdb', 'log-00000003.mdb', 'snapshot-00000003.mdb']);
    const expected = await rebuiltIndexes(dataDir);
    const reopened = await open(dataDir);
    expect(reopened.recoveryReport.indexImage).toMatchObject({ used: true, reindexedDocuments: 0 });
    expect(canonical(reopened.indexImages('items'))).toEqual(expected);
    await expectAnswers(reopened);
  });

  const damages: Array<{ name: string; damage: (path: string, dataDir: string) => void; reason: RegExp }> = [
    {
      name: 'one flipped byte',
      damage: (path) => {
        const bytes = readFileSync(path);
        const middle = Math.floor(bytes.length / 2);
        bytes[middle] = must(bytes[middle], 'the middle byte') ^ 0x20;
        writeFileSync(path, bytes);
      },
      reason: /damaged at offset \d+/,
    },
    {
      name: 'a torn write (the second half missing)',
      damage: (path) => truncateSync(path, Math.floor(readFileSync(path).length / 2)),
      reason: /damaged at offset|incomplete/,
    },
    { name: 'only the header', damage: (path) => truncateSync(path, 16), reason: /incomplete/ },
    { name: 'an empty file', damage: (path) => truncateSync(path, 0), reason: /not a valid store file header/ },
  ];

  it.each(damages)('an image with $name is ignored and the indexes are rebuilt', async ({ damage, reason }) => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const expected = await rebuiltIndexes(dataDir);
    damage(join(dataDir, 'indexes-00000002.mdb'), dataDir);
    const store = await open(dataDir);
    expect(store.recoveryReport.indexImage).toMatchObject({ used: false });
    expect(store.recoveryReport.indexImage?.reason).toMatch(reason);
    expect(canonical(store.indexImages('items'))).toEqual(expected);
    await expectAnswers(store);
  });

  it('an entry record that is well framed but malformed makes that collection rebuild its indexes on first use', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const expected = await rebuiltIndexes(dataDir);
    const path = join(dataDir, 'indexes-00000002.mdb');
    const payloads: Buffer[] = [];
    scanRecordFile({ path, magic: INDEX_IMAGE_MAGIC, onRecord: (payload) => void payloads.push(Buffer.from(payload)) });
    const at = payloads.findIndex((payload) => payload.toString('utf8').startsWith('["l","items","sku_1"'));
    payloads[at] = Buffer.from(JSON.stringify(['l', 'items', 'sku_1', ['sS1-0', 123_456]]));
    writeFileSync(path, Buffer.concat([encodeHeader(INDEX_IMAGE_MAGIC, 2), ...payloads.map(encodeRecord)]));
    const warnings: string[] = [];
    const store = await openEmbeddedStore({
      dataDir,
      logger: { ...logger, warn: (message: string) => void warnings.push(message), child: () => logger },
      compaction: { minLogBytes: Number.MAX_SAFE_INTEGER },
    });
    cleanups.unshift(() => store.close().catch(() => undefined));
    expect(store.recoveryReport.indexImage).toMatchObject({ used: true });
    expect(warnings).toEqual([]);
    await expectAnswers(store);
    expect(warnings).toEqual(['store: index image entries unusable; indexes rebuilt from the documents']);
    expect(canonical(store.indexImages('items'))).toEqual(expected);
  });

  it('an entry record damaged after start-up, before its restore, makes that collection rebuild its indexes (start-up keeps only offsets)', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const expected = await rebuiltIndexes(dataDir);
    const warnings: string[] = [];
    const store = await openEmbeddedStore({
      dataDir,
      logger: { ...logger, warn: (message: string) => void warnings.push(message), child: () => logger },
      compaction: { minLogBytes: Number.MAX_SAFE_INTEGER },
      restoreIndexesInBackground: false,
    });
    cleanups.unshift(() => store.close().catch(() => undefined));
    expect(store.recoveryReport.indexImage).toMatchObject({ used: true });
    // Start-up checked every record; the entries are read again at restore and checked again: flip a byte in one.
    const path = join(dataDir, 'indexes-00000002.mdb');
    const bytes = readFileSync(path);
    const at = bytes.indexOf('["l","items","sku_1"') + 30;
    bytes[at] = must(bytes[at], 'a byte of an entry record') ^ 0x20;
    writeFileSync(path, bytes);
    await expectAnswers(store);
    expect(warnings).toEqual(['store: index image entries unusable; indexes rebuilt from the documents']);
    expect(canonical(store.indexImages('items'))).toEqual(expected);
  });

  it('an image written for other documents under the same snapshot generation is ignored', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const other = tempDir();
    const store = await open(other);
    await store.collection('items').createIndexes(INDEXES);
    await store.collection('items').insertMany(Array.from({ length: 50 }, (_, n) => item(n, 5)));
    await store.compact();
    await store.close();
    copyFileSync(join(other, 'indexes-00000002.mdb'), join(dataDir, 'indexes-00000002.mdb'));
    const expected = await rebuiltIndexes(dataDir);
    const reopened = await open(dataDir);
    expect(reopened.recoveryReport.indexImage).toMatchObject({
      used: false,
      reason: expect.stringMatching(/written for a snapshot of \d+ bytes/),
    });
    expect(canonical(reopened.indexImages('items'))).toEqual(expected);
    await expectAnswers(reopened);
  });

  it('an image of an older snapshot is never used and is deleted at start-up', async () => {
    const dataDir = tempDir();
    await storeWithTail(dataDir);
    const old = join(tempDir(), 'indexes-00000002.mdb');
    copyFileSync(join(dataDir, 'indexes-00000002.mdb'), old);
    const store = await open(dataDir);
    await store.compact();
    await store.collection('items').insertOne(item(900));
    await store.close();
    unlinkSync(join(dataDir, 'indexes-00000003.mdb'));
    copyFileSync(old, join(dataDir, 'indexes-00000002.mdb'));
    const expected = await rebuiltIndexes(dataDir);
    const reopened = await open(dataDir);
    expect(reopened.recoveryReport.indexImage).toMatchObject({ used: false, reason: 'there is none' });
    expect(readdirSync(dataDir).filter((name) => name.startsWith('indexes-'))).toEqual([]);
    expect(canonical(reopened.indexImages('items'))).toEqual(expected);
    await expectAnswers(reopened);
  });
});
