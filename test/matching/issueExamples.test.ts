/**
 * Every example at the top of issue 9, through the public ingest API on a real test server with the
 * shipped rules and alias tables: different products (a suture size, a catheter gauge, two software
 * titles of one year) are never merged; real duplicates written differently (BD vs Becton Dickinson,
 * PF SM 100/BX vs POWDER FREE SMALL 100 PER BOX) are found — merged or put before a steward.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest, publishMapping, startIngestServer, toNdjson, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;

// Two item masters with their own column names, as two hospitals' ERPs export them.
const LAWSON = `{ "sourceId": ITEM, "description": DESCRIPTION, "manufacturer": MANUF_NAME ? { "name": MANUF_NAME } }`;
const EPIC = `{ "sourceId": SUPPLY_ID, "description": SUPPLY_NAME, "manufacturer": MFR ? { "name": MFR } }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'lawson', domain: 'item', expression: LAWSON });
  await publishMapping(server, { source: 'epic-supply', domain: 'item', expression: EPIC });
});
afterAll(async () => server?.stop());

let counter = 0;

/** Sends one row from each source (the first, then the second) and returns both ingest results. */
async function sendPair(first: { description: string; manufacturer?: string }, second: { description: string; manufacturer?: string }) {
  counter += 1;
  const a = await ingest(server, {
    source: 'lawson',
    domain: 'item',
    contentType: 'application/x-ndjson',
    body: toNdjson([{ ITEM: `L${counter}`, DESCRIPTION: first.description, MANUF_NAME: first.manufacturer }]),
  });
  const b = await ingest(server, {
    source: 'epic-supply',
    domain: 'item',
    contentType: 'application/x-ndjson',
    body: toNdjson([{ SUPPLY_ID: `E${counter}`, SUPPLY_NAME: second.description, MFR: second.manufacturer }]),
  });
  expect(a.status, a.text).toBe(200);
  expect(b.status, b.text).toBe(200);
  const [ra, rb] = [at((a.body as IngestBody).records, 0, 'lawson result'), at((b.body as IngestBody).records, 0, 'epic-supply result')];
  expect(ra.outcome, JSON.stringify(ra)).toBe('accepted');
  expect(rb.outcome, JSON.stringify(rb)).toBe('accepted');
  return { a: ra, b: rb };
}

interface TaskView {
  id: string;
  subject: { goldenId?: string; sourceRecordId?: string };
  candidates?: Array<{
    goldenId: string;
    band: string;
    explanation: { hardRule: { name: string } | null; comparators: Array<{ name: string; outcome: string; details?: unknown[] }> };
  }>;
}

/** The open potential-match task of a record, if any. */
async function reviewTaskFor(sourceRecordId: string | undefined): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?domain=item&type=potential-match&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => task.subject.sourceRecordId === sourceRecordId);
}

