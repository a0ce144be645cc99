/**
 * Issue 12 evidence: two and three app instances (each with its own job runner, processors and
 * dispatcher) over ONE shared store, ingesting, stewarding and re-matching concurrently. Every change
 * reaches each consumer exactly once and in order; no task or exception is opened twice; a job never
 * runs twice at once; a killed instance's jobs and processor cursors are taken over after its lease.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { CHANGE_QUEUE } from '../../server/golden/collections';
import { TASKS } from '../../server/stewardship/collections';
import { lastSequenced, cursorOf } from '../../server/golden/changeFeed';
import type { JobDocument, JobHandler } from '../../server/jobs/types';
import { PROCESSORS, type ChangeFeedProcessor, type ProcessorDocument } from '../../server/processors';
import type { TaskDocument } from '../../server/stewardship/types';
import type { IngestExceptionDocument } from '../../server/exceptions/types';
import { INGEST_EXCEPTIONS } from '../../server/exceptions/collections';
import { JOBS_COLLECTION } from '../../server/jobs/collections';
import { ERP_ITEM_EXPRESSION, erpItemRow, publishMapping, toNdjson } from '../support/factories/ingest';
import { createReviewPair } from '../support/factories/stewardship';
import { startCluster, type AppInstance, type Cluster } from '../support/multiInstance';
import type { TestServer } from '../support/testServer';
import { waitFor } from '../support/webhookReceiver';
import { at, firstOf } from '../support/must';

// Leases long enough that a busy test process (three servers on a shared machine) does not look dead,
// short enough that a take-over happens within the test.
const ENV = { MDM_PROCESSOR_LEASE_MS: '1500', MDM_JOB_LEASE_MS: '3000' };
const RECORDED = 'testRecordedChanges';
const PROBE_JOB = 'test-probe';

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

/** Every recorder pass, in the order passes committed (one counter for the whole process). */
let recordOrder = 0;

/** A consumer declared on every instance: writes what it handled in the transaction that moves its cursor. */
function recorder(instance: string): ChangeFeedProcessor {
  return {
    name: 'test-recorder',
    kind: 'changes',
    batchSize: 7,
    intervalMs: 30,
    handle: async ({ services, changes, session }) => {
      const docs = changes.map((change) => ({ _id: randomUUID(), cursor: change._id, instance, order: ++recordOrder }));
      await services.store.collection(RECORDED).insertMany(docs, { session });
    },
  };
}

/** Runs of each probe job in progress right now, and the most ever seen at once. */
const activeRuns = new Map<string, number>();
const maxRuns = new Map<string, number>();
const stepLog: Array<{ jobId: string; step: number; attempt: number }> = [];
const gates = new Map<string, { promise: Promise<void>; open: () => void }>();

function gate(key: string): { promise: Promise<void>; open: () => void } {
  let entry = gates.get(key);
  if (!entry) {
    let open: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (open = resolve));
    entry = { promise, open };
    gates.set(key, entry);
  }
  return entry;
}

/** A job of `steps` checkpointed steps; a step named in params.gateAt waits for its gate (or the run's abort). */
const probeJob: JobHandler<{ steps: number; gateAt?: number }> = {
  type: PROBE_JOB,
  async run({ job, checkpoint, report, signal }) {
    const runs = (activeRuns.get(job._id) ?? 0) + 1;
    activeRuns.set(job._id, runs);
    maxRuns.set(job._id, Math.max(maxRuns.get(job._id) ?? 0, runs));
    try {
      for (let step = typeof checkpoint === 'number' ? checkpoint : 0; step < job.params.steps; step++) {
        if (job.params.gateAt === step) {
          const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
          await Promise.race([gate(`${job._id}:${step}`).promise, aborted]);
          signal.throwIfAborted();
        }
        stepLog.push({ jobId: job._id, step, attempt: job.attempts });
        await report({ done: step + 1, total: job.params.steps }, step + 1);
      }
      return { steps: job.params.steps };
    } finally {
      activeRuns.set(job._id, (activeRuns.get(job._id) ?? 1) - 1);
    }
  },
};

function declareTestConsumers(instance: AppInstance): void {
  instance.running.services.processors.register(recorder(instance.name));
  instance.running.services.jobs.register(probeJob);
}

const asServer = (instance: AppInstance) => ({ running: instance.running, request: instance.request }) as unknown as TestServer;

