/** Store-backed candidate retrieval on the real embedded store, one fresh data directory per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import {
  BLOCK_STATS,
  MATCH_INDEX,
  ensureMatchIndexes,
  findCandidates,
  indexRecord,
  indexRecords,
  loadRules,
  matchRecord,
  pairKey,
  removeFromIndex,
  setGoldenId,
} from '../../server/matching';
import type { CanonicalRecord, CompiledRules } from '../../server/matching';
import { at } from '../support/must';

let store: Store;
let dataDir: string;
let items: CompiledRules;

const item = (id: string, fields: Record<string, unknown>): CanonicalRecord => ({ sourceId: id, ...fields });

const GLOVE = {
  description: 'GLOVE EXAM NITRILE PF LG',
  manufacturer: { name: 'Medline Industries, Inc.' },
  manufacturerPartNumber: '10-775-PA-55',
};

beforeAll(async () => {
  items = await loadRules('item');
});

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'matching-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await ensureMatchIndexes(store);
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function blockSize(key: string): Promise<number | undefined> {
  const stat = await store.collection(BLOCK_STATS).findOne({ _id: `item|${key}` });
  return stat ? (stat.size as number) : undefined;
}

describe('match index', () => {
  test('indexing maintains block sizes; re-indexing does not double count; removal shrinks and deletes empty blocks', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    await indexRecord({
      store,
      rules: items,
      recordId: 'src:2',
      goldenId: 'g2',
      record: item('2', { ...GLOVE, manufacturerPartNumber: '10775PA55' }),
    });
    expect(await blockSize('partNumber:10775PA55')).toBe(2);
    await indexRecord({
      store,
      rules: items,
      recordId: 'src:2',
      goldenId: 'g2',
      record: item('2', { ...GLOVE, manufacturerPartNumber: '10775PA55' }),
    });
    expect(await blockSize('partNumber:10775PA55')).toBe(2);
    expect(await store.collection(MATCH_INDEX).countDocuments({ domain: 'item' })).toBe(2);
    expect(await removeFromIndex({ store, domain: 'item', recordId: 'src:1' })).toBe(true);
    expect(await blockSize('partNumber:10775PA55')).toBe(1);
    expect(await removeFromIndex({ store, domain: 'item', recordId: 'src:2' })).toBe(true);
    expect(await blockSize('partNumber:10775PA55')).toBeUndefined();
    expect(await removeFromIndex({ store, domain: 'item', recordId: 'src:2' })).toBe(false);
  });

  test('matchRecord auto-merges into the golden record of a formatting variant and explains why', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    await indexRecord({
      store,
      rules: items,
      recordId: 'src:9',
      goldenId: 'g9',
      record: item('9', { description: 'GOWN ISOLATION YELLOW', manufacturerPartNumber: 'ISO-2020' }),
    });
    const decision = await matchRecord({
      store,
      rules: items,
      record: item('2', {
        description: 'Nitrile exam glove, powder-free, large',
        manufacturer: { name: 'MEDLINE IND' },
        manufacturerPartNumber: '10775PA55',
      }),
    });
    expect(decision.decision).toBe('auto-merge');
    expect(decision.best?.goldenId).toBe('g1');
    expect(decision.best?.recordId).toBe('src:1');
    expect(decision.best?.explanation.comparators.find((c) => c.name === 'manufacturerPartNumber')).toMatchObject({
      score: 1,
      a: '10775PA55',
      b: '10775PA55',
    });
    expect(decision.candidates.map((c) => c.goldenId)).toEqual(['g1']);
  });

  test('a domain name instead of compiled rules loads the shipped rules', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    const decision = await matchRecord({ store, domain: 'item', record: item('2', GLOVE) });
    expect(decision.best?.explanation.rulesVersion).toBe(items.version);
    expect(decision.decision).toBe('auto-merge');
    await expect(matchRecord({ store, domain: 'nope', record: item('2', GLOVE) })).rejects.toMatchObject({
      code: 'MATCHING_RULES_NOT_FOUND',
    });
  });

  test('golden score is the best member score', async () => {
    await indexRecords({
      store,
      rules: items,
      entries: [
        { recordId: 'src:1', goldenId: 'g1', record: item('1', { description: 'GLOVE NITRILE', manufacturerPartNumber: 'ABC-1234' }) },
        { recordId: 'src:2', goldenId: 'g1', record: item('2', GLOVE) },
      ],
    });
    const decision = await matchRecord({ store, rules: items, record: item('3', GLOVE) });
    expect(decision.best).toMatchObject({ goldenId: 'g1', recordId: 'src:2', band: 'auto-merge' });
  });

  test('a member that vetoes the record lowers its golden record from auto-merge to review', async () => {
    // g1 already (wrongly or by a steward) holds the case-level record beside a GTIN-less each record.
    await indexRecords({
      store,
      rules: items,
      entries: [
        { recordId: 'src:each', goldenId: 'g1', record: item('each', { ...GLOVE, gtin: undefined }) },
        {
          recordId: 'src:case',
          goldenId: 'g1',
          record: item('case', { ...GLOVE, description: 'GLOVE EXAM NITRILE PF LG CS/1000', gtin: '10012345678902' }),
        },
      ],
    });
    const incoming = item('new', { ...GLOVE, gtin: '00012345678905' });
    const decision = await matchRecord({ store, rules: items, record: incoming });
    expect(decision.decision).toBe('review');
    expect(decision.goldenVetoedByMember).toBe(1);
    expect(decision.best).toMatchObject({
      goldenId: 'g1',
      recordId: 'src:each',
      band: 'review',
      vetoedByMember: { recordId: 'src:case', rule: 'packagingLevel' },
    });
  });

  test('no candidates → no-match (a new golden record)', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    const decision = await matchRecord({
      store,
      rules: items,
      record: item('2', { description: 'GOWN ISOLATION YELLOW', manufacturerPartNumber: 'ISO-2020' }),
    });
    expect(decision).toMatchObject({ decision: 'no-match', best: null, candidates: [], entriesCompared: 0 });
  });

  test('stewards’ not-a-match pairs are excluded (set of pair keys or predicate)', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    const incoming = item('2', GLOVE);
    const bySet = await matchRecord({
      store,
      rules: items,
      record: incoming,
      recordId: 'src:2',
      notAMatch: new Set([pairKey('src:2', 'g1')]),
    });
    expect(bySet).toMatchObject({ decision: 'no-match', excludedByNotAMatch: 1 });
    const byPredicate = await matchRecord({
      store,
      rules: items,
      record: incoming,
      recordId: 'src:2',
      notAMatch: (p) => p.candidateRecordId === 'src:1',
    });
    expect(byPredicate.decision).toBe('no-match');
    const without = await matchRecord({ store, rules: items, record: incoming, recordId: 'src:2' });
    expect(without.decision).toBe('auto-merge');
  });

  test('a record is not its own candidate when re-matched', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    const decision = await matchRecord({ store, rules: items, record: item('1', GLOVE), recordId: 'src:1' });
    expect(decision.decision).toBe('no-match');
  });

  test('packaging levels come back as relationships, not merges', async () => {
    await indexRecord({
      store,
      rules: items,
      recordId: 'src:1',
      goldenId: 'g1',
      record: item('1', { description: 'GLOVE EXAM NITRILE', gtin: '00012345678905' }),
    });
    const decision = await matchRecord({
      store,
      rules: items,
      record: item('2', { description: 'GLOVE EXAM NITRILE CASE', gtin: '10012345678902' }),
    });
    expect(decision.decision).toBe('no-match');
    expect(decision.relationships).toEqual([{ recordId: 'src:1', goldenId: 'g1', relationship: 'packaging-level' }]);
  });

  test('two golden records both at auto-merge are ambiguous → review', async () => {
    await indexRecord({ store, rules: items, recordId: 'src:1', goldenId: 'g1', record: item('1', GLOVE) });
    await indexRecord({ store, rules: items, recordId: 'src:2', goldenId: 'g2', record: item('2', GLOVE) });
    const decision = await matchRecord({ store, rules: items, record: item('3', GLOVE) });
    expect(decision).toMatchObject({ decision: 'review', isAmbiguous: true });
    expect(decision.candidates.map((c) => c.goldenId).sort()).toEqual(['g1', 'g2']);
    await setGoldenId({ store, domain: 'item', recordIds: ['src:2'], goldenId: 'g1' });
    const merged = await matchRecord({ store, rules: items, record: item('3', GLOVE) });
    expect(merged).toMatchObject({ decision: 'auto-merge', isAmbiguous: false });
  });

  test('block sizes count other records: an indexed record re-matched does not count itself', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      recordId: `src:${i}`,
      goldenId: `g${i}`,
      record: item(String(i), {
        description: `VALVE ${i % 2 === 0 ? 'ALPHA' : 'BETA'} MODEL-77X${i}`,
        manufacturerPartNumber: 'SHARED-9000',
      }),
    }));
    await indexRecords({ store, rules: items, entries });
    const indexed = await findCandidates({ store, rules: items, record: at(entries, 0).record, recordId: 'src:0' });
    expect(indexed.overCollision.map((o) => o.key)).not.toContain('partNumber:SHARED9000');
    expect(indexed.entriesFetched).toBe(49);
    const newcomer = await findCandidates({
      store,
      rules: items,
      record: item('new', { description: 'VALVE', manufacturerPartNumber: 'SHARED-9000' }),
    });
    expect(newcomer.overCollision).toContainEqual({ key: 'partNumber:SHARED9000', size: 50, maxBlockSize: 50 });
  });

  test('over-collision: a block above maxBlockSize is reported and its entries are never fetched', async () => {
    // 120 different items whose descriptions all carry the short number "1000" (keyed by catalogInText
    // so a part number written into a text meets its record, though a size, not a catalog number):
    // above the catalogInText (50) and description-token (100) limits. Issue 9: "1000ML" is no longer
    // read as a code at all, so the shared token is the bare number.
    const entries = Array.from({ length: 120 }, (_, i) => ({
      recordId: `src:${i}`,
      goldenId: `g${i}`,
      record: item(String(i), {
        description: `BAG DRAINAGE 1000 ML VARIANT${String.fromCharCode(65 + (i % 26))}${i}`,
        manufacturerPartNumber: `PN-${1000 + i}`,
      }),
    }));
    await indexRecords({ store, rules: items, entries });
    expect(await blockSize('catalogInText:1000')).toBe(120);
    const found = await findCandidates({ store, rules: items, record: item('x', { description: 'CANISTER SUCTION 1000 ML' }) });
    expect(found.overCollision).toContainEqual({ key: 'catalogInText:1000', size: 120, maxBlockSize: 50 });
    expect(found.overCollision).toContainEqual({ key: 'descriptionTokens:1000', size: 120, maxBlockSize: 100 });
    expect(found.entriesFetched).toBe(0);
    const decision = await matchRecord({ store, rules: items, record: item('x', { description: 'CANISTER SUCTION 1000 ML' }) });
    expect(decision.decision).toBe('no-match');
    expect(decision.overCollision.map((o) => o.key)).toContain('catalogInText:1000');
  });
});
