/**
 * The embedded store's fast paths against mingo, the reference semantics: the compiled filter
 * predicate, direct projections, direct `$set`/`$unset`/`$inc`, and ordered index walks for
 * ranges and sorts. Each table checks both that the fast path is taken and that it agrees with
 * mingo on awkward documents (arrays along paths, null vs missing, numbers vs strings, objects).
 */
import { find as mingoFind, Query, update as mingoUpdate } from 'mingo';
import { describe, expect, it } from 'vitest';
import { CollectionState } from '../../server/store/embedded/collectionState';
import { compileFastFilter, UNDECIDED } from '../../server/store/embedded/fastFilter';
import { compileMatcher, planMatches, sortComparator, TICK } from '../../server/store/embedded/matcher';
import type { Match } from '../../server/store/embedded/matcher';
import { projectDocuments } from '../../server/store/embedded/projection';
import { applyUpdate } from '../../server/store/embedded/updates';
import type { Document, Filter, Projection, Sort, Update } from '../../server/store/types';
import { at } from '../support/must';

const DOCS: Document[] = [
  { _id: '1', a: 1, b: 'x', c: { d: 'v', e: 2 }, tags: ['p', 'q'] },
  { _id: '2', a: '1', b: null, c: { d: null }, tags: [] },
  { _id: '3', a: [1, 2], c: [{ d: 'v' }, { d: 'w' }] },
  { _id: '4', a: true, b: 'y', c: 'scalar', tags: 'p' },
  { _id: '5', a: 0, b: { x: 1 }, c: { d: ['v', 'z'] } },
  { _id: '6', b: 'x', c: null },
  { _id: '7', a: 1.5, b: 'x', c: { d: 'v', e: { f: 1 } }, tags: [null] },
  { _id: '8', a: null, c: {} },
  { _id: '9', a: [[1], 2], b: ['x', { y: 1 }], c: { d: [null, 'v'] }, tags: ['q', 'p', 'p'] },
  { _id: '10', a: [{ b: 1 }, 'x'], b: [true, 0], c: { d: [] }, tags: [['p']] },
];

const FAST_FILTERS: Filter[] = [
  {},
  { a: 1 },
  { a: '1' },
  { a: true },
  { a: null },
  { b: null },
  { b: 'x' },
  { 'c.d': 'v' },
  { 'c.d': null },
  { 'c.e': 2 },
  { 'c.e.f': 1 },
  { a: { $eq: 1 } },
  { a: { $in: [1, 'x', true] } },
  { b: { $in: [null, 'y'] } },
  { 'c.d': { $in: ['v', 'w'] } },
  { a: { $exists: true } },
  { a: { $exists: false } },
  { 'c.d': { $exists: true } },
  { 'c.d': { $exists: false } },
  { tags: 'p' },
  { tags: null },
  { tags: { $in: ['q', null] } },
  { $and: [{ b: 'x' }, { a: { $in: [1, 1.5] } }] },
  { b: 'x', 'c.d': 'v' },
  { $and: [{ a: 1 }, { $and: [{ b: 'x' }] }] },
  { a: { $in: [] } },
  { a: { $exists: true, $in: [0, null] } },
  { 'tags.0': 'p' },
  { a: 2 },
  { b: 0 },
  { b: false },
  { b: { $in: [true, 'x'] } },
  { 'c.d': { $in: ['v', null] } },
  { tags: { $exists: true } },
  { 'c.d': { $exists: false } },
  { a: 'x' },
];
const MINGO_ONLY_FILTERS: Filter[] = [
  { a: { $gt: 0 } },
  { $or: [{ a: 1 }] },
  { a: [1, 2] },
  { b: { x: 1 } },
  { a: { $in: [[1, 2]] } },
  { a: /1/ },
  { a: new Date(0) },
  { a: Number.NaN },
  { a: { $ne: 1 } },
  { $and: [] },
];

