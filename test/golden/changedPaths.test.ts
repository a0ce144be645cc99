/** Fixture table for the change feed's `changedPaths` and the subscription path test. */
import { describe, expect, test } from 'vitest';
import { changedPaths, isSameAttributeValue, touchesPaths } from '../../server/golden/changedPaths';
import { isSameJson } from '../../server/stableJson';

describe('changedPaths', () => {
  test.each([
    { name: 'nothing changed', before: { a: 1, b: { c: 'x' } }, after: { b: { c: 'x' }, a: 1 }, paths: [] },
    {
      name: 'new record: every attribute',
      before: {},
      after: { name: 'Acme', address: { city: 'Austin' } },
      paths: ['address.city', 'name'],
    },
    {
      name: 'nested value',
      before: { address: { city: 'Austin', zip: '1' } },
      after: { address: { city: 'Dallas', zip: '1' } },
      paths: ['address.city'],
    },
    { name: 'array compared whole', before: { ids: [1, 2] }, after: { ids: [1, 2, 3] }, paths: ['ids'] },
    { name: 'removed attribute', before: { a: 1, b: 2 }, after: { a: 1 }, paths: ['b'] },
    { name: 'object replaced by scalar', before: { a: { b: 1 } }, after: { a: 'x' }, paths: ['a'] },
    { name: 'key order ignored inside arrays of objects', before: { p: [{ x: 1, y: 2 }] }, after: { p: [{ y: 2, x: 1 }] }, paths: [] },
    {
      name: 'new record: leaves whose JSON is null are no change (null, undefined, NaN, Infinity); texts, 0, false and [] are',
      before: {},
      after: {
        a: null,
        b: Number.NaN,
        c: 0,
        d: false,
        e: '',
        f: { g: undefined, h: 'x', k: Number.POSITIVE_INFINITY },
        i: [],
        j: 'null',
      },
      paths: ['c', 'd', 'e', 'f.h', 'i', 'j'],
    },
    { name: 'a text against a number of the same digits', before: { a: '1', b: 'true' }, after: { a: 1, b: true }, paths: ['a', 'b'] },
    { name: 'a text removed', before: { a: 'x', b: { c: 'y' } }, after: { b: {} }, paths: ['a', 'b.c'] },
  ])('$name', ({ before, after, paths }) => {
    expect(changedPaths(before as Record<string, unknown>, after as Record<string, unknown>)).toEqual(paths);
  });
});

// Every pair of these values, both ways: the shortcut for texts must answer as the stable serialisations do.
const values: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'X',
  'null',
  '"x"',
  '1',
  '\ud800',
  '\ud800\udc00',
  0,
  -0,
  1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ['x'],
  {},
  { a: 'x' },
];

describe('isSameAttributeValue', () => {
  test.each(values.flatMap((a, i) => values.map((b, j) => ({ a, b, label: `${i} vs ${j}` }))))('$label', ({ a, b }) => {
    expect(isSameAttributeValue(a, b)).toBe(isSameJson(a ?? null, b ?? null));
  });
});

describe('touchesPaths', () => {
  test.each([
    { changed: ['address.city'], watched: ['address'], touches: true },
    { changed: ['address'], watched: ['address.city'], touches: true },
    { changed: ['address.city'], watched: ['address.city'], touches: true },
    { changed: ['addressLine'], watched: ['address'], touches: false },
    { changed: ['name'], watched: ['taxId', 'address'], touches: false },
    { changed: [], watched: ['name'], touches: false },
  ])('$changed vs $watched → $touches', ({ changed, watched, touches }) => {
    expect(touchesPaths(changed, watched)).toBe(touches);
  });
});
