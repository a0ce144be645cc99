/**
 * Facility names of session 28 (facility-2.31.0, facilityTranslations 1.15.0, placeNames 1.4.0, facilityRenames 1.2.0):
 * - Northern Sámi hospital words and northern Norway's Sámi place names (`buohcciviessu` = sykehus, `Romsa` = Tromsø),
 *   and the Sámi letters ŋ ŧ folded;
 * - children's and eye hospital nouns in Swedish and French, `drottning` = queen;
 * - public renamings and a well-known nickname, each a table row with its source;
 * - a children's hospital against the adult hospital of its system with names alike only loosely is two hospitals, also
 *   on a unit line (a NICU roster);
 * - Children’s / Women’s with the typographic apostrophe read as a kind;
 * - `<organisation> at <site>` and `<organisation>, <site> Campus` read like `<organisation> - <site>`; the Basque
 *   `egoitza` (site) is a generic word of a site name.
 * The conventions, places and renamings are real; the hospitals named Riverbend, Lakeside, Acme… are made up.
 */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../server/identifiers/names';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const facility = matchingTestServer('facility');

const inCity = (name: string, city: string) => ({ name, address: { city } });

describe('Northern Sámi names', () => {
  test.each<[string, string, string, string]>([
    ['Riverbend buohcciviessu', 'Romsa', 'Riverbend sykehus', 'Tromsø'],
    ['Davvi-Norgga universitehtabuohcciviessu', 'Romsa', 'Universitetssykehuset Nord-Norge', 'Tromsø'],
    ['Lakeside buohcciviessu, Áhkkánjárgga klinihkka', 'Áhkkánjárga', 'Lakeside sykehus, klinikk Narvik', 'Narvik'],
  ])('%s (%s) reads as %s (%s)', async (a, cityA, b, cityB) => {
    const pair = await facility.verify(inCity(a, cityA), inCity(b, cityB));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
    expect(pair.band).not.toBe('no-match');
  });

  test('Sámi eng and t-stroke fold to n and t instead of splitting a word', () => {
    expect(normalizeText('Ruoŧŧa Čoŋŋa Đ')).toBe('RUOTTA CONNA D');
  });
});

describe('children’s and eye hospital nouns', () => {
  test.each<[string, string]>([
    ['Drottning Viktorias barn- och ungdomssjukhus', 'Queen Victoria Children’s Hospital'],
    ["Hôpital de l'enfance de Riverbend", 'Riverbend Children’s Hospital'],
    ['Hôpital ophtalmique de Riverbend', 'Riverbend Eye Hospital'],
  ])('%s reads as %s', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Riverbend'), inCity(b, 'Riverbend'));
    expect(comparatorOf(pair, 'name')?.score).toBeGreaterThanOrEqual(0.95);
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('match');
    expect(pair.band).not.toBe('no-match');
  });
});

describe('public renamings and nicknames (facilityRenames)', () => {
  test.each<[string, string, string]>([
    ['Toronto East General Hospital', 'Michael Garron Hospital', 'Toronto'],
    ['Waterford Regional Hospital', 'University Hospital Waterford', 'Waterford'],
    ['Treliske Hospital', 'Royal Cornwall Hospital', 'Truro'],
    ['Kerry General Hospital', 'University Hospital Kerry', 'Tralee'],
  ])('%s is %s', async (a, b, city) => {
    const pair = await facility.verify(inCity(a, city), inCity(b, city));
    expect(comparatorOf(pair, 'name')?.score).toBe(1);
  });

  test('a former name read in another city is still another hospital', async () => {
    const pair = await facility.verify(inCity('Toronto East General Hospital', 'Toronto'), inCity('Michael Garron Hospital', 'Vancouver'));
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe("children's hospital against the adult hospital of its system", () => {
  test.each<[string, string]>([
    ["Acme Health Lakeview Children's Hospital NICU", 'Acme Health Lakeview Medical Center'],
    ["Acme Health Lakeview Children's Hospital", 'Acme Health Lakeview Medical Center Emergency Department'],
    ["Acme Health Lakeview Children's Hospital", 'Acme Health Lakeview Medical Center'],
  ])('%s ≠ %s (hard negative)', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Riverbend'), inCity(b, 'Riverbend'));
    expect(comparatorOf(pair, 'hospitalKind')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test('a unit line of the children’s hospital still meets its hospital', async () => {
    const pair = await facility.verify(
      inCity("Acme Health Lakeview Children's Hospital NICU", 'Riverbend'),
      inCity("Acme Health Lakeview Children's Hospital", 'Riverbend'),
    );
    expect(pair.band).not.toBe('no-match');
  });

  test('Children’s with the typographic apostrophe states the kind as with the straight one', async () => {
    const same = await facility.verify(
      inCity('Riverbend Children’s Hospital', 'Riverbend'),
      inCity("Riverbend Children's Hospital", 'Riverbend'),
    );
    expect(comparatorOf(same, 'hospitalKind')?.outcome).toBe('match');
    const adult = await facility.verify(inCity('Riverbend Children’s Hospital', 'Riverbend'), inCity('Riverbend Hospital', 'Riverbend'));
    expect(comparatorOf(adult, 'hospitalKind')?.outcome).toBe('mismatch');
    expect(adult.band).not.toBe('auto-merge');
  });

  test('a children’s initialism with its city stays a review (its kind is hidden, not another)', async () => {
    const pair = await facility.verify(inCity('RCH Riverbend', 'Riverbend'), inCity("Riverbend Children's Hospital", 'Riverbend'));
    expect(pair.band).not.toBe('no-match');
  });
});

describe('sites named after one organisation', () => {
  test.each<[string, string]>([
    ["Acme Children's Health at Northfield", "Acme Children's Health at Southgate"],
    ['Riverbend Medical Center, Oakwood Campus', 'Riverbend Medical Center, Elm Street Campus'],
    ['Riverbend Medical Center, Oakwood Campus', 'Riverbend Medical Center - Elm Street Campus'],
    ['Riverbendeko Ospitalea - Lakeside egoitza', 'Riverbendeko Ospitalea - Hillview egoitza'],
  ])('%s ≠ %s (hard negative)', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Riverbend'), inCity(b, 'Riverbend'));
    expect(comparatorOf(pair, 'dashedSiteWords')?.outcome).toBe('mismatch');
    expect(pair.band).toBe('no-match');
  });

  test.each<[string, string]>([
    ["Acme Children's Health at Northfield", "Acme Children's Health at Northfield Campus"],
    ['Riverbend Medical Center, Oakwood Campus', 'Riverbend Medical Center - Oakwood Campus'],
    ['Riverbend Medical Center, Oakwood Campus', 'Riverbend Medical Center Oakwood'],
  ])('%s = %s', async (a, b) => {
    const pair = await facility.verify(inCity(a, 'Riverbend'), inCity(b, 'Riverbend'));
    expect(pair.band).not.toBe('no-match');
  });
});
