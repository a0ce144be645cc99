/**
 * Organisation records that name two legal entities or two delivery points of one hospital, though
 * their names are the same apart from a legal form, a trust or a department (issue 9, branch orgsneg6):
 * - a parent `X Corporation` and its operating `X, Inc.` at one address (two explicit legal forms of one
 *   jurisdiction): a steward decides, never an auto-merge, unless an identifier agrees;
 * - an Australian unit trust (`THE TRUSTEE FOR X UNIT TRUST`, as ABN Lookup names it) and its trustee
 *   company (`X PTY LTD`): two ABNs, two entities, vetoed;
 * - ERP / distributor ship-to points (`… INPT PHARM`, `… OP PHARM`, `… MAIN OR`) and their hospital:
 *   review at most.
 * The extractors are fixture tables; the decisions go through the public API (`/matching/verify`, ingest).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

const supplierRules = await loadRules('supplier');
const facilityRules = await loadRules('facility');

function readerOf(rules: typeof supplierRules, attribute: string): (name: string) => string[] | undefined {
  const extractors = compileExtractors((rules.rules.attributes ?? []).filter((a) => a.name === attribute));
  return (name) => extractAttributes(extractors, [name])?.[attribute];
}

const legalSuffixOf = readerOf(supplierRules, 'legalSuffix');
const trustOf = readerOf(supplierRules, 'trust');
const departmentOf = readerOf(facilityRules, 'department');
const registeredName = compileExtractors((supplierRules.rules.attributes ?? []).filter((a) => a.name === 'registeredName'));

describe('legalSuffix extractor (fixture table)', () => {
  test.each<{ name: string; suffix: string | undefined }>([
    { name: 'AxoGen Corporation', suffix: 'corp' },
    { name: 'STRYKER CORP.', suffix: 'corp' },
    { name: 'AXOGEN, INC.', suffix: 'inc' },
    { name: 'Hologic, Incorporated', suffix: 'inc' },
    { name: 'ACME SURGICAL CO', suffix: 'co' },
    { name: 'AdaptHealth, LLC', suffix: 'llc' },
    { name: 'Cook Medical L.L.C.', suffix: 'llc' },
    { name: 'Medline Industries, LP', suffix: 'lp' },
    { name: 'Smith Hulsey LLP', suffix: 'llp' },
    { name: 'COASTAL MEDICAL SUPPLIES PTY LTD', suffix: 'pty ltd' },
    { name: 'Coastal Medical Supplies Proprietary Limited', suffix: 'pty ltd' },
    { name: 'ConvaTec Limited', suffix: 'ltd' },
    { name: 'STERIS plc', suffix: 'plc' },
    // `& Co` is part of a name, and a form inside a name is no legal form.
    { name: 'Merck & Co', suffix: undefined },
    { name: 'Owens and Co', suffix: undefined },
    { name: 'Becton, Dickinson and Company', suffix: undefined },
    { name: 'Inc Research Partners', suffix: undefined },
    { name: 'AXOGEN', suffix: undefined },
  ])('$name → $suffix', ({ name, suffix }) => {
    expect(legalSuffixOf(name)).toEqual(suffix === undefined ? undefined : [suffix]);
  });
});

describe('trust extractor (fixture table)', () => {
  test.each<{ name: string; value: string | undefined }>([
    { name: 'THE TRUSTEE FOR KESTREL MEDICAL UNIT TRUST', value: 'trust' },
    { name: 'The Trustee for the Nguyen Family Trust', value: 'trust' },
    { name: 'KESTREL MEDICAL PTY LTD ATF KESTREL MEDICAL UNIT TRUST', value: 'trust' },
    { name: 'Kestrel Medical Pty Ltd as trustee for Kestrel Medical Trust', value: 'trust' },
    { name: 'Kestrel Medical Discretionary Trust T/A Kestrel Medical', value: 'trust' },
    { name: 'Oxford Health NHS Foundation Trust', value: 'trust' },
    { name: 'KESTREL MEDICAL PTY LTD', value: 'company' },
    { name: 'Kestrel Medical Limited', value: 'company' },
    { name: 'Kestrel Medical, Inc.', value: 'company' },
    // A company named trust (a charity, a trust bank) is no trust and no trustee: nothing read.
    { name: 'The Brain Research Trust Limited', value: undefined },
    { name: 'Northern Trust Corporation', value: undefined },
    // US nonprofit corporations named Trustees of … are not trusts either.
    { name: 'The Trustees of Columbia University in the City of New York', value: undefined },
    { name: 'Kestrel Medical', value: undefined },
  ])('$name → $value', ({ name, value }) => {
    expect(trustOf(name)).toEqual(value === undefined ? undefined : [value]);
  });
});

describe('registeredName extractor: a business name only where the country says AU / NZ (absentRequires)', () => {
  test.each<{ texts: string[]; value: string | undefined }>([
    { texts: ['COASTAL MEDICAL SUPPLIES PTY LTD', 'AU'], value: 'company' },
    { texts: ['Tasman Medical Limited', 'NZ'], value: 'company' },
    { texts: ['Coastal Medical Supplies', 'AU'], value: 'business name' },
    { texts: ['THE TRUSTEE FOR COASTAL MEDICAL SUPPLIES UNIT TRUST', 'AU'], value: 'business name' },
    { texts: ['Coastal Medical Supplies', 'Australia'], value: 'business name' },
    // Elsewhere a name without a form says nothing.
    { texts: ['Coastal Medical Supplies', 'US'], value: undefined },
    { texts: ['Coastal Medical Supplies'], value: undefined },
  ])('$texts → $value', ({ texts, value }) => {
    expect(extractAttributes(registeredName, texts)?.registeredName).toEqual(value === undefined ? undefined : [value]);
  });
});

describe('facility department extractor (fixture table)', () => {
  test.each<{ name: string; department: string }>([
    { name: 'MASSACHUSETTS GEN HOSP INPT PHARM', department: 'inpatient pharmacy' },
    { name: 'Massachusetts General Hospital Inpatient Pharmacy', department: 'inpatient pharmacy' },
    { name: 'MGH I/P RX', department: 'inpatient pharmacy' },
    { name: 'MASSACHUSETTS GEN HOSP OP PHARM', department: 'outpatient pharmacy' },
    { name: 'MGH OUTPATIENT PHARMACY', department: 'outpatient pharmacy' },
    // facility-2.4.0: ERP location masters write the qualifier after the department.
    { name: 'MGH PHARMACY-INPT', department: 'inpatient pharmacy' },
    { name: 'MGH PHARMACY - OUTPT', department: 'outpatient pharmacy' },
    { name: 'MGH RETAIL PHCY', department: 'outpatient pharmacy' },
    { name: 'MGH PHARMACY DEPT', department: 'pharmacy' },
    { name: 'MASSACHUSETTS GEN HOSP MAIN OR', department: 'operating room' },
    { name: 'MASSACHUSETTS GENERAL HOSPITAL - OR MAIN', department: 'operating room' },
    { name: 'MGH OPERATING ROOM', department: 'operating room' },
    { name: 'MGH SURGERY DEPT', department: 'operating room' },
    { name: 'MGH CARDIAC CATH LAB', department: 'cath lab' },
    { name: 'MGH EMERGENCY DEPT', department: 'emergency department' },
    { name: 'MGH ED', department: 'emergency department' },
    { name: 'MGH NICU', department: 'NICU' },
    { name: 'MGH INTENSIVE CARE UNIT', department: 'ICU' },
    { name: 'MGH L&D', department: 'labor and delivery' },
    { name: 'MGH RECEIVING DOCK', department: 'receiving' },
    { name: 'MGH MATERIALS MGMT', department: 'materials management' },
    { name: 'MGH CENTRAL STERILE', department: 'sterile processing' },
    { name: 'MGH RADIOLOGY DEPT', department: 'RADIOLOGY department' },
    // The hospital itself, its name in other words, and NPPES subparts (units that are part of it).
    { name: 'MASSACHUSETTS GENERAL HOSPITAL', department: 'whole facility' },
    { name: 'UW Medical Center - Montlake', department: 'whole facility' },
    { name: 'DEPARTMENT OF VETERANS AFFAIRS MEDICAL CENTER', department: 'whole facility' },
    { name: 'PORTLAND VA MEDICAL CENTER OR', department: 'whole facility' },
    { name: 'MAINE MEDICAL CENTER INPATIENT REHABILITATION UNIT', department: 'whole facility' },
    { name: 'MERCY HOSPITAL OUTPATIENT DEPARTMENT', department: 'whole facility' },
    { name: 'KING COUNTY HEALTH DEPARTMENT', department: 'whole facility' },
    { name: 'SEATTLE CHILDRENS HOSPITAL', department: 'whole facility' },
  ])('$name → $department', ({ name, department }) => {
    expect(departmentOf(name)).toEqual([department]);
  });
});

let server: TestServer;

const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "taxId": TAX_ID ? TAX_ID, "addresses": [{ "purposes": ["main"], "line1": STREET, "city": CITY, "state": STATE, "postalCode": POSTAL, "country": COUNTRY }] }`;
const LOCATIONS = `{ "sourceId": LOCATION_ID, "name": NAME, "ccn": CCN ? CCN, "gln": GLN ? GLN, "address": { "line1": STREET, "city": CITY, "state": STATE, "postalCode": POSTAL, "country": "US" } }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'oracle-ap', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'abn-lookup', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'distributor', domain: 'facility', expression: LOCATIONS });
  await publishMapping(server, { source: 'cms', domain: 'facility', expression: LOCATIONS });
});
afterAll(async () => server?.stop());

let counter = 0;

async function ingest(source: string, domain: string, row: Record<string, string>): Promise<string> {
  counter += 1;
  const record = await ingestAccepted(server, { source, domain, row: { VENDOR_ID: `V${counter}`, LOCATION_ID: `L${counter}`, ...row } });
  return record.goldenId as string;
}

async function verify(
  domain: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Promise<{ band: string; rule: string | undefined }> {
  const response = await server.request<{ explanation: { band: string; hardRule: { name: string } | null } }>(
    'POST',
    '/api/v1/matching/verify',
    {
      body: { domain, a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b } },
    },
  );
  expect(response.status, response.text).toBe(200);
  return { band: response.body.explanation.band, rule: response.body.explanation.hardRule?.name };
}

const ALACHUA = { STREET: '13700 Progress Blvd', CITY: 'Alachua', STATE: 'FL', POSTAL: '32615', COUNTRY: 'US' };
const alachua = [{ purposes: ['main'], line1: '13700 Progress Blvd', city: 'Alachua', state: 'FL', postalCode: '32615', country: 'US' }];

describe('one name, two explicit legal forms (public API)', () => {
  test('a parent Corporation and its operating Inc. at one address: a steward decides, no auto-merge', async () => {
    const parent = await ingest('oracle-ap', 'supplier', { NAME1: 'Veridian Surgical Corporation', ...ALACHUA });
    const operating = await ingest('oracle-ap', 'supplier', { NAME1: 'VERIDIAN SURGICAL, INC.', ...ALACHUA });
    expect(operating).not.toBe(parent);
    expect(
      await verify(
        'supplier',
        { name: 'Veridian Surgical Corporation', addresses: alachua },
        { name: 'VERIDIAN SURGICAL, INC.', addresses: alachua },
      ),
    ).toEqual({
      band: 'review',
      rule: 'otherLegalSuffix',
    });
  });

  test('one form written two ways (Corp / Corporation) still auto-merges, and so do two forms with one EIN', async () => {
    const a = await ingest('oracle-ap', 'supplier', {
      NAME1: 'Palisade Orthopedics Corporation',
      ...ALACHUA,
      STREET: '13900 Progress Blvd',
    });
    const b = await ingest('oracle-ap', 'supplier', { NAME1: 'PALISADE ORTHOPEDICS CORP', ...ALACHUA, STREET: '13900 Progress Blvd' });
    expect(b).toBe(a);
    expect(
      await verify(
        'supplier',
        { name: 'Veridian Surgical Corporation', taxId: '59-3421187', addresses: alachua },
        { name: 'VERIDIAN SURGICAL INC', taxId: '59-3421187', addresses: alachua },
      ),
    ).toEqual({ band: 'auto-merge', rule: 'sameTaxIdAndName' });
  });
});

describe('a company named `X & Co.` beside `X, LLC` / `X Inc.` of one name (supplier-3.24.1, entityType)', () => {
  test.each<[string, string]>([
    ['BRIARWOOD THERAPEUTICS & CO.', 'Briarwood Therapeutics LLC'],
    ['Briarwood Therapeutics & Company', 'BRIARWOOD THERAPEUTICS, INC.'],
    ['Briarwood Therapeutics and Company', 'Briarwood Therapeutics, L.L.C.'],
  ])('%s / %s at one address: a steward decides, no auto-merge', async (a, b) => {
    expect(await verify('supplier', { name: a, addresses: alachua }, { name: b, addresses: alachua })).toEqual({
      band: 'review',
      rule: 'otherEntityType',
    });
  });

  test('`X & Co.` written two ways still auto-merges at one address, and `X & Co., Inc.` reads as a corporation', async () => {
    expect(
      await verify(
        'supplier',
        { name: 'BRIARWOOD THERAPEUTICS & CO', addresses: alachua },
        { name: 'Briarwood Therapeutics & Company', addresses: alachua },
      ),
    ).toEqual({ band: 'auto-merge', rule: undefined });
    expect(
      await verify(
        'supplier',
        { name: 'Briarwood Therapeutics & Co., Inc.', addresses: alachua },
        { name: 'BRIARWOOD THERAPEUTICS INC', addresses: alachua },
      ),
    ).toEqual({ band: 'auto-merge', rule: undefined });
  });
});

describe('a trust and its trustee company (public API)', () => {
  const SOUTHPORT = { STREET: '22 Nerang Street', CITY: 'Southport', STATE: 'QLD', POSTAL: '4215', COUNTRY: 'AU' };
  const southport = [{ purposes: ['main'], line1: '22 Nerang Street', city: 'Southport', state: 'QLD', postalCode: '4215', country: 'AU' }];

  test('THE TRUSTEE FOR X UNIT TRUST vs X PTY LTD at one address: vetoed, two golden records', async () => {
    const trust = await ingest('abn-lookup', 'supplier', { NAME1: 'THE TRUSTEE FOR KESTREL MEDICAL UNIT TRUST', ...SOUTHPORT });
    const company = await ingest('abn-lookup', 'supplier', { NAME1: 'KESTREL MEDICAL PTY LTD', ...SOUTHPORT });
    expect(company).not.toBe(trust);
    expect(
      await verify(
        'supplier',
        { name: 'THE TRUSTEE FOR KESTREL MEDICAL UNIT TRUST', addresses: southport },
        { name: 'KESTREL MEDICAL PTY LTD', addresses: southport },
      ),
    ).toEqual({ band: 'no-match', rule: 'trustAndCompany' });
  });

  test('AU: a company name and a bare business name at one address go to a steward; the same names in the US merge', async () => {
    expect(
      await verify(
        'supplier',
        { name: 'KESTREL MEDICAL PTY LTD', addresses: southport },
        { name: 'Kestrel Medical', addresses: southport },
      ),
    ).toEqual({ band: 'review', rule: 'businessNameAndCompany' });
    const us = alachua;
    expect(await verify('supplier', { name: 'KESTREL MEDICAL LTD', addresses: us }, { name: 'Kestrel Medical', addresses: us })).toEqual({
      band: 'auto-merge',
      rule: undefined,
    });
  });

  test('the trust as ABN Lookup and as an invoice name it (X PTY LTD ATF X UNIT TRUST) is not vetoed', async () => {
    const verdict = await verify(
      'supplier',
      { name: 'THE TRUSTEE FOR KESTREL MEDICAL UNIT TRUST', addresses: southport },
      { name: 'KESTREL MEDICAL UNIT TRUST', addresses: southport },
    );
    expect(verdict.rule).not.toBe('trustAndCompany');
    expect(verdict.band).not.toBe('no-match');
  });
});

describe('hospital departments and delivery points (public API)', () => {
  const FRUIT_STREET = { STREET: '55 FRUIT ST', CITY: 'BOSTON', STATE: 'MA', POSTAL: '02114' };
  const fruitStreet = { line1: '55 Fruit Street', city: 'Boston', state: 'MA', postalCode: '02114', country: 'US' };

  // facility-2.4.0 (twoDepartments): two stated departments that differ are two delivery points, vetoed; until then
  // the pair was capped at review (otherDepartment), which filled the steward queue with department pairs.
  test('the hospital, its inpatient pharmacy and its outpatient pharmacy stay three golden records', async () => {
    const hospital = await ingest('cms', 'facility', { NAME: 'MASSACHUSETTS GENERAL HOSPITAL', CCN: '220071', ...FRUIT_STREET });
    const inpatient = await ingest('distributor', 'facility', { NAME: 'MASSACHUSETTS GENERAL HOSP INPT PHARM', ...FRUIT_STREET });
    const outpatient = await ingest('distributor', 'facility', { NAME: 'MASSACHUSETTS GENERAL HOSP OP PHARM', ...FRUIT_STREET });
    expect(new Set([hospital, inpatient, outpatient]).size).toBe(3);
    expect(
      await verify(
        'facility',
        { name: 'MASSACHUSETTS GENERAL HOSP INPT PHARM', address: fruitStreet },
        { name: 'MASSACHUSETTS GENERAL HOSP OP PHARM', address: fruitStreet },
      ),
    ).toEqual({ band: 'no-match', rule: 'twoDepartments' });
  });

  test('a department point and the hospital itself stay a review (only stated departments are compared for the veto)', async () => {
    expect(
      await verify(
        'facility',
        { name: 'MASSACHUSETTS GENERAL HOSPITAL', address: fruitStreet },
        { name: 'MASSACHUSETTS GENERAL HOSP INPT PHARM', address: fruitStreet },
      ),
    ).toEqual({ band: 'review', rule: 'otherDepartment' });
  });

  test('two departments with one GLN are not vetoed (the identifier says one location)', async () => {
    const verdict = await verify(
      'facility',
      { name: 'MASSACHUSETTS GENERAL HOSP MAIN OR', gln: '0860000000019', address: fruitStreet },
      { name: 'MASSACHUSETTS GENERAL HOSP RECEIVING DOCK', gln: '0860000000019', address: fruitStreet },
    );
    expect(verdict.rule).not.toBe('twoDepartments');
  });

  test('one inpatient pharmacy in ERP order (PHARMACY-INPT) and distributor order (INPT PHARM) is neither vetoed nor capped', async () => {
    const verdict = await verify(
      'facility',
      { name: 'MASSACHUSETTS GENERAL HOSP PHARMACY-INPT', address: fruitStreet },
      { name: 'MASSACHUSETTS GEN HOSP INPT PHARM', address: fruitStreet },
    );
    expect(verdict.rule).not.toBe('twoDepartments');
    expect(verdict.rule).not.toBe('otherDepartment');
    expect(verdict.band).not.toBe('no-match');
  });

  test('a main OR with the hospital CCN on both sides is still no auto-merge', async () => {
    expect(
      await verify(
        'facility',
        { name: 'MASSACHUSETTS GENERAL HOSPITAL', ccn: '220071', address: fruitStreet },
        { name: 'MASSACHUSETTS GENERAL HOSPITAL - MAIN OR', ccn: '220071', address: fruitStreet },
      ),
    ).toEqual({ band: 'review', rule: 'otherDepartment' });
  });

  test('one delivery point written two ways is not capped by its department', async () => {
    const verdict = await verify(
      'facility',
      { name: 'MASSACHUSETTS GENERAL HOSP INPT PHARM', address: fruitStreet },
      { name: 'Massachusetts General Hospital Inpatient Pharmacy', address: fruitStreet },
    );
    expect(verdict.rule).not.toBe('otherDepartment');
    expect(verdict.band).not.toBe('no-match');
  });
});

describe('a listed holding company and its operating company of one name (supplier-3.7.2, holdingForm)', () => {
  const holdingFormOf = readerOf(supplierRules, 'holdingForm');
  test.each<{ name: string; form: string | undefined }>([
    { name: 'TASMAN MEDICAL CORPORATION LIMITED', form: 'corporation limited' },
    { name: 'Tasman Medical Corp. Ltd.', form: 'corporation limited' },
    { name: 'TASMAN MEDICAL LIMITED', form: 'limited' },
    { name: 'Tasman Medical Ltd (NZBN 9429000000000)', form: 'limited' },
    { name: 'KINABALU LATEX CORPORATION BHD.', form: 'bhd' },
    { name: 'Kinabalu Latex Berhad', form: 'bhd' },
    { name: 'KINABALU LATEX SDN. BHD.', form: 'sdn bhd' },
    { name: 'Kinabalu Latex Sendirian Berhad', form: 'sdn bhd' },
    // Forms that say nothing about a holding: a Chinese / Japanese Co., Ltd., an Australian Pty Ltd, a US Inc.
    { name: 'Suzhou Huaxin Medical Co., Ltd.', form: undefined },
    { name: 'COASTAL MEDICAL SUPPLIES PTY LTD', form: undefined },
    { name: 'Tasman Medical, Inc.', form: undefined },
  ])('$name → $form', ({ name, form }) => {
    expect(holdingFormOf(name)?.[0]).toBe(form);
  });

  test.each([
    ['TASMAN MEDICAL CORPORATION LIMITED', 'TASMAN MEDICAL LIMITED', 'NZ'],
    ['KINABALU LATEX CORPORATION BHD.', 'KINABALU LATEX SDN. BHD.', 'MY'],
  ])('%s vs %s at one address: a steward decides, never an auto-merge', async (a, b, country) => {
    const addresses = [{ purposes: ['main'], line1: '12 Harbour Road', city: 'Auckland', postalCode: '1010', country }];
    expect(await verify('supplier', { name: a, addresses }, { name: b, addresses })).toEqual({
      band: 'review',
      rule: 'holdingAndOperatingCompany',
    });
  });

  test('one form written two ways still auto-merges', async () => {
    const addresses = [{ purposes: ['main'], line1: '12 Harbour Road', city: 'Auckland', postalCode: '1010', country: 'NZ' }];
    const result = await verify(
      'supplier',
      { name: 'TASMAN MEDICAL CORPORATION LIMITED', addresses },
      { name: 'Tasman Medical Corp. Ltd.', addresses },
    );
    expect(result.band).toBe('auto-merge');
  });
});
