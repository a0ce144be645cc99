import { correlationIdQueryProperty } from './correlation';
/** Request/response contracts of downstream sync (subscriptions, deliveries, egress allow-list); shared with the studio. */
import type { FromSchema } from 'json-schema-to-ts';

export const SUBSCRIPTION_EVENTS = ['created', 'updated', 'merged', 'unmerged', 'retired', 'xref-added', 'xref-removed'] as const;
export const PAYLOAD_MODES = ['thin', 'snapshot', 'delta', 'snapshot+delta'] as const;
export const CONTENT_TYPES = ['json', 'csv', 'xml', 'hl7v2'] as const;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'parked', 'discarded'] as const;

const name = {
  type: 'string',
  format: 'plain-text',
  minLength: 1,
  maxLength: 120,
  description: 'What the subscription feeds, e.g. "Workday suppliers".',
} as const;
const domains = {
  type: 'array',
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
  items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
  description: 'Domains whose golden-record changes are sent.',
} as const;
const webhookTransport = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'url'],
  properties: {
    type: { type: 'string', const: 'webhook' },
    url: {
      type: 'string',
      minLength: 8,
      maxLength: 2000,
      pattern: '^https?://',
      description: 'http(s) URL the hub POSTs each message to.',
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000, description: 'Per-request timeout (default 10 s).' },
    maxInFlight: {
      type: 'integer',
      minimum: 1,
      maximum: 256,
      description: 'Requests in flight at once to this endpoint (default 16; one per golden record).',
    },
    maxPerSecond: {
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      description: 'Rate limit: requests started per second at most (default: no limit).',
    },
  },
} as const;
const amqpTransport = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'url', 'exchange'],
  properties: {
    type: { type: 'string', const: 'amqp' },
    url: {
      type: 'string',
      minLength: 8,
      maxLength: 2000,
      pattern: '^amqps?://',
      description: 'AMQP 0-9-1 broker URL (RabbitMQ); its password is stored encrypted and never shown again.',
    },
    exchange: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'Existing exchange messages are published to (with publisher confirms).',
    },
    routingKey: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'Routing key; `{domain}` and `{event}` are replaced (default `{domain}`).',
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000, description: "Time to wait for the broker's confirm (default 10 s)." },
    maxInFlight: {
      type: 'integer',
      minimum: 1,
      maximum: 256,
      description: 'Unconfirmed messages at once (default 16; one per golden record).',
    },
    maxPerSecond: {
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      description: 'Rate limit: messages published per second at most (default: no limit).',
    },
  },
} as const;
export const FILE_FORMATS = ['ndjson', 'csv'] as const;
const fileTransport = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'directory'],
  properties: {
    type: { type: 'string', const: 'file' },
    directory: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      pattern: '^/',
      description: "Absolute directory the batch files are written into; it must be inside one of the server's MDM_SYNC_FILE_DIRS.",
    },
    format: {
      type: 'string',
      enum: FILE_FORMATS,
      description:
        'ndjson (default: one line per message, with its id) or csv (rows of a csv outbound mapping, header = union of columns).',
    },
    maxBatch: { type: 'integer', minimum: 1, maximum: 10_000, description: 'Messages per file at most (default 500).' },
    filePrefix: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
      description: "File name prefix (default `mdm-<domain>` of the subscription's first domain).",
    },
  },
} as const;
const transport = {
  type: 'object',
  // The `type` tag picks the one branch that is checked, so a bad webhook URL is reported at
  // `transport.url` alone instead of with every other transport's complaints.
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [webhookTransport, amqpTransport, fileTransport],
  description: 'Where messages go: `webhook` (signed HTTP POST), `amqp` (RabbitMQ exchange) or `file` (one file per batch in a directory).',
} as const;
const events = {
  type: 'array',
  uniqueItems: true,
  minItems: 1,
  items: { type: 'string', enum: SUBSCRIPTION_EVENTS },
  description: 'Event types to send (default all).',
} as const;
const filter = {
  type: ['string', 'null'],
  maxLength: 10_000,
  description: 'JSONata over the event (`data.record`, `data.changedPaths`, …); only events for which it is true are sent.',
} as const;
const changedPaths = {
  type: 'array',
  maxItems: 200,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 300 },
  description:
    'Send updates only when one of these canonical paths changed (`address.city`; a parent path covers its children). Creates, merges and retirements always pass.',
} as const;
const payload = {
  type: 'string',
  enum: PAYLOAD_MODES,
  description:
    'thin (ids and what changed), snapshot (default: the record at that version), delta (before/after of changed paths) or snapshot+delta.',
} as const;
const outboundMapping = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['target'],
  properties: {
    target: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      description: 'The published outbound mapping `<target>/<domain>` runs on each event.',
    },
    contentType: { type: 'string', enum: CONTENT_TYPES, description: 'How each message the mapping returns is written (default json).' },
  },
} as const;

