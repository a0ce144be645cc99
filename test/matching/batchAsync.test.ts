/** The cooperative batch matcher gives exactly the synchronous matcher's result, pausing as asked. */
import { beforeAll, describe, expect, test } from 'vitest';
import { batchMatch, batchMatchAsync, loadRules } from '../../server/matching';
import type { CompiledRules } from '../../server/matching';
import type { BatchProgress } from '../../server/matching/batch';
import { generateItems } from '../../bench/generators/items';

let items: CompiledRules;
beforeAll(async () => {
  items = await loadRules('item');
});

describe('batchMatchAsync', () => {
  const cases = [
    { name: 'pauses every 7 units', yieldEvery: 7, notAMatch: false },
    { name: 'pauses every 500 units, with not-a-match pairs', yieldEvery: 500, notAMatch: true },
    { name: 'default pause interval', yieldEvery: undefined, notAMatch: false },
  ];
  test.each(cases)('same result as batchMatch: $name', async ({ yieldEvery, notAMatch }) => {
    const { records } = generateItems({ count: 1500, seed: 11 });
    // Every third record's first pair partner is excluded, so cannot-links and blocked merges are exercised.
    const isNotAMatch = notAMatch ? (a: string, b: string) => (a.length + b.length) % 3 === 0 : undefined;
    const sync = batchMatch({ records, rules: items, isNotAMatch });
    const pauses: BatchProgress[] = [];
    const cooperative = await batchMatchAsync({ records, rules: items, isNotAMatch, yieldEvery, onYield: (p) => void pauses.push(p) });
    // Token weights are closures: compare them by their names and values, everything else as data.
    const { context: asyncContext, ...asyncRest } = cooperative;
    const { context: syncContext, ...syncRest } = sync;
    expect(asyncRest).toEqual(syncRest);
    const weights = (context: typeof sync.context) =>
      [...(context?.termWeights ?? new Map())].map(([name, weightOf]) => [name, ['glove', 'nitrile', 'suture', 'zz-none'].map(weightOf)]);
    expect(weights(asyncContext)).toEqual(weights(syncContext));
    expect([...cooperative.clusterOf]).toEqual([...sync.clusterOf]);
    expect(sync.pairsCompared).toBeGreaterThan(0);
    // Work units: one per record prepared, one per record looked up (a pause every `every` units exactly),
    // then one per anchor plus its pairs compared (a pause after the anchor that crosses the mark).
    const every = yieldEvery ?? 2_000;
    const units = 3 * records.length + sync.pairsCompared;
    expect(pauses.filter((p) => p.phase !== 'compare').length).toBe(Math.floor((2 * records.length) / every));
    const comparePauses = pauses.filter((p) => p.phase === 'compare').length;
    expect(comparePauses).toBeGreaterThan(0);
    expect(comparePauses).toBeLessThanOrEqual(Math.ceil(units / every));
    if (yieldEvery === 7) expect(new Set(pauses.map((p) => p.phase))).toEqual(new Set(['prepare', 'block', 'compare']));
  });

  test('an onYield that throws stops the match with that error', async () => {
    const { records } = generateItems({ count: 500, seed: 5 });
    let pauses = 0;
    const stopped = batchMatchAsync({
      records,
      rules: items,
      yieldEvery: 100,
      onYield: () => {
        if (++pauses === 3) throw new Error('lease lost');
      },
    });
    await expect(stopped).rejects.toThrow('lease lost');
    expect(pauses).toBe(3);
  });
});
