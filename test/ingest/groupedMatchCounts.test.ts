/**
 * An ingest group writes the match index's block sizes and term counts once, at its end, holding them in
 * memory meanwhile (withGroupedMatchCounts, server/matching/matchIndex.ts). Each record must still see the
 * blocks and counts of the group's earlier records: the same rows ingested with the grouping and without it
 * (MDM_GROUPED_MATCH_COUNTS=false) give the same outcomes, golden groups, match decisions (scores weigh idf
 * term counts), match-index entries, block sizes and term counts — and with it, the block sizes are written
 * once per group instead of once per record.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MATCH_DECISIONS } from '../../server/golden/collections';
import { BLOCK_STATS, MATCH_INDEX } from '../../server/matching';
import { TERM_STATS } from '../../server/matching/termStats';
import { countCollectionCalls } from '../support/storeCalls';
import type { TestServer } from '../support/testServer';
import {
  ERP_ITEM_EXPRESSION,
  ERP_VENDOR_EXPRESSION,
  comparableDecisions,
  erpVendorRow,
  ingest,
  itemRowsWithCopies,
  publishMapping,
  startIngestServer,
  toNdjson,
} from '../support/factories/ingest';

let grouped: TestServer;
let perRecord: TestServer;

beforeAll(async () => {
  [grouped, perRecord] = await Promise.all([startIngestServer(), startIngestServer({ env: { MDM_GROUPED_MATCH_COUNTS: 'false' } })]);
  for (const server of [grouped, perRecord]) {
    await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    await publishMapping(server, { source: 'erp', domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
  }
});
afterAll(async () => Promise.all([grouped?.stop(), perRecord?.stop()]));

/** 20 vendors and a reworded copy of each without identifiers (name-only evidence: cluster review). */
function vendorRows(): Array<Record<string, string>> {
  const vendors = Array.from({ length: 20 }, (_, index) => erpVendorRow({ NAME1: `Meridian Surgical Supply ${index % 5} LLC` }));
  const again = vendors.map((vendor, index) => ({
    ...vendor,
    VENDOR_ID: `9${vendor.VENDOR_ID}`,
    NAME1: `MERIDIAN SURGICAL SUPPLY ${index % 5}`,
    TAX_ID: '',
    NPI: '',
  }));
  return [...vendors, ...again].map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')));
}

interface IngestedRecord {
  outcome: string;
  match?: string;
  sourceRecordId: string;
  goldenId: string;
}

/** Calls on `blockStats` while `work` runs: writes (update, insert) and reads (find, findOne). */
async function blockStatCalls<T>(server: TestServer, work: () => Promise<T>): Promise<{ result: T; writes: number; reads: number }> {
  const { result, calls } = await countCollectionCalls({
    store: server.running.services.store,
    collection: BLOCK_STATS,
    kindOf: (property) =>
      property === 'updateMany' || property === 'insertMany'
        ? 'writes'
        : property === 'find' || property === 'findOne'
          ? 'reads'
          : undefined,
    work,
  });
  return { result, writes: calls.writes ?? 0, reads: calls.reads ?? 0 };
}

/** Ingests `rows` and returns what ingest left, golden ids replaced by the sorted member ids of their golden record (ids are random). */
async function outcomeOf(server: TestServer, input: { domain: string; rows: unknown[] }) {
  const {
    result: response,
    writes,
    reads,
  } = await blockStatCalls(server, () =>
    ingest(server, { source: 'erp', domain: input.domain, body: toNdjson(input.rows), contentType: 'application/x-ndjson' }),
  );
  expect(response.status, response.text).toBe(200);
  const records = response.body.records as IngestedRecord[];
  const { store } = server.running.services;
  const golden = await store.collection<{ _id: string; sourceRecordIds: string[] }>('goldenRecords').find({ domain: input.domain });
  const membersOf = new Map(golden.map((record) => [record._id, [...record.sourceRecordIds].sort().join(',')]));
  const groupOf = (goldenId: string) => membersOf.get(goldenId) ?? goldenId;
  const entries = await store.collection(MATCH_INDEX).find({ domain: input.domain }, { sort: { _id: 1 } });
  const decisions = await store.collection(MATCH_DECISIONS).find({ domain: input.domain }, { sort: { _id: 1 } });
  const blocks = await store.collection(BLOCK_STATS).find({ domain: input.domain }, { sort: { _id: 1 }, projection: { _id: 1, size: 1 } });
  const terms = await store.collection(TERM_STATS).find({ domain: input.domain }, { sort: { _id: 1 }, projection: { _id: 1, size: 1 } });
  const tasks = await store.collection('tasks').find({ domain: input.domain });
  return {
    writes,
    reads,
    totals: response.body.totals,
    records: records.map((record) => ({ outcome: record.outcome, match: record.match, group: groupOf(record.goldenId) })),
    index: entries.map((entry) => ({ ...entry, goldenId: groupOf(String(entry.goldenId)) })),
    decisions: comparableDecisions(decisions, groupOf).sort(
      (x, y) => String(x.sourceRecordId).localeCompare(String(y.sourceRecordId)) || String(x.outcome).localeCompare(String(y.outcome)),
    ),
    blocks: blocks.filter((block) => !String(block._id).endsWith('|#termStats')),
    terms,
    tasks: tasks.length,
  };
}

