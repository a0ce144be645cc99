/**
 * A record prepared once (`prepareIncoming`) is matched and indexed exactly as when each step prepares it
 * itself; a preparation made under another rules version is ignored and the record prepared again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import { MATCH_INDEX, ensureMatchIndexes, indexRecord, loadRules, matchRecord, prepareIncoming } from '../../server/matching';
import type { CanonicalRecord, CompiledRules, IncomingPreparation } from '../../server/matching';

let store: Store;
let dataDir: string;
let items: CompiledRules;

const GLOVE: CanonicalRecord = {
  sourceId: 'a',
  description: 'GLOVE EXAM NITRILE PF LG',
  manufacturer: { name: 'Medline Industries, Inc.' },
  manufacturerPartNumber: '10-775-PA-55',
};
const SAME_GLOVE: CanonicalRecord = { ...GLOVE, sourceId: 'b', description: 'GLOVE EXAM NITRILE POWDER FREE LARGE' };
const GAUZE: CanonicalRecord = {
  sourceId: 'c',
  description: 'GAUZE SPONGE 4X4 12PLY STERILE',
  manufacturer: { name: 'Covidien' },
  manufacturerPartNumber: '441211',
};

beforeAll(async () => {
  items = await loadRules('item');
});

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'incoming-preparation-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await ensureMatchIndexes(store);
  await indexRecord({ store, rules: items, recordId: 'src:a', goldenId: 'g-a', record: GLOVE });
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('matching with the record prepared once decides and explains exactly as preparing it inside', async () => {
  const inside = await matchRecord({ store, rules: items, record: SAME_GLOVE, recordId: 'src:b' });
  const once = await matchRecord({
    store,
    rules: items,
    record: SAME_GLOVE,
    recordId: 'src:b',
    preparation: prepareIncoming(SAME_GLOVE, items),
  });
  expect(inside.best?.goldenId).toBe('g-a');
  expect(once).toEqual(inside);
});

test('indexing with the record prepared once stores the same entry', async () => {
  await indexRecord({ store, rules: items, recordId: 'src:b', goldenId: 'g-b', record: SAME_GLOVE });
  const inside = await store.collection(MATCH_INDEX).findOne({ _id: 'item|src:b' }, { projection: { indexedAt: 0 } });
  await indexRecord({
    store,
    rules: items,
    recordId: 'src:b',
    goldenId: 'g-b',
    record: SAME_GLOVE,
    preparation: prepareIncoming(SAME_GLOVE, items),
  });
  const once = await store.collection(MATCH_INDEX).findOne({ _id: 'item|src:b' }, { projection: { indexedAt: 0 } });
  expect(once).toEqual(inside);
});

test('a preparation is used as given under its rules version and ignored under another', async () => {
  // The gauze's preparation handed over for the glove: used, it finds nothing like the glove.
  const gauze = prepareIncoming(GAUZE, items);
  const used = await matchRecord({ store, rules: items, record: SAME_GLOVE, recordId: 'src:b', preparation: gauze });
  expect(used.best).toBeNull();
  // The same preparation stamped with another rules version (a publish in between): prepared again.
  const stale: IncomingPreparation = { ...gauze, rulesVersion: `${items.version}-before` };
  const ignored = await matchRecord({ store, rules: items, record: SAME_GLOVE, recordId: 'src:b', preparation: stale });
  expect(ignored.best?.goldenId).toBe('g-a');
});
