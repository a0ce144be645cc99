/**
 * Throttles repeated failed authentication per client address: after `maxFailures` failures within
 * `windowSeconds`, every request from that address that needs a key answers 429 with Retry-After
 * until the window has passed — valid keys included, so a guesser cannot tell a hit from a miss.
 *
 * State lives in this process's memory: with several servers behind a load balancer each counts on
 * its own (an attacker gets up to `maxFailures` tries per server per window). The address is the TCP
 * peer, not X-Forwarded-For, which a client can write itself (see docs/SECURITY.md).
 */
import { AppError } from '../errors';

/** 429 AUTH_THROTTLED with the seconds to wait. */
export class AuthThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'AUTH_THROTTLED', `Too many failed authentication attempts from this address; try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}

interface AddressState {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number;
}

/** Bounded bookkeeping: addresses beyond this are dropped oldest first (expired ones go first). */
const MAX_TRACKED_ADDRESSES = 10_000;

export class AuthThrottle {
  private readonly addresses = new Map<string, AddressState>();

  constructor(private readonly options: { maxFailures: number; windowSeconds: number; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Throws 429 while `address` is blocked. */
  assertAllowed(address: string): void {
    const state = this.addresses.get(address);
    if (!state) return;
    const now = this.now();
    if (state.blockedUntil > now) throw new AuthThrottledError(Math.max(1, Math.ceil((state.blockedUntil - now) / 1000)));
  }

  /** Counts one failed authentication from `address`; blocks it when the limit is reached. */
  recordFailure(address: string): void {
    const now = this.now();
    const windowMs = this.options.windowSeconds * 1000;
    let state = this.addresses.get(address);
    if (!state || now - state.windowStartedAt >= windowMs) {
      state = { failures: 0, windowStartedAt: now, blockedUntil: 0 };
    }
    this.addresses.delete(address);
    state.failures += 1;
    if (state.failures >= this.options.maxFailures) state.blockedUntil = now + windowMs;
    this.addresses.set(address, state);
    this.prune(now);
  }

  /** A successful authentication clears the address's count. */
  recordSuccess(address: string): void {
    const state = this.addresses.get(address);
    if (state && state.blockedUntil <= this.now()) this.addresses.delete(address);
  }

  private prune(now: number): void {
    if (this.addresses.size <= MAX_TRACKED_ADDRESSES) return;
    const windowMs = this.options.windowSeconds * 1000;
    for (const [address, state] of this.addresses) {
      if (state.blockedUntil <= now && now - state.windowStartedAt >= windowMs) this.addresses.delete(address);
    }
    // Map order is insertion order and every update re-inserts: the first entries are the least recent.
    for (const address of this.addresses.keys()) {
      if (this.addresses.size <= MAX_TRACKED_ADDRESSES) break;
      this.addresses.delete(address);
    }
  }
}
