/** Deliveries of a subscription: reads, stats, replay (one, or all since T) and cursor rewind — each replay and rewind audited. */
import { recordAudit } from '../audit/auditLog';
import type { SubscriptionStatsView } from '../contracts/subscriptions';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { CHANGES, COUNTERS } from '../golden/collections';
import type { ChangeDocument } from '../golden/types';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { DELIVERIES, SUBSCRIPTION_STATE } from './collections';
import type { BackfillProgress } from './backfill';
import { hasBody } from './bodies';
import { invalidateOpenSelection } from './outbox';
import { requireSubscription } from './subscriptions';
import type { DeliveryDocument, SubscriptionStateDocument, SyncActor } from './types';

type Services = Pick<AppServices, 'store'>;

function deliveriesCollection(services: Services) {
  return services.store.collection<DeliveryDocument>(DELIVERIES);
}

/** Newest first, optionally by status or golden record. */
export async function listDeliveries(
  services: Services,
  input: { subscriptionId: string; status?: DeliveryDocument['status']; goldenId?: string; correlationId?: string; limit: number },
): Promise<DeliveryDocument[]> {
  await requireSubscription(services, input.subscriptionId);
  const filter: Filter = { subscriptionId: input.subscriptionId };
  if (input.status) filter.status = input.status;
  if (input.goldenId) filter.goldenId = input.goldenId;
  if (input.correlationId) filter.correlationId = input.correlationId;
  return deliveriesCollection(services).find(filter, { sort: { sequence: -1 }, limit: input.limit });
}

/** Deliveries to every subscriber of the changes with one correlation id, in feed order. */
export async function deliveriesByCorrelation(
  services: Services,
  input: { correlationId: string; limit: number },
): Promise<DeliveryDocument[]> {
  return deliveriesCollection(services).find({ correlationId: input.correlationId }, { sort: { sequence: 1 }, limit: input.limit });
}

/** One delivery of the subscription, or 404. */
export async function requireDelivery(
  services: Services,
  input: { subscriptionId: string; deliveryId: string },
): Promise<DeliveryDocument> {
  const found = await deliveriesCollection(services).findOne({ _id: input.deliveryId, subscriptionId: input.subscriptionId });
  if (!found) throw new NotFoundError(`Delivery "${input.deliveryId}" of subscription "${input.subscriptionId}"`);
  return found;
}

// A replayed file-drop message leaves its old batch: it goes in a new file (its old one stays as written).
const REOPEN = (at: string) => ({
  status: 'pending',
  isOpen: true,
  attempts: 0,
  nextAttemptAt: at,
  leaseUntil: null,
  // A dispatcher applies an outcome only to the claim it made: an outcome arriving after this replay is older.
  leaseToken: null,
  parkedAt: null,
  fileBatch: null,
  updatedAt: at,
});

/** Sends a parked (or delivered) delivery again, with the same webhook-id. */
export async function replayDelivery(
  services: Services,
  input: { subscriptionId: string; deliveryId: string; actor: SyncActor; reason?: string },
): Promise<DeliveryDocument> {
  const delivery = await requireDelivery(services, input);
  if (delivery.status === 'pending')
    throw new ConflictError(
      'DELIVERY_PENDING',
      `Delivery "${delivery._id}" is still pending (attempt ${delivery.attempts + 1} is scheduled): nothing to replay.`,
    );
  const at = new Date().toISOString();
  return services.store.withTransaction(async (session) => {
    await deliveriesCollection(services).updateOne(
      { _id: delivery._id, status: delivery.status },
      { $set: { ...REOPEN(at), failure: hasBody(delivery) ? null : delivery.failure } },
      { session },
    );
    await invalidateOpenSelection(services, input.subscriptionId, session);
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.replay',
      target: { type: 'subscription', id: input.subscriptionId },
      after: { deliveryId: delivery._id, previousStatus: delivery.status },
      reason: input.reason,
      at,
    });
    return { ...delivery, ...REOPEN(at) } as DeliveryDocument;
  });
}

