/**
 * Hospitals against their health system, their campuses and the other hospitals of their campus (facility-2.21.0):
 * - a health system's own name (Epic Care Everywhere / CommonWell organisation names, association member lists)
 *   against the flagship hospital it grew from (cost reports, licences): one brand, only system words against only
 *   site words, is contained-name review evidence (containedNames systemOfSite), never an automatic merge; a second
 *   hospital of the system (a campus word, a name of its own) and a brand made of generic words are not read so;
 * - a children's, eye or dental hospital against a general hospital of one campus or system whose names are alike only
 *   loosely is two facilities (otherKindLooseName); an initialism that hides the kind stays a review;
 * - a compass-point or part-of-town campus on one side only is another campus (otherCompassCampus); the same compass
 *   word on both sides agrees, and a compass word of a state or country name (NORTH CAROLINA) is not read;
 * - a health authority written before a dashed site names the site;
 * - Welsh names of NHS Wales sites (Tywysog(es), Brenhinol, Dewi Sant, Ysbyty'r);
 * - through `POST /ingest`: a system's directory row reaches a steward against its flagship, its south campus does not.
 * The conventions are real; the brands (Bellwether, Kestrel, Northgate) are made up, the Welsh names are real public
 * hospitals used as examples of the convention.
 */
import { describe, expect, test } from 'vitest';
import { ingestAccepted } from '../support/factories/ingest';
import { attributeReader, matchingTestServer, shippedRules } from '../support/factories/matching';