const responseMapping = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['target'],
  properties: {
    target: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      description:
        "Closed loop: the published outbound mapping `<target>/<domain>` reads the target's own id from its 2xx reply (`response.json`, `response.body`), kept per record and subscriber.",
    },
  },
} as const;

const includeSensitive = {
  type: 'boolean',
  description:
    "Send sensitive attributes (e.g. an SSN-like tax id) unmasked. Admins only; while set, only admins may change or inspect the subscription's messages.",
} as const;

export const createSubscriptionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'domains', 'transport'],
  properties: { name, domains, transport, events, filter, changedPaths, payload, outboundMapping, responseMapping, includeSensitive },
} as const;
export type CreateSubscriptionBody = FromSchema<typeof createSubscriptionBodySchema>;

export const updateSubscriptionBodySchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name,
    domains,
    transport,
    events,
    filter,
    changedPaths,
    payload,
    outboundMapping,
    responseMapping,
    includeSensitive,
    expectedVersion: { type: 'integer', minimum: 1, description: 'Refuse (409 STALE_VERSION) unless the subscription is at this version.' },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;
export type UpdateSubscriptionBody = FromSchema<typeof updateSubscriptionBodySchema>;

export const subscriptionParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

export const deliveryParamsSchema = {
  type: 'object',
  required: ['id', 'deliveryId'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 }, deliveryId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const reasonBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 500 } },
} as const;

/** Discarding a parked delivery is a decision to never send it: the reason is required (audited). */
export const discardBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;

export const rotateSecretBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    gracePeriodSeconds: {
      type: 'integer',
      minimum: 0,
      maximum: 30 * 24 * 3600,
      description: 'How long the old secret keeps signing beside the new one (default 24 h).',
    },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const listDeliveriesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: DELIVERY_STATUSES },
    goldenId: { type: 'string', maxLength: 200 },
    correlationId: correlationIdQueryProperty('Only deliveries of changes caused by this request, job or message.'),
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const previewBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['goldenId'],
  properties: {
    goldenId: { type: 'string', minLength: 1, maxLength: 200, description: 'The golden record whose latest change is previewed.' },
  },
} as const;

export interface PreviewMessageView {
  id: string;
  event: string;
  contentType: string | null;
  body: string | null;
  failure: { stage: string; code: string; message: string } | null;
}

/** What a subscription would send for one golden record (nothing is stored or sent). */
export interface SubscriptionPreviewView {
  goldenId: string;
  domain: string;
  change: { cursor: string; type: string; version: number; at: string };
  live: PreviewMessageView[];
  liveSkipped: string | null;
  snapshot: PreviewMessageView[];
}

