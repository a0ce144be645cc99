/** Follows one job until it finishes: polls `GET /jobs/{id}` while the job is queued or running. */
import { useEffect, useState } from 'react';
import { useSession } from '../app/SessionContext';
import { FINISHED_STATUSES } from './jobView';
import type { JobView } from './jobView';

const POLL_MS = 400;

/** The job's latest view (null until first read) and any read error. */
export function useJob(jobId: string | null): { job: JobView | null; error: unknown } {
  const { client } = useSession();
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (jobId === null) return undefined;
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (): void => {
      client.call('getJob', { params: { id: jobId } }).then(
        (view) => {
          if (!isCurrent) return;
          setJob(view);
          if (!FINISHED_STATUSES.has(view.status) && view.status !== 'quarantined') timer = setTimeout(read, POLL_MS);
        },
        (err: unknown) => {
          if (isCurrent) setError(err);
        },
      );
    };
    read();
    return () => {
      isCurrent = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client, jobId]);
  return { job, error };
}
