/** The outbox: planned messages become delivery documents (ids and feed-order sequences). */
import type { ChangeDocument } from '../golden/types';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { recordAudit } from '../audit/auditLog';
import { storeBodies } from './bodies';
import { DELIVERIES, SUBSCRIPTION_STATE } from './collections';
import type { PlannedMessage } from './messages';
import type { DeliveryDocument, SubscriptionStateDocument } from './types';
import { present } from '../invariant';

export const SEQUENCE_INDEX_WIDTH = 4;

/** The `webhook-id`: derived from subscription and change, so retries, replays and rewinds keep it. */
export function deliveryId(subscriptionId: string, change: ChangeDocument, index: number, backfillRun?: number): string {
  const run = backfillRun !== undefined ? `_b${backfillRun}` : '';
  return `msg_${subscriptionId.slice(4)}_${change._id.replace(/^0+(?=.)/, '')}${run}${index > 0 ? `_${index}` : ''}`;
}

/**
 * Feed order. A backfill snapshot of a record is taken as of its latest change already read (cursor c):
 * `c.b…` sorts after that change's own messages (`c.0000`) and before every later change, so the
 * record's open messages go out in state order — no stale overwrite.
 */
export function sequenceOf(message: Pick<PlannedMessage, 'change' | 'index' | 'backfillRun'>): string {
  const index = String(message.index).padStart(SEQUENCE_INDEX_WIDTH, '0');
  return message.backfillRun !== undefined ? `${message.change._id}.b${index}` : `${message.change._id}.${index}`;
}

/** A delivery document for a planned message (its body is stored apart: bodies.ts). */
export function newDelivery(subscriptionId: string, message: PlannedMessage, at: string): DeliveryDocument {
  const { change } = message;
  return {
    _id: deliveryId(subscriptionId, change, message.index, message.backfillRun),
    subscriptionId,
    sequence: sequenceOf(message),
    changeId: change._id,
    changeAt: change.at,
    goldenId: change.goldenId,
    domain: change.domain,
    version: change.version,
    event: message.event,
    ...(message.backfillRun !== undefined ? { backfillRun: message.backfillRun } : {}),
    status: message.failure ? 'parked' : 'pending',
    isOpen: true,
    attempts: 0,
    nextAttemptAt: message.failure ? null : at,
    leaseUntil: null,
    contentType: message.contentType,
    hasBody: message.body !== null,
    failure: message.failure,
    attemptLog: [],
    createdAt: at,
    updatedAt: at,
    deliveredAt: null,
    parkedAt: message.failure ? at : null,
    latencyMs: null,
    fileBatch: null,
    // A backfill snapshot is not caused by the change it is taken as of.
    ...(message.backfillRun === undefined && typeof change.correlationId === 'string' ? { correlationId: change.correlationId } : {}),
    ...(typeof change.mergedInto === 'string' && change.type === 'retired' ? { mergedInto: change.mergedInto } : {}),
  };
}

/** The dispatcher, as the actor of what it does on its own (audited). */
const DISPATCHER_ACTOR = { keyId: 'system', name: 'sync dispatcher', role: 'system' };

/**
 * Stores planned messages: new ones are inserted. One that exists already was re-planned by a rewind: delivered,
 * discarded or parked, it is opened again with the same id (a parked one audited as `subscription.rewind-reopen`);
 * pending, it simply goes after the rewind (once more after its attempt when one is in flight).
 */
