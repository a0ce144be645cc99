/**
 * Survivorship rules as data: `matching-rules/survivorship/<domain>.json`, validated against
 * `survivorship.schema.json` once per domain and cached. A missing file is not an error for a domain
 * with a canonical schema: every attribute then survives by most recent (documented default).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UnprocessableError, type ErrorDetail } from '../errors';

export const SURVIVORSHIP_DIRECTORY = fileURLToPath(new URL('../../matching-rules/survivorship/', import.meta.url));

export type SurvivorshipStrategy = 'sourcePriority' | 'mostRecent' | 'mostFrequent' | 'mostComplete';

export interface AttributeRule {
  strategy: SurvivorshipStrategy;
  /** sourcePriority: this attribute's own order of sources. */
  sources?: string[];
  tieBreak?: SurvivorshipStrategy[];
}

export interface SurvivorshipConfig {
  domain: string;
  version: string;
  description?: string;
  sourcePriority?: string[];
  default: AttributeRule;
  attributes?: Record<string, AttributeRule>;
  excludedAttributes?: string[];
  maskedAttributes?: Array<{ attribute: string; when: 'always' | 'ssnLike' }>;
  relationships?: Array<{ attribute: string; type: string }>;
}

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(`${SURVIVORSHIP_DIRECTORY}survivorship.schema.json`, 'utf8'));
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(schema as object);
  }
  return validator;
}

function toDetails(errors: ErrorObject[]): ErrorDetail[] {
  return errors.map((e) => ({
    path: e.instancePath || '/',
    code: `SCHEMA_${e.keyword.toUpperCase()}`,
    message: `${e.instancePath || 'survivorship rules'} ${e.message ?? 'is invalid'}`,
  }));
}

/** Validates survivorship rules; [] when valid, otherwise the problems with paths. */
export function validateSurvivorshipConfig(json: unknown): ErrorDetail[] {
  const validate = schemaValidator();
  if (!validate(json)) return toDetails(validate.errors ?? []);
  return [];
}

/** The default when a domain ships no survivorship file. */
export function defaultSurvivorshipConfig(domain: string): SurvivorshipConfig {
  return { domain, version: `${domain}-surv-default`, default: { strategy: 'mostRecent' } };
}

const cache = new Map<string, SurvivorshipConfig>();

/** Loads (once) and validates the survivorship rules of `domain`; 422 INVALID_SURVIVORSHIP_RULES listing problems. */
export function loadSurvivorshipConfig(domain: string, directory: string = SURVIVORSHIP_DIRECTORY): SurvivorshipConfig {
  const cacheKey = `${directory}|${domain}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  if (!/^[a-z][a-z0-9-]*$/.test(domain)) {
    throw new UnprocessableError('INVALID_DOMAIN', `"${domain}" is not a domain name (lower-case letters, digits, hyphens).`);
  }
  const path = `${directory.endsWith('/') ? directory : `${directory}/`}${domain}.json`;
  let config: SurvivorshipConfig;
  if (!existsSync(path)) {
    config = defaultSurvivorshipConfig(domain);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new UnprocessableError(
        'INVALID_SURVIVORSHIP_RULES',
        `survivorship/${domain}.json is not valid JSON: ${(error as Error).message}`,
      );
    }
    const problems = validateSurvivorshipConfig(json);
    if (problems.length > 0) {
      throw new UnprocessableError(
        'INVALID_SURVIVORSHIP_RULES',
        `The survivorship rules of "${domain}" have ${problems.length} problem(s).`,
        problems,
      );
    }
    config = json as SurvivorshipConfig;
    if (config.domain !== domain) {
      throw new UnprocessableError('INVALID_SURVIVORSHIP_RULES', `survivorship/${domain}.json declares domain "${config.domain}".`);
    }
  }
  cache.set(cacheKey, config);
  return config;
}