describe('compiled filter predicate', () => {
  it.each(FAST_FILTERS)('%o is compiled and agrees with mingo on every document', (filter) => {
    expect(compileFastFilter(filter)).toBeDefined();
    const query = new Query(filter);
    const matcher = compileMatcher(filter);
    for (const doc of DOCS) expect([doc._id, matcher(doc)]).toEqual([doc._id, query.test(doc)]);
  });

  it.each(MINGO_ONLY_FILTERS)('%o is left to mingo', (filter) => {
    expect(compileFastFilter(filter)).toBeUndefined();
  });

  it('hands documents with an array or a scalar along the path to mingo', () => {
    const predicate = compileFastFilter({ 'c.d': 'v' });
    expect(predicate?.(at(DOCS, 0))).toBe(1);
    expect(predicate?.(at(DOCS, 2))).toBe(UNDECIDED);
    // A final array of scalars is decided element-wise; with a nested array or a null comparison it is not.
    expect(compileFastFilter({ tags: 'q' })?.(at(DOCS, 0))).toBe(1);
    expect(compileFastFilter({ tags: 'zz' })?.(at(DOCS, 0))).toBe(0);
    expect(compileFastFilter({ a: 2 })?.(at(DOCS, 8))).toBe(UNDECIDED);
    expect(compileFastFilter({ tags: null })?.(at(DOCS, 0))).toBe(UNDECIDED);
    expect(predicate?.(at(DOCS, 3))).toBe(UNDECIDED);
    expect(predicate?.(at(DOCS, 4))).toBe(1);
    // A definite miss on one clause decides a conjunction without mingo.
    expect(compileFastFilter({ b: 'nope', 'c.d': 'v' })?.(at(DOCS, 2))).toBe(0);
  });
});

const PROJECTIONS: Projection[] = [
  { a: 1 },
  { b: 1, a: 1 },
  { a: 1, _id: 0 },
  { _id: 0, a: 0 },
  { a: 0 },
  { missing: 1 },
  { _id: 1 },
  { _id: 0 },
  { c: 1, _id: 1 },
  { tags: 0, c: 0 },
  { 'c.d': 1 },
  { 'c.d': 0, a: 0 },
];

describe('projection', () => {
  it.each(PROJECTIONS)("%o gives exactly mingo's output, field order included", (projection) => {
    const expected = mingoFind(structuredClone(DOCS), {}, projection).all();
    expect(JSON.stringify(projectDocuments(structuredClone(DOCS), projection))).toBe(JSON.stringify(expected));
  });
});

const UPDATES: Update[] = [
  { $set: { a: 1 } },
  { $set: { a: 2, z: 'new' } },
  { $set: { 'c.d': 'v' } },
  { $set: { 'c.g.h': 1 } },
  { $set: { 'n.m': [1] } },
  { $set: { b: { x: 1 } } },
  { $unset: { b: '' } },
  { $unset: { 'c.d': '', nope: '' } },
  { $unset: { 'x.y': '' } },
  { $inc: { a: 1 } },
  { $inc: { 'c.e': 0 } },
  { $inc: { fresh: 0 } },
  { $inc: { 'q.r': 2 } },
  { $inc: { b: 1 } },
  { $set: { tags: ['p', 'q'] }, $unset: { b: '' }, $inc: { k: 1 } },
  { $set: { 'tags.0': 'x' } },
  { $set: { 'c.d.0': 'x' } },
  { $set: { a: 1, 'a.b': 2 } },
  { $push: { tags: 'n' } },
  { $set: { 'c.d': { deep: [1] } } },
];

describe('direct update operators', () => {
  it.each(UPDATES)('%o leaves every document exactly as mingo does and reports the same change', (update) => {
    for (const doc of DOCS) {
      const ours = structuredClone(doc);
      const theirs = structuredClone(doc);
      let ourResult: unknown;
      let theirResult: unknown;
      try {
        ourResult = applyUpdate({ doc: ours, update, isInsert: false });
      } catch (error) {
        ourResult = `error: ${(error as Error).message}`;
      }
      try {
        theirResult = mingoUpdate(theirs, update as Parameters<typeof mingoUpdate>[1]).length > 0;
      } catch (error) {
        theirResult = `error: ${(error as Error).message}`;
      }
      expect([doc._id, ourResult, JSON.stringify(ours)]).toEqual([doc._id, theirResult, JSON.stringify(theirs)]);
    }
  });
});

