/**
 * Downstream sync through the public API with a real local receiver, for what the other files leave out:
 * unmerges and the cross-reference events (added / removed), the per-endpoint timeout and in-flight limit,
 * and an endpoint failing for longer than MDM_SYNC_DISABLE_AFTER_MS being disabled with its reason. Held
 * answers are promises the test releases; waits poll with deadlines.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryView, SubscriptionView } from '../../server/contracts/subscriptions';
import { clockPast } from '../support/clock';
import { applyCanonical, itemDuplicatePair, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { startReceiver, waitFor, type Answer, type ReceivedRequest, type WebhookReceiver } from '../support/webhookReceiver';

const DISABLE_AFTER_MS = 1500;
let server: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({
    env: {
      MDM_EGRESS_ALLOW: '127.0.0.1',
      MDM_SYNC_RETRY_SCHEDULE_MS: '30,30,30',
      MDM_SYNC_INTERVAL_MS: '20',
      MDM_SYNC_DISABLE_AFTER_MS: String(DISABLE_AFTER_MS),
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

async function subscribe(body: Record<string, unknown> = {}, transport: Record<string, unknown> = {}): Promise<SubscriptionView> {
  const response = await server.request<SubscriptionView>('POST', '/api/v1/subscriptions', {
    body: { name: 'limits', domains: ['item'], transport: { type: 'webhook', url: receiver.url, ...transport }, ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function ofSubscription(subscriptionId: string, request: { headers: Record<string, string> }): boolean {
  return request.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`) === true;
}

interface Received {
  type: string;
  data: {
    goldenId: string;
    version: number;
    cause: string | null;
    xrefsAdded: Array<{ source: string }>;
    xrefsRemoved: Array<{ source: string }>;
  };
}

function eventsFor(subscriptionId: string): Received[] {
  return receiver.requests
    .filter((r: ReceivedRequest) => ofSubscription(subscriptionId, r) && r.status === 200)
    .map((r) => JSON.parse(r.body) as Received);
}

async function deliveries(subscriptionId: string, query = ''): Promise<DeliveryView[]> {
  return (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries${query}`)).body.items;
}

describe('events', () => {
  test('an unmerge arrives as the record it left (unmerged, cross-reference removed) and the split-off record (created); xref events fire on their own', async () => {
    receiver.respond = () => ({ status: 200 });
    const all = await subscribe({ name: 'all events' });
    const xrefsOnly = await subscribe({ name: 'cross-references', events: ['xref-added', 'xref-removed'] });
    const { sap, lawson } = itemDuplicatePair();
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    const b = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(b.goldenId).toBe(a.goldenId);
    const merged = await waitFor('both changes delivered', () => {
      const found = eventsFor(all.id).filter((e) => e.data.goldenId === a.goldenId);
      return found.length === 2 && found;
    });
    await clockPast(
      (await server.request<{ updatedAt: string }>('GET', `/api/v1/golden/item/${encodeURIComponent(a.goldenId)}`)).body.updatedAt,
    );
    const version = at(merged, 1, 'second change').data.version;
    const unmerged = await server.request<{ newGoldenId: string }>(
      'POST',
      `/api/v1/golden/item/${encodeURIComponent(a.goldenId)}/unmerge`,
      {
        body: { sourceRecordId: b.sourceRecordId, reason: 'different packaging', expectedVersion: version },
      },
    );
    expect(unmerged.status, unmerged.text).toBe(200);
    const splitId = unmerged.body.newGoldenId;

    // Every event type: the record it left says `golden.unmerged` with the source record removed, then the new one.
    const left = await waitFor('the unmerge delivered', () => {
      const found = eventsFor(all.id).filter((e) => e.data.goldenId === a.goldenId);
      return found.length === 3 && found;
    });
    expect(at(left, 2, 'unmerge event')).toMatchObject({
      type: 'golden.unmerged',
      data: { version: version + 1, cause: 'unmerge', xrefsAdded: [], xrefsRemoved: [{ source: 'lawson' }] },
    });
    const split = await waitFor('the split-off record delivered', () => eventsFor(all.id).find((e) => e.data.goldenId === splitId));
    expect(split).toMatchObject({ type: 'golden.created', data: { version: 1, xrefsAdded: [{ source: 'lawson' }] } });

    // Cross-reference events only: added at the create and at the merge, removed at the unmerge, added on the split-off record.
    const xrefs = await waitFor('the cross-reference events', () => {
      const found = eventsFor(xrefsOnly.id);
      return found.length === 4 && found;
    });
    expect(xrefs.filter((e) => e.data.goldenId === a.goldenId).map((e) => [e.type, e.data.version])).toEqual([
      ['golden.xref-added', 1],
      ['golden.xref-added', 2],
      ['golden.xref-removed', version + 1],
    ]);
    expect(xrefs.filter((e) => e.data.goldenId === splitId).map((e) => e.type)).toEqual(['golden.xref-added']);
    await server.request('DELETE', `/api/v1/subscriptions/${all.id}`);
    await server.request('DELETE', `/api/v1/subscriptions/${xrefsOnly.id}`);
  });
});

describe('endpoint limits', () => {
  test('an endpoint that does not answer within transport.timeoutMs fails that attempt; the retry is accepted', async () => {
    const sub = await subscribe({}, { timeoutMs: 200 });
    let release: (answer: Answer) => void = () => undefined;
    const never = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    let isFirst = true;
    receiver.respond = (request) => {
      if (!ofSubscription(sub.id, request)) return { status: 200 };
      if (isFirst) {
        isFirst = false;
        return never;
      }
      return { status: 200 };
    };
    try {
      const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
      const [delivery] = await waitFor('delivered after the timeout', async () => {
        const found = await deliveries(sub.id, `?goldenId=${encodeURIComponent(goldenId)}`);
        return found[0]?.status === 'delivered' && found;
      });
      const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${delivery?.id ?? ''}`);
      expect(detail.body.attemptLog?.map((a) => a.outcome)).toEqual(['failed', 'delivered']);
      expect(at(detail.body.attemptLog ?? [], 0, 'timed-out attempt').error).toContain('no answer within 200 ms');
    } finally {
      release({ status: 200 });
      receiver.respond = () => ({ status: 200 });
    }
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('at most transport.maxInFlight requests are open at once', async () => {
    const sub = await subscribe({}, { maxInFlight: 2 });
    const held: Array<(answer: Answer) => void> = [];
    let open = 0;
    let mostOpen = 0;
    receiver.respond = (request) => {
      if (!ofSubscription(sub.id, request)) return { status: 200 };
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      return new Promise<Answer>((resolve) => {
        held.push((answer) => {
          open -= 1;
          resolve(answer);
        });
      });
    };
    try {
      for (let i = 0; i < 6; i++) await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
      let answered = 0;
      while (answered < 6) {
        // Wait until the endpoint holds as many requests as the limit allows (fewer at the end), then answer them.
        await waitFor('requests up to the limit', () => held.length >= Math.min(2, 6 - answered));
        for (const answer of held.splice(0)) {
          answer({ status: 200 });
          answered += 1;
        }
      }
      expect(mostOpen).toBe(2);
      await waitFor('all delivered', async () => (await deliveries(sub.id, '?status=delivered')).length === 6);
    } finally {
      for (const answer of held.splice(0)) answer({ status: 200 });
      receiver.respond = () => ({ status: 200 });
    }
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });

  test('an endpoint whose every attempt fails for longer than the limit is disabled with a visible reason', async () => {
    const sub = await subscribe();
    receiver.respond = (request) => (ofSubscription(sub.id, request) ? { status: 503, body: 'down' } : { status: 200 });
    try {
      await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
      const [parked] = await waitFor('the first change parked', async () => {
        const found = await deliveries(sub.id, '?status=parked');
        return found.length === 1 && found;
      });
      const detail = await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${sub.id}/deliveries/${parked?.id ?? ''}`);
      const firstFailure = at(detail.body.attemptLog ?? [], 0, 'first attempt').at;
      // Still failing after the limit: the next change's failed attempt disables the endpoint.
      await clockPast(new Date(Date.parse(firstFailure) + DISABLE_AFTER_MS + 50).toISOString());
      expect((await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
      await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
      const disabled = await waitFor('disabled', async () => {
        const view = (await server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${sub.id}`)).body;
        return view.status === 'disabled' && view;
      });
      expect(disabled.disabledReason).toContain(`Every attempt has failed since ${firstFailure}`);
      expect(disabled.disabledReason).toContain('503');
    } finally {
      receiver.respond = () => ({ status: 200 });
    }
    await server.request('DELETE', `/api/v1/subscriptions/${sub.id}`);
  });
});
