/**
 * Preparation hot paths (matchperf6): the shortcuts taken while preparing records give the same
 * values as the plain computation they replace.
 */
import { describe, expect, test } from 'vitest';
import { hasEmptyWord, withAliasTables, withAliasTablesTokens, type AliasTable } from '../../server/matching/aliases';
import { sortedDistinct } from '../../server/matching/comparators';
import { normalizeWith, normalizerFor, splitNormalized } from '../../server/matching/normalizers';

const replace = (table: string, entries: AliasTable['entries']): AliasTable => ({ table, version: '1', mode: 'replace', entries });
const none = (value: string) => value.trim() || null;

describe('alias chains run only the tables a value triggers', () => {
  // The first table's output (`GAMMA`) is the only trigger of the second: it must still run.
  const first = replace('first', [{ canonical: 'GAMMA', variants: ['ALPHA'] }]);
  const second = replace('second', [{ canonical: 'DELTA', variants: ['GAMMA'] }]);
  const trailing: AliasTable = { table: 'trailing', version: '1', mode: 'removeTrailing', entries: [{ variants: ['DELTA'] }] };
  const chain = withAliasTables({ normalize: none, tables: [first, second, trailing] });
  const words = withAliasTablesTokens({ normalize: none, tables: [first, second, trailing] });

  test.each([
    ['ALPHA', 'DELTA'],
    ['ONE ALPHA', 'ONE'],
    ['ONE GAMMA TWO', 'ONE DELTA TWO'],
    ['ONE TWO DELTA', 'ONE TWO'],
    ['ONE DELTA TWO', 'ONE DELTA TWO'],
    ['NOTHING HERE', 'NOTHING HERE'],
  ])('%s → %s, as each table applied in order gives', (value, expected) => {
    expect(chain(value)).toBe(expected);
    expect(words(value)).toEqual(expected.split(' '));
  });

  test('a table listed later that an earlier one cannot trigger is not run for an untouched value', () => {
    expect(chain('ALPHA BETA')).toBe('DELTA BETA');
  });
});

describe('words of a chain', () => {
  const words = withAliasTablesTokens({
    normalize: (value) => value || null,
    tables: [replace('t', [{ canonical: 'B', variants: ['A'] }])],
  });

  test('empty words from leading, trailing or doubled spaces are dropped; single-spaced text is not copied to be filtered', () => {
    expect(words(' A  C ')).toEqual(['B', 'C']);
    expect(words('A C')).toEqual(['B', 'C']);
    expect(hasEmptyWord('A C')).toBe(false);
    expect(hasEmptyWord(' A')).toBe(true);
    expect(hasEmptyWord('A ')).toBe(true);
    expect(hasEmptyWord('A  C')).toBe(true);
  });
});

describe('sortedDistinct', () => {
  test('the sorted values of a Set of the same strings', () => {
    const values = ['GLOVE', 'NITRILE', 'GLOVE', 'L', '10', 'NITRILE', 'EXAM', '10'];
    expect(sortedDistinct([...values])).toEqual([...new Set(values)].sort());
    expect(sortedDistinct([])).toEqual([]);
  });
});

describe('measureText leaves words that do not start with a digit alone', () => {
  test.each([
    ['SYRINGE 3ML LL', 'SYRINGE 3 ML LL'],
    ['GAUZE 4X4IN', 'GAUZE 4X4 IN'],
    ['CATHETER J417H 14FR', 'CATHETER J417H 14 FR'],
    ['2D72PT70 SUTURE', '2D72PT70 SUTURE'],
    ['NEEDLE 18G 1IN', 'NEEDLE 18 G 1 IN'],
    ['BV1 3 0', 'BV1 3 0'],
  ])('%s → %s', (value, expected) => {
    expect(normalizeWith('measureText', value)).toBe(expected);
    expect(splitNormalized(normalizerFor('measureText')(value) ?? '')).toEqual(expected.split(' '));
  });
});
