/**
 * The golden-record API: read one (retired ids answer 200 with a pointer to the survivor and the
 * survivor itself), as of a time, its history and xrefs, list with attribute filters, export, and the
 * steward writes (merge, unmerge, overrides) with optimistic concurrency.
 */
import {
  clearOverrideBodySchema,
  domainParam,
  getGoldenQuerySchema,
  goldenParamsSchema,
  historyQuerySchema,
  listGoldenQuerySchema,
  mergeBodySchema,
  overrideParamsSchema,
  reasonProperty,
  setOverrideBodySchema,
  unmergeBodySchema,
  goldenHistorySchema,
  goldenOrRetiredViewSchema,
  goldenPageSchema,
  goldenRecordViewSchema,
  goldenXrefsSchema,
  matchDecisionsSchema,
  mergeResultSchema,
  unmergeResultSchema,
  type GetGoldenQuery,
  type GoldenRecordView,
  type HistoryEntryView,
  type MatchDecisionView,
  type RetiredGoldenView,
  type XrefView,
} from '../../contracts/golden';
import { jobViewSchema } from '../../contracts/jobs';
import {
  clearOverride,
  exportGoldenRecords,
  getGoldenRecord,
  getGoldenRecordAsOf,
  getMatchDecisionsOf,
  getSourceRecordsByIds,
  getSourceRecordsOf,
  listGoldenRecords,
  mergeGoldenRecords,
  readHistory,
  relationshipsOf,
  setOverride,
  startRecomputeJob,
  unmergeSourceRecord,
  type GoldenRecordDocument,
} from '../../golden';
import {
  goldenPresentOptions,
  presentGolden,
  presentHistoryEntry,
  presentMatchDecision,
  presentRelationship,
  presentSourceRecord,
  presentXref,
  type PresentOptions,
} from '../../golden/presenter';
import { ForbiddenError } from '../../errors';
import { defineRoute, viewResponse } from '../../http/route';
import { presentJob, type JobView } from '../../jobs/presenter';
import type { Principal } from '../../policies/abilities';
import { isSensitivePath, maskRulesFromConfig } from '../../policies/visibility';
import { getCanonicalSchema } from '../../schemas';
import { targetXrefsOf } from '../../sync/syncStatus';
import type { AppServices } from '../../services';

/** Presentation options for a domain and caller; 404 for a domain without a canonical schema. */
export function presentOptionsFor(domain: string, principal: Principal): PresentOptions {
  getCanonicalSchema(domain);
  return goldenPresentOptions(domain, principal);
}

