/** Preview: what a subscription would send for a chosen golden record, built like the real messages, sending nothing. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SubscriptionPreviewView } from '../../server/contracts/subscriptions';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { startReceiver, waitFor, type WebhookReceiver } from '../support/webhookReceiver';

let server: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_INTERVAL_MS: '20' } });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

test('the preview shows the live message and the snapshot exactly as they would be sent, and sends nothing', async () => {
  const canonical = itemRecord({ description: 'GLOVE | NITRILE ^ L' });
  const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
  // Created after the change: the subscription starts live from now, so the record's change is not sent.
  const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
    body: {
      name: 'hl7',
      domains: ['item'],
      transport: { type: 'webhook', url: receiver.url },
      outboundMapping: { target: 'hl7', contentType: 'hl7v2' },
    },
  });
  expect(created.status, created.text).toBe(201);
  const preview = await server.request<SubscriptionPreviewView>('POST', `/api/v1/subscriptions/${created.body.id}/preview`, {
    body: { goldenId },
  });
  expect(preview.status, preview.text).toBe(200);
  expect(preview.body).toMatchObject({ goldenId, domain: 'item', change: { type: 'created', version: 1 }, liveSkipped: null });
  expect(preview.body.live).toHaveLength(1);
  expect(preview.body.live[0]).toMatchObject({ event: 'created', contentType: 'x-application/hl7-v2+er7; charset=utf-8', failure: null });
  const live = at(preview.body.live, 0, 'live message');
  expect(live.id).toMatch(new RegExp(`^msg_${created.body.id.slice(4)}_\\d+$`));
  expect(live.body?.split('\r')[0]).toMatch(/^MSH\|\^~\\&\|/);
  expect(live.body).toContain('GLOVE \\F\\ NITRILE \\S\\ L');
  expect(preview.body.snapshot[0]).toMatchObject({ event: 'snapshot', failure: null });

  // A filter that leaves the event out: the live preview says so; the snapshot is filtered too.
  const patched = await server.request('PATCH', `/api/v1/subscriptions/${created.body.id}`, {
    body: { filter: 'data.record.attributes.description = "nothing like it"' },
  });
  expect(patched.status, patched.text).toBe(200);
  const filtered = await server.request<SubscriptionPreviewView>('POST', `/api/v1/subscriptions/${created.body.id}/preview`, {
    body: { goldenId },
  });
  expect(filtered.body.live).toEqual([]);
  expect(filtered.body.liveSkipped).toMatch(/filter/);
  expect(filtered.body.snapshot).toEqual([]);

  const settled = await server.request<{ stats: { pending: number; delivered: number } }>(
    'GET',
    `/api/v1/subscriptions/${created.body.id}`,
  );
  expect(settled.body.stats).toMatchObject({ pending: 0, delivered: 0 });
  expect(receiver.requests).toEqual([]);
});

test.each([
  ['an unknown record', { goldenId: 'item-does-not-exist' }, 404, undefined],
  ['a record of another domain', 'supplier', 400, 'body.goldenId'],
  ['no goldenId', {}, 400, 'body.goldenId'],
])('preview of %s is refused', async (_what, body, status, field) => {
  const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
    body: { name: 'p', domains: ['item'], transport: { type: 'webhook', url: receiver.url } },
  });
  let request = body;
  if (body === 'supplier') {
    const { goldenId } = await applyCanonical(server, {
      domain: 'supplier',
      source: 'oracle',
      canonical: { sourceId: `S-${Date.now()}`, name: 'ACME SURGICAL' },
    });
    request = { goldenId };
  }
  const response = await server.request<{ error: { details?: Array<{ path: string }> } }>(
    'POST',
    `/api/v1/subscriptions/${created.body.id}/preview`,
    { body: request },
  );
  expect(response.status, response.text).toBe(status);
  if (field) expect(response.body.error.details?.[0]?.path).toBe(field);
  await waitFor(
    'nothing pending',
    async () =>
      (await server.request<{ stats: { pending: number } }>('GET', `/api/v1/subscriptions/${created.body.id}`)).body.stats.pending === 0,
  );
});
