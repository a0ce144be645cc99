/**
 * Sync status per golden record and subscriber: last version delivered, when, and — closing the loop —
 * the target's own id, read from its reply by the subscription's response mapping (an outbound mapping
 * whose input is `{ goldenId, domain, version, event, message, response: { status, headers, body, json } }`
 * and whose output is the id; nothing keeps the id known so far).
 */
import { getPublishedMapping, loadLookupTables } from '../mappings';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { SUBSCRIPTIONS, SYNC_STATUS } from './collections';
import type { SyncStatusView, TargetXrefView } from '../contracts/subscriptions';
import { NotFoundError } from '../errors';
import { GOLDEN_RECORDS } from '../golden/collections';
import type { GoldenXrefView } from '../contracts/golden';
import type { DeliveryWithBody, SubscriptionDocument, SyncStatusDocument } from './types';
import { present } from '../invariant';

type Services = Pick<AppServices, 'store' | 'mappingRuntime' | 'logger'>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function readTargetId(
  services: Services,
  input: {
    subscription: SubscriptionDocument;
    delivery: DeliveryWithBody;
    response: { status: number; headers: Record<string, string>; body: string };
  },
): Promise<{ targetId?: string; error?: string }> {
  const target = input.subscription.responseMapping?.target;
  if (!target) return {};
  const mapping = await getPublishedMapping(services, { source: target, domain: input.delivery.domain, direction: 'outbound' });
  if (!mapping) return { error: `no published outbound mapping ${target}/${input.delivery.domain}` };
  const { delivery, response } = input;
  const record = {
    goldenId: delivery.goldenId,
    domain: delivery.domain,
    version: delivery.version,
    event: delivery.event,
    message: delivery.contentType?.startsWith('application/json') && delivery.body ? parseJson(delivery.body) : delivery.body,
    response: { status: response.status, headers: response.headers, body: response.body, json: parseJson(response.body) },
  };
  const [evaluated] = await services.mappingRuntime.evaluateBatch({
    cacheKey: mapping.cacheKey,
    expression: mapping.expression,
    records: [record],
    lookups: await loadLookupTables(services, mapping.lookupTables),
  });
  const outcome = present(evaluated, 'the response mapping outcome');
  if (!outcome.ok) return { error: outcome.error.message };
  if (outcome.value === undefined || outcome.value === null || outcome.value === '') return {};
  if (typeof outcome.value !== 'string' && typeof outcome.value !== 'number')
    return { error: 'the response mapping must return the id as a string or number' };
  return { targetId: String(outcome.value) };
}

type Delivered = {
  subscription: SubscriptionDocument;
  delivery: DeliveryWithBody;
  response: { status: number; headers: Record<string, string>; body: string } | null;
  at: string;
};

/**
 * The sync statuses that delivered messages move forward (never back to an older version on a replay),
 * target ids read by response mappings included; written by `writeSyncStatuses`, so a batch of
 * deliveries reads the existing statuses once and writes them in the caller's transaction.
 */
export async function syncStatusesAfter(services: Services, delivered: Delivered[]): Promise<SyncStatusDocument[]> {
  const statuses = services.store.collection<SyncStatusDocument>(SYNC_STATUS);
  const idOf = (item: Delivered) => `${item.subscription._id}|${item.delivery.goldenId}`;
  const existing = new Map((await statuses.find({ _id: { $in: delivered.map(idOf) } })).map((s) => [s._id, s]));
  const next: SyncStatusDocument[] = [];
  for (const item of delivered) {
    const { subscription, delivery } = item;
    const id = idOf(item);
    const known = existing.get(id);
    if (known && known.lastVersion > delivery.version) continue;
    const read = item.response ? await readTargetId(services, { subscription, delivery, response: item.response }) : {};
    if (read.error)
      services.logger.warn('sync response mapping failed', {
        subscriptionId: subscription._id,
        deliveryId: delivery._id,
        error: read.error,
      });
    const status: SyncStatusDocument = {
      _id: id,
      subscriptionId: subscription._id,
      goldenId: delivery.goldenId,
      domain: delivery.domain,
      lastVersion: delivery.version,
      deliveredAt: item.at,
      deliveryId: delivery._id,
      targetId: read.targetId ?? known?.targetId ?? null,
      system: read.targetId ? (subscription.responseMapping?.target ?? null) : (known?.system ?? null),
      ...(read.error ? { targetIdError: read.error } : {}),
    };
    existing.set(id, status);
    next.push(status);
  }
  return next;
}

