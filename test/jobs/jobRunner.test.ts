/** The job runner on the real embedded store: progress, checkpoints, resume after a restart, cancel, failure. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadConfig } from '../../server/config';
import { JobRunner } from '../../server/jobs/jobRunner';
import type { JobHandler } from '../../server/jobs/types';
import { createLogger } from '../../server/logger';
import { MetricsRegistry } from '../../server/metrics/registry';
import type { AppServices } from '../../server/services';
import { openStore } from '../../server/store';
import { presentJob } from '../../server/jobs/presenter';
import { BadRequestError } from '../../server/errors';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function openServices(dataDir: string): Promise<AppServices> {
  const logger = createLogger({ silent: true });
  const store = await openStore({ dataDir, logger });
  const services = { config: loadConfig({ MDM_DATA_DIR: dataDir }), store, logger, metrics: new MetricsRegistry() } as AppServices;
  services.jobs = new JobRunner({ services });
  return services;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mdm-jobs-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Counts to `total` in steps, recording every unit it processes so the test can check nothing repeats. */
/**
 * Counts to `total`; with `stopAt` and `gate` it waits at `stopAt` for the gate, calling `onStopped`
 * first (the test's event that the job got there, instead of polling for it).
 */
function countingHandler(
  processed: number[],
  options: { stopAt?: number; gate?: Promise<void>; onStopped?: () => void } = {},
): JobHandler<{ total: number }> {
  return {
    type: 'count',
    async run({ job, checkpoint, report, signal }) {
      let next = typeof checkpoint === 'number' ? checkpoint : 0;
      while (next < job.params.total) {
        if (options.stopAt !== undefined && next >= options.stopAt && options.gate) {
          options.onStopped?.();
          await options.gate;
        }
        signal.throwIfAborted();
        processed.push(next);
        next += 1;
        await report({ done: next, total: job.params.total }, next);
      }
      return { counted: next };
    },
  };
}

test('a job reports progress and its result', async () => {
  const services = await openServices(await tempDir());
  cleanups.push(() => services.store.close());
  const processed: number[] = [];
  services.jobs.register(countingHandler(processed));
  await services.jobs.start();
  cleanups.push(() => services.jobs.stop());
  const job = await services.jobs.enqueue({ type: 'count', params: { total: 25 }, createdBy: 'test' });
  const finished = await services.jobs.waitFor(job._id);
  expect(finished.status).toBe('succeeded');
  expect(finished.result).toEqual({ counted: 25 });
  expect(presentJob(finished).progress).toMatchObject({ done: 25, total: 25, failed: 0, percent: 100 });
  expect(processed).toEqual([...Array(25).keys()]);
});

test('a job interrupted by a shutdown resumes from its checkpoint without repeating work', async () => {
  const dataDir = await tempDir();
  const first = await openServices(dataDir);
  const processed: number[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let stopped: () => void = () => undefined;
  const isAtGate = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  first.jobs.register(countingHandler(processed, { stopAt: 10, gate, onStopped: stopped }));
  await first.jobs.start();
  const job = await first.jobs.enqueue({ type: 'count', params: { total: 30 }, createdBy: 'test' });
  await isAtGate;
  expect(processed).toHaveLength(10);
  const stopping = first.jobs.stop();
  release();
  await stopping;
  await first.store.close();

  const second = await openServices(dataDir);
  cleanups.push(() => second.store.close());
  second.jobs.register(countingHandler(processed));
  await second.jobs.start();
  cleanups.push(() => second.jobs.stop());
  const finished = await second.jobs.waitFor(job._id);
  expect(finished.status).toBe('succeeded');
  expect(finished.attempts).toBe(2);
  expect(processed).toEqual([...Array(30).keys()]);
});

test('cancelling a queued job and a running job', async () => {
  const services = await openServices(await tempDir());
  cleanups.push(() => services.store.close());
  const queued = await services.jobs.enqueue({ type: 'count', params: { total: 5 }, createdBy: 'test' });
  expect((await services.jobs.cancel(queued._id))?.status).toBe('cancelled');

  const processed: number[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let stopped: () => void = () => undefined;
  const isAtGate = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  services.jobs.register(countingHandler(processed, { stopAt: 3, gate, onStopped: stopped }));
  await services.jobs.start();
  cleanups.push(() => services.jobs.stop());
  const running = await services.jobs.enqueue({ type: 'count', params: { total: 100 }, createdBy: 'test' });
  await isAtGate;
  expect(processed).toHaveLength(3);
  await services.jobs.cancel(running._id);
  release();
  const finished = await services.jobs.waitFor(running._id);
  expect(finished.status).toBe('cancelled');
  expect(processed.length).toBeLessThan(100);
});

test('a failing job records a safe error', async () => {
  const services = await openServices(await tempDir());
  cleanups.push(() => services.store.close());
  services.jobs.register({
    type: 'explode',
    async run() {
      throw new Error('internal detail');
    },
  });
  services.jobs.register({
    type: 'refuse',
    async run() {
      throw new BadRequestError('FILE_EMPTY', 'The uploaded file has no records.');
    },
  });
  await services.jobs.start();
  cleanups.push(() => services.jobs.stop());
  const exploded = await services.jobs.waitFor((await services.jobs.enqueue({ type: 'explode', params: {}, createdBy: 't' }))._id);
  expect(exploded.status).toBe('failed');
  expect(exploded.error?.code).toBe('JOB_FAILED');
  expect(exploded.error?.message).not.toContain('internal detail');
  const refused = await services.jobs.waitFor((await services.jobs.enqueue({ type: 'refuse', params: {}, createdBy: 't' }))._id);
  expect(refused.error).toEqual({ code: 'FILE_EMPTY', message: 'The uploaded file has no records.' });
});
