/**
 * Entry of an evaluator host: a child process that runs the worker pool (threads with heap limits and
 * a watchdog) for the server process. Anything a mapping does to this process — even a V8 heap abort
 * that a worker's resourceLimits cannot contain — kills only this process; the server respawns it.
 */
import type { Logger } from '../logger';
import type { HostEvaluate, HostInit, HostMessage, WireOutcome } from './protocol';
import { budgetExceeded } from './protocol';
import { createWorkerPool } from './workerPool';

/** Records per chunk sent to one worker: small enough to spread a large batch over the pool and keep re-runs cheap. */
const CHUNK_SIZE = 250;
const HEARTBEAT_MS = 1000;

const init = JSON.parse(process.argv[2] ?? '{}') as HostInit;

function send(message: HostMessage): void {
  if (process.connected) process.send?.(message);
}

function forwardingLogger(base: Record<string, unknown>): Logger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
    send({ type: 'log', level, message, fields: { ...base, ...fields } });
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => forwardingLogger({ ...base, ...fields }),
  };
}

const logger = forwardingLogger({ evaluatorPid: process.pid });
const pool = createWorkerPool({
  size: init.poolSize,
  limits: init.limits,
  logger,
  ...(init.cpuProfileDir ? { cpuProfileDir: init.cpuProfileDir } : {}),
});

async function evaluate(message: HostEvaluate): Promise<WireOutcome[]> {
  const outcomes = new Array<WireOutcome | undefined>(message.records.length);
  const { request, records } = message;
  if (message.remainingMs === undefined) {
    const runs: Array<Promise<void>> = [];
    for (let start = 0; start < records.length; start += CHUNK_SIZE) {
      const pending: number[] = [];
      for (let index = start; index < Math.min(start + CHUNK_SIZE, records.length); index++) pending.push(index);
      runs.push(pool.run({ request, records, pending, outcomes }));
    }
    await Promise.all(runs);
  } else {
    // Interactive lane: one record at a time so the budget is checked between records. The clock starts
    // here, so starting an evaluator does not eat a preview's budget; the first record always runs.
    const deadline = Date.now() + message.remainingMs;
    for (let index = 0; index < records.length; index++) {
      if (index > 0 && Date.now() >= deadline) outcomes[index] = { ok: false, error: budgetExceeded(message.budgetMs ?? 0), durationMs: 0 };
      else await pool.run({ request, records, pending: [index], outcomes });
    }
  }
  return outcomes as WireOutcome[];
}

process.on('message', (message: HostEvaluate) => {
  void evaluate(message).then((outcomes) => send({ type: 'done', unitId: message.unitId, outcomes }));
});
// The server process went away (even kill -9): nothing is left to evaluate for.
function exitOrphaned(): void {
  void pool.close().finally(() => process.exit(0));
}
process.on('disconnect', exitOrphaned);
// A disconnect while this module was still loading has no listener to see it: the heartbeat checks too.
setInterval(() => (process.connected ? send({ type: 'alive' }) : exitOrphaned()), HEARTBEAT_MS);
// Ready once a worker can take work, so the server's view of in-flight time is evaluation time. A host
// whose workers cannot start exits, so the server counts a failed start (and reports the lane wedged).
void pool.whenReady().then((isReady) => {
  if (isReady) return send({ type: 'ready' });
  logger.error('mapping workers cannot start; the evaluator exits', {});
  void pool.close().finally(() => process.exit(1));
});
