/**
 * Issue 13, "every page, every width": each studio page at 390 px (a phone) and 1280 px (a laptop)
 * has no horizontal overflow of the document or of the page area, no overlapping labels on its key
 * controls, and (at 1280) no table cell squeezed to one word per line. The navigation collapses to a
 * Menu button on a phone. Keyboard only: the tabs (arrow keys, Home/End) and the golden-record search
 * combobox (arrows, Enter, Escape). The dashboard lists what needs attention, linking to filtered
 * lists, and its charts offer their figures as tables.
 *
 * `npm run screenshots` runs the "every page" test with MDM_SCREENSHOTS_DIR=docs/screenshots and so
 * refreshes the README gallery; otherwise the screenshots go to test-results/e2e.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubStatistics } from '../../server/stats/hubStatistics';
import { at } from '../support/must';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';
import { layoutProblems, openStudioPage, studioPages } from './studioPages';
import type { StudioPage } from './studioPages';

let env: E2eEnvironment;
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

async function capture(page: Page, name: string): Promise<void> {
  const directory = process.env.MDM_SCREENSHOTS_DIR;
  if (directory === undefined || directory === '') {
    await screenshot(page, name);
    return;
  }
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: path.join(directory, `page-${name}.png`) });
}

/** The focused element's role and text, e.g. `tab:item`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.getAttribute('role') ?? element?.tagName.toLowerCase()}:${(element?.textContent ?? '').trim()}`;
  });
}

describeInBrowser('every page at every width, keyboard-only tabs and search, dashboard attention', () => {
  let pages: StudioPage[];
  beforeAll(async () => {
    env = await startEnvironment();
    pages = await studioPages(env);
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('every page at 390 and 1280 px: no horizontal overflow, no overlapping labels, no one-word-per-line tables', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const problems: string[] = [];
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      for (const studioPage of pages) {
        await openStudioPage(page, studioPage);
        const found = await layoutProblems(page);
        const where = `${studioPage.name} at ${size.width}px`;
        problems.push(...found.overflow.map((text) => `${where}: ${text}`));
        problems.push(...found.overlaps.map((text) => `${where}: ${text}`));
        if (size.width >= 1280) problems.push(...found.squeezedCells.map((text) => `${where}: ${text}`));
        await capture(page, `${studioPage.name}-${size.width}`);
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('on a phone the navigation is a Menu button; it opens the sections and closes on choosing one', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = page.getByRole('button', { name: 'Menu' });
    const goldenLink = page.locator('.sidebar a[href="#/golden"]');
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await goldenLink.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await goldenLink.click();
    await page.locator('.result-list li a').first().waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await goldenLink.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await menu.isVisible()).toBe(false);
    expect(await goldenLink.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  test('keyboard only: domain tabs follow the arrow keys and the server’s domain list; the search is a combobox', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const schemas = await env.server.request<{ items: Array<{ domain: string }> }>('GET', '/api/v1/schemas');
    const domains = schemas.body.items.map((item) => item.domain);
    await page.evaluate(() => {
      window.location.hash = '#/golden';
    });
    const tabs = page.locator('[role=tablist][aria-label="Domain"] [role=tab]');
    await expect.poll(() => tabs.allTextContents()).toEqual(domains);
    // The first server domain is selected, its panel labelled by its tab; only it is in the Tab order.
    const selected = page.locator('[role=tab][aria-selected=true]');
    expect(await selected.textContent()).toBe(domains[0]);
    const panelId = (await selected.getAttribute('aria-controls')) ?? '';
    expect(await page.locator(`#${panelId}`).getAttribute('role')).toBe('tabpanel');
    expect(await page.locator(`#${panelId}`).getAttribute('aria-labelledby')).toBe(await selected.getAttribute('id'));
    expect(await tabs.evaluateAll((items) => items.map((item) => item.getAttribute('tabindex')))).toEqual(
      domains.map((_, index) => (index === 0 ? '0' : '-1')),
    );

    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe(`tab:${domains[1]}`);
    await expect.poll(() => page.url()).toContain(`#/golden/${domains[1]}`);
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe(`tab:${domains.at(-1)}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe(`tab:${domains[0]}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focused(page)).toBe(`tab:${domains.at(-1)}`);
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe(`tab:${domains[0]}`);
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').textContent()).toBe(domains[0]);

    // Tab from the tab list reaches the panel, then the combobox inside it.
    const combobox = page.getByRole('combobox', { name: new RegExp(`Search ${domains[0]} golden records`) });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => combobox.evaluate((element) => element === document.activeElement)).toBe(true);
    const golden = await env.server.request<{ items: Array<{ id: string; attributes: { name?: string } }> }>(
      'GET',
      `/api/v1/golden/${domains[0]}?status=active&limit=200`,
    );
    // A first word several golden records share (golden ids are random, so the first record's own first word may be
    // unique, and the list below needs two options to move through).
    const firstWords = golden.body.items.map((item) => (item.attributes.name ?? '').split(/\s+/)[0] ?? '').filter((w) => w.length >= 3);
    const word = at(
      firstWords.filter((w, index) => firstWords.indexOf(w) !== index),
      0,
      'a first word shared by two golden records',
    );
    await page.keyboard.type(word);
    // Wait for the search answer (the list before it is the unfiltered one; Enter is refused until it settles).
    await expect
      .poll(() => page.locator('.search-bar [role=status]').textContent(), { timeout: 20_000 })
      .toMatch(/\d+ match|Only common words/);
    expect(await combobox.getAttribute('aria-controls')).toBe('golden-results');
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
    const options = page.locator('#golden-results [role=option]');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    await expect.poll(() => combobox.getAttribute('aria-activedescendant')).toBe('golden-result-0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => combobox.getAttribute('aria-activedescendant')).toBe('golden-result-1');
    expect(await page.locator('#golden-result-1').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => combobox.getAttribute('aria-activedescendant')).toBe('golden-result-0');
    await page.keyboard.press('Escape');
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('false');
    expect(await combobox.getAttribute('aria-activedescendant')).toBeNull();
    expect(await combobox.inputValue()).toBe(word);
    // Enter on a closed list opens nothing; ArrowDown opens it again, Enter opens the active option.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
    const activeId = (await combobox.getAttribute('aria-activedescendant')) ?? '';
    const href = (await page.locator(`#${activeId} a`).getAttribute('href')) ?? '';
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(page.url())).toContain(decodeURIComponent(href));
    await page.locator('table[aria-label="Attributes"]').waitFor();
    expect(errors).toEqual([]);
  });

  test('keyboard only: the rules page tabs include the alias tables; focus follows across the page change', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const schemas = await env.server.request<{ items: Array<{ domain: string }> }>('GET', '/api/v1/schemas');
    const domains = schemas.body.items.map((item) => item.domain);
    await page.evaluate((domain) => {
      window.location.hash = `#/rules/${domain}`;
    }, domains.at(-1));
    const tabs = page.locator('[role=tablist][aria-label="Domain"] [role=tab]');
    await expect.poll(() => tabs.allTextContents()).toEqual([...domains, 'alias tables']);
    await page.locator('[role=tab][aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe('tab:alias tables');
    await page.locator('[data-testid="alias-tables"]').waitFor();
    expect(await page.locator('[role=tabpanel]').getAttribute('aria-labelledby')).toBe(
      await page.locator('[role=tab][aria-selected=true]').getAttribute('id'),
    );
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe(`tab:${domains[0]}`);
    await expect.poll(() => page.url()).toContain(`#/rules/${domains[0]}`);
    expect(errors).toEqual([]);
  });

  test('the dashboard says what needs attention, links to the filtered lists, and offers chart figures as tables', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const stats = await env.server.request<HubStatistics>('GET', '/api/v1/stats');
    const openExceptions = stats.body.domains.reduce((sum, row) => sum + row.openExceptions, 0);
    const openTasks = stats.body.domains.reduce((sum, row) => sum + row.openTasks, 0);
    expect(openExceptions).toBeGreaterThan(0);
    expect(openTasks).toBeGreaterThan(0);
    const exceptionsLink = page.locator('[data-testid="attention-exceptions"]');
    await expect.poll(() => exceptionsLink.textContent()).toBe(`${openExceptions.toLocaleString('en-US')} open exceptions`);
    expect(await page.locator('[data-testid="attention-tasks"]').textContent()).toBe(
      `${openTasks.toLocaleString('en-US')} open steward tasks`,
    );
    const domainWithExceptions = stats.body.domains.find((row) => row.openExceptions > 0);
    const perDomain = page
      .locator('.attention-list li')
      .filter({ hasText: domainWithExceptions?.domain ?? '' })
      .locator('a', { hasText: 'exception' });
    expect(await perDomain.getAttribute('href')).toBe(`#/exceptions?status=open&domain=${domainWithExceptions?.domain}`);

    // The ingest chart's figures, as a table, add up to the seed's records received in the last 24 hours.
    const series = await env.server.request<{
      buckets: Array<{ accepted: Record<string, number>; unchanged: Record<string, number>; exceptions: Record<string, number> }>;
    }>('GET', '/api/v1/stats/ingest?bucket=hour');
    const received = series.body.buckets.reduce(
      (sum, bucket) =>
        sum +
        [bucket.accepted, bucket.unchanged, bucket.exceptions].reduce(
          (inner, counts) => inner + Object.values(counts).reduce((a, b) => a + b, 0),
          0,
        ),
      0,
    );
    expect(received).toBeGreaterThan(0);
    const figure = page.locator('figure', { hasText: 'Records received per hour' });
    await figure.locator('summary').click();
    const totals = await figure.locator('table tbody tr td:last-child').allTextContents();
    expect(totals.reduce((sum, text) => sum + Number(text.replace(/[^0-9]/g, '')), 0)).toBe(received);
    expect(await page.locator('details.chart-data').count()).toBe(await page.locator('.chart-grid svg[role=img]').count());

    await exceptionsLink.click();
    await expect.poll(() => page.url()).toContain('#/exceptions?status=open');
    expect(errors).toEqual([]);
  });

  test('a malformed link and a page whose code no longer loads keep the shell and say what happened', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    // A link with a broken escape (hand-edited, or cut when pasted) opens the page: the id is looked up as typed.
    await page.goto(`${env.server.baseUrl}/#/golden/supplier/%ZZ`);
    await expect.poll(() => page.locator('.notice-error').first().textContent()).toMatch(/was not found/);
    expect(errors).toEqual([]);

    // The mapping editor's chunk fails to load (the studio was upgraded while this tab was open): the page
    // says so and offers a reload; the menu still works and the next page renders.
    await page.route('**/assets/MappingsSection-*.js', (route) => route.abort());
    await page.goto(`${env.server.baseUrl}/#/mappings`);
    const failed = page.getByTestId('page-error');
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.locator('h1').textContent()).toBe('This page could not be shown');
    expect(await failed.getByRole('button', { name: 'Reload the studio' }).isVisible()).toBe(true);
    await page.unroute('**/assets/MappingsSection-*.js');

    // A rules link to a domain the server does not have says so, links the real ones, and offers no editor to publish.
    await page.goto(`${env.server.baseUrl}/#/rules/nosuch`);
    await expect
      .poll(() => page.getByTestId('unknown-domain').textContent())
      .toMatch(/There is no domain "nosuch"\. Open the rules of account, facility, item, supplier\./);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByTestId('unknown-domain').getByRole('link', { name: 'supplier' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Publish' }).count()).toBe(1);

    await page.locator('.sidebar a[href="#/inbox"]').click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Steward inbox');
    expect(await failed.count()).toBe(0);
  });
});
