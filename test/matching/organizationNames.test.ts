/**
 * Organisation names written the ways registries and vendor masters write them (supplier-3.2.0): EDGAR
 * state suffixes, trailing qualifiers in parentheses, legal forms of many jurisdictions, abbreviations
 * of 30-character name fields, words written together or apart, letters Unicode does not fold. All
 * through the public API (`POST /matching/verify`, `POST /ingest`, `GET /tasks`):
 * - spellings of one organisation compare as one name (name comparator outcome `match`);
 * - a parent and its subsidiary named alike at one address are never auto-merged (similarNameNoIdentifier,
 *   otherEntityType) and a name that is another plus words is not a cluster link;
 * - a remit-to lockbox record under the same name elsewhere joins its vendor's cluster task (sameNameElsewhere).
 * The companies here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { ingestAccepted, publishMapping, startIngestServer, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;

const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "addresses": CITY ? [{ "purposes": [PURPOSE ? PURPOSE : "main"], "line1": STREET, "city": CITY, "postalCode": POSTAL, "country": COUNTRY }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'apv', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'gpo', domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

interface Explanation {
  band: string;
  hardRule: { name: string } | null;
  comparators: Array<{ name: string; outcome: string; score: number | null; a: unknown; b: unknown }>;
}

async function verify(a: Record<string, unknown>, b: Record<string, unknown>): Promise<Explanation> {
  const response = await server.request<{ explanation: Explanation }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'supplier', a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b } },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation;
}

const nameOf = (explanation: Explanation) => explanation.comparators.find((c) => c.name === 'name');

describe('spellings of one organisation compare as one name (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['HOLOGIC INC /DE/', 'Hologic, Inc.'],
    ['VYAIRE MEDICAL INC/IL', 'Vyaire Medical, Inc.'],
    ['ATTENDO AB (PUBL)', 'Attendo Aktiebolag'],
    ['Nordic Medical Oy (Finland)', 'NORDIC MEDICAL OY'],
    ['RICHARD WOLF GMBH & CO.KG', 'Richard Wolf GmbH & Co. KG'],
    ['DE ROYAL INDUSTRIES INC', 'DeRoyal Industries, Inc.'],
    ['MEDEGEN MED PRODS', 'Medegen Medical Products, LLC'],
    ['NATL DIAG SVCS INC', 'National Diagnostics Services Inc'],
    ['ZARYS INTERNATIONAL GROUP SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ', 'Zarys International Group Sp. z o.o.'],
    ['ŁÓDZKIE ZAKŁADY FARMACEUTYCZNE SPÓŁKA AKCYJNA', 'LODZKIE ZAKLADY FARMACEUTYCZNE S.A.'],
    ['Lohmann & Rauscher Health Care GmbH', 'LOHMANN AND RAUSCHER HEALTHCARE GMBH'],
    ['NUTRICIA N V', 'Nutricia N.V.'],
  ])('%s = %s', async (a, b) => {
    const explanation = await verify({ name: a }, { name: b });
    expect(nameOf(explanation), JSON.stringify(explanation)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('words that make another organisation still differ', async () => {
    for (const [a, b] of [
      ['Cantel Medical Holdings Corp', 'Cantel Medical Corp'],
      ['Vyaire Medical Sales LLC', 'Vyaire Medical, Inc.'],
      ['Acme Health 200, LLC', 'ACME HEALTH 414 LLC'],
    ]) {
      const explanation = await verify({ name: a }, { name: b });
      expect(nameOf(explanation)?.outcome, `${a} / ${b}`).not.toBe('match');
    }
  });
});

let counter = 0;
type Vendor = { NAME1: string; STREET?: string; CITY?: string; POSTAL?: string; COUNTRY?: string; PURPOSE?: string };

function ingestVendor(source: string, vendor: Vendor): Promise<IngestBody['records'][number]> {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'supplier', row: { VENDOR_ID: `N${counter}`, ...vendor } });
}

async function openClusterTaskOf(goldenId: string): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
}

describe('parent and subsidiary at one address (POST /ingest)', () => {
  test('a name that is the other plus a word: never merged, not one cluster', async () => {
    const address = { STREET: '150 Clove Rd', CITY: 'Little Falls', POSTAL: '07424', COUNTRY: 'US' };
    const parent = await ingestVendor('apv', { NAME1: 'CANTEL MEDICAL HOLDINGS CORP', ...address });
    const child = await ingestVendor('gpo', { NAME1: 'Cantel Medical Corp.', ...address });
    expect(child.goldenId).not.toBe(parent.goldenId);
    const task = await openClusterTaskOf(child.goldenId as string);
    expect((task?.members ?? []).map((m) => m.goldenId)).not.toContain(parent.goldenId);
    const explanation = await verify(
      {
        name: 'CANTEL MEDICAL HOLDINGS CORP',
        addresses: [{ purposes: ['main'], line1: '150 Clove Rd', city: 'Little Falls', postalCode: '07424', country: 'US' }],
      },
      {
        name: 'Cantel Medical Corp.',
        addresses: [{ purposes: ['main'], line1: '150 Clove Rd', city: 'Little Falls', postalCode: '07424', country: 'US' }],
      },
    );
    expect(explanation.band).toBe('review');
    expect(explanation.hardRule?.name).toBe('similarNameNoIdentifier');
  });

  test('the same name as a corporation and as an LLC: a steward decides, never an auto-merge', async () => {
    const address = { STREET: '1 Medline Way', CITY: 'Plymouth Meeting', POSTAL: '19462', COUNTRY: 'US' };
    const corporation = await ingestVendor('apv', { NAME1: 'BRIGHTWAY HOME MEDICAL CORP.', ...address });
    const llc = await ingestVendor('gpo', { NAME1: 'Brightway Home Medical, LLC', ...address });
    expect(llc.goldenId).not.toBe(corporation.goldenId);
    const explanation = await verify(
      {
        name: 'BRIGHTWAY HOME MEDICAL CORP.',
        addresses: [{ purposes: ['main'], line1: '1 Medline Way', city: 'Plymouth Meeting', postalCode: '19462', country: 'US' }],
      },
      {
        name: 'Brightway Home Medical, LLC',
        addresses: [{ purposes: ['main'], line1: '1 Medline Way', city: 'Plymouth Meeting', postalCode: '19462', country: 'US' }],
      },
    );
    expect(explanation.band).toBe('review');
    expect(explanation.hardRule?.name).toBe('otherEntityType');
  });
});

describe('a remit-to lockbox under the same name (POST /ingest)', () => {
  test('joins the cluster task of its vendor written in several ways', async () => {
    const records = [
      await ingestVendor('apv', {
        NAME1: 'DEROYAL INDUSTRIES INC',
        STREET: '200 DEBUSK LN',
        CITY: 'POWELL',
        POSTAL: '37849',
        COUNTRY: 'US',
      }),
      await ingestVendor('gpo', {
        NAME1: 'DeRoyal Industries, Inc.',
        STREET: '200 DeBusk Lane',
        CITY: 'Powell',
        POSTAL: '37849',
        COUNTRY: 'US',
        PURPOSE: 'order',
      }),
      await ingestVendor('apv', {
        NAME1: 'DE ROYAL INDUSTRIES',
        STREET: '200 DEBUSK LANE',
        CITY: 'POWELL',
        POSTAL: '37849-4703',
        COUNTRY: 'US',
      }),
      await ingestVendor('apv', {
        NAME1: 'DEROYAL INDUSTRIES INC',
        STREET: 'PO BOX 936472',
        CITY: 'ATLANTA',
        POSTAL: '31193',
        COUNTRY: 'US',
        PURPOSE: 'remit',
      }),
    ];
    const goldenIds = [...new Set(records.map((r) => r.goldenId as string))];
    // Name-only evidence is never merged on a name; what is not one golden record is one cluster task.
    const lockbox = at(records, 3).goldenId as string;
    const task = await openClusterTaskOf(lockbox);
    expect(task, 'the lockbox record is in a cluster task').toBeDefined();
    expect((task?.members ?? []).map((m) => m.goldenId).sort()).toEqual([...goldenIds].sort());
    const edgeRules = new Set((task?.edges ?? []).map((e) => e.rule));
    expect(edgeRules.has('sameNameElsewhere')).toBe(true);
  });
});
