/**
 * Vendor records accounts-payable teams retired without deleting them (supplier-3.4.0, alias tables
 * `accountsPayableFlags` and `accountsPayableCounters`, `accountsPayableNotes` 1.1.0): `ZZ` / `XX` prefixes,
 * `DO NOT USE`, `OBSOLETE`, `DUPLICATE OF 10045`, a copy counter after the legal form (`… INC 2`), and `+`
 * written for `&`. Through the public API:
 * - the markers are not part of the name (`POST /matching/verify`, name outcome `match`);
 * - a number that names another legal entity (`Cardinal Health 200`, `Cintas Corporation No. 2`) still differs;
 * - a marker is never a reason to merge: a retired copy known by name only is reviewed, not merged, and reaches a
 *   steward in the vendor's cluster task (`POST /ingest`, `GET /tasks`).
 * The companies here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { normalizeOrgName } from '../../server/identifiers/names';
import { ingestAccepted, publishMapping, startIngestServer, type IngestBody } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;

const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "addresses": CITY ? [{ "purposes": ["main"], "line1": STREET, "city": CITY, "state": STATE, "postalCode": POSTAL, "country": "US" }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'jde', domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

async function nameComparison(a: string, b: string): Promise<{ outcome: string; score: number | null } | undefined> {
  return comparatorOf(await verifyPair({ server, domain: 'supplier', a: { name: a }, b: { name: b } }), 'name');
}

describe('clean-up markers are not part of the name (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['ZZ KENTEC MEDICAL INC', 'Kentec Medical, Inc.'],
    ['ZZZ-STRADIS HEALTHCARE', 'STRADIS HEALTHCARE LLC'],
    ['XX MEDEGEN INC', 'Medegen Inc'],
    ['KENTEC MEDICAL INC - DO NOT USE', 'Kentec Medical Inc'],
    ['*DNU* STRADIS HEALTHCARE', 'Stradis Healthcare'],
    ['OBSOLETE - PHARMEDIUM SERVICES LLC', 'PharMEDium Services, LLC'],
    ['PHARMEDIUM SERVICES LLC INACTIVE', 'PHARMEDIUM SERVICES'],
    ['DUPLICATE - MEDEGEN INC', 'MEDEGEN INC'],
    ['MEDEGEN INC DUPLICATE OF 100452', 'Medegen, Inc.'],
    ['KENTEC MEDICAL INC USE VENDOR 20031', 'KENTEC MEDICAL'],
    ['KENTEC MEDICAL INC 2', 'Kentec Medical, Inc.'],
    ['KENTEC MEDICAL INC #2', 'KENTEC MEDICAL INC'],
    ['STRADIS HEALTHCARE LLC - 02', 'Stradis Healthcare, LLC'],
    ['B+B MEDICAL TECHNOLOGIES', 'B&B Medical Technologies'],
    ['BARNES + NOBLE EDUCATION INC', 'Barnes & Noble Education, Inc.'],
  ])('%s = %s', async (a, b) => {
    expect(await nameComparison(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    ['Cardinal Health 200, LLC', 'Cardinal Health 414, LLC'],
    ['CARDINAL HEALTH 2', 'CARDINAL HEALTH'],
  ])('a number or word that names another entity still differs: %s / %s', async (a, b) => {
    expect((await nameComparison(a, b))?.outcome).not.toBe('match');
  });

  test('a numbered subsidiary after the legal form is another entity: the number is read as an attribute (supplier-3.37.0)', async () => {
    // accountsPayableCounters 1.1.0 leaves `No. 2` after the form out of the compared name; the veto reads the number.
    const pair = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'CINTAS CORPORATION NO 2' },
      b: { name: 'Cintas Corporation' },
    });
    expect(pair.hardRule?.name).toBe('otherOperatingCompanyNumber');
    expect(pair.band).toBe('no-match');
  });

  test('a name made only of markers is kept as it was', () => {
    expect(normalizeOrgName('DO NOT USE')).toBe('DO NOT USE');
  });

  test('`+` between words or single letters reads as AND; inside a word it stays punctuation', () => {
    expect(normalizeOrgName('B+B Medical')).toBe('B AND B MEDICAL');
    expect(normalizeOrgName('Smith + Nephew')).toBe('SMITH AND NEPHEW');
    expect(normalizeOrgName('C++ Software')).toBe('C SOFTWARE');
  });
});

describe('a retired copy of a vendor known by name only (POST /ingest)', () => {
  let counter = 0;
  type Vendor = { NAME1: string; STREET?: string; CITY?: string; STATE?: string; POSTAL?: string };
  const ingestVendor = (vendor: Vendor): Promise<IngestBody['records'][number]> => {
    counter += 1;
    return ingestAccepted(server, { source: 'jde', domain: 'supplier', row: { VENDOR_ID: `JDE${counter}`, ...vendor } });
  };

  test('is not merged on its name, and reaches a steward in the vendor cluster task', async () => {
    const live = await ingestVendor({ NAME1: 'Harbor Point Biomedical, Inc.' });
    const retired = await ingestVendor({ NAME1: 'ZZ HARBOR POINT BIOMEDICAL INC - DO NOT USE' });
    const copy = await ingestVendor({ NAME1: 'HARBOR POINT BIOMEDICAL INC 2' });
    const other = await ingestVendor({ NAME1: 'HARBOR POINT DENTAL INC' });
    const ids = [live, retired, copy].map((r) => r.goldenId as string);
    expect(new Set(ids).size).toBe(3);
    const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
    expect(response.status, response.text).toBe(200);
    const task = response.body.items.find((t) => (t.members ?? []).some((m) => m.goldenId === live.goldenId));
    const members = (task?.members ?? []).map((m) => m.goldenId).sort();
    expect(members, JSON.stringify(task)).toEqual([...ids].sort());
    expect(members).not.toContain(other.goldenId);
  });
});
