/**
 * Supplier names of session 24 (supplier-3.35.0): a register's former-names field read as names the record states for
 * its own entity (SEC EDGAR `formerNames`, Companies House previous company names), so the record under the old name
 * is compared and joins the renamed company's cluster task; `plc` read as the form of the registers that have it (not
 * Australia's or New Zealand's) and an ISO country code in brackets (`X (AU) Pty Ltd`); English company words as Urdu
 * writes them in Arabic script (scriptGenericWords 1.4.0); a one-consonant difference at the start of two loanword
 * skeletons read as two names.
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { statedNamesAtPaths } from '../../server/matching/captionNames';
import { gmbhOfLongForm } from '../../server/matching/registerNames';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import { ingest, toNdjson } from '../support/factories/ingest';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

/** A secretary-of-state entity search export: the entity name and its former names in one field, `;`-separated. */
const REGISTER_EXPRESSION = `{
  "sourceId": ENTITY_ID,
  "name": NAME,
  "extensions": FORMER ? { "formerNames": FORMER } : {}
}`;

const { server, ingestVendors, clusterTaskOf, verified } = vendorTestServer({
  sources: ['erp', 'bank'],
  idPrefix: 'S24-',
  mappings: [{ source: 'sos-register', expression: REGISTER_EXPRESSION }],
});

/** Ingests register rows (entity name and former names) and answers their golden ids. */
async function ingestRegister(rows: Array<{ id: string; name: string; former?: string }>): Promise<string[]> {
  const body = toNdjson(rows.map((row) => ({ ENTITY_ID: row.id, NAME: row.name, ...(row.former ? { FORMER: row.former } : {}) })));
  const response = await ingest(server(), { source: 'sos-register', domain: 'supplier', body, contentType: 'application/x-ndjson' });
  expect(response.status, response.text).toBe(200);
  expect(response.body.totals.exceptions, response.text).toBe(0);
  return response.body.records.map((record) => record.goldenId as string);
}

describe('statedNamesAtPaths: the names a register field states', () => {
  test.each<[Record<string, unknown>, string[]]>([
    [
      { extensions: { formerNames: 'VALDRIN SOLUTIONS, INC.; NORTHCAPE HEART, INC.' } },
      ['VALDRIN SOLUTIONS, INC.', 'NORTHCAPE HEART, INC.'],
    ],
    // EDGAR's submissions file lists former names as objects with dates.
    [{ extensions: { formerNames: [{ name: 'Kestrel Implants Corp', from: '2009-01-02', to: '2018-03-01' }] } }, ['Kestrel Implants Corp']],
    [{ extensions: { formerNames: '' } }, []],
    [{ name: 'Tolvarin Inc' }, []],
  ])('%j → %j', (record, expected) => {
    expect(statedNamesAtPaths(record, ['extensions.formerNames', 'extensions.formerNames.name'])).toEqual(expected);
  });
});

describe('gmbhOfLongForm: a GmbH named with its object', () => {
  test.each<[string, string | null]>([
    ['torvald Gesellschaft für orthopädische Hilfsmittel mbH', 'torvald GmbH'],
    ['TORVALD GESELLSCHAFT FUER ORTHOPAEDISCHE HILFSMITTEL MBH', 'TORVALD GmbH'],
    // Cut by a 40-character field before its mbH.
    ['TORVALD GESELLSCHAFT FUER ORTHOPAEDISCHE', 'TORVALD GmbH'],
    // A learned society, an association and a short name without its form are not read.
    ['Deutsche Gesellschaft für Wundheilung', null],
    ['Torvald Gesellschaft für Wundheilung e.V.', null],
    ['Torvald Gesellschaft für X', null],
  ])('%s → %s', (raw, expected) => {
    expect(gmbhOfLongForm(raw)).toBe(expected);
  });

  test('the long form and the short form are one name before a steward (POST /matching/verify)', async () => {
    const explanation = await verified('torvald Gesellschaft für orthopädische Hilfsmittel mbH', 'TORVALD GMBH');
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(0.96);
    expect(explanation.band).toBe('review');
  });
});

