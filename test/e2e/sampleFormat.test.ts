/**
 * The mapping editor's sample format end to end in headless Chromium: pick HL7 v2, paste an ER7 message,
 * see it parsed as a tree, map it and preview the output, save, reload — the format is kept (it is the
 * draft's `format`, which ingest reads with) and the output still previews from the stored samples.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MappingView } from '../../server/contracts/mappings';
import { describeInBrowser, focusExpressionEnd, outputStatus, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

const ER7 = [
  'MSH|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000||MFN^M16^MFN_M16|E2E000001|P|2.6',
  'MFE|MAD||20240121|104202^^EPIC-SUP|CWE',
  'ITM|104202^EPIC-SUP|Glove, Exam \\T\\ Procedure|A^Active|SUP|42132203^^UNSPSC|N|MED|MEDLINE|MDS195084||N||||||N',
  'PKG|1|EA^Each|N|1|0.09&USD|||00080196734571||1',
].join('\r');

const EXPRESSION = '{ "sourceId": ITM[0].ItemIdentifier.EntityIdentifier, "description": ITM[0].ItemDescription }';

/** The text of the output editor (the second Monaco editor on the page). */
function outputText(page: Parameters<typeof outputStatus>[0]): Promise<string> {
  return page.$$eval('.monaco-editor', (editors) => (editors[1]?.textContent ?? '').replace(/\u00a0/g, ' '));
}

describeInBrowser('sample format in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('pick HL7 v2, paste ER7, see the tree and the output, save, reload: the format is kept', async () => {
    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/mappings/edit/e2e-er7/item`);
    await page.waitForSelector('select[aria-label="Sample format"]');

    await page.selectOption('select[aria-label="Sample format"]', 'hl7v2');
    await page.fill('textarea[aria-label^="Sample records"]', ER7);
    await expect.poll(() => outputStatus(page), { timeout: 20_000 }).toContain('1 record · HL7V2');
    const tree = page.locator('ul[aria-label="Parsed sample"]');
    await expect.poll(() => tree.locator(':scope > li > details > summary code').allTextContents()).toEqual(['MSH', 'MFE', 'ITM', 'PKG']);
    await expect.poll(() => tree.textContent()).toContain('ItemDescription');

    await focusExpressionEnd(page);
    await page.keyboard.press('Control+Shift+Home');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(EXPRESSION);
    await expect.poll(() => outputText(page), { timeout: 20_000 }).toContain('"Glove, Exam & Procedure"');
    expect(await outputText(page)).toContain('"104202"');
    await screenshot(page, 'sample-format-er7');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.textContent('.notice-success')).toMatch(/Draft saved \(revision \d+\)/);
    const stored = await env.server.request<MappingView>('GET', '/api/v1/mappings/e2e-er7/item');
    expect(stored.body.draft?.format).toEqual({ contentType: 'application/hl7-v2', options: {} });
    expect(stored.body.draft?.samples).toHaveLength(1);

    await page.reload();
    await page.waitForSelector('select[aria-label="Sample format"]');
    await expect
      .poll(() => page.$eval('select[aria-label="Sample format"]', (select) => (select as HTMLSelectElement).value))
      .toBe('hl7v2');
    await expect.poll(() => outputStatus(page), { timeout: 20_000 }).toContain('stored samples');
    await expect.poll(() => tree.locator(':scope > li > details > summary code').allTextContents()).toEqual(['MSH', 'MFE', 'ITM', 'PKG']);
    await expect.poll(() => outputText(page), { timeout: 20_000 }).toContain('"Glove, Exam & Procedure"');
    await screenshot(page, 'sample-format-er7-reloaded');
    expect(errors).toEqual([]);
  });
});
