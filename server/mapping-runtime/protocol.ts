/** Messages and shared memory between the pool (main thread) and a mapping worker. */
import type { MappingErrorInfo, RuntimeLimits } from './types';
import type { CanonicalRequest, WirePreparation } from './canonicalPreparation';

export interface WorkerInit {
  limits: RuntimeLimits;
  /** See ProgressView: lets the main thread see which record a stuck worker is on without a message. */
  progressBuffer: SharedArrayBuffer;
}

export interface BatchRequest {
  type: 'batch';
  jobId: number;
  cacheKey: string;
  expression: string;
  records: unknown[];
  lookups: Record<string, Record<string, unknown>>;
  bindings: Record<string, unknown>;
  /** Ingest: also validate and standardise each mapped record under this canonical schema (canonicalPreparation.ts). */
  canonical?: CanonicalRequest;
}

/** Results travel as JSON text: canonical records are JSON anyway, and JSON.parse beats structured clone. */
export type WireOutcome =
  | { ok: true; json: string | undefined; durationMs: number; prepared?: WirePreparation }
  | { ok: false; error: MappingErrorInfo; durationMs: number };

export type WorkerMessage = { type: 'ready' } | { type: 'done'; jobId: number; outcomes: WireOutcome[] };

export const PROGRESS_BYTES = 16;

/** Views over the progress buffer: [0] record start time (epoch ms), state (0 idle, 1 evaluating), record index. */
export interface ProgressView {
  startedAt: Float64Array;
  flags: Int32Array;
}

/** Creates typed views over a worker's progress buffer. */
export function progressView(buffer: SharedArrayBuffer): ProgressView {
  return { startedAt: new Float64Array(buffer, 0, 1), flags: new Int32Array(buffer, 8, 2) };
}

/** Marks record `index` of the current batch as being evaluated from now. */
export function markRecordStart(view: ProgressView, index: number): void {
  view.startedAt[0] = Date.now();
  Atomics.store(view.flags, 1, index);
  Atomics.store(view.flags, 0, 1);
}

/** Marks the worker as between records. */
export function markIdle(view: ProgressView): void {
  Atomics.store(view.flags, 0, 0);
}

/** The record a worker is evaluating and since when, or null when it is between records. */
export function readProgress(view: ProgressView): { index: number; startedAt: number } | null {
  if (Atomics.load(view.flags, 0) !== 1) return null;
  return { index: Atomics.load(view.flags, 1), startedAt: view.startedAt[0] ?? Date.now() };
}

/** What an evaluator host process is started with (JSON in its first argument). */
export interface HostInit {
  poolSize: number;
  limits: RuntimeLimits;
  /** Opt-in profiling (`MDM_MAPPING_CPU_PROF_DIR`): the host and its workers write V8 CPU profiles into this directory. */
  cpuProfileDir?: string;
}

/** Node flags that make a process or worker thread write a CPU profile into `dir` when it exits (none without a dir). */
export function cpuProfileArgs(dir: string | undefined): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** Server process → evaluator host: evaluate `records` (a unit of one evaluateBatch call). */
export interface HostEvaluate {
  type: 'evaluate';
  unitId: number;
  request: Omit<BatchRequest, 'type' | 'jobId' | 'records'>;
  records: unknown[];
  /**
   * Interactive lane: records run one at a time; after the first, those not started within `remainingMs`
   * of the host receiving this message are not evaluated (`budgetMs` is the call's whole budget, for the message).
   */
  remainingMs?: number;
  budgetMs?: number;
}

/** Evaluator host → server process. `alive` is a heartbeat proving the host's event loop runs. */
export type HostMessage =
  | { type: 'ready' }
  | { type: 'alive' }
  | { type: 'done'; unitId: number; outcomes: WireOutcome[] }
  /** The host's log lines go through the server's logger (one log stream, the server's settings). */
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> };

/** Outcome of a record an interactive request's budget did not reach. */
export function budgetExceeded(budgetMs: number): MappingErrorInfo {
  return {
    code: 'MAPPING_BUDGET_EXCEEDED',
    message: `Not evaluated: this preview or test run used up its ${budgetMs} ms budget before reaching this record; send fewer payloads or fix the slow ones.`,
  };
}
