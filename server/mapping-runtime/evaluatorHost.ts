/**
 * Server-process side of one evaluator host (a child process running the worker pool, see
 * evaluatorHostProcess.ts). The host's own pool turns a slow or memory-hungry record into that
 * record's error; this side covers what the pool cannot: the whole host process dying (a V8 heap
 * abort, the OS killing it) or its event loop stalling. Then the host is replaced and the records it
 * had in flight are re-run one at a time, so the record that kills it again is the one that fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Logger } from '../logger';
import type { MappingErrorInfo, RecordOutcome, RuntimeLimits } from './types';
import type { HostEvaluate, HostInit, HostMessage, WireOutcome } from './protocol';
import { budgetExceeded, cpuProfileArgs } from './protocol';

const HOST_BOOTSTRAP = new URL('./hostBootstrap.mjs', import.meta.url);
const MAX_STARTUP_FAILURES = 3;
/** A host that has not sent its heartbeat for this long while it has work is stuck: it is killed and replaced. */
const STALL_MS = 15_000;
const STALL_CHECK_MS = 1000;

/** One evaluateBatch call as the host sees it; units of it fill `outcomes`. */
export interface HostJob {
  request: HostEvaluate['request'];
  records: unknown[];
  outcomes: Array<RecordOutcome | undefined>;
  /** Interactive calls: total evaluation time, counted from when the host first receives the call. */
  budgetMs?: number;
  firstSentAt?: number;
}

interface Unit {
  job: HostJob;
  indices: number[];
  resolve: () => void;
}

export interface HostHealth {
  /** starting, ready, or failed (could not be started three times in a row). */
  state: 'starting' | 'ready' | 'failed';
  /** Batches waiting and batches being evaluated. */
  queued: number;
  inFlight: number;
  /** Times the host process was replaced after dying or stalling. */
  restarts: number;
  /** Milliseconds since the host last proved it was alive, while it has work; 0 when idle. */
  silentMs: number;
  /** Age of the oldest batch the host is evaluating; 0 when idle. */
  oldestInFlightMs: number;
  /** The host's process id (for operators), null while none runs. */
  pid: number | null;
  isWedged: boolean;
}

export interface EvaluatorHost {
  /** Evaluates `indices` of `job`; settles when each has an outcome (never rejects once started). */
  run(job: HostJob, indices: number[]): Promise<void>;
  health(): HostHealth;
  close(): Promise<void>;
}

const UNSENDABLE: MappingErrorInfo = {
  code: 'MAPPING_INPUT_UNSUPPORTED',
  message: 'This record could not be handed to the mapping evaluator (nested too deeply or not plain JSON).',
};

function fromWire(outcome: WireOutcome): RecordOutcome {
  if (!outcome.ok) return outcome;
  const { prepared, durationMs } = outcome;
  if (prepared?.ok) {
    // One parse per record: the standardised text when it differs from the mapped one (the mapped record is not needed).
    return { ok: true, value: JSON.parse(prepared.json ?? (outcome.json as string)), durationMs, prepared: { ok: true } };
  }
  const value: unknown = outcome.json === undefined ? undefined : JSON.parse(outcome.json);
  return prepared ? { ok: true, value, durationMs, prepared } : { ok: true, value, durationMs };
}

