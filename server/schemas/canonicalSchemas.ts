/**
 * The canonical schemas: one JSON Schema file per domain in `canonical-schemas/<domain>.schema.json`.
 * Domains are whatever files are present (domains are data); each schema is loaded, checked and
 * compiled once, on first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { NotFoundError } from '../errors';
import type { ErrorDetail } from '../errors';
import { createAjv } from './ajv';
import { toErrorDetails } from './errorDetails';
import { present } from '../invariant';

export type JsonSchemaObject = Record<string, unknown>;

export interface CanonicalSchema {
  domain: string;
  /** The schema's `$id`, which carries the version (`…/canonical/item/1.0.0.json`). */
  $id: string;
  /** The schema's `x-version` (semantic version). */
  version: string;
  title: string;
  description: string;
  /** The JSON Schema document as stored. */
  schema: JsonSchemaObject;
}

export interface CanonicalSchemaRegistry {
  listDomains(): string[];
  getCanonicalSchema(domain: string): CanonicalSchema;
  validateCanonical(domain: string, record: unknown): ErrorDetail[];
}

/** Where the shipped canonical schemas live (repository root `canonical-schemas/`). */
export const DEFAULT_CANONICAL_SCHEMA_DIRECTORY = fileURLToPath(new URL('../../canonical-schemas/', import.meta.url));

const SCHEMA_FILE = /^([a-z][a-z0-9-]*)\.schema\.json$/;
const SEMANTIC_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+$/;

function readSchema(location: { directory: string; file: string }, problems: string[]): JsonSchemaObject | undefined {
  const { directory, file } = location;
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(directory, file), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as JsonSchemaObject;
    problems.push(`${file}: should contain a JSON object`);
  } catch (error) {
    problems.push(`${file}: is not valid JSON (${(error as Error).message})`);
  }
  return undefined;
}

function describeSchema(
  source: { domain: string; file: string; schema: JsonSchemaObject },
  problems: string[],
): CanonicalSchema | undefined {
  const { domain, file, schema } = source;
  const id = schema.$id;
  const version = schema['x-version'];
  const before = problems.length;
  if (typeof version !== 'string' || !SEMANTIC_VERSION.test(version))
    problems.push(`${file}: "x-version" should be a version such as 1.0.0`);
  // The version lives in $id too, so records stamped with $id stay traceable to the exact schema.
  else if (typeof id !== 'string' || !id.endsWith(`/${domain}/${version}.json`))
    problems.push(`${file}: "$id" should end with /${domain}/${version}.json`);
  if (schema.type !== 'object') problems.push(`${file}: "type" should be "object"`);
  if (problems.length > before) return undefined;
  return {
    domain,
    $id: id as string,
    version: version as string,
    title: typeof schema.title === 'string' ? schema.title : domain,
    description: typeof schema.description === 'string' ? schema.description : '',
    schema,
  };
}

/** The ajv canonical schemas are compiled with (also in the mapping workers, which validate mapped records beside the mapping). */
export function createCanonicalAjv(): ReturnType<typeof createAjv> {
  // Stricter than request validation: a required field missing from `properties` is a typo here.
  return createAjv({ strictRequired: true });
}

/** Loads and compiles every `<domain>.schema.json` in `directory`; throws one error listing every problem found. */
export function loadCanonicalSchemas(directory: string = DEFAULT_CANONICAL_SCHEMA_DIRECTORY): CanonicalSchemaRegistry {
  const ajv = createCanonicalAjv();
  const problems: string[] = [];
  const schemas = new Map<string, { canonical: CanonicalSchema; validate: ValidateFunction }>();
  for (const file of readdirSync(directory).sort()) {
    const match = SCHEMA_FILE.exec(file);
    if (!match) continue;
    const schema = readSchema({ directory, file }, problems);
    const canonical = schema && describeSchema({ domain: present(match[1], 'the domain in a schema file name'), file, schema }, problems);
    if (!canonical) continue;
    try {
      schemas.set(canonical.domain, { canonical, validate: ajv.compile(canonical.schema) });
    } catch (error) {
      problems.push(`${file}: does not compile (${(error as Error).message})`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Canonical schemas in ${directory} have problems:\n- ${problems.join('\n- ')}`);
  }
  const entry = (domain: string) => {
    const found = schemas.get(domain);
    if (!found) throw new NotFoundError(`Canonical schema for domain "${domain}"`, { domains: [...schemas.keys()] });
    return found;
  };
  return {
    listDomains: () => [...schemas.keys()],
    getCanonicalSchema: (domain) => entry(domain).canonical,
    validateCanonical: (domain, record) => {
      const { validate } = entry(domain);
      return validate(record) ? [] : toErrorDetails(validate.errors ?? []);
    },
  };
}

let shipped: CanonicalSchemaRegistry | undefined;

function shippedSchemas(): CanonicalSchemaRegistry {
  shipped ??= loadCanonicalSchemas();
  return shipped;
}

/** The domains that have a canonical schema file, sorted. */
export function listDomains(): string[] {
  return shippedSchemas().listDomains();
}

/** The canonical schema of a domain with its `$id` and version; NotFoundError for an unknown domain. */
export function getCanonicalSchema(domain: string): CanonicalSchema {
  return shippedSchemas().getCanonicalSchema(domain);
}

/** Validates a canonical record; [] when valid, otherwise every problem with path, code and message. */
export function validateCanonical(domain: string, record: unknown): ErrorDetail[] {
  return shippedSchemas().validateCanonical(domain, record);
}
