/**
 * Bulk decisions on a filtered set of potential-match tasks (merge each one's best candidate, or reject
 * all its candidates) as a background job: one transaction per task, so a conflict on one task (a
 * steward got there first: 409) is counted as failed and the job moves on; progress and a checkpoint
 * (the last task id done) are saved after every batch, so a restarted job resumes without repeating.
 */
import type { BulkBody } from '../contracts/stewardship';
import { AppError } from '../errors';
import type { JobHandler } from '../jobs/types';
import type { AppServices } from '../services';
import { mergeTask, rejectCandidates } from './decisions';
import { taskStoreFilter } from './queries';
import { tasksCollection, type StewardActor } from './taskStore';

export const BULK_TASKS_JOB = 'tasks.bulk';
const BATCH = 25;
/** Failures kept on the job for the steward to read; the count is always exact. */
const MAX_FAILURES_KEPT = 100;

export interface BulkJobParams {
  action: BulkBody['action'];
  filter: BulkBody['filter'];
  reason: string;
  actor: StewardActor;
  [key: string]: unknown;
}

interface BulkCheckpoint {
  lastId: string;
  done: number;
  failed: number;
  failures: Array<{ taskId: string; code: string; message: string }>;
}

/** Queues a bulk action; the total is the number of matching open tasks now. */
export async function startBulkAction(services: Pick<AppServices, 'store' | 'jobs'>, input: BulkJobParams) {
  const total = await tasksCollection(services.store).countDocuments(
    taskStoreFilter({ ...input.filter, type: 'potential-match', status: 'open' }),
  );
  return services.jobs.enqueue({ type: BULK_TASKS_JOB, params: input, createdBy: input.actor.keyId, total });
}

export const bulkTasksJob: JobHandler<BulkJobParams> = {
  type: BULK_TASKS_JOB,
  async run({ job, services, checkpoint, report, signal }) {
    const state: BulkCheckpoint = (checkpoint as BulkCheckpoint | undefined) ?? { lastId: '', done: 0, failed: 0, failures: [] };
    const { action, filter, reason, actor } = job.params;
    const storeFilter = taskStoreFilter({ ...filter, type: 'potential-match', status: 'open' });
    for (;;) {
      signal.throwIfAborted();
      const batch = await tasksCollection(services.store).find(
        { ...storeFilter, _id: { $gt: state.lastId } },
        { sort: { _id: 1 }, limit: BATCH },
      );
      if (batch.length === 0) break;
      for (const task of batch) {
        try {
          if (action === 'merge') await mergeTask(services, { taskId: task._id, expectedVersion: task.version, reason, actor });
          else await rejectCandidates(services, { taskId: task._id, expectedVersion: task.version, reason, actor });
          state.done++;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          state.failed++;
          if (state.failures.length < MAX_FAILURES_KEPT)
            state.failures.push({ taskId: task._id, code: error.code, message: error.message });
        }
        state.lastId = task._id;
      }
      await report({ phase: action === 'merge' ? 'merging' : 'rejecting', done: state.done, failed: state.failed }, state);
    }
    return { action, done: state.done, failed: state.failed, failures: state.failures };
  },
};
