/**
 * The processor runner: one per server, runs every declared processor (processors/types.ts). For
 * each processor it takes the lease when it is free or expired (leaseClock.ts), renews it while it
 * holds it, and runs passes; every cursor move is a compare-and-set on the fencing token, so a server
 * that lost its lease (paused, partitioned, killed) can never move a cursor again. Passes of one
 * processor never overlap within a server (a background tick and `runNow` queue behind each other).
 *
 * Bounded slices while a foreground request is in flight (issue 14's inline latency, docs/INGEST.md "Inline
 * latency, session 15"): the embedded store runs one transaction at a time, and a change-feed pass is one
 * transaction, so a request's write waits for the pass in progress. While a request marked with `beginForeground`
 * is in flight, background passes read at most FOREGROUND_PAGE changes (the search index's page is otherwise
 * 2,000), and every background tick yields to the event loop between passes, so the request waits behind one small
 * page at most. Nothing is deferred: the processors keep pace under a stream of requests (smaller pages cost a
 * little more per change, only while requests are in flight), and `runNow` is unchanged.
 */
import { randomUUID } from 'node:crypto';
import { readChanges } from '../golden/changeFeed';
import type { Logger } from '../logger';
import type { AppServices } from '../services';
import { DuplicateKeyError, type StoreSession } from '../store/types';
import { PROCESSORS } from './collections';
import { isLiveOwner, LeaseObserver, registerLiveOwner, unregisterLiveOwner } from './leaseClock';
import {
  LeaseLostError,
  type ChangeFeedProcessor,
  type LeaseFence,
  type PollingProcessor,
  type Processor,
  type ProcessorCounts,
  type ProcessorDocument,
} from './types';

const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_INTERVAL_MS = 1000;
const DEFAULT_BATCH = 500;
/** Passes per tick at most: a processor far behind yields to the others between ticks. */
const MAX_PASSES_PER_TICK = 50;
/** Changes per page of a background pass while a foreground request is in flight (tens of ms of work at most). */
const FOREGROUND_PAGE = 200;

export interface ProcessorRunnerOptions {
  services: AppServices;
  /** A lease not renewed for this long (by the contender's monotonic clock) may be taken over. Default config MDM_PROCESSOR_LEASE_MS or 15 s. */
  leaseMs?: number;
  /** Identifies this runner in lease documents (default a random id). */
  owner?: string;
}

interface Held {
  token: number;
}

export class ProcessorRunner {
  readonly owner: string;
  private readonly processors = new Map<string, Processor>();
  private readonly held = new Map<string, Held>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly observer = new LeaseObserver();
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private heartbeat?: NodeJS.Timeout;
  private isStopped = true;
  /** Foreground requests in flight (`beginForeground`). */
  private foreground = 0;

  constructor(private readonly options: ProcessorRunnerOptions) {
    this.owner = options.owner ?? `processors_${randomUUID()}`;
    this.logger = options.services.logger.child({ component: 'processors' });
    this.leaseMs = options.leaseMs ?? options.services.config?.limits?.processorLeaseMs ?? DEFAULT_LEASE_MS;
  }

  private get services(): AppServices {
    return this.options.services;
  }

  private get documents() {
    return this.services.store.collection<ProcessorDocument>(PROCESSORS);
  }

  /** Declares a processor (before or after `start`). */
  register(processor: Processor): void {
    if (this.processors.has(processor.name)) throw new Error(`processor ${processor.name} is declared twice`);
    this.processors.set(processor.name, processor);
    if (!this.isStopped) this.schedule(processor);
  }

  private schedule(processor: Processor): void {
    const timer = setInterval(() => this.tick(processor.name), processor.intervalMs ?? DEFAULT_INTERVAL_MS);
    timer.unref();
    this.timers.push(timer);
    this.tick(processor.name);
  }

  /** The declared processors, for the status endpoint and tests. */
  list(): Processor[] {
    return [...this.processors.values()];
  }

  /** Whether a processor of that name is declared. */
  has(name: string): boolean {
    return this.processors.has(name);
  }

  /** Whether this runner holds the processor's lease right now (as far as it knows). */
  isHolding(name: string): boolean {
    return this.held.has(name);
  }

