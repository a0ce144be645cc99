import {
  diffPreviewBodySchema,
  directionQuerySchema,
  listMappingsQuerySchema,
  mappingParamsSchema,
  mappingSummarySchema,
  mappingVersionParamsSchema,
  mappingVersionSchema,
  mappingVersionSummarySchema,
  mappingViewSchema,
  previewBodySchema,
  publishBodySchema,
  publishResponseSchema,
  putMappingBodySchema,
  rollbackBodySchema,
  testBodySchema,
} from '../../contracts/mappings';
import { diffPreviewResponseSchema, previewResponseSchema, testReportSchema } from '../../contracts/mappingEvaluation';
import { defineRoute } from '../../http/route';
import type { MappingKey } from '../../mappings/mappingIdentity';
import { presentMapping, presentMappingSummary, presentVersion, presentVersionSummary } from '../../mappings/presenter';
import { presentDiffPreview } from '../../mappings/presenter';
import { diffPreview, previewMapping } from '../../mappings/previewMapping';
import { publishMapping, rollbackMapping, testMappingDraft } from '../../mappings/publishMapping';
import { findPublishedVersion, listMappings, listVersions, requireMapping, requireVersion } from '../../mappings/queries';
import { saveMappingDraft } from '../../mappings/saveMappingDraft';
import type { MappingDirection } from '../../mappings/types';
import type { Principal } from '../../policies/abilities';
import { maskRulesOf, visibilityOf } from '../../policies/visibility';
import { getSourceRecordsByIds } from '../../golden/queries';
import type { AppServices } from '../../services';

const PATH = '/mappings/:source/:domain';
const TAGS = ['mappings'];

function keyOf(params: { source: string; domain: string }, query: { direction?: string }): MappingKey {
  return { source: params.source, domain: params.domain, direction: (query.direction ?? 'inbound') as MappingDirection };
}

function authorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

/** The stored sensitive values (e.g. taxId) of source records, by record id. */
async function sensitiveValuesOfRecords(services: AppServices, input: { domain: string; ids: string[] }): Promise<Map<string, unknown[]>> {
  const attributes = [...maskRulesOf(input.domain).keys()];
  if (attributes.length === 0) return new Map();
  const records = await getSourceRecordsByIds(services, { ids: input.ids });
  return new Map(
    records.map((record) => [
      record._id,
      attributes.map((attribute) => record.canonical[attribute]).filter((value) => value !== undefined && value !== null),
    ]),
  );
}

/** Mappings carry samples and tests, previews carry payloads: more than the default JSON limit allows. */
const LARGE_BODY_LIMIT = 8 * 1024 * 1024;

const notFound = { 404: { description: 'No such mapping (or version).' } };

