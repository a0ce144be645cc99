/** The retry schedule: about three days of retries, each delay jittered ±20 %, then parking. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_MS, jitteredDelayMs } from '../../server/sync/dispatcher';

const HOUR = 3600 * 1000;

describe('retry schedule', () => {
  test('the default retries span about three days', () => {
    const total = DEFAULT_RETRY_SCHEDULE_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(60 * HOUR);
    expect(total).toBeLessThan(84 * HOUR);
    // Growing delays (exponential at first, then capped at 20 h).
    expect([...DEFAULT_RETRY_SCHEDULE_MS].sort((a, b) => a - b)).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
  });

  test.each([
    { schedule: [1000, 60_000], attempts: 1, random: 0, delay: 800 },
    { schedule: [1000, 60_000], attempts: 1, random: 0.5, delay: 1000 },
    { schedule: [1000, 60_000], attempts: 1, random: 1, delay: 1200 },
    { schedule: [1000, 60_000], attempts: 2, random: 0.25, delay: 54_000 },
    { schedule: [1000, 60_000], attempts: 3, random: 0.5, delay: undefined },
    { schedule: DEFAULT_RETRY_SCHEDULE_MS, attempts: 1, random: 0, delay: 4000 },
    { schedule: DEFAULT_RETRY_SCHEDULE_MS, attempts: 9, random: 1, delay: 24 * HOUR },
    { schedule: DEFAULT_RETRY_SCHEDULE_MS, attempts: 10, random: 0.5, delay: undefined },
  ])('after $attempts failed attempt(s), random $random → $delay ms', ({ schedule, attempts, random, delay }) => {
    expect(jitteredDelayMs({ schedule, attempts, random })).toBe(delay);
  });
});
