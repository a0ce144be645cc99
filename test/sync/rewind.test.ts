/**
 * Rewind through the public API with a real local receiver: a rewind sends again everything after its
 * point — parked deliveries included (reopened, audited, per-record order kept) — and a rewind by time
 * finds the first change at or after that time. Waits poll with deadlines; held answers are promises.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryView, SubscriptionView } from '../../server/contracts/subscriptions';
import { goldenCollections } from '../../server/golden/collections';
import { createLogger } from '../../server/logger';
import { CollectionState } from '../../server/store/embedded/collectionState';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { firstChangeAtOrAfter } from '../../server/sync/deliveries';
import { syncCollections } from '../../server/sync/collections';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at, firstOf } from '../support/must';
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

async function subscribe(): Promise<SubscriptionView> {
  const response = await server.request<SubscriptionView>('POST', '/api/v1/subscriptions', {
    body: { name: 'rewind', domains: ['item'], transport: { type: 'webhook', url: receiver.url } },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function eventsFor(subscriptionId: string, goldenId: string): ReceivedRequest[] {
  return receiver.requests.filter(
    (r) => r.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`) && JSON.parse(r.body).data.goldenId === goldenId,
  );
}

async function newItem() {
  const canonical = itemRecord();
  const result = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
  return { canonical, goldenId: result.goldenId as string };
}

async function deliveries(subscriptionId: string, query = ''): Promise<DeliveryView[]> {
  return (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries${query}`)).body.items;
}

async function cursorOf(subscriptionId: string): Promise<string | null | undefined> {
  return (await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${subscriptionId}`)).body.stats?.cursor;
}

interface AuditItem {
  action: string;
  actor: { name: string };
  reason?: string;
  after?: { rewind?: { by: string; reason: string | null }; deliveries?: Array<{ deliveryId: string; version: number }> };
}

describe('rewind', () => {
  test('a rewind reopens the parked deliveries of the changes it re-plans: sent again in version order, audited', async () => {
    const sub = await subscribe();
    let poisonId = '';
    receiver.respond = (request) =>
      JSON.parse(request.body).data.goldenId === poisonId ? { status: 422, body: 'unknown item' } : { status: 200 };
    const poison = await newItem();
    poisonId = poison.goldenId;
    const parked = at(
      await waitFor('the create parked', async () => {
        const found = await deliveries(sub.id, `?goldenId=${poisonId}&status=parked`);
        return found.length === 1 && found;
      }),
      0,
      'parked delivery',
    );
    // The update waits behind the parked create (never sent).
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...poison.canonical, description: 'REV 2' } });
    await waitFor('the update planned', async () => (await deliveries(sub.id, `?goldenId=${poisonId}&status=pending`)).length === 1);
    expect(eventsFor(sub.id, poisonId).every((r) => JSON.parse(r.body).data.version === 1)).toBe(true);
    const createCursor = JSON.parse(at(eventsFor(sub.id, poisonId), 0, 'first attempt').body).data.cursor as string;
    const cursorBefore = await cursorOf(sub.id);

    receiver.respond = () => ({ status: 200 });
    const rewind = await server.request<{ cursor: string; previousCursor: string }>('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
      body: { cursor: String(Number(createCursor) - 1), reason: 'ERP restored from a backup' },
    });
    expect(rewind.status, rewind.text).toBe(200);
    expect(rewind.body.previousCursor).toBe(cursorBefore);

    const accepted = await waitFor('the record caught up', () => {
      const ok = eventsFor(sub.id, poisonId).filter((r) => r.status === 200);
      return ok.length === 2 && ok;
    });
    // Per-record order: the reopened create first (same webhook-id as the parked one), then the update.
    expect(accepted.map((r) => JSON.parse(r.body).data.version)).toEqual([1, 2]);
    expect(at(accepted, 0, 'accepted create').headers['webhook-id']).toBe(parked.id);
    const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${parked.id}`);
    expect(detail.body.status).toBe('delivered');
    // The failed attempts stay in its log, then the one after the rewind.
    expect(detail.body.attemptLog?.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'delivered']);

    const audit = await server.request<{ items: AuditItem[] }>('GET', '/api/v1/audit?action=subscription.rewind-reopen');
    const entry = audit.body.items.find((item) => item.after?.deliveries?.some((d) => d.deliveryId === parked.id));
    expect(entry, JSON.stringify(audit.body.items)).toBeDefined();
    expect(entry).toMatchObject({
      actor: { name: 'sync dispatcher' },
      after: { rewind: { reason: 'ERP restored from a backup' }, deliveries: [{ deliveryId: parked.id, version: 1 }] },
    });
    const rewinds = await server.request<{ items: AuditItem[] }>('GET', '/api/v1/audit?action=subscription.rewind');
    expect(rewinds.body.items.some((item) => item.reason === 'ERP restored from a backup')).toBe(true);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a parked delivery before the rewind point stays parked and keeps holding its record back', async () => {
    const sub = await subscribe();
    let poisonId = '';
    receiver.respond = (request) => (JSON.parse(request.body).data.goldenId === poisonId ? { status: 422 } : { status: 200 });
    const poison = await newItem();
    poisonId = poison.goldenId;
    const parked = at(
      await waitFor('the create parked', async () => {
        const found = await deliveries(sub.id, `?goldenId=${poisonId}&status=parked`);
        return found.length === 1 && found;
      }),
      0,
      'parked delivery',
    );
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...poison.canonical, description: 'REV 2' } });
    const pending = at(
      await waitFor('the update planned', async () => {
        const found = await deliveries(sub.id, `?goldenId=${poisonId}&status=pending`);
        return found.length === 1 && found;
      }),
      0,
      'pending update',
    );
    receiver.respond = () => ({ status: 200 });
    const updateCursor = pending.id.split('_').at(-1) ?? '';
    const rewind = await server.request('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
      body: { cursor: String(Number(updateCursor) - 1), reason: 'only the update' },
    });
    expect(rewind.status, rewind.text).toBe(200);
    await waitFor('the re-planning', async () => Number(await cursorOf(sub.id)) >= Number(updateCursor));
    // The create is not re-planned: still parked, and the update still waits behind it.
    expect((await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${parked.id}`)).body.status).toBe(
      'parked',
    );
    expect((await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${pending.id}`)).body.status).toBe(
      'pending',
    );
    expect(eventsFor(sub.id, poisonId).every((r) => JSON.parse(r.body).data.version === 1)).toBe(true);
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a rewind while the last attempt is in flight: that attempt failing does not park the change, it goes again', async () => {
    const sub = await subscribe();
    const prefix = `msg_${sub.id.slice(4)}_`;
    // Fails every attempt; holds the answer to the last one (the 4th) until the test releases it.
    let release: (answer: Answer) => void = () => undefined;
    const held = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    let isFixed = false;
    receiver.respond = (request) => {
      if (!request.headers['webhook-id']?.startsWith(prefix) || isFixed) return { status: 200 };
      const attempts = receiver.requests.filter((r) => r.headers['webhook-id']?.startsWith(prefix)).length;
      return attempts === 4 ? held : { status: 500 };
    };
    try {
      const { goldenId } = await newItem();
      await waitFor('the last attempt, in flight', () => eventsFor(sub.id, goldenId).length === 4);
      const [first] = firstOf(eventsFor(sub.id, goldenId), 1, 'first attempt');
      const cursor = JSON.parse(first.body).data.cursor as string;
      const rewind = await server.request('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
        body: { cursor: String(Number(cursor) - 1), reason: 'send it all again' },
      });
      expect(rewind.status, rewind.text).toBe(200);
      await waitFor('the re-planning', async () => (await cursorOf(sub.id)) === cursor);
      isFixed = true;
      release({ status: 500 });
      const delivered = await waitFor('delivered after the failed last attempt', async () => {
        const found = await deliveries(sub.id, `?goldenId=${goldenId}`);
        return found[0]?.status === 'delivered' && found;
      });
      expect(delivered).toHaveLength(1);
      const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${at(delivered, 0).id}`);
      expect(detail.body.attemptLog?.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'delivered']);
      expect(detail.body.parkedAt ?? null).toBeNull();
    } finally {
      release({ status: 500 });
      receiver.respond = () => ({ status: 200 });
    }
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('a rewind by time goes back to just before the first change at or after it; a bad time is refused naming the field', async () => {
    const sub = await subscribe();
    receiver.respond = () => ({ status: 200 });
    const { goldenId } = await newItem();
    const [created] = firstOf(
      await waitFor('the create', () => eventsFor(sub.id, goldenId).length === 1 && eventsFor(sub.id, goldenId)),
      1,
      'create',
    );
    const createEvent = JSON.parse(created.body) as { timestamp: string; data: { cursor: string } };
    const rewind = await server.request<{ cursor: string }>('POST', `/api/v1/subscriptions/${sub.id}/rewind`, {
      body: { at: createEvent.timestamp, reason: 'by time' },
    });
    expect(rewind.status, rewind.text).toBe(200);
    expect(rewind.body.cursor).toBe(String(Number(createEvent.data.cursor) - 1).padStart(16, '0'));
    await waitFor('sent again', () => eventsFor(sub.id, goldenId).length === 2);
    const ids = eventsFor(sub.id, goldenId).map((r) => r.headers['webhook-id']);
    expect(ids[1]).toBe(ids[0]);
    const bad = await server.request<{ error: { code: string; details?: Array<{ path: string }> } }>(
      'POST',
      `/api/v1/subscriptions/${sub.id}/rewind`,
      { body: { at: 'yesterday' } },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.at');
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });
});

describe('the change feed by time', () => {
  test('the embedded store answers a rewind by time from the `at` index, not by walking the feed', () => {
    const state = new CollectionState('changes');
    const docs = Array.from({ length: 50 }, (_, i) => ({
      _id: String(i + 1).padStart(16, '0'),
      at: new Date(Date.UTC(2026, 11, 4, 0, 0, i)).toISOString(),
    }));
    state.apply(docs.map((doc) => ({ id: doc._id, before: undefined, beforeDoc: undefined, after: { json: JSON.stringify(doc), doc } })));
    state.buildIndexes([...goldenCollections, ...syncCollections].filter((c) => c.name === 'changes').flatMap((c) => c.indexes));
    const since = { at: { $gte: '2026-12-04T00:00:40.000Z' } };
    const plan = state.plan(since, { at: 1, _id: 1 });
    expect(plan?.via).toBe('sync_by_time');
    // The candidates are the entries from that time on only.
    expect(plan ? [...new Set(state.candidates(plan))] : []).toHaveLength(10);
  });
});

describe('the first change at or after a time', () => {
  // Cursor order is commit order; `at` is the writer's clock before commit, so it only nearly grows with it.
  const FEED = [
    { _id: '0000000000000001', at: '2026-12-04T10:00:00.000Z' },
    { _id: '0000000000000002', at: '2026-12-04T10:00:05.000Z' },
    // Written before 2 but committed (numbered) after it: a long transaction.
    { _id: '0000000000000003', at: '2026-12-04T10:00:01.000Z' },
    { _id: '0000000000000004', at: '2026-12-04T10:05:00.000Z' },
  ];

  test.each([
    { at: '2026-12-04T09:00:00.000Z', first: '0000000000000001' },
    // The earliest `at` from 10:00:01 is change 3, but change 2 (10:00:05) has a lower cursor: a rewind must resend it.
    { at: '2026-12-04T10:00:01.000Z', first: '0000000000000002' },
    { at: '2026-12-04T10:00:04.000Z', first: '0000000000000002' },
    { at: '2026-12-04T10:04:00.000Z', first: '0000000000000004' },
    { at: '2026-12-04T11:00:00.000Z', first: null },
  ])('at $at → $first', async ({ at: time, first }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdm-rewind-at-'));
    const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    try {
      for (const definition of [...goldenCollections, ...syncCollections].filter((c) => c.name === 'changes'))
        await store.collection('changes').createIndexes(definition.indexes);
      await store.collection('changes').insertMany(FEED.map((change) => ({ ...change, domain: 'item', goldenId: `item-${change._id}` })));
      expect(await firstChangeAtOrAfter({ store }, time)).toBe(first);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
