/**
 * Data-quality tasks from the ingest exception queue, through the real ingest endpoint: a rejected
 * record raises one task; replaying it after a mapping fix, or discarding it, closes the task with a
 * note; and the not-a-match question reopens when the OTHER record of a pair changes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskListView, TaskView } from '../../server/contracts/stewardship';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer } from '../support/factories/ingest';
import { applyCanonical, auditEntries, createReviewPair, getTask, openTaskFor, sync } from '../support/factories/stewardship';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
let steward: string;
const KIT_GUARD = `KIND = 'kit' ? $error('Kit items (' & INV_ITEM_ID & ') are not supported yet') : ${ERP_ITEM_EXPRESSION}`;

beforeAll(async () => {
  server = await startIngestServer();
  steward = await server.createKey('steward', 'Dana Steward');
  await publishMapping(server, { source: 'erp', domain: 'item', expression: KIT_GUARD });
});
afterAll(async () => server?.stop());

async function dataQualityTaskOf(exceptionId: string): Promise<TaskView | undefined> {
  const response = await server.request<TaskListView>('GET', '/api/v1/tasks?type=data-quality&status=open&limit=200');
  const open = response.body.items.find((t) => t.subject.exceptionId === exceptionId);
  if (open) return open;
  const closed = await server.request<TaskListView>('GET', '/api/v1/tasks?type=data-quality&status=closed&limit=200');
  return closed.body.items.find((t) => t.subject.exceptionId === exceptionId);
}

describe('data-quality tasks', () => {
  test('an exception raises one task; replaying it after the mapping is fixed closes the task with a note', async () => {
    const row = erpItemRow({ KIND: 'kit' });
    const sent = await ingest(server, { source: 'erp', domain: 'item', body: JSON.stringify(row), contentType: 'application/json' });
    expect(sent.status, sent.text).toBe(200);
    const exceptionId = at(sent.body.records, 0).exception?.id ?? '';
    expect(exceptionId).toMatch(/^exc_/);
    await sync(server);
    const task = await dataQualityTaskOf(exceptionId);
    expect(task).toMatchObject({
      type: 'data-quality',
      status: 'open',
      source: 'erp',
      domain: 'item',
      version: 1,
      exception: { code: 'MAPPING_ERROR', stage: 'map' },
    });
    // The same bad record again updates the exception; still one task.
    await ingest(server, { source: 'erp', domain: 'item', body: JSON.stringify(row), contentType: 'application/json' });
    await sync(server);
    const all = await server.request<TaskListView>('GET', '/api/v1/tasks?type=data-quality&status=open&limit=200');
    expect(all.body.items.filter((t) => t.subject.exceptionId === exceptionId)).toHaveLength(1);

    await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    const replayed = await server.request<{ status: string }>('POST', `/api/v1/exceptions/${exceptionId}/replay`, {
      key: steward,
      body: {},
    });
    expect(replayed.status, replayed.text).toBe(200);
    expect(replayed.body.status).toBe('replayed');
    await sync(server);
    const closed = await getTask(server, task?.id ?? '');
    expect(closed).toMatchObject({ status: 'closed', resolution: 'auto-closed', version: 2 });
    expect(closed.history.at(-1)).toMatchObject({ by: 'system', action: 'auto-closed', note: `Exception ${exceptionId} was replayed.` });
    const audit = await auditEntries(server, `goldenId=${task?.id}`);
    expect(audit.map((e) => [e.action, e.actor.rule])).toEqual([
      ['task.open', 'stewardship:ingest-exception'],
      ['task.auto-close', 'stewardship:obsolete-task'],
    ]);
  });

  test('discarding the exception closes its task', async () => {
    await publishMapping(server, { source: 'erp', domain: 'item', expression: KIT_GUARD });
    const sent = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: JSON.stringify(erpItemRow({ KIND: 'kit' })),
      contentType: 'application/json',
    });
    const exceptionId = at(sent.body.records, 0).exception?.id ?? '';
    await sync(server);
    const task = await dataQualityTaskOf(exceptionId);
    expect(task?.status).toBe('open');
    const discarded = await server.request('POST', `/api/v1/exceptions/${exceptionId}/discard`, {
      key: steward,
      body: { reason: 'kits are mastered in the kit system' },
    });
    expect(discarded.status, discarded.text).toBe(200);
    await sync(server);
    expect(await getTask(server, task?.id ?? '')).toMatchObject({ status: 'closed', resolution: 'auto-closed' });
  });

  test('a skipped task stays closed until the record fails again', async () => {
    await publishMapping(server, { source: 'erp', domain: 'item', expression: KIT_GUARD });
    const row = erpItemRow({ KIND: 'kit' });
    const sent = await ingest(server, { source: 'erp', domain: 'item', body: JSON.stringify(row), contentType: 'application/json' });
    const exceptionId = at(sent.body.records, 0).exception?.id ?? '';
    await sync(server);
    const task = await dataQualityTaskOf(exceptionId);
    const skipped = await server.request('POST', `/api/v1/tasks/${task?.id}/skip`, {
      key: steward,
      body: { expectedVersion: task?.version, reason: 'kit team is on it' },
    });
    expect(skipped.status, skipped.text).toBe(200);
    await sync(server);
    const openAfterSkip = await server.request<TaskListView>('GET', '/api/v1/tasks?type=data-quality&status=open&limit=200');
    expect(openAfterSkip.body.items.filter((t) => t.subject.exceptionId === exceptionId)).toEqual([]);
    // The same record fails again: news, so a new task opens.
    await ingest(server, { source: 'erp', domain: 'item', body: JSON.stringify(row), contentType: 'application/json' });
    await sync(server);
    const reopened = await server.request<TaskListView>('GET', '/api/v1/tasks?type=data-quality&status=open&limit=200');
    expect(reopened.body.items.filter((t) => t.subject.exceptionId === exceptionId).map((t) => t.id)).toEqual([
      expect.not.stringMatching(task?.id ?? ''),
    ]);
  });
});

describe('not-a-match reopened from the other side', () => {
  test('a change of the candidate record in a compared attribute reopens the question', async () => {
    const pair = await createReviewPair(server);
    const rejected = await server.request('POST', `/api/v1/tasks/${pair.task.id}/not-a-match`, {
      key: steward,
      body: { expectedVersion: 1, reason: 'different suture size' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    // The item master changes its description (compared): re-matched, it meets the feed record again.
    const changed = await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...pair.master, description: `ETHICON ${String(pair.master.manufacturerPartNumber)} SUTURE VICRYL 3-0 SH` },
    });
    expect(changed.decision?.excludedByNotAMatch).toBe(0);
    expect(changed.outcome).toBe('review');
    const reopened = await openTaskFor(server, pair.masterRecordId);
    expect(reopened?.candidates?.[0]?.goldenId).toBe(pair.feedGoldenId);
  });
});
