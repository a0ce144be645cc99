import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { compileRules, loadRules, prepareRecord } from '../../server/matching';
import { decidingVeto, evaluatePreparedPair } from '../../server/matching/scoring';
import type { CanonicalRecord, ComparatorRule, HardRule, RuleSet } from '../../server/matching';
import { at } from '../support/must';

const code: ComparatorRule = { name: 'code', type: 'identifier', fields: ['code'], weight: 5, params: { scheme: 'gtin' } };
const name: ComparatorRule = { name: 'name', type: 'tokenSet', fields: ['name'], weight: 2, params: { weighting: 'idf' } };
const maker: ComparatorRule = { name: 'maker', type: 'fuzzy', fields: ['maker'], weight: 1, params: { floor: 0.9 } };

const rulesWith = (hardRules: HardRule[]): RuleSet => ({
  domain: 'widget',
  version: 'w-1',
  blocking: [{ name: 'code', type: 'partNumber', fields: ['code'], maxBlockSize: 10 }],
  comparators: [code, name, maker],
  hardRules,
  thresholds: { autoMerge: 0.9, review: 0.5 },
});

const differentCode: HardRule = { name: 'differentCode', action: 'veto', when: [{ comparator: 'code', outcome: 'mismatch' }] };
const sameCode: HardRule = { name: 'sameCode', action: 'forceMerge', when: [{ comparator: 'code', outcome: 'match' }] };
const capOnMaker: HardRule = { name: 'capOnMaker', action: 'capAtReview', when: [{ comparator: 'maker', outcome: 'mismatch' }] };
const vetoOnName: HardRule = { name: 'vetoOnName', action: 'veto', when: [{ comparator: 'name', scoreBelow: 0.2 }] };
const vetoOnMaker: HardRule = { name: 'vetoOnMaker', action: 'veto', when: [{ comparator: 'maker', outcome: 'mismatch' }] };

const GTIN_A = '00012345678905';
const GTIN_B = '00098765432109';
const widget = (sourceId: string, fields: Record<string, unknown>): CanonicalRecord => ({
  sourceId,
  name: 'WIDGET BLUE LARGE',
  maker: 'ACME',
  ...fields,
});

describe('decidingVeto: the veto that decides a pair without scoring it, or null', () => {
  test.each<{ title: string; hardRules: HardRule[]; a: Record<string, unknown>; b: Record<string, unknown>; veto: string | null }>([
    {
      title: 'different codes: the veto',
      hardRules: [differentCode, sameCode],
      a: { code: GTIN_A },
      b: { code: GTIN_B },
      veto: 'differentCode',
    },
    {
      title: 'same codes: a force-merge fires first (scored)',
      hardRules: [differentCode, sameCode],
      a: { code: GTIN_A },
      b: { code: GTIN_A },
      veto: null,
    },
    { title: 'a code missing: no rule fires (scored)', hardRules: [differentCode, sameCode], a: { code: GTIN_A }, b: {}, veto: null },
    {
      title: 'a cap holds before the veto: the band decides whether it counts (scored)',
      hardRules: [capOnMaker, differentCode],
      a: { code: GTIN_A, maker: 'ACME' },
      b: { code: GTIN_B, maker: 'ZENITH WORKS' },
      veto: null,
    },
    {
      title: 'a cap that does not hold is passed over',
      hardRules: [capOnMaker, differentCode],
      a: { code: GTIN_A },
      b: { code: GTIN_B },
      veto: 'differentCode',
    },
    {
      title: 'a rule before the veto reads an idf comparator (term weights not loaded): scored',
      hardRules: [vetoOnName, differentCode],
      a: { code: GTIN_A },
      b: { code: GTIN_B, name: 'GADGET RED' },
      veto: null,
    },
    {
      title: 'a veto on a comparator without term weights',
      hardRules: [vetoOnMaker],
      a: { maker: 'ACME' },
      b: { maker: 'ZENITH WORKS' },
      veto: 'vetoOnMaker',
    },
  ])('$title', ({ hardRules, a, b, veto }) => {
    const compiled = compileRules(rulesWith(hardRules));
    const pa = prepareRecord(widget('a', a), compiled);
    const pb = prepareRecord(widget('b', b), compiled);
    expect(decidingVeto({ a: pa, b: pb, compiled })?.name ?? null).toBe(veto);
    // Where it names a veto, the full evaluation fires the same rule and bands the pair no-match.
    if (veto !== null)
      expect(evaluatePreparedPair({ a: pa, b: pb, compiled })).toMatchObject({ hardRule: { name: veto }, band: 'no-match' });
  });

  test('over generated item pairs under the shipped rules, every veto it names is the rule the full evaluation fires', async () => {
    const compiled = await loadRules('item');
    const { records } = generateItems({ count: 400, seed: 11 });
    const prepared = records.map((record) => prepareRecord(record, compiled));
    let vetoed = 0;
    let scored = 0;
    for (let i = 0; i < prepared.length; i++) {
      for (let j = i + 1; j < Math.min(prepared.length, i + 40); j++) {
        const a = at(prepared, i);
        const b = at(prepared, j);
        const veto = decidingVeto({ a, b, compiled });
        const evaluation = evaluatePreparedPair({ a, b, compiled });
        if (veto) {
          vetoed++;
          expect(evaluation.hardRule).toBe(veto);
          expect(evaluation.band).toBe('no-match');
        } else scored++;
      }
    }
    // The sample holds both kinds of pairs, so the checks above ran.
    expect(vetoed).toBeGreaterThan(100);
    expect(scored).toBeGreaterThan(100);
  });
});
