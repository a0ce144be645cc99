/**
 * Issue 11 items 3 and 4: deeply nested JSON. Bodies past MDM_MAX_JSON_DEPTH are refused with 400
 * PAYLOAD_TOO_DEEP naming where; in ingest, only the deep record fails (PAYLOAD_TOO_DEEP exception)
 * and every other record of the request is accounted for. After each case the server still serves.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer } from '../support/factories/ingest';
import { deepJsonText, expectStillServing, publishNormalMapping } from './runtimeSupport';
import { at } from '../support/must';

interface ErrorBody {
  error: { status: number; code: string; message: string; details?: Array<{ path?: string; code: string }> };
}

let server: TestServer;
let sourceKey: string;

beforeAll(async () => {
  server = await startIngestServer();
  await publishNormalMapping(server);
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  sourceKey = await server.createKey('source:erp');
}, 120_000);
afterAll(async () => server.stop());

/** An item row whose NOTES field holds `depth` levels of nesting. */
function deepRowText(depth: number): string {
  const row = JSON.stringify(erpItemRow());
  return `${row.slice(0, -1)},"NOTES":${deepJsonText(depth)}}`;
}

describe('ingest: a deep record fails alone, every record is accounted for', () => {
  test('one record nested 10,000 levels deep from a source key → 200 with a PAYLOAD_TOO_DEEP exception for it', async () => {
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: deepRowText(10_000),
      contentType: 'application/json',
      key: sourceKey,
    });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ received: 1, accepted: 0, unchanged: 0, exceptions: 1 });
    expect(at(response.body.records, 0).exception).toMatchObject({ stage: 'parse', code: 'PAYLOAD_TOO_DEEP' });
    expect(at(response.body.records, 0).exception?.message).toContain('NOTES.a.a');
    await expectStillServing(server);
  });

  test('700 records whose record 600 is too deep → per-record outcomes for all 700 (699 accepted, 1 exception)', async () => {
    const rows = Array.from({ length: 700 }, (_, index) => (index === 600 ? deepRowText(10_000) : JSON.stringify(erpItemRow())));
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: `[${rows.join(',')}]`,
      contentType: 'application/json',
      key: sourceKey,
    });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ received: 700, accepted: 699, unchanged: 0, exceptions: 1 });
    expect(response.body.records).toHaveLength(700);
    expect(response.body.records[600]).toMatchObject({
      outcome: 'exception',
      position: { index: 600 },
      exception: { code: 'PAYLOAD_TOO_DEEP' },
    });
    expect(response.body.records.filter((record) => record.outcome === 'accepted')).toHaveLength(699);
    await expectStillServing(server);
  });

  test('NDJSON: the deep line is a PAYLOAD_TOO_DEEP exception, the lines around it are accepted', async () => {
    const body = [JSON.stringify(erpItemRow()), deepRowText(5000), JSON.stringify(erpItemRow())].join('\n');
    const response = await ingest(server, { source: 'erp', domain: 'item', body, contentType: 'application/x-ndjson', key: sourceKey });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ received: 3, accepted: 2, unchanged: 0, exceptions: 1 });
    expect(response.body.records[1]).toMatchObject({ position: { line: 2 }, exception: { code: 'PAYLOAD_TOO_DEEP' } });
    await expectStillServing(server);
  });

  test('a record exactly at the limit (64 levels) is read; one level more is not', async () => {
    // The record object is level 1, so NOTES may hold 63 levels.
    const atLimit = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: deepRowText(63),
      contentType: 'application/json',
      key: sourceKey,
    });
    expect(at(atLimit.body.records, 0).exception?.code).not.toBe('PAYLOAD_TOO_DEEP');
    const overLimit = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: deepRowText(64),
      contentType: 'application/json',
      key: sourceKey,
    });
    expect(at(overLimit.body.records, 0).exception?.code).toBe('PAYLOAD_TOO_DEEP');
  });

  test('a mapping that builds a record deeper than the limit fails that record with MAPPING_OUTPUT_TOO_DEEP', async () => {
    await publishMapping(server, {
      source: 'deepout',
      domain: 'item',
      expression: `DEEP = 'Y' ? ($f := function($n){ $n = 0 ? {} : { "a": $f($n - 1) } }; { "sourceId": INV_ITEM_ID, "description": DESCR60, "extra": $f(200) }) : ${ERP_ITEM_EXPRESSION}`,
    });
    const body = [JSON.stringify(erpItemRow()), JSON.stringify(erpItemRow({ DEEP: 'Y' }))].join('\n');
    const response = await ingest(server, { source: 'deepout', domain: 'item', body, contentType: 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(at(response.body.records, 0).outcome).toBe('accepted');
    expect(at(response.body.records, 1).exception).toMatchObject({ stage: 'map', code: 'MAPPING_OUTPUT_TOO_DEEP' });
    await expectStillServing(server);
  });
});

describe('JSON bodies past the depth limit → 400 PAYLOAD_TOO_DEEP naming where', () => {
  test('PUT /lookups with a table nested 4,000 deep', async () => {
    const raw = `{"description":"deep","entries":{"K1":${deepJsonText(4000)}}}`;
    const response = await server.request<ErrorBody>('PUT', '/api/v1/lookups/deep-table', { raw, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_DEEP');
    expect(response.body.error.message).toContain('body.entries.K1.a.a');
    expect(response.body.error.details?.[0]).toMatchObject({ code: 'PAYLOAD_TOO_DEEP' });
    expect((await server.request('GET', '/api/v1/lookups/deep-table')).status).toBe(404);
    await expectStillServing(server);
  });

  test('PUT /mappings with a sample nested 5,000 deep', async () => {
    const raw = `{"expression":"{ \\"sourceId\\": id }","samples":[${deepJsonText(5000)}]}`;
    const response = await server.request<ErrorBody>('PUT', '/api/v1/mappings/deepsample/item', { raw, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_DEEP');
    expect(response.body.error.message).toContain('body.samples[0].a.a');
    await expectStillServing(server);
  });

  test('a preview with a payload nested 10,000 deep', async () => {
    const raw = `{"expression":"a","payloads":[${deepJsonText(10_000)}]}`;
    const response = await server.request<ErrorBody>('POST', '/api/v1/mappings/erp/item/preview', { raw, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_DEEP');
    await expectStillServing(server);
  });
});

describe('mappings as code', () => {
  test(
    'a lookup table file nested 4,000 deep is refused at start-up with the reason; the server starts and serves',
    { timeout: 120_000 },
    async () => {
      const mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-deep-lookup-'));
      await mkdir(path.join(mappingsDir, 'lookups'));
      await writeFile(path.join(mappingsDir, 'lookups', 'deep-file.json'), `{"description":"deep","entries":{"K1":${deepJsonText(4000)}}}`);
      const fileServer = await startTestServer({ env: { MDM_MAPPINGS_DIR: mappingsDir } });
      try {
        expect((await fileServer.request('GET', '/api/v1/lookups/deep-file')).status).toBe(404);
        await publishNormalMapping(fileServer);
        await expectStillServing(fileServer);
      } finally {
        await fileServer.stop();
        await rm(mappingsDir, { recursive: true, force: true });
      }
    },
  );
});
