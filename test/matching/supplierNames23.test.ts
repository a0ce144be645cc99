/**
 * Supplier names of session 23 (supplier-3.34.0): the legal form read by the jurisdictions that use it, so a
 * multinational's companies in two countries (`X A/S` / `X Ltd`, `X S.p.A.` / `X GmbH`, `X S.L.U.` / `X Limited`) are
 * kept out of review unless an identifier, an address or a country agrees (attribute `legalFormJurisdiction`, hard rule
 * `usAndForeignLegalForm`); a place run into the name after its legal form and a payables clerk's lower-case note are no
 * part of the name (registerNames.ts); names in the Brahmic scripts of Indian registers read as the facility rules read
 * them (brahmicReadings.ts through the `scriptReadingOrgName` normaliser).
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { registerNameForms, withoutPayablesNote, withoutSiteDesignation } from '../../server/matching/registerNames';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf, verified } = vendorTestServer({ sources: ['register', 'erp', 'bank'], idPrefix: 'S23-' });

describe('withoutSiteDesignation: a place run into the name after its legal form', () => {
  test.each<[string, string | null]>([
    ['TOLVARIN HEALTHCARE LTD N HARROW', 'TOLVARIN HEALTHCARE LTD'],
    ['BRENVIK SURGICAL INC DURHAM NC', 'BRENVIK SURGICAL INC'],
    ['QUELLAN A/S BALLERUP', 'QUELLAN A/S'],
    ['Harweld Medical GmbH Tuttlingen', 'Harweld Medical GmbH'],
    // A relation, another kind of entity, a country or a form that is also a word: not a place.
    ['BRENVIK SURGICAL LLC DBA NORVIK', null],
    ['Keston Vale Limited Partnership', null],
    ['KESTON VALE LTD UK', null],
    ['MIDVALE AG SUPPLY', null],
    ['Tolvarin Medical', null],
  ])('%s → %s', (raw, expected) => {
    expect(withoutSiteDesignation(raw)).toBe(expected);
  });
});

describe("withoutPayablesNote: a clerk's lower-case note after the name", () => {
  test.each<[string, string | null]>([
    ['Tolvarin Medical - spine implants', 'Tolvarin Medical'],
    ['Brenvik Surgical (monitors)', 'Brenvik Surgical'],
    ['QUELLAN - stretchers (Dayton OH)', 'QUELLAN'],
    ['Harweld Mfg Co - commode/sharps', 'Harweld Mfg Co'],
    // Capitalised segments may name a division or a national company; lower-case names have no capital to tell by.
    ['Tolvarin Medical - Spine Division', null],
    ['Brenvik (Ireland)', null],
    ['tolvarin medical - spine implants', null],
    ['Tolvarin Medical - of', null],
  ])('%s → %s', (raw, expected) => {
    expect(withoutPayablesNote(raw)).toBe(expected);
  });

  test('a note after a legal form and a site: the legal name', () => {
    expect(registerNameForms('Keston Vale S.p.A. (succursale)')).toEqual(['Keston Vale S.p.A.']);
  });
});

describe('legal forms of two jurisdictions (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Quellan Hearing A/S', 'Quellan Hearing Ltd'],
    ['Tolvarin Diagnostici S.p.A.', 'Tolvarin Diagnostika GmbH'],
    ['Brenvik Generics S.L.U.', 'BRENVIK GENERICS LIMITED'],
    ['Harweld Imaging B.V.', 'Harweld Imaging SAS'],
    ['KESTON VALE CO., LTD.', 'Keston Vale Limited'],
    // A country word before the form or in brackets narrows it to one country.
    ['Brenvik Generics Ireland Ltd', 'Brenvik Generics Ltd (UK)'],
    ['Tolvarin Deutschland GmbH', 'Tolvarin UK Ltd'],
    // The form before a place or a note, and a country word alone.
    ['QUELLAN HEARING A/S BALLERUP', 'QUELLAN HEARING INC'],
    ['Tolvarin Diagnostics Inc - Stillwater MN (USD)', 'Tolvarin Diagnostics S.p.A.'],
    ['Harweld Surgical Inc.-Snoq', 'Harweld Surgical Ltd (GBP)'],
    ['BRENVIK PHARMA NORTH AMERICA IN', 'Brenvik Pharma AG'],
  ])('%s and %s: two companies of one group, kept out of review', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // One company's name in two official languages: Swiss AG / SA / Ltd, Belgian NV / SA, Swiss GmbH / Sàrl.
    ['Tolvarin Diagnostics AG', 'Tolvarin Diagnostics SA'],
    ['Tolvarin Diagnostics AG', 'Tolvarin Diagnostics Ltd'],
    ['Quellan Medical NV', 'Quellan Medical SA'],
    ['Harweld Medical GmbH', 'Harweld Medical Sàrl'],
    // A national company against the country's plain form.
    ['Keston Vale Ireland Limited', 'Keston Vale Limited'],
  ])('%s and %s: forms one jurisdiction may use, still before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).not.toBe('mismatch');
    expect(explanation.band).toBe('review');
  });

  test('a country both addresses share says otherwise: reviewed, not vetoed', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Quellan Hearing A/S', addresses: [{ country: 'GB' }] },
      b: { name: 'QUELLAN HEARING LTD', addresses: [{ country: 'GB' }] },
    });
    expect(explanation.band).toBe('review');
  });
});

describe('names read past their tails and scripts (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Tolvarin Medical - spine implants', 'TOLVARIN MEDICAL INC'],
    ['Brenvik Surgical (monitors)', 'BRENVIK SURGICAL LLC'],
    ['KESTON VALE HEALTHCARE LTD N HARROW', 'Keston Vale Healthcare Limited'],
    // Punjabi (Gurmukhi) and Odia register names, their borrowed words and abbreviated form read in English.
    ['ਹਾਰਵੈਲਡ ਕੈਮੀਕਲਜ਼ ਲਿਮਿਟੇਡ', 'HARWELD CHEMICALS LTD'],
    ['ਹਾਰਵੈਲਡ ਕੈਮੀਕਲਜ਼ ਲਿ.', 'Harweld Chemicals Limited'],
  ])('%s = %s: one company, put before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(explanation.band).toBe('review');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test("a clerk's note and a place after the form join the company's task", async () => {
    const company = await ingestVendors('register', [
      { name: 'NORVIK ORTHOPEDICS, INC.', street: '9 Quarry Lane', city: 'Audubon', postal: '19403', country: 'US' },
      { name: 'Norvik Orthopedics Inc' },
    ]);
    const [noted] = await ingestVendors('erp', [{ name: 'Norvik Orthopedics - spine implants' }]);
    const [paid] = await ingestVendors('bank', [{ name: 'NORVIK ORTHOPEDICS INC AUDUBON PA' }]);
    expect(memberIdsOf(await clusterTaskOf(noted))).toEqual([...company, noted, paid].sort());
  });

  test('the same brand abroad, its form before a place, stays out of the task', async () => {
    const company = await ingestVendors('register', [
      { name: 'QUELLAN HEARING, INC.', street: '4 Elm Court', city: 'Somerset', postal: '08873', country: 'US' },
      { name: 'Quellan Hearing Inc' },
    ]);
    const [abroad] = await ingestVendors('erp', [{ name: 'QUELLAN HEARING A/S BALLERUP' }]);
    const task = await clusterTaskOf(company[0]);
    expect(memberIdsOf(task)).toEqual([...company].sort());
    expect(memberIdsOf(task)).not.toContain(abroad);
  });
});
