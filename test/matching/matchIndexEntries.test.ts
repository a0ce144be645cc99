/**
 * What a match-index entry stores (matchIndex.ts): a value two comparators share is stored once, the
 * term stats a record added are named by comparator, not token by token; matching, removal and
 * re-indexing read entries whole again — and entries written in the earlier layout still work. Since
 * session 9 an entry stores no `recordId` (the end of its `_id`) and no `indexedAt`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import {
  BLOCK_STATS,
  blockingKeys,
  compileRules,
  ensureMatchIndexes,
  indexRecords,
  MATCH_INDEX,
  matchRecord,
  prepareRecord,
  readEntry,
  removeFromIndex,
} from '../../server/matching';
import type { CanonicalRecord, CompiledRules, MatchIndexEntry } from '../../server/matching';
import { TERM_STATS, termKeysOf } from '../../server/matching/termStats';
import { must } from '../support/must';

// `contained` prepares exactly what `title` prepares (same type, fields, normaliser): one shared value.
const rules: CompiledRules = compileRules({
  domain: 'item',
  version: 'entries-1',
  blocking: [{ name: 'tokens', type: 'nameTokens', fields: ['description'], params: { count: 3, minLength: 3 }, maxBlockSize: 1000 }],
  comparators: [
    { name: 'title', type: 'tokenSet', fields: ['description'], weight: 1, params: { weighting: 'idf' } },
    { name: 'contained', type: 'tokenSet', fields: ['description'], weight: 1, params: { measure: 'containment', weighting: 'idf' } },
  ],
  hardRules: [],
  thresholds: { autoMerge: 0.8, review: 0.5 },
});

const title = (id: string, description: string): CanonicalRecord => ({ sourceId: id, description });
const catalogue = [
  title('c1', 'MICROSOFT VISIO 2002 DELUXE'),
  title('c2', 'MICROSOFT WORD 2002 DELUXE'),
  title('c3', 'MICROSOFT EXCEL 2002'),
];

describe('match-index entries', () => {
  let store: Store;
  let dataDir: string;
  const entries = () => store.collection<MatchIndexEntry>(MATCH_INDEX);
  /** Term counts of the domain as stored, `<comparator>|<token>` → size. */
  const termCounts = async () =>
    new Map(
      (await store.collection<{ _id: string; size: number }>(TERM_STATS).find({ domain: 'item' })).map((s) => [s._id.slice(5), s.size]),
    );

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'entries-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
    await indexRecords({
      store,
      rules,
      entries: catalogue.map((record) => ({ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record })),
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a shared value is stored once and read back under both names (the same array)', async () => {
    const stored = must(await entries().findOne({ _id: 'item|c1' }), 'entry c1');
    expect(stored.prepared.values.contained).toBeUndefined();
    expect(stored.sharedValues).toEqual({ contained: 'title' });
    expect(stored.termsOf).toEqual(['title', 'contained']);
    expect(stored.terms).toBeUndefined();
    const whole = readEntry(stored);
    expect(whole.sharedValues).toBeUndefined();
    expect(whole.prepared.values).toEqual(prepareRecord(must(catalogue[0], 'c1'), rules).values);
    expect(whole.prepared.values.contained).toBe(whole.prepared.values.title);
  });

  test('an entry stores no recordId nor indexedAt; readEntry takes the record id from _id', async () => {
    const stored = must(await entries().findOne({ _id: 'item|c2' }), 'entry c2');
    expect(Object.keys(stored).sort()).toEqual(['_id', 'domain', 'goldenId', 'keys', 'prepared', 'sharedValues', 'termsOf']);
    expect(readEntry(stored).recordId).toBe('c2');
    // A record id holding the separator keeps it (only the domain is cut off).
    await indexRecords({ store, rules, entries: [{ recordId: 'src|x|1', goldenId: 'g-x', record: title('x', 'MICROSOFT VISIO 2002') }] });
    expect(readEntry(must(await entries().findOne({ _id: 'item|src|x|1' }), 'entry src|x|1')).recordId).toBe('src|x|1');
    const decision = await matchRecord({ store, rules, record: title('q', 'MICROSOFT VISIO 2002') });
    expect(decision.best).toMatchObject({ goldenId: 'g-x', recordId: 'src|x|1' });
    expect(await removeFromIndex({ store, domain: 'item', recordId: 'src|x|1' })).toBe(true);
  });

  test('matching scores the entries as prepared: the explanation compares both comparators', async () => {
    const decision = await matchRecord({ store, rules, record: title('q', 'MICROSOFT VISIO 2002 DELUXE') });
    expect(decision.best?.goldenId).toBe('g-c1');
    expect(decision.best?.explanation.comparators.map((c) => [c.name, c.outcome])).toEqual([
      ['title', 'match'],
      ['contained', 'match'],
    ]);
  });

  test('removal and re-indexing subtract exactly the counts the entry added', async () => {
    const before = await termCounts();
    expect(before.get('title|DELUXE')).toBe(2);
    expect(before.get('contained|DELUXE')).toBe(2);
    await indexRecords({ store, rules, entries: [{ recordId: 'c1', goldenId: 'g-c1', record: title('c1', 'MICROSOFT PROJECT 2003') }] });
    const after = await termCounts();
    expect(after.get('title|DELUXE')).toBe(1);
    expect(after.get('title|VISIO')).toBeUndefined();
    expect(after.get('title|PROJECT')).toBe(1);
    expect(after.get('title|')).toBe(3);
    for (const record of catalogue) expect(await removeFromIndex({ store, domain: 'item', recordId: record.sourceId })).toBe(true);
    expect(await termCounts()).toEqual(new Map());
  });

  test('an entry in the earlier layout (every counted key in `terms`, shared values stored twice) is read and removed exactly', async () => {
    const record = title('old', 'MICROSOFT VISIO FRONTPAGE');
    const prepared = JSON.parse(JSON.stringify(prepareRecord(record, rules))) as MatchIndexEntry['prepared'];
    const terms = termKeysOf(prepared, rules.idfComparators);
    const keys = blockingKeys(record, rules);
    await entries().insertOne({
      _id: 'item|old',
      domain: 'item',
      recordId: 'old',
      goldenId: 'g-old',
      keys,
      prepared,
      terms,
      indexedAt: new Date().toISOString(),
    });
    // What indexing it back then added to the block sizes and term stats.
    for (const key of keys)
      await store
        .collection(BLOCK_STATS)
        .updateOne({ _id: `item|${key}` }, { $inc: { size: 1 }, $set: { domain: 'item' } }, { upsert: true });
    for (const key of terms)
      await store
        .collection(TERM_STATS)
        .updateOne({ _id: `item|${key}` }, { $inc: { size: 1 }, $set: { domain: 'item' } }, { upsert: true });
    const counted = await termCounts();
    expect(counted.get('title|FRONTPAGE')).toBe(1);
    expect(counted.get('title|VISIO')).toBe(2);
    const decision = await matchRecord({ store, rules, record: title('q', 'MICROSOFT VISIO FRONTPAGE') });
    expect(decision.best).toMatchObject({ goldenId: 'g-old', recordId: 'old' });
    expect(await removeFromIndex({ store, domain: 'item', recordId: 'old' })).toBe(true);
    const after = await termCounts();
    expect(after.get('title|FRONTPAGE')).toBeUndefined();
    expect(after.get('title|VISIO')).toBe(1);
    expect(after.get('contained|')).toBe(3);
  });
});

