/**
 * Cluster tasks through the public API: vendor rows known by name only are ingested with
 * `POST /ingest/:source/supplier`; the supplier rules' `clusterReview` turns the spellings of one
 * supplier into one `potential-match-cluster` task (near-miss suppliers stay out, a tax-id conflict
 * splits the cluster before it is shown), and the steward accepts, splits or rejects it — with the
 * golden records, not-a-match pairs and audit entries each decision must leave, 409 on stale versions,
 * and one task when two ingests build the same cluster at once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GoldenRecordView } from '../../server/contracts/golden';
import type { TaskView } from '../../server/contracts/stewardship';
import { NOT_A_MATCH, TASKS } from '../../server/stewardship/collections';
import type { NotAMatchDocument, TaskDocument } from '../../server/stewardship';
import { ERP_VENDOR_EXPRESSION, ingest, publishMapping, startIngestServer, toCsv } from '../support/factories/ingest';
import { auditEntries, getTask, sync } from '../support/factories/stewardship';
import type { TestServer } from '../support/testServer';
import { at, firstOf } from '../support/must';

/** The shipped supplier rules' version string (decisions name it in their rule). */
const SUPPLIER_RULES_VERSION = (
  JSON.parse(readFileSync(new URL('../../matching-rules/supplier.json', import.meta.url), 'utf8')) as { version: string }
).version;

let server: TestServer;
let steward: string;
let analyst: string;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
  await publishMapping(server, { source: 'ap', domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
  steward = await server.createKey('steward', 'Dana Steward');
  analyst = await server.createKey('analyst', 'Ana Lyst');
});
afterAll(async () => server?.stop());

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path: string; code: string }> | { current?: TaskView } } };

let vendorCounter = 0;

interface Ingested {
  name: string;
  sourceRecordId: string;
  goldenId: string;
}

/** Ingests vendor rows (name, optional tax id) from one source; returns each record's golden id. */
async function ingestVendors(source: string, vendors: Array<{ name: string; taxId?: string }>): Promise<Ingested[]> {
  const rows = vendors.map((vendor) => {
    vendorCounter += 1;
    return {
      VENDOR_ID: `V${String(vendorCounter).padStart(6, '0')}`,
      NAME1: vendor.name,
      ...(vendor.taxId ? { TAX_ID: vendor.taxId } : {}),
    };
  });
  const response = await ingest(server, { source, domain: 'supplier', body: toCsv(rows), contentType: 'text/csv' });
  expect(response.status, response.text).toBe(200);
  expect(response.body.totals.exceptions, response.text).toBe(0);
  return response.body.records.map((record, i) => ({
    name: at(vendors, i).name,
    sourceRecordId: record.sourceRecordId as string,
    goldenId: record.goldenId as string,
  }));
}

async function openClusterTasks(): Promise<TaskView[]> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items;
}

/** The open cluster task holding a golden record (through the API's list). */
async function clusterTaskOf(goldenId: string): Promise<TaskView | undefined> {
  return (await openClusterTasks()).find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
}

function memberIds(task: TaskView | undefined): string[] {
  return (task?.members ?? []).map((m) => m.goldenId).sort();
}

