/**
 * Term-frequency-aware token similarity: rare tokens decide, common ones do not; frequencies kept
 * per domain in the store and updated on every index / re-index / removal; the batch matcher counts
 * them from its records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import { batchMatch, compileRules, ensureMatchIndexes, indexRecords, matchRecord, removeFromIndex, scorePair } from '../../server/matching';
import type { CanonicalRecord, CompiledRules, RuleSet } from '../../server/matching';
import { weightedTokenSetSimilarity, tokenSetSimilarity } from '../../server/matching/similarity';
import { countTerms, idfWeight, loadTermWeights, TERM_STATS, termWeightsOf } from '../../server/matching/termStats';
import { prepareRecord } from '../../server/matching/scoring';
import { at } from '../support/must';

/** A product-title domain: one idf-weighted token set, blocked on its tokens. */
function titleRules(weighting: 'idf' | 'uniform'): CompiledRules {
  const rules: RuleSet = {
    domain: 'item',
    version: `titles-${weighting}`,
    blocking: [{ name: 'tokens', type: 'nameTokens', fields: ['description'], params: { count: 3, minLength: 3 }, maxBlockSize: 1000 }],
    comparators: [{ name: 'title', type: 'tokenSet', fields: ['description'], weight: 1, params: { weighting } }],
    hardRules: [],
    thresholds: { autoMerge: 0.8, review: 0.5 },
  };
  return compileRules(rules);
}

const title = (id: string, description: string): CanonicalRecord => ({ sourceId: id, description });

/** A catalogue where MICROSOFT, 2002, DELUXE and EDITION are everywhere and product names are rare. */
function catalogue(): CanonicalRecord[] {
  const products = ['WORD', 'EXCEL', 'ACCESS', 'OUTLOOK', 'VISIO', 'PROJECT', 'ENCARTA', 'MONEY', 'STREETS', 'FLIGHT'];
  return products.flatMap((p, i) => [title(`c${i}`, `MICROSOFT ${p} 2002 DELUXE EDITION`), title(`d${i}`, `MICROSOFT ${p} 2002`)]);
}

describe('weighted token-set similarity', () => {
  test.each([
    { a: ['A', 'B'], b: ['A', 'B'], weights: { A: 1, B: 5 }, output: 1 },
    { a: ['A', 'C'], b: ['A', 'D'], weights: { A: 1, C: 5, D: 5 }, output: 1 / 6 },
    { a: ['A', 'C'], b: ['A', 'D'], weights: { A: 5, C: 1, D: 1 }, output: 5 / 6 },
    { a: ['A'], b: ['A', 'B'], weights: { A: 1, B: 1 }, output: 0.75 },
    { a: [], b: ['A'], weights: { A: 1 }, output: 0 },
  ])('$a vs $b with $weights → $output', ({ a, b, weights, output }) => {
    const weightOf = (t: string): number => (weights as Partial<Record<string, number>>)[t] ?? 1;
    expect(weightedTokenSetSimilarity(a, b, weightOf)).toBeCloseTo(output, 6);
    expect(weightedTokenSetSimilarity(b, a, weightOf)).toBeCloseTo(output, 6);
  });

  test('uniform weights give the plain token-set similarity', () => {
    const a = ['EXAM', 'GLOVE', 'LG', 'NITRILE'];
    const b = ['EXAM', 'GLOVE', 'NITRILE', 'SM'];
    expect(weightedTokenSetSimilarity(a, b, () => 1)).toBeCloseTo(tokenSetSimilarity(a, b), 10);
  });
});