describe('one bulk call writes its entries a slice at a time', () => {
  let stores: Store[] = [];
  let dirs: string[] = [];
  const open = async (): Promise<Store> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'entries-bulk-'));
    const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
    stores.push(store);
    dirs.push(dataDir);
    return store;
  };
  /** Every document of the match index, block sizes and term counts, in `_id` order. */
  const contents = async (store: Store) => {
    const all = async (name: string) => (await store.collection<{ _id: string }>(name).find({})).sort((x, y) => (x._id < y._id ? -1 : 1));
    // The term-stats version document holds a new random version on every write: left out.
    const blocks = (await all(BLOCK_STATS)).filter((doc) => !doc._id.endsWith('#termStats'));
    return { entries: await all(MATCH_INDEX), blocks, terms: await all(TERM_STATS) };
  };
  const words = ['GLOVE', 'NITRILE', 'EXAM', 'SYRINGE', 'LUER', 'LOCK', 'GAUZE', 'STERILE', 'SUTURE', 'VICRYL'];
  // More records than one slice, with shared tokens so blocks and term counts sum over slices.
  const records = Array.from({ length: 620 }, (_, i) =>
    title(`b${i}`, `${words[i % 10]} ${words[(i * 3) % 10]} ${words[(i * 7) % 10]} PART${i % 97}`),
  );
  afterEach(async () => {
    for (const store of stores) await store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    stores = [];
    dirs = [];
  });

  test('the index, block sizes and term counts are those of indexing the records one call each', async () => {
    const bulk = await open();
    await indexRecords({ store: bulk, rules, entries: records.map((record) => ({ recordId: record.sourceId, goldenId: 'g', record })) });
    const single = await open();
    for (const record of records)
      await indexRecords({ store: single, rules, entries: [{ recordId: record.sourceId, goldenId: 'g', record }] });
    const [written, expected] = [await contents(bulk), await contents(single)];
    expect(written.entries).toHaveLength(records.length);
    expect(written).toEqual(expected);
  });

  test('a record listed twice fails the call before anything is written or removed', async () => {
    const store = await open();
    await indexRecords({ store, rules, entries: [{ recordId: 'b1', goldenId: 'g-first', record: must(records[1], 'record b1') }] });
    const before = await contents(store);
    const entries = records.map((record) => ({ recordId: record.sourceId, goldenId: 'g', record }));
    entries.push({ recordId: 'b600', goldenId: 'g', record: must(records[600], 'record b600') });
    await expect(indexRecords({ store, rules, entries })).rejects.toMatchObject({ code: 'DUPLICATE_KEY' });
    expect(await contents(store)).toEqual(before);
  });
});
