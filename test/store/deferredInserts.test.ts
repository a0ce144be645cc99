/** Inserts deferred to the end of a transaction: written with it, in call order, or not at all; immediate elsewhere. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { insertDeferrable, withDeferredInserts } from '../../server/store/deferredInserts';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';

const logger = createLogger({ silent: true });
let dataDir: string;
let store: EmbeddedStore;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mdm-deferred-'));
  store = await openEmbeddedStore({ dataDir, logger });
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ids = async (collection: string): Promise<string[]> =>
  (await store.collection(collection).find({}, { sort: { _id: 1 } })).map((d) => d._id);

test('deferred inserts are written at the end of the transaction, per collection in call order', async () => {
  const seenInside = await store.withTransaction((session) =>
    withDeferredInserts({ store, session }, async () => {
      for (const id of ['b', 'a', 'c']) await insertDeferrable({ store, collection: 'history', doc: { _id: id, n: id }, session });
      await insertDeferrable({ store, collection: 'audit', doc: { _id: 'x' }, session });
      // Not yet written: only collections nothing reads inside the transaction may be deferred.
      return store.collection('history').countDocuments({}, { session });
    }),
  );
  expect(seenInside).toBe(0);
  expect(await ids('history')).toEqual(['a', 'b', 'c']);
  expect(await ids('audit')).toEqual(['x']);
  expect(await store.collection('history').findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 'b' });
});

test('a failing transaction writes none of its deferred inserts', async () => {
  await expect(
    store.withTransaction((session) =>
      withDeferredInserts({ store, session }, async () => {
        await insertDeferrable({ store, collection: 'history', doc: { _id: 'a' }, session });
        throw new Error('placing a record failed');
      }),
    ),
  ).rejects.toThrow('placing a record failed');
  expect(await ids('history')).toEqual([]);
});

test('a duplicate id fails the transaction at its end, and nothing of it is written', async () => {
  await store.collection('history').insertOne({ _id: 'a' });
  await expect(
    store.withTransaction((session) =>
      withDeferredInserts({ store, session }, async () => {
        await store.collection('golden').insertOne({ _id: 'g' }, { session });
        await insertDeferrable({ store, collection: 'history', doc: { _id: 'a' }, session });
      }),
    ),
  ).rejects.toMatchObject({ code: 'DUPLICATE_KEY' });
  expect(await ids('golden')).toEqual([]);
});

test('a nested deferral is written once, by the outer one; without a deferral an insert is immediate', async () => {
  await store.withTransaction((session) =>
    withDeferredInserts({ store, session }, async () => {
      await withDeferredInserts({ store, session }, async () =>
        insertDeferrable({ store, collection: 'history', doc: { _id: 'a' }, session }),
      );
      // A deferred insert is synchronous: nothing is returned to wait for (the write path makes no promise for it).
      expect(insertDeferrable({ store, collection: 'history', doc: { _id: 'b' }, session })).toBeUndefined();
    }),
  );
  expect(await ids('history')).toEqual(['a', 'b']);
  const seen = await store.withTransaction(async (session) => {
    const written = insertDeferrable({ store, collection: 'history', doc: { _id: 'c' }, session });
    expect(written).toBeInstanceOf(Promise);
    await written;
    return store.collection('history').countDocuments({ _id: 'c' }, { session });
  });
  expect(seen).toBe(1);
});

test('a store without atomic transactions writes each insert when it is made', async () => {
  // Standalone MongoDB: writes land one by one, so deferring would let a crash leave records without their history.
  const standalone: Store = Object.assign(Object.create(store) as EmbeddedStore, { supportsTransactions: false });
  const seen = await store.withTransaction((session) =>
    withDeferredInserts({ store: standalone, session }, async () => {
      await insertDeferrable({ store: standalone, collection: 'history', doc: { _id: 'a' }, session });
      return store.collection('history').countDocuments({}, { session });
    }),
  );
  expect(seen).toBe(1);
});
