/**
 * Issue 11 items 1 and 5 through the public API: a memory bomb in a preview or a published mapping,
 * an evaluator process dying under a record, and a slow preview next to production ingest. After
 * each case /healthz answers and a normal ingest succeeds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import { expectHealthy, expectNormalIngest, expectStillServing, pollUntil, publishNormalMapping } from './runtimeSupport';
import { at } from '../support/must';

interface PreviewBody {
  results: Array<{ index: number; ok: boolean; error?: { code: string; message: string } }>;
}

let server: TestServer;
let analystKey: string;

beforeAll(async () => {
  // A short preview budget keeps the starvation case quick; production default is 10 s.
  server = await startIngestServer({ env: { MDM_PREVIEW_BUDGET_MS: '4000' } });
  await publishNormalMapping(server);
  analystKey = await server.createKey('analyst');
}, 120_000);
afterAll(async () => server.stop());

describe('memory bombs cost one record, never the process', () => {
  test('the issue\'s preview $pad("x", 100000000, "ab") by an analyst → a per-payload MAPPING_MEMORY_EXCEEDED', async () => {
    const response = await server.request<PreviewBody>('POST', '/api/v1/mappings/epic-supply/item/preview', {
      key: analystKey,
      body: { expression: '$pad("x", 100000000, "ab")', payloads: [{}] },
    });
    expect(response.status).toBe(200);
    expect(response.body.results[0]).toMatchObject({ ok: false, error: { code: 'MAPPING_MEMORY_EXCEEDED' } });
    await expectStillServing(server);
  });

  test('a published mapping with a $join / $pad bomb on one record: that record is an exception, the others are accepted', async () => {
    await publishMapping(server, {
      source: 'bomb',
      domain: 'item',
      expression: `BOMB = 'pad' ? $pad("x", 100000000, "ab") : BOMB = 'join' ? $join([1..100].($pad("", 100000, "x"))) : ${ERP_ITEM_EXPRESSION}`,
    });
    const rows = [erpItemRow(), erpItemRow({ BOMB: 'pad' }), erpItemRow(), erpItemRow({ BOMB: 'join' }), erpItemRow()];
    const response = await ingest(server, { source: 'bomb', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ received: 5, accepted: 3, unchanged: 0, exceptions: 2 });
    expect(at(response.body.records, 1).exception).toMatchObject({ stage: 'map', code: 'MAPPING_MEMORY_EXCEEDED' });
    expect(at(response.body.records, 3).exception).toMatchObject({ stage: 'map', code: 'MAPPING_MEMORY_EXCEEDED' });
    await expectStillServing(server);
  });

  test(
    'an evaluator process that dies under a record (as on a V8 heap abort): that record is a MAPPING_RESOURCE_LIMIT exception, the rest are accepted',
    { timeout: 120_000 },
    async () => {
      // LOOP records spin until the per-record clock (30 s here); the evaluator process is killed under
      // them, which is what a heap abort looks like from the server process.
      const slowServer = await startIngestServer({ env: { MDM_MAPPING_TIMEOUT_MS: '30000' } });
      try {
        await publishNormalMapping(slowServer);
        await checkEvaluatorDeath(slowServer);
      } finally {
        await slowServer.stop();
      }
    },
  );
});

/** Ingests three records through a mapping that spins on the middle one, killing the evaluator process under it. */
async function checkEvaluatorDeath(server: TestServer): Promise<void> {
  await publishMapping(server, {
    source: 'dies',
    domain: 'item',
    expression: `LOOP = 'Y' ? ($f := function(){ $f() }; $f()) : ${ERP_ITEM_EXPRESSION}`,
  });
  const rows = [erpItemRow(), erpItemRow({ LOOP: 'Y' }), erpItemRow()];
  const runtime = server.running.services.mappingRuntime;
  const pending = ingest(server, { source: 'dies', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' });
  let isDone = false;
  void pending.finally(() => {
    isDone = true;
  });
  const killed = new Set<number>();
  // An evaluator busy on one batch for 5 s can only be on the LOOP record (the others take milliseconds).
  while (!isDone) {
    const lane = runtime.health().lanes.ingest;
    if (lane.pid !== null && !killed.has(lane.pid) && lane.oldestInFlightMs > 5000) {
      killed.add(lane.pid);
      process.kill(lane.pid, 'SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const response = await pending;
  expect(response.status).toBe(200);
  // Killed once with all three in flight (no record to blame), once more running the LOOP record alone.
  expect(killed.size).toBe(2);
  expect(response.body.totals).toEqual({ received: 3, accepted: 2, unchanged: 0, exceptions: 1 });
  expect(at(response.body.records, 1).exception).toMatchObject({ stage: 'map', code: 'MAPPING_RESOURCE_LIMIT' });
  expect((await server.request<{ status: string }>('GET', '/readyz', { key: null })).body.status).toBe('ready');
  await expectStillServing(server);
}

describe('previews never starve ingest', () => {
  test(
    '20 ReDoS payloads in one preview: a one-record ingest from a source key is answered while the preview runs; the preview stops at its budget',
    { timeout: 120_000 },
    async () => {
      await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
      const sourceKey = await server.createKey('source:erp');
      // (a|a)* is not caught by the static regex guard: each payload runs until the watchdog stops it.
      const payloads = Array.from({ length: 20 }, () => ({ s: `${'a'.repeat(34)}!` }));
      let isPreviewDone = false;
      const preview = server
        .request<PreviewBody>('POST', '/api/v1/mappings/erp/item/preview', {
          key: analystKey,
          body: { expression: '$match(s, /(a|a)*$/)', payloads },
        })
        .finally(() => {
          isPreviewDone = true;
        });
      await pollUntil(
        async () => server.running.services.mappingRuntime.health().lanes.interactive.inFlight,
        (inFlight) => inFlight > 0,
      );
      const ingested = await ingest(server, {
        source: 'erp',
        domain: 'item',
        body: JSON.stringify(erpItemRow()),
        contentType: 'application/json',
        key: sourceKey,
      });
      expect(ingested.status).toBe(200);
      expect(ingested.body.totals.accepted).toBe(1);
      expect(isPreviewDone).toBe(false);
      await expectHealthy(server);

      const response = await preview;
      expect(response.status).toBe(200);
      const codes = response.body.results.map((result) => result.error?.code);
      expect(codes[0]).toBe('MAPPING_TIMEOUT');
      expect(codes.at(-1)).toBe('MAPPING_BUDGET_EXCEEDED');
      expect(response.body.results.find((result) => result.error?.code === 'MAPPING_BUDGET_EXCEEDED')?.error?.message).toContain(
        '4000 ms budget',
      );
      await expectNormalIngest(server);
    },
  );
});
