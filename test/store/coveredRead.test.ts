/**
 * Covered reads of the embedded store (coveredRead.ts, MongoDB's covered queries): a find whose filter is equalities on
 * an index's leading fields and whose projection keeps only that index's fields is answered from the index — no
 * document text is read — with the same results as the ordinary path; anything the index cannot answer exactly (a null
 * key, an array, other operators, a sort or limit, a transaction's staged documents) reads documents as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../../server/logger';
import { DocumentTable } from '../../server/store/embedded/documentTable';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Document, Filter, Projection } from '../../server/store/types';

const silent = createLogger({ silent: true });
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openStore(): Promise<EmbeddedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-covered-'));
  const store = await openEmbeddedStore({ dataDir, logger: silent, restoreIndexesInBackground: false });
  cleanups.push(async () => {
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

const INDEX = { keys: { key: 1, owner: 1, 'last.job': 1, 'last.change': 1, _id: 1 }, name: 'by_key_covered' } as const;

const records: Document[] = [
  { _id: 'r1', key: 'k1', owner: 'g1', last: { job: 'j1', change: 'created', at: 't1' }, payload: { big: 'x'.repeat(200) } },
  { _id: 'r2', key: 'k2', owner: 'g1', last: { job: 'j2', change: 'updated', at: 't2' }, payload: { big: 'y' } },
  // Stored by a request, not a job: its `last.job` key is null.
  { _id: 'r3', key: 'k3', owner: 'g2', last: { change: 'created', at: 't3' }, payload: {} },
  { _id: 'r4', key: 'k4', owner: 7, last: { job: true, change: 'created' }, payload: {} },
  // No key at all (a document older than the key): never found by a key.
  { _id: 'r5', owner: 'g3', payload: {} },
];

async function seeded(): Promise<EmbeddedStore> {
  const store = await openStore();
  const collection = store.collection('records');
  await collection.createIndexes([INDEX]);
  await collection.insertMany(records.map((record) => structuredClone(record)));
  return store;
}

/** The documents' texts read while `work` runs. */
async function textReadsDuring<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const spy = vi.spyOn(DocumentTable.prototype, 'get');
  const result = await work();
  const reads = spy.mock.calls.length;
  spy.mockRestore();
  return { result, reads };
}

const byId = (a: Document, b: Document): number => a._id.localeCompare(b._id);

/** What MongoDB gives: the ordinary path, forced by a filter the covered read does not take (an `$and` of the same). */
async function ordinary(store: EmbeddedStore, filter: Filter, projection: Projection): Promise<Document[]> {
  return (await store.collection('records').find({ $and: [filter] }, { projection })).sort(byId);
}

describe('covered reads', () => {
  test.each([
    {
      name: 'one key, the index fields projected',
      filter: { key: 'k1' },
      projection: { _id: 1, owner: 1, 'last.job': 1, 'last.change': 1 },
    },
    { name: '$in of keys, _id implied', filter: { key: { $in: ['k1', 'k2', 'k4', 'nope'] } }, projection: { owner: 1, 'last.change': 1 } },
    { name: '$eq, _id excluded', filter: { key: { $eq: 'k2' } }, projection: { _id: 0, owner: 1 } },
    { name: 'two leading fields', filter: { key: 'k1', owner: 'g1' }, projection: { 'last.job': 1 } },
    { name: 'a number and a boolean key', filter: { key: 'k4' }, projection: { owner: 1, 'last.job': 1 } },
  ])('$name: answered from the index, as the ordinary path answers', async ({ filter, projection }) => {
    const store = await seeded();
    const expected = await ordinary(store, filter, projection as Projection);
    expect(expected.length).toBeGreaterThan(0);
    const { result, reads } = await textReadsDuring(() =>
      store.collection('records').find(filter, { projection: projection as Projection }),
    );
    expect(result.sort(byId)).toEqual(expected);
    expect(reads).toBe(0);
  });

  test('a null key (missing or null) reads that document only, and answers as the ordinary path', async () => {
    const store = await seeded();
    const filter = { key: { $in: ['k1', 'k3'] } };
    const projection = { _id: 1, owner: 1, 'last.job': 1, 'last.change': 1 } as const;
    const { result, reads } = await textReadsDuring(() => store.collection('records').find(filter, { projection }));
    expect(result.sort(byId)).toEqual(await ordinary(store, filter, projection));
    expect(result.find((doc) => doc._id === 'r3')).toEqual({ _id: 'r3', owner: 'g2', last: { change: 'created' } });
    expect(reads).toBe(1);
  });

  test.each([
    { name: 'a field outside the index', filter: { key: 'k1' }, options: { projection: { owner: 1, payload: 1 } } },
    { name: 'no projection', filter: { key: 'k1' }, options: {} },
    { name: 'a filter past the prefix', filter: { key: 'k1', 'last.job': 'j1' }, options: { projection: { owner: 1 } } },
    { name: 'another operator beside $in', filter: { key: { $in: ['k1'], $ne: 'k2' } }, options: { projection: { owner: 1 } } },
    { name: 'a limit', filter: { key: 'k1' }, options: { projection: { owner: 1 }, limit: 1 } },
  ])('$name: documents are read', async ({ filter, options }) => {
    const store = await seeded();
    const { result, reads } = await textReadsDuring(() => store.collection('records').find(filter, options as { projection?: Projection }));
    expect(result.length).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
  });

  test('an array along an index field: the index is multikey and documents are read, with the whole array returned', async () => {
    const store = await seeded();
    const collection = store.collection('records');
    await collection.insertMany([{ _id: 'r6', key: 'k6', owner: ['g1', 'g2'], last: { job: 'j6', change: 'created' } }]);
    const { result, reads } = await textReadsDuring(() => collection.find({ key: 'k6' }, { projection: { owner: 1 } }));
    expect(result).toEqual([{ _id: 'r6', owner: ['g1', 'g2'] }]);
    expect(reads).toBeGreaterThan(0);
  });

  test('after an update and a delete the index answers the current documents', async () => {
    const store = await seeded();
    const collection = store.collection('records');
    await collection.updateOne({ _id: 'r1' }, { $set: { owner: 'g9', 'last.job': 'j9' } });
    await collection.deleteOne({ _id: 'r2' });
    const projection = { owner: 1, 'last.job': 1 } as const;
    const { result, reads } = await textReadsDuring(() => collection.find({ key: { $in: ['k1', 'k2'] } }, { projection }));
    expect(result).toEqual([{ owner: 'g9', last: { job: 'j9' }, _id: 'r1' }]);
    expect(reads).toBe(0);
  });

  test("inside a transaction the staged documents count: the transaction's own read is not covered", async () => {
    const store = await seeded();
    const collection = store.collection('records');
    await store.withTransaction(async (session) => {
      await collection.updateOne({ _id: 'r1' }, { $set: { owner: 'staged' } }, { session });
      const found = await collection.find({ key: 'k1' }, { projection: { owner: 1 }, session });
      expect(found).toEqual([{ _id: 'r1', owner: 'staged' }]);
    });
  });
});
