/** Opening the tasks stewardship raises itself (data-quality, survivorship conflict), audited under the rule that raised them. */
import { randomUUID } from 'node:crypto';
import { recordAudit, systemActor } from '../audit/auditLog';
import type { Store, StoreSession } from '../store/types';
import { openKeyOf } from '../golden/tasks';
import { tasksCollection } from './taskStore';
import type { TaskDocument } from './types';

/** Inserts an open task built from `fields` and audits `task.open` with `rule`. */
export async function insertTask(args: {
  store: Store;
  session: StoreSession;
  fields: Pick<TaskDocument, 'type' | 'domain' | 'subject' | 'priority'> & Partial<Pick<TaskDocument, 'source' | 'values' | 'exception'>>;
  rule: string;
  note: string;
  at: string;
}): Promise<TaskDocument> {
  const task: TaskDocument = {
    _id: `task_${randomUUID()}`,
    ...args.fields,
    ...openKeyOf(args.fields.type, args.fields.subject),
    status: 'open',
    version: 1,
    comments: [],
    history: [{ at: args.at, by: 'system', action: 'opened', note: args.note }],
    createdAt: args.at,
    updatedAt: args.at,
  };
  await tasksCollection(args.store).insertOne(task, { session: args.session });
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(args.rule),
    action: 'task.open',
    target: { type: 'task', id: task._id, domain: task.domain },
    after: { type: task.type, subject: task.subject, version: 1 },
    reason: args.note,
    at: args.at,
  });
  return task;
}
