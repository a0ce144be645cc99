/**
 * Rule sets: loading `matching-rules/<domain>.json`, validating against rules.schema.json (ajv,
 * JSON Schema 2020-12) plus the cross-references a schema cannot express, and compiling into
 * the key and comparator functions the engine runs.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { createAjv, toErrorDetails } from '../schemas';
import { UnprocessableError, type ErrorDetail } from '../errors';
import { compileBlockingKey, type CompiledBlockingKey } from './blocking';
import { compileComparator, type CompiledComparator } from './comparators';
import type { RuleSet } from './types';

const RULES_DIRECTORY = fileURLToPath(new URL('../../matching-rules/', import.meta.url));

export interface CompiledRules {
  rules: RuleSet;
  domain: string;
  version: string;
  keyRules: CompiledBlockingKey[];
  comparators: CompiledComparator[];
  /** comparator name → index in `comparators`, for hard-rule conditions. */
  comparatorIndex: Map<string, number>;
}

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function schemaValidator(): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(`${RULES_DIRECTORY}rules.schema.json`, 'utf8'));
    // strictRequired off: the if/then branches require params declared in the main branch.
    validator = createAjv({ strictRequired: false }).compile(schema as object);
  }
  return validator;
}

function duplicates(names: string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}

/** Validates a rule set; returns the problems as ErrorDetail list (empty when valid). */
export function validateRules(json: unknown): ErrorDetail[] {
  const validate = schemaValidator();
  if (!validate(json)) return toErrorDetails(validate.errors ?? []);
  const rules = json as RuleSet;
  const problems: ErrorDetail[] = [];
  for (const name of duplicates(rules.blocking.map((k) => k.name))) {
    problems.push({ path: 'blocking', code: 'DUPLICATE_NAME', message: `blocking key name "${name}" is used twice` });
  }
  const comparatorNames = rules.comparators.map((c) => c.name);
  for (const name of duplicates(comparatorNames)) {
    problems.push({ path: 'comparators', code: 'DUPLICATE_NAME', message: `comparator name "${name}" is used twice` });
  }
  rules.hardRules.forEach((rule, i) => {
    rule.when.forEach((condition, j) => {
      if (!comparatorNames.includes(condition.comparator)) {
        problems.push({
          path: `hardRules[${i}].when[${j}].comparator`,
          code: 'UNKNOWN_COMPARATOR',
          message: `hard rule "${rule.name}" refers to comparator "${condition.comparator}", which is not defined`,
        });
      }
    });
  });
  (rules.clusterReview?.edges ?? []).forEach((edge, i) => {
    for (const key of ['when', 'unless'] as const) {
      (edge[key] ?? []).forEach((condition, j) => {
        if (!comparatorNames.includes(condition.comparator)) {
          problems.push({ path: `clusterReview.edges[${i}].${key}[${j}].comparator`, code: 'UNKNOWN_COMPARATOR', message: `cluster edge "${edge.name}" refers to comparator "${condition.comparator}", which is not defined` });
        }
      });
    }
  });
  for (const name of duplicates((rules.clusterReview?.edges ?? []).map((e) => e.name))) {
    problems.push({ path: 'clusterReview.edges', code: 'DUPLICATE_NAME', message: `cluster edge name "${name}" is used twice` });
  }
  if (rules.thresholds.review > rules.thresholds.autoMerge) {
    problems.push({ path: 'thresholds', code: 'THRESHOLD_ORDER', message: 'thresholds.review must not exceed thresholds.autoMerge' });
  }
  if (rules.comparators.every((c) => c.weight === 0)) {
    problems.push({ path: 'comparators', code: 'NO_WEIGHT', message: 'at least one comparator needs a weight above 0' });
  }
  return problems;
}

/** Validates and compiles a rule set; throws UnprocessableError (422, INVALID_MATCHING_RULES) listing the problems. */
export function compileRules(json: unknown): CompiledRules {
  const problems = validateRules(json);
  if (problems.length > 0) {
    throw new UnprocessableError('INVALID_MATCHING_RULES', `The matching rules have ${problems.length} problem(s).`, problems);
  }
  const rules = json as RuleSet;
  const comparators = rules.comparators.map(compileComparator);
  return {
    rules,
    domain: rules.domain,
    version: rules.version,
    keyRules: rules.blocking.map(compileBlockingKey),
    comparators,
    comparatorIndex: new Map(comparators.map((c, i) => [c.rule.name, i])),
  };
}

/** Reads `matching-rules/<domain>.json` (or `directory/<domain>.json`) and compiles it. */
export async function loadRules(domain: string, directory: string = RULES_DIRECTORY): Promise<CompiledRules> {
  if (!/^[a-z][a-z0-9-]*$/.test(domain)) {
    throw new UnprocessableError('INVALID_DOMAIN', `"${domain}" is not a domain name (lower-case letters, digits, hyphens).`);
  }
  const path = `${directory.endsWith('/') ? directory : `${directory}/`}${domain}.json`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UnprocessableError('MATCHING_RULES_NOT_FOUND', `No matching rules exist for domain "${domain}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UnprocessableError('INVALID_MATCHING_RULES', `matching-rules/${domain}.json is not valid JSON: ${(error as Error).message}`);
  }
  return compileRules(json);
}
