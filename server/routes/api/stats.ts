import { hubStatisticsSchema, ingestSeriesQuerySchema, ingestSeriesSchema, type IngestSeriesView } from '../../contracts/stats';
import { defineRoute, viewResponse } from '../../http/route';
import { hubStatistics, type HubStatistics } from '../../stats/hubStatistics';
import { ingestTimeSeries } from '../../stats/ingestCounters';

export const statsRoutes = [
  defineRoute({
    operationId: 'getStatistics',
    method: 'get',
    path: '/stats',
    summary: 'Dashboard figures: per domain and per source system',
    description:
      'Golden records, source records, duplicates merged and open tasks per domain; accepted records, exceptions and exception rate per source system and domain. Computed with indexed counts.',
    tags: ['stats'],
    auth: { action: 'stats.read' },
    responses: { 200: viewResponse<HubStatistics>({ description: '`domains` and `sources` figures.', schema: hubStatisticsSchema }) },
    handler: async ({ services }) => ({ body: await hubStatistics(services.store) }),
  }),
  defineRoute({
    operationId: 'getIngestTimeSeries',
    method: 'get',
    path: '/stats/ingest',
    summary: 'Records ingested over time, per domain: accepted, unchanged and exceptions per hour or day',
    description:
      'Read from per-hour counters kept at ingest (one small document per hour, domain and source), not from the change feed. Every bucket from `from` to `to` is listed, empty ones included; at most 1,500 buckets.',
    tags: ['stats'],
    auth: { action: 'stats.read' },
    query: ingestSeriesQuerySchema,
    responses: {
      200: viewResponse<IngestSeriesView>({
        description: '`{ bucket, from, to, domains, buckets: [{ start, accepted, unchanged, exceptions }] }`.',
        schema: ingestSeriesSchema,
      }),
      400: { description: 'A bad date, bucket, or a range that is empty or too long.' },
    },
    handler: async ({ services, query }) => ({
      body: await ingestTimeSeries(services.store, { from: query.from, to: query.to, bucket: query.bucket }),
    }),
  }),
];
