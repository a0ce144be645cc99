/** Request/response contracts for lookup tables; imported by the server and the studio (re-exported by contracts/mappings). */
import type { FromSchema } from 'json-schema-to-ts';

export const LOOKUP_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$';

const authorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['keyId', 'name', 'role'],
  properties: { keyId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
} as const;

export const lookupParamsSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: LOOKUP_NAME_PATTERN, description: 'Table name as mappings use it: `$lookup(name, key)`.' },
  },
} as const;

export const putLookupBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: {
    description: { type: 'string', format: 'plain-text', maxLength: 4000 },
    entries: { type: 'object', maxProperties: 200_000, description: 'Source code → canonical value.' },
    revision: {
      type: 'integer',
      minimum: 0,
      description: 'The revision you last read (0: must not exist yet). Omit to overwrite unconditionally.',
    },
  },
} as const;

export const deleteLookupQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', format: 'plain-text', maxLength: 1000 } },
} as const;

const lookupSummaryProperties = {
  name: { type: 'string' },
  description: { type: 'string' },
  entryCount: { type: 'integer' },
  revision: { type: 'integer' },
  origin: { type: 'string', enum: ['api', 'files'] },
  updatedAt: { type: 'string', format: 'date-time' },
  updatedBy: authorSchema,
  createdAt: { type: 'string', format: 'date-time' },
} as const;

export const lookupSummarySchema = {
  type: 'object',
  required: ['name', 'description', 'entryCount', 'revision', 'origin', 'updatedAt', 'updatedBy', 'createdAt'],
  properties: lookupSummaryProperties,
} as const;
export type LookupSummaryView = FromSchema<typeof lookupSummarySchema>;

export const lookupViewSchema = {
  type: 'object',
  required: [...lookupSummarySchema.required, 'entries'],
  properties: { ...lookupSummaryProperties, entries: { type: 'object' } },
} as const;
export type LookupView = FromSchema<typeof lookupViewSchema>;
