/**
 * Care locations as German, Italian, Catalan / Spanish, French, Polish, Mexican, Malaysian and Chinese registers write
 * them (facility-2.15.0):
 * - the `facilityName` normaliser (fixture table): a Chinese hospital grade after the name (`（三级甲等）`), the city
 *   suffix 市 glued to the city, English ordinals written with digits (`10th`); other text left alone;
 * - through `POST /matching/verify` with the shipped rules: each register's form and its English or other-register form
 *   are one name (Städtisches Klinikum = Municipal Hospital, Klinikum der Universität = Universitätsklinikum, Standort =
 *   Campus, KdöR / gGmbH dropped; Policlinico Universitario = University Hospital, IRCCS / Fondazione dropped;
 *   Catalan Sant Pau / Universitari = Spanish San Pablo / Universitario; Clinique; Szpital Kliniczny, SP ZOZ; IMSS HGZ,
 *   O.P.D. … Unidad Hospitalaria; Pusat Perubatan; pinyin Shi; city exonyms);
 * - a place after the name of a record without an address (param `placeTailUnless`, fixture table and through the
 *   API): the name before it compares with the register's name; a campus, a division or an acronym is never read off;
 * - kept apart: same-name hospitals in two cities, numbered hospitals of two numbers, the two sites of one O.P.D.;
 * - through `POST /ingest`: a Catalan register row and the Spanish ministry's row of one hospital at one address merge
 *   or reach a steward; the same-name hospital of another town does not.
 * The hospitals here are made up (Valdoria, Quillmont, Brenna…); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { nameBeforePlaceTail } from '../../server/matching/placeTails';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const REGISTER = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "country": COUNTRY } }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'registers', expression: REGISTER }] });

describe('facilityName normaliser: other-language conventions', () => {
  test.each<{ input: string; output: string }>([
    // A Chinese grade after the name (bracketed, full-width or not, short form).
    { input: '布伦纳医院（三级甲等）', output: 'BULUNNA YIYUAN' },
    { input: '布伦纳医院(二级乙等)', output: 'BULUNNA YIYUAN' },
    { input: '布伦纳医院 三甲', output: 'BULUNNA YIYUAN' },
    // 市 between two Han words is written apart (its pinyin SHI is then a word of its own).
    { input: '布伦纳市人民医院', output: 'BULUNNA RENMIN YIYUAN' },
    // An English ordinal with digits is its number; a word ending in TH after a number is left.
    { input: '10th Military Clinical Hospital', output: '10 MILITARY CLINICAL HOSPITAL' },
    { input: '1st Affiliated Hospital of Brenna', output: '1 AFFILIATED HOSPITAL OF BRENNA' },
    { input: 'Hospital 12 Northway', output: 'HOSPITAL 12 NORTHWAY' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('one hospital in the forms of several registers is one name (shipped rules)', () => {
  test.each<[string, string]>([
    // German: Städtisches = municipal, legal forms, Klinikum der Universität, Standort = campus.
    ['Städtisches Klinikum Valdoria gGmbH', 'Municipal Hospital Valdoria'],
    ['Staedtisches Klinikum Valdoria', 'Municipal Hospital Valdoria'],
    ['Klinikum der Universität Valdoria', 'Universitätsklinikum Valdoria (KdöR)'],
    ['Brenna Klinikum, Standort Nordhang', 'Brenna Klinikum Campus Nordhang'],
    ['Universitätsklinikum Valdoria AöR', 'Valdoria University Hospital'],
    // Italian: status words, the local health body, Policlinico Universitario.
    ['Fondazione IRCCS Policlinico San Brenno', 'Policlinico San Brenno'],
    ['POLICLINICO UNIVERSITARIO QUILLMONT', 'Quillmont University Hospital'],
    ['IRCCS Istituto Valdoria Roma', 'Valdoria Institute, Rome'],
    // Catalan and the Spanish ministry's Spanish.
    ['Hospital Universitari de Valdoria', 'HOSPITAL UNIVERSITARIO DE VALDORIA'],
    // Spanish word order kept, so a register acronym in that order still reads (H.U. = Hospital Universitario).
    ['H.U. Quillmont', 'HOSPITAL UNIVERSITARIO QUILLMONT'],
    ['Hospital de la Santa Creu i Sant Pau de Valdoria', 'HOSPITAL DE LA SANTA CRUZ Y SAN PABLO DE VALDORIA'],
    ["Institut Català d'Oncologia Valdoria", 'INSTITUTO CATALAN DE ONCOLOGIA VALDORIA'],
    // French.
    ['Clinique Brenna', 'Brenna Clinic'],
    ['Hôpital européen Quillmont', 'Quillmont European Hospital'],
    // Polish.
    ['Szpital Kliniczny Valdoria SP ZOZ', 'Valdoria Clinical Hospital'],
    ['12 Wojskowy Szpital Kliniczny z Polikliniką SP ZOZ', '12th Military Clinical Hospital with Polyclinic'],
    // Mexican CLUES / CompraNet.
    ['IMSS HOSPITAL GENERAL DE ZONA No. 4 VALDORIA', 'HGZ No. 4 Valdoria'],
    ['O.P.D. HOSPITAL CIVIL DE VALDORIA - UNIDAD HOSPITALARIA FRAY QUILLMONT', 'HOSPITAL CIVIL DE VALDORIA FRAY QUILLMONT'],
    // Malay.
    ['PUSAT PERUBATAN UNIVERSITI VALDORIA', 'Valdoria University Medical Centre'],
    // Chinese: the grade, the city suffix, pinyin and English.
    ['布伦纳市人民医院（二级甲等）', 'Bulunna Shi Renmin Yiyuan'],
    ['Bulunna Shi Renmin Yiyuan', "Bulunna People's Hospital"],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a place written after the name by a list without addresses (placeTailUnless)', () => {
  test.each<{ input: string; output: string | null }>([
    { input: 'Policlinico San Brenno - Valdoria', output: 'Policlinico San Brenno' },
    { input: 'Brenna Clinic, Valdoria', output: 'Brenna Clinic' },
    { input: 'Ospedale Brenno – San Donato Valdoriese', output: 'Ospedale Brenno' },
    { input: 'QUILLMONT GENERAL HOSPITAL - VALDORIA', output: 'QUILLMONT GENERAL HOSPITAL' },
    // Not a place: a campus, a division, an acronym, a number, an affiliation string, a one-word name.
    { input: 'Quillmont Hospital - West Campus', output: null },
    { input: 'Valdoria Health Care System, Brenna Division', output: null },
    { input: 'Quill Health - Metro Region', output: null },
    { input: 'Quill Health - QGH', output: null },
    { input: 'QUILL HEALTH - QGH', output: null },
    { input: 'Brenna Hospital - Building 4', output: null },
    { input: 'Brenna Hospital, Valdoria, Quillmont', output: null },
    { input: 'Brenna, Valdoria', output: null },
    // A street line is no place: a chain's branches are named by their roads.
    { input: 'Quillcare Hospitals, Valdor Road', output: null },
    { input: 'Brenna Clinic - Main St', output: null },
    { input: 'Ospedale Brenno - Via Valdoria', output: null },
    { input: 'Klinikum Brenna, Valdorstraße', output: null },
  ])('$input → $output', ({ input, output }) => {
    expect(nameBeforePlaceTail(input)).toBe(output);
  });

  test('the name before the place meets the register’s name when the record has no address; with an address it does not', async () => {
    const register = {
      name: 'Fondazione IRCCS Policlinico San Brenno',
      address: { line1: 'Viale Golgi 19', city: 'Valdoria', country: 'IT' },
    };
    const outcomes = await verify(register, { name: 'Policlinico San Brenno - Valdoria' });
    expect(comparatorOf(outcomes, 'name')).toMatchObject({ outcome: 'match', score: 1 });
    expect(outcomes.band).toBe('review');
    const addressed = await verify(register, {
      name: 'Policlinico San Brenno - Valdoria',
      address: { line1: 'Viale Golgi 19', city: 'Valdoria', country: 'IT' },
    });
    expect(comparatorOf(addressed, 'name')?.outcome).not.toBe('match');
  });

  test('a campus after the name is never read off', async () => {
    const pair = await verify(
      { name: 'Quillmont Hospital', address: { line1: '1 Main St', city: 'Valdoria', state: 'TX', country: 'US' } },
      { name: 'Quillmont Hospital - West Campus' },
    );
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('match');
  });
});

describe('kept apart', () => {
  test('same-name hospitals in two cities are not one (different addresses)', async () => {
    const milan = { name: 'IRCCS Ospedale San Brenno', address: { line1: 'Via Olgettina 60', city: 'Milano', country: 'IT' } };
    const rome = { name: 'Ospedale San Brenno', address: { line1: 'Via della Pisana 235', city: 'Roma', country: 'IT' } };
    const pair = await verify(milan, rome);
    expect(comparatorOf(pair, 'name')?.outcome).toBe('match');
    expect(pair.band).toBe('no-match');
  });

  test('numbered zone hospitals of two numbers are two hospitals (otherNumber)', async () => {
    const pair = await verify({ name: 'IMSS HOSPITAL GENERAL DE ZONA No. 1 VALDORIA' }, { name: 'HGZ No. 2 Valdoria' });
    expect(pair.hardRule?.name).toBe('otherNumber');
    expect(pair.band).toBe('no-match');
  });

  test('the two sites of one O.P.D. are not one name', async () => {
    expect(
      (
        await compareNames(
          'O.P.D. HOSPITAL CIVIL DE VALDORIA - UNIDAD HOSPITALARIA FRAY QUILLMONT',
          'O.P.D. HOSPITAL CIVIL DE VALDORIA - UNIDAD HOSPITALARIA DR. BRENNA ORTIZ',
        )
      )?.outcome,
    ).not.toBe('match');
  });

  test('Catalan `i` read as `y` does not make two saints one', async () => {
    expect((await compareNames('Hospital de Sant Pere i Sant Pau', 'Hospital de Sant Joan'))?.outcome).not.toBe('match');
  });
});

describe('a Catalan register row and the Spanish ministry’s row of one hospital (POST /ingest)', () => {
  test('meet at one address; the same name in another town does not', async () => {
    const catalan = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: { ID: 'RCS-1', NAME: 'Hospital Universitari de Valdoria', STREET: 'Carrer de la Feixa Llarga 7', CITY: 'Brenna', COUNTRY: 'ES' },
    });
    expect(catalan.match).toBe('created');
    const spanish = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: {
        ID: 'CMBD-1',
        NAME: 'HOSPITAL UNIVERSITARIO DE VALDORIA',
        STREET: 'CARRER DE LA FEIXA LLARGA 7',
        CITY: 'BRENNA',
        COUNTRY: 'ES',
      },
    });
    expect(['merged', 'review']).toContain(spanish.match);
    const elsewhere = await ingestAccepted(server(), {
      source: 'registers',
      domain: 'facility',
      row: { ID: 'CMBD-2', NAME: 'HOSPITAL UNIVERSITARIO DE VALDORIA', STREET: 'AVENIDA DEL MAR 90', CITY: 'QUILLMONT', COUNTRY: 'ES' },
    });
    expect(elsewhere.match).toBe('created');
    expect(elsewhere.goldenId).not.toBe(catalan.goldenId);
  });
});
