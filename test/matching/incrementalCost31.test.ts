/**
 * Session 31 (perf31): the incremental matching path made cheaper with identical outputs. A match-index entry's
 * values are stored in the prepared record's own order without the values it shares (written as a fresh object,
 * not a copy with properties deleted: the JSON is byte for byte what the copy-and-delete form gave), and the
 * distinct block keys of a record keep their first-seen order (`[...new Set(keysByRule.flat())]`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import {
  compileRules,
  ensureMatchIndexes,
  findCandidates,
  indexRecords,
  MATCH_INDEX,
  matchRecord,
  prepareIncoming,
  readEntry,
} from '../../server/matching';
import type { CanonicalRecord, CompiledRules, MatchIndexEntry, PreparedRecord } from '../../server/matching';
import { distinctKeys } from '../../server/matching/matchIndex';
import { must } from '../support/must';

// `contained` prepares what `title` prepares (one shared value), between two comparators of their own.
const rules: CompiledRules = compileRules({
  domain: 'item',
  version: 'cost31-1',
  blocking: [
    { name: 'tokens', type: 'nameTokens', fields: ['description'], params: { count: 3, minLength: 3 }, maxBlockSize: 1000 },
    { name: 'pn', type: 'partNumber', fields: ['partNumber'], maxBlockSize: 1000 },
  ],
  comparators: [
    { name: 'maker', type: 'exact', fields: ['manufacturer'], weight: 1 },
    { name: 'title', type: 'tokenSet', fields: ['description'], weight: 1, params: { weighting: 'idf' } },
    { name: 'code', type: 'exact', fields: ['partNumber'], weight: 1 },
    { name: 'contained', type: 'tokenSet', fields: ['description'], weight: 1, params: { measure: 'containment', weighting: 'idf' } },
  ],
  hardRules: [],
  thresholds: { autoMerge: 0.8, review: 0.5 },
});

const item = (id: string, description: string, extra: Record<string, string> = {}): CanonicalRecord => ({
  sourceId: id,
  description,
  ...extra,
});

/** What an entry stored before session 31: the values copied whole, the shared ones deleted. */
function copiedAndDeleted(prepared: PreparedRecord, shared: string[]): PreparedRecord['values'] {
  const values = { ...prepared.values };
  for (const name of shared) delete values[name];
  return values;
}

describe('incremental matching cost, session 31: same stored entries, same keys', () => {
  let store: Store;
  let dataDir: string;
  const entries = () => store.collection<MatchIndexEntry>(MATCH_INDEX);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cost31-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test.each([
    {
      label: 'every value present',
      record: item('a', 'GLOVE NITRILE EXAM MEDIUM', { manufacturer: 'ACME', partNumber: 'GN-100' }),
      shared: ['contained'],
    },
    { label: 'no maker, no code', record: item('b', 'SUTURE VICRYL 3-0'), shared: ['contained'] },
  ])('$label: the stored values are the copy-and-delete form, key order included', async ({ record, shared }) => {
    await indexRecords({ store, rules, entries: [{ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record }] });
    const stored = must(await entries().findOne({ _id: `item|${record.sourceId}` }), 'entry');
    const prepared = prepareIncoming(record, rules).prepared;
    expect(JSON.stringify(stored.prepared.values)).toBe(JSON.stringify(copiedAndDeleted(prepared, shared)));
    expect(Object.keys(stored.sharedValues ?? {})).toEqual(shared);
    expect(readEntry(stored).prepared.values).toEqual(prepared.values);
  });

  test('a record with no shared value present stores its prepared values as they are', async () => {
    const record = item('c', '', { manufacturer: 'ACME' });
    await indexRecords({ store, rules, entries: [{ recordId: 'c', goldenId: 'g-c', record }] });
    const stored = must(await entries().findOne({ _id: 'item|c' }), 'entry c');
    expect(stored.sharedValues).toBeUndefined();
    expect(JSON.stringify(stored.prepared.values)).toBe(JSON.stringify(prepareIncoming(record, rules).prepared.values));
  });

  test.each([
    { keysByRule: [['x:a', 'x:b'], ['y:a', 'x:a'], []], expected: ['x:a', 'x:b', 'y:a'] },
    { keysByRule: [[], []], expected: [] },
    { keysByRule: [['k:2', 'k:1', 'k:2']], expected: ['k:2', 'k:1'] },
  ])('distinct keys keep their first-seen order: $expected', ({ keysByRule, expected }) => {
    expect(distinctKeys(keysByRule)).toEqual(expected);
    expect(distinctKeys(keysByRule)).toEqual([...new Set(keysByRule.flat())]);
  });

  test('a look-up reports each key once; the next size of the same glove (other part number) is a candidate, never merged', async () => {
    const indexed = [
      item('g1', 'GLOVE NITRILE EXAM MEDIUM', { partNumber: 'GN-100' }),
      item('g2', 'GLOVE NITRILE EXAM LARGE', { partNumber: 'GN-101' }),
    ];
    await indexRecords({
      store,
      rules,
      entries: indexed.map((record) => ({ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record })),
    });
    const query = item('q', 'GLOVE NITRILE EXAM MEDIUM', { partNumber: 'GN-100' });
    const found = await findCandidates({ store, rules, record: query });
    expect(found.lookupKeys.length).toBeGreaterThan(0);
    expect(found.lookupKeys).toEqual([...new Set(found.lookupKeys)]);
    expect([...found.byGolden.keys()].sort()).toEqual(['g-g1', 'g-g2']);
    const decision = await matchRecord({ store, rules, record: query });
    expect(decision.best?.goldenId).toBe('g-g1');
    expect(decision.candidates.find((c) => c.goldenId === 'g-g2')?.band ?? 'no-match').not.toBe('auto-merge');
  });
});
