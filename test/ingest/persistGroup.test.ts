/**
 * The persist stage reads which source records of a group are stored once, at the group's start
 * (server/ingest/persistStage.ts): a source id that the group itself stores earlier must still be seen
 * as stored when it comes again, and a new record as new.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => server.stop());

test('a new source id sent twice in one request is created, then updated, in one golden record', async () => {
  const original = erpItemRow();
  const changed = { ...original, DESCR60: `${original.DESCR60} STERILE` };
  const other = erpItemRow();
  const batch = await ingest(server, {
    source: 'erp',
    domain: 'item',
    body: toNdjson([original, other, changed, changed]),
    contentType: 'application/x-ndjson',
  });
  expect(batch.body.totals).toEqual({ received: 4, accepted: 3, unchanged: 1, exceptions: 0 });
  expect(batch.body.records.map((r) => [r.outcome, r.change])).toEqual([
    ['accepted', 'created'],
    ['accepted', 'created'],
    ['accepted', 'updated'],
    ['unchanged', undefined],
  ]);
  const goldenId = at(batch.body.records, 0).goldenId;
  expect(at(batch.body.records, 2).goldenId).toBe(goldenId);
  expect(at(batch.body.records, 3).goldenId).toBe(goldenId);
  const sourceRecordId = at(batch.body.records, 0).sourceRecordId;
  const stored = await server.running.services.store.collection('sourceRecords').findOne({ _id: sourceRecordId });
  expect(stored).toMatchObject({ version: 2, goldenId });
});
