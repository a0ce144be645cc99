/**
 * The rules form in headless Chromium: a threshold changed in the form rewrites the JSON (saved as
 * the draft), JSON that does not parse disables the form, and the impact preview names its pairs.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PreviewResult } from '../../server/matching/preview';
import { must } from '../support/must';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

describeInBrowser('rules form in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('a threshold edited in the form changes the JSON; invalid JSON disables the form; the preview lists pairs by name', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/rules/supplier`);
    await expect.poll(() => page.textContent('section[aria-label=Rules] .pane-header')).toContain('Valid against the rules schema');
    const view = await env.server.request<{ published: { rules: { thresholds: { autoMerge: number; review: number } } } }>(
      'GET',
      '/api/v1/matching/rules/supplier',
    );
    const published = view.body.published.rules;
    const autoMerge = page.locator('input[aria-label="Auto-merge threshold"]');
    await expect.poll(() => autoMerge.inputValue()).toBe(String(published.thresholds.autoMerge));

    // Form → JSON: both thresholds down to 0 (review first: it may not exceed auto-merge), and the
    // saved draft (the JSON text) has them: every blocked pair that no hard rule stops now merges.
    const lowered = 0;
    await page.fill('input[aria-label="Review threshold"]', '0');
    await autoMerge.fill(String(lowered));
    await expect.poll(() => page.textContent('[data-testid=rules-state]')).toContain('unsaved changes');
    await page.click('button:has-text("Save draft")');
    await expect.poll(() => page.textContent('.notice-success')).toContain('Draft saved');
    const draft = await env.server.request<{ draft: { rules: { thresholds: { autoMerge: number; review: number } } } }>(
      'GET',
      '/api/v1/matching/rules/supplier',
    );
    expect(draft.body.draft.rules.thresholds).toEqual({ autoMerge: lowered, review: 0 });

    // JSON → form: text that does not parse disables the form; fixed, the form is back.
    await page.locator('section[aria-label=Rules] .monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('x');
    await expect.poll(() => page.textContent('[data-testid=rules-form-disabled]')).toMatch(/does not parse/);
    expect(await autoMerge.count()).toBe(0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => autoMerge.inputValue()).toBe(String(lowered));

    // The impact preview lists the changed pairs by name, with source and source id.
    await page.click('button:has-text("Impact preview")');
    await expect
      .poll(() => page.textContent('.impact [role=status]'), { timeout: 20_000 })
      .toMatch(/^\d+ source records re-matched: \d+ merges gained/);
    const rules = { ...published, thresholds: { autoMerge: lowered, review: 0 } };
    const expected = await env.server.request<PreviewResult>('POST', '/api/v1/matching/rules/supplier/preview', {
      body: { rules, examples: 10 },
    });
    const first = must(
      expected.body.examples.gained[0] ?? expected.body.examples.lost[0],
      'an example: the lowered threshold changes some merge',
    );
    const names = await page.locator('.impact .record-name').allTextContents();
    expect(names.slice(0, 2)).toEqual([first.labels.a.name, first.labels.b.name]);
    expect(await page.locator('.impact td', { hasText: `${first.labels.a.source} · ${first.labels.a.sourceId}` }).count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, 'rules-form-impact-preview');
    expect(errors).toEqual([]);
  });
});
