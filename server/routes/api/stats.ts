import { hubStatisticsSchema } from '../../contracts/stats';
import { defineRoute, viewResponse } from '../../http/route';
import { hubStatistics, type HubStatistics } from '../../stats/hubStatistics';

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
];