export async function storeMessages(
  services: Pick<AppServices, 'store'>,
  subscriptionId: string,
  messages: PlannedMessage[],
  session: StoreSession,
): Promise<void> {
  if (messages.length === 0) return;
  const at = new Date().toISOString();
  const deliveries = services.store.collection<DeliveryDocument>(DELIVERIES);
  const fresh = messages.map((m) => newDelivery(subscriptionId, m, at));
  const bodyById = new Map(messages.map((m, i) => [present(fresh[i], 'the delivery of each message')._id, m.body]));
  const existing = new Map((await deliveries.find({ _id: { $in: fresh.map((d) => d._id) } }, { session })).map((d) => [d._id, d]));
  const inserts = fresh.filter((d) => !existing.has(d._id));
  if (inserts.length > 0) await deliveries.insertMany(inserts, { session });
  const replaced: Array<{ id: string; body: string | null }> = [];
  const inFlight: string[] = [];
  const reopenedParked: DeliveryDocument[] = [];
  const now = Date.now();
  let hasReopened = false;
  for (const delivery of fresh) {
    const old = existing.get(delivery._id);
    if (!old) continue;
    if (old.isOpen && old.status !== 'parked') {
      // Pending and not claimed: it is still to be sent, after this re-planning. Claimed (a lease, or a file
      // batch): an attempt is (or may be) in flight with what was read before the rewind — it is sent once
      // more after that attempt ends (a failed attempt is retried anyway).
      const isClaimed = (old.leaseUntil !== null && Date.parse(old.leaseUntil) > now) || Boolean(old.fileBatch);
      if (old.status === 'pending' && isClaimed) inFlight.push(old._id);
      continue;
    }
    // Closed, or parked (a rewind sends again everything after its point, dead letters included): opened again,
    // rebuilt with the subscription as it is now, with a fresh retry schedule. It keeps its sequence, so its
    // record's later open deliveries still wait behind it.
    hasReopened = true;
    if (old.status === 'parked') reopenedParked.push(old);
    await deliveries.replaceOne({ _id: old._id }, { ...delivery, createdAt: old.createdAt, attemptLog: old.attemptLog }, { session });
    replaced.push({ id: delivery._id, body: bodyById.get(delivery._id) ?? null });
  }
  if (inFlight.length > 0)
    await deliveries.updateMany({ _id: { $in: inFlight }, isOpen: true }, { $set: { resendAfterOutcome: true } }, { session });
  const states = services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE);
  const state = await states.findOne({ _id: subscriptionId }, { session });
  if (reopenedParked.length > 0)
    await recordAudit({
      store: services.store,
      session,
      actor: DISPATCHER_ACTOR,
      action: 'subscription.rewind-reopen',
      target: { type: 'subscription', id: subscriptionId },
      after: {
        rewind: state?.lastRewind ?? null,
        deliveries: reopenedParked.map((d) => ({ deliveryId: d._id, goldenId: d.goldenId, version: d.version, parkedAt: d.parkedAt })),
      },
      reason: 'A rewind re-planned these parked deliveries: they are sent again.',
      at,
    });
  await storeBodies(
    services,
    {
      subscriptionId,
      fresh: inserts.flatMap((d) => {
        const body = bodyById.get(d._id);
        return typeof body === 'string' ? [{ id: d._id, body }] : [];
      }),
      replaced,
    },
    session,
  );
  const planned = state?.lastPlannedSequence ?? null;
  const sequences = fresh.map((d) => d.sequence).sort();
  const lowest = present(sequences[0], 'the lowest planned sequence');
  const highest = present(sequences.at(-1), 'the highest planned sequence');
  // Appended after everything planned so far: dispatchers read on. Behind it (a rewind, a backfill snapshot
  // or a reopened delivery): their in-memory selections are read again.
  const isBehind = hasReopened || (planned !== null && lowest <= planned);
  await states.updateOne(
    { _id: subscriptionId },
    {
      $set: { lastPlannedSequence: planned !== null && planned > highest ? planned : highest },
      ...(isBehind ? { $inc: { selectionEpoch: 1 } } : {}),
    },
    { session },
  );
}

/** Makes every dispatcher read the subscription's open deliveries again (after a write behind the planner: replay, discard). */
export async function invalidateOpenSelection(
  services: Pick<AppServices, 'store'>,
  subscriptionId: string,
  session?: StoreSession,
): Promise<void> {
  await services.store
    .collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE)
    .updateOne({ _id: subscriptionId }, { $inc: { selectionEpoch: 1 } }, { session });
}
