/** Inbox housekeeping on a task: assign, comment, priority, skip — each versioned and audited in one transaction. */
import { recordAudit } from '../audit/auditLog';
import { inTransaction } from '../golden/goldenStore';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { assertTaskOpen, assertTaskVersion, requireTask, updateTaskVersioned, type StewardActor } from './taskStore';
import type { TaskDocument } from './types';

type Services = Pick<AppServices, 'store'>;

async function audited(args: {
  services: Services;
  session: StoreSession;
  actor: StewardActor;
  action: string;
  before: TaskDocument;
  after: TaskDocument;
  details: { before: unknown; after: unknown };
  reason?: string;
  at: string;
}): Promise<TaskDocument> {
  await recordAudit({
    store: args.services.store,
    session: args.session,
    actor: args.actor,
    action: args.action,
    target: { type: 'task', id: args.after._id, domain: args.after.domain },
    before: { version: args.before.version, ...(args.details.before as object) },
    after: { version: args.after.version, ...(args.details.after as object) },
    ...(args.reason ? { reason: args.reason } : {}),
    at: args.at,
  });
  return args.after;
}

/** Assigns a task to a steward (`assignee` = key id), to the actor when undefined, or unassigns it (null). */
export async function assignTask(
  services: Services,
  input: { taskId: string; assignee?: string | null; expectedVersion: number; actor: StewardActor },
): Promise<TaskDocument> {
  return inTransaction(services.store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await requireTask({ store: services.store, id: input.taskId, session });
    assertTaskOpen(task);
    assertTaskVersion(task, input.expectedVersion);
    const assignee = input.assignee === undefined ? input.actor.keyId : input.assignee;
    const after = await updateTaskVersioned({
      store: services.store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      ...(assignee === null ? { unset: ['assignee'] } : { set: { assignee } }),
      history: {
        by: input.actor.name,
        action: assignee === null ? 'unassigned' : 'assigned',
        ...(assignee ? { note: `Assigned to ${assignee}.` } : {}),
      },
    });
    return audited({
      services,
      session,
      actor: input.actor,
      action: 'task.assign',
      before: task,
      after,
      details: { before: { assignee: task.assignee ?? null }, after: { assignee } },
      at,
    });
  });
}

/** Adds a comment (allowed on closed tasks too: notes after the fact). */
export async function commentOnTask(
  services: Services,
  input: { taskId: string; text: string; actor: StewardActor },
): Promise<TaskDocument> {
  return inTransaction(services.store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await requireTask({ store: services.store, id: input.taskId, session });
    const comment = { at, by: input.actor.name, text: input.text };
    // Comments never conflict with a decision: applied on the version just read, inside the transaction.
    const after = await updateTaskVersioned({
      store: services.store,
      session,
      task,
      expectedVersion: task.version,
      push: { comments: comment },
      history: { by: input.actor.name, action: 'commented' },
      at,
      allowClosed: true,
    });
    return audited({
      services,
      session,
      actor: input.actor,
      action: 'task.comment',
      before: task,
      after,
      details: { before: {}, after: { comment: input.text } },
      at,
    });
  });
}

/** Sets a task's priority (0..100, higher first). */
export async function setTaskPriority(
  services: Services,
  input: { taskId: string; priority: number; expectedVersion: number; actor: StewardActor },
): Promise<TaskDocument> {
  return inTransaction(services.store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await requireTask({ store: services.store, id: input.taskId, session });
    assertTaskOpen(task);
    assertTaskVersion(task, input.expectedVersion);
    const after = await updateTaskVersioned({
      store: services.store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      set: { priority: input.priority },
      history: { by: input.actor.name, action: 'priority', note: `Priority ${task.priority} → ${input.priority}.` },
      at,
    });
    return audited({
      services,
      session,
      actor: input.actor,
      action: 'task.priority',
      before: task,
      after,
      details: { before: { priority: task.priority }, after: { priority: input.priority } },
      at,
    });
  });
}

/** Closes a task without a decision (resolution `skipped`): nothing is recorded about the records, so matching may ask again. */
export async function skipTask(
  services: Services,
  input: { taskId: string; expectedVersion: number; reason?: string; actor: StewardActor },
): Promise<TaskDocument> {
  return inTransaction(services.store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await requireTask({ store: services.store, id: input.taskId, session });
    assertTaskOpen(task);
    assertTaskVersion(task, input.expectedVersion);
    const after = await updateTaskVersioned({
      store: services.store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: { status: 'closed', resolution: 'skipped', closedAt: at },
      history: { by: input.actor.name, action: 'skipped', ...(input.reason ? { note: input.reason } : {}) },
    });
    return audited({
      services,
      session,
      actor: input.actor,
      action: 'task.skip',
      before: task,
      after,
      details: { before: { status: 'open' }, after: { status: 'closed', resolution: 'skipped' } },
      reason: input.reason,
      at,
    });
  });
}
