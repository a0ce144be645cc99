/**
 * The sync dispatcher: for every active subscription it
 *
 * 1. **fans out** (the declared `sync-fan-out` processor, one server at a time under a lease): reads
 *    the change feed after the subscription's cursor, plans its messages
 *    (messages.ts) and stores them as deliveries in the same transaction that moves the cursor — the
 *    outbox, so a crash can neither lose a change nor store it twice;
 * 2. **sends** (every server's dispatcher): walks the subscription's open deliveries in feed order; per golden record only the
 *    oldest open one may be in flight, so one record's events arrive in version order and a failing
 *    record holds back only its own later events. Each attempt claims the delivery with a lease,
 *    checks egress, signs (Standard Webhooks) and POSTs; failures retry on a backoff schedule with
 *    jitter (Retry-After wins), exhausted ones are parked (dead letter) with every attempt's exact
 *    request and answer; 410 Gone, or failing for days, disables the endpoint with the reason.
 *
 * At least once: a delivery is marked delivered only after a 2xx, so a crash mid-request re-sends it
 * with the same `webhook-id` (receivers de-duplicate on it).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { CHANGES } from '../golden/collections';
import { readChanges } from '../golden/changeFeed';
import type { ChangeDocument } from '../golden/types';
import type { PollingProcessor } from '../processors/types';
import type { AppServices } from '../services';
import { DELIVERIES, SUBSCRIPTION_STATE } from './collections';
import { subscriptionStats } from './deliveries';
import { AmqpPublisher } from './amqpTransport';
import { backfillPage } from './backfill';
import { storeBodies, withBodies } from './bodies';
import { checkEgress, egressAllowList } from './egress';
import { DEFAULT_MAX_BATCH, batchFileContent, batchFileName, writeBatchFile } from './fileTransport';
import { secretBoxOf } from './secrets';
import type { EgressAllowList } from './egressRules';
import { planMessages } from './messages';
import { newDelivery, sequenceOf, storeMessages } from './outbox';
import { OPEN_WINDOW, OpenSelection } from './openSelection';
import { signatureHeader } from './signing';
import { syncStatusesAfter, writeSyncStatuses } from './syncStatus';
import { disableSubscription, signingSecrets, subscriptionsCollection } from './subscriptions';
import type {
  DeliveryAttempt,
  DeliveryDocument,
  DeliveryWithBody,
  FileTransport,
  SubscriptionDocument,
  SubscriptionStateDocument,
} from './types';
import { postWebhook, retryAfterMs, type WebhookResponse } from './webhookTransport';
import { present } from '../invariant';

type Services = Pick<AppServices, 'store' | 'config' | 'logger' | 'metrics' | 'mappingRuntime'>;

/** Svix-like: after the first attempt, retries 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h later (≈ 3 days in all). */
export const DEFAULT_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 72_000_000];
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_IN_FLIGHT = 16;
/** An endpoint failing every attempt for this long is disabled (MDM_SYNC_DISABLE_AFTER_MS replaces it). */
const DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;
const RETRY_AFTER_CAP_MS = 24 * 3600 * 1000;
const FAN_OUT_BATCH = 500;
const ATTEMPTS_KEPT = 20;
const JITTER = 0.2;

/**
 * The wait before the retry after `attempts` failed attempts: the schedule's delay ±20 % (`random` in [0, 1]
 * picks where), so endpoints coming back are not hit by every retry at once; undefined when retries are exhausted.
 */
export function jitteredDelayMs(input: { schedule: number[]; attempts: number; random: number }): number | undefined {
  const delay = input.schedule[input.attempts - 1];
  return delay === undefined ? undefined : Math.round(delay * (1 - JITTER + 2 * JITTER * input.random));
}

export interface DispatcherOptions {
  retryScheduleMs?: number[];
  intervalMs?: number;
}

class CursorMovedError extends Error {}

interface DeliveredItem {
  subscription: SubscriptionDocument;
  delivery: DeliveryWithBody;
  response: WebhookResponse | null;
  at: string;
  set: Record<string, unknown>;
}

/** Reads the feed after the subscription's cursor and stores its messages; returns how many changes were read. */
async function fanOut(services: Services, subscription: SubscriptionDocument): Promise<number> {
  const states = services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE);
  let read = 0;
  for (let round = 0; round < 4; round++) {
    const state = await states.findOne({ _id: subscription._id });
    if (!state) return read;
    const page = await readChanges({ store: services.store, after: state.cursor ?? undefined, limit: FAN_OUT_BATCH });
    if (page.nextCursor === state.cursor || page.nextCursor === null) return read;
    const messages = await planMessages(services, { subscription, changes: page.items });
    try {
      await services.store.withTransaction(async (session) => {
        // Moves only from where this run started: a rewind or another server in between wins.
        const moved = await states.updateOne(
          { _id: subscription._id, cursor: state.cursor },
          { $set: { cursor: page.nextCursor } },
          { session },
        );
        if (moved.matchedCount === 0) throw new CursorMovedError();
        await storeMessages(services, subscription._id, messages, session);
      });
    } catch (error) {
      if (error instanceof CursorMovedError) return read;
      throw error;
    }
    read += page.items.length;
    if (page.items.length < FAN_OUT_BATCH) return read;
  }
  return read;
}

