/**
 * Onboarding from the mapping's page: upload a CSV, NDJSON or JSON file through the published
 * mapping as an upload job, follow its progress, then open the records and exceptions it produced.
 */
import { useState } from 'react';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useSession } from '../../app/SessionContext';
import { JobProgress } from '../../jobs/JobProgress';
import { ingestTotalsOf } from '../../jobs/jobView';
import { useJob } from '../../jobs/useJob';
import { uploadBodyOf } from './uploadFile';

export interface UploadPanelProps {
  source: string;
  domain: string;
  publishedVersion: number | null;
}

/** The "Load data" tab. */
export function UploadPanel(props: UploadPanelProps) {
  const { client } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const totals = job === null ? null : ingestTotalsOf(job);

  const upload = async (): Promise<void> => {
    if (file === null) return;
    setProblem('');
    setError(null);
    const body = uploadBodyOf(file.name, await file.text());
    if (!body.ok) {
      setProblem(body.message);
      return;
    }
    setIsSending(true);
    try {
      const created = await client.call('createIngestUploadJob', {
        params: { source: props.source, domain: props.domain },
        raw: { body: body.body, contentType: body.contentType },
      });
      setJobId(created.jobId);
    } catch (err) {
      setError(err);
    } finally {
      setIsSending(false);
    }
  };

  if (props.publishedVersion === null) {
    return <p className="muted">Publish the mapping first: files are loaded through the published version.</p>;
  }
  return (
    <div className="upload-panel">
      <p className="muted">
        Load a file of {props.source} records through published v{props.publishedVersion}: each record becomes a source record matched into golden records, or an
        exception with its reason.
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <label className="field field-inline">
          <span>File (CSV, NDJSON or JSON)</span>
          <input
            type="file"
            accept=".csv,.ndjson,.jsonl,.json,text/csv,application/json"
            aria-label="File to load"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblem('');
            }}
          />
        </label>
        <button type="submit" className="button-primary" disabled={file === null || isSending}>
          {isSending ? 'Uploading…' : 'Upload and ingest'}
        </button>
      </form>
      {problem !== '' && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {jobError !== null && <ErrorNotice error={jobError} />}
      {job !== null && (
        <section className="upload-job" aria-label="Upload job">
          <h3>
            Job <a href={hrefOf(['jobs'], { id: job.id })}>{job.id}</a>
          </h3>
          <JobProgress job={job} />
          {totals !== null && (
            <ul className="ingest-totals" aria-label="Ingest totals">
              <li>
                <strong>{totals.received}</strong> received
              </li>
              <li>
                <a href={hrefOf(['golden', props.domain], { source: props.source })}>
                  <strong>{totals.accepted}</strong> accepted
                </a>
              </li>
              <li>
                <strong>{totals.unchanged}</strong> unchanged
              </li>
              <li>
                <a href={hrefOf(['exceptions'], { source: props.source, domain: props.domain })}>
                  <strong>{totals.exceptions}</strong> exception{totals.exceptions === 1 ? '' : 's'}
                </a>
              </li>
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
