/** The MongoDB filter encoding that keeps `undefined` from meaning "match everything" under ignoreUndefined. */
import { describe, expect, it } from 'vitest';
import { encodeFilter } from '../../server/store/mongo/filters';

describe('encodeFilter', () => {
  it.each([
    { name: 'no undefined: the same object', filter: { _id: 'a', n: { $gt: 1 } }, expected: { _id: 'a', n: { $gt: 1 } } },
    { name: 'field equality', filter: { goldenId: undefined, domain: 'item' }, expected: { goldenId: null, domain: 'item' } },
    { name: 'inside an operator', filter: { owner: { $ne: undefined } }, expected: { owner: { $ne: null } } },
    { name: 'inside $or', filter: { $or: [{ a: undefined }, { b: 1 }] }, expected: { $or: [{ a: null }, { b: 1 }] } },
  ])('$name', ({ filter, expected }) => {
    expect(encodeFilter(filter)).toEqual(expected);
  });

  it('leaves dates and regular expressions alone', () => {
    const at = new Date(0);
    const pattern = /^item-/;
    const encoded = encodeFilter({ at, id: pattern, gone: undefined });
    expect(encoded.at).toBe(at);
    expect(encoded.id).toBe(pattern);
    expect(encoded.gone).toBeNull();
  });

  it('returns the given filter when nothing needs encoding (no copy on the hot path)', () => {
    const filter = { _id: 'x' };
    expect(encodeFilter(filter)).toBe(filter);
  });
});
