/** One job's progress bar, counts, rate and ETA, or why it failed. */
import { failureReasonOf, percentOf } from './jobView';
import type { JobView } from './jobView';

/** A progress bar with "done · failed · rate · ETA" under it. */
export function JobProgress(props: { job: JobView }) {
  const { job } = props;
  const percent = percentOf(job);
  const reason = failureReasonOf(job);
  const total = job.progress.total;
  return (
    <div className="job-progress">
      <progress max={100} value={percent ?? undefined} aria-label={`Job ${job.id} progress`} />
      <span className="muted">
        <span className={`badge job-status status-${job.status}`}>{job.status}</span> {job.progress.done + job.progress.failed}
        {total !== undefined ? ` of ${total}` : ''} records
        {percent !== null ? ` · ${percent}%` : ''}
        {job.progress.failed > 0 ? ` · ${job.progress.failed} exceptions` : ''}
        {job.status === 'running' && job.progress.ratePerSecond > 0 ? ` · ${job.progress.ratePerSecond}/s` : ''}
        {job.progress.etaSeconds !== null ? ` · about ${job.progress.etaSeconds} s left` : ''}
      </span>
      {reason !== '' && job.status !== 'cancelled' && <p className="error-text job-failure">{reason}</p>}
    </div>
  );
}
