/**
 * A pair's sources are handed to its comparators only when one of them weighs tokens by weights of its own
 * (perf32, sourceLayoutWords.ts `sourceWithOwnWeights` / `pairSources`): a source below `minRecords` (6 in the
 * shipped item rules) or an id without a source keeps the domain's weights, and such a pair is scored exactly as
 * it was with the sources passed. Everything here is written for this test, not taken from any corpus.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRules, prepareRecord } from '../../server/matching';
import type { CanonicalRecord, CompiledRules, PreparedRecord } from '../../server/matching';
import { evaluatePreparedPair } from '../../server/matching/scoring';
import { countTerms, termWeightsOf } from '../../server/matching/termStats';
import { pairSources, sourceWithOwnWeights } from '../../server/matching/sourceLayoutWords';

const record = (sourceId: string, description: string): CanonicalRecord => ({ sourceId, description });

// A ward's requisition form: its labels (`REQ`, `WARD`, `SIGNED`) on every line, products differ.
const formLines = [
  'REQ WARD 7 SIGNED | SYRINGE LUER LOCK 10 ML',
  'REQ WARD 7 SIGNED | GAUZE SWAB 10 X 10 CM',
  'REQ WARD 7 SIGNED | EXAM GLOVE NITRILE MEDIUM',
  'REQ WARD 7 SIGNED | IV CANNULA 20 G PINK',
  'REQ WARD 7 SIGNED | SUTURE SILK 3-0',
  'REQ WARD 7 SIGNED | URINE BAG 2000 ML',
  'REQ WARD 7 SIGNED | BANDAGE CREPE 10 CM',
];
const catalogueLines = ['SYRINGE LUER LOCK 10 ML STERILE', 'GAUZE SWAB 10 X 10 CM 8 PLY', 'EXAM GLOVE NITRILE LARGE'];

let rules: CompiledRules;
beforeAll(async () => {
  rules = await loadRules('item');
});

function contextOf(prepared: PreparedRecord[]) {
  return termWeightsOf(countTerms(prepared, rules), rules);
}

describe('a record keeps its source only when the source weighs tokens its own way', () => {
  test.each([
    { name: 'seven lines of one form: its labels are its own', form: 7, expected: 'wardform' },
    { name: 'five lines (below minRecords 6): the domain weights', form: 5, expected: undefined },
  ])('$name', ({ form, expected }) => {
    const prepared = [
      ...formLines.slice(0, form).map((line, i) => prepareRecord(record(`item|wardform|${i}`, line), rules)),
      ...catalogueLines.map((line, i) => prepareRecord(record(`item|catalogue|${i}`, line), rules)),
    ];
    const context = contextOf(prepared);
    expect(sourceWithOwnWeights(prepared[0] as PreparedRecord, rules, context)).toBe(expected);
    // Three catalogue lines: below minRecords, never its own weights.
    expect(sourceWithOwnWeights(prepared[form] as PreparedRecord, rules, context)).toBeUndefined();
  });

  test('an id without a source (a record scored outside the hub) keeps none', () => {
    const prepared = formLines.map((line, i) => prepareRecord(record(`ITM-${i}`, line), rules));
    expect(sourceWithOwnWeights(prepared[0] as PreparedRecord, rules, contextOf(prepared))).toBeUndefined();
  });

  test('pairSources: nothing to hand over when neither side keeps a source', () => {
    expect(pairSources(undefined, undefined)).toBeUndefined();
    expect(pairSources('wardform', undefined)).toEqual({ a: 'wardform', b: undefined });
  });
});

describe('scores are those of passing both sources (the engine before perf32)', () => {
  test.each([
    { name: 'a form of seven lines against the catalogue', form: 7 },
    { name: 'a form of five lines against the catalogue', form: 5 },
  ])('$name', ({ form }) => {
    const prepared = [
      ...formLines.slice(0, form).map((line, i) => prepareRecord(record(`item|wardform|${i}`, line), rules)),
      ...catalogueLines.map((line, i) => prepareRecord(record(`item|catalogue|${i}`, line), rules)),
    ];
    const context = contextOf(prepared);
    for (let i = 0; i < form; i++) {
      for (let j = form; j < prepared.length; j++) {
        const a = prepared[i] as PreparedRecord;
        const b = prepared[j] as PreparedRecord;
        const read = evaluatePreparedPair({ a, b, compiled: rules, context });
        const bothSources = evaluatePreparedPair({ a, b, compiled: rules, context, sources: { a: 'wardform', b: 'catalogue' } });
        const given = evaluatePreparedPair({
          a,
          b,
          compiled: rules,
          context,
          sources: pairSources(sourceWithOwnWeights(a, rules, context), sourceWithOwnWeights(b, rules, context)) ?? null,
        });
        expect(read.score).toBe(bothSources.score);
        expect(given.score).toBe(bothSources.score);
        expect(given.band).toBe(bothSources.band);
      }
    }
  });

  test("the form's labels weigh less on its own lines: two lines of one form score lower with their source", () => {
    const prepared = [
      ...formLines.map((line, i) => prepareRecord(record(`item|wardform|${i}`, line), rules)),
      ...catalogueLines.map((line, i) => prepareRecord(record(`item|catalogue|${i}`, line), rules)),
    ];
    const context = contextOf(prepared);
    const [a, b] = prepared as [PreparedRecord, PreparedRecord];
    const withSources = evaluatePreparedPair({ a, b, compiled: rules, context });
    const domainOnly = evaluatePreparedPair({ a, b, compiled: rules, context, sources: null });
    expect(withSources.score).toBeLessThan(domainOnly.score);
  });
});
