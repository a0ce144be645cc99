/**
 * The order of a spilling table's resident documents by ordinal (residentOrder.ts, docs/INGEST.md "Session 29
 * (ingest29)"): it answers like the `Set` it replaced through random adds and deletes, its log does not keep the marks of
 * deleted entries beyond a bounded share, and a document table spills the documents written longest ago first — its
 * resident documents are always the most recently written ones.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ResidentOrder } from '../../server/store/embedded/residentOrder';
import { spillingTable } from './fixtures/spillingTable';

/** A fixed pseudo-random sequence (a linear congruential generator), so a failure repeats. */
function sequence(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe('ResidentOrder', () => {
  it('answers like a Set of ordinals through random adds (members keep their place) and deletes', () => {
    const order = new ResidentOrder();
    const reference = new Set<number>();
    const random = sequence(11);
    for (let round = 0; round < 60; round++) {
      // Growing, then shrinking phases, over ordinals that are reused.
      const addShare = round % 20 < 12 ? 3 : 1;
      for (let step = 0; step < 500; step++) {
        const ordinal = random(2_000);
        if (random(4) < addShare) {
          order.add(ordinal);
          reference.add(ordinal);
        } else expect(order.delete(ordinal)).toBe(reference.delete(ordinal));
      }
      expect([...order]).toEqual([...reference]);
      expect(order.size).toBe(reference.size);
      for (let ordinal = 0; ordinal < 2_100; ordinal += 7) expect(order.has(ordinal)).toBe(reference.has(ordinal));
    }
    order.clear();
    expect([...order]).toEqual([]);
    order.add(5);
    order.add(3);
    expect([...order]).toEqual([5, 3]);
  });

  it('used as a queue (new documents last, the oldest removed), the log stays within a bounded multiple of its members', () => {
    const order = new ResidentOrder();
    let oldest = 0;
    let deleted = 0;
    for (let ordinal = 0; ordinal < 200_000; ordinal++) {
      order.add(ordinal % 5_000);
      if (order.size > 1_000) {
        if (order.delete(oldest % 5_000)) deleted += 1;
        oldest += 1;
      }
    }
    expect(deleted).toBe(199_000);
    expect(order.size).toBe(1_000);
    expect([...order]).toEqual(Array.from({ length: 1_000 }, (_, i) => (oldest + i) % 5_000));
    expect(order.capacity).toBeLessThanOrEqual(3_000);
  });
});

describe('a spilling table spills the documents written longest ago first', () => {
  it('keeps resident exactly a run of the most recently written documents through writes, rewrites and deletes', async () => {
    const { table, resident } = spillingTable(5_000);
    /** Ids by their last write, oldest first (a delete removes one). */
    const written: string[] = [];
    const random = sequence(3);
    for (let round = 0; round < 40; round++) {
      for (let step = 0; step < 25; step++) {
        const id = `doc-${random(150)}`;
        const at = written.indexOf(id);
        if (at >= 0) written.splice(at, 1);
        if (random(5) === 0) table.delete(id);
        else {
          table.set(id, JSON.stringify({ _id: id, round, step, body: 'x'.repeat(100 + random(200)) }));
          written.push(id);
        }
      }
      if (round % 2 === 0) for (let turn = 0; turn < 5; turn++) await nextTurn();
      const residentIds = written.filter((id) => table.isResident(id));
      // The resident documents are the last ones written: no spilled document was written after a resident one.
      expect(residentIds).toEqual(written.slice(written.length - residentIds.length));
      expect(resident.spilledDocuments).toBe(written.length - residentIds.length);
    }
    expect(resident.spilledDocuments).toBeGreaterThan(50);
  });
});