/** Starts one evaluator host process for a lane (`name` appears in logs and health). */
export function createEvaluatorHost(options: {
  name: string;
  poolSize: number;
  limits: RuntimeLimits;
  logger: Logger;
  /** Batches sent to the host at once; bounds how much is re-run one by one after a crash. */
  maxInFlight: number;
  /** Added to the host's scheduling niceness (0 = same priority as the server). */
  niceness: number;
}): EvaluatorHost {
  const { name, limits, logger } = options;
  const queue: Unit[] = [];
  /** Records of units that were in flight when the host died, re-run one at a time before anything else. */
  const suspects: Unit[] = [];
  const inFlight = new Map<number, Unit>();
  const sentAt = new Map<number, number>();
  let child: ChildProcess | undefined;
  let isReady = false;
  let isClosed = false;
  let startupFailures = 0;
  let startupError: MappingErrorInfo | undefined;
  let restarts = 0;
  let nextUnitId = 1;
  let lastHeardAt = Date.now();
  let killReason: 'stalled' | undefined;
  let lastError: Error | undefined;
  /** The last error the host logged (why its workers cannot start, say), for the lane's failure message. */
  let lastHostError: string | undefined;

  const stallTimer = setInterval(checkStall, STALL_CHECK_MS);
  stallTimer.unref();

  function settle(unit: Unit): void {
    if (unit.indices.every((index) => unit.job.outcomes[index] !== undefined)) unit.resolve();
  }

  function fail(unit: Unit, error: MappingErrorInfo): void {
    for (const index of unit.indices) unit.job.outcomes[index] ??= { ok: false, error, durationMs: 0 };
    unit.resolve();
  }

  function singles(unit: Unit): Unit[] {
    const pending = unit.indices.filter((index) => unit.job.outcomes[index] === undefined);
    let left = pending.length;
    if (left === 0) unit.resolve();
    return pending.map((index) => ({
      job: unit.job,
      indices: [index],
      resolve: () => {
        left -= 1;
        if (left === 0) unit.resolve();
      },
    }));
  }

  function spawn(): void {
    // Opt-in CPU profiles of the host and its workers, written when they exit (docs/INGEST.md, session 25):
    // NODE_OPTIONS refuses `--cpu-prof`, and the host is forked without the server's flags.
    const cpuProfileDir = process.env.MDM_MAPPING_CPU_PROF_DIR || undefined;
    const init: HostInit = { poolSize: options.poolSize, limits, ...(cpuProfileDir ? { cpuProfileDir } : {}) };
    const host = fork(HOST_BOOTSTRAP, [JSON.stringify(init)], {
      // No V8 heap flags here: they would override the workers' own resourceLimits (V8 flags win over
      // per-isolate constraints). The host's main thread only relays; the workers carry the limits.
      execArgv: cpuProfileArgs(cpuProfileDir),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = host;
    isReady = false;
    lastHeardAt = Date.now();
    killReason = undefined;
    if (options.niceness > 0 && host.pid !== undefined) {
      try {
        setPriority(host.pid, options.niceness);
      } catch {
        // Lowering priority is a courtesy; some platforms refuse it.
      }
    }
    host.on('message', (message: HostMessage) => {
      if (child !== host) return;
      lastHeardAt = Date.now();
      if (message.type === 'ready') {
        isReady = true;
        startupFailures = 0;
        dispatch();
      } else if (message.type === 'log') {
        logger[message.level](message.message, { lane: name, ...message.fields });
        if (message.level === 'error' && typeof message.fields.error === 'string')
          lastHostError = `${message.message}: ${message.fields.error}`;
      } else if (message.type === 'done') {
        const unit = inFlight.get(message.unitId);
        if (!unit) return;
        inFlight.delete(message.unitId);
        sentAt.delete(message.unitId);
        // An outcome beyond what was sent (a confused host) has no record to land on: settle() finds the gap.
        message.outcomes.forEach((outcome, position) => {
          const index = unit.indices[position];
          if (index !== undefined) unit.job.outcomes[index] = fromWire(outcome);
        });
        settle(unit);
        dispatch();
      }
    });
    host.on('error', (error) => {
      lastError = error;
    });
    host.on('exit', (code, signal) => onExit(host, { code, signal }));
  }

  function onExit(host: ChildProcess, exit: { code: number | null; signal: NodeJS.Signals | null }): void {
    if (child !== host || isClosed) return;
    child = undefined;
    const wasReady = isReady;
    isReady = false;
    const units = [...inFlight.values()];
    inFlight.clear();
    sentAt.clear();
    if (!wasReady) {
      startupFailures += 1;
      logger.error('mapping evaluator host failed to start', {
        lane: name,
        code: exit.code,
        signal: exit.signal,
        error: lastError?.message,
      });
      if (startupFailures >= MAX_STARTUP_FAILURES) {
        const reason = lastError?.message ?? lastHostError ?? `exit ${exit.code ?? exit.signal}`;
        startupError = { code: 'MAPPING_ERROR', message: `The mapping evaluator cannot start (${reason}).` };
        for (const unit of [...units, ...suspects.splice(0), ...queue.splice(0)]) fail(unit, startupError);
        return;
      }
    } else {
      restarts += 1;
      const records = units.reduce((sum, unit) => sum + unit.indices.length, 0);
      logger.warn('mapping evaluator host died; replacing it', {
        lane: name,
        code: exit.code,
        signal: exit.signal,
        reason: killReason ?? 'crashed',
        recordsInFlight: records,
      });
      const [only] = units;
      if (units.length === 1 && only && only.indices.length === 1) {
        // Only one record was running: it is the one that killed the host.
        fail(only, killReason === 'stalled' ? stalledError() : resourceError());
      } else {
        suspects.unshift(...units.flatMap(singles));
      }
    }
    spawn();
  }

  function resourceError(): MappingErrorInfo {
    return {
      code: 'MAPPING_RESOURCE_LIMIT',
      message: `The mapping exhausted the evaluator process on this record (memory beyond the ${limits.workerMemoryMb} MiB per worker, or a crash); the evaluator was restarted and the other records were not affected.`,
    };
  }

  function stalledError(): MappingErrorInfo {
    return {
      code: 'MAPPING_TIMEOUT',
      message: `The mapping evaluator stopped responding on this record for ${STALL_MS} ms and was restarted.`,
    };
  }

  function checkStall(): void {
    if (!child || !isReady || inFlight.size === 0 || killReason) return;
    if (Date.now() - lastHeardAt <= STALL_MS) return;
    killReason = 'stalled';
    logger.warn('mapping evaluator host stopped responding; killing it', { lane: name, silentMs: Date.now() - lastHeardAt });
    child.kill('SIGKILL');
  }

  function send(unit: Unit): void {
    const { budgetMs } = unit.job;
    const remainingMs =
      budgetMs === undefined ? undefined : budgetMs - (unit.job.firstSentAt === undefined ? 0 : Date.now() - unit.job.firstSentAt);
    // A re-run after a crash respects the interactive budget too (once the call has any outcome).
    if (remainingMs !== undefined && remainingMs <= 0 && unit.job.outcomes.some((outcome) => outcome !== undefined)) {
      return fail(unit, budgetExceeded(budgetMs ?? 0));
    }
    const unitId = nextUnitId++;
    const message: HostEvaluate = {
      type: 'evaluate',
      unitId,
      request: unit.job.request,
      records: unit.indices.map((index) => unit.job.records[index]),
      ...(remainingMs !== undefined ? { remainingMs: Math.max(0, remainingMs), budgetMs } : {}),
    };
    try {
      // Serialisation happens synchronously here; a record too deep to serialise throws before anything is sent.
      (child as ChildProcess).send(message);
      inFlight.set(unitId, unit);
      sentAt.set(unitId, Date.now());
      unit.job.firstSentAt ??= Date.now();
    } catch {
      if (unit.indices.length > 1) queue.unshift(...singles(unit));
      else fail(unit, UNSENDABLE);
    }
  }

  function dispatch(): void {
    if (!child || !isReady) return;
    if (suspects.length > 0) {
      // Isolating: one record in the host at a time, so a second death names its record.
      if (inFlight.size === 0) send(suspects.shift() as Unit);
      return;
    }
    while (queue.length > 0 && inFlight.size < options.maxInFlight && child && isReady) send(queue.shift() as Unit);
  }

  spawn();

  return {
    run(job, indices) {
      if (isClosed) return Promise.reject(new Error('The mapping runtime is closed.'));
      return new Promise<void>((resolve) => {
        const unit: Unit = { job, indices, resolve };
        if (indices.length === 0) return resolve();
        if (startupError) return fail(unit, startupError);
        queue.push(unit);
        dispatch();
      });
    },
    health() {
      const silentMs = inFlight.size > 0 || queue.length > 0 || suspects.length > 0 ? Date.now() - lastHeardAt : 0;
      const state = startupError ? 'failed' : isReady ? 'ready' : 'starting';
      const oldest = Math.min(...sentAt.values());
      return {
        state,
        queued: queue.length + suspects.length,
        inFlight: inFlight.size,
        restarts,
        silentMs,
        oldestInFlightMs: sentAt.size > 0 ? Date.now() - oldest : 0,
        pid: child?.pid ?? null,
        isWedged: state === 'failed' || silentMs > STALL_MS,
      };
    },
    async close() {
      isClosed = true;
      clearInterval(stallTimer);
      const closed: MappingErrorInfo = { code: 'MAPPING_ERROR', message: 'The mapping runtime was closed before this record ran.' };
      for (const unit of [...inFlight.values(), ...suspects.splice(0), ...queue.splice(0)]) fail(unit, closed);
      inFlight.clear();
      sentAt.clear();
      const host = child;
      child = undefined;
      if (!host || host.exitCode !== null || host.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
      // Disconnecting lets the host close its workers; a host that does not go within 2 s is killed.
      if (host.connected) host.disconnect();
      // A profiled host writes its profiles while it exits: give it longer.
      const timer = setTimeout(() => host.kill('SIGKILL'), process.env.MDM_MAPPING_CPU_PROF_DIR ? 30_000 : 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
