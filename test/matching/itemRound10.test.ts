/**
 * Item round 10 (item-3.14.0), from conventions of hospital and catalogue text: words written together on one
 * side and apart on the other (`MICRO TOUCH` / `MICROTOUCH`), masses and volumes written in another unit
 * (`1000 MG` / `1 GM`, `1000 ML` / `1 L`), and ward strengths written without a slash (`20MEQ IN 100ML`,
 * `5000 units in 1 ml`, `20 mEq per 100 mL`). Rows score two records with the shipped item rules unless they
 * say otherwise.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { compileComparator } from '../../server/matching/comparators';
import { normalizeWith } from '../../server/matching/normalizers';
import type { ComparatorRule } from '../../server/matching/types';
import { must } from '../support/must';

const rules = await loadRules('item');

function explain(a: string, b: string) {
  return scorePair({ a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b }, rules });
}
const attributesOf = (text: string) => extractAttributes(compileExtractors(rules.rules.attributes ?? []), [text]);

describe('words written together or apart (shorthand param joinMinLength)', () => {
  const rule = (joinMinLength?: number): ComparatorRule => ({
    name: 'description',
    type: 'tokenSet',
    fields: ['description'],
    weight: 1,
    params: {
      normalizer: 'measureText',
      shorthand: { minLength: 3, credit: 0.75, exclude: ['NON', 'STERILE'], ...(joinMinLength ? { joinMinLength } : {}) },
    },
  });
  const score = (joinMinLength: number | undefined, a: string, b: string): number => {
    const comparator = compileComparator(rule(joinMinLength));
    const pa = comparator.prepare({ sourceId: 'a', description: a });
    const pb = comparator.prepare({ sourceId: 'b', description: b });
    return comparator.compare(pa ?? [], pb ?? []).score ?? 0;
  };

  test.each([
    ['LANCET MICRO TOUCH 28G', 'LANCET MICROTOUCH 28G'],
    ['CAMERA CANON POWERSHOT', 'camera canon Power Shot'],
    ['NEEDLE SAFETY GLIDE 25G X 1IN', 'NEEDLE SAFETYGLIDE 25G X 1IN'],
    ['SONY CYBERSHOT CAMERA', 'SONY CYBER SHOT CAMERA'],
  ])('%s / %s: the same words (score 1), not without joining', (a, b) => {
    expect(score(6, a, b)).toBeCloseTo(1, 9);
    expect(score(undefined, a, b)).toBeLessThan(0.99);
    expect(score(6, b, a)).toBeCloseTo(1, 9);
  });

  test.each([
    ['GLOVE EXAM NON STERILE', 'GLOVE EXAM NONSTERILE'], // sterility is the attribute's to decide: excluded words never join
    ['TAPE SILK 1IN', 'TAPE SIL K 1IN'], // a part shorter than minLength
    ['CONNECTOR 3 WAY', 'CONNECTOR 3WAY'], // a number never joins a word (sizes and models have their own comparators)
  ])('%s / %s: not joined', (a, b) => {
    expect(score(6, a, b)).toBe(score(undefined, a, b));
  });

  test('the shipped item rules declare it on both description comparators', () => {
    for (const name of ['description', 'descriptionContained'])
      expect(rules.rules.comparators.find((c) => c.name === name)?.params?.shorthand?.joinMinLength).toBe(6);
  });
});

describe('masses in milligrams and volumes in millilitres (measureText; punctuation becomes spaces as in normalizeText)', () => {
  test.each([
    { text: 'VANCOMYCIN 1 GM VIAL', expected: 'VANCOMYCIN 1000 MG VIAL' },
    { text: 'vancomycin 1g vial', expected: 'VANCOMYCIN 1000 MG VIAL' },
    { text: 'CEFTRIAXONE 0.5 GRAM', expected: 'CEFTRIAXONE 500 MG' },
    { text: 'CYANOCOBALAMIN 1000 MCG/ML', expected: 'CYANOCOBALAMIN 1 MG ML' },
    { text: 'FENTANYL 250 MCG/5 ML', expected: 'FENTANYL 250 MCG 5 ML' }, // not whole milligrams: left as written
    { text: 'SODIUM CHLORIDE 0.9% 1 L BAG', expected: 'SODIUM CHLORIDE 0 9 1000 ML BAG' },
    { text: 'NEEDLE 18 G X 1 IN', expected: 'NEEDLE 18 G X 1 IN' }, // a gauge, not grams
  ])('$text → $expected', ({ text, expected }) => {
    expect(normalizeWith('measureText', text)).toBe(expected);
  });

  test.each([
    ['VANCOMYCIN 1000 MG VIAL', 'VANCOMYCIN 1 GM VIAL'],
    ['CEFAZOLIN 1000 MG VIAL', 'cefazolin 1 g vial'],
    ['SODIUM CHLORIDE 0.9% 1000 ML BAG', 'SODIUM CHLORIDE 0.9% 1 L BAG'],
  ])('%s / %s: the strength words agree, so the descriptions are the same words', (a, b) => {
    expect(explain(a, b).comparators.find((c) => c.name === 'description')?.score).toBe(1);
  });

  test('another strength still disagrees', () => {
    const explanation = explain('VANCOMYCIN 500 MG VIAL', 'VANCOMYCIN 1 GM VIAL');
    expect(explanation.comparators.find((c) => c.name === 'attributes')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});

describe('ward strengths without a slash', () => {
  test.each([
    { text: 'KCL 20MEQ IN 100ML', attribute: 'equivalentsPerVolume', value: '0.2 mmol/ml' },
    { text: 'kcl 10meq in 100mls', attribute: 'equivalentsPerVolume', value: '0.1 mmol/ml' },
    { text: 'potassium chloride 20 mEq per 100 mL', attribute: 'equivalentsPerVolume', value: '0.2 mmol/ml' },
    { text: 'heparin 5000 units in 1 ml', attribute: 'unitsPerMl', value: '5000' },
    { text: 'heparin 5000 units per mL', attribute: 'unitsPerMl', value: '5000' },
  ])('$text → $attribute $value', ({ text, attribute, value }) => {
    const read = must(attributesOf(text), `attributes of ${text}`);
    expect(read[attribute]).toEqual([value]);
    expect(read.volume).toBeUndefined(); // the denominator is no fill volume
  });

  test('the same ward strength reaches a steward against the pharmacy line', () => {
    const explanation = explain('potassium chloride 20 mEq per 100 mL', 'KCL 20 MEQ/100 ML');
    expect(explanation.comparators.find((c) => c.name === 'attributes')?.outcome).toBe('match');
    expect(explanation.band).toBe('review');
  });

  test.each([
    ['kcl 10meq in 100mls', 'POTASSIUM CHLORIDE 20 MEQ/100 ML IVPB'],
    ['heparin 5000 units in 1 ml', 'HEPARIN SODIUM 1000 UNITS/ML VIAL'],
  ])('%s / %s: another strength conflicts', (a, b) => {
    const explanation = explain(a, b);
    expect(explanation.comparators.find((c) => c.name === 'attributes')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});
