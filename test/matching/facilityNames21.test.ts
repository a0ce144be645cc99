/**
 * Facility names and addresses as licence lists, referral services, billing registers and private-hospital lists write
 * them (facility-2.24.0):
 * - a site written before a dash and its NHS trust in the short form `NHS FT` (NHS e-Referral Service, trust board
 *   papers) is the site: its initialism meets it, and the name is a site's, not the trust's (organisationLevel);
 * - `<name> Hospital(s) and Clinics` is a hospital (US academic medical centres, New Zealand private hospitals), not a
 *   clinic; a name ending in CLINIC alone still is one;
 * - two names that state different operators — private against university or municipal, municipal against
 *   university — are two hospitals (ownershipStatus, otherOwnership) unless an identifier or phone agrees; one side
 *   stating none is not compared; a private hospital against a name that does not say so, alike only loosely, is another
 *   hospital (privateAgainstOtherLooseName);
 * - two sites written after one organisation and a dash (`<organisation> - <site>`) with no site word in common are two
 *   facilities (otherSiteAfterOneOrganisation) unless they stand at one street address;
 * - Italian `Osp.` and Spanish `Gral.` (facilityAbbreviations 1.7.0);
 * - a city agrees with the suburb the other address's street line names after its designator (South African,
 *   Australian and British addresses; billing registers give the suburb as the town); a place before the designator is
 *   a street's name;
 * - through `POST /ingest`: a private hospital's row does not reach a steward against the university hospital of its
 *   town, and a billing register's row naming the suburb merges with the directory row naming it in the street line.
 * The conventions are real; the hospitals (Kestrel, Bellwether, Fairhaven, Northgate) are made up.
 */
import { describe, expect, test } from 'vitest';
import { ingestAccepted } from '../support/factories/ingest';
import { attributeReader, comparatorOf, matchingTestServer, shippedRules } from '../support/factories/matching';

