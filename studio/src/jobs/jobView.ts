/** Background jobs as the API presents them (`GET /jobs`, `GET /jobs/{id}`), and what the studio reads from them. */
import type { JobView } from '../../../server/jobs/presenter';

export type { JobView } from '../../../server/jobs/presenter';

export const FINISHED_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

export interface IngestTotals {
  received: number;
  accepted: number;
  unchanged: number;
  exceptions: number;
}

/** The ingest totals of a finished upload job (null for other jobs or before it ends). */
export function ingestTotalsOf(job: JobView): IngestTotals | null {
  const result = job.result as { totals?: Partial<IngestTotals> } | null;
  const totals = result?.totals;
  if (totals === undefined || typeof totals.received !== 'number') return null;
  return {
    received: totals.received,
    accepted: totals.accepted ?? 0,
    unchanged: totals.unchanged ?? 0,
    exceptions: totals.exceptions ?? 0,
  };
}

/** Percent done (0–100) when the job knows its total, else null. */
export function percentOf(job: JobView): number | null {
  if (job.status === 'succeeded') return 100;
  // A stopped job without a known total shows an empty bar, not an indeterminate (moving) one.
  if (job.progress.percent === null && (FINISHED_STATUSES.has(job.status) || job.status === 'quarantined')) return 0;
  return job.progress.percent;
}

/** Why a job failed or was stopped, in words ("" when it did not). */
export function failureReasonOf(job: JobView): string {
  if (job.error !== null) return `${job.error.message} (${job.error.code})`;
  if (job.status === 'cancelled') return 'Cancelled.';
  if (job.status === 'quarantined') return 'Quarantined: it stopped the worker repeatedly and will not be retried automatically.';
  return '';
}
