/**
 * Three servers starting together on one store (shared in this process, as N servers share one
 * MongoDB): mappings, rules and alias tables as code are published once and the demo seed is loaded
 * once, because start-up runs them under the store lease lock (server/store/startupLock.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, type RunningApp } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import { createLogger, createMemoryLogger } from '../../server/logger';
import { MAPPING_VERSIONS_COLLECTION } from '../../server/mappings/collections';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { STORE_LOCKS } from '../../server/store/startupLock';

describe('servers starting together', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let started: RunningApp[] = [];
  const loggers = [createMemoryLogger(), createMemoryLogger(), createMemoryLogger()];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-start-together-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  });

  afterAll(async () => {
    for (const running of started) await running.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publish files as code once and seed once', async () => {
    const config = loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'true', PORT: '0', HOST: '127.0.0.1' });
    started = await Promise.all(loggers.map((logger) => bootstrap({ config, logger, store, startJobs: false })));
    const messages = loggers.map((logger) => logger.entries.map((entry) => entry.msg));
    expect(messages.flat().filter((msg) => msg === 'demo seed loaded')).toHaveLength(1);
    // The two others waited for the lock and then found a seeded store.
    expect(messages.filter((list) => list.includes('store lock: waiting for another server'))).toHaveLength(2);
    const versions = await store.collection<{ _id: string; mappingId: string; version: number }>(MAPPING_VERSIONS_COLLECTION).find({});
    expect(versions.length).toBeGreaterThan(0);
    const perMapping = new Map<string, number>();
    for (const version of versions) perMapping.set(version.mappingId, (perMapping.get(version.mappingId) ?? 0) + 1);
    expect([...perMapping.values()].every((count) => count === 1)).toBe(true);
    expect(await store.collection(STORE_LOCKS).countDocuments()).toBe(0);
  }, 300_000);
});
