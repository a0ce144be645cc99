/**
 * Waits for the wall clock instead of sleeping a guessed number of milliseconds: records are versioned
 * by time (history, as-of reads), so a test that needs two writes in distinct milliseconds waits until
 * the clock has passed the first one.
 */

/** Resolves once `Date.now()` is past `iso`; throws if the clock has not moved within `deadlineMs`. */
export async function clockPast(iso: string, deadlineMs = 10_000): Promise<void> {
  const target = Date.parse(iso);
  if (Number.isNaN(target)) throw new Error(`clockPast: "${iso}" is not a timestamp`);
  const deadline = Date.now() + deadlineMs;
  while (Date.now() <= target) {
    if (Date.now() > deadline) throw new Error(`the clock did not pass ${iso} within ${deadlineMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
