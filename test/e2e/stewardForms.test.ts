/**
 * Steward forms and dialogs (issue 13), in headless Chromium against the seeded server: a refused
 * value is shown next to the control that caused it (rules form, exception dialog); exception resolve
 * and discard, rules rollback and alias-table rollback through the in-page dialog (reason required,
 * Escape cancels, result visible and audited); "Keep all values" on a multi-valued survivorship
 * conflict (two NPI lists) keeps both on the golden record.
 *
 * Screenshots (`<page>-<state>-<width>.png` at 390 and 1280 px) go to test-results/e2e, or to
 * MDM_SCREENSHOTS_DIR (`MDM_SCREENSHOTS_DIR=docs/screenshots npx vitest run test/e2e/stewardForms.test.ts`
 * refreshes the ones docs/STUDIO.md and the README show).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { GoldenRecordView } from '../../server/contracts/golden';
import type { AuditEntryView, TaskListView, TaskView } from '../../server/contracts/stewardship';
import { applyCanonical } from '../support/factories/golden';
import { sync } from '../support/factories/stewardship';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';
import { layoutProblems } from './studioPages';

let env: E2eEnvironment;

/**
 * Saves `<name>-390.png` and `<name>-1280.png` of the page (scrolled to `focus` when given), then restores
 * the width; fails on horizontal overflow of the document or the page area at either width.
 */
