/**
 * Facility names and towns of session 31 (facility-2.34.0, facilityTranslations 1.18.0, facilityNameParticles 1.3.0):
 * - a suburb and its postal town: two towns compared only by name (no street line or postal code on both sides) are not
 *   set apart when one record names the other's town besides its own — in its name after the first word, in the site
 *   part of `<organisation> - <site>`, or in the last comma segment of its street line (address param townNamedIn);
 * - a town written as alternatives joined by a slash (`Derry/Londonderry`, `Biel/Bienne`) is each of them;
 * - the Xitsonga and Tshivenda hospital nouns (xibedlhele, sibadela) and their class-7 concords (xa, tsha), and the
 *   Tongan noun written solid (falemahaki).
 * The conventions and places are real; the hospitals named Riverbend, Lakeside, Acme… are made up.
 */
import { describe, expect, test } from 'vitest';
import { placesNamedBy, townAlternatives } from '../../server/matching/address';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');

type Side = [string, Record<string, string>];

describe('a suburb and its postal town, one record naming the other’s town', () => {
  test.each<[Side, Side]>([
    // A hospital whose legal name carries its postal town, listed at its neighbourhood (Brighton, a part of Boston).
    [
      ['Riverbend Medical Center of Boston, Inc.', { line1: '12 Harbour Street', city: 'Brighton', state: 'MA', postalCode: '02135' }],
      ['Riverbend Medical Center', { city: 'Boston', state: 'MA' }],
    ],
    // An Australian hospital named after its city, listed at its suburb by one list and at the city by another.
    [
      ['Royal Lakeside Hospital', { city: 'Kelvin Grove', state: 'QLD' }],
      ['Royal Lakeside Hospital', { city: 'Lakeside', state: 'QLD' }],
    ],
    // `<organisation> - <site>`: the site part names the other's town.
    [
      ['Acme Health Board - Riverbend Hospital', { city: 'Nether Riverbend' }],
      ['Riverbend Hospital', { line1: '2 Harbour Avenue', city: 'Riverbend', postalCode: '8011' }],
    ],
    // A Malaysian street line ending in the township another list gives as the town.
    [
      ['Lakeside Medical Centre Sdn. Bhd.', { line1: '5, Jalan Tasik Utama, Bandar Lakeside', city: 'Subang Jaya', state: 'Selangor' }],
      ['Lakeside Medical Centre', { city: 'Bandar Lakeside', state: 'Selangor' }],
    ],
  ])('%o / %o are not two places (the towns compared by their similarity)', async ([nameA, addressA], [nameB, addressB]) => {
    const pair = await facility.verify({ name: nameA, address: addressA }, { name: nameB, address: addressB });
    expect(comparatorOf(pair, 'address')?.score).toBeGreaterThan(0);
    expect(pair.band).not.toBe('no-match');
  });

  test.each<[Side, Side]>([
    // A system named after its home city: the brand leading the name is not the site's town.
    [
      ['Springfield Clinic Oakdale Hospital', { city: 'Oakdale', state: 'IL' }],
      ['Springfield Clinic Hospital', { city: 'Springfield', state: 'IL' }],
    ],
    // The site's own town containing the other's (North Little Rock / Little Rock) is blanked before reading.
    [
      ['Acme Health Medical Center - North Riverbend', { city: 'North Riverbend', state: 'AR' }],
      ['Acme Health Medical Center - Riverbend', { city: 'Riverbend', state: 'AR' }],
    ],
    // An organisation named after two towns, its other campus after the dash.
    [
      ['ACME LAKESIDE HARBOUR HOSPITAL - HARBOUR CAMPUS', { city: 'Little River', state: 'SC' }],
      ['Acme Lakeside', { line1: '3655 Mitchell Street', city: 'Lakeside', state: 'SC', postalCode: '29569' }],
    ],
    // Two sites of one system in two towns, neither naming the other's.
    [
      ['Acme Children’s Hospital', { city: 'Houston', state: 'TX' }],
      ['Acme Children’s Hospital - The Woodlands', { city: 'The Woodlands', state: 'TX' }],
    ],
  ])('sites of one system in other towns stay apart: %o / %o', async ([nameA, addressA], [nameB, addressB]) => {
    const pair = await facility.verify({ name: nameA, address: addressA }, { name: nameB, address: addressB });
    expect(comparatorOf(pair, 'address')?.score).toBe(0);
    expect(pair.band).toBe('no-match');
  });

  test('the places a record names: the name after its brand, the site after a dash, the street line’s locality', () => {
    expect(placesNamedBy({ names: ['Riverbend Medical Center of Springfield, Inc.'], line1: '', city: 'OAKDALE' })).toBe(
      ' MEDICAL CENTER OF SPRINGFIELD INC ',
    );
    expect(placesNamedBy({ names: ['Acme Health - North Riverbend'], line1: '', city: 'NORTH RIVERBEND' })).toBe('');
    expect(placesNamedBy({ names: ['Springfield Clinic'], line1: '5, Jalan Tasik, Bandar Lakeside', city: 'X' })).toBe(
      ' CLINIC | BANDAR LAKESIDE ',
    );
  });
});

describe('a town written as its alternatives', () => {
  test('a slash joins the names of one town', () => {
    expect(townAlternatives('Derry/Londonderry')).toEqual(['Derry', 'Londonderry']);
    expect(townAlternatives('Biel / Bienne')).toEqual(['Biel', 'Bienne']);
    expect(townAlternatives('Riverbend')).toEqual(['Riverbend']);
  });

  test('either name of the town agrees with a list giving one of them', async () => {
    const pair = await facility.verify(
      { name: 'Lakeside Area Hospital', address: { line1: 'Glen Road', city: 'Londonderry', postalCode: 'BT47 6SB' } },
      { name: 'Lakeside Area Hospital, Derry/Londonderry', address: { city: 'Derry/Londonderry', state: 'Northern Ireland' } },
    );
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });
});

describe('Xitsonga, Tshivenda and Tongan hospital nouns', () => {
  const inTown = (name: string, city: string) => ({ name, address: { city, state: 'LP' } });
  test.each<[string, string, string]>([
    ['Xibedlhele xa Riverbend', 'Riverbend Hospital', 'Giyani'],
    ['Xibedlhele xa Xifundzankulu xa Lakeside', 'Lakeside Provincial Hospital', 'Lakeside'],
    ['Sibadela tsha Riverbend', 'Riverbend Hospital', 'Riverbend'],
    ['Falemahaki Riverbend', 'Riverbend Hospital', 'Neiafu'],
  ])('%s reads as %s', async (a, b, city) => {
    const pair = await facility.verify(inTown(a, city), inTown(b, city));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('the hospitals of two places named with the same noun stay apart', async () => {
    const pair = await facility.verify(inTown('Xibedlhele xa Riverbend', 'Riverbend'), inTown('Xibedlhele xa Lakeside', 'Lakeside'));
    expect(pair.band).toBe('no-match');
  });

  test('a psychiatric hospital against the general hospital of its name is not merged', async () => {
    const pair = await facility.verify(inTown('Xibedlhele xa Riverbend', 'Giyani'), inTown('Riverbend Psychiatric Hospital', 'Giyani'));
    expect(pair.band).not.toBe('auto-merge');
  });
});
