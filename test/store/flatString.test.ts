/**
 * Flat copies of the strings the store keeps (server/store/embedded/flatString.ts): the copy has exactly the
 * characters of the original at every length around V8's cons-string threshold and in every script, and a document
 * table and index given long concatenated ids and keys (cons strings, as the store's writers build them) answer with
 * the same ids and keys — in order, in range reads and in the image — as before.
 */
import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../server/store/embedded/documentTable';
import { flatString } from '../../server/store/embedded/flatString';
import { IndexState } from '../../server/store/embedded/indexState';

const built = (prefix: string, rest: string): string => `${prefix}${rest}`;

describe('flatString', () => {
  it.each([
    { name: 'empty', text: '' },
    { name: 'one character', text: 'a' },
    { name: '12 characters (below the cons threshold)', text: built('s', 'abcdefghijk') },
    { name: '13 characters (the threshold)', text: built('s', 'abcdefghijkl') },
    { name: 'a golden id key', text: built('s', 'item-' + 'f41eb0d5eeab448eb52e') },
    { name: 'a timestamp key', text: built('s', new Date(Date.UTC(2026, 11, 5, 11, 15, 8, 835)).toISOString()) },
    { name: 'two-byte characters', text: built('s', 'Ärztekammer Nordrhein – 東京都立病院') },
    { name: 'a surrogate pair split at the first character', text: built('😀', 'Krankenhaus Köln-Merheim') },
    { name: 'a long text', text: built('o', JSON.stringify({ gtin: '04012345678901', names: ['x'.repeat(500)] })) },
  ])('keeps every character: $name', ({ text }) => {
    const flat = flatString(text);
    expect(flat).toBe(text);
    expect(flat.length).toBe(text.length);
    expect([...flat]).toEqual([...text]);
  });
});

describe('a document table and index over concatenated ids and keys', () => {
  it('answer with the ids and keys they were given, in insertion and key order', () => {
    const table = new DocumentTable(undefined);
    const index = new IndexState({ keys: { goldenId: 1, at: 1 } }, table);
    const ids = Array.from({ length: 30 }, (_, i) => built('chq_', `6a1f0c2e-8d44-4b7a-9c1e-${String(i).padStart(12, '0')}`));
    const docs = ids.map((id, i) => ({
      _id: id,
      goldenId: built('item-', `f41eb0d5eeab448eb5${i % 3}`),
      at: new Date(Date.UTC(2026, 11, 5, 11, 0, 30 - i)).toISOString(),
    }));
    for (const doc of docs) {
      table.set(doc._id, JSON.stringify(doc));
      index.addDocument(doc, doc._id);
    }
    expect([...table.keys()]).toEqual(ids);
    expect(ids.every((id, ordinal) => table.idAt(ordinal) === id && table.ordinalOf(id) === ordinal)).toBe(true);
    expect(JSON.parse(table.get(ids[7] as string) as string)).toEqual(docs[7]);
    const golden = 'sitem-f41eb0d5eeab448eb51';
    const expected = docs.filter((doc) => doc.goldenId.endsWith('1')).map((doc) => doc._id);
    expect([...index.idsForPrefix([[golden]])]).toEqual(expected);
    // Ascending by `at`: the later documents carry the earlier timestamps.
    const ordered = [...index.orderedIdGroups({ prefix: [golden], orderedLevels: 1, descending: [false] })].flat();
    expect(ordered).toEqual([...expected].reverse());
    const leaves = index.image().leaves;
    expect(leaves.slice(0, 3)).toEqual(['sitem-f41eb0d5eeab448eb50', 's' + (docs[0]?.at as string), ids[0]]);
    // Removing through the original (concatenated) strings finds the flat copies the structures keep.
    for (const doc of docs) {
      index.removeDocument(doc, doc._id);
      expect(table.delete(doc._id)).toBe(true);
    }
    expect(table.size).toBe(0);
    expect(index.image().leaves).toEqual([]);
  });
});