export const searchDeliveriesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['correlationId'],
  properties: {
    correlationId: correlationIdQueryProperty('Deliveries (to every subscriber) of the changes caused by this request, job or message.'),
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const bulkReplayBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['since'],
  properties: {
    since: { type: 'string', format: 'date-time', description: 'Replay every delivery parked at or after this time.' },
    status: {
      type: 'string',
      enum: ['parked', 'delivered'],
      default: 'parked',
      description: 'parked (default) or delivered (send again; receivers de-duplicate on webhook-id).',
    },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const rewindBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cursor: { type: 'string', pattern: '^[0-9]{1,16}$', description: 'Continue after this change-feed cursor.' },
    at: { type: 'string', format: 'date-time', description: 'Continue with the first change at or after this time.' },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const egressAllowBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: {
    entries: {
      type: 'array',
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 300 },
      description: 'Host names, IP addresses or CIDR ranges deliveries may reach although private.',
    },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export interface SubscriptionStatsView {
  /** Seconds since the oldest change not yet delivered (0 when caught up). */
  lagSeconds: number;
  pending: number;
  delivered: number;
  parked: number;
  /** Failed attempts so far (each retry that failed counts once). */
  failedAttempts: number;
  p95LatencyMs: number | null;
  cursor: string | null;
  lastDeliveredAt: string | null;
  lastError: { at: string; deliveryId: string; message: string } | null;
  /** The latest backfill run: snapshots planned so far, and when it finished (null while running). */
  backfill: { run: number; requestedAt: string; planned: number; finishedAt: string | null } | null;
}

export interface SubscriptionView {
  id: string;
  name: string;
  domains: string[];
  transport:
    | { type: 'webhook'; url: string; timeoutMs?: number; maxInFlight?: number; maxPerSecond?: number }
    | { type: 'amqp'; url: string; exchange: string; routingKey?: string; timeoutMs?: number; maxInFlight?: number; maxPerSecond?: number }
    | { type: 'file'; directory: string; format?: (typeof FILE_FORMATS)[number]; maxBatch?: number; filePrefix?: string };
  events: string[];
  filter: string | null;
  changedPaths: string[];
  payload: (typeof PAYLOAD_MODES)[number];
  outboundMapping: { target: string; contentType: (typeof CONTENT_TYPES)[number] } | null;
  responseMapping: { target: string } | null;
  includeSensitive: boolean;
  status: 'active' | 'paused' | 'disabled';
  disabledReason: string | null;
  version: number;
  /** When each signing secret stops signing (null: current). Never the secrets themselves. */
  secrets: Array<{ id: string; createdAt: string; expiresAt: string | null }>;
  createdAt: string;
  updatedAt: string;
  stats?: SubscriptionStatsView;
}

export interface DeliveryAttemptView {
  at: string;
  durationMs: number;
  outcome: 'delivered' | 'failed' | 'gone';
  /** The request exactly as sent, with the signature redacted. */
  request: { method: 'POST' | 'PUBLISH' | 'WRITE'; url: string; headers: Record<string, string> };
  response: { status: number; headers: Record<string, string>; body: string } | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  subscriptionId: string;
  cursor: string;
  goldenId: string;
  domain: string;
  version: number;
  event: string;
  status: (typeof DELIVERY_STATUSES)[number];
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  parkedAt: string | null;
  failure: { stage: string; code: string; message: string } | null;
  contentType: string | null;
  /** The request, job or message that caused the change (sent as `x-correlation-id`). */
  correlationId: string | null;
  body?: string | null;
  attemptLog?: DeliveryAttemptView[];
}

/** Per golden record and subscriber: what was last delivered, when, and the target's own id. */
export interface SyncStatusView {
  subscriptionId: string;
  subscriptionName: string | null;
  goldenId: string;
  lastVersion: number;
  deliveredAt: string;
  deliveryId: string;
  targetId: string | null;
  /** The system of `targetId` (the response mapping's target). */
  system: string | null;
}

/*
 * Response schemas of the sync API (OpenAPI; test/http/responseContracts.test.ts checks real answers);
 * the interfaces above are the same shapes, paired with them in routes by `viewResponse`.
 */
const timestamp = { type: 'string', format: 'date-time' } as const;
const nullableTimestamp = { anyOf: [timestamp, { type: 'null' }] } as const;
const failureSchema = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object',
      required: ['stage', 'code', 'message'],
      properties: { stage: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
    },
  ],
} as const;

