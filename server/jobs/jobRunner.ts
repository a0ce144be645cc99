/**
 * Background jobs stored in the `jobs` collection and run by whichever server claims them first
 * (an atomic findOneAndUpdate with a lease), so several stateless servers can share one queue. A job
 * whose server died is reclaimed when its lease expires — at once on the embedded store, which only
 * one process can open — and resumes from its last checkpoint. While a step runs, a heartbeat renews
 * the lease, so a long step is never taken for a dead one and run twice. A job that keeps being started
 * without saving progress (it takes its runs down) is quarantined after `maxAttempts` instead of looping.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { AppServices } from '../services';
import { JOBS_COLLECTION } from './collections';
import { JobCancelledError, RESTING_JOB_STATUSES, type JobDocument, type JobHandler, type JobProgress } from './types';

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const POLL_MS = 250;

export interface JobRunnerOptions {
  services: AppServices;
  /** Jobs run at the same time by this process. */
  concurrency?: number;
  /** How long a claim holds without a heartbeat (default: config MDM_JOB_LEASE_MS, 30 s); renewed every third of it. */
  leaseMs?: number;
  /** Starts without progress before a job is quarantined (default: config MDM_JOB_MAX_ATTEMPTS, 3). */
  maxAttempts?: number;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly owner = `runner_${randomUUID()}`;
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer?: NodeJS.Timeout;
  private polling: Promise<void> | undefined;
  private stopped = false;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.logger = options.services.logger.child({ component: 'jobs' });
    const limits = options.services.config?.limits;
    this.leaseMs = options.leaseMs ?? limits?.jobLeaseMs ?? DEFAULT_LEASE_MS;
    this.maxAttempts = options.maxAttempts ?? limits?.jobMaxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  /** Registers the handler for one job type. */
  register<P>(handler: JobHandler<P>): void {
    this.handlers.set(handler.type, handler as unknown as JobHandler<never>);
  }

  private get jobs() {
    return this.options.services.store.collection<JobDocument>(JOBS_COLLECTION);
  }

  /** Queues a job; it starts within a poll interval on some server. */
  async enqueue(input: { type: string; params: Record<string, unknown>; createdBy: string; total?: number; id?: string }): Promise<JobDocument> {
    const now = new Date().toISOString();
    const job: JobDocument = {
      _id: input.id ?? `job_${randomUUID()}`,
      type: input.type,
      status: 'queued',
      params: input.params,
      progress: { done: 0, failed: 0, ...(input.total !== undefined ? { total: input.total } : {}) },
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
      runSeconds: 0,
      attempts: 0,
    };
    await this.jobs.insertOne(job);
    this.kick();
    return job;
  }

  /** Asks a job to stop; a queued or quarantined job is cancelled at once, a running one at its next progress report or heartbeat. */
  async cancel(id: string): Promise<JobDocument | null> {
    const now = new Date().toISOString();
    const queued = await this.jobs.findOneAndUpdate({ _id: id, status: { $in: ['queued', 'quarantined'] } }, { $set: { status: 'cancelled', finishedAt: now, updatedAt: now } });
    if (queued) return queued;
    const running = await this.jobs.findOneAndUpdate({ _id: id, status: 'running' }, { $set: { cancelRequested: true, updatedAt: now } });
    this.active.get(id)?.controller.abort();
    return running ?? this.jobs.findOne({ _id: id });
  }

  /** Starts polling; on the embedded store, jobs left running by a previous process are reclaimed at once. */
  async start(): Promise<void> {
    this.stopped = false;
    if (this.options.services.store.kind === 'embedded') {
      await this.jobs.updateMany({ status: 'running' }, { $unset: { lease: '' }, $set: { status: 'queued', updatedAt: new Date().toISOString() } });
    }
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops claiming work, interrupts running jobs (they keep their checkpoint) and waits until every
   * run has handed its job back, so the store can be closed safely afterwards.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A claim in progress may still add a run: wait for it before collecting the runs to wait for.
    await this.polling;
    for (const { controller } of this.active.values()) controller.abort();
    await Promise.allSettled([...this.active.values()].map((entry) => entry.done));
  }

  /** Resolves when the job has finished (succeeded, failed or cancelled); for tests and scripts. */
  async waitFor(id: string, timeoutMs = 120_000): Promise<JobDocument> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.jobs.findOne({ _id: id });
      if (job && RESTING_JOB_STATUSES.includes(job.status)) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} did not finish within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private kick(): void {
    if (this.stopped || this.polling) return;
    this.polling = this.claimAvailable()
      .catch((error: unknown) => this.logger.error('job polling failed', { error: String(error) }))
      .finally(() => {
        this.polling = undefined;
      });
  }

  private async claimAvailable(): Promise<void> {
    const concurrency = this.options.concurrency ?? 2;
    while (!this.stopped && this.active.size < concurrency) {
      const now = new Date();
      const job = await this.jobs.findOneAndUpdate(
        {
          type: { $in: [...this.handlers.keys()] },
          // Never a second run of a job this process is already running, whatever its lease says.
          _id: { $nin: [...this.active.keys()] },
          $or: [{ status: 'queued' }, { status: 'running', 'lease.expiresAt': { $lt: now.toISOString() } }],
        },
        {
          $set: { status: 'running', lease: { owner: this.owner, expiresAt: new Date(now.getTime() + this.leaseMs).toISOString() }, updatedAt: now.toISOString() },
          $inc: { attempts: 1, stalledAttempts: 1 },
        },
        { sort: { createdAt: 1 } },
      );
      if (!job) return;
      if ((job.stalledAttempts ?? 0) > this.maxAttempts) {
        await this.quarantine(job);
        continue;
      }
      const controller = new AbortController();
      const done = this.execute(job, controller).finally(() => this.active.delete(job._id));
      this.active.set(job._id, { controller, done });
    }
  }

  /** Parks a job that was started too often without progress, with the reason, until someone cancels it. */
  private async quarantine(job: JobDocument): Promise<void> {
    const now = new Date().toISOString();
    const starts = (job.stalledAttempts ?? 1) - 1;
    const error = {
      code: 'JOB_QUARANTINED',
      message: `The job was started ${starts} times without saving progress (each run ended without finishing, e.g. the server stopped under it); it is not started again. Cancel it, fix the cause (the server log names each run), and submit it again.`,
    };
    await this.jobs.updateOne(
      { _id: job._id, 'lease.owner': this.owner },
      { $set: { status: 'quarantined', quarantinedAt: now, updatedAt: now, error }, $unset: { lease: '' }, $inc: { attempts: -1, stalledAttempts: -1 } },
    );
    this.logger.error('job quarantined', { jobId: job._id, type: job.type, attempts: job.attempts - 1, reason: error.code });
  }

  /** Renews the lease every third of its length while a step runs; a lost lease or a cancel request aborts the run. */
  private startHeartbeat(job: JobDocument, controller: AbortController): () => void {
    const beat = async (): Promise<void> => {
      const renewed = await this.jobs.findOneAndUpdate(
        { _id: job._id, 'lease.owner': this.owner },
        { $set: { 'lease.expiresAt': new Date(Date.now() + this.leaseMs).toISOString() } },
      );
      if (!renewed) {
        this.logger.warn('job lease lost; stopping this run', { jobId: job._id });
        controller.abort();
      } else if (renewed.cancelRequested) {
        controller.abort();
      }
    };
    const timer = setInterval(() => {
      beat().catch((error: unknown) => this.logger.warn('job heartbeat failed', { jobId: job._id, error: String(error) }));
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    timer.unref();
    return () => clearInterval(timer);
  }

  private async execute(job: JobDocument, controller: AbortController): Promise<void> {
    const handler = this.handlers.get(job.type);
    if (!handler) return;
    const stopHeartbeat = this.startHeartbeat(job, controller);
    try {
      await this.executeSteps(job, controller, handler);
    } finally {
      stopHeartbeat();
    }
  }

  private async executeSteps(job: JobDocument, controller: AbortController, handler: JobHandler<never>): Promise<void> {
    const startedAt = job.startedAt ?? new Date().toISOString();
    let segmentStart = Date.now();
    let runSeconds = job.runSeconds;
    await this.jobs.updateOne({ _id: job._id }, { $set: { startedAt } });
    this.logger.info('job started', { jobId: job._id, type: job.type, attempt: job.attempts, resumed: job.checkpoint !== undefined });
    const report = async (progress: Partial<JobProgress>, checkpoint?: unknown): Promise<void> => {
      runSeconds += (Date.now() - segmentStart) / 1000;
      segmentStart = Date.now();
      const set: Record<string, unknown> = {
        updatedAt: new Date().toISOString(),
        runSeconds,
        'lease.expiresAt': new Date(Date.now() + this.leaseMs).toISOString(),
      };
      for (const [key, value] of Object.entries(progress)) set[`progress.${key}`] = value;
      if (checkpoint !== undefined) {
        set.checkpoint = checkpoint;
        // Progress saved: this run counts as the only start without progress so far.
        set.stalledAttempts = 1;
      }
      const updated = await this.jobs.findOneAndUpdate({ _id: job._id, 'lease.owner': this.owner }, { $set: set });
      if (!updated || updated.cancelRequested) {
        controller.abort();
        throw new JobCancelledError();
      }
      if (controller.signal.aborted) throw new JobCancelledError();
    };
    try {
      const result = await handler.run({ job: job as never, services: this.options.services, checkpoint: job.checkpoint, report, signal: controller.signal });
      await this.finish(job, { status: 'succeeded', result, runSeconds: runSeconds + (Date.now() - segmentStart) / 1000 });
    } catch (error) {
      const current = await this.jobs.findOne({ _id: job._id });
      if (error instanceof JobCancelledError || controller.signal.aborted) {
        if (current?.cancelRequested) {
          await this.finish(job, { status: 'cancelled', runSeconds });
        } else if (current?.lease?.owner === this.owner) {
          // Interrupted by shutdown: hand the job back so the next server (or restart) resumes it.
          // A clean hand-back is not a failed start, so it does not count towards quarantine.
          await this.jobs.updateOne(
            { _id: job._id, 'lease.owner': this.owner },
            { $set: { status: 'queued', runSeconds, updatedAt: new Date().toISOString() }, $unset: { lease: '' }, $inc: { stalledAttempts: -1 } },
          );
        }
        return;
      }
      this.logger.error('job failed', { jobId: job._id, type: job.type, error: error instanceof Error ? error.stack : String(error) });
      const code = typeof (error as { code?: unknown }).code === 'string' ? String((error as { code: string }).code) : 'JOB_FAILED';
      const message = error instanceof Error && 'status' in error ? error.message : 'The job failed unexpectedly; see the server log for the job id.';
      await this.finish(job, { status: 'failed', error: { code, message }, runSeconds });
    }
  }

  private async finish(job: JobDocument, outcome: { status: 'succeeded' | 'failed' | 'cancelled'; result?: unknown; error?: JobDocument['error']; runSeconds: number }): Promise<void> {
    const now = new Date().toISOString();
    await this.jobs.updateOne(
      { _id: job._id, 'lease.owner': this.owner },
      {
        $set: {
          status: outcome.status,
          finishedAt: now,
          updatedAt: now,
          runSeconds: outcome.runSeconds,
          ...(outcome.result !== undefined ? { result: outcome.result } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        },
        $unset: { lease: '' },
      },
    );
    this.logger.info('job finished', { jobId: job._id, type: job.type, status: outcome.status });
  }
}
