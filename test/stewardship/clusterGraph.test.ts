/**
 * The cluster graph as a fixture table (records in, clusters out) under the shipped supplier rules,
 * the rule-set validation of `clusterReview`, and the pairwise scorer the evaluation uses.
 */
import { describe, expect, test } from 'vitest';
import { compileRules, loadRules, prepareRecord, validateRules, type CompiledRules } from '../../server/matching';
import { buildClusterGraph } from '../../server/stewardship';
import { scoreGroups } from '../../scripts/evalClusters';

const rules = await loadRules('supplier');

interface Fixture {
  name: string;
  /** One golden record per entry (its source records' canonical fields). */
  members: Record<string, Array<Record<string, unknown>>>;
  notAMatch?: Array<[string, string]>;
  /** Expected clusters (member keys), order-free. */
  clusters: string[][];
  conflicts?: number;
}

const fixtures: Fixture[] = [
  {
    name: 'legal suffixes, punctuation and abbreviations of one supplier form one cluster',
    members: {
      a: [{ name: 'Medline Industries, Inc.' }],
      b: [{ name: 'MEDLINE INDUSTRIES LP' }],
      c: [{ name: 'Medline Ind.' }],
      d: [{ name: 'MEDLINE INDUSTRIES, L.L.C.' }],
      other: [{ name: 'Medtronic USA, Inc.' }],
    },
    clusters: [['a', 'b', 'c', 'd']],
  },
  {
    name: 'a DBA held as an alternate name links the trading name',
    members: { a: [{ name: 'Henry Schein, Inc.', alternateNames: ['Henry Schein Medical'] }], b: [{ name: 'HENRY SCHEIN MEDICAL' }] },
    clusters: [['a', 'b']],
  },
  {
    name: 'two tax ids never end in one cluster: the record without one joins one side only',
    members: {
      x: [{ name: 'Stryker Instruments, Inc.', taxId: '38-1239739' }],
      plain: [{ name: 'STRYKER INSTRUMENTS' }],
      y: [{ name: 'Stryker Instruments LLC', taxId: '38-2902424' }],
    },
    clusters: [['plain', 'x']],
    conflicts: 1,
  },
  {
    name: 'a conflict inside a member golden record (any of its records) splits too',
    members: {
      x: [{ name: 'Acme Surgical', taxId: '12-3456789' }, { name: 'ACME SURGICAL SUPPLY' }],
      plain: [{ name: 'Acme Surgical Inc' }],
      y: [{ name: 'ACME SURGICAL', taxId: '98-7654321' }],
    },
    clusters: [['plain', 'x']],
    conflicts: 1,
  },
  {
    name: 'a steward\'s not-a-match pair is a cannot-link',
    members: { a: [{ name: 'Zimmer Biomet, Inc.' }], b: [{ name: 'ZIMMER BIOMET' }], c: [{ name: 'Zimmer Biomet LLC' }] },
    notAMatch: [['a', 'b']],
    clusters: [['a', 'c']],
    conflicts: 1,
  },
  {
    name: 'a numbered subsidiary is not a spelling of its sibling',
    members: { a: [{ name: 'Cardinal Health 200, LLC' }], b: [{ name: 'CARDINAL HEALTH 200' }], c: [{ name: 'Cardinal Health 414, LLC' }] },
    clusters: [['a', 'b']],
  },
  {
    name: 'identifier evidence is not a cluster edge (same tax id merges or goes to a pairwise review)',
    members: { a: [{ name: 'Owens & Minor', taxId: '54-1701843' }], b: [{ name: 'O&M Distribution', taxId: '54-1701843' }] },
    clusters: [],
  },
];

function graphOf(fixture: Fixture, compiled: CompiledRules) {
  const recordId = (key: string, i: number) => `supplier|test|${key}-${i}`;
  const members = Object.entries(fixture.members).map(([key, records]) => ({
    goldenId: key,
    records: records.map((canonical, i) => ({ id: recordId(key, i), prepared: prepareRecord({ sourceId: `${key}-${i}`, ...canonical }, compiled) })),
  }));
  const pairs = new Set((fixture.notAMatch ?? []).map(([x, y]) => [recordId(x, 0), recordId(y, 0)].sort().join('~')));
  return buildClusterGraph({ members, rules: compiled, isNotAMatch: (x, y) => pairs.has([x, y].sort().join('~')) });
}

describe('buildClusterGraph', () => {
  test.each(fixtures)('$name', (fixture) => {
    const graph = graphOf(fixture, rules);
    expect(graph.clusters.map((c) => [...c].sort()).sort()).toEqual(fixture.clusters.map((c) => [...c].sort()).sort());
    expect(graph.conflicts).toHaveLength(fixture.conflicts ?? 0);
    // Every cluster is connected by the edges kept, and no kept edge crosses clusters.
    for (const cluster of graph.clusters) {
      for (const id of cluster) expect(graph.edges.some((e) => (e.a === id || e.b === id) && cluster.includes(e.a) && cluster.includes(e.b))).toBe(true);
    }
  });

  test('rules without clusterReview give no edges and no clusters', () => {
    const { clusterReview: _omitted, ...plain } = rules.rules;
    const graph = graphOf(fixtures[0], compileRules({ ...plain, version: 'supplier-no-clusters' }));
    expect(graph).toMatchObject({ edges: [], clusters: [] });
  });
});

describe('clusterReview in the rule set', () => {
  test.each([
    { change: { edgeWhen: [] }, path: 'clusterReview.edgeWhen', code: 'MIN_ITEMS' },
    { change: { edgeWhen: [{ comparator: 'name', scoreAtLeast: 2 }] }, path: 'clusterReview.edgeWhen[0].scoreAtLeast', code: 'MAXIMUM' },
    { change: { edgeWhen: [{ comparator: 'name' }], maxMembers: 1 }, path: 'clusterReview.maxMembers', code: 'MINIMUM' },
    { change: { edgeWhen: [{ comparator: 'name' }], extra: true }, path: 'clusterReview.extra', code: 'ADDITIONAL_PROPERTY' },
    { change: { edgeWhen: [{ comparator: 'nickname', outcome: 'match' }] }, path: 'clusterReview.edgeWhen[0].comparator', code: 'UNKNOWN_COMPARATOR' },
  ])('$code at $path', ({ change, path, code }) => {
    const problems = validateRules({ ...rules.rules, clusterReview: change });
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toContainEqual({ path, code });
  });

  test('the shipped supplier rules are valid with it', () => {
    expect(validateRules(rules.rules)).toEqual([]);
    expect(rules.rules.clusterReview?.edgeWhen.length).toBeGreaterThan(0);
  });
});

describe('scoreGroups', () => {
  const entityOf = new Map([['r1', 'A'], ['r2', 'A'], ['r3', 'A'], ['r4', 'B'], ['r5', 'B'], ['r6', 'C']]);
  test.each([
    { groups: [], tp: 0, fp: 0, fn: 4 },
    { groups: [['r1', 'r2', 'r3'], ['r4', 'r5']], tp: 4, fp: 0, fn: 0 },
    { groups: [['r1', 'r2'], ['r2', 'r1'], ['r3', 'r4']], tp: 1, fp: 1, fn: 3 },
    { groups: [['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'unlabelled']], tp: 4, fp: 11, fn: 0 },
  ])('$groups → TP $tp FP $fp FN $fn', ({ groups, tp, fp, fn }) => {
    expect(scoreGroups({ groups, entityOf })).toMatchObject({ truePositives: tp, falsePositives: fp, falseNegatives: fn });
  });
});