/**
 * A delivered outcome turned into "send once more" (a rewind re-planned the change while this attempt was in
 * flight): the attempt stays in the log and counts for the sync status, the delivery is due again at once.
 */
function resendSet(delivered: Partial<DeliveryDocument>): Partial<DeliveryDocument> {
  return {
    ...delivered,
    status: 'pending',
    isOpen: true,
    attempts: 0,
    nextAttemptAt: delivered.updatedAt ?? new Date().toISOString(),
    leaseToken: null,
    resendAfterOutcome: false,
    fileBatch: null,
  };
}

/** Rebuilds a delivery that has no body (its filter or mapping failed) after a replay, with the subscription as it is now. */
async function rebuild(
  services: Services,
  subscription: SubscriptionDocument,
  delivery: DeliveryDocument,
): Promise<DeliveryWithBody | null> {
  const deliveries = services.store.collection<DeliveryDocument>(DELIVERIES);
  const change = await services.store.collection<ChangeDocument>(CHANGES).findOne({ _id: delivery.changeId });
  const backfillRun = typeof delivery.backfillRun === 'number' ? delivery.backfillRun : undefined;
  const planned = change
    ? (await planMessages(services, { subscription, changes: [change], backfillRun })).find((m) => sequenceOf(m) === delivery.sequence)
    : undefined;
  const at = new Date().toISOString();
  if (!planned) {
    // The filter now leaves it out, or the mapping now sends nothing for it.
    await deliveries.updateOne(
      { _id: delivery._id },
      {
        $set: {
          status: 'discarded',
          isOpen: false,
          updatedAt: at,
          failure: { stage: 'filter', code: 'NOT_SENT', message: 'After the replay the subscription no longer sends this event.' },
        },
      },
    );
    return null;
  }
  const rebuilt = newDelivery(subscription._id, planned, at);
  await services.store.withTransaction(async (session) => {
    await deliveries.updateOne(
      { _id: delivery._id },
      {
        $set: {
          hasBody: rebuilt.hasBody,
          contentType: rebuilt.contentType,
          failure: rebuilt.failure,
          status: rebuilt.status,
          parkedAt: rebuilt.parkedAt,
          nextAttemptAt: rebuilt.nextAttemptAt,
          updatedAt: at,
        },
      },
      { session },
    );
    await storeBodies(
      services,
      { subscriptionId: subscription._id, fresh: [], replaced: [{ id: delivery._id, body: planned.body }] },
      session,
    );
  });
  return rebuilt.failure || planned.body === null
    ? null
    : { ...delivery, hasBody: true, body: planned.body, contentType: rebuilt.contentType, failure: null };
}

function redactedHeaders(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'webhook-signature': 'v1,<redacted>' };
}

export const SYNC_FAN_OUT_PROCESSOR = 'sync-fan-out';

/**
 * The fan-out half as a declared processor (server/processors): one server at a time reads the feed
 * for every active subscription (each subscription's cursor moves by compare-and-set) and plans
 * backfills; every server's dispatcher then sends the open deliveries (each claimed with a lease).
 */
export function syncFanOutProcessor(config: Pick<AppServices['config'], 'syncIntervalMs'>): PollingProcessor {
  return {
    name: SYNC_FAN_OUT_PROCESSOR,
    kind: 'poll',
    intervalMs: config.syncIntervalMs,
    run: async ({ services, fence }) => {
      const subscriptions = await subscriptionsCollection(services).find({ status: 'active' });
      let read = 0;
      for (const subscription of subscriptions) {
        await fence.check();
        read += await fanOut(services, subscription);
        await backfillPage(services, subscription);
      }
      return { more: false, counts: { changes: read } };
    },
  };
}

