/**
 * Facility names and places as bilingual regions write them (facility-2.27.0):
 * - a place with two or more official or customary names (Welsh / English, Scottish Gaelic / English, Swiss and South
 *   Tyrolean German / French / Italian / Romansh, Faroese / Danish, Nunavut's Inuktitut names, English exonyms) is one
 *   place in an address and in a name (table placeNames, address `aliasTables`);
 * - hospital words of those languages (Kantonsspital, ospedale cantonale, Zentralkrankenhaus, Landeskrankenhaus / LKH,
 *   Faroese and Icelandic lands- = national, Gaelic ospadal, Romansh ospidal) read in English (facilityTranslations);
 * - a name whose site noun comes first (`Ysbyty X`, `Hôpital de X`) is also read in the English order for initialisms;
 * - Inuktitut syllabics read in the ICI Latin spelling; the eth folded to d;
 * - a French mother-and-child hospital is another kind than the adult hospital of its city.
 * The conventions and the places are real; the hospitals (Glanrafon, Ardmore, Talferwiese, Fairmont…) are made up.
 */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../server/identifiers/names';
import { initialismKeys } from '../../server/matching/acronyms';
import { inuktitutReading } from '../../server/matching/transliteration';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const { verify, compareNames } = matchingTestServer('facility');

describe('a place named in two languages is one place', () => {
  test.each<[string, string, string, string]>([
    ['Ysbyty Glanrafon', 'Casnewydd', 'Glanrafon Hospital', 'Newport'],
    ['Ysbyty Glanrafon', 'Y Fenni', 'Glanrafon Hospital', 'Abergavenny'],
    ['Ospadal Ardmore', 'Steòrnabhagh', 'Ardmore Hospital', 'Stornoway'],
    ['Krankenhaus Talferwiese', 'Brixen', 'Ospedale Talferwiese', 'Bressanone'],
    ['Spital Rhoneufer', 'Siders', 'Hôpital Rhoneufer', 'Sierre'],
    ['Ospidal Plessur', 'Cuira', 'Spital Plessur', 'Chur'],
  ])('%s (%s) / %s (%s): the cities agree', async (nameA, cityA, nameB, cityB) => {
    const pair = await verify({ name: nameA, address: { city: cityA } }, { name: nameB, address: { city: cityB } });
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('two different towns stay two towns', async () => {
    const pair = await verify(
      { name: 'Ysbyty Glanrafon', address: { city: 'Casnewydd' } },
      { name: 'Glanrafon Hospital', address: { city: 'Cardiff' } },
    );
    expect(comparatorOf(pair, 'address')?.score).toBeLessThan(0.95);
  });

  test('a place inside a name is read too', async () => {
    const name = await compareNames('Ospedale di Bressanone', 'Krankenhaus Brixen');
    expect(name).toMatchObject({ a: 'HOSPITAL BRESSANONE', b: 'HOSPITAL BRESSANONE', score: 1 });
  });
});

describe('hospital words of bilingual regions', () => {
  test.each<[string, string, string]>([
    ['Kantonsspital Fairmont', 'Ospedale cantonale Fairmont', 'CANTONAL HOSPITAL FAIRMONT'],
    ['Kantonsspital Fairmont', 'Cantonal Hospital Fairmont', 'CANTONAL HOSPITAL FAIRMONT'],
    ['Zentralkrankenhaus Fairmont', 'Fairmont Central Hospital', 'CENTRAL HOSPITAL FAIRMONT'],
    ['LKH Fairmont', 'Landeskrankenhaus Fairmont', 'REGIONAL HOSPITAL FAIRMONT'],
    ['Landeskrankenhaus Fairmont', 'Fairmont Regional Hospital', 'REGIONAL HOSPITAL FAIRMONT'],
    ['Landssjúkrahúsið', 'Landssygehuset', 'NATIONAL HOSPITAL'],
  ])('%s is %s', async (a, b, read) => {
    const name = await compareNames(a, b);
    expect(name?.a).toBe(read);
    expect(name?.score).toBe(1);
  });

  test('the eth is written d, as Icelandic and Faroese ASCII spellings write it', () => {
    expect(normalizeText('Suðuroy')).toBe('SUDUROY');
    expect(normalizeText('Þórshöfn')).toBe('THORSHOFN');
  });
});

describe('a name with its site noun first and its English initialism', () => {
  const site = { words: new Set(['HOSPITAL', 'INFIRMARY', 'CENTER', 'CENTRE']), otherSiteWords: new Set(['CLINIC']) };

  test('the initials of the English order are a blocking key', () => {
    expect(initialismKeys(['HOSPITAL', 'GLAN', 'HAFREN'], site)).toContain('GHH');
    expect(initialismKeys(['GLAN', 'HAFREN', 'HOSPITAL'], site)).toContain('GHH');
  });

  test('Ysbyty Glan Hafren meets GHH Newport before a steward', async () => {
    const pair = await verify(
      { name: 'Ysbyty Glan Hafren', address: { city: 'Casnewydd' } },
      { name: 'GHH Newport', address: { city: 'Newport' } },
    );
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThan(0);
    expect(pair.band).toBe('review');
  });
});

describe('Inuktitut syllabics', () => {
  test('read in the ICI spelling Nunavut’s lists write', () => {
    expect(inuktitutReading('ᐃᖃᓗᐃᑦ')).toBe('iqaluit');
    expect(inuktitutReading('ᑲᖏᖅᖠᓂᖅ')).toBe('kangiqliniq');
  });

  test('a health centre named in syllabics meets the English name in the English town', async () => {
    const pair = await verify(
      { name: 'ᑲᖏᖅᖠᓂᖅ ᐋᓐᓂᐊᕕᒃ', address: { city: 'ᑲᖏᖅᖠᓂᖅ', state: 'NU' } },
      { name: 'Rankin Inlet Health Centre', address: { city: 'Rankin Inlet', state: 'NU' } },
    );
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
  });
});

describe('another kind of hospital in its city', () => {
  test('a French mother-and-child hospital is another kind than the adult hospital of its city', async () => {
    const lyon = { city: 'Lyon', country: 'FR' };
    const pair = await verify({ name: 'Hôpital Femme Mère Enfant', address: lyon }, { name: 'Hôpital Fairmont', address: lyon });
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });
});

describe('the NRMP Match directory’s Institution-ST', () => {
  const place = { city: 'Fairmont', state: 'WV' };

  test('Fairmont Memorial Hospital-WV in WV is Fairmont Memorial Hospital', async () => {
    const pair = await verify(
      { name: 'Fairmont Memorial Hospital-WV', address: place },
      { name: 'Fairmont Memorial Hospital', address: place },
    );
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
  });

  test('a code that is not the record’s state stays part of the name', async () => {
    const pair = await verify(
      { name: 'Fairmont Memorial Hospital-KY', address: place },
      { name: 'Fairmont Memorial Hospital', address: place },
    );
    expect(comparatorOf(pair, 'name')?.score).toBeLessThan(1);
  });
});
