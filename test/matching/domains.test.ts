/**
 * Pairs that must and must not match, per domain, drawn from how duplicates really look in
 * healthcare master data (shared/reference/healthcare-master-data.md, "How duplicates really look").
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileRules, loadRules, scorePair } from '../../server/matching';
import type { CanonicalRecord, CompiledRules, MatchBand } from '../../server/matching';
import { at } from '../support/must';

interface PairCase {
  title: string;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
  band: MatchBand;
  hardRule?: string;
  relationship?: string;
}

const rec = (id: string, fields: Record<string, unknown>): CanonicalRecord => ({ sourceId: id, status: 'active', ...fields });

const ITEM_CASES: PairCase[] = [
  {
    title: 'packaging levels (each vs case GTIN) are related, never merged',
    a: {
      description: 'GLOVE EXAM NITRILE PF LG',
      manufacturer: { name: 'Medline Industries' },
      manufacturerPartNumber: 'MDS195085',
      gtin: '00012345678905',
    },
    b: {
      description: 'GLOVE EXAM NITRILE PF LG CS/1000',
      manufacturer: { name: 'Medline Industries, Inc.' },
      manufacturerPartNumber: 'MDS195085',
      gtin: '10012345678902',
    },
    band: 'no-match',
    hardRule: 'packagingLevel',
    relationship: 'packaging-level',
  },
  {
    title: 'an each record listing its box GTIN under packaging vs the box-level record: related, never merged',
    a: {
      description: 'SPONGE GAUZE 2X2 8PLY NONSTERILE',
      manufacturer: { name: 'Covidien LP' },
      manufacturerPartNumber: '2146',
      gtin: '00012345678905',
      packaging: [
        { uom: 'EA', quantityOfEaches: 1, gtin: '00012345678905' },
        { uom: 'BX', quantityOfEaches: 200, gtin: '10012345678902' },
      ],
    },
    b: {
      description: 'Sponge, Gauze, 2X2 8PLY, Non-Sterile (Box of 200)',
      manufacturer: { name: 'Covidien' },
      manufacturerPartNumber: '2146',
      gtin: '10012345678902',
    },
    band: 'no-match',
    hardRule: 'packagingLevel',
    relationship: 'packaging-level',
  },
  {
    title: 'GTINs only under packaging on one side, all at other levels than the other side: packaging levels',
    a: {
      description: 'GLOVE EXAM NITRILE LG',
      manufacturer: { name: 'Medline' },
      vendorCatalogNumber: 'MDS195287',
      packaging: [{ uom: 'BX', quantityOfEaches: 100, gtin: '10012345678902' }],
    },
    b: {
      description: 'GLOVE EXAM NITRILE LG CS/1000',
      manufacturer: { name: 'Medline Industries Inc' },
      vendorCatalogNumber: 'MDS195287',
      gtin: '50012345678900',
    },
    band: 'no-match',
    hardRule: 'packagingLevelAny',
    relationship: 'packaging-level',
  },
  {
    title: "the base-unit GTIN found in the other record's packaging list counts as the same GTIN",
    a: {
      description: 'SUTURE VICRYL 3-0 SH',
      manufacturer: { name: 'Ethicon' },
      manufacturerPartNumber: 'J416H',
      packaging: [{ uom: 'EA', quantityOfEaches: 1, gtin: '00012345678905' }],
    },
    b: {
      description: 'SUTURE VICRYL 3-0 SH 27IN',
      manufacturer: { name: 'Ethicon, Inc.' },
      manufacturerPartNumber: 'J-416H',
      gtin: '00012345678905',
    },
    band: 'auto-merge',
  },
  {
    title: 'GTIN-12 with lost leading zeros vs GTIN-14',
    a: { description: 'Catheter Foley 16FR 5CC', gtin: '012345678905', manufacturer: { name: 'Bard' } },
    b: { description: 'FOLEY CATHETER 16 FR 5 CC', gtin: '00012345678905', manufacturer: { name: 'C.R. Bard, Inc.' } },
    band: 'auto-merge',
    hardRule: 'sameGtin',
  },
  {
    title: 'same GTIN on an unrelated description (keying error) goes to review, not merge',
    a: { description: 'CATHETER FOLEY 16FR 5CC', gtin: '00012345678905' },
    b: { description: 'GOWN ISOLATION YELLOW UNIVERSAL', gtin: '00012345678905' },
    band: 'review',
    // Fellegi–Sunter (item 2.0.0 on): the GTIN's match weight alone would reach auto-merge; a keying
    // error breaks the independence the model assumes, so a hard rule sends the pair to review.
    hardRule: 'sameGtinUnrelatedDescription',
  },
  {
    title: 'manufacturer name variants (®, ", INC." vs "Inc") and part number formatting 10-775-PA-55 vs 10775PA55',
    a: { description: 'SUTURE VICRYL 3-0 PS-2 27IN', manufacturer: { name: 'Ethicon®, INC.' }, manufacturerPartNumber: '10-775-PA-55' },
    b: { description: 'Vicryl suture 3-0 PS-2 27"', manufacturer: { name: 'ETHICON Inc' }, manufacturerPartNumber: '10775PA55' },
    band: 'auto-merge',
  },
  {
    title: '"CO., THE" manufacturer variant with the same part number',
    a: { description: 'SPONGE GAUZE 4X4 12PLY STERILE', manufacturer: { name: 'Kendall Co., The' }, manufacturerPartNumber: '2913' },
    b: { description: 'GAUZE SPONGE STERILE 4 X 4 12 PLY', manufacturer: { name: 'KENDALL' }, manufacturerPartNumber: '2913' },
    band: 'auto-merge',
  },
  {
    title: 'description embedding manufacturer + catalog number, no other identifiers',
    a: { description: 'SUTURE VICRYL 3-0 PS-2 27IN', manufacturer: { name: 'Ethicon Inc' }, manufacturerPartNumber: 'J497H' },
    b: { description: 'ETHICON J497H SUTURE VICRYL 3-0 PS-2' },
    band: 'review',
    // Issue 9: free text (a catalog number read from text included) never auto-merges.
    hardRule: 'textOnlyEvidence',
  },
  {
    title: 'distributor catalog number in one field vs manufacturer part number in the other, same text',
    a: { description: 'Glove exam nitrile large (REF 10-775-PA-55)', vendor: { name: 'Owens & Minor' }, vendorCatalogNumber: 'OM-88231' },
    b: { description: 'GLOVE EXAM NITRILE LARGE', manufacturer: { name: 'Medline' }, manufacturerPartNumber: '10775PA55' },
    band: 'review',
    hardRule: 'textOnlyEvidence',
  },
  {
    title: 'same manufacturer, different part numbers (sizes) never merge',
    a: { description: 'GLOVE EXAM NITRILE PF LARGE', manufacturer: { name: 'Medline' }, manufacturerPartNumber: 'MDS195085' },
    b: { description: 'GLOVE EXAM NITRILE PF MEDIUM', manufacturer: { name: 'Medline' }, manufacturerPartNumber: 'MDS195084' },
    band: 'no-match',
    hardRule: 'sameManufacturerDifferentPart',
  },
  {
    title: 'different GTINs are different items even with the same description',
    a: { description: 'SYRINGE 10ML LUER LOCK', gtin: '00012345678905' },
    b: { description: 'SYRINGE 10ML LUER LOCK', gtin: '00886480123459' },
    band: 'no-match',
    hardRule: 'differentGtin',
  },
  {
    title: 'NDC-10 vs NDC-11 of the same package',
    a: { description: 'HEPARIN SOD 5000 UNIT/ML VL 1ML', ndc: '0409-2720-01' },
    b: { description: 'Heparin sodium inj 5,000 units/mL 1 mL vial', ndc: '00409272001' },
    band: 'auto-merge',
    hardRule: 'sameNdc',
  },
  {
    // Issue 9: real duplicates written alike must at least reach a steward; never an auto-merge.
    title: 'identical generic descriptions alone go to review, never auto-merge (many manufacturers sell that glove)',
    a: { description: 'GLOVE EXAM NITRILE PF LARGE BLUE' },
    b: { description: 'GLOVE EXAM NITRILE PF LARGE BLUE' },
    band: 'review',
    hardRule: 'sameDescriptionNoIdentifiers',
  },
  {
    // item-3.5.0's descriptionContained adds weight for the shared words, so since then this pair reaches a
    // steward (capped by textOnlyEvidence) instead of no-match: a changed behaviour, never an auto-merge.
    title: 'identical generic descriptions from different manufacturers never auto-merge',
    a: { description: 'GLOVE EXAM NITRILE PF LARGE BLUE', manufacturer: { name: 'Medline' } },
    b: { description: 'GLOVE EXAM NITRILE PF LARGE BLUE', manufacturer: { name: 'Cardinal Health' } },
    band: 'review',
    hardRule: 'textOnlyEvidence',
  },
  {
    title: 'a different size read from the description vetoes however alike the rest',
    a: { description: 'GLOVE EXAM NITRILE PF SM 100/BX', manufacturer: { name: 'Medline' } },
    b: { description: 'GLOVE EXAM NITRILE PF LG 100/BX', manufacturer: { name: 'Medline' } },
    band: 'no-match',
    hardRule: 'attributeConflict',
  },
  {
    title: 'unrelated items',
    a: { description: 'CATHETER FOLEY 16FR', manufacturer: { name: 'Bard' }, manufacturerPartNumber: '0165L16' },
    b: { description: 'GOWN ISOLATION YELLOW', manufacturer: { name: 'Cardinal Health' }, manufacturerPartNumber: 'ISO-2020' },
    band: 'no-match',
  },
];

const SUPPLIER_CASES: PairCase[] = [
  {
    title: 'remit-to lockbox vs order-from address, same EIN',
    a: {
      name: 'Medline Industries, Inc.',
      taxId: '36-2596858',
      addresses: [{ purposes: ['order'], line1: 'Three Lakes Drive', city: 'Northfield', state: 'IL', postalCode: '60093' }],
    },
    b: {
      name: 'MEDLINE INDUSTRIES INC',
      taxId: '362596858',
      addresses: [{ purposes: ['remit'], line1: 'PO Box 382075', city: 'Pittsburgh', state: 'PA', postalCode: '15251' }],
    },
    band: 'auto-merge',
    hardRule: 'sameTaxIdAndName',
  },
  {
    title: 'DBA: trade name vs legal name with the same EIN',
    a: { name: 'Acme Surgical', taxId: '36-1234567' },
    b: { name: 'Northwind Holdings LLC', legalName: 'Northwind Holdings LLC', alternateNames: ['Acme Surgical'], taxId: '361234567' },
    band: 'auto-merge',
    hardRule: 'sameTaxIdAndName',
  },
  {
    title: 'same EIN but unrelated names goes to review',
    a: { name: 'Acme Surgical', taxId: '36-1234567' },
    b: { name: 'Blue River Imaging', taxId: '361234567' },
    band: 'review',
    hardRule: 'sameTaxId',
  },
  {
    title: 'DUNS with lost leading zero, name variants and same address',
    a: {
      name: 'Becton, Dickinson and Company',
      duns: '01234567',
      addresses: [{ line1: '1 Becton Drive', city: 'Franklin Lakes', state: 'NJ', postalCode: '7417' }],
    },
    b: {
      name: 'BECTON DICKINSON & CO',
      duns: '001234567',
      addresses: [{ line1: '1 BECTON DR', city: 'FRANKLIN LAKES', state: 'NJ', postalCode: '07417' }],
    },
    band: 'auto-merge',
  },
  {
    title: 'parent and child companies with different EINs are not merged',
    a: { name: 'Cardinal Health', taxId: '31-0958666' },
    b: { name: 'Cardinal Health 414 LLC', taxId: '31-1234567' },
    band: 'no-match',
    // supplier-3.37.0: the numbered subsidiary's own veto comes before the tax-id conflict (both veto the pair).
    hardRule: 'otherOperatingCompanyNumber',
  },
  {
    title: 'name variants with the same phone and address but no identifiers',
    a: {
      name: 'Stryker Corp.',
      phone: '(269) 385-2600',
      addresses: [{ line1: '2825 Airview Blvd', city: 'Kalamazoo', state: 'MI', postalCode: '49002' }],
    },
    b: {
      name: 'STRYKER CORPORATION',
      phone: '269-385-2600',
      addresses: [{ line1: '2825 Airview Boulevard', city: 'Kalamazoo', state: 'MI', postalCode: '49002-1234' }],
    },
    band: 'auto-merge',
  },
  {
    title: 'a near-identical name alone is worth a review (duplicate vendors cause duplicate payments), not a merge',
    a: { name: 'Smith Medical Supply' },
    b: { name: 'Smyth Medical Supply' },
    band: 'review',
    // supplier-3.2.0: similar names without an identifier in common never auto-merge, whatever the score.
    hardRule: 'similarNameNoIdentifier',
  },
];

const FACILITY_CASES: PairCase[] = [
  {
    title: 'identical names at different CCNs are different hospitals',
    a: {
      name: 'MEMORIAL HOSPITAL',
      ccn: '150012',
      address: { line1: '615 N Michigan St', city: 'South Bend', state: 'IN', postalCode: '46601' },
    },
    b: {
      name: 'Memorial Hospital',
      ccn: '050001',
      address: { line1: '1 Memorial Dr', city: 'Bakersfield', state: 'CA', postalCode: '93301' },
    },
    band: 'no-match',
    hardRule: 'differentCcn',
  },
  {
    title: 'identical names, no CCN, different places',
    a: { name: 'MEMORIAL HOSPITAL', address: { line1: '615 N Michigan St', city: 'South Bend', state: 'IN', postalCode: '46601' } },
    b: { name: 'Memorial Hospital', address: { line1: '1 Memorial Dr', city: 'Bakersfield', state: 'CA', postalCode: '93301' } },
    band: 'no-match',
    hardRule: 'otherState',
  },
  {
    title: 'renamed facility keeping its CCN (CCN lost its leading zero)',
    a: {
      name: 'St. Mary Medical Center',
      ccn: '50001',
      address: { line1: '1050 Linden Ave', city: 'Long Beach', state: 'CA', postalCode: '90813' },
    },
    b: {
      name: 'Dignity Health - St Mary',
      ccn: '050001',
      address: { line1: '1050 LINDEN AVENUE', city: 'LONG BEACH', state: 'CA', postalCode: '90813' },
    },
    band: 'auto-merge',
    hardRule: 'sameCcnSameAddress',
  },
  {
    title: 'multi-campus hospital sharing one CCN goes to review',
    a: {
      name: 'University Hospital',
      ccn: '150012',
      address: { line1: '100 Main St', city: 'Indianapolis', state: 'IN', postalCode: '46202' },
    },
    b: {
      name: 'University Hospital North Campus',
      ccn: '150012',
      address: { line1: '9000 N Meridian St', city: 'Carmel', state: 'IN', postalCode: '46032' },
    },
    band: 'review',
    hardRule: 'sameCcnOtherAddress',
  },
  {
    title: 'a department at the hospital address (pharmacy, receiving dock) is a child location, not the hospital',
    a: { name: 'Riverside Medical Center', address: { line1: '4311 Church St', city: 'Newark', state: 'NJ', postalCode: '07102' } },
    b: { name: 'Riverside Pharmacy', address: { line1: '4311 CHURCH STREET', city: 'NEWARK', state: 'NJ', postalCode: '7102' } },
    band: 'review',
    // Issue 9: the facility kind read from the name (main facility vs pharmacy) caps the pair at review.
    hardRule: 'otherKindOfFacility',
  },
  {
    title: 'one of several NPIs shared, same name and address',
    a: {
      name: 'Riverside Clinic',
      npis: ['1245319599'],
      address: { line1: '12 River Rd', city: 'Austin', state: 'TX', postalCode: '78701' },
    },
    b: {
      name: 'RIVERSIDE CLINIC',
      npis: ['1234567893', '1245319599'],
      address: { line1: '12 River Road', city: 'Austin', state: 'TX', postalCode: '78701' },
    },
    band: 'auto-merge',
  },
];

const ACCOUNT_CASES: PairCase[] = [
  {
    title: 'effective-dated rows of one account (reworded description)',
    a: {
      name: 'Medical/Surgical Supplies',
      accountNumber: '6000.40',
      company: 'US001',
      kind: 'gl-account',
      accountType: 'expense',
      effectiveDate: '2019-01-01',
    },
    b: {
      name: 'Med Surg Supplies - General',
      accountNumber: '600040',
      company: 'us001',
      kind: 'gl-account',
      accountType: 'expense',
      effectiveDate: '2023-07-01',
    },
    band: 'auto-merge',
  },
  {
    title: 'same account number in different companies is not a match',
    a: { name: 'Medical/Surgical Supplies', accountNumber: '6000.40', company: 'US001', kind: 'gl-account', accountType: 'expense' },
    b: { name: 'Medical/Surgical Supplies', accountNumber: '6000.40', company: 'US002', kind: 'gl-account', accountType: 'expense' },
    band: 'no-match',
    hardRule: 'differentCompany',
  },
  {
    title: 'two account numbers in one company with the same description',
    a: { name: 'Supplies', accountNumber: '6000.40', company: 'US001', kind: 'gl-account' },
    b: { name: 'Supplies', accountNumber: '7000.40', company: 'US001', kind: 'gl-account' },
    band: 'no-match',
    hardRule: 'differentNumberSameCompany',
  },
  {
    title: 'a cost center never matches a GL account',
    a: { name: 'Radiology', accountNumber: '540', company: 'US001', kind: 'cost-center' },
    b: { name: 'Radiology', accountNumber: '540', company: 'US001', kind: 'gl-account' },
    band: 'no-match',
    hardRule: 'differentKind',
  },
];

const DOMAINS: Array<[string, PairCase[]]> = [
  ['item', ITEM_CASES],
  ['supplier', SUPPLIER_CASES],
  ['facility', FACILITY_CASES],
  ['account', ACCOUNT_CASES],
];

describe.each(DOMAINS)('%s pairs', (domain, cases) => {
  let rules: CompiledRules;
  beforeAll(async () => {
    rules = await loadRules(domain);
  });

  test.each(cases)('$title → $band', ({ a, b, band, hardRule, relationship }) => {
    const explanation = scorePair({ a: rec('A', a), b: rec('B', b), rules });
    const summary = {
      band: explanation.band,
      hardRule: explanation.hardRule?.name,
      relationship: explanation.relationship,
      score: explanation.score,
    };
    expect(summary, JSON.stringify(explanation.comparators.filter((c) => c.score !== null))).toMatchObject({
      band,
      hardRule,
      relationship,
    });
    // Symmetric: the order of the records never changes the decision.
    const reversed = scorePair({ a: rec('B', b), b: rec('A', a), rules });
    expect(reversed.band).toBe(explanation.band);
    expect(reversed.score).toBeCloseTo(explanation.score, 4);
  });
});

describe('explanations', () => {
  test('carry the rules version, every comparator with both values, the hard rule and the band', async () => {
    const rules = await loadRules('item');
    const explanation = scorePair({ a: rec('A', at(ITEM_CASES, 0).a), b: rec('B', at(ITEM_CASES, 0).b), rules });
    expect(explanation.rulesVersion).toBe(
      (JSON.parse(readFileSync(new URL('../../matching-rules/item.json', import.meta.url), 'utf8')) as { version: string }).version,
    );
    expect(explanation.aSourceId).toBe('A');
    expect(explanation.comparators.map((c) => c.name)).toEqual(rules.comparators.map((c) => c.rule.name));
    expect(explanation.comparators.find((c) => c.name === 'gtin')).toMatchObject({
      type: 'identifier',
      weight: 5,
      score: 0,
      outcome: 'related',
      a: '00012345678905',
      b: '10012345678902',
    });
    expect(explanation.comparators.find((c) => c.name === 'ndc')).toMatchObject({ score: null, outcome: 'missing', a: null, b: null });
    expect(explanation.hardRule).toEqual({ name: 'packagingLevel', action: 'veto', relationship: 'packaging-level' });
  });

  test('missing values add no evidence; the minimum evidence weight keeps sparse pairs out of auto-merge', async () => {
    // The weighted model (still selectable with `model`), with the thresholds facility-1.1.0 had.
    const shipped = (await loadRules('facility')).rules;
    const rules = compileRules({ ...shipped, model: 'weighted', thresholds: { autoMerge: 0.8, review: 0.55 } });
    const explanation = scorePair({ a: rec('A', { name: 'Riverside Clinic' }), b: rec('B', { name: 'RIVERSIDE CLINIC' }), rules });
    expect(explanation.evidenceWeight).toBe(2);
    expect(explanation.score).toBeCloseTo(2 / 6, 4);
    expect(explanation.band).toBe('no-match');
  });
});

describe('Fellegi–Sunter explanations', () => {
  test('each comparator shows its level, m, u and match weight; the pair its prior, total weight and probability', async () => {
    const rules = await loadRules('facility');
    const explanation = scorePair({
      a: rec('A', { name: 'Riverside Clinic', phone: '512-555-0100' }),
      b: rec('B', { name: 'RIVERSIDE CLINIC', phone: '(512) 555-0100' }),
      rules,
    });
    expect(explanation.model).toBe('fellegiSunter');
    const name = explanation.comparators.find((c) => c.name === 'name');
    expect(name).toMatchObject({ level: 'exact', outcome: 'match' });
    expect(name?.matchWeight).toBeCloseTo(Math.log2((name?.m ?? 0) / (name?.u ?? 1)), 3);
    // Missing comparisons are level `missing` with weight 0: absence is not evidence.
    expect(explanation.comparators.find((c) => c.name === 'ccn')).toMatchObject({ level: 'missing', matchWeight: 0, score: null });
    const total = (explanation.priorMatchWeight ?? 0) + explanation.comparators.reduce((sum, c) => sum + (c.matchWeight ?? 0), 0);
    expect(explanation.matchWeight).toBeCloseTo(total, 3);
    expect(explanation.probability).toBeCloseTo(2 ** total / (1 + 2 ** total), 4);
    expect(explanation.score).toBeCloseTo(explanation.probability ?? -1, 4);
  });

  test('a lone exact name stays below auto-merge: names alone rarely merge', async () => {
    const rules = await loadRules('facility');
    const explanation = scorePair({ a: rec('A', { name: 'Riverside Clinic' }), b: rec('B', { name: 'RIVERSIDE CLINIC' }), rules });
    expect(explanation.probability).toBeLessThan(rules.rules.thresholds.autoMerge);
    expect(explanation.band).not.toBe('auto-merge');
  });
});
