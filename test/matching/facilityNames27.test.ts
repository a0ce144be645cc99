/**
 * Facility and supplier names of session 27 (facility-2.30.0, facilityTranslations 1.14.0, placeNames 1.3.0,
 * scriptGenericWords 1.7.0):
 * - West Frisian hospital words and Fryslân's official Frisian place names (`Sikehûs` = Ziekenhuis, `Snits` = Sneek);
 * - Corsican and Basque hospital words and places (`Spidali` = Hôpital, `Aiacciu` = Ajaccio, `Ospitalea`);
 * - hospitals dedicated to the Holy Spirit under their translated dedication;
 * - Pashto / Dari hospital words and Afghan places in Arabic script, a city in Arabic script read only when listed;
 * - Pashto / Dari company words of supplier names.
 * The conventions and places are real; the hospitals named Riverbend, Lakeside… are made up.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');
const supplier = matchingTestServer('supplier');

const inCity = (name: string, city: string) => ({ name, address: { city } });

describe('West Frisian, Corsican and Basque names', () => {
  test.each<[string, string, string, string]>([
    ['Sikehûs Lakeside Snits', 'Snits', 'Ziekenhuis Lakeside Sneek', 'Sneek'],
    ['Medysk Sintrum Riverbend', 'Ljouwert', 'Medisch Centrum Riverbend', 'Leeuwarden'],
    ['Spidali di Riverbend', 'Aiacciu', 'Hôpital de Riverbend', 'Ajaccio'],
    ['Holy Spirit Hospital', 'Riverbend', 'Hospital do Divino Espírito Santo', 'Riverbend'],
  ])('%s (%s) reads as %s (%s)', async (a, cityA, b, cityB) => {
    const pair = await facility.verify(inCity(a, cityA), inCity(b, cityB));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('a Basque university hospital meets its Spanish name', async () => {
    const pair = await facility.verify(
      inCity('Riverbendeko Unibertsitate Ospitalea', 'Bilbo'),
      inCity('Hospital Universitario Riverbend', 'Bilbao'),
    );
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });
});

describe('Pashto and Dari hospital names', () => {
  test('a Pashto regional hospital in its city reads as its English name', async () => {
    const pair = await facility.verify(inCity('کندز سیمه ییز روغتون', 'کندز'), inCity('Kunduz Regional Hospital', 'Kunduz'));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('a Pashto proper name against its English spelling is a review, never an automatic merge', async () => {
    const pair = await facility.verify(inCity('لیکسایډ روغتون', 'کابل'), inCity('Lakeside Hospital', 'Kabul'));
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('auto-merge');
  });

  test("a children's hospital is not the city's regional hospital", async () => {
    const pair = await facility.verify(inCity('د کندز د ماشومانو روغتون', 'کندز'), inCity('کندز سیمه ییز روغتون', 'کندز'));
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });

  test('a city in Arabic script that no table lists stays unread', async () => {
    const pair = await facility.verify(inCity('Lakeside Hospital', 'ریورېنډ'), inCity('Lakeside Hospital', 'Kabul'));
    expect(comparatorOf(pair, 'address')?.outcome).toBe('missing');
  });
});

describe('Pashto and Dari supplier names', () => {
  test.each<[string, string]>([
    ['د افغانستان نړیوال تجارتي شرکت', 'Afghanistan International Trading Company'],
    ['افغان بې سیم شرکت', 'Afghan Wireless Company'],
  ])('%s reads as %s', async (a, b) => {
    const pair = await supplier.verify(inCity(a, 'Kabul'), inCity(b, 'Kabul'));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.band).not.toBe('no-match');
  });
});
