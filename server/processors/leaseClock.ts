/**
 * Lease expiry without trusting any server's wall clock. A lease holder increments a heartbeat
 * counter in the lease document; a contender remembers the counter value it saw and when (by its OWN
 * monotonic clock), and may take over only once the counter has not moved for a whole lease period.
 * Servers therefore never compare timestamps with each other: clock skew cannot expire a live lease
 * early. Take-over is a compare-and-set on (token, beat), so two contenders cannot both win.
 */
import { performance } from 'node:perf_hooks';

interface Observation {
  owner: string | null;
  token: number;
  beat: number;
  sinceMs: number;
  checkedMs: number;
}

/** Remembers, per lease, the last heartbeat seen and since when. */
export class LeaseObserver {
  private readonly seen = new Map<string, Observation>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * True once the lease's (owner, token, beat) has stayed the same for `leaseMs` of this server's
   * monotonic time, watched without a gap longer than `maxGapMs`: time this server was not looking
   * (its own pause, an event loop blocked for everyone in the process) is no evidence that the holder
   * stopped, so a gap restarts the watch.
   */
  hasExpired(
    key: string,
    lease: { owner: string | null; token: number; beat: number },
    options: { leaseMs: number; maxGapMs: number },
  ): boolean {
    const previous = this.seen.get(key);
    const now = this.now();
    const isSame = previous && previous.owner === lease.owner && previous.token === lease.token && previous.beat === lease.beat;
    if (!previous || !isSame || now - previous.checkedMs > options.maxGapMs) {
      this.seen.set(key, { owner: lease.owner, token: lease.token, beat: lease.beat, sinceMs: now, checkedMs: now });
      return false;
    }
    previous.checkedMs = now;
    return now - previous.sinceMs >= options.leaseMs;
  }

  forget(key: string): void {
    this.seen.delete(key);
  }
}

/**
 * Owners (processor runners, job runners) alive in this process, per store object. The embedded store
 * can be opened by one process only, so on it a lease whose owner is not alive here belongs to a
 * previous process and is taken over at once (a restart resumes without waiting a lease period).
 */
const liveOwners = new WeakMap<object, Set<string>>();

export function registerLiveOwner(store: object, owner: string): void {
  let owners = liveOwners.get(store);
  if (!owners) liveOwners.set(store, (owners = new Set()));
  owners.add(owner);
}

export function unregisterLiveOwner(store: object, owner: string): void {
  liveOwners.get(store)?.delete(owner);
}

export function isLiveOwner(store: object, owner: string): boolean {
  return liveOwners.get(store)?.has(owner) ?? false;
}
