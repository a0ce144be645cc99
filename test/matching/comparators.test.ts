import { describe, expect, test } from 'vitest';
import { compileComparator } from '../../server/matching/comparators';
import { jaroWinkler, fuseSimilarity, tokenJaroWinkler, tokenSetSimilarity } from '../../server/matching/similarity';
import type { CanonicalRecord, ComparatorRule, ComparatorOutcome } from '../../server/matching/types';

interface ComparatorCase {
  title: string;
  rule: Omit<ComparatorRule, 'name' | 'weight'>;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
  outcome: ComparatorOutcome;
  /** Exact expected score, or a [min, max] range for similarity measures. */
  score: number | null | [number, number];
}

const rec = (fields: Record<string, unknown>): CanonicalRecord => ({ sourceId: 'x', ...fields });

const CASES: ComparatorCase[] = [
  {
    title: 'exact: equal strings',
    rule: { type: 'exact', fields: ['kind'] },
    a: { kind: 'gl-account' },
    b: { kind: 'gl-account' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'exact: case differs',
    rule: { type: 'exact', fields: ['kind'] },
    a: { kind: 'GL' },
    b: { kind: 'gl' },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'exact: missing on one side contributes nothing',
    rule: { type: 'exact', fields: ['kind'] },
    a: { kind: 'GL' },
    b: {},
    outcome: 'missing',
    score: null,
  },
  {
    title: 'normalizedExact partNumber: 10-775-PA-55 vs 10775pa55',
    rule: { type: 'normalizedExact', fields: ['mpn'], params: { normalizer: 'partNumber' } },
    a: { mpn: '10-775-PA-55' },
    b: { mpn: '10775pa55' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'normalizedExact partNumber: different parts',
    rule: { type: 'normalizedExact', fields: ['mpn'], params: { normalizer: 'partNumber' } },
    a: { mpn: '10-775-PA-55' },
    b: { mpn: '10-775-PA-56' },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'normalizedExact phone: +1 and punctuation',
    rule: { type: 'normalizedExact', fields: ['phone'], params: { normalizer: 'phone' } },
    a: { phone: '+1 (847) 555-0100' },
    b: { phone: '847.555.0100' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'normalizedExact orgName: ®/™ and INC',
    rule: { type: 'normalizedExact', fields: ['m'], params: { normalizer: 'orgName' } },
    a: { m: 'Becton Dickinson® , INC.' },
    b: { m: 'BECTON DICKINSON Inc' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'normalizedExact orgName: CO., THE',
    rule: { type: 'normalizedExact', fields: ['m'], params: { normalizer: 'orgName' } },
    a: { m: 'Kendall Co., The' },
    b: { m: 'KENDALL' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'fuzzy: typo in a name scores high',
    rule: { type: 'fuzzy', fields: ['name'], params: { normalizer: 'orgName' } },
    a: { name: 'Baxter Healthcare Corp' },
    b: { name: 'BAXTER HLTHCARE CORPORATION' },
    outcome: 'partial',
    score: [0.85, 0.99],
  },
  {
    title: 'fuzzy: unrelated names under the floor score 0',
    rule: { type: 'fuzzy', fields: ['name'], params: { normalizer: 'orgName', floor: 0.75 } },
    a: { name: 'Cardinal Health' },
    b: { name: 'Medline Industries' },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'fuzzy: best pair over alternate names (DBA)',
    rule: { type: 'fuzzy', fields: ['name', 'alternateNames'], params: { normalizer: 'orgName' } },
    a: { name: 'Acme Holdings LLC', alternateNames: ['Acme Surgical'] },
    b: { name: 'ACME SURGICAL' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'fuzzy (fuse): substring name scores high',
    rule: { type: 'fuzzy', fields: ['name'], params: { algorithm: 'fuse' } },
    a: { name: 'Memorial Hospital' },
    b: { name: 'Memorial Hospital of South Bend' },
    outcome: 'partial',
    score: [0.5, 0.99],
  },
  {
    title: 'tokenSet: reordered words',
    rule: { type: 'tokenSet', fields: ['d'] },
    a: { d: 'GLOVE, EXAM, NITRILE, LARGE' },
    b: { d: 'nitrile exam glove large' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'tokenSet: half the tokens shared',
    rule: { type: 'tokenSet', fields: ['d'] },
    a: { d: 'GLOVE EXAM NITRILE LARGE' },
    b: { d: 'GLOVE EXAM VINYL SMALL' },
    outcome: 'partial',
    score: 0.5,
  },
  {
    title: 'tokenSet: floor',
    rule: { type: 'tokenSet', fields: ['d'], params: { floor: 0.6 } },
    a: { d: 'GLOVE EXAM NITRILE LARGE' },
    b: { d: 'GLOVE EXAM VINYL SMALL' },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'numeric: within tolerance',
    rule: { type: 'numeric', fields: ['p'], params: { tolerance: 0.5 } },
    a: { p: 10 },
    b: { p: '10.4' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'numeric: relative tolerance exceeded',
    rule: { type: 'numeric', fields: ['p'], params: { relativeTolerance: 0.05 } },
    a: { p: 100 },
    b: { p: 110 },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'identifier gtin: GTIN-12 vs GTIN-14 with lost zeros',
    rule: { type: 'identifier', fields: ['gtin'], params: { scheme: 'gtin' } },
    a: { gtin: '00012345678905' },
    b: { gtin: '012345678905' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'identifier gtin: same base, other indicator = related',
    rule: { type: 'identifier', fields: ['gtin'], params: { scheme: 'gtin' } },
    a: { gtin: '00012345678905' },
    b: { gtin: '10012345678902' },
    outcome: 'related',
    score: 0,
  },
  {
    title: 'identifier gtin: different product',
    rule: { type: 'identifier', fields: ['gtin'], params: { scheme: 'gtin' } },
    a: { gtin: '00012345678905' },
    b: { gtin: '00012345678912' },
    outcome: 'mismatch',
    score: 0,
  },
  {
    title: 'identifier ein: hyphenated vs plain',
    rule: { type: 'identifier', fields: ['taxId'], params: { scheme: 'ein' } },
    a: { taxId: '12-3456789' },
    b: { taxId: '123456789' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'identifier duns: lost leading zero',
    rule: { type: 'identifier', fields: ['duns'], params: { scheme: 'duns' } },
    a: { duns: '01234567' },
    b: { duns: '001234567' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'identifier ndc: NDC-10 4-4-2 vs NDC-11',
    rule: { type: 'identifier', fields: ['ndc'], params: { scheme: 'ndc' } },
    a: { ndc: '0002-0152-01' },
    b: { ndc: '00002015201' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'identifier ccn: lost leading zero',
    rule: { type: 'identifier', fields: ['ccn'], params: { scheme: 'ccn' } },
    a: { ccn: '50001' },
    b: { ccn: '050001' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'identifier npi: any of several NPIs',
    rule: { type: 'identifier', fields: ['npis'], params: { scheme: 'npi' } },
    a: { npis: ['1245319599', '1234567893'] },
    b: { npis: ['1234567893'] },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'address: same place written differently, ZIP lost its zero',
    rule: { type: 'address', fields: ['address'] },
    a: { address: { line1: '100 Main Street', city: 'Boston', state: 'MA', postalCode: '2115' } },
    b: { address: { line1: '100 MAIN ST.', city: 'BOSTON', state: 'MA', postalCode: '02115-1234' } },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'address: other house number on the same street',
    rule: { type: 'address', fields: ['address'] },
    a: { address: { line1: '100 Main St', city: 'Boston', state: 'MA', postalCode: '02115' } },
    b: { address: { line1: '250 Main St', city: 'Boston', state: 'MA', postalCode: '02115' } },
    outcome: 'partial',
    score: [0.45, 0.55],
  },
  {
    title: 'address: best of several supplier addresses',
    rule: { type: 'address', fields: ['addresses'] },
    a: {
      addresses: [
        { line1: 'PO Box 7777', city: 'Chicago', state: 'IL', postalCode: '60680' },
        { line1: '3 Lakes Dr', city: 'Northfield', state: 'IL', postalCode: '60093' },
      ],
    },
    b: {
      addresses: [
        { line1: 'Three Lakes Drive', city: 'Northfield', state: 'IL', postalCode: '60093' },
        { line1: '3 Lakes Drive', city: 'Northfield', state: 'IL', postalCode: '60093' },
      ],
    },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'codeInText: part number embedded in description',
    rule: { type: 'codeInText', fields: ['mpn'], params: { textFields: ['d'] } },
    a: { mpn: '10-775-PA-55' },
    b: { d: 'GLOVE EXAM NITRILE LG MEDLINE 10775PA55' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'codeInText: hyphenated code in text',
    rule: { type: 'codeInText', fields: ['mpn'], params: { textFields: ['d'] } },
    a: { mpn: '10775PA55' },
    b: { d: 'Glove, nitrile (REF#10-775-PA-55)' },
    outcome: 'match',
    score: 1,
  },
  {
    title: 'codeInText: absent code is no evidence against',
    rule: { type: 'codeInText', fields: ['mpn'], params: { textFields: ['d'] } },
    a: { mpn: '10775PA55' },
    b: { d: 'GLOVE EXAM NITRILE 3000' },
    outcome: 'missing',
    score: null,
  },
];

describe('comparators (fixture table)', () => {
  test.each(CASES)('$title', ({ rule, a, b, outcome, score }) => {
    const comparator = compileComparator({ name: 'c', weight: 1, ...rule } as ComparatorRule);
    const pa = comparator.prepare(rec(a));
    const pb = comparator.prepare(rec(b));
    const result = pa === undefined || pb === undefined ? { score: null, outcome: 'missing' } : comparator.compare(pa, pb);
    expect(result.outcome).toBe(outcome);
    if (Array.isArray(score)) {
      expect(result.score).toBeGreaterThanOrEqual(score[0]);
      expect(result.score).toBeLessThanOrEqual(score[1]);
    } else expect(result.score).toBe(score);
  });
});

describe('similarity measures', () => {
  test.each([
    { a: 'MARTHA', b: 'MARHTA', expected: 0.9611 },
    { a: 'DWAYNE', b: 'DUANE', expected: 0.84 },
    { a: 'DIXON', b: 'DICKSONX', expected: 0.8133 },
    { a: 'ABC', b: 'XYZ', expected: 0 },
  ])('jaroWinkler($a, $b) = $expected', ({ a, b, expected }) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  test.each([
    { a: 'RIVERSIDE MEDICAL CENTER', b: 'RIVERSIDE PHARMACY', below: 0.75 },
    { a: 'RIVERSIDE MEDICAL CENTER', b: 'RIVERSIDE RECEIVING DOCK', below: 0.75 },
    { a: 'ST MARY MEDICAL CENTER', b: 'ST MARY MEDICAL CTR', atLeast: 0.9 },
    { a: 'BAXTER HEALTHCARE', b: 'BAXTER HLTHCARE', atLeast: 0.9 },
    { a: 'MEDICAL CENTER RIVERSIDE', b: 'RIVERSIDE MEDICAL CENTER', atLeast: 1 },
  ])('tokenJaroWinkler($a, $b) does not reward a shared first word alone', ({ a, b, below, atLeast }) => {
    const score = tokenJaroWinkler(a, b);
    expect(score).toBeCloseTo(tokenJaroWinkler(b, a), 10);
    if (below !== undefined) {
      expect(score).toBeLessThan(below);
      // Whole-string Jaro-Winkler is fooled by the common prefix.
      expect(jaroWinkler(a, b)).toBeGreaterThan(below);
    }
    if (atLeast !== undefined) expect(score).toBeGreaterThanOrEqual(atLeast);
  });

  test.each([
    { a: 'MERCY ASCOT ASCOT HOSPITAL', b: 'MERCY ASCOT MERCY HOSPITAL' },
    { a: 'NORTH SHORE HOSPITAL HOSPITAL', b: 'NORTH SHORE HOSPITAL' },
  ])('tokenJaroWinkler($a, $b): words held a different number of times are not an exact name', ({ a, b }) => {
    const score = tokenJaroWinkler(a, b);
    expect(score).toBeLessThan(1);
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeCloseTo(tokenJaroWinkler(b, a), 10);
  });

  test('tokenJaroWinkler: the same words in another order still score 1', () => {
    expect(tokenJaroWinkler('HOSPITAL NORTH SHORE', 'NORTH SHORE HOSPITAL')).toBe(1);
  });

  test('fuse similarity is symmetric and 1 for identical strings', () => {
    expect(fuseSimilarity('MEDLINE', 'MEDLINE')).toBe(1);
    expect(fuseSimilarity('MEDLINE INDUSTRIES', 'MEDLINE IND')).toBeCloseTo(fuseSimilarity('MEDLINE IND', 'MEDLINE INDUSTRIES'), 10);
    expect(fuseSimilarity('CARDINAL', 'MEDLINE')).toBeLessThan(0.5);
  });

  test('token-set similarity is order-free over sorted arrays', () => {
    expect(tokenSetSimilarity(['A', 'B', 'C'], ['A', 'B', 'C'])).toBe(1);
    expect(tokenSetSimilarity(['A', 'B'], ['A', 'B', 'C', 'D'])).toBe(0.75);
    expect(tokenSetSimilarity([], ['A'])).toBe(0);
  });
});
