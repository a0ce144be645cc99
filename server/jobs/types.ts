import type { AppServices } from '../services';

/** `quarantined`: started too often without saving progress (it kept killing its runs); it waits to be cancelled. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'quarantined';

/** Statuses a job never leaves on its own. */
export const RESTING_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'quarantined'];

export interface JobProgress {
  /** Units of work in total, when known (records in a file, golden records in a domain…). */
  total?: number;
  done: number;
  failed: number;
  /** Free-text phase, e.g. "matching" or "reading file". */
  phase?: string;
}

export interface JobDocument {
  _id: string;
  type: string;
  status: JobStatus;
  params: Record<string, unknown>;
  progress: JobProgress;
  /** Handler-defined resume point, saved with progress so a restarted job neither repeats nor skips work. */
  checkpoint?: unknown;
  result?: unknown;
  error?: { code: string; message: string };
  createdBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  updatedAt: string;
  /** Seconds the job has actually been running, summed over restarts (for rate and ETA). */
  runSeconds: number;
  attempts: number;
  /** Starts since the job last saved a checkpoint, not counting clean hand-backs at shutdown; past the limit the job is quarantined. */
  stalledAttempts?: number;
  quarantinedAt?: string;
  /**
   * The running claim: its owner and heartbeat counter. Another server takes the job over once `beat`
   * has not moved for a lease period of its own monotonic clock (no server compares wall clocks).
   */
  lease?: { owner: string; beat: number };
  cancelRequested?: boolean;
  [key: string]: unknown;
}

export interface JobContext<P> {
  job: JobDocument & { params: P };
  services: AppServices;
  /** The checkpoint saved by an earlier run of this job, if it was interrupted. */
  checkpoint: unknown;
  /** Saves progress (and optionally a checkpoint) atomically; throws JobCancelledError if cancelled. */
  report(progress: Partial<JobProgress>, checkpoint?: unknown): Promise<void>;
  /** Renews the lease now: call between parts of a long step that cannot report progress. */
  heartbeat(): Promise<void>;
  /** Aborted when the job is cancelled or the server shuts down: call `signal.throwIfAborted()` between batches (returning normally means the job is done). */
  signal: AbortSignal;
}

export interface JobHandler<P = Record<string, unknown>> {
  type: string;
  /** Runs (or resumes from `checkpoint`) and returns the job's result. */
  run(context: JobContext<P>): Promise<unknown>;
}

export class JobCancelledError extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelledError';
  }
}
