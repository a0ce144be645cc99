/**
 * Downstream reads over HTTP on a fresh store: NDJSON exports, the change feed, the filtered list
 * with cursor pagination, masking of sensitive values, and parent links resolved through the xref.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChangeView, GoldenRecordView, MatchDecisionView, SourceRecordView } from '../../server/contracts/golden';
import { AUDIT_COLLECTION } from '../../server/audit/collections';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
const items: Array<{ goldenId: string; sourceRecordId: string; manufacturer: string }> = [];
let retiredId = '';
let survivorId = '';

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 7; i++) {
    const manufacturer = i % 2 === 0 ? 'Ethicon, Inc.' : 'Medline Industries';
    const result = await applyCanonical(server, {
      domain: 'item',
      source: i < 4 ? 'sap' : 'lawson',
      canonical: itemRecord({ manufacturer: { name: manufacturer }, latexFree: i === 3 }),
      at: `2026-01-01T00:00:0${i}.000Z`,
    });
    items.push({ goldenId: result.goldenId, sourceRecordId: result.sourceRecordId, manufacturer });
  }
  survivorId = at(items, 0).goldenId;
  retiredId = at(items, 1).goldenId;
  const merged = await server.request('POST', `/api/v1/golden/item/${survivorId}/merge`, {
    body: { otherId: retiredId, reason: 'same product' },
  });
  if (merged.status !== 200) throw new Error(merged.text);
});
afterAll(async () => server?.stop());

/** Fetches an export as text (the shared test client would try to parse NDJSON as one JSON document). */
async function fetchText(path: string, key: string = server.adminKey): Promise<{ status: number; contentType: string; text: string }> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

function ndjson(text: string): Array<Record<string, unknown>> {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('exports', () => {
  test('xrefs stream as NDJSON, one line per source record, pointing at the current golden record', async () => {
    const response = await fetchText('/api/v1/export/item/xrefs');
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/application\/x-ndjson/);
    const lines = ndjson(response.text);
    expect(lines).toHaveLength(7);
    for (const item of items) {
      const [, source, sourceId] = item.sourceRecordId.split('|');
      const expected = item.goldenId === retiredId ? survivorId : item.goldenId;
      expect(lines).toContainEqual({ source, sourceId, goldenId: expected });
    }
  });

  test('golden records stream as NDJSON; status filters', async () => {
    const all = ndjson((await fetchText('/api/v1/export/item/golden')).text);
    expect(all).toHaveLength(7);
    const active = ndjson((await fetchText('/api/v1/export/item/golden?status=active')).text);
    expect(active).toHaveLength(6);
    expect(active.map((g) => g.id)).not.toContain(retiredId);
    expect(active.find((g) => g.id === survivorId)?.sourceRecordIds).toHaveLength(2);
    const empty = await fetchText('/api/v1/export/account/golden');
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('');
  });
});

