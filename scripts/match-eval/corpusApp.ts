/**
 * A hub bootstrapped on a fresh temporary data folder with no mappings of the repository (each corpus source
 * publishes its own identity mapping), for the corpus diagnostics: runs `work` with its services, then closes the
 * hub and removes the folder, also when `work` throws.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import type { AppServices } from '../../server/services';

/** Runs `work` against a hub on a temporary store (folder name starts with `prefix`); cleans up after. */
export async function withCorpusApp<T>(prefix: string, work: (services: AppServices) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const mappingsDir = path.join(dataDir, 'mappings');
  await mkdir(path.join(mappingsDir, 'lookups'), { recursive: true });
  const env = { MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0', HOST: '127.0.0.1', MDM_MAPPINGS_DIR: mappingsDir };
  const running = await bootstrap({
    config: { ...loadConfig(env), seed: false },
    logger: createLogger({ silent: true }),
    startJobs: false,
  });
  try {
    return await work(running.services);
  } finally {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