/** The dispatcher of one process (the sending half): started by bootstrap, stopped on close. */
export class SyncDispatcher {
  private timer?: NodeJS.Timeout;
  private isStopped = false;
  private isTicking = false;
  private current: Promise<unknown> = Promise.resolve();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly inFlightBySubscription = new Map<string, number>();
  /** Subscriptions whose selection is running, and those asked to select again once it ends (startDueSends). */
  private readonly selecting = new Set<string>();
  private readonly selectAfter = new Set<string>();
  private readonly schedule: number[];
  private hasReleasedLeases = false;
  private readonly amqp = new AmqpPublisher();
  private readonly stateWrittenAt = new Map<string, number>();
  /** Attempt start times in the last second, per rate-limited subscription. */
  private readonly startedAt = new Map<string, number[]>();
  private readonly isFailing = new Set<string>();
  /** The subscription and allow-list as the last round read them, for refills between rounds. */
  private readonly latest = new Map<string, { subscription: SubscriptionDocument; allowList: EgressAllowList }>();
  private readonly refilling = new Set<string>();
  private readonly refillAgain = new Set<string>();
  /** Per subscription: its open deliveries as this process last saw them. */
  private readonly selections = new Map<string, OpenSelection>();
  /** Deliveries that succeeded and wait to be stored in the next batch (markDelivered). */
  private readonly deliveredBatch: Array<DeliveredItem & { resolve: (isResent: boolean) => void; reject: (error: unknown) => void }> = [];

  constructor(
    private readonly services: Services,
    private readonly options: DispatcherOptions = {},
  ) {
    this.schedule = options.retryScheduleMs ?? services.config.syncRetryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS;
  }

