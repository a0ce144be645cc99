/**
 * Unchanged re-sends are answered before mapping (server/ingest/unchangedRecords.ts) with exactly the
 * results the full pipeline gives: same totals, golden ids and lineage; anything that could change
 * the canonical record (a new mapping version, a changed lookup table, a non-deterministic mapping,
 * an earlier record of the same batch) still takes the full pipeline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TestServer } from '../support/testServer';
import {
  ERP_ITEM_EXPRESSION,
  erpItemRow,
  gtin14,
  ingest,
  publishMapping,
  startIngestServer,
  toCsv,
  toNdjson,
} from '../support/factories/ingest';
import { putLookup } from '../support/factories/mappings';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => server.stop());
afterEach(() => vi.restoreAllMocks());

/** Counts the records handed to the mapping runtime while `work` runs. */
async function recordsMappedDuring<T>(work: () => Promise<T>): Promise<{ result: T; mapped: number }> {
  const runtime = server.running.services.mappingRuntime;
  const original = runtime.evaluateBatch.bind(runtime);
  let mapped = 0;
  vi.spyOn(runtime, 'evaluateBatch').mockImplementation(async (input) => {
    mapped += input.records.length;
    return original(input);
  });
  const result = await work();
  vi.restoreAllMocks();
  return { result, mapped };
}