async function bothOutcomes(input: { domain: string; rows: unknown[] }) {
  return Promise.all([outcomeOf(grouped, input), outcomeOf(perRecord, input)]);
}

// Two servers load 160 records each way: a minute or more when the machine is shared (a harness limit, not a timing assertion).
test('a group whose later records block with its earlier ones is matched, indexed and counted as when counts are written per record', async () => {
  const rows = itemRowsWithCopies(60);
  const [withGrouping, without] = await bothOutcomes({ domain: 'item', rows });
  expect(withGrouping.totals).toEqual({ received: 120, accepted: 120, unchanged: 0, exceptions: 0 });
  // Later records found earlier ones of the same group and merged into them.
  expect(withGrouping.records.filter((r) => r.match === 'merged').length).toBeGreaterThan(0);
  expect(withGrouping.records).toEqual(without.records);
  expect(withGrouping.decisions).toEqual(without.decisions);
  expect(withGrouping.index).toHaveLength(120);
  expect(withGrouping.index).toEqual(without.index);
  expect(withGrouping.blocks.length).toBeGreaterThan(100);
  expect(withGrouping.blocks).toEqual(without.blocks);
  expect(withGrouping.terms.length).toBeGreaterThan(50);
  expect(withGrouping.terms).toEqual(without.terms);
  expect(withGrouping.tasks).toBe(without.tasks);
  // One group (120 records): block sizes written at its end, not once per record.
  expect(without.writes).toBeGreaterThanOrEqual(120);
  expect(withGrouping.writes).toBeLessThanOrEqual(3);

  // Updates in a second group: re-indexed records move out of their old blocks and terms and into new ones.
  const changed = rows
    .slice(0, 40)
    .map((row, index) => ({ ...row, DESCR60: `${row.DESCR60} ${index % 2 === 0 ? 'LATEX FREE' : 'BOX OF 50'}` }));
  const [updatedGrouped, updatedPerRecord] = await bothOutcomes({ domain: 'item', rows: changed });
  expect(updatedGrouped.totals).toEqual({ received: 40, accepted: 40, unchanged: 0, exceptions: 0 });
  expect(updatedGrouped.records).toEqual(updatedPerRecord.records);
  expect(updatedGrouped.decisions).toEqual(updatedPerRecord.decisions);
  expect(updatedGrouped.index).toEqual(updatedPerRecord.index);
  expect(updatedGrouped.blocks).toEqual(updatedPerRecord.blocks);
  expect(updatedGrouped.terms).toEqual(updatedPerRecord.terms);
}, 180_000);

test('name-only vendors reviewed as clusters see the blocks of the group’s earlier records', async () => {
  const [withGrouping, without] = await bothOutcomes({ domain: 'supplier', rows: vendorRows() });
  expect(withGrouping.totals).toEqual({ received: 40, accepted: 40, unchanged: 0, exceptions: 0 });
  expect(withGrouping.records).toEqual(without.records);
  expect(withGrouping.decisions).toEqual(without.decisions);
  expect(withGrouping.index).toEqual(without.index);
  expect(withGrouping.blocks).toEqual(without.blocks);
  expect(withGrouping.tasks).toBeGreaterThan(0);
  expect(withGrouping.tasks).toBe(without.tasks);
});

test('a group reads the block sizes of its records once, at its start, and matches as when each record reads them', async () => {
  // A second load into stores that hold the first test's records: stored sizes plus the group's own changes.
  const rows = itemRowsWithCopies(60);
  const [withGrouping, without] = await bothOutcomes({ domain: 'item', rows });
  expect(withGrouping.totals).toEqual({ received: 120, accepted: 120, unchanged: 0, exceptions: 0 });
  expect(withGrouping.records.filter((r) => r.match === 'merged').length).toBeGreaterThan(0);
  // Everything ingest left, but the call counts: outcomes, golden groups, decisions, entries, block sizes, term counts, tasks.
  const { writes: _groupedWrites, reads: groupedReads, ...groupedLeft } = withGrouping;
  const { writes: _writes, reads: perRecordReads, ...perRecordLeft } = without;
  expect(groupedLeft).toEqual(perRecordLeft);
  // Per record: one read of its blocks' sizes each; grouped: the read at the start and the one before the sizes are written.
  expect(perRecordReads).toBeGreaterThanOrEqual(120);
  expect(groupedReads).toBeLessThanOrEqual(3);
});
