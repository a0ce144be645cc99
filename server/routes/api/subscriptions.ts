/** Downstream sync: subscriptions (webhooks fed from the change feed), their deliveries, replay, rewind and the egress allow-list. */
import {
  bulkReplayBodySchema,
  createSubscriptionBodySchema,
  deliveryParamsSchema,
  discardBodySchema,
  egressAllowBodySchema,
  listDeliveriesQuerySchema,
  reasonBodySchema,
  rewindBodySchema,
  rotateSecretBodySchema,
  previewBodySchema,
  searchDeliveriesQuerySchema,
  subscriptionParamsSchema,
  updateSubscriptionBodySchema,
  backfillRunSchema,
  deliveryListSchema,
  deliveryViewSchema,
  egressAllowListSchema,
  replayedCountSchema,
  rewindResultSchema,
  subscriptionListSchema,
  subscriptionPreviewSchema,
  subscriptionVersionListSchema,
  subscriptionViewSchema,
  subscriptionWithSecretSchema,
  syncStatusListSchema,
  targetXrefListSchema,
  type DeliveryView,
  type SubscriptionPreviewView,
  type SubscriptionView,
  type SyncStatusView,
  type TargetXrefView,
} from '../../contracts/subscriptions';
import { defineRoute, viewResponse } from '../../http/route';
import { bodyOf } from '../../sync/bodies';
import { requestBackfill } from '../../sync/backfill';
import { previewSubscription } from '../../sync/preview';
import { findByTargetId, listSyncStatus } from '../../sync/syncStatus';
import type { Principal } from '../../policies/abilities';
import {
  deliveriesByCorrelation,
  listDeliveries,
  replayDelivery,
  discardDelivery,
  replaySince,
  requireDelivery,
  rewindSubscription,
  subscriptionStats,
} from '../../sync/deliveries';
import { setEgressAllowList, storedEgressEntries } from '../../sync/egress';
import { presentDelivery, presentSubscription, presentSubscriptionVersion } from '../../sync/presenter';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptionVersions,
  pauseSubscription,
  requireSubscription,
  resumeSubscription,
  rotateSecret,
  subscriptionsCollection,
  updateSubscription,
} from '../../sync/subscriptions';

const TAGS = ['sync'];
const notFound = { 404: { description: 'No such subscription (or delivery).' } };
const subscriptionResponse = viewResponse<SubscriptionView>({ description: 'The subscription.', schema: subscriptionViewSchema });
function subscriptionWithSecret(description: string) {
  return viewResponse<SubscriptionView & { secret: string }>({ description, schema: subscriptionWithSecretSchema });
}

function actorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

