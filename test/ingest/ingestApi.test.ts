/** Inline ingest through HTTP: every content type, idempotency, updates, lineage, limits and authorization. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import {
  ERP_ITEM_EXPRESSION,
  erpItemRow,
  gtin14,
  ingest,
  publishMapping,
  startIngestServer,
  toCsv,
  toNdjson,
  type IngestBody,
} from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer({ env: { MDM_INGEST_BODY_LIMIT: '65536' } });
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => server.stop());

function expectCountsAddUp(body: IngestBody): void {
  const { received, accepted, unchanged, exceptions } = body.totals;
  expect(received).toBe(body.records.length);
  expect(accepted + unchanged + exceptions).toBe(received);
  expect(body.records.filter((record) => record.outcome === 'accepted')).toHaveLength(accepted);
  expect(body.records.filter((record) => record.outcome === 'unchanged')).toHaveLength(unchanged);
  expect(body.records.filter((record) => record.outcome === 'exception')).toHaveLength(exceptions);
}

describe('content types', () => {
  test.each([
    {
      name: 'one JSON object',
      contentType: 'application/json',
      build: (rows: Record<string, string>[]) => JSON.stringify(rows[0]),
      count: 1,
    },
    { name: 'a JSON array', contentType: 'application/json', build: (rows: Record<string, string>[]) => JSON.stringify(rows), count: 3 },
    { name: 'NDJSON', contentType: 'application/x-ndjson', build: (rows: Record<string, string>[]) => toNdjson(rows), count: 3 },
    {
      name: 'NDJSON with CRLF and charset',
      contentType: 'application/x-ndjson; charset=utf-8',
      build: (rows: Record<string, string>[]) => toNdjson(rows).replace(/\n/g, '\r\n'),
      count: 3,
    },
    { name: 'CSV with a header row', contentType: 'text/csv', build: (rows: Record<string, string>[]) => toCsv(rows), count: 3 },
  ])('$name: every record accepted with a golden id', async ({ contentType, build, count }) => {
    const rows = [erpItemRow(), erpItemRow({ DESCR60: 'GLOVE EXAM NITRILE, POWDER-FREE "BLUE" MD' }), erpItemRow()];
    const response = await ingest(server, { source: 'erp', domain: 'item', body: build(rows), contentType });
    expect(response.status).toBe(200);
    expectCountsAddUp(response.body);
    expect(response.body.totals).toEqual({ received: count, accepted: count, unchanged: 0, exceptions: 0 });
    for (const [index, record] of response.body.records.entries()) {
      expect(record).toMatchObject({
        index,
        outcome: 'accepted',
        sourceId: at(rows, index).INV_ITEM_ID,
        change: 'created',
        sourceRecordId: `item|erp|${at(rows, index).INV_ITEM_ID}`,
      });
      expect(record.goldenId).toMatch(/^item-/);
    }
    expect(response.body.mappingVersion).toBe(1);
  });

  test('the stored source record keeps raw payload, standardised canonical record and lineage', async () => {
    const gtin = gtin14('0038290351234');
    // A 12-digit GTIN (leading zeros lost), a unit alias and messy whitespace.
    const fixed = erpItemRow({ GTIN: gtin.slice(2), UNIT_MEASURE_STD: 'case', DESCR60: '  SPONGE   GAUZE 4X4\tSTERILE ' });
    const response = await ingest(server, { source: 'erp', domain: 'item', body: JSON.stringify(fixed), contentType: 'application/json' });
    expect(at(response.body.records, 0).outcome).toBe('accepted');
    const golden = await server.request<{
      sources: Array<{ raw: unknown; canonical: Record<string, unknown>; mappingVersion: number; schemaVersion: string }>;
    }>('GET', `/api/v1/golden/item/${at(response.body.records, 0).goldenId}?include=sources`);
    expect(golden.status).toBe(200);
    const source = at(golden.body.sources, 0);
    expect(source.raw).toEqual(fixed);
    expect(source.mappingVersion).toBe(1);
    expect(source.schemaVersion).toBe('1.0.0');
    // Standardised: GTIN padded to 14 digits, unit alias to its code, whitespace cleaned.
    expect(source.canonical.gtin).toBe(gtin);
    expect(source.canonical.baseUom).toBe('CS');
    expect(source.canonical.description).toBe('SPONGE GAUZE 4X4 STERILE');
  });
});

describe('idempotency', () => {
  test('the same content twice is a no-op with the same golden ids; a changed payload is an update', async () => {
    const rows = [erpItemRow(), erpItemRow()];
    const first = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    const again = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(again.body.totals).toEqual({ received: 2, accepted: 0, unchanged: 2, exceptions: 0 });
    expect(again.body.records.map((record) => record.goldenId)).toEqual(first.body.records.map((record) => record.goldenId));

    // Same content as CSV (different bytes, same records) is unchanged too.
    const asCsv = await ingest(server, { source: 'erp', domain: 'item', body: toCsv(rows), contentType: 'text/csv' });
    expect(asCsv.body.totals.unchanged).toBe(2);

    const changed = { ...rows[1], DESCR60: `${at(rows, 1).DESCR60} LATEX FREE` };
    const update = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([rows[0], changed]),
      contentType: 'application/x-ndjson',
    });
    expect(update.body.totals).toEqual({ received: 2, accepted: 1, unchanged: 1, exceptions: 0 });
    expect(update.body.records[1]).toMatchObject({ outcome: 'accepted', change: 'updated', goldenId: at(first.body.records, 1).goldenId });
    const golden = await server.request<{ attributes: Record<string, unknown> }>(
      'GET',
      `/api/v1/golden/item/${at(first.body.records, 1).goldenId}`,
    );
    expect(golden.body.attributes.description).toBe(changed.DESCR60);
  });

  test('Idempotency-Key replays the stored response; the same key with another body is refused', async () => {
    const rows = [erpItemRow(), erpItemRow()];
    const headers = { 'Idempotency-Key': `batch-${at(rows, 0).INV_ITEM_ID}` };
    const first = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson(rows),
      contentType: 'application/x-ndjson',
      headers,
    });
    expect(first.body.totals.accepted).toBe(2);
    expect(first.headers.get('idempotent-replayed')).toBe('false');
    const retry = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson(rows),
      contentType: 'application/x-ndjson',
      headers,
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    // The stored answer, not a second run (which would say "unchanged").
    expect(retry.body).toEqual(first.body);

    const reused = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([erpItemRow()]),
      contentType: 'application/x-ndjson',
      headers,
    });
    expect(reused.status).toBe(422);
    expect((reused.body as unknown as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('refusals', () => {
  test('no published mapping → 422 NO_PUBLISHED_MAPPING, nothing stored', async () => {
    const response = await ingest(server, {
      source: 'unmapped',
      domain: 'item',
      body: JSON.stringify(erpItemRow()),
      contentType: 'application/json',
    });
    expect(response.status).toBe(422);
    expect((response.body as unknown as { error: { code: string } }).error.code).toBe('NO_PUBLISHED_MAPPING');
    const exceptions = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=unmapped');
    expect(exceptions.body.total).toBe(0);
  });

  test('unknown domain → 404', async () => {
    const response = await ingest(server, { source: 'erp', domain: 'widget', body: '{}', contentType: 'application/json' });
    expect(response.status).toBe(404);
  });

  test('a body above the inline limit → 413 naming the upload-job endpoint', async () => {
    const rows = Array.from({ length: 400 }, () => erpItemRow());
    const response = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(response.status).toBe(413);
    const error = (response.body as unknown as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('/api/v1/ingest/erp/item/jobs');
  });

  test.each([
    { body: '{"INV_ITEM_ID": ', code: 'INVALID_JSON' },
    { body: '"just a string"', code: 'INVALID_INGEST_BODY' },
  ])('broken JSON body $body → 400 $code', async ({ body, code }) => {
    const response = await ingest(server, { source: 'erp', domain: 'item', body, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect((response.body as unknown as { error: { code: string } }).error.code).toBe(code);
  });

  test('unsupported content type → 415', async () => {
    const response = await ingest(server, { source: 'erp', domain: 'item', body: '%PDF-1.7', contentType: 'application/pdf' });
    expect(response.status).toBe(415);
  });

  test('a source key may ingest for its own source only', async () => {
    const key = await server.createKey('source:erp');
    const own = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: JSON.stringify(erpItemRow()),
      contentType: 'application/json',
      key,
    });
    expect(own.status).toBe(200);
    const other = await ingest(server, {
      source: 'lawson',
      domain: 'item',
      body: JSON.stringify(erpItemRow()),
      contentType: 'application/json',
      key,
    });
    expect(other.status).toBe(403);
    const upload = await server.request('POST', '/api/v1/ingest/lawson/item/jobs', {
      raw: toNdjson([erpItemRow()]),
      contentType: 'application/x-ndjson',
      key,
    });
    expect(upload.status).toBe(403);
  });
});

describe('metrics', () => {
  test('ingest counters by source, domain and outcome', async () => {
    await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([erpItemRow(), erpItemRow({ GTIN: '12345' })]),
      contentType: 'application/x-ndjson',
    });
    const metrics = await server.request('GET', '/metrics');
    expect(metrics.text).toMatch(
      /mdm_ingest_records_total\{(?=[^}]*source="erp")(?=[^}]*domain="item")(?=[^}]*outcome="accepted")[^}]*\} [1-9]/,
    );
    expect(metrics.text).toMatch(/mdm_ingest_exceptions_total\{(?=[^}]*code="INVALID_GTIN")[^}]*\} [1-9]/);
  });
});
