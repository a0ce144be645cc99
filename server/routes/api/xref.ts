/** Cross-references: a source system's id → its golden record, and the whole domain's xrefs as NDJSON. */
import { domainParam, xrefWithGoldenSchema, type GoldenRecordView, type XrefView } from '../../contracts/golden';
import { exportXrefs, getGoldenRecord, getSourceRecordByXref } from '../../golden';
import { presentGolden, presentXref } from '../../golden/presenter';
import { defineRoute, viewResponse } from '../../http/route';
import { presentOptionsFor } from './golden';

export const xrefRoutes = [
  defineRoute({
    operationId: 'getXref',
    method: 'get',
    path: '/xref/:domain/:source/:sourceId',
    summary: "The golden record filed under a source system's id",
    tags: ['xref'],
    auth: { action: 'golden.read' },
    params: {
      type: 'object',
      required: ['domain', 'source', 'sourceId'],
      properties: {
        domain: domainParam,
        source: { type: 'string', minLength: 1, maxLength: 64 },
        sourceId: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    responses: {
      200: viewResponse<XrefView & { golden: GoldenRecordView }>({
        description: '`{ source, sourceId, sourceRecordId, goldenId, updatedAt, golden }`.',
        schema: xrefWithGoldenSchema,
      }),
      404: { description: 'No source record with this id.' },
    },
    handler: async ({ services, params, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const record = await getSourceRecordByXref(services, params);
      const { golden, survivor } = await getGoldenRecord(services, { domain: params.domain, id: record.goldenId });
      const current = survivor ?? golden;
      return { body: { ...presentXref({ ...record, goldenId: current._id }), golden: presentGolden(current, options) } };
    },
  }),
  defineRoute({
    operationId: 'exportXrefs',
    method: 'get',
    path: '/export/:domain/xrefs',
    summary: 'One NDJSON line { source, sourceId, goldenId } per source record of a domain, streamed in constant memory',
    tags: ['xref', 'export'],
    auth: { action: 'golden.read' },
    params: { type: 'object', required: ['domain'], properties: { domain: domainParam } },
    responses: { 200: { description: 'NDJSON.', contentType: 'application/x-ndjson' } },
    handler: async ({ services, params, principal, ctx }) => {
      presentOptionsFor(params.domain, principal);
      ctx.type = 'application/x-ndjson';
      ctx.body = exportXrefs(services, { domain: params.domain });
      return undefined;
    },
  }),
];
