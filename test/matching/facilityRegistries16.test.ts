/**
 * Care locations as emergency boards and Caribbean, Pacific, Central Asian and Andean lists write them (facility-2.12.0):
 * - the `facilityName` normaliser (fixture table): post-Soviet enterprise forms and owners around the name (`ГКП на ПХВ
 *   "…" УОЗ г. X`, Kazakh `ШЖҚ КМК`, Armenian `ՓԲԸ` / `PBY`), the city marker `г.`, hospital numbers (`№7`, `Nº 1`,
 *   `N1`; a Kazakh number written first), an acronym repeated beside the name it spells (`UHWI - …`, `… (SFGH)`), a
 *   country after the name, a site's acronym after its system's name; left alone: an acronym that spells nothing, a
 *   city after a comma, a country ending an affiliation string;
 * - through `POST /matching/verify` with the shipped rules: the Russian, Kazakh and English forms of one numbered city
 *   hospital are one name, Andean insurers before and owners after the hospital's name, Armenian words; two numbers
 *   veto the pair (`otherNumber`); two sites of one system written as acronyms are not alike;
 * - through `POST /ingest`: a procurement buyer's abbreviated name reaches a steward against the English list's row of
 *   the same hospital, and the city's hospital of another number does not.
 * The hospitals here are made up (Kvillograd, Quillmont, Valdor); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const BUYERS = `{ "sourceId": ID, "name": NAME }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'buyers', expression: BUYERS }] });

describe('facilityName normaliser: register conventions', () => {
  test.each<{ input: string; output: string }>([
    // Enterprise form, owner and city marker around a Russian name; the number after its sign.
    { input: 'ГКП на ПХВ "Городская больница №3" УОЗ г. Квиллоград', output: 'GORODSKAIA BOLNITSA 3 KVILLOGRAD' },
    { input: 'ГКБ № 3 г.Квиллоград', output: 'GKB 3 KVILLOGRAD' },
    // Kazakh writes the number first and the form after the quoted name.
    { input: '"№3 Қалалық аурухана" ШЖҚ КМК', output: 'KALALYK AURUKHANA 3' },
    // Armenian: the form dropped, ու read as U (as in every practical romanisation).
    { input: '«Քվիլուն» բժշկական կենտրոն ՓԲԸ', output: 'KVILUN BZHSHKAKAN KENTRON' },
    { input: '"KVILUN" BZHSHKAKAN KENTRON PBY', output: 'KVILUN BZHSHKAKAN KENTRON' },
    // Numbers of Latin American lists.
    { input: 'CNS HOSPITAL OBRERO N4', output: 'CNS HOSPITAL OBRERO 4' },
    { input: 'Hospital Obrero Nº 4', output: 'HOSPITAL OBRERO 4' },
    // An acronym that spells the name beside it; one that does not is left.
    { input: 'QVH - Quillmont Valley Hospital', output: 'QUILLMONT VALLEY HOSPITAL' },
    { input: 'Quillmont Valley Hospital (QVH), Valdor', output: 'QUILLMONT VALLEY HOSPITAL VALDOR' },
    { input: 'QMC - Valdor Hospital', output: 'QMC VALDOR HOSPITAL' },
    // A country after the name; a city after a comma stays, and so does a country ending an affiliation string.
    { input: 'Quillmont General Hospital, Trinidad and Tobago', output: 'QUILLMONT GENERAL HOSPITAL' },
    { input: 'QUILLMONT GENERAL HOSPITAL - BARBADOS', output: 'QUILLMONT GENERAL HOSPITAL' },
    { input: 'Quillmont General Hospital, Valdor', output: 'QUILLMONT GENERAL HOSPITAL VALDOR' },
    { input: 'Quillmont General Hospital, Valdor, Jamaica', output: 'QUILLMONT GENERAL HOSPITAL' },
    // A site's acronym after its system's name.
    { input: 'Quill Health - QGH', output: 'QGH' },
    { input: 'Quill Health - QMH (Valdor Ave)', output: 'QMH' },
    // Not a number sign: a word before a number elsewhere.
    { input: 'COVID-19 Quill Hospital', output: 'COVID 19 QUILL HOSPITAL' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('one hospital in the forms of several registers is one name (shipped rules)', () => {
  test.each<[string, string]>([
    ['ГБ № 3 г.Квиллоград', 'City Hospital No. 3, Kvillograd'],
    ['ГКП на ПХВ "Городская клиническая больница №3" УОЗ г. Квиллоград', 'ГКБ № 3 г.Квиллоград'],
    ['"№3 Қалалық клиникалық аурухана" ШЖҚ КМК', 'City Clinical Hospital No. 3'],
    ['ДГБ №2 г.Квиллоград', "Children's City Hospital No. 2, Kvillograd"],
    ['ASSE - HOSPITAL QUILLMONT', 'Hospital Quillmont'],
    ['IESS HOSPITAL QUILLMONT VALDOR', 'Hospital Quillmont Valdor'],
    ['Hospital Obrero Nº 4 - Caja Nacional de Salud, Valdor', 'CNS HOSPITAL OBRERO N4'],
    ['Hospital de Clínicas - Facultad de Ciencias Médicas, Quillmont', 'HOSPITAL DE CLINICAS'],
    ['"KVILUN" BZHSHKAKAN KENTRON PBY', 'Kvilun Medical Center CJSC'],
    ['«Քվիլուն» բժշկական կենտրոն ՓԲԸ', 'Kvilun Medical Center'],
    ['QVH - Quillmont Valley Hospital, Valdor, Jamaica', 'Quillmont Valley Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a hospital of another number is another hospital, however alike the names (otherNumber)', async () => {
    const pair = await verify({ name: 'ГБ № 3 г.Квиллоград' }, { name: 'City Hospital No. 4, Kvillograd' });
    expect(comparatorOf(pair, 'facilityNumber')?.outcome).toBe('mismatch');
    expect(pair.hardRule?.name).toBe('otherNumber');
    expect(pair.band).toBe('no-match');
  });

  test('the same number agrees and a name without a number says nothing', async () => {
    expect(
      comparatorOf(await verify({ name: 'Hospital Obrero Nº 4' }, { name: 'CNS HOSPITAL OBRERO N4' }), 'facilityNumber')?.outcome,
    ).toBe('match');
    expect(comparatorOf(await verify({ name: 'Hospital Obrero Nº 4' }, { name: 'Hospital Obrero' }), 'facilityNumber')?.outcome).toBe(
      'missing',
    );
  });

  test('a site acronym after its system’s name meets the site’s name in its city; two sites of the system do not meet', async () => {
    const city = { city: 'Valdor', state: 'FL', country: 'US' };
    const site = await verify({ name: 'Quill Health - QGH', address: city }, { name: 'Quillmont General Hospital', address: city });
    expect(comparatorOf(site, 'name')?.outcome).toBe('related');
    expect(site.band).toBe('review');
    const other = await verify({ name: 'Quill Health - QGH', address: city }, { name: 'Quill Health - VMC (Valdor Ave)', address: city });
    expect(other.band).toBe('no-match');
  });
});

describe('a procurement buyer’s abbreviated name and the English list’s row (POST /ingest)', () => {
  test('reach a steward for the same number, and not for another', async () => {
    const english = await ingestAccepted(server(), {
      source: 'buyers',
      domain: 'facility',
      row: { ID: 'EN-3', NAME: 'City Clinical Hospital No. 3, Kvillograd' },
    });
    expect(english.match).toBe('created');
    const buyer = await ingestAccepted(server(), {
      source: 'buyers',
      domain: 'facility',
      row: { ID: 'GZ-3', NAME: 'ГКБ № 3 г.Квиллоград' },
    });
    expect(buyer.match).toBe('review');
    const other = await ingestAccepted(server(), {
      source: 'buyers',
      domain: 'facility',
      row: { ID: 'GZ-5', NAME: 'ГКБ № 5 г.Квиллоград' },
    });
    expect(other.match).toBe('created');
    expect(other.goldenId).not.toBe(english.goldenId);
  });
});
