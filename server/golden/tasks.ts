/**
 * Opening steward tasks from golden-record decisions (a review-band match opens a potential-match
 * task). The stewardship feature owns the task lifecycle; this is the one place tasks are born here.
 */
import { randomUUID } from 'node:crypto';
import type { Store, StoreSession } from '../store/types';
import type { TaskCandidate, TaskDocument, TaskType } from '../stewardship/types';
import { TASKS } from './collections';

/**
 * The key of an open task of this type and subject, unique among open tasks (index
 * `stewardship_one_open_per_subject`): one potential-match task per source record, one conflict task
 * per golden record and attribute, one data-quality task per exception. Cluster tasks are kept unique
 * by their claims instead (stewardship/clusterTasks.ts).
 */
export function openKeyOf(type: TaskType, subject: TaskDocument['subject']): { openKey?: string } {
  if (type === 'potential-match' && subject.sourceRecordId) return { openKey: JSON.stringify([type, subject.sourceRecordId]) };
  if (type === 'survivorship-conflict' && subject.goldenId && subject.attribute)
    return { openKey: JSON.stringify([type, subject.goldenId, subject.attribute]) };
  if (type === 'data-quality' && subject.exceptionId) return { openKey: JSON.stringify([type, subject.exceptionId]) };
  return {};
}

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
    ...openKeyOf(args.type, args.subject),
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