export const subscriptionViewSchema = {
  type: 'object',
  required: ['id', 'name', 'domains', 'transport', 'events', 'filter', 'payload', 'status', 'version', 'secrets', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    domains: { type: 'array', items: { type: 'string' } },
    transport: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['webhook', 'amqp', 'file'] } } },
    events: { type: 'array', items: { type: 'string' } },
    filter: { type: ['string', 'null'] },
    changedPaths: { type: 'array', items: { type: 'string' } },
    payload: { type: 'string', enum: PAYLOAD_MODES },
    outboundMapping: { type: ['object', 'null'] },
    responseMapping: { type: ['object', 'null'] },
    includeSensitive: { type: 'boolean' },
    status: { type: 'string', enum: ['active', 'paused', 'disabled'] },
    disabledReason: { type: ['string', 'null'] },
    version: { type: 'integer', minimum: 1 },
    secrets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'createdAt', 'expiresAt'],
        properties: { id: { type: 'string' }, createdAt: timestamp, expiresAt: nullableTimestamp },
      },
    },
    createdAt: timestamp,
    updatedAt: timestamp,
    stats: {
      type: 'object',
      required: [
        'lagSeconds',
        'pending',
        'delivered',
        'parked',
        'failedAttempts',
        'p95LatencyMs',
        'cursor',
        'lastDeliveredAt',
        'lastError',
        'backfill',
      ],
      properties: {
        lagSeconds: { type: 'number' },
        pending: { type: 'integer' },
        delivered: { type: 'integer' },
        parked: { type: 'integer' },
        failedAttempts: { type: 'integer' },
        p95LatencyMs: { type: ['number', 'null'] },
        cursor: { type: ['string', 'null'] },
        lastDeliveredAt: nullableTimestamp,
        lastError: { type: ['object', 'null'] },
        backfill: { type: ['object', 'null'] },
      },
    },
  },
} as const;

export const subscriptionWithSecretSchema = {
  type: 'object',
  required: [...subscriptionViewSchema.required, 'secret'],
  properties: { ...subscriptionViewSchema.properties, secret: { type: 'string', minLength: 1 } },
} as const;

export const subscriptionListSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: subscriptionViewSchema } },
} as const;

export const subscriptionVersionListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'change', 'status', 'settings', 'reason', 'author', 'at'],
        properties: {
          version: { type: 'integer' },
          change: { type: 'string' },
          status: { type: 'string' },
          settings: { type: 'object' },
          reason: { type: ['string', 'null'] },
          author: { type: 'object', required: ['name', 'role'] },
          at: timestamp,
        },
      },
    },
  },
} as const;

export const deliveryViewSchema = {
  type: 'object',
  required: [
    'id',
    'subscriptionId',
    'cursor',
    'goldenId',
    'domain',
    'version',
    'event',
    'status',
    'attempts',
    'nextAttemptAt',
    'createdAt',
    'deliveredAt',
    'parkedAt',
    'failure',
    'contentType',
    'correlationId',
  ],
  properties: {
    id: { type: 'string' },
    subscriptionId: { type: 'string' },
    cursor: { type: 'string' },
    goldenId: { type: 'string' },
    domain: { type: 'string' },
    version: { type: 'integer' },
    event: { type: 'string' },
    status: { type: 'string', enum: DELIVERY_STATUSES },
    attempts: { type: 'integer' },
    nextAttemptAt: nullableTimestamp,
    createdAt: timestamp,
    deliveredAt: nullableTimestamp,
    parkedAt: nullableTimestamp,
    failure: failureSchema,
    contentType: { type: ['string', 'null'] },
    correlationId: { type: ['string', 'null'] },
    body: { type: ['string', 'null'] },
    attemptLog: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'durationMs', 'outcome', 'request', 'response', 'error'],
        properties: {
          at: timestamp,
          durationMs: { type: 'number' },
          outcome: { type: 'string', enum: ['delivered', 'failed', 'gone'] },
          request: { type: 'object', required: ['method', 'url', 'headers'] },
          response: { type: ['object', 'null'] },
          error: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

export const deliveryListSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: deliveryViewSchema } },
} as const;