describe("a register's former names (POST /matching/verify)", () => {
  test('the record under the former name is a related name: before a steward, never the same name', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'ARLOVEN MEDICAL, INC.', extensions: { formerNames: 'VALDRIN SOLUTIONS, INC.' } },
      b: { name: 'Valdrin Solutions Inc' },
    });
    const name = comparatorOf(explanation, 'name');
    expect(name?.outcome).toBe('partial');
    expect(name?.score).toBeLessThan(1);
    expect(explanation.band).toBe('review');
  });

  test('without the field the two names are unrelated', async () => {
    expect((await verified('ARLOVEN MEDICAL, INC.', 'Valdrin Solutions Inc')).band).toBe('no-match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test("a register's former name joins the old name's records to the renamed company's task", async () => {
    const [register] = await ingestRegister([
      { id: 'SOS-1001', name: 'ARLOVEN MEDICAL, INC.', former: 'VALDRIN SOLUTIONS, INC.; NORTHCAPE HEART, INC.' },
    ]);
    const renamed = await ingestVendors('erp', [{ name: 'Arloven Medical Inc' }, { name: 'ARLOVEN MEDICAL INC' }]);
    const [old] = await ingestVendors('bank', [{ name: 'Valdrin Solutions Inc' }]);
    expect(memberIdsOf(await clusterTaskOf(old))).toEqual([register, ...renamed, old].sort());
  });

  test('a UK plc and an Australian Pty Ltd of one brand: two tasks', async () => {
    const parent = await ingestVendors('erp', [{ name: 'KESTRAL HYGIENE PLC' }, { name: 'Kestral Hygiene plc' }]);
    const subsidiary = await ingestVendors('bank', [{ name: 'Kestral Hygiene Pty Ltd' }, { name: 'KESTRAL HYGIENE PTY LTD' }]);
    const task = await clusterTaskOf(parent[0]);
    expect(memberIdsOf(task)).toEqual([...parent].sort());
    expect(memberIdsOf(await clusterTaskOf(subsidiary[0]))).toEqual([...subsidiary].sort());
  });
});

describe('legal forms of two jurisdictions (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // plc is the form of the UK, Irish and a few other registers; Australia's and New Zealand's public companies are `Limited`.
    ['Kestral Hygiene plc', 'Kestral Hygiene Pty Ltd'],
    // An ISO code in brackets names the national company (`X (NZ) Limited`, `X (AU) Pty Ltd`).
    ['Harlow Orthotics (NZ) Limited', 'Harlow Orthotics Pty Ltd'],
    ['Harlow Orthotics (HK) Limited', 'Harlow Orthotics Limited (UK)'],
  ])('%s and %s: two companies of one group, kept out of review', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // A UK private and public company of one name share a register: still a steward's question.
    ['Kestral Hygiene Limited', 'Kestral Hygiene plc'],
    // A US state in brackets is no country code.
    ['Harlow Orthotics Inc (CA)', 'Harlow Orthotics Inc'],
  ])('%s and %s: one jurisdiction, still before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).not.toBe('mismatch');
    expect(explanation.band).toBe('review');
  });
});

describe('a holding company and its operating company (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Brenvik Surgical Group plc', 'Brenvik Surgical Ltd'],
    ['Brenvik Surgical Holdings Inc', 'Brenvik Surgical LLC'],
  ])('%s and %s: a holding word and another legal form, kept out of review', async (a, b) => {
    const explanation = await verified(a, b);
    expect(explanation.hardRule?.name).toBe('holdingWordAndOtherLegalSuffix');
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // One difference alone stays a steward's question: the holding word, or another form of one register.
    ['Brenvik Surgical Group plc', 'Brenvik Surgical plc'],
    ['Brenvik Surgical plc', 'Brenvik Surgical Ltd'],
  ])('%s and %s: still before a steward', async (a, b) => {
    expect((await verified(a, b)).band).toBe('review');
  });

  // supplier-3.39.0: a holding company and its operating subsidiary share the registered office, so a shared address
  // says nothing against two registrations (docs/MATCHING.md, Session 28: supplier names).
  test('an address both records share: still two registrations, kept out of review', async () => {
    const address = { line1: '12 Harbour Road', city: 'Leeds', postalCode: 'LS1 4AB', country: 'GB' };
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Brenvik Surgical Group plc', addresses: [address] },
      b: { name: 'Brenvik Surgical Ltd', addresses: [address] },
    });
    expect(explanation.hardRule?.name).toBe('holdingWordAndOtherLegalSuffix');
    expect(explanation.band).toBe('no-match');
  });
});

describe('Urdu names in Arabic script (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // Messrs, Private Limited and Pharmaceuticals as Pakistani procurement lists print them.
    ['میسرز تابش فارماسیوٹیکلز (پرائیویٹ) لمیٹڈ', 'M/s Tabish Pharmaceuticals (Pvt.) Ltd.'],
    ['میسرز کریم لیبارٹریز لمیٹڈ', 'Karim Laboratories Limited'],
  ])('%s = %s: one company, put before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(explanation.band).toBe('review');
  });

  test('two short brands before one generic word are two names', async () => {
    // `TABISH` / `RABISH` … differ in the first consonant only; the shared word makes the skeletons one edit apart.
    const explanation = await verified('میسرز تابش فارماسیوٹیکلز (پرائیویٹ) لمیٹڈ', 'Nabish Pharmaceuticals (Private) Limited');
    expect(explanation.band).toBe('no-match');
  });
});
