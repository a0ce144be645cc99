/**
 * The mapping lifecycle through HTTP: draft → preview → tests → publish (refused on failing tests or
 * bad syntax) → immutable versions → rollback, with optimistic concurrency and audit. Each test uses
 * its own source name, so tests share one server without sharing state.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_COLLECTION } from '../../server/audit/collections';
import type { AuditEntry } from '../../server/audit/auditLog';
import { getPublishedMapping } from '../../server/mappings';
import { startTestServer, type TestServer } from '../support/testServer';
import { LAWSON_ITEM_EXPRESSION, LAWSON_UOM_ENTRIES, lawsonItemOutput, lawsonItemPayload, putDraft, putLookup } from '../support/factories/mappings';
import { at, firstOf } from '../support/must';

let server: TestServer;
let mappingsDir: string;

beforeAll(async () => {
  mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-'));
  server = await startTestServer({ env: { MDM_MAPPINGS_DIR: mappingsDir } });
  await putLookup(server, 'lawson-uom', LAWSON_UOM_ENTRIES, 'Lawson stock UOM → canonical');
});
afterAll(async () => {
  await server?.stop();
  await rm(mappingsDir, { recursive: true, force: true });
});

type ErrorBody = { error: { status: number; code: string; message: string; details: Record<string, unknown> & Array<{ path: string; code: string }> } };

const passingTests = [
  { name: 'box becomes BX', input: lawsonItemPayload(), output: lawsonItemOutput() },
  { name: 'inactive flag', input: lawsonItemPayload({ ACTIVE_STATUS: 'I', STOCK_UOM: 'CASE' }), output: lawsonItemOutput({ status: 'inactive', baseUom: 'CS' }) },
];

describe('drafts', () => {
  test('PUT creates a mapping (201), GET shows the draft with its lookup tables, list shows it unpublished', async () => {
    const created = await server.request<{ status: string; draftState: string; draft: { revision: number; lookupTables: string[]; syntaxError: unknown } }>('PUT', '/api/v1/mappings/create-src/item', {
      body: { expression: LAWSON_ITEM_EXPRESSION, description: 'Lawson items', samples: [lawsonItemPayload()], tests: passingTests },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', draftState: 'unpublished', draft: { revision: 1, lookupTables: ['lawson-uom'], syntaxError: null } });
    const list = await server.request<{ items: Array<Record<string, unknown>> }>('GET', '/api/v1/mappings?source=create-src');
    expect(list.body.items).toEqual([expect.objectContaining({ source: 'create-src', domain: 'item', direction: 'inbound', status: 'draft', publishedVersion: null, draftRevision: 1, draftState: 'unpublished' })]);
    const updated = await server.request<{ draft: { revision: number; description: string } }>('PUT', '/api/v1/mappings/create-src/item', { body: { expression: LAWSON_ITEM_EXPRESSION, description: 'Lawson IC11 items', revision: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body.draft).toMatchObject({ revision: 2, description: 'Lawson IC11 items' });
  });

  test('a draft may be saved with a syntax error, which GET reports with its position', async () => {
    const response = await server.request<{ draft: { syntaxError: { code: string; position: number } } }>('PUT', '/api/v1/mappings/syntax-src/item', { body: { expression: '{ "sourceId": ITEM, ' } });
    expect(response.status).toBe(201);
    expect(response.body.draft.syntaxError).toMatchObject({ code: 'MAPPING_SYNTAX_ERROR' });
    expect(typeof response.body.draft.syntaxError.position).toBe('number');
    const unsafe = await server.request<{ draft: { syntaxError: { code: string } } }>('PUT', '/api/v1/mappings/syntax-src/facility', { body: { expression: '{ "sourceId": ID, "name": $match(NAME, /(a+)+$/) }' } });
    expect(unsafe.body.draft.syntaxError.code).toBe('MAPPING_UNSAFE_REGEX');
  });

  test('a stale revision is 409 STALE_REVISION with the current state; the newer draft survives', async () => {
    await putDraft(server, 'stale-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    expect((await server.request('PUT', '/api/v1/mappings/stale-src/item', { body: { expression: '{ "sourceId": ITEM, "description": "A" }', revision: 1 } })).status).toBe(200);
    const stale = await server.request<ErrorBody>('PUT', '/api/v1/mappings/stale-src/item', { body: { expression: '{ "sourceId": ITEM, "description": "B" }', revision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_REVISION');
    expect(stale.body.error.details.current).toMatchObject({ draft: { revision: 2, expression: '{ "sourceId": ITEM, "description": "A" }' } });
    const creatingAgain = await server.request<ErrorBody>('PUT', '/api/v1/mappings/stale-src/item', { body: { expression: '{}', revision: 0 } });
    expect(creatingAgain.status).toBe(409);
    const publishingOld = await server.request<ErrorBody>('POST', '/api/v1/mappings/stale-src/item/publish', { body: { revision: 1 } });
    expect(publishingOld.status).toBe(409);
    expect(publishingOld.body.error.code).toBe('STALE_REVISION');
    expect((await server.request('POST', '/api/v1/mappings/stale-src/item/publish', { body: { revision: 2 } })).status).toBe(201);
  });

  test('two simultaneous saves of the same revision: exactly one wins, the other is 409', async () => {
    await putDraft(server, 'race-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    const saves = await Promise.all(
      ['"A"', '"B"', '"C"'].map((value) => server.request('PUT', '/api/v1/mappings/race-src/item', { body: { expression: `{ "sourceId": ITEM, "description": ${value} }`, revision: 1 } })),
    );
    expect(saves.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    const mapping = await server.request<{ draft: { revision: number } }>('GET', '/api/v1/mappings/race-src/item');
    expect(mapping.body.draft.revision).toBe(2);
  });

  test('two simultaneous publishes create one version', async () => {
    await putDraft(server, 'race-publish-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    const publishes = await Promise.all([1, 2, 3].map(() => server.request('POST', '/api/v1/mappings/race-publish-src/item/publish', { body: {} })));
    expect(publishes.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of publishes) expect([200, 201, 409]).toContain(response.status);
    const versions = await server.request<{ items: unknown[] }>('GET', '/api/v1/mappings/race-publish-src/item/versions');
    expect(versions.body.items).toHaveLength(1);
  });

  test.each([
    ['no expression', 'body.expression', '/api/v1/mappings/bad-src/item', { description: 'x' }],
    ['empty expression', 'body.expression', '/api/v1/mappings/bad-src/item', { expression: '' }],
    ['unknown field', 'body.colour', '/api/v1/mappings/bad-src/item', { expression: '{}', colour: 'red' }],
    ['test without name', 'body.tests[0].name', '/api/v1/mappings/bad-src/item', { expression: '{}', tests: [{ input: {} , output: {} }] }],
    ['test with neither output nor error', 'body.tests[0]', '/api/v1/mappings/bad-src/item', { expression: '{}', tests: [{ name: 'a', input: {} }] }],
    ['test with both output and error', 'body.tests[0]', '/api/v1/mappings/bad-src/item', { expression: '{}', tests: [{ name: 'a', input: {}, output: {}, error: 'MAPPING_ERROR' }] }],
    ['duplicate test names', 'body.tests[1].name', '/api/v1/mappings/bad-src/item', { expression: '{}', tests: [{ name: 'a', input: {}, output: {} }, { name: 'a', input: {}, output: {} }] }],
    ['negative revision', 'body.revision', '/api/v1/mappings/bad-src/item', { expression: '{}', revision: -1 }],
    ['unknown domain', 'params.domain', '/api/v1/mappings/bad-src/spaceship', { expression: '{}' }],
    ['upper-case source', 'params.source', '/api/v1/mappings/Bad-Src/item', { expression: '{}' }],
    ['reserved source', 'params.source', '/api/v1/mappings/lookups/item', { expression: '{}' }],
    ['unknown direction', 'query.direction', '/api/v1/mappings/bad-src/item?direction=sideways', { expression: '{}' }],
  ])('PUT with %s → 400 naming %s', async (_, field, url, body) => {
    const response = await server.request<ErrorBody>('PUT', url, { body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail) => detail.path)).toContain(field);
  });
});

describe('preview and tests', () => {
  test('preview returns outputs, schema errors, missing required fields and timings without saving', async () => {
    await putDraft(server, 'preview-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    const payloads = [lawsonItemPayload(), lawsonItemPayload({ DESCRIPTION: undefined, GTIN: '10888277123450' })];
    const response = await server.request<{ syntaxError: unknown; results: Array<Record<string, unknown>>; requiredNeverSet: string[]; elapsedMs: number; schemaVersion: string }>(
      'POST',
      '/api/v1/mappings/preview-src/item/preview',
      { body: { expression: `${LAWSON_ITEM_EXPRESSION.slice(0, -1)}, "gtin": GTIN }`, payloads } },
    );
    expect(response.status).toBe(200);
    expect(response.body.syntaxError).toBeNull();
    const [first, second] = firstOf(response.body.results, 2);
    expect(first).toMatchObject({ ok: true, output: { ...lawsonItemOutput(), gtin: '10888277123458' }, schemaErrors: [], missingRequired: [] });
    expect(typeof first.durationMs).toBe('number');
    expect(second).toMatchObject({ ok: true, missingRequired: ['description'] });
    const secondErrors = second.schemaErrors as Array<{ path: string; code: string }>;
    expect(secondErrors.map((error) => error.path)).toEqual(expect.arrayContaining(['gtin', 'description']));
    expect(response.body.requiredNeverSet).toEqual([]);
    expect(response.body.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const unchanged = await server.request<{ draft: { expression: string; revision: number } }>('GET', '/api/v1/mappings/preview-src/item');
    expect(unchanged.body.draft).toMatchObject({ expression: LAWSON_ITEM_EXPRESSION, revision: 1 });
  });

  test('preview reports required fields no output sets, runtime errors per payload, and syntax errors', async () => {
    const missing = await server.request<{ requiredNeverSet: string[]; results: Array<{ ok: boolean; error?: { code: string } }> }>('POST', '/api/v1/mappings/preview-src/item/preview', {
      body: { expression: '{ "sourceId": ITEM, "shortDescription": $substring(DESCRIPTION, 0, 10) & $number(ITEM) }', payloads: [lawsonItemPayload(), { ITEM: 'X' }] },
    });
    expect(missing.body.requiredNeverSet).toEqual(['description']);
    expect(at(missing.body.results, 0).ok).toBe(true);
    expect(at(missing.body.results, 1).ok).toBe(false);
    expect(at(missing.body.results, 1).error?.code).toBe('MAPPING_ERROR');
    const broken = await server.request<{ syntaxError: { code: string; position: number }; results: unknown[] }>('POST', '/api/v1/mappings/preview-src/item/preview', { body: { expression: '{ "a": ', payloads: [{}] } });
    expect(broken.status).toBe(200);
    expect(broken.body.syntaxError.code).toBe('MAPPING_SYNTAX_ERROR');
    expect(broken.body.results).toEqual([]);
  });

  test("POST /test runs the draft's cases with expected vs actual for failures", async () => {
    const tests = [...passingTests, { name: 'wrong expectation', input: lawsonItemPayload(), output: lawsonItemOutput({ baseUom: 'EA' }) }, { name: 'expects an error', input: lawsonItemPayload(), error: 'MAPPING_ERROR' }];
    await putDraft(server, 'tests-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests });
    const response = await server.request<{ total: number; passed: number; failed: number; isPassing: boolean; cases: Array<Record<string, unknown>> }>('POST', '/api/v1/mappings/tests-src/item/test');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 4, passed: 2, failed: 2, isPassing: false });
    expect(response.body.cases[2]).toMatchObject({ name: 'wrong expectation', passed: false, expected: { output: lawsonItemOutput({ baseUom: 'EA' }) }, actual: { output: lawsonItemOutput() }, differences: ['baseUom'] });
    expect(response.body.cases[3]).toMatchObject({ name: 'expects an error', passed: false, message: expect.stringContaining('expected error MAPPING_ERROR, got output') });
  });
});

describe('outbound mappings', () => {
  test('share the model under ?direction=outbound, separate from the inbound mapping, without canonical checks', async () => {
    await putDraft(server, 'dir-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    const outbound = await server.request<{ direction: string }>('PUT', '/api/v1/mappings/dir-src/item?direction=outbound', { body: { expression: '{ "ITEM": sourceId, "DESCR": description }' } });
    expect(outbound.status).toBe(201);
    expect(outbound.body.direction).toBe('outbound');
    const list = await server.request<{ items: Array<{ direction: string }> }>('GET', '/api/v1/mappings?source=dir-src');
    expect(list.body.items.map((item) => item.direction)).toEqual(['inbound', 'outbound']);
    const preview = await server.request<{ schemaVersion: string | null; results: Array<Record<string, unknown>> }>('POST', '/api/v1/mappings/dir-src/item/preview?direction=outbound', { body: { payloads: [{ sourceId: '7', description: 'GAUZE' }] } });
    expect(preview.body.schemaVersion).toBeNull();
    expect(preview.body.results[0]).toMatchObject({ ok: true, output: { ITEM: '7', DESCR: 'GAUZE' }, schemaErrors: [], missingRequired: [] });
    expect((await server.request('POST', '/api/v1/mappings/dir-src/item/publish?direction=outbound', { body: {} })).status).toBe(201);
    expect(await getPublishedMapping(server.running.services, { source: 'dir-src', domain: 'item' })).toBeNull();
    expect((await getPublishedMapping(server.running.services, { source: 'dir-src', domain: 'item', direction: 'outbound' }))?.version).toBe(1);
  });
});

describe('unsaved work and hostile expressions', () => {
  test('POST /test runs an unsaved expression and tests, even before the mapping exists, and saves nothing', async () => {
    const response = await server.request<{ total: number; passed: number; isPassing: boolean }>('POST', '/api/v1/mappings/unsaved-src/item/test', {
      body: { expression: LAWSON_ITEM_EXPRESSION, tests: passingTests },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 2, passed: 2, isPassing: true });
    expect((await server.request('GET', '/api/v1/mappings/unsaved-src/item')).status).toBe(404);
    expect((await server.request('POST', '/api/v1/mappings/unsaved-src/item/test', { body: { expression: LAWSON_ITEM_EXPRESSION } })).status).toBe(404);
    const invalid = await server.request<ErrorBody>('POST', '/api/v1/mappings/unsaved-src/item/test', { body: { expression: '{}', tests: [{ name: 'x', input: {} }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((detail) => detail.path)).toContain('body.tests[0]');
  });

  test.each([
    ['endless recursion', '( $f := function($x) { $f($x) + 1 }; { "sourceId": $string($f(1)), "description": "x" } )', ['MAPPING_DEPTH_EXCEEDED', 'MAPPING_TIMEOUT']],
    ['catastrophic regex', '{ "sourceId": ITEM, "description": $match(DESCRIPTION, /(a+)+$/) }', ['MAPPING_UNSAFE_REGEX', 'MAPPING_TIMEOUT']],
    ['$eval', '{ "sourceId": $eval("1 + 1"), "description": "x" }', ['MAPPING_FUNCTION_DISABLED']],
  ])('a preview with %s fails that payload with a clear code and the server keeps answering', async (_, expression, codes) => {
    const response = await server.request<{ syntaxError: { code: string } | null; results: Array<{ ok: boolean; error?: { code: string } }> }>('POST', '/api/v1/mappings/hostile-src/item/preview', {
      body: { expression, payloads: [{ ITEM: '1', DESCRIPTION: `${'a'.repeat(40)}!` }] },
    });
    expect(response.status).toBe(200);
    // The runtime may refuse an expression before running it (unsafe regex) or fail the record.
    const code = response.body.syntaxError?.code ?? response.body.results[0]?.error?.code;
    expect(codes).toContain(code);
    if (response.body.results.length > 0) expect(at(response.body.results, 0).ok).toBe(false);
    expect((await server.request('GET', '/healthz', { key: null })).status).toBe(200);
    const healthy = await server.request<{ results: Array<{ ok: boolean }> }>('POST', '/api/v1/mappings/hostile-src/item/preview', { body: { expression: '{ "sourceId": "1", "description": "x" }', payloads: [{}] } });
    expect(at(healthy.body.results, 0).ok).toBe(true);
  });
});

describe('publish, versions, rollback', () => {
  test('publishing is refused while a test fails, with each failing case; nothing is published', async () => {
    const failing = { name: 'lost leading zero', input: lawsonItemPayload({ ITEM: '0042' }), output: lawsonItemOutput({ sourceId: '42' }) };
    await putDraft(server, 'refuse-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests: [...passingTests, failing] });
    const response = await server.request<ErrorBody>('POST', '/api/v1/mappings/refuse-src/item/publish', { body: {} });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('MAPPING_TESTS_FAILED');
    expect(response.body.error.message).toContain('1 of 3 test cases failed');
    expect(response.body.error.message).toContain('"lost leading zero"');
    expect(response.body.error.details.failures).toEqual([
      expect.objectContaining({ name: 'lost leading zero', expected: { output: failing.output }, actual: { output: lawsonItemOutput({ sourceId: '0042' }) }, differences: ['sourceId'] }),
    ]);
    expect(await getPublishedMapping(server.running.services, { source: 'refuse-src', domain: 'item' })).toBeNull();
  });

  test('publishing a draft that does not parse is refused with 422 MAPPING_SYNTAX_ERROR', async () => {
    await putDraft(server, 'syntax-publish-src/item', { expression: '{ "sourceId": ' });
    const response = await server.request<ErrorBody>('POST', '/api/v1/mappings/syntax-publish-src/item/publish', { body: {} });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('MAPPING_SYNTAX_ERROR');
  });

  test('publish → v1; ingest reads it; republishing the same draft is a no-op; versions stay immutable', async () => {
    await putDraft(server, 'publish-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests: passingTests });
    const first = await server.request<{ isNew: boolean; version: { version: number; origin: string; testSummary: unknown; lookupTables: string[] } }>('POST', '/api/v1/mappings/publish-src/item/publish', { body: { note: 'first cut' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ isNew: true, version: { version: 1, origin: 'api', testSummary: { total: 2, passed: 2 }, lookupTables: ['lawson-uom'], note: 'first cut' } });
    const published = await getPublishedMapping(server.running.services, { source: 'publish-src', domain: 'item' });
    expect(published).toMatchObject({ version: 1, expression: LAWSON_ITEM_EXPRESSION, lookupTables: ['lawson-uom'] });
    const again = await server.request<{ isNew: boolean; version: { version: number } }>('POST', '/api/v1/mappings/publish-src/item/publish', { body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ isNew: false, version: { version: 1 } });

    const changed = `${LAWSON_ITEM_EXPRESSION.slice(0, -1)}, "vendorCatalogNumber": MANUF_NBR }`;
    await putDraft(server, 'publish-src/item', { expression: changed, tests: passingTests.map((t) => ({ ...t, output: { ...t.output, vendorCatalogNumber: 'N8822' } })) });
    const mapping = await server.request<{ draftState: string; publishedVersion: number; published: { expression: string } }>('GET', '/api/v1/mappings/publish-src/item');
    expect(mapping.body).toMatchObject({ draftState: 'modified', publishedVersion: 1, published: { expression: LAWSON_ITEM_EXPRESSION } });
    const second = await server.request<{ version: { version: number } }>('POST', '/api/v1/mappings/publish-src/item/publish', { body: {} });
    expect(second.body.version.version).toBe(2);
    const v1 = await server.request<{ expression: string; isCurrent: boolean }>('GET', '/api/v1/mappings/publish-src/item/versions/1');
    expect(v1.body).toMatchObject({ expression: LAWSON_ITEM_EXPRESSION, isCurrent: false });
    const published2 = await getPublishedMapping(server.running.services, { source: 'publish-src', domain: 'item' });
    expect(published2?.version).toBe(2);
    expect(published2?.cacheKey).not.toBe(published?.cacheKey);
    // There is no route that changes a version: PUT/DELETE on a version path are not routes at all.
    expect((await server.request('PUT', '/api/v1/mappings/publish-src/item/versions/1', { body: { expression: '{}' } })).status).toBe(405);
    expect((await server.request('GET', '/api/v1/mappings/publish-src/item/versions/9')).status).toBe(404);
  });

  test('rollback publishes the old content as a new version whose history names it; the clean draft follows', async () => {
    await putDraft(server, 'rollback-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests: passingTests });
    await server.request('POST', '/api/v1/mappings/rollback-src/item/publish', { body: {} });
    const v2Expression = `${LAWSON_ITEM_EXPRESSION.slice(0, -1)}, "shortDescription": $substring(DESCRIPTION, 0, 10) }`;
    await putDraft(server, 'rollback-src/item', { expression: v2Expression, tests: [] });
    await server.request('POST', '/api/v1/mappings/rollback-src/item/publish', { body: {} });
    const rollback = await server.request<{ version: number; origin: string; rolledBackFrom: number; note: string }>('POST', '/api/v1/mappings/rollback-src/item/rollback', { body: { version: 1, reason: 'v2 truncates descriptions' } });
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({ version: 3, origin: 'rollback', rolledBackFrom: 1, note: 'v2 truncates descriptions' });
    const versions = await server.request<{ items: Array<{ version: number; origin: string; rolledBackFrom: number | null; isCurrent: boolean; contentHash: string }> }>('GET', '/api/v1/mappings/rollback-src/item/versions');
    expect(versions.body.items.map((v) => [v.version, v.origin, v.rolledBackFrom, v.isCurrent])).toEqual([[3, 'rollback', 1, true], [2, 'api', null, false], [1, 'api', null, false]]);
    expect(at(versions.body.items, 0).contentHash).toBe(at(versions.body.items, 2).contentHash);
    expect((await getPublishedMapping(server.running.services, { source: 'rollback-src', domain: 'item' }))?.expression).toBe(LAWSON_ITEM_EXPRESSION);
    const mapping = await server.request<{ draft: { expression: string }; draftState: string }>('GET', '/api/v1/mappings/rollback-src/item');
    expect(mapping.body).toMatchObject({ draftState: 'same-as-published', draft: { expression: LAWSON_ITEM_EXPRESSION } });
    const again = await server.request<ErrorBody>('POST', '/api/v1/mappings/rollback-src/item/rollback', { body: { version: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_PUBLISHED');
    expect((await server.request('POST', '/api/v1/mappings/rollback-src/item/rollback', { body: { version: 7 } })).status).toBe(404);
  });

  test('every create, update, publish and rollback is audited with the acting key', async () => {
    await putDraft(server, 'audit-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests: passingTests });
    await putDraft(server, 'audit-src/item', { expression: LAWSON_ITEM_EXPRESSION, tests: passingTests, description: 'v2', revision: 1 });
    await server.request('POST', '/api/v1/mappings/audit-src/item/publish', { body: {} });
    await putDraft(server, 'audit-src/item', { expression: `${LAWSON_ITEM_EXPRESSION.slice(0, -1)}, "category": "gloves" }` });
    await server.request('POST', '/api/v1/mappings/audit-src/item/publish', { body: {} });
    await server.request('POST', '/api/v1/mappings/audit-src/item/rollback', { body: { version: 1 } });
    const entries = await server.running.services.store.collection<AuditEntry>(AUDIT_COLLECTION).find({ 'target.id': 'inbound|audit-src|item' }, { sort: { at: 1 } });
    expect(entries.map((entry) => entry.action)).toEqual(['mapping.create', 'mapping.update', 'mapping.publish', 'mapping.update', 'mapping.publish', 'mapping.rollback']);
    expect(entries.every((entry) => entry.actor.role === 'admin')).toBe(true);
    expect(at(entries, 1).before).toMatchObject({ revision: 1, description: '' });
    expect(at(entries, 5).after).toMatchObject({ version: 3, rolledBackFrom: 1 });
  });

  test('analysts may publish, stewards may read but not write', async () => {
    const analyst = await server.createKey('analyst');
    const steward = await server.createKey('steward');
    expect((await server.request('PUT', '/api/v1/mappings/roles-src/item', { key: analyst, body: { expression: LAWSON_ITEM_EXPRESSION } })).status).toBe(201);
    expect((await server.request('POST', '/api/v1/mappings/roles-src/item/publish', { key: analyst, body: {} })).status).toBe(201);
    expect((await server.request('GET', '/api/v1/mappings/roles-src/item', { key: steward })).status).toBe(200);
    expect((await server.request('PUT', '/api/v1/mappings/roles-src/item', { key: steward, body: { expression: '{}' } })).status).toBe(403);
  });
});
