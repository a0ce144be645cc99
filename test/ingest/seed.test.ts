/**
 * The demo seed through the real ingest path (first start of an empty store): every record the
 * ground truth calls good becomes a source record, every planted bad record lands in the exception
 * queue with the expected code, and a second start does not load it again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readGroundTruth, readSeedManifest } from '../../seed/loadSeed';
import { startTestServer, type TestServer } from '../support/testServer';

interface ExceptionView {
  source: string;
  domain: string;
  sourceId?: string;
  code: string;
  stage: string;
  problems: Array<{ code: string }>;
  position?: { line?: number };
  occurrences: number;
}

let dataDir: string;
let server: TestServer;
const domains = [...new Set(readSeedManifest().map((entry) => entry.domain))];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-seed-'));
  server = await startTestServer({ dataDir, env: { MDM_SEED: 'true' } });
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function allExceptions(domain: string): Promise<ExceptionView[]> {
  const response = await server.request<{ items: ExceptionView[]; total: number }>('GET', `/api/v1/exceptions?domain=${domain}&limit=500`);
  expect(response.body.total).toBe(response.body.items.length);
  return response.body.items;
}

test.each(domains)('%s: good records stored, each planted bad record in the exception queue with its code', async (domain) => {
  const truth = readGroundTruth(domain);
  const exceptions = await allExceptions(domain);
  const bad = new Set(truth.badRecords.map((record) => `${record.source}|${record.sourceId}`));
  for (const record of truth.badRecords) {
    const found =
      record.line !== undefined
        ? exceptions.find((exception) => exception.source === record.source && exception.position?.line === record.line)
        : exceptions.find((exception) => exception.source === record.source && exception.sourceId === record.sourceId);
    expect(found, `${record.source} ${record.sourceId}: ${record.reason}`).toBeDefined();
    expect([found?.code, ...(found?.problems ?? []).map((problem) => problem.code)], `${record.source} ${record.sourceId}`).toContain(
      record.expectedCode,
    );
  }
  // Nothing else failed: the queue holds exactly the planted bad records.
  expect(exceptions).toHaveLength(truth.badRecords.length);
  const records = server.running.services.store.collection<{ _id: string; source: string; sourceId: string }>('sourceRecords');
  const good = truth.clusters.flat().filter((ref) => !bad.has(`${ref.source}|${ref.sourceId}`));
  const stored = await records.find({ domain }, { projection: { source: 1, sourceId: 1 } });
  const storedKeys = new Set(stored.map((record) => `${record.source}|${record.sourceId}`));
  expect(good.filter((ref) => !storedKeys.has(`${ref.source}|${ref.sourceId}`))).toEqual([]);
});

test('a second start on the same (no longer empty) store does not seed again', async () => {
  const before = await server.running.services.store.collection('sourceRecords').countDocuments({});
  await server.stop();
  server = await startTestServer({ dataDir, env: { MDM_SEED: 'true' } });
  expect(await server.running.services.store.collection('sourceRecords').countDocuments({})).toBe(before);
  const exceptions = await server.request<{ items: ExceptionView[] }>('GET', '/api/v1/exceptions?limit=500');
  expect(exceptions.body.items.every((exception) => exception.occurrences === 1)).toBe(true);
}, 120_000);
