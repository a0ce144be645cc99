/**
 * The task-sync processors: follows the golden-record change feed and the exception queue, and for
 * what changed closes tasks that no longer apply, opens survivorship-conflict tasks and opens
 * data-quality tasks for new exceptions. It is the safety net that keeps the inbox right whatever
 * wrote the change (ingest, golden-record routes, jobs); golden records and ingest may also call
 * `closeObsoleteTasks` / `detectSurvivorshipConflicts` / `openExceptionTask` in their own
 * transactions, which makes the effect immediate. Two declared processors (server/processors): one
 * follows the change feed, one the exception queue; each owns its cursor under a lease.
 */
import { INGEST_EXCEPTIONS } from '../exceptions/collections';
import type { IngestExceptionDocument } from '../exceptions/types';
import { awaitSequenced } from '../golden/changeSequencer';
import type { ChangeFeedProcessor, PollingProcessor } from '../processors/types';
import type { AppServices } from '../services';
import type { Document, Store } from '../store/types';
import { STEWARDSHIP_STATE } from './collections';
import { detectSurvivorshipConflicts, goldenIdsThatMayConflict } from './conflicts';
import { openExceptionTask } from './dataQuality';
import { closeObsoleteTasks } from './obsoleteTasks';
import { tasksCollection } from './taskStore';

/** The cursors an older release kept in `stewardshipState`. */
interface LegacySyncState extends Document {
  changesCursor: string | null;
  exceptionsSince: string;
}

export interface SyncResult {
  changes: number;
  opened: number;
  closed: number;
}

export const TASK_SYNC_PROCESSOR = 'task-sync';
export const EXCEPTION_TASKS_PROCESSOR = 'exception-tasks';
const LEGACY_STATE_ID = 'taskSync';
const BATCH = 200;
const EXCEPTION_MARGIN_MS = 60_000;
/** The open data-quality tasks each exception-tasks pass reconciles with the queue (an index lookup: `stewardship_by_type_status`). */
export const OPEN_DATA_QUALITY_TASKS = { type: 'data-quality', status: 'open' } as const;

/** The open exceptions a pass (re)examines: those last seen at or after its cursor (a walk of `by_status_last_seen`). */
export function exceptionsSeenSince(since: string): { lastSeenAt: { $gte: string }; status: 'open' } {
  return { lastSeenAt: { $gte: since }, status: 'open' };
}

async function legacyState(store: Store): Promise<LegacySyncState | null> {
  return store.collection<LegacySyncState>(STEWARDSHIP_STATE).findOne({ _id: LEGACY_STATE_ID });
}

/** Closes tasks that no longer apply and opens survivorship-conflict tasks for the golden records that changed. */
export const taskSyncProcessor: ChangeFeedProcessor = {
  name: TASK_SYNC_PROCESSOR,
  kind: 'changes',
  batchSize: BATCH,
  intervalMs: 1000,
  initialCursor: async (services) => (await legacyState(services.store))?.changesCursor ?? null,
  handle: async ({ services, changes, session }) => {
    const { store } = services;
    const goldenIds = [...new Set(changes.map((c) => c.goldenId))];
    const closed = (await closeObsoleteTasks({ store, session, goldenIds })).length;
    const opened = (await detectSurvivorshipConflicts({ store, session, goldenIds: goldenIdsThatMayConflict(changes) })).length;
    return { closed, opened };
  },
};

/**
 * Opens a data-quality task for each open exception seen since the last pass and closes those of
 * closed exceptions. Its cursor is a time: exceptions last seen at or after it are (re)examined.
 */
export const exceptionTasksProcessor: PollingProcessor = {
  name: EXCEPTION_TASKS_PROCESSOR,
  kind: 'poll',
  // The scans cost a pass over recent exceptions and open data-quality tasks.
  intervalMs: 15_000,
  initialCursor: async (services) => (await legacyState(services.store))?.exceptionsSince ?? '',
  run: async ({ services, cursor, fence }) => {
    const { store } = services;
    const since = typeof cursor === 'string' ? cursor : '';
    const counts = { opened: 0, closed: 0 };
    const startedAt = new Date().toISOString();
    const exceptions = store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS);
    for await (const exception of exceptions.iterate(exceptionsSeenSince(since))) {
      if (await openExceptionTask({ store, exception })) counts.opened++;
    }
    const openDataQuality = await tasksCollection(store).find({ ...OPEN_DATA_QUALITY_TASKS }, { projection: { _id: 1, subject: 1 } });
    for (let i = 0; i < openDataQuality.length; i += BATCH) {
      const ids = openDataQuality.slice(i, i + BATCH).flatMap((t) => (t.subject.exceptionId ? [t.subject.exceptionId] : []));
      const stillOpen = new Set(
        (await exceptions.find({ _id: { $in: ids }, status: 'open' }, { projection: { _id: 1 } })).map((e) => e._id),
      );
      const gone = ids.filter((id) => !stillOpen.has(id));
      if (gone.length > 0) counts.closed += (await closeObsoleteTasks({ store, exceptionIds: gone })).length;
    }
    // A margin re-examines exceptions written while this pass read (openExceptionTask is idempotent).
    await fence.moveCursor(new Date(Date.parse(startedAt) - EXCEPTION_MARGIN_MS).toISOString());
    return { more: false, counts };
  },
};

export interface SyncOptions {
  /** Also scan the exception queue (default true). Costs a pass over recent exceptions and open data-quality tasks. */
  exceptions?: boolean;
}

/** Brings tasks up to date with every change queued before the call (waits for passes in progress first). */
export async function syncTasks(services: Pick<AppServices, 'store' | 'processors'>, options: SyncOptions = {}): Promise<SyncResult> {
  await awaitSequenced(services);
  const result: SyncResult = { changes: 0, opened: 0, closed: 0 };
  const passes = [await services.processors.runNow(TASK_SYNC_PROCESSOR)];
  if (options.exceptions ?? true) passes.push(await services.processors.runNow(EXCEPTION_TASKS_PROCESSOR));
  for (const counts of passes) {
    result.changes += counts?.changes ?? 0;
    result.opened += counts?.opened ?? 0;
    result.closed += counts?.closed ?? 0;
  }
  return result;
}