/** Writes statuses computed by `syncStatusesAfter` (in the caller's transaction). */
export async function writeSyncStatuses(
  services: Pick<AppServices, 'store'>,
  statuses: SyncStatusDocument[],
  session?: StoreSession,
): Promise<void> {
  const collection = services.store.collection<SyncStatusDocument>(SYNC_STATUS);
  for (const status of statuses) await collection.replaceOne({ _id: status._id }, status, { upsert: true, session });
}

/** Records one delivered message for its golden record. */
export async function recordDelivered(services: Services, input: Delivered): Promise<void> {
  await writeSyncStatuses(services, await syncStatusesAfter(services, [input]));
}

/** Every subscriber's status for one golden record. */
export async function listSyncStatus(services: Pick<AppServices, 'store'>, goldenId: string): Promise<SyncStatusView[]> {
  const found = await services.store.collection<SyncStatusDocument>(SYNC_STATUS).find({ goldenId }, { sort: { _id: 1 } });
  const names = new Map(
    (await services.store.collection<SubscriptionDocument>(SUBSCRIPTIONS).find({ _id: { $in: found.map((s) => s.subscriptionId) } })).map(
      (s) => [s._id, s.name],
    ),
  );
  return found.map((s) => ({
    subscriptionId: s.subscriptionId,
    subscriptionName: names.get(s.subscriptionId) ?? null,
    goldenId: s.goldenId,
    lastVersion: s.lastVersion,
    deliveredAt: s.deliveredAt,
    deliveryId: s.deliveryId,
    targetId: s.targetId,
    system: s.system ?? null,
  }));
}

const MAX_MERGE_HOPS = 16;

/**
 * Closing the loop the other way: the golden records a target system knows by `targetId` (one per subscriber
 * whose response mapping read it), each with where the record is now (a merge since moves it to the survivor).
 * 404 when no subscriber's reply gave that id.
 */
export async function findByTargetId(
  services: Pick<AppServices, 'store'>,
  input: { system: string; targetId: string },
): Promise<TargetXrefView[]> {
  const found = await services.store
    .collection<SyncStatusDocument>(SYNC_STATUS)
    .find({ system: input.system, targetId: input.targetId }, { sort: { _id: 1 }, limit: 100 });
  if (found.length === 0) throw new NotFoundError(`Golden record known to ${input.system} as "${input.targetId}"`);
  const names = new Map(
    (await services.store.collection<SubscriptionDocument>(SUBSCRIPTIONS).find({ _id: { $in: found.map((s) => s.subscriptionId) } })).map(
      (s) => [s._id, s.name],
    ),
  );
  // Where each record is now: follow merges to the survivor (a survivor may itself have been merged since).
  const goldens = services.store.collection<{ _id: string; mergedInto?: string | null }>(GOLDEN_RECORDS);
  const current = new Map<string, string>();
  for (const goldenId of new Set(found.map((s) => s.goldenId))) {
    let id = goldenId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const record = await goldens.findOne({ _id: id }, { projection: { _id: 1, mergedInto: 1 } });
      if (!record?.mergedInto) break;
      id = record.mergedInto;
    }
    current.set(goldenId, id);
  }
  return found.map((s) => ({
    subscriptionId: s.subscriptionId,
    subscriptionName: names.get(s.subscriptionId) ?? null,
    goldenId: s.goldenId,
    currentGoldenId: current.get(s.goldenId) ?? s.goldenId,
    domain: s.domain,
    lastVersion: s.lastVersion,
    deliveredAt: s.deliveredAt,
    deliveryId: s.deliveryId,
    targetId: input.targetId,
    system: input.system,
  }));
}

/**
 * The closed loop's cross-references of a golden record: per subscriber whose response mapping read the
 * target's id, `{ system, id, subscriptionId, lastVersionDelivered, deliveredAt }`. Kept in the sync status,
 * not as source records, so they never take part in matching or survivorship.
 */
export async function targetXrefsOf(services: Pick<AppServices, 'store'>, goldenId: string): Promise<GoldenXrefView[]> {
  return (await listSyncStatus(services, goldenId)).flatMap((s) =>
    s.targetId !== null && s.system
      ? [
          {
            direction: 'target' as const,
            system: s.system,
            id: s.targetId,
            subscriptionId: s.subscriptionId,
            subscriptionName: s.subscriptionName,
            lastVersionDelivered: s.lastVersion,
            deliveredAt: s.deliveredAt,
          },
        ]
      : [],
  );
}
