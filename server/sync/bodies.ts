/**
 * Delivery bodies: each rendered message is stored once in `deliveryBodies`, apart from its delivery
 * document, which the dispatcher rewrites at every claim and outcome — so those writes stay small. A body
 * is written when its delivery is planned and again only when a replay or rewind renders it anew.
 * Deliveries stored before the split carry their `body` inline; it is read from there.
 */
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { DELIVERY_BODIES } from './collections';
import type { DeliveryBodyDocument, DeliveryDocument, DeliveryWithBody } from './types';

type Services = Pick<AppServices, 'store'>;

function bodiesCollection(services: Services) {
  return services.store.collection<DeliveryBodyDocument>(DELIVERY_BODIES);
}

/** Whether the delivery's message was built (false: its filter or mapping failed; a replay rebuilds it). */
export function hasBody(delivery: DeliveryDocument): boolean {
  return delivery.hasBody === true || typeof delivery.body === 'string';
}

/** The deliveries that have a body, each with it (one read for all); the others are left out. */
export async function withBodies(services: Services, deliveries: DeliveryDocument[], session?: StoreSession): Promise<DeliveryWithBody[]> {
  const stored = deliveries.filter((d) => d.hasBody === true);
  const bodies =
    stored.length > 0
      ? new Map(
          (await bodiesCollection(services).find({ _id: { $in: stored.map((d) => d._id) } }, { session })).map((b) => [b._id, b.body]),
        )
      : new Map<string, string>();
  return deliveries.flatMap((delivery) => {
    const body = bodies.get(delivery._id) ?? (typeof delivery.body === 'string' ? delivery.body : undefined);
    return body === undefined ? [] : [{ ...delivery, body }];
  });
}

/** One delivery's body, or null when it has none. */
export async function bodyOf(services: Services, delivery: DeliveryDocument): Promise<string | null> {
  return (await withBodies(services, [delivery]))[0]?.body ?? null;
}

/** Stores the bodies of newly planned deliveries (insert) or of re-planned ones (replace; none: removed). */
export async function storeBodies(
  services: Services,
  input: { subscriptionId: string; fresh: Array<{ id: string; body: string }>; replaced: Array<{ id: string; body: string | null }> },
  session?: StoreSession,
): Promise<void> {
  const bodies = bodiesCollection(services);
  if (input.fresh.length > 0)
    await bodies.insertMany(
      input.fresh.map(({ id, body }) => ({ _id: id, subscriptionId: input.subscriptionId, body })),
      { session },
    );
  for (const { id, body } of input.replaced) {
    if (body === null) await bodies.deleteOne({ _id: id }, { session });
    else await bodies.replaceOne({ _id: id }, { _id: id, subscriptionId: input.subscriptionId, body }, { upsert: true, session });
  }
}

/** Removes the bodies of deleted deliveries. */
export async function deleteBodies(services: Services, ids: string[], session?: StoreSession): Promise<void> {
  if (ids.length > 0) await bodiesCollection(services).deleteMany({ _id: { $in: ids } }, { session });
}
