/**
 * A table's spilled documents as columns by ordinal (documentTable.ts `SpillColumns`, docs/INGEST.md "Peak memory,
 * session 18"): the table answers like a `Map` of the same writes through spills, replacements, deletes, reused
 * ordinals, spill-file rewrites (positions moved to a fresh file in background steps) and a whole-table clear; a
 * compaction's freeze hands out the documents as of the freeze while writes, spills and reads go on; and the columns
 * cover every spilled ordinal with bounded spare room.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { DocumentTable, ResidentText } from '../../server/store/embedded/documentTable';
import { spillingTable } from './fixtures/spillingTable';

/** A document whose length changes with its version (stale text cannot pass for current); some non-ASCII. */
function text(index: number, version: number): string {
  const body = `${index}:${version}:`.padEnd(200 + ((index * 7 + version * 13) % 97), index % 5 === 0 ? 'é' : 'x');
  return JSON.stringify({ _id: `doc-${index}`, version, body });
}

/** Lets the background maintenance steps (spill down, rewrite copy) run. */
async function maintenance(resident: ResidentText, turns = 50): Promise<void> {
  for (let turn = 0; turn < turns && (resident.isRewriting || turn < 3); turn++) await nextTurn();
}

function expectSameAs(table: DocumentTable, reference: Map<string, string>, resident: ResidentText): void {
  expect([...table]).toEqual([...reference]);
  let spilled = 0;
  for (const [id, json] of reference) {
    expect(table.get(id)).toBe(json);
    expect(table.lengthOf(id)).toBe(json.length);
    if (!table.isResident(id)) {
      spilled += 1;
      expect(table.ordinalFor(id)).toBeLessThan(table.spillColumnCapacity);
    }
  }
  expect(resident.spilledDocuments).toBe(spilled);
  expect(table.size).toBe(reference.size);
}

describe('spilled positions as columns by ordinal', () => {
  it('answers like a Map through spills, replacements, deletes, reused ordinals, rewrites and a clear', async () => {
    const { table, resident } = spillingTable(6_000);
    const reference = new Map<string, string>();
    // A fixed pseudo-random sequence (a linear congruential generator), so a failure repeats.
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 30; round++) {
      for (let step = 0; step < 40; step++) {
        const index = random(300);
        const id = `doc-${index}`;
        if (random(6) === 0) {
          table.delete(id);
          reference.delete(id);
        } else {
          const json = text(index, round * 40 + step);
          table.set(id, json);
          reference.set(id, json);
        }
      }
      if (round % 3 === 0) await maintenance(resident);
      expectSameAs(table, reference, resident);
    }
    // Most documents were spilled, their bytes died and the file was rewritten (positions moved to a fresh file).
    expect(resident.rewrites).toBeGreaterThan(0);
    expect(resident.spilledDocuments).toBeGreaterThan(reference.size / 2);
    // The columns cover the ordinals with a third spare at most (they grow by half again, from 1,024).
    expect(table.spillColumnCapacity).toBeLessThanOrEqual(Math.max(1024, Math.ceil(table.ordinalCount * 1.5)));

    table.clear();
    reference.clear();
    expectSameAs(table, reference, resident);
    expect(table.spillColumnCapacity).toBe(0);
    for (let index = 0; index < 100; index++) {
      table.set(`doc-${index}`, text(index, 1));
      reference.set(`doc-${index}`, text(index, 1));
    }
    await maintenance(resident);
    expectSameAs(table, reference, resident);
    expect(resident.spilledDocuments).toBeGreaterThan(0);
  });

  it('a freeze hands out the documents as of the freeze while they are replaced, deleted, spilled and read', async () => {
    const { table, resident } = spillingTable(4_000);
    const reference = new Map<string, string>();
    for (let index = 0; index < 120; index++) {
      table.set(`doc-${index}`, text(index, 0));
      reference.set(`doc-${index}`, text(index, 0));
    }
    await maintenance(resident);
    expect(resident.spilledDocuments).toBeGreaterThan(60);
    const asFrozen = new Map(reference);
    const unpin = resident.pin();
    const frozen = table.freeze();
    const handedOut = new Map<string, string>();
    const walk = (most: number): number => {
      const batch = frozen.next(most);
      for (const [id, stored] of batch) handedOut.set(id, table.textOf(stored));
      return batch.length;
    };
    walk(10);
    // Changes of documents the walk has not reached (spilled and resident ones), new documents, spills of them.
    for (let index = 0; index < 120; index += 3) {
      table.delete(`doc-${index}`);
      reference.delete(`doc-${index}`);
    }
    for (let index = 1; index < 160; index += 3) {
      table.set(`doc-${index}`, text(index, 1));
      reference.set(`doc-${index}`, text(index, 1));
    }
    await maintenance(resident);
    walk(10);
    // Every document replaced once more: most spilled bytes are dead, a rewrite is due (it waits for the pin).
    for (const id of [...reference.keys()]) {
      const index = Number(id.slice('doc-'.length));
      table.set(id, text(index, 2));
      reference.set(id, text(index, 2));
    }
    await maintenance(resident);
    while (walk(7) > 0);
    table.unfreeze(frozen);
    expect(new Map([...handedOut].sort())).toEqual(new Map([...asFrozen].sort()));
    expect(frozen.keptCount).toBeGreaterThan(0);
    // The rewrite waited for the pin; once released it runs and moves every position it copies.
    expect(resident.isRewriting).toBe(false);
    unpin();
    await maintenance(resident);
    expect(resident.rewrites).toBeGreaterThan(0);
    expectSameAs(table, reference, resident);
  });
});
