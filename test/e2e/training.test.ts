/**
 * The training card of the matching-rules page (headless Chromium): on a small supplier store, Train
 * starts `POST /matching/supplier/train`, the card follows the job and shows its report (iterations,
 * m / u per level against the published rules), "Load the trained draft" opens the draft in the
 * editor, and Publish makes it a new rule version — checked on the server.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, describeInBrowser, ensureStudioBuilt, screenshot } from './harness';
import { applyCanonical } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let browser: Browser;

const NAMES = [
  'Acme Surgical',
  'Zenith Medical',
  'Summit Health',
  'Harbor Scientific',
  'Pioneer Diagnostics',
  'Granite Pharma',
  'Cobalt Surgical',
  'Meridian Medical',
];

describeInBrowser('training m / u from the rules page', () => {
  beforeAll(async () => {
    await ensureStudioBuilt();
    server = await startTestServer();
    // Each company twice (an upper-case vendor record with a suffix), so EM has duplicates to find.
    for (const [i, name] of NAMES.entries()) {
      const address = {
        purposes: ['main'],
        line1: `${100 + i} Main St`,
        city: 'Springfield',
        state: 'IL',
        postalCode: String(62700 + i),
        country: 'US',
      };
      await applyCanonical(server, { domain: 'supplier', source: 'oracle', canonical: { sourceId: `O${i}`, name, addresses: [address] } });
      await applyCanonical(server, {
        domain: 'supplier',
        source: 'workday',
        canonical: { sourceId: `W${i}`, name: `${name.toUpperCase()} INC`, addresses: [{ ...address, line1: `${100 + i} Main Street` }] },
      });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('train, read the report, load the draft, publish it as a new version', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.baseUrl}/`);
    await page.fill('input[type=password]', server.adminKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sidebar');
    await page.goto(`${server.baseUrl}/#/rules/supplier`);
    await page.waitForSelector('[aria-label="Train from the data"]');
    await expect.poll(() => page.textContent('[data-testid=rules-state]')).toMatch(/same-as-published|no draft/);

    await page.click('[aria-label="Train from the data"] button:has-text("Train")');
    await page.waitForSelector('[data-testid=training-report]', { timeout: 120_000 });
    const report = (await page.textContent('[data-testid=training-report]')) ?? '';
    expect(report).toMatch(/\d+ iterations? \((converged|not converged)/);
    expect(report).toMatch(/on 16 records/);
    const saved = /Saved as draft r(\d+) supplier-[\d.]+\+trained\./.exec(report);
    expect(saved, report).not.toBeNull();
    // One row per trained level, the published m / u beside the trained one.
    const nameExact = page.locator('table[aria-label="Trained levels"] tr', { hasText: 'exact' }).filter({ hasText: 'name' }).first();
    expect(await nameExact.textContent()).toMatch(/0\.750 → /);
    await screenshot(page, 'rules-training');

    await page.click('button:has-text("Load the trained draft")');
    await expect
      .poll(() => page.textContent('[data-testid=rules-state]'))
      .toMatch(new RegExp(`draft r${saved?.[1]} \\((unpublished|modified)\\)`));
    await page.click('.mapping-toolbar button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/Published version 2/);

    const published = await server.request<{ published: { number: number; rulesVersion: string } }>(
      'GET',
      '/api/v1/matching/rules/supplier',
    );
    expect(published.status, published.text).toBe(200);
    expect(published.body.published.number).toBe(2);
    expect(published.body.published.rulesVersion).toMatch(/\+trained\./);
    expect(errors).toEqual([]);
  });
});
