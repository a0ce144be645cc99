/**
 * Alias tables through the API: shipped files become version 1 at start-up; an analyst edits and
 * publishes, a steward may read but not write; invalid tables are refused with paths; a publish takes
 * effect on the next match; versions are immutable and a rollback publishes an earlier one again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
let analystKey: string;
let stewardKey: string;

beforeAll(async () => {
  server = await startTestServer();
  analystKey = await server.createKey('analyst');
  stewardKey = await server.createKey('steward');
});
afterAll(async () => server?.stop());

interface TableView {
  table: string;
  published: { number: number; rulesVersion: string; table: { entries: Array<{ canonical?: string; variants: string[] }> } } | null;
  draft: { revision: number; table: Record<string, unknown> } | null;
  draftState: string;
  usedBy: string[];
}

const BASE = '/api/v1/matching/aliases';

async function verifyManufacturers(a: string, b: string) {
  const response = await server.request<{
    explanation: { comparators: Array<{ name: string; outcome: string; a: string | null; b: string | null }> };
  }>('POST', '/api/v1/matching/verify', {
    body: {
      domain: 'item',
      a: { sourceId: 'a', description: 'DRAPE SURGICAL', manufacturer: { name: a } },
      b: { sourceId: 'b', description: 'DRAPE SURGICAL', manufacturer: { name: b } },
    },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation.comparators.find((c) => c.name === 'manufacturer');
}

test('the shipped tables are listed as published version 1, with the domains that use them', async () => {
  const list = await server.request<{ items: Array<{ table: string; publishedNumber: number; mode: string; entries: number }> }>(
    'GET',
    BASE,
    { key: stewardKey },
  );
  expect(list.status, list.text).toBe(200);
  expect(list.body.items.map((t) => t.table)).toEqual([
    'accountsPayableCounters',
    'accountsPayableFlags',
    'accountsPayableNotes',
    'addressWords',
    'ambiguousNamePrefixes',
    'bilingualOrganisationNames',
    'brandDescriptorWords',
    'campusQualifiers',
    'catalogueTranslations',
    'chargemasterPrefixes',
    'compatibleProductPhrases',
    'drugBrands',
    'drugNames',
    'drugSalts',
    'exportFieldLabels',
    'facilityAbbreviations',
    'facilityKindWords',
    'facilityNameParticles',
    'facilityRenames',
    'facilityTranslations',
    'hospitalAffiliationPhrases',
    'hospitalGroupSuffixes',
    'hospitalOperatorPrefixes',
    'indicScriptWords',
    'itemAbbreviations',
    'japaneseRomanisation',
    'legalPrefixes',
    'legalSuffixes',
    'manufacturerFamilies',
    'manufacturerQualifiers',
    'manufacturerRelations',
    'noiseWords',
    'organizationAbbreviations',
    'organizationAliases',
    'paymentChannelPrefixes',
    'placeNames',
    'regionCodes',
    'regionalTradeNames',
    'registeredPlacePrefixes',
    'requestChatter',
    'scriptGenericWords',
    'scriptLegalAbbreviations',
    'securityDescriptions',
    'supplierAliases',
    'territoryNames',
    'tradeDocumentLabels',
    'variantAndFormLabels',
    'workflowDocumentLabels',
  ]);
  expect(list.body.items.every((t) => t.publishedNumber === 1 && t.entries > 0)).toBe(true);
  const one = await server.request<TableView>('GET', `${BASE}/organizationAliases`, { key: stewardKey });
  expect(one.status).toBe(200);
  // Supplier rules read supplierAliases (one legal entity per line), not the item manufacturers' brand families.
  expect(one.body.usedBy).toEqual(['item']);
  expect(one.body.published?.table.entries.find((e) => e.canonical === 'BECTON DICKINSON')?.variants).toContain('BD');
  const supplierAliases = await server.request<TableView>('GET', `${BASE}/supplierAliases`, { key: stewardKey });
  expect(supplierAliases.body.usedBy).toEqual(['supplier']);
  // The brand readings' descriptive words are read by the supplier name comparator only (supplier-3.25.0).
  const brandWords = await server.request<TableView>('GET', `${BASE}/brandDescriptorWords`, { key: stewardKey });
  expect(brandWords.body.usedBy).toEqual(['supplier']);
});

describe('refused edits', () => {
  test('a steward reads but cannot write', async () => {
    const response = await server.request('PUT', `${BASE}/noiseWords`, {
      key: stewardKey,
      body: { table: { table: 'noiseWords', version: 'x', mode: 'remove', entries: [] } },
    });
    expect(response.status).toBe(403);
  });

  test.each([
    {
      title: 'replace row without canonical',
      table: { table: 'organizationAliases', version: 'o-bad', mode: 'replace', entries: [{ variants: ['ACME'] }] },
      path: 'body.table.entries[0].canonical',
    },
    {
      title: 'unknown mode',
      table: { table: 'organizationAliases', version: 'o-bad', mode: 'sideways', entries: [] },
      path: 'body.table.mode',
    },
    {
      title: 'name differs from the path',
      table: { table: 'other', version: 'o-bad', mode: 'remove', entries: [] },
      path: 'body.table.table',
    },
  ])('$title → 400 naming $path', async ({ table, path }) => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>(
      'PUT',
      `${BASE}/organizationAliases`,
      { key: analystKey, body: { table } },
    );
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d) => d.path)).toContain(path);
  });

  test('an unknown table is 404', async () => {
    expect((await server.request('GET', `${BASE}/noSuchTable`)).status).toBe(404);
  });
});

test('a published table takes effect on the next match; rollback restores the earlier version', async () => {
  expect((await verifyManufacturers('Acme Surgical Supply', 'Zenith Drapes'))?.outcome).not.toBe('match');

  const current = await server.request<TableView>('GET', `${BASE}/organizationAliases`, { key: analystKey });
  const table = structuredClone(current.body.published?.table) as Record<string, unknown> & {
    entries: Array<{ canonical?: string; variants: string[] }>;
  };
  table.version = 'organizationAliases-test-1';
  table.entries.push({ canonical: 'ZENITH DRAPES', variants: ['ACME SURGICAL SUPPLY'] });
  const put = await server.request<TableView>('PUT', `${BASE}/organizationAliases`, {
    key: analystKey,
    body: { table, revision: current.body.draft?.revision },
  });
  expect(put.status, put.text).toBe(200);
  expect(put.body.draftState).toBe('modified');
  const published = await server.request<{ isNew: boolean; version: { number: number } }>('POST', `${BASE}/organizationAliases/publish`, {
    key: analystKey,
    body: { note: 'Acme was bought by Zenith' },
  });
  expect(published.status, published.text).toBe(201);
  expect(published.body.version.number).toBe(2);

  const after = await verifyManufacturers('Acme Surgical Supply', 'Zenith Drapes');
  expect(after).toMatchObject({ outcome: 'match', a: 'ZENITH DRAPES', b: 'ZENITH DRAPES' });

  // The same version string for other content is refused.
  table.entries.push({ canonical: 'OTHER', variants: ['ANOTHER'] });
  await server.request('PUT', `${BASE}/organizationAliases`, { key: analystKey, body: { table } });
  const reused = await server.request<{ error: { code: string } }>('POST', `${BASE}/organizationAliases/publish`, {
    key: analystKey,
    body: {},
  });
  expect(reused.status).toBe(409);
  expect(reused.body.error.code).toBe('RULES_VERSION_REUSED');

  const versions = await server.request<{ items: Array<{ number: number; isCurrent: boolean; note: string | null }> }>(
    'GET',
    `${BASE}/organizationAliases/versions`,
  );
  expect(versions.body.items.map((v) => [v.number, v.isCurrent])).toEqual([
    [2, true],
    [1, false],
  ]);
  const first = await server.request<{ table: { version: string } }>('GET', `${BASE}/organizationAliases/versions/1`);
  expect(first.body.table.version).toBe('organizationAliases-1.0.0');

  const rollback = await server.request<{ number: number; rolledBackFrom: number }>('POST', `${BASE}/organizationAliases/rollback`, {
    key: analystKey,
    body: { version: 1, reason: 'acquisition not closed' },
  });
  expect(rollback.status, rollback.text).toBe(201);
  expect(rollback.body).toMatchObject({ number: 3, rolledBackFrom: 1 });
  expect((await verifyManufacturers('Acme Surgical Supply', 'Zenith Drapes'))?.outcome).not.toBe('match');
});

test('a rule set naming a table that does not exist is refused', async () => {
  const rules = await server.request<{
    published: { rules: Record<string, unknown> & { comparators: Array<{ name: string; params?: Record<string, unknown> }> } };
  }>('GET', '/api/v1/matching/rules/item');
  const edited = structuredClone(rules.body.published.rules);
  edited.version = 'item-test-unknown-table';
  const description = edited.comparators.findIndex((c) => c.name === 'description');
  at(edited.comparators, description).params = { aliasTables: ['noSuchTable'] };
  const response = await server.request<{ error: { details: Array<{ path: string; code: string }> } }>(
    'PUT',
    '/api/v1/matching/rules/item',
    { key: analystKey, body: { rules: edited } },
  );
  expect(response.status).toBe(400);
  expect(response.body.error.details).toContainEqual(
    expect.objectContaining({ code: 'UNKNOWN_ALIAS_TABLE', path: `body.rules.comparators[${description}].params.aliasTables[0]` }),
  );
});
