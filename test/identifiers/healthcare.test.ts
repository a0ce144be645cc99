import { describe, expect, test } from 'vitest';
import {
  checkHibcc,
  checkNdc,
  checkNpi,
  checkUnspsc,
  formatNdc11,
  hibccCheckCharacter,
  normalizeNdc11,
  npiCheckDigit,
  unspscParents,
} from '../../server/identifiers';

describe('checkHibcc', () => {
  test('mod-43 check character sums the table positions, leading + included', () => {
    // + 41, A 10, 1 2 3, B 11, J 19, C 12, 5, D 13, 6, E 14, 7, 1 → 145; 145 mod 43 = 16 → G
    expect(hibccCheckCharacter('+A123BJC5D6E71')).toBe('G');
  });

  test.each([
    { input: '+A123BJC5D6E71G', value: 'A123BJC5D6E71', note: 'full barcode with correct check character' },
    { input: '*+A123BJC5D6E71G*', value: 'A123BJC5D6E71', note: 'Code 39 delimiters stripped' },
    { input: '+a123bjc5d6e71g', value: 'A123BJC5D6E71', note: 'lower case folded' },
    { input: 'A123BJC5D6E71', value: 'A123BJC5D6E71', note: 'GUDID-stored DI, pattern only' },
    { input: 'A123BJC5D6E71G', value: 'A123BJC5D6E71G', note: 'GUDID-stored DI with check character, pattern only' },
    { input: 'H9991234561', value: 'H9991234561', note: 'GUDID-stored DI, numeric catalogue number' },
  ])('valid $note', ({ input, value }) => {
    expect(checkHibcc(input)).toEqual({ ok: true, value });
  });

  test.each([
    { input: '+A123BJC5D6E71H', message: 'check character should be "G", got "H"' },
    { input: '+A123BJC5D6E7XG', message: 'barcode should end with the unit-of-measure digit followed by the check character' },
    { input: '+A123BJC5D6E71/$$52001510X3', message: 'holds primary and secondary data together; send the primary barcode only' },
    { input: '1123BJC5D6E71', message: 'should start with the labeler code, whose first character is a letter' },
    { input: 'A1231', message: 'is too short: labeler code (4) + catalogue number (at least 1) + unit-of-measure digit, got 5 characters' },
    { input: 'A123' + 'X'.repeat(20) + '1', message: 'is too long: at most 24 characters without the leading "+", got 25' },
    { input: 'A123-BJC5-1', message: 'should contain only letters and digits, found "-"' },
    { input: '', message: 'is empty' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkHibcc(input)).toEqual({ ok: false, code: 'INVALID_HIBCC', message });
  });
});

describe('checkNdc / normalizeNdc11', () => {
  test.each([
    { input: '0002-0152-01', value: '00002015201', note: '4-4-2 (reference example)' },
    { input: '50580-506-02', value: '50580050602', note: '5-3-2' },
    { input: '50242-0040-6', value: '50242004006', note: '5-4-1' },
    { input: '00002-0152-01', value: '00002015201', note: '11-digit 5-4-2 hyphenated' },
    { input: '00002015201', value: '00002015201', note: '11 digits, no hyphens' },
    { input: ' 0002-0152-01 ', value: '00002015201', note: 'surrounding spaces' },
  ])('valid $note', ({ input, value }) => {
    expect(checkNdc(input)).toEqual({ ok: true, value });
    expect(normalizeNdc11(input)).toBe(value);
  });

  test.each([
    { input: '0002015201', message: '10 digits without hyphens are ambiguous; send the hyphenated form (4-4-2, 5-3-2 or 5-4-1)' },
    { input: '0002-152-01', message: 'should have 10 or 11 digits, got 9' },
    { input: '123456-0152-01', message: 'labeler code has 6 digits; the 11-digit form allows at most 5' },
    { input: '0002-00152-01', message: 'product code has 5 digits; the 11-digit form allows at most 4' },
    { input: '0002-0152', message: 'should have three hyphen-separated parts: labeler-product-package' },
    { input: '0002--0152-01', message: 'should have three hyphen-separated parts: labeler-product-package' },
    { input: '0002-0152-0A', message: 'should contain only digits and hyphens, found "A"' },
    { input: '123456789', message: 'should have 10 or 11 digits, got 9' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkNdc(input)).toEqual({ ok: false, code: 'INVALID_NDC', message });
    expect(normalizeNdc11(input)).toBeNull();
  });

  test('formatNdc11 writes 5-4-2', () => {
    expect(formatNdc11('00002015201')).toBe('00002-0152-01');
  });
});

describe('checkUnspsc / unspscParents', () => {
  test.each([
    { code: '42132205', parents: ['42132200', '42130000', '42000000'] },
    { code: '42132200', parents: ['42130000', '42000000'] },
    { code: '42130000', parents: ['42000000'] },
    { code: '42000000', parents: [] },
    { code: '51-10-15-01', parents: ['51101500', '51100000', '51000000'] },
    { code: '4213220', parents: [] },
    { code: '42002205', parents: [] },
  ])('parents of $code', ({ code, parents }) => {
    expect(unspscParents(code)).toEqual(parents);
  });

  test.each([
    { input: '42132205', result: { ok: true, value: '42132205' } },
    { input: '4213220', result: { ok: false, code: 'INVALID_UNSPSC', message: 'should have 8 digits, got 7' } },
    { input: '00132205', result: { ok: false, code: 'INVALID_UNSPSC', message: 'segment (first two digits) cannot be 00' } },
    { input: '42002205', result: { ok: false, code: 'INVALID_UNSPSC', message: 'family is 00, so class and commodity must be 00 too' } },
    { input: '42130005', result: { ok: false, code: 'INVALID_UNSPSC', message: 'class is 00, so commodity must be 00 too' } },
    { input: '4213220X', result: { ok: false, code: 'INVALID_UNSPSC', message: 'should contain only digits, found "X"' } },
  ])('checkUnspsc($input)', ({ input, result }) => {
    expect(checkUnspsc(input)).toEqual(result);
  });
});

describe('checkNpi', () => {
  test.each(['1234567893', '1245319599', ' 1234567893 '])('valid %s', (input) => {
    expect(checkNpi(input)).toEqual({ ok: true, value: input.trim() });
  });

  test.each([
    { input: '1234567890', message: 'check digit should be 3, got 0' },
    { input: '1245319598', message: 'check digit should be 9, got 8' },
    { input: '3234567893', message: 'should start with 1 or 2, got 3' },
    { input: '123456789', message: 'should have 10 digits, got 9' },
    { input: '12345678A3', message: 'should contain only digits, found "A"' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkNpi(input)).toEqual({ ok: false, code: 'INVALID_NPI', message });
  });

  test('check digit is Luhn over 80840 + the first nine digits', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(npiCheckDigit('124531959')).toBe(9);
  });
});
