/**
 * Facility names across operators, scripts and languages (facility-2.10.0):
 * - the `facilityName` normaliser (fixture table): a licence holder doing business as its site (`X DBA Y`), a site
 *   written with its operator (`Health Services - Site`, `Site, Health Authority`, `Health, Site`) while a campus,
 *   a brand or a place prefix before a dash stays whole, and Taiwan's juridical-person prefix (`…醫療財團法人`);
 * - through `POST /matching/verify` with the shipped rules: Chinese (university hospitals, veterans, memorial, Taiwan's
 *   Wade-Giles city names), Hebrew, Finnish, Swedish and Estonian facility words equal to their English forms, a
 *   bilingual `A / B` name, two sites of one operator kept apart, a Canadian province or Australian state written out
 *   equal to its postal code;
 * - through `POST /ingest`: a state licence row (`… DBA …`) and an operator – site row end in the registry's golden record;
 * - through the alias API: a hospital word published in `facilityTranslations` reaches the normaliser's reading of an
 *   affiliation (before, the normaliser read the shipped file only).
 * The hospitals here are made up (Quill-, Valdor-, 永安); the conventions are real.
 */
import { describe, expect, test } from 'vitest';
import { normalizeWith } from '../../server/matching/normalizers';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const FACILITIES = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "state": STATE, "postalCode": ZIP, "country": "US" } }`;

const { server, verify, compareNames } = matchingTestServer('facility', {
  mappings: ['licence', 'registry', 'directory'].map((source) => ({ source, expression: FACILITIES })),
});

describe('facilityName normaliser', () => {
  test.each<{ input: string; output: string }>([
    // A licence holder doing business as the site: the site.
    { input: 'QUILLTON COUNTY HOSPITAL DISTRICT DBA VALDOR MEMORIAL HOSPITAL', output: 'VALDOR MEMORIAL HOSPITAL' },
    { input: 'Quillton Healthcare d/b/a Valdor Medical Center', output: 'VALDOR MEDICAL CENTER' },
    // An operator, then its site (spaced hyphen, en dash, em dash, comma); a site, then its operator (comma).
    { input: 'Quillshire Health Services - Valdor General Hospital (VGH)', output: 'VALDOR GENERAL HOSPITAL' },
    { input: 'Northern Quill HSC Trust – Valdor Area Hospital', output: 'VALDOR AREA HOSPITAL' },
    { input: 'Quill Valley Health—Marden Hospital', output: 'MARDEN HOSPITAL' },
    { input: 'Quillmont Health, Valdor Medical Center', output: 'VALDOR MEDICAL CENTER' },
    { input: 'Valdor General Hospital, Quillshire Coastal Health', output: 'VALDOR GENERAL HOSPITAL' },
    { input: 'Quill County Hospital District - Marden Hospital', output: 'MARDEN HOSPITAL' },
    // A site's acronym after its system's name is the site (facility-2.12.0: ESF-8 boards' `Lee Health - GCMC`).
    { input: 'Quillshire Health System - VMH', output: 'VMH' },
    // Left whole: a campus after a site, a site without a facility word, a brand or a place before the dash, a site with its campus after a comma.
    { input: "Valdor Children's Hospital - West Campus", output: 'VALDOR CHILDRENS HOSPITAL WEST CAMPUS' },
    { input: 'Quillshire Health System - Valdor Marden', output: 'QUILLSHIRE HEALTH SYSTEM VALDOR MARDEN' },
    { input: "QMC – Marden Children's Hospital", output: 'QMC MARDEN CHILDRENS HOSPITAL' },
    { input: 'Valdor - CHU Quillan', output: 'VALDOR CHU QUILLAN' },
    { input: 'Quillby Universitetssjukhuset, Östra', output: 'QUILLBY UNIVERSITETSSJUKHUSET OSTRA' },
    // Taiwan's juridical person before the hospital's own name.
    { input: '永安醫療財團法人花蓮永安紀念醫院', output: 'HUALIAN YONGAN JINIAN YIYUAN' },
    { input: '花蓮永安紀念醫院', output: 'HUALIAN YONGAN JINIAN YIYUAN' },
  ])('$input → $output', ({ input, output }) => {
    expect(normalizeWith('facilityName', input)).toBe(output);
  });
});

describe('facility words of more languages and scripts read as the English ones (shipped rules)', () => {
  test.each<[string, string]>([
    ['國立嘉義大學醫學院附設醫院', 'National Chiayi University Hospital'],
    ['新竹榮民紀念醫院', 'Hsinchu Veterans Memorial Hospital'],
    ['永安醫療財團法人花蓮永安紀念醫院', 'Hualien Yongan Memorial Hospital'],
    ['Quillan keskussairaala', 'Quillan Central Hospital'],
    ['Quillan lastensairaala', "Quillan Children's Hospital"],
    ['Quillby barnsjukhus', "Quillby Children's Hospital"],
    ['Quillaru Regionaalhaigla', 'Quillaru Regional Hospital'],
    ['Quillaru Ülikooli Kliinikum', 'Quillaru University Hospital'],
    ['Hôpital Quillan / Quillan Hospital', 'Quillan Hospital'],
    ['Quillton Healthcare DBA Valdor Medical Center', 'Valdor Medical Center'],
    ['Quillshire Health Services - Valdor General Hospital', 'Valdor General Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a Hebrew children’s hospital states its kind against the hospital of the same name', async () => {
    const pair = await verify({ name: 'בית החולים לילדים קווילן' }, { name: 'בית החולים קווילן' });
    expect(comparatorOf(pair, 'kind')?.outcome).toBe('mismatch');
  });

  test('two sites of one operator at one address are compared by their sites, not merged', async () => {
    const address = { line1: '8440 112 St NW', city: 'Valdor', state: 'AB', country: 'CA' };
    const pair = await verify(
      { name: 'Quillshire Health Services - Valdor General Hospital (VGH)', address },
      { name: 'Quillshire Health Services - Marden Heart Hospital', address },
    );
    expect(comparatorOf(pair, 'name')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('a province or state written out is its postal code (address comparator)', () => {
  test.each<[Record<string, string>, Record<string, string>]>([
    [
      { city: 'Quillmouth', state: 'British Columbia', country: 'CA' },
      { city: 'Quillmouth', state: 'BC', country: 'CA' },
    ],
    [
      { city: 'Quillmouth', state: 'Québec', country: 'CA' },
      { city: 'Quillmouth', state: 'QC', country: 'CA' },
    ],
    [
      { city: 'Quillmouth', state: 'New South Wales', country: 'AU' },
      { city: 'Quillmouth', state: 'NSW', country: 'AU' },
    ],
  ])('%o = %o', async (a, b) => {
    const pair = await verify({ name: 'Quillmouth General Hospital', address: a }, { name: 'Quillmouth General Hospital', address: b });
    expect(comparatorOf(pair, 'address')?.score).toBe(1);
  });

  test('another province stays another place', async () => {
    const pair = await verify(
      { name: 'Quillmouth General Hospital', address: { city: 'Quillmouth', state: 'Nova Scotia', country: 'CA' } },
      { name: 'Quillmouth General Hospital', address: { city: 'Quillmouth', state: 'NB', country: 'CA' } },
    );
    expect(comparatorOf(pair, 'address')?.score ?? 0).toBeLessThan(0.95);
  });
});

describe('a licence row and an operator – site row of one hospital (POST /ingest)', () => {
  const campus = { STREET: '1504 Quill Street', CITY: 'Valdor', STATE: 'TX', ZIP: '77026' };

  test('end in the registry’s golden record', async () => {
    const registry = await ingestAccepted(server(), {
      source: 'registry',
      domain: 'facility',
      row: { ID: 'R1', NAME: 'Valdor Memorial Hospital', ...campus },
    });
    const licence = await ingestAccepted(server(), {
      source: 'licence',
      domain: 'facility',
      row: { ID: 'L1', NAME: 'QUILLTON COUNTY HOSPITAL DISTRICT DBA VALDOR MEMORIAL HOSPITAL', ...campus, STREET: '1504 QUILL ST' },
    });
    const directory = await ingestAccepted(server(), {
      source: 'directory',
      domain: 'facility',
      row: { ID: 'D1', NAME: 'Quillton Health System - Valdor Memorial Hospital', ...campus },
    });
    expect(licence.goldenId).toBe(registry.goldenId);
    expect(directory.goldenId).toBe(registry.goldenId);
  });
});

describe('a hospital word published through the alias API reaches the facilityName normaliser', () => {
  const affiliation = 'Department of Surgery, Quillava ligoninė, Valdoria, Lithuania';

  test('an affiliation in a language the shipped tables do not know is read once the word is published', async () => {
    const analystKey = await server().createKey('analyst');
    const before = await compareNames(affiliation, 'Quillava Hospital');
    expect(before?.outcome).not.toBe('match');

    const base = '/api/v1/matching/aliases/facilityTranslations';
    const current = await server().request<{
      published: { table: Record<string, unknown> & { entries: Array<{ canonical?: string; variants: string[] }> } };
      draft: { revision: number } | null;
    }>('GET', base, { key: analystKey });
    expect(current.status, current.text).toBe(200);
    const table = structuredClone(current.body.published.table);
    table.version = 'facilityTranslations-test-lithuanian';
    // Lithuanian ligoninė = hospital (as the national registry writes it).
    table.entries.push({ canonical: 'HOSPITAL', variants: ['LIGONINE'] });
    const put = await server().request('PUT', base, { key: analystKey, body: { table, revision: current.body.draft?.revision } });
    expect(put.status, put.text).toBe(200);
    const published = await server().request('POST', `${base}/publish`, { key: analystKey, body: { note: 'Lithuanian registry' } });
    expect(published.status, published.text).toBe(201);

    // The facility segment is found only when the normaliser reads the published word (the chain alone would leave
    // DEPARTMENT OF SURGERY … LITHUANIA around it).
    expect(await compareNames(affiliation, 'Quillava Hospital')).toMatchObject({ outcome: 'match', score: 1 });

    const rollback = await server().request('POST', `${base}/rollback`, { key: analystKey, body: { version: 1, reason: 'test' } });
    expect(rollback.status, rollback.text).toBe(201);
    expect((await compareNames(affiliation, 'Quillava Hospital'))?.outcome).not.toBe('match');
  });
});