  /** Starts a timer per processor and the heartbeat. */
  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    registerLiveOwner(this.services.store, this.owner);
    for (const processor of this.processors.values()) this.schedule(processor);
    this.heartbeat = setInterval(
      () => {
        this.renewAll().catch((error: unknown) => this.logger.warn('processor heartbeat failed', { error: String(error) }));
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    this.heartbeat.unref();
  }

  /** Stops ticking, waits for passes in progress and releases the leases (the next server takes over at once). */
  async stop(): Promise<void> {
    await this.halt();
    for (const name of [...this.held.keys()]) {
      const held = this.held.get(name);
      if (!held) continue;
      await this.documents
        .updateOne({ _id: name, owner: this.owner, token: held.token }, { $set: { owner: null, updatedAt: new Date().toISOString() } })
        .catch(() => undefined);
      this.held.delete(name);
    }
    unregisterLiveOwner(this.services.store, this.owner);
  }

  /**
   * Stops without releasing anything, as a crashed or partitioned server would: its leases expire after
   * a lease period and other servers take over (for tests of exactly that).
   */
  async kill(): Promise<void> {
    await this.halt();
    this.held.clear();
  }

  private async halt(): Promise<void> {
    this.isStopped = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await Promise.allSettled([...this.chains.values()]);
  }

  /**
   * Marks a foreground request (an inline ingest) in flight until the returned function is called: background
   * passes run in small pages meanwhile (see the header). The function may be called more than once.
   */
  beginForeground(): () => void {
    this.foreground += 1;
    let isEnded = false;
    return () => {
      if (isEnded) return;
      isEnded = true;
      this.foreground -= 1;
    };
  }

  /** Whether a foreground request is in flight (`beginForeground`), for the status of tests. */
  get hasForegroundRequests(): boolean {
    return this.foreground > 0;
  }

  /** Wakes a processor now (e.g. after a local write) instead of at its next interval. */
  kick(name: string): void {
    if (!this.isStopped) this.tick(name);
  }

  /**
   * Runs the processor until it has caught up, if this server holds or can take its lease; resolves
   * with the summed counts, or null when another live server holds the lease.
   */
  runNow(name: string): Promise<ProcessorCounts | null> {
    return this.enqueue(name, () => this.catchUp(name, { maxPasses: Number.POSITIVE_INFINITY, isBackground: false }));
  }

  private tick(name: string): void {
    if (this.chains.has(name)) return;
    this.enqueue(name, () => this.catchUp(name, { maxPasses: MAX_PASSES_PER_TICK, isBackground: true })).catch((error: unknown) =>
      this.logger.error('processor failed', { processor: name, error: error instanceof Error ? error.stack : String(error) }),
    );
  }

  private enqueue<R>(name: string, work: () => Promise<R>): Promise<R> {
    const previous = this.chains.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.chains.set(name, next);
    const clear = () => {
      if (this.chains.get(name) === next) this.chains.delete(name);
    };
    next.then(clear, clear);
    return next;
  }

  private async catchUp(name: string, options: { maxPasses: number; isBackground: boolean }): Promise<ProcessorCounts | null> {
    const processor = this.processors.get(name);
    if (!processor) throw new Error(`no processor named ${name}`);
    const totals: ProcessorCounts = {};
    for (let pass = 0; pass < options.maxPasses; pass++) {
      // Between background passes the event loop takes new requests: the embedded store's calls resolve without
      // I/O, so awaiting them alone would not let a request that arrived start before the next page.
      if (options.isBackground && pass > 0) await new Promise((resolve) => setImmediate(resolve));
      const held = await this.acquire(processor);
      if (!held) return pass === 0 ? null : totals;
      try {
        const outcome =
          processor.kind === 'changes'
            ? await this.changesPass(processor, held, options.isBackground && this.foreground > 0 ? FOREGROUND_PAGE : undefined)
            : await this.pollPass(processor, held);
        for (const [key, value] of Object.entries(outcome.counts ?? {})) totals[key] = (totals[key] ?? 0) + value;
        if (!outcome.more) break;
      } catch (error) {
        if (error instanceof LeaseLostError) {
          this.lose(name, 'a cursor move was refused');
          return totals;
        }
        throw error;
      }
    }
    return totals;
  }

  /** Holds the lease: already held, free, or expired (monotonic heartbeat watch); null when another live server holds it. */
  private async acquire(processor: Processor): Promise<Held | null> {
    const name = processor.name;
    const current = this.held.get(name);
    if (current) return current;
    const document = await this.documents.findOne({ _id: name });
    const now = new Date().toISOString();
    if (!document) {
      const cursor = processor.initialCursor ? await processor.initialCursor(this.services) : null;
      try {
        await this.documents.insertOne({ _id: name, owner: this.owner, token: 1, beat: 0, cursor: cursor ?? null, updatedAt: now });
      } catch (error) {
        if (error instanceof DuplicateKeyError) return null;
        throw error;
      }
      return this.take(name, 1);
    }
    const isFree =
      document.owner === null ||
      document.owner === this.owner ||
      // The embedded store is opened by one process: an owner not alive here is a previous process.
      (this.services.store.kind === 'embedded' && !isLiveOwner(this.services.store, document.owner)) ||
      this.observer.hasExpired(name, document, {
        leaseMs: this.leaseMs,
        maxGapMs: Math.max(this.leaseMs / 2, 2 * (processor.intervalMs ?? DEFAULT_INTERVAL_MS)),
      });
    if (!isFree) return null;
    const taken = await this.documents.updateOne(
      { _id: name, token: document.token, beat: document.beat },
      { $set: { owner: this.owner, beat: 0, updatedAt: now }, $inc: { token: 1 } },
    );
    if (taken.matchedCount === 0) return null;
    if (document.owner && document.owner !== this.owner)
      this.logger.info('processor lease taken over', { processor: name, from: document.owner, token: document.token + 1 });
    return this.take(name, document.token + 1);
  }

  private take(name: string, token: number): Held {
    const held = { token };
    this.held.set(name, held);
    this.observer.forget(name);
    return held;
  }

  private lose(name: string, reason: string): void {
    if (this.held.delete(name)) this.logger.warn('processor lease lost', { processor: name, reason });
  }

  private async renewAll(): Promise<void> {
    for (const [name, held] of [...this.held]) {
      const renewed = await this.documents.updateOne({ _id: name, owner: this.owner, token: held.token }, { $inc: { beat: 1 } });
      if (renewed.matchedCount === 0) this.lose(name, 'the heartbeat was refused');
    }
  }

  private fenceOf(name: string, held: Held): LeaseFence {
    const filter = { _id: name, owner: this.owner, token: held.token };
    return {
      owner: this.owner,
      token: held.token,
      moveCursor: async (cursor: unknown, session?: StoreSession) => {
        const moved = await this.documents.updateOne(
          filter,
          { $set: { cursor, updatedAt: new Date().toISOString() }, $inc: { beat: 1 } },
          { session },
        );
        if (moved.matchedCount === 0) throw new LeaseLostError(name);
      },
      check: async (session?: StoreSession) => {
        const found = await this.documents.findOne(filter, { session, projection: { _id: 1 } });
        if (!found) throw new LeaseLostError(name);
      },
    };
  }

  private async cursorOf(name: string): Promise<unknown> {
    return (await this.documents.findOne({ _id: name }))?.cursor ?? null;
  }

  /** One page of the change feed in one transaction; `pageLimit` caps the processor's page (a foreground request waits). */
  private async changesPass(
    processor: ChangeFeedProcessor,
    held: Held,
    pageLimit?: number,
  ): Promise<{ more: boolean; counts?: ProcessorCounts }> {
    const fence = this.fenceOf(processor.name, held);
    const cursor = (await this.cursorOf(processor.name)) as string | null;
    const batch = Math.min(processor.batchSize ?? DEFAULT_BATCH, pageLimit ?? Number.POSITIVE_INFINITY);
    const page = await readChanges({ store: this.services.store, after: cursor ?? undefined, limit: batch });
    if (page.nextCursor === cursor || page.nextCursor === null) return { more: false };
    const { types, domains } = processor.applicableChanges ?? {};
    const applicable = page.items.filter(
      (change) => (!types || types.includes(change.type)) && (!domains || domains.includes(change.domain)),
    );
    const counts = await this.services.store.withTransaction(async (session) => {
      // Fenced first: a server that lost the lease writes nothing of this page.
      await fence.moveCursor(page.nextCursor, session);
      return applicable.length > 0 ? await processor.handle({ services: this.services, changes: applicable, session }) : undefined;
    });
    return { more: page.items.length >= batch, counts: { changes: page.items.length, ...(counts ?? {}) } };
  }

  private async pollPass(processor: PollingProcessor, held: Held): Promise<{ more: boolean; counts?: ProcessorCounts }> {
    const cursor = await this.cursorOf(processor.name);
    return processor.run({ services: this.services, cursor, fence: this.fenceOf(processor.name, held) });
  }
}