  /** Polls every `intervalMs`. */
  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? this.services.config.syncIntervalMs);
    this.timer.unref();
  }

  /** Runs a round now unless one is running. */
  kick(): void {
    if (this.isStopped || this.isTicking) return;
    this.isTicking = true;
    this.current = this.tick()
      .catch((error: unknown) =>
        this.services.logger.error('sync dispatch failed', { error: error instanceof Error ? error.stack : String(error) }),
      )
      .finally(() => {
        this.isTicking = false;
      });
  }

  /** Stops polling and waits for the round and the requests in flight. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearInterval(this.timer);
    await this.current;
    await Promise.allSettled([...this.inFlight.values()]);
    await this.amqp.close();
  }

  /** One round: fan out and start due sends for every active subscription. */
  async tick(): Promise<void> {
    if (!this.hasReleasedLeases) {
      // Only one process can open an embedded store: leases in it belong to a process that died
      // (kill -9 mid-request). Release them now rather than after they expire. On MongoDB other
      // servers may be alive, so leases run out by themselves.
      if (this.services.store.kind === 'embedded') {
        await this.services.store
          .collection<DeliveryDocument>(DELIVERIES)
          .updateMany({ isOpen: true, leaseUntil: { $ne: null } }, { $set: { leaseUntil: null } });
      }
      this.hasReleasedLeases = true;
    }
    const subscriptions = await subscriptionsCollection(this.services).find({ status: 'active' });
    // Paused, disabled or deleted: read again from the store when it is active again.
    for (const id of this.selections.keys()) if (!subscriptions.some((s) => s._id === id)) this.selections.delete(id);
    if (subscriptions.length === 0) return;
    const allowList = await egressAllowList(this.services);
    for (const subscription of subscriptions) {
      if (this.isStopped) return;
      this.latest.set(subscription._id, { subscription, allowList });
      await this.startDueSends(subscription, allowList);
    }
  }

  /**
   * After a delivery finishes, its record's next one may go: select again for that subscription only
   * (at most one selection per subscription at a time; finishes during one ask for another after it).
   */
  private refill(subscriptionId: string): void {
    const known = this.latest.get(subscriptionId);
    if (!known || this.isStopped) return;
    if (this.refilling.has(subscriptionId)) {
      this.refillAgain.add(subscriptionId);
      return;
    }
    this.refilling.add(subscriptionId);
    // Deliveries finishing together (one stored batch) free their slots in the same turn: one selection
    // after them all claims their successors in one write.
    setImmediate(() => this.selectAgain(subscriptionId, known.allowList));
  }

  private selectAgain(subscriptionId: string, allowList: EgressAllowList): void {
    if (this.isStopped) {
      this.refilling.delete(subscriptionId);
      return;
    }
    // Read again: a pause, a disable or a change since the round must take effect at once.
    subscriptionsCollection(this.services)
      .findOne({ _id: subscriptionId })
      .then((subscription) => (subscription?.status === 'active' ? this.startDueSends(subscription, allowList) : undefined))
      .catch((error: unknown) =>
        this.services.logger.error('sync dispatch failed', { error: error instanceof Error ? error.stack : String(error) }),
      )
      .finally(() => {
        this.refilling.delete(subscriptionId);
        if (this.refillAgain.delete(subscriptionId)) this.refill(subscriptionId);
      });
  }

  /**
   * One selection at a time per subscription: the room under `maxInFlight` is counted before the selection's
   * reads and taken only when its sends start, so two at once (a round and a refill) could both fill it.
   * One asked for meanwhile runs after it (as a refill).
   */
  private async startDueSends(subscription: SubscriptionDocument, allowList: EgressAllowList): Promise<void> {
    const id = subscription._id;
    if (this.selecting.has(id)) {
      this.selectAfter.add(id);
      return;
    }
    this.selecting.add(id);
    try {
      await this.startDueSendsNow(subscription, allowList);
    } finally {
      this.selecting.delete(id);
      if (this.selectAfter.delete(id)) this.refill(id);
    }
  }

  private async startDueSendsNow(subscription: SubscriptionDocument, allowList: EgressAllowList): Promise<void> {
    if (subscription.transport.type === 'file') return this.startDueBatch(subscription, subscription.transport);
    const now = Date.now();
    const heldRecords = new Set<string>();
    let room = (subscription.transport.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT) - (this.inFlightBySubscription.get(subscription._id) ?? 0);
    // Rate limit over a sliding second of attempt starts (per server process); the next round tops up.
    const limit = subscription.transport.maxPerSecond;
    const started = this.startedAt.get(subscription._id) ?? [];
    if (limit !== undefined) {
      const current = Date.now();
      while ((started[0] ?? Infinity) <= current - 1000) started.shift();
      room = Math.min(room, limit - started.length);
      this.startedAt.set(subscription._id, started);
    }
    if (room <= 0) return;
    const state = await this.services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE).findOne({ _id: subscription._id });
    if (!state) return;
    const selection = this.selectionOf(subscription._id);
    const due: DeliveryDocument[] = [];
    const window = await selection.current(state);
    // A merge is one logical change: the retired record goes after the survivor's `merged` event, which
    // may come before or after the retirement in the feed.
    const survivorsWithOpenMerge = new Set(window.filter((d) => d.event === 'merged').map((d) => d.goldenId));
    for (const delivery of window) {
      if (room <= 0) break;
      // Only the oldest open delivery of a golden record may go; the rest of that record waits.
      if (heldRecords.has(delivery.goldenId)) continue;
      heldRecords.add(delivery.goldenId);
      if (delivery.mergedInto && (heldRecords.has(delivery.mergedInto) || survivorsWithOpenMerge.has(delivery.mergedInto))) continue;
      if (delivery.status !== 'pending' || this.inFlight.has(delivery._id)) continue;
      if (delivery.nextAttemptAt && Date.parse(delivery.nextAttemptAt) > now) continue;
      if (delivery.leaseUntil && Date.parse(delivery.leaseUntil) > now) continue;
      room--;
      due.push(delivery);
    }
    if (due.length === 0) return;
    const claimed = await this.claimDue(subscription, selection, due);
    const bodies = new Map((await withBodies(this.services, claimed)).map((d) => [d._id, d.body]));
    for (const delivery of claimed) {
      // The attempt records its start in the same tick, so its log shows the limit exactly.
      if (limit !== undefined) {
        while ((started[0] ?? Infinity) <= Date.now() - 1000) started.shift();
        if (started.length >= limit) {
          // Claimed but over the limit now: give it back for the next round.
          await this.services.store
            .collection<DeliveryDocument>(DELIVERIES)
            .updateOne({ _id: delivery._id, leaseToken: delivery.leaseToken }, { $set: { leaseUntil: null } });
          selection.apply(delivery, { leaseUntil: null });
          continue;
        }
        started.push(Date.now());
      }
      this.track(subscription._id, delivery._id, this.attempt(subscription, delivery, bodies.get(delivery._id), allowList));
    }
  }

  /** This process's in-memory selection of a subscription's open deliveries (openSelection.ts). */
  private selectionOf(subscriptionId: string): OpenSelection {
    let selection = this.selections.get(subscriptionId);
    if (!selection) {
      selection = new OpenSelection(this.services, subscriptionId);
      this.selections.set(subscriptionId, selection);
    }
    return selection;
  }

  /**
   * Claims the due deliveries in one write: each gets a lease and this claim's token only if it is still
   * pending, due and not leased — atomically per delivery, so two servers never send the same one at once.
   * Reading them back gives the claimed ones as stored and the current state of the others (taken or
   * closed by another server), which replaces what the selection held.
   */
  private async claimDue(
    subscription: SubscriptionDocument,
    selection: OpenSelection,
    due: DeliveryDocument[],
  ): Promise<DeliveryDocument[]> {
    const deliveries = this.services.store.collection<DeliveryDocument>(DELIVERIES);
    const now = Date.now();
    const token = randomUUID();
    const ids = due.map((d) => d._id);
    const lease = {
      leaseUntil: new Date(now + (subscription.transport.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 30_000).toISOString(),
      leaseToken: token,
    };
    // Compare-and-set on what the selection saw (attempts and lease), grouped so a round is usually one
    // write: equality filters only, which the embedded store decides without a query engine.
    const groups = new Map<string, { attempts: number; leaseUntil: string | null; ids: string[] }>();
    for (const delivery of due) {
      const key = `${delivery.attempts}|${delivery.leaseUntil ?? ''}`;
      const group = groups.get(key) ?? { attempts: delivery.attempts, leaseUntil: delivery.leaseUntil, ids: [] };
      group.ids.push(delivery._id);
      groups.set(key, group);
    }
    for (const group of groups.values())
      await deliveries.updateMany(
        { _id: { $in: group.ids }, status: 'pending', attempts: group.attempts, leaseUntil: group.leaseUntil },
        { $set: lease },
      );
    const current = await deliveries.find({ _id: { $in: ids } });
    selection.refresh(current);
    selection.forget(ids.filter((id) => !current.some((d) => d._id === id)));
    const order = new Map(ids.map((id, index) => [id, index]));
    return current.filter((d) => d.leaseToken === token).sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0));
  }

  /**
   * File drops: one batch at a time per subscription. A batch whose members are fixed (a retry, or a
   * restart after a crash) is written again as it was; otherwise the due deliveries — the oldest open one
   * of each golden record, as for webhooks — become a new batch, claimed with its number and file name.
   */
  private async startDueBatch(subscription: SubscriptionDocument, transport: FileTransport): Promise<void> {
    if ((this.inFlightBySubscription.get(subscription._id) ?? 0) > 0) return;
    const deliveries = this.services.store.collection<DeliveryDocument>(DELIVERIES);
    const now = Date.now();
    const isDue = (d: DeliveryDocument) =>
      !(d.nextAttemptAt && Date.parse(d.nextAttemptAt) > now) && !(d.leaseUntil && Date.parse(d.leaseUntil) > now);
    const fixed = await deliveries.find(
      { subscriptionId: subscription._id, status: 'pending', fileBatch: { $ne: null } },
      { sort: { sequence: 1 }, limit: 1 },
    );
    const [first] = fixed;
    if (first) {
      const batch = first.fileBatch as { number: number; file: string };
      const members = await deliveries.find(
        { subscriptionId: subscription._id, status: 'pending', 'fileBatch.number': batch.number },
        { sort: { sequence: 1 } },
      );
      if (members.every(isDue))
        this.track(subscription._id, `${subscription._id}|b${batch.number}`, this.writeBatch(subscription, transport, members));
      return;
    }
    const maxBatch = transport.maxBatch ?? DEFAULT_MAX_BATCH;
    const open = await deliveries.find(
      { subscriptionId: subscription._id, isOpen: true },
      { sort: { sequence: 1 }, limit: Math.min(OPEN_WINDOW * 4, maxBatch * 4) },
    );
    const heldRecords = new Set<string>();
    const chosen: DeliveryDocument[] = [];
    for (const delivery of open) {
      if (chosen.length >= maxBatch) break;
      if (heldRecords.has(delivery.goldenId)) continue;
      heldRecords.add(delivery.goldenId);
      if (delivery.mergedInto && heldRecords.has(delivery.mergedInto)) continue;
      if (delivery.status === 'pending' && isDue(delivery)) chosen.push(delivery);
    }
    if (chosen.length === 0) return;
    const state = await this.services.store
      .collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE)
      .findOneAndUpdate({ _id: subscription._id }, { $inc: { fileBatches: 1 } }, { returnDocument: 'after' });
    if (!state) return;
    const number = state.fileBatches as number;
    const file = batchFileName({ transport, prefix: `mdm-${subscription.domains[0]}`, number, deliveries: chosen });
    // Claim: only members still pending and unbatched join (another server may have taken some).
    await deliveries.updateMany(
      { _id: { $in: chosen.map((d) => d._id) }, status: 'pending', fileBatch: null },
      { $set: { fileBatch: { number, file }, updatedAt: new Date(now).toISOString() } },
    );
    const members = await deliveries.find(
      { subscriptionId: subscription._id, status: 'pending', 'fileBatch.number': number },
      { sort: { sequence: 1 } },
    );
    if (members.length > 0)
      this.track(subscription._id, `${subscription._id}|b${number}`, this.writeBatch(subscription, transport, members));
  }

  /** Writes one batch file and records the outcome on each of its deliveries (one retry delay for all). */
  private async writeBatch(subscription: SubscriptionDocument, transport: FileTransport, claimed: DeliveryDocument[]): Promise<void> {
    const startedAt = Date.now();
    const members: DeliveryWithBody[] = [];
    const bodies = new Map((await withBodies(this.services, claimed)).map((d) => [d._id, d.body]));
    for (const delivery of claimed) {
      const body = bodies.get(delivery._id);
      const built = body !== undefined ? { ...delivery, body } : await rebuild(this.services, subscription, delivery);
      if (built) members.push(built);
    }
    const [leader] = members;
    if (!leader) return;
    const file = (leader.fileBatch as { file: string }).file;
    let error: string | null = null;
    let written = `${transport.directory}/${file}`;
    try {
      written = await writeBatchFile({
        directory: transport.directory,
        allowed: this.services.config.syncFileDirs,
        name: file,
        content: batchFileContent(transport.format, members),
      });
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const finishedAt = Date.now();
    const retryDelayMs = error ? this.jittered(Math.max(...members.map((d) => d.attempts)) + 1) : undefined;
    for (const delivery of members) {
      const attempt: DeliveryAttempt = {
        at: new Date(startedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        outcome: error ? 'failed' : 'delivered',
        request: {
          method: 'WRITE',
          url: `file://${written}`,
          headers: {
            'content-type': transport.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
            'x-batch-size': String(members.length),
          },
        },
        response: null,
        error: error ? `could not write the batch file: ${error}` : null,
      };
      await this.record({ subscription, delivery, attempt, response: null, finishedAt, retryDelayMs });
    }
  }

  /** The backoff delay before attempt `attempts + 1`, with jitter. */
  private jittered(attempts: number): number | undefined {
    return jitteredDelayMs({ schedule: this.schedule, attempts, random: randomInt(0, 1001) / 1000 });
  }

  private track(subscriptionId: string, id: string, work: Promise<void>): void {
    this.inFlightBySubscription.set(subscriptionId, (this.inFlightBySubscription.get(subscriptionId) ?? 0) + 1);
    const done = work
      .catch((error: unknown) =>
        this.services.logger.error('sync delivery failed', { deliveryId: id, error: error instanceof Error ? error.stack : String(error) }),
      )
      .finally(() => {
        this.inFlight.delete(id);
        this.inFlightBySubscription.set(subscriptionId, (this.inFlightBySubscription.get(subscriptionId) ?? 1) - 1);
        // The record's next delivery may go now.
        this.refill(subscriptionId);
      });
    this.inFlight.set(id, done);
  }

  /** One attempt at one delivery (`body`: its stored message; none: rebuilt first, after a replay of one that failed to build). */
  private async attempt(
    subscription: SubscriptionDocument,
    claimed: DeliveryDocument,
    body: string | undefined,
    allowList: EgressAllowList,
  ): Promise<void> {
    const { store } = this.services;
    const deliveries = store.collection<DeliveryDocument>(DELIVERIES);
    const timeoutMs = subscription.transport.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const startedAt = Date.now();
    const delivery = body !== undefined ? { ...claimed, body } : await rebuild(this.services, subscription, claimed);
    if (!delivery) {
      // Discarded or parked again by the rebuild: the selection takes its state as stored.
      const stored = await deliveries.findOne({ _id: claimed._id });
      this.selections.get(subscription._id)?.refresh(stored ? [stored] : []);
      if (!stored) this.selections.get(subscription._id)?.forget([claimed._id]);
      return;
    }

    const transport = subscription.transport;
    if (transport.type === 'file') return;
    // amqp: the sealed URL carries the credentials; the stored one shows `***`.
    const fullUrl =
      transport.type === 'amqp' && subscription.sealedTransportUrl
        ? secretBoxOf(this.services.config).open(subscription.sealedTransportUrl)
        : transport.url;
    const url = new URL(fullUrl);
    const timestamp = Math.floor(startedAt / 1000);
    const headers: Record<string, string> = {
      'content-type': delivery.contentType ?? 'application/json',
      'user-agent': 'healthcare-mdm-hub-sync/1',
      'webhook-id': delivery._id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader({
        secrets: signingSecrets(this.services, subscription, startedAt),
        id: delivery._id,
        timestamp,
        body: delivery.body,
      }),
      ...(delivery.correlationId ? { 'x-correlation-id': delivery.correlationId } : {}),
    };
    const requestView = {
      method: transport.type === 'amqp' ? ('PUBLISH' as const) : ('POST' as const),
      url: transport.url,
      headers: redactedHeaders(headers),
    };
    let response: Awaited<ReturnType<typeof postWebhook>> | null = null;
    let error: string | null = null;
    let isConfirmed = false;
    try {
      const target = await checkEgress(url, allowList);
      if (transport.type === 'amqp') {
        const routingKey = (transport.routingKey ?? '{domain}')
          .replace(/\{domain\}/g, delivery.domain)
          .replace(/\{event\}/g, delivery.event);
        requestView.headers['routing-key'] = routingKey;
        const { 'content-type': contentType, 'user-agent': _agent, ...messageHeaders } = headers;
        await this.amqp.publish({
          subscriptionId: subscription._id,
          url,
          address: target.address,
          key: `${subscription.sealedTransportUrl ?? ''}|${target.address}|${transport.exchange}`,
          exchange: transport.exchange,
          routingKey,
          messageId: delivery._id,
          contentType: present(contentType, 'the content-type header'),
          headers: messageHeaders,
          body: delivery.body,
          timeoutMs,
        });
        isConfirmed = true;
      } else {
        response = await postWebhook({ url, address: target.address, family: target.family, headers, body: delivery.body, timeoutMs });
      }
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const finishedAt = Date.now();
    const isDelivered = isConfirmed || (response !== null && response.status >= 200 && response.status < 300);
    const isGone = response?.status === 410;
    const attempt: DeliveryAttempt = {
      at: new Date(startedAt).toISOString(),
      durationMs: finishedAt - startedAt,
      outcome: isDelivered ? 'delivered' : isGone ? 'gone' : 'failed',
      request: requestView,
      response,
      error: error ?? (isDelivered ? null : `the endpoint answered ${response?.status}`),
    };
    await this.record({ subscription, delivery, attempt, response, finishedAt });
  }

  /**
   * Marks a delivery delivered (and its record's sync status) together with the others finishing in the
   * same turn of the event loop: one transaction per batch instead of two or three writes per message.
   * Resolves once the batch is stored, so the record's next delivery goes only after its predecessor is
   * recorded — with true when a rewind asked meanwhile for the change to go once more (`resendAfterOutcome`):
   * the delivery was then opened again instead (`resendSet`).
   */
  private markDelivered(item: DeliveredItem): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.deliveredBatch.push({ ...item, resolve, reject });
      if (this.deliveredBatch.length === 1) setImmediate(() => void this.flushDelivered());
    });
  }

  private async flushDelivered(): Promise<void> {
    const batch = this.deliveredBatch.splice(0);
    if (batch.length === 0) return;
    try {
      const statuses = await syncStatusesAfter(this.services, batch);
      const deliveries = this.services.store.collection<DeliveryDocument>(DELIVERIES);
      const resent = new Set<string>();
      await this.services.store.withTransaction(async (session) => {
        resent.clear();
        for (const item of batch) {
          const closed = await deliveries.updateOne(
            { _id: item.delivery._id, resendAfterOutcome: { $ne: true } },
            { $set: item.set },
            { session },
          );
          if (closed.matchedCount > 0) continue;
          const reopened = await deliveries.updateOne({ _id: item.delivery._id }, { $set: resendSet(item.set) }, { session });
          if (reopened.matchedCount > 0) resent.add(item.delivery._id);
        }
        await writeSyncStatuses(this.services, statuses, session);
      });
      for (const item of batch) item.resolve(resent.has(item.delivery._id));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  /** Stores an attempt's outcome and moves the delivery on (delivered, retry later, parked). */
  private async record(input: {
    subscription: SubscriptionDocument;
    delivery: DeliveryWithBody;
    attempt: DeliveryAttempt;
    response: WebhookResponse | null;
    finishedAt: number;
    retryDelayMs?: number;
  }): Promise<void> {
    const { subscription, delivery, attempt, finishedAt } = input;
    const { store, metrics } = this.services;
    const deliveries = store.collection<DeliveryDocument>(DELIVERIES);
    const states = store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE);
    const at = new Date(finishedAt).toISOString();
    const attemptLog = [...delivery.attemptLog, attempt].slice(-ATTEMPTS_KEPT);
    const labels = { subscription: subscription._id };
    metrics.increment('mdm_sync_attempts_total', {
      help: 'Delivery attempts by outcome.',
      labels: { ...labels, outcome: attempt.outcome },
    });
    if (attempt.outcome === 'delivered') {
      const latencyMs = Math.max(0, finishedAt - Date.parse(delivery.changeAt));
      const set: Partial<DeliveryDocument> = {
        status: 'delivered',
        isOpen: false,
        attempts: delivery.attempts + 1,
        attemptLog,
        deliveredAt: at,
        latencyMs,
        leaseUntil: null,
        nextAttemptAt: null,
        failure: null,
        updatedAt: at,
      };
      const isResent = await this.markDelivered({ subscription, delivery, response: input.response, at, set });
      this.selections.get(subscription._id)?.apply(delivery, isResent ? resendSet(set) : set);
      // At most once a second per subscription (one write less per message), at once after failures.
      const lastWrite = this.stateWrittenAt.get(subscription._id);
      if (lastWrite === undefined || finishedAt - lastWrite >= 1000 || this.isFailing.has(subscription._id)) {
        this.stateWrittenAt.set(subscription._id, finishedAt);
        this.isFailing.delete(subscription._id);
        await states.updateOne({ _id: subscription._id }, { $set: { lastDeliveredAt: at, failingSince: null } });
      }
      metrics.observe('mdm_sync_delivery_latency_seconds', {
        help: "From the golden-record change to the receiver's 2xx.",
        labels,
        value: latencyMs / 1000,
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600],
      });
      return;
    }
    const message = attempt.error ?? 'failed';
    this.isFailing.add(subscription._id);
    const state = await states.findOneAndUpdate(
      { _id: subscription._id },
      { $set: { lastError: { at, deliveryId: delivery._id, message } }, $inc: { failedAttempts: 1 } },
      { returnDocument: 'after' },
    );
    if (state && !state.failingSince)
      await states.updateOne({ _id: subscription._id, failingSince: null }, { $set: { failingSince: attempt.at } });
    if (attempt.outcome === 'gone') {
      // 410: the receiver says this endpoint is gone for good. The delivery waits for a resume.
      const set = { attemptLog, leaseUntil: null, resendAfterOutcome: false, updatedAt: at };
      await deliveries.updateOne({ _id: delivery._id }, { $set: set });
      this.selections.get(subscription._id)?.apply(delivery, set);
      await disableSubscription(this.services, {
        id: subscription._id,
        reason: `The endpoint answered 410 Gone at ${at}; resume the subscription once it is fixed.`,
      });
      return;
    }
    const attempts = delivery.attempts + 1;
    if (attempts > this.schedule.length) {
      const set = {
        status: 'parked' as const,
        attempts,
        attemptLog,
        parkedAt: at,
        nextAttemptAt: null,
        leaseUntil: null,
        resendAfterOutcome: false,
        updatedAt: at,
        failure: { stage: 'delivery' as const, code: 'DELIVERY_EXHAUSTED', message: `Gave up after ${attempts} attempts: ${message}` },
      };
      // A rewind re-planned the change while this last attempt was in flight: it asked to send everything
      // after its point again, so the delivery starts a fresh retry schedule instead of parking.
      const parked = await deliveries.updateOne({ _id: delivery._id, resendAfterOutcome: { $ne: true } }, { $set: set });
      if (parked.matchedCount === 0) {
        const resend = resendSet({ attemptLog, leaseUntil: null, updatedAt: at });
        await deliveries.updateOne({ _id: delivery._id }, { $set: resend });
        this.selections.get(subscription._id)?.apply(delivery, resend);
        return;
      }
      this.selections.get(subscription._id)?.apply(delivery, set);
      metrics.increment('mdm_sync_parked_total', { help: 'Deliveries parked in the dead letter after their last retry.', labels });
    } else {
      const jittered = input.retryDelayMs ?? this.jittered(attempts) ?? 0;
      const requested =
        input.response && (input.response.status === 429 || input.response.status === 503)
          ? retryAfterMs(input.response.headers['retry-after'], finishedAt)
          : null;
      const wait = requested !== null ? Math.min(RETRY_AFTER_CAP_MS, Math.max(requested, 0)) : jittered;
      // A retry sends it again anyway: a rewind's request to resend is met by it.
      const set = {
        attempts,
        attemptLog,
        nextAttemptAt: new Date(finishedAt + wait).toISOString(),
        leaseUntil: null,
        resendAfterOutcome: false,
        updatedAt: at,
      };
      await deliveries.updateOne({ _id: delivery._id }, { $set: set });
      this.selections.get(subscription._id)?.apply(delivery, set);
    }
    const failingSince = state?.failingSince ? Date.parse(state.failingSince) : finishedAt;
    if (finishedAt - failingSince > (this.services.config.syncDisableAfterMs ?? DISABLE_AFTER_MS)) {
      await disableSubscription(this.services, {
        id: subscription._id,
        reason: `Every attempt has failed since ${new Date(failingSince).toISOString()} (last: ${message}); resume the subscription once the endpoint is fixed.`,
      });
    }
  }
}

