/**
 * The inbox over HTTP: filters, sort with ties, cursor pagination that neither skips nor repeats,
 * counts per filter value, survivorship-conflict tasks and their override action, unmerge, bulk
 * merge as a job with progress, and role checks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordAudit } from '../../server/audit/auditLog';
import type { AuditEntryView, TaskCountsView, TaskListView, TaskView } from '../../server/contracts/stewardship';
import type { ChangeView, GoldenRecordView } from '../../server/contracts/golden';
import { NOT_A_MATCH } from '../../server/stewardship/collections';
import type { JobDocument } from '../../server/jobs/types';
import {
  applyCanonical,
  auditEntries,
  createReviewPair,
  getItem,
  getTask,
  gtin,
  itemRecord,
  sync,
  type ReviewPair,
} from '../support/factories/stewardship';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
let steward: string;
let analyst: string;
let consumer: string;

beforeAll(async () => {
  server = await startTestServer();
  steward = await server.createKey('steward', 'Dana Steward');
  analyst = await server.createKey('analyst', 'Ari Analyst');
  consumer = await server.createKey('consumer', 'ERP consumer');
});
afterAll(async () => server?.stop());

async function listAll(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: { status: number; text: string; body: TaskListView } = await server.request<TaskListView>(
      'GET',
      `/api/v1/tasks?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(response.status, response.text).toBe(200);
    ids.push(...response.body.items.map((t) => t.id));
    cursor = response.body.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('listing and counting', () => {
  let since: string;
  const pairs: ReviewPair[] = [];

  beforeAll(async () => {
    since = new Date().toISOString();
    for (let i = 0; i < 5; i++) pairs.push(await createReviewPair(server, { feedSource: i < 3 ? 'ehr' : 'lawson' }));
  });

  test('filters by source and age; sorts by priority with ties in id order; cursor pages neither skip nor repeat', async () => {
    const tasks = await Promise.all(pairs.map((p) => getTask(server, p.task.id)));
    const expected = [...tasks].sort((x, y) => y.priority - x.priority || (x.id < y.id ? 1 : -1)).map((t) => t.id);
    const paged = await listAll(`type=potential-match&createdAfter=${encodeURIComponent(since)}&sort=-priority`, 2);
    expect(paged.ids).toEqual(expected);
    expect(paged.pages).toBe(3);

    const ascending = await listAll(`createdAfter=${encodeURIComponent(since)}&sort=createdAt`, 4);
    expect(ascending.ids).toEqual(
      [...tasks].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : 1)).map((t) => t.id),
    );

    const lawson = await listAll(`source=lawson&createdAfter=${encodeURIComponent(since)}`, 50);
    expect(lawson.ids.sort()).toEqual(
      pairs
        .slice(3)
        .map((p) => p.task.id)
        .sort(),
    );
    const none = await listAll(`createdBefore=${encodeURIComponent(since)}&source=lawson`, 50);
    expect(none.ids).toEqual([]);
  });

  test('counts per filter value, and the assignee filter', async () => {
    const first = at(pairs, 0).task;
    const assigned = await server.request<TaskView>('POST', `/api/v1/tasks/${first.id}/assign`, {
      key: steward,
      body: { expectedVersion: first.version },
    });
    expect(assigned.status, assigned.text).toBe(200);
    const counts = await server.request<TaskCountsView>('GET', `/api/v1/tasks/counts?createdAfter=${encodeURIComponent(since)}`, {
      key: analyst,
    });
    expect(counts.status).toBe(200);
    expect(counts.body).toMatchObject({
      total: 5,
      byType: { 'potential-match': 5 },
      bySource: { ehr: 3, lawson: 2 },
      byDomain: { item: 5 },
      byBand: { review: 5 },
      byAge: { '<1d': 5 },
    });
    expect(counts.body.byAssignee).toEqual({ none: 4, [String(assigned.body.assignee)]: 1 });
    expect(Object.values(counts.body.byScoreBand).reduce((a, b) => a + b, 0)).toBe(5);
    const mine = await listAll(`assignee=${encodeURIComponent(String(assigned.body.assignee))}`, 10);
    expect(mine.ids).toEqual([first.id]);
    const scored = await listAll(`createdAfter=${encodeURIComponent(since)}&minScore=0.99`, 10);
    expect(scored.ids).toEqual([]);
  });

  test('a cursor that was not issued is 400', async () => {
    const response = await server.request<{ error: { code: string } }>('GET', '/api/v1/tasks?cursor=bm9wZQ');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('roles', () => {
  test('stewards act; analysts read but may not act; consumers may not read tasks or the audit log', async () => {
    const pair = await createReviewPair(server);
    expect((await server.request('GET', `/api/v1/tasks/${pair.task.id}`, { key: analyst })).status).toBe(200);
    expect((await server.request('GET', '/api/v1/audit', { key: analyst })).status).toBe(200);
    const forbidden = await server.request<{ error: { code: string } }>('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
      key: analyst,
      body: { expectedVersion: 1, reason: 'x' },
    });
    expect(forbidden.status).toBe(403);
    expect((await server.request('GET', '/api/v1/tasks', { key: consumer })).status).toBe(403);
    expect((await server.request('GET', '/api/v1/audit', { key: consumer })).status).toBe(403);
    // The refused action left nothing behind.
    expect(await getTask(server, pair.task.id)).toMatchObject({ status: 'open', version: 1 });
    expect(
      (await server.request('POST', `/api/v1/tasks/${pair.task.id}/skip`, { key: steward, body: { expectedVersion: 1 } })).status,
    ).toBe(200);
  });
});

describe('audit API', () => {
  test('sensitive values are masked for analysts, shown to stewards; filters by action prefix and time; bad cursors are 400', async () => {
    const from = new Date().toISOString();
    // A sole-proprietor vendor whose "tax id" is an SSN, as an audit entry of an override would hold it.
    await recordAudit({
      store: server.running.services.store,
      actor: { keyId: 'k1', name: 'Dana Steward', role: 'steward' },
      action: 'golden.override.set',
      target: { type: 'goldenRecord', id: 'supplier-audit-mask', domain: 'supplier' },
      before: { attribute: 'taxId', value: '219-09-9999', override: null },
      after: { attribute: 'taxId', value: '078-05-1120', version: 3, taxId: '078-05-1120' },
      reason: 'vendor corrected the W-9',
    });
    const asAnalyst = await server.request<{ items: AuditEntryView[] }>('GET', `/api/v1/audit?goldenId=supplier-audit-mask`, {
      key: analyst,
    });
    expect(asAnalyst.body.items).toHaveLength(1);
    expect(at(asAnalyst.body.items, 0).before).toEqual({ attribute: 'taxId', value: '*******9999', override: null });
    expect(at(asAnalyst.body.items, 0).after).toEqual({ attribute: 'taxId', value: '*******1120', version: 3, taxId: '*******1120' });
    const asSteward = await server.request<{ items: AuditEntryView[] }>('GET', `/api/v1/audit?goldenId=supplier-audit-mask`, {
      key: steward,
    });
    expect(at(asSteward.body.items, 0).after).toMatchObject({ value: '078-05-1120' });

    const prefixed = await auditEntries(server, `action=golden.&from=${encodeURIComponent(from)}`);
    expect(prefixed.map((e) => e.target.id)).toEqual(['supplier-audit-mask']);
    expect(await auditEntries(server, `action=golden.&to=${encodeURIComponent(from)}&from=${encodeURIComponent(from)}`)).toEqual([]);
    expect((await server.request('GET', '/api/v1/audit?cursor=%5Bbad', { key: analyst })).status).toBe(400);
  });
});

describe('survivorship conflicts', () => {
  test('trusted sources disagreeing on a GTIN raise a task; the override action settles it and leaves the audit entries', async () => {
    const sap = itemRecord();
    const peoplesoftGtin = gtin(`00${String(sap.gtin).slice(2, 13).split('').reverse().join('')}`);
    const peoplesoft = { ...sap, sourceId: `PS-${sap.sourceId}`, gtin: peoplesoftGtin };
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    const b = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: peoplesoft });
    const survivorId = a.goldenId;
    // Different GTINs keep matching from proposing the pair; a steward merges them from the golden record page.
    expect(b).toMatchObject({ outcome: 'created' });
    const merged = await server.request('POST', `/api/v1/golden/item/${a.goldenId}/merge`, {
      key: steward,
      body: { otherId: b.goldenId, reason: 'same item, two GTINs on file' },
    });
    expect(merged.status, merged.text).toBe(200);
    await sync(server);
    const stored = await server.request<TaskListView>('GET', '/api/v1/tasks?type=survivorship-conflict');
    const task = stored.body.items.find((t) => t.subject.goldenId === survivorId);
    expect(task).toMatchObject({ status: 'open', version: 1, subject: { goldenId: survivorId, attribute: 'gtin' } });
    expect(task?.values?.map((v) => v.value).sort()).toEqual([sap.gtin, peoplesoftGtin].sort());
    expect(task?.history[0]).toMatchObject({ by: 'system', action: 'opened' });
    // The processor is idempotent: no second task for the same conflict.
    await sync(server);
    expect(
      (await server.request<TaskListView>('GET', '/api/v1/tasks?type=survivorship-conflict')).body.items.filter(
        (t) => t.subject.goldenId === survivorId,
      ),
    ).toHaveLength(1);

    const golden = await getItem(server, survivorId);
    const response = await server.request<{ task: TaskView; golden: GoldenRecordView }>('POST', `/api/v1/tasks/${task?.id}/override`, {
      key: steward,
      body: {
        expectedVersion: 1,
        sourceRecordId: b.sourceRecordId,
        goldenVersion: golden.version,
        reason: 'GS1 registry lists the PeopleSoft GTIN for this catalogue number',
      },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ status: 'closed', resolution: 'overridden', version: 2 });
    expect(response.body.golden.attributes.gtin).toBe(peoplesoftGtin);
    expect(response.body.golden.lineage?.gtin).toMatchObject({ strategy: 'override' });
    const audit = await auditEntries(server, `goldenId=${survivorId}&from=${encodeURIComponent(task?.createdAt ?? '')}`);
    expect(audit.map((e) => e.action).sort()).toEqual(['golden.override.set', 'task.open', 'task.override']);
    expect(audit.find((e) => e.action === 'task.open')?.actor).toMatchObject({
      keyId: 'system',
      rule: 'stewardship:survivorship-conflict',
    });
    await sync(server);
    expect(
      (await server.request<TaskListView>('GET', '/api/v1/tasks?type=survivorship-conflict')).body.items.filter(
        (t) => t.subject.goldenId === survivorId,
      ),
    ).toEqual([]);
  });
});

describe('unmerge after a merge', () => {
  test('the split-off record gets its own golden record; survivorship and history are recomputed; consumers see it in the change feed', async () => {
    const price = { amount: 4.1, currency: 'USD', uom: 'EA' };
    const pair = await createReviewPair(server, { feed: { price } });
    const merged = await server.request<{ golden: GoldenRecordView }>('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
      key: steward,
      body: { expectedVersion: 1, reason: 'same suture' },
    });
    expect(merged.status, merged.text).toBe(200);
    // Only the EHR feed carries a price: survivorship took it while both were members.
    expect(merged.body.golden.attributes.price).toEqual(price);
    const changesBefore = await server.request<{ nextCursor: string }>('GET', '/api/v1/changes?limit=1000');

    const unmerged = await server.request<{ golden: GoldenRecordView; newGoldenId: string; outcome: string }>(
      'POST',
      `/api/v1/golden/item/${pair.masterGoldenId}/unmerge`,
      {
        key: steward,
        body: {
          sourceRecordId: pair.feedRecordId,
          expectedVersion: merged.body.golden.version,
          reason: 'EHR line turned out to be the 4-0 suture',
        },
      },
    );
    expect(unmerged.status, unmerged.text).toBe(200);
    expect(unmerged.body.newGoldenId).not.toBe(pair.masterGoldenId);
    expect(unmerged.body.golden.sourceRecordIds).toEqual([pair.masterRecordId]);
    expect(unmerged.body.golden.attributes.price).toBeUndefined();
    expect(unmerged.body.golden.attributes.description).toBe(pair.master.description);
    const golden = await getItem(server, pair.masterGoldenId);
    expect(golden.history?.map((h) => h.cause)).toEqual(['ingest', 'merge', 'unmerge']);
    expect(golden.history?.at(-1)?.changes).toEqual([{ attribute: 'price', before: price, after: null }]);
    expect(golden.history?.at(-1)?.sourceRecordIds).toEqual([pair.masterRecordId]);
    const splitOff = await getItem(server, unmerged.body.newGoldenId);
    expect(splitOff).toMatchObject({ sourceRecordIds: [pair.feedRecordId], attributes: { price, description: pair.feed.description } });

    const changes = await server.request<{ items: ChangeView[] }>('GET', `/api/v1/changes?after=${changesBefore.body.nextCursor}`);
    expect(changes.body.items.map((c) => [c.goldenId, c.type])).toEqual(
      expect.arrayContaining([
        [pair.masterGoldenId, 'unmerged'],
        [unmerged.body.newGoldenId, 'created'],
      ]),
    );
    // Nothing in the inbox points at the split: the processor leaves open tasks alone.
    await sync(server);
    const audit = await auditEntries(server, `goldenId=${pair.masterGoldenId}&action=golden.unmerge`);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ name: 'Dana Steward' }),
        reason: 'EHR line turned out to be the 4-0 suture',
      }),
    ]);
  });
});

describe('bulk actions', () => {
  test('bulk merge runs as a job with progress and merges every matching task', async () => {
    const since = new Date().toISOString();
    const pairs: ReviewPair[] = [];
    for (let i = 0; i < 4; i++) pairs.push(await createReviewPair(server, { feedSource: 'epic' }));
    const started = await server.request<{ id: string; status: string; progress: { total?: number } }>('POST', '/api/v1/tasks/bulk', {
      key: steward,
      body: { action: 'merge', filter: { source: 'epic', createdAfter: since }, reason: 'Epic supply feed lines reviewed in bulk' },
    });
    expect(started.status, started.text).toBe(202);
    expect(started.body.progress.total).toBe(4);
    const finished: JobDocument = await server.running.services.jobs.waitFor(started.body.id);
    expect(finished.status).toBe('succeeded');
    const job = await server.request<{
      status: string;
      progress: { total: number; done: number; failed: number };
      result: { done: number; failed: number };
    }>('GET', `/api/v1/jobs/${started.body.id}`, { key: steward });
    expect(job.body).toMatchObject({ status: 'succeeded', progress: { total: 4, done: 4, failed: 0 }, result: { done: 4, failed: 0 } });
    for (const pair of pairs) {
      expect(await getTask(server, pair.task.id)).toMatchObject({ status: 'closed', resolution: 'merged' });
      expect((await getItem(server, pair.masterGoldenId)).sourceRecordIds).toEqual([pair.feedRecordId, pair.masterRecordId].sort());
    }
    const audit = await auditEntries(server, `action=task.merge&from=${encodeURIComponent(since)}`);
    expect(audit).toHaveLength(4);
    expect(audit.every((e) => e.actor.name === 'Dana Steward' && e.reason === 'Epic supply feed lines reviewed in bulk')).toBe(true);
  });

  test('bulk not-a-match rejects every candidate of every matching task and stores the pairs', async () => {
    const since = new Date().toISOString();
    const pairs: ReviewPair[] = [];
    for (let i = 0; i < 3; i++) pairs.push(await createReviewPair(server, { feedSource: 'cerner' }));
    const started = await server.request<{ id: string; progress: { total?: number } }>('POST', '/api/v1/tasks/bulk', {
      key: steward,
      body: {
        action: 'not-a-match',
        filter: { source: 'cerner', createdAfter: since },
        reason: 'Cerner charge lines are kits, not the items',
      },
    });
    expect(started.status, started.text).toBe(202);
    expect(started.body.progress.total).toBe(3);
    const finished: JobDocument = await server.running.services.jobs.waitFor(started.body.id);
    expect(finished).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, failed: 0 },
      result: { action: 'not-a-match', done: 3, failed: 0, failures: [] },
    });
    for (const pair of pairs) {
      expect(await getTask(server, pair.task.id)).toMatchObject({
        status: 'closed',
        resolution: 'not-a-match',
        candidates: [expect.objectContaining({ goldenId: pair.masterGoldenId })],
      });
      const pairId = [pair.feedRecordId, pair.masterRecordId].sort().join('~');
      expect(await server.running.services.store.collection(NOT_A_MATCH).findOne({ _id: pairId })).toMatchObject({
        taskId: pair.task.id,
        reason: 'Cerner charge lines are kits, not the items',
      });
    }
  });
});
