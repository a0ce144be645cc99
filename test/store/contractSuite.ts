/**
 * The store contract, written once and run against every adapter. A harness opens a store on
 * its own isolated location (temp directory / database) and can reopen it to check persistence.
 */
import { describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { DocumentTooLargeError, DuplicateKeyError, MAX_DOCUMENT_BYTES } from '../../server/store/types';
import type { Store } from '../../server/store/types';
import { FILTER_CASES, ITEMS, UPDATE_CASES } from './contractFixtures';
import type { Item } from './contractFixtures';
import { at } from '../support/must';

export interface StoreHarness {
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  makeHarness: () => StoreHarness;
}

/** Registers the whole contract for one adapter. */
export function defineStoreContract(options: ContractOptions): void {
  const withStore = async (run: (store: Store, harness: StoreHarness) => Promise<void>): Promise<void> => {
    const harness = options.makeHarness();
    const store = await harness.open();
    try {
      await run(store, harness);
    } finally {
      await store.close().catch(() => undefined);
      await harness.cleanup();
    }
  };
  // Cases that rely on atomic transactions are skipped, with the reason, on a store without them
  // (a standalone MongoDB opened with allowStandalone).
  const withTransactionalStore = (ctx: TestContext, run: (store: Store) => Promise<void>): Promise<void> =>
    withStore(async (store) => {
      ctx.skip(!store.supportsTransactions, `${store.description} runs no multi-document transactions (standalone MongoDB)`);
      await run(store);
    });
  // Collections are created up front, as the application does at start-up: a cross-shard transaction cannot create one.
  const declareCollections = async (store: Store, names: string[]): Promise<void> => {
    for (const name of names) await store.collection(name).createIndexes([]);
  };
  const seeded = async (store: Store): Promise<void> => {
    await store.collection<Item>('items').insertMany(structuredClone(ITEMS));
  };

  describe('filters', () => {
    it.each(FILTER_CASES)('$name', ({ filter, ids }) =>
      withStore(async (store) => {
        await seeded(store);
        const found = await store.collection<Item>('items').find(filter);
        expect(found.map((doc) => doc._id).sort()).toEqual(ids);
        expect(await store.collection('items').countDocuments(filter)).toBe(ids.length);
      }),
    );

    it('does not confuse a Date or RegExp filter value with a string or object (compiled-filter reuse)', () =>
      withStore(async (store) => {
        const events = store.collection('events');
        await events.insertOne({ _id: 'e1', at: '2026-01-01T00:00:00.000Z', code: 'AB-1', meta: {} });
        expect(await events.find({ at: new Date('2026-01-01T00:00:00.000Z') })).toEqual([]);
        expect(await events.find({ at: '2026-01-01T00:00:00.000Z' })).toHaveLength(1);
        expect(await events.find({ code: /^ab/i })).toHaveLength(1);
        expect(await events.find({ code: {} })).toEqual([]);
        expect(await events.find({ meta: {} })).toHaveLength(1);
      }));

    it.each(FILTER_CASES)('$name gives the same result through indexes', ({ filter, ids }) =>
      withStore(async (store) => {
        const items = store.collection<Item>('items');
        await items.createIndexes([
          { keys: { status: 1, qty: 1 } },
          { keys: { tags: 1 } },
          { keys: { sku: 1 }, unique: true },
          { keys: { gtin: 1 } },
          { keys: { 'vendor.name': 1 } },
          { keys: { 'lines.uom': 1 } },
        ]);
        await seeded(store);
        expect((await items.find(filter)).map((doc) => doc._id).sort()).toEqual(ids);
      }),
    );
  });

  describe('updates', () => {
    it.each(UPDATE_CASES)('$name', ({ update, expected }) =>
      withStore(async (store) => {
        await seeded(store);
        await store.collection('items').updateOne({ _id: 'i1' }, update);
        const after = await store.collection('items').findOne({ _id: 'i1' });
        for (const [field, value] of Object.entries(expected)) expect(after?.[field]).toEqual(value);
      }),
    );

    it('reports matched and modified counts, including no-op updates', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection('items');
        expect(await items.updateMany({ status: 'active' }, { $set: { status: 'active' } })).toMatchObject({
          matchedCount: 3,
          modifiedCount: 0,
        });
        expect(await items.updateMany({ status: 'active' }, { $inc: { qty: 1 } })).toMatchObject({ matchedCount: 3, modifiedCount: 3 });
        expect((await items.find({ status: 'active' }, { sort: { _id: 1 } })).map((doc) => doc.qty)).toEqual([6, 13, 31]);
        expect(await items.updateOne({ _id: 'zz' }, { $set: { a: 1 } })).toMatchObject({ matchedCount: 0, modifiedCount: 0 });
      }));

    it('upserts from the filter and applies $setOnInsert only on insert', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        const first = await items.updateOne(
          { sku: 'NEW-1', status: 'draft' },
          { $set: { qty: 1 }, $setOnInsert: { createdBy: 'seed' } },
          { upsert: true },
        );
        expect(first.upsertedId).toEqual(expect.any(String));
        expect(first.matchedCount).toBe(0);
        const created = await items.findOne({ _id: first.upsertedId as string });
        expect(created).toMatchObject({ sku: 'NEW-1', status: 'draft', qty: 1, createdBy: 'seed' });
        const second = await items.updateOne(
          { sku: 'NEW-1' },
          { $set: { qty: 2 }, $setOnInsert: { createdBy: 'other' } },
          { upsert: true },
        );
        expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
        expect(second.upsertedId).toBeUndefined();
        expect(await items.findOne({ sku: 'NEW-1' })).toMatchObject({ qty: 2, createdBy: 'seed' });
        const byId = await items.updateOne({ _id: 'given-id' }, { $set: { qty: 3 } }, { upsert: true });
        expect(byId.upsertedId).toBe('given-id');
      }));

    it('replaceOne keeps _id and supports upsert', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection<Item>('items');
        expect(await items.replaceOne({ sku: 'A-1' }, { _id: 'i1', sku: 'A-1', qty: 99 })).toMatchObject({
          matchedCount: 1,
          modifiedCount: 1,
        });
        expect(await items.findOne({ _id: 'i1' })).toEqual({ _id: 'i1', sku: 'A-1', qty: 99 });
        const upserted = await items.replaceOne({ _id: 'i9' }, { _id: 'i9', sku: 'Z' }, { upsert: true });
        expect(upserted.upsertedId).toBe('i9');
        expect(await items.findOne({ _id: 'i9' })).toEqual({ _id: 'i9', sku: 'Z' });
      }));

    it('findOneAndUpdate returns the before or after image, honours sort and projection', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection<Item>('items');
        const after = await items.findOneAndUpdate(
          { status: 'active' },
          { $inc: { qty: 100 } },
          { sort: { qty: -1 }, projection: { qty: 1 } },
        );
        expect(after).toEqual({ _id: 'i5', qty: 130 });
        const before = await items.findOneAndUpdate({ _id: 'i2' }, { $set: { status: 'active' } }, { returnDocument: 'before' });
        expect(before?.status).toBe('inactive');
        expect((await items.findOne({ _id: 'i2' }))?.status).toBe('active');
        expect(await items.findOneAndUpdate({ _id: 'none' }, { $set: { a: 1 } })).toBeNull();
        const upserted = await items.findOneAndUpdate({ _id: 'i7' }, { $set: { qty: 1 } }, { upsert: true });
        expect(upserted).toEqual({ _id: 'i7', qty: 1 });
      }));

    it('rejects changing _id through an update', () =>
      withStore(async (store) => {
        await seeded(store);
        await expect(store.collection('items').updateOne({ _id: 'i1' }, { $set: { _id: 'other' } })).rejects.toThrow();
        expect(await store.collection('items').findOne({ _id: 'i1' })).not.toBeNull();
      }));
  });

  describe('reads', () => {
    it('sorts (multi-key), skips, limits and projects', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection<Item>('items');
        expect((await items.find({}, { sort: { status: 1, qty: -1 } })).map((doc) => doc._id)).toEqual(['i5', 'i3', 'i1', 'i4', 'i2']);
        expect((await items.find({}, { sort: { qty: 1 }, skip: 1, limit: 2 })).map((doc) => doc._id)).toEqual(['i1', 'i4']);
        expect(await items.find({ _id: 'i1' }, { projection: { sku: 1, 'vendor.name': 1 } })).toEqual([
          { _id: 'i1', sku: 'A-1', vendor: { name: 'Medline' } },
        ]);
        expect(await items.find({ _id: 'i4' }, { projection: { qty: 0, gtin: 0 } })).toEqual([{ _id: 'i4', sku: 'B-2', status: 'draft' }]);
        expect(await items.find({ _id: 'i4' }, { projection: { sku: 1, _id: 0 } })).toEqual([{ sku: 'B-2' }]);
      }));

    it('sorted pages over many documents (ties, missing sort keys) equal slices of one full sort', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        const docs = Array.from({ length: 3000 }, (_, n) => ({
          _id: `d${String(n).padStart(4, '0')}`,
          ...(n % 11 === 0 ? {} : { rank: (n * 7919) % 97 }),
          group: n % 3,
        }));
        await items.insertMany(docs);
        const everything = (await items.find({ group: { $ne: 1 } }, { sort: { rank: -1, _id: 1 } })).map((doc) => doc._id);
        expect(everything).toHaveLength(2000);
        const expected = docs
          .filter((doc) => doc.group !== 1)
          .sort((a, b) => (b.rank ?? -Infinity) - (a.rank ?? -Infinity) || a._id.localeCompare(b._id))
          .map((doc) => doc._id);
        expect(everything).toEqual(expected);
        for (const [skip, limit] of [
          [0, 10],
          [5, 30],
          [1990, 50],
        ] as const) {
          const page = await items.find({ group: { $ne: 1 } }, { sort: { rank: -1, _id: 1 }, skip, limit });
          expect(page.map((doc) => doc._id)).toEqual(expected.slice(skip, skip + limit));
        }
      }));

    it('sorted pages through an index (ties, missing sort keys) equal slices of one full sort', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { rank: -1, _id: 1 } }]);
        const docs = Array.from({ length: 3000 }, (_, n) => ({
          _id: `d${String(n).padStart(4, '0')}`,
          ...(n % 11 === 0 ? {} : { rank: (n * 7919) % 97 }),
          group: n % 3,
        }));
        await items.insertMany(docs);
        const expected = docs
          .filter((doc) => doc.group !== 1)
          .sort((a, b) => (b.rank ?? -Infinity) - (a.rank ?? -Infinity) || a._id.localeCompare(b._id))
          .map((doc) => doc._id);
        for (const [skip, limit] of [
          [0, 10],
          [5, 30],
          [1990, 50],
          [0, 0],
        ] as const) {
          const page = await items.find({ group: { $ne: 1 } }, { sort: { rank: -1, _id: 1 }, skip, limit });
          expect(page.map((doc) => doc._id)).toEqual(limit === 0 ? expected.slice(skip) : expected.slice(skip, skip + limit));
        }
        const ascending = (await items.find({ rank: { $gte: 90 } }, { sort: { rank: 1, _id: -1 }, limit: 20 })).map((doc) => [
          doc.rank,
          doc._id,
        ]);
        const expectedAscending = docs
          .filter((doc) => (doc.rank ?? -1) >= 90)
          .sort((a, b) => (a.rank as number) - (b.rank as number) || b._id.localeCompare(a._id))
          .slice(0, 20)
          .map((doc) => [doc.rank, doc._id]);
        expect(ascending).toEqual(expectedAscending);
      }));

    it('cursor pagination on { domain, _id } visits every document once, in order, across concurrent writes', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { domain: 1, _id: 1 } }]);
        const domains = ['item', 'supplier', 'facility'];
        await items.insertMany(
          Array.from({ length: 2000 }, (_, n) => ({ _id: `r${String((n * 7) % 2000).padStart(5, '0')}`, domain: domains[n % 3] })),
        );
        const seen: string[] = [];
        let cursor = '';
        for (let round = 0; ; round++) {
          const page = await items.find({ domain: 'supplier', _id: { $gt: cursor } }, { sort: { _id: 1 }, limit: 50 });
          if (page.length === 0) break;
          seen.push(...page.map((doc) => doc._id));
          cursor = at(page, page.length - 1)._id;
          // Writes between pages: a new document ahead of the cursor is seen, one behind it is not, a deleted one ahead is not.
          await items.insertOne({ _id: `r${String(2000 + round).padStart(5, '0')}`, domain: 'supplier' });
          await items.insertOne({ _id: `a${String(round).padStart(5, '0')}`, domain: 'supplier' });
          await items.deleteOne({ _id: { $gt: cursor }, domain: 'supplier' });
        }
        const remaining = (await items.find({ domain: 'supplier', _id: { $gte: 'r' } }, { sort: { _id: 1 } })).map((doc) => doc._id);
        expect(seen).toEqual([...seen].sort());
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(remaining);
        const descending = (await items.find({ domain: 'supplier', _id: { $lt: 'r00100' } }, { sort: { _id: -1 }, limit: 5 })).map(
          (doc) => doc._id,
        );
        expect(descending).toEqual(
          remaining
            .filter((id) => id < 'r00100')
            .reverse()
            .slice(0, 5),
        );
      }));

    it('returns deep copies and stores copies of what it is given', () =>
      withStore(async (store) => {
        const items = store.collection<Item>('items');
        const input = structuredClone(at(ITEMS, 0, 'fixture item'));
        await items.insertOne(input);
        (input.tags as string[]).push('mutated-after-insert');
        const read = await items.findOne({ _id: 'i1' });
        expect(read?.tags).toEqual(['sterile', 'latex-free']);
        (read?.tags as string[]).push('mutated-after-read');
        (read?.vendor as { name: string }).name = 'changed';
        const again = await items.find({ _id: 'i1' });
        expect(at(again, 0).tags).toEqual(['sterile', 'latex-free']);
        expect(at(again, 0).vendor?.name).toBe('Medline');
      }));

    it('iterate streams every match in batches, with skip and limit', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.insertMany(Array.from({ length: 1234 }, (_, n) => ({ _id: `d${String(n).padStart(5, '0')}`, n, even: n % 2 === 0 })));
        const seen: string[] = [];
        for await (const doc of items.iterate({ even: true }, { batchSize: 100 })) seen.push(doc._id);
        expect(seen).toHaveLength(617);
        expect(new Set(seen).size).toBe(617);
        const page: unknown[] = [];
        for await (const doc of items.iterate({}, { sort: { n: -1 }, skip: 2, limit: 3, projection: { n: 1 } })) page.push(doc);
        expect(page).toEqual([
          { _id: 'd01231', n: 1231 },
          { _id: 'd01230', n: 1230 },
          { _id: 'd01229', n: 1229 },
        ]);
      }));

    it('distinct flattens arrays, skips missing values and honours the filter', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection('items');
        expect((await items.distinct('tags')).sort()).toEqual(['latex-free', 'single-use', 'sterile']);
        expect((await items.distinct('vendor.id', { status: 'active' })).sort()).toEqual(['v1', 'v3']);
        expect(await items.countDocuments()).toBe(5);
        expect(await items.countDocuments({ qty: { $gt: 100 } })).toBe(0);
      }));

    it('deletes one or many', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection('items');
        expect(await items.deleteOne({ status: 'active' })).toEqual({ deletedCount: 1 });
        expect(await items.deleteMany({ status: 'active' })).toEqual({ deletedCount: 2 });
        expect(await items.deleteMany({ status: 'active' })).toEqual({ deletedCount: 0 });
        expect(await items.countDocuments()).toBe(2);
      }));
  });

  describe('indexes', () => {
    it('unique index rejects duplicates with DuplicateKeyError and keeps the original', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { gtin: 1 }, unique: true, name: 'gtin_unique' }]);
        await items.createIndexes([{ keys: { gtin: 1 }, unique: true, name: 'gtin_unique' }]);
        await items.insertOne({ _id: 'a', gtin: '1' });
        const error = await items.insertOne({ _id: 'b', gtin: '1' }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(error).toMatchObject({ code: 'DUPLICATE_KEY', collection: 'items', index: 'gtin_unique' });
        await expect(items.insertOne({ _id: 'a', gtin: '2' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(items.updateOne({ _id: 'a' }, { $set: { gtin: '1' } })).resolves.toMatchObject({ matchedCount: 1 });
        await items.insertOne({ _id: 'c', gtin: '3' });
        await expect(items.updateOne({ _id: 'c' }, { $set: { gtin: '1' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await items.findOne({ _id: 'c' })).toEqual({ _id: 'c', gtin: '3' });
      }));

    it('compound unique index compares the whole key', () =>
      withStore(async (store) => {
        const xrefs = store.collection('xrefs');
        await xrefs.createIndexes([{ keys: { source: 1, sourceId: 1 }, unique: true }]);
        await xrefs.insertMany([
          { _id: '1', source: 'erp', sourceId: 'X' },
          { _id: '2', source: 'gpo', sourceId: 'X' },
        ]);
        await expect(xrefs.insertOne({ _id: '3', source: 'erp', sourceId: 'X' })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await xrefs.find({ source: 'erp' })).toHaveLength(1);
      }));

    it('partial unique index only constrains matching documents', () =>
      withStore(async (store) => {
        const suppliers = store.collection('suppliers');
        await suppliers.createIndexes([{ keys: { taxId: 1 }, unique: true, partial: { status: 'active' } }]);
        await suppliers.insertMany([
          { _id: '1', taxId: 'T', status: 'active' },
          { _id: '2', taxId: 'T', status: 'merged' },
          { _id: '3', taxId: 'T', status: 'merged' },
        ]);
        await expect(suppliers.insertOne({ _id: '4', taxId: 'T', status: 'active' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(suppliers.updateOne({ _id: '2' }, { $set: { status: 'active' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await suppliers.find({ taxId: 'T', status: 'active' })).map((doc) => doc._id)).toEqual(['1']);
      }));

    it('creating a unique index over existing duplicates fails', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.insertMany([
          { _id: '1', sku: 'S' },
          { _id: '2', sku: 'S' },
        ]);
        await expect(items.createIndexes([{ keys: { sku: 1 }, unique: true }])).rejects.toBeInstanceOf(DuplicateKeyError);
        await items.insertOne({ _id: '3', sku: 'S' });
        expect(await items.countDocuments({ sku: 'S' })).toBe(3);
      }));

    it('insertMany with a duplicate applies nothing', () =>
      withStore(async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { sku: 1 }, unique: true }]);
        await items.insertOne({ _id: 'x', sku: 'TAKEN' });
        await expect(
          items.insertMany([
            { _id: 'a', sku: '1' },
            { _id: 'b', sku: 'TAKEN' },
            { _id: 'c', sku: '3' },
          ]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(
          items.insertMany([
            { _id: 'd', sku: '4' },
            { _id: 'd', sku: '5' },
          ]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(
          items.insertMany([
            { _id: 'e', sku: 'same' },
            { _id: 'f', sku: 'same' },
          ]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await items.find({})).map((doc) => doc._id)).toEqual(['x']);
      }));

    it('multikey index finds documents by any array element', () =>
      withStore(async (store) => {
        await seeded(store);
        const items = store.collection<Item>('items');
        await items.createIndexes([{ keys: { tags: 1, status: 1 } }]);
        expect((await items.find({ tags: 'sterile' })).map((doc) => doc._id).sort()).toEqual(['i1', 'i2', 'i5']);
        expect((await items.find({ tags: { $in: ['single-use', 'nope'] }, status: 'active' })).map((doc) => doc._id)).toEqual(['i5']);
        await items.updateOne({ _id: 'i5' }, { $pull: { tags: 'single-use' } });
        expect(await items.find({ tags: 'single-use' })).toEqual([]);
      }));
  });

  describe('transactions', () => {
    it('commits all writes of the work together', () =>
      withStore(async (store) => {
        await declareCollections(store, ['golden', 'items', 'audit']);
        const value = await store.withTransaction(async (session) => {
          await store.collection('golden').insertOne({ _id: 'g1', name: 'Merged' }, { session });
          await store.collection('items').insertMany(
            [
              { _id: 's1', mergedInto: 'g1' },
              { _id: 's2', mergedInto: 'g1' },
            ],
            { session },
          );
          await store.collection('audit').insertOne({ _id: 'e1', action: 'merge' }, { session });
          return 'done';
        });
        expect(value).toBe('done');
        expect(await store.collection('items').countDocuments({ mergedInto: 'g1' })).toBe(2);
        expect(await store.collection('audit').findOne({ _id: 'e1' })).not.toBeNull();
      }));

    it('rolls everything back when the work throws', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        await store.collection('items').insertOne({ _id: 'keep', qty: 1 });
        await expect(
          store.withTransaction(async (session) => {
            await store.collection('items').updateOne({ _id: 'keep' }, { $inc: { qty: 10 } }, { session });
            await store.collection('items').insertOne({ _id: 'new', qty: 1 }, { session });
            const inside = await store.collection('items').findOne({ _id: 'keep' }, { session });
            expect(inside?.qty).toBe(11);
            throw new Error('abort merge');
          }),
        ).rejects.toThrow('abort merge');
        expect(await store.collection('items').find({}, { sort: { _id: 1 } })).toEqual([{ _id: 'keep', qty: 1 }]);
      });
    });

    it('keeps uncommitted writes invisible outside the transaction', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        await declareCollections(store, ['items']);
        await store.withTransaction(async (session) => {
          await store.collection('items').insertOne({ _id: 'pending' }, { session });
          expect(await store.collection('items').findOne({ _id: 'pending' })).toBeNull();
          expect(await store.collection('items').findOne({ _id: 'pending' }, { session })).not.toBeNull();
          expect(await store.collection('items').countDocuments({}, { session })).toBe(1);
        });
        expect(await store.collection('items').findOne({ _id: 'pending' })).not.toBeNull();
      });
    });

    it('reads inside a transaction see its own staged writes in filters, sorts and ranges', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { domain: 1, _id: 1 } }]);
        await items.insertMany([
          { _id: 'b', domain: 'x', n: 2 },
          { _id: 'd', domain: 'x', n: 4 },
          { _id: 'f', domain: 'y', n: 6 },
        ]);
        await store.withTransaction(async (session) => {
          await items.insertMany(
            [
              { _id: 'a', domain: 'x', n: 1 },
              { _id: 'c', domain: 'x', n: 3 },
            ],
            { session },
          );
          await items.updateOne({ _id: 'd' }, { $set: { domain: 'y' } }, { session });
          await items.deleteOne({ _id: 'b' }, { session });
          await items.updateOne({ _id: 'c' }, { $set: { n: 30 } }, { session });
          expect((await items.find({ domain: 'x', _id: { $gt: '' } }, { sort: { _id: 1 }, session })).map((doc) => doc._id)).toEqual([
            'a',
            'c',
          ]);
          expect((await items.find({ domain: 'y' }, { sort: { _id: -1 }, session })).map((doc) => doc._id)).toEqual(['f', 'd']);
          expect((await items.find({ n: { $in: [1, 30] } }, { session })).map((doc) => doc._id).sort()).toEqual(['a', 'c']);
          expect(await items.findOne({ _id: 'c' }, { session, projection: { n: 1 } })).toEqual({ _id: 'c', n: 30 });
          expect(await items.countDocuments({ domain: 'x' })).toBe(2);
        });
        expect((await items.find({ domain: 'x' }, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['a', 'c']);
      });
    });

    it('unique keys and _ids hold across separate staged writes of one transaction', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        const items = store.collection('items');
        await items.createIndexes([{ keys: { sku: 1 }, unique: true }]);
        await expect(
          store.withTransaction(async (session) => {
            await items.insertOne({ _id: 'a', sku: 'S1' }, { session });
            await items.insertOne({ _id: 'b', sku: 'S1' }, { session });
          }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await declareCollections(store, ['plain']);
        await expect(
          store.withTransaction(async (session) => {
            await store.collection('plain').insertOne({ _id: 'p' }, { session });
            await store.collection('plain').insertOne({ _id: 'p' }, { session });
          }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        await store.withTransaction(async (session) => {
          await items.insertOne({ _id: 'a', sku: 'S1' }, { session });
          await items.updateOne({ _id: 'a' }, { $set: { sku: 'S2' } }, { session });
          await items.insertOne({ _id: 'b', sku: 'S1' }, { session });
          await store.collection('plain').insertOne({ _id: 'p' }, { session });
          await store.collection('plain').deleteOne({ _id: 'p' }, { session });
          await store.collection('plain').insertOne({ _id: 'p', again: true }, { session });
        });
        expect((await items.find({}, { sort: { _id: 1 } })).map((doc) => doc.sku)).toEqual(['S2', 'S1']);
        expect(await store.collection('plain').find({})).toEqual([{ _id: 'p', again: true }]);
      });
    });

    it('a duplicate inside the transaction aborts all of it', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        await store.collection('items').insertOne({ _id: 'exists' });
        await expect(
          store.withTransaction(async (session) => {
            await store.collection('items').insertOne({ _id: 'first' }, { session });
            await store.collection('items').insertOne({ _id: 'exists' }, { session });
          }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await store.collection('items').find({})).map((doc) => doc._id)).toEqual(['exists']);
      });
    });
    it('concurrent read-modify-write transactions on one document lose no update (a write conflict is retried)', async (ctx) => {
      await withTransactionalStore(ctx, async (store) => {
        const counters = store.collection<{ _id: string; value: number; writers: string[] }>('counters');
        await counters.insertOne({ _id: 'c', value: 0, writers: [] });
        const writers = ['w1', 'w2', 'w3', 'w4', 'w5'];
        const attempts = new Map<string, number>();
        // Every transaction reads the value and writes value + 1: without snapshot isolation and a
        // retry of the loser of a write conflict, two of them would write the same number.
        await Promise.all(
          writers.map((writer) =>
            store.withTransaction(async (session) => {
              attempts.set(writer, (attempts.get(writer) ?? 0) + 1);
              const current = await counters.findOne({ _id: 'c' }, { session });
              await counters.updateOne(
                { _id: 'c' },
                { $set: { value: (current?.value ?? 0) + 1 }, $push: { writers: writer } },
                { session },
              );
            }),
          ),
        );
        const final = await counters.findOne({ _id: 'c' });
        expect(final?.value).toBe(writers.length);
        expect([...(final?.writers ?? [])].sort()).toEqual(writers);
        expect([...attempts.values()].every((count) => count >= 1)).toBe(true);
      });
    });
  });

  describe('values and limits', () => {
    it('undefined fields are left out (not stored as null); undefined in an array is null; $set of undefined changes nothing', () =>
      withStore(async (store) => {
        const docs = store.collection('docs');
        await docs.insertOne({ _id: 'u', kept: 1, gone: undefined, nested: { gone: undefined, kept: 'x' }, list: [1, undefined, 3] });
        const stored = await docs.findOne({ _id: 'u' });
        expect(stored).toEqual({ _id: 'u', kept: 1, nested: { kept: 'x' }, list: [1, null, 3] });
        expect(Object.keys(stored ?? {})).not.toContain('gone');
        expect(Object.keys((stored?.nested ?? {}) as object)).toEqual(['kept']);
        expect(await docs.countDocuments({ gone: { $exists: true } })).toBe(0);
        await docs.updateOne({ _id: 'u' }, { $set: { kept: undefined, added: 2, sub: { a: undefined, b: 1 } } });
        expect(await docs.findOne({ _id: 'u' })).toEqual({
          _id: 'u',
          kept: 1,
          nested: { kept: 'x' },
          list: [1, null, 3],
          added: 2,
          sub: { b: 1 },
        });
        const onlyUndefined = await docs.updateOne({ _id: 'u' }, { $set: { kept: undefined } });
        expect(onlyUndefined).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
        await docs.replaceOne({ _id: 'u' }, { _id: 'u', again: undefined, value: 3 });
        expect(await docs.findOne({ _id: 'u' })).toEqual({ _id: 'u', value: 3 });
      }));

    it('an undefined value in a filter means missing or null (never "match everything") in reads, updates and deletes', () =>
      withStore(async (store) => {
        const docs = store.collection('filters');
        await docs.insertMany([{ _id: 'set', owner: 'a' }, { _id: 'missing' }, { _id: 'null', owner: null }]);
        const none: string | undefined = undefined;
        expect((await docs.find({ owner: none }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['missing', 'null']);
        expect(await docs.countDocuments({ owner: { $ne: none } })).toBe(1);
        expect(await docs.updateMany({ owner: none }, { $set: { touched: true } })).toMatchObject({ matchedCount: 2 });
        expect(await docs.findOne({ _id: 'set' })).toEqual({ _id: 'set', owner: 'a' });
        expect(await docs.deleteMany({ owner: none })).toEqual({ deletedCount: 2 });
        expect((await docs.find({})).map((d) => d._id)).toEqual(['set']);
      }));

    it(`a document over ${MAX_DOCUMENT_BYTES} bytes is refused with DocumentTooLargeError and nothing is applied`, () =>
      withStore(async (store) => {
        const docs = store.collection('docs');
        const bigText = 'x'.repeat(MAX_DOCUMENT_BYTES);
        await expect(docs.insertOne({ _id: 'big', text: bigText })).rejects.toBeInstanceOf(DocumentTooLargeError);
        expect(await docs.countDocuments()).toBe(0);
        // Just under the limit is accepted.
        const fitting = 'y'.repeat(MAX_DOCUMENT_BYTES - 1024);
        await docs.insertOne({ _id: 'fits', text: fitting });
        expect(((await docs.findOne({ _id: 'fits' }))?.text as string).length).toBe(fitting.length);
        // An update whose result would be too large changes nothing.
        await docs.insertOne({ _id: 'small', text: 'a' });
        await expect(docs.updateOne({ _id: 'small' }, { $set: { text: bigText } })).rejects.toBeInstanceOf(DocumentTooLargeError);
        expect((await docs.findOne({ _id: 'small' }))?.text).toBe('a');
        await expect(docs.insertMany([{ _id: 'm1' }, { _id: 'm2', text: bigText }])).rejects.toBeInstanceOf(DocumentTooLargeError);
        expect(await docs.findOne({ _id: 'm1' })).toBeNull();
      }));

    it('field names with NUL, dots, a leading $ and % round-trip through every write and read', () =>
      withStore(async (store) => {
        const payloads = store.collection('payloads');
        await payloads.createIndexes([{ keys: { kind: 1 } }]);
        // A UTF-16 CSV read as UTF-8 gives NUL-riddled headers; NPPES headers carry dots; JSON sources carry $ keys.
        const raw = {
          'N\u0000P\u0000I\u0000': '1234567893',
          'Provider.First.Name': 'Ada',
          $ref: 'x',
          'rate %': '5',
          '%2E literal': 'stays',
          nested: [{ 'a.b': { $c: 1, 'd\u0000': [{ 'e.f': true }] } }],
          plain: 'value',
        };
        await payloads.insertOne({ _id: 'p1', kind: 'raw', raw });
        await payloads.insertMany([{ _id: 'p2', kind: 'raw', raw }]);
        await payloads.replaceOne({ _id: 'p3' }, { _id: 'p3', kind: 'raw', raw }, { upsert: true });
        await payloads.updateOne({ _id: 'p4' }, { $set: { kind: 'raw', raw }, $setOnInsert: { first: raw } }, { upsert: true });
        await payloads.updateOne({ _id: 'p4' }, { $push: { history: { $each: [raw] } } });
        expect((await payloads.find({ kind: 'raw' }, { sort: { _id: 1 } })).map((doc) => doc.raw)).toEqual([raw, raw, raw, raw]);
        const p4 = await payloads.findOne({ _id: 'p4' });
        expect(p4?.first).toEqual(raw);
        expect(p4?.history).toEqual([raw]);
        const iterated: unknown[] = [];
        for await (const doc of payloads.iterate({ kind: 'raw' }, { batchSize: 2 })) iterated.push(doc.raw);
        expect(iterated).toEqual([raw, raw, raw, raw]);
        const updated = await payloads.findOneAndUpdate({ _id: 'p1' }, { $set: { seen: true } });
        expect(updated?.raw).toEqual(raw);
        expect(await payloads.distinct('raw.plain', { kind: 'raw' })).toEqual(['value']);
      }));
  });

  describe('persistence', () => {
    it('everything acknowledged survives close and reopen, including indexes', () =>
      withStore(async (store, harness) => {
        await store.collection('items').createIndexes([{ keys: { sku: 1 }, unique: true }]);
        await seeded(store);
        await store.collection('items').updateOne({ _id: 'i1' }, { $set: { qty: 42 } });
        await store.collection('items').deleteOne({ _id: 'i2' });
        await declareCollections(store, ['other']);
        await store.withTransaction(async (session) => {
          await store.collection('other').insertOne({ _id: 'o1' }, { session });
        });
        await store.close();
        const reopened = await harness.open();
        try {
          expect(await reopened.collection('items').countDocuments()).toBe(4);
          expect((await reopened.collection('items').findOne({ _id: 'i1' }))?.qty).toBe(42);
          expect(await reopened.collection('other').findOne({ _id: 'o1' })).toEqual({ _id: 'o1' });
          await expect(reopened.collection('items').insertOne({ _id: 'dup', sku: 'A-1' })).rejects.toBeInstanceOf(DuplicateKeyError);
        } finally {
          await reopened.close();
        }
      }));
  });
}
