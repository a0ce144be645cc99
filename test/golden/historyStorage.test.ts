/**
 * How golden-record history is stored: a first version keeps its snapshot but not its `changes` (every
 * attribute from nothing, i.e. the snapshot's attributes again); readers answer them exactly as if stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { GOLDEN_HISTORY } from '../../server/golden/collections';
import { diffAttributes, readAsOf, readHistory, saveGolden } from '../../server/golden/goldenStore';
import type { GoldenActor, GoldenHistoryDocument } from '../../server/golden/types';
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

async function saveTwoVersions(): Promise<void> {
  const state = { _id: 'item-g1', domain: 'item', status: 'active' as const, lineage: LINEAGE, overrides: {} };
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
  await store.withTransaction((session) =>
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
