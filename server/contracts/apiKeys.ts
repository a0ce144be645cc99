/** Request/response contracts for API keys and the current principal; imported by the server and the studio. */
import type { FromSchema } from 'json-schema-to-ts';

export const apiKeySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'role', 'prefix', 'createdAt', 'createdBy', 'revokedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    prefix: { type: 'string', description: 'First characters of the secret, to recognise the key.' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;
export type ApiKeyView = FromSchema<typeof apiKeySchema>;

export const createApiKeyBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role'],
  properties: {
    name: {
      type: 'string',
      format: 'plain-text',
      minLength: 1,
      maxLength: 120,
      description: 'Who or what uses the key, e.g. "Workday integration".',
    },
    role: {
      type: 'string',
      pattern: '^(admin|steward|analyst|consumer|source:[a-z0-9][a-z0-9_-]{0,62})$',
      description: 'admin, steward, analyst, consumer (read-only) or source:<name> (may only ingest for that source system).',
    },
  },
} as const;

export const createdApiKeySchema = {
  type: 'object',
  required: ['key', 'secret'],
  properties: {
    key: apiKeySchema,
    secret: { type: 'string', description: 'The API key itself. Shown only in this response; store it safely.' },
  },
} as const;

export const meSchema = {
  type: 'object',
  required: ['key', 'abilities'],
  properties: {
    key: {
      type: 'object',
      required: ['id', 'name', 'role'],
      properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    },
    abilities: {
      type: 'object',
      additionalProperties: { type: 'boolean' },
      description: 'Every action and whether this key may perform it.',
    },
  },
} as const;
export type MeView = FromSchema<typeof meSchema>;
