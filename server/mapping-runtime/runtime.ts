/** createMappingRuntime: the public entry point of the mapping runtime (see docs/MAPPING-RUNTIME.md). */
import { availableParallelism } from 'node:os';
import type { Logger } from '../logger';
import type { EvaluateBatchInput, EvaluationLane, LaneHealth, MappingRuntime, RecordOutcome, RuntimeHealth, RuntimeLimits } from './types';
import { DEFAULT_LIMITS } from './types';
import { checkSyntax, findUnsafeRegex, parseExpression, referencedLookupTables } from './expressionAnalysis';
import { createEvaluatorHost, type EvaluatorHost, type HostJob } from './evaluatorHost';

/** Default total time of one interactive call (a preview or a mapping test run). */
export const DEFAULT_INTERACTIVE_BUDGET_MS = 10_000;
/** Interactive evaluators run below ingest: nice +10 on platforms that allow it. */
const INTERACTIVE_NICENESS = 10;

/** Default pool size: leave one core for the main thread's HTTP and ingest work. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface MappingRuntimeOptions {
  /** Worker threads of the ingest lane's evaluator. */
  poolSize?: number;
  limits?: Partial<RuntimeLimits>;
  /** Default `budgetMs` of interactive calls. */
  interactiveBudgetMs?: number;
  logger: Logger;
}

/**
 * Starts the evaluators that run JSONata mappings under `limits` (defaults in DEFAULT_LIMITS): one
 * child process per lane, each with a worker pool, so ingest never waits behind previews and nothing
 * a mapping does can take the server process down.
 */
export function createMappingRuntime(options: MappingRuntimeOptions): MappingRuntime {
  const limits: RuntimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger.child({ component: 'mapping-runtime' });
  const poolSize = Math.max(1, options.poolSize ?? defaultPoolSize());
  const interactiveBudgetMs = options.interactiveBudgetMs ?? DEFAULT_INTERACTIVE_BUDGET_MS;
  const hostOptions = { limits, logger };
  const ingest = createEvaluatorHost({ ...hostOptions, name: 'ingest', poolSize, maxInFlight: poolSize * 2, niceness: 0 });
  // Started on first use: most processes never preview.
  let interactive: EvaluatorHost | undefined;
  const interactiveHost = (): EvaluatorHost =>
    (interactive ??= createEvaluatorHost({
      ...hostOptions,
      name: 'interactive',
      poolSize: 1,
      maxInFlight: 4,
      niceness: INTERACTIVE_NICENESS,
    }));

  async function evaluateBatch(input: EvaluateBatchInput): Promise<RecordOutcome[]> {
    input.signal?.throwIfAborted();
    const lane: EvaluationLane = input.lane ?? 'ingest';
    const budgetMs = lane === 'interactive' ? (input.budgetMs ?? interactiveBudgetMs) : undefined;
    const job: HostJob = {
      request: {
        cacheKey: input.cacheKey,
        expression: input.expression,
        lookups: input.lookups ?? {},
        bindings: input.bindings ?? {},
        ...(input.canonical ? { canonical: input.canonical } : {}),
      },
      records: input.records,
      outcomes: new Array<RecordOutcome | undefined>(input.records.length),
      ...(budgetMs !== undefined ? { budgetMs } : {}),
    };
    const host = lane === 'interactive' ? interactiveHost() : ingest;
    const run = host.run(
      job,
      input.records.map((_, index) => index),
    );
    if (input.signal) {
      const signal = input.signal;
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('The evaluation was aborted.'));
        signal.addEventListener('abort', onAbort, { once: true });
        void run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    } else {
      await run;
    }
    return job.outcomes as RecordOutcome[];
  }

  function health(): RuntimeHealth {
    const ingestHealth = ingest.health();
    const interactiveHealth: LaneHealth = interactive?.health() ?? {
      state: 'idle',
      queued: 0,
      inFlight: 0,
      restarts: 0,
      silentMs: 0,
      oldestInFlightMs: 0,
      pid: null,
      isWedged: false,
    };
    return {
      isReady: !ingestHealth.isWedged && !interactiveHealth.isWedged,
      lanes: { ingest: ingestHealth, interactive: interactiveHealth },
    };
  }

  return {
    evaluateBatch,
    // The editor gets the same compile-time verdict the workers will give, including the regex guard.
    checkSyntax: (expression) =>
      checkSyntax(expression) ?? (limits.shouldRejectUnsafeRegex ? findUnsafeRegex(parseExpression(expression)) : null),
    referencedLookupTables,
    health,
    close: async () => {
      await Promise.all([ingest.close(), interactive?.close()]);
    },
  };
}
