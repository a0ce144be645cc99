/** The re-match job: after a rules change, review pairs become merges, with progress; not-a-match decisions hold. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship/types';
import { changedRules } from '../support/factories/matching';
import { applyCanonical } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

interface JobView {
  id: string;
  status: string;
  progress: { done: number; total: number; phase: string; percent: number | null };
  result: { merged: number; matched: number; indexed: number; excludedByNotAMatch: number; rulesVersion: string } | null;
}

test('a looser published rule set merges former review pairs, except the pair a steward marked not-a-match', async () => {
  const apply = (source: string, sourceId: string, name: string) =>
    applyCanonical(server, { domain: 'supplier', source, canonical: { sourceId, name } });
  const acmeA = await apply('oracle', 'S1', 'Acme Surgical Supply');
  const acmeB = await apply('workday', 'S2', 'ACME SURGICAL SUPPLY INC');
  const zenithA = await apply('oracle', 'S3', 'Zenith Medical Devices');
  const zenithB = await apply('workday', 'S4', 'ZENITH MEDICAL DEVICES LLC');
  // Same name and nothing else: a steward's question under the shipped rules.
  expect([acmeB.outcome, zenithB.outcome]).toEqual(['review', 'review']);
  expect(acmeB.goldenId).not.toBe(acmeA.goldenId);

  // Names only: the supplier rules review such records as a cluster task (here a cluster of two).
  const task = await server.running.services.store
    .collection<TaskDocument>(TASKS)
    .findOne({ type: 'potential-match-cluster', status: 'open', 'members.goldenId': zenithB.goldenId });
  expect(task).not.toBeNull();
  expect(task?.members?.map((m) => m.goldenId).sort()).toEqual([zenithA.goldenId, zenithB.goldenId].sort());
  const rejected = await server.request('POST', `/api/v1/tasks/${task?._id}/reject`, {
    body: { expectedVersion: task?.version, reason: 'different companies, same trading name' },
  });
  expect(rejected.status, rejected.text).toBe(200);

  const looser = changedRules('supplier', 'supplier-rematch-2', (r) => Object.assign(r.thresholds, { autoMerge: r.thresholds.review }));
  expect((await server.request('PUT', '/api/v1/matching/rules/supplier', { body: { rules: looser } })).status).toBe(200);
  expect(
    (await server.request('POST', '/api/v1/matching/rules/supplier/publish', { body: { note: 'merge exact name duplicates' } })).status,
  ).toBe(201);

  const started = await server.request<JobView>('POST', '/api/v1/matching/supplier/rematch', {
    body: { reason: 'rules supplier-rematch-2' },
  });
  expect(started.status, started.text).toBe(202);
  await server.running.services.jobs.waitFor(started.body.id);
  const job = await server.request<JobView>('GET', `/api/v1/jobs/${started.body.id}`);
  expect(job.body.status).toBe('succeeded');
  expect(job.body.progress).toMatchObject({ done: 8, total: 8, phase: 'done', percent: 100 });
  expect(job.body.result).toMatchObject({ rulesVersion: 'supplier-rematch-2', indexed: 4, matched: 4, merged: 1 });
  expect(job.body.result?.excludedByNotAMatch).toBeGreaterThan(0);

  const xref = async (source: string, sourceId: string) =>
    (await server.request<{ goldenId: string }>('GET', `/api/v1/xref/supplier/${source}/${sourceId}`)).body.goldenId;
  expect(await xref('oracle', 'S1')).toBe(await xref('workday', 'S2'));
  expect(await xref('oracle', 'S3')).toBe(zenithA.goldenId);
  expect(await xref('workday', 'S4')).toBe(zenithB.goldenId);

  // The job's merge is stored as a decision with its explanation, like an ingest-time decision.
  const decisions = await server.running.services.store.collection('matchDecisions').find({ trigger: 'rematch', outcome: 'merged' });
  expect(decisions).toHaveLength(1);
  expect(decisions[0]).toMatchObject({ rulesVersion: 'supplier-rematch-2', band: 'auto-merge', goldenId: await xref('oracle', 'S1') });
  expect(
    at(at(decisions, 0).candidates as Array<{ explanation: { comparators: unknown[] } }>, 0).explanation.comparators.length,
  ).toBeGreaterThan(0);

  // Running it again changes nothing: the decisions are already applied.
  const again = await server.request<JobView>('POST', '/api/v1/matching/supplier/rematch', { body: { reason: 'again' } });
  await server.running.services.jobs.waitFor(again.body.id);
  const second = await server.request<JobView>('GET', `/api/v1/jobs/${again.body.id}`);
  expect(second.body.result).toMatchObject({ merged: 0, matched: 4 });
});
