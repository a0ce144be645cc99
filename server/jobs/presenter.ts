import type { JobDocument } from './types';

/** A job as clients see it, with rate and ETA derived from progress and run time. */
export function presentJob(job: JobDocument) {
  const processed = job.progress.done + job.progress.failed;
  const ratePerSecond = job.runSeconds > 0 ? processed / job.runSeconds : 0;
  const remaining = job.progress.total !== undefined ? Math.max(0, job.progress.total - processed) : undefined;
  const etaSeconds =
    remaining !== undefined && ratePerSecond > 0 && job.status === 'running' ? Math.round(remaining / ratePerSecond) : null;
  return {
    id: job._id,
    type: job.type,
    status: job.status,
    params: job.params,
    progress: {
      ...job.progress,
      ratePerSecond: Math.round(ratePerSecond * 10) / 10,
      etaSeconds,
      percent: job.progress.total ? Math.min(100, Math.round((processed / job.progress.total) * 1000) / 10) : null,
    },
    result: job.result ?? null,
    error: job.error ?? null,
    attempts: job.attempts,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? null,
    finishedAt: job.finishedAt ?? null,
    updatedAt: job.updatedAt,
  };
}

/** A job as the API answers it (`jobViewSchema` in server/contracts/jobs.ts is the same shape). */
export type JobView = ReturnType<typeof presentJob>;
