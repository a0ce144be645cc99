/** Stored shapes of downstream sync. */
import type { CONTENT_TYPES, PAYLOAD_MODES, SUBSCRIPTION_EVENTS } from '../contracts/subscriptions';

export type SubscriptionEvent = (typeof SUBSCRIPTION_EVENTS)[number];
export type PayloadMode = (typeof PAYLOAD_MODES)[number];
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface SyncActor {
  keyId: string;
  name: string;
  role: string;
}

export interface WebhookTransport {
  type: 'webhook';
  url: string;
  timeoutMs?: number;
  maxInFlight?: number;
  /** Rate limit: attempts started per second at most. */
  maxPerSecond?: number;
}

export interface AmqpTransport {
  type: 'amqp';
  url: string;
  exchange: string;
  routingKey?: string;
  timeoutMs?: number;
  maxInFlight?: number;
  /** Rate limit: attempts started per second at most. */
  maxPerSecond?: number;
}

/** File drops: one file per batch of messages, written atomically into an allow-listed directory. */
export interface FileTransport {
  type: 'file';
  directory: string;
  format?: 'ndjson' | 'csv';
  maxBatch?: number;
  filePrefix?: string;
  /** Not settable: file transports have no timeout, in-flight or rate settings (one batch at a time). */
  timeoutMs?: undefined;
  maxInFlight?: undefined;
  maxPerSecond?: undefined;
}

/** What a subscription says (versioned; everything but status and secrets). */
export interface SubscriptionSettings {
  name: string;
  domains: string[];
  /** For amqp the URL is stored with its password redacted; the full URL is `sealedTransportUrl` on the document. */
  transport: WebhookTransport | AmqpTransport | FileTransport;
  events: SubscriptionEvent[];
  filter: string | null;
  changedPaths: string[];
  payload: PayloadMode;
  outboundMapping: { target: string; contentType: ContentType } | null;
  /** Closed loop: an outbound mapping reading the target's id from its reply. */
  responseMapping: { target: string } | null;
  /** Sensitive attributes unmasked in messages (set by admins only). */
  includeSensitive: boolean;
}

export interface StoredSecret {
  id: string;
  /** AES-256-GCM with the server's secrets key (server/sync/secrets.ts). */
  sealed: string;
  createdAt: string;
  /** Null for the current secret; set on rotation (the old one signs beside the new until then). */
  expiresAt: string | null;
}

export interface SubscriptionDocument extends SubscriptionSettings {
  _id: string;
  status: 'active' | 'paused' | 'disabled';
  disabledReason: string | null;
  version: number;
  secrets: StoredSecret[];
  /** amqp: the broker URL with its credentials, sealed like the signing secrets. */
  sealedTransportUrl?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: SyncActor;
  updatedBy: SyncActor;
  [key: string]: unknown;
}

export interface SubscriptionVersionDocument {
  /** `${subscriptionId}|v${version}` */
  _id: string;
  subscriptionId: string;
  version: number;
  settings: SubscriptionSettings;
  status: SubscriptionDocument['status'];
  change: string;
  reason?: string;
  author: SyncActor;
  at: string;
  [key: string]: unknown;
}

/** Written only by the dispatcher (and rewind): where the subscription is in the change feed, and its health. */
export interface SubscriptionStateDocument {
  _id: string;
  cursor: string | null;
  lastDeliveredAt: string | null;
  lastError: { at: string; deliveryId: string; message: string } | null;
  /** Start of the current run of failed attempts (null after a success), to disable endpoints failing for days. */
  failingSince: string | null;
  failedAttempts: number;
  /** The highest delivery sequence planned so far (the dispatcher's in-memory selection reads on after it). */
  lastPlannedSequence?: string | null;
  /** Incremented by every write that opens, closes or inserts deliveries behind what was planned (openSelection.ts). */
  selectionEpoch?: number;
  /** The last rewind (who, when, why, to where): quoted by the audit entry of the parked deliveries it reopens. */
  lastRewind?: { at: string; by: string; reason: string | null; cursor: string | null; previousCursor: string | null };
  [key: string]: unknown;
}

export interface DeliveryAttempt {
  at: string;
  durationMs: number;
  outcome: 'delivered' | 'failed' | 'gone';
  request: { method: 'POST' | 'PUBLISH' | 'WRITE'; url: string; headers: Record<string, string> };
  response: { status: number; headers: Record<string, string>; body: string } | null;
  error: string | null;
}

/** One message to one subscriber (the outbox). `_id` is the `webhook-id`, stable across retries and replays. */
export interface DeliveryDocument {
  _id: string;
  subscriptionId: string;
  /** Feed order: `<change cursor>.<message index>` (zero-padded, sorts as a string). */
  sequence: string;
  changeId: string;
  changeAt: string;
  goldenId: string;
  domain: string;
  version: number;
  /** `snapshot` for a backfill message. */
  event: SubscriptionEvent | 'snapshot';
  /** Backfill run that planned it (snapshots only). */
  backfillRun?: number;
  status: 'pending' | 'delivered' | 'parked' | 'discarded';
  /** pending or parked: holds back later deliveries of the same golden record. */
  isOpen: boolean;
  attempts: number;
  nextAttemptAt: string | null;
  /** While one server sends it, others leave it alone. */
  leaseUntil: string | null;
  /** The claim that set the lease (one claim writes many deliveries; the dispatcher reads its own back). */
  leaseToken?: string | null;
  /**
   * Set by a rewind's re-planning while an attempt is in flight (leased): when that attempt succeeds, the
   * delivery opens again instead of closing, so the change goes once more after the rewind (outbox.ts).
   */
  resendAfterOutcome?: boolean;
  contentType: string | null;
  /**
   * Whether the message was built: its body is in `deliveryBodies` (body.ts). False when its filter or
   * mapping failed (`failure`): nothing to send until a replay rebuilds it. Deliveries stored before the
   * bodies moved out carry `body` here instead (read by body.ts too).
   */
  hasBody: boolean;
  /** A message that could not be built (filter or mapping error): nothing was sent. */
  failure: { stage: 'filter' | 'mapping' | 'delivery'; code: string; message: string } | null;
  attemptLog: DeliveryAttempt[];
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  parkedAt: string | null;
  latencyMs: number | null;
  /** File drops: the batch this delivery was written in (kept across retries, so a retry rewrites the same file). */
  fileBatch?: { number: number; file: string } | null;
  /** The change's correlation id (the request, job or message that caused it); sent as `x-correlation-id`. */
  correlationId?: string;
  /** On a retirement by merge: the survivor, whose earlier open deliveries go first. */
  mergedInto?: string;
  [key: string]: unknown;
}

/** A delivery's rendered message, stored once apart from the mutable delivery document (`_id` = the delivery id). */
export interface DeliveryBodyDocument {
  _id: string;
  subscriptionId: string;
  body: string;
  [key: string]: unknown;
}

/** A delivery together with its message, as it is sent. */
export type DeliveryWithBody = DeliveryDocument & { body: string };

/** Per (subscription, golden record): the last delivered version and the target's id (`_id` = `${subscriptionId}|${goldenId}`). */
export interface SyncStatusDocument {
  _id: string;
  subscriptionId: string;
  goldenId: string;
  domain: string;
  lastVersion: number;
  deliveredAt: string;
  deliveryId: string;
  targetId: string | null;
  /** The system the target id belongs to: the response mapping's target (e.g. `workday`). */
  system?: string | null;
  [key: string]: unknown;
}
