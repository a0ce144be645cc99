/**
 * An index built by another release is rebuilt on start-up (server/search/termsVersion.ts): the search index keeps
 * each golden record's terms as the release that indexed it computed them, so when the terms version changes
 * (SEARCH_TERMS_VERSION: the terms revision and the searched fields) every golden record is re-indexed in the
 * background — a supplier named only in another script becomes findable by its name without waiting for it to change.
 * Simulated here by an index whose entry lacks the name's terms and records an older version; a restart on the same
 * data directory repairs it. An index built with the current version is left alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROCESSORS } from '../../server/processors/collections';
import type { ProcessorDocument } from '../../server/processors/types';
import { SEARCH_INDEX, SEARCH_INDEX_PROCESSOR, syncSearchIndex, type SearchEntry } from '../../server/search';
import { SEARCH_TERMS_VERSION } from '../../server/search/searchTerms';
import { applyCanonical } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let dataDir: string;
let server: TestServer;
let goldenId: string;

interface Hits {
  items: Array<{ id: string }>;
}
const search = (q: string) => server.request<Hits>('GET', `/api/v1/search/supplier?q=${encodeURIComponent(q)}&limit=5`);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-terms-version-'));
  server = await startTestServer({ dataDir });
  goldenId = (
    await applyCanonical(server, { domain: 'supplier', source: 'oracle', canonical: { sourceId: 'V1', name: 'Медтехника Северо-Запад' } })
  ).goldenId;
  await syncSearchIndex(server.running.services);
});
afterAll(async () => {
  await server?.stop({ removeData: false });
  await rm(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<void> {
  await server.stop({ removeData: false });
  server = await startTestServer({ dataDir });
}

describe('search terms version', () => {
  test('is recorded, and a restart with the same version rewinds nothing', async () => {
    const state = await server.running.services.store
      .collection<{ _id: string; version: string }>('searchState')
      .findOne({ _id: 'termsVersion' });
    expect(state?.version).toBe(SEARCH_TERMS_VERSION);
    const before = await server.running.services.store.collection<ProcessorDocument>(PROCESSORS).findOne({ _id: SEARCH_INDEX_PROCESSOR });
    await restart();
    const after = await server.running.services.store.collection<ProcessorDocument>(PROCESSORS).findOne({ _id: SEARCH_INDEX_PROCESSOR });
    expect(after?.cursor).toEqual(before?.cursor);
    expect((await search('Медтехника')).body.items.map((hit) => hit.id)).toContain(goldenId);
  });

  test('an index built with other terms is rebuilt in the background after a restart', async () => {
    const { store } = server.running.services;
    // What an older release left: the entry without the name's words, and its own version.
    const entries = store.collection<SearchEntry>(SEARCH_INDEX);
    const entry = await entries.findOne({ goldenId });
    expect(entry).not.toBeNull();
    await entries.updateOne({ _id: entry?._id ?? '' }, { $set: { terms: [], texts: [] } });
    await store.collection('searchState').updateOne({ _id: 'termsVersion' }, { $set: { version: '1:older-release' } });
    expect((await search('Медтехника')).body.items.map((hit) => hit.id)).not.toContain(goldenId);
    const token = (await store.collection<ProcessorDocument>(PROCESSORS).findOne({ _id: SEARCH_INDEX_PROCESSOR }))?.token ?? 0;

    await restart();
    const processor = await server.running.services.store
      .collection<ProcessorDocument>(PROCESSORS)
      .findOne({ _id: SEARCH_INDEX_PROCESSOR });
    // The rewind revoked the lease held before it (fencing token moved on).
    expect(processor?.token ?? 0).toBeGreaterThan(token);
    await syncSearchIndex(server.running.services);
    expect((await search('Медтехника')).body.items.map((hit) => hit.id)).toContain(goldenId);
    const state = await server.running.services.store
      .collection<{ _id: string; version: string }>('searchState')
      .findOne({ _id: 'termsVersion' });
    expect(state?.version).toBe(SEARCH_TERMS_VERSION);
  });
});
