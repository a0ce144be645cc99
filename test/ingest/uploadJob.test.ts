/** Large loads through upload jobs: progress, exact totals, and resuming after a server restart. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, publishMapping, startIngestServer, toCsv, toNdjson } from '../support/factories/ingest';
import { readItems } from '../../server/ingest/recordReader';
import { readUploadChunks, storeUpload } from '../../server/ingest/uploads';
import { at } from '../support/must';

interface JobView {
  id: string;
  status: string;
  attempts: number;
  progress: { total?: number; done: number; failed: number; ratePerSecond: number; etaSeconds: number | null };
  result: { totals: { received: number; accepted: number; unchanged: number; exceptions: number } } | null;
  error: unknown;
}

async function pollJob(server: TestServer, location: string, until: (job: JobView) => boolean): Promise<JobView[]> {
  const seen: JobView[] = [];
  for (;;) {
    const response = await server.request<JobView>('GET', location);
    expect(response.status).toBe(200);
    seen.push(response.body);
    if (until(response.body) || ['succeeded', 'failed', 'cancelled'].includes(response.body.status)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function itemRows(count: number, options: { badEvery: number }): Record<string, string>[] {
  return Array.from({ length: count }, (_, index) =>
    index % options.badEvery === options.badEvery - 1 ? erpItemRow({ GTIN: '00012345678901' }) : erpItemRow(),
  );
}

describe('upload jobs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIngestServer();
    await publishMapping(server, { source: 'bulk', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  });
  afterAll(async () => server.stop());

  test('a CSV upload returns the job and its Location; the job finishes with exact totals and removes the upload', async () => {
    const rows = itemRows(250, { badEvery: 50 });
    const created = await server.request<{ jobId: string; location: string; estimatedRecords: number; bytes: number }>(
      'POST',
      '/api/v1/ingest/bulk/item/jobs',
      { raw: toCsv(rows), contentType: 'text/csv' },
    );
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`/api/v1/jobs/${created.body.jobId}`);
    expect(created.body.estimatedRecords).toBe(250);
    const job = at((await pollJob(server, created.body.location, () => false)).slice(-1), 0);
    expect(job.status).toBe('succeeded');
    expect(job.result?.totals).toEqual({ received: 250, accepted: 245, unchanged: 0, exceptions: 5 });
    expect(job.progress).toMatchObject({ total: 250, done: 245, failed: 5 });
    expect(job.progress.ratePerSecond).toBeGreaterThan(0);
    expect(await server.running.services.store.collection('uploadChunks').countDocuments({})).toBe(0);
    const exceptions = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=bulk&code=INVALID_GTIN');
    expect(exceptions.body.total).toBe(5);
  });

  test('JSON documents cannot be uploaded (they are not streamable); no mapping → 422 before storing anything', async () => {
    const asJson = await server.request('POST', '/api/v1/ingest/bulk/item/jobs', { raw: '[]', contentType: 'application/json' });
    expect(asJson.status).toBe(415);
    const unmapped = await server.request<{ error: { code: string } }>('POST', '/api/v1/ingest/nobody/item/jobs', {
      raw: toNdjson([erpItemRow()]),
      contentType: 'application/x-ndjson',
    });
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.error.code).toBe('NO_PUBLISHED_MAPPING');
    expect(await server.running.services.store.collection('uploadChunks').countDocuments({})).toBe(0);
  });

  test('stored chunks give back the exact text, whatever the byte boundaries (multi-byte characters split)', async () => {
    const text = toNdjson([
      { ID: '1', NAME: 'Sóluciones Médicas™ Ñandú' },
      { ID: '2', NAME: '日本の病院 — 東京' },
      { ID: '3', NAME: 'plain' },
    ]);
    const bytes = Buffer.from(text, 'utf8');
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let start = 0; start < bytes.length; start += 3) yield bytes.subarray(start, start + 3);
    }
    const upload = await storeUpload(server.running.services, { body: pieces(), chunkBytes: 5 });
    expect(upload.chunks).toBeGreaterThan(10);
    expect(upload).toMatchObject({ bytes: bytes.length, lines: 3, hasUnterminatedLastLine: false });
    let readBack = '';
    for await (const chunk of readUploadChunks(server.running.services, upload)) readBack += chunk;
    expect(readBack).toBe(text);
    const items = [];
    for await (const item of readItems({ format: 'ndjson', chunks: readUploadChunks(server.running.services, upload) })) items.push(item);
    expect(items.map((item) => (item.kind === 'record' ? item.raw : item))).toEqual(
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    );
  });
});

describe('resume after a restart', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-resume-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  test(
    'stopping the server mid-job and starting a new one on the same data: the job resumes from its checkpoint and ends with exact totals',
    { timeout: 120_000 },
    async () => {
      const first = await startIngestServer({ dataDir });
      await publishMapping(first, { source: 'bulk', domain: 'item', expression: ERP_ITEM_EXPRESSION });
      // Large enough that the job is still running when the first server stops, even on a fast machine.
      const rows = itemRows(4000, { badEvery: 100 });
      const created = await first.request<{ jobId: string; location: string }>('POST', '/api/v1/ingest/bulk/item/jobs', {
        raw: toNdjson(rows),
        contentType: 'application/x-ndjson',
      });
      expect(created.status).toBe(202);
      const beforeStop = at(
        (await pollJob(first, created.body.location, (job) => job.progress.done + job.progress.failed >= 200)).slice(-1),
        0,
      );
      expect(beforeStop.status).toBe('running');
      expect(beforeStop.progress.ratePerSecond).toBeGreaterThan(0);
      expect(typeof beforeStop.progress.etaSeconds).toBe('number');
      await first.stop();

      const second = await startIngestServer({ dataDir });
      try {
        const afterRestart = await pollJob(second, created.body.location, () => false);
        const finished = at(afterRestart, afterRestart.length - 1);
        expect(finished.status).toBe('succeeded');
        expect(finished.attempts).toBe(2);
        // Resumed, not restarted: progress never went back below what it was when the first server stopped.
        const processedBefore = beforeStop.progress.done + beforeStop.progress.failed;
        expect(Math.min(...afterRestart.map((job) => job.progress.done + job.progress.failed))).toBeGreaterThanOrEqual(processedBefore);
        expect(finished.result?.totals).toEqual({ received: 4000, accepted: 3960, unchanged: 0, exceptions: 40 });
        expect(await second.running.services.store.collection('sourceRecords').countDocuments({ source: 'bulk' })).toBe(3960);
        const counts = await second.request<{ total: number }>('GET', '/api/v1/exceptions/counts?source=bulk');
        expect(counts.body.total).toBe(40);
      } finally {
        await second.stop();
      }
    },
  );
});
