/** Lookup tables through HTTP: CRUD, revisions, audit, use by `$lookup` in previews, and refusal to delete a table in use. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_COLLECTION } from '../../server/audit/collections';
import type { AuditEntry } from '../../server/audit/auditLog';
import { loadLookupTables } from '../../server/mappings';
import { startTestServer, type TestServer } from '../support/testServer';
import { LAWSON_ITEM_EXPRESSION, lawsonItemPayload, putDraft } from '../support/factories/mappings';
import { at } from '../support/must';

let server: TestServer;
let mappingsDir: string;

beforeAll(async () => {
  mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-'));
  server = await startTestServer({ env: { MDM_MAPPINGS_DIR: mappingsDir } });
});
afterAll(async () => {
  await server?.stop();
  await rm(mappingsDir, { recursive: true, force: true });
});

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> & Array<{ path: string }> } };

describe('lookup tables', () => {
  test('create, read, list, replace and delete, each audited', async () => {
    const created = await server.request<{ name: string; revision: number; entryCount: number; entries: Record<string, string> }>('PUT', '/api/v1/lookups/ps-account-type', {
      body: { description: 'PeopleSoft ACCOUNT_TYPE → canonical', entries: { A: 'asset', L: 'liability', E: 'expense' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ps-account-type', revision: 1, entryCount: 3, entries: { A: 'asset' } });
    const list = await server.request<{ items: Array<Record<string, unknown>> }>('GET', '/api/v1/lookups');
    expect(list.body.items).toContainEqual(expect.objectContaining({ name: 'ps-account-type', entryCount: 3, origin: 'api' }));
    expect(list.body.items[0]).not.toHaveProperty('entries');
    const replaced = await server.request<{ revision: number; entries: Record<string, string> }>('PUT', '/api/v1/lookups/ps-account-type', { body: { entries: { A: 'asset', R: 'revenue' }, revision: 1 } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ revision: 2, entries: { A: 'asset', R: 'revenue' } });
    expect(replaced.body.entries).not.toHaveProperty('L');
    expect(await loadLookupTables(server.running.services, ['ps-account-type', 'nope'])).toEqual({ 'ps-account-type': { A: 'asset', R: 'revenue' } });
    const deleted = await server.request('DELETE', '/api/v1/lookups/ps-account-type?reason=replaced%20by%20ps-acct');
    expect(deleted.status).toBe(200);
    expect((await server.request('GET', '/api/v1/lookups/ps-account-type')).status).toBe(404);
    expect((await server.request('DELETE', '/api/v1/lookups/ps-account-type')).status).toBe(404);
    const audit = await server.running.services.store.collection<AuditEntry>(AUDIT_COLLECTION).find({ 'target.id': 'ps-account-type' }, { sort: { at: 1 } });
    expect(audit.map((entry) => entry.action)).toEqual(['lookup.create', 'lookup.update', 'lookup.delete']);
    expect(at(audit, 2).reason).toBe('replaced by ps-acct');
  });

  test('a stale revision is 409 with the current table', async () => {
    await server.request('PUT', '/api/v1/lookups/stale-table', { body: { entries: { a: 1 } } });
    await server.request('PUT', '/api/v1/lookups/stale-table', { body: { entries: { a: 2 }, revision: 1 } });
    const stale = await server.request<ErrorBody>('PUT', '/api/v1/lookups/stale-table', { body: { entries: { a: 3 }, revision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_REVISION');
    expect(stale.body.error.details.current).toMatchObject({ revision: 2, entries: { a: 2 } });
  });

  test.each([
    ['entries missing', 'body.entries', '/api/v1/lookups/t1', { description: 'x' }],
    ['entries not an object', 'body.entries', '/api/v1/lookups/t1', { entries: ['EA'] }],
    ['unknown field', 'body.rows', '/api/v1/lookups/t1', { entries: {}, rows: [] }],
    ['name with a space', 'params.name', '/api/v1/lookups/bad%20name', { entries: {} }],
  ])('PUT with %s → 400 naming %s', async (_, field, url, body) => {
    const response = await server.request<ErrorBody>('PUT', url, { body });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail) => detail.path)).toContain(field);
  });

  test('$lookup in a preview reads the stored table; a missing table is named; a table used by a published mapping cannot be deleted', async () => {
    await putDraft(server, 'lookup-src/item', { expression: LAWSON_ITEM_EXPRESSION });
    const withoutTable = await server.request<{ missingLookupTables: string[]; results: Array<{ error?: { code: string } }> }>('POST', '/api/v1/mappings/lookup-src/item/preview', { body: { payloads: [lawsonItemPayload()] } });
    expect(withoutTable.body.missingLookupTables).toEqual(['lawson-uom']);
    expect(at(withoutTable.body.results, 0).error?.code).toBe('LOOKUP_MISSING');

    await server.request('PUT', '/api/v1/lookups/lawson-uom', { body: { entries: { BOX: 'BX' } } });
    const first = await server.request<{ results: Array<{ output: { baseUom: string } }> }>('POST', '/api/v1/mappings/lookup-src/item/preview', { body: { payloads: [lawsonItemPayload()] } });
    expect(at(first.body.results, 0).output.baseUom).toBe('BX');
    await server.request('PUT', '/api/v1/lookups/lawson-uom', { body: { entries: { BOX: 'PK' } } });
    const second = await server.request<{ results: Array<{ output: { baseUom: string } }> }>('POST', '/api/v1/mappings/lookup-src/item/preview', { body: { payloads: [lawsonItemPayload()] } });
    expect(at(second.body.results, 0).output.baseUom).toBe('PK');

    expect((await server.request('POST', '/api/v1/mappings/lookup-src/item/publish', { body: {} })).status).toBe(201);
    const refused = await server.request<ErrorBody>('DELETE', '/api/v1/lookups/lawson-uom');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('LOOKUP_IN_USE');
    expect(refused.body.error.message).toContain('lookup-src/item');
    expect((await server.request('GET', '/api/v1/lookups/lawson-uom')).status).toBe(200);
  });
});
