/**
 * A table's id → ordinal lookup as a hash table of ordinals with an insertion log (idOrdinals.ts, docs/INGEST.md "Peak
 * memory, session 19"): it answers like the `Map<string, number>` it replaces through random adds, deletes and reused
 * ordinals; a paused iterator sees what a paused `Map` iterator sees under the same writes; the log and the hash table
 * stay bounded by the live ids; and a document table built on it answers like a `Map` of its documents, a
 * compaction's freeze included.
 */
import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../server/store/embedded/documentTable';
import { IdOrdinals } from '../../server/store/embedded/idOrdinals';
import { createRandom } from '../../bench/generators/items';

/** Ids of several shapes and lengths (prefixed UUID-like, short, numeric, non-ASCII). */
function idOf(index: number): string {
  switch (index % 4) {
    case 0:
      return `aud_${index.toString(16).padStart(8, '0')}-4a1b-9c2d-${(index * 7919).toString(16).padStart(12, '0')}`;
    case 1:
      return String(index);
    case 2:
      return `item-${index}`;
    default:
      return `fournisseur-é-${index}`;
  }
}

/** The ordinals the table would give: the most recently freed first, else the next unused (as DocumentTable does). */
class Ordinals {
  private free: number[] = [];
  private next = 0;
  take(): number {
    return this.free.pop() ?? this.next++;
  }
  release(ordinal: number): void {
    this.free.push(ordinal);
  }
}

function expectSame(ids: IdOrdinals, reference: Map<string, number>, universe: number): void {
  expect(ids.size).toBe(reference.size);
  expect([...ids.entries()]).toEqual([...reference]);
  expect([...ids.keys()]).toEqual([...reference.keys()]);
  // One comparison per kind of answer (an expect per id is most of the test's time on a loaded machine).
  const every = Array.from({ length: universe }, (_, index) => idOf(index));
  expect(every.map((id) => ids.get(id))).toEqual(every.map((id) => reference.get(id)));
  expect(every.map((id) => ids.has(id))).toEqual(every.map((id) => reference.has(id)));
  expect([...reference.values()].map((ordinal) => ids.ids[ordinal])).toEqual([...reference.keys()]);
}