export const subscriptionRoutes = [
  defineRoute({
    operationId: 'createSubscription',
    method: 'post',
    path: '/subscriptions',
    summary: 'Subscribe a webhook endpoint to golden-record changes',
    description: 'Starts with the next change. The signing secret (`whsec_…`) is in this response only; the server keeps it encrypted.',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    body: createSubscriptionBodySchema,
    responses: { 201: subscriptionWithSecret('The subscription and its signing secret.') },
    handler: async ({ services, body, principal }) => {
      const { subscription, secret } = await createSubscription(services, { body, actor: actorOf(principal) });
      return { status: 201, body: { ...presentSubscription(subscription), secret } };
    },
  }),
  defineRoute({
    operationId: 'listSubscriptions',
    method: 'get',
    path: '/subscriptions',
    summary: 'List subscriptions',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    responses: {
      200: viewResponse<{ items: SubscriptionView[] }>({ description: '`{ items }`, by name.', schema: subscriptionListSchema }),
    },
    handler: async ({ services }) => {
      const items = await subscriptionsCollection(services).find({}, { sort: { name: 1 } });
      return { body: { items: items.map((doc) => presentSubscription(doc)) } };
    },
  }),
  defineRoute({
    operationId: 'getSubscription',
    method: 'get',
    path: '/subscriptions/:id',
    summary: 'A subscription with its delivery stats (lag, counts, p95 latency, last error)',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    params: subscriptionParamsSchema,
    responses: { 200: subscriptionResponse, ...notFound },
    handler: async ({ services, params }) => {
      const doc = await requireSubscription(services, params.id);
      return { body: presentSubscription(doc, await subscriptionStats(services, doc._id)) };
    },
  }),
  defineRoute({
    operationId: 'updateSubscription',
    method: 'patch',
    path: '/subscriptions/:id',
    summary: 'Change a subscription (fields given replace the stored ones; a new version)',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    params: subscriptionParamsSchema,
    body: updateSubscriptionBodySchema,
    responses: { 200: subscriptionResponse, 409: { description: 'STALE_VERSION' }, ...notFound },
    handler: async ({ services, params, body, principal }) => ({
      body: presentSubscription(await updateSubscription(services, { id: params.id, body, actor: actorOf(principal) })),
    }),
  }),
  defineRoute({
    operationId: 'deleteSubscription',
    method: 'delete',
    path: '/subscriptions/:id',
    summary: 'Delete a subscription and its undelivered messages (versions and audit stay)',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    params: subscriptionParamsSchema,
    responses: { 204: { description: 'Deleted.' }, ...notFound },
    handler: async ({ services, params, principal }) => {
      await deleteSubscription(services, { id: params.id, actor: actorOf(principal) });
      return { status: 204 };
    },
  }),
  defineRoute({
    operationId: 'pauseSubscription',
    method: 'post',
    path: '/subscriptions/:id/pause',
    summary: 'Pause deliveries (changes keep accumulating behind the cursor)',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    params: subscriptionParamsSchema,
    body: reasonBodySchema,
    responses: { 200: subscriptionResponse, ...notFound },
    handler: async ({ services, params, body, principal }) => ({
      body: presentSubscription(await pauseSubscription(services, { id: params.id, actor: actorOf(principal), reason: body.reason })),
    }),
  }),
  defineRoute({
    operationId: 'resumeSubscription',
    method: 'post',
    path: '/subscriptions/:id/resume',
    summary: 'Resume a paused or disabled subscription where it stopped',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    params: subscriptionParamsSchema,
    body: reasonBodySchema,
    responses: { 200: subscriptionResponse, ...notFound },
    handler: async ({ services, params, body, principal }) => ({
      body: presentSubscription(await resumeSubscription(services, { id: params.id, actor: actorOf(principal), reason: body.reason })),
    }),
  }),
  defineRoute({
    operationId: 'rotateSubscriptionSecret',
    method: 'post',
    path: '/subscriptions/:id/rotate-secret',
    summary: 'New signing secret; the old one keeps signing beside it for the grace period',
    tags: TAGS,
    auth: { action: 'subscriptions.write' },
    params: subscriptionParamsSchema,
    body: rotateSecretBodySchema,
    responses: { 200: subscriptionWithSecret('The subscription and its new secret (shown once).'), ...notFound },
    handler: async ({ services, params, body, principal }) => {
      const { subscription, secret } = await rotateSecret(services, {
        id: params.id,
        actor: actorOf(principal),
        gracePeriodSeconds: body.gracePeriodSeconds,
        reason: body.reason,
      });
      return { body: { ...presentSubscription(subscription), secret } };
    },
  }),
  defineRoute({
    operationId: 'listSubscriptionVersions',
    method: 'get',
    path: '/subscriptions/:id/versions',
    summary: 'Every version of a subscription, newest first',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    params: subscriptionParamsSchema,
    responses: { 200: { description: '`{ items }`', schema: subscriptionVersionListSchema }, ...notFound },
    handler: async ({ services, params }) => {
      await requireSubscription(services, params.id);
      return { body: { items: (await listSubscriptionVersions(services, params.id)).map(presentSubscriptionVersion) } };
    },
  }),
  defineRoute({
    operationId: 'listDeliveries',
    method: 'get',
    path: '/subscriptions/:id/deliveries',
    summary: 'Deliveries of a subscription, newest change first',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    params: subscriptionParamsSchema,
    query: listDeliveriesQuerySchema,
    responses: { 200: viewResponse<{ items: DeliveryView[] }>({ description: '`{ items }`', schema: deliveryListSchema }), ...notFound },
    handler: async ({ services, params, query }) => {
      const items = await listDeliveries(services, {
        subscriptionId: params.id,
        status: query.status,
        goldenId: query.goldenId,
        correlationId: query.correlationId,
        limit: query.limit ?? 100,
      });
      return { body: { items: items.map((d) => presentDelivery(d)) } };
    },
  }),
  defineRoute({
    operationId: 'getDelivery',
    method: 'get',
    path: '/subscriptions/:id/deliveries/:deliveryId',
    summary: 'One delivery with its body and each attempt (exact request, signature redacted, and answer)',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    params: deliveryParamsSchema,
    responses: { 200: viewResponse<DeliveryView>({ description: 'The delivery.', schema: deliveryViewSchema }), ...notFound },
    handler: async ({ services, params, principal }) => {
      const subscription = await requireSubscription(services, params.id);
      const delivery = await requireDelivery(services, { subscriptionId: params.id, deliveryId: params.deliveryId });
      // Unmasked sensitive values stay with the roles that may see them.
      const canSeeBody = subscription.includeSensitive !== true || principal.role === 'admin' || principal.role === 'steward';
      return {
        body: presentDelivery(delivery, {
          detail: true,
          body: canSeeBody ? await bodyOf(services, delivery) : null,
          hideBody: !canSeeBody,
        }),
      };
    },
  }),
  defineRoute({
    operationId: 'replayDelivery',
    method: 'post',
    path: '/subscriptions/:id/deliveries/:deliveryId/replay',
    summary: 'Send a parked or delivered message again (same webhook-id)',
    tags: TAGS,
    auth: { action: 'subscriptions.replay' },
    params: deliveryParamsSchema,
    body: reasonBodySchema,
    responses: {
      200: viewResponse<DeliveryView>({ description: 'The delivery, pending again.', schema: deliveryViewSchema }),
      409: { description: 'DELIVERY_PENDING' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => ({
      body: presentDelivery(
        await replayDelivery(services, {
          subscriptionId: params.id,
          deliveryId: params.deliveryId,
          actor: actorOf(principal),
          reason: body.reason,
        }),
      ),
    }),
  }),
  defineRoute({
    operationId: 'discardDelivery',
    method: 'post',
    path: '/subscriptions/:id/deliveries/:deliveryId/discard',
    summary: 'Give up on a parked message for good (audited with the required reason); its record moves on',
    tags: TAGS,
    auth: { action: 'subscriptions.replay' },
    params: deliveryParamsSchema,
    body: discardBodySchema,
    responses: {
      200: viewResponse<DeliveryView>({ description: 'The delivery, discarded.', schema: deliveryViewSchema }),
      409: { description: 'DELIVERY_NOT_PARKED' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => ({
      body: presentDelivery(
        await discardDelivery(services, {
          subscriptionId: params.id,
          deliveryId: params.deliveryId,
          actor: actorOf(principal),
          reason: body.reason,
        }),
      ),
    }),
  }),
  defineRoute({
    operationId: 'replayDeliveries',
    method: 'post',
    path: '/subscriptions/:id/replay',
    summary: 'Replay every parked (or delivered) message since a time',
    tags: TAGS,
    auth: { action: 'subscriptions.replay' },
    params: subscriptionParamsSchema,
    body: bulkReplayBodySchema,
    responses: { 200: { description: '`{ replayed }`', schema: replayedCountSchema }, ...notFound },
    handler: async ({ services, params, body, principal }) => ({
      body: await replaySince(services, {
        subscriptionId: params.id,
        since: body.since,
        status: body.status ?? 'parked',
        actor: actorOf(principal),
        reason: body.reason,
      }),
    }),
  }),
  defineRoute({
    operationId: 'rewindSubscription',
    method: 'post',
    path: '/subscriptions/:id/rewind',
    summary: 'Move the cursor back to a change-feed cursor or a time; later changes are sent again',
    tags: TAGS,
    auth: { action: 'subscriptions.replay' },
    params: subscriptionParamsSchema,
    body: rewindBodySchema,
    responses: { 200: { description: '`{ cursor, previousCursor }`', schema: rewindResultSchema }, ...notFound },
    handler: async ({ services, params, body, principal }) => ({
      body: await rewindSubscription(services, {
        subscriptionId: params.id,
        cursor: body.cursor,
        at: body.at,
        actor: actorOf(principal),
        reason: body.reason,
      }),
    }),
  }),
  defineRoute({
    operationId: 'backfillSubscription',
    method: 'post',
    path: '/subscriptions/:id/backfill',
    summary: 'Send a snapshot of every active golden record of its domains, then continue live (no gaps, no stale overwrites)',
    tags: TAGS,
    auth: { action: 'subscriptions.replay' },
    params: subscriptionParamsSchema,
    body: reasonBodySchema,
    responses: {
      202: {
        description: '`{ run, requestedAt, planned, finishedAt }`; progress in GET /subscriptions/:id stats.backfill',
        schema: backfillRunSchema,
      },
      409: { description: 'BACKFILL_RUNNING' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const backfill = await requestBackfill(services, { subscriptionId: params.id, actor: actorOf(principal), reason: body.reason });
      return {
        status: 202,
        body: { run: backfill.run, requestedAt: backfill.requestedAt, planned: backfill.planned, finishedAt: backfill.finishedAt },
      };
    },
  }),
  defineRoute({
    operationId: 'findByTargetXref',
    method: 'get',
    path: '/sync/target-xref/:system/:targetId',
    summary: 'The golden record a target system knows by its own id (closed loop: the id its reply gave, read by a response mapping)',
    tags: TAGS,
    auth: { action: 'golden.read' },
    params: {
      type: 'object',
      required: ['system', 'targetId'],
      properties: {
        system: { type: 'string', minLength: 1, maxLength: 64 },
        targetId: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    responses: {
      200: viewResponse<{ items: TargetXrefView[] }>({
        description: '`{ items }`, one per subscriber whose reply gave this id, with `currentGoldenId` (after merges)',
        schema: targetXrefListSchema,
      }),
      404: { description: 'No subscriber of this system has reported this id.' },
    },
    handler: async ({ services, params }) => ({ body: { items: await findByTargetId(services, params) } }),
  }),
  defineRoute({
    operationId: 'getSyncStatus',
    method: 'get',
    path: '/sync/status/:goldenId',
    summary: "Per subscriber: the last version of a golden record delivered, when, and the target system's id for it",
    tags: TAGS,
    auth: { action: 'golden.read' },
    params: { type: 'object', required: ['goldenId'], properties: { goldenId: { type: 'string', minLength: 1, maxLength: 200 } } },
    responses: {
      200: viewResponse<{ items: SyncStatusView[] }>({
        description: '`{ items }`, one per subscriber that received the record',
        schema: syncStatusListSchema,
      }),
    },
    handler: async ({ services, params }) => ({ body: { items: await listSyncStatus(services, params.goldenId) } }),
  }),
  defineRoute({
    operationId: 'previewSubscription',
    method: 'post',
    path: '/subscriptions/:id/preview',
    summary:
      'Exactly what the subscription would send for a golden record (its latest change, live and as a backfill snapshot); nothing is sent',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    params: subscriptionParamsSchema,
    body: previewBodySchema,
    responses: {
      200: viewResponse<SubscriptionPreviewView>({
        description: 'The messages (body, content type, webhook-id) or why none would go.',
        schema: subscriptionPreviewSchema,
      }),
      400: { description: 'The record is not of a subscribed domain.' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const subscription = await requireSubscription(services, params.id);
      const preview = await previewSubscription(services, { subscription, goldenId: body.goldenId });
      // Unmasked sensitive values stay with the roles that may see them (as for delivery bodies).
      const canSeeBody = subscription.includeSensitive !== true || principal.role === 'admin' || principal.role === 'steward';
      const hide = (messages: typeof preview.live) => (canSeeBody ? messages : messages.map((m) => ({ ...m, body: null })));
      return { body: { ...preview, live: hide(preview.live), snapshot: hide(preview.snapshot) } };
    },
  }),
  defineRoute({
    operationId: 'searchDeliveries',
    method: 'get',
    path: '/sync/deliveries',
    summary: 'Deliveries to every subscriber of the changes caused by one request, upload job or message (its correlation id)',
    tags: TAGS,
    auth: { action: 'subscriptions.read' },
    query: searchDeliveriesQuerySchema,
    responses: {
      200: viewResponse<{ items: DeliveryView[] }>({
        description: '`{ items }` in feed order (without bodies).',
        schema: deliveryListSchema,
      }),
    },
    handler: async ({ services, query }) => {
      const items = await deliveriesByCorrelation(services, { correlationId: query.correlationId, limit: query.limit ?? 100 });
      return { body: { items: items.map((d) => presentDelivery(d)) } };
    },
  }),
  defineRoute({
    operationId: 'getEgressAllowList',
    method: 'get',
    path: '/sync/egress-allow',
    summary: 'Private hosts and ranges deliveries may reach (stored entries, and those from MDM_EGRESS_ALLOW)',
    tags: TAGS,
    auth: { action: 'egress.manage' },
    responses: { 200: { description: '`{ entries, fromEnvironment, updatedAt }`', schema: egressAllowListSchema } },
    handler: async ({ services }) => {
      const stored = await storedEgressEntries(services);
      return { body: { entries: stored.entries, fromEnvironment: services.config.egressAllow, updatedAt: stored.updatedAt } };
    },
  }),
  defineRoute({
    operationId: 'setEgressAllowList',
    method: 'put',
    path: '/sync/egress-allow',
    summary: 'Replace the stored egress allow-list (host names, addresses, CIDR ranges)',
    tags: TAGS,
    auth: { action: 'egress.manage' },
    body: egressAllowBodySchema,
    responses: { 200: { description: '`{ entries, updatedAt }`', schema: egressAllowListSchema } },
    handler: async ({ services, body, principal }) => ({
      body: await setEgressAllowList(services, { entries: body.entries, actor: actorOf(principal), reason: body.reason }),
    }),
  }),
];
