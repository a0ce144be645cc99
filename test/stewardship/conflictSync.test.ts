/**
 * The task-sync processor opens survivorship-conflict tasks for golden records the change feed says changed. A
 * change-feed entry carries the record's member count after the change (`memberCount`), and the processor reads
 * only the records that may have a conflict (two or more members, or an entry that does not say): a bulk load's
 * one-member records cost it no read. Conflicts that arise in a record of several members are opened as before,
 * also from entries an older release wrote without the count.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { awaitSequenced } from '../../server/golden/changeSequencer';
import { CHANGES, GOLDEN_RECORDS } from '../../server/golden/collections';
import type { ChangeDocument } from '../../server/golden/types';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship';
import { applyCanonical, gtin, itemDuplicatePair, itemRecord } from '../support/factories/golden';
import { sync } from '../support/factories/stewardship';
import { countCollectionCalls } from '../support/storeCalls';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  // The processors' timers would catch up on their own at any moment; here only `sync` runs them.
  await server.running.services.processors.stop();
});
afterAll(async () => server?.stop());

/** Reads of golden records (find, findOne) while `work` runs. */
async function goldenReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const { result, calls } = await countCollectionCalls({
    store: server.running.services.store,
    collection: GOLDEN_RECORDS,
    kindOf: (method) => (method === 'find' || method === 'findOne' ? 'reads' : undefined),
    work,
  });
  return { result, reads: calls.reads ?? 0 };
}

/** The sequenced change-feed entries of a golden record (numbering queued ones first). */
async function changesOf(goldenId: string): Promise<ChangeDocument[]> {
  expect(await awaitSequenced(server.running.services)).toBe(true);
  return server.running.services.store.collection<ChangeDocument>(CHANGES).find({ goldenId }, { sort: { _id: 1 } });
}

async function openConflicts(goldenId: string): Promise<TaskDocument[]> {
  return server.running.services.store
    .collection<TaskDocument>(TASKS)
    .find({ type: 'survivorship-conflict', 'subject.goldenId': goldenId, status: 'open' });
}

/** A SAP and a Lawson record of one product, auto-merged, then the Lawson record's GTIN changed: trusted sources disagree. */
async function conflictingPair(): Promise<{ goldenId: string; gtins: string[] }> {
  const { sap, lawson } = itemDuplicatePair();
  const first = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
  const second = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
  expect(second.goldenId, 'the Lawson record should merge into the SAP record').toBe(first.goldenId);
  await sync(server);
  expect(await openConflicts(first.goldenId)).toEqual([]);
  const lawsonGtin = gtin(`00${String(sap.gtin).slice(2, 13).split('').reverse().join('')}`);
  const updated = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...lawson, gtin: lawsonGtin } });
  expect(updated.goldenId, 'the changed Lawson record should stay a member').toBe(first.goldenId);
  return { goldenId: first.goldenId, gtins: [String(sap.gtin), lawsonGtin].sort() };
}

describe('task-sync processor and the change feed member count', () => {
  test('one-member records: the entries say one member and the processor reads none of the records', async () => {
    await sync(server);
    const created = [];
    for (let index = 0; index < 6; index++)
      created.push(await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() }));
    expect(new Set(created.map((c) => c.goldenId)).size).toBe(6);
    for (const { goldenId } of created) expect((await changesOf(goldenId)).map((c) => c.memberCount)).toEqual([1]);
    const { result, reads } = await goldenReads(() => sync(server));
    expect(result.changes).toBeGreaterThanOrEqual(6);
    expect(reads).toBe(0);
  });

  test('a conflict in a record of two members is opened; the entries say two members', async () => {
    const pair = await conflictingPair();
    expect((await changesOf(pair.goldenId)).map((c) => c.memberCount)).toEqual([1, 2, 2]);
    const { result, reads } = await goldenReads(() => sync(server));
    expect(reads).toBeGreaterThan(0);
    expect(result.opened).toBe(1);
    const [task, ...others] = await openConflicts(pair.goldenId);
    expect(others).toEqual([]);
    expect(task?.subject.attribute).toBe('gtin');
    expect(task?.values?.map((v) => v.value).sort()).toEqual(pair.gtins);
  });

  test('entries written without the member count (an older release) are read as before', async () => {
    const pair = await conflictingPair();
    expect((await changesOf(pair.goldenId)).map((c) => c.memberCount)).toEqual([1, 2, 2]);
    const { store } = server.running.services;
    await store.collection(CHANGES).updateMany({ goldenId: pair.goldenId }, { $unset: { memberCount: '' } });
    expect((await changesOf(pair.goldenId)).map((c) => c.memberCount)).toEqual([undefined, undefined, undefined]);
    expect((await sync(server)).opened).toBe(1);
    expect((await openConflicts(pair.goldenId)).map((t) => t.subject.attribute)).toEqual(['gtin']);
  });
});
