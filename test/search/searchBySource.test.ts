/** Golden-record search by a source system's record id and by its name, and the list filtered by source, through the API. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, publishMapping, startIngestServer } from '../support/factories/ingest';
import { at } from '../support/must';

interface Hit {
  id: string;
  displayName: string;
  matchedField: string;
  score: number;
}

describe('search and list by source', () => {
  let server: TestServer;
  const goldenOf = new Map<string, string>();
  beforeAll(async () => {
    server = await startIngestServer();
    await publishMapping(server, { source: 'meditech', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    await publishMapping(server, { source: 'lawson', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    const meditech = [
      erpItemRow({ INV_ITEM_ID: 'MT-100234', DESCR60: 'GAUZE SPONGE 4X4 STERILE' }),
      erpItemRow({ INV_ITEM_ID: 'MT-100235' }),
      erpItemRow({ INV_ITEM_ID: 'MT-100236' }),
    ];
    const lawson = [erpItemRow({ INV_ITEM_ID: '21040' }), erpItemRow({ INV_ITEM_ID: '21041' })];
    for (const [source, rows] of [
      ['meditech', meditech],
      ['lawson', lawson],
    ] as const) {
      const response = await server.request<{ records: Array<{ sourceId: string; goldenId: string }> }>(
        'POST',
        `/api/v1/ingest/${source}/item`,
        { body: rows },
      );
      expect(response.status).toBe(200);
      for (const record of response.body.records) goldenOf.set(`${source}|${record.sourceId}`, record.goldenId);
    }
  });
  afterAll(async () => server.stop());

  const search = async (q: string) =>
    (await server.request<{ items: Hit[] }>('GET', `/api/v1/search/item?q=${encodeURIComponent(q)}&limit=20`)).body.items;

  test.each([
    ['MT-100234', 'meditech|MT-100234'],
    ['mt-100234', 'meditech|MT-100234'],
    ['21041', 'lawson|21041'],
  ])('the source id %s finds its golden record first', async (q, key) => {
    const first = at(await search(q), 0);
    expect(first).toMatchObject({ id: goldenOf.get(key), score: 1 });
    expect(first.matchedField).toBe(`sourceId (${key.split('|')[0]})`);
  });

  test('a source name finds the golden records that source feeds, and only those', async () => {
    const items = await search('meditech');
    const expected = ['MT-100234', 'MT-100235', 'MT-100236'].map((id) => goldenOf.get(`meditech|${id}`));
    expect(new Set(items.map((item) => item.id))).toEqual(new Set(expected));
    expect(items.every((item) => item.matchedField.startsWith('source (meditech'))).toBe(true);
  });

  test('an id of no source and an unknown source name find nothing by source', async () => {
    expect((await search('MT-999999')).filter((item) => item.matchedField.startsWith('source'))).toEqual([]);
    expect(await search('epicsys')).toEqual([]);
  });

  test('the list filters by source system, paged with a cursor', async () => {
    const first = await server.request<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      'GET',
      '/api/v1/golden/item?source=meditech&limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await server.request<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      'GET',
      `/api/v1/golden/item?source=meditech&limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item) => item.id);
    expect(new Set(ids)).toEqual(new Set(['MT-100234', 'MT-100235', 'MT-100236'].map((id) => goldenOf.get(`meditech|${id}`))));
    const lawson = await server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/golden/item?source=lawson');
    expect(lawson.body.items.map((item) => item.id).sort()).toEqual([goldenOf.get('lawson|21040'), goldenOf.get('lawson|21041')].sort());
  });

  test('a malformed source filter is a 400 naming the field', async () => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>(
      'GET',
      '/api/v1/golden/item?source=Not%20A%20Source',
    );
    expect(response.status).toBe(400);
    expect(at(response.body.error.details, 0).path).toContain('source');
  });
});
