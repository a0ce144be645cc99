import { describe, expect, test } from 'vitest';
import { createAjv, formatFieldPath, toErrorDetails } from '../../server/schemas';

// One schema exercising every keyword the formatter words specially.
const schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 5 },
    code: { type: 'string', minLength: 3, pattern: '^[A-Z]+$' },
    status: { enum: ['active', 'inactive'] },
    kind: { const: 'gl-account' },
    count: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 2 },
    ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    maybe: { type: ['string', 'null'] },
    email: { type: 'string', format: 'email' },
    day: { type: 'string', format: 'date' },
    gtin: { type: 'string', format: 'gtin' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
    addresses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['postalCode'],
        additionalProperties: false,
        properties: { postalCode: { type: 'string' }, city: { type: 'string' } },
      },
    },
    extensions: { type: 'object', minProperties: 1, maxProperties: 2, additionalProperties: { type: 'string' } },
    either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    any: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    notNull: { not: { type: 'null' } },
  },
} as const;

const ajv = createAjv();
const validate = ajv.compile(schema);

function detailsFor(value: unknown, rootPath?: string) {
  expect(validate(value)).toBe(false);
  return toErrorDetails(validate.errors ?? [], rootPath === undefined ? {} : { rootPath });
}

describe('toErrorDetails', () => {
  test.each([
    { record: {}, path: 'name', code: 'REQUIRED', message: 'name is required' },
    { record: { name: '' }, path: 'name', code: 'MIN_LENGTH', message: 'name should not be empty' },
    { record: { name: 'x', code: 'AB' }, path: 'code', code: 'MIN_LENGTH', message: 'code should have at least 3 characters' },
    { record: { name: 'abcdef' }, path: 'name', code: 'MAX_LENGTH', message: 'name should have at most 5 characters' },
    {
      record: { name: 'x', code: 'abc' },
      path: 'code',
      code: 'PATTERN',
      message: 'code does not have the expected form (pattern ^[A-Z]+$)',
    },
    { record: { name: 7 }, path: 'name', code: 'TYPE', message: 'name should be a string, got an integer' },
    { record: { name: 'x', maybe: 1.5 }, path: 'maybe', code: 'TYPE', message: 'maybe should be a string or null, got a number' },
    {
      record: { name: 'x', status: 'enabled' },
      path: 'status',
      code: 'ENUM',
      message: 'status should be one of active or inactive, got "enabled"',
    },
    { record: { name: 'x', kind: 'cost-center' }, path: 'kind', code: 'CONST', message: 'kind should be "gl-account"' },
    { record: { name: 'x', count: 0 }, path: 'count', code: 'MINIMUM', message: 'count should be at least 1' },
    { record: { name: 'x', count: 12 }, path: 'count', code: 'MAXIMUM', message: 'count should be at most 10' },
    { record: { name: 'x', count: 3 }, path: 'count', code: 'MULTIPLE_OF', message: 'count should be a multiple of 2' },
    { record: { name: 'x', ratio: 0 }, path: 'ratio', code: 'EXCLUSIVE_MINIMUM', message: 'ratio should be greater than 0' },
    { record: { name: 'x', ratio: 1 }, path: 'ratio', code: 'EXCLUSIVE_MAXIMUM', message: 'ratio should be less than 1' },
    { record: { name: 'x', email: 'nobody' }, path: 'email', code: 'FORMAT_EMAIL', message: 'email should be a valid email address' },
    { record: { name: 'x', day: '2024-02-30' }, path: 'day', code: 'FORMAT_DATE', message: 'day should be a date written YYYY-MM-DD' },
    { record: { name: 'x', gtin: '4006381333937' }, path: 'gtin', code: 'FORMAT_GTIN', message: 'gtin: check digit should be 1, got 7' },
    {
      record: { name: 'x', gtin: '36000291452' },
      path: 'gtin',
      code: 'FORMAT_GTIN',
      message: 'gtin should have 8, 12, 13 or 14 digits, got 11',
    },
    { record: { name: 'x', tags: [] }, path: 'tags', code: 'MIN_ITEMS', message: 'tags should have at least 1 item' },
    { record: { name: 'x', tags: ['a', 'b', 'c'] }, path: 'tags', code: 'MAX_ITEMS', message: 'tags should have at most 2 items' },
    {
      record: { name: 'x', tags: ['a', 'a'] },
      path: 'tags',
      code: 'UNIQUE_ITEMS',
      message: 'tags should not repeat values (items 0 and 1 are the same)',
    },
    { record: { name: 'x', tags: ['a', 5] }, path: 'tags[1]', code: 'TYPE', message: 'tags[1] should be a string, got an integer' },
    {
      record: { name: 'x', addresses: [{ postalCode: '02115' }, {}] },
      path: 'addresses[1].postalCode',
      code: 'REQUIRED',
      message: 'addresses[1].postalCode is required',
    },
    {
      record: { name: 'x', addresses: [{ postalCode: 2115 }] },
      path: 'addresses[0].postalCode',
      code: 'TYPE',
      message: 'addresses[0].postalCode should be a string, got an integer',
    },
    {
      record: { name: 'x', addresses: [{ postalCode: '1', citty: 'x' }] },
      path: 'addresses[0].citty',
      code: 'ADDITIONAL_PROPERTY',
      message: 'addresses[0].citty is not an allowed field (did you mean city?)',
    },
    { record: { name: 'x', colour: 'red' }, path: 'colour', code: 'ADDITIONAL_PROPERTY', message: 'colour is not an allowed field' },
    {
      record: { name: 'x', Name: 'y' },
      path: 'Name',
      code: 'ADDITIONAL_PROPERTY',
      message: 'Name is not an allowed field (did you mean name?)',
    },
    {
      record: { name: 'x', extensions: {} },
      path: 'extensions',
      code: 'MIN_PROPERTIES',
      message: 'extensions should have at least 1 field',
    },
    {
      record: { name: 'x', extensions: { a: '1', b: '2', c: '3' } },
      path: 'extensions',
      code: 'MAX_PROPERTIES',
      message: 'extensions should have at most 2 fields',
    },
    {
      record: { name: 'x', extensions: { 'unit price': 3 } },
      path: 'extensions["unit price"]',
      code: 'TYPE',
      message: 'extensions["unit price"] should be a string, got an integer',
    },
    {
      record: { name: 'x', extensions: { 'a/b~c': 3 } },
      path: 'extensions["a/b~c"]',
      code: 'TYPE',
      message: 'extensions["a/b~c"] should be a string, got an integer',
    },
    { record: { name: 'x', notNull: null }, path: 'notNull', code: 'NOT', message: 'notNull has a value that is not allowed here' },
    { record: [], path: undefined, code: 'TYPE', message: 'the value should be an object, got an array' },
  ])('$code at $path', ({ record, path, code, message }) => {
    const details = detailsFor(record);
    expect(details).toContainEqual(path === undefined ? { code, message } : { path, code, message });
  });

  test('reports every problem, not just the first (allErrors)', () => {
    const details = detailsFor({ name: '', status: 'x', gtin: '1', extra: 1 });
    expect(details.map((detail) => detail.path).sort()).toEqual(['extra', 'gtin', 'name', 'status']);
  });

  test('oneOf and anyOf name the field and keep the branch errors', () => {
    const details = detailsFor({ name: 'x', either: 1.5, any: 3 });
    expect(details).toContainEqual({ path: 'either', code: 'ONE_OF', message: 'either does not match exactly one of the allowed shapes' });
    expect(details).toContainEqual({ path: 'any', code: 'ANY_OF', message: 'any does not match any of the allowed shapes' });
  });

  test.each([
    { rootPath: 'body', expected: 'body.addresses[0].postalCode' },
    { rootPath: 'body.', expected: 'body.addresses[0].postalCode' },
    { rootPath: '', expected: 'addresses[0].postalCode' },
  ])('rootPath $rootPath prefixes the path but not the message', ({ rootPath, expected }) => {
    const [detail] = detailsFor({ name: 'x', addresses: [{}] }, rootPath);
    expect(detail).toEqual({ path: expected, code: 'REQUIRED', message: 'addresses[0].postalCode is required' });
  });

  test('a root-level problem is named by the rootPath', () => {
    expect(detailsFor('text', 'body')).toEqual([{ path: 'body', code: 'TYPE', message: 'body should be an object, got a string' }]);
  });

  test('messages never repeat a failing identifier value (tax ids may be SSNs)', () => {
    const check = createAjv().compile({ type: 'object', properties: { taxId: { type: 'string', format: 'ein' } } });
    expect(check({ taxId: '07-1234567' })).toBe(false);
    const details = toErrorDetails(check.errors ?? []);
    expect(details).toEqual([{ path: 'taxId', code: 'FORMAT_EIN', message: 'taxId: prefix 07 is never assigned to an EIN' }]);
    expect(JSON.stringify(details)).not.toContain('1234567');
  });
});

describe('formatFieldPath', () => {
  test.each([
    { segments: [], rootPath: '', path: '' },
    { segments: ['a', '0', 'b'], rootPath: '', path: 'a[0].b' },
    { segments: ['0'], rootPath: 'body', path: 'body[0]' },
    { segments: ['odd key'], rootPath: 'query', path: 'query["odd key"]' },
    { segments: ['01'], rootPath: '', path: '["01"]' },
  ])('$segments under "$rootPath" → $path', ({ segments, rootPath, path }) => {
    expect(formatFieldPath(segments, rootPath)).toBe(path);
  });
});
