/** createMappingRuntime: the public entry point of the mapping runtime (see docs/MAPPING-RUNTIME.md). */
import { availableParallelism } from 'node:os';
import type { Logger } from '../logger';
import type { EvaluateBatchInput, MappingRuntime, RecordOutcome, RuntimeLimits } from './types';
import { DEFAULT_LIMITS } from './types';
import { checkSyntax, findUnsafeRegex, parseExpression, referencedLookupTables } from './expressionAnalysis';
import { createWorkerPool } from './workerPool';

/** Records per chunk sent to one worker: small enough to spread a large batch over the pool and keep re-runs cheap. */
const CHUNK_SIZE = 250;

/** Default pool size: leave one core for the main thread's HTTP and ingest work. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Starts a worker pool that evaluates JSONata mappings under `limits` (defaults in DEFAULT_LIMITS). */
export function createMappingRuntime(options: { poolSize?: number; limits?: Partial<RuntimeLimits>; logger: Logger }): MappingRuntime {
  const limits: RuntimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger.child({ component: 'mapping-runtime' });
  const pool = createWorkerPool({ size: Math.max(1, options.poolSize ?? defaultPoolSize()), limits, logger });

  return {
    async evaluateBatch(input: EvaluateBatchInput): Promise<RecordOutcome[]> {
      const outcomes = new Array<RecordOutcome | undefined>(input.records.length);
      const request = { cacheKey: input.cacheKey, expression: input.expression, lookups: input.lookups ?? {}, bindings: input.bindings ?? {} };
      const runs: Array<Promise<void>> = [];
      for (let start = 0; start < input.records.length; start += CHUNK_SIZE) {
        const pending: number[] = [];
        for (let index = start; index < Math.min(start + CHUNK_SIZE, input.records.length); index++) pending.push(index);
        runs.push(pool.run({ request, records: input.records, pending, outcomes }));
      }
      await Promise.all(runs);
      return outcomes as RecordOutcome[];
    },
    // The editor gets the same compile-time verdict the workers will give, including the regex guard.
    checkSyntax: (expression) => checkSyntax(expression) ?? (limits.shouldRejectUnsafeRegex ? findUnsafeRegex(parseExpression(expression)) : null),
    referencedLookupTables,
    close: () => pool.close(),
  };
}
