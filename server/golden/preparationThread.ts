/**
 * The match-preparation thread: prepares incoming records for matching (`prepareIncoming`: attribute
 * extraction, alias tables, normalisers, blocking keys — a pure function of record and rules) on a
 * worker thread, so an ingest batch's preparation runs on the second core while the previous batch is
 * persisted on the main thread (`prepareBatch` / `finishBatch`). The main thread uses a preparation
 * only when it was made under the very rules it matches with (`preparedFor`); anything the thread
 * cannot answer — rules compiled elsewhere, a worker that failed — is prepared on the main thread as
 * before, so the outcome never depends on the thread.
 */
import { Worker } from 'node:worker_threads';
import { present } from '../invariant';
import type { Logger } from '../logger';
import { compiledSourceOf, type CompiledRules, type IncomingPreparation } from '../matching';
import type { CanonicalRecord } from '../matching/types';
import type { Store } from '../store/types';
import { asCanonical, lastRulesRead, rulesFor } from './goldenMatching';
import type { PreparationReply, PreparationRequest } from './preparationProtocol';

const BOOTSTRAP_URL = new URL('./preparationWorkerBootstrap.mjs', import.meta.url);

/** Batches smaller than this are prepared on the main thread: the hop costs more than it saves. */
const DEFAULT_MIN_RECORDS = 50;

/**
 * The worker's heap: it holds compiled rules and one batch at a time. Without limits the thread added
 * ~120 MiB of RSS over 60 batches of 500 item records (V8's default young generation and heap growth);
 * with these ~65 MiB, most of it the isolate, tsx and the modules. A worker out of memory exits: its batch
 * is prepared on the main thread, and after MAX_FAILURES the thread is no longer used.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 };

/** Worker failures after which the thread is no longer used (each batch is then prepared on the main thread). */
const MAX_FAILURES = 3;

/** Preparations made off the main thread for one batch, with the rules they were made under. */
export interface PreparedBatch {
  rules: CompiledRules;
  preparations: IncomingPreparation[];
}

export interface MatchPreparer {
  /** Batches smaller than this are not sent (prepared on the main thread). */
  readonly minRecords: number;
  /** `records` prepared under `rules`, in order, off the main thread; null when they were not (the caller prepares them). */
  prepare(rules: CompiledRules, records: CanonicalRecord[]): Promise<PreparedBatch | null>;
  /** Stops the worker thread. */
  close(): Promise<void>;
}

/** `preparation` when it was made under `rules` itself (the same compiled object), else null. */
export function preparedFor(
  prepared: { rules: CompiledRules; preparation: IncomingPreparation } | undefined,
  rules: CompiledRules,
): IncomingPreparation | null {
  return prepared && prepared.rules === rules && prepared.preparation.rulesVersion === rules.version ? prepared.preparation : null;
}

interface Running {
  worker: Worker;
  /** Host ids of the rule sets this worker has been sent. */
  sentRules: Set<number>;
}

/** A preparer with one worker thread, started on first use. */
export function createPreparationThread(options: { logger: Logger; minRecords?: number }): MatchPreparer {
  const minRecords = options.minRecords ?? DEFAULT_MIN_RECORDS;
  const rulesIds = new WeakMap<CompiledRules, number>();
  const pending = new Map<number, (reply: PreparationReply | null) => void>();
  let nextRulesId = 1;
  let nextRequestId = 1;
  let running: Running | undefined;
  let failures = 0;
  let isClosed = false;

  const settleAll = (): void => {
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };

  const start = (): Running => {
    const worker = new Worker(BOOTSTRAP_URL, { execArgv: [], resourceLimits: WORKER_LIMITS });
    const started: Running = { worker, sentRules: new Set() };
    worker.on('message', (reply: PreparationReply) => {
      const resolve = pending.get(reply.requestId);
      pending.delete(reply.requestId);
      if (pending.size === 0) worker.unref();
      resolve?.(reply);
    });
    worker.on('error', (error) => {
      failures += 1;
      options.logger.warn('match preparation thread failed; preparing on the main thread', { error: error.message, failures });
    });
    worker.on('exit', () => {
      if (running === started) running = undefined;
      settleAll();
    });
    return started;
  };

  return {
    minRecords,
    async prepare(rules, records) {
      if (isClosed || failures >= MAX_FAILURES || records.length < minRecords) return null;
      const source = compiledSourceOf(rules);
      if (!source) return null;
      let rulesId = rulesIds.get(rules);
      if (rulesId === undefined) rulesIds.set(rules, (rulesId = nextRulesId++));
      running ??= start();
      const { worker, sentRules } = running;
      const isSent = sentRules.has(rulesId);
      sentRules.add(rulesId);
      const requestId = nextRequestId++;
      const request: PreparationRequest = { requestId, rulesId, records, ...(isSent ? {} : { source }) };
      const reply = await new Promise<PreparationReply | null>((resolve) => {
        pending.set(requestId, resolve);
        // Referenced only while a batch is out: an idle thread does not keep the process alive.
        worker.ref();
        try {
          worker.postMessage(request);
        } catch (error) {
          pending.delete(requestId);
          sentRules.delete(rulesId);
          options.logger.warn('match preparation thread: a batch could not be sent; preparing on the main thread', {
            error: error instanceof Error ? error.message : String(error),
          });
          resolve(null);
        }
      });
      if (!reply) return null;
      if ('error' in reply) {
        options.logger.warn('match preparation thread could not prepare a batch; preparing on the main thread', { error: reply.error });
        return null;
      }
      return reply.preparations.length === records.length ? { rules, preparations: reply.preparations } : null;
    },
    async close() {
      isClosed = true;
      const current = running;
      running = undefined;
      settleAll();
      if (current) await current.worker.terminate();
    },
  };
}

/** A record's preparation made off the main thread, with the rules and the canonical record (object) it was made from. */
export interface OffThreadPreparation {
  rules: CompiledRules;
  canonical: Record<string, unknown>;
  preparation: IncomingPreparation;
}

/**
 * Prepares canonical records of `domain` for matching on the services' preparer thread, under the rules
 * the last write read (`lastRulesRead`), else the rules in force now. Returns one entry per record, or null when nothing was prepared off the thread (no
 * preparer, a small batch, a failure): applying the records then prepares them on the main thread.
 */
export async function prepareOffThread(
  services: { store: Store; matchPreparer?: MatchPreparer },
  input: { domain: string; records: ReadonlyArray<{ canonical: Record<string, unknown>; sourceId: string }> },
): Promise<OffThreadPreparation[] | null> {
  const preparer = services.matchPreparer;
  if (!preparer || input.records.length === 0 || input.records.length < preparer.minRecords) return null;
  let prepared: PreparedBatch | null;
  try {
    // The rules the last write read (a persist group's, in its transaction) when there is one: a publish since then
    // only costs the next batch its preparation here, since a preparation made under other rules is not used.
    const rules = lastRulesRead(services.store, input.domain) ?? (await rulesFor({ store: services.store, domain: input.domain }));
    prepared = await preparer.prepare(
      rules,
      input.records.map((record) => asCanonical(record.canonical, record.sourceId)),
    );
  } catch {
    // Applying the records reads the rules again and reports what is wrong with them there.
    return null;
  }
  if (!prepared) return null;
  return input.records.map((record, index) => ({
    rules: prepared.rules,
    canonical: record.canonical,
    preparation: present(prepared.preparations[index], 'the preparation of each record'),
  }));
}
