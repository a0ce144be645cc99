/**
 * Supplier names as sponsor lists, vendor masters and bilingual or other-language registers write them
 * (supplier-3.25.0; brandNames.ts through the `brandDescriptorTables` param; alias tables brandDescriptorWords 1.0.0,
 * legalSuffixes 1.11.0, legalPrefixes 1.5.0; attribute `nameCountry` with the `otherCountryInName` cap and split):
 * - a brand-only name (no legal form) is the distinctive head of the legal name: review evidence, never the same name;
 *   a legal name (`X CO`, `X INC`) is never read as a brand, nor a head of three letters or a country after the brand;
 * - `X INC - USA` vs `X INC - CANADA`: two registrations, capped at review and two cluster tasks unless an identifier agrees;
 * - Ltd. / Ltée, Azerbaijani MMC (Məhdud Məsuliyyətli Cəmiyyəti) and Thai บริษัท … จำกัด as legal forms.
 * Every company here is made up, written in the conventions of those lists; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../server/identifiers/names';
import { shippedAliasTables } from '../../server/matching/aliases';
import { brandWordsOf, isBrandHeadOf, statedFormsOf, statesLegalForm } from '../../server/matching/brandNames';
import { must } from '../support/must';
import { attributeReader, comparatorOf, shippedRules, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf, compareNames } = vendorTestServer({ sources: ['sponsor', 'erp', 'sam'], idPrefix: 'B' });

const tables = shippedAliasTables();
const brandWords = brandWordsOf([must(tables.get('brandDescriptorWords'), 'brandDescriptorWords')], normalizeText);
const statedForms = statedFormsOf(
  ['legalSuffixes', 'legalPrefixes'].map((name) => must(tables.get(name), name)),
  normalizeText,
);

describe('isBrandHeadOf: a brand and the legal name it heads (normalised values)', () => {
  test.each<[string, string, boolean]>([
    ['KESTRELON SOFTWARE', 'KESTRELON', true],
    ['KESTRELON SOFTWARE SOLUTIONS', 'KESTRELON', true],
    // A group's health subsidiary (X Healthcare, X Medical, X Pharmaceuticals) is another legal entity than the brand's group.
    ['KESTRELON HEALTHCARE', 'KESTRELON', false],
    ['KESTRELON PHARMACEUTICALS', 'KESTRELON', false],
    ['BLUE HERON DISINFECTION SERVICES', 'BLUE HERON', true],
    // Another entity of a group, not a descriptor.
    ['KESTRELON HOLDINGS', 'KESTRELON', false],
    ['KESTRELON DISTRIBUTION', 'KESTRELON', false],
    // A country names a national subsidiary.
    ['KESTRELON USA', 'KESTRELON', false],
    // A distinctive word after the brand: another name.
    ['KESTRELON ORBIT SOFTWARE', 'KESTRELON', false],
    // A three-letter acronym is many companies; a generic word is no brand.
    ['QRX SOFTWARE', 'QRX', false],
    ['NATIONAL MEDICAL SUPPLIES', 'NATIONAL', false],
    ['MEDICAL SOLUTIONS', 'MEDICAL', false],
    // Too many descriptive words to be one brand's legal name.
    ['KESTRELON MEDICAL HEALTH SOFTWARE SOLUTIONS', 'KESTRELON', false],
  ])('%s headed by %s: %s', (long, short, expected) => {
    expect(isBrandHeadOf(long, short, brandWords)).toBe(expected);
  });
});

describe('statesLegalForm: a legal name is never read as a brand', () => {
  test.each<[string, boolean]>([
    ['Kestrelon', false],
    ['Kestrelon (Orbit Scheduler)', false],
    ['THE KESTRELON COMPANY', true],
    ['KESTRELON CO /DE/', true],
    ['Kestrelon Software, Inc. (a Harbor company)', true],
    ['CTCP Duoc Kestrelon', true],
    ['Kestrelon AB (publ)', true],
  ])('%s: %s', (raw, expected) => {
    expect(statesLegalForm(raw, statedForms, normalizeText)).toBe(expected);
  });
});

describe('nameCountry: a country written after the legal form', () => {
  // Read as the `nameCountry` comparator reads it: a comparator of a few attributes compiles its own extractors
  // (comparators.ts ownExtractors), so no other attribute blanks the name first (supplier-3.34.0's
  // legalFormJurisdiction reads the form before a dash and blanks it in the whole rule set's reading).
  const rules = shippedRules('supplier');
  const read = attributeReader({ ...rules, attributes: (rules.attributes ?? []).filter((a) => a.name === 'nameCountry') });
  test.each<[string, string[] | undefined]>([
    ['BRIMWOOD MEDICAL INC - USA', ['US']],
    ['Brimwood Medical Inc. – Canada', ['CA']],
    ['BRIMWOOD MEDICAL LTD - U.K.', ['GB']],
    ['Brimwood Medical GmbH - Deutschland', ['DE']],
    ['BRIMWOOD MEDICAL INC', undefined],
    // A place that is no country, and a country inside the name, say nothing.
    ['BRIMWOOD MEDICAL INC - DALLAS', undefined],
    ['CANADA BRIMWOOD MEDICAL INC', undefined],
  ])('%s reads %s', (name, country) => {
    expect(read(name).nameCountry).toEqual(country);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Kestrelon', 'KESTRELON SOFTWARE, INC.'],
    ['Kestrelon (Orbit Scheduler)', 'Kestrelon Software Solutions LLC'],
    ['Blue Heron', 'BLUE HERON DISINFECTION SERVICES INC'],
  ])('the brand %s heads %s: a similar name for review, never the same name', async (brand, legal) => {
    const explanation = await verifyPair({ server: server(), domain: 'supplier', a: { name: brand }, b: { name: legal } });
    const name = comparatorOf(explanation, 'name');
    expect(name?.outcome).toBe('partial');
    expect(name?.score).toBeGreaterThanOrEqual(0.9);
    expect(name?.score).toBeLessThan(0.95);
    expect(explanation.band).toBe('review');
  });

  test.each<[string, string]>([
    // The parent's legal name is no brand of its subsidiary.
    ['THE KESTRELON COMPANY', 'KESTRELON PROFESSIONAL PRODUCTS COMPANY'],
    ['KESTRELON CO /DE/', 'Kestrelon Professional Products Co'],
    // A national subsidiary, an acronym namesake.
    ['Kestrelon USA', 'KESTRELON SOFTWARE INC'],
    ['QRX', 'QRX SOFTWARE INC'],
  ])('%s vs %s: no brand reading', async (a, b) => {
    const name = await compareNames(a, b);
    expect(name?.score ?? 0).toBeLessThan(0.9);
  });

  test('a brand at an address in another country is kept apart from the legal name', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Kestrelon', addresses: [{ city: 'Lyon', country: 'FR' }] },
      b: { name: 'KESTRELON SOFTWARE INC', addresses: [{ city: 'Austin', country: 'US' }] },
    });
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    ['Maple Ridge Surgical Ltd. / Ltée', 'MAPLE RIDGE SURGICAL LTD'],
    ['Maple Ridge Surgical Ltée', 'Maple Ridge Surgical Limited'],
    ['"Xəzər Med" MMC', 'Xəzər Med Məhdud Məsuliyyətli Cəmiyyəti'],
    ['บริษัท ทองคำ เมดิคอล จำกัด', 'ทองคำ เมดิคอล'],
    ['Borisat Thongkham Medikhon Chamkat', 'THONGKHAM MEDIKHON'],
  ])('legal forms: %s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match' });
  });

  test('X INC - USA vs X INC - CANADA: two registrations, capped at review', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'BRIMWOOD MEDICAL INC - USA', phone: '+1 312 555 0100', addresses: [{ line1: '1 Lake St', city: 'Chicago' }] },
      b: { name: 'BRIMWOOD MEDICAL INC - CANADA', phone: '+1 312 555 0100', addresses: [{ line1: '1 Lake St', city: 'Chicago' }] },
    });
    expect(explanation.hardRule?.name).toBe('otherCountryInName');
    expect(explanation.band).toBe('review');
  });

  test('the same two names with one DUNS: the identifier decides, the country tail does not cap', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'BRIMWOOD MEDICAL INC - USA', duns: '150483782' },
      b: { name: 'BRIMWOOD MEDICAL INC - CANADA', duns: '150483782' },
    });
    expect(explanation.hardRule?.name).not.toBe('otherCountryInName');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a sponsor list brand joins the cluster task of the legal name it heads', async () => {
    const legal = await ingestVendors('erp', [
      { name: 'Tallowin Software, Inc.', street: '100 Main St', city: 'Boise', country: 'US' },
      { name: 'TALLOWIN SOFTWARE INC', street: 'PO Box 5500', city: 'Denver', country: 'US' },
    ]);
    const [brand] = await ingestVendors('sponsor', [{ name: 'Tallowin' }]);
    expect(memberIdsOf(await clusterTaskOf(brand))).toEqual([...legal, brand].sort());
  });

  test('a country after the legal form splits one name into two cluster tasks', async () => {
    const usa = await ingestVendors('erp', [
      { name: 'CORVANTA SURGICAL INC - USA', street: '9 Elm St', city: 'Omaha' },
      { name: 'CORVANTA SURGICAL INC - USA', street: 'PO Box 77', city: 'Lincoln' },
    ]);
    const canada = await ingestVendors('sam', [
      { name: 'CORVANTA SURGICAL INC - CANADA', street: '4 Bay St', city: 'Toronto' },
      { name: 'CORVANTA SURGICAL INC - CANADA', street: 'PO Box 12', city: 'Ottawa' },
    ]);
    expect(memberIdsOf(await clusterTaskOf(usa[0]))).toEqual([...usa].sort());
    expect(memberIdsOf(await clusterTaskOf(canada[0]))).toEqual([...canada].sort());
  });
});
