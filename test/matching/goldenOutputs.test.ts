/**
 * The matcher's decisions, scores and explanations on the evaluation corpus and the seed are exactly
 * the recorded ones (test/fixtures/match-golden/outputs.json, written by `npm run golden:match -- --write`
 * from the code before the hot-path speed-ups of issue 9): every pair's band, levels and comparator
 * scores (digest), the strong and labelled pairs in full (probability to 1e-9, explanation digest),
 * batch clusters and review pairs, and incremental decisions through the embedded store.
 * When the rules or alias tables change on purpose, regenerate the file and say so in the commit.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeGoldenOutputs, GOLDEN_OUTPUTS_FILE, type GoldenOutputs, type GoldenPair } from '../support/matchGoldenOutputs';
import { at } from '../support/must';

const expected = JSON.parse(readFileSync(GOLDEN_OUTPUTS_FILE, 'utf8')) as GoldenOutputs;
let actual: GoldenOutputs;

beforeAll(async () => {
  actual = await computeGoldenOutputs();
}, 240_000);

/** Differences of two pair lists: missing / extra pairs, another band, hard rule or explanation, a probability off by more than 1e-9. */
function pairDifferences(want: GoldenPair[], got: GoldenPair[]): string[] {
  const key = (p: GoldenPair): string => `${p[0]} | ${p[1]}`;
  const gotByKey = new Map(got.map((p) => [key(p), p]));
  const out: string[] = [];
  for (const w of want) {
    const g = gotByKey.get(key(w));
    gotByKey.delete(key(w));
    if (!g) out.push(`${key(w)}: no longer recorded (was ${w[2]} ${w[3]})`);
    else if (g[2] !== w[2] || g[5] !== w[5] || Math.abs(g[3] - w[3]) > 1e-9 || Math.abs(g[4] - w[4]) > 1e-9 || g[6] !== w[6]) {
      out.push(`${key(w)}: ${w[2]} p=${w[3]} w=${w[4]} ${w[5]} ${w[6]} → ${g[2]} p=${g[3]} w=${g[4]} ${g[5]} ${g[6]}`);
    }
  }
  for (const g of gotByKey.values()) out.push(`${key(g)}: newly recorded ${g[2]} ${g[3]}`);
  return out;
}

describe('golden matcher outputs', () => {
  it('scores the same data sets under the same rule versions (regenerate the fixture when rules change on purpose)', () => {
    expect(actual.dataSets.map((s) => `${s.name} ${s.rulesVersion} ${s.records}`)).toEqual(
      expected.dataSets.map((s) => `${s.name} ${s.rulesVersion} ${s.records}`),
    );
  });

  it.each(expected.dataSets.map((set) => [set.name, set] as const))('%s: every pair as recorded', (name, want) => {
    const got = actual.dataSets.find((s) => s.name === name);
    expect(got).toBeDefined();
    if (!got) return;
    expect(pairDifferences(want.interesting, got.interesting).slice(0, 20)).toEqual([]);
    expect({ pairs: got.pairs, bands: got.bands, pairDigest: got.pairDigest }).toEqual({
      pairs: want.pairs,
      bands: want.bands,
      pairDigest: want.pairDigest,
    });
    expect(got.batch).toEqual(want.batch);
  });

  it.each(expected.incremental.map((run) => [run.name, run] as const))('%s: incremental decisions as recorded', (name, want) => {
    const got = actual.incremental.find((run) => run.name === name);
    expect(got?.queries.map((q) => [q[0], q[1], q[2], q[4]])).toEqual(want.queries.map((q) => [q[0], q[1], q[2], q[4]]));
    got?.queries.forEach((q, i) => expect(Math.abs((q[3] ?? 0) - (at(want.queries, i)[3] ?? 0))).toBeLessThanOrEqual(1e-9));
  });
});
