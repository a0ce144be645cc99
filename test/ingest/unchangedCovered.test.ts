/**
 * Session 31: the unchanged answer of a re-send reads the index `ingest_by_unchanged_key_covered` alone (a covered read,
 * server/store/embedded/coveredRead.ts), not the stored source records — the nightly re-send of a file an upload job
 * loaded reads no source record; a changed record still takes the full pipeline; a source record stored before its
 * key existed (no `ingestKey`) is compared in full once and then carries the key.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SOURCE_RECORDS } from '../../server/golden';
import { DocumentTable } from '../../server/store/embedded/documentTable';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toCsv, toNdjson } from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'nightly', domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => server.stop());

type Totals = Record<string, number>;
type Job = { status: string; result: { totals: Totals } | null };

async function runJob(rows: Array<Record<string, string>>): Promise<Totals> {
  const created = await server.request<{ location: string }>('POST', '/api/v1/ingest/nightly/item/jobs', {
    raw: toCsv(rows),
    contentType: 'text/csv',
  });
  expect(created.status).toBe(202);
  let job = (await server.request<Job>('GET', created.body.location)).body;
  for (const deadline = Date.now() + 300_000; !['succeeded', 'failed', 'cancelled'].includes(job.status);) {
    if (Date.now() > deadline) throw new Error(`the upload job is still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = (await server.request<Job>('GET', created.body.location)).body;
  }
  expect(job.status).toBe('succeeded');
  return job.result?.totals ?? {};
}

/** Source records of the `nightly` source whose stored text was read while `work` ran. */
async function sourceRecordReadsDuring<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const spy = vi.spyOn(DocumentTable.prototype, 'get');
  try {
    const result = await work();
    return { result, reads: spy.mock.calls.filter(([id]) => String(id).startsWith('item|nightly|')).length };
  } finally {
    spy.mockRestore();
  }
}

describe('unchanged re-sends answered from the index', () => {
  test('a re-sent file an upload job loaded: every record unchanged, no source record read; a changed row is an update', async () => {
    const rows = Array.from({ length: 12 }, () => erpItemRow());
    expect(await runJob(rows)).toEqual({ received: 12, accepted: 12, unchanged: 0, exceptions: 0 });

    const { result: again, reads } = await sourceRecordReadsDuring(() => runJob(rows));
    expect(again).toEqual({ received: 12, accepted: 0, unchanged: 12, exceptions: 0 });
    expect(reads).toBe(0);

    const changed = rows.map((row, index) => (index === 3 ? { ...row, DESCR60: `${row.DESCR60} STERILE` } : row));
    expect(await runJob(changed)).toEqual({ received: 12, accepted: 1, unchanged: 11, exceptions: 0 });
  });

  test('the answer carries the stored golden id and source id, as the full pipeline gives them', async () => {
    const rows = [erpItemRow(), erpItemRow()];
    const first = await ingest(server, { source: 'nightly', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    const again = await ingest(server, { source: 'nightly', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(again.body.records.map((r) => [r.outcome, r.goldenId, r.sourceId, r.sourceRecordId])).toEqual(
      first.body.records.map((r) => ['unchanged', r.goldenId, r.sourceId, r.sourceRecordId]),
    );
    expect(at(again.body.records, 0).sourceRecordId).toBe(`item|nightly|${at(rows, 0).INV_ITEM_ID}`);
  });

  test('a source record stored before its key existed is compared in full (unchanged), then carries the key', async () => {
    const rows = [erpItemRow(), erpItemRow()];
    await ingest(server, { source: 'nightly', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    const records = server.running.services.store.collection(SOURCE_RECORDS);
    const oldId = `item|nightly|${at(rows, 0).INV_ITEM_ID}`;
    await records.updateOne({ _id: oldId }, { $unset: { ingestKey: '' } });
    const runtime = server.running.services.mappingRuntime;
    const evaluate = vi.spyOn(runtime, 'evaluateBatch');
    try {
      const again = await ingest(server, { source: 'nightly', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
      expect(again.body.totals).toEqual({ received: 2, accepted: 0, unchanged: 2, exceptions: 0 });
      // Only the record without a key went through mapping (and the persist stage's full compare).
      expect(evaluate.mock.calls.reduce((sum, [input]) => sum + input.records.length, 0)).toBe(1);
    } finally {
      evaluate.mockRestore();
    }
    const stored = await records.findOne({ _id: oldId });
    expect(typeof stored?.ingestKey).toBe('string');
  });
});
