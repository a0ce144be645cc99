/** Contracts of the JSONata mapping runtime, shared by the main-thread pool, the workers and callers. */
import type { CanonicalPreparation, CanonicalRequest } from './canonicalPreparation';

/** Stable error codes a mapping outcome can carry. */
export const MAPPING_ERROR_CODES = [
  'MAPPING_SYNTAX_ERROR',
  'MAPPING_ERROR',
  'MAPPING_TIMEOUT',
  'MAPPING_DEPTH_EXCEEDED',
  'MAPPING_RESULT_TOO_LARGE',
  'MAPPING_MEMORY_EXCEEDED',
  'MAPPING_RESOURCE_LIMIT',
  'MAPPING_BUDGET_EXCEEDED',
  'MAPPING_INPUT_UNSUPPORTED',
  'MAPPING_FUNCTION_DISABLED',
  'MAPPING_UNSAFE_REGEX',
  'LOOKUP_MISSING',
] as const;

export type MappingErrorCode = (typeof MAPPING_ERROR_CODES)[number];

export interface MappingErrorInfo {
  code: string;
  message: string;
  /** Character offset in the expression (jsonata's `position`), for editor markers. */
  position?: number;
  token?: string;
  /** jsonata's own error code (e.g. T2001, S0202, D1011) when jsonata raised the error. */
  jsonataCode?: string;
}

/**
 * `prepared` (ingest, when the call named a canonical schema): the record's validation and standardisation, done in the
 * worker. With `prepared.ok`, `value` is the standardised record — the mapped record with its texts in normal form, the
 * same shape — and the mapped text is not parsed.
 */
export type RecordOutcome =
  | { ok: true; value: unknown; durationMs: number; prepared?: CanonicalPreparation }
  | { ok: false; error: MappingErrorInfo; durationMs: number };

export interface RuntimeLimits {
  /** Wall-clock budget per record; jsonata checks it cooperatively, the watchdog kills the worker past it. */
  timeoutMs: number;
  /** Extra time the watchdog allows past `timeoutMs` before terminating a worker stuck in native code (regex). */
  watchdogGraceMs: number;
  /** Maximum jsonata evaluation depth (nested evaluate calls), as the official suite's `depth`. */
  maxDepth: number;
  /**
   * Maximum length of any sequence jsonata builds (range operator, path results); jsonata raises
   * D2015. Bounds single huge arrays, which Node cannot always contain within a worker's heap limit.
   */
  maxSequenceLength: number;
  /**
   * Longest string any evaluation step may produce (UTF-16 units); 0 disables the check. Catches
   * string doubling long before V8 must flatten a huge string in one allocation (which can abort
   * the whole process, see docs/MAPPING-RUNTIME.md).
   */
  maxStringLength: number;
  /** Maximum size of one record's result, serialised as JSON, in UTF-8 bytes. */
  maxResultBytes: number;
  /** V8 old-generation heap limit per worker, in MiB. */
  workerMemoryMb: number;
  /**
   * V8 young-generation size per worker, in MiB. Mapping allocates many short-lived objects; the
   * small default for workers roughly halved throughput in bench/mapping-runtime.bench.ts.
   */
  workerYoungGenerationMb: number;
  /** Native stack size per worker, in MiB (deep but legal recursion needs room before `maxDepth` fires). */
  workerStackMb: number;

  /** Reject regex literals with nested quantifiers such as /(a+)+$/ at compile time. */
  shouldRejectUnsafeRegex: boolean;
  /** Compiled expressions kept per worker (LRU by cacheKey). */
  compiledCacheSize: number;
}

export const DEFAULT_LIMITS: RuntimeLimits = {
  timeoutMs: 1000,
  watchdogGraceMs: 500,
  maxDepth: 1000,
  maxSequenceLength: 1_000_000,
  maxStringLength: 5_000_000,
  maxResultBytes: 1_000_000,
  workerMemoryMb: 256,
  workerYoungGenerationMb: 128,
  workerStackMb: 8,
  shouldRejectUnsafeRegex: true,
  compiledCacheSize: 64,
};

export interface EvaluateBatchInput {
  /** Identifies the expression version (e.g. mapping id + version); compiled form is cached under it. */
  cacheKey: string;
  expression: string;
  records: unknown[];
  /** Lookup tables by name, for `$lookup(table, key, default?)`. */
  lookups?: Record<string, Record<string, unknown>>;
  /** Extra `$name` variables bound in every record's evaluation. */
  bindings?: Record<string, unknown>;
  /** Ingest: validate and standardise each mapped record in the worker too (`RecordOutcome.prepared`; `canonicalRequestOf`). */
  canonical?: CanonicalRequest;
  /**
   * `ingest` (default) for production ingest; `interactive` for previews and mapping tests, which run
   * in their own evaluator at lower priority, one record at a time, within `budgetMs`.
   */
  lane?: EvaluationLane;
  /** Interactive lane only: total time for the call; records not started in time fail with MAPPING_BUDGET_EXCEEDED. */
  budgetMs?: number;
  /** Aborting rejects the call with the signal's reason (records in flight finish in the evaluator and are discarded). */
  signal?: AbortSignal;
}

export type EvaluationLane = 'ingest' | 'interactive';

export interface RuntimeHealth {
  /** False when a lane's evaluator cannot start or has stopped responding with work waiting. */
  isReady: boolean;
  lanes: Record<EvaluationLane, LaneHealth>;
}

export interface LaneHealth {
  /** idle: the lane's evaluator has not been needed yet (interactive starts on first use). */
  state: 'starting' | 'ready' | 'failed' | 'idle';
  queued: number;
  inFlight: number;
  restarts: number;
  silentMs: number;
  oldestInFlightMs: number;
  pid: number | null;
  isWedged: boolean;
}

export interface MappingRuntime {
  /** Evaluates the expression once per record in worker threads; one outcome per record, in order. */
  evaluateBatch(input: EvaluateBatchInput): Promise<RecordOutcome[]>;
  /** Parses in-process; null when the expression compiles, otherwise the error with its position. */
  checkSyntax(expression: string): MappingErrorInfo | null;
  /** Names of lookup tables the expression references as literal first arguments of `$lookup`. */
  referencedLookupTables(expression: string): string[];
  /** Lane states for readiness: a lane whose evaluator cannot start or stopped answering is wedged. */
  health(): RuntimeHealth;
  /** Terminates the workers; pending batches fail. */
  close(): Promise<void>;
}
