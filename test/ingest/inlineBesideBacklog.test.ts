/**
 * Inline ingest beside a background processor with a large backlog (issue 14's inline latency, docs/INGEST.md
 * "Inline latency, session 15"): the search-index processor is sent back to the start of a long change feed and
 * woken while inline requests are in flight. The requests answer with exact totals, the processor's background
 * pages stay small while a request is in flight (processorRunner.ts: bounded slices), and the index still catches
 * up with every golden record, the new ones included. Nothing here measures time.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GOLDEN_RECORDS } from '../../server/golden/collections';
import { PROCESSORS } from '../../server/processors/collections';
import type { ChangeFeedProcessor } from '../../server/processors/types';
import { SEARCH_INDEX, SEARCH_INDEX_PROCESSOR, SEARCH_TERM_STATS, syncSearchIndex } from '../../server/search';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

let server: TestServer;
/** Golden records stored before the backlog is made (several of the processor's foreground pages of 200). */
const STORED = 600;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  for (let start = 0; start < STORED; start += 300) {
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      contentType: 'application/x-ndjson',
      body: toNdjson(Array.from({ length: 300 }, () => erpItemRow())),
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals.accepted).toBe(300);
  }
  await syncSearchIndex(server.running.services);
  // Six hundred records through the whole pipeline: minutes on a machine shared by many test runs.
}, 240_000);
afterAll(async () => server.stop());

/** The search-index processor back at the start of the feed with an empty index: every change is its backlog again. */
async function makeSearchBacklog(): Promise<void> {
  const { store } = server.running.services;
  await store.collection(SEARCH_INDEX).deleteMany({});
  await store.collection(SEARCH_TERM_STATS).deleteMany({});
  await store.collection(PROCESSORS).updateOne({ _id: SEARCH_INDEX_PROCESSOR }, { $set: { cursor: null } });
}

/** Records the size of every page the search-index processor handles, and whether a foreground request was in flight. */
function watchSearchPages(): { pages: Array<{ changes: number; isForeground: boolean }>; stop: () => void } {
  const { processors } = server.running.services;
  const processor = processors.list().find((candidate) => candidate.name === SEARCH_INDEX_PROCESSOR) as ChangeFeedProcessor;
  const original = processor.handle;
  const pages: Array<{ changes: number; isForeground: boolean }> = [];
  processor.handle = (args) => {
    pages.push({ changes: args.changes.length, isForeground: processors.hasForegroundRequests });
    return original.call(processor, args);
  };
  return { pages, stop: () => (processor.handle = original) };
}

describe('inline ingest while the search index catches up', () => {
  test('requests answer exactly, background pages stay small meanwhile, and the index covers every golden record', async () => {
    await makeSearchBacklog();
    const watch = watchSearchPages();
    const { processors, store } = server.running.services;
    // A foreground request held open over the whole backlog, so the pages below are all taken beside one.
    const endHeld = processors.beginForeground();
    try {
      processors.kick(SEARCH_INDEX_PROCESSOR);
      // The catch-up has begun (its first page taken beside the held request) before the inline requests are sent.
      while (watch.pages.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const answers = await Promise.all(
        [0, 1].map(() =>
          ingest(server, {
            source: 'erp',
            domain: 'item',
            contentType: 'application/x-ndjson',
            body: toNdjson(Array.from({ length: 150 }, () => erpItemRow())),
          }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.totals).toEqual({ received: 150, accepted: 150, unchanged: 0, exceptions: 0 });
        expect(new Set(answer.body.records.map((record) => record.goldenId)).size).toBe(150);
      }
    } finally {
      endHeld();
    }
    expect(processors.hasForegroundRequests).toBe(false);
    await syncSearchIndex(server.running.services);
    watch.stop();
    const foregroundPages = watch.pages.filter((page) => page.isForeground);
    expect(foregroundPages.length).toBeGreaterThan(0);
    for (const page of foregroundPages) expect(page.changes).toBeLessThanOrEqual(200);
    // Eventually consistent: one entry per active golden record, the 300 new ones included.
    const active = await store.collection(GOLDEN_RECORDS).countDocuments({ domain: 'item', status: 'active' });
    expect(active).toBe(STORED + 300);
    expect(await store.collection(SEARCH_INDEX).countDocuments({ domain: 'item' })).toBe(active);
    const hits = await server.request<{ items: unknown[] }>('GET', `/api/v1/search/item?q=catheter&limit=5`);
    expect(hits.status).toBe(200);
    expect(hits.body.items.length).toBeGreaterThan(0);
  }, 120_000);

  test('without a foreground request a background catch-up keeps its full pages', async () => {
    await makeSearchBacklog();
    const watch = watchSearchPages();
    try {
      await syncSearchIndex(server.running.services);
    } finally {
      watch.stop();
    }
    expect(watch.pages.map((page) => page.changes).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(STORED);
    expect(Math.max(...watch.pages.map((page) => page.changes))).toBeGreaterThan(200);
  });

  test('a refused inline request (no published mapping) ends its foreground mark', async () => {
    const { processors } = server.running.services;
    const refused = await ingest(server, { source: 'nowhere', domain: 'item', contentType: 'application/x-ndjson', body: '{}\n' });
    expect(refused.status).toBe(422);
    expect(processors.hasForegroundRequests).toBe(false);
  });
});
