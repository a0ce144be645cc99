/**
 * Two sites of one group named alike around their own names (facility-2.22.0, otherSiteNames / otherSiteOfGroup):
 * directory listings, GPO rosters and licence lists write a private hospital group or operator before each of its
 * sites (`Group - Site`, `Group: Site`, `Group | Site`, `Site (Group)`, `Group Site Hospital`), often in one city. Two
 * such records whose site words differ are two facilities: never an automatic merge, and no review unless an
 * identifier or phone agrees. A site with and without its group (`Acme Health - Northside Hospital` / `Northside
 * Hospital`) still meets itself. The group and site names are made up; the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const DIRECTORY = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "postalCode": POSTCODE, "country": COUNTRY } }`;

const { server, verify } = matchingTestServer('facility', { mappings: [{ source: 'directory', expression: DIRECTORY }] });

const oneCity = { city: 'Brisbane', postalCode: '4000', country: 'AU' };

describe('two sites of one group in one city stay apart', () => {
  test.each<[string, string]>([
    ['Acme Health Northside Hospital', 'Acme Health Riverside Hospital'],
    ['Harbourview Healthcare: Harbourview Kelso Hospital', 'Harbourview Healthcare: Harbourview Dunmore Hospital'],
    ['Tamsin Care Holdings Pty Ltd - Greenhill Private Hospital', 'Tamsin Care Holdings Pty Ltd - Oakvale Private Hospital'],
  ])('%s / %s: no match (otherSiteOfGroup)', async (a, b) => {
    const pair = await verify({ name: a, address: oneCity }, { name: b, address: oneCity });
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe('otherSiteOfGroup');
    expect(comparatorOf(pair, 'name')).toMatchObject({ outcome: 'mismatch' });
  });

  // The facilityName normaliser reads these as the site alone (an operator's name before a dash or in brackets), so
  // only the sites' own names are compared: a similar name, never an automatic merge.
  test.each<[string, string]>([
    ['Acme Health - Northside Hospital', 'Acme Health - Riverside Hospital'],
    ['Acme Health – Northside Hospital', 'Acme Health – Riverside Hospital'],
    ['Northside Hospital (Acme Health)', 'Riverside Hospital (Acme Health)'],
  ])('%s / %s: never an automatic merge', async (a, b) => {
    const pair = await verify({ name: a, address: oneCity }, { name: b, address: oneCity });
    expect(pair.band).not.toBe('auto-merge');
  });

  test('a phone in common still reaches a steward, never an automatic merge', async () => {
    const phone = '+61 7 3000 1111';
    const pair = await verify(
      { name: 'Acme Health Northside Hospital', phone, address: oneCity },
      { name: 'Acme Health Riverside Hospital', phone, address: oneCity },
    );
    expect(pair.band).toBe('review');
  });
});

describe('the same site with and without its group, and names that are not two sites', () => {
  test.each<[string, string]>([
    ['Acme Health - Northside Hospital', 'Northside Hospital'],
    ['Acme Health Northside Hospital', 'Northside Hospital'],
    // An abbreviated word of the site's own name, a typo, the initials of the name: one site.
    ['Acme Health Northside Memorial Hospital', 'Acme Health Northside Mem Hospital'],
    ['Acme Health Northside Hospital', 'Acme Health Northsyde Hospital'],
    ['Royal Prince Alfred Hospital', 'RPA Hospital'],
  ])('%s / %s: review or merge', async (a, b) => {
    const pair = await verify({ name: a, address: oneCity }, { name: b, address: oneCity });
    expect(['review', 'auto-merge']).toContain(pair.band);
    expect(pair.hardRule?.name).not.toBe('otherSiteOfGroup');
  });

  test('words after a site word both names share are a locality tail, not a site of its own', async () => {
    const pair = await verify(
      { name: 'Princess Alexandra Hospital Woolloongabba', address: { city: 'Brisbane', country: 'AU' } },
      { name: 'Princess Alexandra Hospital Brisbane', address: { city: 'Brisbane', country: 'AU' } },
    );
    expect(comparatorOf(pair, 'name')?.outcome).toBe('partial');
    expect(pair.band).toBe('review');
  });

  test('a group name and a generic word are not a site of its own', async () => {
    const pair = await verify(
      { name: 'Acme Health Northside Hospital', address: oneCity },
      { name: 'Acme Health Northside Regional Hospital', address: oneCity },
    );
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('mismatch');
  });
});

describe('a site named after a word of its group (the lead, session 20)', () => {
  // Token-wise Jaro-Winkler met a repeated word twice: `Kestrel Vale - Vale Hospital` / `Kestrel Vale - Kestrel
  // Hospital` hold the words KESTREL, VALE and HOSPITAL on both sides (one of them twice) and scored 1, an exact
  // name, so two hospitals of one group in one city were merged automatically. Each word is now met once.
  test.each<[string, string]>([
    ['Kestrel Vale - Vale Hospital', 'Kestrel Vale - Kestrel Hospital'],
    ['Lindqvist Bay: Bay Private Hospital', 'Lindqvist Bay: Lindqvist Private Hospital'],
  ])('%s / %s: never an automatic merge, the name not exact', async (a, b) => {
    const city = { city: 'Auckland', country: 'NZ' };
    const pair = await verify({ name: a, address: city }, { name: b, address: city });
    expect(pair.band).not.toBe('auto-merge');
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('match');
  });

  test('the same words reordered are still the same name', async () => {
    const city = { city: 'Auckland', country: 'NZ' };
    const pair = await verify({ name: 'Kestrel Vale Hospital', address: city }, { name: 'Hospital Kestrel Vale', address: city });
    expect(comparatorOf(pair, 'name')).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('through POST /ingest', () => {
  test("a group's second site is a new facility; the first site without its group reaches it", async () => {
    const row = (id: string, name: string) => ({
      ID: id,
      NAME: name,
      STREET: '1 Wharf Street',
      CITY: 'Brisbane',
      POSTCODE: '4000',
      COUNTRY: 'AU',
    });
    const first = await ingestAccepted(server(), {
      source: 'directory',
      domain: 'facility',
      row: row('D-1', 'Acme Health Northside Hospital'),
    });
    expect(first.match).toBe('created');
    const second = await ingestAccepted(server(), {
      source: 'directory',
      domain: 'facility',
      row: row('D-2', 'Acme Health Riverside Hospital'),
    });
    expect(second.match).toBe('created');
    const same = await ingestAccepted(server(), { source: 'directory', domain: 'facility', row: row('D-3', 'Northside Hospital') });
    expect(['review', 'merged']).toContain(same.match);
  });
});
