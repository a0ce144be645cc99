/** A hostile published mapping fails its records with a clear code while the server keeps answering. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pollUntil } from '../hostile/runtimeSupport';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
  // Endless recursion for records marked LOOP; an ordinary mapping for the rest.
  await publishMapping(server, {
    source: 'hostile',
    domain: 'item',
    expression: `LOOP = 'Y' ? ($f := function(){ $f() }; $f()) : ${ERP_ITEM_EXPRESSION}`,
  });
});
afterAll(async () => server.stop());

test('records of an endless mapping become MAPPING_TIMEOUT exceptions; /healthz answers while they run; the good records are accepted', async () => {
  const rows = [erpItemRow({ LOOP: 'Y' }), erpItemRow(), erpItemRow({ LOOP: 'Y' }), erpItemRow({ LOOP: 'Y' }), erpItemRow()];
  let isIngestDone = false;
  const pending = ingest(server, { source: 'hostile', domain: 'item', body: toNdjson(rows), contentType: 'application/x-ndjson' }).then(
    (response) => {
      isIngestDone = true;
      return response;
    },
  );
  // Ask for health once the hostile records are on the ingest lane's evaluators (an event, not a fixed wait).
  await pollUntil(
    async () => server.running.services.mappingRuntime.health().lanes.ingest.inFlight,
    (inFlight) => inFlight > 0 || isIngestDone,
    60_000,
  );
  const health = await server.request<{ status: string }>('GET', '/healthz', { key: null });
  expect(health.status).toBe(200);
  expect(health.body.status).toBe('ok');
  // The health check came back while the hostile batch was still being evaluated.
  expect(isIngestDone).toBe(false);

  const response = await pending;
  expect(response.status).toBe(200);
  expect(response.body.totals).toEqual({ received: 5, accepted: 2, unchanged: 0, exceptions: 3 });
  for (const index of [0, 2, 3])
    expect(at(response.body.records, index).exception).toMatchObject({ stage: 'map', code: 'MAPPING_TIMEOUT' });
  for (const index of [1, 4]) expect(at(response.body.records, index).outcome).toBe('accepted');
});
