/**
 * Supplier names as drug registers, manufacturing-site registers, campaign filings, benefit-plan schedules and
 * small-country registers write them (supplier-3.23.0; registerNames.ts through the `captionNames` param; alias tables
 * organizationAbbreviations 1.5.0, legalSuffixes 1.10.0, legalPrefixes 1.4.0; cluster review:
 * `corporationAndLlc` bridges left out):
 * - a unit, plant, place or tax id after the legal name is a site of that legal entity (`X LIMITED UNIT-V`, `X LTD III`,
 *   `X LTD. - PLACE`, `X S.A. - NIT …`);
 * - a short name with its expansion (`ABC (Alpha Beta Company Ltd)`, `T&TEC - …`) gives both as the record's names;
 * - fixed-width register abbreviations (`PHARMA`, `INS`) and Armenian, Uzbek, Kyrgyz and Andean legal forms;
 * - a name stating no legal form that links to both an Inc and its LLC namesake joins neither cluster task.
 * Every company here is made up, written in the conventions of those registers; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { acronymAndExpansion, withoutSiteDesignation } from '../../server/matching/registerNames';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf, compareNames } = vendorTestServer({
  sources: ['gmp', 'applicant', 'fec', 'erp'],
  idPrefix: 'R',
});

describe('withoutSiteDesignation: the legal name before a unit, plant, place or tax id', () => {
  test.each<[string, string | null]>([
    ['ORCHARD BIOGENERICS LIMITED UNIT-V', 'ORCHARD BIOGENERICS LIMITED'],
    ['Orchard Biogenerics Ltd. Unit II (Baddi)', 'Orchard Biogenerics Ltd.'],
    ['ORCHARD BIOGENERICS PVT. LTD. UNIT NO. 3', 'ORCHARD BIOGENERICS PVT. LTD.'],
    ['ORCHARD BIOGENERICS LTD III', 'ORCHARD BIOGENERICS LTD'],
    ['VANTOR REMEDIES LTD. - SANAND', 'VANTOR REMEDIES LTD.'],
    ['Vantor Remedies Limited (Pune) - Plant 2', 'Vantor Remedies Limited'],
    ['KALOS PHARMA LTD - MAIN FACTORY', 'KALOS PHARMA LTD'],
    ['Laboratorios Altiplano S.A. - NIT 4410022015', 'Laboratorios Altiplano S.A.'],
    ['Farmaceutica Litoral S.A. de C.V. - Monterrey', 'Farmaceutica Litoral S.A. de C.V.'],
    // No legal form before the tail, a partnership's fund number, or a second company after the dash: left alone.
    ['Harbour Water Authority - Kingston', null],
    ['Lakeshore Growth Fund LP II', null],
    ['KALOS PHARMA LTD - KALOS HOLDINGS LTD', null],
    ['Orchard Biogenerics Limited', null],
    ['Unit Dose Services Inc', null],
  ])('%s → %s', (raw, legal) => {
    expect(withoutSiteDesignation(raw)).toBe(legal);
  });
});

describe('acronymAndExpansion: a short name spelt out', () => {
  test.each<[string, [string, string] | null]>([
    ['HLP (Harbour Light and Power Ltd)', ['HLP', 'Harbour Light and Power Ltd']],
    ['M.S.S. (Meridian Surgical & Sterile)', ['M.S.S.', 'Meridian Surgical & Sterile']],
    ['IPDEC (Island Property Development Co. Ltd.)', ['IPDEC', 'Island Property Development Co. Ltd.']],
    ['LIFA (Laboratorios Industriales Farmacéuticos Andinos)', ['LIFA', 'Laboratorios Industriales Farmacéuticos Andinos']],
    ['NEC - NORTHERN ELECTRICITY COMM', ['NEC', 'NORTHERN ELECTRICITY COMM']],
    ['Northern Electricity Commission - NEC', ['NEC', 'Northern Electricity Commission']],
    // A parent or brand in brackets, a place, or an acronym of one word is no expansion.
    ['KMS LTD (ORINOCO)', null],
    ['WAVE (Coastal Cable Jamaica Ltd)', null],
    ['HLP (Jamaica)', null],
    ['Harbour Light and Power Ltd', null],
  ])('%s', (raw, parts) => {
    expect(acronymAndExpansion(raw)).toEqual(parts);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // Sites and Orange Book plant numerals of one manufacturer.
    ['ORCHARD BIOGENERICS LIMITED UNIT-V', 'Orchard Biogenerics Limited'],
    ['ORCHARD BIOGENERICS LTD II', 'ORCHARD BIOGENERICS LTD IV'],
    ['VANTOR REMEDIES LTD. - SANAND', 'Vantor Remedies Limited'],
    ['Laboratorios Altiplano S.A. - NIT 4410022015', 'LABORATORIOS ALTIPLANO S.A.'],
    // Fixed-width register abbreviations.
    ['VANTOR PHARMA LTD', 'Vantor Pharmaceuticals Limited'],
    ['MERIDIAN LIFE INS CO', 'Meridian Life Insurance Company'],
    // An acronym with its expansion.
    ['HLP (Harbour Light and Power Ltd)', 'HARBOUR LIGHT & POWER LIMITED'],
    // Legal forms of Armenian, Uzbek, Kyrgyz and Andean registers.
    ['«ՍԵՎԱՆ ՄԵԴ» ՍՊԸ', '"Sevan Med" LLC'],
    ['«ՍԵՎԱՆ ՄԵԴ» ՓԲԸ', 'SEVAN MED CJSC'],
    ['"ORIYO MED" MCHJ', 'Oriyo Med LLC'],
    ['"ORIYO MED" MAS\'ULIYATI CHEKLANGAN JAMIYAT', 'ORIYO MED LLC'],
    ['ОсОО "Ала-Тоо Мед"', 'Ala-Too Med LLC'],
    ['DROGUERIA SAN JORGE C.I.S.A.', 'Drogueria San Jorge Comercial e Industrial Sociedad Anonima'],
    ['Distribuidora Cotopaxi Cía. Ltda.', 'DISTRIBUIDORA COTOPAXI'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a site of an Indian Ltd is not its US Inc: one name, two legal forms, never merged on names', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'ORCHARD BIOGENERICS LIMITED UNIT-II' },
      b: { name: 'ORCHARD BIOGENERICS INC' },
    });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match' });
    expect(explanation.band).not.toBe('auto-merge');
    // A US form against a foreign one with nothing else in common is vetoed since supplier-3.33.0 (was capped at review).
    expect(explanation.hardRule?.name).toBe('usAndForeignLegalForm');
    expect(explanation.band).toBe('no-match');
  });

  test('two funds of one partnership are not one name', async () => {
    expect(await compareNames('Lakeshore Growth Fund LP II', 'Lakeshore Growth Fund LP III')).not.toMatchObject({ outcome: 'match' });
  });
});

describe('one manufacturer in a site register, a drug register and a vendor master (POST /ingest)', () => {
  test('its sites, plant numerals and abbreviated names reach a steward as one cluster task', async () => {
    const [site] = await ingestVendors('gmp', [{ name: 'HALDOR LIFESCIENCES LIMITED UNIT-IV', city: 'Vadodara', country: 'IN' }]);
    const [plantA, plantB] = await ingestVendors('applicant', [
      { name: 'HALDOR LIFESCIENCES LTD II' },
      { name: 'HALDOR LIFESCIENCES LTD III' },
    ]);
    const [holder] = await ingestVendors('erp', [
      { name: 'Haldor Lifesciences Limited', street: '5 Marine Drive', city: 'Mumbai', country: 'IN' },
    ]);
    const ids = [site, plantA, plantB, holder];
    expect(new Set(ids).size).toBe(4);
    expect(memberIdsOf(await clusterTaskOf(site))).toEqual([...ids].sort());
  });
});

describe('a name stating no legal form between two companies of one name joins neither cluster task', () => {
  test('an Inc and an LLC of one name (corporationAndLlc leaves its bridges out)', async () => {
    const corporation = await ingestVendors('erp', [
      { name: 'TAMARACK MOBILE IMAGING, INC.', street: '40 Shore Rd', city: 'Toms River', postal: '08753', country: 'US' },
      { name: 'TAMARACK MOBILE IMAGING INC' },
    ]);
    const llc = await ingestVendors('gmp', [
      { name: 'TAMARACK MOBILE IMAGING LLC', street: '900 Lapeer Ave', city: 'Port Huron', postal: '48060', country: 'US' },
      { name: 'TAMARACK MOBILE IMAGING L.L.C.' },
    ]);
    const [bare] = await ingestVendors('fec', [{ name: 'TAMARACK MOBILE IMAGING' }]);
    expect(memberIdsOf(await clusterTaskOf(corporation[0]))).toEqual([...corporation].sort());
    expect(memberIdsOf(await clusterTaskOf(llc[0]))).toEqual([...llc].sort());
    expect(await clusterTaskOf(bare)).toBeUndefined();
  });
});
