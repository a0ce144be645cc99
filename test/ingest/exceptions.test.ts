/** The exception queue through HTTP: every code ingest emits, the stored exception, filters, counts, resolve and discard. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import {
  ERP_ITEM_EXPRESSION,
  ERP_VENDOR_EXPRESSION,
  erpItemRow,
  erpVendorRow,
  ingest,
  publishMapping,
  startIngestServer,
  toCsv,
  toNdjson,
} from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

/** Fails when KIND says so, produces nothing for KIND "none", else maps like the ERP item mapping. */
const PICKY_ITEM_EXPRESSION = `KIND = 'kit' ? $error('Kit items (' & INV_ITEM_ID & ') are not supported yet') : KIND = 'none' ? nothing : ${ERP_ITEM_EXPRESSION}`;

interface ExceptionView {
  id: string;
  source: string;
  domain: string;
  sourceId?: string;
  stage: string;
  code: string;
  path?: string;
  message: string;
  problems: Array<{ path?: string; code: string; message: string }>;
  status: string;
  occurrences: number;
  mappingVersion: number | null;
  schemaVersion: string | null;
  isReplayable: boolean;
  raw?: unknown;
  closed?: { reason?: string; by: { keyId: string } };
}

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  await publishMapping(server, { source: 'erp', domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
  await publishMapping(server, { source: 'picky', domain: 'item', expression: PICKY_ITEM_EXPRESSION });
});
afterAll(async () => server.stop());

function withoutField(row: Record<string, string>, field: string): Record<string, string> {
  const { [field]: _dropped, ...rest } = row;
  void _dropped;
  return rest;
}

const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });

const CASES = [
  { code: 'MAPPING_ERROR', stage: 'map', source: 'picky', domain: 'item', ...json(erpItemRow({ KIND: 'kit' })), messagePart: 'Kit items' },
  {
    code: 'MAPPING_NO_OUTPUT',
    stage: 'map',
    source: 'picky',
    domain: 'item',
    ...json(erpItemRow({ KIND: 'none' })),
    messagePart: 'produced nothing',
  },
  {
    code: 'MISSING_SOURCE_ID',
    stage: 'validate',
    source: 'erp',
    domain: 'item',
    path: 'sourceId',
    ...json(erpItemRow({ INV_ITEM_ID: '' })),
    messagePart: 'sourceId',
  },
  {
    code: 'SCHEMA_VIOLATION',
    stage: 'validate',
    source: 'erp',
    domain: 'item',
    path: 'description',
    problem: 'REQUIRED',
    ...json(withoutField(erpItemRow(), 'DESCR60')),
    messagePart: 'description is required',
  },
  {
    code: 'INVALID_GTIN',
    stage: 'validate',
    source: 'erp',
    domain: 'item',
    path: 'gtin',
    problem: 'FORMAT_GTIN',
    ...json(erpItemRow({ GTIN: '00382903512349' })),
    messagePart: 'check digit',
  },
  {
    code: 'INVALID_NDC',
    stage: 'validate',
    source: 'erp',
    domain: 'item',
    path: 'ndc',
    problem: 'FORMAT_NDC',
    ...json(erpItemRow({ NDC: '0002015201' })),
    messagePart: 'ambiguous',
  },
  {
    code: 'INVALID_UOM',
    stage: 'validate',
    source: 'erp',
    domain: 'item',
    path: 'baseUom',
    problem: 'FORMAT_UOM',
    ...json(erpItemRow({ UNIT_MEASURE_STD: 'PLT' })),
    messagePart: 'unit of measure',
  },
  {
    code: 'INVALID_EIN',
    stage: 'validate',
    source: 'erp',
    domain: 'supplier',
    path: 'taxId',
    problem: 'FORMAT_EIN',
    ...json(erpVendorRow({ TAX_ID: '07-1234567' })),
    messagePart: 'prefix 07',
  },
  {
    code: 'INVALID_NPI',
    stage: 'validate',
    source: 'erp',
    domain: 'supplier',
    path: 'npi',
    problem: 'FORMAT_NPI',
    ...json(erpVendorRow({ NPI: '1245319598' })),
    messagePart: 'check digit',
  },
  {
    code: 'INVALID_POSTAL_CODE',
    stage: 'standardise',
    source: 'erp',
    domain: 'supplier',
    path: 'addresses[0].postalCode',
    ...json(erpVendorRow({ POSTAL: 'OH 430' })),
    messagePart: 'ZIP',
  },
  {
    code: 'CSV_PARSE_ERROR',
    stage: 'parse',
    source: 'erp',
    domain: 'item',
    body: 'INV_ITEM_ID,DESCR60\n"77001","GAUZE "4X4" STERILE"\n',
    contentType: 'text/csv',
    messagePart: 'line 2',
  },
  {
    code: 'CSV_PARSE_ERROR',
    stage: 'parse',
    source: 'erp',
    domain: 'item',
    body: 'INV_ITEM_ID,DESCR60\n77002,GAUZE,EXTRA\n',
    contentType: 'text/csv',
    messagePart: 'line 2',
  },
  {
    code: 'NDJSON_PARSE_ERROR',
    stage: 'parse',
    source: 'erp',
    domain: 'item',
    body: '{"INV_ITEM_ID": "77003", "DESCR60": "GAUZE"\n',
    contentType: 'application/x-ndjson',
    messagePart: 'Line 1',
  },
  {
    code: 'NOT_AN_OBJECT',
    stage: 'parse',
    source: 'erp',
    domain: 'item',
    body: '["77004"]',
    contentType: 'application/json',
    messagePart: 'JSON object',
  },
] as const;

