/** `namedByNotAMatch`: which of a group's source records some not-a-match pair names, from either side. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { namedByNotAMatch } from '../../server/golden';
import { createLogger } from '../../server/logger';
import { NOT_A_MATCH } from '../../server/stewardship/collections';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';

let store: Store;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'not-a-match-group-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await store.collection(NOT_A_MATCH).insertMany([
    { _id: 'p1', a: 'item|erp|1', b: 'item|epic|2' },
    { _id: 'p2', a: 'item-golden9', b: 'item|erp|3' },
  ]);
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test.each([
  { recordIds: [], named: [] },
  { recordIds: ['item|erp|1'], named: ['item|erp|1'] },
  { recordIds: ['item|epic|2', 'item|erp|4'], named: ['item|epic|2'] },
  { recordIds: ['item|erp|3', 'item|erp|3', 'item|erp|5'], named: ['item|erp|3'] },
  { recordIds: ['item|erp|4', 'item|erp|5'], named: [] },
])('$recordIds → $named', async ({ recordIds, named }) => {
  expect([...(await namedByNotAMatch({ store, recordIds }))].sort()).toEqual(named);
});