async function atBothWidths(page: Page, name: string, focus?: Locator): Promise<void> {
  const directory = process.env.MDM_SCREENSHOTS_DIR;
  const overflow: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    if (focus !== undefined) await focus.scrollIntoViewIfNeeded();
    overflow.push(...(await layoutProblems(page)).overflow.map((text) => `${name} at ${width}px: ${text}`));
    if (directory === undefined || directory === '') await screenshot(page, `${name}-${width}`);
    else {
      mkdirSync(directory, { recursive: true });
      await page.screenshot({ path: path.join(directory, `${name}-${width}.png`) });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(overflow).toEqual([]);
}

/** The text of the element a control's aria-describedby names (null when it names none). */
async function describedText(page: Page, control: Locator): Promise<string | null> {
  const id = await control.getAttribute('aria-describedby');
  if (id === null) return null;
  return page.locator(`[id="${id}"]`).textContent();
}

async function auditOf(query: string): Promise<AuditEntryView[]> {
  const response = await env.server.request<{ items: AuditEntryView[] }>('GET', `/api/v1/audit?${query}`);
  expect(response.status).toBe(200);
  return response.body.items;
}

interface VersionedView {
  draft: { revision: number } | null;
  published: { number: number; rulesVersion: string; rules?: Record<string, unknown>; table?: Record<string, unknown> } | null;
}

describeInBrowser('steward forms and dialogs in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('a refused value is shown next to its control: rules-form thresholds (server) and weight (live), the exception reason (server)', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/rules/supplier`);
    await expect.poll(() => page.textContent('section[aria-label=Rules] .pane-header')).toContain('Valid against the rules schema');
    const review = page.locator('input[aria-label="Review threshold"]');
    const autoMerge = page.locator('input[aria-label="Auto-merge threshold"]');
    await expect.poll(() => review.count()).toBe(1);
    expect(await review.getAttribute('aria-invalid')).toBeNull();

    // Each threshold is valid on its own (0–1), so the schema passes; the server refuses the order.
    await autoMerge.fill('0.5');
    await review.fill('0.9');
    await page.click('button:has-text("Save draft")');
    await expect.poll(() => review.getAttribute('aria-invalid')).toBe('true');
    const reviewMessage = (await describedText(page, review)) ?? '';
    expect(reviewMessage).toContain('thresholds.review must not exceed thresholds.autoMerge');
    expect(reviewMessage).not.toMatch(/body\.|^rules\./);
    expect(await autoMerge.getAttribute('aria-invalid')).toBeNull();
    // Placed by the field: not repeated in the page's notice.
    expect(await page.locator('.notice-error').count()).toBe(0);
    await atBothWidths(page, 'rules-threshold-error', review);

    // Editing answers the refusal (the next save checks again); a live schema problem (a negative weight) opens its
    // comparator and is shown by the weight field.
    await review.fill('0.4');
    await expect.poll(() => review.getAttribute('aria-invalid')).toBeNull();
    const firstComparator = page.locator('details.rules-form-comparator').first();
    const comparatorName = (await firstComparator.locator('summary .mono').textContent()) ?? '';
    await firstComparator.locator('summary').click();
    const weight = page.locator(`input[aria-label="${comparatorName} weight"]`);
    await weight.fill('-1');
    await expect.poll(() => weight.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, weight)).toMatch(/weight should be at least 0/);
    expect(await page.isDisabled('button:has-text("Save draft")')).toBe(true);
    await weight.fill('1');
    await expect.poll(() => weight.getAttribute('aria-invalid')).toBeNull();

    // The exception dialog sends the reason itself: a reason over the server's 2,000 characters stays in the
    // dialog with the server's message by the field; a short one resolves it.
    const open = await env.server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/exceptions?status=open&limit=5');
    const exceptionId = open.body.items[0]?.id ?? '';
    expect(exceptionId, 'an open exception in the seed').not.toBe('');
    // The rule set was edited and not saved: leaving asks first (in-page), and the answer here is to leave.
    await page.click('.sidebar a[href="#/exceptions"]');
    const leaveDialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await leaveDialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/exceptions');
    await page.goto(`${env.server.baseUrl}/#/exceptions?id=${exceptionId}`);
    await page.click('button:has-text("Resolve…")');
    const dialog = page.getByRole('dialog', { name: 'Mark the exception resolved' });
    const reason = dialog.getByRole('textbox', { name: 'Resolved how?' });
    await reason.fill('x'.repeat(2001));
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const reasonMessage = (await describedText(page, reason)) ?? '';
    expect(reasonMessage).toMatch(/2000 characters/);
    expect(reasonMessage).not.toMatch(/body\./);
    expect((await env.server.request<{ status: string }>('GET', `/api/v1/exceptions/${exceptionId}`)).body.status).toBe('open');
    await atBothWidths(page, 'exceptions-resolve-dialog-error', dialog);
    await reason.fill('');
    await reason.pressSequentially('Fixed at the source: the record came again corrected');
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.textContent('.notice-success')).toBe('Marked resolved.');
    expect(errors).toEqual([]);
  });

  test('exception resolve and discard in the page dialog: Escape cancels, an empty reason is refused, the result is shown and audited', async () => {
    const open = await env.server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/exceptions?status=open&limit=5');
    const [toResolve, toDiscard] = open.body.items.map((item) => item.id);
    expect(toDiscard, 'two open exceptions in the seed').toBeDefined();
    const { page, errors } = await signIn(env, env.server.adminKey);
    const browserDialogs: string[] = [];
    page.on('dialog', (dialog) => void (browserDialogs.push(dialog.message()), dialog.dismiss()));

    for (const [id, action] of [
      [toResolve, 'resolve'],
      [toDiscard, 'discard'],
    ] as const) {
      await page.goto(`${env.server.baseUrl}/#/exceptions?id=${id}`);
      const buttonText = action === 'resolve' ? 'Resolve…' : 'Discard…';
      const title = action === 'resolve' ? 'Mark the exception resolved' : 'Discard the record';
      const confirm = action === 'resolve' ? 'Mark resolved' : 'Discard';
      const label = action === 'resolve' ? 'Resolved how?' : 'Why is this record not wanted?';
      const reasonText = action === 'resolve' ? 'Handled by hand in the ERP' : 'Test record from the vendor demo';
      await page.click(`button:has-text("${buttonText}")`);
      const dialog = page.getByRole('dialog', { name: title });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      // Focus starts in the dialog; Escape cancels and nothing changes.
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect((await env.server.request<{ status: string }>('GET', `/api/v1/exceptions/${id}`)).body.status).toBe('open');

      // An empty reason is refused next to the field.
      await page.click(`button:has-text("${buttonText}")`);
      await dialog.getByRole('button', { name: confirm, exact: true }).click();
      await expect.poll(() => dialog.locator('.field-error').textContent()).toMatch(/it is kept in the audit log/);
      expect(await dialog.getByRole('textbox', { name: label }).getAttribute('aria-invalid')).toBe('true');
      await dialog.getByRole('textbox', { name: label }).fill(reasonText);
      await dialog.getByRole('button', { name: confirm, exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => page.textContent('.notice-success')).toBe(action === 'resolve' ? 'Marked resolved.' : 'Discarded.');
      const status = action === 'resolve' ? 'resolved' : 'discarded';
      await expect.poll(() => page.textContent('.detail[aria-label=Exception] .detail-header')).toContain(status);
      expect((await env.server.request<{ status: string }>('GET', `/api/v1/exceptions/${id}`)).body.status).toBe(status);
      const audit = await auditOf(`goldenId=${encodeURIComponent(id ?? '')}&action=exception.${action}`);
      expect(audit.map((entry) => entry.reason)).toEqual([reasonText]);
    }
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('rules and alias-table rollback in the page dialog: Escape cancels, the reason is required, the version is published again and audited', async () => {
    // A second published version of the account rules and of one alias table, so version 1 can be rolled back to.
    const rules = (await env.server.request<VersionedView>('GET', '/api/v1/matching/rules/account')).body;
    const rulesV2 = { ...rules.published?.rules, version: `${rules.published?.rulesVersion ?? 'account'}-e2e-2` };
    const savedRules = await env.server.request<VersionedView>('PUT', '/api/v1/matching/rules/account', {
      body: { rules: rulesV2, revision: rules.draft?.revision ?? 0 },
    });
    expect([200, 201], JSON.stringify(savedRules.body)).toContain(savedRules.status);
    const publishedRules = await env.server.request('POST', '/api/v1/matching/rules/account/publish', {
      body: { revision: savedRules.body.draft?.revision },
    });
    expect(publishedRules.status, JSON.stringify(publishedRules.body)).toBe(201);
    const table = (await env.server.request<VersionedView>('GET', '/api/v1/matching/aliases/noiseWords')).body;
    const tableV2 = { ...table.published?.table, version: `${table.published?.rulesVersion ?? 'noise'}-e2e-2` };
    const savedTable = await env.server.request<VersionedView>('PUT', '/api/v1/matching/aliases/noiseWords', {
      body: { table: tableV2, revision: table.draft?.revision ?? 0 },
    });
    expect([200, 201], JSON.stringify(savedTable.body)).toContain(savedTable.status);
    const publishedTable = await env.server.request('POST', '/api/v1/matching/aliases/noiseWords/publish', {
      body: { revision: savedTable.body.draft?.revision },
    });
    expect(publishedTable.status, JSON.stringify(publishedTable.body)).toBe(201);

    const { page, errors } = await signIn(env, env.server.adminKey);
    for (const target of [
      {
        url: '#/rules/account',
        versions: 'Rule versions',
        title: 'Roll back the account rules to version 1',
        audit: 'matchRules.rollback',
        api: '/api/v1/matching/rules/account',
      },
      {
        url: '#/rules/aliases/noiseWords',
        versions: 'Alias table versions',
        title: 'Roll back noiseWords to version 1',
        audit: 'matchAliasTables.rollback',
        api: '/api/v1/matching/aliases/noiseWords',
      },
    ]) {
      await page.goto(`${env.server.baseUrl}/${target.url}`);
      const versions = page.locator(`table[aria-label="${target.versions}"]`);
      const v1 = versions.locator('tr').filter({ hasText: /^v1\b/ });
      await expect.poll(() => versions.locator('tr').count()).toBe(2);
      const rollback = v1.getByRole('button', { name: 'Roll back' });
      await rollback.click();
      const dialog = page.getByRole('dialog', { name: target.title });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect((await env.server.request<VersionedView>('GET', target.api)).body.published?.number).toBe(2);

      await rollback.click();
      const reasonBox = dialog.getByRole('textbox', { name: 'Reason' });
      await reasonBox.fill('');
      await dialog.getByRole('button', { name: 'Roll back' }).click();
      await expect.poll(() => dialog.locator('.field-error').textContent()).toBe('Enter reason: it is kept in the audit log.');
      if (target.audit === 'matchRules.rollback') await atBothWidths(page, 'rules-rollback-dialog', dialog);
      const reason = `e2e: version 2 of ${target.url} was a mistake`;
      await reasonBox.fill(reason);
      await dialog.getByRole('button', { name: 'Roll back' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => page.textContent('.notice-success')).toBe('Version 1 is published again.');
      await expect.poll(() => versions.locator('tr').count()).toBe(3);
      expect(await versions.locator('tr').filter({ hasText: /^v3\b/ }).textContent()).toContain('current');
      expect((await env.server.request<VersionedView>('GET', target.api)).body.published?.number).toBe(3);
      const audit = await auditOf(`action=${target.audit}`);
      expect(audit.map((entry) => entry.reason)).toContain(reason);
    }
    expect(errors).toEqual([]);
  });

  test('"Keep all values" on a survivorship conflict between two NPI lists keeps both on the golden record', async () => {
    // Two registries of record (cms, nppes) for one facility, each with its own NPI; merged, they disagree on npis.
    const cms = await applyCanonical(env.server, {
      domain: 'facility',
      source: 'cms',
      canonical: { sourceId: 'E2E-KEEP-CMS', name: 'ZEPHYRINE VALLEY E2E CLINIC', npis: ['1234567893'] },
    });
    const nppes = await applyCanonical(env.server, {
      domain: 'facility',
      source: 'nppes',
      canonical: { sourceId: 'E2E-KEEP-NPPES', name: 'ZEPHYRINE VALLEY E2E CLINIC', npis: ['1245319599'] },
    });
    if (nppes.goldenId !== cms.goldenId) {
      const merged = await env.server.request('POST', `/api/v1/golden/facility/${cms.goldenId}/merge`, {
        body: { otherId: nppes.goldenId, reason: 'e2e: one clinic in two registries' },
      });
      expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    }
    await sync(env.server);
    const listed = await env.server.request<TaskListView>('GET', '/api/v1/tasks?type=survivorship-conflict&status=open&limit=200');
    const task = listed.body.items.find(
      (item: TaskView) =>
        item.subject.attribute === 'npis' && (item.values ?? []).some((value) => value.sourceRecordId === cms.sourceRecordId),
    );
    expect(task, 'an npis survivorship-conflict task for the merged clinic').toBeDefined();

    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/inbox/${task?.id}?type=survivorship-conflict`);
    const keepAll = page.getByRole('button', { name: 'Keep all values' });
    await expect.poll(() => keepAll.count()).toBe(1);
    expect(await page.textContent('table[aria-label="Conflicting values"]')).toContain('1234567893');
    await atBothWidths(page, 'inbox-conflict-keep-all', keepAll);
    await page.fill('input[aria-label=Reason]', 'e2e: both NPIs are in use');
    await keepAll.click();
    await expect.poll(() => page.textContent('[data-testid=task-status]')).toBe('closed: overridden');
    expect(await page.textContent('.notice-success')).toContain('every value kept');

    const goldenId = task?.subject.goldenId ?? '';
    const golden = (await env.server.request<GoldenRecordView>('GET', `/api/v1/golden/facility/${goldenId}`)).body;
    expect([...((golden.attributes.npis as string[]) ?? [])].sort()).toEqual(['1234567893', '1245319599']);
    expect(golden.overrides).toHaveProperty('npis');
    await page.goto(`${env.server.baseUrl}/#/golden/facility/${goldenId}`);
    const npis = page.locator('table[aria-label=Attributes] tr:has(th:text-is("npis")) td.mono');
    await expect.poll(() => npis.textContent()).toContain('1234567893');
    expect(await npis.textContent()).toContain('1245319599');
    expect(errors).toEqual([]);
  });

  test('steward task pages at 390 and 1280 px: a pair with structured values, the merge-choices notice, a cluster', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    // An item pair whose compare shows structured values (manufacturer, packaging) as labelled fields.
    const listed = await env.server.request<TaskListView>('GET', '/api/v1/tasks?type=potential-match&domain=item&status=open&limit=100');
    const hasObjectValue = async (id: string | undefined): Promise<boolean> => {
      const record = (await env.server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${id ?? ''}`)).body;
      return Object.values(record.attributes ?? {}).some((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
    };
    let pair: TaskView | undefined;
    for (const task of listed.body.items)
      if ((await hasObjectValue(task.subject.goldenId)) && (await hasObjectValue(task.candidates?.[0]?.goldenId))) {
        pair = task;
        break;
      }
    expect(pair, 'an open item pair whose records both hold a structured value').toBeDefined();
    await page.goto(`${env.server.baseUrl}/#/inbox/${pair?.id}?type=potential-match&domain=item`);
    const compare = page.locator('table[aria-label="Records side by side"]');
    await expect.poll(() => compare.locator('tbody tr').count()).toBeGreaterThan(0);
    await atBothWidths(page, 'inbox-task-pair', page.locator('[data-testid=task-title]'));
    const structured = compare.locator('dl.value-fields').first();
    await expect.poll(() => structured.count()).toBe(1);
    await atBothWidths(page, 'inbox-compare-structured', structured);

    // Choosing a surviving value shows what it means before the merge.
    const differing = compare.locator('tr[data-differs]');
    await expect.poll(() => differing.count()).toBeGreaterThan(0);
    const attribute = (await differing.first().locator('th').textContent()) ?? '';
    await page.selectOption(`select[aria-label="Surviving ${attribute}"]`, 'subject');
    const notice = page.locator('[data-testid=merge-choices]');
    await expect.poll(() => notice.count()).toBe(1);
    await atBothWidths(page, 'inbox-merge-choices', notice);

    // A cluster of four spellings of one supplier.
    const names = ['Brevant Medical Supply, Inc.', 'BREVANT MEDICAL SUPPLY', 'BREVANT MEDICAL SUPPLY INC', 'Brevant Medical Supply Co.'];
    const applied: Array<Awaited<ReturnType<typeof applyCanonical>>> = [];
    for (const [index, name] of names.entries())
      applied.push(
        await applyCanonical(env.server, {
          domain: 'supplier',
          source: index % 2 === 0 ? 'oracle' : 'workday',
          canonical: { sourceId: `BMS-${index}`, name },
        }),
      );
    const clusters = await env.server.request<TaskListView>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
    const cluster = clusters.body.items.find((task) => (task.members ?? []).some((member) => member.goldenId === applied[0]?.goldenId));
    expect(cluster, 'a cluster task for the four spellings').toBeDefined();
    await page.goto(`${env.server.baseUrl}/#/inbox/${cluster?.id}?type=potential-match-cluster`);
    await expect.poll(() => page.locator('table[aria-label="Cluster members"] tbody tr').count()).toBe(4);
    // A cluster task has no subject record: its title says what it is (as in the list), not its type twice.
    const title = await page.textContent('[data-testid=task-title]');
    expect(title).toMatch(/^4 records look like one: Brevant Medical Supply/i);
    expect(title?.split('potential-match-cluster').length).toBe(2);
    await atBothWidths(page, 'inbox-task-cluster', page.locator('[data-testid=task-title]'));
    expect(errors).toEqual([]);
  });

  test('the sync subscription form shows a refused name next to the Name field', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/sync/new`);
    const form = page.locator('form[aria-label="New subscription"]');
    const name = form.locator('input[placeholder="e.g. Workday suppliers"]');
    await expect.poll(() => form.locator('input[type=checkbox]').count()).toBeGreaterThan(0);
    await form.locator('fieldset:has(legend:text-is("Domains")) input[type=checkbox]').first().check();
    await form.locator('input[aria-label=URL]').fill('https://erp.example.org/hooks/suppliers');
    await name.fill('   ');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const message = (await describedText(page, name)) ?? '';
    expect(message).toMatch(/name/);
    expect(message).not.toMatch(/body\./);
    // Placed by the field: not repeated in the page's notice.
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
