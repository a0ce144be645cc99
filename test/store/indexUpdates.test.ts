/**
 * An update moves a document's index entries by the difference between its versions (indexState.ts
 * `replaceDocument`): across random updates — unchanged keys, one multikey field changing a few of its keys, several
 * fields changing, a partial filter that starts or stops matching — the index holds exactly the entries a fresh index
 * of the final documents holds, and an entry whose key did not change keeps its place in its posting (as a MongoDB
 * index keeps it), where removing and re-adding every key moved the document last.
 */
import { describe, expect, it } from 'vitest';
import { encodeKeyValue, IndexState } from '../../server/store/embedded/indexState';
import type { IndexSpec, Document } from '../../server/store/types';
import { seededRandom as random } from '../support/seededRandom';

/** Every entry of an index as `key|key|…|id`, sorted (the posting order is checked separately). */
function entries(index: IndexState): string[] {
  const image = index.image();
  const stride = image.multikey.length + 1;
  const out: string[] = [];
  for (let at = 0; at < image.leaves.length; at += stride) {
    const keys = image.leaves.slice(at, at + stride - 1).join('|');
    const ids = image.leaves[at + stride - 1];
    for (const id of Array.isArray(ids) ? ids : [ids]) out.push(`${keys}|${id}`);
  }
  return out.sort();
}

const SPECS: IndexSpec[] = [
  { keys: { domain: 1, terms: 1 } },
  { keys: { domain: 1, status: 1, _id: 1 } },
  { keys: { 'owner.id': 1, at: 1 } },
  { keys: { status: 1, terms: 1 } },
  { keys: { domain: 1, flag: 1 }, partial: { flag: { $exists: true } } },
];

describe('index entries moved by an update', () => {
  it.each([1, 2, 3])('equal a fresh index of the final documents across random updates (seed %i)', (seed) => {
    const next = random(seed);
    // Terms of a Zipf-like spread: a few in most documents (large postings), many in a few (packed ones).
    const term = (): string => `t${Math.floor(Math.pow(next(), 3) * 400)}`;
    const makeTerms = (): string[] => [...new Set(Array.from({ length: 3 + Math.floor(next() * 30) }, term))];
    const docs = new Map<string, Document>();
    const indexes = SPECS.map((spec) => new IndexState(spec));
    const change = (doc: Document): Document => {
      const updated: Document = { ...doc, note: next() };
      const roll = next();
      if (roll < 0.3) return updated; // no indexed field changes
      if (roll < 0.6) {
        // A few terms change, the rest stay (the search entry or blocking keys of an updated record).
        const terms = (doc.terms as string[]).filter(() => next() < 0.9);
        for (let extra = Math.floor(next() * 3); extra > 0; extra--) terms.push(term());
        return { ...updated, terms: [...new Set(terms)] };
      }
      if (roll < 0.7) return { ...updated, status: next() < 0.5 ? 'active' : 'merged' };
      if (roll < 0.8) return { ...updated, owner: { id: `g${Math.floor(next() * 40)}` }, at: Math.floor(next() * 5) };
      if (roll < 0.9) {
        const { flag: _flag, ...rest } = updated;
        return next() < 0.5 ? rest : { ...rest, flag: next() < 0.5 };
      }
      return { ...updated, domain: next() < 0.5 ? 'item' : 'supplier', terms: makeTerms(), status: 'active' };
    };
    for (let round = 0; round < 15; round++) {
      for (let op = 0; op < 60; op++) {
        const id = `d${Math.floor(next() * 400)}`;
        const current = docs.get(id);
        if (current && next() < 0.1) {
          for (const index of indexes) index.removeDocument(current, id);
          docs.delete(id);
          continue;
        }
        const doc = current
          ? change(current)
          : { _id: id, domain: 'item', status: 'active', terms: makeTerms(), owner: { id: `g${Math.floor(next() * 40)}` }, at: 1 };
        docs.set(id, doc);
        for (const index of indexes) {
          if (current) index.replaceDocument(current, doc, id);
          else index.addDocument(doc, id);
        }
      }
      SPECS.forEach((spec, position) => {
        const fresh = new IndexState(spec);
        for (const [id, doc] of docs) fresh.addDocument(doc, id);
        expect(entries(indexes[position] as IndexState)).toEqual(entries(fresh));
      });
    }
    // Some terms were in more than 256 documents (large postings) and some in a few (packed strings).
    const counts = new Map<string, number>();
    for (const doc of docs.values()) for (const t of doc.terms as string[]) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(256);
    expect([...counts.values()].some((count) => count > 1 && count < 20)).toBe(true);
  });

  it('keeps an unchanged entry in its place in its posting', () => {
    const index = new IndexState({ keys: { domain: 1, terms: 1 } });
    const docs = new Map<string, Document>();
    for (let n = 0; n < 300; n++) {
      const doc: Document = { _id: `d${n}`, domain: 'item', terms: ['common', `own${n}`, n % 3 === 0 ? 'third' : 'other'] };
      docs.set(`d${n}`, doc);
      index.addDocument(doc, `d${n}`);
    }
    const ids = (key: string): string[] => [...index.idsForPrefix([[encodeKeyValue('item')], [encodeKeyValue(key)]])];
    const commonBefore = ids('common');
    const thirdBefore = ids('third');
    expect(commonBefore).toHaveLength(300);
    // d3 keeps 'common' and 'third', loses its own term and gains another; d6 changes an unindexed field only.
    const d3 = docs.get('d3') as Document;
    index.replaceDocument(d3, { ...d3, terms: ['common', 'renamed', 'third'] }, 'd3');
    const d6 = docs.get('d6') as Document;
    index.replaceDocument(d6, { ...d6, note: 'x' }, 'd6');
    expect(ids('common')).toEqual(commonBefore);
    expect(ids('third')).toEqual(thirdBefore);
    expect(ids('own3')).toEqual([]);
    expect(ids('renamed')).toEqual(['d3']);
    expect(ids('own6')).toEqual(['d6']);
  });
});
