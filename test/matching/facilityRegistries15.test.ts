/**
 * Care locations as emergency, finance and non-Latin registries write them (facility-2.11.0):
 * - the `facilityName` normaliser (fixture table): an OPTN-style centre code before the name, ST before a facility noun
 *   read as a street, French elision, regnal Roman numerals, Serbian Cyrillic in Serbian Latin; left alone: ST before a
 *   name, a code without letters after its hyphen, XI, Russian Cyrillic;
 * - through `POST /matching/verify` with the shipped rules: an operator's brand before a hospital's legal name
 *   (`Steward X, Inc.`, `Ascension X`), `X, A Steward Family Hospital, Inc.`, Serbian / Slovene / Bosnian, Maghreb
 *   Arabic, Sinhala, Tamil, Nepali and Costa Rican Spanish facility words equal to the English ones, a children's
 *   hospital in Nepali stating its kind; a CCN whose state is not the other record's state vetoes the pair;
 * - through `POST /ingest`: a debtor-list row (`Steward X, Inc.`, address) reaches a steward against the payment
 *   list's row of the hospital (CCN only), and not when the CCN names another state.
 * The hospitals here are made up (Quill-, Valdor-, Kvilaj); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const PAYMENTS = `{ "sourceId": ID, "name": NAME, "ccn": CCN }`;
const DEBTORS = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "state": STATE, "postalCode": ZIP, "country": "US" } }`;

const { server, verify, compareNames } = matchingTestServer('facility', {
  mappings: [
    { source: 'payments', expression: PAYMENTS },
    { source: 'debtors', expression: DEBTORS },
  ],
});

describe('facilityName normaliser: writing conventions', () => {
  test.each<{ input: string; output: string }>([
    // An OPTN transplant-centre code (state, centre, organ programme) before the name.
    { input: 'QLTX-TX1 Quillmont Medical Center', output: 'QUILLMONT MEDICAL CENTER' },
    { input: 'COVID-19 Quill Hospital', output: 'COVID 19 QUILL HOSPITAL' },
    // ST before a facility noun is the street the hospital is named after; before a name it stays (SAINT, read later).
    { input: 'VALDOR ST. HOSP. FOR WOMEN', output: 'VALDOR STREET HOSP FOR WOMEN' },
    { input: 'Mount St. Quillan Hospital', output: 'MOUNT ST QUILLAN HOSPITAL' },
    // French elision: d' is the particle de, a word of its own.
    { input: "CHU Hassan II d'Oujdane", output: 'CHU HASSAN 2 D OUJDANE' },
    // Regnal numbers; one letter and XI (a pinyin syllable) are not read.
    { input: 'Hospital Juan XXIII de Quill', output: 'HOSPITAL JUAN 23 DE QUILL' },
    { input: 'Quill Health Centre IV', output: 'QUILL HEALTH CENTRE 4' },
    { input: 'Quillan Xi Hospital', output: 'QUILLAN XI HOSPITAL' },
    { input: 'Quill V Hospital', output: 'QUILL V HOSPITAL' },
    // Serbian Cyrillic (Ј is Serbian only) in Serbian Latin; Russian keeps the ICAO romanisation.
    { input: 'УНИВЕРЗИТЕТСКИ КЛИНИЧКИ ЦЕНТАР КВИЛАЈ', output: 'UNIVERZITETSKI KLINICKI CENTAR KVILAJ' },
    { input: 'ГОРОДСКАЯ БОЛЬНИЦА КВИЛЛ', output: 'GORODSKAIA BOLNITSA KVILL' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('operator brands, registry codes and facility words of more languages read as the site’s name (shipped rules)', () => {
  test.each<[string, string]>([
    ['Steward Quillmont Medical Center, Inc.', 'QUILLMONT MEDICAL CENTER'],
    ['STEWARD QUILLMONT MEDICAL CENTER INC', 'Quillmont Medical Center'],
    ['Valdor Hospital, A Steward Family Hospital, Inc.', 'VALDOR HOSPITAL'],
    ['Ascension Quillan Medical Center', 'Quillan Medical Center'],
    ['QLTX-TX1 Quillmont Medical Center', 'QUILLMONT MEDICAL CENTER'],
    ['Quill St. Hospital for Women', 'Quill Street Hospital for Women'],
    ['CHU Hassan II de Quillane', 'CHU HASSAN 2 QUILLANE'],
    ["Hôpital d'Enfants de Quillane", 'HOPITAL D ENFANTS QUILLANE'],
    ['Univerzitetski klinički centar Kvilaj', 'УНИВЕРЗИТЕТСКИ КЛИНИЧКИ ЦЕНТАР КВИЛАЈ'],
    ['UKC Kvilaj', 'Univerzitetski klinički centar Kvilaj'],
    ['Univerzitetni klinični center Kvilaj', 'University Clinical Center Kvilaj'],
    ['Opšta bolnica Kvilaj', 'General Hospital Kvilaj'],
    ['Dom zdravlja Kvilaj', 'Health Center Kvilaj'],
    ['المركز الاستشفائي الجامعي', 'Centre Hospitalier Universitaire'],
    ['المستشفى الجامعي', 'University Hospital'],
    ['ජාතික රෝහල', 'National Hospital'],
    ['தேசிய வைத்தியசாலை', 'National Hospital'],
    ['शिक्षण अस्पताल', 'Teaching Hospital'],
    ['HOSP NAC DE NINOS', 'Hospital Nacional de Niños'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a brand before one word is the name, not a prefix (minWordsAfter)', async () => {
    expect(await compareNames('Steward Hospital', 'Hospital')).not.toMatchObject({ outcome: 'match' });
  });

  test('a children’s hospital written in Nepali states its kind against the hospital of the same name', async () => {
    const pair = await verify({ name: 'क्विल बाल अस्पताल' }, { name: 'Quill Hospital' });
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
  });
});

describe('a CCN names the state its hospital stands in', () => {
  const debtor = (state: string) => ({
    name: 'Steward Quillmont Medical Center, Inc.',
    address: { line1: '235 Quill Avenue', city: 'Valdor', state, postalCode: '02301', country: 'US' },
  });

  test('against an address in another state the pair is vetoed', async () => {
    const pair = await verify({ name: 'QUILLMONT MEDICAL CENTER', ccn: '050123' }, debtor('TX'));
    expect(pair.hardRule?.name).toBe('otherState');
    expect(pair.band).toBe('no-match');
  });

  test('against an address in its own state the same names reach a steward', async () => {
    const pair = await verify({ name: 'QUILLMONT MEDICAL CENTER', ccn: '220123' }, debtor('MA'));
    expect(comparatorOf(pair, 'ccnState')?.outcome).toBe('match');
    expect(pair.band).toBe('review');
  });
});

describe('a debtor-list row and a payment-list row of one hospital (POST /ingest)', () => {
  test('reach a steward when the CCN names the debtor’s state, and not otherwise', async () => {
    const address = { STREET: '235 Quill Avenue', CITY: 'Valdor', ZIP: '02301' };
    const payment = await ingestAccepted(server(), {
      source: 'payments',
      domain: 'facility',
      row: { ID: 'P1', NAME: 'QUILLMONT MEDICAL CENTER', CCN: '220177' },
    });
    expect(payment.match).toBe('created');
    const debtor = await ingestAccepted(server(), {
      source: 'debtors',
      domain: 'facility',
      row: { ID: 'D1', NAME: 'Steward Quillmont Medical Center, Inc.', ...address, STATE: 'MA' },
    });
    expect(debtor.match).toBe('review');
    const elsewhere = await ingestAccepted(server(), {
      source: 'debtors',
      domain: 'facility',
      row: { ID: 'D2', NAME: 'Steward Quillmont Medical Center, Inc.', ...address, STREET: '9 Quill Road', STATE: 'TX' },
    });
    expect(elsewhere.match).toBe('created');
    expect(elsewhere.goldenId).not.toBe(payment.goldenId);
  });
});
