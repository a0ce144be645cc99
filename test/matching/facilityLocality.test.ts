/**
 * A city is not an address (facility-2.5.2, address `localityOnlyOutcome: related`), through `POST /ingest` and
 * `POST /matching/verify`. Paper affiliations, trial-site lists and field lists give a hospital's city and nothing
 * else; one city holds many hospitals, so two records that agree on the city alone get the address level "same city
 * only" (Bayes factor 40, against 160 for the same street address). Two hospitals of one city whose names differ in
 * one distinctive word (`… Bilmark City Hospital` / `… Etmor City Hospital`) reach a steward instead of being merged;
 * the same name in the same city still merges; a street address on both sides is judged as before. The hospitals are
 * made up.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

let server: TestServer;

const SITES = `{ "sourceId": ID, "name": NAME, "address": { "line1": STREET, "city": CITY, "country": COUNTRY } }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'affiliations', domain: 'facility', expression: SITES });
  await publishMapping(server, { source: 'registry', domain: 'facility', expression: SITES });
});
afterAll(async () => server?.stop());

type Comparison = { name: string; outcome: string; level?: string };
async function verify(a: Record<string, unknown>, b: Record<string, unknown>): Promise<{ band: string; comparators: Comparison[] }> {
  const response = await server.request<{ explanation: { band: string; comparators: Comparison[] } }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'facility', a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b } },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation;
}

let counter = 0;
async function ingestSite(source: string, site: { NAME: string; STREET?: string; CITY: string; COUNTRY: string }) {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'facility', row: { ID: `S${counter}`, ...site } });
}

describe('two hospitals of one city, named alike, with the city as their only address', () => {
  test('are not merged (two sites of one group named around their own names: no match since facility-2.22.0)', async () => {
    const first = await ingestSite('affiliations', { NAME: 'Valdoria Bilmark City Hospital, Valdoria', CITY: 'Valdoria', COUNTRY: 'TR' });
    const second = await ingestSite('affiliations', { NAME: 'Valdoria Etmor City Hospital, Valdoria', CITY: 'Valdoria', COUNTRY: 'TR' });
    expect(second.goldenId).not.toBe(first.goldenId);
    const explanation = await verify(
      { name: 'Valdoria Bilmark City Hospital, Valdoria', address: { city: 'Valdoria', country: 'TR' } },
      { name: 'Valdoria Etmor City Hospital, Valdoria', address: { city: 'Valdoria', country: 'TR' } },
    );
    // A review until facility-2.22.0; since then no match (otherSiteOfGroup: the city's name and `City Hospital`
    // shared around each site's own name, Bilmark vs Etmor).
    expect(explanation.band).toBe('no-match');
    expect(explanation.comparators.find((c) => c.name === 'address')).toMatchObject({
      outcome: 'related',
      level: 'same city only (no street or postal code on both sides)',
    });
  });

  test('a campus with its street address against a list that gives the hospital and city only: review, not merge', async () => {
    const main = await ingestSite('registry', {
      NAME: 'Quillmoor National Hospital - Ostend Campus',
      STREET: '12 Harbour Road',
      CITY: 'Quillmoor',
      COUNTRY: 'TZ',
    });
    const listed = await ingestSite('affiliations', { NAME: 'Quillmoor National Hospital (QNH)', CITY: 'Quillmoor', COUNTRY: 'TZ' });
    expect(listed.goldenId).not.toBe(main.goldenId);
  });
});

describe('what still merges', () => {
  test('the same name in the same city', async () => {
    const first = await ingestSite('affiliations', { NAME: 'Saint Aldric Hospital', CITY: 'Brennick', COUNTRY: 'GB' });
    const second = await ingestSite('registry', { NAME: 'SAINT ALDRIC HOSPITAL', CITY: 'Brennick', COUNTRY: 'GB' });
    expect(second.goldenId).toBe(first.goldenId);
  });

  test('a street address on both sides is compared as an address', async () => {
    const explanation = await verify(
      { name: 'Harrowgate General Hospital', address: { line1: '400 Mill Street', city: 'Harrowgate', country: 'US' } },
      { name: 'HARROWGATE GENERAL HOSPITAL', address: { line1: '400 MILL ST', city: 'HARROWGATE', country: 'US' } },
    );
    expect(explanation.comparators.find((c) => c.name === 'address')).toMatchObject({ outcome: 'match', level: 'same' });
    expect(explanation.band).toBe('auto-merge');
  });
});
