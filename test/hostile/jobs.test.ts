/**
 * Issue 11 items 2 and 10 through the public API: a poisoned upload job, a job that keeps dying
 * under its server (quarantine), a step longer than the job lease, and stopping mid-step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN_KEY, type TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import { expectHealthy, expectStillServing, pollUntil, publishNormalMapping } from './runtimeSupport';

interface JobView {
  id: string;
  status: string;
  attempts: number;
  progress: { done: number; failed: number };
  result: { totals: { received: number; accepted: number; unchanged: number; exceptions: number } } | null;
  error: { code: string; message: string } | null;
}

const LOOP_EXPRESSION = `LOOP = 'Y' ? ($f := function(){ $f() }; $f()) : ${ERP_ITEM_EXPRESSION}`;

async function startUpload(server: { request: TestServer['request'] }, input: { source: string; rows: unknown[] }): Promise<string> {
  const created = await server.request<{ jobId: string; location: string }>('POST', `/api/v1/ingest/${input.source}/item/jobs`, {
    raw: toNdjson(input.rows),
    contentType: 'application/x-ndjson',
  });
  expect(created.status).toBe(202);
  return created.body.location;
}

async function jobView(server: { request: TestServer['request'] }, location: string): Promise<JobView> {
  const response = await server.request<JobView>('GET', location);
  expect(response.status).toBe(200);
  return response.body;
}

const isResting = (job: JobView) => ['succeeded', 'failed', 'cancelled', 'quarantined'].includes(job.status);

describe('a poisoned record costs one record, not the job', () => {
  let server: TestServer;
  afterAll(async () => server?.stop());

  test('an upload job whose mapping bombs on one record succeeds with an exception for that record', { timeout: 120_000 }, async () => {
    server = await startIngestServer();
    await publishNormalMapping(server);
    await publishMapping(server, {
      source: 'poison',
      domain: 'item',
      expression: `BOMB = 'Y' ? $pad("x", 100000000, "ab") : ${ERP_ITEM_EXPRESSION}`,
    });
    const rows = [erpItemRow(), erpItemRow(), erpItemRow({ BOMB: 'Y' }), erpItemRow()];
    const location = await startUpload(server, { source: 'poison', rows });
    const job = await pollUntil(() => jobView(server, location), isResting);
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(1);
    expect(job.result?.totals).toEqual({ received: 4, accepted: 3, unchanged: 0, exceptions: 1 });
    const exceptions = await server.request<{ items: Array<{ code: string; stage: string }> }>('GET', '/api/v1/exceptions?source=poison');
    expect(exceptions.body.items.map((item) => [item.stage, item.code])).toEqual([['map', 'MAPPING_MEMORY_EXCEEDED']]);
    await expectStillServing(server);
  });
});

describe('job leases', () => {
  const dataDirs: string[] = [];
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  test(
    'a step longer than the lease runs once: the heartbeat keeps the lease, the job is not claimed a second time',
    { timeout: 120_000 },
    async () => {
      // Lease 1 s; one batch of 12 records that each run into a 250 ms clock is a step of at least 3 s.
      const server = await startIngestServer({ env: { MDM_JOB_LEASE_MS: '1000', MDM_MAPPING_TIMEOUT_MS: '250' } });
      try {
        await publishNormalMapping(server);
        await publishMapping(server, { source: 'slow', domain: 'item', expression: LOOP_EXPRESSION });
        const rows = Array.from({ length: 12 }, () => erpItemRow({ LOOP: 'Y' }));
        const location = await startUpload(server, { source: 'slow', rows });
        const job = await pollUntil(() => jobView(server, location), isResting);
        expect(job.status).toBe('succeeded');
        expect(job.attempts).toBe(1);
        expect(job.result?.totals).toEqual({ received: 12, accepted: 0, unchanged: 0, exceptions: 12 });
        const counts = await server.request<{ total: number }>('GET', '/api/v1/exceptions/counts?source=slow');
        expect(counts.body.total).toBe(12);
        await expectStillServing(server);
      } finally {
        await server.stop();
      }
    },
  );

  test(
    'stop() in the middle of a long step waits for the run to hand the job back; a new server resumes it with exact totals',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-hostile-stop-'));
      dataDirs.push(dataDir);
      const env = { MDM_JOB_LEASE_MS: '1000', MDM_MAPPING_TIMEOUT_MS: '250' };
      const first = await startIngestServer({ dataDir, env });
      await publishNormalMapping(first);
      await publishMapping(first, { source: 'slow', domain: 'item', expression: LOOP_EXPRESSION });
      const rows = [...Array.from({ length: 8 }, () => erpItemRow({ LOOP: 'Y' })), erpItemRow(), erpItemRow()];
      const location = await startUpload(first, { source: 'slow', rows });
      await pollUntil(
        () => jobView(first, location),
        (job) => job.status === 'running',
      );
      await first.stop();

      const second = await startIngestServer({ dataDir, env });
      try {
        const job = await pollUntil(() => jobView(second, location), isResting);
        expect(job.status).toBe('succeeded');
        expect(job.result?.totals).toEqual({ received: 10, accepted: 2, unchanged: 0, exceptions: 8 });
        await expectStillServing(second);
      } finally {
        await second.stop();
      }
    },
  );
});

/** A real server process (npm start's entry point) on `dataDir`, so the test can kill -9 it. */
async function startServerProcess(input: {
  dataDir: string;
  mappingsDir: string;
  env: Record<string, string>;
}): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', '..', 'server', 'main.ts')], {
    env: {
      ...process.env,
      MDM_DATA_DIR: input.dataDir,
      MDM_MAPPINGS_DIR: input.mappingsDir,
      MDM_ADMIN_KEY: TEST_ADMIN_KEY,
      MDM_SEED: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${output}`)));
  });
  return { child, baseUrl };
}

function clientOf(baseUrl: string): { baseUrl: string; request: TestServer['request'] } {
  return {
    baseUrl,
    request: async <T>(method: string, urlPath: string, options: { body?: unknown; raw?: string; contentType?: string } = {}) => {
      const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const response = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          ...(body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
        },
        body,
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: (text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T,
        text,
      };
    },
  };
}

describe('a job that keeps taking its server down is quarantined', () => {
  const children: ChildProcess[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test(
    'killed under the job twice (kill -9), the third start quarantines it with the reason; it can be cancelled and the server serves',
    { timeout: 300_000 },
    async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-hostile-quarantine-'));
      const mappingsDir = path.join(dataDir, 'mappings');
      await mkdir(path.join(mappingsDir, 'lookups'), { recursive: true });
      // Each record runs into its 2 s clock: the first batch (200 records) never reaches a checkpoint before the kill.
      const env = { MDM_JOB_MAX_ATTEMPTS: '2', MDM_MAPPING_TIMEOUT_MS: '2000' };
      const start = async () => {
        const started = await startServerProcess({ dataDir: path.join(dataDir, 'store'), mappingsDir, env });
        children.push(started.child);
        return { ...started, client: clientOf(started.baseUrl) };
      };
      const killAndWait = async (child: ChildProcess) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      };

      let running = await start();
      await publishMapping(running.client as TestServer, { source: 'crashy', domain: 'item', expression: LOOP_EXPRESSION });
      await publishNormalMapping(running.client as TestServer);
      const location = await startUpload(running.client, {
        source: 'crashy',
        rows: Array.from({ length: 300 }, () => erpItemRow({ LOOP: 'Y' })),
      });
      for (let attempt = 1; attempt <= 2; attempt++) {
        await pollUntil(
          () => jobView(running.client, location),
          (job) => job.status === 'running' && job.attempts === attempt,
        );
        await killAndWait(running.child);
        running = await start();
      }
      const job = await pollUntil(
        () => jobView(running.client, location),
        (view) => view.status !== 'queued' && view.status !== 'running',
      );
      expect(job.status).toBe('quarantined');
      expect(job.attempts).toBe(2);
      expect(job.error?.code).toBe('JOB_QUARANTINED');
      expect(job.error?.message).toContain('started 2 times without saving progress');
      // It stays quarantined (no retry loop) until cancelled.
      expect((await jobView(running.client, location)).status).toBe('quarantined');
      const listed = await running.client.request<{ items: JobView[] }>('GET', '/api/v1/jobs?status=quarantined');
      expect(listed.body.items.map((item) => item.id)).toContain(job.id);
      const cancelled = await running.client.request<JobView>('POST', `/api/v1/jobs/${job.id}/cancel`, { body: {} });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');

      await expectHealthy(running.client);
      const normal = await running.client.request<{ totals: { accepted: number } }>('POST', '/api/v1/ingest/steady/item', {
        body: erpItemRow(),
      });
      expect(normal.status).toBe(200);
      expect(normal.body.totals.accepted).toBe(1);
      await killAndWait(running.child);
    },
  );
});
