/**
 * The seed through the real ingest path (`loadSeed`, as `npm run seed` and the first start do) on a
 * fresh embedded store: every file loads with its published mapping, and the exception queue holds
 * exactly the planted bad records, each for its planted reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningApp } from '../../server/bootstrap';
import { bootstrap } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import type { SeedFileSummary } from '../../server/ingest/seedLoader';
import { loadSeed } from '../../server/ingest/seedLoader';
import { INGEST_EXCEPTIONS } from '../../server/exceptions/collections';
import { createLogger } from '../../server/logger';
import type { BadRecord } from '../../seed/loadSeed';
import { readGroundTruth } from '../../seed/loadSeed';

interface ExceptionDocument {
  source: string;
  domain: string;
  sourceId?: string;
  code: string;
  problems?: Array<{ code: string }>;
}

let dataDir = '';
let running: RunningApp | undefined;
let summaries: SeedFileSummary[] = [];
let exceptions: ExceptionDocument[] = [];
const badRecords: Array<BadRecord & { domain: string }> = ['supplier', 'item', 'facility', 'account'].flatMap((domain) => readGroundTruth(domain).badRecords.map((bad) => ({ ...bad, domain })));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-seed-ingest-'));
  const config = loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0', HOST: '127.0.0.1' });
  running = await bootstrap({ config, logger: createLogger({ silent: true }), startJobs: false });
  summaries = await loadSeed(running.services);
  exceptions = (await running.services.store.collection(INGEST_EXCEPTIONS).find({})) as unknown as ExceptionDocument[];
}, 180_000);

afterAll(async () => {
  await running?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('every manifest file loads through its published mapping', () => {
  expect(summaries.filter((file) => file.problem).map((file) => `${file.file}: ${file.problem}`)).toEqual([]);
  expect(summaries.length).toBeGreaterThanOrEqual(14);
});

test('each file accepts everything except its planted bad records', () => {
  for (const file of summaries) {
    // Unparseable rows name their file (two Lawson account files share source and domain).
    const expected = badRecords.filter((bad) => bad.domain === file.domain && bad.source === file.source && (bad.file === undefined || bad.file === file.file)).length;
    expect(file.totals?.exceptions, file.file).toBe(expected);
    expect(file.totals?.accepted, file.file).toBe((file.totals?.received ?? 0) - expected);
  }
});

test('the exception queue holds each planted bad record for its planted reason', () => {
  expect(exceptions.length).toBe(badRecords.length);
  for (const bad of badRecords) {
    if (bad.expectedCode === 'CSV_PARSE_ERROR') {
      expect(exceptions.some((exception) => exception.source === bad.source && exception.domain === bad.domain && exception.code === 'CSV_PARSE_ERROR'), `${bad.file} line ${bad.line}`).toBe(true);
      continue;
    }
    const exception = exceptions.find((candidate) => candidate.source === bad.source && candidate.domain === bad.domain && candidate.sourceId === bad.sourceId);
    expect(exception, `${bad.source}/${bad.sourceId}`).toBeDefined();
    expect(exception?.problems?.map((problem) => problem.code), `${bad.source}/${bad.sourceId}`).toContain(bad.expectedCode);
  }
});
