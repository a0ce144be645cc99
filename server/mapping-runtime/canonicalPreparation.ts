/**
 * Validation and standardisation of a mapped record beside its mapping, in the mapping worker (docs/INGEST.md, twelfth
 * pass): the ingest pipeline's validate and standardise stages are pure functions of the mapped record and the canonical
 * schema, so the worker that maps a record runs them too and hands back their answer; the main thread only reads it.
 * The worker runs exactly what the stages run — the same ajv set-up (`createCanonicalAjv`), the same standardiser
 * (`compileStandardiser`) — on the record parsed back from the JSON text the main thread receives, so every problem
 * keeps its code, path and message. Anything unexpected leaves the record unprepared, and the stages run it themselves.
 */
import { createHash } from 'node:crypto';
import type { ErrorDetail } from '../errors';
import { compileStandardiser } from '../schemas/standardise';
import { createCanonicalAjv, type JsonSchemaObject } from '../schemas/canonicalSchemas';
import { toErrorDetails } from '../schemas/errorDetails';

/** The canonical schema a batch's records are prepared under; `key` names its exact text (the worker caches by it). */
export interface CanonicalRequest {
  key: string;
  schema: JsonSchemaObject;
}

/**
 * A mapped record's validation and standardisation as the pipeline's stages would answer them. `ok: true`: valid,
 * standardised, still valid; on the wire `json` is the standardised record's text when it differs from the mapped text.
 * `ok: false`: the first stage that failed and its problems (`isAfterCleaning`: the second validation, after cleaning).
 */
export type WirePreparation =
  { ok: true; json?: string } | { ok: false; stage: 'validate' | 'standardise'; problems: ErrorDetail[]; isAfterCleaning: boolean };

/** A preparation as the ingest pipeline reads it (`ok: true`: the outcome's value is the standardised record). */
export type CanonicalPreparation = { ok: true } | Extract<WirePreparation, { ok: false }>;

const keys = new WeakMap<JsonSchemaObject, string>();

/** The request for a schema: its key (`$id` and a hash of its text) is computed once per schema object. */
export function canonicalRequestOf(schema: JsonSchemaObject): CanonicalRequest {
  let key = keys.get(schema);
  if (key === undefined) {
    const id = typeof schema.$id === 'string' ? schema.$id : '';
    key = `${id}#${createHash('sha256').update(JSON.stringify(schema)).digest('base64url')}`;
    keys.set(schema, key);
  }
  return { key, schema };
}

/**
 * Whether the validate stage reports this mapped record's sourceId missing (`pipeline.ts` asks the same): such a record
 * is left unprepared, so the stage writes its MISSING_SOURCE_ID failure from the mapped record as before.
 */
export function isSourceIdMissing(sourceId: unknown): boolean {
  return sourceId === undefined || sourceId === null || (typeof sourceId === 'string' && sourceId.trim() === '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Compiles a schema's preparation: `(json) => preparation`, or undefined for a record the stages must see themselves. */
export function compilePreparation(schema: JsonSchemaObject): (json: string) => WirePreparation | undefined {
  const validate = createCanonicalAjv().compile(schema);
  const problemsOf = (record: unknown): ErrorDetail[] => (validate(record) ? [] : toErrorDetails(validate.errors ?? []));
  const standardise = compileStandardiser(schema);
  return (json) => {
    const mapped: unknown = JSON.parse(json);
    if (!isObject(mapped) || isSourceIdMissing(mapped.sourceId)) return undefined;
    const problems = problemsOf(mapped);
    if (problems.length > 0) return { ok: false, stage: 'validate', problems, isAfterCleaning: false };
    const standardised = standardise(mapped);
    if (standardised.problems.length > 0)
      return { ok: false, stage: 'standardise', problems: standardised.problems, isAfterCleaning: false };
    const after = problemsOf(standardised.record);
    if (after.length > 0) return { ok: false, stage: 'standardise', problems: after, isAfterCleaning: true };
    const text = JSON.stringify(standardised.record);
    return text === json ? { ok: true } : { ok: true, json: text };
  };
}
