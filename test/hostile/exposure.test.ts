/**
 * What each role may see (issue 11, items 7 and 8), through the public API, against the one table in
 * server/policies/visibility.ts: a supplier whose tax id is a valid EIN — and could just as well be an
 * SSN — is masked for analysts, consumers and source keys everywhere it appears (golden records,
 * sources, exports, search, filters, explanations, tasks, verify, diff-preview, logs) and shown to
 * admins and stewards; raw stored payloads reach only roles that may see them, also through a draft
 * mapping's "what changes"; 409 answers carry presented records, never stored documents.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GoldenRecordView, SourceRecordView } from '../../server/contracts/golden';
import type { TaskView } from '../../server/contracts/stewardship';
import { createMemoryLogger } from '../../server/logger';
import { presentTask } from '../../server/stewardship/presenter';
import type { TaskDocument } from '../../server/stewardship/types';
import { TASKS } from '../../server/stewardship/collections';
import { syncSearchIndex } from '../../server/search';
import { ERP_VENDOR_EXPRESSION, erpVendorRow, ingest, publishMapping, toNdjson, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { expectStillServing, rawRequest, startSecurityServer } from './securitySupport';
import { at } from '../support/must';

/** A valid EIN that is also a well-formed SSN (274-81-9365): nothing in its digits says which it is. */
const TAX_ID = '27-4819365';
const TAX_DIGITS = '274819365';
const MASKED = '*****9365';

const logger = createMemoryLogger();
let server: TestServer;
const keys: Record<'admin' | 'steward' | 'analyst' | 'consumer' | 'source', string> = {
  admin: '',
  steward: '',
  analyst: '',
  consumer: '',
  source: '',
};
let oracle: IngestBody['records'][number];
let taskId: string;

const seesTaxIds = ['admin', 'steward'] as const;
const seesMasked = ['analyst', 'consumer'] as const;

function expectNoTaxId(text: string): void {
  expect(text).not.toContain(TAX_DIGITS);
  expect(text).not.toContain(TAX_ID);
}

