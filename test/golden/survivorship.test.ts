/** Survivorship as fixture tables: each strategy, tie-breakers, empty values, overrides; and the shipped rule files. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  completenessOf,
  resolveSurvivorship,
  validateSurvivorshipConfig,
  type SurvivorshipConfig,
  type SurvivorshipSource,
} from '../../server/golden';
import { SURVIVORSHIP_DIRECTORY, loadSurvivorshipConfig } from '../../server/golden/survivorshipConfig';
import { must } from '../support/must';

function source(id: string, sourceName: string, updatedAt: string, canonical: Record<string, unknown>): SurvivorshipSource {
  return { _id: `item|${sourceName}|${id}`, source: sourceName, sourceId: id, canonical: { sourceId: id, ...canonical }, updatedAt };
}

const sap = (c: Record<string, unknown>, at = '2026-01-01T00:00:00.000Z') => source('S1', 'sap', at, c);
const lawson = (c: Record<string, unknown>, at = '2026-02-01T00:00:00.000Z') => source('L1', 'lawson', at, c);
const ehr = (c: Record<string, unknown>, at = '2026-03-01T00:00:00.000Z') => source('E1', 'ehr', at, c);

function config(rule: SurvivorshipConfig['default'], extra: Partial<SurvivorshipConfig> = {}): SurvivorshipConfig {
  return { domain: 'item', version: 't', sourcePriority: ['sap', 'lawson', 'ehr'], default: rule, ...extra };
}

const cases: Array<{
  name: string;
  config: SurvivorshipConfig;
  sources: SurvivorshipSource[];
  attribute: string;
  value: unknown;
  from: string | null;
  strategy?: string;
}> = [
  {
    name: 'sourcePriority: the most trusted source with a value',
    config: config({ strategy: 'sourcePriority' }),
    sources: [ehr({ baseUom: 'BX' }), lawson({ baseUom: 'CS' }), sap({ baseUom: 'EA' })],
    attribute: 'baseUom',
    value: 'EA',
    from: 'sap',
    strategy: 'sourcePriority',
  },
  {
    name: 'sourcePriority skips sources without a value',
    config: config({ strategy: 'sourcePriority' }),
    sources: [ehr({ baseUom: 'BX' }), sap({ baseUom: '  ' }), lawson({})],
    attribute: 'baseUom',
    value: 'BX',
    from: 'ehr',
  },
  {
    name: 'sourcePriority: attribute-level order wins over the domain order',
    config: config({ strategy: 'sourcePriority', sources: ['ehr', 'sap'] }),
    sources: [sap({ baseUom: 'EA' }), ehr({ baseUom: 'BX' })],
    attribute: 'baseUom',
    value: 'BX',
    from: 'ehr',
  },
  {
    name: 'sourcePriority: unlisted sources rank last',
    config: config({ strategy: 'sourcePriority' }),
    sources: [source('X1', 'unknown', '2027-01-01T00:00:00.000Z', { baseUom: 'PK' }), lawson({ baseUom: 'CS' })],
    attribute: 'baseUom',
    value: 'CS',
    from: 'lawson',
  },
  {
    name: 'mostRecent: the latest updated record',
    config: config({ strategy: 'mostRecent' }),
    sources: [sap({ category: 'A' }), ehr({ category: 'C' }), lawson({ category: 'B' })],
    attribute: 'category',
    value: 'C',
    from: 'ehr',
    strategy: 'mostRecent',
  },
  {
    name: 'mostFrequent: the value most sources agree on',
    config: config({ strategy: 'mostFrequent' }),
    sources: [sap({ gtin: '00000000000017' }), lawson({ gtin: '00000000000024' }), ehr({ gtin: '00000000000024' })],
    attribute: 'gtin',
    value: '00000000000024',
    from: 'ehr',
    strategy: 'mostFrequent',
  },
  {
    name: 'mostFrequent compares objects regardless of key order',
    config: config({ strategy: 'mostFrequent', tieBreak: ['sourcePriority'] }),
    sources: [
      sap({ manufacturer: { name: 'X' } }),
      lawson({ manufacturer: { name: 'Y', id: '1' } }),
      ehr({ manufacturer: { id: '1', name: 'Y' } }),
    ],
    attribute: 'manufacturer',
    value: { name: 'Y', id: '1' },
    from: 'lawson',
  },
  {
    name: 'mostFrequent tie → tieBreak sourcePriority',
    config: config({ strategy: 'mostFrequent', tieBreak: ['sourcePriority'] }),
    sources: [ehr({ gtin: 'B' }), lawson({ gtin: 'A' })],
    attribute: 'gtin',
    value: 'A',
    from: 'lawson',
    strategy: 'sourcePriority',
  },
  {
    name: 'mostFrequent tie without tieBreak → most recent',
    config: config({ strategy: 'mostFrequent' }),
    sources: [sap({ gtin: 'A' }), lawson({ gtin: 'B' })],
    attribute: 'gtin',
    value: 'B',
    from: 'lawson',
    strategy: 'mostRecent',
  },
  {
    name: 'mostComplete: the longest text',
    config: config({ strategy: 'mostComplete' }),
    sources: [sap({ description: 'GLOVE NITRILE' }), ehr({ description: 'GLOVE EXAM NITRILE LARGE 100/BX' })],
    attribute: 'description',
    value: 'GLOVE EXAM NITRILE LARGE 100/BX',
    from: 'ehr',
    strategy: 'mostComplete',
  },
  {
    name: 'mostComplete: the object with more filled-in leaves',
    config: config({ strategy: 'mostComplete' }),
    sources: [ehr({ manufacturer: { name: 'Medline', id: '' } }), sap({ manufacturer: { name: 'Medline', id: 'MED01' } })],
    attribute: 'manufacturer',
    value: { name: 'Medline', id: 'MED01' },
    from: 'sap',
  },
  {
    name: 'mostComplete: the longer list',
    config: config({ strategy: 'mostComplete' }),
    sources: [ehr({ alternateNames: ['A'] }), sap({ alternateNames: ['A', 'B'] })],
    attribute: 'alternateNames',
    value: ['A', 'B'],
    from: 'sap',
  },
  {
    name: 'booleans false are values, not gaps',
    config: config({ strategy: 'sourcePriority' }),
    sources: [sap({ latexFree: false }), lawson({ latexFree: true })],
    attribute: 'latexFree',
    value: false,
    from: 'sap',
  },
  {
    name: 'an empty object never survives',
    config: config({ strategy: 'mostRecent' }),
    sources: [sap({ price: { amount: 3 } }), ehr({ price: {} })],
    attribute: 'price',
    value: { amount: 3 },
    from: 'sap',
  },
  {
    name: 'no source has a value → no attribute',
    config: config({ strategy: 'mostRecent' }),
    sources: [sap({ description: 'x', hibcc: null }), ehr({ description: 'y', hibcc: '' })],
    attribute: 'hibcc',
    value: undefined,
    from: null,
  },
  {
    name: 'identical timestamps and values: lowest source record id (deterministic)',
    config: config({ strategy: 'mostRecent' }),
    sources: [
      source('B', 'x', '2026-01-01T00:00:00.000Z', { category: 'V2' }),
      source('A', 'x', '2026-01-01T00:00:00.000Z', { category: 'V1' }),
    ],
    attribute: 'category',
    value: 'V1',
    from: 'x',
  },
  {
    name: 'a lone source record supplies every attribute, named by the rule strategy',
    config: config({ strategy: 'mostFrequent' }),
    sources: [ehr({ manufacturer: { name: 'X', code: '1' } })],
    attribute: 'manufacturer',
    value: { name: 'X', code: '1' },
    from: 'ehr',
    strategy: 'mostFrequent',
  },
  {
    name: 'a lone candidate among several sources is named by the rule strategy, not by a tie-breaker',
    config: config({ strategy: 'sourcePriority', tieBreak: ['mostComplete'] }),
    sources: [sap({ description: '  ' }), lawson({ description: null }), ehr({ description: 'Glove, nitrile, M' })],
    attribute: 'description',
    value: 'Glove, nitrile, M',
    from: 'ehr',
    strategy: 'sourcePriority',
  },
  {
    name: 'mostFrequent: equal objects with their keys in another order are one value',
    config: config({ strategy: 'mostFrequent' }),
    sources: [
      sap({ manufacturer: { name: 'X', code: '1' } }),
      lawson({ manufacturer: { code: '1', name: 'X' } }),
      ehr({ manufacturer: { name: 'Y' } }),
    ],
    attribute: 'manufacturer',
    value: { code: '1', name: 'X' },
    from: 'lawson',
    strategy: 'mostFrequent',
  },
];

describe('resolveSurvivorship', () => {
  test.each(cases)('$name', ({ config: rules, sources, attribute, value, from, strategy }) => {
    const result = resolveSurvivorship({ sources, config: rules });
    expect(result.attributes[attribute]).toEqual(value);
    if (from === null) {
      expect(result.lineage[attribute]).toBeUndefined();
    } else {
      expect(must(result.lineage[attribute], 'result.lineage[attribute]').source).toBe(from);
      const winner = sources.find(
        (s) =>
          s.canonical[attribute] !== undefined && JSON.stringify(s.canonical[attribute]) === JSON.stringify(value) && s.source === from,
      );
      expect(must(result.lineage[attribute], 'result.lineage[attribute]').sourceRecordId).toBe(winner?._id);
      expect(must(result.lineage[attribute], 'result.lineage[attribute]').at).toBe(winner?.updatedAt);
      if (strategy) expect(must(result.lineage[attribute], 'result.lineage[attribute]').strategy).toBe(strategy);
    }
  });

  test('a steward override wins over every strategy and is marked in lineage; null forces the attribute empty', () => {
    const by = { keyId: 'k1', name: 'Sam Steward', role: 'steward' };
    const result = resolveSurvivorship({
      sources: [sap({ description: 'A', category: 'C1' }), ehr({ description: 'B', category: 'C2' })],
      overrides: {
        description: { value: 'Steward text', reason: 'typo', by, at: '2026-05-01T00:00:00.000Z' },
        category: { value: null, reason: 'wrong', by, at: '2026-05-01T00:00:00.000Z' },
      },
      config: config({ strategy: 'mostRecent' }),
    });
    expect(result.attributes.description).toBe('Steward text');
    expect(result.lineage.description).toMatchObject({ strategy: 'override', source: 'steward', at: '2026-05-01T00:00:00.000Z' });
    expect(result.attributes).not.toHaveProperty('category');
  });

  test.each([
    { name: 'plain JSON (copied by a walk)', value: { gtin: ['00312345678906'], dims: { h: 1.5, units: [{ uom: 'EA' }] } } },
    { name: 'not plain JSON (structuredClone)', value: { at: new Date(0), list: [1, undefined], n: Number.NaN } },
  ])('a winning object value is the golden record’s own copy, equal to the source’s: $name', ({ value }) => {
    const winner = sap({ packaging: value });
    const override = {
      value: { note: ['steward'] },
      reason: 'r',
      by: { keyId: 'k1', name: 'S', role: 'steward' },
      at: '2026-05-01T00:00:00.000Z',
    };
    const result = resolveSurvivorship({ sources: [winner], overrides: { notes: override }, config: config({ strategy: 'mostRecent' }) });
    expect(result.attributes.packaging).toStrictEqual(structuredClone(value));
    expect(result.attributes.packaging).not.toBe(value);
    (result.attributes.packaging as Record<string, unknown>).changed = true;
    expect(value).not.toHaveProperty('changed');
    expect(result.attributes.notes).toStrictEqual({ note: ['steward'] });
    expect(result.attributes.notes).not.toBe(override.value);
  });

  test('sourceId and excluded attributes never become golden attributes', () => {
    const result = resolveSurvivorship({
      sources: [sap({ description: 'A', parentSourceId: 'P1' })],
      config: config({ strategy: 'mostRecent' }, { excludedAttributes: ['parentSourceId'] }),
    });
    expect(Object.keys(result.attributes)).toEqual(['description']);
  });

  test('the result does not share objects with the source records', () => {
    const record = sap({ manufacturer: { name: 'X' } });
    const result = resolveSurvivorship({ sources: [record], config: config({ strategy: 'mostRecent' }) });
    (result.attributes.manufacturer as { name: string }).name = 'changed';
    expect(record.canonical.manufacturer).toEqual({ name: 'X' });
  });

  test.each([
    ['', 0],
    ['abc', 3],
    [{ a: 'x', b: '', c: { d: 1 } }, 2],
    [[{ line1: 'x', city: 'y' }, {}], 2],
    [true, 1],
  ])('completenessOf(%j) = %i', (value, expected) => {
    expect(completenessOf(value)).toBe(expected);
  });
});

describe('survivorship rule files', () => {
  const files = readdirSync(SURVIVORSHIP_DIRECTORY).filter((f) => f.endsWith('.json') && f !== 'survivorship.schema.json');

  test.each(files)('%s is valid and names its own domain', (file) => {
    const json: unknown = JSON.parse(readFileSync(`${SURVIVORSHIP_DIRECTORY}${file}`, 'utf8'));
    expect(validateSurvivorshipConfig(json)).toEqual([]);
    expect(loadSurvivorshipConfig(file.replace(/\.json$/, '')).domain).toBe(file.replace(/\.json$/, ''));
  });

  test.each([
    [{ domain: 'item', version: '1' }, '/'],
    [{ domain: 'item', version: '1', default: { strategy: 'newest' } }, '/default/strategy'],
    [
      {
        domain: 'item',
        version: '1',
        default: { strategy: 'mostRecent' },
        attributes: { gtin: { strategy: 'mostFrequent', tieBreak: ['coinFlip'] } },
      },
      '/attributes/gtin/tieBreak/0',
    ],
    [
      { domain: 'item', version: '1', default: { strategy: 'mostRecent' }, maskedAttributes: [{ attribute: 'taxId', when: 'sometimes' }] },
      '/maskedAttributes/0/when',
    ],
  ])('invalid rules are reported with their path: %j', (json, path) => {
    const problems = validateSurvivorshipConfig(json);
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
