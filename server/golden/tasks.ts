/**
 * Opening steward tasks from golden-record decisions (a review-band match opens a potential-match
 * task). The stewardship feature owns the task lifecycle; this is the one place tasks are born here.
 */
import { randomUUID } from 'node:crypto';
import type { Store, StoreSession } from '../store/types';
import type { TaskCandidate, TaskDocument, TaskType } from '../stewardship/types';
import { TASKS } from './collections';

/** Inserts an open task and returns it; `priority` defaults to the score scaled to 0..100. */
export async function openTask(args: {
  store: Store;
  session?: StoreSession;
  type: TaskType;
  domain: string;
  source?: string;
  subject: TaskDocument['subject'];
  candidates?: TaskCandidate[];
  priority?: number;
  note?: string;
  by?: string;
  at?: string;
}): Promise<TaskDocument> {
  const at = args.at ?? new Date().toISOString();
  const best = args.candidates?.[0];
  const task: TaskDocument = {
    _id: `task_${randomUUID()}`,
    type: args.type,
    domain: args.domain,
    ...(args.source ? { source: args.source } : {}),
    status: 'open',
    version: 1,
    priority: args.priority ?? (best ? Math.round(best.score * 100) : 50),
    subject: args.subject,
    ...(args.candidates ? { candidates: args.candidates } : {}),
    ...(best ? { score: best.score, band: best.band } : {}),
    comments: [],
    history: [{ at, by: args.by ?? 'system', action: 'opened', ...(args.note ? { note: args.note } : {}) }],
    createdAt: at,
    updatedAt: at,
  };
  await args.store.collection<TaskDocument>(TASKS).insertOne(task, { session: args.session });
  return task;
}
