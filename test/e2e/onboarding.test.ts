/**
 * Issue 13's analyst flow in headless Chromium against a seeded server, as an analyst key: onboard
 * a new source (meditech → item) from a CSV without leaving the studio — form validation, the
 * editor's every-record verdict, key completion, the target schema tree, tests (save first, accept
 * actual, undo a removal, load an input), publish, the unsaved-changes guard, rollback showing the
 * server's draft, the upload job with its totals, golden records found by source id and filtered
 * by source, the exceptions and the jobs page. Screenshots at 1280 and 390 px wide.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { MappingView } from '../../server/contracts/mappings';
import { gs1CheckDigit } from '../../server/identifiers';
import { describeInBrowser, outputStatus, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

const gtin = (n: number): string => {
  const first13 = `0099887${String(n).padStart(6, '0')}`;
  return `${first13}${gs1CheckDigit(first13)}`;
};

/** 20 Meditech item rows; rows 5 and 12 fail the canonical schema (bad GTIN check digit, no description). */
function meditechCsv(): string {
  const rows = ['ITEM_NO,DESCRIPTION,GTIN'];
  for (let index = 1; index <= 20; index += 1) {
    const id = `MT-1002${String(33 + index).padStart(2, '0')}`;
    const description = index === 12 ? '' : `ONBOARDING TEST DRESSING ${index}X${index} STERILE`;
    const code = index === 5 ? '00998870000002' : gtin(index);
    rows.push(`${id},${description},${code}`);
  }
  return `${rows.join('\n')}\n`;
}

const EXPRESSION = '{\n"sourceId": ITEM_NO,\n"description": DESCRIPTION,\n"gtin": GTIN\n}';

