/**
 * Reads without re-parsing (server/store/embedded/parsedCache.ts, documentCopies.ts): the store shares parsed,
 * frozen documents between reads and hands every caller its own copy. Checks that the copy of a written document
 * equals the JSON round trip it replaces (fixture table), that every way out of the store — find, findOne with and
 * without projection, iterate, distinct, findOneAndUpdate, reads inside a transaction — gives a copy the caller may
 * change without changing the store, and that a cached document never outlives a write of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { at } from '../support/must';
import { copyIfPlainJson, copyParsed, isPlainJson } from '../../server/store/embedded/documentCopies';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { ParsedCache, parsedCacheCharacters } from '../../server/store/embedded/parsedCache';
import type { Collection, Document } from '../../server/store/types';

const logger = createLogger({ silent: true });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openTemp(): Promise<EmbeddedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-copies-'));
  const store = await openEmbeddedStore({ dataDir, logger });
  cleanups.push(async () => {
    await store.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Plain JSON: copied exactly like the round trip (and kept as it is when handed over). */
const PLAIN = [
  {
    name: 'scalars and nesting',
    value: { _id: 'a', s: 'x', n: 1.5, t: true, f: false, z: null, a: [1, 'b', [null, { c: 2 }]], o: { p: { q: [] } } },
  },
  { name: 'integer-like keys keep JSON order', value: { _id: 'a', b: 1, 2: 'two', 1: 'one' } },
  { name: 'an object without prototype', value: Object.assign(Object.create(null) as Record<string, unknown>, { _id: 'a', x: 1 }) },
  { name: 'empty containers', value: { _id: 'a', a: [], o: {} } },
];

/** Values the round trip would change. */
const NOT_PLAIN = [
  { name: 'a Date', value: { _id: 'a', at: new Date(0) } },
  { name: 'an undefined field', value: { _id: 'a', gone: undefined } },
  { name: 'an undefined array element', value: { _id: 'a', list: [1, undefined] } },
  { name: 'a hole in an array', value: { _id: 'a', list: [1, , 3] } }, // eslint-disable-line no-sparse-arrays
  { name: 'NaN', value: { _id: 'a', n: Number.NaN } },
  { name: 'Infinity', value: { _id: 'a', n: Infinity } },
  { name: '-0', value: { _id: 'a', n: -0 } },
  { name: 'a function', value: { _id: 'a', f: () => 1 } },
  { name: 'a toJSON method', value: { _id: 'a', v: { toJSON: () => 'x' } } },
  {
    name: 'a class instance',
    value: {
      _id: 'a',
      v: new (class Point {
        x = 1;
      })(),
    },
  },
  { name: 'a boxed string', value: { _id: 'a', v: new String('x') } },
  { name: 'an own __proto__ key', value: JSON.parse('{"_id":"a","__proto__":{"x":1}}') as unknown },
];

