/**
 * Index postings of document ordinals (server/store/embedded/postings.ts) and the document table's ordinals: across
 * random adds and removes a posting holds exactly the ordinals a reference `Set` holds, in the same (insertion)
 * order, through every shape change (bare ordinal, small array, large posting, back); large postings grow, leave
 * tombstones and compact; paused iterations neither skip nor repeat live entries; freed ordinals are reused, and an
 * index over a document table answers through them.
 */
import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../server/store/embedded/documentTable';
import { IndexState } from '../../server/store/embedded/indexState';
import {
  addToPosting,
  LargePosting,
  postingHas,
  postingOf,
  postingOrdinals,
  postingSize,
  postingToArray,
  removeFromPosting,
  SMALL_POSTING_MAX,
} from '../../server/store/embedded/postings';
import type { Posting } from '../../server/store/embedded/postings';
import { seededRandom as random } from '../support/seededRandom';

function shapeOf(posting: Posting | undefined): string {
  if (posting === undefined) return 'empty';
  if (typeof posting === 'number') return 'ordinal';
  return typeof posting === 'string' ? 'small' : 'large';
}

describe('index postings', () => {
  it.each([1, 2, 3, 4])('hold what a Set holds, in its order, through every shape (seed %i)', (seed) => {
    const next = random(seed);
    let posting: Posting | undefined;
    const reference = new Set<number>();
    const shapes = new Set<string>();
    // Phases grow the posting well past the small limit, then shrink it back to nothing.
    for (const [rounds, addShare, range] of [
      [400, 0.9, 2000],
      [3000, 0.55, 2000],
      [3000, 0.2, 2000],
      [400, 0.5, 12],
    ] as const) {
      for (let round = 0; round < rounds; round++) {
        const ordinal = Math.floor(next() * range);
        if (next() < addShare) {
          posting = addToPosting(posting, ordinal);
          reference.add(ordinal);
        } else if (posting !== undefined) {
          posting = removeFromPosting(posting, ordinal);
          reference.delete(ordinal);
        }
        shapes.add(shapeOf(posting));
        if (posting === undefined) {
          expect(reference.size).toBe(0);
          continue;
        }
        expect(postingSize(posting)).toBe(reference.size);
        expect(postingHas(posting, ordinal)).toBe(reference.has(ordinal));
        if (round % 50 === 0) {
          expect(postingToArray(posting)).toEqual([...reference]);
          expect([...postingOrdinals(posting)]).toEqual([...reference]);
        }
      }
    }
    // Drain what is left, in random order.
    for (const ordinal of [...reference].sort(() => next() - 0.5)) {
      posting = removeFromPosting(posting as Posting, ordinal);
      reference.delete(ordinal);
      shapes.add(shapeOf(posting));
      if (posting !== undefined) expect(postingToArray(posting)).toEqual([...reference]);
    }
    expect(posting).toBeUndefined();
    expect([...shapes].sort()).toEqual(['empty', 'large', 'ordinal', 'small']);
  });

  it('keeps small postings as packed strings up to the limit and turns larger ones into a large posting', () => {
    let posting: Posting | undefined;
    for (let ordinal = 0; ordinal < SMALL_POSTING_MAX; ordinal++) posting = addToPosting(posting, ordinal * 7);
    expect(typeof posting).toBe('string');
    posting = addToPosting(posting, 1);
    expect(posting).toBeInstanceOf(LargePosting);
    expect(postingToArray(posting)).toEqual([...Array.from({ length: SMALL_POSTING_MAX }, (_, i) => i * 7), 1]);
    // Adding an ordinal already held changes nothing.
    expect(postingSize(addToPosting(posting, 7))).toBe(SMALL_POSTING_MAX + 1);
  });

  it('grows a large posting, tombstones removals and compacts them at the next rebuild', () => {
    const posting = LargePosting.of([0, 1, 2]);
    const first = posting.capacity;
    for (let ordinal = 3; ordinal < 10_000; ordinal++) posting.add(ordinal);
    expect(posting.capacity).toBeGreaterThanOrEqual(10_000);
    expect(posting.capacity).toBeGreaterThan(first);
    for (let ordinal = 0; ordinal < 10_000; ordinal++) if (ordinal % 4 !== 3) expect(posting.remove(ordinal)).toBe(true);
    expect(posting.remove(0)).toBe(false);
    expect(posting.size).toBe(2_500);
    expect(posting.tombstones).toBe(7_500);
    const capacity = posting.capacity;
    // Fill the log: with under half of it live, the rebuild drops the tombstones instead of growing.
    let added = 0;
    while (posting.tombstones > 0) {
      posting.add(20_000 + added);
      added += 1;
    }
    expect(posting.capacity).toBeLessThanOrEqual(capacity);
    expect(posting.size).toBe(2_500 + added);
    const ordinals = posting.toArray();
    expect(ordinals.slice(0, 3)).toEqual([3, 7, 11]);
    expect(ordinals.at(-1)).toBe(20_000 + added - 1);
    // A removed ordinal added again goes last, as in a Set.
    posting.remove(3);
    posting.add(3);
    expect(posting.toArray().at(-1)).toBe(3);
    expect(posting.has(3)).toBe(true);
    expect(posting.has(0)).toBe(false);
  });

  it.each([
    { name: 'none', ordinals: [], shape: 'empty' },
    { name: 'one, given twice', ordinals: [9, 9], shape: 'ordinal' },
    { name: 'a few with repeats', ordinals: [4, 70_000, 4, 2, 70_000], shape: 'small' },
    { name: 'the small limit', ordinals: Array.from({ length: SMALL_POSTING_MAX }, (_, i) => 3 * i), shape: 'small' },
    { name: 'one past it', ordinals: Array.from({ length: SMALL_POSTING_MAX + 1 }, (_, i) => 3 * i), shape: 'large' },
    { name: 'past it only with repeats', ordinals: Array.from({ length: 400 }, (_, i) => i % 200), shape: 'small' },
  ])('built at once (an image restore) equals built by adds: $name', ({ ordinals, shape }) => {
    const built = postingOf(ordinals);
    let added: Posting | undefined;
    for (const ordinal of ordinals) added = addToPosting(added, ordinal);
    expect(shapeOf(built)).toBe(shape);
    expect(built === undefined ? [] : postingToArray(built)).toEqual([...new Set(ordinals)]);
    expect(added === undefined ? [] : postingToArray(added)).toEqual([...new Set(ordinals)]);
  });

  it('answers alike on both sides of the switch from a 16-bit to a 32-bit slot table (~49k entries)', () => {
    const posting = LargePosting.of([5, 3]);
    const count = 120_000;
    for (let entry = 0; entry < count; entry++) posting.add(1_000_000 + entry * 7);
    expect(posting.size).toBe(count + 2);
    for (let entry = 0; entry < count; entry += 997) expect(posting.has(1_000_000 + entry * 7)).toBe(true);
    expect(posting.has(1_000_001)).toBe(false);
    // Removing most entries, then adding and removing many more (tombstones fill the log), makes a rebuild with few
    // live entries: the table goes back to 16 bits.
    for (let entry = 0; entry < count; entry++) if (entry % 10 !== 0) expect(posting.remove(1_000_000 + entry * 7)).toBe(true);
    const capacity = posting.capacity;
    for (let entry = 0; entry < 100_000; entry++) {
      posting.add(5_000_000 + entry);
      if (entry % 100 !== 0) posting.remove(5_000_000 + entry);
    }
    expect(posting.capacity).toBeLessThan(capacity);
    const expected = [
      5,
      3,
      ...Array.from({ length: count / 10 }, (_, i) => 1_000_000 + i * 70),
      ...Array.from({ length: 1_000 }, (_, i) => 5_000_000 + i * 100),
    ];
    expect(posting.toArray()).toEqual(expected);
    expect(expected.every((ordinal) => posting.has(ordinal))).toBe(true);
    expect(posting.has(1_000_007)).toBe(false);
  });

  it('a paused iteration sees every entry live throughout once, whatever is added, removed or rebuilt meanwhile', () => {
    for (const start of [3, 12, 40, 2000]) {
      let posting: Posting | undefined;
      for (let ordinal = 0; ordinal < start; ordinal++) posting = addToPosting(posting, ordinal);
      const iterator = postingOrdinals(posting as Posting);
      const seen: number[] = [];
      const removedAhead = new Set<number>();
      let added = 100_000;
      for (let step = iterator.next(); !step.done; step = iterator.next()) {
        seen.push(step.value);
        // Add two (enough to force rebuilds of a large posting), remove the entry just read and one not read yet.
        posting = addToPosting(addToPosting(posting, added++), added++);
        posting = removeFromPosting(posting, step.value) as Posting;
        const ahead = step.value + 2;
        if (ahead < start && !removedAhead.has(ahead)) {
          posting = removeFromPosting(posting, ahead) as Posting;
          removedAhead.add(ahead);
        }
      }
      // Nothing twice; every original entry not removed before it was reached is seen, in insertion order.
      expect(new Set(seen).size).toBe(seen.length);
      const originals = seen.filter((ordinal) => ordinal < start);
      expect(originals).toEqual([...originals].sort((a, b) => a - b));
      for (let ordinal = 0; ordinal < start; ordinal++) if (!removedAhead.has(ordinal)) expect(seen).toContain(ordinal);
    }
  });
});

