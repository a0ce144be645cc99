/**
 * Item round 8 (item-3.12.0), from the categories the sealed sixth corpus reported: drug strengths written in
 * other units (RxNorm `1000 MG` / `0.1 MEQ/ML` / `UNT/ML` vs First Databank, chargemaster and ward spellings), the
 * micro sign (U+00B5) and the Greek mu (U+03BC) vs `u` / `mc`, and a reseller's letter prefix in front of the
 * maker's catalogue number. Each row scores two descriptions with the shipped item rules.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { compileComparator } from '../../server/matching/comparators';
import { normalizeWith } from '../../server/matching/normalizers';
import { normalizeText } from '../../server/identifiers';
import type { ComparatorRule } from '../../server/matching/types';

const rules = await loadRules('item');

function outcome(comparator: string, a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
  const explanation = scorePair({ a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b }, rules });
  return explanation.comparators.find((c) => c.name === comparator)?.outcome;
}

const attributesOutcome = (a: string, b: string) => outcome('attributes', { description: a }, { description: b });

describe.each([
  {
    convention: 'RxNorm milligrams vs a chargemaster in grams (1000 MG = 1 GM = 1GM = 1 g), 500 MG is another vial',
    a: 'cefazolin 1000 MG Injection',
    same: ['CEFAZOLIN SOD 1 GM VIAL', 'HC CEFAZOLIN 1GM INJ', 'cefazolin 1 g vial for IV'],
    other: 'CEFAZOLIN SOD 500 MG VIAL',
  },
  {
    convention: 'milliequivalents per mL vs per 100 or 200 mL, MEQ = mEq',
    a: 'potassium chloride 0.1 MEQ/ML Injectable Solution',
    same: ['POTASSIUM CHLORIDE 10 MEQ/100 ML IV SOLN', 'HC KCL 20 MEQ/200 ML IVPB', 'kcl 10 mEq/100mL premix bag'],
    other: 'potassium chloride 0.2 MEQ/ML Injectable Solution',
  },
  {
    convention: 'RxNorm UNT vs UNITS with a thousands separator vs U',
    a: 'heparin sodium, porcine 5000 UNT/ML Injectable Solution',
    same: ['HEPARIN PORCINE 5,000 UNITS/ML 1ML MDV', 'heparin 5000 U/mL vial'],
    other: 'heparin sodium, porcine 10000 UNT/ML Injectable Solution',
  },
  {
    convention: 'a concentration in mg/mL vs mcg/mL vs µg/mL, and a total amount over its volume',
    a: 'fentanyl 0.05 MG/ML Injectable Solution 2 ML',
    same: ['FENTANYL CIT 50MCG/ML 2ML AMP', 'fentanyl 100 mcg/2 mL amp', 'Fentanyl Citrate Injection 50 µg/mL, 2 mL ampule'],
    other: 'fentanyl 0.1 MG/ML Injectable Solution 2 ML',
  },
  {
    convention: 'microlitres: the micro sign, the Greek mu, uL and mcL are one unit',
    a: 'Pipette tips, universal, 200 μL, yellow, bulk',
    same: ['TIP PIPET UNIV 200UL YEL BULK', 'Universal pipette tip 200 µL yellow bulk bag', 'pipet tips 200 mcL yellow'],
    other: 'Universal pipette tip 1000 µL blue bulk bag',
  },
])('$convention', ({ a, same, other }) => {
  test.each(same)('agrees with %s', (text) => {
    expect(attributesOutcome(a, text)).toBe('match');
  });
  test('the other strength conflicts', () => {
    expect(attributesOutcome(a, other)).toBe('mismatch');
  });
});

describe('the two mu signs in words', () => {
  test('µL, μL, uL and mcL are one word once normalised and abbreviated', () => {
    expect(normalizeText('200 µL')).toBe('200 MCL');
    expect(normalizeText('200 μL')).toBe('200 MCL');
    expect(normalizeWith('measureText', '200μL')).toBe('200 MCL');
    expect(normalizeWith('measureText', '50µg/mL')).toBe('50 MCG ML');
  });
});

describe('catalogue numbers behind a reseller prefix', () => {
  test('a Sigma-Aldrich CLS + Corning number matches the Corning number', () => {
    expect(
      outcome(
        'catalogInText',
        { description: 'Corning cell culture flask 75 cm², canted neck', manufacturerPartNumber: '430641' },
        { description: 'CLS430641 Corning flask 75 cm2 canted neck vented' },
      ),
    ).toBe('match');
  });
  test('an EP + Eppendorf number matches the Eppendorf number, and not its sibling', () => {
    const punchout = { description: 'EP0030120086 Safe-Lock tube 1.5 ml PAK of 1000' };
    expect(
      outcome('catalogInText', { description: 'Eppendorf Safe-Lock Tubes, 1.5 mL', manufacturerPartNumber: '0030120086' }, punchout),
    ).toBe('match');
    expect(
      outcome('catalogInText', { description: 'Eppendorf Safe-Lock Tubes, 2.0 mL', manufacturerPartNumber: '0030120094' }, punchout),
    ).not.toBe('match');
  });

  const rule = {
    name: 'c',
    type: 'codeInText',
    weight: 1,
    fields: ['mpn'],
    params: { textFields: ['d'], minLength: 4, prefixedCodes: { maxPrefix: 3, minRest: 6 } },
  } as ComparatorRule;
  const comparator = compileComparator(rule);
  const compare = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const pa = comparator.prepare({ sourceId: 'a', ...a } as never);
    const pb = comparator.prepare({ sourceId: 'b', ...b } as never);
    return pa === undefined || pb === undefined ? 'missing' : comparator.compare(pa, pb).outcome;
  };

  test.each([
    { why: 'the rest is shorter than 6 characters', a: { mpn: '3596' }, b: { d: 'CLS3596 PLATE 96 WELL' } },
    { why: 'the prefix is longer than 3 letters', a: { mpn: '350123' }, b: { d: 'PSLXA350123 MONITOR' } },
    { why: 'the rest does not start with a digit', a: { mpn: 'X12345' }, b: { d: 'ABX12345 FILTER' } },
  ])('no prefix is cut when $why', ({ a, b }) => {
    expect(compare(a, b)).not.toBe('match');
  });
  test('two cut codes are never compared with each other', () => {
    expect(compare({ d: 'AB431720 FLASK' }, { d: 'CD431720 FLASK' })).not.toBe('match');
  });
  test('without the param the prefixed code is not found', () => {
    const plain = compileComparator({ ...rule, params: { textFields: ['d'], minLength: 4 } } as ComparatorRule);
    const pa = plain.prepare({ sourceId: 'a', mpn: '430641' } as never);
    const pb = plain.prepare({ sourceId: 'b', d: 'CLS430641 FLASK' } as never);
    expect(pa && pb ? plain.compare(pa, pb).outcome : 'missing').not.toBe('match');
    expect(compare({ mpn: '430641' }, { d: 'CLS430641 FLASK' })).toBe('match');
  });
});
