/**
 * "What changes": the draft against the published version on the most recent real payloads of that
 * source and domain. Source records are written the way ingest stores them (server/golden/types.ts),
 * directly, so this test does not depend on the ingest pipeline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SourceRecordDocument } from '../../server/golden/types';
import { startTestServer, type TestServer } from '../support/testServer';
import { LAWSON_ITEM_EXPRESSION, LAWSON_UOM_ENTRIES, lawsonItemPayload, putDraft, putLookup } from '../support/factories/mappings';
import { at } from '../support/must';

let server: TestServer;
let mappingsDir: string;

beforeAll(async () => {
  mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-'));
  server = await startTestServer({ env: { MDM_MAPPINGS_DIR: mappingsDir } });
  await putLookup(server, 'lawson-uom', LAWSON_UOM_ENTRIES);
});
afterAll(async () => {
  await server?.stop();
  await rm(mappingsDir, { recursive: true, force: true });
});

function sourceRecord(options: { source: string; raw: Record<string, unknown>; minutesAgo: number }): SourceRecordDocument {
  const at = new Date(Date.now() - options.minutesAgo * 60_000).toISOString();
  const sourceId = String(options.raw.ITEM);
  return {
    _id: `item|${options.source}|${sourceId}`,
    domain: 'item',
    source: options.source,
    sourceId,
    goldenId: `g-${sourceId}`,
    raw: options.raw,
    canonical: {},
    payloadHash: sourceId,
    mappingVersion: 1,
    schemaVersion: '1.0.0',
    receivedAt: at,
    updatedAt: at,
    version: 1,
  };
}

test('lists only the records whose output would change, with both outputs and the changed fields, newest first within the limit', async () => {
  await putDraft(server, 'diff-src/item', { expression: LAWSON_ITEM_EXPRESSION });
  expect((await server.request('POST', '/api/v1/mappings/diff-src/item/publish', { body: {} })).status).toBe(201);
  const records = [
    sourceRecord({ source: 'diff-src', raw: lawsonItemPayload({ ITEM: '1', STOCK_UOM: 'BOX' }), minutesAgo: 1 }),
    sourceRecord({ source: 'diff-src', raw: lawsonItemPayload({ ITEM: '2', STOCK_UOM: 'EACH', DESCRIPTION: 'SUTURE 4-0 ' }), minutesAgo: 2 }),
    sourceRecord({ source: 'diff-src', raw: lawsonItemPayload({ ITEM: '3', STOCK_UOM: 'CASE', DESCRIPTION: 'GAUZE' }), minutesAgo: 3 }),
    sourceRecord({ source: 'diff-src', raw: lawsonItemPayload({ ITEM: '4', DESCRIPTION: 'OLD  ' }), minutesAgo: 500 }),
    // Another source's record is never examined.
    sourceRecord({ source: 'other-src', raw: lawsonItemPayload({ ITEM: '5', DESCRIPTION: 'X ' }), minutesAgo: 1 }),
  ];
  await server.running.services.store.collection<SourceRecordDocument>('sourceRecords').insertMany(records);

  // The draft trims descriptions: only records 2 (and 4, outside the limit) have trailing spaces.
  await putDraft(server, 'diff-src/item', { expression: LAWSON_ITEM_EXPRESSION.replace('"description": DESCRIPTION', '"description": $trim(DESCRIPTION)') });
  const response = await server.request<{ examined: number; changed: number; unchanged: number; publishedVersion: number; items: Array<Record<string, unknown>> }>('POST', '/api/v1/mappings/diff-src/item/diff-preview', { body: { limit: 3 } });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ examined: 3, changed: 1, unchanged: 2, publishedVersion: 1 });
  expect(response.body.items).toEqual([
    {
      sourceRecordId: 'item|diff-src|2',
      sourceId: '2',
      published: { ok: true, output: expect.objectContaining({ description: 'SUTURE 4-0 ', baseUom: 'EA' }) },
      draft: { ok: true, output: expect.objectContaining({ description: 'SUTURE 4-0', baseUom: 'EA' }) },
      changedFields: ['description'],
    },
  ]);

  const wider = await server.request<{ examined: number; changed: number; items: Array<{ sourceId: string }> }>('POST', '/api/v1/mappings/diff-src/item/diff-preview', { body: {} });
  expect(wider.body).toMatchObject({ examined: 4, changed: 2 });
  expect(wider.body.items.map((item) => item.sourceId)).toEqual(['2', '4']);
});

test('a draft that fails where the published version worked is listed with its error', async () => {
  await putDraft(server, 'diff-err-src/item', { expression: LAWSON_ITEM_EXPRESSION });
  await server.request('POST', '/api/v1/mappings/diff-err-src/item/publish', { body: {} });
  await server.running.services.store.collection<SourceRecordDocument>('sourceRecords').insertMany([sourceRecord({ source: 'diff-err-src', raw: lawsonItemPayload({ ITEM: 'A1' }), minutesAgo: 1 })]);
  await putDraft(server, 'diff-err-src/item', { expression: '{ "sourceId": ITEM, "description": DESCRIPTION, "price": { "amount": $number(ITEM) } }' });
  const response = await server.request<{ changed: number; items: Array<{ published: { ok: boolean }; draft: { ok: boolean; error: { code: string } } }> }>('POST', '/api/v1/mappings/diff-err-src/item/diff-preview', { body: {} });
  expect(response.body.changed).toBe(1);
  expect(at(response.body.items, 0).published.ok).toBe(true);
  expect(at(response.body.items, 0).draft).toMatchObject({ ok: false, error: { code: 'MAPPING_ERROR' } });
});
