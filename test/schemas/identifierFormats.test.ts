import { describe, expect, test } from 'vitest';
import { createAjv, IDENTIFIER_FORMATS, toErrorDetails } from '../../server/schemas';

const ajv = createAjv();

function validateFormat(format: string, value: unknown) {
  const validate = ajv.compile({ type: 'object', properties: { field: { type: 'string', format } } });
  return validate({ field: value }) ? [] : toErrorDetails(validate.errors ?? [], { rootPath: 'body' });
}

describe('identifier formats through ajv', () => {
  test('every identifier format is registered', () => {
    expect(Object.keys(IDENTIFIER_FORMATS).sort()).toEqual([
      'ccn',
      'duns',
      'ein',
      'gln',
      'gtin',
      'hibcc',
      'ndc',
      'npi',
      'uei',
      'unspsc',
      'uom',
    ]);
  });

  test.each([
    { format: 'gtin', valid: '00036000291452', invalid: '00036000291453', message: 'field: check digit should be 2, got 3' },
    { format: 'gln', valid: '0614141000005', invalid: '0614141000006', message: 'field: check digit should be 5, got 6' },
    { format: 'hibcc', valid: '+A123BJC5D6E71G', invalid: '+A123BJC5D6E71H', message: 'field: check character should be "G", got "H"' },
    {
      format: 'ndc',
      valid: '0002-0152-01',
      invalid: '0002015201',
      message: 'field: 10 digits without hyphens are ambiguous; send the hyphenated form (4-4-2, 5-3-2 or 5-4-1)',
    },
    { format: 'unspsc', valid: '42132205', invalid: '4213220', message: 'field should have 8 digits, got 7' },
    { format: 'ein', valid: '12-3456789', invalid: '96-3456789', message: 'field: prefix 96 is never assigned to an EIN' },
    { format: 'duns', valid: '60704780', invalid: '999999999', message: 'field cannot be all nines' },
    { format: 'uei', valid: 'J7M9HPTGJ1S9', invalid: 'A123456789BC', message: 'field cannot contain 9 digits in a row' },
    { format: 'npi', valid: '1245319599', invalid: '1245319598', message: 'field: check digit should be 9, got 8' },
    { format: 'ccn', valid: '50454', invalid: '0504', message: 'field should have 6 characters, got 4' },
    {
      format: 'uom',
      valid: 'CA',
      invalid: 'GALLON',
      message: 'field is not a known unit of measure; use one of EA, BX, CS, PK, CT, DZ, KT, BG, BT, VL, TB, RL, TR, PR, SET',
    },
  ])('$format', ({ format, valid, invalid, message }) => {
    expect(validateFormat(format, valid)).toEqual([]);
    expect(validateFormat(format, invalid)).toEqual([{ path: 'body.field', code: `FORMAT_${format.toUpperCase()}`, message }]);
  });

  test('formats apply to strings only; other types fail on type, not format', () => {
    expect(validateFormat('gtin', 4006381333931)).toEqual([
      { path: 'body.field', code: 'TYPE', message: 'field should be a string, got an integer' },
    ]);
  });

  test('strict mode still rejects unknown keywords, but accepts the x-version annotation', () => {
    expect(() => createAjv().compile({ type: 'object', 'x-version': '1.0.0' })).not.toThrow();
    expect(() => createAjv().compile({ type: 'object', requird: ['a'] })).toThrow(/unknown keyword/);
  });
});
