/**
 * Training is cooperative (issue 9): a training job on a few thousand records pauses for the event loop,
 * so the server answers /healthz and the jobs API while the job runs, and the progress the job reports
 * moves between two answers. The cooperative run gives exactly the synchronous run's estimates.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { SOURCE_RECORDS } from '../../server/golden/collections';
import type { SourceRecordDocument } from '../../server/golden/types';
import { loadRules } from '../../server/matching';
import { trainFellegiSunter, trainFellegiSunterAsync, type TrainingProgress } from '../../server/matching/training';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const RECORDS = 3000;

interface JobView {
  id: string;
  status: string;
  progress: { phase?: string; done: number; total?: number };
  error?: { code: string; message: string };
}

/** The phases the training job reports while it estimates (server/matching/trainRules.ts). */
const TRAINING_PHASES = [
  'preparing records',
  'estimating u (random pairs)',
  'blocking candidate pairs',
  'comparing candidate pairs',
  'estimating m (EM iterations)',
];

test(
  'a training job on 3,000 items leaves /healthz answering: the job progress moves between health answers',
  { timeout: 300_000 },
  async () => {
    // The domain's source records, stored as ingest leaves them (each its own golden record).
    const { records } = generateItems({ count: RECORDS, seed: 11 });
    const now = new Date().toISOString();
    const documents: SourceRecordDocument[] = records.map(({ sourceId, ...canonical }, i) => ({
      _id: `src-${i}`,
      domain: 'item',
      source: 'erp',
      sourceId,
      goldenId: `golden-${i}`,
      raw: canonical,
      canonical,
      payloadHash: `hash-${i}`,
      mappingVersion: 1,
      schemaVersion: '1',
      receivedAt: now,
      updatedAt: now,
      version: 1,
    }));
    await server.running.services.store.collection<SourceRecordDocument>(SOURCE_RECORDS).insertMany(documents);

    const started = await server.request<JobView>('POST', '/api/v1/matching/item/train', { body: { seed: 3 } });
    expect(started.status, started.text).toBe(202);
    // Health, then the job, again and again until the job ends (a deadline guards against a hang only).
    const progressBetweenAnswers: string[] = [];
    const deadline = Date.now() + 240_000;
    let job: JobView;
    for (;;) {
      const health = await server.request<{ status: string }>('GET', '/healthz', { key: null });
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');
      job = (await server.request<JobView>('GET', `/api/v1/jobs/${started.body.id}`)).body;
      if (job.status !== 'queued' && job.status !== 'running') break;
      if (TRAINING_PHASES.includes(job.progress.phase ?? '')) progressBetweenAnswers.push(`${job.progress.phase} ${job.progress.done}`);
      if (Date.now() > deadline) throw new Error(`the training job did not end: ${JSON.stringify(job)}`);
    }
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    // A synchronous training would hold the event loop from its first unit to its last: no answer in between,
    // so no training progress seen at all. Cooperative: several distinct points, in more than one phase.
    const distinct = [...new Set(progressBetweenAnswers)];
    expect(distinct.length).toBeGreaterThan(2);
    expect(new Set(distinct.map((point) => point.replace(/ \d+$/, ''))).size).toBeGreaterThan(1);
  },
);

// Trains twice on 1,500 records: well under a minute alone, longer on a shared machine (a harness limit, not a timing assertion).
test('the cooperative training pauses and gives exactly the synchronous estimates', async () => {
  const { records } = generateItems({ count: 1500, seed: 5 });
  const rules = await loadRules('item');
  const expected = trainFellegiSunter({ records, rules: rules.rules, options: { seed: 9 }, version: 'v-test' });
  const pauses: TrainingProgress[] = [];
  const actual = await trainFellegiSunterAsync({
    records,
    rules: rules.rules,
    options: { seed: 9 },
    version: 'v-test',
    yieldEvery: 500,
    onYield: (progress) => {
      pauses.push(progress);
    },
  });
  expect(actual).toEqual(expected);
  // Every phase paused at least once, and the done counts of a phase never go back.
  expect(new Set(pauses.map((p) => p.phase))).toEqual(new Set(['prepare', 'randomPairs', 'block', 'candidatePairs', 'em']));
  for (let i = 1; i < pauses.length; i++)
    if (at(pauses, i).phase === at(pauses, i - 1).phase) expect(at(pauses, i).done).toBeGreaterThanOrEqual(at(pauses, i - 1).done);
}, 120_000);
