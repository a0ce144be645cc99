/**
 * Request/response contracts for mappings, declared once: the routes validate requests with them and
 * generate OpenAPI from them, and the studio imports the same types. Evaluation results (preview,
 * test runs, "what changes") are in ./mappingEvaluation; lookup tables in ./lookups (re-exported here).
 */
import type { FromSchema } from 'json-schema-to-ts';
import { CONTENT_TYPES } from '../ingest/formats/registry';

export * from './lookups';

// ---------- shared pieces ----------

export const SOURCE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,62}$';
export const DOMAIN_PATTERN = '^[a-z][a-z0-9-]{0,40}$';

export const mappingParamsSchema = {
  type: 'object',
  required: ['source', 'domain'],
  properties: {
    source: {
      type: 'string',
      pattern: SOURCE_PATTERN,
      description: 'Source system, e.g. `lawson` (lower case letters, digits, `_`, `-`).',
    },
    domain: { type: 'string', pattern: DOMAIN_PATTERN, description: 'Canonical domain, e.g. `item`.' },
  },
} as const;

export const mappingVersionParamsSchema = {
  type: 'object',
  required: ['source', 'domain', 'version'],
  properties: { ...mappingParamsSchema.properties, version: { type: 'integer', minimum: 1, description: 'Published version number.' } },
} as const;

export const directionQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    direction: {
      type: 'string',
      enum: ['inbound', 'outbound'],
      default: 'inbound',
      description: 'inbound: source payload → canonical record; outbound: golden record → target payload.',
    },
  },
} as const;

export const listMappingsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    source: { type: 'string', pattern: SOURCE_PATTERN },
    domain: { type: 'string', pattern: DOMAIN_PATTERN },
    direction: { type: 'string', enum: ['inbound', 'outbound'] },
  },
} as const;

const authorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['keyId', 'name', 'role'],
  properties: {
    keyId: { type: 'string' },
    name: { type: 'string', description: '`files` for mappings as code.' },
    role: { type: 'string' },
  },
} as const;

export const mappingErrorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: 'MAPPING_SYNTAX_ERROR, MAPPING_ERROR, MAPPING_TIMEOUT, LOOKUP_MISSING, …' },
    message: { type: 'string' },
    position: { type: 'integer', description: 'Character offset in the expression.' },
    token: { type: 'string' },
    jsonataCode: { type: 'string', description: "jsonata's own code (T2001, D3137…)." },
  },
} as const;

export const errorDetailSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
} as const;

export const mappingTestCaseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'input'],
  properties: {
    name: { type: 'string', format: 'plain-text', minLength: 1, maxLength: 200 },
    input: { description: 'The source payload.' },
    output: { description: 'The expected output (JSON equality; `null` expects no output). Give `output` or `error`.' },
    error: {
      type: 'string',
      minLength: 1,
      maxLength: 80,
      description: 'The expected error code (ours, e.g. LOOKUP_MISSING, or jsonata’s, e.g. D3137).',
    },
  },
} as const;
export type MappingTestCaseView = FromSchema<typeof mappingTestCaseSchema>;

/** How a source sends its payloads: content type and parser options (options checked per format). */
export const sourceFormatSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['contentType'],
  description:
    'How the source sends its payloads: the content type and its parser options (delimiter, encoding, recordPath, alwaysArray, resourceType…); ingest requests of that content type use these options.',
  properties: {
    contentType: { type: 'string', enum: CONTENT_TYPES.map((entry) => entry.contentType) },
    options: { type: 'object' },
  },
} as const;

// ---------- requests ----------

export const putMappingBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expression'],
  properties: {
    expression: {
      type: 'string',
      minLength: 1,
      maxLength: 200_000,
      description: 'The JSONata expression (one source payload → one output record).',
    },
    description: { type: 'string', format: 'plain-text', maxLength: 4000 },
    samples: { type: 'array', maxItems: 100, items: {}, description: 'Sample payloads for the editor.' },
    tests: { type: 'array', maxItems: 1000, items: mappingTestCaseSchema },
    format: sourceFormatSchema,
    revision: {
      type: 'integer',
      minimum: 0,
      description: 'The draft revision you last read (0: the mapping must not exist yet). Omit to overwrite unconditionally.',
    },
  },
} as const;

export const previewBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['payloads'],
  properties: {
    expression: { type: 'string', minLength: 1, maxLength: 200_000, description: 'Expression to evaluate; the saved draft when omitted.' },
    payloads: { type: 'array', minItems: 1, maxItems: 500, items: {} },
  },
} as const;
export type PreviewBody = FromSchema<typeof previewBodySchema>;

export const testBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    expression: putMappingBodySchema.properties.expression,
    tests: putMappingBodySchema.properties.tests,
  },
  description: 'Both optional: the saved draft supplies whatever is left out.',
} as const;

export const publishBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    note: {
      type: 'string',
      format: 'plain-text',
      maxLength: 1000,
      description: 'Why this version (kept in the history and the audit log).',
    },
    revision: { type: 'integer', minimum: 1, description: 'Publish only if the draft is still at this revision.' },
  },
} as const;

export const rollbackBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1, description: 'The earlier version to publish again.' },
    reason: { type: 'string', format: 'plain-text', maxLength: 1000 },
  },
} as const;