/**
 * Gives up on a parked delivery for good: it is closed as `discarded` (never sent, kept with its attempts),
 * so its record's later events may go. Audited with the reason; 409 DELIVERY_NOT_PARKED otherwise.
 */
export async function discardDelivery(
  services: Services,
  input: { subscriptionId: string; deliveryId: string; actor: SyncActor; reason: string },
): Promise<DeliveryDocument> {
  const delivery = await requireDelivery(services, input);
  if (delivery.status !== 'parked')
    throw new ConflictError(
      'DELIVERY_NOT_PARKED',
      `Delivery "${delivery._id}" is ${delivery.status}: only a parked delivery can be discarded.`,
    );
  const at = new Date().toISOString();
  const set = { status: 'discarded' as const, isOpen: false, leaseToken: null, discardedAt: at, updatedAt: at };
  return services.store.withTransaction(async (session) => {
    const changed = await deliveriesCollection(services).updateOne({ _id: delivery._id, status: 'parked' }, { $set: set }, { session });
    if (changed.matchedCount === 0)
      throw new ConflictError(
        'DELIVERY_NOT_PARKED',
        `Delivery "${delivery._id}" changed meanwhile: only a parked delivery can be discarded.`,
      );
    await invalidateOpenSelection(services, input.subscriptionId, session);
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.discard',
      target: { type: 'subscription', id: input.subscriptionId },
      after: { deliveryId: delivery._id, goldenId: delivery.goldenId, version: delivery.version, previousStatus: delivery.status },
      reason: input.reason,
      at,
    });
    return { ...delivery, ...set };
  });
}

/** Replays every delivery of `status` (parked by default) that reached it at or after `since`; returns how many. */
export async function replaySince(
  services: Services,
  input: { subscriptionId: string; since: string; status: 'parked' | 'delivered'; actor: SyncActor; reason?: string },
): Promise<{ replayed: number }> {
  await requireSubscription(services, input.subscriptionId);
  const at = new Date().toISOString();
  const timeField = input.status === 'parked' ? 'parkedAt' : 'deliveredAt';
  return services.store.withTransaction(async (session) => {
    const result = await deliveriesCollection(services).updateMany(
      { subscriptionId: input.subscriptionId, status: input.status, [timeField]: { $gte: input.since } },
      { $set: REOPEN(at) },
      { session },
    );
    if (result.modifiedCount > 0) await invalidateOpenSelection(services, input.subscriptionId, session);
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.replay-bulk',
      target: { type: 'subscription', id: input.subscriptionId },
      after: { status: input.status, since: input.since, replayed: result.modifiedCount },
      reason: input.reason,
      at,
    });
    return { replayed: result.modifiedCount };
  });
}

/**
 * How far a change's `at` (its writer's clock, stamped before its transaction commits and the sequencer numbers it)
 * may trail a change numbered before it: the longest transaction plus clock skew between servers (MongoDB ends
 * transactions after 60 s by default).
 */
const OUT_OF_ORDER_SLACK_MS = 60_000;

/**
 * The lowest cursor of a change written at or after `at`, through the `at` index (no scan of the feed before it).
 * Numbering follows commits, so `at` only nearly grows with the cursor: after the earliest such change, the changes
 * up to the slack later may carry a lower cursor; the lowest of them is taken, so no change at or after `at` is left out.
 */
export async function firstChangeAtOrAfter(services: Services, at: string): Promise<string | null> {
  const changes = services.store.collection<ChangeDocument>(CHANGES);
  const [earliest] = await changes.find({ at: { $gte: at } }, { sort: { at: 1, _id: 1 }, limit: 1, projection: { _id: 1, at: 1 } });
  if (!earliest) return null;
  const until = new Date(Date.parse(earliest.at) + OUT_OF_ORDER_SLACK_MS).toISOString();
  const window = await changes.find({ at: { $gte: at, $lte: until } }, { sort: { at: 1 }, projection: { _id: 1 } });
  return window.reduce((lowest, change) => (change._id < lowest ? change._id : lowest), earliest._id);
}

