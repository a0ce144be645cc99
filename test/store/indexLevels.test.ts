/**
 * Index levels that hold one key are two-field nodes until a second key arrives (indexState.ts `SingleKeyNode`):
 * across random inserts, updates and deletes, prefix lookups, ordered walks, unique checks and an image restored
 * into a fresh index answer exactly what the documents say.
 */
import { describe, expect, it } from 'vitest';
import { encodeKeyValue, IndexState } from '../../server/store/embedded/indexState';
import type { Document } from '../../server/store/types';
import { compareEncodedKeys } from '../../server/store/embedded/orderedKeys';
import { seededRandom as random } from '../support/seededRandom';

function entries(index: IndexState): string[] {
  const image = index.image();
  const stride = image.multikey.length + 1;
  const out: string[] = [];
  for (let at = 0; at < image.leaves.length; at += stride)
    out.push(
      image.leaves
        .slice(at, at + stride)
        .map((leaf) => (Array.isArray(leaf) ? [...leaf].sort().join(',') : leaf))
        .join('|'),
    );
  return out.sort();
}

/** The entries the documents call for: one per key tuple (multikey `c`), ids sorted. */
function expectedEntries(docs: Map<string, Document>): string[] {
  const byTuple = new Map<string, string[]>();
  for (const [id, doc] of docs) {
    const cs = Array.isArray(doc.c) ? [...new Set((doc.c as unknown[]).map(encodeKeyValue))] : [encodeKeyValue(doc.c)];
    for (const c of cs) {
      const tuple = [encodeKeyValue(doc.a), encodeKeyValue(doc.b), c].join('|');
      byTuple.set(tuple, [...(byTuple.get(tuple) ?? []), id]);
    }
  }
  return [...byTuple].map(([tuple, ids]) => `${tuple}|${ids.sort().join(',')}`).sort();
}

describe('single-key index levels', () => {
  it.each([1, 2, 3])('answer like the documents across random writes (seed %i)', (seed) => {
    const next = random(seed);
    const index = new IndexState({ keys: { a: 1, b: 1, c: 1 } });
    const docs = new Map<string, Document>();
    const makeDoc = (id: string): Document => ({
      _id: id,
      // Few a values, b mostly one per a (single-key levels), sometimes shared (they become Maps), c sometimes an array.
      a: `A${Math.floor(next() * 6)}`,
      b: next() < 0.7 ? Math.floor(next() * 1000) : `shared-${Math.floor(next() * 3)}`,
      c: next() < 0.2 ? [Math.floor(next() * 3), Math.floor(next() * 3)] : next() < 0.5 ? null : 'x',
    });
    for (let round = 0; round < 40; round++) {
      for (let op = 0; op < 50; op++) {
        const id = `d${Math.floor(next() * 300)}`;
        const current = docs.get(id);
        if (current) index.removeDocument(current, id);
        if (current && next() < 0.4) {
          docs.delete(id);
          continue;
        }
        const doc = makeDoc(id);
        docs.set(id, doc);
        index.addDocument(doc, id);
      }
      expect(entries(index)).toEqual(expectedEntries(docs));
      for (const a of ['A0', 'A3', 'A9']) {
        const expected = [...docs].filter(([, doc]) => doc.a === a).map(([id]) => id);
        expect([...new Set(index.idsForPrefix([[encodeKeyValue(a)]]))].sort()).toEqual(expected.sort());
        // Ordered by b under a fixed a: groups of ids tied on b, in key order.
        const groups = [...index.orderedIdGroups({ prefix: [encodeKeyValue(a)], orderedLevels: 1, descending: [false] })];
        const bKeys = [...new Set(expected.map((id) => encodeKeyValue(docs.get(id)?.b)))].sort(compareEncodedKeys);
        expect(groups.map((group) => [...new Set(group)].sort())).toEqual(
          bKeys.map((key) => expected.filter((id) => encodeKeyValue(docs.get(id)?.b) === key).sort()),
        );
      }
    }
    // An image restored into a fresh index (ids as ordinals) has the same entries.
    const image = index.image();
    const ids = [...docs.keys()];
    const ordinal = new Map(ids.map((id, at) => [id, at]));
    const restored = new IndexState({ keys: { a: 1, b: 1, c: 1 } });
    restored.restoreLeaves(
      image.leaves.map((leaf, at) =>
        (at + 1) % 4 === 0 ? (Array.isArray(leaf) ? leaf.map((id) => ordinal.get(id)) : ordinal.get(leaf)) : leaf,
      ),
      ids,
    );
    expect(entries(restored)).toEqual(entries(index));
    // Emptying the index prunes every level.
    for (const [id, doc] of docs) index.removeDocument(doc, id);
    expect(index.image().leaves).toEqual([]);
  });

  it('a unique check finds the owner of a key below a single-key level, and after it became a Map', () => {
    const index = new IndexState({ keys: { goldenId: 1, version: 1 }, unique: true });
    index.addDocument({ _id: 'h1', goldenId: 'g1', version: 1 }, 'h1');
    const tuple = (version: number) => [encodeKeyValue('g1'), encodeKeyValue(version)];
    expect([...index.idsAt(tuple(1))]).toEqual(['h1']);
    index.add(tuple(2), 'h2');
    expect([...index.idsAt(tuple(1))]).toEqual(['h1']);
    expect([...index.idsAt(tuple(2))]).toEqual(['h2']);
    index.remove(tuple(1), 'h1');
    index.remove(tuple(2), 'h2');
    expect(index.image().leaves).toEqual([]);
  });
});
