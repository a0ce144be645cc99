import { searchParamsSchema, searchQuerySchema, searchResponseSchema } from '../../contracts/matching';
import { defineRoute } from '../../http/route';
import { maskRulesOf, visibilityOf } from '../../policies/visibility';
import { listMappings } from '../../mappings';
import { searchGolden } from '../../search';

export const searchRoutes = [
  defineRoute({
    operationId: 'searchGolden',
    method: 'get',
    path: '/search/:domain',
    summary: 'Typeahead search of golden records by name, description or identifier',
    description:
      'A record id in a source system (e.g. `MT-100234`) finds the golden record holding it, and the name of a source system (e.g. `meditech`) the golden records it feeds. Identifiers hit exactly in any form (GTIN with or without padding, NDC 10 or 11 digits, EIN with or without the hyphen (only for roles that may see tax ids), NPI, CCN, part numbers without punctuation); words tolerate typos and the last word may be a prefix. Results: id, domain, display name, matched field, score (1 = exact).',
    tags: ['search'],
    auth: { action: 'golden.read' },
    params: searchParamsSchema,
    query: searchQuerySchema,
    responses: {
      200: { description: 'Best matches first.', schema: searchResponseSchema },
      400: { description: 'Unknown domain or bad query.' },
    },
    handler: async ({ services, params, query, principal }) => {
      const hiddenFields = visibilityOf(principal).canQuerySensitive ? undefined : new Set(maskRulesOf(params.domain).keys());
      const sources = (await listMappings(services, { domain: params.domain, direction: 'inbound' })).map((mapping) => mapping.source);
      const result = await searchGolden(services, { domain: params.domain, q: query.q, limit: query.limit, hiddenFields, sources });
      return { body: { items: result.items, isTruncated: result.isTruncated } };
    },
  }),
];
