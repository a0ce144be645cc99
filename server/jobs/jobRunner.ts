/**
 * Background jobs stored in the `jobs` collection and run by whichever server claims them first
 * (an atomic findOneAndUpdate with a lease), so several stateless servers can share one queue. A job
 * whose server died is reclaimed once its lease's heartbeat counter has stood still for a lease period
 * of the claiming server's own monotonic clock (processors/leaseClock.ts: no wall clocks compared) —
 * at once on the embedded store when the owner is not alive in this process (only one process can
 * open it) — and resumes from its last checkpoint. While a step runs, a heartbeat renews the lease, so
 * a long step is never taken for a dead one and run twice. Every write of a run (heartbeat, progress,
 * checkpoint, outcome) is fenced on the owner and the attempt number, so a run whose job was taken
 * over can no longer write anything. A job that keeps being started without saving progress (it takes
 * its runs down) is quarantined after `maxAttempts` instead of looping.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { isLiveOwner, LeaseObserver, registerLiveOwner, unregisterLiveOwner } from '../processors/leaseClock';
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
  /** Set by kill(): runs write nothing more (a dead server cannot). */
  private isKilled = false;
  private readonly observer = new LeaseObserver();
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
  async enqueue(input: {
    type: string;
    params: Record<string, unknown>;
    createdBy: string;
    total?: number;
    id?: string;
  }): Promise<JobDocument> {
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
    const queued = await this.jobs.findOneAndUpdate(
      { _id: id, status: { $in: ['queued', 'quarantined'] } },
      { $set: { status: 'cancelled', finishedAt: now, updatedAt: now } },
    );
    if (queued) return queued;
    const running = await this.jobs.findOneAndUpdate({ _id: id, status: 'running' }, { $set: { cancelRequested: true, updatedAt: now } });
    this.active.get(id)?.controller.abort();
    return running ?? this.jobs.findOne({ _id: id });
  }

  /** Starts polling; on the embedded store, jobs left running by a previous process are reclaimed at once. */
  async start(): Promise<void> {
    this.stopped = false;
    const { store } = this.options.services;
    registerLiveOwner(store, this.owner);
    if (store.kind === 'embedded') {
      // Only one process opens an embedded store: a running job whose owner is not alive here was left by a previous process.
      const running = await this.jobs.find({ status: 'running' }, { projection: { _id: 1, lease: 1, attempts: 1 } });
      for (const job of running) {
        if (job.lease && isLiveOwner(store, job.lease.owner)) continue;
        await this.jobs.updateOne(
          { _id: job._id, status: 'running', attempts: job.attempts },
          { $unset: { lease: '' }, $set: { status: 'queued', updatedAt: new Date().toISOString() } },
        );
      }
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
    unregisterLiveOwner(this.options.services.store, this.owner);
  }

  /**
   * Stops as a crashed server would: runs end where they are, nothing is handed back, leases stay
   * until they expire and another server takes the jobs over (for tests of exactly that).
   */
  async kill(): Promise<void> {
    this.stopped = true;
    this.isKilled = true;
    if (this.timer) clearInterval(this.timer);
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
      const job = (await this.claimQueued()) ?? (await this.claimAbandoned());
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

  private claimUpdate(now: string) {
    return {
      $set: { status: 'running', lease: { owner: this.owner, beat: 0 }, updatedAt: now },
      $inc: { attempts: 1, stalledAttempts: 1 },
    };
  }

  private async claimQueued(): Promise<JobDocument | null> {
    return this.jobs.findOneAndUpdate(
      // Never a second run of a job this runner is already running, whatever the store says.
      { type: { $in: [...this.handlers.keys()] }, _id: { $nin: [...this.active.keys()] }, status: 'queued' },
      this.claimUpdate(new Date().toISOString()),
      { sort: { createdAt: 1 } },
    );
  }

  /** Takes over a running job whose heartbeat has stood still for a lease period (compare-and-set on owner, beat and attempt). */
  private async claimAbandoned(): Promise<JobDocument | null> {
    const { store } = this.options.services;
    const running = await this.jobs.find(
      { type: { $in: [...this.handlers.keys()] }, _id: { $nin: [...this.active.keys()] }, status: 'running' },
      { projection: { _id: 1, lease: 1, attempts: 1 }, sort: { createdAt: 1 } },
    );
    for (const job of running) {
      // Leases written by an older release have no counter (null matches the missing field).
      const lease = job.lease ? { owner: job.lease.owner, beat: job.lease.beat ?? null } : { owner: '', beat: null };
      const isAbandoned =
        lease.owner === this.owner ||
        (store.kind === 'embedded' && !isLiveOwner(store, lease.owner)) ||
        this.observer.hasExpired(
          job._id,
          { owner: lease.owner, token: job.attempts, beat: lease.beat ?? -1 },
          { leaseMs: this.leaseMs, maxGapMs: Math.max(this.leaseMs / 2, 4 * POLL_MS) },
        );
      if (!isAbandoned) continue;
      const filter: Record<string, unknown> = { _id: job._id, status: 'running', attempts: job.attempts };
      if (job.lease) Object.assign(filter, { 'lease.owner': lease.owner, 'lease.beat': lease.beat });
      else filter.lease = { $exists: false };
      const claimed = await this.jobs.findOneAndUpdate(filter, this.claimUpdate(new Date().toISOString()));
      this.observer.forget(job._id);
      if (claimed) {
        this.logger.warn('job taken over from a server whose lease expired', {
          jobId: job._id,
          from: lease.owner,
          attempt: claimed.attempts,
        });
        return claimed;
      }
    }
    return null;
  }

  /** Parks a job that was started too often without progress, with the reason, until someone cancels it. */
  private async quarantine(job: JobDocument): Promise<void> {
    const now = new Date().toISOString();
    const starts = (job.stalledAttempts ?? 1) - 1;
    const error = {
      code: 'JOB_QUARANTINED',
      message: `The job was started ${starts} times without saving progress (each run ended without finishing, e.g. the server stopped under it); it is not started again. Cancel it, fix the cause (the server log names each run), and submit it again.`,
    };
    await this.jobs.updateOne(this.fenced(job), {
      $set: { status: 'quarantined', quarantinedAt: now, updatedAt: now, error },
      $unset: { lease: '' },
      $inc: { attempts: -1, stalledAttempts: -1 },
    });
    this.logger.error('job quarantined', { jobId: job._id, type: job.type, attempts: job.attempts - 1, reason: error.code });
  }

  /** The filter every write of a run goes through: this runner still owns this attempt of the job. */
  private fenced(job: JobDocument): Record<string, unknown> {
    return { _id: job._id, 'lease.owner': this.owner, attempts: job.attempts };
  }

  /** Increments the lease's heartbeat counter; a lost lease or a cancel request aborts the run. */
  private async beat(job: JobDocument, controller: AbortController): Promise<void> {
    if (this.isKilled) return;
    const renewed = await this.jobs.findOneAndUpdate(this.fenced(job), { $inc: { 'lease.beat': 1 } });
    if (!renewed) {
      this.logger.warn('job lease lost; stopping this run', { jobId: job._id });
      controller.abort();
    } else if (renewed.cancelRequested) {
      controller.abort();
    }
  }

  /** Renews the lease every third of its length while a step runs. */
  private startHeartbeat(job: JobDocument, controller: AbortController): () => void {
    const timer = setInterval(
      () => {
        this.beat(job, controller).catch((error: unknown) =>
          this.logger.warn('job heartbeat failed', { jobId: job._id, error: String(error) }),
        );
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
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
    await this.jobs.updateOne(this.fenced(job), { $set: { startedAt } });
    this.logger.info('job started', { jobId: job._id, type: job.type, attempt: job.attempts, resumed: job.checkpoint !== undefined });
    const report = async (progress: Partial<JobProgress>, checkpoint?: unknown): Promise<void> => {
      runSeconds += (Date.now() - segmentStart) / 1000;
      segmentStart = Date.now();
      if (this.isKilled) throw new JobCancelledError();
      const set: Record<string, unknown> = { updatedAt: new Date().toISOString(), runSeconds };
      for (const [key, value] of Object.entries(progress)) set[`progress.${key}`] = value;
      if (checkpoint !== undefined) {
        set.checkpoint = checkpoint;
        // Progress saved: this run counts as the only start without progress so far.
        set.stalledAttempts = 1;
      }
      // Fenced on the attempt: a run whose job was taken over cannot move the checkpoint.
      const updated = await this.jobs.findOneAndUpdate(this.fenced(job), { $set: set, $inc: { 'lease.beat': 1 } });
      if (!updated || updated.cancelRequested) {
        controller.abort();
        throw new JobCancelledError();
      }
      if (controller.signal.aborted) throw new JobCancelledError();
    };
    try {
      const heartbeat = () => this.beat(job, controller);
      const result = await handler.run({
        job: job as never,
        services: this.options.services,
        checkpoint: job.checkpoint,
        report,
        heartbeat,
        signal: controller.signal,
      });
      await this.finish(job, { status: 'succeeded', result, runSeconds: runSeconds + (Date.now() - segmentStart) / 1000 });
    } catch (error) {
      if (this.isKilled) return;
      const current = await this.jobs.findOne({ _id: job._id });
      if (error instanceof JobCancelledError || controller.signal.aborted) {
        if (current?.cancelRequested) {
          await this.finish(job, { status: 'cancelled', runSeconds });
        } else if (current?.lease?.owner === this.owner && current.attempts === job.attempts) {
          // Interrupted by shutdown: hand the job back so the next server (or restart) resumes it.
          // A clean hand-back is not a failed start, so it does not count towards quarantine.
          await this.jobs.updateOne(this.fenced(job), {
            $set: { status: 'queued', runSeconds, updatedAt: new Date().toISOString() },
            $unset: { lease: '' },
            $inc: { stalledAttempts: -1 },
          });
        }
        return;
      }
      this.logger.error('job failed', { jobId: job._id, type: job.type, error: error instanceof Error ? error.stack : String(error) });
      const code = typeof (error as { code?: unknown }).code === 'string' ? String((error as { code: string }).code) : 'JOB_FAILED';
      const message =
        error instanceof Error && 'status' in error ? error.message : 'The job failed unexpectedly; see the server log for the job id.';
      await this.finish(job, { status: 'failed', error: { code, message }, runSeconds });
    }
  }

  private async finish(
    job: JobDocument,
    outcome: { status: 'succeeded' | 'failed' | 'cancelled'; result?: unknown; error?: JobDocument['error']; runSeconds: number },
  ): Promise<void> {
    if (this.isKilled) return;
    const now = new Date().toISOString();
    await this.jobs.updateOne(this.fenced(job), {
      $set: {
        status: outcome.status,
        finishedAt: now,
        updatedAt: now,
        runSeconds: outcome.runSeconds,
        ...(outcome.result !== undefined ? { result: outcome.result } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      },
      $unset: { lease: '' },
    });
    this.logger.info('job finished', { jobId: job._id, type: job.type, status: outcome.status });
  }
}
