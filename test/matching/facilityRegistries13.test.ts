/**
 * Facility names across registries, scripts and languages (facility-2.9.0):
 * - the `facilityName` normaliser (fixture table): a paper affiliation read as its facility segment, a DHIS2 district
 *   prefix dropped, Kunrei-shiki romaji read as Hepburn, a brand glued to UMC split, Greek romanised as ELOT 743;
 * - through `POST /matching/verify` with the shipped rules: Turkish, Swedish, German, French, Ukrainian, Persian and
 *   Japanese facility words, African master-facility-list abbreviations, Romance name particles, an affiliation equal
 *   to a registry name merging while a near one is capped at review, and the address comparator reading a region with
 *   its kind word, a street type written first and a Greek address.
 * The hospitals here are made up (Quill-, Valdor-), not those of the corpora; the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const { verify, compareNames } = matchingTestServer('facility');

describe('facilityName normaliser', () => {
  test.each<{ input: string; output: string }>([
    // A paper affiliation (three segments or more): the first segment naming a facility, a department skipped.
    { input: 'Quillfield Hospital, Valdoria University of Medical Sciences, Valdoria, Iran', output: 'QUILLFIELD HOSPITAL' },
    { input: 'Department of Surgery, Quillstadt Medical Center, Quillstadt, Germany', output: 'QUILLSTADT MEDICAL CENTER' },
    { input: "Children's Hospital, Valdoria Teaching Hospitals, Valdor, Zambia", output: 'CHILDRENS HOSPITAL' },
    // Translated nouns name a facility too (Universitätsklinikum = university hospital).
    { input: 'Klinik für Kardiologie, Universitätsklinikum Quillstadt, Quillstadt, Germany', output: 'UNIVERSITATSKLINIKUM QUILLSTADT' },
    // Two segments are a registry name with its site, compared whole.
    { input: 'Valdoria Universitetssjukhuset, Östra', output: 'VALDORIA UNIVERSITETSSJUKHUSET OSTRA' },
    { input: 'Quillfield Hospital, Valdoria', output: 'QUILLFIELD HOSPITAL VALDORIA' },
    // No segment names a facility: left whole.
    { input: 'Valdoria, Quillstadt, Germany', output: 'VALDORIA QUILLSTADT GERMANY' },
    // A DHIS2 district code; a name particle is not one.
    { input: 'kb Quillan Govt Hospital', output: 'QUILLAN GOVT HOSPITAL' },
    { input: 'de Quillan Hospital', output: 'DE QUILLAN HOSPITAL' },
    // Kunrei-shiki romaji read as Hepburn; a name with an English word is left alone.
    { input: 'Hukusima Kenritu Ika Daigaku Huzoku Byôin', output: 'FUKUSHIMA KENRITSU IKA DAIGAKU FUZOKU BYOIN' },
    { input: 'Fukushima Kenritsu Ika Daigaku Fuzoku Byōin', output: 'FUKUSHIMA KENRITSU IKA DAIGAKU FUZOKU BYOIN' },
    { input: 'Tiba-ken Syôni Byôin', output: 'CHIBA KEN SHONI BYOIN' },
    { input: 'Tiba University Hospital', output: 'TIBA UNIVERSITY HOSPITAL' },
    // A brand glued to UMC; Greek as ELOT 743 writes it (ΕΥ = EV, ΓΓ = NG).
    { input: 'Valdorumc', output: 'VALDOR UMC' },
    { input: 'Γενικό Νοσοκομείο «Ευαγγελίστρια»', output: 'GENIKO NOSOKOMEIO EVANGELISTRIA' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('facility words of more languages and lists read as the English ones (shipped rules)', () => {
  test.each<[string, string]>([
    ['Quillköy Eğitim ve Araştırma Hastanesi', 'Quillkoy Training and Research Hospital'],
    ['QUILLKOY DEVLET HASTANESI', 'Quillköy State Hospital'],
    ['Valdor Şehir Hastanesi', 'Valdor City Hospital'],
    ['Quillby Universitetssjukhus', 'Quillby University Hospital'],
    ['Universitätsklinikum Quillstadt', 'Quillstadt University Hospital'],
    ["L'Hôpital de Quillan", 'The Quillan Hospital'],
    ['Centre hospitalier universitaire Sainte-Quillane', 'Sainte-Quillane University Hospital Centre'],
    ['CHU Sainte-Quillane', 'Sainte-Quillane University Hospital Centre'],
    ['Дитяча лікарня «Квілан»', "Kvilan Children's Hospital"],
    ['Emam Quilla Hospital', 'Imam Quilla Hospital'],
    ['kb Quillan Govt Hospital', 'Quillan Government Hospital'],
    ['Quillan MCHP', 'Quillan Maternal and Child Health Post'],
    ['Quillan CHC', 'Quillan Community Health Centre'],
    ['UTH Valdor', 'University Teaching Hospital Valdor'],
    ['Hukusima Kenritu Ika Daigaku Huzoku Byôin', 'Fukushima Kenritsu Ika Daigaku Fuzoku Byōin'],
    ['Tukuba Daigaku Huzoku Byôin', 'Tsukuba University Hospital'],
    ['Valdorumc', 'Valdor UMC'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a Ukrainian children’s hospital states its kind against the general hospital of the same name', async () => {
    const pair = await verify({ name: 'Дитяча лікарня «Квілан»' }, { name: 'Лікарня «Квілан»' });
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
  });
});

describe('paper affiliations', () => {
  const city = { city: 'Valdor', country: 'IR' };

  test('an affiliation whose facility segment is the registry name merges on it', async () => {
    const pair = await verify(
      { name: 'Quillfield Hospital, Valdor University of Medical Sciences, Valdor, Iran', address: city },
      { name: 'Quillfield Hospital', address: city },
    );
    expect(comparatorOf(pair, 'name')?.outcome).toBe('match');
    expect(pair.band).toBe('auto-merge');
  });

  test('a near name read out of an affiliation reaches a steward, never an auto-merge', async () => {
    const address = { line1: '2 Quill Lane Road', city: 'Valdor', postalCode: '10700', country: 'TH' };
    const pair = await verify(
      { name: 'Quillfield Hospital, Faculty of Medicine Quillfield Hospital, Valdor University', address },
      { name: 'Quillfield Piyawattana Hospital', address },
    );
    expect(pair.hardRule?.name).toBe('affiliationNameAgainstRegistryName');
    expect(pair.band).toBe('review');
  });

  test('two affiliations naming two campuses of one hospital are not merged on their equal facility segment', async () => {
    const address = { city: 'Valdor', country: 'SE' };
    const pair = await verify(
      { name: 'Quillby University Hospital, Östra, Valdor, Sweden', address },
      { name: 'Quillby University Hospital, Solby, Valdor, Sweden', address },
    );
    expect(pair.hardRule?.name).toBe('affiliationNames');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('addresses as national lists write them', () => {
  const addressScore = async (a: Record<string, unknown>, b: Record<string, unknown>) =>
    comparatorOf(await verify({ name: 'Quillan Hospital', address: a }, { name: 'Quillan Hospital', address: b }), 'address')?.score ?? 0;

  test('a region written with its kind of division is the region', async () => {
    expect(
      await addressScore(
        { city: 'Quillan', state: 'Quillan District', country: 'SL' },
        { city: 'Quillan', state: 'Quillan', country: 'SL' },
      ),
    ).toBe(1);
  });

  test('a street type written first (French) is the same street', async () => {
    const score = await addressScore(
      { line1: '135, avenue Quillbeath', city: 'Moncton', state: 'NB', country: 'CA' },
      { line1: '135 Quillbeath Ave', city: 'Moncton', state: 'NB', country: 'CA' },
    );
    expect(score).toBeGreaterThanOrEqual(0.95);
  });

  test('a Greek address is romanised, not dropped', async () => {
    const score = await addressScore(
      { line1: 'Κουίλ 45', city: 'Αθήνα', postalCode: '10676', country: 'GR' },
      { line1: 'Kouil 45', city: 'Athina', postalCode: '10676', country: 'GR' },
    );
    expect(score).toBe(1);
  });
});
