/**
 * The one constructor of steward tasks: every task — the potential-match tasks golden records and
 * re-matching open, the data-quality and survivorship-conflict tasks stewardship raises itself — is
 * inserted here and audited (`task.open`) under the rule that raised it, cluster tasks included (they
 * are kept unique by their claims in clusterTasks.ts, which decides their members, edges and score).
 */
import { randomUUID } from 'node:crypto';
import { recordAudit, systemActor } from '../audit/auditLog';
import type { Store, StoreSession } from '../store/types';
import { tasksCollection } from './taskStore';
import type { TaskCandidate, TaskDocument, TaskType } from './types';

/** The score and band a task with candidates shows: its first (best) candidate's. A task left with none is closed instead. */
export function bestOf(candidates: TaskCandidate[]): { score: number; band: string } {
  const [best] = candidates;
  if (!best) throw new Error('internal error: a task kept open must have a candidate left');
  return { score: best.score, band: best.band };
}

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

/**
 * Inserts an open task built from `fields` and audits `task.open` with `rule`. With candidates, the
 * task carries the best one's score and band, and `priority` defaults to that score scaled to 0..100
 * (50 without candidates). Pass `session` so the task and its audit entry commit together.
 */
export async function insertTask(args: {
  store: Store;
  session?: StoreSession;
  fields: Pick<TaskDocument, 'type' | 'domain' | 'subject'> &
    Partial<Pick<TaskDocument, 'priority' | 'source' | 'values' | 'exception' | 'candidates' | 'members' | 'edges' | 'score' | 'band'>>;
  rule: string;
  note?: string;
  at?: string;
}): Promise<TaskDocument> {
  const at = args.at ?? new Date().toISOString();
  const { candidates, priority, ...fields } = args.fields;
  const best: TaskCandidate | undefined = candidates?.[0];
  const task: TaskDocument = {
    _id: `task_${randomUUID()}`,
    ...fields,
    ...openKeyOf(fields.type, fields.subject),
    status: 'open',
    version: 1,
    priority: priority ?? (best ? Math.round(best.score * 100) : 50),
    ...(candidates ? { candidates } : {}),
    ...(best ? { score: best.score, band: best.band } : {}),
    comments: [],
    history: [{ at, by: 'system', action: 'opened', ...(args.note ? { note: args.note } : {}) }],
    createdAt: at,
    updatedAt: at,
  };
  await tasksCollection(args.store).insertOne(task, { session: args.session });
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(args.rule),
    action: 'task.open',
    target: { type: 'task', id: task._id, domain: task.domain },
    after: {
      type: task.type,
      // A cluster task is about its members (golden ids) and how many pairwise edges link them.
      ...(task.members ? { members: task.members.map((m) => m.goldenId), edges: task.edges?.length ?? 0 } : { subject: task.subject }),
      version: 1,
    },
    ...(args.note ? { reason: args.note } : {}),
    at,
  });
  return task;
}
