/**
 * How golden-record history is stored: a first version keeps its snapshot but not its `changes` (every
 * attribute from nothing, i.e. the snapshot's attributes again); the newest version keeps no snapshot (the
 * golden record is that state) until the next save writes it in; readers answer exactly as if stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { GOLDEN_HISTORY } from '../../server/golden/collections';
import { diffAttributes, historyEntryId, readAsOf, readHistory, readHistoryEntries, saveGolden } from '../../server/golden/goldenStore';
import { withDeferredInserts } from '../../server/store/deferredInserts';
import type { GoldenActor, GoldenHistoryDocument, GoldenRecordDocument } from '../../server/golden/types';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';

let store: Store;
let dataDir: string;
const actor: GoldenActor = { keyId: 'k', name: 'loader', role: 'system' };
const LINEAGE = {
  description: {
    sourceRecordId: 'item|lawson|1',
    source: 'lawson',
    sourceId: '1',
    at: '2026-12-01T00:00:00.000Z',
    strategy: 'most-recent',
  },
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'history-storage-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const STATE = { _id: 'item-g1', domain: 'item', status: 'active' as const, lineage: LINEAGE, overrides: {} };
const FIRST_ATTRIBUTES = { description: 'GLOVE NITRILE', uom: 'BX', gtin: null };
const SECOND_ATTRIBUTES = { description: 'GLOVE NITRILE LG', uom: 'BX' };

async function saveTwoVersions(): Promise<GoldenRecordDocument> {
  const state = STATE;
  const first = await store.withTransaction((session) =>
    saveGolden({
      store,
      session,
      before: null,
      next: { ...state, attributes: { description: 'GLOVE NITRILE', uom: 'BX', gtin: null }, sourceRecordIds: ['item|lawson|1'] },
      cause: 'ingest',
      changeType: 'created',
      actor,
      at: '2026-12-01T00:00:00.000Z',
    }),
  );
  return store.withTransaction((session) =>
    saveGolden({
      store,
      session,
      before: first,
      next: { ...state, attributes: { description: 'GLOVE NITRILE LG', uom: 'BX' }, sourceRecordIds: ['item|lawson|1', 'item|epic|2'] },
      cause: 'ingest',
      changeType: 'updated',
      actor,
      at: '2026-12-02T00:00:00.000Z',
    }),
  );
}

test('a first version is stored without its changes and read with them, exactly as computed when saved', async () => {
  await saveTwoVersions();
  const stored = await store.collection(GOLDEN_HISTORY).find({ goldenId: 'item-g1' }, { sort: { version: 1 } });
  expect(stored.map((entry) => 'changes' in entry)).toEqual([false, true]);

  const history = await readHistory({ store, goldenId: 'item-g1' });
  expect(history.map((entry) => entry.changes)).toEqual([
    [
      { attribute: 'description', before: null, after: 'GLOVE NITRILE' },
      { attribute: 'uom', before: null, after: 'BX' },
    ],
    [{ attribute: 'description', before: 'GLOVE NITRILE', after: 'GLOVE NITRILE LG' }],
  ]);
  expect(history[0]?.changes).toEqual(diffAttributes({}, { description: 'GLOVE NITRILE', uom: 'BX', gtin: null }));
  const asOfFirst = await readAsOf({ store, goldenId: 'item-g1', asOf: '2026-12-01T12:00:00.000Z' });
  expect(asOfFirst?.changes).toEqual(history[0]?.changes);
  expect(asOfFirst?.snapshot.attributes).toEqual({ description: 'GLOVE NITRILE', uom: 'BX', gtin: null });
});

test('entries stored with their changes (before this shape) are read as stored', async () => {
  const old: GoldenHistoryDocument = {
    _id: 'item-g2|00000001',
    goldenId: 'item-g2',
    domain: 'item',
    version: 1,
    at: '2026-11-01T00:00:00.000Z',
    cause: 'ingest',
    actor,
    changes: [{ attribute: 'description', before: null, after: 'AS STORED' }],
    snapshot: { status: 'active', attributes: { description: 'GAUZE' }, lineage: {}, sourceRecordIds: ['item|lawson|9'], overrides: {} },
  };
  await store.collection<GoldenHistoryDocument>(GOLDEN_HISTORY).insertOne(old);
  const [entry] = await readHistory({ store, goldenId: 'item-g2' });
  expect(entry?.changes).toEqual(old.changes);
});

test('only the newest version is stored without its snapshot; every reader gets each snapshot as saved', async () => {
  const second = await saveTwoVersions();
  const stored = await store.collection(GOLDEN_HISTORY).find({ goldenId: 'item-g1' }, { sort: { version: 1 } });
  expect(stored.map((entry) => 'snapshot' in entry)).toEqual([true, false]);

  const firstSnapshot = {
    status: 'active',
    attributes: FIRST_ATTRIBUTES,
    lineage: LINEAGE,
    sourceRecordIds: ['item|lawson|1'],
    overrides: {},
  };
  const secondSnapshot = {
    status: 'active',
    attributes: SECOND_ATTRIBUTES,
    lineage: LINEAGE,
    sourceRecordIds: ['item|epic|2', 'item|lawson|1'],
    overrides: {},
  };
  const history = await readHistory({ store, goldenId: 'item-g1' });
  expect(history.map((entry) => entry.snapshot)).toEqual([firstSnapshot, secondSnapshot]);
  expect((await readAsOf({ store, goldenId: 'item-g1', asOf: '2026-12-03T00:00:00.000Z' }))?.snapshot).toEqual(secondSnapshot);
  const byId = await readHistoryEntries({ store, ids: [historyEntryId('item-g1', 2), historyEntryId('item-g1', 1)] });
  expect(new Map(byId.map((entry) => [entry.version, entry.snapshot]))).toEqual(
    new Map([
      [1, firstSnapshot],
      [2, secondSnapshot],
    ]),
  );

  // A third save writes the second version's snapshot into its entry, and the third is the one left without.
  await store.withTransaction((session) =>
    saveGolden({
      store,
      session,
      before: second,
      next: { ...STATE, status: 'retired', mergedInto: 'item-g9', attributes: SECOND_ATTRIBUTES, sourceRecordIds: [] },
      cause: 'merge',
      changeType: 'retired',
      actor,
      at: '2026-12-03T00:00:00.000Z',
    }),
  );
  const storedAfter = await store.collection<GoldenHistoryDocument>(GOLDEN_HISTORY).find({ goldenId: 'item-g1' }, { sort: { version: 1 } });
  expect(storedAfter.map((entry) => 'snapshot' in entry)).toEqual([true, true, false]);
  expect(storedAfter[1]?.snapshot).toEqual(secondSnapshot);
  const third = await readHistory({ store, goldenId: 'item-g1', afterVersion: 2 });
  expect(third.map((entry) => entry.snapshot)).toEqual([
    { status: 'retired', mergedInto: 'item-g9', attributes: SECOND_ATTRIBUTES, lineage: LINEAGE, sourceRecordIds: [], overrides: {} },
  ]);
});

test('two saves of one record in a transaction that defers its inserts store the first snapshot in the deferred entry', async () => {
  await store.withTransaction((session) =>
    withDeferredInserts({ store, session }, async () => {
      const first = await saveGolden({
        store,
        session,
        before: null,
        next: { ...STATE, attributes: FIRST_ATTRIBUTES, sourceRecordIds: ['item|lawson|1'] },
        cause: 'ingest',
        changeType: 'created',
        actor,
        at: '2026-12-01T00:00:00.000Z',
      });
      await saveGolden({
        store,
        session,
        before: first,
        next: { ...STATE, attributes: SECOND_ATTRIBUTES, sourceRecordIds: ['item|lawson|1'] },
        cause: 'ingest',
        changeType: 'updated',
        actor,
        at: '2026-12-01T00:00:00.000Z',
      });
    }),
  );
  const stored = await store.collection<GoldenHistoryDocument>(GOLDEN_HISTORY).find({ goldenId: 'item-g1' }, { sort: { version: 1 } });
  expect(stored.map((entry) => 'snapshot' in entry)).toEqual([true, false]);
  expect(stored[0]?.snapshot.attributes).toEqual(FIRST_ATTRIBUTES);
  expect((await readHistory({ store, goldenId: 'item-g1' })).map((entry) => entry.snapshot.attributes)).toEqual([
    FIRST_ATTRIBUTES,
    SECOND_ATTRIBUTES,
  ]);
});

test('a newest entry stored with its snapshot (before this shape) keeps it when the next version is saved', async () => {
  const old: GoldenHistoryDocument = {
    _id: historyEntryId('item-g3', 1),
    goldenId: 'item-g3',
    domain: 'item',
    version: 1,
    at: '2026-11-01T00:00:00.000Z',
    cause: 'ingest',
    actor,
    changes: [{ attribute: 'description', before: null, after: 'GAUZE' }],
    snapshot: { status: 'active', attributes: { description: 'GAUZE' }, lineage: {}, sourceRecordIds: ['item|lawson|9'], overrides: {} },
  };
  const golden: GoldenRecordDocument = {
    _id: 'item-g3',
    domain: 'item',
    status: 'active',
    version: 1,
    attributes: { description: 'GAUZE' },
    lineage: {},
    sourceRecordIds: ['item|lawson|9'],
    overrides: {},
    createdAt: old.at,
    updatedAt: old.at,
  };
  await store.collection<GoldenHistoryDocument>(GOLDEN_HISTORY).insertOne(old);
  await store.collection<GoldenRecordDocument>('goldenRecords').insertOne(golden);
  expect(await readHistory({ store, goldenId: 'item-g3' })).toEqual([old]);
  await store.withTransaction((session) =>
    saveGolden({
      store,
      session,
      before: golden,
      next: { ...golden, attributes: { description: 'GAUZE 4X4' } },
      cause: 'ingest',
      changeType: 'updated',
      actor,
    }),
  );
  expect(await store.collection(GOLDEN_HISTORY).findOne({ _id: old._id })).toEqual(old);
  expect((await readHistory({ store, goldenId: 'item-g3' })).map((entry) => entry.snapshot.attributes)).toEqual([
    { description: 'GAUZE' },
    { description: 'GAUZE 4X4' },
  ]);
});

test('a save that lands between a reader’s history read and its golden-record read: the reader re-reads the entry', async () => {
  const second = await saveTwoVersions();
  let isRaced = false;
  // The store as the reader sees it: the first read of golden records lets a third save commit first.
  const racing = new Proxy(store, {
    get(target, key) {
      if (key !== 'collection') {
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== 'goldenRecords') return collection;
        return new Proxy(collection, {
          get(inner, innerKey) {
            const value: unknown = Reflect.get(inner, innerKey, inner);
            if (innerKey !== 'find' || typeof value !== 'function') return typeof value === 'function' ? value.bind(inner) : value;
            return async (...args: unknown[]) => {
              if (!isRaced) {
                isRaced = true;
                await store.withTransaction((session) =>
                  saveGolden({
                    store,
                    session,
                    before: second,
                    next: { ...STATE, attributes: { description: 'GLOVE NITRILE XL' }, sourceRecordIds: ['item|lawson|1'] },
                    cause: 'ingest',
                    changeType: 'updated',
                    actor,
                    at: '2026-12-03T00:00:00.000Z',
                  }),
                );
              }
              return (value as (...a: unknown[]) => unknown).apply(inner, args);
            };
          },
        });
      };
    },
  });
  const history = await readHistory({ store: racing, goldenId: 'item-g1' });
  expect(isRaced).toBe(true);
  // Read before the third save: versions 1 and 2, the second with its own state (not the third's).
  expect(history.map((entry) => [entry.version, entry.snapshot.attributes])).toEqual([
    [1, FIRST_ATTRIBUTES],
    [2, SECOND_ATTRIBUTES],
  ]);
});