describe('copyIfPlainJson', () => {
  it.each(PLAIN)('copies plain JSON exactly like the round trip: $name', ({ value }) => {
    const copy = copyIfPlainJson(value);
    expect(copy).toEqual(roundTrip(value));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(copy).not.toBe(value);
  });

  it.each(NOT_PLAIN)('leaves values the round trip would change to the round trip: $name', ({ value }) => {
    expect(copyIfPlainJson(value)).toBeUndefined();
  });

  it('copyParsed keeps an own __proto__ key as data', () => {
    const parsed = JSON.parse('{"_id":"a","__proto__":{"x":1}}') as Record<string, unknown>;
    const copy = copyParsed(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });
});

describe('ParsedCache', () => {
  it.each([
    { setting: undefined, characters: 0 },
    { setting: '', characters: 0 },
    { setting: '262144', characters: 262144 },
  ])('MDM_STORE_PARSED_CACHE_CHARS $setting → $characters characters', ({ setting, characters }) => {
    expect(parsedCacheCharacters(setting)).toBe(characters);
  });

  it.each(['-1', '1.5', 'lots'])('MDM_STORE_PARSED_CACHE_CHARS %s is refused, naming the variable', (setting) => {
    expect(() => parsedCacheCharacters(setting)).toThrow(/MDM_STORE_PARSED_CACHE_CHARS must be a whole number/);
  });

  it('serves a document only while its text is current, and evicts the least recently used beyond its budget', () => {
    const cache = new ParsedCache(40);
    const first = cache.parsed('a', '{"_id":"a","v":1}');
    expect(cache.parsed('a', '{"_id":"a","v":1}')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(cache.parsed('a', '{"_id":"a","v":2}')).toEqual({ _id: 'a', v: 2 });
    cache.parsed('b', '{"_id":"b","v":1}');
    cache.parsed('a', '{"_id":"a","v":2}'); // a is now the most recently used
    cache.parsed('c', '{"_id":"c","v":1}'); // over budget: b goes
    expect(cache.peek('b', '{"_id":"b","v":1}')).toBeUndefined();
    expect(cache.peek('a', '{"_id":"a","v":2}')).toEqual({ _id: 'a', v: 2 });
    expect(cache.hits).toBe(2);
  });
});

// With the parsed-document cache on (it is off by default) reads share parsed documents: every copy must still be made.
describe.each(['0', '1048576'])('read results are the caller’s own copies (MDM_STORE_PARSED_CACHE_CHARS %s)', (cacheCharacters) => {
  beforeEach(() => {
    process.env.MDM_STORE_PARSED_CACHE_CHARS = cacheCharacters;
  });
  afterEach(() => {
    delete process.env.MDM_STORE_PARSED_CACHE_CHARS;
  });

  async function seeded(): Promise<{ store: EmbeddedStore; items: Collection }> {
    const store = await openTemp();
    const items = store.collection('items');
    await items.createIndexes([{ keys: { group: 1 } }]);
    await items.insertMany([
      { _id: 'a', group: 'g', tags: ['x'], nested: { list: [{ v: 1 }] } },
      { _id: 'b', group: 'g', tags: ['y'], nested: { list: [{ v: 2 }] } },
    ]);
    // Fill the cache: these reads share the parsed documents.
    await items.find({ group: 'g' });
    return { store, items };
  }

  const vandalise = (doc: Document | null | undefined): void => {
    if (!doc) throw new Error('expected a document');
    (doc.tags as string[] | undefined)?.push('changed');
    const nested = doc.nested as { list: Array<{ v: number }> } | undefined;
    if (nested) nested.list[0] = { v: 99 };
    doc.extra = true;
  };

  it.each([
    { name: 'find through an index', read: (c: Collection) => c.find({ group: 'g' }).then((docs) => docs.forEach(vandalise)) },
    { name: 'findOne by _id', read: (c: Collection) => c.findOne({ _id: 'a' }).then(vandalise) },
    {
      name: 'find with a projection',
      read: (c: Collection) => c.find({ group: 'g' }, { projection: { nested: 1, tags: 1 } }).then((docs) => docs.forEach(vandalise)),
    },
    {
      name: 'find with a dotted projection (mingo)',
      read: (c: Collection) => c.find({ group: 'g' }, { projection: { 'nested.list': 1 } }).then((docs) => docs.forEach(vandalise)),
    },
    {
      name: 'a sorted, limited find',
      read: (c: Collection) => c.find({ group: 'g' }, { sort: { _id: -1 }, limit: 1 }).then((docs) => docs.forEach(vandalise)),
    },
    {
      name: 'iterate',
      read: async (c: Collection) => {
        for await (const doc of c.iterate({ group: 'g' })) vandalise(doc);
      },
    },
    {
      name: 'distinct of an object field',
      read: (c: Collection) =>
        c
          .distinct('nested', { group: 'g' })
          .then((values) => values.forEach((value) => ((value as { list: unknown[] }).list[0] = 'changed'))),
    },
    {
      name: 'findOneAndUpdate, both documents',
      read: async (c: Collection) => {
        vandalise(await c.findOneAndUpdate({ _id: 'a' }, { $set: { group: 'g' } }, { returnDocument: 'before' }));
        vandalise(await c.findOneAndUpdate({ _id: 'b' }, { $set: { group: 'g' } }, { returnDocument: 'after' }));
      },
    },
  ])('$name', async ({ read }) => {
    const { items } = await seeded();
    await read(items);
    expect(await items.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', group: 'g', tags: ['x'], nested: { list: [{ v: 1 }] } },
      { _id: 'b', group: 'g', tags: ['y'], nested: { list: [{ v: 2 }] } },
    ]);
  });

  it('inside a transaction, for staged and committed documents', async () => {
    const { store, items } = await seeded();
    await store.withTransaction(async (session) => {
      await items.insertOne({ _id: 'c', group: 'g', tags: ['z'] }, { session });
      await items.updateOne({ _id: 'a' }, { $set: { note: 'staged' } }, { session });
      for (const doc of await items.find({ group: 'g' }, { session })) vandalise(doc);
      vandalise(await items.findOne({ _id: 'c' }, { session }));
      expect((await items.find({ group: 'g' }, { session, sort: { _id: 1 } })).map((doc) => doc.tags)).toEqual([['x'], ['y'], ['z']]);
    });
    expect(await items.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', group: 'g', tags: ['x'], nested: { list: [{ v: 1 }] }, note: 'staged' },
      { _id: 'b', group: 'g', tags: ['y'], nested: { list: [{ v: 2 }] } },
      { _id: 'c', group: 'g', tags: ['z'] },
    ]);
  });

  it('a write is seen by the next read although the previous version was cached', async () => {
    const { items } = await seeded();
    await items.updateOne({ _id: 'a' }, { $push: { tags: 'w' } });
    expect((await items.findOne({ group: 'g', _id: 'a' }))?.tags).toEqual(['x', 'w']);
    const input = { _id: 'a', group: 'h', tags: ['r'] };
    await items.replaceOne({ _id: 'a' }, input);
    input.tags.push('after-write');
    expect(await items.find({ group: 'h' })).toEqual([{ _id: 'a', group: 'h', tags: ['r'] }]);
    expect(await items.find({ group: 'g' })).toEqual([{ _id: 'b', group: 'g', tags: ['y'], nested: { list: [{ v: 2 }] } }]);
    await items.deleteOne({ _id: 'b' });
    expect(await items.find({ group: 'g' })).toEqual([]);
  });
});

