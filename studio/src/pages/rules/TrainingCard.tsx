/**
 * The training card of the rules page: starts `POST /matching/:domain/train` (the job `matching.train`),
 * follows the job until it ends, and shows its report — iterations, convergence, labels used, and per
 * comparator level the trained m / u against the published ones with the change in match weight. The
 * trained rules are the domain's DRAFT: "Load the trained draft" opens it in the editor, from where the
 * page's impact preview and Publish make it a new rule version.
 */
import { useState } from 'react';
import type { JobView } from '../../jobs/jobView';
import type { TrainJobResult } from '../../../../server/matching/trainRules';
import type { ApiClient } from '../../api/client';
import { ErrorNotice } from '../../app/ErrorNotice';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled', 'quarantined']);
const POLL_MILLISECONDS = 1000;
/** The card stops following a job after this long (the Jobs page still shows it). */
const FOLLOW_MILLISECONDS = 10 * 60 * 1000;

interface PublishedLevel {
  name: string;
  m?: number;
  u?: number;
}

/** Declared m / u of the published rules, by comparator and level name. */
export function publishedLevelsOf(rules: unknown): Map<string, PublishedLevel> {
  const out = new Map<string, PublishedLevel>();
  const comparators = (rules as { comparators?: Array<{ name: string; levels?: PublishedLevel[] }> } | null)?.comparators ?? [];
  for (const comparator of comparators) for (const level of comparator.levels ?? []) out.set(`${comparator.name}/${level.name}`, level);
  return out;
}

/** log2(m/u): the evidence a level gives, in bits. */
function bits(m: number | undefined, u: number | undefined): number | null {
  return m !== undefined && u !== undefined && m > 0 && u > 0 ? Math.log2(m / u) : null;
}

const probability = (value: number | undefined): string =>
  value === undefined ? '—' : value < 0.001 ? value.toExponential(1) : value.toFixed(3);
const signed = (value: number | null): string => (value === null ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(2)}`);

const wait = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

export function TrainingCard(props: {
  client: ApiClient;
  domain: string;
  canWrite: boolean;
  publishedRules: unknown;
  onLoadDraft: () => void;
}) {
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isRunning, setIsRunning] = useState(false);

  const train = async (): Promise<void> => {
    setError(null);
    setIsRunning(true);
    try {
      let current = await props.client.call('trainMatchingRules', { params: { domain: props.domain } });
      setJob(current);
      const deadline = Date.now() + FOLLOW_MILLISECONDS;
      while (!FINISHED.has(current.status) && Date.now() < deadline) {
        await wait(POLL_MILLISECONDS);
        current = await props.client.call('getJob', { params: { id: current.id } });
        setJob(current);
      }
    } catch (err) {
      setError(err);
    } finally {
      setIsRunning(false);
    }
  };

  const result = job?.status === 'succeeded' ? (job.result as TrainJobResult | null) : null;
  const report = result?.report;
  const published = publishedLevelsOf(props.publishedRules);

  return (
    <div className="card training-card" aria-label="Train from the data">
      <h2>Train m / u from the data</h2>
      <p className="muted">
        Estimates each comparator level&apos;s m and u from this domain&apos;s records (u from random pairs, m by EM, refined by
        stewards&apos; merges and not-a-match decisions). The result is saved as the draft, never published by itself.
      </p>
      {props.canWrite && (
        <button type="button" className="button-secondary" disabled={isRunning} onClick={() => void train()}>
          {isRunning ? 'Training…' : 'Train'}
        </button>
      )}
      {job !== null && !report && (
        <p className="muted" role="status" data-testid="training-status">
          Job {job.id}: {job.status}
          {job.error ? ` — ${job.error.message}` : ''}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {report && result && (
        <div role="status" data-testid="training-report">
          <p>
            {report.iterations} iteration{report.iterations === 1 ? '' : 's'} (
            {report.converged ? 'converged' : `not converged, last change ${report.lastChange.toExponential(1)}`}) on {report.records}{' '}
            records, {report.candidatePairs} candidate pairs
            {report.candidatePairsSkipped > 0 ? ` (${report.candidatePairsSkipped} skipped)` : ''}, {report.randomPairs} random pairs;
            labels used {report.labels.matchesUsed} merges / {report.labels.nonMatchesUsed} not-a-match; prior{' '}
            {report.priorMatchProbability.toFixed(4)}.
          </p>
          <p>
            Saved as draft r{result.draft.revision} <span className="mono">{result.draft.rulesVersion}</span>.{' '}
            <button type="button" className="button-secondary" onClick={props.onLoadDraft}>
              Load the trained draft
            </button>{' '}
            then preview its impact and Publish it as a new rule version.
          </p>
          <table className="data-table compact" aria-label="Trained levels">
            <thead>
              <tr>
                <th>Comparator</th>
                <th>Level</th>
                <th>m (published → trained)</th>
                <th>u (published → trained)</th>
                <th>Weight change (bits)</th>
              </tr>
            </thead>
            <tbody>
              {report.comparators.flatMap((comparator) =>
                comparator.levels.map((level) => {
                  const before = published.get(`${comparator.name}/${level.name}`);
                  const beforeBits = bits(before?.m, before?.u);
                  return (
                    <tr key={`${comparator.name}/${level.name}`}>
                      <td>{comparator.name}</td>
                      <td>{level.name}</td>
                      <td className="mono">
                        {probability(before?.m)} → {probability(level.m)}
                      </td>
                      <td className="mono">
                        {probability(before?.u)} → {probability(level.u)}
                      </td>
                      <td className="mono">
                        {beforeBits === null ? `new ${signed(level.matchWeight)}` : signed(level.matchWeight - beforeBits)}
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
