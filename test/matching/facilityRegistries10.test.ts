/**
 * Hospitals as non-English registries write them (facility-2.5.0), through `POST /matching/verify`:
 * - the facility words of French, Italian, Spanish, German and romanised Japanese lists read as the English ones
 *   (`Hôpital X` = `X Hospital`, `P.O. X` = `Ospedale X`, `X CHUO BYOIN` = `X Central Hospital`);
 * - a FINESS establishment named with its legal entity's short name after it (`HOPITAL X CHU DE Y`, `… HCL`,
 *   `… AP-HP`) is the establishment alone; the legal entity's own record keeps its name, so a site and its entity
 *   still differ; one word before the short name is a place prefix (DHIS2 and district lists: `Sfax - CHU Hedi
 *   Chaker`), not a site, so two CHUs of one city keep their names (hospitalGroupSuffixes 1.1.0, `minWordsBefore`).
 * The hospitals here are made up, not those of the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startIngestServer } from '../support/factories/ingest';
import { nameComparison, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'facility', a, b });

describe('facility words of other languages read as the English ones', () => {
  test.each<[string, string]>([
    ['Hôpital Sainte-Quillane', 'SAINTE QUILLANE HOSPITAL'],
    ['Ospedale Valdoria', 'P.O. VALDORIA'],
    ['Presidio Ospedaliero Valdoria', 'Ospedale Valdoria'],
    ['Halvorsen Central Hospital', 'HALVORSEN CHUO BYOIN'],
    ['Halvorsen General Hospital', 'HALVORSEN SOGO BYOIN'],
    ['Hospital Universitario Valdoria', 'VALDORIA UNIVERSITY HOSPITAL'],
    ['Krankenhaus Quillstadt', 'Quillstadt Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a clinic stays a clinic', async () => {
    expect((await compareNames('Clinique Valdoria', 'Hôpital Valdoria'))?.score ?? 0).toBeLessThan(1);
  });
});

describe("a FINESS establishment named with its legal entity's short name", () => {
  test.each<[string, string]>([
    ['HOPITAL SAINT QUILLAN CHU DE VALDOR', 'Hôpital Saint-Quillan'],
    ['HOPITAL DE LA BASTIDE HCL', 'Hôpital de la Bastide'],
    ['HOPITAL QUILLAN AP-HP', 'Hôpital Quillan'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('the legal entity keeps its name: a site and its entity are not one name', async () => {
    expect((await compareNames('CHU DE VALDOR', 'HOPITAL SAINT QUILLAN CHU DE VALDOR'))?.score ?? 0).toBeLessThan(0.9);
  });
});

describe('a place prefix before a CHU is not a FINESS site', () => {
  test('two CHUs of one city written `City - CHU Name` keep their names and are not merged', async () => {
    expect((await compareNames('Sfax - CHU Hedi Chaker', 'Sfax - CHU Habib Bourguiba'))?.outcome).not.toBe('match');
    const pair = await verifyPair({
      server,
      domain: 'facility',
      a: { name: 'Sfax - CHU Hedi Chaker', address: { city: 'Sfax', country: 'TN' } },
      b: { name: 'Sfax - CHU Habib Bourguiba', address: { city: 'Sfax', country: 'TN' } },
    });
    expect(pair.band).not.toBe('auto-merge');
  });

  test('the same CHU written with and without the place prefix still reads as one name', async () => {
    // Since facility-2.18.0 a name with a place more is the contained level (outcome related, its own review evidence).
    expect(await compareNames('Sfax - CHU Hedi Chaker', 'CHU Hedi Chaker')).toMatchObject({
      outcome: expect.stringMatching(/^(match|partial|related)$/),
    });
  });
});
