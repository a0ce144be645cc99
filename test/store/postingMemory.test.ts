/**
 * A retention property of index postings (server/store/embedded/postings.ts): a large posting (a common term's, up to
 * ~49k documents) holds ~9–10 bytes a document with its 16-bit slot table (13.5 with the 32-bit one it replaced), and
 * a small posting (2…256 documents) ~4 bytes a document plus a small header — exactly sized, whether it
 * was built by adds, shrunk by removals (no removed string or slice of one kept alive) or restored from an image. The
 * plain arrays they replaced held 8 bytes an entry plus V8's `push` growth slack: 13.2 / 16.0 / 17.6 bytes an entry in
 * the three phases on this machine, against 4.4–4.6 / 5.0–5.3 / 5.0–5.3 now. Measured in a child process with forced
 * full GCs in fresh tasks and bytecode flushing off, so the figure is the live heap, not garbage or freed code.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('small index postings', () => {
  it(
    'hold about four bytes a document when small (built by adds, after removals, restored) and under 11.5 when large',
    { timeout: 120_000 },
    async () => {
      const child = join(import.meta.dirname, 'fixtures', 'postingMemoryChild.ts');
      const { stdout } = await run(process.execPath, ['--expose-gc', '--no-flush-bytecode', '--import', 'tsx', child]);
      const figures = JSON.parse(stdout) as {
        largeEntries: number;
        largePerEntry: number;
        entries: number;
        kept: number;
        builtPerEntry: number;
        removedPerEntry: number;
        restoredPerEntry: number;
      };
      expect(figures.entries).toBeGreaterThan(600_000);
      // 4 bytes a document plus a 16-byte header per posting (~32 entries on average here, ~16 after removals).
      expect(figures.builtPerEntry).toBeLessThan(7);
      expect(figures.removedPerEntry).toBeLessThan(8);
      expect(figures.restoredPerEntry).toBeLessThan(8);
      // Large postings (300…20,300 entries) with 16-bit slot tables: ~9–10 bytes an entry; 32-bit ones held 13.5.
      expect(figures.largeEntries).toBeGreaterThan(3_000_000);
      expect(figures.largePerEntry).toBeLessThan(11.5);
    },
  );
});
