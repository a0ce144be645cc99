import { beforeAll, describe, expect, test } from 'vitest';
import { batchMatch, blockingKeys, loadRules } from '../../server/matching';
import type { CanonicalRecord, CompiledRules } from '../../server/matching';
import { generateItems } from '../../bench/generators/items';
import { at } from '../support/must';

let items: CompiledRules;
beforeAll(async () => {
  items = await loadRules('item');
});

const item = (id: string, fields: Record<string, unknown>): CanonicalRecord => ({ sourceId: id, ...fields });

describe('batchMatch', () => {
  test('clusters auto-merge pairs transitively, lists review pairs and packaging relationships', () => {
    const records = [
      item('a1', {
        description: 'GLOVE EXAM NITRILE LG',
        manufacturer: { name: 'Medline Industries, Inc.' },
        manufacturerPartNumber: '10-775-PA-55',
      }),
      item('a2', {
        description: 'Glove nitrile exam large',
        manufacturer: { name: 'MEDLINE INDUSTRIES' },
        manufacturerPartNumber: '10775PA55',
        gtin: '00012345678905',
      }),
      item('a3', { description: 'NITRILE GLOVE EXAM LG', gtin: '012345678905' }),
      item('b1', { description: 'SUTURE VICRYL 3-0 PS-2', manufacturer: { name: 'Ethicon Inc' }, manufacturerPartNumber: 'J497H' }),
      item('b2', { description: 'ETHICON J497H SUTURE VICRYL 3-0' }),
      item('c1', { description: 'GLOVE EXAM NITRILE LG CASE', gtin: '10012345678902' }),
      item('d1', { description: 'GOWN ISOLATION YELLOW', manufacturer: { name: 'Cardinal Health' }, manufacturerPartNumber: 'ISO-2020' }),
    ];
    const result = batchMatch({ records, rules: items });
    expect(result.clusters.map((c) => [...c].sort())).toEqual([['a1', 'a2', 'a3']]);
    // a1~a3 reach review too but end in one cluster, so they are not listed; a1 (no GTIN) ~ c1 (the case) is a text-only pair.
    expect(result.reviewPairs.map((p) => [p.a, p.b].sort().join('~'))).toEqual(['a1~c1', 'b1~b2']);
    expect(result.relationships.map((r) => [r.a, r.b].sort().join('~')).sort()).toEqual(['a2~c1', 'a3~c1']);
    expect(result.relationships.every((r) => r.relationship === 'packaging-level')).toBe(true);
    expect(result.clusterOf[1]).toBe(result.clusterOf[0]);
    expect(result.clusterOf[3]).not.toBe(result.clusterOf[0]);
  });

  test('each candidate pair is compared exactly once (brute-force check on generated data)', () => {
    const { records } = generateItems({ count: 1500, seed: 3 });
    const result = batchMatch({ records, rules: items });
    // Reference: pairs sharing at least one key that is not an over-collision block; with no
    // over-collision in a set this small and no rarest-token selection effects (count ≥ keys),
    // compute it from the rules directly.
    const keyRuleOf = (key: string) => items.keyRules.find((k) => key.startsWith(`${k.rule.name}:`));
    const blocks = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const key of blockingKeys(r, items)) blocks.set(key, [...(blocks.get(key) ?? []), i]);
    });
    // Lookup keys for nameTokens are the rule's `count` rarest tokens; reproduce that selection.
    const lookupOf = records.map((r) => {
      const keys = blockingKeys(r, items);
      const tokens = keys.filter((k) => keyRuleOf(k)?.lookup.mode === 'rarest');
      const count = Number(tokens.length > 0 ? (keyRuleOf(at(tokens, 0))?.rule.params?.count ?? 2) : 2);
      const rarest = tokens
        .map((k) => ({ k, size: (blocks.get(k)?.length ?? 1) - 1 }))
        .filter((t) => t.size > 0)
        .sort((x, y) => x.size - y.size || y.k.length - x.k.length || (x.k < y.k ? -1 : 1))
        .slice(0, count)
        .map((t) => t.k);
      return keys.filter((k) => keyRuleOf(k)?.lookup.mode === 'all').concat(rarest);
    });
    const expected = new Set<string>();
    records.forEach((_, a) => {
      for (const key of at(lookupOf, a)) {
        const members = blocks.get(key) ?? [];
        if (members.length > (keyRuleOf(key)?.rule.maxBlockSize ?? 0)) continue;
        for (const b of members) if (b !== a) expected.add(a < b ? `${a}|${b}` : `${b}|${a}`);
      }
    });
    expect(expected.size).toBeGreaterThan(100);
    expect(result.pairsCompared).toBe(expected.size);
  });

  test('a huge block is skipped as over-collision, so work stays linear', () => {
    // 3,000 different items that all share one catalog-like token and one description token.
    const records = Array.from({ length: 3000 }, (_, i) =>
      item(`x${i}`, { description: `DRAIN BAG 1000ML MODEL${i}`, manufacturerPartNumber: `PN${100000 + i}` }),
    );
    const result = batchMatch({ records, rules: items });
    expect(result.blocksSkippedOverCollision).toBeGreaterThanOrEqual(1);
    expect(result.largestSkippedBlocks[0]).toEqual({ key: expect.stringMatching(/1000ML|DRAIN|BAG/), size: 3000 });
    // Pairwise within the block would be 4.5 million comparisons.
    expect(result.pairsCompared).toBeLessThan(10_000);
    expect(result.clusters).toEqual([]);
  });

  test('not-a-match pairs are excluded and progress is reported', () => {
    const records = [
      item('p', { description: 'GLOVE', manufacturer: { name: 'Medline' }, manufacturerPartNumber: '10775PA55' }),
      item('q', { description: 'GLOVE', manufacturer: { name: 'Medline' }, manufacturerPartNumber: '10-775-PA-55' }),
    ];
    const phases: string[] = [];
    const excluded = batchMatch({
      records,
      rules: items,
      isNotAMatch: (a, b) => [a, b].sort().join() === 'p,q',
      progressEvery: 1,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(excluded.clusters).toEqual([]);
    expect(new Set(phases)).toEqual(new Set(['prepare', 'block', 'compare']));
    expect(batchMatch({ records, rules: items }).clusters).toEqual([['p', 'q']]);
  });
});
