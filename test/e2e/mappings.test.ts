/**
 * The mapping studio end to end in headless Chromium against a seeded server: edit a stored mapping
 * (syntax error marker, fix, live output, schema error), save a test, publish; then open a queued
 * exception in the editor as the sample, fix the mapping, publish and replay the exception.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExceptionView } from '../../server/contracts/ingest';
import type { MappingView } from '../../server/contracts/mappings';
import { describeInBrowser, focusExpressionEnd, outputStatus, problemTexts, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

describeInBrowser('mapping studio in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('open a mapping, see a syntax error marker, fix it, see live output and a schema error, save a test, publish', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/mappings`);
    await page.click('a[href="#/mappings/edit/peoplesoft/account"]');
    await expect.poll(() => outputStatus(page), { timeout: 20_000 }).toMatch(/\d+ records · 0 failed/);
    const testsBefore = Number((await page.textContent('[role=tab]:has-text("Tests (")'))?.match(/\d+/)?.[0]);

    // Samples from recent real payloads of the source (raw payloads of the records it fed).
    await page.selectOption('select[aria-label="Load a sample"]', 'recent');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Sample loaded: ([1-9]\d*) recent peoplesoft payloads$/);
    const loadedCount = Number((await page.textContent('.notice-success'))?.match(/(\d+) recent/)?.[1]);
    // Loaded payloads are parsed records (the summary says so since the sample's format is kept with the draft).
    await expect.poll(() => outputStatus(page)).toContain(`${loadedCount} records · stored samples`);
    await expect.poll(() => outputStatus(page)).toContain(`${loadedCount} records · 0 failed`);

    await focusExpressionEnd(page);
    await page.keyboard.insertText(' +');
    await expect.poll(() => problemTexts(page)).toEqual([expect.stringMatching(/^Syntax.*Ln \d+, Col \d+$/s)]);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    await screenshot(page, 'mapping-syntax-error');

    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => problemTexts(page)).toEqual([]);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
    const output = await page.$$eval('.monaco-editor', (editors) => (editors[1]?.textContent ?? '').replace(/\u00a0/g, ' '));
    expect(output).toContain('"sourceId"');

    const breaking = ' ~> |$|{"accountType": "bogus"}|';
    await page.keyboard.insertText(breaking);
    await expect.poll(() => problemTexts(page)).toEqual([expect.stringMatching(/^SchemaaccountType: .*bogus/)]);
    await screenshot(page, 'mapping-schema-error');
    for (let index = 0; index < breaking.length; index += 1) await page.keyboard.press('Backspace');
    await expect.poll(() => problemTexts(page)).toEqual([]);

    await page.click('[role=tab]:has-text("Tests (")');
    await page.fill('input[aria-label="Test name"]', 'e2e: first sample as it maps today');
    await page.click('button:has-text("Save sample as test")');
    await expect.poll(() => page.textContent('[role=tab]:has-text("Tests (")')).toBe(`Tests (${testsBefore + 1})`);
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).toContain('unsaved changes');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/Draft saved \(revision \d+\)/);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.textContent('.tests-panel [role=status]')).toBe(`${testsBefore + 1} of ${testsBefore + 1} passed`);

    await page.click('button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Published v2 \(\d+\/\d+ tests passed\)\.$/);
    const stored = await env.server.request<MappingView>('GET', '/api/v1/mappings/peoplesoft/account');
    expect(stored.body.publishedVersion).toBe(2);
    expect(stored.body.published?.tests.map((entry) => entry.name)).toContain('e2e: first sample as it maps today');

    await page.click('[role=tab]:has-text("Versions")');
    await expect
      .poll(() => page.$$eval('table[aria-label="Published versions"] tbody tr', (rows) => rows.map((row) => row.textContent ?? '')))
      .toEqual([expect.stringMatching(/^v2 current/), expect.stringMatching(/^v1.*Roll back to v1$/)]);
    await screenshot(page, 'mapping-published-versions');
    expect(errors).toEqual([]);
  });

  test('a failing test blocks publishing with the server’s message', async () => {
    const { page } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/mappings/edit/lawson/account`);
    await expect.poll(() => outputStatus(page), { timeout: 20_000 }).toMatch(/records · 0 failed/);
    await focusExpressionEnd(page);
    await page.keyboard.insertText(' ~> |$|{"name": "RENAMED"}|');
    await expect.poll(() => page.textContent('[data-testid=draft-state]')).toContain('unsaved changes');
    await page.click('button:has-text("Publish")');
    await expect
      .poll(() => page.textContent('.notice-error'))
      .toMatch(/The draft of lawson\/account \(revision \d+\): \d+ of \d+ test cases? failed/);
    await expect.poll(() => page.textContent('.tests-panel [role=status]')).toMatch(/^0 of \d+ passed$/);
    const stored = await env.server.request<MappingView>('GET', '/api/v1/mappings/lawson/account');
    expect(stored.body.publishedVersion).toBe(1);
    await screenshot(page, 'mapping-publish-refused');

    // What changes: the saved draft against the published version on recent real payloads.
    await page.click('[role=tab]:has-text("What changes")');
    await page.click('button:has-text("Compare draft with published")');
    await expect
      .poll(() => page.textContent('.changes-panel [role=status]'))
      .toMatch(/^\d+ recent records re-mapped: [1-9]\d* would change, 0 unchanged \(v1 → draft r\d+\)\.$/);
    expect(await page.locator('ul[aria-label="Records whose output would change"] li').first().textContent()).toContain('name');
    await expect.poll(() => page.locator('.changes-panel .monaco-diff .editor.modified').count()).toBe(1);
    await screenshot(page, 'mapping-what-changes');

    // Versions: the published version beside the editor's draft in Monaco's diff editor.
    await page.click('[role=tab]:has-text("Versions")');
    await expect
      .poll(() => page.$$eval('.versions-diff .diff-labels span', (labels) => labels.map((label) => label.textContent)))
      .toEqual(['v1', 'Draft (editor)']);
    await expect
      .poll(() =>
        page.$$eval('.versions-diff .editor.modified .view-line', (lines) =>
          lines.some((line) => (line.textContent ?? '').includes('RENAMED')),
        ),
      )
      .toBe(true);
  });

  test('an exception opens in the editor as the sample; after the mapping is fixed and published, replay accepts it', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const listed = await env.server.request<{ items: ExceptionView[] }>(
      'GET',
      '/api/v1/exceptions?source=oracle&domain=supplier&code=SCHEMA_VIOLATION',
    );
    const exception = listed.body.items.find((item) => item.path === 'name');
    expect(exception).toBeDefined();
    const id = exception?.id ?? '';

    await page.goto(`${env.server.baseUrl}/#/exceptions`);
    await page.click('.chip:has-text("oracle → supplier")');
    await page.click(`.task-row:has-text("${exception?.sourceId ?? ''}")`);
    await expect.poll(() => page.textContent('pre[aria-label=Payload]')).toContain('"SupplierNumber": "1058"');
    await screenshot(page, 'exception-detail');
    await page.click('a:has-text("Open in mapping editor")');
    await expect
      .poll(() => page.textContent('.notice-success'))
      .toContain('Sample loaded from the exception queue: exception SCHEMA_VIOLATION');
    await expect.poll(() => problemTexts(page), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^Schema.*name/));

    // The fix: an empty supplier name falls back to the supplier number, typed at the end of the name line.
    const mapping = await env.server.request<MappingView>('GET', '/api/v1/mappings/oracle/supplier');
    const lines = (mapping.body.draft?.expression ?? '').split('\n');
    const nameLine = lines.findIndex((line) => line.trimEnd().endsWith('"name": $text(Supplier),'));
    expect(nameLine).toBeGreaterThan(0);
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+Home');
    for (let line = 0; line < nameLine; line += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(' ? $text(Supplier) : "SUPPLIER " & SupplierNumber,');
    await expect.poll(() => problemTexts(page)).toEqual([]);
    const output = await page.$$eval('.monaco-editor', (editors) => (editors[1]?.textContent ?? '').replace(/\u00a0/g, ' '));
    expect(output).toContain('"SUPPLIER 1058"');

    await page.click('button:has-text("Publish")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Published v2 /);

    await page.goto(`${env.server.baseUrl}/#/exceptions?id=${id}`);
    await page.click('.decision-bar button:has-text("Replay")');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/^Replayed: accepted into supplier-/);
    const replayed = await env.server.request<ExceptionView>('GET', `/api/v1/exceptions/${id}`);
    expect(replayed.body.status).toBe('replayed');
    await screenshot(page, 'exception-replayed');
    expect(errors).toEqual([]);
  });

  test('a lookup table is viewed and edited: a new entry is saved with the revision read', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    const before = await env.server.request<{ revision: number; entryCount: number }>('GET', '/api/v1/lookups/uom');
    await page.goto(`${env.server.baseUrl}/#/mappings/lookups/uom`);
    await expect
      .poll(() => page.textContent('.split-main .toolbar'))
      .toContain(`revision ${before.body.revision} · ${before.body.entryCount} entries`);
    await page.click('button:has-text("Add entry")');
    await page.locator('input[aria-label="Source code"]').last().fill('BAGGIE');
    await page.locator('input[aria-label="Canonical value"]').last().fill('BG');
    await page.click('button:has-text("Save table")');
    await expect
      .poll(() => page.textContent('.notice-success'))
      .toBe(`Saved revision ${before.body.revision + 1} (${before.body.entryCount + 1} entries).`);
    const after = await env.server.request<{ entries: Record<string, unknown> }>('GET', '/api/v1/lookups/uom');
    expect(after.body.entries.BAGGIE).toBe('BG');
    expect(errors).toEqual([]);
  });
});