export const diffPreviewBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: 1000,
      default: 200,
      description: 'How many of the most recent source records to re-map.',
    },
  },
} as const;

// ---------- responses ----------

const versionSummaryProperties = {
  version: { type: 'integer' },
  contentHash: { type: 'string' },
  origin: { type: 'string', enum: ['api', 'files', 'rollback'] },
  rolledBackFrom: { type: ['integer', 'null'], description: 'For rollbacks: the version whose content this is.' },
  schemaVersion: { type: ['string', 'null'], description: 'Canonical schema version when published.' },
  lookupTables: { type: 'array', items: { type: 'string' } },
  testSummary: { type: 'object', required: ['total', 'passed'], properties: { total: { type: 'integer' }, passed: { type: 'integer' } } },
  note: { type: ['string', 'null'] },
  author: authorSchema,
  createdAt: { type: 'string', format: 'date-time' },
  isCurrent: { type: 'boolean' },
} as const;

export const mappingVersionSummarySchema = {
  type: 'object',
  required: [
    'version',
    'contentHash',
    'origin',
    'rolledBackFrom',
    'schemaVersion',
    'lookupTables',
    'testSummary',
    'note',
    'author',
    'createdAt',
    'isCurrent',
  ],
  properties: versionSummaryProperties,
} as const;
export type MappingVersionSummaryView = FromSchema<typeof mappingVersionSummarySchema>;

const contentProperties = {
  expression: { type: 'string' },
  description: { type: 'string' },
  samples: { type: 'array', items: {} },
  tests: { type: 'array', items: mappingTestCaseSchema },
  format: sourceFormatSchema,
} as const;

export const mappingVersionSchema = {
  type: 'object',
  required: [...mappingVersionSummarySchema.required, 'source', 'domain', 'direction', 'expression', 'description', 'samples', 'tests'],
  properties: {
    source: { type: 'string' },
    domain: { type: 'string' },
    direction: { type: 'string' },
    ...versionSummaryProperties,
    ...contentProperties,
  },
} as const;
export type MappingVersionView = FromSchema<typeof mappingVersionSchema>;

export const mappingDraftSchema = {
  type: 'object',
  required: [
    'revision',
    'contentHash',
    'expression',
    'description',
    'samples',
    'tests',
    'updatedAt',
    'updatedBy',
    'syntaxError',
    'lookupTables',
  ],
  properties: {
    revision: { type: 'integer' },
    contentHash: { type: 'string' },
    ...contentProperties,
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: authorSchema,
    syntaxError: { oneOf: [mappingErrorSchema, { type: 'null' }] },
    lookupTables: { type: 'array', items: { type: 'string' }, description: 'Lookup tables the expression references.' },
  },
} as const;

const fileSyncSchema = {
  type: 'object',
  required: ['contentHash', 'loadedAt', 'outcome'],
  properties: {
    contentHash: { type: 'string' },
    loadedAt: { type: 'string', format: 'date-time' },
    outcome: { type: 'string', enum: ['published', 'in-sync', 'kept-api-version', 'refused'] },
    problem: { type: 'string' },
  },
} as const;

const statusProperties = {
  source: { type: 'string' },
  domain: { type: 'string' },
  direction: { type: 'string', enum: ['inbound', 'outbound'] },
  status: { type: 'string', enum: ['draft', 'published'], description: 'published once any version was published.' },
  draftState: {
    type: 'string',
    enum: ['none', 'unpublished', 'same-as-published', 'modified'],
    description: 'unpublished: never published; modified: the draft differs from the published version.',
  },
  publishedVersion: { type: ['integer', 'null'] },
  description: { type: 'string' },
  updatedAt: { type: 'string', format: 'date-time', description: 'Last change (draft save or publish).' },
  createdAt: { type: 'string', format: 'date-time' },
} as const;

export const mappingSummarySchema = {
  type: 'object',
  required: [
    'source',
    'domain',
    'direction',
    'status',
    'draftState',
    'publishedVersion',
    'description',
    'updatedAt',
    'createdAt',
    'draftRevision',
  ],
  properties: { ...statusProperties, draftRevision: { type: ['integer', 'null'] } },
} as const;
export type MappingSummaryView = FromSchema<typeof mappingSummarySchema>;

export const mappingViewSchema = {
  type: 'object',
  required: [
    'source',
    'domain',
    'direction',
    'status',
    'draftState',
    'publishedVersion',
    'description',
    'updatedAt',
    'createdAt',
    'draft',
    'published',
    'files',
  ],
  properties: {
    ...statusProperties,
    draft: { oneOf: [mappingDraftSchema, { type: 'null' }] },
    published: { oneOf: [mappingVersionSchema, { type: 'null' }] },
    files: { oneOf: [fileSyncSchema, { type: 'null' }], description: 'What the last start-up did with this mapping’s files.' },
  },
} as const;
export type MappingView = FromSchema<typeof mappingViewSchema>;

export const publishResponseSchema = {
  type: 'object',
  required: ['isNew', 'version'],
  properties: {
    isNew: { type: 'boolean', description: 'false when the draft was already the published version.' },
    version: mappingVersionSummarySchema,
  },
} as const;
export type PublishResponse = FromSchema<typeof publishResponseSchema>;
