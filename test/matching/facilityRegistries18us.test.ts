/**
 * One care site with and without what surrounds its own name in US and UK registries (facility-2.18.0, fuzzy param
 * `containedNames`, server/matching/containedNames.ts):
 * - fixture table of `isContainedName` (words in order, a distinctive word, more words on the other side);
 * - through `POST /matching/verify` with the shipped rules: a system brand, a founder's name or a town more is review
 *   evidence of its own level (containedNameOnly keeps one that scored below 0.9 from an automatic merge, even at one
 *   address), a
 *   children's hospital against its system's hospital without an address is vetoed apart (containedNameOtherKind), generic names are not
 *   read as contained;
 * - through `POST /ingest`: a grant file's corporate name reaches a steward against the licence list's site name, and a
 *   same-name site with a town in another address stays out of an automatic merge.
 * The hospitals here are made up (Quillmont, Valdor, Ardwick); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { isContainedName } from '../../server/matching/containedNames';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer, shippedRules } from '../support/factories/matching';

const SITES = `{ "sourceId": ID, "name": NAME, "address": CITY ? { "city": CITY, "state": STATE, "country": "US" } : undefined }`;

const { server, verify } = matchingTestServer('facility', { mappings: [{ source: 'us-sites', expression: SITES }] });

const CONTAINED = shippedRules('facility').comparators.find((c) => c.name === 'name')?.params?.containedNames;
const STOP_WORDS = new Set(CONTAINED?.stopWords ?? []);
const CAMPUS_WORDS = new Set(CONTAINED?.campusWords ?? []);
const KIND_WORDS = new Set(CONTAINED?.kindWords ?? []);

describe('isContainedName with the shipped facility stop words', () => {
  test.each<{ short: string; long: string; contained: boolean }>([
    { short: 'FAULKNER HOSPITAL', long: 'BRIGHAM AND WOMENS FAULKNER HOSPITAL', contained: true },
    { short: 'WEST BLOOMFIELD HOSPITAL', long: 'HENRY FORD WEST BLOOMFIELD HOSPITAL', contained: true },
    { short: 'QUEENS HOSPITAL', long: 'QUEENS HOSPITAL BURTON', contained: true },
    { short: 'HOAG HOSPITAL NEWPORT BEACH', long: 'HOAG MEMORIAL HOSPITAL PRESBYTERIAN NEWPORT BEACH', contained: true },
    // The longer name adds only words of the kind of site (facility-2.19.1): a university and its hospital.
    { short: 'RIVERTON STATE UNIVERSITY', long: 'RIVERTON STATE UNIVERSITY HOSPITAL', contained: false },
    { short: 'LAKESIDE UNIVERSITY HOSPITAL', long: 'LAKESIDE NATIONAL UNIVERSITY HOSPITAL', contained: false },
    // Words out of order, a missing word, generic words only, one word, equal length: not contained.
    { short: 'HOSPITAL FAULKNER', long: 'BRIGHAM AND WOMENS FAULKNER HOSPITAL', contained: false },
    { short: 'FAULKNER CLINIC', long: 'BRIGHAM AND WOMENS FAULKNER HOSPITAL', contained: false },
    { short: 'CHILDRENS HOSPITAL', long: 'QUILLMONT CHILDRENS HOSPITAL', contained: false },
    { short: 'GENERAL HOSPITAL', long: 'VALDOR GENERAL HOSPITAL', contained: false },
    { short: 'QUILLMONT', long: 'QUILLMONT HOSPITAL', contained: false },
    { short: 'QUILLMONT HOSPITAL', long: 'QUILLMONT HOSPITAL', contained: false },
    // A campus word among the added words names another campus of the site.
    { short: 'QUILLMONT VALLEY HOSPITAL', long: 'QUILLMONT VALLEY HOSPITAL SOUTH', contained: false },
    { short: 'QUILLMONT VALLEY HOSPITAL', long: 'QUILLMONT VALLEY HOSPITAL NORTH CAMPUS', contained: false },
    // A word inside another word is not the word.
    { short: 'FORD HOSPITAL', long: 'STANFORD HOSPITAL EAST', contained: false },
  ])('$short in $long: $contained', ({ short, long, contained }) => {
    expect(isContainedName(short, long, STOP_WORDS, CAMPUS_WORDS, KIND_WORDS)).toBe(contained);
  });
});

describe('a site with a brand, founder or town more (POST /matching/verify, shipped rules)', () => {
  test.each<[string, string]>([
    ['Quillmont Health Ardwick Hospital', 'ARDWICK HOSPITAL'],
    ['EDWARD J. ARDWICK HOSPITAL ASSOCIATION', 'Ardwick Hospital'],
    ["Queen's Hospital Valdor", "QUEEN'S HOSPITAL"],
    ['Quillmont FT - Ardwick Park Hospital, Valdor', 'Ardwick Park Hospital'],
  ])('%s / %s: review on the name alone, its own level', async (a, b) => {
    const pair = await verify({ name: a }, { name: b });
    expect(comparatorOf(pair, 'name')?.outcome).toBe('related');
    expect([0.8, 0.85]).toContain(comparatorOf(pair, 'name')?.score);
    expect(pair.band).toBe('review');
  });

  test('a contained name is at most a review, at two addresses or at one (containedNameOnly)', async () => {
    const address = { line1: '1 Ardwick Way', city: 'Valdor', state: 'MI', postalCode: '48001' };
    const oneAddress = await verify({ name: 'EDWARD J. ARDWICK HOSPITAL ASSOCIATION', address }, { name: 'Ardwick Hospital', address });
    expect(comparatorOf(oneAddress, 'name')).toMatchObject({ outcome: 'related', score: 0.8 });
    expect(oneAddress.hardRule?.name).toBe('containedNameOnly');
    expect(oneAddress.band).toBe('review');
    const pair = await verify(
      { name: 'Quillmont Health Ardwick Hospital', address: { line1: '1 Ardwick Way', city: 'Valdor', state: 'MI', postalCode: '48001' } },
      { name: 'Ardwick Hospital', address: { line1: '900 Lake Road', city: 'Ardwick', state: 'MI', postalCode: '48322' } },
    );
    expect(pair.band).not.toBe('auto-merge');
  });

  test("a system's children's hospital against the system's hospital is vetoed apart (containedNameOtherKind)", async () => {
    const pair = await verify({ name: "Quillmont Health Children's Hospital" }, { name: 'Quillmont Health Hospital' });
    expect(comparatorOf(pair, 'name')?.outcome).toBe('related');
    // facility-2.26.0 lists otherKindContainedName (the same veto, with or without an address) before containedNameOtherKind.
    expect(['otherKindContainedName', 'containedNameOtherKind']).toContain(pair.hardRule?.name);
    expect(pair.band).toBe('no-match');
  });

  test('generic words only are not contained: a children\u2019s hospital is not every children\u2019s hospital', async () => {
    const pair = await verify({ name: "Children's Hospital" }, { name: "Quillmont Children's Hospital" });
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('related');
  });
});

describe('a grant file and a licence list (POST /ingest)', () => {
  test('the corporate name reaches a steward; the same site name in another state stays apart', async () => {
    const site = await ingestAccepted(server(), {
      source: 'us-sites',
      domain: 'facility',
      row: { ID: 'LIC-ARD-01', NAME: 'ARDWICK HOSPITAL', CITY: 'VALDOR', STATE: 'MI' },
    });
    expect(site.match).toBe('created');
    const grantee = await ingestAccepted(server(), {
      source: 'us-sites',
      domain: 'facility',
      row: { ID: 'NIH-ARD-02', NAME: 'EDWARD J. ARDWICK HOSPITAL ASSOCIATION' },
    });
    expect(grantee.match).toBe('review');
    const elsewhere = await ingestAccepted(server(), {
      source: 'us-sites',
      domain: 'facility',
      row: { ID: 'LIC-ARD-03', NAME: 'Quillmont Health Ardwick Hospital', CITY: 'ARDWICK', STATE: 'OH' },
    });
    expect(elsewhere.goldenId).not.toBe(site.goldenId);
  });
});
