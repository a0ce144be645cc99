/**
 * Care locations as English-language registries write them (facility-2.14.0):
 * - the `facilityName` normaliser (fixture table): a street line after a site's name (HM Land Registry, estates
 *   returns), a bracketed building of the site, a site before its NHS trust or health board after a dash; left alone: a
 *   place after the comma, a campus after a dash, a street line after a name that names no facility;
 * - through `POST /matching/verify` with the shipped rules: a US system's brand before its hospital's name against the
 *   system's name after a dash (`X Healthcare - Y Hospital`), REPAT = repatriation, two hospitals of one brand still
 *   apart; an NHS trust and a site of it at one address are vetoed apart (siteAgainstTrust), a trust whose name is
 *   alike the site's is capped at review (trustAgainstSite), and a trust named after its one hospital is not a trust
 *   level name;
 * - through `POST /ingest`: a Land Registry row (site, street) reaches a steward against the NHS site list's row, and
 *   the trust's row at the same address stays apart.
 * The hospitals and trusts here are made up (Quillmont, Valdor); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const SITES = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "postalCode": POSTCODE, "country": "GB" } }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'uk-sites', expression: SITES }] });

const VALDOR = { line1: 'Quill Road', city: 'Valdor', postalCode: 'VD1 2QR', country: 'GB' };

describe('facilityName normaliser: English registry conventions', () => {
  test.each<{ input: string; output: string }>([
    // A street line after the site (Land Registry title descriptions).
    { input: 'Quillmont General Hospital, Quillmont Road', output: 'QUILLMONT GENERAL HOSPITAL' },
    { input: 'The Quillmont Infirmary, 12 Upper Quillmont Street', output: 'QUILLMONT INFIRMARY' },
    { input: 'Valdor General Hospital, Valdor Ave.', output: 'VALDOR GENERAL HOSPITAL' },
    // A street that repeats nothing of the name is a chain's branch (`Apollo Hospitals, Greams Road`): kept.
    { input: 'Quillcare Hospitals, Valdor Road', output: 'QUILLCARE HOSPITALS VALDOR ROAD' },
    // A building, wing or block of the site in brackets.
    { input: 'Quillmont General Hospital (Valdor Building), Quillmont Road', output: 'QUILLMONT GENERAL HOSPITAL' },
    { input: 'Quillmont General Hospital (East Wing)', output: 'QUILLMONT GENERAL HOSPITAL' },
    // A site before its trust or health board after a dash.
    { input: 'Quillmont General Hospital - Valdor University Hospitals NHS Foundation Trust', output: 'QUILLMONT GENERAL HOSPITAL' },
    { input: 'Quillmont Infirmary – Valdor Health Board', output: 'QUILLMONT INFIRMARY' },
    // Left alone: a place after the comma, a campus after a dash, a street line after something that is no facility.
    { input: 'Quillmont General Hospital, Valdor', output: 'QUILLMONT GENERAL HOSPITAL VALDOR' },
    { input: 'Quillmont General Hospital - Valdor Campus', output: 'QUILLMONT GENERAL HOSPITAL VALDOR CAMPUS' },
    { input: 'Quillmont Estates, Quill Road', output: 'QUILLMONT ESTATES QUILL ROAD' },
    { input: 'Quillmont General Hospital (Valdor)', output: 'QUILLMONT GENERAL HOSPITAL' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('one hospital in the forms of several English-language registries is one name (shipped rules)', () => {
  test.each<[string, string]>([
    ['Quillmont General Hospital, Quillmont Road', 'QUILLMONT GENERAL HOSPITAL (VALDOR UNIVERSITY HOSPITALS NHS FT)'],
    ['Quillmont General Hospital (Valdor Building), Quillmont Road', 'Quillmont General Hospital'],
    ['Sentara Healthcare - Quillmont General Hospital', 'SENTARA QUILLMONT GENERAL HOSPITAL'],
    ['Corewell Health Quillmont Hospital', 'Spectrum Health Quillmont Hospital'],
    ['Quillmont Repat', 'Quillmont Repatriation'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('two branches of a chain named by their roads stay two names', async () => {
    expect((await compareNames('Quillcare Hospitals, Valdor Road', 'Quillcare Hospitals, Quillmont Road'))?.outcome).not.toBe('match');
  });

  test('two hospitals of one brand stay two names', async () => {
    expect((await compareNames('SENTARA QUILLMONT GENERAL HOSPITAL', 'Sentara Healthcare - Valdor Hospital'))?.outcome).not.toBe('match');
  });
});

describe('an NHS trust and its sites (organisationLevel)', () => {
  test('a site and the trust headquartered at its address are vetoed apart (siteAgainstTrust)', async () => {
    const pair = await verify(
      { name: 'Quillmont General Hospital', address: VALDOR },
      { name: 'THE VALDOR UNIVERSITY HOSPITALS NHS FOUNDATION TRUST', address: VALDOR },
    );
    expect(comparatorOf(pair, 'organisationLevel')?.outcome).toBe('mismatch');
    expect(pair.hardRule?.name).toBe('siteAgainstTrust');
    expect(pair.band).toBe('no-match');
  });

  test('a trust named alike its main site is at most a review (trustAgainstSite)', async () => {
    const pair = await verify(
      { name: 'Quillmont General Hospital', address: VALDOR },
      { name: 'Quillmont General NHS Foundation Trust', address: VALDOR },
    );
    expect(pair.hardRule?.name).toBe('trustAgainstSite');
    expect(pair.band).toBe('review');
  });

  test('a site with its trust in brackets, and a trust named after its one hospital, are sites', async () => {
    const bracketed = await verify(
      { name: 'QUILLMONT GENERAL HOSPITAL (VALDOR UNIVERSITY HOSPITALS NHS FT)', address: VALDOR },
      { name: 'Quillmont General Hospital', address: VALDOR },
    );
    expect(comparatorOf(bracketed, 'organisationLevel')?.outcome).toBe('match');
    expect(bracketed.band).toBe('auto-merge');
    const namedAfter = await verify(
      { name: 'THE QUILLMONT GENERAL HOSPITAL NHS TRUST', address: VALDOR },
      { name: 'Quillmont General Hospital', address: VALDOR },
    );
    expect(comparatorOf(namedAfter, 'organisationLevel')?.outcome).toBe('match');
    expect(namedAfter.hardRule?.name).not.toBe('siteAgainstTrust');
  });
});

describe('a Land Registry row and the NHS site list (POST /ingest)', () => {
  test('the site reaches a steward by name; the trust at the same address stays apart', async () => {
    const site = await ingestAccepted(server(), {
      source: 'uk-sites',
      domain: 'facility',
      row: { ID: 'NJR-QGH01', NAME: 'Quillmont General Hospital', STREET: 'Quill Road', CITY: 'Valdor', POSTCODE: 'VD1 2QR' },
    });
    expect(site.match).toBe('created');
    const title = await ingestAccepted(server(), {
      source: 'uk-sites',
      domain: 'facility',
      row: {
        ID: 'HMLR-VD1234',
        NAME: 'The Quillmont General Hospital, Quillmont Road',
        STREET: 'Quill Road',
        CITY: 'Valdor',
        POSTCODE: 'VD1 2QR',
      },
    });
    expect(['review', 'merged']).toContain(title.match);
    const trust = await ingestAccepted(server(), {
      source: 'uk-sites',
      domain: 'facility',
      row: {
        ID: 'KH03-QGH',
        NAME: 'VALDOR UNIVERSITY HOSPITALS NHS FOUNDATION TRUST',
        STREET: 'Quill Road',
        CITY: 'Valdor',
        POSTCODE: 'VD1 2QR',
      },
    });
    expect(trust.match).toBe('created');
    expect(trust.goldenId).not.toBe(site.goldenId);
  });
});
