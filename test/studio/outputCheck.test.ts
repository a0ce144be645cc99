import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { requiredFieldsNeverSet, validateOutput } from '../../studio/src/jsonata/outputCheck';
import type { JsonSchema } from '../../studio/src/jsonata/schemaShape';
import { at } from '../support/must';

const itemSchema = JSON.parse(readFileSync(new URL('../../canonical-schemas/item.schema.json', import.meta.url), 'utf8')) as JsonSchema;

const schema: JsonSchema = {
  type: 'object',
  required: ['sourceId', 'name'],
  properties: {
    sourceId: { type: 'string' },
    name: { type: 'string' },
    manufacturer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, id: { type: 'string' } } },
    addresses: { type: 'array', items: { $ref: '#/$defs/address' } },
  },
  $defs: { address: { type: 'object', required: ['line1', 'city'], properties: { line1: { type: 'string' }, city: { type: 'string' } } } },
};

describe('requiredFieldsNeverSet', () => {
  test.each([
    { name: 'all set', expression: '{ "sourceId": ID, "name": N }', missing: [] },
    { name: 'top-level field missing', expression: '{ "sourceId": ID }', missing: ['name'] },
    { name: 'set in one branch of a condition counts', expression: 'X ? { "sourceId": ID, "name": N } : { "sourceId": ID }', missing: [] },
    { name: 'object built inside a block', expression: '($n := N; { "sourceId": ID, "name": $n })', missing: [] },
    {
      name: 'nested object missing a required key',
      expression: '{ "sourceId": ID, "name": N, "manufacturer": { "id": M } }',
      missing: ['manufacturer.name'],
    },
    {
      name: 'nested object passed through unbuilt is not judged',
      expression: '{ "sourceId": ID, "name": N, "manufacturer": MFR }',
      missing: [],
    },
    {
      name: 'array items built by a map, through $ref',
      expression: '{ "sourceId": ID, "name": N, "addresses": ADDR.{ "line1": L1 } }',
      missing: ['addresses.city'],
    },
    {
      name: 'array constructor of objects',
      expression: '{ "sourceId": ID, "name": N, "addresses": [ADDR.{ "city": C }] }',
      missing: ['addresses.line1'],
    },
    { name: 'top-level map over records', expression: 'Rows.{ "name": N }', missing: ['sourceId'] },
    {
      name: 'objects inside function arguments are not output',
      expression: '$merge([{ "a": 1 }, { "sourceId": ID, "name": N }])',
      determinable: false,
      missing: [],
    },
    { name: 'computed keys make that object undecidable', expression: '{ "sourceId": ID, K: N }', missing: [] },
    { name: 'no object constructor: cannot tell', expression: '$', determinable: false, missing: [] },
    { name: 'syntax error: cannot tell', expression: '{ "sourceId": ', determinable: false, missing: [] },
  ])('$name', ({ expression, missing, determinable }) => {
    const report = requiredFieldsNeverSet(schema, expression);
    expect(report.missing).toEqual(missing);
    expect(report.isDeterminable).toBe(determinable ?? true);
  });

  test('against the real item schema', () => {
    expect(requiredFieldsNeverSet(itemSchema, '{ "sourceId": INV_ITEM_ID, "gtin": GTIN }').missing).toEqual(['description']);
  });
});

describe('validateOutput', () => {
  test.each([
    { name: 'valid item', record: { sourceId: '1', description: 'Gauze 4x4', gtin: '00888439001238', baseUom: 'BX' }, codes: [] },
    { name: 'missing description', record: { sourceId: '1' }, codes: ['REQUIRED'] },
    { name: 'GTIN with a wrong check digit', record: { sourceId: '1', description: 'x', gtin: '00888439001237' }, codes: ['FORMAT_GTIN'] },
    { name: 'typo in a field name', record: { sourceId: '1', description: 'x', descripton: 'y' }, codes: ['ADDITIONAL_PROPERTY'] },
    { name: 'unit outside the controlled list', record: { sourceId: '1', description: 'x', baseUom: 'BOXX' }, codes: ['FORMAT_UOM'] },
  ])('$name', ({ record, codes }) => {
    const errors = validateOutput(itemSchema, record);
    expect(errors.map((error) => error.code)).toEqual(codes);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(0);
  });

  test('the GTIN error explains the check digit', () => {
    const error = at(validateOutput(itemSchema, { sourceId: '1', description: 'x', gtin: '00888439001237' }), 0);
    expect(error).toMatchObject({ path: 'gtin' });
    expect(error.message).toMatch(/check digit/);
  });
});
