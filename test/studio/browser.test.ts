/**
 * The studio in a real browser, through the one Chromium harness (test/e2e/harness.ts): the studio
 * bundle `npm test`'s pretest built (built here only when it is missing or older than its sources),
 * served by a real server on a temporary store, driven in Debian's Chromium through playwright-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser, HAS_CHROMIUM, startEnvironment, type E2eEnvironment } from '../e2e/harness';
import { at } from '../support/must';

let env: E2eEnvironment;
let baseUrl: string;
let ADMIN_KEY: string;
let consumerKey: string;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  env = await startEnvironment({ env: { MDM_SEED: 'false' } });
  baseUrl = env.server.baseUrl;
  ADMIN_KEY = env.server.adminKey;
  consumerKey = await env.server.createKey('consumer', 'Finance viewer');
}, 120_000);

afterAll(async () => {
  await env?.close();
});

async function signedInPage(key: string): Promise<Page> {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${baseUrl}/`);
  await page.fill('input[type=password]', key);
  await page.click('button[type=submit]');
  await page.waitForSelector('.sidebar');
  return page;
}

/** Lines of the n-th Monaco editor in visual order (Monaco's DOM order is not line order). */
async function editorLines(page: Page, index: number): Promise<string[]> {
  return page.$$eval(
    '.monaco-editor',
    (editors, i) => {
      // Runs in the page: test/support helpers are not there.
      const editor = editors[i];
      if (!editor) throw new Error(`no editor ${i} on the page (${editors.length} found)`);
      return [...editor.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
    },
    index,
  );
}

async function openMappings(page: Page): Promise<void> {
  // The scratch workbench opens on the example mapping (the section itself lists stored mappings).
  await page.goto(`${baseUrl}/#/mappings/workbench`);
  await page.waitForSelector('.monaco-editor');
  await page.waitForFunction(() => [...document.querySelectorAll('.pane-footer')].some((node) => /failed/.test(node.textContent ?? '')));
}

/** Replaces the expression (insertText avoids auto-closing brackets interfering with typed text). */
async function setExpression(page: Page, expression: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (expression !== '') await page.keyboard.insertText(expression);
}

async function problems(page: Page): Promise<string[]> {
  return page.$$eval('.problems li', (items) => items.map((item) => item.textContent ?? ''));
}

describeInBrowser('studio in Chromium', () => {
  test('a wrong key is refused with the server message; a consumer sees only what the role allows', async () => {
    const page = await env.context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.fill('input[type=password]', 'mdm_not_a_real_key_000000000000');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.notice-error')).toMatch(/key/i);
    await page.fill('input[type=password]', consumerKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sidebar');
    const disabled = await page.$$eval('.sidebar .disabled', (items) => items.map((item) => item.textContent));
    expect(disabled).toEqual(['Mappings', 'Steward inbox', 'Exceptions', 'Matching rules', 'Jobs', 'Downstream sync']);
    expect(await page.textContent('.who')).toContain('consumer');
    await page.reload();
    await page.waitForSelector('.sidebar');
    await page.click('text=Sign out');
    await page.reload();
    await page.waitForSelector('input[type=password]');
    await page.close();
  });

  test('the example mapping evaluates live in the worker and validates against the item schema', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    // The output editor fills after the live evaluation answers: poll instead of reading once.
    await expect.poll(async () => (await editorLines(page, 1)).join('\n'), { timeout: 20_000 }).toContain('"sourceId": "000123456"');
    expect((await editorLines(page, 1)).join('\n')).toContain('"baseUom": "BX"');
    expect(await problems(page)).toEqual([]);
    await setExpression(page, '{ "sourceId": INV_ITEM_ID, "gtin": "123" }');
    await expect
      .poll(() => problems(page))
      .toEqual([
        'Schemagtin: gtin should have 8, 12, 13 or 14 digits, got 3',
        'RequiredThe schema requires "description" but the expression never sets it.',
      ]);
    await page.close();
  });

  test('completion offers the sample fields after a dot and project functions after $; parameter hints follow the argument', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    await setExpression(page, '');
    // Typed quickly on purpose: keystrokes must not be lost while the page re-renders.
    await page.keyboard.type('ITEM_MFG.', { delay: 20 });
    await expect.poll(async () => (await editorLines(page, 0))[0]).toBe('ITEM_MFG.');
    await page.waitForSelector('.suggest-widget.visible');
    await expect
      .poll(() => page.$$eval('.suggest-widget .monaco-list-row', (rows) => rows.map((row) => row.getAttribute('aria-label'))))
      .toEqual(['MFG_ID, Field', 'MFG_ITM_ID, Field', 'PREFERRED_MFG, Field']);
    // A list that opened by itself has nothing selected: the user moves to an item, then Enter accepts it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorLines(page, 0))[0]).toBe('ITEM_MFG.MFG_ID');
    await page.keyboard.type(' & $gti', { delay: 20 });
    await expect
      .poll(() => page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((row) => row.getAttribute('aria-label'))))
      .toContain('$gtin14, Function');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorLines(page, 0))[0]).toBe('ITEM_MFG.MFG_ID & $gtin14(value)');
    await page.keyboard.press('End');
    await page.keyboard.type(' & $substring(DESCR60, ', { delay: 20 });
    // Close the completion list if one is open, leaving the parameter hints (with nothing selected in
    // an automatic list, Escape on no list would close the hints instead).
    await expect.poll(() => page.isVisible('.parameter-hints-widget.visible')).toBe(true);
    if (await page.isVisible('.suggest-widget.visible')) await page.keyboard.press('Escape');
    await expect.poll(() => page.textContent('.parameter-hints-widget.visible .signature')).toBe('$substring(str, start, length?)');
    await expect.poll(() => page.textContent('.parameter-hints-widget.visible .parameter.active')).toBe('start');
    await page.close();
  });

  test('in key position the list offers the target schema fields, and Enter after `{` is a new line, not a suggestion', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    await setExpression(page, '');
    await page.keyboard.type('{', { delay: 20 });
    await page.waitForSelector('.suggest-widget.visible');
    const offered = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) =>
      rows.map((row) => row.getAttribute('aria-label') ?? ''),
    );
    expect(offered.slice(0, 2)).toEqual(['sourceId, Property', 'description, Property']);
    expect(offered.some((label) => label.includes('Field'))).toBe(false);
    expect(await page.locator('.suggest-widget.visible .monaco-list-row.focused').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorLines(page, 0)).length).toBeGreaterThan(1);
    const lines = await editorLines(page, 0);
    expect(lines.join('\n')).not.toContain('sourceId');
    expect(lines[0]).toBe('{');
    // Navigated to on purpose, Enter inserts the key with its colon.
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editorLines(page, 0)).join('\n')).toContain('"sourceId": ');
    await page.close();
  });

  test('a syntax error shows a marker on the token and a problem with its position', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    await setExpression(page, '{\n"sourceId": INV_ITEM_ID\n"description": DESCR60\n}');
    // The editor may auto-indent inserted lines, so read where "description" really is.
    const column = at(await editorLines(page, 0), 2).indexOf('"description"') + 1;
    await expect
      .poll(() => problems(page))
      .toEqual([
        `SyntaxExpected "}" but found "description" — is a comma, bracket or operator missing before it?\n(S0202: Expected "}", got "description")Ln 3, Col ${column}`,
      ]);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBe(1);
    await page.close();
  });

  test('a stored mapping opens with its samples and evaluates against the server lookup tables', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    const options = await page.$$eval('select[aria-label="Open a stored mapping"] option', (items) =>
      items.map((item) => item.getAttribute('value')),
    );
    expect(options).toContain('peoplesoft/item');
    await page.selectOption('select[aria-label="Open a stored mapping"]', 'peoplesoft/item');
    await expect.poll(async () => (await editorLines(page, 0)).join('\n')).toContain('INV_ITEM_ID');
    await expect.poll(async () => (await editorLines(page, 1)).join('\n')).toContain('"sourceId": "SHARE:');
    expect(await page.inputValue('select:not([aria-label])')).toBe('item');
    await expect.poll(() => problems(page)).toEqual([]);
    await page.close();
  });

  test('a hanging expression is stopped by the timeout and the next one evaluates', async () => {
    const page = await signedInPage(ADMIN_KEY);
    await openMappings(page);
    await setExpression(page, `$contains("${'a'.repeat(40)}!", /^(a|a)*$/)`);
    await expect
      .poll(() => problems(page), { timeout: 15_000 })
      .toEqual(['TimeoutThe mapping did not finish within 2000 ms and was stopped (an endless loop or a very slow regular expression?).']);
    await setExpression(page, '$gtin14(GTIN) & "|" & $uom("CA")');
    await expect.poll(async () => (await editorLines(page, 1))[0]).toBe('"10888439001235|CS"');
    await page.close();
  });
});
