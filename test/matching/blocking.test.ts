import { describe, expect, test } from 'vitest';
import { blockingKeys, compileRules, loadRules } from '../../server/matching';
import { forEachLookupKey, rarestKeys, selectLookupKeys } from '../../server/matching/blocking';
import type { BlockingKeyRule, CanonicalRecord } from '../../server/matching';

function keysFor(rule: BlockingKeyRule, record: Record<string, unknown>): string[] {
  const compiled = compileRules({
    domain: 'test',
    version: 't-1',
    blocking: [rule],
    comparators: [{ name: 'c', type: 'exact', fields: ['sourceId'], weight: 1 }],
    hardRules: [],
    thresholds: { autoMerge: 0.9, review: 0.5 },
  });
  return blockingKeys({ sourceId: 's', ...record } as CanonicalRecord, compiled).sort();
}

describe('blocking keys (fixture table)', () => {
  test.each<{ title: string; rule: BlockingKeyRule; record: Record<string, unknown>; keys: string[] }>([
    {
      title: 'GTIN base + indicator: all packaging levels share the base key',
      rule: {
        name: 'g',
        type: 'identifier',
        fields: ['gtin', 'packaging.gtin'],
        params: { scheme: 'gtin', gtinPart: 'base' },
        maxBlockSize: 10,
      },
      record: { gtin: '012345678905', packaging: [{ gtin: '10012345678902' }] },
      keys: ['g:001234567890'],
    },
    {
      title: 'GTIN full: packaging levels are separate keys',
      rule: { name: 'g', type: 'identifier', fields: ['gtin', 'packaging.gtin'], params: { scheme: 'gtin' }, maxBlockSize: 10 },
      record: { gtin: '012345678905', packaging: [{ gtin: '10012345678902' }] },
      keys: ['g:00012345678905', 'g:10012345678902'],
    },
    {
      title: 'EIN with hyphen',
      rule: { name: 'ein', type: 'identifier', fields: ['taxId'], params: { scheme: 'ein' }, maxBlockSize: 10 },
      record: { taxId: '12-3456789' },
      keys: ['ein:123456789'],
    },
    {
      title: 'missing identifier yields no key',
      rule: { name: 'ein', type: 'identifier', fields: ['taxId'], params: { scheme: 'ein' }, maxBlockSize: 10 },
      record: {},
      keys: [],
    },
    {
      title: 'part number punctuation stripped',
      rule: { name: 'p', type: 'partNumber', fields: ['mpn', 'vcn'], maxBlockSize: 10 },
      record: { mpn: '10-775-PA-55', vcn: '10775pa55' },
      keys: ['p:10775PA55'],
    },
    {
      title: 'catalog numbers inside descriptions join the part-number key space',
      rule: { name: 'cat', type: 'catalogInText', fields: ['description'], params: { codeFields: ['mpn'] }, maxBlockSize: 10 },
      record: { description: 'GLOVE EXAM NITRILE LG 10-775-PA-55 BX/100', mpn: 'A-1234' },
      keys: ['cat:10775PA55', 'cat:A1234'],
    },
    {
      title: 'name tokens: all tokens are indexed, short ones dropped',
      rule: { name: 'n', type: 'nameTokens', fields: ['name'], params: { normalizer: 'orgName', minLength: 3 }, maxBlockSize: 10 },
      record: { name: 'The Kendall Co. of NY, Inc.' },
      keys: ['n:KENDALL'],
    },
    {
      title: 'phonetic: spelling variants share a key',
      rule: { name: 'ph', type: 'phonetic', fields: ['name'], params: { tokens: 1 }, maxBlockSize: 10 },
      record: { name: 'Smith Medical' },
      keys: ['ph:SM0', 'ph:XMT'],
    },
    {
      title: 'postal + first name token',
      rule: {
        name: 'pn',
        type: 'combined',
        fields: [],
        params: {
          parts: [
            { field: 'addresses.postalCode', normalizer: 'postalCode' },
            { field: 'name', normalizer: 'orgName', firstToken: true },
          ],
        },
        maxBlockSize: 10,
      },
      record: { name: 'Medline Industries, Inc.', addresses: [{ postalCode: '60093-1234' }, { postalCode: '2115' }] },
      keys: ['pn:02115|MEDLINE', 'pn:60093|MEDLINE'],
    },
  ])('$title', ({ rule, record, keys }) => {
    expect(keysFor(rule, record)).toEqual(keys);
  });

  test('phonetic keys of Smyth and Smith coincide', () => {
    const rule: BlockingKeyRule = { name: 'ph', type: 'phonetic', fields: ['name'], params: { tokens: 1 }, maxBlockSize: 10 };
    expect(keysFor(rule, { name: 'Smyth' })).toEqual(keysFor(rule, { name: 'Smith' }));
  });

  test('lookup uses only the rarest name tokens, by block size', async () => {
    const rules = await loadRules('supplier');
    const record = { sourceId: 'a', name: 'Zimmer Biomet Surgical Holdings' } as CanonicalRecord;
    const byRule = rules.keyRules.map((k) => k.indexKeys(record));
    const sizes: Record<string, number> = {
      'nameTokens:ZIMMER': 40,
      'nameTokens:BIOMET': 12,
      'nameTokens:SURGICAL': 90000,
      'nameTokens:HOLDINGS': 30000,
    };
    const lookup = selectLookupKeys({ keyRules: rules.keyRules, keysByRule: byRule, sizeOf: (k) => sizes[k] ?? 0 });
    expect(lookup.filter((k) => k.startsWith('nameTokens:')).sort()).toEqual(['nameTokens:BIOMET', 'nameTokens:ZIMMER']);
    expect(lookup.some((k) => k.startsWith('namePhonetic:'))).toBe(true);
    // Tokens no other record has are passed over for ones that can find something.
    const withUnique = selectLookupKeys({
      keyRules: rules.keyRules,
      keysByRule: byRule,
      sizeOf: (k) => (k === 'nameTokens:HOLDINGS' ? 3 : k === 'nameTokens:SURGICAL' ? 9 : 0),
    });
    expect(withUnique.filter((k) => k.startsWith('nameTokens:')).sort()).toEqual(['nameTokens:HOLDINGS', 'nameTokens:SURGICAL']);
  });

  // A lookup budget (recall16): after the `count` rarest keys, the next rarest while all the blocks hold at most `budget` records.
  test.each([
    { sizes: { IMMUNIZATION: 1, BECTON: 1, SOLOSHOT: 5, SYRINGE: 7 }, count: 2, budget: 0, chosen: ['BECTON', 'IMMUNIZATION'] },
    { sizes: { IMMUNIZATION: 1, BECTON: 1, SOLOSHOT: 5, SYRINGE: 7 }, count: 2, budget: 7, chosen: ['BECTON', 'IMMUNIZATION', 'SOLOSHOT'] },
    {
      sizes: { IMMUNIZATION: 1, BECTON: 1, SOLOSHOT: 5, SYRINGE: 7 },
      count: 2,
      budget: 30,
      chosen: ['BECTON', 'IMMUNIZATION', 'SOLOSHOT', 'SYRINGE'],
    },
    // A big hub: the first `count` blocks already spend the budget, nothing is added.
    { sizes: { IMMUNIZATION: 20, BECTON: 25, SOLOSHOT: 40 }, count: 2, budget: 30, chosen: ['BECTON', 'IMMUNIZATION'] },
    // Empty blocks are never looked up, budget or not.
    { sizes: { IMMUNIZATION: 0, BECTON: 1, SOLOSHOT: 0 }, count: 1, budget: 30, chosen: ['BECTON'] },
  ])('rarest keys with count $count and budget $budget', ({ sizes, count, budget, chosen }) => {
    const size = sizes as Record<string, number>;
    const keys = Object.keys(size);
    expect(rarestKeys({ keys, count, budget, sizeOf: (k) => size[k] ?? 0, textOf: (k) => k }).sort()).toEqual(chosen);
  });

  test('lookup by key values without the rule prefix (the batch) chooses the same keys, ties included', async () => {
    const rules = await loadRules('item');
    const record = {
      sourceId: 'a',
      description: 'Glove Exam Nitrile Large Blue Sterile 100',
      manufacturerPartNumber: 'N8833',
    } as CanonicalRecord;
    const byRule = rules.keyRules.map((k) => k.indexKeys(record));
    const valuesByRule = rules.keyRules.map((k) => k.indexValues(record));
    expect(valuesByRule.map((values, i) => values.map((v) => `${rules.keyRules[i]?.rule.name}:${v}`))).toEqual(byRule);
    // Equal sizes everywhere: the tie-breaks (longer, then alphabetical) decide.
    const sizeOf = (key: string): number => (key.endsWith('STERILE') ? 50 : 7);
    const expected = selectLookupKeys({ keyRules: rules.keyRules, keysByRule: byRule, sizeOf });
    const chosen: string[] = [];
    forEachLookupKey({ keyRules: rules.keyRules, keysByRule: valuesByRule, sizeOf }, (value, ruleIndex) =>
      chosen.push(`${rules.keyRules[ruleIndex]?.rule.name}:${value}`),
    );
    expect(chosen).toEqual(expected);
    expect(expected.filter((k) => k.startsWith('descriptionTokens:'))).toHaveLength(5);
  });
});
