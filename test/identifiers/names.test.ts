import { describe, expect, test } from 'vitest';
import { normalizeOrgName, normalizePartNumber, normalizePostalCode, normalizeText } from '../../server/identifiers';

describe('normalizeOrgName', () => {
  test.each([
    { input: 'Medline Industries, Inc.', output: 'MEDLINE INDUSTRIES' },
    { input: 'MEDLINE INDUSTRIES INC', output: 'MEDLINE INDUSTRIES' },
    { input: 'Medline  Industries   LP', output: 'MEDLINE INDUSTRIES' },
    { input: 'Kendall Co., The', output: 'KENDALL' },
    { input: 'THE KENDALL COMPANY', output: 'KENDALL' },
    { input: 'Becton, Dickinson and Company', output: 'BECTON DICKINSON' },
    { input: 'Tegaderm™ 3M Health Care®', output: 'TEGADERM 3M HEALTH CARE' },
    { input: 'Ethicon(R) LLC', output: 'ETHICON' },
    { input: 'B. Braun Melsungen AG', output: 'B BRAUN MELSUNGEN' },
    { input: 'Fresenius Kabi GmbH', output: 'FRESENIUS KABI' },
    { input: 'Eurospital S.p.A.', output: 'EUROSPITAL' },
    { input: 'Smith & Nephew PLC', output: 'SMITH AND NEPHEW' },
    { input: 'Cardinal Health 200, L.L.C.', output: 'CARDINAL HEALTH 200' },
    { input: 'Owens & Minor Distribution, Inc. ', output: 'OWENS AND MINOR DISTRIBUTION' },
    { input: 'Laboratoires Théa', output: 'LABORATOIRES THEA' },
    { input: 'The Co', output: 'THE', note: 'never strips to empty' },
    { input: 'Inc', output: 'INC' },
    { input: 'Co-Diagnostics Inc', output: 'CO DIAGNOSTICS', note: 'CO only stripped at the end' },
    { input: 'CARDINAL HEALTH INC /OH/', output: 'CARDINAL HEALTH', note: 'EDGAR state of incorporation' },
    { input: 'ICU MEDICAL INC/DE', output: 'ICU MEDICAL' },
    { input: 'Planmeca Oy (Finland)', output: 'PLANMECA OY', note: 'trailing qualifier in parentheses' },
    { input: 'Hillrom (Baxter)', output: 'HILLROM' },
    { input: 'Hospira, Inc., a Pfizer company', output: 'HOSPIRA', note: 'the same qualifier after a comma' },
    { input: 'Acclarent - a Johnson & Johnson company', output: 'ACCLARENT' },
    { input: 'Electric Boat Company', output: 'ELECTRIC BOAT' },
    { input: 'AB (Sweden) Medical', output: 'AB SWEDEN MEDICAL', note: 'parentheses inside a name stay words' },
    { input: 'ZAKŁADY FARMACEUTYCZNE', output: 'ZAKLADY FARMACEUTYCZNE', note: 'letters NFD does not fold' },
    { input: 'Søren Æbelø Straße', output: 'SOREN AEBELO STRASSE' },
    { input: 'HP/ES', output: 'HP ES', note: 'a slash inside a name is no state suffix' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeOrgName(input)).toBe(output);
  });
});

describe('normalizePartNumber', () => {
  test.each([
    { input: '10-775-PA-55', output: '10775PA55' },
    { input: '10775pa55', output: '10775PA55' },
    { input: ' 8888.4215 03 ', output: '8888421503' },
    { input: 'REF# 1234/A', output: 'REF1234A' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizePartNumber(input)).toBe(output);
  });
});

describe('normalizeText', () => {
  test.each([
    { input: 'Gauze  sponge, 4"x4" — sterile', output: 'GAUZE SPONGE 4 X4 STERILE' },
    { input: 'Crème  Médicale', output: 'CREME MEDICALE' },
    { input: '  ', output: '' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('normalizePostalCode', () => {
  test.each([
    { input: '02115', country: undefined, output: '02115' },
    { input: '2115', country: undefined, output: '02115' },
    { input: '2115', country: 'US', output: '02115' },
    { input: '02115-1234', country: 'USA', output: '02115' },
    { input: '021151234', country: 'United States', output: '02115' },
    { input: '21151234', country: 'US', output: '02115' },
    { input: 'ABCDE', country: 'US', output: null },
    { input: '123', country: 'US', output: null },
    { input: '', country: 'US', output: null },
    { input: 'k1a  0b1', country: 'CA', output: 'K1A 0B1' },
    { input: 'sw1a 1aa', country: 'GB', output: 'SW1A 1AA' },
  ])('$input ($country) → $output', ({ input, country, output }) => {
    expect(normalizePostalCode(input, country)).toBe(output);
  });
});
