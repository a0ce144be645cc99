/**
 * The lead's fixes of session 26, made before the sealed twenty-fourth corpus was merged (supplier-3.36.1,
 * facility-2.28.1); each is a convention, written here with invented or public examples, not the corpus's records:
 * - a vendor named by one word alone (a brand as bill-pay services and card statements write it) against that word
 *   and a legal form only (a listed parent's name) at one address is a steward's pair, never an automatic merge;
 * - a site written in brackets after SEDE / SITE / STANDORT / PRESIDIO (`H.U. X (SEDE Y)`) is read like a site after
 *   a dash, so two sites of one hospital are two facilities;
 * - a hyphenated site name (`Saint-Louis`) is read word by word;
 * - two sites of one organisation at one street address (a CHU campus in FINESS) reach a steward, never merge;
 * - a number glued to a company name's last word (`VECTOR31`) is the number of `Vector 31, Inc.`, not a numbered subsidiary's.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const suppliers = matchingTestServer('supplier');
const facilities = matchingTestServer('facility');

const head = (purpose: string) => [
  { purposes: [purpose], line1: '1095 Avenue of the Americas', city: 'New York', state: 'NY', postalCode: '10036', country: 'US' },
];

describe('a brand alone against its parent’s name', () => {
  test('one word against that word and a legal form at one address is reviewed, not merged', async () => {
    const pair = await suppliers.verify(
      { name: 'VERIZON', addresses: head('remit') },
      { name: 'VERIZON CORPORATION', addresses: head('main') },
    );
    expect(pair.band).toBe('review');
    expect(pair.hardRule?.name).toBe('oneWordNameAgainstLegalName');
  });

  test('two records of the brand alone, or of one legal name, still merge', async () => {
    expect((await suppliers.verify({ name: 'STRYKER', addresses: head('remit') }, { name: 'Stryker', addresses: head('main') })).band).toBe(
      'auto-merge',
    );
    expect(
      (await suppliers.verify({ name: 'Stryker Corporation', addresses: head('remit') }, { name: 'STRYKER CORP', addresses: head('main') }))
        .band,
    ).toBe('auto-merge');
  });

  test('a record stating the brand and the legal name agrees with the legal name', async () => {
    const pair = await suppliers.verify(
      { name: 'STRYKER', legalName: 'Stryker Corporation', addresses: head('remit') },
      { name: 'Stryker Corporation', addresses: head('main') },
    );
    expect(comparatorOf(pair, 'oneWordName')?.outcome).toBe('match');
    expect(pair.band).toBe('auto-merge');
  });

  test('an identifier in common lifts the cap', async () => {
    const pair = await suppliers.verify(
      { name: 'VERIZON', taxId: '23-2259884', addresses: head('remit') },
      { name: 'VERIZON CORPORATION', taxId: '23-2259884', addresses: head('main') },
    );
    expect(pair.hardRule?.name).not.toBe('oneWordNameAgainstLegalName');
  });
});

test('a number glued to the name is the name’s own number, not a numbered subsidiary', async () => {
  const pair = await suppliers.verify({ name: 'VECTOR31', addresses: head('remit') }, { name: 'Vector 31, Inc.', addresses: head('main') });
  expect(pair.hardRule?.name).not.toBe('otherOperatingCompanyNumber');
  expect(pair.band).not.toBe('no-match');
});

describe('sites of one hospital', () => {
  const city = { city: 'Donostia-San Sebastián', country: 'ES' };
  test('two bracketed sites of one university hospital are two facilities', async () => {
    const pair = await facilities.verify(
      { name: 'H.U. DONOSTIA (SEDE AMARA)', address: city },
      { name: 'H.U. DONOSTIA (SEDE GIPUZKOA)', address: city },
    );
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe('otherSiteAfterOneOrganisation');
  });

  test('a bracketed site is the same site written after a dash', async () => {
    const pair = await facilities.verify(
      { name: 'KLINIKUM NORDSTADT (STANDORT LINDENHOF)', address: { city: 'Hannover', country: 'DE' } },
      { name: 'Klinikum Nordstadt - Lindenhof', address: { city: 'Hannover', country: 'DE' } },
    );
    expect(pair.band).not.toBe('no-match');
  });

  test('a hyphenated site name is read word by word', async () => {
    const brest = { city: 'Brest', country: 'FR' };
    const other = await facilities.verify(
      { name: 'CHU de Brest - Hôpital Morvan', address: brest },
      { name: 'CHU de Brest - Hôpital Saint-Louis', address: brest },
    );
    expect(other.band).toBe('no-match');
    const same = await facilities.verify(
      { name: 'CHU de Nantes - Hôtel-Dieu', address: { city: 'Nantes', country: 'FR' } },
      { name: 'CHU de Nantes - Hotel Dieu', address: { city: 'Nantes', country: 'FR' } },
    );
    expect(same.band).toBe('auto-merge');
  });

  test('two sites of one CHU at one campus address are reviewed, never merged', async () => {
    const campus = { line1: '2 avenue Foch', city: 'Brest', postalCode: '29609', country: 'FR' };
    const pair = await facilities.verify(
      { name: 'CHU de Brest - Hôpital Morvan', address: campus },
      { name: 'CHU de Brest - Hôpital de la Cavale Blanche', address: campus },
    );
    expect(pair.band).toBe('review');
    expect(pair.hardRule?.name).toBe('otherSiteAfterOneOrganisationAtOneAddress');
  });
});
