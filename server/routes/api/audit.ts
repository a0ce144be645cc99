/** The audit API: who changed what, when and why — per golden record, per actor, per action and time range. */
import { auditPageSchema, auditQuerySchema, type AuditEntryView } from '../../contracts/stewardship';
import { visibilityOf } from '../../policies/visibility';
import { defineRoute, viewResponse } from '../../http/route';
import { presentAuditEntry, queryAudit } from '../../stewardship';

export const auditRoutes = [
  defineRoute({
    operationId: 'queryAudit',
    method: 'get',
    path: '/audit',
    summary: 'Audit log entries filtered by golden record (with the tasks about it), actor, action and time range; cursor-paginated',
    tags: ['audit'],
    auth: { action: 'audit.read' },
    query: auditQuerySchema,
    responses: {
      200: viewResponse<{ items: AuditEntryView[]; nextCursor: string | null }>({
        description: '`{ items, nextCursor }` in time order (`order=desc` for newest first).',
        schema: auditPageSchema,
      }),
      400: { description: 'Invalid filter or cursor.' },
    },
    handler: async ({ services, query, principal }) => {
      const page = await queryAudit(services, query);
      const options = { visibility: visibilityOf(principal) };
      return { body: { items: page.items.map((entry) => presentAuditEntry(entry, options)), nextCursor: page.nextCursor } };
    },
  }),
];
