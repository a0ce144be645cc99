/**
 * The golden-record API over HTTP against the real embedded store: records arrive through
 * `applySourceRecord` (the use case ingest calls), everything else is read and changed over HTTP.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GoldenRecordView, HistoryEntryView, MatchDecisionView, RetiredGoldenView, XrefView } from '../../server/contracts/golden';
import {
  fingerprintRecord,
  MATCH_DECISIONS,
  rulesFor,
  SOURCE_RECORDS,
  type MatchDecisionDocument,
  type SourceRecordDocument,
} from '../../server/golden';
import { NOT_A_MATCH, TASKS } from '../../server/stewardship/collections';
import type { NotAMatchDocument, TaskDocument } from '../../server/stewardship/types';
import { applyCanonical, gtin, itemDuplicatePair, itemRecord } from '../support/factories/golden';
import { clockPast } from '../support/clock';
import { startTestServer, type TestServer } from '../support/testServer';
import { at, firstOf } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

async function getGolden(id: string, query = ''): Promise<GoldenRecordView> {
  const response = await server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${id}${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe('matching into golden records', () => {
  test('a duplicate from another source auto-merges into the existing golden record, with the explanation stored', async () => {
    const { sap, lawson } = itemDuplicatePair();
    const first = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    expect(first.outcome).toBe('created');
    const second = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(second.outcome).toBe('merged');
    expect(second.goldenId).toBe(first.goldenId);

    expect(second.decision?.band).toBe('auto-merge');
    expect(second.decision?.rulesVersion).toMatch(/^item-/);
    const explanation = second.decision?.candidates[0]?.explanation as {
      comparators: Array<{ name: string; score: number | null }>;
      score: number;
    };
    expect(explanation.comparators.find((c) => c.name === 'gtin')?.score).toBe(1);
    expect(explanation.score).toBeGreaterThan(0);
    const stored = await server.running.services.store
      .collection<MatchDecisionDocument>(MATCH_DECISIONS)
      .findOne({ _id: second.decision?._id ?? '' });
    expect(stored?.goldenId).toBe(first.goldenId);

    const golden = await getGolden(first.goldenId, '?include=lineage,sources,history');
    expect(golden.sourceRecordIds).toEqual([first.sourceRecordId, second.sourceRecordId].sort());
    expect(golden.sources?.map((s) => s.source).sort()).toEqual(['lawson', 'sap']);
    // item rules: baseUom by source priority (sap before lawson); description the most complete.
    expect(golden.attributes.baseUom).toBe('EA');
    expect(golden.lineage?.baseUom).toMatchObject({ source: 'sap', strategy: 'sourcePriority', sourceRecordId: first.sourceRecordId });
    expect(golden.attributes.description).toBe(lawson.description);
    expect(golden.lineage?.description).toMatchObject({ source: 'lawson', strategy: 'mostComplete' });
    expect(golden.history?.map((h) => h.cause)).toEqual(['ingest', 'ingest']);
    expect(golden.history?.[1]?.actor.rule).toMatch(/^item-.*:/);

    const decisions = await server.request<{ items: MatchDecisionView[] }>('GET', `/api/v1/golden/item/${first.goldenId}/decisions`);
    expect(decisions.body.items.map((d) => [d.sourceRecordId, d.outcome])).toEqual([
      [second.sourceRecordId, 'merged'],
      [first.sourceRecordId, 'created'],
    ]);
    expect(decisions.body.items[0]).toMatchObject({ band: 'auto-merge', candidates: [{ goldenId: first.goldenId, band: 'auto-merge' }] });
    expect(at(at(decisions.body.items, 0).candidates, 0).explanation).toHaveProperty('comparators');
  });

  test('a doubtful match gets its own golden record and a potential-match task with the candidates', async () => {
    const base = itemRecord();
    const created = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: base });
    const vague = { sourceId: `EHR-${base.sourceId}`, description: `ETHICON ${String(base.manufacturerPartNumber)} SUTURE` };
    const result = await applyCanonical(server, { domain: 'item', source: 'ehr', canonical: vague });
    expect(result.outcome).toBe('review');
    expect(result.goldenId).not.toBe(created.goldenId);
    const task = await server.running.services.store
      .collection<TaskDocument>(TASKS)
      .findOne({ 'subject.sourceRecordId': result.sourceRecordId });
    expect(task).toMatchObject({ type: 'potential-match', status: 'open', domain: 'item', source: 'ehr', version: 1 });
    expect(task?.candidates?.[0]?.goldenId).toBe(created.goldenId);
    expect(task?.candidates?.[0]?.explanation).toHaveProperty('comparators');
  });

  test('packaging levels of one product are related golden records, never merged', async () => {
    const each = itemRecord();
    const base = String(each.gtin).slice(1, 13);
    const caseLevel = {
      sourceId: `CS-${each.sourceId}`,
      description: `${String(each.description)} CASE OF 12`,
      manufacturer: each.manufacturer,
      gtin: gtin(`1${base}`),
    };
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: each });
    const b = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: caseLevel });
    expect(b.goldenId).not.toBe(a.goldenId);
    const golden = await getGolden(b.goldenId, '?include=relationships');
    expect(golden.relationships).toEqual([
      expect.objectContaining({ type: 'packaging', otherGoldenId: a.goldenId, direction: 'outgoing' }),
    ]);
    const other = await getGolden(a.goldenId, '?include=relationships');
    expect(other.relationships).toEqual([expect.objectContaining({ type: 'packaging', otherGoldenId: b.goldenId, direction: 'incoming' })]);
  });

  test('the same record twice is unchanged; an update recomputes the golden record', async () => {
    const record = itemRecord();
    const first = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: record });
    const again = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: record });
    expect(again).toMatchObject({ outcome: 'unchanged', goldenId: first.goldenId });
    const updated = await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...record, price: { amount: 12.5, currency: 'USD', uom: 'EA' } },
    });
    expect(updated).toMatchObject({ outcome: 'updated', goldenId: first.goldenId });
    const golden = await getGolden(first.goldenId);
    expect(golden.version).toBe(2);
    expect(golden.attributes.price).toEqual({ amount: 12.5, currency: 'USD', uom: 'EA' });
    // A payload change the mapping ignores: a new version (lineage time), no re-matching.
    const rawOnly = await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...record, price: { amount: 12.5, currency: 'USD', uom: 'EA' } },
      rawExtra: { LAST_AUDIT_USER: 'jdoe' },
    });
    expect(rawOnly).toMatchObject({ outcome: 'updated', goldenId: first.goldenId, decision: null });
  });
});

describe('updates of a record alone in its golden record', () => {
  test('an update that makes it a duplicate merges its golden record into the match', async () => {
    const { sap, lawson } = itemDuplicatePair();
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    // First sent with another product's part number and GTIN: a golden record of its own.
    const other = itemRecord();
    const b = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...lawson, manufacturerPartNumber: other.manufacturerPartNumber, gtin: other.gtin },
    });
    expect(b.outcome).toBe('created');
    // The source corrects the record: it is re-matched and its golden record merges into the match.
    const corrected = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(corrected).toMatchObject({ outcome: 'merged', goldenId: a.goldenId });
    expect(corrected.decision).toMatchObject({ trigger: 'update', band: 'auto-merge' });
    const retired = await server.request<RetiredGoldenView>('GET', `/api/v1/golden/item/${b.goldenId}`);
    expect(retired.body).toMatchObject({ retired: true, survivorId: a.goldenId });
    const history = await server.request<{ items: HistoryEntryView[] }>('GET', `/api/v1/golden/item/${b.goldenId}/history`);
    expect(history.body.items.map((h) => h.cause)).toEqual(['ingest', 'ingest', 'merge']);
    expect(at(history.body.items, 2).actor.rule).toMatch(/^item-/);
    expect((await getGolden(a.goldenId)).sourceRecordIds).toEqual([a.sourceRecordId, b.sourceRecordId].sort());
  });
});

describe('not-a-match pairs', () => {
  test('a pair keeps two records apart until one of them changes in what the rules compare', async () => {
    const { sap, lawson } = itemDuplicatePair();
    const psoft = { ...sap, sourceId: `PS-${sap.sourceId}` };
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    const c = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: psoft });
    expect(c.goldenId).toBe(a.goldenId);
    // A steward said the lawson record is not this product: one pair per member, as stewardship stores them.
    const rules = await rulesFor({ store: server.running.services.store, domain: 'item' });
    const lawsonId = `item|lawson|${lawson.sourceId}`;
    for (const [memberId, member] of [
      [a.sourceRecordId, sap],
      [c.sourceRecordId, psoft],
    ] as const) {
      const [x, y] = firstOf([lawsonId, memberId].sort(), 2);
      await server.running.services.store.collection<NotAMatchDocument>(NOT_A_MATCH).insertOne({
        _id: `${x}~${y}`,
        domain: 'item',
        a: x,
        b: y,
        at: new Date().toISOString(),
        by: { keyId: 'k', name: 'steward', role: 'steward' },
        fingerprints: { [lawsonId]: fingerprintRecord(lawson, rules), [memberId]: fingerprintRecord(member, rules) },
      });
    }
    const b = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(b.outcome).toBe('created');
    expect(b.decision?.excludedByNotAMatch).toBe(2);
    // A change the rules do not compare: still apart.
    const priced = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...lawson, price: { amount: 3, currency: 'USD' } },
    });
    expect(priced.goldenId).toBe(b.goldenId);
    // The sap record changes its description (compared): its pair is reopened, the peoplesoft one still holds.
    await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...sap, description: `${String(sap.description)} STERILE` },
    });
    const rematched = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...lawson, price: { amount: 4, currency: 'USD' } },
    });
    expect(rematched).toMatchObject({ outcome: 'merged', goldenId: a.goldenId });
    expect(rematched.decision?.excludedByNotAMatch).toBe(1);
  });
});

describe('merge, retired ids and xrefs', () => {
  test('a merged id answers with a pointer to the survivor; xrefs resolve both ways', async () => {
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const b = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: itemRecord() });
    expect(a.goldenId).not.toBe(b.goldenId);
    const merged = await server.request<{ survivor: GoldenRecordView; retired: GoldenRecordView }>(
      'POST',
      `/api/v1/golden/item/${a.goldenId}/merge`,
      {
        body: { otherId: b.goldenId, reason: 'same catalogue item, confirmed with supplier', expectedVersion: 1, otherExpectedVersion: 1 },
      },
    );
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.survivor).toMatchObject({
      id: a.goldenId,
      version: 2,
      sourceRecordIds: [a.sourceRecordId, b.sourceRecordId].sort(),
    });
    expect(merged.body.retired).toMatchObject({ id: b.goldenId, status: 'retired', mergedInto: a.goldenId });

    const retired = await server.request<RetiredGoldenView>('GET', `/api/v1/golden/item/${b.goldenId}`);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({
      retired: true,
      id: b.goldenId,
      survivorId: a.goldenId,
      survivor: { id: a.goldenId, status: 'active' },
    });

    const [, source, sourceId] = firstOf(b.sourceRecordId.split('|'), 3, 'parts of the source record id');
    const xref = await server.request<XrefView & { golden: GoldenRecordView }>(
      'GET',
      `/api/v1/xref/item/${source}/${encodeURIComponent(sourceId)}`,
    );
    expect(xref.status).toBe(200);
    expect(xref.body).toMatchObject({ source: 'peoplesoft', sourceId, goldenId: a.goldenId, golden: { id: a.goldenId } });

    const xrefs = await server.request<{ goldenId: string; items: XrefView[] }>('GET', `/api/v1/golden/item/${b.goldenId}/xrefs`);
    expect(xrefs.body.goldenId).toBe(a.goldenId);
    expect(xrefs.body.items.map((x) => `${x.source}:${x.sourceId}`).sort()).toEqual([
      `peoplesoft:${sourceId}`,
      `sap:${a.sourceRecordId.split('|')[2]}`,
    ]);

    const history = await server.request<{ items: HistoryEntryView[] }>('GET', `/api/v1/golden/item/${b.goldenId}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      cause: 'merge',
      status: 'retired',
      mergedInto: a.goldenId,
      actor: { role: 'admin' },
    });

    const again = await server.request<{ error: { code: string } }>('POST', `/api/v1/golden/item/${a.goldenId}/merge`, {
      body: { otherId: b.goldenId, reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('GOLDEN_RETIRED');
  });

  test('unknown ids and unknown xrefs are 404; merging a record into itself is 400', async () => {
    expect((await server.request('GET', '/api/v1/golden/item/item-nope')).status).toBe(404);
    expect((await server.request('GET', '/api/v1/xref/item/sap/NOPE')).status).toBe(404);
    expect((await server.request('GET', '/api/v1/golden/nodomain')).status).toBe(404);
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const self = await server.request<{ error: { code: string } }>('POST', `/api/v1/golden/item/${a.goldenId}/merge`, {
      body: { otherId: a.goldenId, reason: 'x' },
    });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('SAME_RECORD');
    const noReason = await server.request('POST', `/api/v1/golden/item/${a.goldenId}/merge`, { body: { otherId: 'x' } });
    expect(noReason.status).toBe(400);
  });
});

describe('overrides, history, as-of and concurrency', () => {
  test('an override wins until cleared and survives recomputation; history and as-of show every version', async () => {
    const record = itemRecord();
    const created = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: record });
    const id = created.goldenId;
    const beforeOverride = new Date().toISOString();
    await clockPast(beforeOverride);

    const put = await server.request<GoldenRecordView>('PUT', `/api/v1/golden/item/${id}/overrides/description`, {
      body: { value: 'SUTURE VICRYL 3-0 SH (steward wording)', reason: 'catalogue standard wording', expectedVersion: 1 },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      version: 2,
      attributes: { description: 'SUTURE VICRYL 3-0 SH (steward wording)' },
      overrides: { description: { reason: 'catalogue standard wording', by: { role: 'admin' } } },
    });
    expect(put.body.lineage?.description?.strategy).toBe('override');

    // The source changes the description: the golden record is recomputed, the override still wins.
    await applyCanonical(server, {
      domain: 'item',
      source: 'sap',
      canonical: { ...record, description: `${String(record.description)} NEW`, baseUom: 'BX' },
    });
    const recomputed = await getGolden(id);
    expect(recomputed.version).toBe(3);
    expect(recomputed.attributes).toMatchObject({ description: 'SUTURE VICRYL 3-0 SH (steward wording)', baseUom: 'BX' });

    const stale = await server.request<{ error: { code: string; details: { current: { version: number } } } }>(
      'DELETE',
      `/api/v1/golden/item/${id}/overrides/description`,
      { body: { reason: 'back to source', expectedVersion: 2 } },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current.version).toBe(3);

    const cleared = await server.request<GoldenRecordView>('DELETE', `/api/v1/golden/item/${id}/overrides/description`, {
      body: { reason: 'back to source', expectedVersion: 3 },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.attributes.description).toBe(`${String(record.description)} NEW`);
    expect(cleared.body.overrides).toEqual({});
    expect((await server.request('DELETE', `/api/v1/golden/item/${id}/overrides/description`, { body: { reason: 'again' } })).status).toBe(
      404,
    );

    const history = await server.request<{ items: HistoryEntryView[] }>('GET', `/api/v1/golden/item/${id}/history`);
    expect(history.body.items.map((h) => [h.version, h.cause])).toEqual([
      [1, 'ingest'],
      [2, 'override'],
      [3, 'ingest'],
      [4, 'override-cleared'],
    ]);
    expect(at(history.body.items, 1).changes).toEqual([
      { attribute: 'description', before: record.description, after: 'SUTURE VICRYL 3-0 SH (steward wording)' },
    ]);

    const asOf = await server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${id}?asOf=${encodeURIComponent(beforeOverride)}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ version: 1, attributes: { description: record.description, baseUom: 'EA' }, overrides: {} });
    const asOfVersion3 = await server.request<GoldenRecordView>(
      'GET',
      `/api/v1/golden/item/${id}?asOf=${encodeURIComponent(at(history.body.items, 2).at)}`,
    );
    // Versions written within one millisecond share a timestamp: as-of answers the latest of them.
    expect(asOfVersion3.body.version).toBe(history.body.items.filter((h) => h.at <= at(history.body.items, 2).at).at(-1)?.version);
    expect(asOfVersion3.body.version).toBeGreaterThanOrEqual(3);
    expect((await server.request('GET', `/api/v1/golden/item/${id}?asOf=2000-01-01T00:00:00Z`)).status).toBe(404);
  });

  test.each([
    ['unknown attribute', 'colour', { value: 'red', reason: 'x' }, 422, 'UNKNOWN_ATTRIBUTE'],
    ['invalid value for the canonical schema', 'gtin', { value: '12345', reason: 'x' }, 422, 'INVALID_OVERRIDE_VALUE'],
    ['missing reason', 'description', { value: 'x' }, 400, 'VALIDATION_FAILED'],
    ['stale version', 'description', { value: 'x', reason: 'x', expectedVersion: 7 }, 409, 'STALE_VERSION'],
  ])('override rejected: %s', async (_, attribute, body, status, code) => {
    const created = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const response = await server.request<{ error: { code: string } }>(
      'PUT',
      `/api/v1/golden/item/${created.goldenId}/overrides/${attribute}`,
      { body },
    );
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect((await getGolden(created.goldenId)).version).toBe(1);
  });

  test('a stale version on a merge changes nothing', async () => {
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const b = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const response = await server.request<{ error: { code: string; details: { current: { id: string; version: number } } } }>(
      'POST',
      `/api/v1/golden/item/${a.goldenId}/merge`,
      {
        body: { otherId: b.goldenId, reason: 'x', otherExpectedVersion: 5 },
      },
    );
    expect(response.status).toBe(409);
    // The current state is presented like any golden record, never the stored document.
    expect(response.body.error.details.current).toMatchObject({ id: b.goldenId, version: 1, status: 'active' });
    expect(response.body.error.details.current).not.toHaveProperty('_id');
    expect((await getGolden(a.goldenId)).sourceRecordIds).toEqual([a.sourceRecordId]);
    expect((await getGolden(b.goldenId)).status).toBe('active');
  });
});

describe('unmerge', () => {
  test('the split-off record gets its own golden record, never returns to the one it left, and history says so on both', async () => {
    const { sap, lawson } = itemDuplicatePair();
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    const b = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(b.goldenId).toBe(a.goldenId);
    const merged = await getGolden(a.goldenId);
    const version = merged.version;
    // Versions are found by time: keep the unmerge out of the merge's millisecond.
    await clockPast(merged.updatedAt);

    const response = await server.request<{ golden: GoldenRecordView; newGoldenId: string; outcome: string }>(
      'POST',
      `/api/v1/golden/item/${a.goldenId}/unmerge`,
      {
        body: { sourceRecordId: b.sourceRecordId, reason: 'different sterile packaging', expectedVersion: version },
      },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.golden).toMatchObject({
      id: a.goldenId,
      sourceRecordIds: [a.sourceRecordId],
      attributes: { baseUom: 'EA', description: sap.description },
    });
    expect(response.body.newGoldenId).not.toBe(a.goldenId);
    expect(response.body.outcome).toBe('created');
    const split = await getGolden(response.body.newGoldenId, '?include=history');
    expect(split.sourceRecordIds).toEqual([b.sourceRecordId]);
    expect(split.history?.[0]).toMatchObject({ cause: 'unmerge', note: expect.stringContaining(a.goldenId) });
    const left = await server.request<{ items: HistoryEntryView[] }>('GET', `/api/v1/golden/item/${a.goldenId}/history`);
    expect(left.body.items.at(-1)).toMatchObject({
      cause: 'unmerge',
      note: expect.stringContaining(b.sourceRecordId),
      sourceRecordIds: [a.sourceRecordId],
    });
    // As of before the split, the record lists both members (with their current content).
    const beforeSplit = left.body.items.at(-2);
    const asOf = await server.request<GoldenRecordView>(
      'GET',
      `/api/v1/golden/item/${a.goldenId}?include=sources&asOf=${encodeURIComponent(beforeSplit?.at ?? '')}`,
    );
    expect(asOf.body.version).toBe(beforeSplit?.version);
    expect(asOf.body.sources?.map((s) => s.id)).toEqual([a.sourceRecordId, b.sourceRecordId].sort());

    // The source sends the record again with a change the rules do not compare: it stays apart.
    const resent = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...lawson, price: { amount: 4, currency: 'USD' } },
    });
    expect(resent.goldenId).toBe(response.body.newGoldenId);
    expect(resent.decision?.excludedByNotAMatch).toBeGreaterThan(0);
    const xref = await server.request<XrefView>('GET', `/api/v1/xref/item/lawson/${encodeURIComponent(lawson.sourceId)}`);
    expect(xref.body.goldenId).toBe(response.body.newGoldenId);

    const only = await server.request<{ error: { code: string } }>('POST', `/api/v1/golden/item/${a.goldenId}/unmerge`, {
      body: { sourceRecordId: a.sourceRecordId, reason: 'x' },
    });
    expect(only.status).toBe(409);
    expect(only.body.error.code).toBe('ONLY_SOURCE_RECORD');
    const notMember = await server.request<{ error: { code: string } }>('POST', `/api/v1/golden/item/${a.goldenId}/unmerge`, {
      body: { sourceRecordId: b.sourceRecordId, reason: 'x' },
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.code).toBe('NOT_A_MEMBER');
  });

  test('an unmerged record that matches another golden record joins it instead of getting a new one', async () => {
    const { sap, lawson } = itemDuplicatePair();
    const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: sap });
    const l = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: lawson });
    expect(l.goldenId).toBe(a.goldenId);
    const first = await server.request<{ newGoldenId: string }>('POST', `/api/v1/golden/item/${a.goldenId}/unmerge`, {
      body: { sourceRecordId: l.sourceRecordId, reason: 'checking' },
    });
    const lawsonGolden = first.body.newGoldenId;
    // A steward then merges the sap record's golden record into an unrelated one by mistake…
    const x = await applyCanonical(server, { domain: 'item', source: 'peoplesoft', canonical: itemRecord() });
    expect(
      (await server.request('POST', `/api/v1/golden/item/${x.goldenId}/merge`, { body: { otherId: a.goldenId, reason: 'mistake' } }))
        .status,
    ).toBe(200);
    // …and splits it off again: it matches the lawson record's golden record and joins it.
    const second = await server.request<{ newGoldenId: string; outcome: string; golden: GoldenRecordView }>(
      'POST',
      `/api/v1/golden/item/${x.goldenId}/unmerge`,
      { body: { sourceRecordId: a.sourceRecordId, reason: 'wrong merge' } },
    );
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({
      newGoldenId: lawsonGolden,
      outcome: 'merged',
      golden: { id: x.goldenId, sourceRecordIds: [x.sourceRecordId] },
    });
    expect((await getGolden(lawsonGolden)).sourceRecordIds).toEqual([a.sourceRecordId, l.sourceRecordId].sort());
  });
});

describe('recompute', () => {
  // Runs after the merges above on purpose: a merge must leave its survivor equal to what a recompute gives
  // (it once stamped moved members with the merge time, so lineage `at` and mostRecent drifted by a millisecond).
  test('a recompute job brings golden records in line with their members and leaves the others alone', async () => {
    const drifted = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    const steady = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: itemRecord() });
    // What a survivorship rule change amounts to: the golden record no longer follows from its members.
    await server.running.services.store
      .collection<SourceRecordDocument>(SOURCE_RECORDS)
      .updateOne({ _id: drifted.sourceRecordId }, { $set: { 'canonical.category': 'Wound closure' } });
    const response = await server.request<{ id: string }>('POST', '/api/v1/golden/item/recompute', {
      body: { reason: 'survivorship rules 1.1' },
    });
    expect(response.status, response.text).toBe(202);
    expect(response.headers.get('location')).toBe(`/api/v1/jobs/${response.body.id}`);
    const job = await server.running.services.jobs.waitFor(response.body.id);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ changed: 1 });
    const history = await server.request<{ items: HistoryEntryView[] }>('GET', `/api/v1/golden/item/${drifted.goldenId}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      version: 2,
      cause: 'recompute',
      changes: [{ attribute: 'category', before: null, after: 'Wound closure' }],
    });
    expect((await getGolden(steady.goldenId)).version).toBe(1);
  });
});