describe('ids by ordinal and back, in insertion order', () => {
  it('answers like a Map through random adds, deletes and reused ordinals, and stays bounded', () => {
    const random = createRandom(14);
    const ids = new IdOrdinals();
    const reference = new Map<string, number>();
    const ordinals = new Ordinals();
    const universe = 3_000;
    for (let step = 0; step < 30_000; step++) {
      const id = idOf(Math.floor(random() * universe));
      // Phases that grow and shrink the set, so the hash table and the log both grow, fill with marks and shrink.
      const isGrowing = Math.floor(step / 5_000) % 2 === 0;
      const ordinal = reference.get(id);
      if (ordinal === undefined && random() < (isGrowing ? 0.8 : 0.2)) {
        const taken = ordinals.take();
        ids.add(id, taken);
        reference.set(id, taken);
      } else if (ordinal !== undefined && random() < (isGrowing ? 0.3 : 0.9)) {
        expect(ids.delete(id)).toBe(ordinal);
        reference.delete(id);
        ordinals.release(ordinal);
      }
      if (step % 2_500 === 0) {
        expectSame(ids, reference, universe);
        // Bounded by the live ids, not by the writes so far: the log drops its marks, the hash table its deletions.
        const { slots, log } = ids.capacity;
        expect(log).toBeLessThanOrEqual(Math.max(2 * 1024, 3 * reference.size) * 1.5 + 16);
        expect(slots).toBeLessThanOrEqual(Math.max(16, 8 * reference.size));
      }
    }
    expectSame(ids, reference, universe);
    expect(ids.delete('absent')).toBeUndefined();
  });

  it('a paused iterator sees what a paused Map iterator sees under the same writes, and the log is compacted after', () => {
    const random = createRandom(19);
    const ids = new IdOrdinals();
    const reference = new Map<string, number>();
    const ordinals = new Ordinals();
    const universe = 4_000;
    const write = (): void => {
      const id = idOf(Math.floor(random() * universe));
      const ordinal = reference.get(id);
      if (ordinal === undefined) {
        const taken = ordinals.take();
        ids.add(id, taken);
        reference.set(id, taken);
      } else {
        ids.delete(id);
        reference.delete(id);
        ordinals.release(ordinal);
      }
    };
    for (let i = 0; i < 3_000; i++) write();
    for (let round = 0; round < 4; round++) {
      const walk = ids.entries();
      const referenceWalk = reference.entries();
      const got: Array<[string, number]> = [];
      const expected: Array<[string, number]> = [];
      for (;;) {
        const step = walk.next();
        const referenceStep = referenceWalk.next();
        if (!step.done) got.push(step.value);
        if (!referenceStep.done) expected.push(referenceStep.value);
        if (step.done || referenceStep.done) break;
        // Enough writes while paused that deleted entries before and after the iterator's place pile up past the
        // compaction threshold (a compaction now would move the positions the iterator holds).
        for (let i = Math.floor(random() * 3); i > 0; i--) write();
      }
      expect(got).toEqual(expected);
      expect(got.length).toBeGreaterThan(0);
      expectSame(ids, reference, universe);
    }
    // With no iterator open the log is compacted: writes that delete most ids leave it bounded by the live ones.
    for (const [id, ordinal] of [...reference]) {
      ids.delete(id);
      reference.delete(id);
      ordinals.release(ordinal);
    }
    for (let i = 0; i < 20_000; i++) {
      const id = `churn-${i}`;
      const taken = ordinals.take();
      ids.add(id, taken);
      ids.delete(id);
      ordinals.release(taken);
    }
    expect(ids.size).toBe(0);
    expect(ids.capacity.log).toBeLessThan(20_000);
    expect(ids.capacity.slots).toBeLessThanOrEqual(64);
  });

  it('an abandoned iterator that is returned lets the log be compacted again', () => {
    const ids = new IdOrdinals();
    const ordinals = new Ordinals();
    for (let i = 0; i < 100; i++) ids.add(`kept-${i}`, ordinals.take());
    const walk = ids.entries();
    walk.next();
    walk.return(undefined);
    for (let i = 0; i < 20_000; i++) {
      const taken = ordinals.take();
      ids.add(`churn-${i}`, taken);
      ids.delete(`churn-${i}`);
      ordinals.release(taken);
    }
    expect(ids.capacity.log).toBeLessThan(20_000);
    expect([...ids.keys()]).toEqual(Array.from({ length: 100 }, (_, i) => `kept-${i}`));
  });
});

describe('a document table on it', () => {
  it('answers like a Map of its documents through writes, deletes, reused ordinals, a freeze and a clear', () => {
    const random = createRandom(7);
    const table = new DocumentTable(undefined);
    const reference = new Map<string, string>();
    const universe = 500;
    const write = (step: number): void => {
      const id = idOf(Math.floor(random() * universe));
      if (reference.has(id) && random() < 0.4) {
        expect(table.delete(id)).toBe(true);
        reference.delete(id);
      } else {
        const json = JSON.stringify({ _id: id, step });
        table.set(id, json);
        reference.set(id, json);
      }
    };
    for (let step = 0; step < 3_000; step++) write(step);
    expect([...table]).toEqual([...reference]);
    // A freeze hands out the documents as of now while writes go on.
    const asFrozen = new Map(reference);
    const frozen = table.freeze();
    const handedOut = new Map<string, string>();
    for (let step = 3_000; ; step++) {
      const batch = frozen.next(7);
      if (batch.length === 0) break;
      for (const [id, stored] of batch) {
        expect(handedOut.has(id)).toBe(false);
        handedOut.set(id, table.textOf(stored));
      }
      for (let i = 0; i < 5; i++) write(step * 10 + i);
    }
    table.unfreeze(frozen);
    expect(new Map([...handedOut].sort())).toEqual(new Map([...asFrozen].sort()));
    expect([...table]).toEqual([...reference]);
    expect([...table.keys()]).toEqual([...reference.keys()]);
    for (let index = 0; index < universe; index++) expect(table.get(idOf(index))).toBe(reference.get(idOf(index)));
    table.clear();
    expect(table.size).toBe(0);
    table.set('after', '{"_id":"after"}');
    expect([...table]).toEqual([['after', '{"_id":"after"}']]);
  });
});
