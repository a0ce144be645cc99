/**
 * A cluster task in the studio (headless Chromium, seeded server): the inbox shows the members as a
 * table with their evidence; the steward splits one member off (the rest stays a cluster) and then
 * accepts the rest, which merges them into one golden record.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GoldenRecordView } from '../../server/contracts/golden';
import type { TaskView } from '../../server/contracts/stewardship';
import { applyCanonical } from '../support/factories/golden';
import { at } from '../support/must';
import { describeInBrowser, screenshot, signIn, startEnvironment } from './harness';
import type { E2eEnvironment } from './harness';

let env: E2eEnvironment;

describeInBrowser('cluster tasks in Chromium', () => {
  beforeAll(async () => {
    env = await startEnvironment();
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  test('members with evidence; split one off, then accept the rest', async () => {
    const names = [
      'Quillon Surgical Supply, Inc.',
      'QUILLON SURGICAL SUPPLY',
      'QUILLON SURGICAL SUPPLY INC',
      'Quillon Surgical Supply Co.',
    ];
    const applied: Array<Awaited<ReturnType<typeof applyCanonical>>> = [];
    for (const [index, name] of names.entries())
      applied.push(
        await applyCanonical(env.server, {
          domain: 'supplier',
          source: index % 2 === 0 ? 'oracle' : 'workday',
          canonical: { sourceId: `QS-${index}`, name },
        }),
      );
    const listed = await env.server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
    const task = listed.body.items.find((t) => (t.members ?? []).some((m) => m.goldenId === at(applied, 0, 'applied record').goldenId));
    expect(task?.members).toHaveLength(4);

    const { page, errors } = await signIn(env, env.server.adminKey);
    await page.goto(`${env.server.baseUrl}/#/inbox/${task?.id}?type=potential-match-cluster`);
    await expect.poll(() => page.locator('table[aria-label="Cluster members"] tbody tr').count()).toBe(4);
    expect(await page.textContent('.cluster-task .match-summary')).toMatch(/^4 records look like one supplier/);
    expect(await page.locator('ul[aria-label="Cluster evidence"] li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('ul[aria-label="Cluster evidence"]')).toContain('name match');
    await screenshot(page, 'inbox-cluster-task');

    await page.check('input[aria-label="Split off QUILLON SURGICAL SUPPLY"]');
    await page.fill('input[aria-label=Reason]', 'The upper-case record is the distributor, not the manufacturer');
    await page.click('.cluster-task button:has-text("Split off 1")');
    await expect.poll(() => page.locator('table[aria-label="Cluster members"] tbody tr').count()).toBe(3);
    expect(await page.textContent('[data-testid=task-status]')).toBe('open');

    await page.fill('input[aria-label=Reason]', 'Same supplier, three spellings');
    await page.click('.cluster-task button:has-text("Accept all (3)")');
    await expect.poll(() => page.textContent('[data-testid=task-status]')).toBe('closed: merged');
    const after = await env.server.request<TaskView>('GET', `/api/v1/tasks/${task?.id}`);
    expect(after.body).toMatchObject({ status: 'closed', resolution: 'merged' });
    const merged = await env.server.request<GoldenRecordView>(
      'GET',
      `/api/v1/golden/supplier/${at(applied, 0, 'applied record').goldenId}`,
    );
    const golden = 'retired' in merged.body ? (merged.body as unknown as { survivor: GoldenRecordView }).survivor : merged.body;
    expect(golden.sourceRecordIds.sort()).toEqual([at(applied, 0), at(applied, 2), at(applied, 3)].map((a) => a.sourceRecordId).sort());
    expect(errors).toEqual([]);
  });
});
