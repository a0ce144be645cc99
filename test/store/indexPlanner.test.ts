/**
 * Index planning: which filters are answered from an index, and that an index lookup never loses
 * a match (its candidates, re-checked by mingo, equal a full scan) across awkward document shapes.
 */
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { CollectionState } from '../../server/store/embedded/collectionState';
import type { Document, Filter } from '../../server/store/types';
import { at } from '../support/must';

const DOCS: Document[] = [
  { _id: '1', a: 1, b: 'x', tags: ['p', 'q'], nested: { k: 'v1' }, code: 'c1' },
  { _id: '2', a: 1, b: 'y', tags: [], nested: [{ k: 'v1' }, { k: 'v2' }], code: 'c2' },
  { _id: '3', a: '1', b: null, tags: 'p', nested: [{ other: 1 }], code: null },
  { _id: '4', a: 2, tags: ['q', null], nested: { k: ['v2', 'v3'] } },
  { _id: '5', b: 'x', nested: 5 },
  { _id: '6', a: true, b: 'x', tags: [['p']], nested: [{ k: 'v3' }, { other: 2 }] },
  { _id: '7', a: 1.0, b: 'z', tags: ['r'], status: 'active', nested: { k: null } },
];

function stateWithIndexes(): CollectionState {
  const state = new CollectionState('t');
  state.apply(DOCS.map((doc) => ({ id: doc._id, before: undefined, beforeDoc: undefined, after: { json: JSON.stringify(doc), doc } })));
  state.buildIndexes([
    { keys: { a: 1, b: 1 } },
    { keys: { tags: 1 } },
    { keys: { 'nested.k': 1 } },
    { keys: { b: 1 }, partial: { status: 'active' }, name: 'b_active' },
    { keys: { code: 1 }, partial: { code: { $exists: true } }, name: 'code_present' },
  ]);
  return state;
}

function ids(state: CollectionState, filter: Filter): string[] {
  const plan = state.plan(filter);
  return plan ? [...state.candidates(plan)] : [];
}

const CASES: Array<{ filter: Filter; via: string | undefined }> = [
  { filter: { a: 1 }, via: 'a_1_b_1' },
  { filter: { a: 1, b: 'y' }, via: 'a_1_b_1' },
  { filter: { a: '1' }, via: 'a_1_b_1' },
  { filter: { a: true }, via: 'a_1_b_1' },
  { filter: { a: { $in: [1, 2] }, b: { $in: ['x', null] } }, via: 'a_1_b_1' },
  { filter: { a: { $eq: 2 } }, via: 'a_1_b_1' },
  { filter: { a: null }, via: 'a_1_b_1' },
  { filter: { $and: [{ a: 1 }, { b: 'z' }] }, via: 'a_1_b_1' },
  { filter: { tags: 'p' }, via: 'tags_1' },
  { filter: { tags: null }, via: 'tags_1' },
  { filter: { tags: { $in: ['q', 'r'] } }, via: 'tags_1' },
  { filter: { 'nested.k': 'v1' }, via: 'nested.k_1' },
  { filter: { 'nested.k': 'v3' }, via: 'nested.k_1' },
  { filter: { 'nested.k': null }, via: 'nested.k_1' },
  { filter: { b: 'z', status: 'active' }, via: 'b_active' },
  // A partial index on `{ $exists: true }` answers conditions that only a document holding the field can meet.
  { filter: { code: 'c1' }, via: 'code_present' },
  { filter: { code: { $in: ['c1', 'c2', 'none'] } }, via: 'code_present' },
  { filter: { code: { $eq: 'c2' } }, via: 'code_present' },
  { filter: { code: { $in: ['c2'], $exists: true } }, via: 'code_present' },
  { filter: { code: null }, via: undefined },
  { filter: { code: { $in: ['c1', null] } }, via: undefined },
  { filter: { code: { $ne: 'c1' } }, via: undefined },
  { filter: { code: { $exists: false } }, via: undefined },
  { filter: { _id: { $in: ['1', '5', 'missing'] } }, via: '_id_' },
  { filter: { b: 'x' }, via: undefined },
  { filter: { a: { $gt: 0 } }, via: 'a_1_b_1' },
  { filter: { tags: ['p', 'q'] }, via: undefined },
  { filter: { $or: [{ a: 1 }, { b: 'x' }] }, via: undefined },
];

describe('index planning', () => {
  it.each(CASES)('$filter uses $via and matches a full scan', ({ filter, via }) => {
    const state = stateWithIndexes();
    const query = new Query(filter);
    const expected = DOCS.filter((doc) => query.test(doc))
      .map((doc) => doc._id)
      .sort();
    const plan = state.plan(filter);
    expect(plan?.via).toBe(via);
    const candidates = plan ? [...state.candidates(plan)] : [...state.docs.keys()];
    const found = candidates.filter((id) => state.docs.has(id) && query.test(JSON.parse(state.docs.get(id) as string))).sort();
    expect(found).toEqual(expected);
  });

  it('keeps indexes in step with updates and deletes', () => {
    const state = stateWithIndexes();
    const before = at(DOCS, 0, 'fixture document');
    const after = { ...before, tags: ['z'] };
    state.apply([{ id: '1', before: JSON.stringify(before), beforeDoc: before, after: { json: JSON.stringify(after), doc: after } }]);
    expect(ids(state, { tags: 'p' }).sort()).toEqual(['3']);
    expect(ids(state, { tags: 'z' })).toEqual(['1']);
    state.apply([{ id: '4', before: JSON.stringify(DOCS[3]), beforeDoc: DOCS[3], after: null }]);
    expect(ids(state, { tags: 'q' })).toEqual([]);
    expect(ids(state, { a: 2 })).toEqual([]);
  });
});
