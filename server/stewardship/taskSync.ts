/**
 * The task-sync processor: follows the golden-record change feed and the exception queue, and for
 * what changed closes tasks that no longer apply, opens survivorship-conflict tasks and opens
 * data-quality tasks for new exceptions. It is the safety net that keeps the inbox right whatever
 * wrote the change (ingest, golden-record routes, jobs); golden records and ingest may also call
 * `closeObsoleteTasks` / `detectSurvivorshipConflicts` / `openExceptionTask` in their own
 * transactions, which makes the effect immediate. Idempotent; one run at a time per process.
 */
import { INGEST_EXCEPTIONS } from '../exceptions/collections';
import type { IngestExceptionDocument } from '../exceptions/types';
import { readChanges } from '../golden/changeFeed';
import type { AppServices } from '../services';
import type { Document, Store } from '../store/types';
import { STEWARDSHIP_STATE } from './collections';
import { detectSurvivorshipConflicts } from './conflicts';
import { openExceptionTask } from './dataQuality';
import { closeObsoleteTasks } from './obsoleteTasks';
import { tasksCollection } from './taskStore';

interface SyncState extends Document {
  _id: string;
  changesCursor: string | null;
  /** Exceptions last seen at or after this time are (re)examined on the next run. */
  exceptionsSince: string;
}

export interface SyncResult {
  changes: number;
  opened: number;
  closed: number;
}

const STATE_ID = 'taskSync';
const BATCH = 200;
const EXCEPTION_MARGIN_MS = 60_000;
const running = new WeakMap<Store, Promise<SyncResult>>();

async function runOnce(services: Pick<AppServices, 'store'>, options: SyncOptions): Promise<SyncResult> {
  const { store } = services;
  const states = store.collection<SyncState>(STEWARDSHIP_STATE);
  const state = (await states.findOne({ _id: STATE_ID })) ?? { _id: STATE_ID, changesCursor: null, exceptionsSince: '' };
  const result: SyncResult = { changes: 0, opened: 0, closed: 0 };
  for (;;) {
    const page = await readChanges({ store, after: state.changesCursor ?? undefined, limit: BATCH });
    if (page.items.length > 0) {
      const goldenIds = [...new Set(page.items.map((c) => c.goldenId))];
      result.changes += page.items.length;
      await store.withTransaction(async (session) => {
        result.closed += (await closeObsoleteTasks({ store, session, goldenIds })).length;
        result.opened += (await detectSurvivorshipConflicts({ store, session, goldenIds })).length;
      });
    }
    state.changesCursor = page.nextCursor;
    if (page.items.length < BATCH) break;
  }
  if (!options.exceptions) {
    await states.replaceOne({ _id: STATE_ID }, state, { upsert: true });
    return result;
  }
  // Exceptions: open a task for each open exception seen since the last run; close tasks of closed ones.
  const startedAt = new Date().toISOString();
  const exceptions = store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS);
  for await (const exception of exceptions.iterate({ lastSeenAt: { $gte: state.exceptionsSince }, status: 'open' })) {
    if (await openExceptionTask({ store, exception })) result.opened++;
  }
  const openDataQuality = await tasksCollection(store).find({ type: 'data-quality', status: 'open' }, { projection: { _id: 1, subject: 1 } });
  for (let i = 0; i < openDataQuality.length; i += BATCH) {
    const ids = openDataQuality.slice(i, i + BATCH).flatMap((t) => (t.subject.exceptionId ? [t.subject.exceptionId] : []));
    const stillOpen = new Set((await exceptions.find({ _id: { $in: ids }, status: 'open' }, { projection: { _id: 1 } })).map((e) => e._id));
    const gone = ids.filter((id) => !stillOpen.has(id));
    if (gone.length > 0) result.closed += (await closeObsoleteTasks({ store, exceptionIds: gone })).length;
  }
  // A margin re-examines exceptions written while this run read (openExceptionTask is idempotent).
  state.exceptionsSince = new Date(Date.parse(startedAt) - EXCEPTION_MARGIN_MS).toISOString();
  await states.replaceOne({ _id: STATE_ID }, state, { upsert: true });
  return result;
}

export interface SyncOptions {
  /** Also scan the exception queue (default true). Costs a pass over recent exceptions and open data-quality tasks. */
  exceptions?: boolean;
}

/** Brings tasks up to date with every change since the last run (waits for a run in progress first). */
export async function syncTasks(services: Pick<AppServices, 'store'>, options: SyncOptions = {}): Promise<SyncResult> {
  const previous = running.get(services.store);
  const next = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => runOnce(services, { exceptions: options.exceptions ?? true }));
  running.set(services.store, next);
  try {
    return await next;
  } finally {
    if (running.get(services.store) === next) running.delete(services.store);
  }
}

/**
 * Runs `syncTasks` every `intervalMs` (the change feed each time, the exception queue every
 * `exceptionEvery` runs: its scans cost more) until the returned stop function is called (and awaited).
 */
export function startTaskSync(services: Pick<AppServices, 'store' | 'logger'>, options: { intervalMs?: number; exceptionEvery?: number } = {}): () => Promise<void> {
  let isStopped = false;
  let isRunning = false;
  let tick = 0;
  let current: Promise<unknown> = Promise.resolve();
  const exceptionEvery = options.exceptionEvery ?? 15;
  const timer = setInterval(() => {
    // A slow run is not queued behind: the next tick after it catches up with everything.
    if (isStopped || isRunning) return;
    isRunning = true;
    const exceptions = tick++ % exceptionEvery === 0;
    current = syncTasks(services, { exceptions })
      .catch((error: unknown) => services.logger.error('task sync failed', { error: error instanceof Error ? error.stack : String(error) }))
      .finally(() => {
        isRunning = false;
      });
  }, options.intervalMs ?? 1000);
  timer.unref();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await current;
  };
}
