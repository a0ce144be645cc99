/**
 * Alias tables in the studio (headless Chromium): open the tab on the matching-rules page, edit rows,
 * see a problem named live (a word listed twice) with Publish disabled, fix it, publish, and the
 * server's published version has the new row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { at } from '../support/must';
import { CHROMIUM_PATH, describeInBrowser, ensureStudioBuilt, screenshot } from './harness';
import { startTestServer, type TestServer } from '../support/testServer';

const ALIASES_DIRECTORY = fileURLToPath(new URL('../../matching-rules/aliases/', import.meta.url));
/** Rows of the shipped noiseWords table: the test adds one after them (the table grows as rounds add words). */
const SHIPPED_NOISE_ROWS = (JSON.parse(readFileSync(`${ALIASES_DIRECTORY}noiseWords.json`, 'utf8')) as { entries: unknown[] }).entries
  .length;

let server: TestServer;
let browser: Browser;

describeInBrowser('alias tables in Chromium', () => {
  beforeAll(async () => {
    await ensureStudioBuilt();
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('edit rows, validate, publish', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.baseUrl}/`);
    await page.fill('input[type=password]', server.adminKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sidebar');
    await page.goto(`${server.baseUrl}/#/rules/aliases/noiseWords`);
    await page.waitForSelector('[data-testid=alias-tables] table[aria-label="Rows of noiseWords"]');
    // Every shipped table is listed (one file per table in matching-rules/aliases/, besides the schema).
    const shipped = readdirSync(ALIASES_DIRECTORY).filter((name) => name.endsWith('.json') && name !== 'aliases.schema.json');
    expect(shipped.length).toBeGreaterThanOrEqual(13);
    expect(await page.locator('[aria-label="Alias tables"] li').count()).toBe(shipped.length);

    await page.click('button:has-text("Add row")');
    const variants = page.locator('input[aria-label="Variants"]');
    await variants.last().fill('PER');
    await expect.poll(() => page.textContent('[data-testid=alias-validation]')).toMatch(/1 problem/);
    await expect.poll(() => page.locator('button:has-text("Publish")').isDisabled()).toBe(true);

    await variants.last().fill('ASSORTED, VARIOUS');
    await page.fill('input[aria-label="Table version"]', 'noiseWords-e2e-1');
    await expect
      .poll(() => page.textContent('[data-testid=alias-validation]'))
      .toMatch(new RegExp(`Valid: ${SHIPPED_NOISE_ROWS + 1} rows`));
    await page.click('button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/Published version 2/);
    await screenshot(page, 'alias-tables');

    const published = await server.request<{
      published: { number: number; table: { version: string; entries: Array<{ variants: string[] }> } };
    }>('GET', '/api/v1/matching/aliases/noiseWords');
    expect(published.body.published.number).toBe(2);
    expect(published.body.published.table.version).toBe('noiseWords-e2e-1');
    expect(at(published.body.published.table.entries, SHIPPED_NOISE_ROWS, 'alias entry').variants).toEqual(['ASSORTED', 'VARIOUS']);
    expect(errors).toEqual([]);
  });
});
