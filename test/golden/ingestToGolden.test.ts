/**
 * End to end through the ingest endpoint: two source systems send the same product in their own
 * formats (Lawson ITEMMAST CSV-shaped JSON, Epic HL7-shaped JSON, the mappings' own samples); the
 * records end in one golden record — automatically or through the steward's merge of the review task —
 * and every id resolves both ways.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GoldenRecordView, XrefView } from '../../server/contracts/golden';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship/types';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

function sample(source: string, index: number): unknown {
  return (JSON.parse(readFileSync(new URL(`../../mappings/${source}/item.json`, import.meta.url), 'utf8')) as { samples: unknown[] })
    .samples[index];
}

interface IngestResponse {
  totals: { accepted: number };
  records: Array<{ sourceRecordId: string; goldenId: string; match: string }>;
}

test('the same syringe from Lawson and Epic ends in one golden record, with lineage from both', async () => {
  const lawson = await server.request<IngestResponse>('POST', '/api/v1/ingest/lawson/item', { body: sample('lawson', 0) });
  expect(lawson.status, lawson.text).toBe(200);
  expect(lawson.body.records[0]).toMatchObject({ sourceRecordId: 'item|lawson|21040', match: 'created' });
  const epic = await server.request<IngestResponse>('POST', '/api/v1/ingest/epic-supply/item', { body: sample('epic-supply', 0) });
  expect(epic.status, epic.text).toBe(200);
  const lawsonGolden = at(lawson.body.records, 0).goldenId;
  const epicRecord = at(epic.body.records, 0);
  expect(['merged', 'review']).toContain(epicRecord.match);

  if (epicRecord.match === 'review') {
    // The steward accepts the suggestion: the task names the Lawson record's golden record.
    const task = await server.running.services.store
      .collection<TaskDocument>(TASKS)
      .findOne({ 'subject.sourceRecordId': epicRecord.sourceRecordId });
    expect(task?.candidates?.[0]?.goldenId).toBe(lawsonGolden);
    const merged = await server.request('POST', `/api/v1/golden/item/${lawsonGolden}/merge`, {
      body: { otherId: epicRecord.goldenId, reason: 'same GTIN and manufacturer part number' },
    });
    expect(merged.status, merged.text).toBe(200);
  } else {
    expect(epicRecord.goldenId).toBe(lawsonGolden);
  }

  for (const [source, sourceId] of [
    ['lawson', '21040'],
    ['epic-supply', '104200'],
  ]) {
    const xref = await server.request<XrefView>('GET', `/api/v1/xref/item/${source}/${sourceId}`);
    expect(xref.body.goldenId).toBe(lawsonGolden);
  }
  const golden = await server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${lawsonGolden}?include=lineage,sources`);
  expect(golden.body.sourceRecordIds).toEqual(['item|epic-supply|104200', 'item|lawson|21040']);
  expect(golden.body.attributes.gtin).toBe('00382911861773');
  expect(new Set(Object.values(golden.body.lineage ?? {}).map((l) => l.source))).toEqual(new Set(['lawson', 'epic-supply']));
  expect(golden.body.sources?.every((s) => s.mappingVersion >= 1 && s.raw !== undefined)).toBe(true);
});
