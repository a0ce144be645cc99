/**
 * A named lease lock in the store, so work that N servers starting together would all do (the demo
 * seed, loading mappings / rules / alias tables as code) runs on one server at a time; the others wait
 * and then find it done. Acquiring is one atomic single-document write — an insert (the unique `_id`
 * makes a second insert fail) or taking over an expired lease with a conditional update — which
 * MongoDB guarantees on any deployment (https://www.mongodb.com/docs/manual/core/write-operations-atomicity/).
 * The holder renews its lease while it works; a crashed holder's lease expires and the next server
 * takes over. Lease times come from each server's clock: clocks must agree to well within the lease
 * (docs/SCALING.md).
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
  expiresAt: string;
  expireAt: Date;
  [key: string]: unknown;
}

export interface StoreLockOptions {
  name: string;
  /** How long the lease lasts without renewal (default 60 s); renewed every third of it. */
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
  const lease = (): Pick<LockDocument, 'expiresAt' | 'expireAt'> => {
    const expireAt = new Date(Date.now() + leaseMs);
    return { expiresAt: expireAt.toISOString(), expireAt };
  };

  const tryAcquire = async (): Promise<boolean> => {
    const claim = { owner, holder, acquiredAt: new Date().toISOString(), ...lease() };
    try {
      await locks.insertOne({ _id: options.name, ...claim });
      return true;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    // Held: take it over only if the lease has expired (one conditional write, so one server wins).
    const takeover = await locks.updateOne({ _id: options.name, expiresAt: { $lt: new Date().toISOString() } }, { $set: claim });
    if (takeover.matchedCount === 1) options.logger?.warn('store lock: took over an expired lease', { lock: options.name });
    return takeover.matchedCount === 1;
  };

  const startedAt = Date.now();
  let hasLoggedWait = false;
  while (!(await tryAcquire())) {
    const current = await locks.findOne({ _id: options.name });
    if (Date.now() - startedAt >= waitMs)
      throw new StoreLockTimeoutError(options.name, current?.holder ?? 'another server', Date.now() - startedAt);
    if (!hasLoggedWait) {
      options.logger?.info('store lock: waiting for another server', { lock: options.name, holder: current?.holder });
      hasLoggedWait = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewal = locks.updateOne({ _id: options.name, owner }, { $set: lease() }).then(
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
