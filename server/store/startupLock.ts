/**
 * A named lease lock in the store, so work that N servers starting together would all do (the demo
 * seed, loading mappings / rules / alias tables as code) runs on one server at a time; the others wait
 * and then find it done. Acquiring is one atomic single-document write — an insert (the unique `_id`
 * makes a second insert fail) or taking over an expired lease with a conditional update — which
 * MongoDB guarantees on any deployment (https://www.mongodb.com/docs/manual/core/write-operations-atomicity/).
 * The holder beats while it works (increments `beat` every third of the lease); a waiting server takes
 * over only after it has seen the same (owner, beat) for a whole lease on its own monotonic clock, so no
 * server's wall clock is compared with another's (the same expiry as processor leases, docs/SCALING.md).
 * `expireAt` is only for the TTL index that tidies up locks of servers that are gone.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logger';
import { DuplicateKeyError } from './types';
import type { CollectionDefinition, Store } from './types';

export const STORE_LOCKS = 'storeLocks';

/** Declared with the application's collections (server/db/collections.ts). */
export const storeLockCollections: CollectionDefinition[] = [
  // A lock left by a crashed server is taken over after its lease anyway; the TTL only tidies up.
  { name: STORE_LOCKS, indexes: [{ keys: { expireAt: 1 }, name: 'ttl', expireAfterSeconds: 24 * 60 * 60 }] },
];

interface LockDocument {
  _id: string;
  owner: string;
  /** Who holds it, for the waiting servers' messages: host and process. */
  holder: string;
  acquiredAt: string;
  /** Incremented by the holder every third of the lease: the heartbeat waiters watch. */
  beat: number;
  /** For the TTL clean-up only; never compared across servers. */
  expireAt: Date;
  [key: string]: unknown;
}

export interface StoreLockOptions {
  name: string;
  /** How long a waiter watches an unchanged heartbeat before taking over (default 60 s); the holder beats every third of it. */
  leaseMs?: number;
  /** How long to wait for another holder before giving up (default 10 min). */
  waitMs?: number;
  /** How often a waiting server checks the lock again (default 250 ms). */
  pollMs?: number;
  logger?: Logger;
}

export class StoreLockTimeoutError extends Error {
  constructor(
    readonly lockName: string,
    readonly holder: string,
    waitedMs: number,
  ) {
    super(
      `waited ${waitedMs} ms for the "${lockName}" lock held by ${holder}; if that server is gone its lease will expire, then start again`,
    );
    this.name = 'StoreLockTimeoutError';
  }
}

/** Runs `work` while holding the named lock; waits for another holder to finish or for its lease to expire. */
export async function withStoreLock<R>(store: Store, options: StoreLockOptions, work: () => Promise<R>): Promise<R> {
  const leaseMs = options.leaseMs ?? 60_000;
  const waitMs = options.waitMs ?? 10 * 60_000;
  const pollMs = options.pollMs ?? 250;
  const locks = store.collection<LockDocument>(STORE_LOCKS);
  const owner = randomUUID();
  const holder = `${hostname()} pid ${process.pid}`;
  const tidyUpAt = (): Date => new Date(Date.now() + 24 * 60 * 60_000);
  /** The heartbeat last seen from another holder, with when (monotonic) it was first seen. */
  let seen: { owner: string; beat: number; since: number } | null = null;

  const tryAcquire = async (): Promise<boolean> => {
    const claim = { owner, holder, acquiredAt: new Date().toISOString(), beat: 0, expireAt: tidyUpAt() };
    try {
      await locks.insertOne({ _id: options.name, ...claim });
      return true;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    const current = await locks.findOne({ _id: options.name });
    if (!current) return false; // released meanwhile: insert again on the next poll
    const beat = typeof current.beat === 'number' ? current.beat : 0;
    const now = performance.now();
    if (!seen || seen.owner !== current.owner || seen.beat !== beat) {
      seen = { owner: current.owner, beat, since: now };
      return false;
    }
    if (now - seen.since < leaseMs) return false;
    // No heartbeat for a whole lease: take it over with one conditional write (one waiter wins).
    const sameBeat = typeof current.beat === 'number' ? { beat: current.beat } : { beat: { $exists: false } };
    const takeover = await locks.updateOne({ _id: options.name, owner: current.owner, ...sameBeat }, { $set: claim });
    if (takeover.matchedCount === 1)
      options.logger?.warn('store lock: took over an expired lease', { lock: options.name, from: current.holder });
    return takeover.matchedCount === 1;
  };

  const startedAt = performance.now();
  let hasLoggedWait = false;
  while (!(await tryAcquire())) {
    if (performance.now() - startedAt >= waitMs) {
      const current = await locks.findOne({ _id: options.name });
      throw new StoreLockTimeoutError(options.name, current?.holder ?? 'another server', Math.round(performance.now() - startedAt));
    }
    if (!hasLoggedWait) {
      const current = await locks.findOne({ _id: options.name });
      options.logger?.info('store lock: waiting for another server', { lock: options.name, holder: current?.holder });
      hasLoggedWait = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewal = locks.updateOne({ _id: options.name, owner }, { $inc: { beat: 1 }, $set: { expireAt: tidyUpAt() } }).then(
        (result) => {
          if (result.matchedCount === 0)
            options.logger?.error(
              'store lock: lease lost while working (another server took it over); the work continues but is no longer exclusive',
              { lock: options.name },
            );
        },
        (error: unknown) =>
          options.logger?.warn('store lock: lease renewal failed', { lock: options.name, error: (error as Error).message }),
      );
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewal;
    await locks.deleteOne({ _id: options.name, owner });
  }
}
