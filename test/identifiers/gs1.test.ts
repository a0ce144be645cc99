import { describe, expect, test } from 'vitest';
import { checkGln, checkGtin, gs1CheckDigit, gtinBase, gtinIndicator, gtinWithIndicator, normalizeGtin } from '../../server/identifiers';

describe('checkGtin', () => {
  test.each([
    { input: '4006381333931', value: '04006381333931', note: 'GTIN-13' },
    { input: '036000291452', value: '00036000291452', note: 'GTIN-12 (UPC-A)' },
    { input: '96385074', value: '00000096385074', note: 'GTIN-8' },
    { input: '10036000291459', value: '10036000291459', note: 'GTIN-14, indicator 1' },
    { input: '00036000291452', value: '00036000291452', note: 'already padded' },
    { input: ' 0 36000 29145 2 ', value: '00036000291452', note: 'spaces ignored' },
    { input: '4-006381-333931', value: '04006381333931', note: 'hyphens ignored' },
  ])('valid $note: $input', ({ input, value }) => {
    expect(checkGtin(input)).toEqual({ ok: true, value });
  });

  test.each([
    { input: '4006381333937', message: 'check digit should be 1, got 7' },
    { input: '036000291453', message: 'check digit should be 2, got 3' },
    { input: '36000291452', message: 'should have 8, 12, 13 or 14 digits, got 11' },
    { input: '100360002914590', message: 'should have 8, 12, 13 or 14 digits, got 15' },
    { input: '40063813339A1', message: 'should contain only digits, found "A"' },
    { input: '', message: 'is empty' },
    { input: '00000000000000', message: 'cannot be all zeros' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkGtin(input)).toEqual({ ok: false, code: 'INVALID_GTIN', message });
  });

  test('normalizeGtin returns 14 digits or null', () => {
    expect(normalizeGtin('036000291452')).toBe('00036000291452');
    expect(normalizeGtin('036000291453')).toBeNull();
  });
});

describe('GS1 helpers', () => {
  test.each([
    { data: '400638133393', check: 1 },
    { data: '03600029145', check: 2 },
    { data: '1003600029145', check: 9 },
    { data: '9638507', check: 4 },
  ])('gs1CheckDigit($data) = $check', ({ data, check }) => {
    expect(gs1CheckDigit(data)).toBe(check);
  });

  test('left zero-padding does not change the check digit', () => {
    expect(gs1CheckDigit('0000003600029145')).toBe(gs1CheckDigit('3600029145'));
  });

  test('gs1CheckDigit rejects non-digits', () => {
    expect(() => gs1CheckDigit('12A')).toThrow(TypeError);
  });

  test.each([
    { gtin: '00036000291452', indicator: '0', base: '003600029145' },
    { gtin: '10036000291459', indicator: '1', base: '003600029145' },
    { gtin: '036000291452', indicator: '0', base: '003600029145' },
  ])('indicator and base of $gtin', ({ gtin, indicator, base }) => {
    expect(gtinIndicator(gtin)).toBe(indicator);
    expect(gtinBase(gtin)).toBe(base);
  });

  test('packaging levels share the base; gtinWithIndicator recomputes the check digit', () => {
    const caseLevel = gtinWithIndicator('00036000291452', '1');
    expect(caseLevel).toBe('10036000291459');
    expect(checkGtin(caseLevel).ok).toBe(true);
    expect(gtinBase(caseLevel)).toBe(gtinBase('00036000291452'));
  });
});

describe('checkGln', () => {
  test.each([
    { input: '0614141000029', value: '0614141000029' },
    { input: '0614141000005', value: '0614141000005' },
  ])('valid $input', ({ input, value }) => {
    expect(checkGln(input)).toEqual({ ok: true, value });
  });

  test.each([
    { input: '0614141000021', message: 'check digit should be 9, got 1' },
    { input: '614141000029', message: 'should have 13 digits, got 12' },
    { input: '0000000000000', message: 'cannot be all zeros' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkGln(input)).toEqual({ ok: false, code: 'INVALID_GLN', message });
  });
});
