/**
 * An analyst's published alias table reaches every reading that reads it — not only the comparators that name it in
 * `aliasTables`, but the readings that read a table themselves: the `requestChatter` text rewrite (and the
 * `requisitionText` normaliser that applies it) and the bracketed legal-entity names of `alternatives` (legal-suffix and
 * legal-prefix tables). Before session 19 those read the shipped files only, so an edit published through the API was
 * listed, versioned and ignored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AliasTable } from '../../server/matching/aliases';
import { shippedAliasTables } from '../../server/matching/aliases';
import { nameFormsWith } from '../../server/matching/bracketedNames';
import { aliasTableNamesOf } from '../../server/matching/rules';
import { compileTextRewrites } from '../../server/matching/textRewrites';
import { startTestServer, type TestServer } from '../support/testServer';
import { must } from '../support/must';
import { shippedRules } from '../support/factories/matching';

const BASE = '/api/v1/matching/aliases';

/** The shipped table `name` with `variants` added as one more entry, under a new version. */
function withEntry(name: string, version: string, entry: { canonical?: string; variants: string[] }): AliasTable {
  const table = structuredClone(must(shippedAliasTables().get(name), `shipped ${name}`));
  return { ...table, version, entries: [...table.entries, entry] };
}

describe('readings built for a rule set resolve its table versions', () => {
  test('the requestChatter rewrite drops a phrase only the published version lists', () => {
    const rewrites = ['requestChatter'] as const;
    const line = 'please send gauze swabs 10x10cm much obliged';
    const shipped = must(compileTextRewrites(rewrites), 'shipped rewrite');
    expect(shipped(line)).toMatch(/much obliged/);
    const edited = withEntry('requestChatter', 'requestChatter-test-1', { canonical: 'thanks', variants: ['MUCH OBLIGED'] });
    const published = must(
      compileTextRewrites(rewrites, (name) => (name === 'requestChatter' ? edited : shippedAliasTables().get(name))),
      'published rewrite',
    );
    expect(published(line)).not.toMatch(/obliged/i);
    expect(published(line)).toMatch(/gauze swabs 10x10cm/);
    // The shipped version through a resolver is the shipped rewrite itself (no second build).
    expect(compileTextRewrites(rewrites, (name) => shippedAliasTables().get(name))?.(line)).toBe(shipped(line));
  });

  test('a bracketed name is read as the entity’s own name when it ends in a legal form of the published table', () => {
    const raw = 'Zorblat Medical AG (Zorblat Medical Frobco)';
    const shippedForms = nameFormsWith(undefined)(raw);
    expect(shippedForms).toEqual([raw]);
    const edited = withEntry('legalSuffixes', 'legalSuffixes-test-1', { canonical: 'FROBCO', variants: ['FROBCO'] });
    const forms = nameFormsWith((name) => (name === 'legalSuffixes' ? edited : shippedAliasTables().get(name)))(raw);
    expect(forms).toContain('Zorblat Medical Frobco');
    expect(forms).toContain('Zorblat Medical AG');
  });

  test('a rule set loads the published versions of the tables its rewrites and bracket readings read', () => {
    expect(aliasTableNamesOf(shippedRules('item'))).toContain('requestChatter');
    const supplier = shippedRules('supplier');
    const usesAlternatives = [...supplier.blocking, ...supplier.comparators].some((rule) => rule.params?.alternatives);
    expect(usesAlternatives).toBe(true);
    expect(aliasTableNamesOf(supplier)).toEqual(expect.arrayContaining(['legalSuffixes', 'legalPrefixes']));
  });
});

describe('through the API', () => {
  let server: TestServer;
  let analystKey: string;
  beforeAll(async () => {
    server = await startTestServer();
    analystKey = await server.createKey('analyst');
  });
  afterAll(async () => server?.stop());

  async function descriptionOfRequest(): Promise<string | null> {
    const response = await server.request<{ explanation: { comparators: Array<{ name: string; a: string | null }> } }>(
      'POST',
      '/api/v1/matching/verify',
      {
        body: {
          domain: 'item',
          a: { sourceId: 'a', description: 'please send gauze swabs 10x10cm much obliged' },
          b: { sourceId: 'b', description: 'GAUZE SWAB 10X10CM' },
        },
      },
    );
    expect(response.status, response.text).toBe(200);
    return must(
      response.body.explanation.comparators.find((c) => c.name === 'description'),
      'description comparator',
    ).a;
  }

  test('a published requestChatter phrase leaves the compared description; a rollback brings it back', async () => {
    expect(await descriptionOfRequest()).toMatch(/OBLIGED/);
    const listed = await server.request<{ usedBy: string[]; draft: { revision: number } | null }>('GET', `${BASE}/requestChatter`, {
      key: analystKey,
    });
    expect(listed.body.usedBy).toContain('item');
    const table = withEntry('requestChatter', 'requestChatter-test-api-1', { canonical: 'thanks', variants: ['MUCH OBLIGED'] });
    const put = await server.request('PUT', `${BASE}/requestChatter`, {
      key: analystKey,
      body: { table, revision: listed.body.draft?.revision },
    });
    expect(put.status, put.text).toBe(200);
    const published = await server.request('POST', `${BASE}/requestChatter/publish`, { key: analystKey, body: { note: 'UK thanks' } });
    expect(published.status, published.text).toBe(201);
    const after = await descriptionOfRequest();
    expect(after).not.toMatch(/OBLIGED/);
    expect(after).toMatch(/GAUZE/);

    const rollback = await server.request('POST', `${BASE}/requestChatter/rollback`, {
      key: analystKey,
      body: { version: 1, reason: 'test' },
    });
    expect(rollback.status, rollback.text).toBe(201);
    expect(await descriptionOfRequest()).toMatch(/OBLIGED/);
  });
});
