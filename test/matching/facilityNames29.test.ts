/**
 * Facility names of session 29 (facility-2.32.0, facilityTranslations 1.16.0, facilityKindWords 1.6.0, placeNames 1.5.0):
 * - Afrikaans hospital and clinic words and compounds (`X-hospitaal`, `X-kinderhospitaal`, `daghospitaal`), as the
 *   Western Cape Government's Afrikaans lists write them;
 * - isiXhosa and isiZulu names: the facility noun first (isibhedlele, isibhedlela, ikliniki) and the possessive concord
 *   glued to the place (`saseX`, `yaseX`) or the noun-class prefix glued to a loan name (`iX`);
 * - Upper and Lower Sorbian hospital words and the Sorbian names of Lusatia's towns (Budyšin = Bautzen);
 * - one own word or one run of own words around the same generic words is another site of the city
 *   (`Khayelitsha Hospital` / `Mitchells Plain Hospital`);
 * - a children's hospital against the adult medical centre of its campus written `Med Ctr` is two hospitals;
 * - a legal name written inverted (`MEDICAL CENTER, X HEALTH`) is read in its spoken order.
 * The conventions and the Lusatian places are real; the hospitals named Riverbend, Lakeside, Kestrel… are made up.
 */
import { describe, expect, test } from 'vitest';
import { normalizeFacilityName } from '../../server/matching/facilityNames';
import { withAfrikaansCompoundsSplit, withoutNguniConcords } from '../../server/matching/southernAfricanFacilityNames';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');

const inCity = (name: string, city: string) => ({ name, address: { city } });

describe('the writing conventions read before the tables', () => {
  test.each<[string, string]>([
    ['Riverbend-hospitaal', 'Riverbend hospitaal'],
    ['Lakeside-kinderhospitaal', 'Lakeside-kinder hospitaal'],
    ['Rooikruis-oorlogsgedenkkinderhospitaal', 'Rooikruis-oorlogsgedenk kinder hospitaal'],
    ['Riverbend Daghospitaal', 'Riverbend Dag hospitaal'],
    ['Kinderhospitaal', 'Kinder hospitaal'],
    // A head alone, or a head inside a longer word, is left as written.
    ['Hospitaal Riverbend', 'Hospitaal Riverbend'],
    ['Riverbend Hospitaalweg', 'Riverbend Hospitaalweg'],
  ])('Afrikaans %s → %s', (raw, read) => {
    expect(withAfrikaansCompoundsSplit(raw)).toBe(read);
  });

  test.each<[string, string]>([
    ['Isibhedlele saseRiverbend', 'Isibhedlele Riverbend'],
    ['Isibhedlele sase-Riverbend', 'Isibhedlele Riverbend'],
    ['Ikliniki yaseLakeside', 'Ikliniki Lakeside'],
    ['Isibhedlele iLakeside Memorial', 'Isibhedlele Lakeside Memorial'],
    ['Isibhedlela sikaKestrel', 'Isibhedlela Kestrel'],
    ['ISIBHEDLELE SASERIVERBEND', 'ISIBHEDLELE RIVERBEND'],
    // No Nguni facility noun: an iPhone-style word is left alone.
    ['iCare Riverbend Clinic', 'iCare Riverbend Clinic'],
  ])('isiXhosa / isiZulu %s → %s', (raw, read) => {
    expect(withoutNguniConcords(raw)).toBe(read);
  });

  test('a legal name written inverted is read in its spoken order; a site before its operator stays the site', () => {
    expect(normalizeFacilityName('MEDICAL CENTER, KESTREL HEALTH')).toBe('KESTREL HEALTH MEDICAL CENTER');
    expect(normalizeFacilityName('Riverbend General Hospital, Kestrel Health')).toBe('RIVERBEND GENERAL HOSPITAL');
  });
});

