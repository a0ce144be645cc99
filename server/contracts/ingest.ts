import { correlationIdQueryProperty } from './correlation';
/**
 * Request/response contracts of ingest and the exception queue, declared once: the routes validate
 * with them and generate OpenAPI from them; the studio imports the same types.
 */
import type { FromSchema } from 'json-schema-to-ts';

const SOURCE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,62}$';
const DOMAIN_PATTERN = '^[a-z][a-z0-9-]{0,40}$';

export const INGEST_STAGE_NAMES = ['parse', 'map', 'validate', 'standardise', 'persist'] as const;
export const EXCEPTION_STATUS_NAMES = ['open', 'replayed', 'resolved', 'discarded'] as const;

export const ingestParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'domain'],
  properties: {
    source: { type: 'string', pattern: SOURCE_PATTERN, description: 'Source system, e.g. lawson.' },
    domain: { type: 'string', pattern: DOMAIN_PATTERN, description: 'Canonical domain, e.g. item.' },
  },
} as const;

const positionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    line: { type: 'integer', description: '1-based line in CSV or NDJSON.' },
    index: { type: 'integer', description: '0-based index in a JSON array.' },
    message: { type: 'integer', description: '1-based HL7 v2 message or X12 transaction set in the body.' },
    path: {
      type: 'string',
      description: 'Where inside it: HL7 segment-field (PKG-4), X12 transaction / loop / segment, XML element path, FHIR Bundle entry.',
    },
  },
} as const;

export const recordResultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['index', 'outcome', 'position'],
  properties: {
    index: { type: 'integer', description: 'Order of the record in the request (0-based).' },
    outcome: { type: 'string', enum: ['accepted', 'unchanged', 'exception'] },
    position: positionSchema,
    sourceId: { type: 'string' },
    sourceRecordId: { type: 'string' },
    goldenId: { type: 'string', description: 'The golden record the source record belongs to (accepted, unchanged).' },
    change: {
      type: 'string',
      enum: ['created', 'updated'],
      description: 'Accepted: a new source record, or an update of one with the same source id.',
    },
    match: { type: 'string', enum: ['created', 'merged', 'updated', 'unchanged', 'review'], description: 'Accepted: what matching did.' },
    exception: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'stage', 'code', 'message'],
      properties: {
        id: { type: 'string' },
        stage: { type: 'string', enum: INGEST_STAGE_NAMES },
        code: { type: 'string', description: 'Stable business code: MAPPING_ERROR, SCHEMA_VIOLATION, INVALID_GTIN, CSV_PARSE_ERROR…' },
        path: { type: 'string', description: 'Field path of the first problem.' },
        message: { type: 'string' },
      },
    },
  },
} as const;
export type RecordResultView = FromSchema<typeof recordResultSchema>;

export const ingestTotalsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['received', 'accepted', 'unchanged', 'exceptions'],
  description: 'received = accepted + unchanged + exceptions, always.',
  properties: {
    received: { type: 'integer' },
    accepted: { type: 'integer' },
    unchanged: { type: 'integer' },
    exceptions: { type: 'integer' },
  },
} as const;

export const ingestResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'domain', 'mappingVersion', 'schemaVersion', 'totals', 'records'],
  properties: {
    source: { type: 'string' },
    domain: { type: 'string' },
    mappingVersion: { type: 'integer' },
    schemaVersion: { type: 'string' },
    totals: ingestTotalsSchema,
    records: { type: 'array', items: recordResultSchema },
  },
} as const;
export type IngestResponse = FromSchema<typeof ingestResponseSchema>;

export const uploadJobResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'location', 'estimatedRecords', 'bytes'],
  properties: {
    jobId: { type: 'string' },
    location: { type: 'string', description: 'GET it for progress (done, failed, rate, ETA).' },
    estimatedRecords: { type: 'integer' },
    bytes: { type: 'integer' },
  },
} as const;

// ---------- exceptions ----------

