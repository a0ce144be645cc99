/**
 * Facility names and places of session 32 (facility-2.35.0):
 * - noun-first names with a linker (`<facility noun> <linker> <name>`: Swahili and Chichewa `… ya / cha …`, Kinyarwanda
 *   `… bya …`, iTaukei `… e …`, Polynesian `… o …`) are read without their head noun when the facility tables do not
 *   know it (nounFirstFacilityNames.ts);
 * - postal codes are read by their country's format (UK outward code, Canadian FSA, Eircode routing key, Dutch
 *   digits: postalCodes.ts) and compared as code, district or neither.
 * The grammar and the formats are real; the hospitals and addresses are examples of their shape, not taken from a corpus.
 */
import { describe, expect, test } from 'vitest';
import { withoutNounFirstLinkers } from '../../server/matching/nounFirstFacilityNames';
import { postalCodeSimilarity, readPostalCode } from '../../server/matching/postalCodes';
import { normalizeFacilityName } from '../../server/matching/facilityNames';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');
const unknownNoun = (): boolean => false;

describe('noun-first names with a linker', () => {
  test.each([
    ['Hospitali ya Tumbi', 'Tumbi'],
    ['Hospitali ya Rufaa ya Mkoa wa Tanga', 'Rufaa Mkoa Tanga'],
    ['HOSPITALI YA WILAYA YA KIBAHA', 'WILAYA KIBAHA'],
    ['Chipatala cha Mulanje', 'Mulanje'],
    ['Ibitaro bya Nyagatare', 'Nyagatare'],
    ['Valenibula e Savusavu', 'Savusavu'],
  ])('%s is read as %s', (raw, read) => {
    expect(withoutNounFirstLinkers(raw, unknownNoun)).toBe(read);
  });

  test.each([
    // English function words are no linkers: `Women and Infants`, `Hospital for Special Surgery`.
    'Women and Infants Hospital',
    'Hospital for Special Surgery',
    // The Romance article is left out (`Clínica La Luz`), and a linker written in capitals in a mixed-case name is not one.
    'Clínica La Luz',
    'Riverbend YA Hospital',
    // Two words: no name after the linker.
    'Hospitali ya',
  ])('%s is left as written', (raw) => {
    expect(withoutNounFirstLinkers(raw, unknownNoun)).toBe(raw);
  });

  test('a head noun the facility tables read keeps the name whole (Hospital e Maternidade …)', () => {
    expect(normalizeFacilityName('Hospital e Maternidade Santa Joana')).toContain('HOSPITAL');
    expect(normalizeFacilityName('Valenibula e Savusavu')).toBe('SAVUSAVU');
  });

  test.each<[string, string, string]>([
    ['Hospitali ya Tumbi', 'Tumbi Hospital', 'Kibaha'],
    ['Ibitaro bya Nyagatare', 'Nyagatare District Hospital', 'Nyagatare'],
    ['Valenibula e Savusavu', 'Savusavu Hospital', 'Savusavu'],
  ])('%s / %s in %s reach review, not an automatic merge', async (nounFirst, nameFirst, city) => {
    const pair = await facility.verify({ name: nounFirst, address: { city } }, { name: nameFirst, address: { city } });
    expect(pair.band).toBe('review');
  });

  test.each<[string, Record<string, string>, string, Record<string, string>]>([
    // The same name in another town is another hospital.
    ['Hospitali ya Tumbi', { city: 'Kibaha' }, 'Tumbi Hospital', { city: 'Morogoro' }],
    // A private hospital in the same town is another hospital.
    ['Valenibula e Savusavu', { city: 'Savusavu' }, 'Savusavu Private Hospital', { city: 'Savusavu' }],
  ])('%s / %s stay apart', async (nameA, addressA, nameB, addressB) => {
    const pair = await facility.verify({ name: nameA, address: addressA }, { name: nameB, address: addressB });
    expect(pair.band).toBe('no-match');
  });
});

describe('postal codes read by their country', () => {
  test.each<[string, string | undefined, { code: string; district?: string } | null]>([
    ['tr1 3lj', 'GB', { code: 'TR1 3LJ', district: 'TR1' }],
    ['EC1A1BB', 'United Kingdom', { code: 'EC1A 1BB', district: 'EC1A' }],
    ['V1Y 1T2', 'CA', { code: 'V1Y 1T2', district: 'V1Y' }],
    ['D02 X285', 'IE', { code: 'D02 X285', district: 'D02' }],
    ['1012 AB', 'NL', { code: '1012 AB', district: '1012' }],
    // Read by its shape when the record names no country.
    ['M5G 2C4', undefined, { code: 'M5G 2C4', district: 'M5G' }],
    // Digits as a ZIP reads them, whatever the country; a six-digit PIN as its digits when the country is named.
    ['2605', 'AU', { code: '02605' }],
    ['63110-1234', 'US', { code: '63110' }],
    ['110029', 'IN', { code: '110029' }],
    ['110029', undefined, null],
    // A Canadian shape under a UK country is not a UK postcode.
    ['V1Y 1T2', 'GB', null],
  ])('%s (%s) is read as %o', (value, country, reading) => {
    expect(readPostalCode(value, country)).toEqual(reading);
  });

  test('one code, one district, two districts', () => {
    const at = (code: string) => {
      const reading = readPostalCode(code, 'GB');
      return { postalCode: reading?.code ?? '', ...(reading?.district ? { postalDistrict: reading.district } : {}) };
    };
    expect(postalCodeSimilarity(at('TR1 3LJ'), at('TR1 3LJ'))).toBe(1);
    expect(postalCodeSimilarity(at('TR1 3LJ'), at('TR1 3LQ'))).toBe(0.5);
    expect(postalCodeSimilarity(at('TR1 3LJ'), at('TR18 2PF'))).toBe(0);
  });

  test('two community hospitals on one street name in two postcode districts are two places', async () => {
    const site = (postalCode: string) => ({
      name: 'Riverbend Community Hospital',
      address: { line1: 'Station Road', city: 'Riverbend', postalCode, country: 'GB' },
    });
    const same = await facility.verify(site('TR15 2AB'), site('TR15 2AB'));
    const other = await facility.verify(site('TR15 2AB'), site('PL6 8DH'));
    expect(comparatorOf(other, 'address')?.score ?? 1).toBeLessThan(comparatorOf(same, 'address')?.score ?? 0);
  });
});
