import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_HEAP_GROWING_PERCENT, loadConfig } from '../../server/config';

const run = promisify(execFile);

/** Runs the bulk-load-like child with MDM_HEAP_GROWING_PERCENT set: its highest heap total and its live heap (MiB). */
async function heapOfChild(percent: string): Promise<{ peakTotal: number; liveHeap: number }> {
  const child = join(import.meta.dirname, 'fixtures', 'heapGrowthChild.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', child], {
    env: { ...process.env, MDM_HEAP_GROWING_PERCENT: percent },
  });
  return JSON.parse(stdout) as { peakTotal: number; liveHeap: number };
}

describe('MDM_HEAP_GROWING_PERCENT', () => {
  test.each([
    { raw: undefined, expected: DEFAULT_HEAP_GROWING_PERCENT },
    { raw: '', expected: DEFAULT_HEAP_GROWING_PERCENT },
    { raw: '0', expected: 0 },
    { raw: '300', expected: 300 },
    { raw: '-5', problem: /MDM_HEAP_GROWING_PERCENT must be a whole number from 0 to 300, got "-5"/ },
    { raw: '301', problem: /MDM_HEAP_GROWING_PERCENT must be a whole number from 0 to 300/ },
    { raw: '1.5', problem: /MDM_HEAP_GROWING_PERCENT must be a whole number from 0 to 300/ },
    { raw: 'small', problem: /MDM_HEAP_GROWING_PERCENT must be a whole number from 0 to 300/ },
  ])('$raw', ({ raw, expected, problem }) => {
    if (expected !== undefined) {
      expect(loadConfig({ MDM_HEAP_GROWING_PERCENT: raw }).heapGrowingPercent).toBe(expected);
      return;
    }
    expect(() => loadConfig({ MDM_HEAP_GROWING_PERCENT: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ MDM_HEAP_GROWING_PERCENT: raw })).toThrow(problem);
  });

  // Two processes doing the same work (a live set, then promoted garbage, as a bulk load does): with V8's adaptive
  // factor the heap grew to ~4.2–4.8× the live heap on this machine, with 25 % to ~2× (the live set plus one garbage batch).
  test('bounds how far the heap grows past the live heap', { timeout: 240_000 }, async () => {
    const [adaptive, bounded] = await Promise.all([heapOfChild('0'), heapOfChild('25')]);
    expect(bounded.liveHeap).toBeGreaterThan(60);
    expect(bounded.peakTotal).toBeLessThan(bounded.liveHeap * 2.5);
    expect(adaptive.peakTotal).toBeGreaterThan(bounded.peakTotal * 1.5);
  });
});
