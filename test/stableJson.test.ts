/** isSameJson as a fixture table: its shortcuts (same reference, scalars, scalar against object) answer as the stable serialisations do. */
import { describe, expect, test } from 'vitest';
import { isSameJson, stableStringify } from '../server/stableJson';

const shared = { a: [1, 2], b: { c: 'x' } };

const cases: Array<{ name: string; a: unknown; b: unknown; isSame: boolean }> = [
  { name: 'the same object', a: shared, b: shared, isSame: true },
  { name: 'equal objects, keys in another order', a: { a: 1, b: { c: 2, d: 3 } }, b: { b: { d: 3, c: 2 }, a: 1 }, isSame: true },
  { name: 'objects differing in a nested value', a: { a: 1, b: { c: 2 } }, b: { a: 1, b: { c: 3 } }, isSame: false },
  { name: 'arrays in another order', a: [1, 2], b: [2, 1], isSame: false },
  { name: 'a key holding undefined is left out', a: { a: 1, b: undefined }, b: { a: 1 }, isSame: true },
  { name: 'undefined inside an array is null', a: [undefined], b: [null], isSame: true },
  { name: 'undefined and null', a: undefined, b: null, isSame: true },
  { name: 'undefined and an empty string', a: undefined, b: '', isSame: false },
  { name: 'NaN and null (both serialise as null)', a: Number.NaN, b: null, isSame: true },
  { name: 'NaN and NaN', a: Number.NaN, b: Number.NaN, isSame: true },
  { name: '0 and -0', a: 0, b: -0, isSame: true },
  { name: 'a number and its string', a: 1, b: '1', isSame: false },
  { name: 'equal strings', a: 'glove', b: 'glove', isSame: true },
  { name: 'true and "true"', a: true, b: 'true', isSame: false },
  { name: 'a scalar and an object', a: 'x', b: { x: 1 }, isSame: false },
  { name: 'null and an empty object', a: null, b: {}, isSame: false },
  { name: 'undefined and an empty array', a: undefined, b: [], isSame: false },
  { name: 'a string that reads like JSON and the object', a: '{}', b: {}, isSame: false },
  { name: 'an empty array and an empty object', a: [], b: {}, isSame: false },
];

describe('isSameJson', () => {
  test.each(cases)('$name', ({ a, b, isSame }) => {
    expect(isSameJson(a, b)).toBe(isSame);
    expect(isSameJson(b, a)).toBe(isSame);
    // The definition the shortcuts must keep.
    expect(stableStringify(a) === stableStringify(b)).toBe(isSame);
  });
});