const SITE_LIST = `{ "sourceId": ID, "name": NAME, "address": CITY ? { "city": CITY, "state": STATE, "country": COUNTRY } : undefined }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'sitelists', expression: SITE_LIST }] });

const CITY = { city: 'Fairhaven', state: 'OH', country: 'US' };
const STREET = { line1: '1200 Harbor Road', city: 'Northgate', postalCode: 'NG1 4AB', country: 'GB' };
const readAttributes = attributeReader(shippedRules('facility'));

describe("a health system's own name against its flagship hospital's", () => {
  test.each<[string, string]>([
    ['Bellwether Health System', 'Bellwether Memorial Hospital'],
    ['Bellwether Healthcare', 'Bellwether County Medical Center'],
    ['Kestrel Health', 'Kestrel General Hospital'],
  ])('%s / %s is a contained name', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'related', score: 0.8 });
  });

  test.each<[string, string]>([
    // A campus word: the system's second hospital, not its flagship.
    ['Bellwether Health System', 'Bellwether North Medical Center'],
    // A name of its own in the site's name: another facility of the system.
    ['Bellwether Health System', 'Kestrel Trauma Center at Bellwether Memorial Hospital'],
    // A brand made of generic words is every town's.
    ['Mercy Health', 'Mercy Hospital'],
    // Two system names, or two site names, are not a system and its site.
    ['Bellwether Health System', 'Bellwether Healthcare Network'],
  ])('%s / %s is not read as a system and its site', async (a, b) => {
    expect(await compareNames(a, b)).not.toMatchObject({ outcome: 'related', score: 0.8 });
  });

  test('in one city a review, never an automatic merge; in two cities nothing', async () => {
    const oneCity = await verify(
      { name: 'Bellwether Health System', address: CITY },
      { name: 'Bellwether Memorial Hospital', address: CITY },
    );
    expect(oneCity.band).toBe('review');
    expect(oneCity.hardRule?.name).toBe('containedNameOnly');
    const twoCities = await verify(
      { name: 'Bellwether Health System', address: CITY },
      { name: 'Bellwether Memorial Hospital', address: { city: 'Lakemont', state: 'OH', country: 'US' } },
    );
    expect(twoCities.band).toBe('no-match');
  });
});

describe('another kind of hospital on one campus, names alike only loosely', () => {
  test.each<[string, string]>([
    ['Northgate Royal Infirmary', "Royal Northgate Children's Hospital"],
    ['Northgate Royal Eye Hospital', 'Northgate Royal Infirmary'],
  ])('%s / %s at one address: two facilities', async (a, b) => {
    const pair = await verify({ name: a, address: STREET }, { name: b, address: STREET });
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe('otherKindLooseName');
  });

  test('the kind is read from the name (eye hospital, eye and ear infirmary)', () => {
    expect(readAttributes('NORTHGATE EYE AND EAR INFIRMARY')).toMatchObject({ facilityKind: ['eye'] });
    expect(readAttributes('KESTREL OPHTHALMIC HOSPITAL')).toMatchObject({ facilityKind: ['eye'] });
    expect(readAttributes('NORTHGATE ROYAL INFIRMARY EYE CLINIC')).not.toMatchObject({ facilityKind: ['eye'] });
  });

  test('an initialism that hides the kind stays a review (the rule reads loose names, not initialisms)', async () => {
    const pair = await verify({ name: 'RNCH', address: STREET }, { name: "Royal Northgate Children's Hospital", address: STREET });
    expect(pair.hardRule?.name).not.toBe('otherKindLooseName');
    expect(pair.band).toBe('review');
  });

  test('one kind at one address is not vetoed by it', async () => {
    const pair = await verify(
      { name: 'Northgate Royal Infirmary', address: STREET },
      { name: 'Royal Northgate Infirmary', address: STREET },
    );
    expect(pair.band).not.toBe('no-match');
  });
});

describe('a compass-point campus on one side only', () => {
  test.each<[string, string]>([
    ['Bellwether University Hospital Midtown', 'Bellwether University Hospital'],
    ['Bellwether South Medical Center', 'Bellwether Memorial Hospital'],
    ['Kestrel Hospital North', 'Kestrel Hospital East'],
  ])('%s / %s in one city: two campuses', async (a, b) => {
    const pair = await verify({ name: a, address: CITY }, { name: b, address: CITY });
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe('otherCompassCampus');
  });

  test('the same compass word on both sides agrees', async () => {
    const pair = await verify({ name: 'Kestrel Hospital West Campus', address: CITY }, { name: 'Kestrel West Campus', address: CITY });
    expect(pair.hardRule?.name).not.toBe('otherCompassCampus');
    expect(pair.band).not.toBe('no-match');
  });

  test('a compass word of a state or country name is not a campus', () => {
    expect(readAttributes('NORTH CAROLINA BAPTIST HOSPITAL')).toMatchObject({ compassCampus: ['none'] });
    expect(readAttributes('WEST VIRGINIA UNIVERSITY HOSPITALS')).toMatchObject({ compassCampus: ['none'] });
    expect(readAttributes('KESTREL SOUTH MEDICAL CENTER')).toMatchObject({ compassCampus: ['SOUTH'] });
  });

  test('one street address is not vetoed by it', async () => {
    const pair = await verify({ name: 'Kestrel Hospital North', address: STREET }, { name: 'Kestrel Hospital', address: STREET });
    expect(pair.hardRule?.name).not.toBe('otherCompassCampus');
  });
});

describe('a health authority before a dashed site', () => {
  test('names the site, whose kind is its own; a health authority alone is one', () => {
    expect(readAttributes('PRAIRIE HEALTH AUTHORITY - ROYAL PRAIRIE HOSPITAL')).toMatchObject({ facilityKind: ['main facility'] });
    expect(readAttributes('PRAIRIE HEALTH AUTHORITY')).toMatchObject({ facilityKind: ['health authority'] });
  });
});

describe('Welsh names of NHS Wales sites against English', () => {
  test.each<[string, string]>([
    ['Ysbyty Brenhinol Gwent', 'Royal Gwent Hospital'],
    ['Ysbyty Dewi Sant', "St David's Hospital"],
    ["Ysbyty'r Tywysog Philip", 'Prince Philip Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('Ysbyty Tywysoges Cymru is near Princess of Wales Hospital (OF is written in English only)', async () => {
    expect((await compareNames('Ysbyty Tywysoges Cymru', 'Princess of Wales Hospital'))?.score).toBeGreaterThanOrEqual(0.9);
  });
});

describe('through POST /ingest', () => {
  test("a system's directory row reaches a steward against its flagship's licence row; its south campus does not", async () => {
    const row = (ID: string, NAME: string) => ({ ID, NAME, CITY: 'Fairhaven', STATE: 'OH', COUNTRY: 'US' });
    const flagship = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: row('LIC-1', 'Bellwether Memorial Hospital'),
    });
    expect(flagship.match).toBe('created');
    const system = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: row('DIR-1', 'Bellwether Health System'),
    });
    expect(system.match).toBe('review');
    const campus = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: row('LIC-2', 'Bellwether South Medical Center'),
    });
    expect(campus.match).toBe('created');
  });
});
