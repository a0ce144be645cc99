/** What leaves the server about subscriptions and deliveries: never a secret, not even sealed. */
import type { DeliveryView, SubscriptionStatsView, SubscriptionView } from '../contracts/subscriptions';
import type { DeliveryDocument, SubscriptionDocument, SubscriptionVersionDocument } from './types';

export function presentSubscription(doc: SubscriptionDocument, stats?: SubscriptionStatsView): SubscriptionView {
  return {
    id: doc._id,
    name: doc.name,
    domains: doc.domains,
    transport: doc.transport,
    events: doc.events,
    filter: doc.filter,
    changedPaths: doc.changedPaths,
    payload: doc.payload,
    outboundMapping: doc.outboundMapping,
    responseMapping: doc.responseMapping ?? null,
    includeSensitive: doc.includeSensitive === true,
    status: doc.status,
    disabledReason: doc.disabledReason,
    version: doc.version,
    secrets: doc.secrets.map((s) => ({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    ...(stats ? { stats } : {}),
  };
}

export function presentSubscriptionVersion(doc: SubscriptionVersionDocument) {
  return {
    version: doc.version,
    change: doc.change,
    status: doc.status,
    settings: doc.settings,
    reason: doc.reason ?? null,
    author: { name: doc.author.name, role: doc.author.role },
    at: doc.at,
  };
}

/** `detail` adds the body (read by the caller, bodies.ts) and every kept attempt (exact request with the signature redacted, and the answer). */
export function presentDelivery(
  doc: DeliveryDocument,
  options: { detail?: boolean; body?: string | null; hideBody?: boolean } = {},
): DeliveryView {
  return {
    id: doc._id,
    subscriptionId: doc.subscriptionId,
    cursor: doc.changeId,
    goldenId: doc.goldenId,
    domain: doc.domain,
    version: doc.version,
    event: doc.event,
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: doc.status === 'pending' ? doc.nextAttemptAt : null,
    createdAt: doc.createdAt,
    deliveredAt: doc.deliveredAt,
    parkedAt: doc.parkedAt,
    failure: doc.failure,
    contentType: doc.contentType,
    correlationId: doc.correlationId ?? null,
    ...(options.detail ? { body: options.hideBody ? null : (options.body ?? null), attemptLog: doc.attemptLog } : {}),
  };
}