describe('each exception code', () => {
  test.each(CASES)('$code at stage $stage', async (testCase) => {
    const response = await ingest(server, {
      source: testCase.source,
      domain: testCase.domain,
      body: testCase.body,
      contentType: testCase.contentType,
    });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ received: 1, accepted: 0, unchanged: 0, exceptions: 1 });
    const record = at(response.body.records, 0);
    expect(record.outcome).toBe('exception');
    expect(record.exception).toMatchObject({ stage: testCase.stage, code: testCase.code });
    expect(record.exception?.message).toContain(testCase.messagePart);
    if ('path' in testCase) expect(record.exception?.path).toBe(testCase.path);

    const stored = await server.request<ExceptionView>('GET', `/api/v1/exceptions/${record.exception?.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      source: testCase.source,
      domain: testCase.domain,
      stage: testCase.stage,
      code: testCase.code,
      status: 'open',
      occurrences: 1,
    });
    if ('problem' in testCase) expect(stored.body.problems.map((problem) => problem.code)).toContain(testCase.problem);
    if (testCase.stage === 'parse') {
      expect(stored.body.mappingVersion).toBeNull();
      expect(stored.body.isReplayable).toBe(false);
      expect(typeof stored.body.raw).toBe('string');
    } else {
      expect(stored.body.mappingVersion).toBe(1);
      expect(stored.body.isReplayable).toBe(true);
      expect(stored.body.raw).toEqual(JSON.parse(testCase.body));
    }
  });
});

describe('the queue', () => {
  test('the same bad record again updates its open exception instead of adding one', async () => {
    const bad = erpItemRow({ GTIN: '12345678' });
    const first = await ingest(server, { source: 'erp', domain: 'item', ...json(bad) });
    const second = await ingest(server, { source: 'erp', domain: 'item', ...json(bad) });
    expect(at(second.body.records, 0).exception?.id).toBe(at(first.body.records, 0).exception?.id);
    const stored = await server.request<ExceptionView>('GET', `/api/v1/exceptions/${at(first.body.records, 0).exception?.id}`);
    expect(stored.body.occurrences).toBe(2);
  });

  test('a later accepted payload for the same source id resolves its open exception', async () => {
    const bad = erpItemRow({ GTIN: '00382903512349' });
    const failed = await ingest(server, { source: 'erp', domain: 'item', ...json(bad) });
    const id = at(failed.body.records, 0).exception?.id as string;
    const fixed = await ingest(server, { source: 'erp', domain: 'item', ...json({ ...bad, GTIN: '' }) });
    expect(at(fixed.body.records, 0).outcome).toBe('accepted');
    const stored = await server.request<ExceptionView>('GET', `/api/v1/exceptions/${id}`);
    expect(stored.body.status).toBe('resolved');
    expect(stored.body.closed?.reason).toContain(`source id ${bad.INV_ITEM_ID} was accepted`);
    expect(stored.body.closed?.by.keyId).toBe('system');
  });

  test('a mixed batch: counts add up, and the list and counts filter by source, domain, code and stage', async () => {
    const rows = [
      erpItemRow(),
      erpItemRow({ GTIN: '99999999999999' }),
      erpItemRow(),
      erpItemRow({ DESCR60: '' }),
      erpItemRow({ GTIN: '00000000000019' }),
    ];
    const body = toCsv(rows) + '"broken,row\n';
    const response = await ingest(server, { source: 'mixed', domain: 'item', body, contentType: 'text/csv' }).then(async (first) => {
      expect(first.status).toBe(422);
      await publishMapping(server, { source: 'mixed', domain: 'item', expression: ERP_ITEM_EXPRESSION });
      return ingest(server, { source: 'mixed', domain: 'item', body, contentType: 'text/csv' });
    });
    const { totals } = response.body;
    expect(totals.received).toBe(6);
    expect(totals.accepted + totals.unchanged + totals.exceptions).toBe(totals.received);
    expect(totals).toMatchObject({ accepted: 2, exceptions: 4 });

    const counts = await server.request<{
      total: number;
      byCode: Array<{ code: string; count: number }>;
      bySource: Array<{ source: string; domain: string; count: number }>;
    }>('GET', '/api/v1/exceptions/counts?source=mixed');
    expect(counts.body.total).toBe(4);
    expect(Object.fromEntries(counts.body.byCode.map((entry) => [entry.code, entry.count]))).toEqual({
      INVALID_GTIN: 2,
      SCHEMA_VIOLATION: 1,
      CSV_PARSE_ERROR: 1,
    });
    expect(counts.body.bySource).toEqual([{ source: 'mixed', domain: 'item', count: 4 }]);

    const gtins = await server.request<{ items: ExceptionView[]; total: number }>(
      'GET',
      '/api/v1/exceptions?source=mixed&code=INVALID_GTIN',
    );
    expect(gtins.body.total).toBe(2);
    expect(gtins.body.items.every((item) => item.code === 'INVALID_GTIN' && item.raw === undefined)).toBe(true);
    const parse = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=mixed&stage=parse');
    expect(parse.body.total).toBe(1);
    const future = await server.request<{ total: number }>(
      'GET',
      `/api/v1/exceptions?source=mixed&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString().replace('Z', '+00:00'))}`,
    );
    expect(future.body.total).toBe(0);
    const older = await server.request<{ total: number }>(
      'GET',
      `/api/v1/exceptions?source=mixed&until=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(older.body.total).toBe(4);
  });

  test('resolve and discard need a reason, are kept with the exception and audited; a closed exception cannot close again', async () => {
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([erpItemRow({ GTIN: '1' }), erpItemRow({ GTIN: '22' })]),
      contentType: 'application/x-ndjson',
    });
    const [first, second] = response.body.records.map((record) => record.exception?.id as string);
    const steward = await server.createKey('steward');
    const noReason = await server.request('POST', `/api/v1/exceptions/${first}/resolve`, { body: {}, key: steward });
    expect(noReason.status).toBe(400);
    const resolved = await server.request<ExceptionView>('POST', `/api/v1/exceptions/${first}/resolve`, {
      body: { reason: 'GTIN corrected in the item master, resent as 1000123' },
      key: steward,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', closed: { reason: 'GTIN corrected in the item master, resent as 1000123' } });
    const discarded = await server.request<ExceptionView>('POST', `/api/v1/exceptions/${second}/discard`, {
      body: { reason: 'Test item, never orderable' },
      key: steward,
    });
    expect(discarded.body.status).toBe('discarded');
    const again = await server.request<{ error: { code: string } }>('POST', `/api/v1/exceptions/${first}/discard`, {
      body: { reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXCEPTION_CLOSED');
    const open = await server.request<{ items: ExceptionView[] }>('GET', '/api/v1/exceptions?source=erp&status=resolved');
    expect(open.body.items.map((item) => item.id)).toContain(first);
    const audit = await server.running.services.store.collection('auditLog').find({ 'target.id': { $in: [first, second] } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(['exception.discard', 'exception.resolve']);
  });

  test('unknown exception → 404; consumers and source keys may not read the queue', async () => {
    expect((await server.request('GET', '/api/v1/exceptions/exc_nope')).status).toBe(404);
    const consumer = await server.createKey('consumer');
    expect((await server.request('GET', '/api/v1/exceptions', { key: consumer })).status).toBe(403);
    const source = await server.createKey('source:erp');
    expect((await server.request('GET', '/api/v1/exceptions', { key: source })).status).toBe(403);
  });
});
