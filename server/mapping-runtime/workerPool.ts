/**
 * A small pool of mapping workers with a main-thread watchdog. Piscina is not used because a
 * hostile record must cost exactly one record: the pool needs to know which record a stuck
 * worker is on (shared memory), kill that worker, and resume the rest of the chunk on a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { MappingErrorInfo, RuntimeLimits } from './types';
import type { BatchRequest, ProgressView, WireOutcome, WorkerInit, WorkerMessage } from './protocol';
import { PROGRESS_BYTES, cpuProfileArgs, progressView, readProgress } from './protocol';

const BOOTSTRAP_URL = new URL('./workerBootstrap.mjs', import.meta.url);
/** A chunk whose worker dies this many times with no record to blame is failed instead of retried forever. */
const MAX_UNATTRIBUTED_CRASHES = 2;
const MAX_STARTUP_FAILURES = 3;

/** A slice of one evaluateBatch call; `pending` are indices into the call's records still without outcome. */
export interface Chunk {
  request: Omit<BatchRequest, 'type' | 'jobId' | 'records'>;
  records: unknown[];
  pending: number[];
  /** Results stay JSON text here: the evaluator host forwards them to the server process unparsed. */
  outcomes: Array<WireOutcome | undefined>;
  unattributedCrashes: number;
  resolve: () => void;
}

interface PoolWorker {
  worker: Worker;
  progress: ProgressView;
  isReady: boolean;
  isRetiring: boolean;
  lastError?: Error & { code?: string };
  running?: { chunk: Chunk; jobId: number; sent: number[] };
}

export interface WorkerPool {
  /** Queues a chunk; its promise settles when every pending record has an outcome. */
  run(chunk: Omit<Chunk, 'resolve' | 'unattributedCrashes'>): Promise<void>;
  /** True once the first worker is ready; false when workers cannot start (three failures in a row). */
  whenReady(): Promise<boolean>;
  close(): Promise<void>;
}

function failure(error: MappingErrorInfo, durationMs: number): WireOutcome {
  return { ok: false, error, durationMs };
}

/** Whether one value survives structured clone (too deep or exotic values throw, e.g. RangeError). */
function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

const UNSENDABLE: MappingErrorInfo = {
  code: 'MAPPING_INPUT_UNSUPPORTED',
  message: 'This record could not be handed to the mapping evaluator (nested too deeply or not plain JSON).',
};