async function getSupplier(id: string): Promise<GoldenRecordView> {
  const response = await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${id}?include=lineage`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function notAMatchPairsOf(taskId: string): Promise<NotAMatchDocument[]> {
  return server.running.services.store.collection<NotAMatchDocument>(NOT_A_MATCH).find({ taskId });
}

describe('raising cluster tasks', () => {
  test("the spellings of one supplier become one cluster task with the edges' evidence; near-miss suppliers stay out", async () => {
    const family = await ingestVendors('erp', [
      { name: 'Medline Industries, Inc.' },
      { name: 'MEDLINE INDUSTRIES INCORPORATED' },
      { name: 'Medline Industries Inc' },
      { name: 'Medline Ind.' },
    ]);
    const later = await ingestVendors('ap', [
      { name: 'MEDLINE INDUSTRIES, INC.' },
      { name: 'Medtronic USA, Inc.' },
      { name: 'Medical Action Industries' },
      { name: 'Midwest Medical Supply Co' },
    ]);
    const members = [...family, at(later, 0)];
    const nearMisses = later.slice(1);

    // Every spelling stays its own golden record (names alone never auto-merge)…
    expect(new Set(members.map((m) => m.goldenId)).size).toBe(5);
    // …and one open cluster task holds exactly them.
    const task = await clusterTaskOf(at(members, 0).goldenId);
    expect(task).toBeDefined();
    expect(memberIds(task)).toEqual(members.map((m) => m.goldenId).sort());
    for (const miss of nearMisses) expect(await clusterTaskOf(miss.goldenId)).toBeUndefined();
    const detail = await getTask(server, (task as TaskView).id);
    expect(detail).toMatchObject({ type: 'potential-match-cluster', domain: 'supplier', status: 'open', band: 'review' });
    expect(detail.members?.flatMap((m) => m.records.map((r) => r.name)).sort()).toEqual(members.map((m) => m.name).sort());
    expect(detail.members?.[0]?.records[0]).toMatchObject({
      source: expect.stringMatching(/^(erp|ap)$/),
      sourceId: expect.stringMatching(/^V\d+$/),
      identifiers: {},
    });
    // Every member is reached by at least one explained edge.
    const linked = new Set(detail.edges?.flatMap((e) => [e.a, e.b]));
    expect([...linked].sort()).toEqual(memberIds(detail));
    const edge = detail.edges?.[0] as { explanation: { comparators: Array<{ name: string; outcome: string; score: number | null }> } };
    expect(edge.explanation.comparators.find((c) => c.name === 'ein')).toMatchObject({ outcome: 'missing' });
    expect(edge.explanation.comparators.find((c) => c.name === 'name')?.score).toBeGreaterThanOrEqual(0.88);

    // No pairwise potential-match task is left open between members: the cluster absorbed them.
    const store = server.running.services.store;
    const pairwise = await store
      .collection<TaskDocument>(TASKS)
      .find({ type: 'potential-match', status: 'open', 'subject.goldenId': { $in: members.map((m) => m.goldenId) } });
    expect(pairwise.filter((t) => (t.candidates ?? []).some((c) => members.some((m) => m.goldenId === c.goldenId)))).toEqual([]);
    // The opening and every extension are audited under the rules version.
    const opened = await auditEntries(server, `goldenId=${at(members, 0).goldenId}&action=task.`);
    expect(opened.map((e) => e.action)).toContain('task.open');
    expect(opened.find((e) => e.action === 'task.open')?.actor).toMatchObject({
      keyId: 'system',
      rule: `${SUPPLIER_RULES_VERSION}:clusterReview`,
    });
  });

  test('a cluster whose members conflict on a tax id is split before it is shown', async () => {
    const [withTaxId, plain, other] = firstOf(
      await ingestVendors('erp', [
        { name: 'Stryker Instruments, Inc.', taxId: '38-1239739' },
        { name: 'STRYKER INSTRUMENTS' },
        { name: 'Stryker Instruments LLC', taxId: '38-2902424' },
      ]),
      3,
    );
    const fourth = at(await ingestVendors('ap', [{ name: 'Stryker Instruments Inc.' }]), 0);
    const tasks = (await openClusterTasks()).filter((t) =>
      memberIds(t).some((id) => [withTaxId, plain, other, fourth].some((r) => r.goldenId === id)),
    );
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      // Never both tax ids in one cluster: it could not become one record.
      expect(memberIds(task).includes(withTaxId.goldenId) && memberIds(task).includes(other.goldenId)).toBe(false);
      const taxIds = (await getTask(server, task.id)).members?.flatMap((m) => m.records.map((r) => r.identifiers.taxId).filter(Boolean));
      expect(new Set(taxIds).size).toBeLessThanOrEqual(1);
    }
    // The name stating no legal form links to both companies: it joins neither cluster (supplier-3.23.0) and stays in
    // pairwise review; the record naming the corporation is reviewed with the corporation.
    expect(await clusterTaskOf(plain.goldenId)).toBeUndefined();
    const openPairwise = await server.running.services.store
      .collection<TaskDocument>(TASKS)
      .find({ type: 'potential-match', status: 'open' });
    const involvesPlain = (t: TaskDocument) =>
      t.subject?.goldenId === plain.goldenId || (t.candidates ?? []).some((c) => c.goldenId === plain.goldenId);
    expect(openPairwise.some(involvesPlain)).toBe(true);
    const fourthTask = await clusterTaskOf(fourth.goldenId);
    expect(memberIds(fourthTask)).toContain(withTaxId.goldenId);
    // Tax ids are sensitive: a steward sees them, an analyst sees them masked (members and evidence alike).
    const taxIdsSeenBy = async (key?: string) => {
      const view = await getTask(server, (fourthTask as TaskView).id, key);
      return {
        members: view.members?.flatMap((m) => m.records.map((r) => r.identifiers.taxId)).filter(Boolean) as string[],
        evidence: JSON.stringify(view.edges ?? []),
      };
    };
    const seenBySteward = await taxIdsSeenBy(steward);
    expect(seenBySteward.members).toHaveLength(1);
    expect(['381239739', '382902424']).toContain(at(seenBySteward.members, 0).replace('-', ''));
    const seenByAnalyst = await taxIdsSeenBy(analyst);
    expect(seenByAnalyst.members).toHaveLength(1);
    expect(seenByAnalyst.members[0]).not.toBe(seenBySteward.members[0]);
    expect(seenByAnalyst.evidence).not.toMatch(/38-?1239739|38-?2902424/);
  });

  test('two ingests building the same cluster at once open one task', async () => {
    const seed = await ingestVendors('erp', [{ name: 'Hologic, Inc.' }]);
    const [first, second] = await Promise.all([
      ingestVendors('erp', [{ name: 'HOLOGIC INC' }, { name: 'Hologic Incorporated' }]),
      ingestVendors('ap', [{ name: 'Hologic Inc.' }, { name: 'HOLOGIC, INC.' }]),
    ]);
    const all = [...seed, ...first, ...second].map((r) => r.goldenId).sort();
    const holding = (await openClusterTasks()).filter((t) => memberIds(t).some((id) => all.includes(id)));
    expect(holding).toHaveLength(1);
    expect(memberIds(holding[0])).toEqual(all);
    // Extensions are recorded on the task, folded tasks point to the survivor task.
    const absorbed = await server.running.services.store
      .collection<TaskDocument>(TASKS)
      .find({ type: 'potential-match-cluster', resolution: 'absorbed' });
    for (const task of absorbed.filter((t) => (t.members ?? []).some((m) => all.includes(m.goldenId))))
      expect(task.absorbedInto).toBe(at(holding, 0).id);
  });
});

describe('deciding cluster tasks', () => {
  test('accept merges every member into one golden record, audited with the merges in one go', async () => {
    const members = await ingestVendors('erp', [
      { name: 'Baxter Healthcare Corporation' },
      { name: 'BAXTER HEALTHCARE CORP' },
      { name: 'Baxter Healthcare Corp.' },
      { name: 'Baxter Healthcare' },
    ]);
    const task = (await clusterTaskOf(at(members, 0).goldenId)) as TaskView;
    expect(memberIds(task)).toEqual(members.map((m) => m.goldenId).sort());

    const stale = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/accept-cluster`, {
      key: steward,
      body: { expectedVersion: task.version + 1, reason: 'x' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((stale.body.error.details as { current?: TaskView }).current).toMatchObject({
      id: task.id,
      version: task.version,
      status: 'open',
    });
    const notMember = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/accept-cluster`, {
      key: steward,
      body: { expectedVersion: task.version, survivorGoldenId: 'supplier-nope', reason: 'x' },
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.code).toBe('UNKNOWN_MEMBER');
    const forbidden = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/accept-cluster`, {
      key: analyst,
      body: { expectedVersion: task.version, reason: 'x' },
    });
    expect(forbidden.status).toBe(403);

    const survivorId = at(members, 2).goldenId;
    const accepted = await server.request<{ task: TaskView; golden: GoldenRecordView; retiredIds: string[] }>(
      'POST',
      `/api/v1/tasks/${task.id}/accept-cluster`,
      {
        key: steward,
        body: {
          expectedVersion: task.version,
          survivorGoldenId: survivorId,
          goldenVersions: { [survivorId]: 1 },
          reason: 'One Baxter vendor, four spellings',
        },
      },
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.task).toMatchObject({ status: 'closed', resolution: 'merged', version: task.version + 1 });
    expect(accepted.body.golden.id).toBe(survivorId);
    expect(accepted.body.golden.sourceRecordIds.sort()).toEqual(members.map((m) => m.sourceRecordId).sort());
    expect(accepted.body.retiredIds.sort()).toEqual(
      members
        .map((m) => m.goldenId)
        .filter((id) => id !== survivorId)
        .sort(),
    );
    for (const id of accepted.body.retiredIds)
      expect(
        (await server.request<{ retired: boolean; survivor: { id: string } }>('GET', `/api/v1/golden/supplier/${id}`)).body,
      ).toMatchObject({ retired: true, survivor: { id: survivorId } });

    const trail = await auditEntries(server, `goldenId=${survivorId}&from=${encodeURIComponent(accepted.body.task.closedAt as string)}`);
    expect(trail.filter((e) => e.action === 'golden.merge')).toHaveLength(3);
    expect(trail.find((e) => e.action === 'task.accept-cluster')).toMatchObject({
      actor: { name: 'Dana Steward', role: 'steward' },
      before: { status: 'open', version: task.version },
      after: { status: 'closed', resolution: 'merged', survivorId },
      reason: 'One Baxter vendor, four spellings',
    });
    // Acting twice is refused and applies nothing.
    const again = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/accept-cluster`, {
      key: steward,
      body: { expectedVersion: task.version + 1, reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TASK_CLOSED');
    expect((await getSupplier(survivorId)).sourceRecordIds).toHaveLength(4);
  });

  test('split records the split members as not a match with the rest, which stays a cluster; reject then closes it for good', async () => {
    const members = await ingestVendors('erp', [
      { name: 'Zimmer Biomet, Inc.' },
      { name: 'ZIMMER BIOMET' },
      { name: 'ZIMMER-BIOMET INC' },
      { name: 'Zimmer Biomet Incorporated' },
    ]);
    const task = (await clusterTaskOf(at(members, 0).goldenId)) as TaskView;
    const ids = memberIds(task);
    expect(ids).toHaveLength(4);
    // Since supplier-3.2.0 a name plus a word (Zimmer Biomet Holdings) is no cluster link; the steward splits a spelling.
    const holdings = at(members, 2);

    const badSplit = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/split`, {
      key: steward,
      body: { expectedVersion: task.version, goldenIds: ids, reason: 'x' },
    });
    expect(badSplit.status).toBe(400);
    expect(badSplit.body.error.code).toBe('SPLIT_ALL');
    const missingIds = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/split`, {
      key: steward,
      body: { expectedVersion: task.version, reason: 'x' },
    });
    expect(missingIds.status).toBe(400);
    expect(JSON.stringify(missingIds.body.error)).toContain('goldenIds');
    const wrongType = await server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/merge`, {
      key: steward,
      body: { expectedVersion: task.version, reason: 'x' },
    });
    expect(wrongType.status).toBe(409);
    expect(wrongType.body.error.code).toBe('WRONG_TASK_TYPE');

    const split = await server.request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${task.id}/split`, {
      key: steward,
      body: {
        expectedVersion: task.version,
        goldenIds: [holdings.goldenId],
        reason: 'This vendor record is the holding company, a separate legal entity',
      },
    });
    expect(split.status, split.text).toBe(200);
    expect(split.body.pairs).toBe(3);
    expect(split.body.task).toMatchObject({ status: 'open', version: task.version + 1 });
    expect(memberIds(split.body.task)).toEqual(ids.filter((id) => id !== holdings.goldenId));
    const pairs = await notAMatchPairsOf(task.id);
    expect(pairs).toHaveLength(3);
    expect(pairs.every((p) => p.a === holdings.sourceRecordId || p.b === holdings.sourceRecordId)).toBe(true);

    // A new spelling joins the three that stay, never the split-off holding company.
    const newcomer = at(await ingestVendors('ap', [{ name: 'Zimmer Biomet Inc' }]), 0);
    const grown = (await clusterTaskOf(newcomer.goldenId)) as TaskView;
    expect(grown.id).toBe(task.id);
    expect(memberIds(grown)).not.toContain(holdings.goldenId);
    expect(memberIds(grown)).toHaveLength(4);

    const rejected = await server.request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${task.id}/reject`, {
      key: steward,
      body: { expectedVersion: grown.version, reason: 'Four separate vendor accounts by contract' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ task: { status: 'closed', resolution: 'not-a-match' }, pairs: 6 });
    expect(await notAMatchPairsOf(task.id)).toHaveLength(9);
    // Nothing merged, and re-ingesting a member unchanged raises no new cluster.
    for (const id of memberIds(grown)) expect((await getSupplier(id)).status).toBe('active');
    await ingestVendors('erp', [{ name: 'ZIMMER BIOMET' }]);
    const again = (await openClusterTasks()).filter((t) => memberIds(t).filter((id) => memberIds(grown).includes(id)).length >= 2);
    expect(again).toEqual([]);

    const trail = await auditEntries(server, `action=task.&goldenId=${at(members, 0).goldenId}`);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['task.split-cluster', 'task.reject-cluster']));
    expect(trail.find((e) => e.action === 'task.split-cluster')).toMatchObject({
      after: { split: [holdings.goldenId], pairs: 3 },
      reason: 'This vendor record is the holding company, a separate legal entity',
    });
  });

  test('two stewards deciding one cluster at once: one wins, the other gets 409 with the task as it is now', async () => {
    const members = await ingestVendors('erp', [
      { name: 'Integra LifeSciences Corp' },
      { name: 'INTEGRA LIFESCIENCES CORPORATION' },
      { name: 'Integra Lifesciences' },
    ]);
    const task = (await clusterTaskOf(at(members, 0).goldenId)) as TaskView;
    const second = await server.createKey('steward', 'Lee Steward');
    const [accepted, rejected] = await Promise.all([
      server.request<{ task: TaskView }>('POST', `/api/v1/tasks/${task.id}/accept-cluster`, {
        key: steward,
        body: { expectedVersion: task.version, reason: 'one vendor' },
      }),
      server.request<ErrorBody>('POST', `/api/v1/tasks/${task.id}/reject`, {
        key: second,
        body: { expectedVersion: task.version, reason: 'three vendors' },
      }),
    ]);
    expect([accepted.status, rejected.status].sort()).toEqual([200, 409]);
    const loser = (accepted.status === 409 ? accepted : rejected) as unknown as { body: ErrorBody };
    expect(['STALE_VERSION', 'TASK_CLOSED']).toContain(loser.body.error.code);
    const current = (loser.body.error.details as { current?: TaskView }).current;
    expect(current).toMatchObject({ id: task.id, status: 'closed', version: task.version + 1 });
    // Exactly one decision was applied: merged with no not-a-match pairs, or rejected with no merge.
    const pairs = await notAMatchPairsOf(task.id);
    const golden = await getSupplier(at(members, 0).goldenId);
    if (current?.resolution === 'merged') expect(pairs).toEqual([]);
    else expect(golden.sourceRecordIds).toEqual([at(members, 0).sourceRecordId]);
  });

  test('split with mergeRest merges the members that stay', async () => {
    const members = await ingestVendors('erp', [
      { name: 'Smiths Medical ASD, Inc.' },
      { name: 'SMITHS MEDICAL ASD' },
      { name: 'Smiths Medical ASD Inc' },
    ]);
    const task = (await clusterTaskOf(at(members, 0).goldenId)) as TaskView;
    const response = await server.request<{ task: TaskView; golden: GoldenRecordView; pairs: number; retiredIds: string[] }>(
      'POST',
      `/api/v1/tasks/${task.id}/split`,
      {
        key: steward,
        body: {
          expectedVersion: task.version,
          goldenIds: [at(members, 1).goldenId],
          mergeRest: true,
          reason: 'The upper-case record is a different site',
        },
      },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ status: 'closed', resolution: 'merged' });
    expect(response.body.pairs).toBe(2);
    expect(response.body.golden.sourceRecordIds.sort()).toEqual([at(members, 0).sourceRecordId, at(members, 2).sourceRecordId].sort());
    expect((await getSupplier(at(members, 1).goldenId)).sourceRecordIds).toEqual([at(members, 1).sourceRecordId]);
  });
});

