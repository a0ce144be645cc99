/**
 * Codes in text that are really codes: catalog/model numbers (letters with digits, or a long digit
 * run) are read from free text; years, sizes, quantities, dimensions, gauges, strengths and versions
 * are not. Then the codeInText comparator compares code to code across two titles.
 */
import { describe, expect, test } from 'vitest';
import { compileComparator } from '../../server/matching/comparators';
import { codeTokensInText, isCodeToken, shortNumbersInText } from '../../server/matching/normalizers';
import type { ComparatorRule, PreparedValue } from '../../server/matching/types';

const CODES: Array<{ text: string; codes: string[] }> = [
  { text: 'sony PSLX350H belt-drive turntable', codes: ['PSLX350H'] },
  { text: 'Sony PS-LX350H Turntable - Black', codes: ['PSLX350H'] },
  { text: 'SUTURE VICRYL 3-0 SH 27IN UNDYED J416H', codes: ['J416H'] },
  { text: 'CATHETER IV INSYTE 18G X 1.16IN 381434', codes: ['381434'] },
  { text: 'GLOVE EXAM NITRILE MDS195287 LG', codes: ['MDS195287'] },
  { text: 'DRSG 4X4IN REF 10-775-PA-55', codes: ['10775PA55'] },
  { text: 'canon EOS-40D digital slr 10.1MP', codes: ['EOS40D'] },
  // leading zeros dropped as in part-number fields (item-3.15.0), so 00409-4888-20 reads the same
  { text: 'NACL 0.9% 20ML VL NDC 0409-4888-20', codes: ['409488820'] },
  { text: 'microsoft word 2004 (mac)', codes: [] },
  { text: 'microsoft office 2007 standard upgrade', codes: [] },
  { text: 'GLOVE EXAM NITRILE PF SM 100/BX', codes: [] },
  { text: 'SUTURE VICRYL 3-0 SH 27IN UNDYED', codes: [] },
  { text: 'NEEDLE HYPO 22GX1 25GX5/8', codes: [] },
  { text: 'CATHETER FOLEY 14FR 5CC', codes: [] },
  { text: 'ONDANSETRON 2MG/ML 2ML VIAL 500MG 0.9%', codes: [] },
  { text: 'DRAPE 2X3X1IN 10CMX10CM 4X4', codes: [] },
  { text: 'SYRINGE 10ML 100EA/BX 150CT', codes: [] },
  { text: 'photoshop v10.0 2nd 21st century', codes: [] },
  { text: 'usb drive 16GB 1080P 4K', codes: [] },
  { text: 'WIDGET 10000 PIECES 12.5 1.16', codes: ['10000'] },
];

describe('codeTokensInText reads catalog/model numbers only', () => {
  test.each(CODES)('$text → $codes', ({ text, codes }) => {
    expect([...codeTokensInText(text, 4)].sort()).toEqual([...codes].sort());
  });
});

test.each([
  ['2004', false],
  ['1860', false],
  ['12345', true],
  ['1.2345', false],
  ['J303H', true],
  ['18G', false],
  ['27IN', false],
  ['3-0', false],
  ['V2.1', false],
  ['AB12', true],
])('isCodeToken(%s) = %s', (token, expected) => {
  expect(isCodeToken(token, 4)).toBe(expected);
});

test('short digit runs are kept apart: a part number written into a text still meets its record', () => {
  expect(shortNumbersInText('MASK N95 3M 1860 REGULAR 2004', 4)).toEqual(['1860', '2004']);
});

describe('codeInText comparator', () => {
  const rule = {
    name: 'catalogInText',
    type: 'codeInText',
    fields: ['manufacturerPartNumber'],
    weight: 3,
    params: { textFields: ['description'], minLength: 4, isTextCodeConflict: true },
  } as ComparatorRule;
  const comparator = compileComparator(rule);
  const compare = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const pa = comparator.prepare({ sourceId: 'a', ...a });
    const pb = comparator.prepare({ sourceId: 'b', ...b });
    return pa && pb ? comparator.compare(pa as PreparedValue, pb as PreparedValue) : null;
  };

  test.each([
    {
      title: 'the same model number in two titles',
      a: { description: 'sony PSLX350H turntable' },
      b: { description: 'Sony PS-LX350H Belt Drive Turntable' },
      outcome: 'match',
    },
    {
      title: 'two different model numbers',
      a: { description: 'sony PSLX350H turntable' },
      b: { description: 'sony PSLX300USB turntable' },
      outcome: 'mismatch',
    },
    {
      title: 'a part number written into the other text',
      a: { manufacturerPartNumber: '1860' },
      b: { description: 'MASK N95 3M 1860' },
      outcome: 'match',
    },
    {
      title: 'a year in both titles is not a shared code',
      a: { description: 'microsoft word 2004 (mac)' },
      b: { description: 'microsoft powerpoint 2004 (mac)' },
      outcome: 'none',
    },
    {
      title: 'a code on one side only says nothing',
      a: { description: 'sony PSLX350H turntable' },
      b: { description: 'sony turntable black' },
      outcome: 'none',
    },
  ])('$title → $outcome', ({ a, b, outcome }) => {
    const result = compare(a, b);
    if (outcome === 'none') expect(result === null || result.outcome === 'missing', JSON.stringify(result)).toBe(true);
    else expect(result?.outcome).toBe(outcome);
  });
});
