/** isSameJson as a fixture table: its shortcuts (same reference, scalars, scalar against object) answer as the stable serialisations do. */
import { describe, expect, test } from 'vitest';
import { isSameJson, stableStringify } from '../server/stableJson';
// The benches' seeded generator (mulberry32), so a failure names a reproducible value.
import { createRandom } from '../bench/generators/items';

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

/** The serialisation before flat objects had their one-pass text (eleventh load pass): the oracle the fast path must equal. */
function generalStableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return String(JSON.stringify(value));
  if (Array.isArray(value)) return `[${value.map((item) => generalStableStringify(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${generalStableStringify(item)}`).join(',')}}`;
}

// Keys whose code-unit order differs from a locale's or a case-blind one, digits (integer keys come first in an
// object's own order), a lone surrogate, an astral character, `__proto__` and keys needing JSON escapes.
const KEYS = ['b', 'a', 'B', 'A', '10', '9', '2', 'é', 'e', 'Z', 'z', '\ud800', '\u{1F600}', 'ÿ', '__proto__', '"q"', 'a\nb', '', ' '];
const SCALARS: unknown[] = ['', 'glove', 'ÉCRAN', '\udc00', '"x"', 0, -0, 1.5, -7, Number.NaN, Infinity, true, false, null, undefined];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 2 || pick < 0.5) return SCALARS[Math.floor(random() * SCALARS.length)];
  if (pick < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  const size = Math.floor(random() * 8);
  // defineProperty: an own `__proto__` key, as JSON.parse makes it, not the prototype.
  for (let index = 0; index < size; index++)
    Object.defineProperty(object, KEYS[Math.floor(random() * KEYS.length)] as string, {
      value: randomValue(random, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}

describe('stableStringify', () => {
  test('writes the text the general walk writes, flat objects (CSV rows, canonical leaves) included', () => {
    const random = createRandom(19);
    let flat = 0;
    for (let round = 0; round < 3000; round++) {
      const value = randomValue(random, 0);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) flat += 1;
      expect(stableStringify(value), JSON.stringify(value)).toBe(generalStableStringify(value));
    }
    // The table reaches the fast path (top-level objects; nested flat ones too).
    expect(flat).toBeGreaterThan(300);
  });

  test.each([
    { name: 'a CSV row', value: { ITEM: '100-2', DESCRIPTION: 'GLOVE, NITRILE, L', UOM: 'BX', QTY: '100', PRICE: '' } },
    { name: 'undefined values left out, nulls kept', value: { b: undefined, a: null, c: 'x' } },
    { name: 'a Date (no own keys)', value: new Date(0) },
    { name: 'an object without a prototype', value: Object.assign(Object.create(null) as object, { b: 1, a: 2 }) },
    { name: 'flat leaves inside a nested record', value: { name: { text: 'x', lang: 'en' }, sizes: [{ v: 1, u: 'mm' }] } },
  ])('$name', ({ value }) => {
    expect(stableStringify(value)).toBe(generalStableStringify(value));
  });
});
