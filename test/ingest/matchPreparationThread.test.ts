/**
 * The match-preparation thread (server/golden/preparationThread.ts) prepares a batch for matching off the
 * main thread. Its preparations must change nothing: the same rows ingested with the thread and without it
 * (MDM_MATCH_PREPARATION_THREAD=false) give the same outcomes, golden records, match-index entries and
 * match decisions — and the thread must actually have prepared them (its metric).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MATCH_DECISIONS } from '../../server/golden/collections';
import { preparedFor } from '../../server/golden/preparationThread';
import { MATCH_INDEX, compileRules, loadRules, prepareIncoming } from '../../server/matching';
import { MATCH_RULE_SETS } from '../../server/matching/ruleSets/types';
import { countCollectionCalls } from '../support/storeCalls';
import { sync } from '../support/factories/stewardship';
import type { TestServer } from '../support/testServer';
import {
  ERP_ITEM_EXPRESSION,
  comparableDecisions,
  erpItemRow,
  ingest,
  itemRowsWithCopies,
  publishMapping,
  startIngestServer,
  toNdjson,
} from '../support/factories/ingest';

let threaded: TestServer;
let mainOnly: TestServer;

beforeAll(async () => {
  [threaded, mainOnly] = await Promise.all([startIngestServer(), startIngestServer({ env: { MDM_MATCH_PREPARATION_THREAD: 'false' } })]);
  for (const server of [threaded, mainOnly])
    await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => Promise.all([threaded?.stop(), mainOnly?.stop()]));

/** 60 items, then the same items again under other ids (same GTIN and part number, reworded): merges and reviews. */
function rows(): Array<Record<string, string>> {
  return itemRowsWithCopies(60);
}

interface IngestedRecord {
  outcome: string;
  match?: string;
  sourceRecordId: string;
  goldenId: string;
}

/** What ingest left, with golden ids replaced by the sorted member ids of their golden record (ids are random). */
async function outcomeOf(server: TestServer, body: string) {
  const response = await ingest(server, { source: 'erp', domain: 'item', body, contentType: 'application/x-ndjson' });
  expect(response.status, response.text).toBe(200);
  const records = response.body.records as IngestedRecord[];
  const membersOf = new Map<string, string[]>();
  for (const record of records) membersOf.set(record.goldenId, [...(membersOf.get(record.goldenId) ?? []), record.sourceRecordId]);
  const groupOf = (goldenId: string) => [...(membersOf.get(goldenId) ?? [goldenId])].sort().join(',');
  const { store } = server.running.services;
  const entries = await store.collection(MATCH_INDEX).find({ domain: 'item' }, { sort: { _id: 1 } });
  const decisions = await store.collection(MATCH_DECISIONS).find({ domain: 'item' }, { sort: { sourceRecordId: 1 } });
  return {
    totals: response.body.totals,
    records: records.map((record) => ({ outcome: record.outcome, match: record.match, group: groupOf(record.goldenId) })),
    index: entries.map((entry) => ({ _id: entry._id, keys: entry.keys, prepared: entry.prepared, sharedValues: entry.sharedValues })),
    decisions: comparableDecisions(decisions, groupOf),
  };
}

async function preparedOffThread(server: TestServer): Promise<number> {
  const metrics = await server.request('GET', '/metrics');
  const line = metrics.text.split('\n').find((l) => l.startsWith('mdm_ingest_match_preparations_off_thread_total{'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

test('a batch prepared on the thread is matched, indexed and explained exactly as one prepared on the main thread', async () => {
  const body = toNdjson(rows());
  const [withThread, without] = await Promise.all([outcomeOf(threaded, body), outcomeOf(mainOnly, body)]);
  expect(withThread.totals).toEqual({ received: 120, accepted: 120, unchanged: 0, exceptions: 0 });
  expect(withThread.records.filter((r) => r.match === 'merged').length).toBeGreaterThan(0);
  expect(withThread.records).toEqual(without.records);
  expect(withThread.index).toHaveLength(120);
  expect(withThread.index).toEqual(without.index);
  expect(withThread.decisions).toEqual(without.decisions);
  expect(await preparedOffThread(threaded)).toBe(120);
  expect(await preparedOffThread(mainOnly)).toBe(0);
});

test('a preparation is used only under the very rules it was made with', async () => {
  const rules = await loadRules('item');
  const other = compileRules(rules.rules);
  const canonical = { sourceId: 'X1', description: 'GLOVE NITRILE LARGE' };
  const prepared = { rules, canonical, preparation: prepareIncoming(canonical, rules) };
  expect(preparedFor(prepared, rules)).toBe(prepared.preparation);
  // Same version, another compilation (e.g. other alias tables): prepared again on the main thread.
  expect(preparedFor(prepared, other)).toBeNull();
  expect(preparedFor(undefined, rules)).toBeNull();
});

test('a batch after a write is prepared under the rules that write read: one read of the rule-set head per batch, not two', async () => {
  const { store } = threaded.running.services;
  const batch = () => toNdjson(Array.from({ length: 60 }, () => erpItemRow()));
  const first = await ingest(threaded, { source: 'erp', domain: 'item', body: batch(), contentType: 'application/x-ndjson' });
  expect(first.status, first.text).toBe(200);
  // The task-sync processor reads the rules for the review tasks the first batch opened (stewardship conflicts), on a
  // timer: run it now, so only the second batch's own reads are counted.
  await sync(threaded);
  const before = await preparedOffThread(threaded);
  const { result, calls } = await countCollectionCalls({
    store,
    collection: MATCH_RULE_SETS,
    kindOf: (method) => (method === 'findOne' || method === 'find' ? 'read' : undefined),
    work: () => ingest(threaded, { source: 'erp', domain: 'item', body: batch(), contentType: 'application/x-ndjson' }),
  });
  expect(result.status, result.text).toBe(200);
  expect(result.body.totals).toEqual({ received: 60, accepted: 60, unchanged: 0, exceptions: 0 });
  // The persist group's read, in its transaction; the preparation took the rules the first batch's write read.
  expect(calls.read).toBe(1);
  expect(await preparedOffThread(threaded)).toBe(before + 60);
});