const previewMessageSchema = {
  type: 'object',
  required: ['id', 'event', 'contentType', 'body', 'failure'],
  properties: {
    id: { type: 'string' },
    event: { type: 'string' },
    contentType: { type: ['string', 'null'] },
    body: { type: ['string', 'null'] },
    failure: failureSchema,
  },
} as const;

export const subscriptionPreviewSchema = {
  type: 'object',
  required: ['goldenId', 'domain', 'change', 'live', 'liveSkipped', 'snapshot'],
  properties: {
    goldenId: { type: 'string' },
    domain: { type: 'string' },
    change: {
      type: 'object',
      required: ['cursor', 'type', 'version', 'at'],
      properties: { cursor: { type: 'string' }, type: { type: 'string' }, version: { type: 'integer' }, at: timestamp },
    },
    live: { type: 'array', items: previewMessageSchema },
    liveSkipped: { type: ['string', 'null'] },
    snapshot: { type: 'array', items: previewMessageSchema },
  },
} as const;

export const syncStatusListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['subscriptionId', 'subscriptionName', 'goldenId', 'lastVersion', 'deliveredAt', 'deliveryId', 'targetId'],
        properties: {
          subscriptionId: { type: 'string' },
          subscriptionName: { type: ['string', 'null'] },
          goldenId: { type: 'string' },
          lastVersion: { type: 'integer' },
          deliveredAt: timestamp,
          deliveryId: { type: 'string' },
          targetId: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

/** A golden record found by a target system's id (closed loop): the sync status that holds the id, and where the record is now. */
export interface TargetXrefView extends SyncStatusView {
  domain: string;
  /** The record now: `goldenId` itself, or the survivor it was merged into since. */
  currentGoldenId: string;
}

export const targetXrefListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'subscriptionId',
          'subscriptionName',
          'goldenId',
          'currentGoldenId',
          'domain',
          'lastVersion',
          'deliveredAt',
          'deliveryId',
          'targetId',
          'system',
        ],
        properties: {
          subscriptionId: { type: 'string' },
          subscriptionName: { type: ['string', 'null'] },
          goldenId: { type: 'string' },
          currentGoldenId: { type: 'string' },
          domain: { type: 'string' },
          lastVersion: { type: 'integer' },
          deliveredAt: timestamp,
          deliveryId: { type: 'string' },
          targetId: { type: 'string' },
          system: { type: 'string' },
        },
      },
    },
  },
} as const;

export const replayedCountSchema = {
  type: 'object',
  required: ['replayed'],
  properties: { replayed: { type: 'integer', minimum: 0 } },
} as const;

export const rewindResultSchema = {
  type: 'object',
  required: ['cursor', 'previousCursor'],
  properties: { cursor: { type: ['string', 'null'] }, previousCursor: { type: ['string', 'null'] } },
} as const;

export const backfillRunSchema = {
  type: 'object',
  required: ['run', 'requestedAt', 'planned', 'finishedAt'],
  properties: { run: { type: 'integer' }, requestedAt: timestamp, planned: { type: 'integer' }, finishedAt: nullableTimestamp },
} as const;

export const egressAllowListSchema = {
  type: 'object',
  required: ['entries', 'updatedAt'],
  properties: {
    entries: { type: 'array', items: { type: 'string' } },
    fromEnvironment: { type: 'array', items: { type: 'string' } },
    updatedAt: nullableTimestamp,
  },
} as const;
