/**
 * Factories for ingest tests: a test server without the repository's mappings (each test publishes
 * the mapping it needs through the API), realistic ERP item and vendor rows, and body builders.
 */
import { expect } from 'vitest';
import { mkdtemp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gs1CheckDigit } from '../../../server/identifiers';
import { startTestServer, type TestServer } from '../testServer';
import { at } from '../must';

/** A test server whose mappings-as-code folder is empty. */
export async function startIngestServer(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<TestServer> {
  const mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-'));
  await mkdir(path.join(mappingsDir, 'lookups'));
  return startTestServer({ env: { MDM_MAPPINGS_DIR: mappingsDir, ...options.env }, dataDir: options.dataDir });
}

/** PUTs a draft and publishes it; returns the published version number. */
export async function publishMapping(server: TestServer, input: { source: string; domain: string; expression: string }): Promise<number> {
  const put = await server.request('PUT', `/api/v1/mappings/${input.source}/${input.domain}`, { body: { expression: input.expression } });
  if (put.status !== 200 && put.status !== 201) throw new Error(`PUT mapping failed: ${put.status} ${put.text}`);
  const published = await server.request<{ version: { version: number } }>(
    'POST',
    `/api/v1/mappings/${input.source}/${input.domain}/publish`,
    { body: {} },
  );
  if (published.status !== 201 && published.status !== 200) throw new Error(`publish failed: ${published.status} ${published.text}`);
  return published.body.version.version;
}

/** A valid GTIN-14 from its first 13 digits. */
export function gtin14(first13: string): string {
  return `${first13}${gs1CheckDigit(first13)}`;
}

/** An ERP item-master mapping (PeopleSoft-like field names) with units through `$uppercase`. */
export const ERP_ITEM_EXPRESSION = `{
  "sourceId": INV_ITEM_ID,
  "status": ITM_STATUS = 'I' ? 'inactive' : 'active',
  "description": DESCR60,
  "manufacturer": MFG_NAME ? { "name": MFG_NAME },
  "manufacturerPartNumber": MFG_ITM_ID,
  "gtin": GTIN ? GTIN,
  "ndc": NDC ? NDC,
  "baseUom": UNIT_MEASURE_STD ? $uppercase(UNIT_MEASURE_STD)
}`;

let itemCounter = 0;

/** A realistic item row; each call gets a fresh id, GTIN and part number unless overridden. */
export function erpItemRow(overrides: Record<string, string> = {}): Record<string, string> & { INV_ITEM_ID: string; GTIN: string } {
  itemCounter += 1;
  const n = String(itemCounter).padStart(6, '0');
  return {
    INV_ITEM_ID: `1${n}`,
    ITM_STATUS: 'A',
    DESCR60: `CATHETER IV ${18 + (itemCounter % 6)}G X 1.16IN SAFETY LOT ${n}`,
    MFG_NAME: 'Becton Dickinson',
    MFG_ITM_ID: `381${n}`,
    GTIN: gtin14(`0038291${n}`),
    UNIT_MEASURE_STD: 'ea',
    ...overrides,
  };
}

/**
 * `count` items, then the same items again under other ids (same GTIN and part number unless every fourth,
 * every third reworded): the copies block with, and mostly merge into, the first ones.
 */
export function itemRowsWithCopies(count: number): Array<Record<string, string>> {
  const items = Array.from({ length: count }, () => erpItemRow());
  const again = items.map((item, index) => ({
    ...item,
    INV_ITEM_ID: `9${item.INV_ITEM_ID}`,
    DESCR60: index % 3 === 0 ? `${item.DESCR60} STERILE` : (item.DESCR60 ?? ''),
    GTIN: index % 4 === 0 ? gtin14(`0099${String(index).padStart(9, '0')}`) : item.GTIN,
  }));
  return [...items, ...again];
}

/** A vendor mapping with identifiers checked by the canonical schema (EIN, NPI) and a postal code. */
export const ERP_VENDOR_EXPRESSION = `{
  "sourceId": VENDOR_ID,
  "name": NAME1,
  "taxId": TAX_ID ? TAX_ID,
  "npi": NPI ? NPI,
  "addresses": POSTAL ? [{ "purposes": ["main"], "line1": ADDRESS1, "city": CITY, "state": STATE, "postalCode": POSTAL, "country": "US" }]
}`;

/** A realistic vendor row. */
export function erpVendorRow(overrides: Record<string, string> = {}): Record<string, string> {
  itemCounter += 1;
  return {
    VENDOR_ID: String(12000 + itemCounter).padStart(10, '0'),
    NAME1: `Cardinal Health ${itemCounter}, Inc.`,
    TAX_ID: '31-0958666',
    NPI: '1245319599',
    ADDRESS1: '7000 Cardinal Place',
    CITY: 'Dublin',
    STATE: 'OH',
    POSTAL: '43017-1091',
    ...overrides,
  };
}

/** CSV with a header row from flat rows (fields quoted when needed). */
export function toCsv(rows: Array<Record<string, string>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | undefined) => (value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n') + '\n';
}

/** NDJSON, one record per line. */
export function toNdjson(rows: unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

export interface IngestBody {
  totals: { received: number; accepted: number; unchanged: number; exceptions: number };
  mappingVersion: number;
  schemaVersion: string;
  records: Array<{
    index: number;
    outcome: 'accepted' | 'unchanged' | 'exception';
    sourceId?: string;
    goldenId?: string;
    sourceRecordId?: string;
    change?: string;
    match?: string;
    position: { line?: number; index?: number };
    exception?: { id: string; stage: string; code: string; path?: string; message: string };
  }>;
}

/** POSTs records to the inline ingest endpoint. */
export function ingest(
  server: TestServer,
  input: { source: string; domain: string; body: string; contentType: string; key?: string; headers?: Record<string, string> },
) {
  return server.request<IngestBody>('POST', `/api/v1/ingest/${input.source}/${input.domain}`, {
    raw: input.body,
    contentType: input.contentType,
    key: input.key,
    headers: input.headers,
  });
}

/** Ingests one row as NDJSON and asserts it was accepted; returns its record answer. */
export async function ingestAccepted(
  server: TestServer,
  input: { source: string; domain: string; row: Record<string, unknown> },
): Promise<IngestBody['records'][number]> {
  const response = await ingest(server, {
    source: input.source,
    domain: input.domain,
    contentType: 'application/x-ndjson',
    body: toNdjson([input.row]),
  });
  expect(response.status, response.text).toBe(200);
  const record = at(response.body.records, 0);
  expect(record.outcome, JSON.stringify(record)).toBe('accepted');
  return record;
}

/**
 * Match decisions in a form two servers can compare: golden ids (random) replaced by `groupOf` of them — the sorted
 * member ids of their golden record — and only the fields a decision's meaning rests on.
 */
export function comparableDecisions(decisions: Array<Record<string, unknown>>, groupOf: (goldenId: string) => string) {
  return decisions.map((decision) => ({
    sourceRecordId: decision.sourceRecordId,
    outcome: decision.outcome,
    band: decision.band,
    score: decision.score,
    ruleFired: decision.ruleFired,
    candidatesConsidered: decision.candidatesConsidered,
    candidates: (decision.candidates as Array<Record<string, unknown>>).map(({ goldenId, ...rest }) => ({
      ...rest,
      group: groupOf(String(goldenId)),
    })),
  }));
}
