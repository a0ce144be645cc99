/**
 * The transaction overlay's indexes (server/store/embedded/overlay.ts): reads inside a transaction look staged
 * documents up through indexes twinned from the committed ones, and unique checks look up the staged owners of a
 * key. Every read is compared with the same read on a store without secondary indexes (every staged document
 * tested), across rounds of staged inserts, updates, replacements and deletes; unique checks are table-driven.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Collection, Document, Filter, FindOptions, IndexSpec, StoreSession } from '../../server/store/types';
import { DuplicateKeyError } from '../../server/store/types';
import { seededRandom as random } from '../support/seededRandom';

const logger = createLogger({ silent: true });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openTemp(): Promise<EmbeddedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-overlay-'));
  const store = await openEmbeddedStore({ dataDir, logger });
  cleanups.push(async () => {
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

const INDEXES: IndexSpec[] = [
  { keys: { sku: 1 }, unique: true },
  { keys: { status: 1, rank: 1 } },
  { keys: { domain: 1, keys: 1 } },
  { keys: { vendor: 1 }, partial: { status: 'active' }, name: 'active_vendor' },
];

function item(n: number, version: number, next: () => number): Document {
  return {
    _id: `d${n}`,
    sku: `S${n}-${version}`,
    status: ['active', 'inactive', 'draft'][Math.floor(next() * 3)],
    rank: Math.floor(next() * 20),
    domain: next() < 0.5 ? 'item' : 'supplier',
    keys: next() < 0.2 ? [] : [`k${Math.floor(next() * 8)}`, `k${Math.floor(next() * 8)}`],
    ...(next() < 0.8 ? { vendor: `V${Math.floor(next() * 5)}` } : {}),
  };
}

const READS: Array<{ filter: Filter; options?: FindOptions }> = [
  { filter: { sku: 'S3-0' } },
  { filter: { sku: { $in: ['S1-0', 'S2-1', 'S40-2', 'S41-3'] } } },
  { filter: { status: 'active' } },
  { filter: { status: 'draft', rank: { $gte: 5, $lt: 15 } } },
  { filter: { status: { $in: ['active', 'inactive'] }, rank: 3 } },
  { filter: { domain: 'item', keys: { $in: ['k1', 'k2'] } } },
  { filter: { domain: 'supplier', keys: 'k5' } },
  { filter: { vendor: 'V2', status: 'active' } },
  { filter: { vendor: 'V2' } },
  { filter: { _id: { $in: ['d1', 'd5', 'd45', 'd46'] } } },
  { filter: { rank: { $gt: 10 } } },
  { filter: { status: 'inactive' }, options: { sort: { rank: 1 }, limit: 5 } },
  { filter: { status: 'active' }, options: { sort: { rank: -1 } } },
  { filter: {}, options: { sort: { _id: 1 }, limit: 7 } },
];

async function readAll(collection: Collection, session: StoreSession): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const read of READS) {
    const docs = await collection.find(read.filter, { ...read.options, session });
    const sortField = Object.keys(read.options?.sort ?? {})[0];
    // Unsorted reads may come in any order, and ties of a sort in any order (a limit may cut a tie anywhere):
    // compare the sequence of sort keys and, without a limit, the set of ids.
    if (sortField === undefined) out.push(docs.map((doc) => doc._id).sort());
    else out.push({ keys: docs.map((doc) => doc[sortField]), ids: read.options?.limit ? docs.length : docs.map((doc) => doc._id).sort() });
  }
  return out;
}

describe('transaction overlay indexes', () => {
  // Reading after every change keeps the twins current from the start; reading every 25th builds each twin late, over many staged documents.
  it.each([1, 25])(
    'answer every read inside a transaction like a store without secondary indexes (reading every %i changes)',
    async (readEvery) => {
      const indexed = await openTemp();
      const plain = await openTemp();
      await indexed.collection('docs').createIndexes(INDEXES);
      const seedRandom = random(7);
      const committed = Array.from({ length: 40 }, (_, n) => item(n, 0, seedRandom));
      await indexed.collection('docs').insertMany(committed.map((doc) => ({ ...doc })));
      await plain.collection('docs').insertMany(committed.map((doc) => ({ ...doc })));

      const next = random(11);
      const operations: Array<(collection: Collection, session: StoreSession) => Promise<unknown>> = [];
      let version = 1;
      for (let step = 0; step < 120; step++) {
        const n = Math.floor(next() * 60);
        const kind = next();
        const doc = item(n, version++, next);
        if (kind < 0.35) operations.push((c, session) => c.replaceOne({ _id: doc._id }, { ...doc }, { session, upsert: true }));
        else if (kind < 0.6)
          operations.push((c, session) =>
            c.updateOne({ _id: doc._id }, { $set: { status: doc.status, rank: doc.rank, keys: doc.keys } }, { session }),
          );
        else if (kind < 0.75) operations.push((c, session) => c.updateMany({ status: doc.status }, { $inc: { rank: 1 } }, { session }));
        else if (kind < 0.9) operations.push((c, session) => c.deleteOne({ _id: doc._id }, { session }));
        else operations.push((c, session) => c.deleteMany({ domain: doc.domain, keys: (doc.keys as string[])[0] ?? 'none' }, { session }));
      }

      const run = (store: EmbeddedStore): Promise<unknown[][]> =>
        store.withTransaction(async (session) => {
          const collection = store.collection('docs');
          const answers: unknown[][] = [];
          for (const [step, operation] of operations.entries()) {
            await operation(collection, session);
            answers.push(step % readEvery === readEvery - 1 ? await readAll(collection, session) : []);
          }
          return answers;
        });
      const [withIndexes, withoutIndexes] = [await run(indexed), await run(plain)];
      expect(withIndexes.length).toBe(operations.length);
      for (let step = 0; step < operations.length; step++)
        expect(withIndexes[step], `after staged operation ${step}`).toEqual(withoutIndexes[step]);
      // And committed: the same documents on both stores.
      const byId = { sort: { _id: 1 as const } };
      expect(await indexed.collection('docs').find({}, byId)).toEqual(await plain.collection('docs').find({}, byId));
    },
  );

  it.each([
    {
      name: 'a second staged insert of a staged key is refused',
      work: async (c: Collection, session: StoreSession) => {
        await c.insertOne({ _id: 'n1', sku: 'K' }, { session });
        await c.insertOne({ _id: 'n2', sku: 'K' }, { session });
      },
      refused: true,
    },
    {
      name: 'a staged insert of a committed key is refused',
      work: (c: Collection, session: StoreSession) => c.insertOne({ _id: 'n1', sku: 'C1' }, { session }),
      refused: true,
    },
    {
      name: 'a committed key moved away by a staged update is free',
      work: async (c: Collection, session: StoreSession) => {
        await c.updateOne({ _id: 'c1' }, { $set: { sku: 'moved' } }, { session });
        await c.insertOne({ _id: 'n1', sku: 'C1' }, { session });
      },
      refused: false,
    },
    {
      name: 'a key whose staged owner was deleted in the transaction is free',
      work: async (c: Collection, session: StoreSession) => {
        await c.insertOne({ _id: 'n1', sku: 'K' }, { session });
        await c.deleteOne({ _id: 'n1' }, { session });
        await c.insertOne({ _id: 'n2', sku: 'K' }, { session });
      },
      refused: false,
    },
    {
      name: 'a key a staged document moved away from is free, the key it moved to is not',
      work: async (c: Collection, session: StoreSession) => {
        await c.insertOne({ _id: 'n1', sku: 'K' }, { session });
        await c.updateOne({ _id: 'n1' }, { $set: { sku: 'L' } }, { session });
        await c.insertOne({ _id: 'n2', sku: 'K' }, { session });
        await c.insertOne({ _id: 'n3', sku: 'L' }, { session });
      },
      refused: true,
    },
    {
      name: 'a committed key kept by a staged update of its owner is still taken',
      work: async (c: Collection, session: StoreSession) => {
        await c.updateOne({ _id: 'c1' }, { $set: { note: 'x' } }, { session });
        await c.insertOne({ _id: 'n1', sku: 'C1' }, { session });
      },
      refused: true,
    },
    {
      name: 'two staged documents swap keys through a free one',
      work: async (c: Collection, session: StoreSession) => {
        await c.updateOne({ _id: 'c1' }, { $set: { sku: 'tmp' } }, { session });
        await c.updateOne({ _id: 'c2' }, { $set: { sku: 'C1' } }, { session });
        await c.updateOne({ _id: 'c1' }, { $set: { sku: 'C2' } }, { session });
      },
      refused: false,
    },
  ])('unique keys across staged documents: $name', async ({ work, refused }) => {
    const store = await openTemp();
    const collection = store.collection('docs');
    await collection.createIndexes([{ keys: { sku: 1 }, unique: true }]);
    await collection.insertMany([
      { _id: 'c1', sku: 'C1' },
      { _id: 'c2', sku: 'C2' },
    ]);
    const outcome = await store
      .withTransaction((session) => work(collection, session))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    if (refused) expect(outcome).toBeInstanceOf(DuplicateKeyError);
    else expect(outcome).toBeUndefined();
    // The unique index still holds after the commit (or the rollback).
    const skus = (await collection.find({})).map((doc) => doc.sku);
    expect(new Set(skus).size).toBe(skus.length);
  });
});
