/**
 * Vendor-name conventions of the tenth organisation round (supplier-3.9.0):
 * - payee text: the channel words a bank statement writes before the payee (NACHA `ACH CCD`, `SEPA CT`, `BACS`, `TT
 *   OUT`, `PAYMENT TO`…), a card processor's prefix before the asterisk of a merchant descriptor (`SQ *`, `PAYPAL *`,
 *   `TST*`), and a city or the paying bank after the legal form (`X SDN BHD MAYBANK KL`, `X W L L DOHA`);
 * - names written in Cyrillic or Greek letters read as their romanised form (`ООО «X»` = `X OOO`, `Χ Α.Ε.` = `CH A.E.`);
 * - legal forms of the Gulf, Greek, Cyrillic-register, Portuguese, Baltic, Irish, Thai, Indonesian and Vietnamese
 *   registers, and payee abbreviations (`IND`, `SUPPL`, `AUTH`);
 * - a word some sources write before the name that also starts other names (`PT`, `AS`, `AB`, `SC`, `AO`, `EFT`, `ACH`,
 *   `OP`), and connectors a payee field drops (`&`, `OF`), make names near-identical, never the same.
 * The companies here are made up, not those of the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeOrgName, romanizeCyrillicAndGreek } from '../../server/identifiers/names';
import { isPlaceAfterFormOf, isSameWithoutConnectors, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { nameComparison } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('bank-statement channel words before the payee (paymentChannelPrefixes, through the public API)', () => {
  test.each<[string, string]>([
    // NACHA: the bank prints the standard entry class before the 16-character company-name field.
    ['ACH CCD QUILLAN MEDICAL INC', 'Quillan Medical, Inc.'],
    ['ACH PPD HALVORSEN SURGICAL', 'HALVORSEN SURGICAL LLC'],
    ['SEPA CT KORVANE PHARMA BV', 'Korvane Pharma B.V.'],
    ['BACS HALVORSEN SURGICAL', 'Halvorsen Surgical Ltd'],
    ['TT OUT KORVANE PHARMA', 'KORVANE PHARMA'],
    ['WIRE OUT QUILLAN MEDICAL', 'Quillan Medical'],
    ['PAYMENT TO QUILLAN MEDICAL LTD', 'Quillan Medical Limited'],
    ['RTGS QUILLAN MEDICAL', 'Quillan Medical'],
    ['EFT CREDIT QUILLAN MEDICAL INC', 'QUILLAN MEDICAL INC'],
    ['TRF TO QUILLAN MEDICAL', 'Quillan Medical'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a channel word that also starts company names is listed only with its entry class (ACH Food, EFT alone)', async () => {
    expect((await compareNames('ACH QUILLAN FOODS', 'QUILLAN FOODS'))?.score ?? 0).toBeLessThan(1);
    expect((await compareNames('EFT QUILLAN SOLUTIONS', 'QUILLAN SOLUTIONS'))?.score ?? 0).toBeLessThan(1);
  });
});

describe('a card processor before the merchant descriptor (orgName normaliser)', () => {
  test.each<[string, string]>([
    ['SQ *QUILLAN LOCK & KEY', 'QUILLAN LOCK AND KEY'],
    ['PAYPAL *HALVORSENMED', 'HALVORSENMED'],
    ['TST* QUILLAN CAFE', 'QUILLAN CAFE'],
    ['SP * KORVANE SUPPLY', 'KORVANE SUPPLY'],
    // One character before the asterisk is part of a name (A*STAR, E*TRADE), and an asterisk inside a name stays.
    ['A*STAR', 'A STAR'],
    ['E*TRADE FINANCIAL', 'E TRADE FINANCIAL'],
    ['QUILLAN MEDICAL SUPPLY *', 'QUILLAN MEDICAL SUPPLY'],
    ['*QUILLAN MEDICAL', 'QUILLAN MEDICAL'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeOrgName(raw)).toBe(normalized);
  });

  test('through the public API', async () => {
    expect(await compareNames('PAYPAL *QUILLANMEDICAL', 'QuillanMedical, Inc.')).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a city or the paying bank after the legal form of a payee line', () => {
  test.each<[string, string, boolean]>([
    ['QUILLAN MEDICAL SDN BHD MAYBANK KL', 'QUILLAN MEDICAL', true],
    ['QUILLAN MEDICAL W L L DOHA', 'QUILLAN MEDICAL', true],
    ['QUILLAN MEDICAL A S LYNGE', 'QUILLAN MEDICAL', true],
    ['QUILLAN MEDICAL SP Z O O WARSZAWA', 'QUILLAN MEDICAL', true],
    // The form the other value lost, written twice before the place (`CORP LTD KIKUYU`).
    ['QUILLAN CORPORATION LTD KIKUYU', 'QUILLAN', true],
    ['QUILLAN CO LTD NAIROBI', 'QUILLAN', true],
    // Three words after the form are more than a place; a form of `CO` is no form a place follows; a number is no place.
    ['QUILLAN MEDICAL SA CLUJ NAPOCA RO', 'QUILLAN MEDICAL', false],
    ['QUILLAN MEDICAL AND CO PRODUCTS', 'QUILLAN MEDICAL', false],
    ['QUILLAN MEDICAL CO PRODUCTS', 'QUILLAN MEDICAL', false],
    ['QUILLAN MEDICAL LTD CO PRODUCTS', 'QUILLAN MEDICAL', false],
    ['QUILLAN MEDICAL SDN BHD 2', 'QUILLAN MEDICAL', false],
  ])('isPlaceAfterFormOf(%s, %s) = %s', (long, short, expected) => {
    expect(isPlaceAfterFormOf(long, short)).toBe(expected);
  });

  test('through the public API: near-identical, never the same name', async () => {
    expect(await compareNames('WIRE OUT QUILLAN MEDICAL SDN BHD MAYBANK KL', 'Quillan Medical Sdn. Bhd.')).toMatchObject({
      outcome: 'partial',
      score: TRUNCATED_SCORE,
    });
  });
});

describe('names in Cyrillic and Greek letters read as their romanised form', () => {
  test.each<[string, string]>([
    ['ООО «Квиллан Медикал»', 'OOO «KVILLAN MEDIKAL»'],
    ['ХИМЦЕНТР', 'KHIMTSENTR'],
    ['ЩУКА', 'SHCHUKA'],
    ['ΚΟΡΒΑΝΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ', 'KORVANI ANONYMI ETAIREIA'],
    ['ΝΤΑΛΒΟΡ ΜΠΟΥΡΑΣ', 'DALVOR BOURAS'],
    ['ΕΥΡΩΦΑΡΜ', 'EVROFARM'],
  ])('%s → %s', (raw, romanised) => {
    expect(romanizeCyrillicAndGreek(raw)).toBe(romanised);
  });

  test('the micro sign of a unit alone is not read as Greek', () => {
    expect(romanizeCyrillicAndGreek('10 μL')).toBe('10 μL');
    expect(normalizeOrgName('QUILLAN μ SYSTEMS')).toBe('QUILLAN MC SYSTEMS');
  });

  test.each<[string, string]>([
    ['ООО «Квиллан Медикал»', 'KVILLAN MEDIKAL OOO'],
    ['АКЦИОНЕРНОЕ ОБЩЕСТВО «КВИЛЛАН»', 'JSC KVILLAN'],
    ['АКЦІОНЕРНЕ ТОВАРИСТВО «КОРВАН»', 'PJSC KORVAN'],
    ['ΚΟΡΒΑΝΗ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ', 'KORVANI A.E.'],
  ])('through the public API: %s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('legal forms of more registers (legalSuffixes 1.5.0, legalPrefixes 1.1.0, through the public API)', () => {
  test.each<[string, string]>([
    // Gulf: public / private joint-stock companies, W.L.L. written with spaces.
    ['Halvorsen Pharmaceutical Industries P.S.C.', 'HALVORSEN PHARMACEUTICAL INDUSTRIES'],
    ['HALVORSEN MEDICAL W L L', 'Halvorsen Medical W.L.L.'],
    // Greece: A.E., A.B.E.E.
    ['KORVANI A.B.E.E.', 'Korvani'],
    // Cyrillic registers romanised, the form before or after the name.
    ['JSC KVILLAN', 'KVILLAN AO'],
    ['PJSC KORVAN', 'Korvan'],
    // Portugal: Unipessoal, Lda.
    ['QUILLAN EQUIPAMENTOS MEDICOS UNIPESSOAL LDA', 'Quillan Equipamentos Medicos'],
    // Baltic: UAB, SIA, OÜ, the Latvian form written out.
    ['UAB QUILLAN', 'Quillan'],
    ['Akciju sabiedrība "Quillan"', 'QUILLAN'],
    ['Quillan Medical OÜ', 'QUILLAN MEDICAL'],
    // Ireland: Teoranta / Teo., CLG, Unlimited Company, Company Limited by Guarantee.
    ['Quillan Biomedical Teo.', 'QUILLAN BIOMEDICAL TEORANTA'],
    ['THE QUILLAN FOUNDATION COMPANY LIMITED BY GUARANTEE', 'Quillan Foundation CLG'],
    ['QUILLAN UNLIMITED COMPANY', 'Quillan'],
    // Thailand: Public Company Limited = PCL.
    ['Korvane Gloves Public Co., Ltd.', 'KORVANE GLOVES PCL'],
    // Indonesia: Persero (a state-owned company) and Tbk.
    ['KORVANE FARMA PERSERO TBK', 'Korvane Farma'],
    // Vietnam: Công ty cổ phần (joint-stock company) before the name, JSC after it.
    ['CÔNG TY CỔ PHẦN DƯỢC KORVANE', 'Duoc Korvane JSC'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    // Forms that also start ordinary names stay out of the leading table: AB Sciex, S.C. Johnson, PT (physical therapy).
    ['AB QUILLAN', 'QUILLAN'],
    ['SC QUILLAN', 'QUILLAN'],
    ['PT QUILLAN', 'QUILLAN'],
  ])('%s is not %s', async (a, b) => {
    expect((await compareNames(a, b))?.score ?? 0).toBeLessThan(1);
  });
});

describe('payee abbreviations (organizationAbbreviations 1.4.0, through the public API)', () => {
  test.each<[string, string]>([
    ['QUILLAN RUBBER IND BHD', 'Quillan Rubber Industries Berhad'],
    ['QUILLAN MED SUPPL', 'Quillan Medical Supply'],
    ['KORVANE MEDICAL SUPPLIES AUTH', 'Korvane Medical Supplies Authority'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a leading word that also starts other names (ambiguousNamePrefixes, through the public API)', () => {
  test.each<[string, string]>([
    ['PT KORVANE FARMA TBK', 'Korvane Farma'],
    ['KORVANE FARMA TBK, PT', 'PT. Korvane Farma Tbk'],
    ['AS QUILLAN', 'QUILLAN AS'],
    ['EFT QUILLAN MEDICAL INC', 'Quillan Medical Inc.'],
    // A payment channel, the name, its form and the city: both readings at once.
    ['OP QUILLAN SA CLUJ NAPOCA', 'QUILLAN S.A.'],
  ])('%s ≈ %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
  });

  test('two values that both lead with such a word are not read so', async () => {
    expect((await compareNames('PT QUILLAN', 'AB QUILLAN'))?.score ?? 1).toBeLessThan(TRUNCATED_SCORE);
  });
});

describe('connectors a payee field drops', () => {
  test.each<[string, string, boolean]>([
    ['FISHERTON PAYKELL HEALTHCARE', 'FISHERTON AND PAYKELL HEALTHCARE', true],
    ['BRIGHTMOOR CARE EVANSTON', 'BRIGHTMOOR CARE OF EVANSTON', true],
    ['QUILLAN', 'QUILLAN', false],
    ['AND', 'OF', false],
    ['QUILLAN AND KORVANE', 'KORVANE AND QUILLAN', false],
    ['QUILLAN KORVANE SUPPLY', 'QUILLAN AND KORVANE', false],
  ])('isSameWithoutConnectors(%s, %s) = %s', (x, y, expected) => {
    expect(isSameWithoutConnectors(x, y)).toBe(expected);
  });

  test('through the public API: near-identical', async () => {
    expect(await compareNames('ACH CCD FISHERTON PAYKELL HLTHCR INC', 'Fisherton & Paykell Healthcare, Inc.')).toMatchObject({
      outcome: 'partial',
      score: TRUNCATED_SCORE,
    });
  });
});
