/**
 * Downstream sync in headless Chromium against a seeded server and a real local receiver: create a
 * subscription in the studio (secret shown once), see a delivery arrive, inspect a failure's exact
 * request and answer, replay it, preview a message, and find the record's sync status on its page; edit a
 * subscription's response mapping and includeSensitive (saved and shown again), discard a parked delivery
 * (audited, listed as discarded) and delete the subscription through the in-page confirmation; find a golden
 * record by the id a target system gave it (closed loop) and open it; rewind, replay all delivered since a time
 * and backfill from the page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DeliveryView, SubscriptionView } from '../../server/contracts/subscriptions';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { startReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;
let receiver: WebhookReceiver;

describeInBrowser('downstream sync in Chromium', () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    // Two quick attempts, so a failing delivery is parked (dead letter) within the test.
    env = await startEnvironment({ env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_RETRY_SCHEDULE_MS: '50', MDM_SYNC_INTERVAL_MS: '50' } });
  }, 240_000);

  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  test('create a subscription, see a delivery, inspect a failure, replay it; preview; the record shows its sync status', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.click('text=Downstream sync');
    await page.click('text=New subscription');
    const form = page.locator('form[aria-label="New subscription"]');
    await form.locator('input').first().fill('ERP items (e2e)');
    await form.locator('label:has-text("item") input[type=checkbox]').first().check();
    await form.locator('input[aria-label="URL"]').fill(receiver.url);
    await form.locator('button[type=submit]').click();
    const secret = (await page.locator('[data-testid="signing-secret"]').textContent()) ?? '';
    expect(secret.trim()).toMatch(/^whsec_/);
    await page.click('text=Open it');
    await expect.poll(() => page.locator('[data-testid="subscription-status"]').textContent()).toBe('active');
    const subscriptionId = at(at(page.url().split('#/sync/'), 1, 'subscription path').split('?'), 0, 'subscription id');

    // A change is delivered and shows in the list.
    const first = await applyCanonical(env.server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({ description: 'E2E GLOVE NITRILE L' }),
    });
    await expect.poll(() => receiver.requests.length).toBe(1);
    const deliveries = page.locator('table[aria-label="Delivery list"]');
    await expect
      .poll(() => deliveries.locator('tbody tr').filter({ hasText: first.goldenId }).filter({ hasText: 'delivered' }).count())
      .toBe(1);

    // The receiver fails: the next change is parked after its two attempts; inspect the exact exchange.
    receiver.respond = () => ({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'ERP is down for maintenance' });
    const second = await applyCanonical(env.server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({ description: 'E2E SUTURE 3-0' }),
    });
    await expect
      .poll(
        async () =>
          (await env.server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries?status=parked`))
            .body.items.length,
      )
      .toBe(1);
    await expect.poll(() => page.locator('[data-testid="last-error"]').textContent()).toContain('500');
    await page.locator('[aria-label="By status"] button', { hasText: 'parked' }).click();
    await deliveries.locator('tbody tr').filter({ hasText: second.goldenId }).locator('button.link-button').click();
    const detail = page.locator('[aria-label="Delivery"]');
    await expect.poll(() => detail.locator('pre[aria-label="Response"]').first().textContent()).toContain('ERP is down for maintenance');
    expect(await detail.locator('pre[aria-label="Request"]').first().textContent()).toContain(`POST ${receiver.url}`);
    expect(await detail.locator('pre[aria-label="Request"]').first().textContent()).toContain('webhook-signature: v1,<redacted>');
    await screenshot(page, 'sync-failed-delivery');

    // The receiver is back: replay from the studio; the same webhook-id is accepted.
    receiver.respond = () => ({ status: 204 });
    await detail.locator('button', { hasText: 'Replay' }).click();
    await expect.poll(() => receiver.requests.filter((r) => r.status === 204 && r.body.includes(second.goldenId)).length).toBe(1);
    const ids = new Set(receiver.requests.filter((r) => r.body.includes(second.goldenId)).map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    await page.locator('[aria-label="By status"] button', { hasText: 'all' }).click();
    await expect
      .poll(() => deliveries.locator('tbody tr').filter({ hasText: second.goldenId }).filter({ hasText: 'delivered' }).count())
      .toBe(1);

    // Preview exactly what would be sent for the first record.
    await page.fill('input[aria-label="Golden record id"]', first.goldenId);
    await page.click('[aria-label="Preview"] button[type=submit]');
    await expect.poll(() => page.locator('[aria-label="Sent live"] pre').first().textContent()).toContain(`"goldenId":"${first.goldenId}"`);

    // The golden record's page shows its sync status for this subscriber.
    await page.goto(`${env.server.baseUrl}/#/golden/item/${encodeURIComponent(first.goldenId)}`);
    const status = page.locator('table[aria-label="Sync status per subscriber"]');
    await expect.poll(() => status.locator('tbody tr').filter({ hasText: 'ERP items (e2e)' }).textContent()).toContain('v1');
    await screenshot(page, 'sync-golden-status');
    expect(errors).toEqual([]);
  });

  test('edit the response mapping and includeSensitive (shown again), discard a parked delivery (audited), delete after confirming', async () => {
    const created = await env.server.request<SubscriptionView>('POST', '/api/v1/subscriptions', {
      body: { name: 'Closed loop (e2e)', domains: ['item'], transport: { type: 'webhook', url: receiver.url } },
    });
    expect(created.status, created.text).toBe(201);
    const subscriptionId = created.body.id;
    const ofThisSubscription = (webhookId: string | undefined) => webhookId?.startsWith(`msg_${subscriptionId.slice(4)}_`) === true;
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/sync/${subscriptionId}`);
    await expect.poll(() => page.locator('[data-testid="subscription-status"]').textContent()).toBe('active');

    // Response mapping and includeSensitive: saved, then shown again after a reload, in the header and the editor.
    await page.locator('.header-controls button', { hasText: 'Edit' }).click();
    const editor = page.locator('form[aria-label="Edit subscription"]');
    await expect.poll(() => editor.locator('select[aria-label="Response mapping"] option[value="hl7"]').count()).toBe(1);
    await editor.locator('select[aria-label="Response mapping"]').selectOption('hl7');
    await editor.locator('input[aria-label="Include sensitive attributes"]').check();
    await editor.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain('Saved (version 2)');
    const stored = await env.server.request<SubscriptionView>('GET', `/api/v1/subscriptions/${subscriptionId}`);
    expect(stored.body.responseMapping).toEqual({ target: 'hl7' });
    expect(stored.body.includeSensitive).toBe(true);
    await page.reload();
    const header = page.locator('.page-header');
    await expect.poll(() => header.textContent()).toContain('response mapping hl7 (closed loop)');
    expect(await header.textContent()).toContain('sensitive attributes sent unmasked');
    await page.locator('.header-controls button', { hasText: 'Edit' }).click();
    await expect.poll(() => editor.locator('select[aria-label="Response mapping"]').inputValue()).toBe('hl7');
    expect(await editor.locator('input[aria-label="Include sensitive attributes"]').isChecked()).toBe(true);
    await page.locator('.header-controls button', { hasText: 'Close editor' }).click();

    // The receiver refuses this subscription's messages: the change is parked; discard it with a reason.
    const previous = receiver.respond;
    receiver.respond = (request, index) =>
      ofThisSubscription(request.headers['webhook-id']) ? { status: 500, body: 'rejected' } : previous(request, index);
    const parked = await applyCanonical(env.server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({ description: 'E2E CATHETER FOLEY 16FR' }),
    });
    await expect
      .poll(
        async () =>
          (
            await env.server.request<{ items: DeliveryView[] }>(
              'GET',
              `/api/v1/subscriptions/${subscriptionId}/deliveries?status=parked&goldenId=${encodeURIComponent(parked.goldenId)}`,
            )
          ).body.items.length,
      )
      .toBe(1);
    receiver.respond = previous;
    const deliveries = page.locator('table[aria-label="Delivery list"]');
    await page.locator('[aria-label="By status"] button', { hasText: 'parked' }).click();
    await deliveries.locator('tbody tr').filter({ hasText: parked.goldenId }).locator('button.link-button').click();
    const detail = page.locator('[aria-label="Delivery"]');
    const discard = detail.locator('[aria-label="Discard"]');
    expect(await discard.locator('button', { hasText: 'Discard' }).isDisabled()).toBe(true);
    await discard.locator('input[aria-label="Discard reason"]').fill('ERP will load this item by hand');
    await discard.locator('button', { hasText: 'Discard' }).click();
    await expect.poll(() => page.locator('[aria-label="Deliveries"] [role="status"]').textContent()).toContain('Discarded');
    await page.locator('[aria-label="By status"] button', { hasText: 'all' }).click();
    await expect
      .poll(() => deliveries.locator('tbody tr').filter({ hasText: parked.goldenId }).filter({ hasText: 'discarded' }).count())
      .toBe(1);
    const audit = await env.server.request<{ items: Array<{ action: string; reason?: string; after?: { goldenId?: string } }> }>(
      'GET',
      '/api/v1/audit?action=subscription.discard',
    );
    expect(audit.body.items.filter((entry) => entry.after?.goldenId === parked.goldenId).map((entry) => entry.reason)).toEqual([
      'ERP will load this item by hand',
    ]);

    // Delete asks in the page first; "Keep it" keeps it, "Delete subscription" removes it.
    await page.locator('.header-controls button', { hasText: 'Delete' }).click();
    const confirm = page.locator('[role="alertdialog"][aria-label="Confirm deletion"]');
    expect(await confirm.textContent()).toContain('Delete “Closed loop (e2e)”?');
    await confirm.locator('button', { hasText: 'Keep it' }).click();
    expect(await confirm.count()).toBe(0);
    expect((await env.server.request('GET', `/api/v1/subscriptions/${subscriptionId}`)).status).toBe(200);
    await page.locator('.header-controls button', { hasText: 'Delete' }).click();
    await confirm.locator('button', { hasText: 'Delete subscription' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/sync$/);
    expect((await env.server.request('GET', `/api/v1/subscriptions/${subscriptionId}`)).status).toBe(404);
    await expect.poll(() => page.locator('text=Closed loop (e2e)').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("find a golden record by a target system's id (closed loop) on the sync page and open it", async () => {
    // A response mapping reads the target's id from its reply.
    const saved = await env.server.request('PUT', '/api/v1/mappings/erp-ids/item?direction=outbound', {
      body: { expression: 'response.json.erpId', revision: 0 },
    });
    expect(saved.status, saved.text).toBe(201);
    const published = await env.server.request('POST', '/api/v1/mappings/erp-ids/item/publish?direction=outbound', { body: {} });
    expect(published.status, published.text).toBe(201);
    const created = await env.server.request<SubscriptionView>('POST', '/api/v1/subscriptions', {
      body: {
        name: 'ERP with ids (e2e)',
        domains: ['item'],
        transport: { type: 'webhook', url: receiver.url },
        responseMapping: { target: 'erp-ids' },
      },
    });
    expect(created.status, created.text).toBe(201);
    const subscriptionId = created.body.id;
    const previous = receiver.respond;
    receiver.respond = (request, index) => {
      if (!request.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`)) return previous(request, index);
      const body = JSON.parse(request.body) as { data: { goldenId: string } };
      return {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ erpId: `ERP-${body.data.goldenId.slice(-6)}` }),
      };
    };
    try {
      const record = await applyCanonical(env.server, {
        domain: 'item',
        source: 'lawson',
        canonical: itemRecord({ description: 'E2E GAUZE SPONGE 4X4' }),
      });
      const targetId = `ERP-${record.goldenId.slice(-6)}`;
      await expect
        .poll(async () => (await env.server.request('GET', `/api/v1/sync/target-xref/erp-ids/${encodeURIComponent(targetId)}`)).status)
        .toBe(200);

      const { page, errors } = await signIn(env, env.server.adminKey);
      await page.click('text=Downstream sync');
      const lookup = page.locator('[aria-label="Find by target id"]');
      // An id the system never gave: said in the page.
      await lookup.locator('input[aria-label="Target system"]').fill('erp-ids');
      await lookup.locator('input[aria-label="Target id"]').fill('ERP-NOPE');
      await lookup.locator('button[type=submit]').click();
      await expect
        .poll(() => lookup.locator('[role="status"]').textContent())
        .toContain('No golden record is known to erp-ids as "ERP-NOPE"');
      // The id the reply gave opens the golden record, whose sync status shows that id.
      await lookup.locator('input[aria-label="Target id"]').fill(targetId);
      await lookup.locator('button[type=submit]').click();
      await expect.poll(() => decodeURIComponent(page.url())).toContain(`#/golden/item/${record.goldenId}`);
      const status = page.locator('table[aria-label="Sync status per subscriber"]');
      await expect
        .poll(() => status.locator('tbody tr').filter({ hasText: 'ERP with ids (e2e)' }).textContent())
        .toContain(`erp-ids: ${targetId}`);
      await screenshot(page, 'sync-target-id-lookup');
      expect(errors).toEqual([]);
    } finally {
      receiver.respond = previous;
    }
    await env.server.request('DELETE', `/api/v1/subscriptions/${subscriptionId}`);
  });

  test('rewind to a cursor, replay all delivered since a time, and backfill from the studio: each sends again with the same ids', async () => {
    const canonical = itemRecord({ description: 'E2E TONGUE DEPRESSOR' });
    const record = await applyCanonical(env.server, { domain: 'item', source: 'lawson', canonical });
    // The record's creation is in the feed before the subscription starts (after the newest change).
    const changes = env.server.running.services.store.collection<{ _id: string; goldenId: string }>('changes');
    await expect.poll(async () => (await changes.findOne({ goldenId: record.goldenId })) !== null).toBe(true);
    // The filter keeps this subscription to the one record (the seeded ones would fill a backfill).
    const created = await env.server.request<SubscriptionView>('POST', '/api/v1/subscriptions', {
      body: {
        name: 'Rewind and backfill (e2e)',
        domains: ['item'],
        transport: { type: 'webhook', url: receiver.url },
        filter: `data.goldenId = "${record.goldenId}"`,
      },
    });
    expect(created.status, created.text).toBe(201);
    const subscriptionId = created.body.id;
    const sent = () =>
      receiver.requests.filter((r) => r.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`) && r.status < 300);
    // A change after the subscription: delivered live.
    await applyCanonical(env.server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...canonical, description: 'E2E TONGUE DEPRESSOR WOOD' },
    });
    await expect.poll(() => sent().length).toBe(1);
    const live = at(sent(), 0, 'live message');
    const cursor = (JSON.parse(live.body) as { data: { cursor: string } }).data.cursor;

    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/sync/${subscriptionId}`);
    await expect.poll(() => page.locator('[data-testid="subscription-status"]').textContent()).toBe('active');
    const panel = page.locator('[aria-label="Deliveries"]');

    // Neither a cursor nor a time: said in the page, nothing sent.
    await panel.locator('input[aria-label="Rewind to"]').fill('last tuesday');
    await panel.locator('button', { hasText: 'Rewind' }).click();
    await expect.poll(() => panel.locator('[role="alert"]').textContent()).toContain('neither a change cursor');
    await panel.locator('[role="alert"] button[aria-label="Dismiss"]').click();
    // Rewind to just before that change: it goes again with its webhook-id.
    await panel.locator('input[aria-label="Rewind to"]').fill(String(Number(cursor) - 1));
    await panel.locator('button', { hasText: 'Rewind' }).click();
    await expect.poll(() => panel.locator('[role="status"]').textContent()).toContain('later changes are sent again');
    await expect.poll(() => sent().length).toBe(2);
    expect(at(sent(), 1, 'after the rewind').headers['webhook-id']).toBe(live.headers['webhook-id']);

    // Replay every delivered one since a day ago (the form's default): once more, same id.
    await panel.locator('select[aria-label="Replay status"]').selectOption('delivered');
    await panel.locator('.toolbar button', { hasText: 'Replay' }).click();
    await expect.poll(() => panel.locator('[role="status"]').textContent()).toContain('1 delivered deliveries queued again');
    await expect.poll(() => sent().length).toBe(3);
    expect(at(sent(), 2, 'after the replay').headers['webhook-id']).toBe(live.headers['webhook-id']);

    // Backfill: a snapshot of the record, shown as a run with its progress.
    await page.locator('.header-controls button', { hasText: 'Backfill' }).click();
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain('Backfill run 1 started');
    await expect.poll(() => sent().length).toBe(4);
    expect(JSON.parse(at(sent(), 3, 'snapshot').body)).toMatchObject({ type: 'golden.snapshot', data: { goldenId: record.goldenId } });
    await expect.poll(() => page.locator('p.muted', { hasText: 'Backfill run 1:' }).textContent()).toContain('finished');
    const audit = await env.server.request<{ items: Array<{ action: string; target: { id: string } }> }>(
      'GET',
      `/api/v1/audit?action=subscription.&order=desc&limit=100`,
    );
    const actions = audit.body.items.filter((entry) => entry.target.id === subscriptionId).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['subscription.rewind', 'subscription.replay-bulk', 'subscription.backfill']));
    await screenshot(page, 'sync-rewind-backfill');
    expect(errors).toEqual([]);
    await env.server.request('DELETE', `/api/v1/subscriptions/${subscriptionId}`);
  });
});
