/**
 * Supplier names written with OCR slips, legal forms first or bracketed, and legal forms read across languages
 * (supplier-3.30.0; nameReadings.ts `ocrFolded`, bracketedNames.ts `nameForms`, leadingLegalForms.ts, the legalForm /
 * entityType / legalSuffix attributes, legalSuffixes 1.14.0, legalPrefixes 1.7.0, cluster bridge anchors and the
 * `numberedOperatingCompany` split):
 * - invoice OCR in title case writes 1 for l (`Hi11`) and `lnc` for Inc; OCR'd forms (`C0RP.`) are still forms;
 * - a supplier portal's display name before the legal name in brackets (`Brelloc (Institut Brelloc AG)`);
 * - a Belgian register or VIES writes the form first (`NV TALVERO`);
 * - Nordic `AS`, Belgian `SA/NV`, Afrikaans `(Edms) Bpk` = `(Pty) Ltd`, Albanian `sh.a.` / `Shoqëria Anonime`;
 * - a record that bridges two legal entities of one name is placed by the phone or address it shares with one;
 * - `X Corporation No. 2` is not `X Corporation`.
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { nameForms } from '../../server/matching/bracketedNames';
import { formMovedToEnd } from '../../server/matching/leadingLegalForms';
import { ocrFolded } from '../../server/matching/nameReadings';
import { attributeReader, comparatorOf, shippedRules, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf } = vendorTestServer({ sources: ['portal', 'ocr', 'register'], idPrefix: 'F' });

/** The attributes of `name` as the comparators read them: each comparator reads its own attribute on the whole name. */
const readAttributes = (name: string): Record<string, unknown> => {
  const rules = shippedRules('supplier');
  return Object.assign(
    {},
    ...(rules.attributes ?? []).map((attribute) => attributeReader({ ...rules, attributes: [attribute] })(name)),
  ) as Record<string, unknown>;
};

describe('ocrFolded: look-alikes in lower- and title-case words', () => {
  test.each<[string, string | null]>([
    ['Ba11ard Dental Company lnc', 'Ballard Dental Company Inc'],
    ['WESTLAKE UNIFORM CORP N0. 2', 'WESTLAKE UNIFORM CORP NO. 2'],
    ['Mi11brook Supply', 'Millbrook Supply'],
    ['C0mpany', 'Company'],
    ['lndustrial Gases', 'Industrial Gases'],
    ['Hi11-Top Labs', 'Hill-Top Labs'],
    // Upper-case words keep reading 1 as I and 0 as O.
    ['B0RWICK SCIENTIFIC C0RP.', 'BORWICK SCIENTIFIC CORP.'],
    // Brands written with a number are no scan.
    ['Cafe101 Supplies', null],
    ['Route 11 Medical', null],
    ['3M Company', null],
  ])('%s → %s', (raw, expected) => {
    expect(ocrFolded(raw)).toBe(expected);
  });
});

describe('nameForms: a display name before its bracketed legal name, a Belgian form written first', () => {
  test.each<[string, string[]]>([
    ['Brelloc (Institut Brelloc AG)', ['Institut Brelloc AG', 'Brelloc']],
    ['Venmark (K. Venmark A/S)', ['K. Venmark A/S', 'Venmark']],
    ['Dorimed (Dori Medisystems Ltd)', ['Dori Medisystems Ltd', 'Dorimed']],
    ['NV TALVERO', ['TALVERO NV']],
    ['BVBA Medi Orsel', ['Medi Orsel BVBA']],
  ])('%s also reads %j', (raw, expected) => {
    expect(nameForms(raw)).toEqual([raw, ...expected]);
  });

  test.each<string>([
    // A parent or another company in brackets, a tagline, a clipped name too short to be read.
    'Hollend (Marrak Industries Ltd)',
    'Hollend (a Marrak company)',
    'Dorm (Dori Medisystems Ltd)',
    // Forms that are ordinary words or initials at a name's start, and a name ending in a form too.
    'SA Pathology Partners',
    'AB Velcor',
    'NV TALVERO BV',
  ])('%s: no other form', (raw) => {
    expect(nameForms(raw)).toEqual([raw]);
  });

  test('formMovedToEnd needs a name after the form', () => {
    expect(formMovedToEnd('NV')).toBeNull();
    expect(formMovedToEnd('S.R.L. QUENTIVA')).toBe('QUENTIVA S.R.L');
  });
});