describe('unchanged re-sends', () => {
  test('a re-sent file is unchanged record by record, with the same golden ids, and is not mapped again', async () => {
    const valid = gtin14('0038291999999');
    const badCheckDigit = `${valid.slice(0, 13)}${(Number(valid[13]) + 1) % 10}`;
    const rows = [erpItemRow(), erpItemRow(), erpItemRow({ GTIN: badCheckDigit }), erpItemRow()];
    const first = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(first.body.totals).toEqual({ received: 4, accepted: 3, unchanged: 0, exceptions: 1 });

    const { result: again, mapped } = await recordsMappedDuring(() =>
      ingest(server, { source: 'erp', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }),
    );
    expect(again.status).toBe(200);
    expect(again.body.totals).toEqual({ received: 4, accepted: 0, unchanged: 3, exceptions: 1 });
    // Only the record that failed validation is mapped again (it has no stored source record).
    expect(mapped).toBe(1);
    expect(again.body.records.map((r) => [r.outcome, r.goldenId, r.sourceId])).toEqual(
      first.body.records.map((r) => [r.outcome === 'accepted' ? 'unchanged' : r.outcome, r.goldenId, r.sourceId]),
    );
    expect(again.body.records[1]).toMatchObject({ sourceRecordId: `item|erp|${at(rows, 1).INV_ITEM_ID}`, position: { line: 2 } });
    // The exception is the same one, seen again.
    expect(at(again.body.records, 2).exception?.id).toBe(at(first.body.records, 2).exception?.id);

    // The same records as CSV (other bytes, same payload objects) are unchanged without mapping too.
    const { result: asCsv, mapped: mappedCsv } = await recordsMappedDuring(() =>
      ingest(server, { source: 'erp', domain: 'item', body: toCsv([at(rows, 0), at(rows, 1)]), contentType: 'text/csv' }),
    );
    expect(asCsv.body.totals).toEqual({ received: 2, accepted: 0, unchanged: 2, exceptions: 0 });
    expect(mappedCsv).toBe(0);
  });

  test('a new mapping version maps every record again and refreshes lineage; the re-send after it is answered without mapping', async () => {
    const rows = [erpItemRow(), erpItemRow()];
    const version1 = await publishMapping(server, { source: 'mapv', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    const first = await ingest(server, { source: 'mapv', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(first.body.totals.accepted).toBe(2);
    // Same output, other text: a new version.
    const version2 = await publishMapping(server, {
      source: 'mapv',
      domain: 'item',
      expression: ERP_ITEM_EXPRESSION.replace('"description": DESCR60', '"description": DESCR60 & \'\''),
    });
    expect(version2).toBe(version1 + 1);
    const { result: remapped, mapped } = await recordsMappedDuring(() =>
      ingest(server, { source: 'mapv', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }),
    );
    expect(mapped).toBe(2);
    expect(remapped.body.totals).toEqual({ received: 2, accepted: 0, unchanged: 2, exceptions: 0 });
    const golden = await server.request<{ sources: Array<{ mappingVersion: number }> }>(
      'GET',
      `/api/v1/golden/item/${at(first.body.records, 0).goldenId}?include=sources`,
    );
    expect(golden.body.sources.map((s) => s.mappingVersion)).toEqual([version2]);

    const { result: again, mapped: mappedAgain } = await recordsMappedDuring(() =>
      ingest(server, { source: 'mapv', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }),
    );
    expect(again.body.totals.unchanged).toBe(2);
    expect(mappedAgain).toBe(0);
  });

  test('a changed lookup table under the same mapping version: records it changes are updates', async () => {
    await putLookup(server, 'uom-test', { BOX: 'BX', CASE: 'CS' });
    const expression = `{ "sourceId": INV_ITEM_ID, "description": DESCR60, "status": "active", "baseUom": $lookup('uom-test', UNIT_MEASURE_STD, 'EA') }`;
    await publishMapping(server, { source: 'lookupsrc', domain: 'item', expression });
    const rows = [erpItemRow({ UNIT_MEASURE_STD: 'BOX' }), erpItemRow({ UNIT_MEASURE_STD: 'CASE' })];
    const first = await ingest(server, { source: 'lookupsrc', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(first.body.totals.accepted).toBe(2);

    await putLookup(server, 'uom-test', { BOX: 'PK', CASE: 'CS' });
    const { result: again, mapped } = await recordsMappedDuring(() =>
      ingest(server, { source: 'lookupsrc', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }),
    );
    expect(mapped).toBe(2);
    expect(again.body.totals).toEqual({ received: 2, accepted: 1, unchanged: 1, exceptions: 0 });
    expect(again.body.records[0]).toMatchObject({ outcome: 'accepted', change: 'updated', goldenId: at(first.body.records, 0).goldenId });
  });

  test('a mapping that reads the clock is never answered without mapping', async () => {
    const expression = `{ "sourceId": INV_ITEM_ID, "description": DESCR60 & ' ' & $string($millis()), "status": "active" }`;
    await publishMapping(server, { source: 'clocksrc', domain: 'item', expression });
    const rows = [erpItemRow()];
    await ingest(server, { source: 'clocksrc', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    // Wait for the clock to move on so the mapped description differs.
    const started = Date.now();
    while (Date.now() === started) await new Promise((resolve) => setImmediate(resolve));
    const { result: again, mapped } = await recordsMappedDuring(() =>
      ingest(server, { source: 'clocksrc', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }),
    );
    expect(mapped).toBe(1);
    expect(again.body.records[0]).toMatchObject({ outcome: 'accepted', change: 'updated' });
  });

  test('a re-sent payload after an update of the same source id earlier in the same batch is an update, as it always was', async () => {
    const original = erpItemRow();
    const first = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson([original]), contentType: 'application/x-ndjson' });
    const changed = { ...original, DESCR60: `${original.DESCR60} STERILE` };
    const batch = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([changed, original, original]),
      contentType: 'application/x-ndjson',
    });
    expect(batch.body.totals).toEqual({ received: 3, accepted: 2, unchanged: 1, exceptions: 0 });
    expect(batch.body.records.map((r) => [r.outcome, r.change])).toEqual([
      ['accepted', 'updated'],
      ['accepted', 'updated'],
      ['unchanged', undefined],
    ]);
    expect(new Set(batch.body.records.map((r) => r.goldenId))).toEqual(new Set([at(first.body.records, 0).goldenId]));
  });

  test('an upload job whose next batch re-sends the old payload of a record the batch before changed: an update (batches overlap)', async () => {
    const original = erpItemRow();
    await ingest(server, { source: 'erp', domain: 'item', body: toNdjson([original]), contentType: 'application/x-ndjson' });
    const changed = { ...original, DESCR60: `${original.DESCR60} LATEX FREE` };
    // An upload job runs batches of 200: the change is in the first, the old payload again in the second,
    // which is prepared (and its unchanged answers looked up) while the first is still being stored.
    const fillers = Array.from({ length: 199 }, () => erpItemRow());
    const created = await server.request<{ location: string }>('POST', '/api/v1/ingest/erp/item/jobs', {
      raw: toCsv([changed, ...fillers, original]),
      contentType: 'text/csv',
    });
    expect(created.status).toBe(202);
    type Job = { status: string; result: { totals: Record<string, number> } | null };
    let job = (await server.request<Job>('GET', created.body.location)).body;
    for (const deadline = Date.now() + 120_000; !['succeeded', 'failed', 'cancelled'].includes(job.status);) {
      if (Date.now() > deadline) throw new Error(`the upload job is still ${job.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await server.request<Job>('GET', created.body.location)).body;
    }
    expect(job.status).toBe('succeeded');
    expect(job.result?.totals).toEqual({ received: 201, accepted: 201, unchanged: 0, exceptions: 0 });
    // What is stored is the file's last payload for the record: the original again.
    const again = await ingest(server, { source: 'erp', domain: 'item', body: toNdjson([original]), contentType: 'application/x-ndjson' });
    expect(again.body.records[0]).toMatchObject({ outcome: 'unchanged' });
  });
});
