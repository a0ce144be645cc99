import { describe, expect, test } from 'vitest';
import { compileRules, prepareRecord, scorePair } from '../../server/matching';
import { shareStoredValues } from '../../server/matching/scoring';
import type { PreparedRecord } from '../../server/matching';
import type { ComparatorRule, RuleSet } from '../../server/matching';
import { at } from '../support/must';

const rulesWith = (comparators: ComparatorRule[]): RuleSet => ({
  domain: 'widget',
  version: 'w-1',
  blocking: [{ name: 'code', type: 'partNumber', fields: ['code'], maxBlockSize: 10 }],
  comparators,
  hardRules: [],
  thresholds: { autoMerge: 0.9, review: 0.5 },
});

const tokenSet = (name: string, params: ComparatorRule['params'] = {}, fields = ['description']): ComparatorRule => ({
  name,
  type: 'tokenSet',
  fields,
  weight: 1,
  params,
});

const record = { sourceId: 'r1', description: 'Glove exam nitrile PF SM', name: 'Acme' };

describe('comparators with the same preparation share one prepared value', () => {
  test.each<{ title: string; second: ComparatorRule; isShared: boolean }>([
    { title: 'idf containment over the same tokens', second: tokenSet('b', { measure: 'containment', floor: 0.2 }), isShared: true },
    { title: 'another normaliser', second: tokenSet('b', { normalizer: 'measureText' }), isShared: false },
    { title: 'other alias tables', second: tokenSet('b', { aliasTables: ['itemAbbreviations'] }), isShared: false },
    { title: 'other fields', second: tokenSet('b', {}, ['name']), isShared: false },
    { title: 'another comparator type', second: { name: 'b', type: 'fuzzy', fields: ['description'], weight: 1 }, isShared: false },
  ])('$title', ({ second, isShared }) => {
    const compiled = compileRules(rulesWith([tokenSet('a'), second]));
    const prepared = prepareRecord(record, compiled);
    expect(compiled.preparedWith).toEqual(isShared ? [0, 0] : [0, 1]);
    expect(prepared.values.a === prepared.values.b).toBe(isShared);
    // Shared or not, each comparator's value is what it prepares on its own.
    expect(prepared.values.b).toEqual(at(compiled.comparators, 1).prepare(record));
  });

  test('string comparators with the same normaliser and tables share (fuzzy and normalizedExact)', () => {
    const compiled = compileRules(
      rulesWith([
        { name: 'exact', type: 'normalizedExact', fields: ['name'], weight: 1, params: { normalizer: 'orgName' } },
        { name: 'fuzzy', type: 'fuzzy', fields: ['name'], weight: 1, params: { normalizer: 'orgName', floor: 0.8 } },
      ]),
    );
    expect(compiled.preparedWith).toEqual([0, 0]);
    const explanation = scorePair({ a: record, b: { ...record, sourceId: 'r2', name: 'ACME Inc' }, rules: compiled });
    expect(explanation.comparators.map((c) => c.outcome)).toEqual(['match', 'match']);
  });

  test('a prepared record read back from the store shares its equal copies again, and keeps copies that differ', () => {
    const compiled = compileRules(rulesWith([tokenSet('a'), tokenSet('b', { measure: 'containment' })]));
    const stored = JSON.parse(JSON.stringify(prepareRecord(record, compiled))) as PreparedRecord;
    expect(stored.values.a === stored.values.b).toBe(false);
    shareStoredValues(stored, compiled);
    expect(stored.values.a === stored.values.b).toBe(true);
    expect(stored.values.a).toEqual(['EXAM', 'GLOVE', 'NITRILE', 'PF', 'SM']);

    const older = { ...stored, values: { a: ['GLOVE'], b: ['GLOVE', 'EXAM'] } };
    shareStoredValues(older, compiled);
    expect(older.values).toEqual({ a: ['GLOVE'], b: ['GLOVE', 'EXAM'] });
  });
});
