/**
 * Alias tables over HTTP: read (rules.read), save a draft / publish / roll back (rules.write), list
 * versions. The commands are the rule sets' (server/matching/ruleSets/) with the alias-table kind.
 */
import {
  aliasTableListSchema,
  aliasTableParamsSchema,
  aliasTableVersionParamsSchema,
  aliasTableVersionSchema,
  aliasTableViewSchema,
  publishAliasTableBodySchema,
  putAliasTableBodySchema,
  rollbackAliasTableBodySchema,
  aliasTableVersionSummaryListSchema,
  aliasTableVersionSummarySchema,
  publishAliasTableResponseSchema,
} from '../../contracts/matching';
import { defineRoute } from '../../http/route';
import { ALIAS_TABLES, publishAliasTable, rollbackAliasTable, saveAliasTableDraft } from '../../matching/aliasTables/aliasTables';
import {
  presentAliasTable,
  presentAliasTableListItem,
  presentAliasTableVersion,
  presentAliasTableVersionSummary,
} from '../../matching/aliasTables/presenter';
import { aliasTableNamesOf } from '../../matching/rules';
import { listRuleSetVersions, requireRuleSet, requireRuleSetVersion } from '../../matching/ruleSets/queries';
import { MATCH_RULE_SETS, MATCH_RULE_SET_VERSIONS, type RuleSetDocument, type RuleSetVersionDocument } from '../../matching/ruleSets/types';
import type { Principal } from '../../policies/abilities';
import type { Store } from '../../store/types';

const TAGS = ['matching'];
const PATH = '/matching/aliases/:table';
const notFound = { 404: { description: 'No such alias table (or version).' } };
const TABLE_BODY_LIMIT = 4 * 1024 * 1024;

function authorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

async function publishedVersion(store: Store, head: RuleSetDocument): Promise<RuleSetVersionDocument | null> {
  return head.published
    ? requireRuleSetVersion({ store, domain: head.domain, number: head.published.number, collection: ALIAS_TABLES.versions })
    : null;
}

/** Domains whose published rules name `table`. */
async function domainsUsing(store: Store, table: string): Promise<string[]> {
  const heads = await store.collection<RuleSetDocument>(MATCH_RULE_SETS).find({}, { projection: { published: 1 } });
  const ids = heads.filter((h) => h.published).map((h) => `${h._id}|v${h.published?.number}`);
  const versions =
    ids.length === 0 ? [] : await store.collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS).find({ _id: { $in: ids } });
  return versions
    .filter((v) => aliasTableNamesOf(v.rules).includes(table))
    .map((v) => v.domain)
    .sort();
}

async function tableView(services: { store: Store }, table: string) {
  const head = await requireRuleSet({
    store: services.store,
    domain: table,
    collection: ALIAS_TABLES.heads,
    what: ALIAS_TABLES.describe(table),
  });
  return presentAliasTable(head, await publishedVersion(services.store, head), await domainsUsing(services.store, table));
}

