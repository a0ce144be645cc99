/**
 * The open deliveries of one subscription as this process last saw them, in feed order (the first
 * `OPEN_WINDOW`), kept in memory between selections so a selection does not read the outbox again.
 *
 * - New messages are appended by the fan-out after everything planned before (`lastPlannedSequence` in
 *   the subscription's state grows): one indexed range read `sequence > highWater` picks them up, only
 *   when the state says there is something past what was read.
 * - Anything that opens, closes or inserts a delivery behind what was planned (replay, rewind, backfill,
 *   discard; the planner decides in outbox.ts) increments `selectionEpoch`: the window is read again.
 * - What this process does to a delivery (claim, outcome) is applied here too; what other servers do is
 *   seen when a claim fails — the delivery is then read again (claimDue), so a record whose oldest
 *   delivery is in flight elsewhere stays held.
 */
import type { AppServices } from '../services';
import { DELIVERIES } from './collections';
import type { DeliveryDocument, SubscriptionStateDocument } from './types';
import { present } from '../invariant';

/** Open deliveries kept per subscription (records held behind parked deliveries count against it). */
export const OPEN_WINDOW = 500;

export class OpenSelection {
  private epoch: number | undefined = undefined;
  private items: DeliveryDocument[] = [];
  /** The highest sequence read into the window (reads go on after it). */
  private highWater: string | null = null;
  /** The last read stopped at the window's size: more may lie past `highWater`. */
  private isTruncated = false;
  private reading: Promise<void> | undefined = undefined;

  constructor(
    private readonly services: Pick<AppServices, 'store'>,
    private readonly subscriptionId: string,
  ) {}

  /** The window, brought up to date with `state` (read by the caller just before). */
  async current(state: Pick<SubscriptionStateDocument, 'selectionEpoch' | 'lastPlannedSequence'>): Promise<readonly DeliveryDocument[]> {
    // One read at a time (a round and a refill may ask together): the second sees the first's result.
    while (this.reading) await this.reading;
    const reading = this.bringUpToDate(state);
    this.reading = reading;
    try {
      await reading;
    } finally {
      this.reading = undefined;
    }
    return this.items;
  }

  private async bringUpToDate(state: Pick<SubscriptionStateDocument, 'selectionEpoch' | 'lastPlannedSequence'>): Promise<void> {
    const epoch = typeof state.selectionEpoch === 'number' ? state.selectionEpoch : 0;
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.items = [];
      this.highWater = null;
      this.isTruncated = true;
    }
    const planned = typeof state.lastPlannedSequence === 'string' ? state.lastPlannedSequence : null;
    const hasUnread = this.highWater === null ? this.isTruncated || planned !== null : planned !== null && planned > this.highWater;
    // A full window reads on only once it has drained to half, so a long backlog costs one read per half window.
    const room = OPEN_WINDOW - this.items.length;
    if (hasUnread && (this.isTruncated ? room >= OPEN_WINDOW / 2 : room > 0)) await this.readOn(room, planned);
  }

  private async readOn(limit: number, planned: string | null): Promise<void> {
    const filter: Record<string, unknown> = { subscriptionId: this.subscriptionId, isOpen: true };
    if (this.highWater !== null) filter.sequence = { $gt: this.highWater };
    const page = await this.services.store.collection<DeliveryDocument>(DELIVERIES).find(filter, { sort: { sequence: 1 }, limit });
    this.items.push(...page);
    this.isTruncated = page.length === limit;
    const last = page.at(-1);
    if (last) this.highWater = last.sequence;
    // Not truncated: every open delivery planned up to `planned` (committed with that state, read before
    // this page) is in the window now, so reads go on after it.
    if (!this.isTruncated && planned !== null && (this.highWater === null || planned > this.highWater)) this.highWater = planned;
  }

  /** Replaces deliveries by their current state (closed ones leave the window). */
  refresh(fresh: DeliveryDocument[]): void {
    const byId = new Map(fresh.map((d) => [d._id, d]));
    this.items = this.items.flatMap((item) => {
      const now = byId.get(item._id);
      if (!now) return [item];
      return now.isOpen ? [now] : [];
    });
  }

  /**
   * Applies this process's write to a delivery it claimed (`$set` fields); a closed one leaves the window.
   * Only while the window holds the claimed version: one read since (a replay or rewind opened it again)
   * is newer than this outcome.
   */
  apply(claimed: Pick<DeliveryDocument, '_id' | 'leaseToken'>, set: Partial<DeliveryDocument>): void {
    const index = this.items.findIndex((item) => item._id === claimed._id && item.leaseToken === claimed.leaseToken);
    if (index < 0) return;
    if (set.isOpen === false) this.items.splice(index, 1);
    else this.items[index] = { ...present(this.items[index], 'the claimed delivery in the window'), ...set };
  }

  /** Forgets a delivery this process could not find any more (removed with its subscription). */
  forget(ids: string[]): void {
    const gone = new Set(ids);
    this.items = this.items.filter((item) => !gone.has(item._id));
  }
}
