/**
 * Vendor names with accounts-payable notes after the legal name (supplier-3.3.0, alias table
 * `accountsPayableNotes`, mode `removeFrom`): remit-to and lockbox records, attention and care-of lines,
 * a PO box, the payment channel, and a trade or former name after DBA / D/B/A / FKA. Through the public API:
 * - the note and what follows it are not part of the name (`POST /matching/verify`, name outcome `match`);
 * - a name that starts with such a word keeps it, and a different legal name before the note still differs;
 * - records of one vendor known by name only, written with such notes, reach a steward as one cluster task
 *   (`POST /ingest`, `GET /tasks`), while a franchisee of the same brand in another city stays out of it.
 * The companies here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { ingestAccepted, publishMapping, startIngestServer, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

let server: TestServer;

const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "addresses": CITY ? [{ "purposes": [PURPOSE ? PURPOSE : "main"], "line1": STREET, "city": CITY, "state": STATE, "postalCode": POSTAL, "country": "US" }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'ap', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'portal', domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

interface Explanation {
  band: string;
  comparators: Array<{ name: string; outcome: string; score: number | null }>;
}

async function nameComparison(a: string, b: string): Promise<{ outcome: string; score: number | null } | undefined> {
  const response = await server.request<{ explanation: Explanation }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'supplier', a: { sourceId: 'a', name: a }, b: { sourceId: 'b', name: b } },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation.comparators.find((c) => c.name === 'name');
}

describe('accounts-payable notes are not part of the name (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['KENTEC MEDICAL INC - REMIT', 'Kentec Medical, Inc.'],
    ['KENTEC MEDICAL INC REMIT TO', 'KENTEC MEDICAL INC'],
    ['STRADIS HEALTHCARE LOCKBOX 934112', 'Stradis Healthcare'],
    ['STRADIS HEALTHCARE - LOCK BOX 12', 'STRADIS HEALTHCARE LLC'],
    ['PHARMEDIUM SERVICES LLC ATTN AR', 'PharMEDium Services, LLC'],
    ['PHARMEDIUM SERVICES LLC ATTN: ACCOUNTS RECEIVABLE', 'PHARMEDIUM SERVICES'],
    ['MEDEGEN INC C/O BANK OF AMERICA', 'Medegen, Inc.'],
    ['SOUTHWEST MEDICAL DBA SWM SUPPLY', 'Southwest Medical'],
    ['SOUTHWEST MEDICAL D/B/A SWM SUPPLY', 'SOUTHWEST MEDICAL INC'],
    ['TRI-ANIM HEALTH SERVICES INC FKA TRI-ANIM', 'Tri-anim Health Services, Inc.'],
    ['KENTEC MEDICAL INC ACH', 'KENTEC MEDICAL'],
    ['KENTEC MEDICAL INC P.O. BOX 5021', 'Kentec Medical Inc'],
  ])('%s = %s', async (a, b) => {
    expect(await nameComparison(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    ['GE HEALTHCARE', 'General Electric Healthcare'],
    ['IL DIAGNOSTICS INC - REMIT', 'Instrumentation Laboratory Diagnostics, Inc.'],
  ])('an acronym and its expansion with another word in common: %s = %s', async (a, b) => {
    expect(await nameComparison(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    ['KABUSHIKI KAISHA TOSHIBA', 'Toshiba Corporation'],
    ['Yugen Kaisha Kyowa Seisakusho', 'KYOWA SEISAKUSHO K.K.'],
    ['OOO MEDTEKHNIKA', 'Medtekhnika LLC'],
  ])('a legal form written before the name (legalPrefixes): %s = %s', async (a, b) => {
    expect(await nameComparison(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a name that starts with such a word is a name, and a different name before the note still differs', async () => {
    expect(await nameComparison('Lockbox Services, Inc.', 'LOCKBOX SERVICES INC')).toMatchObject({ outcome: 'match' });
    expect((await nameComparison('LOCKBOX SERVICES INC', 'Services, Inc.'))?.outcome).not.toBe('match');
    const differentNames: Array<[string, string]> = [
      ['KENTEC SCIENTIFIC INC - REMIT', 'Kentec Medical, Inc.'],
      ['SWM SUPPLY DBA SOUTHWEST MEDICAL', 'Southwest Medical'],
    ];
    for (const [a, b] of differentNames) {
      expect((await nameComparison(a, b))?.outcome, `${a} / ${b}`).not.toBe('match');
    }
  });
});

let counter = 0;
type Vendor = { NAME1: string; STREET?: string; CITY?: string; STATE?: string; POSTAL?: string; PURPOSE?: string };

function ingestVendor(source: string, vendor: Vendor): Promise<IngestBody['records'][number]> {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'supplier', row: { VENDOR_ID: `AP${counter}`, ...vendor } });
}

async function openClusterTaskOf(goldenId: string): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
}

describe('one vendor written with remit-to, lockbox and DBA notes (POST /ingest)', () => {
  test('reaches a steward as one cluster task; a franchisee of the brand elsewhere stays out', async () => {
    const vendor = [
      await ingestVendor('portal', {
        NAME1: 'Brightline Linen Services, LLC',
        STREET: '4100 Commerce Dr',
        CITY: 'Toledo',
        STATE: 'OH',
        POSTAL: '43612',
      }),
      await ingestVendor('ap', {
        NAME1: 'BRIGHTLINE LINEN SERVICES LLC - REMIT',
        STREET: 'PO BOX 77120',
        CITY: 'DETROIT',
        STATE: 'MI',
        POSTAL: '48277',
        PURPOSE: 'remit',
      }),
      await ingestVendor('ap', {
        NAME1: 'BRIGHTLINE LINEN SERVICES LOCKBOX 77120',
        STREET: 'PO BOX 77120',
        CITY: 'DETROIT',
        STATE: 'MI',
        POSTAL: '48277-0120',
        PURPOSE: 'remit',
      }),
      await ingestVendor('ap', {
        NAME1: 'BRIGHTLINE LINEN SERVICES LLC DBA BRIGHTLINE HEALTHCARE LAUNDRY',
        STREET: '4100 COMMERCE DRIVE',
        CITY: 'TOLEDO',
        STATE: 'OH',
        POSTAL: '43612',
      }),
    ];
    const franchisee = await ingestVendor('ap', {
      NAME1: 'BRIGHTLINE LINEN SERVICES OF DAYTON',
      STREET: '77 Wyoming St',
      CITY: 'Dayton',
      STATE: 'OH',
      POSTAL: '45410',
    });

    const goldenIds = [...new Set(vendor.map((r) => r.goldenId as string))];
    const task = await openClusterTaskOf(vendor[1]?.goldenId as string);
    const members = (task?.members ?? []).map((m) => m.goldenId);
    // Name-only evidence at another address (the lockbox) is never an auto-merge: the vendor's records are
    // several golden records, and all of them are one cluster task.
    expect(goldenIds.length).toBeGreaterThan(1);
    expect(members.sort(), JSON.stringify(task)).toEqual([...goldenIds].sort());
    expect(members).not.toContain(franchisee.goldenId);
    expect(goldenIds).not.toContain(franchisee.goldenId);
  });
});
