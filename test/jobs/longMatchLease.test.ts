/**
 * Issue 12 defect 6: a job whose batch match runs longer than its lease keeps the lease. The cooperative
 * matcher pauses for the event loop, so the runner's heartbeat timer renews the lease during the match,
 * and a second runner polling the same store never takes the job over.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { loadConfig } from '../../server/config';
import { JOBS_COLLECTION } from '../../server/jobs/collections';
import { JobRunner } from '../../server/jobs/jobRunner';
import type { JobDocument, JobHandler } from '../../server/jobs/types';
import { createLogger } from '../../server/logger';
import { batchMatch, batchMatchAsync, loadRules } from '../../server/matching';
import { MetricsRegistry } from '../../server/metrics/registry';
import type { AppServices } from '../../server/services';
import { openStore } from '../../server/store';
import { at } from '../support/must';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const LEASE_MS = 300;

test(
  'a batch match longer than the job lease keeps the lease: heartbeats during the match, one run, no take-over',
  { timeout: 300_000 },
  async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-long-match-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const logger = createLogger({ silent: true });
    const store = await openStore({ dataDir, logger });
    cleanups.push(() => store.close());
    const services = { config: loadConfig({ MDM_DATA_DIR: dataDir }), store, logger, metrics: new MetricsRegistry() } as AppServices;
    const jobs = store.collection<JobDocument>(JOBS_COLLECTION);

    const rules = await loadRules('item');
    const { records } = generateItems({ count: 3000, seed: 7 });
    const expected = batchMatch({ records, rules });

    // The lease's heartbeat counter as the matcher sees it at each of its pauses.
    const beatsDuringMatch: number[] = [];
    const starts: string[] = [];
    const handler = (runner: string): JobHandler<Record<string, unknown>> => ({
      type: 'long-match',
      async run({ job, signal }) {
        starts.push(runner);
        const observe = async () => {
          signal.throwIfAborted();
          const current = await jobs.findOne({ _id: job._id });
          beatsDuringMatch.push(current?.lease?.beat ?? -1);
        };
        // One step made of whole batch matches, repeated until the lease was renewed more than a lease
        // period's worth of heartbeats (one every third of the lease) during matching: the step is then
        // provably longer than the lease, however fast the machine.
        let result = await batchMatchAsync({ records, rules, yieldEvery: 250, onYield: observe });
        for (let pass = 1; pass < 50 && beatsDuringMatch.at(-1)! - at(beatsDuringMatch, 0) < 4; pass++) {
          result = await batchMatchAsync({ records, rules, yieldEvery: 250, onYield: observe });
        }
        return { pairsCompared: result.pairsCompared, clusters: result.clusters, reviewPairs: result.reviewPairs };
      },
    });

    const first = new JobRunner({ services, leaseMs: LEASE_MS });
    first.register(handler('first'));
    await first.start();
    cleanups.push(() => first.stop());
    const job = await first.enqueue({ type: 'long-match', params: {}, createdBy: 'test' });
    // The first runner claims it within a poll; only then does the second one start polling.
    const deadline = Date.now() + 60_000;
    while (starts.length === 0) {
      if (Date.now() > deadline) throw new Error('the job was never started');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const second = new JobRunner({ services, leaseMs: LEASE_MS });
    second.register(handler('second'));
    await second.start();
    cleanups.push(() => second.stop());

    const finished = await first.waitFor(job._id, 240_000);
    expect(finished.status).toBe('succeeded');
    expect(finished.attempts).toBe(1);
    expect(starts).toEqual(['first']);
    // Heartbeats landed while the match ran: more than a lease period of them.
    expect(beatsDuringMatch.at(-1)! - at(beatsDuringMatch, 0)).toBeGreaterThanOrEqual(4);
    expect(beatsDuringMatch.every((beat, i) => i === 0 || beat >= at(beatsDuringMatch, i - 1))).toBe(true);
    // The cooperative match gives the synchronous matcher's result.
    expect(finished.result).toEqual({
      pairsCompared: expected.pairsCompared,
      clusters: expected.clusters,
      reviewPairs: expected.reviewPairs,
    });
  },
);