/** Moves the subscription's cursor back to a cursor or a time; the changes after it are sent again (same webhook-ids). */
export async function rewindSubscription(
  services: Services,
  input: { subscriptionId: string; cursor?: string; at?: string; actor: SyncActor; reason?: string },
): Promise<{ cursor: string | null; previousCursor: string | null }> {
  await requireSubscription(services, input.subscriptionId);
  if ((input.cursor === undefined) === (input.at === undefined))
    throw new BadRequestError('VALIDATION_FAILED', 'Give exactly one of body.cursor or body.at.', [
      { path: 'body', code: 'ONE_OF', message: 'give exactly one of cursor or at' },
    ]);
  const counter = await services.store.collection<{ _id: string; value: number }>(COUNTERS).findOne({ _id: 'changes' });
  const last = counter?.value ?? 0;
  let target: number;
  if (input.cursor !== undefined) {
    target = Number(input.cursor);
    if (target > last)
      throw new BadRequestError('VALIDATION_FAILED', `body.cursor ${input.cursor} is past the newest change (${last}).`, [
        { path: 'body.cursor', code: 'OUT_OF_RANGE', message: `at most ${last}` },
      ]);
  } else {
    const first = await firstChangeAtOrAfter(services, input.at ?? '');
    target = first !== null ? Number(first) - 1 : last;
  }
  const cursor = target > 0 ? String(target).padStart(16, '0') : null;
  const at = new Date().toISOString();
  return services.store.withTransaction(async (session) => {
    const states = services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE);
    const state = await states.findOne({ _id: input.subscriptionId }, { session });
    const previousCursor = state?.cursor ?? null;
    const lastRewind = { at, by: input.actor.name, reason: input.reason ?? null, cursor, previousCursor };
    await states.updateOne({ _id: input.subscriptionId }, { $set: { cursor, lastRewind } }, { session });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.rewind',
      target: { type: 'subscription', id: input.subscriptionId },
      before: { cursor: state?.cursor ?? null },
      after: { cursor },
      reason: input.reason,
      at,
    });
    return { cursor, previousCursor: state?.cursor ?? null };
  });
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

/** Lag, counts, p95 latency (last 200 deliveries) and the last error of a subscription. */
export async function subscriptionStats(services: Services, subscriptionId: string): Promise<SubscriptionStatsView> {
  const deliveries = deliveriesCollection(services);
  const state = await services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE).findOne({ _id: subscriptionId });
  const [pending, delivered, parked] = await Promise.all([
    deliveries.countDocuments({ subscriptionId, status: 'pending' }),
    deliveries.countDocuments({ subscriptionId, status: 'delivered' }),
    deliveries.countDocuments({ subscriptionId, status: 'parked' }),
  ]);
  const oldestOpen = await deliveries.find({ subscriptionId, isOpen: true }, { sort: { sequence: 1 }, limit: 1 });
  // Changes not yet read by the dispatcher count too (the next entry after the cursor).
  const nextId = String(Number(state?.cursor ?? '0') + 1).padStart(16, '0');
  const unread = await services.store.collection<ChangeDocument>(CHANGES).findOne({ _id: nextId });
  const oldest = [oldestOpen[0]?.changeAt, unread?.at].filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t));
  const lagSeconds = oldest.length > 0 ? Math.max(0, (Date.now() - Math.min(...oldest)) / 1000) : 0;
  const recent = await deliveries.find(
    { subscriptionId, status: 'delivered' },
    { sort: { updatedAt: -1 }, limit: 200, projection: { latencyMs: 1 } },
  );
  return {
    lagSeconds: Math.round(lagSeconds * 10) / 10,
    pending,
    delivered,
    parked,
    failedAttempts: state?.failedAttempts ?? 0,
    p95LatencyMs: percentile(
      recent.flatMap((d) => (typeof d.latencyMs === 'number' ? [d.latencyMs] : [])),
      95,
    ),
    cursor: state?.cursor ?? null,
    lastDeliveredAt: state?.lastDeliveredAt ?? null,
    lastError: state?.lastError ?? null,
    backfill: state?.backfill
      ? (({ run, requestedAt, planned, finishedAt }) => ({ run, requestedAt, planned, finishedAt }))(state.backfill as BackfillProgress)
      : null,
  };
}