describe('documents handed over (insertMany and replaceOne with isHandedOver)', () => {
  it.each(PLAIN)('isPlainJson accepts what copyIfPlainJson copies: $name', ({ value }) => {
    expect(isPlainJson(value)).toBe(true);
  });

  it.each(NOT_PLAIN)('isPlainJson refuses what copyIfPlainJson leaves to the round trip: $name', ({ value }) => {
    expect(isPlainJson(value)).toBe(false);
  });

  it('stores what the round trip gives, handed over or not, read inside and after the transaction and through an index', async () => {
    const store = await openTemp();
    const things = store.collection<Document>('things');
    await things.createIndexes([{ keys: { kind: 1 } }]);
    const plain = { _id: 'plain', kind: 'p', nested: { list: [1, 'two', { three: 3 }] } };
    const notPlain = { _id: 'dated', kind: 'p', at: new Date(0), gone: undefined };
    const expected = [roundTrip(notPlain), roundTrip(plain)];
    await store.withTransaction(async (session) => {
      await things.insertMany([plain, notPlain], { session, isHandedOver: true });
      const inside = await things.find({ kind: 'p' }, { session, sort: { _id: 1 } });
      expect(inside).toEqual(expected);
      // A reader inside the transaction gets its own copy, never the handed-over document.
      for (const doc of inside) expect(doc).not.toBe(plain);
      (at(inside, 1) as unknown as { nested: { list: unknown[] } }).nested.list.push('changed');
      expect(await things.findOne({ _id: 'plain' }, { session })).toEqual(roundTrip(plain));
    });
    expect(await things.find({ kind: 'p' }, { sort: { _id: 1 } })).toEqual(expected);
    expect(await things.countDocuments({ kind: 'p' })).toBe(2);
  });

  it('replaceOne keeps a handed-over replacement and upsert as the round trip, inside and after the transaction and through an index', async () => {
    const store = await openTemp();
    const things = store.collection<Document>('things');
    await things.createIndexes([{ keys: { kind: 1 } }]);
    await things.insertOne({ _id: 'old', kind: 'o', n: 1 });
    const replacement = { _id: 'old', kind: 'p', nested: { list: [1, { two: 2 }] } };
    const upserted = { _id: 'new', kind: 'p', at: new Date(0), gone: undefined };
    const expected = [roundTrip(upserted), roundTrip(replacement)];
    await store.withTransaction(async (session) => {
      await things.replaceOne({ _id: 'old' }, replacement, { session, isHandedOver: true });
      await things.replaceOne({ _id: 'new' }, upserted, { session, upsert: true, isHandedOver: true });
      const inside = await things.find({ kind: 'p' }, { session, sort: { _id: 1 } });
      expect(inside).toEqual(expected);
      for (const doc of inside) expect(doc).not.toBe(replacement);
      expect(await things.find({ kind: 'o' }, { session })).toEqual([]);
      // The caller may go on reading what it handed over.
      expect(replacement.nested.list).toEqual([1, { two: 2 }]);
    });
    expect(await things.find({ kind: 'p' }, { sort: { _id: 1 } })).toEqual(expected);
    expect(await things.countDocuments({ kind: 'o' })).toBe(0);
  });

  it('a plain document handed over is frozen under the test runner: changing it after the call throws and changes nothing stored', async () => {
    const store = await openTemp();
    const things = store.collection<Document>('things');
    await things.createIndexes([{ keys: { kind: 1 } }]);
    const inserted = { _id: 'a', kind: 'p', nested: { list: ['x'] } };
    const replaced = { _id: 'b', kind: 'p', nested: { list: ['y'] } };
    await store.withTransaction(async (session) => {
      await things.insertMany([inserted], { session, isHandedOver: true });
      await things.replaceOne({ _id: 'b' }, replaced, { session, upsert: true, isHandedOver: true });
      expect(() => inserted.nested.list.push('changed')).toThrow(TypeError);
      expect(() => (replaced.kind = 'q')).toThrow(TypeError);
      expect(await things.find({ kind: 'q' }, { session })).toEqual([]);
    });
    expect(await things.find({ kind: 'p' }, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', kind: 'p', nested: { list: ['x'] } },
      { _id: 'b', kind: 'p', nested: { list: ['y'] } },
    ]);
    // Not handed over: the store copies, and the caller's document stays its own.
    const own = { _id: 'c', kind: 'p', nested: { list: ['z'] } };
    await things.replaceOne({ _id: 'c' }, own, { upsert: true });
    own.nested.list.push('mine');
    expect(await things.findOne({ _id: 'c' })).toEqual({ _id: 'c', kind: 'p', nested: { list: ['z'] } });
  });
});