export const matchingAliasRoutes = [
  defineRoute({
    operationId: 'listAliasTables',
    method: 'get',
    path: '/matching/aliases',
    summary: 'Alias tables the matching normalisers can apply (abbreviations, organisation aliases, legal suffixes, noise words)',
    tags: TAGS,
    auth: { action: 'rules.read' },
    responses: { 200: { description: 'Tables.', schema: aliasTableListSchema } },
    handler: async ({ services }) => {
      const heads = (await services.store.collection<RuleSetDocument>(ALIAS_TABLES.heads).find({})).sort((a, b) =>
        a._id < b._id ? -1 : 1,
      );
      const items = [];
      for (const head of heads) items.push(presentAliasTableListItem(head, await publishedVersion(services.store, head)));
      return { body: { items } };
    },
  }),
  defineRoute({
    operationId: 'getAliasTable',
    method: 'get',
    path: PATH,
    summary: 'One alias table: the published version the engine uses, the draft, and the domains whose rules use it',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: aliasTableParamsSchema,
    responses: { 200: { description: 'Published table and draft.', schema: aliasTableViewSchema }, ...notFound },
    handler: async ({ services, params }) => ({ body: await tableView(services, params.table) }),
  }),
  defineRoute({
    operationId: 'putAliasTableDraft',
    method: 'put',
    path: PATH,
    summary: 'Save the draft of an alias table (a new name creates the table)',
    description:
      'Validated against matching-rules/aliases/aliases.schema.json: problems answer 400 VALIDATION_FAILED with paths (`body.table.entries[3].canonical`). `body.table.table` must equal the name in the path. Send `revision` to refuse overwriting someone else’s draft (409 STALE_REVISION).',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: aliasTableParamsSchema,
    body: putAliasTableBodySchema,
    bodyLimit: TABLE_BODY_LIMIT,
    responses: {
      200: { description: 'Draft saved.', schema: aliasTableViewSchema },
      201: { description: 'New table (draft).', schema: aliasTableViewSchema },
      400: { description: 'Invalid table (paths named).' },
      409: { description: 'Stale revision.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const { isCreated } = await saveAliasTableDraft(services, {
        table: params.table,
        content: body.table,
        expectedRevision: body.revision,
        actor: authorOf(principal),
      });
      return { status: isCreated ? 201 : 200, body: await tableView(services, params.table) };
    },
  }),
  defineRoute({
    operationId: 'publishAliasTable',
    method: 'post',
    path: `${PATH}/publish`,
    summary: 'Publish the draft as the next version (matching uses it from the next match on)',
    description:
      'A draft identical to the published table returns that version (200, isNew false). Other content under a `version` string used before answers 409 RULES_VERSION_REUSED. Records already indexed keep their preparation until re-matched (POST /matching/{domain}/rematch).',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: aliasTableParamsSchema,
    body: publishAliasTableBodySchema,
    responses: {
      200: { description: 'Already published.', schema: publishAliasTableResponseSchema },
      201: { description: 'Published.', schema: publishAliasTableResponseSchema },
      409: { description: 'No draft, stale revision or version string reused.' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const { version, isNew } = await publishAliasTable(services, {
        table: params.table,
        actor: authorOf(principal),
        note: body.note,
        expectedRevision: body.revision,
      });
      return { status: isNew ? 201 : 200, body: { isNew, version: presentAliasTableVersionSummary(version, version.number) } };
    },
  }),
  defineRoute({
    operationId: 'listAliasTableVersions',
    method: 'get',
    path: `${PATH}/versions`,
    summary: 'Published versions of an alias table, newest first',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: aliasTableParamsSchema,
    responses: { 200: { description: 'Versions.', schema: aliasTableVersionSummaryListSchema }, ...notFound },
    handler: async ({ services, params }) => {
      const head = await requireRuleSet({
        store: services.store,
        domain: params.table,
        collection: ALIAS_TABLES.heads,
        what: ALIAS_TABLES.describe(params.table),
      });
      const versions = await listRuleSetVersions({ store: services.store, domain: params.table, collection: ALIAS_TABLES.versions });
      return { body: { items: versions.map((v) => presentAliasTableVersionSummary(v, head.published?.number ?? null)) } };
    },
  }),
  defineRoute({
    operationId: 'getAliasTableVersion',
    method: 'get',
    path: `${PATH}/versions/:number`,
    summary: 'One published version of an alias table (immutable)',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: aliasTableVersionParamsSchema,
    responses: { 200: { description: 'The version.', schema: aliasTableVersionSchema }, ...notFound },
    handler: async ({ services, params }) => {
      const head = await requireRuleSet({
        store: services.store,
        domain: params.table,
        collection: ALIAS_TABLES.heads,
        what: ALIAS_TABLES.describe(params.table),
      });
      const version = await requireRuleSetVersion({
        store: services.store,
        domain: params.table,
        number: params.number,
        collection: ALIAS_TABLES.versions,
      });
      return { body: presentAliasTableVersion(version, head.published?.number ?? null) };
    },
  }),
  defineRoute({
    operationId: 'rollbackAliasTable',
    method: 'post',
    path: `${PATH}/rollback`,
    summary: 'Publish an earlier version of an alias table again (as a new version number)',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: aliasTableParamsSchema,
    body: rollbackAliasTableBodySchema,
    responses: {
      201: { description: 'The new version.', schema: aliasTableVersionSummarySchema },
      409: { description: 'That version is already the published one.' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const version = await rollbackAliasTable(services, {
        table: params.table,
        number: body.version,
        actor: authorOf(principal),
        reason: body.reason,
      });
      return { status: 201, body: presentAliasTableVersionSummary(version, version.number) };
    },
  }),
];