describe('legal forms read from the name (attributes)', () => {
  test.each<[string, Record<string, string[]>]>([
    ['Skarvik Medical AS', { legalForm: ['nordic'] }],
    ['Talvero SA/NV', { legalForm: ['sa', 'nv'] }],
    ['Orsel AG/SA', { legalForm: ['de', 'sa'] }],
    ['QUORVEX SURGICAL (EDMS) BPK', { legalForm: ['limited'], legalSuffix: ['pty ltd'] }],
    ['QUORVEX SURGICAL (PTY) LTD', { legalForm: ['limited'], legalSuffix: ['pty ltd'] }],
    ['B0RWICK SCIENTIFIC C0RP.', { entityType: ['corporation'], legalSuffix: ['corp'] }],
    // `Company` before the form is read too, as in every `X Company, Inc.`.
    ['Ba11ard Dental Company lnc', { legalForm: ['us'], entityType: ['corporation'], legalSuffix: ['inc', 'co'] }],
  ])('%s → %j', (name, expected) => {
    expect(readAttributes(name)).toMatchObject(expected);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  const nameOf = async (a: string, b: string) => {
    const explanation = await verifyPair({ server: server(), domain: 'supplier', a: { name: a }, b: { name: b } });
    return { band: explanation.band, name: comparatorOf(explanation, 'name'), legalForm: comparatorOf(explanation, 'legalForm') };
  };

  test.each<[string, string]>([
    ['Brelloc (Institut Brelloc AG)', 'INSTITUT BRELLOC'],
    ['Dorimed (Dori Medisystems Ltd)', 'DORI MEDISYSTEMS LIMITED'],
    ['NV TALVERO', 'Talvero N.V.'],
    ['QUORVEX SURGICAL (EDMS) BPK', 'Quorvex Surgical Pty Ltd'],
    ['DREMAFARM SH.A.', 'Shoqëria Anonime "Dremafarm"'],
    ['Skarvik Medical AS', 'SKARVIK MEDICAL A/S'],
    ['Talvero S.A.', 'TALVERO SA/NV'],
  ])('%s = %s: the same name, put before a steward', async (a, b) => {
    const { band, name, legalForm } = await nameOf(a, b);
    expect(name).toMatchObject({ outcome: 'match' });
    expect(legalForm?.outcome).not.toBe('mismatch');
    expect(band).toBe('review');
  });

  test('an OCR-read header with a title-case slip: near-identical, reviewed, never merged on the name', async () => {
    const { band, name } = await nameOf('Ba11ard Dental Company lnc', 'BALLARD DENTAL COMPANY INC');
    expect(name).toMatchObject({ outcome: 'partial', score: 0.97 });
    expect(band).toBe('review');
  });

  test.each<[string, string]>([
    ['Skarvik Medical AS', 'Skarvik Medical Inc.'],
    ['Talvero SA/NV', 'Talvero GmbH'],
  ])('%s and %s: two legal forms, two entities', async (a, b) => {
    const { legalForm } = await nameOf(a, b);
    expect(legalForm?.outcome).toBe('mismatch');
  });

  // supplier-3.38.0: a bracket of two words or more is read as a related name, compared strictly (bill-pay lists write
  // `Brand (Legal Name Ltd)`), so the pair may reach a steward; it is never read as the record's own name (no auto-merge).
  test('a name in brackets that the display name is not part of is read as a related name only, never as its name', async () => {
    const { name } = await nameOf('Hollend (Marrak Industries Ltd)', 'Marrak Industries Ltd');
    expect(name?.score ?? 0).toBeLessThan(1);
    expect(name?.outcome).not.toBe('match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('an OCR-read header joins the task of the entity whose address it shares, not its LLC namesake', async () => {
    const corporation = await ingestVendors('register', [
      { name: 'Northgate Biomedical Services, Inc.', street: '12 Alder Rd', city: 'Tacoma', postal: '98402', country: 'US' },
      { name: 'NORTHGATE BIOMEDICAL SERVICES INC', street: 'PO Box 4410', city: 'Seattle', postal: '98101', country: 'US' },
    ]);
    const llc = await ingestVendors('portal', [
      { name: 'Northgate Biomedical Services LLC', street: '800 Pine Ave', city: 'Spokane', postal: '99201', country: 'US' },
      { name: 'NORTHGATE BIOMEDICAL SERVICES, LLC', street: 'PO Box 93', city: 'Boise', postal: '83702', country: 'US' },
    ]);
    const [scanned] = await ingestVendors('ocr', [
      { name: 'N0RTHGATE BI0MEDICAL SERVICES', street: '12 Alder Rd', city: 'Tacoma', postal: '98402', country: 'US' },
    ]);
    expect(memberIdsOf(await clusterTaskOf(scanned))).toEqual([...corporation, scanned].sort());
    expect(memberIdsOf(await clusterTaskOf(llc[0]))).toEqual([...llc].sort());
  });

  test('Nordic AS and A/S in one task, apart from the US corporation of the name', async () => {
    const nordic = await ingestVendors('register', [{ name: 'SKARVIK MEDICAL A/S' }, { name: 'Skarvik Medical A/S' }]);
    const [plain] = await ingestVendors('portal', [{ name: 'Skarvik Medical AS' }]);
    const us = await ingestVendors('ocr', [{ name: 'Skarvik Medical Inc.' }, { name: 'SKARVIK MEDICAL, INC.' }]);
    expect(memberIdsOf(await clusterTaskOf(plain))).toEqual([...nordic, plain].sort());
    expect(memberIdsOf(await clusterTaskOf(us[0]))).toEqual([...us].sort());
  });

  test('X Corporation No. 2 and X Corporation: two tasks, an OCR-read `N0. 2` with the numbered company', async () => {
    const numbered = await ingestVendors('register', [
      { name: 'WESTLAKE UNIFORM CORPORATION NO. 2' },
      { name: 'Westlake Uniform Corporation No 2' },
      // An accounts-payable note after the number.
      { name: 'WESTLAKE UNIFORM CORP. NO. 2 - ATTN AR' },
    ]);
    const [scanned] = await ingestVendors('ocr', [{ name: 'WESTLAKE UNIFORM CORP N0. 2' }]);
    const parent = await ingestVendors('portal', [{ name: 'Westlake Uniform Corporation' }, { name: 'WESTLAKE UNIFORM CORP' }]);
    expect(memberIdsOf(await clusterTaskOf(numbered[0]))).toEqual([...numbered, scanned].sort());
    expect(memberIdsOf(await clusterTaskOf(parent[0]))).toEqual([...parent].sort());
  });

  test('a European company and its `X Corporation USA`: two tasks', async () => {
    const european = await ingestVendors('register', [{ name: 'Halvik Audio GmbH' }, { name: 'HALVIK AUDIO GMBH' }]);
    const american = await ingestVendors('portal', [{ name: 'Halvik Audio Corporation USA' }, { name: 'HALVIK AUDIO CORPORATION USA' }]);
    expect(memberIdsOf(await clusterTaskOf(european[0]))).toEqual([...european].sort());
    expect(memberIdsOf(await clusterTaskOf(american[0]))).toEqual([...american].sort());
  });
});
