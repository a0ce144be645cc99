/** The store lease lock that makes N servers starting together seed and load mappings once. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCollections } from '../../server/db/collections';
import { createLogger, createMemoryLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { STORE_LOCKS, StoreLockTimeoutError, withStoreLock } from '../../server/store/startupLock';
import type { Store } from '../../server/store/types';

let dataDir: string;
let store: Store;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-lock-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await ensureCollections(store);
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Resolves once `check` is true, polling; fails after `deadlineMs`. */
async function until(check: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('store lease lock', () => {
  it('three servers starting together: one at a time, and check-then-seed seeds once', async () => {
    let active = 0;
    let maxActive = 0;
    const seeds = store.collection('seeded');
    const startServer = (server: string) =>
      withStoreLock(store, { name: 'startup', pollMs: 5 }, async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          if ((await seeds.countDocuments()) === 0) {
            // The seed takes a while; without the lock the others would see an empty store meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 50));
            await seeds.insertOne({ _id: `seed-by-${server}` });
          }
          return server;
        } finally {
          active -= 1;
        }
      });
    expect((await Promise.all(['a', 'b', 'c'].map(startServer))).sort()).toEqual(['a', 'b', 'c']);
    expect(maxActive).toBe(1);
    expect(await seeds.countDocuments()).toBe(1);
    expect(await store.collection(STORE_LOCKS).countDocuments()).toBe(0);
  });

  it('a lease left by a crashed server is taken over once its heartbeat has not moved for a whole lease', async () => {
    // Wall-clock fields from the future do not keep a dead holder alive: only the heartbeat counts.
    const future = new Date(Date.now() + 3_600_000);
    await store.collection(STORE_LOCKS).insertOne({
      _id: 'startup',
      owner: 'dead',
      holder: 'db-host pid 1',
      acquiredAt: future.toISOString(),
      beat: 7,
      expireAt: future,
    });
    const logger = createMemoryLogger();
    const started = performance.now();
    expect(await withStoreLock(store, { name: 'startup', logger, leaseMs: 200, pollMs: 10 }, async () => 'ran')).toBe('ran');
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(JSON.stringify(logger.entries)).toContain('took over an expired lease');
  });

  it('a live lease is waited for, and the wait ends with an error naming the holder', async () => {
    const future = new Date(Date.now() + 60_000);
    await store.collection(STORE_LOCKS).insertOne({
      _id: 'startup',
      owner: 'other',
      holder: 'app-2 pid 42',
      acquiredAt: new Date().toISOString(),
      beat: 0,
      expireAt: future,
    });
    let ran = false;
    const error = await withStoreLock(store, { name: 'startup', waitMs: 100, pollMs: 10 }, async () => {
      ran = true;
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreLockTimeoutError);
    expect((error as Error).message).toMatch(/"startup" lock held by app-2 pid 42/);
    expect(ran).toBe(false);
  });

  it('the holder beats while it works, so a waiter cannot take it over', async () => {
    const locks = store.collection<{ _id: string; beat: number }>(STORE_LOCKS);
    let waiterRan = false;
    let waiter: Promise<unknown> | undefined;
    await withStoreLock(store, { name: 'startup', leaseMs: 1000 }, async () => {
      waiter = withStoreLock(store, { name: 'startup', leaseMs: 1000, pollMs: 5 }, async () => {
        waiterRan = true;
      });
      // Work longer than several leases: the heartbeat must keep moving.
      await until(async () => ((await locks.findOne({ _id: 'startup' }))?.beat ?? 0) >= 6);
      expect(waiterRan).toBe(false);
    });
    await waiter;
    expect(waiterRan).toBe(true);
  });

  it('the lock is released when the work throws', async () => {
    await expect(
      withStoreLock(store, { name: 'startup' }, async () => {
        throw new Error('seed failed');
      }),
    ).rejects.toThrow('seed failed');
    expect(await store.collection(STORE_LOCKS).countDocuments()).toBe(0);
  });
});
