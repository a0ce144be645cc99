/**
 * Worker-side evaluation: compiles (with guardrails and extra functions) and caches expressions
 * per cacheKey, evaluates one batch record by record, and turns every failure into an outcome.
 * Runs inside worker threads; kept free of worker APIs so it stays readable and testable.
 */
import type { Expression } from 'jsonata';
import type { MappingErrorInfo, RuntimeLimits } from './types';
import type { BatchRequest, WireOutcome } from './protocol';
import { RuntimeFunctionError, toMappingError } from './mappingErrors';
import { findUnsafeRegex } from './expressionAnalysis';
import { createExtraFunctions, disabledEval } from './extraFunctions';
import type { BuiltinLookup } from './extraFunctions';
import { createSizeGuards } from './sizeGuards';
import { compilePreparation, type CanonicalRequest, type WirePreparation } from './canonicalPreparation';
import { synchronousJsonata } from './synchronousJsonata';

type Preparer = (json: string) => WirePreparation | undefined;

/**
 * Expression nodes evaluated between two reads of the clock for the per-record time limit: a node costs ~0.3 µs, so
 * the limit is seen within well under a millisecond of passing (one slow built-in call is the watchdog's, as before).
 */
const CLOCK_EVERY_NODES = 64;

type Compiled = { expression: string; compiled: Expression } | { expression: string; error: MappingErrorInfo };

export interface BatchEvaluator {
  evaluate(request: BatchRequest): Promise<WireOutcome[]>;
}

/** Tiny LRU (exported for tests): Map keeps insertion order, so re-inserting on hit makes the first key the least recent. */
export function createLru<V>(capacity: number): { get(key: string): V | undefined; set(key: string, value: V): void } {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
  };
}

function resultTooLarge(json: string, maxBytes: number): number | null {
  // Cheap bounds first: a UTF-8 byte count is between 1 and 3 times the UTF-16 length.
  if (json.length * 3 <= maxBytes) return null;
  const bytes = json.length > maxBytes ? json.length : Buffer.byteLength(json, 'utf8');
  return bytes > maxBytes ? bytes : null;
}

