/** Replaying exceptions after a mapping fix: one, and all of a filter; a record that still fails stays open. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

// Version 1 passes the source's unit codes through; the source writes PLT (pallet) and BXS, which
// are not canonical units. Version 2 maps them.
const V1 = `{ "sourceId": INV_ITEM_ID, "description": DESCR60, "gtin": GTIN, "baseUom": UNIT_MEASURE_STD }`;
const V2 = `{ "sourceId": INV_ITEM_ID, "description": DESCR60, "gtin": GTIN, "baseUom": UNIT_MEASURE_STD = 'PLT' ? 'CS' : UNIT_MEASURE_STD = 'BXS' ? 'BX' : UNIT_MEASURE_STD }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'item', expression: V1 });
});
afterAll(async () => server.stop());

interface ReplayOne {
  status: 'replayed' | 'open';
  result: { outcome: string; goldenId?: string; exception?: { code: string } };
  exception: {
    id: string;
    status: string;
    mappingVersion: number;
    occurrences: number;
    closed?: { goldenId?: string; sourceRecordId?: string };
  };
}

test('after a mapping fix, replaying one exception accepts the record and closes the exception; replaying a filter does the rest', async () => {
  const rows = [
    erpItemRow({ UNIT_MEASURE_STD: 'PLT' }),
    erpItemRow({ UNIT_MEASURE_STD: 'BXS' }),
    erpItemRow({ UNIT_MEASURE_STD: 'BXS' }),
    erpItemRow({ UNIT_MEASURE_STD: 'BXS', GTIN: '12345678901234' }),
    erpItemRow({ UNIT_MEASURE_STD: 'EA' }),
  ];
  const first = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
  expect(first.body.totals).toEqual({ received: 5, accepted: 1, unchanged: 0, exceptions: 4 });
  const ids = first.body.records.slice(0, 4).map((record) => record.exception?.id as string);

  // Replaying before the fix: the record fails the same way, the exception stays open.
  const early = await server.request<ReplayOne>('POST', `/api/v1/exceptions/${ids[0]}/replay`);
  expect(early.status).toBe(200);
  expect(early.body.status).toBe('open');
  expect(early.body.exception).toMatchObject({ id: ids[0], status: 'open', occurrences: 2 });

  expect(await publishMapping(server, { source: 'erp', domain: 'item', expression: V2 })).toBe(2);

  const one = await server.request<ReplayOne>('POST', `/api/v1/exceptions/${ids[0]}/replay`);
  expect(one.body.status).toBe('replayed');
  expect(one.body.result.outcome).toBe('accepted');
  expect(one.body.exception.status).toBe('replayed');
  expect(one.body.exception.closed?.goldenId).toBe(one.body.result.goldenId);
  const xref = await server.request<{ goldenId: string; golden: { attributes: Record<string, unknown> } }>(
    'GET',
    `/api/v1/xref/item/erp/${at(rows, 0).INV_ITEM_ID}`,
  );
  expect(xref.body.golden.attributes.baseUom).toBe('CS');

  const again = await server.request<{ error: { code: string } }>('POST', `/api/v1/exceptions/${ids[0]}/replay`);
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('EXCEPTION_CLOSED');

  const many = await server.request<{ matched: number; replayed: number; stillFailing: number; jobId: string | null }>(
    'POST',
    '/api/v1/exceptions/replay',
    { body: { source: 'erp', domain: 'item' } },
  );
  expect(many.status).toBe(200);
  expect(many.body).toEqual({ matched: 3, replayed: 2, stillFailing: 1, jobId: null });

  const stillOpen = await server.request<{ items: Array<{ id: string; code: string; mappingVersion: number }> }>(
    'GET',
    '/api/v1/exceptions?source=erp',
  );
  expect(stillOpen.body.items).toEqual([expect.objectContaining({ id: ids[3], code: 'INVALID_GTIN', mappingVersion: 2 })]);
  const replayed = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=erp&status=replayed');
  expect(replayed.body.total).toBe(3);
});

test('an unreadable line cannot be replayed', async () => {
  const response = await ingest(server, {
    source: 'erp',
    domain: 'item',
    body: '{"INV_ITEM_ID": "1"\n',
    contentType: 'application/x-ndjson',
  });
  const id = at(response.body.records, 0).exception?.id;
  const replay = await server.request<{ error: { code: string } }>('POST', `/api/v1/exceptions/${id}/replay`);
  expect(replay.status).toBe(409);
  expect(replay.body.error.code).toBe('EXCEPTION_NOT_REPLAYABLE');
});

test('more exceptions than the inline limit replay as a job with progress', async () => {
  // A fresh source whose mapping rejects every record until fixed.
  await publishMapping(server, {
    source: 'legacy',
    domain: 'item',
    expression: `{ "sourceId": INV_ITEM_ID, "description": DESCR60, "baseUom": UNIT_MEASURE_STD }`,
  });
  const rows = Array.from({ length: 205 }, () => erpItemRow({ UNIT_MEASURE_STD: 'PLT' }));
  const first = await ingest(server, { source: 'legacy', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
  expect(first.body.totals.exceptions).toBe(205);
  await publishMapping(server, {
    source: 'legacy',
    domain: 'item',
    expression: `{ "sourceId": INV_ITEM_ID, "description": DESCR60, "baseUom": UNIT_MEASURE_STD = 'PLT' ? 'CS' : UNIT_MEASURE_STD }`,
  });

  const started = await server.request<{ matched: number; jobId: string }>('POST', '/api/v1/exceptions/replay', {
    body: { source: 'legacy', code: 'INVALID_UOM' },
  });
  expect(started.status).toBe(202);
  expect(started.body.matched).toBe(205);
  expect(started.headers.get('location')).toBe(`/api/v1/jobs/${started.body.jobId}`);
  const job = await server.running.services.jobs.waitFor(started.body.jobId);
  expect(job.status).toBe('succeeded');
  expect(job.result).toEqual({ replayed: 205, stillFailing: 0 });
  expect(job.progress).toMatchObject({ done: 205, failed: 0 });
  const open = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=legacy');
  expect(open.body.total).toBe(0);
}, 120_000);
