/** The change feed for downstream consumers: poll with `after=<nextCursor>`; entries come in commit order. */
import { changePageSchema, changesQuerySchema, type ChangeView } from '../../contracts/golden';
import { readChanges } from '../../golden';
import { changesByCorrelation } from '../../golden/changesByCorrelation';
import { awaitSequenced } from '../../golden/changeSequencer';
import { presentChange } from '../../golden/presenter';
import { defineRoute, viewResponse } from '../../http/route';

export const changeRoutes = [
  defineRoute({
    operationId: 'listChanges',
    method: 'get',
    path: '/changes',
    summary: 'Golden-record changes (created, updated, merged, retired, unmerged) after a cursor, oldest first',
    tags: ['changes'],
    auth: { action: 'changes.read' },
    query: changesQuerySchema,
    responses: {
      200: viewResponse<{ items: ChangeView[]; nextCursor: string | null }>({
        description: '`{ items, nextCursor }`: pass nextCursor as `after` to continue; it stays put when nothing is new.',
        schema: changePageSchema,
      }),
    },
    handler: async ({ services, query }) => {
      // Read-your-writes: changes committed before this request are numbered before it reads (bounded wait).
      await awaitSequenced(services);
      const page = query.correlationId
        ? await changesByCorrelation({
            store: services.store,
            correlationId: query.correlationId,
            after: query.after,
            domain: query.domain,
            limit: query.limit ?? 100,
          })
        : await readChanges({ store: services.store, after: query.after, domain: query.domain, limit: query.limit ?? 100 });
      return { body: { items: page.items.map(presentChange), nextCursor: page.nextCursor } };
    },
  }),
];
