import { describe, expect, test } from 'vitest';
import { clusterPairs } from '../../server/matching/clustering';
import { batchMatch, loadRules } from '../../server/matching';

const groups = (rootOf: Int32Array): number[][] => {
  const byRoot = new Map<number, number[]>();
  rootOf.forEach((root, r) => byRoot.set(root, [...(byRoot.get(root) ?? []), r]));
  return [...byRoot.values()].filter((g) => g.length > 1);
};

describe('clusterPairs (fixture table)', () => {
  test.each<{
    title: string;
    merges: Array<[number, number, number]>;
    cannot: Array<[number, number]>;
    clusters: number[][];
    blocked: number;
  }>([
    {
      title: 'plain transitive closure',
      merges: [
        [0, 1, 0.9],
        [1, 2, 0.9],
      ],
      cannot: [],
      clusters: [[0, 1, 2]],
      blocked: 0,
    },
    {
      title: 'a veto between the ends keeps the stronger pair',
      merges: [
        [0, 1, 0.86],
        [1, 2, 0.95],
      ],
      cannot: [[0, 2]],
      clusters: [[1, 2]],
      blocked: 1,
    },
    {
      title: 'a veto between the ends, other order of strength',
      merges: [
        [0, 1, 0.95],
        [1, 2, 0.86],
      ],
      cannot: [[0, 2]],
      clusters: [[0, 1]],
      blocked: 1,
    },
    {
      title: 'veto across merged clusters of two',
      merges: [
        [0, 1, 0.9],
        [2, 3, 0.9],
        [1, 2, 0.85],
      ],
      cannot: [[0, 3]],
      clusters: [
        [0, 1],
        [2, 3],
      ],
      blocked: 1,
    },
    { title: 'an unrelated veto changes nothing', merges: [[0, 1, 0.9]], cannot: [[2, 3]], clusters: [[0, 1]], blocked: 0 },
  ])('$title', ({ merges, cannot, clusters, blocked }) => {
    const result = clusterPairs({
      total: 4,
      merges: { a: merges.map((m) => m[0]), b: merges.map((m) => m[1]), score: merges.map((m) => m[2]) },
      cannotLinks: { a: cannot.map((c) => c[0]), b: cannot.map((c) => c[1]) },
    });
    expect(groups(result.rootOf)).toEqual(clusters);
    expect(result.blocked).toHaveLength(blocked);
  });
});

describe('batchMatch with cannot-links', () => {
  test('two subsidiaries with different EINs are not chained together through a record without one', async () => {
    const rules = await loadRules('supplier');
    const address = [{ line1: '7000 Cardinal Pl', city: 'Dublin', state: 'OH', postalCode: '43017' }];
    const records = [
      { sourceId: 'parent', name: 'Cardinal Health', taxId: '31-0958666', phone: '614-757-5000', addresses: address },
      { sourceId: 'no-ein', name: 'CARDINAL HEALTH INC', phone: '6147575000', addresses: address },
      // supplier-3.2.0 never auto-merges similar names without a common identifier (Cardinal Health 414 would only
      // be reviewed), so the chain is attempted with an entity of the very same name and another EIN.
      { sourceId: 'child', name: 'Cardinal Health, Inc.', taxId: '31-1234567', phone: '614 757 5000', addresses: address },
    ];
    const result = batchMatch({ records, rules });
    expect(result.clusters.flat()).not.toEqual(expect.arrayContaining(['parent', 'child']));
    expect(result.clusters).toHaveLength(1);
    expect(result.mergesBlockedByCannotLink).toBe(1);
    expect(result.reviewPairs.length).toBeGreaterThanOrEqual(1);
  });
});
