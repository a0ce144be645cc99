/**
 * Background jobs (uploads, replays, re-matching): running and recent ones with progress, cancel,
 * the reason of a failure and, for upload jobs, the ingest totals linking to records and exceptions.
 */
import { useCallback, useEffect, useState } from 'react';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { JobProgress } from '../../jobs/JobProgress';
import { FINISHED_STATUSES, ingestTotalsOf } from '../../jobs/jobView';
import type { JobView } from '../../jobs/jobView';
import type { QueryOf } from '../../api/client';
import { formatWhen } from '../../ui/format';

const POLL_MS = 1000;
const STATUSES = ['', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'quarantined'];
const CANCELLABLE = new Set(['queued', 'running', 'quarantined']);

function paramText(job: JobView): string {
  const params = job.params as { source?: unknown; domain?: unknown };
  return [params.source, params.domain].filter((value): value is string => typeof value === 'string').join(' → ');
}

function JobRow(props: { job: JobView; isOpen: boolean; canManage: boolean; onCancel: (id: string) => void }) {
  const { job } = props;
  const totals = ingestTotalsOf(job);
  const params = job.params as { source?: string; domain?: string };
  return (
    <tr className={props.isOpen ? 'selected' : undefined} data-job-id={job.id}>
      <td>
        <a href={hrefOf(['jobs'], { id: job.id })}>{job.id}</a>
        <div className="muted">{job.type}</div>
      </td>
      <td>{paramText(job) || '—'}</td>
      <td>
        <JobProgress job={job} />
        {totals !== null && (
          <ul className="ingest-totals" aria-label={`Totals of job ${job.id}`}>
            <li>{totals.received} received</li>
            <li>
              {params.domain !== undefined ? (
                <a href={hrefOf(['golden', params.domain], { source: params.source })}>{totals.accepted} accepted</a>
              ) : (
                `${totals.accepted} accepted`
              )}
            </li>
            <li>{totals.unchanged} unchanged</li>
            <li>
              <a href={hrefOf(['exceptions'], { source: params.source, domain: params.domain })}>{totals.exceptions} exceptions</a>
            </li>
          </ul>
        )}
      </td>
      <td className="muted">
        {formatWhen(job.createdAt)}
        {job.finishedAt !== null && <div>ended {formatWhen(job.finishedAt)}</div>}
      </td>
      <td>
        {props.canManage && CANCELLABLE.has(job.status) && (
          <button type="button" className="button-secondary" onClick={() => props.onCancel(job.id)} aria-label={`Cancel job ${job.id}`}>
            Cancel
          </button>
        )}
      </td>
    </tr>
  );
}

/** The jobs page; `query.id` highlights one job, `query.status` filters. */
export function JobsPage(props: { query: URLSearchParams }) {
  const { client } = useSession();
  const canManage = useAbility('jobs.manage');
  const status = props.query.get('status') ?? '';
  const openId = props.query.get('id') ?? undefined;
  const [jobs, setJobs] = useState<JobView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async (): Promise<JobView[]> => {
    const query = { limit: 50, ...(status === '' ? {} : { status }) } as QueryOf<'listJobs'>;
    const list = (await client.call('listJobs', { query })).items;
    // A job linked from elsewhere (an upload panel) is shown even when it is older than the page.
    if (openId !== undefined && !list.some((job) => job.id === openId)) {
      const one = await client.call('getJob', { params: { id: openId } }).catch(() => null);
      if (one !== null) list.unshift(one);
    }
    return list;
  }, [client, status, openId]);

  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (): void => {
      load().then(
        (list) => {
          if (!isCurrent) return;
          setJobs(list);
          setError(null);
          // Keep polling while something is still moving.
          if (list.some((job) => !FINISHED_STATUSES.has(job.status) && job.status !== 'quarantined')) timer = setTimeout(read, POLL_MS);
        },
        (err: unknown) => isCurrent && setError(err),
      );
    };
    read();
    return () => {
      isCurrent = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [load, generation]);

  const cancel = async (id: string): Promise<void> => {
    try {
      await client.call('cancelJob', { params: { id } });
      setGeneration((value) => value + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Jobs</h1>
          <p className="muted">
            Uploads, replays and other background work: running and recent jobs, newest first. The list refreshes while a job runs.
          </p>
        </div>
        <div className="header-controls">
          <label className="field field-inline">
            <span>Status</span>
            <select
              aria-label="Job status"
              value={status}
              onChange={(event) => (window.location.hash = hrefOf(['jobs'], { status: event.target.value }).slice(1))}
            >
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value === '' ? 'any' : value}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <div className="table-scroll">
        <table className="data-table jobs-table" aria-label="Jobs">
          <thead>
            <tr>
              <th>Job</th>
              <th>Source → domain</th>
              <th>Progress</th>
              <th>Started</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs !== null && jobs.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No jobs{status === '' ? ' yet' : ` with status ${status}`}.
                </td>
              </tr>
            )}
            {(jobs ?? []).map((job) => (
              <JobRow key={job.id} job={job} isOpen={job.id === openId} canManage={canManage} onCancel={(id) => void cancel(id)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
