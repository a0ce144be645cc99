/** Response contracts of evaluating mappings (preview, test runs, "what changes"); imported by the routes and the studio. */
import type { FromSchema } from 'json-schema-to-ts';
import { errorDetailSchema, mappingErrorSchema } from './mappings';

const previewResultSchema = {
  type: 'object',
  required: ['index', 'ok', 'durationMs', 'schemaErrors', 'missingRequired'],
  properties: {
    index: { type: 'integer' },
    ok: { type: 'boolean' },
    output: { description: 'The mapped record (absent when the mapping produced nothing or failed).' },
    error: mappingErrorSchema,
    durationMs: { type: 'number' },
    schemaErrors: { type: 'array', items: errorDetailSchema, description: 'Canonical-schema problems of the output.' },
    missingRequired: { type: 'array', items: { type: 'string' }, description: 'Required canonical fields the output does not set.' },
  },
} as const;

export const previewResponseSchema = {
  type: 'object',
  required: ['syntaxError', 'results', 'requiredNeverSet', 'lookupTables', 'missingLookupTables', 'schemaVersion', 'elapsedMs'],
  properties: {
    syntaxError: { oneOf: [mappingErrorSchema, { type: 'null' }] },
    results: { type: 'array', items: previewResultSchema },
    requiredNeverSet: { type: 'array', items: { type: 'string' }, description: 'Required fields that no output sets.' },
    lookupTables: { type: 'array', items: { type: 'string' } },
    missingLookupTables: { type: 'array', items: { type: 'string' } },
    schemaVersion: { type: ['string', 'null'] },
    elapsedMs: { type: 'number', description: 'Wall-clock time of the whole evaluation.' },
  },
} as const;

const testCaseResultSchema = {
  type: 'object',
  required: ['name', 'passed', 'expected', 'actual', 'schemaErrors', 'durationMs'],
  properties: {
    name: { type: 'string' },
    passed: { type: 'boolean' },
    expected: { type: 'object', description: '{ output } or { error: code }' },
    actual: { type: 'object', description: '{ output } or { error: { code, message, … } }' },
    message: { type: 'string' },
    differences: { type: 'array', items: { type: 'string' }, description: 'Output fields that differ from the expected output.' },
    schemaErrors: { type: 'array', items: errorDetailSchema },
    durationMs: { type: 'number' },
  },
} as const;

export const testReportSchema = {
  type: 'object',
  required: ['total', 'passed', 'failed', 'isPassing', 'syntaxError', 'missingLookupTables', 'cases'],
  properties: {
    total: { type: 'integer' },
    passed: { type: 'integer' },
    failed: { type: 'integer' },
    isPassing: { type: 'boolean' },
    syntaxError: { oneOf: [mappingErrorSchema, { type: 'null' }] },
    missingLookupTables: { type: 'array', items: { type: 'string' } },
    cases: { type: 'array', items: testCaseResultSchema },
  },
} as const;
export type TestReportView = FromSchema<typeof testReportSchema>;

export const diffPreviewResponseSchema = {
  type: 'object',
  required: ['publishedVersion', 'draftRevision', 'examined', 'changed', 'unchanged', 'items'],
  properties: {
    publishedVersion: { type: ['integer', 'null'] },
    draftRevision: { type: 'integer' },
    examined: { type: 'integer', description: 'Source records re-mapped (most recent first).' },
    changed: { type: 'integer' },
    unchanged: { type: 'integer' },
    isRestricted: {
      type: 'boolean',
      description:
        'True for roles that may not see raw payloads: outputs are limited to valid canonical fields, sensitive values masked, error messages withheld.',
    },
    items: {
      type: 'array',
      description: 'Only the records whose output would differ.',
      items: {
        type: 'object',
        required: ['sourceRecordId', 'sourceId', 'published', 'draft', 'changedFields'],
        properties: {
          sourceRecordId: { type: 'string' },
          sourceId: { type: 'string' },
          published: {
            type: 'object',
            description: '{ ok, output | error } under the published version (restricted view: + withheldFields).',
          },
          draft: { type: 'object', description: '{ ok, output | error } under the draft (restricted view: + withheldFields).' },
          changedFields: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;
export type DiffPreviewResponse = FromSchema<typeof diffPreviewResponseSchema>;