const filterProperties = {
  source: { type: 'string', pattern: SOURCE_PATTERN },
  domain: { type: 'string', pattern: DOMAIN_PATTERN },
  code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,80}$' },
  stage: { type: 'string', enum: INGEST_STAGE_NAMES },
  since: { type: 'string', format: 'date-time', description: 'Last seen at or after this time.' },
  until: { type: 'string', format: 'date-time', description: 'Last seen before this time (older than).' },
} as const;

export const exceptionListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    status: { type: 'string', enum: EXCEPTION_STATUS_NAMES, default: 'open' },
    correlationId: correlationIdQueryProperty('Only exceptions last seen in the request, upload job or message with this correlation id.'),
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const exceptionCountsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties, status: { type: 'string', enum: EXCEPTION_STATUS_NAMES, default: 'open' } },
} as const;

export const replayFilterBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties },
} as const;

export const closeExceptionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      format: 'plain-text',
      minLength: 1,
      maxLength: 2000,
      description: 'Why: kept with the exception and in the audit log.',
    },
  },
} as const;

export const exceptionIdParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
} as const;

const actorSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { keyId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
} as const;
const problemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message'],
  properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
} as const;

export const exceptionSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'source',
    'domain',
    'stage',
    'code',
    'message',
    'problems',
    'status',
    'occurrences',
    'firstSeenAt',
    'lastSeenAt',
    'mappingVersion',
    'schemaVersion',
    'isReplayable',
  ],
  properties: {
    id: { type: 'string' },
    source: { type: 'string' },
    domain: { type: 'string' },
    sourceId: { type: 'string' },
    stage: { type: 'string', enum: INGEST_STAGE_NAMES },
    code: { type: 'string' },
    path: { type: 'string' },
    message: { type: 'string' },
    problems: { type: 'array', items: problemSchema },
    position: positionSchema,
    status: { type: 'string', enum: EXCEPTION_STATUS_NAMES },
    occurrences: { type: 'integer' },
    firstSeenAt: { type: 'string' },
    lastSeenAt: { type: 'string' },
    mappingVersion: { type: ['integer', 'null'] },
    schemaVersion: { type: ['string', 'null'] },
    isReplayable: { type: 'boolean' },
    origin: {
      type: 'object',
      additionalProperties: false,
      properties: { requestId: { type: 'string' }, jobId: { type: 'string' }, correlationId: { type: 'string' } },
    },
    closed: {
      type: 'object',
      additionalProperties: false,
      properties: {
        at: { type: 'string' },
        by: actorSchema,
        reason: { type: 'string' },
        goldenId: { type: 'string' },
        sourceRecordId: { type: 'string' },
      },
    },
    raw: { description: 'The payload as received (single-exception view only); for unreadable lines, the line text.' },
  },
} as const;
export type ExceptionView = FromSchema<typeof exceptionSchema>;

export const exceptionListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: exceptionSchema },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

export const exceptionCountsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['total', 'byCode', 'bySource'],
  properties: {
    total: { type: 'integer' },
    byCode: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'count'],
        properties: { code: { type: 'string' }, count: { type: 'integer' } },
      },
    },
    bySource: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'domain', 'count'],
        properties: { source: { type: 'string' }, domain: { type: 'string' }, count: { type: 'integer' } },
      },
    },
  },
} as const;

export const replayOneResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'result', 'exception'],
  properties: {
    status: { type: 'string', enum: ['replayed', 'open'], description: 'replayed: accepted now and closed; open: failed again.' },
    result: recordResultSchema,
    exception: exceptionSchema,
  },
} as const;

export const replayManyResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['matched', 'replayed', 'stillFailing', 'jobId'],
  properties: {
    matched: { type: 'integer', description: 'Open, replayable exceptions matching the filter.' },
    replayed: { type: ['integer', 'null'], description: 'Null when the replay runs as a job.' },
    stillFailing: { type: ['integer', 'null'] },
    jobId: { type: ['string', 'null'], description: 'Set when the replay runs as a job (see Location).' },
  },
} as const;
