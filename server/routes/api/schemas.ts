import { NotFoundError } from '../../errors';
import { defineRoute } from '../../http/route';
import { getCanonicalSchema, listDomains, validateCanonical } from '../../schemas/canonicalSchemas';

const domainParams = {
  type: 'object',
  required: ['domain'],
  properties: { domain: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } },
} as const;

function requireDomain(domain: string): void {
  if (!listDomains().includes(domain)) throw new NotFoundError(`Domain "${domain}"`, { domains: listDomains() });
}

export const schemaRoutes = [
  defineRoute({
    operationId: 'listCanonicalSchemas',
    method: 'get',
    path: '/schemas',
    summary: 'The canonical domains and their schema versions',
    tags: ['schemas'],
    auth: { action: 'schemas.read' },
    responses: {
      200: {
        description: 'One entry per domain.',
        schema: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['domain', '$id', 'version'],
                properties: { domain: { type: 'string' }, $id: { type: 'string' }, version: { type: 'string' }, title: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    handler: async () => ({
      body: {
        items: listDomains().map((domain) => {
          const schema = getCanonicalSchema(domain);
          return { domain, $id: schema.$id, version: schema.version, title: schema.title };
        }),
      },
    }),
  }),
  defineRoute({
    operationId: 'getCanonicalSchema',
    method: 'get',
    path: '/schemas/:domain',
    summary: 'The canonical JSON Schema (2020-12) of a domain',
    tags: ['schemas'],
    auth: { action: 'schemas.read' },
    params: domainParams,
    responses: {
      200: { description: 'The JSON Schema document.', schema: { type: 'object', required: ['$schema', '$id'] } },
      404: { description: 'Unknown domain.' },
    },
    handler: async ({ params }) => {
      requireDomain(params.domain);
      return { body: getCanonicalSchema(params.domain).schema };
    },
  }),
  defineRoute({
    operationId: 'validateCanonicalRecord',
    method: 'post',
    path: '/schemas/:domain/validate',
    summary: 'Validate a canonical record without storing it',
    description: 'Returns every problem as { path, code, message }, including identifier check digits (GTIN, GLN, NDC, NPI…).',
    tags: ['schemas'],
    auth: { action: 'schemas.read' },
    params: domainParams,
    body: { type: 'object' },
    responses: {
      200: {
        description: '`valid` and the list of errors.',
        schema: {
          type: 'object',
          required: ['valid', 'errors'],
          properties: {
            valid: { type: 'boolean' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['code', 'message'],
                properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
      404: { description: 'Unknown domain.' },
    },
    handler: async ({ params, body }) => {
      requireDomain(params.domain);
      const errors = validateCanonical(params.domain, body);
      return { body: { valid: errors.length === 0, errors } };
    },
  }),
];
