/** GET /api/v1/stats over the seeded demo data: figures agree with the records themselves. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { INGEST_EXCEPTIONS } from '../../server/exceptions/collections';
import type { HubStatistics } from '../../server/stats/hubStatistics';
import { readGroundTruth } from '../../seed/loadSeed';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MDM_SEED: 'true' } });
}, 180_000);
afterAll(async () => server?.stop());

test('per-domain and per-source figures match the stored records', async () => {
  const consumer = await server.createKey('consumer');
  const { store } = server.running.services;
  // The server's processors may still be opening tasks from the seed: take an answer whose open-task counts
  // agree with the store read right after it (the counts settle once the processors have caught up).
  const openTasks = (domain: string) => store.collection('tasks').countDocuments({ domain, status: 'open' });
  const read = () => server.request<HubStatistics>('GET', '/api/v1/stats', { key: consumer });
  let response = await read();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await Promise.all(response.body.domains.map((row) => openTasks(row.domain)));
    if (response.body.domains.every((row, i) => row.openTasks === counts[i]) || Date.now() > deadline) break;
    response = await read();
  }
  expect(response.status, response.text).toBe(200);
  expect(response.body.domains.map((row) => row.domain).sort()).toEqual(['account', 'facility', 'item', 'supplier']);
  for (const row of response.body.domains) {
    expect(row.goldenRecords).toBe(await store.collection('goldenRecords').countDocuments({ domain: row.domain, status: 'active' }));
    expect(row.sourceRecords).toBe(await store.collection('sourceRecords').countDocuments({ domain: row.domain }));
    expect(row.duplicatesMerged).toBe(row.sourceRecords - row.goldenRecords);
    expect(row.openTasks).toBe(await store.collection('tasks').countDocuments({ domain: row.domain, status: 'open' }));
    expect(row.openExceptions).toBe(await store.collection(INGEST_EXCEPTIONS).countDocuments({ domain: row.domain, status: 'open' }));
    expect(row.goldenRecords).toBeGreaterThan(0);
    expect(row.duplicatesMerged).toBeGreaterThan(0);
  }
  // Every planted bad record is an exception of its source and domain.
  for (const domain of ['supplier', 'item', 'facility', 'account']) {
    const truth = readGroundTruth(domain);
    for (const bad of truth.badRecords) {
      const row = response.body.sources.find((entry) => entry.source === bad.source && entry.domain === domain);
      expect(row, `${bad.source}/${domain}`).toBeDefined();
      expect(row?.exceptions).toBeGreaterThan(0);
      expect(row?.exceptionRate).toBeCloseTo((row?.exceptions ?? 0) / ((row?.accepted ?? 0) + (row?.exceptions ?? 0)));
    }
  }
  const totalAccepted = response.body.sources.reduce((sum, row) => sum + row.accepted, 0);
  expect(totalAccepted).toBe(response.body.domains.reduce((sum, row) => sum + row.sourceRecords, 0));
});
