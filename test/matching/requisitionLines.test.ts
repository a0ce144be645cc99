/**
 * Dictated and scanned requisition lines through the public ingest API (item-3.19.0): a line dictated into a phone
 * (`vicryl three oh …`) is compared by the sizes it speaks, and a scanned line's GS1 element string gives its GTIN
 * while its lot and expiry count for nothing. Two sources with their own column names, as a requisition app and an
 * ERP item master export them; the lines are written for this test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest, publishMapping, startIngestServer, toNdjson, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;

const REQUISITION_APP = `{ "sourceId": REQ_ID, "description": SPOKEN_TEXT }`;
const ERP = `{ "sourceId": ITEM, "description": DESCRIPTION, "gtin": GTIN ? GTIN, "manufacturer": MANUF_NAME ? { "name": MANUF_NAME } }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'requisition-app', domain: 'item', expression: REQUISITION_APP });
  await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP });
});
afterAll(async () => server?.stop());

let counter = 0;

/** Sends one ERP row, then one requisition line, and returns both ingest results. */
async function sendPair(erp: { description: string; gtin?: string; manufacturer?: string }, requisition: string) {
  counter += 1;
  const a = await ingest(server, {
    source: 'erp',
    domain: 'item',
    contentType: 'application/x-ndjson',
    body: toNdjson([{ ITEM: `E${counter}`, DESCRIPTION: erp.description, GTIN: erp.gtin, MANUF_NAME: erp.manufacturer }]),
  });
  const b = await ingest(server, {
    source: 'requisition-app',
    domain: 'item',
    contentType: 'application/x-ndjson',
    body: toNdjson([{ REQ_ID: `R${counter}`, SPOKEN_TEXT: requisition }]),
  });
  expect(a.status, a.text).toBe(200);
  expect(b.status, b.text).toBe(200);
  const [ra, rb] = [at((a.body as IngestBody).records, 0, 'erp result'), at((b.body as IngestBody).records, 0, 'requisition result')];
  expect(ra.outcome, JSON.stringify(ra)).toBe('accepted');
  expect(rb.outcome, JSON.stringify(rb)).toBe('accepted');
  return { a: ra, b: rb };
}

/** The goldens proposed to a steward for a record, if any. */
async function proposedFor(sourceRecordId: string | undefined): Promise<string[]> {
  const response = await server.request<{
    items: Array<{ subject: { sourceRecordId?: string }; candidates?: Array<{ goldenId: string }> }>;
  }>('GET', '/api/v1/tasks?domain=item&type=potential-match&limit=200');
  expect(response.status, response.text).toBe(200);
  const task = response.body.items.find((item) => item.subject.sourceRecordId === sourceRecordId);
  return task?.candidates?.map((candidate) => candidate.goldenId) ?? [];
}

/** The attributes comparator's details for two descriptions, as `POST /matching/verify` explains them. */
async function attributeDetails(a: string, b: string): Promise<Array<{ attribute: string; agrees: boolean }>> {
  const verify = await server.request<{
    explanation: { comparators: Array<{ type: string; details?: Array<{ attribute: string; agrees: boolean }> }> };
  }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'item', a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b } },
  });
  expect(verify.status, verify.text).toBe(200);
  return verify.body.explanation.comparators.find((c) => c.type === 'attributes')?.details ?? [];
}

describe('a dictated size that differs is a different product', () => {
  test.each([
    ['SUTURE COATED VICRYL 2-0 CT-1 27IN VIOLET', 'coated vicryl three oh ct one twenty seven inch violet', 'sutureSize'],
    ['CATHETER FOLEY LATEX 2-WAY 18FR 5ML', 'latex foley catheters two way sixteen french five mil balloon', 'french'],
  ])('%s vs %s: not merged, not proposed (%s)', async (erp, requisition, attribute) => {
    const { a, b } = await sendPair({ description: erp, manufacturer: 'Maker' }, requisition);
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(b.match).not.toBe('merged');
    expect(await proposedFor(b.sourceRecordId)).not.toContain(a.goldenId);
    // Told apart by the size the line speaks, not only by its other words.
    expect(await attributeDetails(erp, requisition)).toContainEqual(expect.objectContaining({ attribute, agrees: false }));
  });

  test('the same sizes dictated agree on them (verify explains the pair)', async () => {
    const details = await attributeDetails(
      'CATHETER FOLEY LATEX 2-WAY 16FR 5ML',
      'latex foley catheters two way sixteen french five mil balloon',
    );
    expect(details).toContainEqual(expect.objectContaining({ attribute: 'french', agrees: true }));
    expect(details).toContainEqual(expect.objectContaining({ attribute: 'volume', agrees: true }));
    expect(details.filter((detail) => !detail.agrees)).toEqual([]);
  });
});

describe('a scanned line is matched by the GTIN of its element string', () => {
  test('merged with the ERP record of that GTIN, whatever the lot and expiry', async () => {
    const { a, b } = await sendPair(
      { description: 'GLOVE EXAM NITRILE PF MEDIUM 100/BX', gtin: '00614141999996', manufacturer: 'Maker' },
      '(01)00614141999996(17)270630(10)LOT42A NITRILE GLOVE M qty 4',
    );
    expect(b.match).toBe('merged');
    expect(b.goldenId).toBe(a.goldenId);
  });

  test('not merged with the record of another GTIN of the same label', async () => {
    const { a, b } = await sendPair(
      { description: 'GLOVE EXAM NITRILE PF LARGE 100/BX', gtin: '00614141999989', manufacturer: 'Maker' },
      '(01)10614141999993(17)270630(10)LOT42A NITRILE GLOVE L qty 4',
    );
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(b.match).not.toBe('merged');
  });
});
