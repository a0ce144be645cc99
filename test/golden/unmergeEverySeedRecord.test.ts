/**
 * Unmerge through the public API on the demo seed: every golden record of several source records lets its second
 * source record be split off (200, never 500). A record that joined its golden record while also in review with others
 * had an open potential-match task; unmerging it used to insert a second open task for the same record and fail on
 * `stewardship_one_open_per_subject` (a 500 seen in the stewardship browser test when it happened to pick such a
 * record). The old task is now closed (auto-closed, with a note) and placement asks again: at most one open
 * potential-match task per record afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MDM_SEED: 'true' } });
}, 300_000);
afterAll(async () => server?.stop());

interface Listed {
  items: Array<{ id: string; sourceRecordIds: string[] }>;
}

async function openMatchTasksOf(sourceRecordId: string): Promise<TaskView[]> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match&status=open&limit=200');
  expect(response.status).toBe(200);
  return response.body.items.filter((task) => task.subject.sourceRecordId === sourceRecordId);
}

describe.each(['item', 'supplier'])('unmerging seeded %s golden records', (domain) => {
  test('every second source record splits off; the record keeps at most one open potential-match task', async () => {
    const listed = await server.request<Listed>('GET', `/api/v1/golden/${domain}?status=active&limit=500`);
    const merged = listed.body.items.filter((golden) => golden.sourceRecordIds.length >= 2);
    expect(merged.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let hadOpenTask = 0;
    for (const golden of merged) {
      const splitOff = golden.sourceRecordIds[1] ?? '';
      const before = await openMatchTasksOf(splitOff);
      if (before.length > 0) hadOpenTask += 1;
      const response = await server.request<{ error?: { code: string } }>('POST', `/api/v1/golden/${domain}/${golden.id}/unmerge`, {
        body: { sourceRecordId: splitOff, reason: 'Different pack size: not the same item' },
      });
      if (response.status !== 200) failures.push(`${golden.id} / ${splitOff}: ${response.status} ${response.text.slice(0, 120)}`);
      expect((await openMatchTasksOf(splitOff)).length).toBeLessThanOrEqual(1);
      for (const task of before) {
        const after = await server.request<TaskView>('GET', `/api/v1/tasks/${task.id}`);
        expect(after.body.status).toBe('closed');
      }
    }
    expect(failures).toEqual([]);
    // The case this guards: the seed has merged records that were also in review with others.
    if (domain === 'item') expect(hadOpenTask).toBeGreaterThan(0);
  }, 300_000);
});