async function ingestRows(instance: AppInstance, rows: Array<Record<string, string>>) {
  const response = await instance.request<{ totals: Record<string, number> }>('POST', '/api/v1/ingest/erp/item', {
    raw: toNdjson(rows),
    contentType: 'application/x-ndjson',
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** Waits until every change is numbered and every change-feed processor's cursor is at the end. */
async function settle(c: Cluster, live: AppInstance, names: string[]): Promise<number> {
  return waitFor(
    'processors to catch up',
    async () => {
      if ((await c.store.collection(CHANGE_QUEUE).countDocuments({})) > 0) return false;
      const last = await lastSequenced(c.store);
      const documents = await c.store.collection<ProcessorDocument>(PROCESSORS).find({ _id: { $in: names } });
      const caughtUp = documents.length === names.length && documents.every((d) => d.cursor === cursorOf(last));
      // The live instance keeps running: a pass in flight finishes before we compare.
      return caughtUp && live ? last : false;
    },
    60_000,
  );
}

async function expectExactlyOnceInOrder(c: Cluster, last: number): Promise<void> {
  const recorded = await c.store.collection<{ _id: string; cursor: string; order: number }>(RECORDED).find({});
  const inOrder = [...recorded].sort((a, b) => a.order - b.order).map((r) => Number(r.cursor));
  expect(inOrder).toEqual(Array.from({ length: last }, (_, i) => i + 1));
}

async function expectNoDuplicateTasksOrExceptions(c: Cluster): Promise<void> {
  const open = await c.store.collection<TaskDocument>(TASKS).find({ status: 'open' });
  const keyOf = (t: TaskDocument) =>
    t.type === 'potential-match'
      ? `pm|${t.subject.sourceRecordId}`
      : t.type === 'survivorship-conflict'
        ? `sc|${t.subject.goldenId}|${t.subject.attribute}`
        : t.type === 'data-quality'
          ? `dq|${t.subject.exceptionId}`
          : `other|${t._id}`;
  const keys = open.map(keyOf);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  const exceptions = await c.store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS).find({ status: 'open' });
  const hashes = exceptions.map((e) => e.rawHash);
  expect(hashes.filter((h, i) => hashes.indexOf(h) !== i)).toEqual([]);
}

test(
  'three instances ingest, steward and re-match at once: each change once and in order, no duplicates, no job run twice at once',
  { timeout: 300_000 },
  async () => {
    cluster = await startCluster({ count: 3, env: ENV });
    const [one, two, three] = firstOf(cluster.instances, 3);
    for (const instance of cluster.instances) declareTestConsumers(instance);
    await publishMapping(asServer(one), { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    const pairs = [];
    for (let i = 0; i < 3; i++) pairs.push(await createReviewPair(asServer(one)));

    const bad = erpItemRow({ GTIN: 'not-a-gtin' });
    const probes = await Promise.all(
      cluster.instances.map((instance) =>
        instance.running.services.jobs.enqueue({ type: PROBE_JOB, params: { steps: 6 }, createdBy: 'test' }),
      ),
    );
    const [ingests, merges, rematches] = await Promise.all([
      // Every instance ingests its own rows and the same bad row.
      Promise.all(cluster.instances.map((instance) => ingestRows(instance, [...Array.from({ length: 15 }, () => erpItemRow()), bad]))),
      // Every instance tries to merge every review task at once.
      Promise.all(
        pairs.flatMap((pair) =>
          cluster!.instances.map((instance) =>
            instance.request('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
              body: { expectedVersion: pair.task.version, reason: 'same item' },
            }),
          ),
        ),
      ),
      // Two instances start a re-match of the domain.
      Promise.all(
        [two, three].map((instance) =>
          instance.request<{ id: string }>('POST', '/api/v1/matching/item/rematch', { body: { reason: 'rules changed' } }),
        ),
      ),
    ]);
    expect(ingests.map((r) => r.totals.exceptions)).toEqual([1, 1, 1]);
    // Per task: exactly one instance merged it; the others were told it had changed.
    for (let i = 0; i < pairs.length; i++) {
      const statuses = merges
        .slice(i * 3, i * 3 + 3)
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual([200, 409, 409]);
    }
    for (const response of rematches) expect(response.status, response.text).toBe(202);
    const jobIds = [...probes.map((p) => p._id), ...rematches.map((r) => r.body.id)];
    for (const id of jobIds) expect((await one.running.services.jobs.waitFor(id)).status).toBe('succeeded');

    const last = await settle(cluster, three, ['test-recorder', 'search-index', 'task-sync']);
    await expectExactlyOnceInOrder(cluster, last);
    const instancesThatRecorded = new Set(
      (await cluster.store.collection<{ _id: string; instance: string }>(RECORDED).find({})).map((r) => r.instance),
    );
    expect(instancesThatRecorded.size).toBeGreaterThanOrEqual(1);
    // The public feed is dense, in order, and what the consumer saw.
    const feed: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await two.request<{ items: Array<{ cursor: string }>; nextCursor: string }>(
        'GET',
        `/api/v1/changes?limit=500${cursor ? `&after=${cursor}` : ''}`,
      );
      if (page.body.items.length === 0) break;
      feed.push(...page.body.items.map((item) => item.cursor));
      cursor = page.body.nextCursor;
    }
    expect(feed).toEqual(Array.from({ length: last }, (_, i) => cursorOf(i + 1)));

    await expectNoDuplicateTasksOrExceptions(cluster);
    const badException = await cluster.store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS).find({ status: 'open' });
    expect(badException.map((e) => e.occurrences)).toEqual([3]);
    for (const probe of probes) {
      // Never two runs at once; every step done (a step may repeat only in a later attempt, from the checkpoint).
      expect(maxRuns.get(probe._id)).toBe(1);
      const steps = stepLog.filter((s) => s.jobId === probe._id);
      expect(new Set(steps.map((s) => s.step))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
      expect(steps.map((s) => s.attempt)).toEqual([...steps.map((s) => s.attempt)].sort((a, b) => a - b));
    }
    // Merged pairs: each survivor holds both records, once.
    for (const pair of pairs) {
      const golden = await one.request<{ sourceRecordIds: string[]; status: string }>('GET', `/api/v1/golden/item/${pair.masterGoldenId}`);
      expect(golden.body.status).toBe('active');
      expect([...golden.body.sourceRecordIds].sort()).toEqual([pair.masterRecordId, pair.feedRecordId].sort());
    }
  },
);

test(
  'a killed instance: its job resumes on the other after its lease from the checkpoint, its processor cursors are taken over, nothing is skipped or repeated',
  { timeout: 300_000 },
  async () => {
    cluster = await startCluster({ count: 1, env: ENV });
    const first = at(cluster.instances, 0);
    declareTestConsumers(first);
    await publishMapping(asServer(first), { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    await ingestRows(
      first,
      Array.from({ length: 10 }, () => erpItemRow()),
    );
    const firstRunner = first.running.services.processors;
    await waitFor(
      'the first instance to hold the sequencer and the recorder',
      () => firstRunner.isHolding('change-sequencer') && firstRunner.isHolding('test-recorder'),
    );
    const job = await first.running.services.jobs.enqueue({ type: PROBE_JOB, params: { steps: 5, gateAt: 2 }, createdBy: 'test' });
    await waitFor('the probe to reach its gate on the first instance', () => stepLog.filter((s) => s.jobId === job._id).length === 2);

    const second = await cluster.startInstance('instance-2');
    declareTestConsumers(second);
    const tokensBefore = new Map((await cluster.store.collection<ProcessorDocument>(PROCESSORS).find({})).map((d) => [d._id, d.token]));
    await first.kill();
    gate(`${job._id}:2`).open();
    // Writes go on through the survivor while the dead instance still holds its leases.
    await ingestRows(
      second,
      Array.from({ length: 10 }, () => erpItemRow()),
    );

    const secondRunner = second.running.services.processors;
    await waitFor(
      'the second instance to take over the processors',
      () => ['change-sequencer', 'search-index', 'task-sync', 'test-recorder'].every((name) => secondRunner.isHolding(name)),
      60_000,
    );
    const finished = await second.running.services.jobs.waitFor(job._id, 60_000);
    expect(finished).toMatchObject({ status: 'succeeded', attempts: 2 });
    // Steps saved before the kill ran once; the second attempt resumed at the checkpoint.
    expect(stepLog.filter((s) => s.jobId === job._id).map((s) => [s.step, s.attempt])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
    expect(maxRuns.get(job._id)).toBe(1);
    const stored = await cluster.store.collection<JobDocument>(JOBS_COLLECTION).findOne({ _id: job._id });
    expect(stored?.lease).toBeUndefined();

    const last = await settle(cluster, second, ['test-recorder', 'search-index', 'task-sync']);
    await expectExactlyOnceInOrder(cluster, last);
    const documents = await cluster.store
      .collection<ProcessorDocument>(PROCESSORS)
      .find({ _id: { $in: ['change-sequencer', 'test-recorder'] } });
    for (const document of documents) {
      expect(document.owner).toBe(secondRunner.owner);
      expect(document.token).toBeGreaterThan(tokensBefore.get(document._id) ?? 0);
    }
    const recorders = new Set(
      (await cluster.store.collection<{ _id: string; instance: string }>(RECORDED).find({})).map((r) => r.instance),
    );
    expect(recorders).toEqual(new Set(['instance-1', 'instance-2']));
    await expectNoDuplicateTasksOrExceptions(cluster);
  },
);