describe('document ordinals', () => {
  it('are dense, stay with a document through updates, and are reused after a delete', () => {
    const table = new DocumentTable(undefined);
    for (const id of ['a', 'b', 'c']) table.set(id, `{"_id":"${id}"}`);
    expect(['a', 'b', 'c'].map((id) => table.ordinalOf(id))).toEqual([0, 1, 2]);
    table.set('b', '{"_id":"b","v":2}');
    expect(table.ordinalOf('b')).toBe(1);
    expect(table.delete('b')).toBe(true);
    expect(table.ordinalOf('b')).toBeUndefined();
    expect(table.idAt(1)).toBeUndefined();
    expect(() => table.ordinalFor('b')).toThrow(/does not hold/);
    table.set('d', '{"_id":"d"}');
    expect(table.ordinalOf('d')).toBe(1);
    expect(table.idAt(1)).toBe('d');
    // Iteration stays in insertion order, not ordinal order.
    expect([...table.keys()]).toEqual(['a', 'c', 'd']);
    expect([...table].map(([id]) => id)).toEqual(['a', 'c', 'd']);
    table.clear();
    table.set('e', '{"_id":"e"}');
    expect(table.ordinalOf('e')).toBe(0);
  });

  it('an index over a document table answers with ids, in insertion order, across a reused ordinal', () => {
    const table = new DocumentTable(undefined);
    const index = new IndexState({ keys: { status: 1 } }, table);
    const write = (id: string, status: string): void => {
      const before = table.get(id);
      if (before !== undefined) index.removeDocument(JSON.parse(before) as { _id: string }, id);
      const doc = { _id: id, status };
      table.set(id, JSON.stringify(doc));
      index.addDocument(doc, id);
    };
    const ids = Array.from({ length: 40 }, (_, i) => `d${i}`);
    for (const id of ids) write(id, 'open');
    const open = (): string[] => [...index.idsForPrefix([['sopen']])];
    expect(open()).toEqual(ids);
    // Moving a document between keys, deleting one and giving its ordinal to a new document.
    write('d3', 'closed');
    index.removeDocument({ _id: 'd5', status: 'open' }, 'd5');
    table.delete('d5');
    write('x', 'closed');
    expect(table.ordinalOf('x')).toBe(5);
    expect(open()).toEqual(ids.filter((id) => id !== 'd3' && id !== 'd5'));
    expect(index.idsAt(['sclosed'])).toEqual(['d3', 'x']);
    expect([...index.orderedIdGroups({ prefix: [], orderedLevels: 1, descending: [false] })].map((group) => group.length)).toEqual([2, 38]);
    const image = index.image();
    expect(image.leaves).toEqual(['sopen', ids.filter((id) => id !== 'd3' && id !== 'd5'), 'sclosed', ['d3', 'x']]);
  });

  it('an index image restored into a document table maps snapshot positions to ordinals and leaves out deleted documents', () => {
    const table = new DocumentTable(undefined);
    // The snapshot listed a, b, c, d; since then b was deleted and d deleted and written again (a new ordinal).
    for (const id of ['a', 'b', 'c', 'd']) table.set(id, `{"_id":"${id}"}`);
    table.delete('b');
    table.delete('d');
    table.set('e', '{"_id":"e"}');
    table.set('d', '{"_id":"d"}');
    // Freed ordinals are reused last-freed first: e takes d's old 3, d takes b's old 1.
    expect([table.ordinalOf('e'), table.ordinalOf('d')]).toEqual([3, 1]);
    const index = new IndexState({ keys: { k: 1 } }, table);
    index.restoreLeaves(['sx', [0, 1, 2, 3], 'sy', 1], ['a', 'b', 'c', 'd']);
    expect(index.image().leaves).toEqual(['sx', ['a', 'c', 'd']]);
    expect(index.idsAt(['sy'])).toEqual([]);
  });
});