describe('idf weighting decides on rare tokens', () => {
  test('FRONTPAGE vs PUBLISHER decides; MICROSOFT, 2002, DELUXE do not', () => {
    const records = [...catalogue(), title('f', 'MICROSOFT FRONTPAGE 2002 DELUXE'), title('p', 'MICROSOFT PUBLISHER 2002 DELUXE')];
    const idf = titleRules('idf');
    const context = termWeightsOf(
      countTerms(
        records.map((r) => prepareRecord(r, idf)),
        idf,
      ),
    );
    const weighted = scorePair({ a: records.at(-2) as CanonicalRecord, b: records.at(-1) as CanonicalRecord, rules: idf, context });
    const uniform = scorePair({ a: records.at(-2) as CanonicalRecord, b: records.at(-1) as CanonicalRecord, rules: titleRules('uniform') });
    expect(at(uniform.comparators, 0).score).toBeCloseTo(0.75, 4);
    expect(at(weighted.comparators, 0).score).toBeLessThan(0.45);
    // The same title with and without the common words stays close.
    const sameProduct = scorePair({
      a: title('x', 'MICROSOFT VISIO 2002 DELUXE EDITION'),
      b: title('y', 'VISIO 2002'),
      rules: idf,
      context,
    });
    const sameUniform = scorePair({
      a: title('x', 'MICROSOFT VISIO 2002 DELUXE EDITION'),
      b: title('y', 'VISIO 2002'),
      rules: titleRules('uniform'),
    });
    expect(at(sameProduct.comparators, 0).score).toBeGreaterThan(at(sameUniform.comparators, 0).score ?? 1);
  });

  test('without known frequencies idf compares like uniform (a pair scored outside any domain)', () => {
    const a = title('a', 'MICROSOFT FRONTPAGE 2002');
    const b = title('b', 'MICROSOFT PUBLISHER 2002');
    expect(at(scorePair({ a, b, rules: titleRules('idf') }).comparators, 0).score).toBeCloseTo(
      at(scorePair({ a, b, rules: titleRules('uniform') }).comparators, 0).score ?? -1,
      6,
    );
  });

  test('batchMatch counts frequencies over its records: the two editions of one product pair up, different products do not', () => {
    const records = [...catalogue(), title('f', 'MICROSOFT FRONTPAGE 2002 DELUXE'), title('p', 'MICROSOFT PUBLISHER 2002 DELUXE')];
    const idf = batchMatch({ records, rules: titleRules('idf') });
    const uniform = batchMatch({ records, rules: titleRules('uniform') });
    const together = (result: ReturnType<typeof batchMatch>, x: string, y: string) =>
      result.clusters.some((c) => c.includes(x) && c.includes(y));
    expect(together(uniform, 'f', 'p')).toBe(false);
    expect(uniform.reviewPairs.some((p) => [p.a, p.b].sort().join() === 'f,p')).toBe(true);
    expect(idf.reviewPairs.some((p) => [p.a, p.b].sort().join() === 'f,p')).toBe(false);
    expect(together(idf, 'c3', 'd3')).toBe(true);
  });
});

describe('frequencies in the store', () => {
  let store: Store;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'term-stats-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sizeOf = async (id: string): Promise<number | undefined> =>
    (await store.collection<{ _id: string; size: number }>(TERM_STATS).findOne({ _id: id }))?.size;

  test('indexing, re-indexing and removal keep token counts and the record count current', async () => {
    const rules = titleRules('idf');
    await indexRecords({
      store,
      rules,
      entries: catalogue().map((record) => ({ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record })),
    });
    expect(await sizeOf('item|title|')).toBe(20);
    expect(await sizeOf('item|title|MICROSOFT')).toBe(20);
    expect(await sizeOf('item|title|DELUXE')).toBe(10);
    expect(await sizeOf('item|title|VISIO')).toBe(2);
    // Read once (counts are cached per store), then changed: the cache must not hide the change.
    const query = [prepareRecord(title('q', 'MICROSOFT VISIO'), rules)];
    expect((await loadTermWeights({ store, compiled: rules, prepared: query }))?.termWeights?.get('title')?.('VISIO')).toBeCloseTo(
      idfWeight(20, 2),
      6,
    );
    // Re-indexing a record with new text (c0 was WORD) moves its counts, never double counts.
    await indexRecords({
      store,
      rules,
      entries: [{ recordId: 'c0', goldenId: 'g-c0', record: title('c0', 'MICROSOFT VISIO PROFESSIONAL') }],
    });
    expect(await sizeOf('item|title|')).toBe(20);
    expect(await sizeOf('item|title|VISIO')).toBe(3);
    expect(await sizeOf('item|title|DELUXE')).toBe(9);
    expect(await sizeOf('item|title|PROFESSIONAL')).toBe(1);
    expect(await sizeOf('item|title|WORD')).toBe(1);
    await removeFromIndex({ store, domain: 'item', recordId: 'c0' });
    expect(await sizeOf('item|title|')).toBe(19);
    expect(await sizeOf('item|title|PROFESSIONAL')).toBeUndefined();
    expect(await sizeOf('item|title|VISIO')).toBe(2);

    const context = await loadTermWeights({ store, compiled: rules, prepared: query });
    const weightOf = context?.termWeights?.get('title');
    expect(weightOf?.('MICROSOFT')).toBeCloseTo(idfWeight(19, 19), 6);
    expect(weightOf?.('VISIO')).toBeCloseTo(idfWeight(19, 2), 6);
    expect(weightOf?.('NEVERSEEN')).toBeCloseTo(idfWeight(19, 1), 6);
  });

  test('matchRecord scores with the stored frequencies', async () => {
    const rules = titleRules('idf');
    const records = [...catalogue(), title('p', 'MICROSOFT PUBLISHER 2002 DELUXE')];
    await indexRecords({
      store,
      rules,
      entries: records.map((record) => ({ recordId: record.sourceId, goldenId: `g-${record.sourceId}`, record })),
    });
    const decision = await matchRecord({ store, rules, record: title('f', 'MICROSOFT FRONTPAGE 2002 DELUXE'), recordId: 'f' });
    expect(decision.decision).toBe('no-match');
    const uniformDecision = await matchRecord({
      store,
      rules: titleRules('uniform'),
      record: title('f', 'MICROSOFT FRONTPAGE 2002 DELUXE'),
      recordId: 'f',
    });
    expect(uniformDecision.decision).not.toBe('no-match');
  });
});