const SITE_LIST = `{ "sourceId": ID, "name": NAME, "address": { "line1": LINE1, "city": CITY, "state": STATE, "country": COUNTRY } }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'sitelists21', expression: SITE_LIST }] });

const readAttributes = attributeReader(shippedRules('facility'));
const TOWN = { city: 'Northgate', country: 'GB' };
const CITY = { city: 'Fairhaven', state: 'QLD', country: 'AU' };

describe('a site before a dash and its NHS trust written NHS FT', () => {
  test.each<[string, string]>([
    ['Kestrel Royal Hospital - Northgate Hospitals NHS FT', 'KRH'],
    ['Northgate General Hospital - Northgate and District Hospitals NHS FT', 'NGH'],
  ])('%s meets its initialism %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'related' });
  });

  test('the name is the site, not the trust; the trust alone is a trust', () => {
    expect(readAttributes('KESTREL ROYAL HOSPITAL - NORTHGATE HOSPITALS NHS FT')).toMatchObject({ organisationLevel: ['site'] });
    expect(readAttributes('NORTHGATE HOSPITALS NHS FT')).toMatchObject({ organisationLevel: ['NHS trust'] });
    expect(readAttributes('NORTHGATE HOSPITALS NHS FOUNDATION TRUST')).toMatchObject({ organisationLevel: ['NHS trust'] });
  });

  test('the site with its trust and the site alone in one town reach a steward at least', async () => {
    const pair = await verify(
      { name: 'Kestrel Royal Hospital - Northgate Hospitals NHS FT', address: TOWN },
      { name: 'Kestrel Royal Hospital', address: TOWN },
    );
    expect(comparatorOf(pair, 'name')).toMatchObject({ outcome: 'match', score: 1 });
    expect(pair.band).not.toBe('no-match');
  });
});

describe('hospitals and clinics', () => {
  test.each(['FAIRHAVEN HOSPITAL AND CLINICS', 'BELLWETHER UNIVERSITY HOSPITALS AND CLINICS', 'KESTREL HOSPITAL & CLINIC'])(
    '%s is a hospital',
    (name) => {
      expect(readAttributes(name)).toMatchObject({ facilityKind: ['main facility'] });
    },
  );

  test('a name ending in CLINIC alone is still a clinic', () => {
    expect(readAttributes('FAIRHAVEN ORTHOPAEDIC SPORTS CLINIC')).toMatchObject({ facilityKind: ['clinic'] });
  });

  test('the hospital with and without "and Clinics" is not vetoed as another kind', async () => {
    const pair = await verify({ name: 'Fairhaven Hospital', address: CITY }, { name: 'Fairhaven Hospital and Clinics', address: CITY });
    expect(pair.hardRule?.name).not.toBe('otherKindLooseName');
    expect(pair.band).not.toBe('no-match');
  });
});

describe('who runs the hospital, stated on both sides', () => {
  test.each<[string, string[]]>([
    ['KESTREL PRIVATE HOSPITAL', ['private']],
    ['STAEDTISCHES KLINIKUM FAIRSTADT', ['municipal']],
    ['HOSPITAL MUNICIPAL DE FAIRVILLE', ['municipal']],
    ['HOSPITAL UNIVERSITARIO DE FAIRVILLE', ['university']],
    ['KESTREL UNIVERSITY HOSPITAL', ['university']],
  ])('%s is read as %s', (name, value) => {
    expect(readAttributes(name)).toMatchObject({ ownershipStatus: value });
  });

  test('a name stating none reads nothing', () => {
    expect(readAttributes('KESTREL GENERAL HOSPITAL')).not.toHaveProperty('ownershipStatus');
  });

  test.each<[string, string]>([
    ['Kestrel Private Hospital', 'Kestrel University Hospital'],
    ['Kestrel Private', 'Kestrel Hospital (Municipal)'],
    ['Städtisches Klinikum Fairstadt', 'Universitätsklinikum Fairstadt'],
  ])('%s / %s in one city: two hospitals', async (a, b) => {
    const pair = await verify({ name: a, address: CITY }, { name: b, address: CITY });
    expect(pair.hardRule?.name).toBe('otherOwnership');
    expect(pair.band).toBe('no-match');
  });

  test('one side stating none is not compared', async () => {
    const pair = await verify({ name: 'Kestrel University Hospital', address: CITY }, { name: 'The Kestrel Hospital', address: CITY });
    expect(pair.hardRule?.name).not.toBe('otherOwnership');
  });

  test('an agreeing phone still reaches a steward', async () => {
    const phone = '+61 7 5555 0100';
    const pair = await verify(
      { name: 'Kestrel Private Hospital', address: CITY, phone },
      { name: 'Kestrel University Hospital', address: CITY, phone },
    );
    expect(pair.hardRule?.name).not.toBe('otherOwnership');
  });
});

describe('a private hospital against a name that does not say so', () => {
  test.each<[string, string]>([
    ['Kestrel Private Hospital', 'Royal Kestrel Hospital'],
    ['Kestrel Private', 'Kestrel Health Campus'],
  ])('%s / %s in one city, names alike only loosely: two hospitals', async (a, b) => {
    const pair = await verify({ name: a, address: CITY }, { name: b, address: CITY });
    expect(pair.hardRule?.name).toBe('privateAgainstOtherLooseName');
    expect(pair.band).toBe('no-match');
  });

  test('names alike at 0.9 or more stay for a steward (a list may drop the word)', async () => {
    const pair = await verify(
      { name: 'Bellwether Ridge Private Hospital', address: CITY },
      { name: 'Bellwether Ridge Hospital', address: CITY },
    );
    expect(pair.hardRule?.name).not.toBe('privateAgainstOtherLooseName');
  });
});

describe('two sites written after one organisation and a dash', () => {
  test.each<[string, string]>([
    ['Kestrel Health Network - Harbour Campus', 'Kestrel Health Network - Ridgeway Hospital'],
    ['Fairhaven City Hospitals - Klinik Nordhang', 'Fairhaven City Hospitals - Klinik Seeblick'],
  ])('%s / %s in one city: two facilities', async (a, b) => {
    const pair = await verify({ name: a, address: CITY }, { name: b, address: CITY });
    expect(pair.hardRule?.name).toBe('otherSiteAfterOneOrganisation');
    expect(pair.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // A site word in common: one site written two ways.
    ['Kestrel Health Network - Ridgeway Division', 'Kestrel Health Network - Ridgeway Hospital'],
    // Two organisations: not compared by this rule.
    ['Kestrel Health Network - Harbour Campus', 'Bellwether Health - Ridgeway Hospital'],
  ])('%s / %s is not vetoed by it', async (a, b) => {
    const pair = await verify({ name: a, address: CITY }, { name: b, address: CITY });
    expect(pair.hardRule?.name).not.toBe('otherSiteAfterOneOrganisation');
  });

  test('one street address is not vetoed by it (a site named two ways)', async () => {
    const street = { line1: '40 Harbour Way', city: 'Fairhaven', state: 'QLD', postalCode: '4870', country: 'AU' };
    const pair = await verify(
      { name: 'Kestrel Hospice - Harbour', address: street },
      { name: 'Kestrel Hospice - Ridgeway Family House', address: street },
    );
    expect(pair.hardRule?.name).not.toBe('otherSiteAfterOneOrganisation');
  });
});

describe('Italian and Spanish booking abbreviations', () => {
  test.each<[string, string]>([
    ['Osp. San Rocco di Fairvalle', 'Ospedale San Rocco di Fairvalle'],
    ['Hosp. Gral. de Fairvilla', 'Hospital General de Fairvilla'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a suburb written in the street line', () => {
  const directory = { line1: '14 Acacia Rd Rosebank', city: 'Johannesburg', state: 'GP', country: 'ZA' };

  test('agrees with a register that gives the suburb as the town', async () => {
    const pair = await verify(
      { name: 'Bellwether Rosebank Hospital', address: directory },
      { name: 'BELLWETHER ROSEBANK HOSPITAL', address: { city: 'Rosebank', state: 'GP', country: 'ZA' } },
    );
    expect(comparatorOf(pair, 'address')).toMatchObject({ outcome: 'related', score: 1 });
    expect(pair.band).not.toBe('no-match');
  });

  test("a place before the designator is the street's name, not the locality", async () => {
    const pair = await verify(
      { name: 'Bellwether Rosebank Hospital', address: { line1: '14 Rosebank Rd', city: 'Johannesburg', state: 'GP', country: 'ZA' } },
      { name: 'BELLWETHER ROSEBANK HOSPITAL', address: { city: 'Rosebank', state: 'GP', country: 'ZA' } },
    );
    expect(comparatorOf(pair, 'address')?.score).toBeLessThan(0.95);
  });
});

describe('through POST /ingest', () => {
  const row = (ID: string, NAME: string, place: { LINE1?: string; CITY: string; STATE: string; COUNTRY: string }) => ({
    ID,
    NAME,
    ...place,
  });

  test("a private hospital's row is not put before a steward against the university hospital of its town", async () => {
    const place = { CITY: 'Kestrel Bay', STATE: 'QLD', COUNTRY: 'AU' };
    const university = await ingestAccepted(server(), {
      source: 'sitelists21',
      domain: 'facility',
      row: row('QH-1', 'Kestrel Bay University Hospital', place),
    });
    expect(university.match).toBe('created');
    const privateHospital = await ingestAccepted(server(), {
      source: 'sitelists21',
      domain: 'facility',
      row: row('PHL-1', 'Kestrel Bay Private Hospital', place),
    });
    expect(privateHospital.match).toBe('created');
  });

  test("a billing register's row naming the suburb meets the directory row naming it in the street line", async () => {
    const directory = await ingestAccepted(server(), {
      source: 'sitelists21',
      domain: 'facility',
      row: row('DIR-7', 'Northgate Ridge Hospital', {
        LINE1: '7 Jacaranda Rd Parkhurst',
        CITY: 'Johannesburg',
        STATE: 'GP',
        COUNTRY: 'ZA',
      }),
    });
    expect(directory.match).toBe('created');
    const billing = await ingestAccepted(server(), {
      source: 'sitelists21',
      domain: 'facility',
      row: row('BHF-7', 'NORTHGATE RIDGE HOSPITAL', { CITY: 'PARKHURST', STATE: 'GP', COUNTRY: 'ZA' }),
    });
    expect(['merged', 'review']).toContain(billing.match);
  });
});
