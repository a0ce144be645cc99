/**
 * Facility names of session 26 (facility-2.29.0):
 * - compass points and the centre district in German, French, Italian, Dutch and Iberian names are site qualifiers
 *   (`Klinikum X-Nord` / `Klinikum X-Mitte`), not when they open a town written with its state code;
 * - numbered campuses (`Campus II` / `Campus III`) are two sites;
 * - a former name stated in brackets (`formerly`, `ehem.`, `anciennement`) is a name of the record;
 * - Sorani Kurdish and Greenlandic / Danish hospital words and places, a glued `St.`, public renamings with a source.
 * The conventions and places are real; the hospitals named Riverbend, Lakeside, Musterstadt… are made up.
 */
import { describe, expect, test } from 'vitest';
import { shippedAliasTables } from '../../server/matching/aliases';
import { statedRenamingForms } from '../../server/matching/captionNames';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const { verify, compareNames } = matchingTestServer('facility');

const inCity = (name: string, city: string) => ({ name, address: { city } });

describe('site qualifiers of other languages', () => {
  test.each<[string, string, string]>([
    ['KMM Klinikum Musterstadt-Mitte', 'Klinikum Musterstadt Nord', 'Musterstadt'],
    ['Klinikum Musterstadt-Ost', 'KMS Klinikum Musterstadt-Süd', 'Musterstadt'],
    ['Stadtwerke Gesundheit gGmbH - Klinikum Musterstadt-Mitte', 'KMN Klinikum Musterstadt-Nord', 'Musterstadt'],
    ['Riverbend Ziekenhuis Noord', 'RZ Riverbend Ziekenhuis Zuid', 'Utrecht'],
  ])('%s and %s are two sites', async (a, b, city) => {
    const pair = await verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test("a site's own legal form after its district is read past", async () => {
    const pair = await verify(
      inCity('Klinikum Musterstadt Mitte gGmbH', 'Musterstadt'),
      inCity('Klinikum Musterstadt-Mitte', 'Musterstadt'),
    );
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('match');
    expect(pair.band).not.toBe('no-match');
  });

  test("an operator's name before its legal form is not the site's district", async () => {
    const pair = await verify(
      inCity('Gesundheit Nord gGmbH - Klinikum Musterstadt-Mitte', 'Musterstadt'),
      inCity('Klinikum Musterstadt-Mitte', 'Musterstadt'),
    );
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('match');
    expect(pair.band).not.toBe('no-match');
  });

  test('a compass word opening a town written with its state code is the town', async () => {
    const pair = await verify(
      inCity('Riverbend University Hospital - East Meadow, NY', 'East Meadow'),
      inCity('Riverbend University Hospital', 'East Meadow'),
    );
    expect(comparatorOf(pair, 'compassCampus')?.outcome).toBe('match');
    expect(pair.band).not.toBe('no-match');
  });
});

describe('kinds and numbered sites', () => {
  test("a Swiss Kinderspital is a children's hospital", async () => {
    const pair = await verify(inCity('Kinderspital Musterstadt', 'Musterstadt'), inCity('Spital Musterstadt', 'Musterstadt'));
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test('two numbered campuses of one university hospital are two sites', async () => {
    const pair = await verify(
      inCity('Riverbend Universitätsklinikum – Campus II', 'Linz'),
      inCity('Riverbend Universitätsklinikum, Campus III', 'Linz'),
    );
    expect(comparatorOf(pair, 'facilityNumber')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });
});

describe('a former name stated in brackets', () => {
  test.each<[string, string[]]>([
    [
      'Lakeside Rehabilitation Hospital (formerly Riverbend Rehab Institute)',
      [
        'Lakeside Rehabilitation Hospital (formerly Riverbend Rehab Institute)',
        'Lakeside Rehabilitation Hospital',
        'Riverbend Rehab Institute',
      ],
    ],
    [
      'Klinikum Lakeside (ehem. Kreiskrankenhaus Riverbend)',
      ['Klinikum Lakeside (ehem. Kreiskrankenhaus Riverbend)', 'Klinikum Lakeside', 'Kreiskrankenhaus Riverbend'],
    ],
    [
      'Hôpital du Lac (anciennement Clinique Riverbend)',
      ['Hôpital du Lac (anciennement Clinique Riverbend)', 'Hôpital du Lac', 'Clinique Riverbend'],
    ],
    ['Lakeside Hospital (Riverbend)', ['Lakeside Hospital (Riverbend)']],
  ])('%s', (raw, forms) => {
    expect(statedRenamingForms(raw)).toEqual(forms);
  });

  test('the record is compared under its former name too', async () => {
    const pair = await verify(
      inCity('Lakeside Rehabilitation Hospital (formerly Riverbend Rehabilitation Institute)', 'Riverbend'),
      inCity('Riverbend Rehabilitation Institute', 'Riverbend'),
    );
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });
});

describe('Sorani Kurdish and Greenlandic names', () => {
  test.each<[string, string, string]>([
    ['نەخۆشخانەی فێرکاری هەولێر', 'Erbil Teaching Hospital', 'Erbil'],
    ['Hawler Teaching Hospital', 'Erbil Teaching Hospital', 'Erbil'],
    ['نەخۆشخانەی گشتی دهۆک', 'Duhok General Hospital', 'Duhok'],
    ['Slemani General Hospital', 'Sulaymaniyah General Hospital', 'Sulaymaniyah'],
    ['Aasianni Napparsimmavik', 'Aasiaat Hospital', 'Aasiaat'],
    ['Godthåb Sundhedscenter', 'Nuuk Health Centre', 'Nuuk'],
  ])('%s reads as %s', async (a, b, city) => {
    const pair = await verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.band).not.toBe('no-match');
  });

  test('a Danish regional hospital "in" its town reaches review (the preposition i is still read as a word)', async () => {
    const pair = await verify(inCity('Regionssygehuset i Maniitsoq', 'Maniitsoq'), inCity('Maniitsoq Regional Hospital', 'Maniitsoq'));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.85);
    expect(pair.band).toBe('review');
  });

  test("a Sorani children's hospital states its kind against the general hospital", async () => {
    const pair = await verify(inCity('نەخۆشخانەی منداڵانی دهۆک', 'Duhok'), inCity('نەخۆشخانەی گشتی دهۆک', 'Duhok'));
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('spellings and renamings', () => {
  test('St. glued to the name after it reads as St. and a word', async () => {
    expect((await compareNames('Kantonsspital St.Gallen', 'Kantonsspital St. Gallen'))?.score).toBe(1);
  });

  test('every rename row names its source', () => {
    const table = shippedAliasTables().get('facilityRenames');
    expect(table?.entries.length).toBeGreaterThan(100);
    expect(table?.entries.every((entry) => (entry.source ?? '').length > 0)).toBe(true);
  });

  test.each<[string, string, string]>([
    ['Rehabilitation Institute of Chicago', 'Shirley Ryan AbilityLab', 'Chicago'],
    ['Centro Hospitalar Universitário de São João', 'ULS São João', 'Porto'],
    ['Lady Cilento Children’s Hospital', 'Queensland Children’s Hospital', 'Brisbane'],
    ['Good Samaritan Hospital Medical Center', 'Good Samaritan University Hospital', 'West Islip'],
  ])('%s is now %s', async (former, current, city) => {
    const pair = await verify(inCity(former, city), inCity(current, city));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });
});
