/**
 * Every identifier validator through HTTP (POST /api/v1/schemas/:domain/validate): valid values, wrong
 * check digits, wrong lengths and padding, with the field path and a plain-language message.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';
import { must } from '../support/must';

type Validation = { valid: boolean; errors: Array<{ path: string; code: string; message: string }> };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const base: Record<string, Record<string, unknown>> = {
  item: { sourceId: 'ITEM-1', description: 'GLOVE EXAM NITRILE MED' },
  supplier: { sourceId: 'V-1', name: 'Medline Industries, LP' },
  facility: { sourceId: 'F-1', name: 'Memorial Hospital' },
};

// [domain, field path (dotted), value, expected: 'valid' | substring of the message]
const cases: Array<[string, string, unknown, string]> = [
  ['item', 'gtin', '4006381333931', 'valid'],
  ['item', 'gtin', '036000291452', 'valid'],
  ['item', 'gtin', '10036000291459', 'valid'],
  ['item', 'gtin', '00036000291452', 'valid'],
  ['item', 'gtin', '4006381333932', 'check digit should be 1, got 2'],
  ['item', 'gtin', '40063813339', 'should have 8, 12, 13 or 14 digits, got 11'],
  ['item', 'ndc', '0002-0152-01', 'valid'],
  ['item', 'ndc', '00002015201', 'valid'],
  ['item', 'ndc', '12345', 'should have 10 or 11 digits, got 5'],
  ['item', 'hibcc', '+A123BJC5D6E71G', 'valid'],
  ['item', 'unspsc', '42132205', 'valid'],
  ['item', 'unspsc', '4213220', 'should have 8 digits, got 7'],
  ['item', 'baseUom', 'BX', 'valid'],
  ['item', 'baseUom', 'BUSHEL', 'not a known unit of measure'],
  ['supplier', 'taxId', '12-3456789', 'valid'],
  ['supplier', 'taxId', '07-1234567', 'prefix 07'],
  ['supplier', 'duns', '12345678', 'valid'],
  ['supplier', 'duns', '000000000', 'all zeros'],
  ['supplier', 'uei', 'J7M9HPTGJ1S9', 'valid'],
  ['supplier', 'uei', '123456789ABC', '9 digits in a row'],
  ['supplier', 'gln', '0614141000005', 'valid'],
  ['supplier', 'gln', '0614141000006', 'check digit should be 5, got 6'],
  ['supplier', 'npi', '1234567893', 'valid'],
  ['supplier', 'npi', '1234567890', 'check digit should be 3, got 0'],
  ['facility', 'ccn', '330101', 'valid'],
  ['facility', 'ccn', '50001', 'valid'],
  ['facility', 'ccn', 'ABC', 'should have 6 characters, got 3'],
  ['facility', 'npis.0', '1245319599', 'valid'],
  ['facility', 'npis.0', '1245319590', 'check digit'],
];

function withValue(record: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const [head = dotted, index] = dotted.split('.');
  return { ...record, [head]: index === undefined ? value : [value] };
}

test.each(cases)('%s.%s = %j → %s', async (domain, field, value, expected) => {
  const response = await server.request<Validation>('POST', `/api/v1/schemas/${domain}/validate`, {
    body: withValue(must(base[domain], 'base[domain]'), field, value),
  });
  expect(response.status).toBe(200);
  if (expected === 'valid') {
    expect(response.body.errors).toEqual([]);
    expect(response.body.valid).toBe(true);
  } else {
    expect(response.body.valid).toBe(false);
    const path = field.replace(/\.(\d+)$/, '[$1]');
    const error = response.body.errors.find((candidate) => candidate.path === path);
    expect(error, JSON.stringify(response.body.errors)).toBeDefined();
    expect(error?.message).toContain(expected);
    expect(error?.code).toMatch(/^[A-Z_]+$/);
  }
});

test('required fields and unknown fields are reported with their paths', async () => {
  const response = await server.request<Validation>('POST', '/api/v1/schemas/item/validate', { body: { sourceId: 'X', gtn: '123' } });
  expect(response.body.valid).toBe(false);
  const paths = response.body.errors.map((error) => error.path);
  expect(paths).toEqual(expect.arrayContaining(['description', 'gtn']));
});

test('unknown domain → 404 naming the known domains', async () => {
  const response = await server.request<{ error: { code: string; details: { domains: string[] } } }>(
    'POST',
    '/api/v1/schemas/widgets/validate',
    { body: {} },
  );
  expect(response.status).toBe(404);
  expect(response.body.error.details.domains).toEqual(expect.arrayContaining(['item', 'supplier', 'facility', 'account']));
});

test('schemas are listed with their versions and served whole', async () => {
  const list = await server.request<{ items: Array<{ domain: string; version: string; $id: string }> }>('GET', '/api/v1/schemas');
  expect(list.body.items.map((item) => item.domain).sort()).toEqual(['account', 'facility', 'item', 'supplier']);
  const item = await server.request<{ $id: string; properties: Record<string, unknown> }>('GET', '/api/v1/schemas/item');
  expect(item.body.$id).toBe(list.body.items.find((entry) => entry.domain === 'item')?.$id);
  expect(item.body.properties.gtin).toBeDefined();
});
