/** Fixture table for the change feed's `changedPaths` and the subscription path test. */
import { describe, expect, test } from 'vitest';
import { changedPaths, touchesPaths } from '../../server/golden/changedPaths';

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
  ])('$name', ({ before, after, paths }) => {
    expect(changedPaths(before as Record<string, unknown>, after as Record<string, unknown>)).toEqual(paths);
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
