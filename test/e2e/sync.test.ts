/**
 * Downstream sync in headless Chromium against a seeded server and a real local receiver: create a
 * subscription in the studio (secret shown once), see a delivery arrive, inspect a failure's exact
 * request and answer, replay it, preview a message, and find the record's sync status on its page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DeliveryView } from '../../server/contracts/subscriptions';
import { applyCanonical, itemRecord } from '../support/factories/golden';
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
    const subscriptionId = page.url().split('#/sync/')[1].split('?')[0];

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
});
