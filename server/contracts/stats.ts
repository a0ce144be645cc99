/** Response contract of the dashboard figures (`GET /stats`); the `HubStatistics` interface in server/stats is the same shape. */
const count = { type: 'integer', minimum: 0 } as const;

export const hubStatisticsSchema = {
  type: 'object',
  required: ['at', 'domains', 'sources'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    domains: {
      type: 'array',
      items: {
        type: 'object',
        required: ['domain', 'goldenRecords', 'sourceRecords', 'duplicatesMerged', 'openTasks'],
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
