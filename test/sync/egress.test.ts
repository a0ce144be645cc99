/** Egress safety: private and loopback destinations are refused unless allow-listed (environment or admin API). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryView } from '../../server/contracts/subscriptions';
import { EgressAllowList, egressEntryProblem, isNonPublicAddress } from '../../server/sync/egressRules';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { startReceiver, waitFor, type WebhookReceiver } from '../support/webhookReceiver';

describe('egress rules', () => {
  test.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2a00:1450:4001::1', false],
    ['::ffff:8.8.8.8', false],
  ])('%s non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  test.each([
    ['127.0.0.1', null],
    ['10.0.0.0/8', null],
    ['fd00::/8', null],
    ['erp.hospital.local', null],
    ['10.0.0.0/33', 'prefix'],
    ['not a host', 'neither'],
    ['300.1.1.1/8', 'not an IP address'],
  ])('entry %s', (entry, problem) => {
    const found = egressEntryProblem(entry);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  test('an allow-list matches host names exactly and addresses by range', () => {
    const list = new EgressAllowList(['10.0.0.0/8', 'erp.local', '127.0.0.1']);
    expect(list.allows('x', '10.9.9.9')).toBe(true);
    expect(list.allows('ERP.local', '192.168.0.1')).toBe(true);
    expect(list.allows('x', '127.0.0.2')).toBe(false);
    expect(list.allows('x', '::ffff:127.0.0.1')).toBe(true);
  });
});

describe('egress through the API', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    // The receiver listens on 127.0.0.2, which MDM_EGRESS_ALLOW (127.0.0.1) does not cover.
    receiver = await startReceiver({ host: '127.0.0.2' });
    server = await startTestServer({
      env: {
        MDM_EGRESS_ALLOW: '127.0.0.1',
        MDM_SYNC_RETRY_SCHEDULE_MS: '50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50',
        MDM_SYNC_INTERVAL_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  test.each([
    ['a loopback address outside the allow-list', () => receiver.url, '127.0.0.2'],
    ['the cloud metadata address (link-local)', () => 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['a private IPv6 address', () => 'http://[fd00::1]:8080/hook', 'fd00::1'],
  ])('%s is refused when the subscription is saved', async (_, url, host) => {
    const refused = await server.request<{ error: { code: string; details: Array<{ path: string; code: string; message: string }> } }>(
      'POST',
      '/api/v1/subscriptions',
      { body: { name: 'private', domains: ['item'], transport: { type: 'webhook', url: url() } } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(at(refused.body.error.details, 0, 'error detail')).toMatchObject({ path: 'body.transport.url', code: 'EGRESS_REFUSED' });
    expect(at(refused.body.error.details, 0, 'error detail').message).toContain(`"${host}" is a private, loopback or link-local address`);
  });

  test('an allowed address (environment) and a public host name are accepted when saved', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'https://erp.example.com/hook']) {
      const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
        body: { name: `ok ${url}`, domains: ['item'], transport: { type: 'webhook', url } },
      });
      expect(created.status, url).toBe(201);
      expect((await server.request('DELETE', `/api/v1/subscriptions/${created.body.id}`)).status).toBe(204);
    }
  });

  test('an address whose allow-list entry is removed is refused at delivery without connecting, until an admin allows it again', async () => {
    const first = await server.request('PUT', '/api/v1/sync/egress-allow', {
      body: { entries: ['127.0.0.2/32'], reason: 'test receiver' },
    });
    expect(first.status).toBe(200);
    const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
      body: { name: 'private', domains: ['item'], transport: { type: 'webhook', url: receiver.url } },
    });
    expect(created.status).toBe(201);
    const removed = await server.request('PUT', '/api/v1/sync/egress-allow', { body: { entries: [], reason: 'receiver retired' } });
    expect(removed.status).toBe(200);
    const result = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    const delivery = await waitFor('a refused attempt', async () => {
      const items = (
        await server.request<{ items: DeliveryView[] }>(
          'GET',
          `/api/v1/subscriptions/${created.body.id}/deliveries?goldenId=${result.goldenId}`,
        )
      ).body.items;
      const [first] = items;
      return items.length === 1 && first !== undefined && first.attempts >= 1 && first;
    });
    const detail = (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${created.body.id}/deliveries/${delivery.id}`)).body;
    expect(detail.attemptLog?.[0]).toMatchObject({ outcome: 'failed', response: null });
    expect(detail.attemptLog?.[0]?.error).toContain('resolves to 127.0.0.2, a private or loopback address');
    expect(receiver.requests).toHaveLength(0);

    const bad = await server.request<{ error: { details: Array<{ path: string }> } }>('PUT', '/api/v1/sync/egress-allow', {
      body: { entries: ['127.0.0.2/40'] },
    });
    expect(bad.status).toBe(400);
    expect(at(bad.body.error.details, 0, 'error detail').path).toBe('body.entries[0]');
    const allowed = await server.request('PUT', '/api/v1/sync/egress-allow', {
      body: { entries: ['127.0.0.2/32'], reason: 'test receiver' },
    });
    expect(allowed.status).toBe(200);
    expect((await server.request<{ entries: string[]; fromEnvironment: string[] }>('GET', '/api/v1/sync/egress-allow')).body).toMatchObject(
      { entries: ['127.0.0.2/32'], fromEnvironment: ['127.0.0.1'] },
    );
    await waitFor('delivered once allowed', () => receiver.requests.some((r) => r.status === 200));
    const audit = await server.request<{ items: Array<{ action: string; after: unknown }> }>(
      'GET',
      '/api/v1/audit?action=sync.egress.update',
    );
    expect(at(audit.body.items, 0, 'audit entry').after).toEqual(['127.0.0.2/32']);
  });
});
