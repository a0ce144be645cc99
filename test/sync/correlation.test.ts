/**
 * One correlation id follows records from ingest (a request's x-correlation-id or id, an upload job)
 * through the golden change, exceptions and audit, to each delivery (header and record), and every
 * stage can be searched by it — end to end through the public API with a real local receiver.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryView } from '../../server/contracts/subscriptions';
import {
  ERP_ITEM_EXPRESSION,
  erpItemRow,
  ingest,
  publishMapping,
  startIngestServer,
  toNdjson,
  type IngestBody,
} from '../support/factories/ingest';
import { at } from '../support/must';
import type { TestServer } from '../support/testServer';
import { startReceiver, waitFor, type WebhookReceiver } from '../support/webhookReceiver';

let server: TestServer;
let receiver: WebhookReceiver;
let subscriptionId: string;

interface ChangePage {
  items: Array<{ cursor: string; goldenId: string; type: string; correlationId?: string }>;
  nextCursor: string | null;
}

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startIngestServer({
    env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_RETRY_SCHEDULE_MS: '20,20', MDM_SYNC_INTERVAL_MS: '20' },
  });
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
    body: { name: 'traced', domains: ['item'], transport: { type: 'webhook', url: receiver.url } },
    headers: { 'x-correlation-id': 'setup-subscription-1' },
  });
  expect(created.status, created.text).toBe(201);
  subscriptionId = created.body.id;
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

describe('a correlation id from ingest to delivery', () => {
  test("the caller's x-correlation-id is on the changes, the exception, each delivery and its request", async () => {
    const correlationId = 'erp-batch-2026-12-03.001';
    const rows = [erpItemRow(), erpItemRow(), erpItemRow({ GTIN: '00012345678901' })];
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson(rows),
      contentType: 'application/x-ndjson',
      headers: { 'x-correlation-id': correlationId },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const body = response.body as IngestBody;
    expect(body.totals).toMatchObject({ accepted: 2, exceptions: 1 });
    const goldenIds = body.records.flatMap((r) => (r.goldenId ? [r.goldenId] : []));

    // Golden changes: searchable by the id, and only this request's.
    const changes = (await server.request<ChangePage>('GET', `/api/v1/changes?correlationId=${correlationId}`)).body.items;
    expect(changes.map((c) => c.goldenId).sort()).toEqual([...goldenIds].sort());
    expect(changes.every((c) => c.correlationId === correlationId)).toBe(true);

    // The bad record's exception.
    const exceptions = (
      await server.request<{ items: Array<{ code: string; origin: { correlationId?: string } }>; total: number }>(
        'GET',
        `/api/v1/exceptions?correlationId=${correlationId}`,
      )
    ).body;
    expect(exceptions.total).toBe(1);
    expect(exceptions.items[0]).toMatchObject({ code: 'INVALID_GTIN', origin: { correlationId } });

    // Each delivery: the receiver got the header, and the delivery records carry and find it.
    const requests = await waitFor('two deliveries', () => {
      const matching = receiver.requests.filter((r) => r.headers['x-correlation-id'] === correlationId);
      return matching.length === 2 && matching;
    });
    expect(requests.map((r) => (JSON.parse(r.body) as { data: { goldenId: string } }).data.goldenId).sort()).toEqual([...goldenIds].sort());
    const listed = (
      await server.request<{ items: DeliveryView[] }>(
        'GET',
        `/api/v1/subscriptions/${subscriptionId}/deliveries?correlationId=${correlationId}`,
      )
    ).body.items;
    expect(listed).toHaveLength(2);
    expect(listed.every((d) => d.correlationId === correlationId)).toBe(true);
    const everywhere = (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/sync/deliveries?correlationId=${correlationId}`))
      .body.items;
    expect(everywhere.map((d) => d.id).sort()).toEqual(listed.map((d) => d.id).sort());
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set(listed.map((d) => d.id)));
  });

  test('without a header the request id is the correlation id', async () => {
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([erpItemRow()]),
      contentType: 'application/x-ndjson',
    });
    expect(response.status, response.text).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
    const changes = (await server.request<ChangePage>('GET', `/api/v1/changes?correlationId=${requestId}`)).body.items;
    expect(changes.map((c) => c.goldenId)).toEqual([at((response.body as IngestBody).records, 0, 'ingested record').goldenId]);
    await waitFor('its delivery', () => receiver.requests.some((r) => r.headers['x-correlation-id'] === requestId));
  });

  test("an upload job's records carry the upload request's correlation id", async () => {
    const correlationId = 'nightly-upload-7';
    const created = await server.request<{ jobId: string; location: string }>('POST', '/api/v1/ingest/erp/item/jobs', {
      raw: toNdjson([erpItemRow(), erpItemRow()]),
      contentType: 'application/x-ndjson',
      headers: { 'x-correlation-id': correlationId },
    });
    expect(created.status, created.text).toBe(202);
    await waitFor(
      'the job to finish',
      async () => (await server.request<{ status: string }>('GET', created.body.location)).body.status === 'succeeded',
    );
    const changes = (await server.request<ChangePage>('GET', `/api/v1/changes?correlationId=${correlationId}`)).body.items;
    expect(changes).toHaveLength(2);
    await waitFor(
      'both delivered with the id',
      () => receiver.requests.filter((r) => r.headers['x-correlation-id'] === correlationId).length === 2,
    );
  });

  test('audit entries carry the correlation id and are searchable by it; a bad id is refused naming the field', async () => {
    const audit = (
      await server.request<{ items: Array<{ action: string; correlationId?: string }> }>(
        'GET',
        '/api/v1/audit?correlationId=setup-subscription-1',
      )
    ).body.items;
    expect(audit.map((a) => a.action)).toEqual(['subscription.create']);
    expect(at(audit, 0, 'audit entry').correlationId).toBe('setup-subscription-1');
    for (const path of ['/api/v1/changes', '/api/v1/audit', '/api/v1/exceptions', '/api/v1/sync/deliveries']) {
      const bad = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>(
        'GET',
        `${path}?correlationId=${encodeURIComponent('has space')}`,
      );
      expect(bad.status, path).toBe(400);
      expect(at(bad.body.error.details, 0, 'error detail').path).toBe('query.correlationId');
    }
    // An unsafe header value is not taken: the request id is used instead.
    const response = await server.request('GET', '/api/v1/subscriptions', { headers: { 'x-correlation-id': 'bad value\twith tab' } });
    expect(response.headers.get('x-correlation-id')).toBe(response.headers.get('x-request-id'));
  });
});
