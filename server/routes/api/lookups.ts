import {
  deleteLookupQuerySchema,
  lookupParamsSchema,
  lookupSummarySchema,
  lookupViewSchema,
  putLookupBodySchema,
} from '../../contracts/mappings';
import { defineRoute } from '../../http/route';
import { deleteLookupTable, getLookupTable, listLookupTables, saveLookupTable } from '../../lookups/lookupTables';
import { presentLookup, presentLookupSummary } from '../../lookups/presenter';
import { publishedMappingsUsingLookup } from '../../mappings/lookupUsers';
import type { Principal } from '../../policies/abilities';

const TAGS = ['lookups'];

function actorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

export const lookupRoutes = [
  defineRoute({
    operationId: 'listLookupTables',
    method: 'get',
    path: '/lookups',
    summary: 'List lookup tables (without their entries)',
    tags: TAGS,
    auth: { action: 'lookups.read' },
    responses: {
      200: {
        description: 'Tables by name.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: lookupSummarySchema } } },
      },
    },
    handler: async ({ services }) => ({ body: { items: (await listLookupTables(services)).map(presentLookupSummary) } }),
  }),
  defineRoute({
    operationId: 'getLookupTable',
    method: 'get',
    path: '/lookups/:name',
    summary: 'A lookup table with its entries',
    tags: TAGS,
    auth: { action: 'lookups.read' },
    params: lookupParamsSchema,
    responses: { 200: { description: 'The table.', schema: lookupViewSchema }, 404: { description: 'No such table.' } },
    handler: async ({ services, params }) => ({ body: presentLookup(await getLookupTable(services, params.name)) }),
  }),
  defineRoute({
    operationId: 'putLookupTable',
    method: 'put',
    path: '/lookups/:name',
    summary: 'Create or replace a lookup table',
    description:
      'Mappings read it with `$lookup(name, key, default?)`. Send `revision` to refuse overwriting someone else’s change (409 STALE_REVISION).',
    tags: TAGS,
    auth: { action: 'lookups.write' },
    params: lookupParamsSchema,
    body: putLookupBodySchema,
    // Crosswalks (cost centres, item numbers) can hold many thousands of entries.
    bodyLimit: 16 * 1024 * 1024,
    responses: {
      200: { description: 'The updated table.', schema: lookupViewSchema },
      201: { description: 'The new table.', schema: lookupViewSchema },
      400: { description: 'Invalid input.' },
      409: { description: 'Stale revision.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const { table, isCreated } = await saveLookupTable(services, {
        name: params.name,
        description: body.description ?? '',
        entries: body.entries as Record<string, unknown>,
        expectedRevision: body.revision,
        actor: actorOf(principal),
      });
      return { status: isCreated ? 201 : 200, body: presentLookup(table) };
    },
  }),
  defineRoute({
    operationId: 'deleteLookupTable',
    method: 'delete',
    path: '/lookups/:name',
    summary: 'Delete a lookup table (refused while a published mapping uses it)',
    tags: TAGS,
    auth: { action: 'lookups.write' },
    params: lookupParamsSchema,
    query: deleteLookupQuerySchema,
    responses: {
      200: { description: 'The deleted table.', schema: lookupViewSchema },
      404: { description: 'No such table.' },
      409: { description: 'Used by a published mapping (LOOKUP_IN_USE).' },
    },
    handler: async ({ services, params, query, principal }) => ({
      body: presentLookup(
        await deleteLookupTable(services, {
          name: params.name,
          actor: actorOf(principal),
          reason: query.reason,
          usersOf: publishedMappingsUsingLookup(services),
        }),
      ),
    }),
  }),
];