describe('Afrikaans, isiXhosa and isiZulu names against the English name', () => {
  test.each<[string, string]>([
    ['Riverbend-hospitaal', 'Riverbend Hospital'],
    ['Isibhedlele saseRiverbend', 'Riverbend Hospital'],
    ['Isibhedlela saseRiverbend', 'Riverbend Hospital'],
    ['Isibhedlele saseRiverbend', 'Riverbend-hospitaal'],
    ['Lakeside-kinderhospitaal', "Lakeside Children's Hospital"],
    ['Isibhedlele sabantwana iLakeside', "Lakeside Children's Hospital"],
    ['Ikliniki yaseLakeside', 'Lakeside Clinic'],
    ['Lakeside-kliniek', 'Lakeside Clinic'],
    ['Lakeside Gemeenskapsgesondheidsentrum', 'Lakeside Community Health Centre'],
    ['Rooikruis Kestrel-hospitaal', 'Red Cross Kestrel Hospital'],
  ])('%s reads as %s', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Riverbend'), inCity(b, 'Riverbend'));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.95);
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('match');
    expect(pair.band).not.toBe('no-match');
  });

  test.each<[string, string]>([
    // Two hospitals of one city, in one language or two.
    ['Riverbend-hospitaal', 'Lakeside-hospitaal'],
    ['Isibhedlele saseRiverbend', 'Isibhedlele saseLakeside'],
    ['Riverbend-hospitaal', 'Lakeside Hospital'],
    ['Riverbend Hospital', 'Port Lakeside Hospital'],
    ['Isibhedlele saseRiverbend', 'Isibhedlele sasePort Lakeside'],
  ])('%s ≠ %s (hard negative)', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Cape Town'), inCity(b, 'Cape Town'));
    expect(pair.band).toBe('no-match');
  });

  test('a children’s hospital against the general hospital of its name is never one hospital', async () => {
    const pair = await facility.verify(inCity('Lakeside-kinderhospitaal', 'Riverbend'), inCity('Lakeside-hospitaal', 'Riverbend'));
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('Upper and Lower Sorbian names of Lusatian hospitals', () => {
  test.each<[string, string, string, string]>([
    ['Chorownja Budyšin', 'Bautzen', 'Krankenhaus Bautzen', 'Bautzen'],
    ['Chórownja Chóśebuz', 'Cottbus', 'Krankenhaus Cottbus', 'Cottbus'],
    ['Chorownja Běła Woda', 'Weißwasser', 'Krankenhaus Weißwasser', 'Weißwasser'],
    ['Klinikum Dolna Łužyca - Zły Komorow', 'Senftenberg', 'Klinikum Niederlausitz Senftenberg', 'Senftenberg'],
  ])('%s (%s) reads as %s (%s)', async (a, cityA, b, cityB) => {
    const pair = await facility.verify(inCity(a, cityA), inCity(b, cityB));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.band).not.toBe('no-match');
  });

  test.each<[string, string, string, string]>([
    // Hospitals of two Lusatian towns.
    ['Chorownja Budyšin', 'Bautzen', 'Krankenhaus Kamenz', 'Kamenz'],
    ['Chorownja Wojerecy', 'Hoyerswerda', 'Chorownja Grodk', 'Spremberg'],
  ])('%s (%s) ≠ %s (%s) (hard negative)', async (a, cityA, b, cityB) => {
    const pair = await facility.verify(inCity(a, cityA), inCity(b, cityB));
    expect(pair.band).toBe('no-match');
  });
});

describe('a children’s hospital beside the adult medical centre of its campus', () => {
  test.each<[string, string]>([
    ["Kestrel Children's Hospital - Fairhaven", 'Kestrel Memorial Med Ctr - Fairhaven'],
    ["Kestrel Children's Hospital Fairhaven", 'Kestrel Memorial Medical Ctr - Fairhaven'],
  ])('%s ≠ %s (hard negative)', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Fairhaven'), inCity(b, 'Fairhaven'));
    expect(comparatorOf(pair, 'hospitalKind')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test('the medical centre written short still meets itself', async () => {
    const pair = await facility.verify(
      inCity('Kestrel Memorial Med Ctr - Fairhaven', 'Fairhaven'),
      inCity('Kestrel Memorial Medical Center', 'Fairhaven'),
    );
    expect(pair.band).not.toBe('no-match');
  });
});
