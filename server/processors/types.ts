/**
 * Processors: background consumers declared as data (Outline's BaseProcessor / applicableEvents is the
 * model). Each has a name, states what it handles, and owns one document in `processors` holding its
 * lease (owner, fencing token, heartbeat counter) and its cursor. One runner per server runs all of
 * them; the lease makes exactly one server advance each cursor (docs/SCALING.md "Processors and jobs").
 */
import type { ChangeDocument } from '../golden/types';
import type { AppServices } from '../services';
import type { Document, StoreSession } from '../store/types';

/** Counts a run reports (changes read, tasks opened…); the runner sums them over a catch-up. */
export type ProcessorCounts = Record<string, number>;

export interface ProcessorDocument extends Document {
  _id: string;
  /** The runner holding the lease, or null once released. */
  owner: string | null;
  /** Fencing token: incremented on every take-over; every cursor move is compare-and-set on it. */
  token: number;
  /** Heartbeat counter: the holder increments it; a contender takes over once it has not moved for a lease period of the contender's own monotonic clock. */
  beat: number;
  /** The processor's position (a change-feed cursor, or a processor-defined value). */
  cursor: unknown;
  updatedAt: string;
}

/** What a run may do with its lease. */
export interface LeaseFence {
  readonly owner: string;
  readonly token: number;
  /** Compare-and-set: moves the cursor (in `session` when given) only while this lease is still held; throws LeaseLostError otherwise. */
  moveCursor(cursor: unknown, session?: StoreSession): Promise<void>;
  /** Throws LeaseLostError unless the lease is still held (inside `session`, so a transaction aborts with it). */
  check(session?: StoreSession): Promise<void>;
}

/** Follows the golden-record change feed from its own cursor. */
export interface ChangeFeedProcessor {
  name: string;
  kind: 'changes';
  /** Change types and domains handled; other entries are passed over (the cursor still moves past them). */
  applicableChanges?: { types?: ChangeDocument['type'][]; domains?: string[] };
  batchSize?: number;
  intervalMs?: number;
  /** The cursor to start from on first run (e.g. a cursor kept by an older release); default the feed's start. */
  initialCursor?(services: AppServices): Promise<string | null>;
  /**
   * Handles one page of applicable changes. Runs inside a transaction that also moves the cursor
   * (compare-and-set on the fencing token), so its writes made with `session` apply exactly once.
   */
  handle(args: { services: AppServices; changes: ChangeDocument[]; session: StoreSession }): Promise<ProcessorCounts | void>;
}

/** Reads its own source (the unsequenced change queue, the exception queue, subscriptions) and keeps its own cursor. */
export interface PollingProcessor {
  name: string;
  kind: 'poll';
  intervalMs?: number;
  initialCursor?(services: AppServices): Promise<unknown>;
  /** One pass from `cursor`; moves the cursor through `fence`; returns `more: true` when called again at once would find more. */
  run(args: { services: AppServices; cursor: unknown; fence: LeaseFence }): Promise<{ more: boolean; counts?: ProcessorCounts }>;
}

export type Processor = ChangeFeedProcessor | PollingProcessor;

export class LeaseLostError extends Error {
  constructor(readonly processor: string) {
    super(`processor ${processor}: lease lost to another server`);
    this.name = 'LeaseLostError';
  }
}