describe('change feed', () => {
  test('every create, update, merge and retire is in the feed, in order, readable page by page', async () => {
    const seen: ChangeView[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: { status: number; body: { items: ChangeView[]; nextCursor: string | null } } = await server.request(
        'GET',
        `/api/v1/changes?domain=item&limit=3${cursor ? `&after=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      seen.push(...response.body.items);
      if (response.body.items.length === 0) {
        expect(response.body.nextCursor).toBe(cursor);
        break;
      }
      cursor = response.body.nextCursor;
    }
    expect(seen.map((c) => c.cursor)).toEqual([...new Set(seen.map((c) => c.cursor))].sort());
    expect(seen.filter((c) => c.type === 'created')).toHaveLength(7);
    expect(seen.find((c) => c.type === 'retired')).toMatchObject({ goldenId: retiredId, mergedInto: survivorId, version: 2 });
    expect(seen.find((c) => c.type === 'merged')).toMatchObject({ goldenId: survivorId, version: 2, cause: 'merge' });

    // A consumer at the end sees exactly the new change.
    await server.request('PUT', `/api/v1/golden/item/${at(items, 2).goldenId}/overrides/category`, {
      body: { value: 'Sutures', reason: 'classification' },
    });
    const next = await server.request<{ items: ChangeView[] }>('GET', `/api/v1/changes?after=${cursor ?? ''}`);
    expect(next.body.items).toEqual([
      expect.objectContaining({ type: 'updated', goldenId: at(items, 2).goldenId, cause: 'override', changedAttributes: ['category'] }),
    ]);
    expect(at(next.body.items, 0).changedPaths).toEqual(['category']);
    expect(at(next.body.items, 0).previousVersion).toBe(at(next.body.items, 0).version - 1);
    expect(
      seen.filter((c) => c.type === 'created').every((c) => c.previousVersion === null && (c.changedPaths ?? []).includes('description')),
    ).toBe(true);

    // A domain with no changes: nothing, but the cursor moves past the other domains' entries.
    const none = await server.request<{ items: ChangeView[]; nextCursor: string }>('GET', '/api/v1/changes?domain=account');
    expect(none.body.items).toEqual([]);
    expect(none.body.nextCursor).toBe(at(next.body.items, 0).cursor);
    expect((await server.request('GET', '/api/v1/changes?after=abc')).status).toBe(400);
  });
});

describe('list', () => {
  test('attribute filters, status and cursor pagination in a stable order', async () => {
    const ethicon = await server.request<{ items: GoldenRecordView[] }>(
      'GET',
      `/api/v1/golden/item?${new URLSearchParams({ 'attr.manufacturer.name': 'Ethicon, Inc.', status: 'active' }).toString()}`,
    );
    expect(ethicon.status).toBe(200);
    // Both manufacturers are equally complete and frequent, both from sap: the most recent record decides.
    const survivor = await server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${survivorId}?include=lineage`);
    expect(survivor.body.attributes.manufacturer).toEqual({ name: 'Medline Industries' });
    expect(survivor.body.lineage?.manufacturer).toMatchObject({ strategy: 'mostRecent', sourceRecordId: at(items, 1).sourceRecordId });
    const expected = [at(items, 2), at(items, 4), at(items, 6)].map((i) => i.goldenId).sort();
    expect(ethicon.body.items.map((g) => g.id)).toEqual(expected);
    const latex = await server.request<{ items: GoldenRecordView[] }>('GET', '/api/v1/golden/item?attr.latexFree=true');
    expect(latex.body.items.map((g) => g.id)).toEqual([at(items, 3).goldenId]);
    const retired = await server.request<{ items: GoldenRecordView[] }>('GET', '/api/v1/golden/item?status=retired');
    expect(retired.body.items.map((g) => g.id)).toEqual([retiredId]);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: GoldenRecordView[]; nextCursor: string | null } } = await server.request(
        'GET',
        `/api/v1/golden/item?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...response.body.items.map((g) => g.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(items.map((i) => i.goldenId).sort());
    expect((await server.request('GET', '/api/v1/golden/item?limit=0')).status).toBe(400);
    expect((await server.request('GET', '/api/v1/golden/item?colour=red')).status).toBe(400);
  });

  test.each([
    ['garbage', '/api/v1/golden/item?cursor=garbage'],
    ['a cursor of another domain', `/api/v1/golden/supplier?cursor=${encodeURIComponent('item-ffffffffffffffffffff')}`],
    ['a golden id where the source walk wants a source record id', '/api/v1/golden/item?source=sap&cursor=item-0'],
    ['a cursor of another source', `/api/v1/golden/item?source=sap&cursor=${encodeURIComponent('item|lawson|X')}`],
  ])('a cursor this API did not return (%s) is 400 INVALID_CURSOR, not the first page again', async (_, path) => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>('GET', path);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_CURSOR');
    expect(response.body.error.details[0]?.path).toBe('query.cursor');
  });

  test('paging the records a source feeds walks every one once', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { status: number; body: { items: GoldenRecordView[]; nextCursor: string | null } } = await server.request(
        'GET',
        `/api/v1/golden/item?source=sap&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status).toBe(200);
      ids.push(...response.body.items.map((g) => g.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    // sap fed items 0–3; items 0 and 1 were merged into one golden record.
    expect([...new Set(ids)].sort()).toEqual([at(items, 0), at(items, 2), at(items, 3)].map((i) => i.goldenId).sort());
  });
});

describe('suppliers: masking and parent links', () => {
  test('tax ids (SSN-looking or not) are masked for consumers and analysts, shown to stewards', async () => {
    const soleProprietor = await applyCanonical(server, {
      domain: 'supplier',
      source: 'oracle',
      canonical: { sourceId: 'SUP-9001', name: 'Jane Doe Courier Services', taxId: '123-45-6789' },
    });
    const company = await applyCanonical(server, {
      domain: 'supplier',
      source: 'oracle',
      canonical: { sourceId: 'SUP-9002', name: 'Cardinal Health', taxId: '310958666' },
    });
    const consumer = await server.createKey('consumer');
    const steward = await server.createKey('steward');
    const masked = await server.request<GoldenRecordView & { sources: SourceRecordView[] }>(
      'GET',
      `/api/v1/golden/supplier/${soleProprietor.goldenId}?include=sources`,
      { key: consumer },
    );
    expect(masked.body.attributes.taxId).toBe('*******6789');
    expect(at(masked.body.sources, 0).canonical.taxId).toBe('*******6789');
    expect(masked.body.sources[0]).not.toHaveProperty('raw');
    expect(masked.text).not.toContain('123-45-6789');
    const shown = await server.request<GoldenRecordView & { sources: SourceRecordView[] }>(
      'GET',
      `/api/v1/golden/supplier/${soleProprietor.goldenId}?include=sources`,
      { key: steward },
    );
    expect(shown.body.attributes.taxId).toBe('123-45-6789');
    expect(at(shown.body.sources, 0).raw).toBeDefined();
    // Issue 11: a 9-digit value valid as an EIN may still be an SSN (310-95-8666), so every tax id is masked for consumers.
    const ein = await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${company.goldenId}`, { key: consumer });
    expect(ein.body.attributes.taxId).toBe('*****8666');
    expect(
      (await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${company.goldenId}`, { key: steward })).body.attributes
        .taxId,
    ).toBe('310958666');
    const exported = await fetchText('/api/v1/export/supplier/golden', consumer);
    expect(exported.text).not.toContain('123-45-6789');

    // A second record with the same tax id: the explanation compares it, and masks it for consumers.
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'W-77', name: 'Jane Doe Courier Services', taxId: '123-45-6789' },
    });
    const path = `/api/v1/golden/supplier/${soleProprietor.goldenId}/decisions`;
    const explained = (body: { items: MatchDecisionView[] }) =>
      (at(body.items, 0).candidates[0]?.explanation as { comparators: Array<{ field: string; a: unknown; b: unknown }> }).comparators.find(
        (c) => c.field === 'taxId',
      );
    const forConsumer = await server.request<{ items: MatchDecisionView[] }>('GET', path, { key: consumer });
    expect(at(forConsumer.body.items, 0).sourceRecordId).toBe('supplier|workday|W-77');
    expect(String(explained(forConsumer.body)?.a)).toMatch(/^\*+6789$/);
    expect(forConsumer.text).not.toContain('123456789');
    const forSteward = await server.request<{ items: MatchDecisionView[] }>('GET', path, { key: steward });
    expect(String(explained(forSteward.body)?.a)).not.toContain('*');

    // A steward corrects the tax id: the audit log keeps the change without the sensitive values.
    const corrected = await server.request<GoldenRecordView>('PUT', `/api/v1/golden/supplier/${company.goldenId}/overrides/taxId`, {
      key: steward,
      body: { value: '310958667', reason: 'W-9 received' },
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.body.attributes.taxId).toBe('310958667');
    const audit = await server.running.services.store
      .collection(AUDIT_COLLECTION)
      .findOne({ action: 'golden.override.set', 'target.id': company.goldenId });
    expect(audit).toMatchObject({
      before: { attribute: 'taxId', value: '*****8666' },
      after: { attribute: 'taxId', value: '*****8667' },
      reason: 'W-9 received',
      actor: { role: 'steward' },
    });
  });

  test('a parent reference is resolved through the xref into a relationship, whichever record arrives first', async () => {
    const child = await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-000412', name: 'Owens & Minor Distribution West', parentSourceId: 'SUP-000100' },
    });
    const parent = await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-000100', name: 'Owens and Minor Holdings' },
    });
    expect(child.goldenId).not.toBe(parent.goldenId);
    const view = await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${child.goldenId}?include=relationships`);
    expect(view.body.relationships).toEqual([
      expect.objectContaining({ type: 'parent', direction: 'outgoing', otherGoldenId: parent.goldenId }),
    ]);
    expect(view.body.attributes).not.toHaveProperty('parentSourceId');
    const parentView = await server.request<GoldenRecordView>('GET', `/api/v1/golden/supplier/${parent.goldenId}?include=relationships`);
    expect(parentView.body.relationships).toEqual([
      expect.objectContaining({ type: 'parent', direction: 'incoming', otherGoldenId: child.goldenId }),
    ]);
  });
});
