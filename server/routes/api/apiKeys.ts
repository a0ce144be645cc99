import { createApiKey } from '../../apiKeys/createApiKey';
import { revokeApiKey } from '../../apiKeys/revokeApiKey';
import { API_KEYS_COLLECTION } from '../../apiKeys/collections';
import type { ApiKeyDocument } from '../../apiKeys/apiKeyStore';
import { apiKeySchema, createApiKeyBodySchema, createdApiKeySchema, meSchema } from '../../contracts/apiKeys';
import { defineRoute } from '../../http/route';
import { abilitiesOf, type Role } from '../../policies/abilities';
import { presentApiKey } from '../../apiKeys/presenter';

const keyIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

export const apiKeyRoutes = [
  defineRoute({
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    summary: 'The calling key, its role and what it may do',
    tags: ['auth'],
    auth: { action: 'me.read' },
    responses: { 200: { description: 'The principal and its abilities.', schema: meSchema } },
    handler: async ({ principal }) => ({
      body: { key: { id: principal.keyId, name: principal.name, role: principal.role }, abilities: abilitiesOf(principal) },
    }),
  }),
  defineRoute({
    operationId: 'listApiKeys',
    method: 'get',
    path: '/keys',
    summary: 'List API keys (never their secrets)',
    tags: ['auth'],
    auth: { action: 'keys.manage' },
    query: { type: 'object', additionalProperties: false, properties: { includeRevoked: { type: 'boolean', default: false } } },
    responses: {
      200: {
        description: 'Keys, newest first.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: apiKeySchema } } },
      },
    },
    handler: async ({ services, query }) => {
      const filter = query.includeRevoked ? {} : { revokedAt: { $exists: false } };
      const keys = await services.store.collection<ApiKeyDocument>(API_KEYS_COLLECTION).find(filter, { sort: { createdAt: -1 } });
      return { body: { items: keys.map(presentApiKey) } };
    },
  }),
  defineRoute({
    operationId: 'createApiKey',
    method: 'post',
    path: '/keys',
    summary: 'Create an API key for a role',
    description: 'The secret is returned once, in this response only; the server stores its hash.',
    tags: ['auth'],
    auth: { action: 'keys.manage' },
    body: createApiKeyBodySchema,
    responses: { 201: { description: 'The new key and its secret.', schema: createdApiKeySchema } },
    handler: async ({ services, body, principal }) => {
      const { key, secret } = await createApiKey(services, { name: body.name, role: body.role as Role, actor: principal });
      return { status: 201, body: { key: presentApiKey(key), secret } };
    },
  }),
  defineRoute({
    operationId: 'revokeApiKey',
    method: 'delete',
    path: '/keys/:id',
    summary: 'Revoke an API key',
    tags: ['auth'],
    auth: { action: 'keys.manage' },
    params: keyIdParams,
    responses: { 200: { description: 'The revoked key.', schema: apiKeySchema }, 404: { description: 'No such key.' } },
    handler: async ({ services, params, principal }) => ({
      body: presentApiKey(await revokeApiKey(services, { keyId: params.id, actor: principal })),
    }),
  }),
];