async function editorText(page: Page, index: number): Promise<string> {
  return page.$$eval(
    '.monaco-editor',
    (editors, i) => {
      const editor = editors[i];
      if (!editor) throw new Error(`expected editor ${i}, the page has ${editors.length}`);
      return [...editor.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n');
    },
    index,
  );
}

async function setExpression(page: Page, expression: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (expression === '') return;
  await page.keyboard.insertText(expression);
  // Monaco auto-closes the first "{" of inserted text: drop whatever follows the inserted expression.
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
}

async function bothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describeInBrowser('onboarding a new source in the studio (analyst)', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 480_000);

  afterAll(async () => {
    await env?.close();
  });

  test('from a CSV to golden records without leaving the studio', { timeout: 600_000 }, async () => {
    const analystKey = await env.server.createKey('analyst', 'e2e analyst');
    const { page, errors } = await signIn(env, analystKey);
    // No browser dialogs: questions are asked in the page (ui/Dialog.tsx).
    const browserDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // The form refuses a source name the server would refuse, in words, before opening anything.
    await page.goto(`${env.server.baseUrl}/#/mappings`);
    await page.fill('input[aria-label="New mapping source system"]', 'Meditech Live!');
    await page.click('button:has-text("Create draft")');
    await expect.poll(() => page.textContent('#new-source-error')).toMatch(/lower-case letters, digits/);
    expect(await page.evaluate(() => window.location.hash)).toBe('#/mappings');
    await bothWidths(page, 'mappings-list-invalid-source');
    await page.fill('input[aria-label="New mapping source system"]', 'meditech');
    await page.selectOption('select[aria-label="New mapping domain"]', 'item');
    await page.click('button:has-text("Create draft")');
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).toContain('new — not saved yet');

    // A URL with an invalid source says why instead of "loading…".
    await page.goto(`${env.server.baseUrl}/#/mappings/edit/Bad%20Name/item`);
    // Leaving the unsaved new draft may ask first (in-page dialog): leave without saving when it does.
    await expect
      .poll(async () => {
        const leave = page.getByRole('button', { name: 'Leave without saving' });
        if (await leave.isVisible()) await leave.click();
        return (await page.locator('.notice-error').count()) > 0 ? await page.textContent('.notice-error') : '';
      })
      .toMatch(/is not a source system name/);
    await page.goto(`${env.server.baseUrl}/#/mappings/edit/meditech/item`);
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).toContain('new — not saved yet');

    // Samples: the 20-row CSV. The empty constructor shows required fields missing in the schema tree.
    await page.fill('textarea[aria-label^="Sample records"]', meditechCsv());
    await page.click('[role=tab]:has-text("Target schema")');
    await expect.poll(() => page.textContent('[data-testid=required-missing]')).toBe('Required but missing: sourceId, description');

    await setExpression(page, EXPRESSION);
    // Every record is checked: 2 of 20 fail, and the list jumps to each.
    await expect.poll(() => outputStatus(page), { timeout: 20_000 }).toMatch(/20 records · 2 failed/);
    await expect.poll(() => page.textContent('[role=tab]:has-text("Target schema")')).toBe('Target schema (1 missing)');
    await expect.poll(() => page.textContent('[data-testid=required-missing]')).toBe('Required but missing: description');
    expect(await page.getAttribute('.schema-field[data-path="gtin"]', 'class')).toContain('filled');
    await bothWidths(page, 'mapping-target-schema');
    await page.click('button:has-text("2 of 20 fail: show them")');
    await expect.poll(() => page.textContent('[data-testid=record-check]')).toBe('2 of 20 fail');
    const failing = await page.$$eval('ul[aria-label="Failing records"] li', (items) => items.map((item) => item.textContent ?? ''));
    expect(failing).toEqual([expect.stringMatching(/^Record 5.*gtin/), expect.stringMatching(/^Record 12.*description/)]);
    await page.click('ul[aria-label="Failing records"] li:nth-child(2) button');
    await expect.poll(() => page.textContent('.record-picker span')).toBe('Record 12 of 20');
    await page.click('[role=tab]:has-text("Problems")');
    await expect
      .poll(() => page.$$eval('.problems li', (items) => items.map((item) => item.textContent ?? '')))
      .toEqual([expect.stringMatching(/^Schemadescription/)]);
    await page.click('[role=tab]:has-text("Records")');
    await bothWidths(page, 'mapping-records-fail');
    await page.click('ul[aria-label="Failing records"] li:nth-child(1) button');
    await expect.poll(() => page.textContent('.record-picker span')).toBe('Record 5 of 20');
    for (let index = 4; index > 0; index -= 1) await page.click('button[aria-label="Previous record"]');
    await expect.poll(() => page.textContent('.record-picker span')).toBe('Record 1 of 20');

    // Tests on a mapping never saved: Run tests saves it first.
    await page.click('[role=tab]:has-text("Tests (")');
    await page.fill('input[aria-label="Test name"]', 'first row');
    await page.click('button:has-text("Save sample as test")');
    await page.fill('input[aria-label="Test name"]', 'second row');
    await page.click('button[aria-label="Next record"]');
    await page.click('button:has-text("Save sample as test")');
    await expect.poll(() => page.textContent('[role=tab]:has-text("Tests (")')).toBe('Tests (2)');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('2 of 2 passed');
    const saved = await env.server.request<MappingView>('GET', '/api/v1/mappings/meditech/item');
    expect(saved.status).toBe(200);
    expect(saved.body.draft?.tests.map((entry) => entry.name)).toEqual(['first row', 'second row']);

    // A deliberate change: descriptions in lower case. Accept the actual output as expected, per test.
    await setExpression(page, EXPRESSION.replace('"description": DESCRIPTION', '"description": $lowercase(DESCRIPTION)'));
    await expect.poll(() => outputStatus(page)).toMatch(/20 records · 2 failed/);
    await page.click('button:has-text("Run all tests")');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('0 of 2 passed');
    await page.click('.test-row:has-text("first row")');
    await expect.poll(() => page.textContent('.test-detail')).toMatch(/Differs at: .*description/);
    await bothWidths(page, 'mapping-test-accept-actual');
    await page.click('button:has-text("Accept actual as expected")');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('1 of 2 passed');
    await page.click('.test-row:has-text("second row")');
    await page.click('button:has-text("Accept actual as expected")');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('2 of 2 passed');
    // Remove, undo; load a test's input as the sample.
    await page.click('button[aria-label="Remove test second row"]');
    await expect.poll(() => page.textContent('[role=tab]:has-text("Tests (")')).toBe('Tests (1)');
    await page.click('.undo-bar button:has-text("Undo")');
    await expect.poll(() => page.textContent('[role=tab]:has-text("Tests (")')).toBe('Tests (2)');
    await page.click('.test-row:has-text("second row")');
    await page.click('button:has-text("Load input as sample")');
    await expect.poll(() => outputStatus(page)).toContain('1 record · 0 failed');
    await page.fill('textarea[aria-label^="Sample records"]', meditechCsv());
    await page.click('button:has-text("Run all tests")');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('2 of 2 passed');

    // Publish v1 (saves first); the editor shows what the server holds.
    await page.click('button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Published v1 \(2\/2 tests passed\)\.$/);
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).not.toContain('unsaved');

    // Unsaved changes: leaving asks; staying keeps the page and the text.
    await setExpression(page, EXPRESSION);
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).toContain('unsaved changes');
    await page.click('.sidebar a[href="#/golden"]');
    const leaveDialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await expect.poll(() => leaveDialog.textContent()).toMatch(/unsaved changes\. Leave without saving\?/);
    await leaveDialog.getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => leaveDialog.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/mappings/edit/meditech/item');
    expect(await page.isVisible('[data-testid=draft-state]')).toBe(true);
    // Publish v2 (upper case again), then roll back to v1: the editor shows the server's draft, not the old text.
    await page.click('[role=tab]:has-text("Tests (")');
    await page.click('button:has-text("Run all tests")');
    await expect.poll(() => page.textContent('.tests-panel .pill')).toBe('0 of 2 passed');
    for (const name of ['first row', 'second row']) {
      await page.click(`.test-row:has-text("${name}")`);
      await page.click('button:has-text("Accept actual as expected")');
    }
    await page.click('button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Published v2/);
    await page.click('[role=tab]:has-text("Versions")');
    await page.click('button:has-text("Roll back to v1")');
    const rollbackDialog = page.getByRole('dialog', { name: 'Roll back to v1' });
    await rollbackDialog.getByRole('textbox', { name: 'Reason' }).fill('e2e: back to the first version');
    await rollbackDialog.getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/Rolled back: published v3/);
    const afterRollback = await env.server.request<MappingView>('GET', '/api/v1/mappings/meditech/item');
    expect(afterRollback.body.draft?.expression).toContain('$lowercase');
    await expect.poll(() => editorText(page, 0)).toContain('$lowercase(DESCRIPTION)');
    expect(await page.textContent('[data-testid=draft-state]')).not.toContain('unsaved');

    // Onboarding load: the CSV as an upload job, progress, totals linking to records and exceptions.
    await page.click('[role=tab]:has-text("Load data")');
    await page.setInputFiles('input[aria-label="File to load"]', {
      name: 'meditech-items.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(meditechCsv()),
    });
    await page.click('button:has-text("Upload and ingest")');
    await expect.poll(() => page.textContent('.upload-job .job-status'), { timeout: 60_000 }).toBe('succeeded');
    expect(await page.getAttribute('.upload-job progress', 'value')).toBe('100');
    const totals = await page.$$eval('ul[aria-label="Ingest totals"] li', (items) => items.map((item) => (item.textContent ?? '').trim()));
    expect(totals).toEqual(['20 received', '18 accepted', '0 unchanged', '2 exceptions']);
    await bothWidths(page, 'mapping-load-data');

    await page.click('ul[aria-label="Ingest totals"] a:has-text("exceptions")');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/exceptions?source=meditech&domain=item');
    await expect
      .poll(() => page.$$eval('.chip.active', (chips) => chips.map((chip) => chip.textContent ?? '').join(' ')))
      .toContain('meditech → item');

    // Golden records fed by meditech, then a source id typed into search.
    const fed = await env.server.request<{ items: unknown[] }>('GET', '/api/v1/golden/item?source=meditech&status=active&limit=500');
    expect(fed.body.items.length).toBeGreaterThan(0);
    await page.goto(`${env.server.baseUrl}/#/golden/item?source=meditech`);
    await expect.poll(() => page.$$eval('ul[aria-label="Search results"] li a', (links) => links.length)).toBe(fed.body.items.length);
    expect(await page.inputValue('select[aria-label="Filter by source system"]')).toBe('meditech');
    await bothWidths(page, 'golden-filtered-by-source');
    await page.fill('input[aria-label="Search item golden records"]', 'MT-100234');
    await expect
      .poll(() => page.textContent('ul[aria-label="Search results"] li:first-child'))
      .toMatch(/onboarding test dressing 1x1 sterile.*sourceId \(meditech\)/i);
    await page.click('ul[aria-label="Search results"] li:first-child a');
    await expect.poll(() => page.textContent('.page')).toContain('meditech');

    // The jobs page lists the upload with its totals.
    await page.goto(`${env.server.baseUrl}/#/jobs`);
    await expect.poll(() => page.textContent('table[aria-label="Jobs"] tbody')).toMatch(/meditech → item/);
    expect(await page.textContent('table[aria-label="Jobs"] tbody tr:first-child')).toMatch(
      /succeeded.*20 of 20 records.*18 accepted.*2 exceptions/s,
    );
    await bothWidths(page, 'jobs');
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the rules editor asks before leaving with unsaved changes, and leaves when told to', async () => {
    const analystKey = await env.server.createKey('analyst', 'e2e rules analyst');
    const { page, errors } = await signIn(env, analystKey);
    const browserDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const leaveDialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await page.goto(`${env.server.baseUrl}/#/rules/supplier`);
    await expect.poll(() => page.textContent('section[aria-label=Rules] .pane-header')).toContain('Valid against the rules schema');
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n');
    await expect.poll(() => page.textContent('.unsaved')).toContain('unsaved changes');
    await page.click('.sidebar a[href="#/"]');
    await expect.poll(() => leaveDialog.textContent()).toMatch(/^Unsaved changesThe supplier rule set has unsaved changes/);
    // Escape answers "stay", as the Stay button does.
    await page.keyboard.press('Escape');
    await expect.poll(() => leaveDialog.count()).toBe(0);
    expect(await page.evaluate(() => window.location.hash)).toBe('#/rules/supplier');
    expect(await page.isVisible('.unsaved')).toBe(true);
    await page.click('.sidebar a[href="#/"]');
    await leaveDialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
    await expect.poll(() => page.isVisible('.unsaved')).toBe(false);
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the jobs page cancels a queued job and says why a job failed', async () => {
    const { jobs } = env.server.running.services;
    // A type no handler claims stays queued until cancelled; the other fails the way handlers report refusals.
    const queued = await jobs.enqueue({ type: 'e2e.waiting', params: { source: 'meditech', domain: 'item' }, createdBy: 'e2e', total: 10 });
    jobs.register({
      type: 'e2e.failing',
      run: async () => {
        throw Object.assign(new Error('The uploaded file was removed before the job could read it.'), {
          status: 422,
          code: 'UPLOAD_MISSING',
        });
      },
    });
    const failing = await jobs.enqueue({ type: 'e2e.failing', params: { source: 'meditech', domain: 'item' }, createdBy: 'e2e' });
    const analystKey = await env.server.createKey('analyst', 'e2e jobs analyst');
    const { page, errors } = await signIn(env, analystKey);
    await page.goto(`${env.server.baseUrl}/#/jobs`);
    const row = (id: string) => page.locator(`tr[data-job-id="${id}"]`);
    await expect
      .poll(() => row(failing._id).textContent())
      .toMatch(/failed.*The uploaded file was removed before the job could read it\. \(UPLOAD_MISSING\)/s);
    expect(await row(queued._id).textContent()).toMatch(/queued.*0 of 10 records/s);
    await page.click(`button[aria-label="Cancel job ${queued._id}"]`);
    await expect.poll(() => row(queued._id).locator('.job-status').textContent()).toBe('cancelled');
    expect(await row(queued._id).locator('button').count()).toBe(0);
    const stored = await env.server.request<{ status: string }>('GET', `/api/v1/jobs/${queued._id}`);
    expect(stored.body.status).toBe('cancelled');
    await page.selectOption('select[aria-label="Job status"]', 'failed');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/jobs?status=failed');
    await expect
      .poll(() => page.$$eval('table[aria-label="Jobs"] tbody tr', (rows) => rows.map((entry) => entry.getAttribute('data-job-id'))))
      .toEqual([failing._id]);
    await bothWidths(page, 'jobs-failed');
    expect(errors).toEqual([]);
  });
});
