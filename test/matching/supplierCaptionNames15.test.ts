/**
 * Supplier names as court captions, lien filings, claims registers, certificates of insurance and the Georgian and
 * Maghreb registers write them (supplier-3.20.0, captionNames.ts; fuzzy / name-key param `captionNames`, text rewrite
 * `legalDescription`, attributes `incorporation` and `numberedCompany`, Georgian and Arabic legal forms):
 * - a legal description (`, a Delaware corporation`), a group tail (`and its subsidiaries`) or an agency tail
 *   (`on behalf of`, `c/o`, `ATTN:`) is no part of the name;
 * - a former, later or trade name (`f/k/a`, `(formerly …)`, `n/k/a`, `d/b/a`, `o/a`, `a division of`) is a related name:
 *   compared with the other's names at most near-identically, never as the same name;
 * - a name in two scripts compares as each; Georgian შპს / სს and Arabic ش.ذ.م.م are legal forms;
 * - two states of incorporation, or two Canadian registry numbers, are two companies (a veto).
 * Every company here is made up, written in the conventions of those documents; none is taken from the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { blockingKeys, compileRules } from '../../server/matching';
import { captionNames, withoutLegalDescription } from '../../server/matching/captionNames';
import { READING_SCORE } from '../../server/matching/nameReadingComparison';
import { scriptReadingForm } from '../../server/matching/scriptReadings';
import type { CanonicalRecord } from '../../server/matching/types';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import { attributeReader, comparatorOf, nameComparison, shippedRules, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "addresses": CITY ? [{ "purposes": ["main"], "city": CITY, "country": "US" }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  for (const source of ['court', 'ucc', 'certificate']) await publishMapping(server, { source, domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('withoutLegalDescription: the party is the name before the description', () => {
  test.each<[string, string]>([
    ['Harbor Crane Services, Inc., a Delaware corporation', 'Harbor Crane Services, Inc.'],
    ['Bluewater Imaging Partners, L.P., a Texas limited partnership', 'Bluewater Imaging Partners, L.P.'],
    ['Kestrel Valve Company, a North Carolina limited liability company', 'Kestrel Valve Company'],
    ['Orinoco Medical Ltd., an Israeli company', 'Orinoco Medical Ltd.'],
    ['Pinecrest Linen Co., a corporation organized under the laws of the State of New York', 'Pinecrest Linen Co.'],
    ['Suministros Caribe, Inc., una corporación organizada bajo las leyes de Puerto Rico', 'Suministros Caribe, Inc.'],
    ['Farmacia Boriken, LLC, una compañía de responsabilidad limitada', 'Farmacia Boriken, LLC'],
    ['Tallgrass Energy Services, Inc. and its subsidiaries', 'Tallgrass Energy Services, Inc.'],
    ['Tallgrass Holdings Corp. and subsidiaries', 'Tallgrass Holdings Corp.'],
    ['Redline Networks LLC on behalf of Redline Communications', 'Redline Networks LLC'],
    ['REDLINE NETWORKS LLC ATTN: GENERAL COUNSEL', 'REDLINE NETWORKS LLC'],
    ['Redline Networks LLC c/o Ledger Claims Agent', 'Redline Networks LLC'],
    ['Harbor Crane Services, Inc., a Delaware corporation, on behalf of Harbor Crane Group', 'Harbor Crane Services, Inc.'],
    // Names that only look like captions are left alone.
    ['Becton, Dickinson and Company', 'Becton, Dickinson and Company'],
    ['Smith & Nephew, Inc.', 'Smith & Nephew, Inc.'],
    ['Bank of the Ozarks, N.A.', 'Bank of the Ozarks, N.A.'],
  ])('%s → %s', (raw, party) => {
    expect(withoutLegalDescription(raw)).toBe(party);
  });
});

describe('captionNames: own names and related names', () => {
  test.each<[string, { own: string[]; related: string[] } | null]>([
    [
      'Larkspur Health, Inc. f/k/a Meadowlark Billing, Inc., a Georgia corporation',
      { own: ['Larkspur Health, Inc.'], related: ['Meadowlark Billing, Inc.'] },
    ],
    ['LARKSPUR HEALTH LLC FKA MEADOWLARK BILLING LLC', { own: ['LARKSPUR HEALTH LLC'], related: ['MEADOWLARK BILLING LLC'] }],
    [
      'Larkspur Health, Inc. (formerly Meadowlark Billing, Inc.)',
      { own: ['Larkspur Health, Inc.'], related: ['Meadowlark Billing, Inc.'] },
    ],
    ['ATLAS PHARMA (EX ATLAS MAROC)', { own: ['ATLAS PHARMA'], related: ['ATLAS MAROC'] }],
    ['Quarry Rock RCM, LLC d/b/a Quarry Rock Health Partners', { own: ['Quarry Rock RCM, LLC'], related: ['Quarry Rock Health Partners'] }],
    ['1234567 Alberta Ltd. o/a Foothills Mobile Imaging', { own: ['1234567 Alberta Ltd.'], related: ['Foothills Mobile Imaging'] }],
    [
      '7654321 Nova Scotia ULC, carrying on business as Harbour Sterile Services',
      { own: ['7654321 Nova Scotia ULC'], related: ['Harbour Sterile Services'] },
    ],
    [
      'GREENLEAF DRUG COMPANY, A DIVISION OF R T GREENLEAF CORPORATION',
      { own: ['GREENLEAF DRUG COMPANY'], related: ['R T GREENLEAF CORPORATION'] },
    ],
    ['Northwind Gas Company (Iowa) n/k/a Prairie Energy', { own: ['Northwind Gas Company (Iowa)'], related: ['Prairie Energy'] }],
    // A name in two scripts: each part is the record's own name.
    [
      'ミナト精機株式会社 (MINATO SEIKI CO LTD)',
      { own: ['ミナト精機株式会社 (MINATO SEIKI CO LTD)', 'ミナト精機株式会社', 'MINATO SEIKI CO LTD'], related: [] },
    ],
    [
      '北斗製薬株式会社 HOKUTO PHARMACEUTICAL CO LTD',
      { own: ['北斗製薬株式会社 HOKUTO PHARMACEUTICAL CO LTD', '北斗製薬株式会社', 'HOKUTO PHARMACEUTICAL CO LTD'], related: [] },
    ],
    // One Latin word in a kanji name is part of it; a plain name reads nothing.
    ['ABC製薬株式会社', null],
    ['Harbor Crane Services, Inc.', null],
    ['Johnson Controls', null],
  ])('%s', (raw, read) => {
    expect(captionNames(raw)).toEqual(read);
  });
});

describe('scriptReadingForm: Georgian legal forms written out', () => {
  test.each<[string, string]>([
    ['შპს "ნოვა-მედი"', 'შეზღუდული პასუხისმგებლობის საზოგადოება "ნოვა-მედი"'],
    ['სს ალფა დაზღვევა', 'სააქციო საზოგადოება ალფა დაზღვევა'],
    ['სსიპ ქალაქის კლინიკა', 'საჯარო სამართლის იურიდიული პირი ქალაქის კლინიკა'],
    ['ი/მ ნიკა ბერიძე', 'ინდივიდუალური მეწარმე ნიკა ბერიძე'],
    ['ნოვა-მედი', 'ნოვა-მედი'],
  ])('%s → %s', (raw, reading) => {
    expect(scriptReadingForm(raw)).toBe(reading);
  });
});

describe('attributes: state of incorporation and numbered companies', () => {
  // The two attributes alone, as their comparators read them (each comparator reads its own attributes).
  const rules = shippedRules('supplier');
  const read = attributeReader({
    ...rules,
    attributes: (rules.attributes ?? []).filter((a) => a.name === 'incorporation' || a.name === 'numberedCompany'),
  });
  test.each<[string, Record<string, unknown>]>([
    ['Prairie Electric Company, a Nebraska corporation', { incorporation: ['NEBRASKA'] }],
    ['Prairie Electric Company (South Dakota) dba Prairie Power', { incorporation: ['SOUTH DAKOTA'] }],
    ['PRAIRIE ELECTRIC CO NEBRASKA', { incorporation: ['NEBRASKA'] }],
    ['Orinoco Medical Ltd., an Israeli company', { incorporation: ['ISRAELI'] }],
    ['Kestrel Valve Co., a corporation organized under the laws of Japan', { incorporation: ['JAPANESE'] }],
    ['1234567 ALBERTA LTD.', { numberedCompany: ['1234567'] }],
    ['9123-4567 Québec inc.', { numberedCompany: ['9123-4567'] }],
  ])('%s', (text, attributes) => {
    expect(read(text)).toMatchObject(attributes);
  });
  test.each<string>(['Hospira, Inc., a Pfizer company', 'Prairie Electric Company', '3M Company', 'Pharma 5'])(
    '%s reads neither',
    (text) => {
      const attributes = read(text);
      expect(attributes.incorporation).toBeUndefined();
      expect(attributes.numberedCompany).toBeUndefined();
    },
  );
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Harbor Crane Services, Inc., a Delaware corporation', 'HARBOR CRANE SERVICES INC'],
    ['Tallgrass Energy Services, Inc. and its subsidiaries', 'Tallgrass Energy Services, Inc.'],
    ['Suministros Caribe, Inc., una corporación organizada bajo las leyes de Puerto Rico', 'SUMINISTROS CARIBE INC'],
    ['REDLINE NETWORKS LLC ATTN: GENERAL COUNSEL', 'Redline Networks LLC on behalf of Redline Communications'],
    ['ミナト精機株式会社 (MINATO SEIKI CO LTD)', 'Minato Seiki Co., Ltd.'],
  ])('the described party and its plain name are the same name: %s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    ['Larkspur Health, Inc. f/k/a Meadowlark Billing, Inc., a Georgia corporation', 'MEADOWLARK BILLING, INC.'],
    ['Larkspur Health, Inc. (formerly Meadowlark Billing, Inc.)', 'Meadowlark Billing Inc'],
    ['Quarry Rock RCM, LLC d/b/a Quarry Rock Health Partners', 'Quarry Rock Health Partners'],
    ['1234567 Alberta Ltd. o/a Foothills Mobile Imaging', 'FOOTHILLS MOBILE IMAGING'],
  ])('a former or trade name is near-identical, never the same name: %s ≈ %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'partial', score: READING_SCORE });
  });

  test('a former name never auto-merges on its own, even at one address', async () => {
    const place = {
      addresses: [{ purposes: ['main'], line1: '100 Peachtree St', city: 'Atlanta', state: 'GA', postalCode: '30303', country: 'US' }],
    };
    const pair = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Larkspur Health, Inc. f/k/a Meadowlark Billing, Inc.', ...place },
      b: { name: 'MEADOWLARK BILLING, INC.', ...place },
    });
    expect(pair.band).not.toBe('auto-merge');
    expect(comparatorOf(pair, 'name')).toMatchObject({ outcome: 'partial' });
  });

  test('two records of one trade name are not near unless one says so: two d/b/a of sister companies', async () => {
    // Both use the group's trade name; the trade name is a related name of each, never compared with the other's.
    const pair = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Prairie Electric Company (Nebraska) dba Prairie Power' },
      b: { name: 'Bison Electric Company (South Dakota) dba Prairie Power' },
    });
    expect(comparatorOf(pair, 'name')?.score ?? 0).toBeLessThan(0.9);
  });

  test.each<[Record<string, unknown>, Record<string, unknown>, string]>([
    [
      { name: 'Prairie Electric Company, a Nebraska corporation' },
      { name: 'Prairie Electric Company, a South Dakota corporation' },
      'otherIncorporation',
    ],
    [{ name: 'PRAIRIE ELECTRIC CO NEBRASKA' }, { name: 'Prairie Electric Company (South Dakota)' }, 'otherIncorporation'],
    [{ name: '1234567 ALBERTA LTD.' }, { name: '1234576 Alberta Ltd.' }, 'otherNumberedCompany'],
  ])('namesakes incorporated apart are vetoed: %j / %j', async (a, b, rule) => {
    const pair = await verifyPair({ server, domain: 'supplier', a, b });
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe(rule);
  });

  test.each<[string, string]>([
    ['შპს "ნოვა-მედი"', 'ნოვა-მედი'],
    ['სს "ნოვა დაზღვევა"', 'Nova Insurance JSC'],
  ])('a Georgian register name without its legal form: %s = %s', async (a, b) => {
    expect((await compareNames(a, b))?.score ?? 0).toBeGreaterThanOrEqual(0.96);
  });

  test('an Arabic company form is a legal form: بيوتك ش.ذ.م.م = بيوتك', async () => {
    expect(await compareNames('بيوتك ش.ذ.م.م', 'بيوتك')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a former name and a name in two scripts are blocking keys', () => {
    const rules = compileRules(shippedRules('supplier'));
    const keysOf = (name: string): string[] => blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules);
    const renamed = keysOf('Larkspur Health, Inc. f/k/a Meadowlark Billing, Inc.');
    expect(keysOf('MEADOWLARK BILLING INC').filter((key) => renamed.includes(key)).length).toBeGreaterThan(0);
    const twoScripts = keysOf('ミナト精機株式会社 (MINATO SEIKI CO LTD)');
    expect(keysOf('MINATO SEIKI CO., LTD.').filter((key) => twoScripts.includes(key)).length).toBeGreaterThan(0);
  });
});

let counter = 0;

async function ingestVendor(source: string, name: string, city?: string): Promise<string> {
  counter += 1;
  const row = { VENDOR_ID: `V${counter}`, NAME1: name, CITY: city ?? null };
  return (await ingestAccepted(server, { source, domain: 'supplier', row })).goldenId as string;
}

async function openClusterTaskOf(goldenId: string): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
}

describe('one renamed vendor in a court caption, a lien filing and a certificate (POST /ingest)', () => {
  test('reaches a steward as one cluster task', async () => {
    const caption = await ingestVendor('court', 'Cobalt Ridge Software, Inc. f/k/a Ironbark Data Systems, Inc., a Colorado corporation');
    const lien = await ingestVendor('ucc', 'IRONBARK DATA SYSTEMS, INC.', 'DENVER');
    const certificate = await ingestVendor('certificate', 'Cobalt Ridge Software, Inc. and its subsidiaries', 'Denver');
    expect(new Set([caption, lien, certificate]).size).toBe(3);
    const task = await openClusterTaskOf(caption);
    const members = [...new Set((task?.members ?? []).map((m) => m.goldenId))].sort();
    expect(members, JSON.stringify(task)).toEqual([caption, lien, certificate].sort());
  });
});
