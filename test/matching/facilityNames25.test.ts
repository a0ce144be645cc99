/**
 * Facility names of session 25 (facility-2.28.0):
 * - Lao and Dzongkha hospital words, Lao provinces and Bhutan's dzongkhags, keyed by their script text and by the
 *   romanisations lists write (facilityTranslations 1.12.0, placeNames 1.1.0, facilityKindWords 1.4.0); an unspaced Lao
 *   run is split at lexicon words on both ends;
 * - Italian AO and Spanish HU / HGU / HCU (facilityAbbreviations 1.9.0);
 * - a register of public renamings, one source per row (facilityRenames 1.0.0);
 * - noun-first names of two sites of one naming pattern, and two names that are one unlike own word each around the
 *   same generic words, are two sites.
 * The conventions and places are real; the hospitals named Riverbend, Lakeside, Son Ferrer, Son Moix… are made up.
 */
import { describe, expect, test } from 'vitest';
import { shippedAliasTables } from '../../server/matching/aliases';
import { romanisedName } from '../../server/matching/transliteration';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const { verify, compareNames } = matchingTestServer('facility');

describe('Lao and Dzongkha hospital words and places', () => {
  test.each<[string, string, string]>([
    ['ໂຮງໝໍແຂວງຈຳປາສັກ', 'Champasak Provincial Hospital', 'Champasak'],
    ['ໂຮງໝໍແຂວງສະຫວັນນະເຂດ', 'Savannakhet Provincial Hospital', 'Savannakhet'],
    ['ལྷོ་ཕྱོགས་ལུང་ཕྱོགས་གཞི་རྟེན་སྨན་ཁང་། སྤ་རོ།', 'Southern Regional Referral Hospital, Paro', 'Paro'],
    ['བུམ་ཐང་སྤྱི་ཚོགས་སྨན་ཁང་།', 'Bumthang General Hospital', 'Bumthang'],
  ])('%s reads as %s', async (script, english, city) => {
    const pair = await verify({ name: script, address: { city } }, { name: english, address: { city } });
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.band).not.toBe('no-match');
  });

  test('a Lao run is split at its generic word and its place, on both ends', () => {
    expect(romanisedName('ໂຮງໝໍແຂວງຈຳປາສັກ').trim().split(/\s+/)).toHaveLength(3);
  });

  test('an initialism of the English name meets the name written in Dzongkha', async () => {
    const pair = await verify(
      { name: 'SRRH Paro', address: { city: 'Paro' } },
      { name: 'ལྷོ་ཕྱོགས་ལུང་ཕྱོགས་གཞི་རྟེན་སྨན་ཁང་། སྤ་རོ།', address: { city: 'Paro' } },
    );
    expect(pair.band).not.toBe('no-match');
  });

  test("a Lao children's hospital states its kind against the general hospital", async () => {
    const pair = await verify({ name: 'ໂຮງໝໍເດັກ', address: { city: 'Pakse' } }, { name: 'ໂຮງໝໍແຂວງຈຳປາສັກ', address: { city: 'Pakse' } });
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('operator initialisms of Italian and Spanish lists', () => {
  test.each<[string, string]>([
    ['AO Santa Croce', 'Azienda Ospedaliera Santa Croce'],
    ['HU Río Verde', 'Hospital Universitario Río Verde'],
    ['H. U. Río Verde', 'Hospital Universitario Río Verde'],
    ['HGU Río Verde', 'Hospital General Universitario Río Verde'],
    ['HCU Río Verde', 'Hospital Clínico Universitario Río Verde'],
  ])('%s is %s', async (short, long) => {
    expect((await compareNames(short, long))?.score).toBe(1);
  });
});

describe('a register of public renamings', () => {
  test('every row names its source', () => {
    const table = shippedAliasTables().get('facilityRenames');
    expect(table?.entries.length).toBeGreaterThan(40);
    expect(table?.entries.every((entry) => (entry.source ?? '').length > 0)).toBe(true);
  });

  test.each<[string, string, string]>([
    ['Fletcher Allen Health Care', 'University of Vermont Medical Center', 'Burlington'],
    ['Sioux Valley Hospital', 'Sanford USD Medical Center', 'Sioux Falls'],
    ['Scottsdale Healthcare Shea', 'HonorHealth Scottsdale Shea Medical Center', 'Scottsdale'],
  ])('%s is now %s', async (former, current, city) => {
    const pair = await verify({ name: former, address: { city } }, { name: current, address: { city } });
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.85);
    expect(pair.band).not.toBe('no-match');
  });
});

describe('two public hospitals of one city', () => {
  test('noun-first names of one pattern with other own names are two sites', async () => {
    const name = await compareNames('Hospital Universitario Son Ferrer', 'Hospital Universitario Son Moix');
    expect(name?.outcome).toBe('mismatch');
    const pair = await verify(
      { name: 'Hospital Universitario Son Ferrer', address: { city: 'Palma' } },
      { name: 'Hospital Universitario Son Moix', address: { city: 'Palma' } },
    );
    expect(pair.band).toBe('no-match');
  });

  test('a site word and generic words alone in common are not read so (a site named after its city)', async () => {
    const pair = await verify(
      { name: 'Hospital Universitario Santa Tecla', address: { city: 'Tarragona' } },
      { name: 'Hospital Universitario de Tarragona', address: { city: 'Tarragona' } },
    );
    expect(pair.hardRule?.name).not.toBe('otherSiteOfGroup');
  });

  test('one unlike own word each around the same generic words: two hospitals, not a review', async () => {
    const pair = await verify(
      { name: 'Riverbend Hospital', address: { city: 'Pakse' } },
      { name: 'Rosewood Hospital', address: { city: 'Pakse' } },
    );
    expect(comparatorOf(pair, 'name')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test('a romanised reading of one own word stays alike', async () => {
    const pair = await verify({ name: 'ໂຮງໝໍມະນີວົງ', address: { city: 'Pakse' } }, { name: 'Manivong Hospital', address: { city: 'Pakse' } });
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('mismatch');
    expect(pair.band).not.toBe('no-match');
  });
});
