import { describe, expect, test } from 'vitest';
import {
  ccnFacilityType,
  checkCcn,
  checkDuns,
  checkEin,
  checkUei,
  checkUom,
  normalizeCcn,
  normalizeDuns,
  normalizeEin,
  normalizeUom,
  UOM_CODES,
} from '../../server/identifiers';

describe('checkEin', () => {
  test.each([
    { input: '12-3456789', value: '123456789' },
    { input: '123456789', value: '123456789' },
    { input: ' 95-1234567 ', value: '951234567' },
    { input: '01-2345678', value: '012345678' },
  ])('valid $input', ({ input, value }) => {
    expect(checkEin(input)).toEqual({ ok: true, value });
    expect(normalizeEin(input)).toBe(value);
  });

  test.each(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])(
    'prefix %s is never assigned',
    (prefix) => {
      expect(checkEin(`${prefix}-1234567`)).toEqual({
        ok: false,
        code: 'INVALID_EIN',
        message: `prefix ${prefix} is never assigned to an EIN`,
      });
    },
  );

  test.each([
    { input: '12-345678', message: 'should have 9 digits, got 8' },
    { input: '123-45-6789', message: 'is written like an SSN (XXX-XX-XXXX), not an EIN (XX-XXXXXXX)' },
    { input: '12-34567AB', message: 'should contain only digits and an optional hyphen' },
  ])('invalid $input → $message', ({ input, message }) => {
    const result = checkEin(input);
    expect(result).toEqual({ ok: false, code: 'INVALID_EIN', message });
    // Tax ids may be SSNs: a message must never echo the digits.
    expect(JSON.stringify(result)).not.toMatch(/345/);
  });
});

describe('checkDuns', () => {
  test.each([
    { input: '150483782', value: '150483782', note: '9 digits' },
    { input: '15-048-3782', value: '150483782', note: 'hyphenated' },
    { input: '60704780', value: '060704780', note: 'lost leading zero (8 digits)' },
  ])('valid $note', ({ input, value }) => {
    expect(checkDuns(input)).toEqual({ ok: true, value });
    expect(normalizeDuns(input)).toBe(value);
  });

  test.each([
    { input: '000000000', message: 'cannot be all zeros' },
    { input: '00000000', message: 'cannot be all zeros' },
    { input: '999999999', message: 'cannot be all nines' },
    { input: '1234567', message: 'should have 9 digits, got 7' },
    { input: '1504837820', message: 'should have 9 digits, got 10' },
    { input: '15048378O', message: 'should contain only digits, found "O"' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkDuns(input)).toEqual({ ok: false, code: 'INVALID_DUNS', message });
    expect(normalizeDuns(input)).toBeNull();
  });
});

describe('checkUei', () => {
  test.each([
    { input: 'J7M9HPTGJ1S9', value: 'J7M9HPTGJ1S9' },
    { input: 'j7m9hptgj1s9', value: 'J7M9HPTGJ1S9' },
    { input: 'ZQGGHJH74DW7', value: 'ZQGGHJH74DW7' },
    { input: 'A12345678BCD', value: 'A12345678BCD' },
  ])('valid $input', ({ input, value }) => {
    expect(checkUei(input)).toEqual({ ok: true, value });
  });

  test.each([
    { input: 'J7M9HPTGJ1S', message: 'should have 12 characters, got 11' },
    { input: 'J7M9HPTGJ1SO', message: 'cannot contain the letters I or O' },
    { input: 'I7M9HPTGJ1S9', message: 'cannot contain the letters I or O' },
    { input: '07M9HPTGJ1S9', message: 'cannot start with 0' },
    { input: 'A123456789BC', message: 'cannot contain 9 digits in a row' },
    { input: 'J7M9-HPTGJ1S', message: 'should contain only letters and digits, found "-"' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkUei(input)).toEqual({ ok: false, code: 'INVALID_UEI', message });
  });
});

describe('checkCcn / ccnFacilityType', () => {
  test.each([
    { input: '050454', value: '050454' },
    { input: '50454', value: '050454' },
    { input: '05S454', value: '05S454' },
    { input: '05s454', value: '05S454' },
  ])('valid $input', ({ input, value }) => {
    expect(checkCcn(input)).toEqual({ ok: true, value });
    expect(normalizeCcn(input)).toBe(value);
  });

  test.each([
    { input: '0504', message: 'should have 6 characters, got 4' },
    { input: '0504541', message: 'should have 6 characters, got 7' },
    { input: 'CA0454', message: 'should start with a 2-digit state code' },
    { input: '0504S4', message: 'should end with 4 digits (a letter is allowed only in position 3, for special units)' },
    { input: '050000', message: 'facility number cannot be 0000' },
    { input: '05-04.54', message: 'should contain only letters and digits, found "."' },
  ])('invalid $input → $message', ({ input, message }) => {
    expect(checkCcn(input)).toEqual({ ok: false, code: 'INVALID_CCN', message });
  });

  test.each([
    { ccn: '050001', type: 'short-term hospital' },
    { ccn: '050879', type: 'short-term hospital' },
    { ccn: '050880', type: null },
    { ccn: '051300', type: 'critical access hospital' },
    { ccn: '051399', type: 'critical access hospital' },
    { ccn: '053300', type: "children's hospital" },
    { ccn: '054000', type: 'psychiatric hospital' },
    { ccn: '054499', type: 'psychiatric hospital' },
    { ccn: '055000', type: 'skilled nursing facility' },
    { ccn: '056499', type: 'skilled nursing facility' },
    { ccn: '056500', type: null },
    { ccn: '05S454', type: 'special unit' },
    { ccn: '10001', type: 'short-term hospital' },
    { ccn: 'bogus', type: null },
  ])('ccnFacilityType($ccn) = $type', ({ ccn, type }) => {
    expect(ccnFacilityType(ccn)).toBe(type);
  });
});

describe('checkUom / normalizeUom', () => {
  test.each(UOM_CODES.map((code) => [code]))('controlled code %s is itself', (code) => {
    expect(checkUom(code)).toEqual({ ok: true, value: code });
  });

  test.each([
    { input: 'CA', value: 'CS' },
    { input: 'case', value: 'CS' },
    { input: 'EACH', value: 'EA' },
    { input: 'Box', value: 'BX' },
    { input: ' ea ', value: 'EA' },
    { input: 'BO', value: 'BT' },
    { input: 'EA.', value: 'EA' },
  ])('alias $input → $value', ({ input, value }) => {
    expect(normalizeUom(input)).toBe(value);
  });

  test.each(['GALLON', 'XX', ''])('unknown %j', (input) => {
    const result = checkUom(input);
    expect(result.ok).toBe(false);
    expect(normalizeUom(input)).toBeNull();
    if (!result.ok) expect(result.code).toBe('INVALID_UOM');
  });

  test('unknown unit message lists the controlled codes', () => {
    expect(checkUom('GALLON')).toEqual({
      ok: false,
      code: 'INVALID_UOM',
      message: 'is not a known unit of measure; use one of EA, BX, CS, PK, CT, DZ, KT, BG, BT, VL, TB, RL, TR, PR, SET',
    });
  });
});
