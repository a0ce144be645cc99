/**
 * Item round 9 (item-3.13.0), from the text-only misses of the sixth corpus and the earlier ones: typos of ward
 * free text, a reseller's letter prefix on the maker's part number in the part-number FIELD, glove sizes written
 * with a half (`6 1/2`), the federal spelling `GAGE`, the fill volume of an injectable written per total volume
 * (`100 MCG/2 ML`), and `LMA`. Rows score two records with the shipped item rules unless they say otherwise.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { compileComparator } from '../../server/matching/comparators';
import { isOneEditApart } from '../../server/matching/shorthandTokens';
import type { AttributeExtractor, ComparatorRule } from '../../server/matching/types';

const rules = await loadRules('item');

function explain(a: Record<string, unknown>, b: Record<string, unknown>) {
  return scorePair({ a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b }, rules });
}

function outcome(comparator: string, a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
  return explain(a, b).comparators.find((c) => c.name === comparator)?.outcome;
}

const attributesOutcome = (a: string, b: string) => outcome('attributes', { description: a }, { description: b });
const attributesOf = (text: string) => extractAttributes(compileExtractors(rules.rules.attributes ?? []), [text]);

describe('isOneEditApart', () => {
  test.each([
    { x: 'AMOXICILLIN', y: 'AMOXCILLIN', expected: true }, // a letter dropped
    { x: 'AMOXICILLIN', y: 'AMOXICILIN', expected: true },
    { x: 'FENTANYL', y: 'FENTANIL', expected: true }, // a letter changed
    { x: 'SAFETY', y: 'SAFTEY', expected: true }, // two neighbours swapped
    { x: 'NITRILE', y: 'NITRILES', expected: true }, // a letter added at the end
    { x: 'SAFETY', y: 'SAFETY', expected: false }, // the same word is no typo
    { x: 'PREDNISONE', y: 'PREDNISOLONE', expected: false }, // two edits
    { x: 'HYDROXYZINE', y: 'HYDRALAZINE', expected: false },
    { x: 'CANNULA', y: 'MANNULA', expected: false }, // another first letter
    { x: 'BLADE', y: 'BLADES', expected: false }, // shorter than the minimum
  ])('$x / $y → $expected', ({ x, y, expected }) => {
    expect(isOneEditApart(x, y, 6)).toBe(expected);
    expect(isOneEditApart(y, x, 6)).toBe(expected);
  });
});

describe('typo tolerance in the description comparator (shorthand param typoMinLength)', () => {
  const rule = (typoMinLength?: number): ComparatorRule => ({
    name: 'description',
    type: 'tokenSet',
    fields: ['description'],
    weight: 1,
    params: { normalizer: 'measureText', shorthand: { minLength: 3, credit: 0.75, ...(typoMinLength ? { typoMinLength } : {}) } },
  });
  const score = (typoMinLength: number | undefined, a: string, b: string): number => {
    const comparator = compileComparator(rule(typoMinLength));
    const pa = comparator.prepare({ sourceId: 'a', description: a });
    const pb = comparator.prepare({ sourceId: 'b', description: b });
    return comparator.compare(pa ?? [], pb ?? []).score ?? 0;
  };

  test.each([
    ['amoxicillin 250 MG Oral Capsule', 'amoxcillin 250mg capsule'],
    ['FENTANYL CITRATE 50 MCG/ML AMPUL', 'fentanil 50 mcg/ml ampul'],
    ['NEEDLE SAFETY 25G', 'needle saftey 25g'],
  ])('%s / %s: higher with typos paired than without', (a, b) => {
    expect(score(6, a, b)).toBeGreaterThan(score(undefined, a, b));
  });

  test('short words one edit apart are not paired', () => {
    expect(score(6, 'TAPE CLOTH 1IN', 'TAPE CLOTS 1IN')).toBe(score(undefined, 'TAPE CLOTH 1IN', 'TAPE CLOTS 1IN'));
  });

  test('the shipped item rules declare it', () => {
    const description = rules.rules.comparators.find((c) => c.name === 'description');
    expect(description?.params?.shorthand?.typoMinLength).toBe(6);
  });
});

describe('a reseller prefix on the maker part number in the part-number field', () => {
  const sigma = {
    description: 'Eppendorf epT.I.P.S. Standard, racked, 2-200 µL, yellow, pack of 10 x 96',
    manufacturer: { name: 'Eppendorf SE' },
  };
  const fisher = {
    description: 'Eppendorf epT.I.P.S. Racked Pipette Tips, 2-200 µL, Standard, Yellow, 10 x 96 tips/CS',
    manufacturer: { name: 'Eppendorf' },
  };

  test('EP + the Eppendorf number is the Eppendorf number: related, not a different part of the same maker', () => {
    const explanation = explain({ ...sigma, manufacturerPartNumber: 'EP022491741' }, { ...fisher, manufacturerPartNumber: '022491741' });
    expect(explanation.comparators.find((c) => c.name === 'manufacturerPartNumber')?.outcome).toBe('related');
    expect(explanation.hardRule?.name).not.toBe('sameManufacturerDifferentPart');
    expect(explanation.band).toBe('review');
  });

  test('a prefixed number that is another part is still a different part', () => {
    const explanation = explain({ ...sigma, manufacturerPartNumber: 'EP0030075234' }, { ...fisher, manufacturerPartNumber: '022491741' });
    expect(explanation.comparators.find((c) => c.name === 'manufacturerPartNumber')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test.each([
    ['CLS352096', '352096', 'related'],
    ['SG32516', 'SG32525', 'mismatch'], // one maker's two parts
    ['EP022491741', 'X022491741', 'mismatch'], // both prefixed: two cut codes are not compared
    ['ABCD352096', '352096', 'mismatch'], // a prefix longer than 3 letters
    ['CLS3520', '3520', 'mismatch'], // a rest shorter than 6
  ])('%s / %s → %s', (x, y, expected) => {
    expect(
      outcome(
        'manufacturerPartNumber',
        { description: 'tube', manufacturerPartNumber: x },
        { description: 'tube', manufacturerPartNumber: y },
      ),
    ).toBe(expected);
  });
});

describe('glove sizes with a half', () => {
  test.each(['GLOVE SURG SZ 6 1/2 PF', 'glove surgical 6 1/2 latex free', 'Glove 6½ sterile', 'GLOVE SURG 6-1/2', 'GLOVES SIZE 6 1/2'])(
    '%s reads 6.5',
    (text) => {
      expect(attributesOf(text)?.size).toEqual(['6.5']);
    },
  );

  test('6 1/2 agrees with 6.5 and conflicts with 6 and 7', () => {
    expect(attributesOutcome('GLOVE SURG SZ 6 1/2 PF', 'Surgical glove, powder-free, size 6.5')).toBe('match');
    expect(attributesOutcome('GLOVE SURG SZ 6 1/2 PF', 'GLOVE SURG SZ 6 PF')).toBe('mismatch');
    expect(attributesOutcome('GLOVE SURG SZ 6 1/2 PF', 'GLOVE SURG SZ 7 PF')).toBe('mismatch');
  });

  test('a half inch in a glove text is a length, not a size', () => {
    expect(attributesOf('GLOVE LINER 5 1/2 IN CUFF')?.size).toBeUndefined();
  });
});

describe('GAGE (federal catalogue spelling of gauge)', () => {
  test('23 GAGE is gauge 23: agrees with 23G, conflicts with 25G', () => {
    expect(attributesOf('NEEDLE,HYPODERMIC,23 GAGE,1 INCH LG,REGULAR BEVEL,STERILE,100S')?.gauge).toEqual(['23']);
    expect(attributesOutcome('NEEDLE,HYPODERMIC,23 GAGE,1 INCH', 'NDL HYPO 23GX1')).toBe('match');
    expect(attributesOutcome('NEEDLE,HYPODERMIC,23 GAGE,1 INCH', 'NDL HYPO 25GX1')).toBe('mismatch');
  });
});

describe('the fill volume of an injectable written per total volume', () => {
  test.each([
    ['fentanyl 100 µg/2ml amps', '2 ml'],
    ['HC FENTANYL CIT INJ 250MCG/5ML J3010 X3', '5 ml'],
    ['HC KCL 10MEQ/100ML IVPB', '100 ml'],
  ])('%s has volume %s and keeps its concentration', (text, volume) => {
    const read = attributesOf(text);
    expect(read?.volume).toEqual([volume]);
    expect(read?.concentration ?? read?.equivalentsPerVolume).toBeDefined();
  });

  test('a 2 mL ampoule conflicts with a 5 mL one of the same concentration, and agrees with 50 MCG/ML 2 ML', () => {
    expect(attributesOutcome('fentanyl 100 µg/2ml amps (50mcg per ml)', 'fentanil 250mcg/5 mL ampoules (50 mcg/ml)')).toBe('mismatch');
    expect(attributesOutcome('fentanyl 100 µg/2ml amps', 'FENTANYL CITRATE 50 MCG/ML AMPUL 2 ML')).toBe('match');
  });

  test.each(['HEPARIN 5,000 UNITS/ML VIAL', 'AMOXICILLIN 250MG/5ML ORAL SUSP', 'MORPHINE 2 MG/1 ML SYRINGE'])(
    '%s: no fill volume (per 1 mL, or not an injectable)',
    (text) => {
      expect(attributesOf(text)?.volume).toBeUndefined();
    },
  );
});

describe('keepsText (engine)', () => {
  const extractors: AttributeExtractor[] = [
    { name: 'first', kind: 'text', keepsText: true, patterns: [{ regex: 'AB(?<value>\\d)' }] },
    { name: 'second', kind: 'text', patterns: [{ regex: 'B(?<value>\\d)' }] },
  ];
  test('a span read by a keepsText attribute is read again by the next one', () => {
    expect(extractAttributes(compileExtractors(extractors), ['AB7'])).toEqual({ first: ['7'], second: ['7'] });
  });
  test('without it the span is blanked', () => {
    const [first, second] = extractors as [AttributeExtractor, AttributeExtractor];
    expect(extractAttributes(compileExtractors([{ ...first, keepsText: false }, second]), ['AB7'])).toEqual({ first: ['7'] });
  });
});

describe('LMA', () => {
  test('a ward LMA line shares its words with a catalogue laryngeal mask airway', () => {
    const explanation = explain(
      { description: 'LMA unique size 4 50-70 kg' },
      { description: 'AIRWAY,LARYNGEAL MASK,SIZE 4,SINGLE USE,PVC,STERILE,10S' },
    );
    expect(explanation.comparators.find((c) => c.name === 'description')?.score).toBeGreaterThan(0.3);
  });
});

describe('strongAttributes: an agreeing drug strength weighs more than an agreeing sterile or size', () => {
  const rule = (strongAttributes?: string[]): ComparatorRule => ({
    name: 'attributes',
    type: 'attributes',
    fields: ['description'],
    weight: 0,
    ...(strongAttributes ? { params: { strongAttributes } } : {}),
  });
  const score = (strongAttributes: string[] | undefined, a: string, b: string): number | null => {
    const comparator = compileComparator(rule(strongAttributes), {
      extractors: compileExtractors(rules.rules.attributes ?? []),
      aliasTable: () => {
        throw new Error('no alias tables here');
      },
    });
    const pa = comparator.prepare({ sourceId: 'a', description: a });
    const pb = comparator.prepare({ sourceId: 'b', description: b });
    return pa === undefined || pb === undefined ? null : comparator.compare(pa, pb).score;
  };

  test.each([
    { a: 'VANCOMYCIN 500 MG VIAL', b: 'vanco 500mg vials', strong: ['strength'], expected: 1 },
    { a: 'GAUZE STERILE 4X4', b: 'SPONGE STERILE 4 IN X 4 IN', strong: ['strength'], expected: 0.5 },
    { a: 'GAUZE STERILE 4X4', b: 'SPONGE STERILE 4 IN X 4 IN', strong: undefined, expected: 1 },
    { a: 'VANCOMYCIN 500 MG VIAL', b: 'VANCOMYCIN 1 GM VIAL', strong: ['strength'], expected: 0 },
  ])('$a / $b with $strong → $expected', ({ a, b, strong, expected }) => {
    expect(score(strong, a, b)).toBe(expected);
  });

  test('the shipped item rules: an RxNorm string and a First Databank name of one drug and strength reach a steward', () => {
    const explanation = explain({ description: 'vancomycin 500 MG Injection' }, { description: 'VANCOMYCIN HCL 500 MG VIAL' });
    expect(explanation.comparators.find((c) => c.name === 'attributes')?.level).toBe('agreeStrength');
    expect(explanation.band).toBe('review');
  });

  test('another strength of the same drug does not', () => {
    expect(explain({ description: 'vancomycin 500 MG Injection' }, { description: 'VANCOMYCIN HCL 1 GM VIAL' }).band).toBe('no-match');
  });
});
