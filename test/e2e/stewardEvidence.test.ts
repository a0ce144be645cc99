/**
 * Steward evidence that reads (issue 13), in headless Chromium against the seeded server: records with
 * one name told apart by the domain's summary attributes and sources (search, golden list, inbox, task
 * page); structured values as labelled fields; the explanation reads the GTINs shown side by side.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GoldenRecordView } from '../../server/contracts/golden';
import type { OperationResponse } from '../../server/contracts/operations';
import type { TaskListView, TaskView } from '../../server/contracts/stewardship';
import { summaryLine } from '../../studio/src/ui/recordSummary';
import { firstOf } from '../support/must';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

async function golden(domain: string, id: string): Promise<GoldenRecordView> {
  const response = await env.server.request<GoldenRecordView>('GET', `/api/v1/golden/${domain}/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

describeInBrowser('steward evidence in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test("facilities named ST. JOSEPH'S HOSPITAL are told apart by city, CCN/NPI and source in search, list, inbox and task", async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    // Search: every hit shows what tells it apart, and no two hits with one name read the same.
    await expect
      .poll(
        async () =>
          (
            await env.server.request<OperationResponse<'searchGolden'>>(
              'GET',
              "/api/v1/search/facility?q=st%20joseph's%20hospital&limit=30",
            )
          ).body.items.length,
      )
      .toBeGreaterThan(1);
    await page.goto(`${env.server.baseUrl}/#/golden/facility`);
    await page.fill('input[type=search]', "st joseph's hospital");
    const josephRows = page.locator('.result-list li').filter({ has: page.locator('strong', { hasText: /ST\. JOSEPH'S/ }) });
    await expect.poll(() => josephRows.count()).toBeGreaterThan(1);
    await expect
      .poll(async () => (await josephRows.locator('[data-testid=record-summary]').allTextContents()).length)
      .toBe(await josephRows.count());
    const rows = await josephRows.evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('strong')?.textContent ?? '',
        summary: item.querySelector('[data-testid=record-summary]')?.textContent ?? '',
      })),
    );
    for (const row of rows) expect(row.summary).toMatch(/City \S.*(CCN|NPI) \d.*· [a-z]+/);
    expect(new Set(rows.map((row) => `${row.name} | ${row.summary}`)).size).toBe(rows.length);
    console.info(`[e2e] "ST. JOSEPH'S" search rows:\n  ${rows.map((row) => `${row.name} — ${row.summary}`).join('\n  ')}`);
    await screenshot(page, 'golden-search-same-names');

    // The list (no query) shows the same summary line for each record, from the records themselves.
    await page.fill('input[type=search]', '');
    await expect.poll(() => page.textContent('.search-bar [role=status]')).toContain('Type to search');
    const firstRow = page.locator('.result-list li').first();
    await expect
      .poll(async () => {
        const firstId = (await firstRow.locator('a').getAttribute('href'))?.split('/').pop() ?? '';
        const shown = await firstRow.locator('[data-testid=record-summary]').textContent();
        return shown === summaryLine(await golden('facility', firstId));
      })
      .toBe(true);

    // Inbox and task page: titled by name, with the same summary line.
    const listed = await env.server.request<TaskListView>('GET', '/api/v1/tasks?domain=facility&status=open&limit=100');
    const task = listed.body.items.find((item: TaskView) => item.subject.goldenId !== undefined);
    expect(task, 'an open facility task about a golden record').toBeDefined();
    const subject = await golden('facility', task?.subject.goldenId ?? '');
    const expectedSummary = summaryLine(subject);
    expect(expectedSummary).toMatch(/City /);
    await page.goto(`${env.server.baseUrl}/#/inbox/${task?.id}?domain=facility`);
    const row = page.locator(`.task-list li[data-task-id="${task?.id}"]`);
    await expect.poll(() => row.locator('[data-testid=record-summary]').textContent()).toBe(expectedSummary);
    expect(await row.locator('.task-title').textContent()).toContain(String(subject.attributes.name));
    await expect.poll(() => page.textContent('[data-testid=task-title]')).toContain(String(subject.attributes.name));
    expect(await page.textContent('.detail-header [data-testid=record-summary]')).toBe(expectedSummary);
    await screenshot(page, 'inbox-task-named');
    expect(errors).toEqual([]);
  });

  test('structured values render as labelled fields on the golden page and in the compare table; the GTIN explanation reads the shown values', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const facilities = await env.server.request<{ items: GoldenRecordView[] }>('GET', '/api/v1/golden/facility?status=active&limit=50');
    const withAddress = facilities.body.items.find((record) => typeof record.attributes.address === 'object');
    expect(withAddress, 'a facility golden record with an address').toBeDefined();
    const address = withAddress?.attributes.address as Record<string, string>;
    await page.goto(`${env.server.baseUrl}/#/golden/facility/${withAddress?.id}`);
    const addressCell = page.locator('table[aria-label=Attributes] tr:has(th:text-is("address")) td.mono');
    await expect.poll(() => addressCell.locator('dt').allTextContents()).toContain('city');
    expect(await addressCell.locator('.value-field:has(dt:text-is("city")) dd').textContent()).toBe(address.city);
    expect(await addressCell.textContent()).not.toContain('{');
    await screenshot(page, 'golden-structured-values');

    // An item task whose two records both show a GTIN (structured manufacturer/packaging alongside).
    const listed = await env.server.request<TaskListView>('GET', '/api/v1/tasks?type=potential-match&domain=item&limit=100');
    let chosen: TaskView | null = null;
    for (const task of listed.body.items) {
      const [subject, candidate] = firstOf(
        await Promise.all([task.subject.goldenId, task.candidates?.[0]?.goldenId].map((id) => golden('item', id ?? ''))),
        2,
        'golden records',
      );
      if (subject.attributes.gtin && candidate.attributes.gtin) {
        chosen = task;
        break;
      }
    }
    expect(chosen, 'an item review task between two golden records with GTINs').not.toBeNull();
    await page.goto(`${env.server.baseUrl}/#/inbox/${chosen?.id}?type=potential-match&domain=item`);
    const compare = page.locator('table[aria-label="Records side by side"]');
    await expect.poll(() => compare.locator('tbody tr').count()).toBeGreaterThan(0);
    const cells = await compare.locator('td.mono').allTextContents();
    for (const cell of cells) expect(cell).not.toMatch(/^[[{]/);
    expect(await compare.locator('dl.value-fields').count()).toBeGreaterThan(0);
    const shownGtins = await compare.locator('tr:has(th:text-is("gtin")) td.mono').allTextContents();
    expect(shownGtins.every((gtin) => /^\d{8,14}$/.test(gtin))).toBe(true);
    const gtinLine = await page.locator('.explanation-section table.explanation tr:has(:is(td, th):text-is("gtin"))').first().textContent();
    expect(gtinLine).not.toMatch(/missing/i);
    for (const gtin of shownGtins) expect(gtinLine).toContain(gtin);
    await screenshot(page, 'inbox-structured-compare');
    expect(errors).toEqual([]);
  });

  test('before a merge with chosen values the page says they become overrides that survive an unmerge; "let survivorship decide" sends none', async () => {
    const listed = await env.server.request<TaskListView>('GET', '/api/v1/tasks?type=potential-match&domain=item&status=open&limit=100');
    const task = listed.body.items.at(-1);
    expect(task, 'an open item potential-match task').toBeDefined();
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/inbox/${task?.id}?type=potential-match&domain=item`);
    const differing = page.locator('table[aria-label="Records side by side"] tr[data-differs]');
    await expect.poll(() => differing.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=merge-choices]').count()).toBe(0);
    const attribute = (await differing.first().locator('th').textContent()) ?? '';
    await page.selectOption(`select[aria-label="Surviving ${attribute}"]`, 'subject');
    const notice = page.locator('[data-testid=merge-choices]');
    await expect.poll(() => notice.textContent()).toContain('become steward overrides on the surviving record');
    expect(await notice.textContent()).toContain('even after an unmerge');
    expect(await notice.getByRole('radio', { name: /Keep my choices/ }).isChecked()).toBe(true);
    await screenshot(page, 'inbox-merge-choices');
    await notice.getByRole('radio', { name: /Let survivorship decide/ }).check();
    await page.fill('input[aria-label=Reason]', 'Same item: survivorship picks the values');
    await page.click('.decision-bar button:has-text("Merge")');
    await expect.poll(() => page.textContent('[data-testid=task-status]')).toBe('closed: merged');
    const survivor = await golden('item', task?.candidates?.[0]?.goldenId ?? '');
    expect(Object.keys(survivor.overrides)).not.toContain(attribute);
    expect(errors).toEqual([]);
  });

  test('an invalid override value is explained next to the value field in plain words, not as "body.value: …"', async () => {
    const facilities = await env.server.request<{ items: GoldenRecordView[] }>('GET', '/api/v1/golden/facility?status=active&limit=50');
    const record = facilities.body.items.find((item) => typeof item.attributes.ccn === 'string');
    expect(record, 'a facility golden record with a CCN').toBeDefined();
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/golden/facility/${record?.id}`);
    await page.click('button[aria-label="Override ccn"]');
    await page.fill('input[aria-label="Override value (JSON or text)"]', '"not a CCN"');
    await page.fill('input[aria-label="Override reason"]', 'e2e: a typo on purpose');
    await page.click('button:has-text("Set override")');
    const message = page.locator('#override-value-error');
    await expect.poll(() => message.count()).toBe(1);
    const text = (await message.textContent()) ?? '';
    expect(text).not.toMatch(/body\./);
    expect(text.length).toBeGreaterThan(0);
    expect(await page.getAttribute('input[aria-label="Override value (JSON or text)"]', 'aria-invalid')).toBe('true');
    // Placed by the field: no second copy in a page-level notice.
    expect(await page.locator('.notice-error').count()).toBe(0);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('form[aria-label=Override]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screenshots/golden-override-error-${width}.png` });
    }
    await page.goto(`${env.server.baseUrl}/#/golden/facility`);
    await page.fill('input[type=search]', "st joseph's hospital");
    await expect.poll(() => page.locator('.result-list [data-testid=record-summary]').count()).toBeGreaterThan(1);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `docs/screenshots/golden-search-summaries-${width}.png` });
    }
    expect(errors).toEqual([]);
  });
});
