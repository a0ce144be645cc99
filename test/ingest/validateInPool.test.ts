/**
 * Validation and standardisation in the mapping workers (docs/INGEST.md, twelfth pass) must change nothing: the same
 * rows ingested with it and without it (MDM_VALIDATE_IN_MAPPING_WORKERS=false: both stages on the main thread) give the
 * same results — the same exceptions with the same stage, code, path, message and line — and the same stored records,
 * also after a new mapping version is published between two uploads; and the workers must actually have done the work
 * (their metric).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_VENDOR_EXPRESSION, erpVendorRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';

let inPool: TestServer;
let mainOnly: TestServer;

beforeAll(async () => {
  [inPool, mainOnly] = await Promise.all([startIngestServer(), startIngestServer({ env: { MDM_VALIDATE_IN_MAPPING_WORKERS: 'false' } })]);
  for (const server of [inPool, mainOnly])
    await publishMapping(server, { source: 'erp', domain: 'supplier', expression: ERP_VENDOR_EXPRESSION });
});
afterAll(async () => Promise.all([inPool?.stop(), mainOnly?.stop()]));

interface IngestedRecord {
  outcome: string;
  sourceId?: string;
  position: unknown;
  exception?: { id: string; stage: string; code: string; path?: string; message: string };
}

/** Results without the random ids, and the stored source records' canonical forms. */
async function outcomeOf(server: TestServer, rows: Array<Record<string, string>>) {
  const response = await ingest(server, { source: 'erp', domain: 'supplier', body: toNdjson(rows), contentType: 'application/x-ndjson' });
  expect(response.status, response.text).toBe(200);
  const records = response.body.records as IngestedRecord[];
  const sourceRecords = await server.running.services.store
    .collection('sourceRecords')
    .find({ source: 'erp', domain: 'supplier' }, { sort: { sourceId: 1 } });
  return {
    totals: response.body.totals,
    records: records.map(({ outcome, sourceId, position, exception }) => ({
      outcome,
      sourceId,
      position,
      ...(exception ? { exception: { ...exception, id: undefined } } : {}),
    })),
    stored: sourceRecords.map((record) => ({
      sourceId: record.sourceId,
      canonical: record.canonical,
      mappingVersion: record.mappingVersion,
    })),
  };
}

async function validatedInPool(server: TestServer): Promise<number> {
  const metrics = await server.request('GET', '/metrics');
  const lines = metrics.text.split('\n').filter((line) => line.startsWith('mdm_ingest_records_validated_in_pool_total{'));
  return lines.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** Valid vendors among ones failing at each stage, in one upload. */
function mixedRows(tag: string): Array<Record<string, string>> {
  return [
    erpVendorRow({ VENDOR_ID: `${tag}-01` }),
    erpVendorRow({ VENDOR_ID: `${tag}-02`, TAX_ID: '310958666X' }),
    erpVendorRow({ VENDOR_ID: `${tag}-03`, POSTAL: 'NOT-A-ZIP' }),
    erpVendorRow({ VENDOR_ID: `${tag}-04`, NAME1: ' \u0007 ' }),
    erpVendorRow({ VENDOR_ID: '   ' }),
    erpVendorRow({ VENDOR_ID: `${tag}-06`, NAME1: '  Owens   &  Minor®  Inc. ', POSTAL: ' 02115 ' }),
    erpVendorRow({ VENDOR_ID: `${tag}-07`, NPI: '1234567890' }),
    erpVendorRow({ VENDOR_ID: `${tag}-08` }),
  ];
}

test('an invalid record among valid ones: the same exceptions, lines and stored records with the stages in the workers', async () => {
  const rows = mixedRows('A');
  const [pooled, local] = [await outcomeOf(inPool, rows), await outcomeOf(mainOnly, rows)];
  expect(pooled).toEqual(local);
  expect(
    pooled.records.map((record) => record.exception && [record.exception.stage, record.exception.code, record.exception.path]),
  ).toEqual([
    undefined,
    ['validate', 'INVALID_EIN', 'taxId'],
    ['standardise', 'INVALID_POSTAL_CODE', 'addresses[0].postalCode'],
    ['standardise', 'SCHEMA_VIOLATION', 'name'],
    ['validate', 'MISSING_SOURCE_ID', 'sourceId'],
    undefined,
    ['validate', 'INVALID_NPI', 'npi'],
    undefined,
  ]);
  expect(pooled.totals).toEqual({ received: 8, accepted: 3, unchanged: 0, exceptions: 5 });
  // Every record with a sourceId was validated in the workers; none on the server without them.
  expect(await validatedInPool(inPool)).toBe(7);
  expect(await validatedInPool(mainOnly)).toBe(0);
});

test('a mapping published between two uploads reaches the workers: the second upload is validated under it', async () => {
  // The new version writes the tax id without its dash and the name in capitals: other records, other answers.
  const changed = ERP_VENDOR_EXPRESSION.replace('"taxId": TAX_ID ? TAX_ID', '"taxId": TAX_ID ? $replace(TAX_ID, "-", "")').replace(
    '"name": NAME1',
    '"name": $uppercase(NAME1)',
  );
  expect(changed).not.toBe(ERP_VENDOR_EXPRESSION);
  const before = await validatedInPool(inPool);
  for (const server of [inPool, mainOnly]) await publishMapping(server, { source: 'erp', domain: 'supplier', expression: changed });
  const rows = mixedRows('B');
  const [pooled, local] = [await outcomeOf(inPool, rows), await outcomeOf(mainOnly, rows)];
  expect(pooled).toEqual(local);
  expect(pooled.stored.filter((record) => String(record.sourceId).startsWith('B-')).map((record) => record.mappingVersion)).not.toContain(
    1,
  );
  expect(await validatedInPool(inPool)).toBe(before + 7);
});