describe('different products are not auto-merged', () => {
  test.each([
    {
      title: 'suture size 3-0 vs 4-0',
      first: { description: 'SUTURE VICRYL 3-0 SH 27IN UNDYED', manufacturer: 'Ethicon Inc' },
      second: { description: 'SUTURE VICRYL 4-0 SH 27IN UNDYED', manufacturer: 'ETHICON' },
      attribute: 'sutureSize',
    },
    {
      title: 'catheter gauge 18G vs 20G',
      first: { description: 'CATHETER IV INSYTE 18G X 1.16IN', manufacturer: 'Becton Dickinson' },
      second: { description: 'CATHETER IV INSYTE 20G X 1.16IN', manufacturer: 'Becton Dickinson' },
      attribute: 'gauge',
    },
  ])('$title', async ({ first, second, attribute }) => {
    const { a, b } = await sendPair(first, second);
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(b.match).not.toBe('merged');
    // Vetoed outright: not even a steward question.
    expect(await reviewTaskFor(b.sourceRecordId)).toBeUndefined();
    const verify = await server.request<{
      explanation: {
        band: string;
        hardRule: { name: string } | null;
        comparators: Array<{ type: string; details?: Array<{ attribute: string; agrees: boolean }> }>;
      };
    }>('POST', '/api/v1/matching/verify', {
      body: {
        domain: 'item',
        a: { sourceId: 'a', description: first.description, manufacturer: { name: first.manufacturer } },
        b: { sourceId: 'b', description: second.description, manufacturer: { name: second.manufacturer } },
      },
    });
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body.explanation.band).toBe('no-match');
    expect(verify.body.explanation.hardRule?.name).toBe('attributeConflict');
    const details = verify.body.explanation.comparators.find((c) => c.type === 'attributes')?.details ?? [];
    expect(details).toContainEqual(expect.objectContaining({ attribute, agrees: false }));
  });

  test('microsoft word 2004 (mac) vs microsoft powerpoint 2004 (mac): the year is not a catalog number', async () => {
    const { a, b } = await sendPair(
      { description: 'microsoft word 2004 (mac)', manufacturer: 'Microsoft' },
      { description: 'microsoft powerpoint 2004 (mac)', manufacturer: 'Microsoft' },
    );
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(b.match).not.toBe('merged');
    const task = await reviewTaskFor(b.sourceRecordId);
    const catalogInText = task?.candidates?.[0]?.explanation.comparators.find((c) => c.name === 'catalogInText');
    // If a steward is asked at all, it is not because of a shared "code".
    if (catalogInText) expect(catalogInText.outcome).not.toBe('match');
  });
});

describe('real duplicates written differently are found', () => {
  test('NEEDLE HYPODERMIC 25G X 1IN by BD vs by Becton Dickinson', async () => {
    const { a, b } = await sendPair(
      { description: 'NEEDLE HYPODERMIC 25G X 1IN', manufacturer: 'BD' },
      { description: 'NEEDLE HYPODERMIC 25G X 1IN', manufacturer: 'Becton Dickinson' },
    );
    if (b.match === 'merged') {
      expect(b.goldenId).toBe(a.goldenId);
      return;
    }
    expect(b.match).toBe('review');
    const task = await reviewTaskFor(b.sourceRecordId);
    expect(task?.candidates?.map((c) => c.goldenId)).toContain(a.goldenId);
    const manufacturer = task?.candidates?.[0]?.explanation.comparators.find((c) => c.name === 'manufacturer');
    expect(manufacturer?.outcome).toBe('match');
  });

  test('GLOVE EXAM NITRILE PF SM 100/BX vs NITRILE EXAM GLOVE POWDER FREE SMALL 100 PER BOX', async () => {
    const { a, b } = await sendPair(
      { description: 'GLOVE EXAM NITRILE PF SM 100/BX' },
      { description: 'NITRILE EXAM GLOVE POWDER FREE SMALL 100 PER BOX' },
    );
    if (b.match === 'merged') {
      expect(b.goldenId).toBe(a.goldenId);
      return;
    }
    expect(b.match).toBe('review');
    const task = await reviewTaskFor(b.sourceRecordId);
    expect(task?.candidates?.map((c) => c.goldenId)).toContain(a.goldenId);
    const attributes = task?.candidates?.[0]?.explanation.comparators.find((c) => c.name === 'attributes');
    expect(attributes?.outcome).toBe('match');
  });

  test('the same glove in another size is not proposed', async () => {
    const { a, b } = await sendPair(
      { description: 'GLOVE EXAM NITRILE PF SM 100/BX' },
      { description: 'NITRILE EXAM GLOVE POWDER FREE LARGE 100 PER BOX' },
    );
    expect(b.goldenId).not.toBe(a.goldenId);
    const task = await reviewTaskFor(b.sourceRecordId);
    expect(task?.candidates?.map((c) => c.goldenId) ?? []).not.toContain(a.goldenId);
  });
});
