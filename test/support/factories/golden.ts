/**
 * Factories for golden-record tests: build source records the way ingest stores them and apply them
 * through `applySourceRecord` (the use case ingest calls), against a test server's real store.
 */
import { createHash } from 'node:crypto';
import { applySourceRecord, SOURCE_RECORDS, type ApplySourceRecordResult, type SourceRecordDocument } from '../../../server/golden';
import { gs1CheckDigit } from '../../../server/identifiers';
import type { TestServer } from '../testServer';

/** A valid GTIN-14 from its first 13 digits (indicator + base). */
export function gtin(first13: string): string {
  return `${first13}${gs1CheckDigit(first13)}`;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const TEST_ACTOR = { keyId: 'test-ingest', name: 'test ingest', role: 'source:test' };

/** Applies a canonical record from `source` as ingest would (new record, or an update of the stored one). */
export async function applyCanonical(
  server: TestServer,
  input: {
    domain: string;
    source: string;
    canonical: Record<string, unknown> & { sourceId: string };
    at?: string;
    /** Raw fields the mapping ignores (change the payload, not the canonical record). */ rawExtra?: Record<string, unknown>;
  },
): Promise<ApplySourceRecordResult & { sourceRecordId: string }> {
  const { store } = server.running.services;
  const id = `${input.domain}|${input.source}|${input.canonical.sourceId}`;
  const previous = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: id });
  const at = input.at ?? new Date().toISOString();
  const record: SourceRecordDocument = {
    _id: id,
    domain: input.domain,
    source: input.source,
    sourceId: input.canonical.sourceId,
    goldenId: previous?.goldenId ?? '',
    raw: { ...input.canonical, _sentBy: input.source, ...input.rawExtra },
    canonical: input.canonical,
    payloadHash: hashOf({ canonical: input.canonical, rawExtra: input.rawExtra }),
    mappingVersion: 1,
    schemaVersion: '1.0.0',
    receivedAt: previous?.receivedAt ?? at,
    updatedAt: at,
    version: (previous?.version ?? 0) + 1,
  };
  const result = await applySourceRecord(server.running.services, { sourceRecord: record, previous, actor: TEST_ACTOR });
  return { ...result, sourceRecordId: id };
}

let counter = 0;

/** A realistic item with a fresh GTIN base and part number; `overrides` replace fields. */
export function itemRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> & { sourceId: string } {
  counter += 1;
  const n = String(100000 + counter);
  return {
    sourceId: `ITEM-${n}`,
    description: `SUTURE VICRYL 3-0 SH ${n} UNDYED`,
    manufacturer: { name: 'Ethicon, Inc.' },
    manufacturerPartNumber: `J${n}H`,
    gtin: gtin(`0070${n}123`.slice(0, 13).padEnd(13, '0')),
    baseUom: 'EA',
    ...overrides,
  } as Record<string, unknown> & { sourceId: string };
}

/** Two item records from different sources describing one product (same GTIN and part number): the second auto-merges into the first's golden record. */
export function itemDuplicatePair(): {
  sap: Record<string, unknown> & { sourceId: string };
  lawson: Record<string, unknown> & { sourceId: string };
} {
  const sap = itemRecord();
  const lawson = {
    sourceId: `LW-${sap.sourceId}`,
    description: `Suture, Vicryl 3-0 SH undyed ${String(sap.manufacturerPartNumber)}`,
    manufacturer: { name: 'ETHICON INC' },
    manufacturerPartNumber: String(sap.manufacturerPartNumber).replace(/^J/, 'J-'),
    gtin: sap.gtin,
    baseUom: 'BX',
  };
  return { sap, lawson };
}
