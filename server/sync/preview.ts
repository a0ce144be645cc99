/**
 * Preview: exactly what a subscription would send for one golden record — the messages of the record's
 * latest change as a live event (after the subscription's event types, changedPaths and filter), and as
 * a backfill snapshot — built by the same planner the dispatcher uses, without storing or sending anything.
 */
import { BadRequestError, NotFoundError } from '../errors';
import { CHANGE_QUEUE, CHANGES } from '../golden/collections';
import type { ChangeDocument } from '../golden/types';
import type { AppServices } from '../services';
import { planMessages, type PlannedMessage } from './messages';
import { deliveryId } from './outbox';
import type { SubscriptionDocument } from './types';

export interface PreviewMessage {
  /** The `webhook-id` it would carry. */
  id: string;
  event: string;
  contentType: string | null;
  body: string | null;
  /** Why nothing would be sent for it (its filter or mapping failed), or null. */
  failure: PlannedMessage['failure'];
}

export interface SubscriptionPreview {
  goldenId: string;
  domain: string;
  change: { cursor: string; type: string; version: number; at: string };
  /** As a live event of that change; empty when the subscription does not send it (see `liveSkipped`). */
  live: PreviewMessage[];
  liveSkipped: string | null;
  /** As a backfill snapshot of the record at that change. */
  snapshot: PreviewMessage[];
}

function previewOf(subscriptionId: string, messages: PlannedMessage[]): PreviewMessage[] {
  return messages.map((m) => ({
    id: deliveryId(subscriptionId, m.change, m.index, m.backfillRun),
    event: m.event,
    contentType: m.contentType,
    body: m.body,
    failure: m.failure,
  }));
}

/** The messages the subscription would send for `goldenId` (its latest change), without sending them. */
export async function previewSubscription(
  services: Pick<AppServices, 'store' | 'mappingRuntime'>,
  input: { subscription: SubscriptionDocument; goldenId: string },
): Promise<SubscriptionPreview> {
  const { subscription, goldenId } = input;
  // The newest change of the record: numbered in the feed, or still waiting for the sequencer (a write made a moment ago).
  const newest = { sort: { version: -1 as const }, limit: 1 };
  const [sequenced] = await services.store.collection<ChangeDocument>(CHANGES).find({ goldenId }, newest);
  const [queued] = await services.store.collection<ChangeDocument>(CHANGE_QUEUE).find({ goldenId }, newest);
  const change = queued && (!sequenced || queued.version > sequenced.version) ? queued : sequenced;
  if (!change) throw new NotFoundError(`Golden record "${goldenId}" (no change in the feed)`);
  if (!subscription.domains.includes(change.domain)) {
    throw new BadRequestError(
      'VALIDATION_FAILED',
      `body.goldenId: "${goldenId}" is a ${change.domain} record; this subscription sends ${subscription.domains.join(', ')}.`,
      [
        {
          path: 'body.goldenId',
          code: 'DOMAIN_NOT_SUBSCRIBED',
          message: `a ${change.domain} record; the subscription sends ${subscription.domains.join(', ')}`,
        },
      ],
    );
  }
  const live = await planMessages(services, { subscription, changes: [change] });
  const snapshot = await planMessages(services, { subscription, changes: [change], backfillRun: 0 });
  let liveSkipped: string | null = null;
  if (live.length === 0) {
    liveSkipped = subscription.outboundMapping
      ? `Not sent live: the subscription's event types, changedPaths or filter leave out this ${change.type} event, or the outbound mapping returns nothing for it.`
      : `Not sent live: the subscription's event types, changedPaths or filter leave out this ${change.type} event.`;
  }
  return {
    goldenId,
    domain: change.domain,
    change: { cursor: change._id, type: change.type, version: change.version, at: change.at },
    live: previewOf(subscription._id, live),
    liveSkipped,
    snapshot: previewOf(subscription._id, snapshot).map((m) => ({ ...m, id: m.id.replace(/_b0(?=$|_)/, '_b<run>') })),
  };
}