/** Starts the dispatcher; the returned function stops it (and waits for requests in flight). */
export function startSyncDispatcher(
  services: Services,
  options: DispatcherOptions = {},
): { dispatcher: SyncDispatcher; stop: () => Promise<void> } {
  const dispatcher = new SyncDispatcher(services, options);
  registerSyncGauges(services);
  dispatcher.start();
  return { dispatcher, stop: () => dispatcher.stop() };
}

/** Per-subscription gauges read from the store at scrape time (any server reports the shared truth). */
function registerSyncGauges(services: Services): void {
  const statsOfAll = async () => {
    const subscriptions = await subscriptionsCollection(services).find({}, { projection: { _id: 1 } });
    return Promise.all(subscriptions.map(async (s) => ({ id: s._id, stats: await subscriptionStats(services, s._id) })));
  };
  services.metrics.gauge(
    'mdm_sync_open_deliveries',
    'Deliveries not yet delivered, by subscription and status (pending, parked).',
    async () =>
      (await statsOfAll()).flatMap(({ id, stats }) => [
        { labels: { subscription: id, status: 'pending' }, value: stats.pending },
        { labels: { subscription: id, status: 'parked' }, value: stats.parked },
      ]),
  );
  services.metrics.gauge('mdm_sync_lag_seconds', 'Age of the oldest golden-record change not yet delivered, by subscription.', async () =>
    (await statsOfAll()).map(({ id, stats }) => ({ labels: { subscription: id }, value: stats.lagSeconds })),
  );
}