function actorOf(principal: Principal): { keyId: string; name: string; role: string } {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

async function presentWithExtras(args: {
  services: AppServices;
  golden: GoldenRecordDocument;
  include: GetGoldenQuery['include'];
  options: PresentOptions;
  isAsOf?: boolean;
}): Promise<GoldenRecordView> {
  const include = new Set(args.include ?? []);
  const view = presentGolden(args.golden, { ...args.options, includeLineage: include.has('lineage'), asOf: args.isAsOf });
  if (include.has('sources'))
    view.sources = (await getSourceRecordsByIds(args.services, { ids: args.golden.sourceRecordIds })).map((s) =>
      presentSourceRecord(s, args.options),
    );
  if (include.has('history')) {
    const history = await readHistory({ store: args.services.store, goldenId: args.golden._id });
    view.history = history.filter((h) => h.version <= args.golden.version).map((h) => presentHistoryEntry(h, args.options));
  }
  if (include.has('xrefs')) {
    const sources = await getSourceRecordsByIds(args.services, { ids: args.golden.sourceRecordIds });
    view.xrefs = [
      ...sources.map((s) => ({
        direction: 'source' as const,
        system: s.source,
        id: s.sourceId,
        sourceRecordId: s._id,
        updatedAt: s.updatedAt,
      })),
      ...(await targetXrefsOf(args.services, args.golden._id)),
    ];
  }
  if (include.has('relationships'))
    view.relationships = (await relationshipsOf({ store: args.services.store, goldenId: args.golden._id })).map((r) =>
      presentRelationship(r, args.golden._id),
    );
  return view;
}

/** 403 when a caller who sees a sensitive attribute masked filters by it (the answer would confirm the value). */
function assertMayFilterBy(attributes: string[], options: PresentOptions): void {
  if (options.visibility.canQuerySensitive) return;
  const rules = maskRulesFromConfig(options.config);
  const sensitive = attributes.find((attribute) => isSensitivePath(attribute, rules));
  if (sensitive)
    throw new ForbiddenError(
      `Your API key may not filter by "${sensitive}": it is a sensitive attribute, shown masked to your role (query.attr.${sensitive}).`,
    );
}

const goldenResponses = {
  200: viewResponse<GoldenRecordView | RetiredGoldenView>({
    description: 'The golden record; a retired id answers `{ retired: true, id, survivorId, survivor }`.',
    schema: goldenOrRetiredViewSchema,
  }),
  404: { description: 'No such golden record (or it did not exist yet at asOf).' },
};
const errorResponses = {
  400: { description: 'Invalid request.' },
  404: { description: 'No such golden record.' },
  409: { description: 'Stale expectedVersion or retired record: details.current holds the current state.' },
  422: { description: 'The attribute or value is not valid for the domain.' },
};
const writeResponses = {
  ...errorResponses,
  200: viewResponse<GoldenRecordView>({ description: 'The golden record after the change.', schema: goldenRecordViewSchema }),
};

export const goldenRoutes = [
  defineRoute({
    operationId: 'listGoldenRecords',
    method: 'get',
    path: '/golden/:domain',
    summary: 'List golden records of a domain (attribute filters attr.<path>=value, status, updatedSince; cursor pagination in id order)',
    tags: ['golden'],
    auth: { action: 'golden.read' },
    params: { type: 'object', required: ['domain'], properties: { domain: domainParam } },
    query: listGoldenQuerySchema,
    responses: {
      200: viewResponse<{ items: GoldenRecordView[]; nextCursor: string | null }>({
        description: '`{ items, nextCursor }`; nextCursor is null on the last page.',
        schema: goldenPageSchema,
      }),
    },
    handler: async ({ services, params, query, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(query))
        if (name.startsWith('attr.') && typeof value === 'string') attributes[name.slice(5)] = value;
      assertMayFilterBy(Object.keys(attributes), options);
      const page = await listGoldenRecords(services, {
        domain: params.domain,
        attributes,
        status: query.status,
        updatedSince: query.updatedSince,
        source: query.source,
        cursor: query.cursor,
        limit: query.limit ?? 50,
      });
      return { body: { items: page.items.map((g) => presentGolden(g, options)), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    operationId: 'getGoldenRecord',
    method: 'get',
    path: '/golden/:domain/:id',
    summary: 'A golden record, optionally with lineage, sources, history, relationships; or as of a time',
    tags: ['golden'],
    auth: { action: 'golden.read' },
    params: goldenParamsSchema,
    query: getGoldenQuerySchema,
    responses: goldenResponses,
    handler: async ({ services, params, query, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      if (query.asOf) {
        const golden = await getGoldenRecordAsOf(services, { domain: params.domain, id: params.id, asOf: query.asOf });
        return { body: await presentWithExtras({ services, golden, include: query.include, options, isAsOf: true }) };
      }
      const { golden, survivor } = await getGoldenRecord(services, { domain: params.domain, id: params.id });
      if (golden.status === 'retired') {
        const survivorView = survivor ? await presentWithExtras({ services, golden: survivor, include: query.include, options }) : null;
        return { body: { retired: true, id: golden._id, survivorId: survivor?._id ?? golden.mergedInto ?? null, survivor: survivorView } };
      }
      return { body: await presentWithExtras({ services, golden, include: query.include, options }) };
    },
  }),
  defineRoute({
    operationId: 'getGoldenHistory',
    method: 'get',
    path: '/golden/:domain/:id/history',
    summary: 'Every version of a golden record, oldest first: what changed, the cause and the actor',
    tags: ['golden'],
    auth: { action: 'golden.read' },
    params: goldenParamsSchema,
    query: historyQuerySchema,
    responses: {
      200: viewResponse<{ goldenId: string; items: HistoryEntryView[]; nextAfterVersion: number | null }>({
        description: '`{ goldenId, items, nextAfterVersion }`.',
        schema: goldenHistorySchema,
      }),
      404: { description: 'No such golden record.' },
    },
    handler: async ({ services, params, query, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const { golden } = await getGoldenRecord(services, { domain: params.domain, id: params.id });
      const limit = query.limit ?? 100;
      const items = await readHistory({ store: services.store, goldenId: golden._id, afterVersion: query.afterVersion, limit });
      const nextAfterVersion = items.length === limit ? (items.at(-1)?.version ?? null) : null;
      return { body: { goldenId: golden._id, items: items.map((h) => presentHistoryEntry(h, options)), nextAfterVersion } };
    },
  }),
  defineRoute({
    operationId: 'getGoldenMatchDecisions',
    method: 'get',
    path: '/golden/:domain/:id/decisions',
    summary: "Why the record's members are in it: the stored matching decisions with per-comparator explanations, newest first",
    tags: ['golden'],
    auth: { action: 'golden.read' },
    params: goldenParamsSchema,
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
    },
    responses: {
      200: viewResponse<{ goldenId: string; items: MatchDecisionView[] }>({
        description: '`{ goldenId, items }`.',
        schema: matchDecisionsSchema,
      }),
      404: { description: 'No such golden record.' },
    },
    handler: async ({ services, params, query, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const { golden, survivor } = await getGoldenRecord(services, { domain: params.domain, id: params.id });
      const target = survivor ?? golden;
      const decisions = await getMatchDecisionsOf(services, { golden: target, limit: query.limit ?? 50 });
      return { body: { goldenId: target._id, items: decisions.map((d) => presentMatchDecision(d, options)) } };
    },
  }),
  defineRoute({
    operationId: 'getGoldenXrefs',
    method: 'get',
    path: '/golden/:domain/:id/xrefs',
    summary: 'Every source system id of a golden record (a retired id answers for its survivor)',
    tags: ['golden', 'xref'],
    auth: { action: 'golden.read' },
    params: goldenParamsSchema,
    responses: {
      200: viewResponse<{ goldenId: string; requestedId?: string; retired?: true; items: XrefView[] }>({
        description: '`{ goldenId, items: [{ source, sourceId, sourceRecordId, goldenId, updatedAt }] }`.',
        schema: goldenXrefsSchema,
      }),
      404: { description: 'No such golden record.' },
    },
    handler: async ({ services, params, principal }) => {
      presentOptionsFor(params.domain, principal);
      const { golden, survivor } = await getGoldenRecord(services, { domain: params.domain, id: params.id });
      const target = survivor ?? golden;
      const records = await getSourceRecordsOf(services, { golden: target });
      return {
        body: { goldenId: target._id, ...(survivor ? { requestedId: golden._id, retired: true } : {}), items: records.map(presentXref) },
      };
    },
  }),
  defineRoute({
    operationId: 'exportGoldenRecords',
    method: 'get',
    path: '/export/:domain/golden',
    summary: 'Every golden record of a domain as NDJSON, streamed in constant memory',
    tags: ['golden', 'export'],
    auth: { action: 'golden.read' },
    params: { type: 'object', required: ['domain'], properties: { domain: domainParam } },
    query: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['active', 'retired'] } } },
    responses: { 200: { description: 'One presented golden record per line.', contentType: 'application/x-ndjson' } },
    handler: async ({ services, params, query, principal, ctx }) => {
      const options = presentOptionsFor(params.domain, principal);
      ctx.type = 'application/x-ndjson';
      ctx.body = exportGoldenRecords(services, { domain: params.domain, status: query.status, options });
      return undefined;
    },
  }),
  defineRoute({
    operationId: 'recomputeGoldenRecords',
    method: 'post',
    path: '/golden/:domain/recompute',
    summary: 'Recompute every active golden record of a domain (after a survivorship rule change) as a background job',
    tags: ['golden', 'jobs'],
    auth: { action: 'golden.write' },
    params: { type: 'object', required: ['domain'], properties: { domain: domainParam } },
    body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: reasonProperty } },
    responses: {
      202: viewResponse<JobView>({ description: 'The queued job; follow it at /api/v1/jobs/:id.', schema: jobViewSchema }),
      404: { description: 'Unknown domain.' },
    },
    handler: async ({ services, params, body, principal }) => {
      presentOptionsFor(params.domain, principal);
      const job = await startRecomputeJob(services, { domain: params.domain, reason: body.reason, actor: actorOf(principal) });
      return { status: 202, body: presentJob(job), headers: { location: `/api/v1/jobs/${job._id}` } };
    },
  }),
  defineRoute({
    operationId: 'mergeGoldenRecords',
    method: 'post',
    path: '/golden/:domain/:id/merge',
    summary: 'Merge another golden record into this one (this id survives; the other is retired and points here)',
    tags: ['golden'],
    auth: { action: 'golden.write' },
    params: goldenParamsSchema,
    body: mergeBodySchema,
    responses: {
      ...errorResponses,
      200: viewResponse<{ survivor: GoldenRecordView; retired: GoldenRecordView }>({
        description: 'The survivor and the retired record after the merge.',
        schema: mergeResultSchema,
      }),
    },
    handler: async ({ services, params, body, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const expectedVersions: Record<string, number> = {};
      if (body.expectedVersion !== undefined) expectedVersions[params.id] = body.expectedVersion;
      if (body.otherExpectedVersion !== undefined) expectedVersions[body.otherId] = body.otherExpectedVersion;
      const result = await mergeGoldenRecords(services, {
        survivorId: params.id,
        mergedId: body.otherId,
        actor: actorOf(principal),
        reason: body.reason,
        expectedVersions,
        domain: params.domain,
      });
      return {
        body: {
          survivor: presentGolden(result.survivor, { ...options, includeLineage: true }),
          retired: presentGolden(result.retired, options),
        },
      };
    },
  }),
  defineRoute({
    operationId: 'unmergeSourceRecord',
    method: 'post',
    path: '/golden/:domain/:id/unmerge',
    summary: 'Split a source record off this golden record; it is re-matched, never straight back into this one',
    tags: ['golden'],
    auth: { action: 'golden.write' },
    params: goldenParamsSchema,
    body: unmergeBodySchema,
    responses: {
      ...errorResponses,
      200: viewResponse<{ golden: GoldenRecordView; newGoldenId: string; outcome: string }>({
        description: 'The golden record after the split, the source record’s new golden id and how it was placed.',
        schema: unmergeResultSchema,
      }),
    },
    handler: async ({ services, params, body, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const result = await unmergeSourceRecord(services, {
        goldenId: params.id,
        sourceRecordId: body.sourceRecordId,
        actor: actorOf(principal),
        reason: body.reason,
        expectedVersion: body.expectedVersion,
        domain: params.domain,
      });
      return {
        body: {
          golden: presentGolden(result.golden, { ...options, includeLineage: true }),
          newGoldenId: result.newGoldenId,
          outcome: result.outcome,
        },
      };
    },
  }),
  defineRoute({
    operationId: 'setGoldenOverride',
    method: 'put',
    path: '/golden/:domain/:id/overrides/:attribute',
    summary: 'Set a steward override: the value wins over survivorship until cleared',
    tags: ['golden'],
    auth: { action: 'golden.write' },
    params: overrideParamsSchema,
    body: setOverrideBodySchema,
    responses: writeResponses,
    handler: async ({ services, params, body, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const golden = await setOverride(services, {
        goldenId: params.id,
        attribute: params.attribute,
        value: body.value ?? null,
        reason: body.reason,
        actor: actorOf(principal),
        expectedVersion: body.expectedVersion,
        domain: params.domain,
      });
      return { body: presentGolden(golden, { ...options, includeLineage: true }) };
    },
  }),
  defineRoute({
    operationId: 'clearGoldenOverride',
    method: 'delete',
    path: '/golden/:domain/:id/overrides/:attribute',
    summary: 'Clear a steward override: the attribute returns to its survivorship value',
    tags: ['golden'],
    auth: { action: 'golden.write' },
    params: overrideParamsSchema,
    body: clearOverrideBodySchema,
    responses: writeResponses,
    handler: async ({ services, params, body, principal }) => {
      const options = presentOptionsFor(params.domain, principal);
      const golden = await clearOverride(services, {
        goldenId: params.id,
        attribute: params.attribute,
        reason: body.reason,
        actor: actorOf(principal),
        expectedVersion: body.expectedVersion,
        domain: params.domain,
      });
      return { body: presentGolden(golden, { ...options, includeLineage: true }) };
    },
  }),
];
