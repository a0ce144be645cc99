/** Collections of downstream sync (subscriptions, their versions and cursors, deliveries, settings). */
import type { CollectionDefinition } from '../store/types';

export const SUBSCRIPTIONS = 'subscriptions';
export const SUBSCRIPTION_VERSIONS = 'subscriptionVersions';
/** Per subscription: the change-feed cursor and delivery health (written by the dispatcher only). */
export const SUBSCRIPTION_STATE = 'subscriptionState';
/** The outbox: one document per message to one subscriber, with its attempts. */
export const DELIVERIES = 'deliveries';
/**
 * The rendered message of each delivery (`_id` = the delivery id), written once when it is planned (again
 * only when a replay or rewind renders it anew): claims and outcomes then rewrite small delivery documents.
 */
export const DELIVERY_BODIES = 'deliveryBodies';
export const SYNC_SETTINGS = 'syncSettings';
/** Per golden record and subscriber: last version delivered, when, target id (closed loop). */
export const SYNC_STATUS = 'syncStatus';

export const syncCollections: CollectionDefinition[] = [
  { name: SUBSCRIPTIONS, indexes: [{ keys: { status: 1 }, name: 'sync_by_status' }] },
  { name: SUBSCRIPTION_VERSIONS, indexes: [{ keys: { subscriptionId: 1, version: 1 }, name: 'sync_by_subscription', unique: true }] },
  { name: SUBSCRIPTION_STATE, indexes: [] },
  {
    name: DELIVERIES,
    indexes: [
      // The dispatcher walks open deliveries of one subscription in feed order.
      { keys: { subscriptionId: 1, isOpen: 1, sequence: 1 }, name: 'sync_open_in_order' },
      { keys: { subscriptionId: 1, status: 1, updatedAt: 1 }, name: 'sync_by_status' },
      { keys: { subscriptionId: 1, sequence: 1 }, name: 'sync_by_sequence' },
      { keys: { goldenId: 1 }, name: 'sync_by_golden' },
      { keys: { correlationId: 1, sequence: 1 }, name: 'sync_by_correlation' },
    ],
  },
  // Read and removed by delivery id only: no index beyond _id (each one costs every insert).
  { name: DELIVERY_BODIES, indexes: [] },
  { name: SYNC_SETTINGS, indexes: [] },
  {
    name: SYNC_STATUS,
    indexes: [
      { keys: { goldenId: 1 }, name: 'sync_status_by_golden' },
      // Closed loop: a golden record by a target system's id.
      { keys: { system: 1, targetId: 1 }, name: 'sync_status_by_target' },
    ],
  },
  // Backfill finds each record's latest change (the feed is golden's collection; this index is sync's).
  // Tracing: the changes of one request, job or message (GET /changes?correlationId=).
  // Rewind by time: the changes by their time.
  {
    name: 'changes',
    indexes: [
      { keys: { goldenId: 1, version: 1 }, name: 'sync_by_golden_version' },
      { keys: { correlationId: 1, _id: 1 }, name: 'by_correlation' },
      // Rewind by time: the changes written at or after a time (deliveries.ts changeCursorAtTime).
      { keys: { at: 1 }, name: 'sync_by_time' },
    ],
  },
];
