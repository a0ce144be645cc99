/**
 * Term counts held in memory per domain (termStats.ts): read once, changed by this process's own
 * index writes without a read, dropped when the domain's version shows another writer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Collection, Document, Store } from '../../server/store/types';
import { BLOCK_STATS, compileRules, ensureMatchIndexes, indexRecords, matchRecord, removeFromIndex } from '../../server/matching';
import type { CanonicalRecord, CompiledRules } from '../../server/matching';
import { prepareRecord } from '../../server/matching/scoring';
import { idfWeight, loadTermWeights, TERM_STATS, termStatsVersionId } from '../../server/matching/termStats';

const rules: CompiledRules = compileRules({
  domain: 'item',
  version: 'titles-idf',
  blocking: [{ name: 'tokens', type: 'nameTokens', fields: ['description'], params: { count: 3, minLength: 3 }, maxBlockSize: 1000 }],
  comparators: [{ name: 'title', type: 'tokenSet', fields: ['description'], weight: 1, params: { weighting: 'idf' } }],
  hardRules: [],
  thresholds: { autoMerge: 0.8, review: 0.5 },
});

const title = (id: string, description: string): CanonicalRecord => ({ sourceId: id, description });
const products = ['WORD', 'EXCEL', 'ACCESS', 'OUTLOOK', 'VISIO', 'PROJECT', 'ENCARTA', 'MONEY', 'STREETS', 'FLIGHT'];
const catalogue = (): CanonicalRecord[] => products.map((p, i) => title(`c${i}`, `MICROSOFT ${p} 2002 DELUXE EDITION`));

describe('term counts held in memory', () => {
  let store: Store;
  let dataDir: string;
  /** Reads of the term-stats collection since the last reset. */
  let termStatsReads = 0;
  /** The store's own `collection`, before the spy. */
  let collectionOf: Store['collection'];

  /** Opens the store of `dataDir` and counts its term-stats reads. */
  const openCounted = async (): Promise<void> => {
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    collectionOf = store.collection.bind(store);
    vi.spyOn(store, 'collection').mockImplementation(<T extends Document>(name: string): Collection<T> => {
      const collection = collectionOf<T>(name);
      if (name !== TERM_STATS) return collection;
      return {
        ...collection,
        name: collection.name,
        find: (...args: Parameters<Collection<T>['find']>) => {
          termStatsReads++;
          return collection.find(...args);
        },
        findOne: (...args: Parameters<Collection<T>['findOne']>) => {
          termStatsReads++;
          return collection.findOne(...args);
        },
        updateMany: collection.updateMany.bind(collection),
        insertMany: collection.insertMany.bind(collection),
        deleteMany: collection.deleteMany.bind(collection),
      } as Collection<T>;
    });
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'held-terms-'));
    await openCounted();
    await ensureMatchIndexes(store);
    await indexRecords({
      store,
      rules,
      entries: catalogue().map((record) => ({ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record })),
    });
    termStatsReads = 0;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const weightsOf = async (description: string) => {
    const context = await loadTermWeights({ store, compiled: rules, prepared: [prepareRecord(title('q', description), rules)] });
    const weightOf = context?.termWeights?.get('title');
    if (!weightOf) throw new Error('no title weights');
    return weightOf;
  };

  test('a domain this process indexed from empty is held from its own writes: matching reads no term stats', async () => {
    const decision = await matchRecord({ store, rules, record: title('q1', 'MICROSOFT VISIO 2002') });
    expect(decision.entriesCompared).toBeGreaterThan(0);
    expect(termStatsReads).toBe(0);
    expect((await weightsOf('VISIO'))('VISIO')).toBeCloseTo(idfWeight(10, 1), 12);
    expect((await weightsOf('DELUXE'))('DELUXE')).toBeCloseTo(idfWeight(10, 10), 12);
    expect(termStatsReads).toBe(0);
  });

  test('after a restart: read once per domain (its writes alone do not make the counts held); a later match with other tokens reads none', async () => {
    vi.restoreAllMocks();
    await store.close();
    await openCounted();
    // The domain already has term stats: this write does not start held counts.
    await indexRecords({ store, rules, entries: [{ recordId: 'v2', goldenId: 'g-v2', record: title('v2', 'MICROSOFT VISIO FRONTPAGE') }] });
    termStatsReads = 0;
    await matchRecord({ store, rules, record: title('q1', 'MICROSOFT VISIO 2002') });
    expect(termStatsReads).toBe(1);
    termStatsReads = 0;
    const decision = await matchRecord({ store, rules, record: title('q2', 'MICROSOFT EXCEL 2002 DELUXE NEVERSEEN') });
    expect(decision.entriesCompared).toBeGreaterThan(0);
    expect(termStatsReads).toBe(0);
    expect((await weightsOf('VISIO'))('VISIO')).toBeCloseTo(idfWeight(11, 2), 12);
  });

  test('this process’s indexing and removal change the held counts without a read', async () => {
    expect((await weightsOf('VISIO'))('VISIO')).toBeCloseTo(idfWeight(10, 1), 12);
    termStatsReads = 0;
    await indexRecords({ store, rules, entries: [{ recordId: 'v2', goldenId: 'g-v2', record: title('v2', 'MICROSOFT VISIO FRONTPAGE') }] });
    await indexRecords({ store, rules, entries: [{ recordId: 'c0', goldenId: 'g-c0', record: title('c0', 'MICROSOFT WORD 2007') }] });
    await removeFromIndex({ store, domain: 'item', recordId: 'c1' });
    const readsByWrites = termStatsReads;
    const weightOf = await weightsOf('VISIO FRONTPAGE WORD 2007 EXCEL DELUXE');
    // The weights were served from held counts (the writes' own reads of existing ids aside).
    expect(termStatsReads).toBe(readsByWrites);
    const stored = async (token: string) =>
      (await store.collection<{ _id: string; size: number }>(TERM_STATS).findOne({ _id: `item|title|${token}` }))?.size ?? 0;
    const documents = await stored('');
    expect(documents).toBe(10);
    for (const [token, frequency] of [
      ['VISIO', 2],
      ['FRONTPAGE', 1],
      ['WORD', 1],
      ['2007', 1],
      ['EXCEL', 0],
      ['DELUXE', 8],
    ] as const) {
      expect(await stored(token)).toBe(frequency);
      expect(weightOf(token)).toBeCloseTo(idfWeight(documents, frequency), 12);
    }
  });

  test('another writer’s change is seen: the domain version moved, so the held counts are dropped', async () => {
    expect((await weightsOf('VISIO'))('VISIO')).toBeCloseTo(idfWeight(10, 1), 12);
    // What another server's index write does: change counts, then set a fresh version.
    await store.collection(TERM_STATS).updateMany({ _id: 'item|title|VISIO' }, { $inc: { size: 4 } });
    await store.collection(BLOCK_STATS).updateOne({ _id: termStatsVersionId('item') }, { $set: { version: 'another-server' } });
    expect((await weightsOf('VISIO'))('VISIO')).toBeCloseTo(idfWeight(10, 5), 12);
    const decision = await matchRecord({ store, rules, record: title('q', 'MICROSOFT VISIO 2002 DELUXE EDITION') });
    expect(decision.best?.explanation.comparators[0]?.score).toBeDefined();
  });

  test('a failed write drops the held counts', async () => {
    await weightsOf('VISIO');
    vi.spyOn(store, 'collection').mockImplementation(<T extends Document>(name: string): Collection<T> => {
      const collection = collectionOf<T>(name);
      if (name !== TERM_STATS) return collection;
      return {
        ...collection,
        updateMany: () => Promise.reject(new Error('store down')),
        find: collection.find.bind(collection),
      } as Collection<T>;
    });
    await expect(
      indexRecords({ store, rules, entries: [{ recordId: 'c4', goldenId: 'g-c4', record: title('c4', 'MICROSOFT VISIO 2010') }] }),
    ).rejects.toThrow('store down');
    vi.restoreAllMocks();
    // The counts as stored (the failed write changed nothing in termStats) are read again.
    const weightOf = await weightsOf('VISIO OUTLOOK');
    expect(weightOf('OUTLOOK')).toBeCloseTo(idfWeight(10, 1), 12);
  });
});
