/** JSON Schema validation: the shared ajv set-up, error formatting and the canonical schemas. */
export { createAjv } from './ajv';
export { toErrorDetails, formatFieldPath } from './errorDetails';
export { IDENTIFIER_FORMATS, ANNOTATION_KEYWORDS } from './formats';
export {
  listDomains,
  getCanonicalSchema,
  validateCanonical,
  loadCanonicalSchemas,
  DEFAULT_CANONICAL_SCHEMA_DIRECTORY,
} from './canonicalSchemas';
export type { CanonicalSchema, CanonicalSchemaRegistry, JsonSchemaObject } from './canonicalSchemas';
