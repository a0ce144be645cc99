/**
 * Downstream sync through the public API with a real local receiver: signatures (verified with the
 * `standardwebhooks` package), retries with a stable webhook-id, per-record order, dead letter and
 * replay, Retry-After, redirects, 410, rotation, rewind. The retry schedule is shortened through
 * MDM_SYNC_RETRY_SCHEDULE_MS so nothing waits real minutes; every wait polls with a deadline.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { DeliveryView, SubscriptionView } from '../../server/contracts/subscriptions';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at, firstOf, must } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { startReceiver, waitFor, type Answer, type ReceivedRequest, type WebhookReceiver } from '../support/webhookReceiver';

let server: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({
    env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_RETRY_SCHEDULE_MS: '30,30,30', MDM_SYNC_INTERVAL_MS: '20' },
  });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

interface Created extends SubscriptionView {
  secret: string;
}

async function subscribe(body: Record<string, unknown> = {}, url = receiver.url): Promise<Created> {
  const response = await server.request<Created>('POST', '/api/v1/subscriptions', {
    body: { name: 'test', domains: ['item'], transport: { type: 'webhook', url }, ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function eventsFor(subscriptionId: string, goldenId?: string): ReceivedRequest[] {
  return receiver.requests.filter(
    (r) =>
      r.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`) &&
      (!goldenId || JSON.parse(r.body).data.goldenId === goldenId),
  );
}

async function newItem(overrides: Record<string, unknown> = {}) {
  const canonical = itemRecord(overrides);
  const result = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
  return { canonical, goldenId: result.goldenId as string };
}

async function deliveries(subscriptionId: string, query = ''): Promise<DeliveryView[]> {
  return (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries${query}`)).body.items;
}

describe('subscriptions resource', () => {
  test('create shows the secret once; versions, pause/resume and audit are kept', async () => {
    const created = await subscribe({ name: 'Workday suppliers' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({
      status: 'active',
      version: 1,
      payload: 'snapshot',
      events: expect.arrayContaining(['created', 'merged', 'xref-added']),
    });
    const read = await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${created.id}`);
    expect(read.text).not.toContain(created.secret);
    expect(read.text).not.toContain('sealed');
    expect(read.body.stats).toMatchObject({ pending: 0, delivered: 0, parked: 0 });

    const patched = await server.request<SubscriptionView>('PATCH', `/api/v1/subscriptions/${created.id}`, {
      body: { name: 'Workday', expectedVersion: 1 },
    });
    expect(patched.body).toMatchObject({ name: 'Workday', version: 2 });
    const stale = await server.request<{ error: { code: string } }>('PATCH', `/api/v1/subscriptions/${created.id}`, {
      body: { name: 'x', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await server.request<SubscriptionView>('POST', `/api/v1/subscriptions/${created.id}/pause`, { body: {} })).body.status).toBe(
      'paused',
    );
    expect((await server.request<SubscriptionView>('POST', `/api/v1/subscriptions/${created.id}/resume`, { body: {} })).body.status).toBe(
      'active',
    );
    const versions = await server.request<{ items: Array<{ version: number; change: string }> }>(
      'GET',
      `/api/v1/subscriptions/${created.id}/versions`,
    );
    expect(versions.body.items.map((v) => v.change)).toEqual(['resume', 'pause', 'update', 'create']);
    const audit = await server.request<{ items: Array<{ action: string }> }>('GET', '/api/v1/audit?action=subscription.');
    expect(audit.body.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['subscription.create', 'subscription.update', 'subscription.pause', 'subscription.resume']),
    );

    expect((await server.request('DELETE', `/api/v1/subscriptions/${created.id}`)).status).toBe(204);
    expect((await server.request('GET', `/api/v1/subscriptions/${created.id}`)).status).toBe(404);
  });

  test.each([
    { name: 'missing transport', body: { name: 'x', domains: ['item'] }, path: 'body.transport' },
    {
      name: 'unknown domain',
      body: { name: 'x', domains: ['widgets'], transport: { type: 'webhook', url: 'http://127.0.0.1:1/' } },
      path: 'body.domains[0]',
    },
    {
      name: 'filter syntax',
      body: { name: 'x', domains: ['item'], transport: { type: 'webhook', url: 'http://127.0.0.1:1/' }, filter: 'data.record.(' },
      path: 'body.filter',
    },
    {
      name: 'unpublished outbound mapping',
      body: {
        name: 'x',
        domains: ['item'],
        transport: { type: 'webhook', url: 'http://127.0.0.1:1/' },
        outboundMapping: { target: 'nowhere' },
      },
      path: 'body.outboundMapping.target',
    },
    {
      name: 'ftp url',
      body: { name: 'x', domains: ['item'], transport: { type: 'webhook', url: 'ftp://host/x' } },
      path: 'body.transport.url',
    },
    {
      name: 'payload mode',
      body: { name: 'x', domains: ['item'], transport: { type: 'webhook', url: 'http://127.0.0.1:1/' }, payload: 'fat' },
      path: 'body.payload',
    },
  ])('400 for $name, naming $path', async ({ body, path }) => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>('POST', '/api/v1/subscriptions', {
      body,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d) => d.path)).toContain(path);
  });

  test.each([
    {
      name: 'an ftp webhook url',
      transport: { type: 'webhook', url: 'ftp://host/x' },
      paths: ['body.transport.url'],
      says: 'transport.url',
    },
    {
      name: 'an amqp transport without exchange',
      transport: { type: 'amqp', url: 'amqp://broker' },
      paths: ['body.transport.exchange'],
      says: 'transport.exchange is required',
    },
    {
      name: 'an unknown transport type',
      transport: { type: 'carrier-pigeon', url: 'http://x.test/' },
      paths: ['body.transport.type'],
      says: 'transport.type should be one of webhook, amqp or file, got "carrier-pigeon"',
    },
  ])('$name is reported only where it is wrong (the type tag picks the one transport checked)', async ({ transport, paths, says }) => {
    const response = await server.request<{ error: { details: Array<{ path: string; message: string }> } }>(
      'POST',
      '/api/v1/subscriptions',
      {
        body: { name: 'x', domains: ['item'], transport },
      },
    );
    expect(response.status).toBe(400);
    expect([...new Set(response.body.error.details.map((d) => d.path))]).toEqual(paths);
    expect(response.body.error.details.map((d) => d.message).join(' | ')).toContain(says);
  });

  test('a consumer key may not read subscriptions; an analyst may manage them', async () => {
    const consumer = await server.createKey('consumer');
    expect((await server.request('GET', '/api/v1/subscriptions', { key: consumer })).status).toBe(403);
    const analyst = await server.createKey('analyst');
    expect((await server.request('GET', '/api/v1/subscriptions', { key: analyst })).status).toBe(200);
    expect((await server.request('PUT', '/api/v1/sync/egress-allow', { key: analyst, body: { entries: [] } })).status).toBe(403);
  });
});

describe('delivery', () => {
  test('each change is POSTed, signed so that the standardwebhooks package verifies it with the secret', async () => {
    const sub = await subscribe();
    const { goldenId, canonical } = await newItem();
    const [request] = firstOf(
      await waitFor('the created event', () => eventsFor(sub.id, goldenId).length > 0 && eventsFor(sub.id, goldenId)),
      1,
      'request',
    );
    const verified = new Webhook(sub.secret).verify(request.body, request.headers) as { type: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({
      type: 'golden.created',
      data: {
        goldenId,
        domain: 'item',
        version: 1,
        previousVersion: null,
        record: { id: goldenId, status: 'active', attributes: { description: canonical.description } },
      },
    });
    expect((verified.data.record as { xrefs: unknown[] }).xrefs).toEqual([{ source: 'lawson', sourceId: canonical.sourceId }]);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() => new Webhook('whsec_' + Buffer.alloc(32, 1).toString('base64')).verify(request.body, request.headers)).toThrow();
    expect(() => new Webhook(sub.secret).verify(request.body.replace('created', 'updated'), request.headers)).toThrow();
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a receiver failing the first 3 attempts accepts the event exactly once, every attempt with the same webhook-id', async () => {
    const sub = await subscribe();
    let failuresLeft = 3;
    receiver.respond = (request) =>
      request.headers['webhook-id']?.includes(sub.id.slice(4)) && failuresLeft-- > 0
        ? { status: 500, body: 'database locked' }
        : { status: 200 };
    const { goldenId } = await newItem();
    await waitFor('the accepted attempt', () => eventsFor(sub.id, goldenId).some((r) => r.status === 200));
    const attempts = eventsFor(sub.id, goldenId);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    // The outcome is stored just after the receiver's answer (batched with others): wait for it.
    const delivery = await waitFor('the delivery stored as delivered', async () => {
      const [found] = await deliveries(sub.id, `?goldenId=${goldenId}`);
      return found?.status === 'delivered' && found;
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4 });
    const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery.id}`);
    expect(detail.body.attemptLog?.map((a) => a.response?.status)).toEqual([500, 500, 500, 200]);
    expect(detail.body.attemptLog?.[0]?.response?.body).toBe('database locked');
    expect(detail.body.attemptLog?.[0]?.request.headers['webhook-signature']).toBe('v1,<redacted>');
    expect(detail.text).not.toContain(sub.secret);
    receiver.respond = () => ({ status: 200 });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('events of one golden record arrive in version order while records change concurrently and the receiver answers out of order', async () => {
    const sub = await subscribe();
    // Slow answers in random order, and about a third of the messages refused once (never twice, so no
    // message runs out of retries and parks: that case has its own test).
    const refused = new Set<string>();
    receiver.respond = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
      const id = request.headers['webhook-id'] ?? '';
      if (!refused.has(id) && Math.random() < 0.3) {
        refused.add(id);
        return { status: 503 };
      }
      return { status: 200 };
    };
    const items = await Promise.all([0, 1, 2, 3].map(() => newItem()));
    await Promise.all(
      items.map(async (item) => {
        for (let n = 1; n <= 4; n++)
          await applyCanonical(server, {
            domain: 'item',
            source: 'lawson',
            canonical: { ...item.canonical, description: `${item.canonical.description} rev ${n}` },
          });
      }),
    );
    for (const item of items) {
      const accepted = await waitFor(`5 versions of ${item.goldenId}`, () => {
        const ok = eventsFor(sub.id, item.goldenId).filter((r) => r.status === 200);
        return ok.length >= 5 && ok;
      });
      expect(accepted.map((r) => JSON.parse(r.body).data.version)).toEqual([1, 2, 3, 4, 5]);
      // Never a later version before an earlier one was accepted (failed attempts included).
      const sentVersions = eventsFor(sub.id, item.goldenId).map((r) => JSON.parse(r.body).data.version as number);
      expect(sentVersions).toEqual([...sentVersions].sort((a, b) => a - b));
    }
    receiver.respond = () => ({ status: 200 });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a merge arrives as one logical change: the survivor update first, then the retired record pointing to it', async () => {
    const survivor = await newItem({ manufacturer: { name: 'Medline Industries' } });
    const other = await newItem({ manufacturer: { name: 'Medline Industries' } });
    const sub = await subscribe({ events: ['merged', 'retired'] });
    let survivorAnswered = 0;
    receiver.respond = async (request) => {
      const body = JSON.parse(request.body) as { data: { goldenId: string } };
      // The survivor's receiver is slow: without the rule the retirement would overtake it.
      if (body.data.goldenId === survivor.goldenId) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        survivorAnswered = Date.now();
      }
      return { status: 200 };
    };
    const merged = await server.request('POST', `/api/v1/golden/item/${survivor.goldenId}/merge`, {
      body: { otherId: other.goldenId, reason: 'same glove' },
    });
    expect(merged.status, merged.text).toBe(200);
    await waitFor('both events', () => eventsFor(sub.id).length === 2);
    const [first, second] = eventsFor(sub.id).map(
      (r) => JSON.parse(r.body) as { type: string; data: { goldenId: string; mergedInto?: string } },
    );
    expect(first).toMatchObject({ type: 'golden.merged', data: { goldenId: survivor.goldenId } });
    expect(second).toMatchObject({ type: 'golden.retired', data: { goldenId: other.goldenId, mergedInto: survivor.goldenId } });
    expect(survivorAnswered).toBeGreaterThan(0);
    receiver.respond = () => ({ status: 200 });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a poison record is parked alone, holds back only its own later events, and bulk replay delivers it in order', async () => {
    const sub = await subscribe();
    let poisonId = '';
    receiver.respond = (request) =>
      JSON.parse(request.body).data.goldenId === poisonId ? { status: 422, body: 'unknown supplier' } : { status: 200 };
    const startedAt = new Date().toISOString();
    const poison = await newItem();
    poisonId = poison.goldenId;
    const healthy = await newItem();
    await waitFor('the poison record parked', async () => (await deliveries(sub.id, `?goldenId=${poisonId}&status=parked`)).length === 1);
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...poison.canonical, description: 'POISON REV 2' } });
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...healthy.canonical, description: 'HEALTHY REV 2' } });
    await waitFor('the healthy record updated', () => eventsFor(sub.id, healthy.goldenId).filter((r) => r.status === 200).length === 2);
    // The poison record's update waits behind its parked create: never sent.
    expect(eventsFor(sub.id, poisonId).every((r) => JSON.parse(r.body).data.version === 1)).toBe(true);
    expect(eventsFor(sub.id, poisonId)).toHaveLength(4); // 1 attempt + 3 retries
    // The receiver saw the healthy update's 200 before the dispatcher recorded it as delivered: wait for the record.
    const stats = await waitFor('the healthy update recorded as delivered', async () => {
      const view = await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`);
      return view.body.stats?.pending === 1 && view.body.stats;
    });
    expect(stats).toMatchObject({ parked: 1, pending: 1, lastError: { message: 'the endpoint answered 422' } });
    expect(stats.lagSeconds).toBeGreaterThan(0);
    const parked = at(await deliveries(sub.id, `?goldenId=${poisonId}&status=parked`), 0, 'parked delivery');
    expect(parked.failure).toMatchObject({ stage: 'delivery', code: 'DELIVERY_EXHAUSTED' });

    receiver.respond = () => ({ status: 200 });
    const replay = await server.request<{ replayed: number }>('POST', `/api/v1/subscriptions/${sub.id}/replay`, {
      body: { since: startedAt, reason: 'receiver fixed' },
    });
    expect(replay.body.replayed).toBe(1);
    const accepted = await waitFor('the poison record caught up', () => {
      const ok = eventsFor(sub.id, poisonId).filter((r) => r.status === 200);
      return ok.length === 2 && ok;
    });
    expect(accepted.map((r) => JSON.parse(r.body).data.version)).toEqual([1, 2]);
    expect(at(accepted, 0, 'accepted request').headers['webhook-id']).toBe(parked.id);
    const audit = await server.request<{ items: Array<{ action: string; reason?: string }> }>(
      'GET',
      '/api/v1/audit?action=subscription.replay-bulk',
    );
    expect(audit.body.items.at(-1)).toMatchObject({ reason: 'receiver fixed' });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('one parked delivery is replayed on request with the same webhook-id', async () => {
    const sub = await subscribe();
    let isBroken = true;
    receiver.respond = (request) =>
      isBroken && request.headers['webhook-id']?.includes(sub.id.slice(4)) ? { status: 500 } : { status: 200 };
    const { goldenId } = await newItem();
    const [parked] = firstOf(
      await waitFor('parked', async () => {
        const found = await deliveries(sub.id, `?goldenId=${goldenId}&status=parked`);
        return found.length === 1 && found;
      }),
      1,
      'parked',
    );
    isBroken = false;
    const replayed = await server.request<DeliveryView>('POST', `/api/v1/subscriptions/${sub.id}/deliveries/${parked.id}/replay`, {
      body: { reason: 'retry by hand' },
    });
    expect(replayed.body.status).toBe('pending');
    await waitFor('accepted', () => eventsFor(sub.id, goldenId).some((r) => r.status === 200 && r.headers['webhook-id'] === parked.id));
    const audit = await server.request<{ items: Array<{ reason?: string; after?: { deliveryId?: string; previousStatus?: string } }> }>(
      'GET',
      '/api/v1/audit?action=subscription.replay&order=desc',
    );
    expect(audit.body.items.find((entry) => entry.after?.deliveryId === parked.id)).toMatchObject({
      reason: 'retry by hand',
      after: { previousStatus: 'parked' },
    });
    const again = await server.request<{ error: { code: string } }>('POST', `/api/v1/subscriptions/${sub.id}/deliveries/nope/replay`, {
      body: {},
    });
    expect(again.status).toBe(404);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a parked delivery can be discarded (reason required, audited): its record moves on, and it is never sent again', async () => {
    const sub = await subscribe();
    let isBroken = true;
    receiver.respond = (request) =>
      isBroken && request.headers['webhook-id']?.includes(sub.id.slice(4)) ? { status: 500 } : { status: 200 };
    const item = await newItem();
    const [parked] = firstOf(
      await waitFor('parked', async () => {
        const found = await deliveries(sub.id, `?goldenId=${item.goldenId}&status=parked`);
        return found.length === 1 && found;
      }),
      1,
      'parked',
    );
    isBroken = false;
    // Its later event waits behind the parked one.
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...item.canonical, description: 'AFTER DISCARD' } });
    const url = `/api/v1/subscriptions/${sub.id}/deliveries/${parked.id}/discard`;
    const noReason = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>('POST', url, { body: {} });
    expect(noReason.status).toBe(400);
    expect(at(noReason.body.error.details, 0, 'error detail').path).toBe('body.reason');
    const discarded = await server.request<DeliveryView>('POST', url, { body: { reason: 'the ERP already has this version' } });
    expect(discarded.status, discarded.text).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    const again = await server.request<{ error: { code: string } }>('POST', url, { body: { reason: 'twice' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DELIVERY_NOT_PARKED');
    const [next] = firstOf(
      await waitFor('the later event accepted', () => {
        const ok = eventsFor(sub.id, item.goldenId).filter((r) => r.status === 200);
        return ok.length > 0 && ok;
      }),
      1,
      'next',
    );
    expect(JSON.parse(next.body).data.version).toBe(2);
    expect(eventsFor(sub.id, item.goldenId).some((r) => r.status === 200 && r.headers['webhook-id'] === parked.id)).toBe(false);
    const audit = await server.request<{ items: Array<{ action: string; reason?: string; after?: { deliveryId?: string } }> }>(
      'GET',
      '/api/v1/audit?action=subscription.discard',
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ reason: 'the ERP already has this version', after: expect.objectContaining({ deliveryId: parked.id }) }),
    ]);
    receiver.respond = () => ({ status: 200 });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('Retry-After is honoured, redirects are not followed', async () => {
    const sub = await subscribe();
    let count = 0;
    receiver.respond = (request): Answer => {
      if (!request.headers['webhook-id']?.includes(sub.id.slice(4))) return { status: 200 };
      count++;
      if (count === 1) return { status: 429, headers: { 'retry-after': '1' } };
      if (count === 2) return { status: 302, headers: { location: `${receiver.url}/elsewhere` } };
      return { status: 200 };
    };
    const { goldenId } = await newItem();
    const [delivery] = firstOf(
      await waitFor('first attempt recorded', async () => {
        const found = await deliveries(sub.id, `?goldenId=${goldenId}`);
        return found.length === 1 && found[0] !== undefined && found[0].attempts >= 1 && found;
      }),
      1,
      'delivery',
    );
    const detail = (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery.id}`)).body;
    if (detail.attempts === 1)
      expect(Date.parse(detail.nextAttemptAt ?? '') - Date.parse(detail.attemptLog?.[0]?.at ?? '')).toBeGreaterThanOrEqual(1000);
    await waitFor('delivered', () => eventsFor(sub.id, goldenId).some((r) => r.status === 200));
    // The outcome is stored a moment after the receiver answers (batched): wait for it.
    const final = await waitFor('delivered outcome stored', async () => {
      const view = (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery.id}`)).body;
      return view.status === 'delivered' && view;
    });
    expect(final.attemptLog?.map((a) => a.response?.status)).toEqual([429, 302, 200]);
    expect(Date.parse(final.attemptLog?.[1]?.at ?? '') - Date.parse(final.attemptLog?.[0]?.at ?? '')).toBeGreaterThanOrEqual(1000);
    expect(receiver.requests.some((r) => r.path.endsWith('/elsewhere'))).toBe(false);
    receiver.respond = () => ({ status: 200 });
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('410 Gone disables the endpoint with a visible reason; resume sends what waited', async () => {
    const sub = await subscribe();
    let isGone = true;
    receiver.respond = (request) =>
      isGone && request.headers['webhook-id']?.includes(sub.id.slice(4)) ? { status: 410 } : { status: 200 };
    const { goldenId } = await newItem();
    const disabled = await waitFor('disabled', async () => {
      const view = await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`);
      return view.body.status === 'disabled' && view.body;
    });
    expect(disabled.disabledReason).toContain('410 Gone');
    isGone = false;
    await server.request('POST', `/api/v1/subscriptions/${sub.id}/resume`, { body: { reason: 'endpoint back' } });
    await waitFor('delivered after resume', () => eventsFor(sub.id, goldenId).some((r) => r.status === 200));
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('after a rotation both secrets sign during the grace period', async () => {
    const sub = await subscribe();
    const rotated = await server.request<Created>('POST', `/api/v1/subscriptions/${sub.id}/rotate-secret`, {
      body: { gracePeriodSeconds: 3600 },
    });
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(rotated.body.secrets).toHaveLength(2);
    const { goldenId } = await newItem();
    const [request] = firstOf(
      await waitFor('event', () => eventsFor(sub.id, goldenId).length > 0 && eventsFor(sub.id, goldenId)),
      1,
      'request',
    );
    expect(must(request.headers['webhook-signature'], 'webhook-signature header').split(' ')).toHaveLength(2);
    expect(() => new Webhook(sub.secret).verify(request.body, request.headers)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(request.body, request.headers)).not.toThrow();
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('rewinding the cursor sends the changes again with their webhook-ids', async () => {
    const sub = await subscribe();
    const { goldenId } = await newItem();
    const [first] = firstOf(
      await waitFor('event', () => eventsFor(sub.id, goldenId).length > 0 && eventsFor(sub.id, goldenId)),
      1,
      'first',
    );
    const cursor = JSON.parse(first.body).data.cursor as string;
    const rewind = await server.request<{ cursor: string }>('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
      body: { cursor: String(Number(cursor) - 1), reason: 'receiver lost its data' },
    });
    expect(rewind.status).toBe(200);
    await waitFor('sent again', () => eventsFor(sub.id, goldenId).length === 2);
    const ids = eventsFor(sub.id, goldenId).map((r) => r.headers['webhook-id']);
    expect(ids[1]).toBe(ids[0]);
    expect((await server.request('POST', `/api/v1/subscriptions/${sub.id}/rewind`, { body: {} })).status).toBe(400);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a rewind while the change is in flight sends it again after that attempt ends', async () => {
    const sub = await subscribe();
    // The receiver holds its answer to this subscription's first request until the test releases it.
    let release: (answer: Answer) => void = () => undefined;
    const held = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    const previous = receiver.respond;
    let isHolding = true;
    receiver.respond = (request, index) => {
      if (isHolding && request.headers['webhook-id']?.startsWith(`msg_${sub.id.slice(4)}_`)) {
        isHolding = false;
        return held;
      }
      return previous(request, index);
    };
    try {
      const { goldenId } = await newItem();
      const [first] = firstOf(
        await waitFor('the first attempt, in flight', () => eventsFor(sub.id, goldenId).length > 0 && eventsFor(sub.id, goldenId)),
        1,
        'first',
      );
      const cursor = JSON.parse(first.body).data.cursor as string;
      const rewind = await server.request<{ cursor: string }>('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
        body: { cursor: String(Number(cursor) - 1), reason: 'receiver restored from a backup' },
      });
      expect(rewind.status).toBe(200);
      // The dispatcher has re-planned the change (its cursor is past it again) while the attempt is still held.
      await waitFor('the re-planning', async () => {
        const stats = (await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`)).body.stats;
        return stats?.cursor === cursor;
      });
      expect(eventsFor(sub.id, goldenId)).toHaveLength(1);
      release({ status: 200 });
      await waitFor('sent again after the held attempt', () => eventsFor(sub.id, goldenId).length === 2);
      const ids = eventsFor(sub.id, goldenId).map((r) => r.headers['webhook-id']);
      expect(ids[1]).toBe(ids[0]);
      const [delivery] = firstOf(
        await waitFor('delivered', async () => {
          const found = await deliveries(sub.id, `?goldenId=${goldenId}`);
          return found[0]?.status === 'delivered' && found;
        }),
        1,
        'delivery',
      );
      expect(delivery.id).toBe(ids[0]);
      const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery.id}`);
      expect(detail.body.attemptLog?.map((a) => a.outcome)).toEqual(['delivered', 'delivered']);
    } finally {
      receiver.respond = previous;
      release({ status: 200 });
    }
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('backfill sends a snapshot of every active record, then continues live with no gap and no stale overwrite', async () => {
    const before = firstOf(await Promise.all([0, 1, 2].map(() => newItem())), 3, 'items');
    const sub = await subscribe({ payload: 'snapshot' });
    // A change the subscription already read before the backfill, and one after it started.
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...before[0].canonical, description: 'REV 2' } });
    await waitFor('the live update', () => eventsFor(sub.id, before[0].goldenId).some((r) => r.status === 200));
    const started = await server.request<{ run: number }>('POST', `/api/v1/subscriptions/${sub.id}/backfill`, {
      body: { reason: 'new ERP' },
    });
    expect(started.status).toBe(202);
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...before[1].canonical, description: 'REV 2' } });
    const again = await server.request<{ error: { code: string } }>('POST', `/api/v1/subscriptions/${sub.id}/backfill`, { body: {} });
    expect([202, 409]).toContain(again.status);
    const finished = await waitFor('backfill finished', async () => {
      const stats = (await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`)).body.stats;
      return Boolean(stats?.backfill?.finishedAt) && stats?.pending === 0 && stats;
    });
    expect(finished && finished.backfill?.planned).toBeGreaterThanOrEqual(3);
    // The live update made during the backfill may still be on its way through the change feed when the
    // backfill reports finished: wait until every record's current version has reached the receiver.
    const lastSent = (goldenId: string) =>
      eventsFor(sub.id, goldenId)
        .filter((r) => r.status === 200)
        .map((r) => (JSON.parse(r.body) as { data: { version: number } }).data.version)
        .at(-1);
    await waitFor('every current version delivered', async () => {
      for (const item of before) {
        const current = await server.request<{ version: number }>('GET', `/api/v1/golden/item/${item.goldenId}`);
        if (lastSent(item.goldenId) !== current.body.version) return false;
      }
      return true;
    });
    for (const item of before) {
      const sent = eventsFor(sub.id, item.goldenId)
        .filter((r) => r.status === 200)
        .map((r) => JSON.parse(r.body) as { type: string; data: { version: number; record: { version: number } } });
      expect(sent.some((b) => b.type === 'golden.snapshot')).toBe(true);
      // Versions never go backwards at the receiver, and the last one it got is the record's current version.
      const versions = sent.map((b) => b.data.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      const current = await server.request<{ version: number }>('GET', `/api/v1/golden/item/${item.goldenId}`);
      expect(versions.at(-1)).toBe(current.body.version);
    }
    const audit = await server.request<{ items: Array<{ action: string }> }>('GET', '/api/v1/audit?action=subscription.backfill');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('maxPerSecond limits how many requests start in any second', async () => {
    const sub = await subscribe({ transport: { type: 'webhook', url: receiver.url, maxPerSecond: 2 } });
    const items = await Promise.all([0, 1, 2, 3, 4].map(() => newItem()));
    await waitFor('all delivered', () => items.every((item) => eventsFor(sub.id, item.goldenId).some((r) => r.status === 200)), 30_000);
    const starts: number[] = [];
    for (const delivery of await deliveries(sub.id)) {
      const detail = (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery.id}`)).body;
      for (const attempt of detail.attemptLog ?? []) starts.push(Date.parse(attempt.at));
    }
    starts.sort((a, b) => a - b);
    expect(starts).toHaveLength(5);
    // Any third start comes a full second (less the clock's 1 ms resolution) after the first of its window.
    for (let i = 0; i + 2 < starts.length; i++)
      expect(at(starts, i + 2, 'attempt start') - at(starts, i, 'attempt start')).toBeGreaterThanOrEqual(999);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('stats and Prometheus metrics show deliveries', async () => {
    const sub = await subscribe();
    const { goldenId } = await newItem();
    await waitFor('event', () => eventsFor(sub.id, goldenId).some((r) => r.status === 200));
    const view = await waitFor('stats', async () => {
      const body = (await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`)).body;
      return body.stats?.delivered === 1 && body;
    });
    expect(view.stats).toMatchObject({ delivered: 1, pending: 0, parked: 0, lagSeconds: 0 });
    expect(view.stats?.p95LatencyMs).toBeGreaterThanOrEqual(0);
    const metrics = await fetch(`${server.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain(`mdm_sync_attempts_total{subscription="${sub.id}",outcome="delivered"} 1`);
    expect(metrics).toMatch(new RegExp(`mdm_sync_open_deliveries\\{subscription="${sub.id}",status="pending"\\} 0`));
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });
});
