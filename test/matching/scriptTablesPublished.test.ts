/**
 * The `scriptLegalAbbreviations` table is read by the `scriptReadingOrgName` normaliser itself (it writes Zengin `ｶ)` /
 * `(株)` out as 株式会社 before the organisation tables translate and remove it). An edit published through the alias
 * API must reach that normaliser, as it reaches the tables a rule set applies after it (docs/MATCHING.md "Alias
 * tables"): here a version without the 株式会社 entry is published, the Zengin payee name no longer reads as the
 * registered name, and a rollback restores the reading. The company is made up. Likewise `drugNames`, read by the item
 * description normaliser itself to keep a medicine named in Cyrillic: a name published through the API is kept.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, nameComparison, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const ZENGIN = 'ｶ)ﾐﾄﾞﾘｶﾞｵｶﾍﾞﾂﾄﾞ';
const REGISTERED = 'ミドリガオカベッド株式会社';
const compare = () => nameComparison({ server, domain: 'supplier', a: ZENGIN, b: REGISTERED });

interface TableView {
  published: { table: Record<string, unknown> & { entries: Array<{ canonical?: string; variants: string[] }> } };
  draft: { revision: number } | null;
}

describe('a scriptLegalAbbreviations version published through the alias API reaches scriptReadingOrgName', () => {
  test('without the 株式会社 entry the Zengin name stops reading as the registered name; a rollback restores it', async () => {
    const analystKey = await server.createKey('analyst');
    const shipped = await compare();
    expect(shipped, 'the shipped table reads ｶ) as 株式会社').toMatchObject({ outcome: 'match', score: 1 });

    const base = '/api/v1/matching/aliases/scriptLegalAbbreviations';
    const current = await server.request<TableView>('GET', base, { key: analystKey });
    expect(current.status, current.text).toBe(200);
    const table = structuredClone(current.body.published.table);
    table.version = 'scriptLegalAbbreviations-test-without-kabushiki';
    table.entries = table.entries.filter((entry) => entry.canonical !== '株式会社');
    const put = await server.request('PUT', base, { key: analystKey, body: { table, revision: current.body.draft?.revision } });
    expect(put.status, put.text).toBe(200);
    const published = await server.request('POST', `${base}/publish`, { key: analystKey, body: { note: 'test' } });
    expect(published.status, published.text).toBe(201);

    const edited = await compare();
    expect(edited?.score ?? 0).toBeLessThan(1);

    const rollback = await server.request('POST', `${base}/rollback`, { key: analystKey, body: { version: 1, reason: 'test' } });
    expect(rollback.status, rollback.text).toBe(201);
    expect(await compare()).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a drugNames version published through the alias API reaches the item description normaliser', () => {
  // Flupirtine (INN; Flupirtin in German and Russian) is in no shipped table: the Cyrillic word is kept only when the
  // published table names it.
  const score = async () =>
    comparatorOf(
      await verifyPair({
        server,
        domain: 'item',
        a: { description: 'Флупиртин 100 мг капсулы' },
        b: { description: 'FLUPIRTINE 100 MG CAPSULE' },
      }),
      'description',
    )?.score ?? 0;

  test('a medicine name published through the API is kept from Cyrillic; a rollback drops it again', async () => {
    const analystKey = await server.createKey('analyst');
    const shipped = await score();

    const base = '/api/v1/matching/aliases/drugNames';
    const current = await server.request<TableView>('GET', base, { key: analystKey });
    expect(current.status, current.text).toBe(200);
    const table = structuredClone(current.body.published.table);
    table.version = 'drugNames-test-flupirtine';
    table.entries.push({ canonical: 'FLUPIRTINE', variants: ['FLUPIRTIN'] });
    const put = await server.request('PUT', base, { key: analystKey, body: { table, revision: current.body.draft?.revision } });
    expect(put.status, put.text).toBe(200);
    const published = await server.request('POST', `${base}/publish`, { key: analystKey, body: { note: 'test' } });
    expect(published.status, published.text).toBe(201);
    expect(await score()).toBeGreaterThan(shipped);

    const rollback = await server.request('POST', `${base}/rollback`, { key: analystKey, body: { version: 1, reason: 'test' } });
    expect(rollback.status, rollback.text).toBe(201);
    expect(await score()).toBe(shipped);
  });
});
