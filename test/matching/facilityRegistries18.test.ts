/**
 * Care sites as Bulgarian, Romanian, Hungarian, Portuguese and Spanish registers write them against the English
 * renderings of paper affiliations (facility-2.17.0):
 * - the `facilityName` normaliser (fixture table): a Hungarian city adjective before its university, the dotted H.U.,
 *   `of` after a facility noun, a generic affiliation unit read with its university, the site after an integrated
 *   care organisation (ULS, OSI); other text left alone;
 * - through `POST /matching/verify` with the shipped rules: a register's form and its English rendering are one name
 *   (УМБАЛ / UMBAL and its spelt-out form = University Hospital, Sv. / Sveta = Saint, ЕАД dropped; Spitalul Clinic
 *   Județean de Urgență = SCJU = Emergency County Clinical Hospital, Sf. = Saint, Tg. = Târgu; Klinikai Központ =
 *   Clinical Centre; Centro Hospitalar = Hospital Centre; Hospital de X = Hospital of X);
 * - kept apart: two hospitals of one local health unit, a local health unit and its hospital only as a review, a
 *   university and its clinical centre, two kinds of Romanian emergency hospital, same-name hospitals in two cities;
 * - through `POST /ingest`: a register row and a paper affiliation of one hospital reach a steward.
 * The hospitals here are made up (Valdoria, Quillmont, Brenna…); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const REGISTER = `{ "sourceId": ID, "name": NAME, "address": CITY ? { "city": CITY, "country": COUNTRY } : undefined }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'registers', expression: REGISTER }] });

describe('facilityName normaliser: register and affiliation conventions', () => {
  test.each<{ input: string; output: string }>([
    // A Hungarian city adjective (-i) before (Tudomány)Egyetem names the city.
    { input: 'Brennai Tudományegyetem Klinikai Központ', output: 'BRENNA TUDOMANYEGYETEM KLINIKAI KOZPONT' },
    { input: 'Valdoriai Egyetem', output: 'VALDORIA EGYETEM' },
    // Not before a university: left alone.
    { input: 'Brennai Kórház', output: 'BRENNAI KORHAZ' },
    // The dotted H.U. is Hospital Universitario; a bare HU is left.
    { input: 'H.U. Quillmont', output: 'HOSPITAL UNIVERSITARIO QUILLMONT' },
    { input: 'HU Quillmont', output: 'HU QUILLMONT' },
    // `of` after a facility noun; other English particles kept.
    { input: 'University Hospital of Valdoria, Valdoria, Croatia', output: 'UNIVERSITY HOSPITAL VALDORIA' },
    // Only in an affiliation: a registry's own name keeps it.
    { input: 'UNIV OF BRENNA HOSP', output: 'UNIV OF BRENNA HOSP' },
    { input: 'Hospital of the Brenna Sisters, Valdoria, Spain', output: 'HOSPITAL OF THE BRENNA SISTERS' },
    { input: 'Hospital for Special Surgery, Valdoria, Spain', output: 'HOSPITAL FOR SPECIAL SURGERY' },
    // A generic unit segment is read with its university; a named facility segment alone.
    { input: 'Clinical Centre, University of Brenna, Brenna, Hungary', output: 'CLINICAL CENTRE UNIVERSITY BRENNA' },
    { input: 'Quillmont Hospital, University of Brenna, Brenna, Hungary', output: 'QUILLMONT HOSPITAL' },
    // A saint abbreviated with a dot; SF without one is San Francisco's.
    { input: 'УМБАЛ „Св. Брена“', output: 'UMBAL SVETI BRENA' },
    { input: 'SCJU Sf. Spiridon', output: 'SCJU SFANTUL SPIRIDON' },
    { input: 'SF GENERAL HOSPITAL', output: 'SF GENERAL HOSPITAL' },
    // An integrated care organisation before its site (ULS, OSI); a campus after a hospital's dash is kept.
    { input: 'UNIDADE LOCAL DE SAÚDE DE VALDORIA, E.P.E. - HOSPITAL DE SANTA BRENNA', output: 'HOSPITAL DE SANTA BRENNA' },
    { input: 'OSI BRENNA-NORTE - H.U. QUILLMONT', output: 'HOSPITAL UNIVERSITARIO QUILLMONT' },
    { input: 'Quillmont Hospital - West Campus', output: 'QUILLMONT HOSPITAL WEST CAMPUS' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('a register name and its English affiliation are one name (shipped rules)', () => {
  test.each<[string, string]>([
    // Bulgarian: УМБАЛ, its spelt-out form and the English affiliation; Св. / Света = Saint; ЕАД dropped.
    ['УМБАЛ „Света Валдора“ ЕАД', 'St. Valdora University Hospital, Brenna, Bulgaria'],
    ['UMBAL SVETA VALDORA EAD', 'Университетска многопрофилна болница за активно лечение „Св. Валдора“ ЕАД'],
    ['МБАЛ „Свети Брено“ ЕООД', 'MHAT Saint Breno'],
    // Romanian: Spitalul Clinic Județean de Urgență = SCJU = Emergency County Clinical Hospital; Sf. = Saint; Tg. = Târgu.
    ['Spitalul Clinic Județean de Urgență Quillmont', 'Emergency County Clinical Hospital of Quillmont, Romania'],
    ['SCJU Quillmont', 'SPITALUL CLINIC JUDETEAN DE URGENTA QUILLMONT'],
    ['Spitalul Clinic Județean de Urgență „Sf. Brenno” Quillmont', 'SCJU Sfântul Brenno Quillmont'],
    ['Spitalul Clinic Județean de Urgență Târgu Valdor', 'SCJU Tg. Valdor'],
    // Hungarian: the city adjective, Tudományegyetem, Klinikai Központ; accents or none.
    ['Brennai Tudományegyetem Klinikai Központ', 'Clinical Centre, University of Brenna, Brenna, Hungary'],
    ['Brennai Tudomanyegyetem Klinikai Kozpont', 'Clinical Center, University of Brenna, Brenna, Hungary'],
    // Portuguese: Centro Hospitalar (Universitário), Hospital de X = Hospital of X; the site after a ULS.
    ['Centro Hospitalar Universitário de Valdoria, EPE', 'Valdoria University Hospital Centre, Quillmont, Portugal'],
    ['Hospital de Valdoria, EPE', 'Hospital of Valdoria, Valdoria, Portugal'],
    ['UNIDADE LOCAL DE SAÚDE DE BRENNA, E.P.E. - HOSPITAL DE SANTA VALDORIA', 'Hospital de Santa Valdoria'],
    // Spanish: H.U. in any word order; an Osakidetza OSI before its site.
    ['H.U. Quillmont (SCS)', 'Quillmont University Hospital, Brenna, Spain'],
    ['OSI BRENNA-NORTE - H.U. QUILLMONT', 'HOSPITAL UNIVERSITARIO QUILLMONT'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('kept apart', () => {
  test('two hospitals of one local health unit are two names', async () => {
    const pair = await verify(
      { name: 'ULS de Valdoria, E.P.E. - Hospital de Santa Brenna' },
      { name: 'ULS de Valdoria, E.P.E. - Hospital de São Quillmont' },
    );
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('match');
    expect(pair.band).toBe('no-match');
  });

  test('a local health unit named after its hospital meets the hospital only as a review, even at one city', async () => {
    const pair = await verify(
      { name: 'UNIDADE LOCAL DE SAÚDE DE VALDORIA, E.P.E.', address: { city: 'Valdoria', country: 'PT' } },
      { name: 'Hospital de Valdoria, EPE', address: { city: 'Valdoria', country: 'PT' } },
    );
    expect(comparatorOf(pair, 'name')?.outcome).toBe('match');
    expect(pair.hardRule?.name).toBe('trustAgainstSite');
    expect(pair.band).toBe('review');
  });

  test('a local health unit and another hospital are not one', async () => {
    const pair = await verify({ name: 'Unidade Local de Saúde de Valdoria, E.P.E.' }, { name: 'Hospital de Quillmont, EPE' });
    expect(pair.band).toBe('no-match');
  });

  test('a university and its clinical centre are not one name', async () => {
    expect((await compareNames('Brennai Tudományegyetem', 'Clinical Centre, University of Brenna, Brenna, Hungary'))?.outcome).not.toBe(
      'match',
    );
  });

  test('an emergency county clinical hospital and an emergency clinical hospital of one city are two names', async () => {
    expect((await compareNames('SCJU Quillmont', 'SCU Quillmont'))?.outcome).not.toBe('match');
  });

  test('the same register name in two cities is not merged', async () => {
    const pair = await verify(
      { name: 'УМБАЛ „Света Валдора“ ЕАД', address: { line1: 'бул. Христо Смирненски 1', city: 'Варна', country: 'BG' } },
      { name: 'UMBAL SVETA VALDORA EAD', address: { line1: 'ul. Georgi Sofiyski 1', city: 'Plovdiv', country: 'BG' } },
    );
    expect(pair.band).toBe('no-match');
  });
});

describe('a register row and a paper affiliation of one hospital (POST /ingest)', () => {
  test('reach a steward; another saint’s hospital does not', async () => {
    const register = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: { ID: 'NZOK-1', NAME: 'УМБАЛ „Света Брена“ ЕАД', CITY: 'Пловдив', COUNTRY: 'BG' },
    });
    expect(register.match).toBe('created');
    const paper = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: { ID: 'PAPER-1', NAME: 'St. Brena University Hospital, Plovdiv, Bulgaria' },
    });
    expect(['merged', 'review']).toContain(paper.match);
    const other = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: { ID: 'PAPER-2', NAME: 'St. Valdora University Hospital, Plovdiv, Bulgaria' },
    });
    expect(other.match).toBe('created');
  });
});