describe('keeping cluster tasks true', () => {
  test('members merged elsewhere leave the cluster; when fewer than two are left it closes itself', async () => {
    const members = await ingestVendors('erp', [
      { name: 'Olympus America Inc.' },
      { name: 'OLYMPUS AMERICA' },
      { name: 'Olympus America, Inc' },
    ]);
    const task = (await clusterTaskOf(at(members, 0).goldenId)) as TaskView;
    expect(memberIds(task)).toHaveLength(3);
    const merge = (survivor: string, other: string) =>
      server.request('POST', `/api/v1/golden/supplier/${survivor}/merge`, {
        key: steward,
        body: { otherId: other, reason: 'merged from the golden record page' },
      });
    expect((await merge(at(members, 0).goldenId, at(members, 1).goldenId)).status).toBe(200);
    await sync(server);
    const narrowed = await getTask(server, task.id);
    expect(narrowed).toMatchObject({ status: 'open', version: task.version + 1 });
    expect(memberIds(narrowed)).toEqual([at(members, 0).goldenId, at(members, 2).goldenId].sort());
    expect(narrowed.history.at(-1)).toMatchObject({ by: 'system', action: 'members-changed' });

    expect((await merge(at(members, 0).goldenId, at(members, 2).goldenId)).status).toBe(200);
    await sync(server);
    expect(await getTask(server, task.id)).toMatchObject({ status: 'closed', resolution: 'auto-closed' });
  });

  test('a pairwise task raised before cluster review was switched on is absorbed into the cluster task, with a pointer', async () => {
    const current = await server.request<{ published: { rules: Record<string, unknown> & { version: string } } }>(
      'GET',
      '/api/v1/matching/rules/supplier',
    );
    const { clusterReview, ...withoutClusters } = current.body.published.rules;
    const publish = async (rules: Record<string, unknown>) => {
      expect((await server.request('PUT', '/api/v1/matching/rules/supplier', { body: { rules } })).status).toBe(200);
      expect((await server.request('POST', '/api/v1/matching/rules/supplier/publish', { body: {} })).status).toBe(201);
    };
    await publish({ ...withoutClusters, version: 'supplier-test-no-clusters' });
    const [first, second] = firstOf(
      await ingestVendors('erp', [{ name: 'Karl Storz Endoscopy-America, Inc.' }, { name: 'KARL STORZ ENDOSCOPY AMERICA' }]),
      2,
    );
    const store = server.running.services.store;
    const pairwise = await store
      .collection<TaskDocument>(TASKS)
      .findOne({ type: 'potential-match', status: 'open', 'subject.goldenId': second.goldenId });
    expect(pairwise?.candidates?.map((c) => c.goldenId)).toEqual([first.goldenId]);
    expect(await clusterTaskOf(first.goldenId)).toBeUndefined();

    await publish({ ...withoutClusters, clusterReview, version: 'supplier-test-clusters-again' });
    const third = at(await ingestVendors('ap', [{ name: 'Karl Storz Endoscopy America Inc' }]), 0);
    const cluster = (await clusterTaskOf(third.goldenId)) as TaskView;
    expect(memberIds(cluster)).toEqual([first.goldenId, second.goldenId, third.goldenId].sort());
    const absorbed = await getTask(server, pairwise?._id as string);
    expect(absorbed).toMatchObject({ status: 'closed', resolution: 'absorbed', absorbedInto: cluster.id });
    const trail = await auditEntries(server, `goldenId=${second.goldenId}&action=task.absorb`);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      actor: { keyId: 'system', rule: 'stewardship:cluster-review' },
      after: { resolution: 'absorbed', absorbedInto: cluster.id },
    });
  });

  test('the re-match job raises the cluster task for records matched before cluster review was switched on', async () => {
    const current = await server.request<{ published: { rules: Record<string, unknown> & { version: string } } }>(
      'GET',
      '/api/v1/matching/rules/supplier',
    );
    const { clusterReview, ...withoutClusters } = current.body.published.rules;
    const publish = async (rules: Record<string, unknown>) => {
      expect((await server.request('PUT', '/api/v1/matching/rules/supplier', { body: { rules } })).status).toBe(200);
      expect((await server.request('POST', '/api/v1/matching/rules/supplier/publish', { body: {} })).status).toBe(201);
    };
    await publish({ ...withoutClusters, version: 'supplier-test-no-clusters-2' });
    const [first, second] = firstOf(await ingestVendors('erp', [{ name: 'Cook Medical Incorporated' }, { name: 'COOK MEDICAL INC' }]), 2);
    expect(await clusterTaskOf(first.goldenId)).toBeUndefined();
    await publish({ ...withoutClusters, clusterReview, version: 'supplier-test-clusters-again-2' });
    const started = await server.request<{ id: string }>('POST', '/api/v1/matching/supplier/rematch', {
      body: { reason: 'cluster review switched on' },
    });
    expect(started.status, started.text).toBe(202);
    await server.running.services.jobs.waitFor(started.body.id);
    const cluster = await clusterTaskOf(first.goldenId);
    expect(memberIds(cluster)).toEqual([first.goldenId, second.goldenId].sort());
    const store = server.running.services.store;
    expect(
      await store
        .collection<TaskDocument>(TASKS)
        .find({ type: 'potential-match', status: 'open', 'subject.goldenId': { $in: [first.goldenId, second.goldenId] } }),
    ).toEqual([]);
  });
});