beforeAll(async () => {
  server = await startSecurityServer({ logger, publish: false });
  keys.admin = server.adminKey;
  keys.steward = await server.createKey('steward');
  keys.analyst = await server.createKey('analyst');
  keys.consumer = await server.createKey('consumer');
  keys.source = await server.createKey('source:oracle');
  await publishMapping(server, {
    source: 'erp',
    domain: 'item',
    expression: (await import('../support/factories/ingest')).ERP_ITEM_EXPRESSION,
  });
  for (const source of ['oracle', 'workday'])
    await publishMapping(server, { source, domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
  // This suite is about what each role sees of one pairwise task; the shipped supplier rules would
  // review a same-tax-id pair as a cluster task, so they are published here without cluster review.
  const supplierRules = JSON.parse(readFileSync(new URL('../../matching-rules/supplier.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  delete supplierRules.clusterReview;
  supplierRules.version = `${String(supplierRules.version)}-pairwise`;
  expect((await server.request('PUT', '/api/v1/matching/rules/supplier', { body: { rules: supplierRules } })).status).toBe(200);
  expect((await server.request('POST', '/api/v1/matching/rules/supplier/publish', { body: {} })).status).toBe(201);
  const first = await ingest(server, {
    source: 'oracle',
    domain: 'supplier',
    key: keys.source,
    body: toNdjson([erpVendorRow({ VENDOR_ID: 'V-100', NAME1: 'Jane Doe Courier Services', TAX_ID, NPI: '' })]),
    contentType: 'application/x-ndjson',
  });
  expect(first.body.totals.accepted, first.text).toBe(1);
  oracle = at(first.body.records, 0, 'ingest result');
  // Same tax id, unrelated name: the supplier rules force a review, so a task and an explanation compare the tax ids.
  const second = await ingest(server, {
    source: 'workday',
    domain: 'supplier',
    body: toNdjson([erpVendorRow({ VENDOR_ID: 'W-200', NAME1: 'Blue River Imaging', TAX_ID: TAX_DIGITS, NPI: '' })]),
    contentType: 'application/x-ndjson',
  });
  expect(second.body.totals.accepted, second.text).toBe(1);
  const task = await server.running.services.store.collection<TaskDocument>(TASKS).findOne({ type: 'potential-match', status: 'open' });
  expect(task, 'the same tax id with another name opens a review task').not.toBeNull();
  taskId = String(task?._id);
  // Search follows the change feed; bring it up to date instead of racing its timer.
  await syncSearchIndex(server.running.services);
});
afterAll(() => server.stop());

describe('tax ids per role', () => {
  test.each(seesTaxIds)('%s sees the tax id and the raw payload', async (role) => {
    const response = await server.request<GoldenRecordView & { sources: SourceRecordView[] }>(
      'GET',
      `/api/v1/golden/supplier/${oracle.goldenId}?include=sources,history`,
      { key: keys[role] },
    );
    expect(response.body.attributes.taxId).toBe(TAX_DIGITS);
    expect(at(response.body.sources, 0).raw).toMatchObject({ TAX_ID });
  });

  test.each(seesMasked)('%s sees the tax id masked everywhere in a golden record, and no raw payload', async (role) => {
    const response = await server.request<GoldenRecordView & { sources: SourceRecordView[] }>(
      'GET',
      `/api/v1/golden/supplier/${oracle.goldenId}?include=sources,history,lineage`,
      { key: keys[role] },
    );
    expect(response.status).toBe(200);
    expect(response.body.attributes.taxId).toBe(MASKED);
    expect(at(response.body.sources, 0).canonical.taxId).toBe(MASKED);
    expect(response.body.sources[0]).not.toHaveProperty('raw');
    expectNoTaxId(response.text);
  });

  test('a source key reads no golden records at all', async () => {
    expect((await server.request('GET', `/api/v1/golden/supplier/${oracle.goldenId}`, { key: keys.source })).status).toBe(403);
  });

  test.each(seesMasked)('%s: lists, exports, change feed, history and decisions never show the tax id', async (role) => {
    for (const path of [
      '/api/v1/golden/supplier',
      '/api/v1/export/supplier/golden',
      '/api/v1/changes?domain=supplier',
      `/api/v1/golden/supplier/${oracle.goldenId}/history`,
      `/api/v1/golden/supplier/${oracle.goldenId}/decisions`,
    ]) {
      const response = await rawRequest({
        baseUrl: server.baseUrl,
        method: 'GET',
        path,
        headers: { authorization: `Bearer ${keys[role]}` },
      });
      expect(response.status, path).toBe(200);
      expect(response.text.length, path).toBeGreaterThan(0);
      expectNoTaxId(response.text);
    }
  });

  test.each(seesMasked)('%s cannot find a supplier by its tax id, by search or by filter', async (role) => {
    for (const q of [TAX_DIGITS, TAX_ID]) {
      const search = await server.request<{ items: Array<{ id: string; matchedField: string }> }>(
        'GET',
        `/api/v1/search/supplier?q=${encodeURIComponent(q)}`,
        { key: keys[role] },
      );
      expect(search.status).toBe(200);
      expect(search.body.items.filter((hit) => hit.matchedField === 'taxId')).toEqual([]);
    }
    const filtered = await server.request<{ error: { code: string; message: string } }>(
      'GET',
      `/api/v1/golden/supplier?attr.taxId=${TAX_DIGITS}`,
      { key: keys[role] },
    );
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.message).toContain('taxId');
    // Searching by name still works.
    const byName = await server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/search/supplier?q=Jane%20Doe%20Courier', {
      key: keys[role],
    });
    expect(byName.body.items.map((hit) => hit.id)).toContain(oracle.goldenId);
  });

  test.each(seesTaxIds)('%s finds the supplier by tax id, by search and by filter', async (role) => {
    const search = await server.request<{ items: Array<{ id: string; matchedField: string }> }>(
      'GET',
      `/api/v1/search/supplier?q=${TAX_ID}`,
      { key: keys[role] },
    );
    expect(search.body.items.find((hit) => hit.matchedField === 'taxId')).toBeDefined();
    const filtered = await server.request<{ items: GoldenRecordView[] }>('GET', `/api/v1/golden/supplier?attr.taxId=${TAX_DIGITS}`, {
      key: keys[role],
    });
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.length).toBeGreaterThan(0);
  });

  test('tasks: the analyst sees the compared tax ids masked; the steward sees them', async () => {
    const forAnalyst = await server.request<TaskView>('GET', `/api/v1/tasks/${taskId}`, { key: keys.analyst });
    expect(forAnalyst.status).toBe(200);
    expectNoTaxId(forAnalyst.text);
    const list = await server.request('GET', '/api/v1/tasks?domain=supplier', { key: keys.analyst });
    expectNoTaxId(list.text);
    const forSteward = await server.request('GET', `/api/v1/tasks/${taskId}`, { key: keys.steward });
    expect(forSteward.text).toContain(TAX_DIGITS);
  });

  test('the task presenter masks by default when it is not told who is asking', async () => {
    const stored = (await server.running.services.store.collection<TaskDocument>(TASKS).findOne({ _id: taskId })) as TaskDocument;
    expect(JSON.stringify(stored)).toContain(TAX_DIGITS);
    expectNoTaxId(JSON.stringify(presentTask(stored)));
  });

  test('verify: an analyst may not look candidates up by tax id, and sees store values masked', async () => {
    const byTaxId = await server.request<{ error: { code: string; message: string } }>('POST', '/api/v1/matching/verify', {
      key: keys.analyst,
      body: { domain: 'supplier', a: { sourceId: 'probe', name: 'Probe', taxId: TAX_DIGITS } },
    });
    expect(byTaxId.status).toBe(403);
    expect(byTaxId.body.error.message).toContain('taxId');
    const byName = await server.request('POST', '/api/v1/matching/verify', {
      key: keys.analyst,
      body: { domain: 'supplier', a: { sourceId: 'probe', name: 'Jane Doe Courier Services' } },
    });
    expect(byName.status, byName.text).toBe(200);
    expectNoTaxId(byName.text);
    const forSteward = await server.request('POST', '/api/v1/matching/verify', {
      key: keys.steward,
      body: { domain: 'supplier', a: { sourceId: 'probe', name: 'Jane Doe Courier Services', taxId: TAX_DIGITS } },
    });
    expect(forSteward.status).toBe(200);
  });

  test('audit entries of a tax-id override are masked for the analyst', async () => {
    const golden = await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${oracle.goldenId}`, { key: keys.steward });
    const override = await server.request('PUT', `/api/v1/golden/supplier/${oracle.goldenId}/overrides/taxId`, {
      key: keys.steward,
      body: { value: '27-4819366', reason: 'W-9 received', expectedVersion: golden.body.version },
    });
    expect(override.status, override.text).toBe(200);
    const audit = await server.request('GET', `/api/v1/audit?goldenId=${oracle.goldenId}`, { key: keys.analyst });
    expect(audit.status).toBe(200);
    expect(audit.text).not.toContain('274819366');
    const undo = await server.request<GoldenRecordView>('DELETE', `/api/v1/golden/supplier/${oracle.goldenId}/overrides/taxId`, {
      key: keys.steward,
      body: { reason: 'back to source' },
    });
    expect(undo.status, undo.text).toBe(200);
    await expectStillServing(server);
  });
});

describe('409 answers carry presented records, never stored documents', () => {
  test('POST /tasks/{id}/merge with a stale golden version: details.current is the presented record', async () => {
    const task = await server.request<TaskView>('GET', `/api/v1/tasks/${taskId}`, { key: keys.steward });
    const goldenId = String(task.body.subject.goldenId ?? task.body.candidates?.[0]?.goldenId);
    const response = await server.request<{ error: { code: string; details: { current: Record<string, unknown> } } }>(
      'POST',
      `/api/v1/tasks/${taskId}/merge`,
      {
        key: keys.steward,
        body: { expectedVersion: task.body.version, goldenVersions: { [goldenId]: 99 }, reason: 'stale on purpose' },
      },
    );
    expect(response.status, response.text).toBe(409);
    expect(response.body.error.details.current).toMatchObject({ id: goldenId, domain: 'supplier' });
    expect(response.body.error.details.current).not.toHaveProperty('_id');
    expect(response.body.error.details.current).not.toHaveProperty('lineage');
    await expectStillServing(server);
  });

  test('POST /tasks/{id}/override on a task of another type: details.current is the presented task', async () => {
    const task = await server.request<TaskView>('GET', `/api/v1/tasks/${taskId}`, { key: keys.steward });
    const response = await server.request<{ error: { code: string; details: { current: Record<string, unknown> } } }>(
      'POST',
      `/api/v1/tasks/${taskId}/override`,
      {
        key: keys.steward,
        body: { expectedVersion: task.body.version, value: TAX_DIGITS, reason: 'wrong task type' },
      },
    );
    expect(response.status, response.text).toBe(409);
    expect(response.body.error.code).toBe('WRONG_TASK_TYPE');
    expect(response.body.error.details.current).toMatchObject({ id: taskId, type: 'potential-match' });
    expect(response.body.error.details.current).not.toHaveProperty('_id');
  });
});

describe('raw payloads through a draft mapping (diff-preview)', () => {
  const LEAKY_DRAFT = `{
    "sourceId": VENDOR_ID,
    "name": NAME1,
    "legalName": $substring($string($), 0, 190),
    "taxId": TAX_ID,
    "copyOfEverything": $string($),
    $string($): 1
  }`;

  beforeAll(async () => {
    const put = await server.request('PUT', '/api/v1/mappings/oracle/supplier', { key: keys.analyst, body: { expression: LEAKY_DRAFT } });
    expect([200, 201], put.text).toContain(put.status);
  });

  test('an analyst sees canonical fields only, valid values only, the tax id masked wherever it was copied', async () => {
    const response = await server.request<{
      isRestricted: boolean;
      items: Array<{ draft: { ok: boolean; output: Record<string, unknown>; withheldFields?: string[] }; changedFields: string[] }>;
    }>('POST', '/api/v1/mappings/oracle/supplier/diff-preview', { key: keys.analyst, body: {} });
    expect(response.status, response.text).toBe(200);
    expect(response.body.isRestricted).toBe(true);
    expect(response.body.items.length).toBeGreaterThan(0);
    const draft = at(response.body.items, 0).draft;
    expect(draft.output).not.toHaveProperty('copyOfEverything');
    expect(draft.withheldFields).toContain('(fields outside the canonical schema)');
    expect(draft.output.taxId).toMatch(/^\*+9365$/);
    // legalName copies the payload: it is shown (publishing the draft would store it), with the tax id masked inside.
    expect(String(draft.output.legalName)).toContain('VENDOR_ID');
    expectNoTaxId(response.text);
  });

  test('a draft error quoting the payload reaches the analyst as its code only', async () => {
    await server.request('PUT', '/api/v1/mappings/oracle/supplier', { key: keys.analyst, body: { expression: '$error($string($))' } });
    const response = await server.request<{ items: Array<{ draft: { ok: boolean; error: { code: string; message: string } } }> }>(
      'POST',
      '/api/v1/mappings/oracle/supplier/diff-preview',
      { key: keys.analyst, body: {} },
    );
    expect(response.status).toBe(200);
    expect(at(response.body.items, 0).draft.ok).toBe(false);
    expect(at(response.body.items, 0).draft.error.message).toMatch(/withheld/);
    expectNoTaxId(response.text);
    expect(JSON.stringify(at(response.body.items, 0).draft)).not.toContain('Jane Doe Courier');
    const forSteward = await server.request<{ items: Array<{ draft: unknown }> }>('POST', '/api/v1/mappings/oracle/supplier/diff-preview', {
      key: keys.steward,
      body: {},
    });
    expect(JSON.stringify(at(forSteward.body.items, 0).draft)).toContain('Jane Doe Courier');
    await expectStillServing(server);
  });
});

describe('logs', () => {
  test('nothing logged during these requests holds the tax id', () => {
    expect(logger.entries.length).toBeGreaterThan(0);
    expectNoTaxId(JSON.stringify(logger.entries));
  });
});