export const mappingRoutes = [
  defineRoute({
    operationId: 'listMappings',
    method: 'get',
    path: '/mappings',
    summary: 'List mappings with their status, published version and draft state',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    query: listMappingsQuerySchema,
    responses: {
      200: {
        description: 'Mappings by source and domain.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: mappingSummarySchema } } },
      },
    },
    handler: async ({ services, query }) => {
      const mappings = await listMappings(services, {
        source: query.source,
        domain: query.domain,
        direction: query.direction as MappingDirection | undefined,
      });
      return { body: { items: mappings.map(presentMappingSummary) } };
    },
  }),
  defineRoute({
    operationId: 'getMapping',
    method: 'get',
    path: PATH,
    summary: 'A mapping: its draft, its published version and metadata',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    responses: { 200: { description: 'The mapping.', schema: mappingViewSchema }, ...notFound },
    handler: async ({ services, params, query }) => {
      const mapping = await requireMapping(services, keyOf(params, query));
      return { body: presentMapping(mapping, await findPublishedVersion(services, mapping), services.mappingRuntime.checkSyntax) };
    },
  }),
  defineRoute({
    operationId: 'putMappingDraft',
    method: 'put',
    path: PATH,
    summary: 'Create a mapping or update its draft',
    description:
      'Send `revision` (the draft revision you last read; 0 for a new mapping) to refuse overwriting someone else’s change: a stale revision is 409 STALE_REVISION with `details.current`. Drafts may have syntax errors; publishing refuses them.',
    tags: TAGS,
    auth: { action: 'mappings.write' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: putMappingBodySchema,
    bodyLimit: LARGE_BODY_LIMIT,
    responses: {
      200: { description: 'The updated mapping.', schema: mappingViewSchema },
      201: { description: 'The new mapping.', schema: mappingViewSchema },
      400: { description: 'Invalid input (the field is named).' },
      409: { description: 'Stale revision.' },
    },
    handler: async ({ services, params, query, body, principal }) => {
      const { mapping, isCreated } = await saveMappingDraft(services, {
        key: keyOf(params, query),
        content: {
          expression: body.expression,
          description: body.description,
          samples: body.samples,
          tests: body.tests,
          ...(body.format ? { format: body.format } : {}),
        },
        expectedRevision: body.revision,
        actor: authorOf(principal),
      });
      return {
        status: isCreated ? 201 : 200,
        body: presentMapping(mapping, await findPublishedVersion(services, mapping), services.mappingRuntime.checkSyntax),
      };
    },
  }),
  defineRoute({
    operationId: 'previewMapping',
    method: 'post',
    path: `${PATH}/preview`,
    summary: 'Evaluate an expression (or the draft) on payloads without saving',
    description:
      'Per payload: the output or error, canonical-schema problems and required fields not set, with timings. A syntax error is reported in `syntaxError` (200).',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: previewBodySchema,
    bodyLimit: LARGE_BODY_LIMIT,
    responses: {
      200: { description: 'Outputs and problems per payload.', schema: previewResponseSchema },
      400: { description: 'Invalid input.' },
      ...notFound,
    },
    handler: async ({ services, params, query, body }) => ({
      body: await previewMapping(services, { key: keyOf(params, query), expression: body.expression, payloads: body.payloads }),
    }),
  }),
  defineRoute({
    operationId: 'testMappingDraft',
    method: 'post',
    path: `${PATH}/test`,
    summary: "Run test cases: the draft's, or an unsaved expression and/or tests (nothing is saved)",
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: testBodySchema,
    bodyLimit: LARGE_BODY_LIMIT,
    responses: {
      200: { description: 'Pass/fail per case with expected vs actual.', schema: testReportSchema },
      400: { description: 'Invalid input.' },
      ...notFound,
    },
    handler: async ({ services, params, query, body }) => ({
      body: await testMappingDraft(services, { key: keyOf(params, query), expression: body.expression, tests: body.tests }),
    }),
  }),
  defineRoute({
    operationId: 'publishMapping',
    method: 'post',
    path: `${PATH}/publish`,
    summary: 'Publish the draft as the next version (its tests must pass)',
    description:
      'Refused with 422 MAPPING_TESTS_FAILED (each failing case, expected vs actual) or 422 MAPPING_SYNTAX_ERROR. Publishing a draft identical to the published version returns that version (200, isNew false).',
    tags: TAGS,
    auth: { action: 'mappings.publish' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: publishBodySchema,
    responses: {
      200: { description: 'Already published.', schema: publishResponseSchema },
      201: { description: 'Published.', schema: publishResponseSchema },
      409: { description: 'No draft or stale revision.' },
      422: { description: 'Tests failed or syntax error.' },
      ...notFound,
    },
    handler: async ({ services, params, query, body, principal }) => {
      const { version, isNew } = await publishMapping(services, {
        key: keyOf(params, query),
        actor: authorOf(principal),
        note: body.note,
        expectedRevision: body.revision,
      });
      return { status: isNew ? 201 : 200, body: { isNew, version: presentVersionSummary(version, version.version) } };
    },
  }),
  defineRoute({
    operationId: 'listMappingVersions',
    method: 'get',
    path: `${PATH}/versions`,
    summary: 'Published versions, newest first (rollbacks name the version they restored)',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    responses: {
      200: {
        description: 'Versions.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: mappingVersionSummarySchema } } },
      },
      ...notFound,
    },
    handler: async ({ services, params, query }) => {
      const key = keyOf(params, query);
      const mapping = await requireMapping(services, key);
      const versions = await listVersions(services, key);
      return { body: { items: versions.map((version) => presentVersionSummary(version, mapping.published?.version ?? null)) } };
    },
  }),
  defineRoute({
    operationId: 'getMappingVersion',
    method: 'get',
    path: `${PATH}/versions/:version`,
    summary: 'One published version with its full content (immutable)',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingVersionParamsSchema,
    query: directionQuerySchema,
    responses: { 200: { description: 'The version.', schema: mappingVersionSchema }, ...notFound },
    handler: async ({ services, params, query }) => {
      const key = keyOf(params, query);
      const mapping = await requireMapping(services, key);
      return { body: presentVersion(await requireVersion(services, key, params.version), mapping.published?.version ?? null) };
    },
  }),
  defineRoute({
    operationId: 'rollbackMapping',
    method: 'post',
    path: `${PATH}/rollback`,
    summary: 'Publish an earlier version again (as a new version number)',
    tags: TAGS,
    auth: { action: 'mappings.publish' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: rollbackBodySchema,
    responses: {
      201: { description: 'The new version.', schema: mappingVersionSummarySchema },
      409: { description: 'That content is already published.' },
      ...notFound,
    },
    handler: async ({ services, params, query, body, principal }) => {
      const version = await rollbackMapping(services, {
        key: keyOf(params, query),
        version: body.version,
        actor: authorOf(principal),
        reason: body.reason,
      });
      return { status: 201, body: presentVersionSummary(version, version.version) };
    },
  }),
  defineRoute({
    operationId: 'diffPreviewMapping',
    method: 'post',
    path: `${PATH}/diff-preview`,
    summary: 'What changes: the draft vs the published version on the most recent real payloads',
    description:
      'Roles that may not see raw payloads (analysts) get `isRestricted: true`: only canonical-schema fields with values valid for their field, sensitive attributes masked, error messages withheld; `withheldFields` names what was left out (docs/SECURITY.md).',
    tags: TAGS,
    auth: { action: 'mappings.read' },
    params: mappingParamsSchema,
    query: directionQuerySchema,
    body: diffPreviewBodySchema,
    responses: {
      200: { description: 'Records whose output would differ, with both outputs.', schema: diffPreviewResponseSchema },
      ...notFound,
    },
    handler: async ({ services, params, query, body, principal }) => {
      const key = keyOf(params, query);
      const report = await diffPreview(services, { key, limit: body.limit ?? 200 });
      const visibility = visibilityOf(principal);
      const sensitiveValues = visibility.canSeeSensitive
        ? new Map<string, unknown[]>()
        : await sensitiveValuesOfRecords(services, { domain: key.domain, ids: report.items.map((item) => item.sourceRecordId) });
      return {
        body: presentDiffPreview(report, {
          domain: key.domain,
          direction: key.direction,
          visibility,
          sensitiveValuesOf: (id) => sensitiveValues.get(id) ?? [],
        }),
      };
    },
  }),
];
