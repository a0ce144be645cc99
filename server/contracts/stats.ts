/**
 * Contracts of the dashboard statistics API: the ingest time series (`GET /api/v1/stats/ingest`);
 * imported by the server's route and use case and by the studio's dashboard.
 */

/** The bucket widths the ingest time series offers. */
export const INGEST_BUCKETS = ['hour', 'day'] as const;
export type IngestBucket = (typeof INGEST_BUCKETS)[number];

/** Most buckets one request may ask for (about two months of hours, several years of days). */
export const MAX_INGEST_BUCKETS = 1500;

export const ingestSeriesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', format: 'date-time', description: 'Start (ISO-8601, inclusive); default: 24 buckets before `to`.' },
    to: { type: 'string', format: 'date-time', description: 'End (ISO-8601, exclusive); default: now.' },
    bucket: { type: 'string', enum: INGEST_BUCKETS, default: 'hour', description: 'Bucket width: hour or day (UTC).' },
  },
} as const;

/** One bucket: records per domain by outcome. Domains with nothing in the bucket are absent. */
export interface IngestSeriesBucket {
  /** Start of the bucket (UTC, ISO-8601). */
  start: string;
  accepted: Record<string, number>;
  unchanged: Record<string, number>;
  exceptions: Record<string, number>;
}

/** `GET /api/v1/stats/ingest`: every bucket from `from` to `to`, empty ones included, oldest first. */
export interface IngestSeriesView {
  bucket: IngestBucket;
  from: string;
  to: string;
  /** The canonical domains, in the server's order (series of the chart). */
  domains: string[];
  buckets: IngestSeriesBucket[];
}

const count = { type: 'integer', minimum: 0 } as const;
const countsByDomain = { type: 'object', additionalProperties: count } as const;

/** `GET /api/v1/stats/ingest` as a schema (OpenAPI; the test server checks real answers against it). */
export const ingestSeriesSchema = {
  type: 'object',
  required: ['bucket', 'from', 'to', 'domains', 'buckets'],
  properties: {
    bucket: { type: 'string', enum: INGEST_BUCKETS },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    domains: { type: 'array', items: { type: 'string' } },
    buckets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['start', 'accepted', 'unchanged', 'exceptions'],
        properties: {
          start: { type: 'string', format: 'date-time' },
          accepted: countsByDomain,
          unchanged: countsByDomain,
          exceptions: countsByDomain,
        },
      },
    },
  },
} as const;

/** `GET /api/v1/stats` as a schema; the `HubStatistics` interface in server/stats is the same shape. */
export const hubStatisticsSchema = {
  type: 'object',
  required: ['at', 'domains', 'sources'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    domains: {
      type: 'array',
      items: {
        type: 'object',
        required: ['domain', 'goldenRecords', 'sourceRecords', 'duplicatesMerged', 'openTasks', 'openExceptions'],
        properties: {
          domain: { type: 'string' },
          goldenRecords: count,
          sourceRecords: count,
          duplicatesMerged: { type: 'integer' },
          openTasks: count,
        },
      },
    },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['source', 'domain', 'accepted', 'exceptions', 'exceptionRate'],
        properties: {
          source: { type: 'string' },
          domain: { type: 'string' },
          accepted: count,
          exceptions: count,
          exceptionRate: { type: 'number' },
        },
      },
    },
  },
} as const;
