/**
 * Embedded stores in temporary directories for store tests: each test's stores are closed and its directories
 * removed after it (registers an `afterEach` in the calling test file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore, EmbeddedStoreOptions } from '../../server/store/embedded/embeddedStore';

/** `tempDir()` makes a directory, `open(dir, options)` opens a silent store in it without background index restore. */
export function embeddedStoreFixtures(prefix: string): {
  tempDir: () => string;
  open: (dataDir: string, extra?: Partial<EmbeddedStoreOptions>) => Promise<EmbeddedStore>;
} {
  const silent = createLogger({ silent: true });
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return {
    tempDir: () => {
      const dataDir = mkdtempSync(join(tmpdir(), prefix));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      return dataDir;
    },
    open: async (dataDir, extra = {}) => {
      const store = await openEmbeddedStore({ dataDir, logger: silent, restoreIndexesInBackground: false, ...extra });
      cleanups.unshift(() => store.close().catch(() => undefined));
      return store;
    },
  };
}
