/**
 * The steward's task actions over HTTP against the real embedded store: merge (with per-attribute
 * choices), not-a-match (surviving re-matches, reopened by a relevant change), skip, assign, comment,
 * priority — each with its optimistic-concurrency conflict and the audit entries it must leave.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import type { GoldenRecordView } from '../../server/contracts/golden';
import { NOT_A_MATCH } from '../../server/stewardship/collections';
import type { NotAMatchDocument } from '../../server/stewardship';
import {
  applyCanonical,
  auditEntries,
  createReviewPair,
  getItem,
  getTask,
  itemRecord,
  openTaskFor,
  sync,
} from '../support/factories/stewardship';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let steward: string;
let secondSteward: string;

beforeAll(async () => {
  server = await startTestServer();
  steward = await server.createKey('steward', 'Dana Steward');
  secondSteward = await server.createKey('steward', 'Lee Steward');
});
afterAll(async () => server?.stop());

type ErrorBody = { error: { code: string; details?: { current?: TaskView & GoldenRecordView } } };

describe('merge', () => {
  test('accepting a potential match merges the feed record into the established one, with a chosen value as an override', async () => {
    const pair = await createReviewPair(server);
    expect(pair.task).toMatchObject({
      type: 'potential-match',
      status: 'open',
      version: 1,
      subject: { sourceRecordId: pair.feedRecordId, goldenId: pair.feedGoldenId },
    });
    expect(pair.task.candidates?.[0]).toMatchObject({ goldenId: pair.masterGoldenId, band: 'review' });

    const response = await server.request<{ task: TaskView; golden: GoldenRecordView; retired: GoldenRecordView }>(
      'POST',
      `/api/v1/tasks/${pair.task.id}/merge`,
      {
        key: steward,
        body: {
          expectedVersion: 1,
          goldenVersions: { [pair.masterGoldenId]: 1, [pair.feedGoldenId]: 1 },
          attributes: { description: { sourceRecordId: pair.feedRecordId } },
          reason: 'Same Ethicon suture: EHR feed line confirmed against the item master',
        },
      },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ status: 'closed', resolution: 'merged', version: 2 });
    expect(response.body.retired).toMatchObject({ id: pair.feedGoldenId, status: 'retired', mergedInto: pair.masterGoldenId });
    expect(response.body.golden.sourceRecordIds).toEqual([pair.feedRecordId, pair.masterRecordId].sort());
    // Survivorship alone takes the longer item-master description (mostComplete); the steward chose the EHR wording.
    expect(response.body.golden.attributes.description).toBe(pair.feed.description);
    expect(response.body.golden.lineage?.description).toMatchObject({ strategy: 'override', source: 'steward' });

    const golden = await getItem(server, pair.masterGoldenId);
    expect(golden.history?.map((h) => h.cause)).toEqual(['ingest', 'merge', 'override']);

    const trail = await auditEntries(server, `goldenId=${pair.masterGoldenId}&from=${encodeURIComponent(pair.task.createdAt)}`);
    // The task's opening is audited too (stewardship/newTask.ts is the one constructor of tasks).
    expect(trail.map((e) => e.action).sort()).toEqual(['golden.merge', 'golden.override.set', 'task.merge', 'task.open']);
    const taskEntry = trail.find((e) => e.action === 'task.merge');
    expect(taskEntry).toMatchObject({
      actor: { name: 'Dana Steward', role: 'steward' },
      target: { type: 'task', id: pair.task.id },
      before: { status: 'open', version: 1, candidateGoldenId: pair.masterGoldenId },
      after: {
        status: 'closed',
        resolution: 'merged',
        survivorId: pair.masterGoldenId,
        retiredId: pair.feedGoldenId,
        chosenAttributes: ['description'],
      },
      reason: 'Same Ethicon suture: EHR feed line confirmed against the item master',
    });
  });

  test('two stewards merging the same task: one wins, the other gets 409 with the current task, and nothing is applied twice', async () => {
    const pair = await createReviewPair(server);
    const body = { expectedVersion: 1, reason: 'duplicate suture line' };
    const [first, second] = await Promise.all([
      server.request<{ task: TaskView }>('POST', `/api/v1/tasks/${pair.task.id}/merge`, { key: steward, body }),
      server.request<ErrorBody>('POST', `/api/v1/tasks/${pair.task.id}/merge`, { key: secondSteward, body }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = (first.status === 409 ? first : second) as unknown as { body: ErrorBody };
    expect(['STALE_VERSION', 'TASK_CLOSED']).toContain(loser.body.error.code);
    expect(loser.body.error.details?.current).toMatchObject({ id: pair.task.id, status: 'closed', resolution: 'merged', version: 2 });

    const golden = await getItem(server, pair.masterGoldenId);
    expect(golden.history?.filter((h) => h.cause === 'merge')).toHaveLength(1);
    const merges = await auditEntries(server, `goldenId=${pair.masterGoldenId}&action=golden.merge`);
    expect(merges).toHaveLength(1);
  });

  test('a stale golden-record version is 409 with that record, and the task stays open and unchanged', async () => {
    const pair = await createReviewPair(server);
    const response = await server.request<ErrorBody>('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
      key: steward,
      body: { expectedVersion: 1, goldenVersions: { [pair.masterGoldenId]: 7 }, reason: 'x' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('STALE_VERSION');
    // The current state is presented like any golden record (issue 11: it used to be the stored document).
    expect(response.body.error.details?.current).toMatchObject({ id: pair.masterGoldenId, version: 1, status: 'active' });
    expect(response.body.error.details?.current).not.toHaveProperty('_id');
    expect(response.body.error.details?.current).not.toHaveProperty('lineage');
    expect(await getTask(server, pair.task.id)).toMatchObject({ status: 'open', version: 1 });
    // Only the task's opening is audited; the refused merge leaves nothing.
    expect((await auditEntries(server, `goldenId=${pair.masterGoldenId}&action=task.`)).map((e) => e.action)).toEqual(['task.open']);
  });

  test('a candidate that is not on the task is 400; a non-member source record for a chosen value is 400', async () => {
    const pair = await createReviewPair(server);
    const unknown = await server.request<ErrorBody>('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
      key: steward,
      body: { expectedVersion: 1, candidateGoldenId: 'item-nope', reason: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('UNKNOWN_CANDIDATE');
    const stranger = await server.request<ErrorBody>('POST', `/api/v1/tasks/${pair.task.id}/merge`, {
      key: steward,
      body: { expectedVersion: 1, attributes: { description: { sourceRecordId: 'item|sap|NOT-HERE' } }, reason: 'x' },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.code).toBe('NOT_A_MEMBER');
    // The failed request rolled back completely: the task is still open and nothing merged.
    expect(await getTask(server, pair.task.id)).toMatchObject({ status: 'open', version: 1 });
    expect((await getItem(server, pair.masterGoldenId)).version).toBe(1);
  });
});

describe('not a match', () => {
  test('the pair survives re-matching, and a change in a compared attribute reopens the question', async () => {
    const pair = await createReviewPair(server);
    const rejected = await server.request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${pair.task.id}/not-a-match`, {
      key: steward,
      body: { expectedVersion: 1, reason: 'EHR line is the 4-0 suture, not the 3-0' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.task).toMatchObject({ status: 'closed', resolution: 'not-a-match', version: 2 });
    expect(rejected.body.pairs).toBe(1);
    const stored = await server.running.services.store.collection<NotAMatchDocument>(NOT_A_MATCH).findOne({ taskId: pair.task.id });
    expect(stored).toMatchObject({
      a: [pair.feedRecordId, pair.masterRecordId].sort()[0],
      by: { role: 'steward' },
      reason: 'EHR line is the 4-0 suture, not the 3-0',
    });
    expect(Object.keys(stored?.fingerprints ?? {}).sort()).toEqual([pair.feedRecordId, pair.masterRecordId].sort());

    // Re-matching the feed record (an update in an attribute the rules do not compare) neither merges nor asks again.
    const rematch = await applyCanonical(server, { domain: 'item', source: 'ehr', canonical: { ...pair.feed, baseUom: 'EA' } });
    expect(rematch.decision?.trigger).toBe('update');
    expect(rematch.decision?.excludedByNotAMatch).toBe(1);
    expect(rematch).toMatchObject({ outcome: 'updated', goldenId: pair.feedGoldenId });
    expect(await openTaskFor(server, pair.feedRecordId)).toBeNull();
    // Re-matching the master side does not bring the pair back either.
    const masterRematch = await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...pair.master, price: { amount: 31.2, currency: 'USD', uom: 'BX' } },
    });
    expect(masterRematch.goldenId).toBe(pair.masterGoldenId);
    expect(await openTaskFor(server, pair.masterRecordId)).toBeNull();

    // The feed now names the part number in its own field: compared evidence changed, the question is open again.
    const changed = await applyCanonical(server, {
      domain: 'item',
      source: 'ehr',
      canonical: { ...pair.feed, baseUom: 'EA', description: `ETHICON ${String(pair.master.manufacturerPartNumber)} SUTURE VICRYL 3-0` },
    });
    expect(changed.decision?.excludedByNotAMatch).toBe(0);
    expect(changed.outcome).toBe('review');
    const reopened = await openTaskFor(server, pair.feedRecordId);
    expect(reopened).toMatchObject({ status: 'open', version: 1, subject: { sourceRecordId: pair.feedRecordId } });
    expect(reopened?.id).not.toBe(pair.task.id);
    expect(reopened?.candidates?.[0]?.goldenId).toBe(pair.masterGoldenId);

    const audit = await auditEntries(server, `goldenId=${pair.feedGoldenId}&action=task.not-a-match`);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'steward' }),
        before: { status: 'open', version: 1, sourceRecordId: pair.feedRecordId, candidates: [pair.masterGoldenId] },
        after: { status: 'closed', resolution: 'not-a-match', version: 2, rejected: [pair.masterGoldenId], candidates: [], pairs: 1 },
      }),
    ]);
  });

  test('rejecting one of two candidates narrows the task; merging the other keeps the subject id when asked', async () => {
    const first = itemRecord();
    const second = itemRecord({ manufacturerPartNumber: first.manufacturerPartNumber, description: `${String(first.description)} VIOLET` });
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: first });
    const b = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: second });
    expect(b.goldenId).not.toBe(a.goldenId);
    const feed = await applyCanonical(server, {
      domain: 'item',
      source: 'ehr',
      canonical: { sourceId: `EHR2-${first.sourceId}`, description: `ETHICON ${String(first.manufacturerPartNumber)} SUTURE` },
    });
    expect(feed.outcome).toBe('review');
    const task = await openTaskFor(server, feed.sourceRecordId);
    expect(task?.candidates?.map((c) => c.goldenId).sort()).toEqual([a.goldenId, b.goldenId].sort());

    const narrowed = await server.request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${task?.id}/not-a-match`, {
      key: steward,
      body: { expectedVersion: 1, candidateGoldenIds: [b.goldenId], reason: 'the violet suture is another product' },
    });
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(narrowed.body.task).toMatchObject({ status: 'open', version: 2 });
    expect(narrowed.body.task.candidates?.map((c) => c.goldenId)).toEqual([a.goldenId]);
    expect(narrowed.body.task.score).toBe(narrowed.body.task.candidates?.[0]?.score);

    const merged = await server.request<{ task: TaskView; golden: GoldenRecordView; retired: GoldenRecordView }>(
      'POST',
      `/api/v1/tasks/${task?.id}/merge`,
      {
        key: steward,
        body: { expectedVersion: 2, survivor: 'subject', reason: 'same suture; keep the feed record id' },
      },
    );
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.golden.id).toBe(feed.goldenId);
    expect(merged.body.retired).toMatchObject({ id: a.goldenId, mergedInto: feed.goldenId });
    expect(merged.body.golden.sourceRecordIds).toEqual([a.sourceRecordId, feed.sourceRecordId].sort());
  });

  test('a stale task version is 409 and stores no pair', async () => {
    const pair = await createReviewPair(server);
    const response = await server.request<ErrorBody>('POST', `/api/v1/tasks/${pair.task.id}/not-a-match`, {
      key: steward,
      body: { expectedVersion: 3, reason: 'x' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'STALE_VERSION',
      details: { current: { id: pair.task.id, version: 1, status: 'open' } },
    });
    expect(await server.running.services.store.collection(NOT_A_MATCH).countDocuments({ taskId: pair.task.id })).toBe(0);
  });
});

describe('skip, assign, comment, priority', () => {
  test('each bumps the version, leaves history and an audit entry; a stale version is 409', async () => {
    const pair = await createReviewPair(server);
    const id = pair.task.id;
    const assigned = await server.request<TaskView>('POST', `/api/v1/tasks/${id}/assign`, { key: steward, body: { expectedVersion: 1 } });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ version: 2 });
    expect(assigned.body.assignee).toEqual(expect.any(String));

    const stale = await server.request<ErrorBody>('POST', `/api/v1/tasks/${id}/priority`, {
      key: secondSteward,
      body: { priority: 90, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.current).toMatchObject({ version: 2, assignee: assigned.body.assignee, priority: pair.task.priority });

    const prioritised = await server.request<TaskView>('POST', `/api/v1/tasks/${id}/priority`, {
      key: secondSteward,
      body: { priority: 90, expectedVersion: 2 },
    });
    expect(prioritised.body).toMatchObject({ version: 3, priority: 90 });
    const commented = await server.request<TaskView>('POST', `/api/v1/tasks/${id}/comments`, {
      key: steward,
      body: { text: 'Asked the OR buyer which suture size the EHR line is.' },
    });
    expect(commented.status).toBe(201);
    expect(commented.body.comments).toEqual([
      expect.objectContaining({ by: 'Dana Steward', text: 'Asked the OR buyer which suture size the EHR line is.' }),
    ]);
    const skipped = await server.request<TaskView>('POST', `/api/v1/tasks/${id}/skip`, {
      key: steward,
      body: { expectedVersion: 4, reason: 'waiting for the buyer' },
    });
    expect(skipped.body).toMatchObject({ status: 'closed', resolution: 'skipped', version: 5 });
    expect(skipped.body.history.map((h) => h.action)).toEqual(['opened', 'assigned', 'priority', 'commented', 'skipped']);
    const again = await server.request<ErrorBody>('POST', `/api/v1/tasks/${id}/skip`, { key: steward, body: { expectedVersion: 5 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TASK_CLOSED');

    const audit = await auditEntries(server, `goldenId=${pair.feedGoldenId}&action=task.`);
    expect(audit.map((e) => [e.action, e.actor.name])).toEqual([
      ['task.open', 'system'],
      ['task.assign', 'Dana Steward'],
      ['task.priority', 'Lee Steward'],
      ['task.comment', 'Dana Steward'],
      ['task.skip', 'Dana Steward'],
    ]);
    expect(audit[2]).toMatchObject({ before: { version: 2, priority: pair.task.priority }, after: { version: 3, priority: 90 } });
  });
});

describe('obsolete tasks close themselves', () => {
  test('merging the two golden records elsewhere closes the task with a note, audited under the rule', async () => {
    const pair = await createReviewPair(server);
    const merged = await server.request('POST', `/api/v1/golden/item/${pair.masterGoldenId}/merge`, {
      key: steward,
      body: { otherId: pair.feedGoldenId, reason: 'merged from the golden record page' },
    });
    expect(merged.status, merged.text).toBe(200);
    // The server's own processor runner may close it first; running the processor here makes it happen now either way.
    await sync(server);
    const task = await getTask(server, pair.task.id);
    expect(task).toMatchObject({ status: 'closed', resolution: 'auto-closed', version: 2 });
    expect(task.history.at(-1)).toMatchObject({ by: 'system', action: 'auto-closed' });
    expect(task.history.at(-1)?.note).toContain(`now part of ${pair.masterGoldenId}`);
    const audit = await auditEntries(server, `goldenId=${pair.feedGoldenId}&action=task.auto-close`);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: { keyId: 'system', name: 'system', role: 'system', rule: 'stewardship:obsolete-task' },
        target: expect.objectContaining({ id: pair.task.id }),
      }),
    ]);
    // Running the processor again changes nothing.
    expect((await sync(server)).closed).toBe(0);
  });

  test('a candidate merged into a third record is replaced by that record: the question stays open', async () => {
    const pair = await createReviewPair(server);
    const third = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: itemRecord() });
    const merged = await server.request('POST', `/api/v1/golden/item/${third.goldenId}/merge`, {
      key: steward,
      body: { otherId: pair.masterGoldenId, reason: 'catalogue consolidation' },
    });
    expect(merged.status, merged.text).toBe(200);
    await sync(server);
    const task = await getTask(server, pair.task.id);
    expect(task).toMatchObject({ status: 'open', version: 2 });
    expect(task.candidates?.map((c) => c.goldenId)).toEqual([third.goldenId]);
    expect(task.history.at(-1)).toMatchObject({
      by: 'system',
      action: 'candidates-changed',
      note: `candidate ${pair.masterGoldenId} was merged into ${third.goldenId}.`,
    });
    const audit = await auditEntries(server, `goldenId=${third.goldenId}&action=task.candidates-change`);
    expect(audit).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ candidates: [pair.masterGoldenId] }),
        after: expect.objectContaining({ candidates: [third.goldenId], version: 2 }),
      }),
    ]);
  });
});
