/**
 * Facility names of session 30 (facility-2.33.0, facilityTranslations 1.17.0):
 * - the hospital noun of the Romance languages beside Italian (Friulian / Ladin ospedâl, Sardinian ispidale) and of the
 *   Polynesian languages (Samoan falemaʻi, Tongan fale mahaki, Māori hōhipera…): with the noun read, the place name that
 *   survives translation carries the comparison;
 * - two towns are two places: addresses that compare only their towns (no street line or postal code on both sides, or
 *   a village written as its own street line) and name two towns are a different address, whatever their state;
 * - a compass word opening the record's own town (`- North Vancouver`, city North Vancouver) is the town, not a campus.
 * The conventions and places are real; the hospitals named Riverbend, Lakeside, Acme… are made up.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');

const inCity = (name: string, city: string, extra: Record<string, string> = {}) => ({ name, address: { city, ...extra } });

describe('hospital nouns of the Alpine and island Romance languages and of Polynesian languages', () => {
  test.each<[string, string, string]>([
    ['Ospedâl di Latisana', 'Ospedale di Latisana', 'Latisana'],
    ['Ospidale Brotzu', 'Ospedale Brotzu', 'Cagliari'],
    ['Falemaʻi Riverbend', 'Riverbend Hospital', 'Riverbend'],
    ['Hōhipera Whangārei', 'Whangārei Hospital', 'Whangārei'],
    ['Fale Mahaki Vaiola', 'Vaiola Hospital', 'Nukuʻalofa'],
  ])('%s reads as %s', async (a, b, city) => {
    const pair = await facility.verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('with the Polynesian `o` (of) between the noun and the place the names stay alike', async () => {
    const pair = await facility.verify(inCity('Hōhipera o Whangārei', 'Whangārei'), inCity('Whangārei Hospital', 'Whangārei'));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.band).not.toBe('no-match');
  });

  test('a Samoan name against the English district hospital of its village reaches a steward', async () => {
    const pair = await facility.verify(
      { name: 'Riverbend District Hospital', address: { line1: 'Riverbend', city: 'Riverbend', country: 'WS' } },
      { name: 'Falemaʻi o Riverbend', address: { city: 'Riverbend', country: 'WS' } },
    );
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('mismatch');
    expect(pair.band).toBe('review');
  });

  test('the hospitals of two islands named with the same noun stay apart', async () => {
    const pair = await facility.verify(inCity('Fale Mahaki Niuʻui', 'Pangai'), inCity('Fale Mahaki Niuʻeiki', 'ʻEua'));
    expect(pair.band).toBe('no-match');
  });
});

describe('two towns are two places', () => {
  test.each<[string, Record<string, string>, string, Record<string, string>]>([
    [
      'Lakeside District Hospital',
      { line1: 'Lakeside', city: 'Lakeside', country: 'WS' },
      'Laketon District Hospital',
      { line1: 'Laketon', city: 'Laketon', country: 'WS' },
    ],
    [
      'Acme Health - Acme Hospital (Detroit)',
      { city: 'Detroit', state: 'MI' },
      'Acme Dearborn Hospital',
      { city: 'Dearborn', state: 'MI' },
    ],
    ['Riverbend General Hospital', { city: 'Springfield', state: 'IL' }, 'Riverbend General Hospital', { city: 'Peoria', state: 'IL' }],
  ])('%s (%o) / %s (%o)', async (a, addressA, b, addressB) => {
    const pair = await facility.verify({ name: a, address: addressA }, { name: b, address: addressB });
    expect(comparatorOf(pair, 'address')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test.each<[string, Record<string, string>, string, Record<string, string>]>([
    [
      'Riverbend General Hospital',
      { city: 'Springfield', state: 'IL' },
      'Riverbend General Hospital',
      { city: 'Springfield', state: 'IL' },
    ],
    ['Riverbend General Hospital', { city: 'Saint Johns', state: 'MI' }, 'Riverbend General Hospital', { city: 'St. Johns', state: 'MI' }],
    [
      'Riverbend General Hospital',
      { city: 'Fort Riverbend', state: 'TX' },
      'Riverbend General Hospital',
      { city: 'Ft Riverbend', state: 'TX' },
    ],
    [
      'Riverbend Hospital',
      { line1: '12 Harbour Road', city: 'Riverbend' },
      'Riverbend Hospital',
      { line1: '12 Harbour Rd', city: 'Riverbend' },
    ],
  ])('one town written alike still agrees: %s (%o)', async (a, addressA, b, addressB) => {
    const pair = await facility.verify({ name: a, address: addressA }, { name: b, address: addressB });
    expect(comparatorOf(pair, 'address')?.outcome).not.toBe('mismatch');
    expect(pair.band).not.toBe('no-match');
  });
});

describe('a compass word opening the record’s own town is no campus', () => {
  test.each<[string, string, string]>([
    ['Lakeside Hospital - North Vancouver', 'Lakeside Hospital', 'North Vancouver'],
    ['LAKESIDE MEDICAL CENTER, WEST PALM BEACH', 'Lakeside Medical Center', 'West Palm Beach'],
    ['Riverbend Memorial Hospital (South Bend)', 'Riverbend Memorial Hospital', 'South Bend'],
  ])('%s / %s (%s)', async (a, b, city) => {
    const pair = await facility.verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'compassCampus')?.outcome).not.toBe('mismatch');
    expect(pair.hardRule?.name).not.toBe('otherCompassCampus');
    expect(pair.band).not.toBe('no-match');
  });

  test.each<[string, string, string]>([
    ['Lakeside Hospital North', 'Lakeside Hospital', 'Vancouver'],
    ['Riverbend Medical Center South', 'Riverbend Medical Center', 'Sacramento'],
  ])('a campus in a town of one word is still a campus: %s / %s (%s)', async (a, b, city) => {
    const pair = await facility.verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test('a district after a one-word town is still read (Klinikum X-Nord, city X)', async () => {
    const pair = await facility.verify(inCity('Klinikum Riverbend-Nord', 'Riverbend'), inCity('Klinikum Riverbend', 'Riverbend'));
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('mismatch');
  });
});
