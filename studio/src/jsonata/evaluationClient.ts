/**
 * Main-thread side of live evaluation. One request runs at a time in a worker; while it runs only
 * the newest request waits (older ones are superseded, since the analyst only sees the latest
 * text). A hard timeout terminates the worker — a catastrophic regex cannot be interrupted from
 * inside — and the next request gets a fresh one. The time limit counts from the worker's
 * acknowledgement that it took the request (`EvaluationStarted`), not from posting it: a fresh worker
 * still loading its bundle on a slow or busy machine must not turn a quick expression into a
 * timeout. A worker that never acknowledges within `startupTimeoutMs` is reported as crashed.
 */
import type { EvaluationMessage, EvaluationRequest, EvaluationResponse } from './evaluation';

/** The part of the Web Worker interface the client uses (also satisfied by a Node adapter in tests). */
export interface WorkerLike {
  postMessage(message: EvaluationRequest): void;
  terminate(): void;
  onmessage: ((event: { data: EvaluationMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type EvaluationOutcome =
  | { status: 'done'; response: EvaluationResponse; elapsedMs: number }
  | { status: 'timeout'; timeoutMs: number }
  | { status: 'superseded' }
  | { status: 'crashed'; message: string };

export interface EvaluationClient {
  /** Evaluates in the worker; resolves (never rejects) with what happened. */
  evaluate(input: Omit<EvaluationRequest, 'id'>): Promise<EvaluationOutcome>;
  /** Terminates the worker; pending requests resolve as superseded. */
  dispose(): void;
}

interface Pending {
  request: EvaluationRequest;
  resolve: (outcome: EvaluationOutcome) => void;
}

/** Creates a client that owns one worker at a time. */
export function createEvaluationClient(options: {
  createWorker: () => WorkerLike;
  timeoutMs: number;
  /** How long a worker may take to acknowledge a request (loading included); default 30 s. */
  startupTimeoutMs?: number;
}): EvaluationClient {
  const startupTimeoutMs = options.startupTimeoutMs ?? 30_000;
  let worker: WorkerLike | null = null;
  let running: (Pending & { timer: ReturnType<typeof setTimeout>; startedAt: number; acknowledged: boolean }) | null = null;
  let waiting: Pending | null = null;
  let nextId = 1;

  function discardWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function finish(outcome: EvaluationOutcome): void {
    if (running === null) return;
    clearTimeout(running.timer);
    running.resolve(outcome);
    running = null;
    startNext();
  }

  function ensureWorker(): WorkerLike {
    if (worker !== null) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => {
      if (created !== worker || running === null || event.data.id !== running.request.id) return;
      if ('started' in event.data) {
        acknowledge(running);
        return;
      }
      const response: EvaluationResponse = event.data;
      // A newer request is waiting: this result is already stale, so don't show it.
      const outcome: EvaluationOutcome =
        waiting === null ? { status: 'done', response, elapsedMs: performance.now() - running.startedAt } : { status: 'superseded' };
      finish(outcome);
    };
    created.onerror = (event) => {
      if (created !== worker) return;
      discardWorker();
      finish({ status: 'crashed', message: event.message ?? 'The evaluation worker stopped unexpectedly.' });
    };
    worker = created;
    return created;
  }

  /** The worker took the request: from now on the evaluation's own time limit applies. */
  function acknowledge(current: NonNullable<typeof running>): void {
    if (current.acknowledged) return;
    current.acknowledged = true;
    clearTimeout(current.timer);
    current.startedAt = performance.now();
    current.timer = setTimeout(() => {
      discardWorker();
      finish({ status: 'timeout', timeoutMs: options.timeoutMs });
    }, options.timeoutMs);
  }

  function startNext(): void {
    if (running !== null || waiting === null) return;
    const next = waiting;
    waiting = null;
    const timer = setTimeout(() => {
      discardWorker();
      finish({ status: 'crashed', message: `The evaluation worker did not start within ${startupTimeoutMs / 1000} s.` });
    }, startupTimeoutMs);
    running = { ...next, timer, startedAt: performance.now(), acknowledged: false };
    ensureWorker().postMessage(next.request);
  }

  return {
    evaluate(input) {
      return new Promise<EvaluationOutcome>((resolve) => {
        waiting?.resolve({ status: 'superseded' });
        waiting = { request: { ...input, id: nextId++ }, resolve };
        startNext();
      });
    },
    dispose() {
      waiting?.resolve({ status: 'superseded' });
      waiting = null;
      if (running !== null) {
        clearTimeout(running.timer);
        running.resolve({ status: 'superseded' });
        running = null;
      }
      discardWorker();
    },
  };
}

/** Adapts a browser Worker running evaluation.worker.ts to the WorkerLike the client drives. */
export function fromWebWorker(worker: Worker): WorkerLike {
  const adapter: WorkerLike = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (event: MessageEvent<EvaluationMessage>) => adapter.onmessage?.({ data: event.data });
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    adapter.onerror?.({ message: event.message });
  };
  return adapter;
}
