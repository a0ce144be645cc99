import { describe, expect, test } from 'vitest';
import { compileRules, loadRules, validateRules } from '../../server/matching';
import { AppError } from '../../server/errors';
import type { RuleSet } from '../../server/matching';

const minimal = (): RuleSet => ({
  domain: 'widget',
  version: 'w-1',
  blocking: [{ name: 'code', type: 'partNumber', fields: ['code'], maxBlockSize: 10 }],
  comparators: [{ name: 'code', type: 'normalizedExact', fields: ['code'], weight: 1, params: { normalizer: 'partNumber' } }],
  hardRules: [],
  thresholds: { autoMerge: 0.9, review: 0.5 },
});

describe('rule sets', () => {
  test.each(['supplier', 'item', 'facility', 'account'])('shipped rules for %s validate and compile', async (domain) => {
    const compiled = await loadRules(domain);
    expect(compiled.domain).toBe(domain);
    expect(compiled.version).toMatch(/^\w+-\d+\.\d+\.\d+$/);
    expect(compiled.keyRules.length).toBeGreaterThan(1);
  });

  test('a minimal rule set is valid', () => {
    expect(validateRules(minimal())).toEqual([]);
  });

  test.each<{ title: string; change: (r: RuleSet) => unknown; code: string; path?: string }>([
    { title: 'missing version', change: (r) => ({ ...r, version: undefined }), code: 'REQUIRED' },
    {
      title: 'unknown comparator type',
      change: (r) => ({ ...r, comparators: [{ ...r.comparators[0], type: 'soundex' }] }),
      code: 'ENUM',
      path: 'comparators[0].type',
    },
    {
      title: 'identifier key without scheme',
      change: (r) => ({ ...r, blocking: [{ name: 'g', type: 'identifier', fields: ['gtin'], maxBlockSize: 5 }] }),
      code: 'REQUIRED',
    },
    {
      title: 'threshold above 1',
      change: (r) => ({ ...r, thresholds: { autoMerge: 1.5, review: 0.5 } }),
      code: 'MAXIMUM',
      path: 'thresholds.autoMerge',
    },
    { title: 'unknown property', change: (r) => ({ ...r, blockingKeys: [] }), code: 'ADDITIONAL_PROPERTY' },
    {
      title: 'hard rule names an unknown comparator',
      change: (r) => ({ ...r, hardRules: [{ name: 'x', action: 'veto', when: [{ comparator: 'nope', outcome: 'mismatch' }] }] }),
      code: 'UNKNOWN_COMPARATOR',
      path: 'hardRules[0].when[0].comparator',
    },
    { title: 'review above autoMerge', change: (r) => ({ ...r, thresholds: { autoMerge: 0.5, review: 0.9 } }), code: 'THRESHOLD_ORDER' },
    {
      title: 'duplicate comparator names',
      change: (r) => ({ ...r, comparators: [r.comparators[0], r.comparators[0]] }),
      code: 'DUPLICATE_NAME',
    },
  ])('invalid: $title', ({ change, code, path }) => {
    const problems = validateRules(change(minimal()));
    expect(problems.map((p) => p.code)).toContain(code);
    if (path) expect(problems.find((p) => p.code === code)?.path).toBe(path);
  });

  test('compileRules throws a 422 AppError listing the problems', () => {
    let caught: unknown;
    try {
      compileRules({ ...minimal(), thresholds: { autoMerge: 0.5, review: 0.9 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(422);
    expect((caught as AppError).code).toBe('INVALID_MATCHING_RULES');
    expect((caught as AppError).details).toEqual([expect.objectContaining({ code: 'THRESHOLD_ORDER' })]);
  });

  test('loadRules rejects unknown domains and path tricks', async () => {
    await expect(loadRules('nope')).rejects.toMatchObject({ code: 'MATCHING_RULES_NOT_FOUND' });
    await expect(loadRules('../package')).rejects.toMatchObject({ code: 'INVALID_DOMAIN' });
  });
});
