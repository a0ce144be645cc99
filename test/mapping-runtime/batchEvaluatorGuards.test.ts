/**
 * The worker's per-record guards (batchEvaluator.ts): with the string guard's exit hook installed, the per-record time
 * limit is read from the clock every few dozen nodes inside that hook instead of by jsonata's `timeout` option at every
 * node. The outcome of a record that runs out of time must be the one jsonata's own option gives; records within the
 * limits must map exactly as before.
 */
import { describe, expect, test } from 'vitest';
import { createBatchEvaluator } from '../../server/mapping-runtime/batchEvaluator';
import { DEFAULT_LIMITS, type RuntimeLimits } from '../../server/mapping-runtime/types';
import type { WireOutcome } from '../../server/mapping-runtime/protocol';

async function evaluate(limits: Partial<RuntimeLimits>, expression: string, records: unknown[]): Promise<WireOutcome[]> {
  const evaluator = await createBatchEvaluator({
    limits: { ...DEFAULT_LIMITS, ...limits },
    onRecordStart: () => undefined,
    onRecordEnd: () => undefined,
  });
  return evaluator.evaluate({ type: 'batch', jobId: 1, cacheKey: expression, expression, records, lookups: {}, bindings: {} });
}

function withoutDuration(outcome: WireOutcome | undefined): unknown {
  if (!outcome) return outcome;
  const { durationMs: _durationMs, ...rest } = outcome;
  return rest;
}

describe('the per-record time limit read in the exit hook', () => {
  // An endless tail call (a loop in jsonata), a busy $map and a long string fold: three shapes of runaway mapping.
  const runaways = [
    '($f := function($n){ $f($n + 1) }; $f(0))',
    '$count([1..900000] ~> $map(function($v){ $v * 2 }))',
    '$reduce([1..900000], function($a, $v){ $a + $v }, 0)',
  ];

  test.each(runaways)('%s fails with the same outcome as jsonata’s own timeout option', async (expression) => {
    const hooked = await evaluate({ timeoutMs: 50 }, expression, [{}]);
    // maxStringLength 0: no exit hook, so jsonata's `timeout` option keeps the limit (the code before session 25).
    const native = await evaluate({ timeoutMs: 50, maxStringLength: 0 }, expression, [{}]);
    expect(hooked[0]?.ok).toBe(false);
    expect(withoutDuration(hooked[0])).toMatchObject({ ok: false, error: { code: 'MAPPING_TIMEOUT', jsonataCode: 'D1012' } });
    const error = (outcome: WireOutcome | undefined) =>
      outcome && !outcome.ok ? { code: outcome.error.code, message: outcome.error.message } : outcome;
    expect(error(hooked[0])).toEqual(error(native[0]));
    expect((hooked[0] as WireOutcome).durationMs).toBeGreaterThanOrEqual(50);
  });

  test('each record has its own clock: records after a slow one are not charged for it', async () => {
    const expression = 'slow ? $count([1..900000] ~> $map(function($v){ $v * 2 })) : $uppercase(name)';
    const outcomes = await evaluate({ timeoutMs: 50 }, expression, [{ slow: true }, { name: 'a' }, { name: 'b' }]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.json : outcome.error.code))).toEqual(['MAPPING_TIMEOUT', '"A"', '"B"']);
  });

  test('records within the limits map the same with and without the hook', async () => {
    const expression = `{ "id": $string(id), "name": $uppercase(name), "tags": tags.$lowercase($), "total": $sum(lines.(qty * price)),
      "long": $pad(name, 12, "-"), "joined": $join(tags, "|") }`;
    const records = Array.from({ length: 50 }, (_, index) => ({
      id: index,
      name: `item ${index}`,
      tags: ['A', `T${index % 7}`],
      lines: [
        { qty: index, price: 1.5 },
        { qty: 2, price: index },
      ],
    }));
    const hooked = await evaluate({}, expression, records);
    const native = await evaluate({ maxStringLength: 0 }, expression, records);
    expect(hooked.map(withoutDuration)).toEqual(native.map(withoutDuration));
    expect(hooked.every((outcome) => outcome.ok)).toBe(true);
  });

  test('the string limit still fails a string built past it', async () => {
    const outcomes = await evaluate({ maxStringLength: 1000 }, '($f := function($s){ $length($s) > 5000 ? $s : $f($s & $s) }; $f("ab"))', [
      {},
    ]);
    expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'MAPPING_MEMORY_EXCEEDED' } });
  });
});