/** Starts `size` workers that evaluate chunks under `limits`. */
export function createWorkerPool(options: { size: number; limits: RuntimeLimits; logger: Logger; cpuProfileDir?: string }): WorkerPool {
  const { size, limits, logger } = options;
  const workers = new Set<PoolWorker>();
  const queue: Chunk[] = [];
  let nextJobId = 1;
  let startupFailures = 0;
  let isClosed = false;
  /** Set once workers have failed to start MAX_STARTUP_FAILURES times in a row; new work fails fast. */
  let startupError: MappingErrorInfo | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let markReady: (isReady: boolean) => void = () => undefined;
  const firstReady = new Promise<boolean>((resolve) => {
    markReady = resolve;
  });
  const watchdogTickMs = Math.max(10, Math.min(100, Math.floor(limits.timeoutMs / 4)));

  function settle(chunk: Chunk): void {
    if (chunk.pending.length === 0) chunk.resolve();
  }

  function failQueued(error: MappingErrorInfo): void {
    for (const chunk of queue.splice(0)) {
      for (const index of chunk.pending) chunk.outcomes[index] = failure(error, 0);
      chunk.pending = [];
      settle(chunk);
    }
  }

  function spawn(): void {
    const progressBuffer = new SharedArrayBuffer(PROGRESS_BYTES);
    const init: WorkerInit = { limits, progressBuffer };
    const worker = new Worker(BOOTSTRAP_URL, {
      workerData: init,
      execArgv: cpuProfileArgs(options.cpuProfileDir),
      resourceLimits: {
        maxOldGenerationSizeMb: limits.workerMemoryMb,
        maxYoungGenerationSizeMb: limits.workerYoungGenerationMb,
        stackSizeMb: limits.workerStackMb,
      },
    });
    const member: PoolWorker = { worker, progress: progressView(progressBuffer), isReady: false, isRetiring: false };
    workers.add(member);
    worker.on('message', (message: WorkerMessage) => onMessage(member, message));
    worker.on('error', (error: Error & { code?: string }) => {
      member.lastError = error;
    });
    worker.on('exit', () => onExit(member));
  }

  function onMessage(member: PoolWorker, message: WorkerMessage): void {
    if (message.type === 'ready') {
      member.isReady = true;
      startupFailures = 0;
      markReady(true);
      dispatch();
      return;
    }
    const running = member.running;
    if (!running || running.jobId !== message.jobId) return;
    member.running = undefined;
    const { chunk, sent } = running;
    // An outcome beyond what was sent has no record to land on; the pending filter below keeps any gap.
    message.outcomes.forEach((outcome, position) => {
      const index = sent[position];
      if (index !== undefined) chunk.outcomes[index] = outcome;
    });
    chunk.pending = chunk.pending.filter((index) => chunk.outcomes[index] === undefined);
    settle(chunk);
    dispatch();
  }

  /** Records the failure of the record a dead worker was on; the rest of its chunk goes back to the queue head. */
  function recoverChunk(member: PoolWorker, error: MappingErrorInfo | null): void {
    const running = member.running;
    member.running = undefined;
    if (!running) return;
    const { chunk, sent } = running;
    const progress = readProgress(member.progress);
    const index = progress ? sent[progress.index] : undefined;
    if (progress && error && index !== undefined) {
      chunk.outcomes[index] = failure(error, Date.now() - progress.startedAt);
    } else {
      chunk.unattributedCrashes += 1;
    }
    chunk.pending = chunk.pending.filter((index) => chunk.outcomes[index] === undefined);
    if (chunk.unattributedCrashes > MAX_UNATTRIBUTED_CRASHES) {
      const crash: MappingErrorInfo = {
        code: 'MAPPING_ERROR',
        message: `The mapping worker crashed repeatedly: ${member.lastError?.message ?? 'unknown cause'}.`,
      };
      for (const index of chunk.pending) chunk.outcomes[index] = failure(crash, 0);
      chunk.pending = [];
    }
    if (chunk.pending.length > 0) queue.unshift(chunk);
    else settle(chunk);
  }

  function onExit(member: PoolWorker): void {
    workers.delete(member);
    if (member.isRetiring) return; // killed by the watchdog; already handled
    if (isClosed) return;
    if (!member.isReady) {
      startupFailures += 1;
      logger.error('mapping worker failed to start', { error: member.lastError?.message });
      if (startupFailures >= MAX_STARTUP_FAILURES) {
        startupError = { code: 'MAPPING_ERROR', message: `Mapping workers cannot start: ${member.lastError?.message ?? 'unknown cause'}.` };
        failQueued(startupError);
        markReady(false);
        return;
      }
    }
    const isOutOfMemory = member.lastError?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const error: MappingErrorInfo = isOutOfMemory
      ? {
          code: 'MAPPING_MEMORY_EXCEEDED',
          message: `The mapping used more than the ${limits.workerMemoryMb} MiB of memory allowed per worker.`,
        }
      : { code: 'MAPPING_ERROR', message: `The mapping worker stopped unexpectedly: ${member.lastError?.message ?? 'unknown cause'}.` };
    logger.warn('mapping worker exited; replacing it', { reason: error.code, detail: member.lastError?.message });
    recoverChunk(member, error);
    spawn();
    dispatch();
  }

  function checkStuckWorkers(): void {
    const now = Date.now();
    for (const member of workers) {
      if (!member.running || member.isRetiring) continue;
      const progress = readProgress(member.progress);
      if (!progress || now - progress.startedAt <= limits.timeoutMs + limits.watchdogGraceMs) continue;
      member.isRetiring = true;
      logger.warn('mapping worker stuck past the time limit; terminating it', {
        recordIndex: progress.index,
        elapsedMs: now - progress.startedAt,
      });
      recoverChunk(member, {
        code: 'MAPPING_TIMEOUT',
        message: `The mapping took longer than ${limits.timeoutMs} ms for this record and was stopped; check for an endless loop or a slow regular expression.`,
      });
      void member.worker.terminate();
      workers.delete(member);
      spawn();
    }
    dispatch();
  }

  function updateWatchdog(): void {
    const isBusy = [...workers].some((member) => member.running);
    if (isBusy && !watchdog) {
      watchdog = setInterval(checkStuckWorkers, watchdogTickMs);
      watchdog.unref();
    } else if (!isBusy && watchdog) {
      clearInterval(watchdog);
      watchdog = undefined;
    }
  }

  function dispatch(): void {
    for (const member of workers) {
      if (!member.isReady || member.running || member.isRetiring) continue;
      // A chunk that cannot be sent leaves the worker free for the next one.
      while (queue.length > 0 && !member.running) {
        const chunk = queue.shift() as Chunk;
        const jobId = nextJobId++;
        const sent = [...chunk.pending];
        const request: BatchRequest = { type: 'batch', jobId, ...chunk.request, records: sent.map((index) => chunk.records[index]) };
        try {
          member.worker.postMessage(request);
          // The slot is only claimed once the message is out, so a failed send can never wedge the pool.
          member.running = { chunk, jobId, sent };
        } catch {
          failUnsendable(chunk, sent);
          if (chunk.pending.length > 0) queue.unshift(chunk);
          else settle(chunk);
        }
      }
    }
    updateWatchdog();
  }

  /** After postMessage threw: records that cannot be cloned on their own fail; if none (lookups, bindings), all sent do. */
  function failUnsendable(chunk: Chunk, sent: number[]): void {
    const culprits = sent.filter((index) => !isCloneable(chunk.records[index]));
    for (const index of culprits.length > 0 ? culprits : sent) chunk.outcomes[index] = failure(UNSENDABLE, 0);
    chunk.pending = chunk.pending.filter((index) => chunk.outcomes[index] === undefined);
    logger.warn('a mapping batch could not be sent to a worker', { failedRecords: culprits.length > 0 ? culprits.length : sent.length });
  }

  for (let i = 0; i < size; i++) spawn();

  return {
    run(input) {
      if (isClosed) return Promise.reject(new Error('The mapping runtime is closed.'));
      return new Promise<void>((resolve) => {
        const chunk: Chunk = { ...input, unattributedCrashes: 0, resolve };
        if (chunk.pending.length === 0) return resolve();
        queue.push(chunk);
        if (startupError) return failQueued(startupError);
        dispatch();
      });
    },
    whenReady: () => firstReady,
    async close() {
      isClosed = true;
      failQueued({ code: 'MAPPING_ERROR', message: 'The mapping runtime was closed before this record ran.' });
      for (const member of workers) {
        if (member.running) recoverChunk(member, null);
      }
      failQueued({ code: 'MAPPING_ERROR', message: 'The mapping runtime was closed before this record ran.' });
      if (watchdog) clearInterval(watchdog);
      await Promise.all([...workers].map((member) => member.worker.terminate()));
      workers.clear();
    },
  };
}
