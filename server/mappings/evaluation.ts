/**
 * Evaluating a mapping expression on payloads through the runtime (workers, limits, extra functions),
 * with the lookup tables it references loaded from the store, and checking outputs against the
 * canonical schema. Shared by preview, tests, publish and "what changes".
 */
import type { ErrorDetail } from '../errors';
import { loadLookupTables } from '../lookups/lookupTables';
import type { EvaluationLane, MappingErrorInfo, RecordOutcome } from '../mapping-runtime';
import { getCanonicalSchema, listDomains, validateCanonical } from '../schemas/canonicalSchemas';
import type { AppServices } from '../services';
import type { MappingDirection } from './types';

export interface EvaluationRun {
  /** Set when the expression does not parse; `outcomes` is then empty. */
  syntaxError: MappingErrorInfo | null;
  outcomes: RecordOutcome[];
  lookupTables: string[];
  /** Referenced tables that do not exist (records calling them fail with LOOKUP_MISSING). */
  missingLookupTables: string[];
}

/**
 * Parses, loads the referenced lookup tables and evaluates `expression` on every payload — by default on
 * the runtime's interactive lane (own evaluator, lower priority, per-call time budget), never ahead of
 * ingest. Start-up work (mappings as code) passes `lane: 'ingest'`: no one is waiting on it interactively.
 */
export async function evaluateExpression(
  services: Pick<AppServices, 'store' | 'mappingRuntime'>,
  input: { expression: string; cacheKey: string; payloads: unknown[]; lane?: EvaluationLane },
): Promise<EvaluationRun> {
  const runtime = services.mappingRuntime;
  const syntaxError = runtime.checkSyntax(input.expression);
  if (syntaxError) return { syntaxError, outcomes: [], lookupTables: [], missingLookupTables: [] };
  const lookupTables = runtime.referencedLookupTables(input.expression);
  const lookups = await loadLookupTables(services, lookupTables);
  const missingLookupTables = lookupTables.filter((name) => !(name in lookups));
  const outcomes = input.payloads.length === 0 ? [] : await runtime.evaluateBatch({ cacheKey: input.cacheKey, expression: input.expression, records: input.payloads, lookups, lane: input.lane ?? 'interactive' });
  return { syntaxError: null, outcomes, lookupTables, missingLookupTables };
}

/** Inbound outputs are canonical records of `domain`; outbound outputs are a target's own shape (nothing to check). */
export function isCanonicalOutput(options: { domain: string; direction: MappingDirection }): boolean {
  return options.direction === 'inbound' && listDomains().includes(options.domain);
}

/** Canonical-schema problems of one output (inbound only). */
export function schemaErrorsOf(options: { domain: string; direction: MappingDirection; output: unknown }): ErrorDetail[] {
  if (!isCanonicalOutput(options)) return [];
  return validateCanonical(options.domain, options.output);
}

/** Top-level fields the canonical schema requires that `output` does not set. */
export function missingRequiredFields(options: { domain: string; direction: MappingDirection; output: unknown }): string[] {
  if (!isCanonicalOutput(options)) return [];
  const required = getCanonicalSchema(options.domain).schema.required;
  if (!Array.isArray(required)) return [];
  const output = options.output;
  const isObject = output !== null && typeof output === 'object' && !Array.isArray(output);
  return required.filter((field): field is string => typeof field === 'string' && (!isObject || (output as Record<string, unknown>)[field] === undefined));
}

/** The canonical schema version outputs are checked against, or null for outbound mappings. */
export function canonicalSchemaVersion(options: { domain: string; direction: MappingDirection }): string | null {
  return isCanonicalOutput(options) ? getCanonicalSchema(options.domain).version : null;
}
