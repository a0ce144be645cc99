/**
 * `indexGoldenForSearch` brought up to date incrementally gives exactly the entries and term counts of
 * an index built from scratch on the final state; entries whose values did not change are not rewritten.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import {
  indexGoldenForSearch,
  searchCollections,
  SEARCH_INDEX,
  SEARCH_TERM_STATS,
  type GoldenForSearch,
  type SearchEntry,
} from '../../server/search';
import { updateSearchEntries, writeTermDeltas, type TermDeltas } from '../../server/search/searchIndex';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { at } from '../support/must';

const opened: Array<{ store: EmbeddedStore; dir: string }> = [];

async function freshStore(): Promise<EmbeddedStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mdm-search-index-'));
  const store = await openEmbeddedStore({ dataDir: dir, logger: createLogger({ silent: true }) });
  for (const definition of searchCollections) await store.collection(definition.name).createIndexes(definition.indexes);
  opened.push({ store, dir });
  return store;
}

afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

const golden = (id: string, attributes: Record<string, unknown>, status = 'active'): GoldenForSearch => ({
  _id: id,
  domain: 'item',
  status,
  attributes,
});

async function snapshot(store: EmbeddedStore): Promise<{ entries: Array<Omit<SearchEntry, 'indexedAt'>>; stats: unknown[] }> {
  const entries = (await store.collection<SearchEntry>(SEARCH_INDEX).find({}, { sort: { _id: 1 } })).map(
    ({ indexedAt: _ignored, ...rest }) => rest,
  );
  return { entries, stats: await store.collection(SEARCH_TERM_STATS).find({}, { sort: { _id: 1 } }) };
}

const glove = {
  sourceId: 'A',
  description: 'GLOVE EXAM NITRILE PF LG',
  manufacturer: { name: 'Medline' },
  manufacturerPartNumber: 'MDS-195085',
};
const gown = { sourceId: 'B', description: 'GOWN ISOLATION UNIVERSAL YELLOW', manufacturer: { name: 'Cardinal Health' } };
const suture = { sourceId: 'C', description: 'SUTURE VICRYL 3-0 SH UNDYED', manufacturer: { name: 'Ethicon' } };

describe('incremental search indexing', () => {
  test.each([
    { title: 'nothing searchable changed (a price)', next: [golden('item-1', { ...glove, price: { amount: 2 } }), golden('item-2', gown)] },
    {
      title: 'a description changed',
      next: [golden('item-1', { ...glove, description: 'GLOVE SURGICAL LATEX 7.5' }), golden('item-2', gown)],
    },
    { title: 'a record retired, another added', next: [golden('item-1', glove, 'merged'), golden('item-3', suture)] },
    {
      title: 'the same record twice in one call (the last state counts)',
      next: [golden('item-2', { ...gown, description: 'GOWN SURGICAL' }), golden('item-2', gown)],
    },
  ])('$title: same entries and term counts as a fresh build', async ({ next }) => {
    const incremental = await freshStore();
    await indexGoldenForSearch({ store: incremental, goldens: [golden('item-1', glove), golden('item-2', gown)] });
    await incremental.withTransaction((session) => indexGoldenForSearch({ store: incremental, goldens: next, session }));

    const scratch = await freshStore();
    const finalState = new Map<string, GoldenForSearch>([
      ['item-1', golden('item-1', glove)],
      ['item-2', golden('item-2', gown)],
    ]);
    for (const g of next) finalState.set(g._id, g);
    await indexGoldenForSearch({ store: scratch, goldens: [...finalState.values()] });
    expect(await snapshot(incremental)).toEqual(await snapshot(scratch));
  });

  test('an entry whose searchable values did not change is not rewritten', async () => {
    const store = await freshStore();
    await indexGoldenForSearch({ store, goldens: [golden('item-1', glove), golden('item-2', gown)] });
    const before = await store.collection<SearchEntry>(SEARCH_INDEX).find({}, { sort: { _id: 1 } });
    // Wait for the clock to move on, so a rewrite would carry another `indexedAt`.
    const started = Date.now();
    while (Date.now() === started) await new Promise((resolve) => setImmediate(resolve));
    await indexGoldenForSearch({
      store,
      goldens: [golden('item-1', { ...glove, price: { amount: 3 } }), golden('item-2', { ...gown, description: 'GOWN SURGICAL' })],
    });
    const after = await store.collection<SearchEntry>(SEARCH_INDEX).find({}, { sort: { _id: 1 } });
    expect(after[0]).toEqual(before[0]);
    expect(at(after, 1).indexedAt).not.toBe(at(before, 1).indexedAt);
    expect(at(after, 1).terms).toContain('w:SURGICAL');
  });
});

describe('a stored entry that differs from the computed one in any way is rewritten', () => {
  type Tamper = (entry: SearchEntry) => Record<string, unknown>;
  const cases: Array<{ title: string; tamper: Tamper }> = [
    { title: 'a text pair with another key besides field and value', tamper: (e) => ({ texts: e.texts.map((t) => ({ ...t, extra: 1 })) }) },
    {
      title: 'a text pair with another value',
      tamper: (e) => ({ texts: e.texts.map((t, i) => (i === 0 ? { ...t, value: 'GLOVE' } : t)) }),
    },
    {
      title: 'an identifier pair turned around',
      tamper: (e) => ({ identifiers: e.identifiers.map((i) => ({ field: i.value, value: i.field })) }),
    },
    { title: 'identifiers missing (an older entry)', tamper: () => ({ identifiers: null }) },
    { title: 'the terms in another order', tamper: (e) => ({ terms: [...e.terms].reverse() }) },
    { title: 'one term more', tamper: (e) => ({ terms: [...e.terms, 'w:EXTRA'] }) },
    { title: 'another display', tamper: () => ({ display: 'GLOVE' }) },
  ];
  test.each(cases)('$title', async ({ tamper }) => {
    const store = await freshStore();
    await indexGoldenForSearch({ store, goldens: [golden('item-1', glove)] });
    const entries = store.collection<SearchEntry>(SEARCH_INDEX);
    const [built] = await entries.find({});
    if (!built) throw new Error('no entry built');
    expect(built.texts.length * built.identifiers.length).toBeGreaterThan(0);
    await entries.updateOne({ _id: built._id }, { $set: tamper(built) });
    await indexGoldenForSearch({ store, goldens: [golden('item-1', glove)] });
    const { indexedAt: _after, ...rewritten } = at(await entries.find({}), 0);
    const { indexedAt: _built, ...original } = built;
    expect(rewritten).toEqual(original);
  });
});

describe('a build in pages', () => {
  const words = ['GLOVE', 'EXAM', 'NITRILE', 'GOWN', 'ISOLATION', 'SUTURE', 'VICRYL', 'CATHETER', 'FOLEY', 'SYRINGE'];
  const many = Array.from({ length: 45 }, (_, i) =>
    golden(`item-${i}`, {
      sourceId: `S${i}`,
      description: `${at(words, i % words.length)} ${at(words, (i * 3 + 1) % words.length)} ${at(words, (i * 7 + 2) % words.length)} ${i}`,
      manufacturer: { name: i % 2 === 0 ? 'Medline' : 'Cardinal Health' },
      manufacturerPartNumber: `MP-${1000 + i}`,
    }),
  );

  test('pages of any size, one rolled back half-way (a crash before its commit) and redone, give the one-call build', async () => {
    const paged = await freshStore();
    for (let start = 0; start < many.length; start += 10) {
      const page = many.slice(start, start + 10);
      if (start === 20) {
        // The page is indexed, then the transaction fails before commit: nothing of it may remain.
        await expect(
          paged.withTransaction(async (session) => {
            await indexGoldenForSearch({ store: paged, goldens: page, session });
            throw new Error('crash before commit');
          }),
        ).rejects.toThrow('crash before commit');
      }
      await paged.withTransaction((session) => indexGoldenForSearch({ store: paged, goldens: page, session }));
    }
    const whole = await freshStore();
    await indexGoldenForSearch({ store: whole, goldens: many });
    const built = await snapshot(whole);
    expect(built.entries).toHaveLength(many.length);
    expect(await snapshot(paged)).toEqual(built);
  });

  test('a page read in slices with its term counts written once gives the one-call build, also when records move between terms', async () => {
    // The change-feed processor's form (searchSync.ts): entries per slice of a page, term counts at the page's end.
    const sliced = await freshStore();
    const whole = await freshStore();
    const later = many.map((g, i) =>
      i % 3 === 0
        ? golden(g._id, { ...g.attributes, description: `GOWN ISOLATION ${i}` })
        : i % 5 === 0
          ? golden(g._id, g.attributes, 'merged')
          : g,
    );
    for (const state of [many, later]) {
      await sliced.withTransaction(async (session) => {
        const termDeltas: TermDeltas = new Map();
        for (let start = 0; start < state.length; start += 7)
          await updateSearchEntries({ store: sliced, goldens: state.slice(start, start + 7), termDeltas, session });
        await writeTermDeltas({ store: sliced, termDeltas, session });
      });
      await indexGoldenForSearch({ store: whole, goldens: state });
      expect(await snapshot(sliced)).toEqual(await snapshot(whole));
    }
    const scratch = await freshStore();
    await indexGoldenForSearch({ store: scratch, goldens: later });
    expect(await snapshot(sliced)).toEqual(await snapshot(scratch));
  });
});
