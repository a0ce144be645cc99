/**
 * Reading and changing tasks with optimistic concurrency: every change is one conditional update on
 * `{ _id, version }` that bumps the version and appends to the task's history, so two stewards acting
 * on the same task never both succeed — the second gets 409 with the task as it is now.
 */
import { ConflictError, NotFoundError } from '../errors';
import { TASKS } from './collections';
import type { Collection, Store, StoreSession } from '../store/types';
import type { TaskDocument } from './types';

/** Who acts on a task: an API key's principal. */
export interface StewardActor {
  keyId: string;
  name: string;
  role: string;
}

/** The tasks collection. */
export function tasksCollection(store: Store): Collection<TaskDocument> {
  return store.collection<TaskDocument>(TASKS);
}

/** Loads a task or throws 404. */
export async function requireTask(args: { store: Store; id: string; session?: StoreSession }): Promise<TaskDocument> {
  const task = await tasksCollection(args.store).findOne({ _id: args.id }, { session: args.session });
  if (!task) throw new NotFoundError(`Task "${args.id}"`);
  return task;
}

/** 409 STALE_VERSION (with the current task) unless the task is at `expected`. */
export function assertTaskVersion(task: TaskDocument, expected: number): void {
  if (task.version !== expected) {
    throw new ConflictError(
      'STALE_VERSION',
      `Task "${task._id}" is at version ${task.version}, not ${expected}: someone else changed it; reload it and try again.`,
      {
        current: task,
      },
    );
  }
}

/** 409 TASK_CLOSED (with the current task) unless the task is open. */
export function assertTaskOpen(task: TaskDocument): void {
  if (task.status !== 'open') {
    throw new ConflictError(
      'TASK_CLOSED',
      `Task "${task._id}" is already closed (${task.resolution ?? 'closed'}); there is nothing left to do on it.`,
      {
        current: task,
      },
    );
  }
}

/** 409 WRONG_TASK_TYPE unless the task is one of `types`. */
export function assertTaskType(task: TaskDocument, types: ReadonlyArray<TaskDocument['type']>, action: string): void {
  if (!types.includes(task.type)) {
    throw new ConflictError(
      'WRONG_TASK_TYPE',
      `"${action}" applies to ${types.join(' or ')} tasks; task "${task._id}" is a ${task.type} task.`,
      { current: task },
    );
  }
}

/**
 * Applies `set` to the task if it is still at `expectedVersion` (and open, unless `allowClosed`):
 * version + 1, `updatedAt`, one history entry. Throws 409 with the current task otherwise.
 */
export async function updateTaskVersioned(args: {
  store: Store;
  session?: StoreSession;
  task: TaskDocument;
  expectedVersion: number;
  set?: Record<string, unknown>;
  unset?: string[];
  push?: Record<string, unknown>;
  history: { by: string; action: string; note?: string };
  at: string;
  allowClosed?: boolean;
}): Promise<TaskDocument> {
  const filter: Record<string, unknown> = { _id: args.task._id, version: args.expectedVersion };
  if (!args.allowClosed) filter.status = 'open';
  const update: Record<string, unknown> = {
    $set: { ...(args.set ?? {}), updatedAt: args.at },
    $inc: { version: 1 },
    $push: { ...(args.push ?? {}), history: { at: args.at, ...args.history } },
  };
  if (args.unset && args.unset.length > 0) update.$unset = Object.fromEntries(args.unset.map((name) => [name, '']));
  const updated = await tasksCollection(args.store).findOneAndUpdate(filter, update, { session: args.session, returnDocument: 'after' });
  if (updated) return updated;
  const current = await requireTask({ store: args.store, id: args.task._id, session: args.session });
  if (!args.allowClosed) assertTaskOpen(current);
  assertTaskVersion(current, args.expectedVersion);
  // Same version, still open, yet not matched: a writer got in between our read and write.
  throw new ConflictError('STALE_VERSION', `Task "${current._id}" changed while this request was working on it: reload it and try again.`, {
    current,
  });
}
