/** Messages and shared memory between the pool (main thread) and a mapping worker. */
import type { MappingErrorInfo, RuntimeLimits } from './types';

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
}

/** Results travel as JSON text: canonical records are JSON anyway, and JSON.parse beats structured clone. */
export type WireOutcome =
  | { ok: true; json: string | undefined; durationMs: number }
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
  return { index: Atomics.load(view.flags, 1), startedAt: view.startedAt[0] };
}