/** Deterministic pseudo-random numbers (xorshift), so failures reproduce. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

function randomValue(random: () => number): unknown {
  const roll = random();
  if (roll < 0.08) return undefined;
  if (roll < 0.14) return null;
  if (roll < 0.5) return Math.floor(random() * 40) - 10;
  if (roll < 0.56) return Math.round(random() * 1000) / 100;
  if (roll < 0.9) return `k${Math.floor(random() * 30)}`;
  return random() < 0.5;
}

function randomDoc(random: () => number, n: number): Document {
  const doc: Document = {
    _id: `id${String(Math.floor(random() * 100_000)).padStart(5, '0')}-${n}`,
    g: ['a', 'b', 'c'][Math.floor(random() * 3)],
  };
  const k = randomValue(random);
  if (k !== undefined) doc.k = k;
  const m = randomValue(random);
  if (m !== undefined) doc.m = m;
  return doc;
}

const INDEXES = [
  { keys: { k: 1 } as Record<string, 1 | -1> },
  { keys: { g: 1, k: -1, _id: 1 } as Record<string, 1 | -1> },
  { keys: { g: 1, _id: 1 } as Record<string, 1 | -1> },
];

const ORDERED_QUERIES: Array<{ filter: Filter; sort?: Sort; limit?: number; via: string | undefined }> = [
  { filter: { k: { $gt: 5 } }, via: 'k_1' },
  { filter: { k: { $gte: 'k1', $lt: 'k3' } }, via: 'k_1' },
  { filter: { k: { $lte: 0 } }, sort: { k: -1 }, limit: 7, via: 'k_1' },
  { filter: {}, sort: { k: 1 }, limit: 40, via: 'k_1' },
  { filter: {}, sort: { k: -1, m: 1 }, limit: 60, via: 'k_1' },
  { filter: { g: 'b' }, sort: { k: -1, _id: 1 }, limit: 25, via: 'g_1_k_-1__id_1' },
  { filter: { g: 'a', k: { $gt: 'k5' } }, sort: { k: 1 }, via: 'g_1_k_-1__id_1' },
  { filter: { g: 'c', _id: { $gt: 'id5' } }, sort: { _id: 1 }, limit: 50, via: 'g_1__id_1' },
  { filter: { g: 'c' }, sort: { _id: -1 }, limit: 10, via: 'g_1__id_1' },
  { filter: { _id: { $gte: 'id2', $lt: 'id4' } }, via: '_id_' },
  { filter: { m: { $gt: 3 } }, sort: { _id: -1 }, limit: 15, via: '_id_' },
  // Bounds of two types cannot be one key range: scanned.
  { filter: { k: { $gt: 3, $lt: 'z' } }, via: undefined },
];

// The store's own sort order over a full scan (mingo's value comparison: missing before null, which
// MongoDB treats as equal, so either order is a valid MongoDB result; the index walk must reproduce the store's).
function reference(docs: Document[], query: { filter: Filter; sort?: Sort; limit?: number }): unknown[] {
  const all = mingoFind(docs, query.filter).all() as Document[];
  if (query.sort) all.sort(sortComparator(query.sort));
  return (query.limit ? all.slice(0, query.limit) : all).map((doc) =>
    query.sort ? Object.keys(query.sort).map((field) => doc[field]) : doc._id,
  );
}

function collect(state: CollectionState, query: { filter: Filter; sort?: Sort; limit?: number }): unknown[] {
  const stream = planMatches({ view: { state, overlay: undefined }, filter: query.filter, sort: query.sort });
  const found = [...stream.matches].filter((match): match is Match => match !== TICK).map((match) => match.doc);
  if (query.sort && !stream.isSorted) throw new Error('expected an index-ordered stream');
  const page = query.limit ? found.slice(0, query.limit) : found;
  return page.map((doc) => (query.sort ? Object.keys(query.sort).map((field) => doc[field]) : doc._id));
}

describe('ordered index walks', () => {
  it('serve ranges and sorts exactly like a sorted full scan, across inserts, updates and deletes', () => {
    const random = randomSource(42);
    const state = new CollectionState('t');
    state.buildIndexes(INDEXES);
    const docs = new Map<string, Document>();
    const write = (doc: Document | undefined, id: string): void => {
      const before = state.docs.get(id);
      state.apply([
        {
          id,
          before,
          beforeDoc: before === undefined ? undefined : (JSON.parse(before) as Document),
          after: doc ? { json: JSON.stringify(doc), doc } : null,
        },
      ]);
      if (doc) docs.set(id, doc);
      else docs.delete(id);
    };
    for (let n = 0; n < 1500; n++) {
      const doc = randomDoc(random, n);
      write(doc, doc._id);
    }
    for (let round = 0; round < 4; round++) {
      for (const query of ORDERED_QUERIES) {
        expect(state.plan(query.filter, query.sort)?.via).toBe(query.via);
        const expected = reference([...docs.values()], query);
        const actual = collect(state, query);
        if (query.sort) expect(actual).toEqual(expected);
        else expect((actual as string[]).sort()).toEqual((expected as string[]).sort());
      }
      // Churn between rounds: the ordered key lists must absorb new keys and skip deleted ones.
      const ids = [...docs.keys()];
      for (let n = 0; n < 300; n++) {
        const roll = random();
        if (roll < 0.4) {
          const doc = randomDoc(random, 10_000 * (round + 1) + n);
          write(doc, doc._id);
        } else if (roll < 0.7) {
          const id = at(ids, Math.floor(random() * ids.length));
          if (docs.has(id)) write(undefined, id);
        } else {
          const id = at(ids, Math.floor(random() * ids.length));
          const current = docs.get(id);
          if (current) write({ ...randomDoc(random, n), _id: id }, id);
        }
      }
    }
  });

  it('keeps only the needed part of a large tie group, in the right order', () => {
    const random = randomSource(7);
    const state = new CollectionState('t');
    state.buildIndexes([{ keys: { g: 1 } }]);
    const docs = Array.from({ length: 5000 }, (_, n) => ({ _id: `d${n}`, g: n % 2 === 0 ? 'a' : 'b', m: Math.floor(random() * 100_000) }));
    state.apply(docs.map((doc) => ({ id: doc._id, before: undefined, beforeDoc: undefined, after: { json: JSON.stringify(doc), doc } })));
    for (const [sort, wanted] of [
      [{ g: 1, m: -1 }, 30],
      [{ g: -1, m: 1 }, 2600],
      [{ g: 1, m: 1 }, 1],
    ] as Array<[Sort, number]>) {
      const stream = planMatches({ view: { state, overlay: undefined }, filter: {}, sort, wanted });
      expect(stream.isSorted).toBe(true);
      const found = [...stream.matches]
        .filter((match): match is Match => match !== TICK)
        .slice(0, wanted)
        .map((match) => match.id);
      expect(found).toEqual(
        [...docs]
          .sort(sortComparator(sort))
          .slice(0, wanted)
          .map((doc) => doc._id),
      );
    }
  });

  it('does not sort through an index on a field that held an array (mingo orders arrays by their elements)', () => {
    const state = new CollectionState('t');
    state.buildIndexes([{ keys: { k: 1 } }]);
    const docs: Document[] = [
      { _id: '1', k: [5, 1] },
      { _id: '2', k: 3 },
      { _id: '3', k: [0, 9] },
    ];
    state.apply(docs.map((doc) => ({ id: doc._id, before: undefined, beforeDoc: undefined, after: { json: JSON.stringify(doc), doc } })));
    const stream = planMatches({ view: { state, overlay: undefined }, filter: {}, sort: { k: 1 } });
    expect(stream.isSorted).toBe(false);
    // A range still uses the index (multikey keys form a superset) and finds each document once.
    expect(state.plan({ k: { $gt: 2 } })?.via).toBe('k_1');
    const ids = [...planMatches({ view: { state, overlay: undefined }, filter: { k: { $gt: 2 } } }).matches]
      .filter((m): m is Match => m !== TICK)
      .map((m) => m.id)
      .sort();
    expect(ids).toEqual(['1', '2', '3']);
  });
});
