/**
 * ERP location masters and GPO rosters name a hospital by its initials (facility-2.3.0): `DHMC` for Dartmouth
 * Hitchcock Medical Center, `RIH` for Rhode Island Hospital. Through the public API:
 * - an acronym equal to the initials of the other name's significant words (ST = SAINT, OF / AND / THE skipped) is
 *   the name comparator's `initialism` level (outcome `related`): review on its own, an auto-merge only when the
 *   address agrees, nothing when the address contradicts (`POST /matching/verify`);
 * - the `initials` blocking key brings such a record and the hospital together though they share no word, so the
 *   steward gets the pair (`POST /ingest`, `GET /tasks`); without that key they are never compared.
 * The hospitals here are not those of the held-out corpora.
 */
import { describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { initialismKeys } from '../../server/matching/acronyms';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer, type VerifiedPair } from '../support/factories/matching';

const LOCATIONS = `{ "sourceId": ID, "name": NAME, "address": STREET ? { "line1": STREET, "city": CITY, "state": STATE, "postalCode": ZIP, "country": "US" } : undefined }`;

const { server, verify } = matchingTestServer('facility', {
  mappings: ['cms', 'erp'].map((source) => ({ source, expression: LOCATIONS })),
});

const nameOf = (explanation: VerifiedPair) => comparatorOf(explanation, 'name');

const HANOVER = { line1: 'One Medical Center Drive', city: 'Lebanon', state: 'NH', postalCode: '03756', country: 'US' };

describe('initialisms (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['DHMC', 'Dartmouth Hitchcock Medical Center'],
    ['RIH', 'Rhode Island Hospital'],
    ['SEMC', "St. Elizabeth's Medical Center"],
    ['UMMC', 'University of Mississippi Medical Center'],
    ['BWH', "Brigham and Women's Hospital"],
  ])('%s is the initials of %s: its own level, review on the name alone', async (a, b) => {
    const explanation = await verify({ name: a }, { name: b });
    expect(nameOf(explanation), JSON.stringify(explanation)).toMatchObject({ outcome: 'related' });
    expect(explanation.band).toBe('review');
  });

  test('the same address makes it an auto-merge; another city makes it nothing', async () => {
    expect((await verify({ name: 'DHMC', address: HANOVER }, { name: 'Dartmouth Hitchcock Medical Center', address: HANOVER })).band).toBe(
      'auto-merge',
    );
    const elsewhere = { line1: '100 Main St', city: 'Dover', state: 'DE', postalCode: '19901', country: 'US' };
    expect(
      (await verify({ name: 'DHMC', address: elsewhere }, { name: 'Dartmouth Hitchcock Medical Center', address: HANOVER })).band,
    ).toBe('no-match');
  });

  test('other initials, or an acronym plus other words, are not an initialism', async () => {
    expect(nameOf(await verify({ name: 'DHMC' }, { name: 'Dartmouth Memorial Hospital' }))?.outcome).not.toBe('related');
    expect(nameOf(await verify({ name: 'UPMC PASSAVANT' }, { name: 'University of Pittsburgh Medical Center Passavant' }))?.outcome).toBe(
      'match',
    );
  });
});

describe('initials blocking keys', () => {
  test.each<[string[], string[]]>([
    [['DARTMOUTH', 'HITCHCOCK', 'MEDICAL', 'CENTER'], ['DHMC']],
    [['UNIVERSITY', 'OF', 'MISSISSIPPI', 'MEDICAL', 'CENTER'], ['UMMC']],
    [['DHMC'], ['DHMC']],
    [
      ['RHODE', 'ISLAND', 'HOSPITAL'],
      ['RIH', 'RHODE'],
    ],
    [['HOSPITAL', '580'], []],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], []],
  ])('%j → %j', (words, keys) => {
    expect(initialismKeys(words).sort()).toEqual([...keys].sort());
  });
});

describe('an ERP location named by initials (POST /ingest)', () => {
  let counter = 0;
  const ingest = (source: string, row: Record<string, string>) => {
    counter += 1;
    return ingestAccepted(server(), { source, domain: 'facility', row: { ID: `L${counter}`, ...row } });
  };

  test('reaches a steward as a potential match of the hospital, never merged on the initials alone', async () => {
    const hospital = await ingest('cms', {
      NAME: 'RHODE ISLAND HOSPITAL',
      STREET: '593 EDDY STREET',
      CITY: 'PROVIDENCE',
      STATE: 'RI',
      ZIP: '02903',
    });
    const location = await ingest('erp', { NAME: 'RIH' });
    expect(location.goldenId).not.toBe(hospital.goldenId);
    const response = await server().request<{ items: TaskView[] }>('GET', '/api/v1/tasks?domain=facility&type=potential-match&limit=200');
    expect(response.status, response.text).toBe(200);
    const task = response.body.items.find((t) => t.subject.sourceRecordId === location.sourceRecordId);
    const candidateIds = (task?.candidates ?? []).map((c) => c.goldenId);
    expect(candidateIds, JSON.stringify(response.body.items)).toContain(hospital.goldenId);
  });
});