/** Creates the evaluator a worker uses; `onRecordStart`/`onRecordEnd` feed the main thread's watchdog. */
export async function createBatchEvaluator(options: {
  limits: RuntimeLimits;
  onRecordStart: (index: number) => void;
  onRecordEnd: () => void;
}): Promise<BatchEvaluator> {
  const { limits, onRecordStart, onRecordEnd } = options;
  const cache = createLru<Compiled>(limits.compiledCacheSize);
  // The synchronous build of the installed jsonata (synchronousJsonata.ts): the same evaluator without a promise per node.
  const jsonata = synchronousJsonata().factory;
  const builtinLookup = (await jsonata('$lookup').evaluate(undefined)) as BuiltinLookup;
  let currentLookups: Record<string, Record<string, unknown>> = {};
  const extraFunctions = createExtraFunctions({ currentLookups: () => currentLookups, builtinLookup });
  const sizeGuards = limits.maxStringLength > 0 ? await createSizeGuards(limits.maxStringLength, jsonata) : [];
  // Canonical schemas by key; null: the schema does not compile here, so its records go to the stages unprepared.
  const preparers = createLru<Preparer | null>(limits.compiledCacheSize);

  function preparerFor(canonical: CanonicalRequest | undefined): Preparer | null {
    if (!canonical) return null;
    let preparer = preparers.get(canonical.key);
    if (preparer === undefined) {
      try {
        preparer = compilePreparation(canonical.schema);
      } catch {
        preparer = null;
      }
      preparers.set(canonical.key, preparer);
    }
    return preparer;
  }

  /** Validation + standardisation of a mapped record; any failure of its own leaves the record to the pipeline's stages. */
  function prepare(preparer: Preparer | null, outcome: WireOutcome): WireOutcome {
    if (!preparer || !outcome.ok || outcome.json === undefined) return outcome;
    try {
      const prepared = preparer(outcome.json);
      return prepared ? { ...outcome, prepared } : outcome;
    } catch {
      return outcome;
    }
  }

  let nodesUntilClock = CLOCK_EVERY_NODES;

  /**
   * Runs as each expression node of a record exits (jsonata's evaluate hook): the string limit on every node's value,
   * and the per-record time limit every CLOCK_EVERY_NODES nodes, counted from the evaluation's own start
   * (`environment.timestamp`, the clock jsonata keeps for `$now()`). jsonata's own `timeout` option reads the clock at
   * every node's entry — ~1,000 `Date.now()` calls for an item-master row, ~8 % of the worker's time (docs/INGEST.md,
   * session 25) —; this throws the same D1012 error, so the outcome's code and message are unchanged.
   */
  function exitGuard(_node: unknown, _input: unknown, environment: { timestamp?: Date | null }, result: unknown): void {
    if (typeof result === 'string' && result.length > limits.maxStringLength) {
      throw new RuntimeFunctionError(
        'MAPPING_MEMORY_EXCEEDED',
        `The mapping built a string of ${result.length} characters; the limit is ${limits.maxStringLength}.`,
      );
    }
    if (--nodesUntilClock > 0) return;
    nodesUntilClock = CLOCK_EVERY_NODES;
    const startedAt = environment.timestamp?.getTime();
    if (limits.timeoutMs > 0 && startedAt !== undefined && Date.now() - startedAt > limits.timeoutMs) {
      throw { code: 'D1012', value: limits.timeoutMs, stack: new Error().stack };
    }
  }

  function compile(expression: string): Compiled {
    try {
      // With the exit hook installed it keeps the time limit (above); without it, jsonata's own option does.
      const hasExitGuard = limits.maxStringLength > 0;
      const compiled = jsonata(expression, {
        ...(hasExitGuard ? {} : { timeout: limits.timeoutMs }),
        stack: limits.maxDepth,
        sequence: limits.maxSequenceLength,
      });
      if (limits.shouldRejectUnsafeRegex) {
        const unsafe = findUnsafeRegex(compiled.ast() as unknown as Record<string, unknown>);
        if (unsafe) return { expression, error: unsafe };
      }
      if (hasExitGuard) {
        // jsonata looks its evaluate hooks up by these symbols (the official suite's harness uses the same hook).
        const assignHook = compiled.assign as unknown as (name: symbol, value: unknown) => void;
        assignHook(Symbol.for('jsonata.__evaluate_exit'), exitGuard);
      }
      for (const fn of [...sizeGuards, ...extraFunctions]) compiled.registerFunction(fn.name, fn.implementation, fn.signature);
      compiled.registerFunction('eval', disabledEval);
      return { expression, compiled };
    } catch (err) {
      return { expression, error: toMappingError(err, { isCompiling: true }) };
    }
  }

  function compiledFor(cacheKey: string, expression: string): Compiled {
    const cached = cache.get(cacheKey);
    // A reused cacheKey with different text is a caller bug; never evaluate stale code for it.
    if (cached && cached.expression === expression) return cached;
    const fresh = compile(expression);
    cache.set(cacheKey, fresh);
    return fresh;
  }

  async function evaluateRecord(compiled: Expression, record: unknown, bindings: Record<string, unknown>): Promise<WireOutcome> {
    const started = performance.now();
    try {
      const value: unknown = await compiled.evaluate(record, bindings);
      const json = value === undefined ? undefined : JSON.stringify(value);
      const tooLarge = json === undefined ? null : resultTooLarge(json, limits.maxResultBytes);
      if (tooLarge !== null) {
        return {
          ok: false,
          error: {
            code: 'MAPPING_RESULT_TOO_LARGE',
            message: `The mapped record is ${tooLarge} bytes as JSON; the limit is ${limits.maxResultBytes} bytes.`,
          },
          durationMs: performance.now() - started,
        };
      }
      return { ok: true, json, durationMs: performance.now() - started };
    } catch (err) {
      return { ok: false, error: toMappingError(err, { isCompiling: false }), durationMs: performance.now() - started };
    }
  }

  return {
    async evaluate(request) {
      const entry = compiledFor(request.cacheKey, request.expression);
      if ('error' in entry) return request.records.map(() => ({ ok: false, error: entry.error, durationMs: 0 }));
      currentLookups = request.lookups;
      const preparer = preparerFor(request.canonical);
      const outcomes: WireOutcome[] = [];
      for (let index = 0; index < request.records.length; index++) {
        onRecordStart(index);
        // Inside the record's watch: a preparation that kills or wedges the worker is this record's failure.
        outcomes.push(prepare(preparer, await evaluateRecord(entry.compiled, request.records[index], request.bindings)));
        onRecordEnd();
      }
      return outcomes;
    },
  };
}
