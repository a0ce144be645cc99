/**
 * Evaluates a mapping expression against sample records the way the server's mapping runtime does
 * (same extra functions, `$eval` disabled, unsafe-regex guard, error translation), but in the
 * browser. Runs inside the evaluation worker; free of worker APIs so it is testable in Node.
 */
import jsonata from 'jsonata';
import { findUnsafeRegex } from '../../../server/mapping-runtime/expressionAnalysis';
import { createExtraFunctions, disabledEval } from '../../../server/mapping-runtime/extraFunctions';
import type { BuiltinLookup, ExtraFunction } from '../../../server/mapping-runtime/extraFunctions';
import { toMappingError } from '../../../server/mapping-runtime/mappingErrors';
import { DEFAULT_LIMITS } from '../../../server/mapping-runtime/types';
import type { MappingErrorInfo } from '../../../server/mapping-runtime/types';

export interface EvaluationRequest {
  id: number;
  expression: string;
  records: unknown[];
  lookups: Record<string, Record<string, unknown>>;
}

export type RecordResult = { ok: true; value: unknown; durationMs: number } | { ok: false; error: MappingErrorInfo; durationMs: number };

export interface EvaluationResponse {
  id: number;
  /** Set when the expression does not compile; `results` is then empty. */
  compileError: MappingErrorInfo | null;
  results: RecordResult[];
}

/**
 * What a worker posts when it takes a request, before evaluating it: the client's time limit starts here, so a worker
 * still loading (the fresh one after a timeout, on a slow or busy machine) never uses up a request's time.
 */
export interface EvaluationStarted {
  id: number;
  started: true;
}

/** Every message an evaluation worker posts. */
export type EvaluationMessage = EvaluationResponse | EvaluationStarted;

export interface Evaluator {
  evaluate(request: EvaluationRequest): Promise<EvaluationResponse>;
}

function isJsonataFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  const flags = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return flags._jsonata_lambda === true || flags._jsonata_function === true;
}

/**
 * Results cross a worker boundary: jsonata sequences carry extra properties and may hold
 * functions (whose closures are circular), which become "" as jsonata's own $string renders them.
 */
function toPlainJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (_key, item: unknown) => (isJsonataFunction(item) ? '' : item));
  return json === undefined ? undefined : JSON.parse(json);
}

/** Creates an evaluator; the built-in `$lookup` is resolved once because the project's `$lookup` wraps it. */
export function createEvaluator(): Evaluator {
  let lookups: Record<string, Record<string, unknown>> = {};
  let extraFunctions: ExtraFunction[] | undefined;

  async function functions(): Promise<ExtraFunction[]> {
    if (extraFunctions === undefined) {
      const builtinLookup = (await jsonata('$lookup').evaluate(undefined)) as BuiltinLookup;
      extraFunctions = createExtraFunctions({ currentLookups: () => lookups, builtinLookup });
    }
    return extraFunctions;
  }

  return {
    async evaluate(request) {
      const extras = await functions();
      let compiled: jsonata.Expression;
      try {
        // jsonata's own guards with the server's defaults; the client's hard timeout backs them up.
        compiled = jsonata(request.expression, {
          timeout: DEFAULT_LIMITS.timeoutMs,
          stack: DEFAULT_LIMITS.maxDepth,
          sequence: DEFAULT_LIMITS.maxSequenceLength,
        });
        const unsafe = findUnsafeRegex(compiled.ast() as unknown as Record<string, unknown>);
        if (unsafe !== null) return { id: request.id, compileError: unsafe, results: [] };
        for (const fn of extras) compiled.registerFunction(fn.name, fn.implementation, fn.signature);
        compiled.registerFunction('eval', disabledEval);
      } catch (err) {
        return { id: request.id, compileError: toMappingError(err, { isCompiling: true }), results: [] };
      }
      lookups = request.lookups;
      const results: RecordResult[] = [];
      for (const record of request.records) {
        const started = performance.now();
        try {
          const value = toPlainJson(await compiled.evaluate(record));
          results.push({ ok: true, value, durationMs: performance.now() - started });
        } catch (err) {
          results.push({ ok: false, error: toMappingError(err, { isCompiling: false }), durationMs: performance.now() - started });
        }
      }
      return { id: request.id, compileError: null, results };
    },
  };
}
