/** Logic behind the second-pass pages: routes, value formatting, display names, dashboard figures, rule-set validation. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { GoldenRecordView } from '../../server/contracts/golden';
import { hrefOf, parseRoute } from '../../studio/src/app/route';
import type { IngestSeriesView } from '../../server/contracts/stats';
import { receivedPerBucket } from '../../studio/src/pages/dashboard/dashboardStats';
import { displayName } from '../../studio/src/pages/golden/goldenSearch';
import { validateRulesText } from '../../studio/src/pages/rules/rulesValidation';
import { parseRecordText } from '../../studio/src/pages/rules/VerifyPair';
import { formatScore, formatValue, isSameValue, stableJson } from '../../studio/src/ui/format';
import { must } from '../support/must';

describe('routes', () => {
  test.each([
    ['', { path: '/', segments: [], query: {} }],
    ['/golden/item/item-1', { path: '/golden/item/item-1', segments: ['golden', 'item', 'item-1'], query: {} }],
    [
      '/inbox/task_1?type=potential-match&band=review',
      { path: '/inbox/task_1', segments: ['inbox', 'task_1'], query: { type: 'potential-match', band: 'review' } },
    ],
    ['/mappings/lookups/uom%2Fpack', { path: '/mappings/lookups/uom%2Fpack', segments: ['mappings', 'lookups', 'uom/pack'], query: {} }],
    // A malformed escape (a hand-edited or cut link) is kept as typed instead of throwing and blanking the studio.
    ['/golden/supplier/%ZZ', { path: '/golden/supplier/%ZZ', segments: ['golden', 'supplier', '%ZZ'], query: {} }],
    ['/golden/item/caf%C3%A9%E0%A4', { path: '/golden/item/caf%C3%A9%E0%A4', segments: ['golden', 'item', 'caf%C3%A9%E0%A4'], query: {} }],
    ['/mappings/%?tab=tests', { path: '/mappings/%', segments: ['mappings', '%'], query: { tab: 'tests' } }],
  ])('parseRoute(%j)', (route, expected) => {
    const parsed = parseRoute(route);
    expect({ path: parsed.path, segments: parsed.segments, query: Object.fromEntries(parsed.query) }).toEqual(expected);
  });

  test.each([
    [['golden', 'supplier', 'supplier-1'], {}, '#/golden/supplier/supplier-1'],
    [
      ['mappings', 'edit', 'lawson', 'item'],
      { exception: 'exc_1', empty: '', missing: undefined },
      '#/mappings/edit/lawson/item?exception=exc_1',
    ],
    [['xref', 'a|b c'], {}, '#/xref/a%7Cb%20c'],
  ])('hrefOf(%j, %j) = %s and parses back', (segments, query, expected) => {
    const href = hrefOf(segments, query);
    expect(href).toBe(expected);
    expect(parseRoute(href.slice(1)).segments).toEqual(segments);
  });
});

describe('formatting and comparing values', () => {
  test.each([
    [undefined, '—'],
    [null, 'null'],
    ['ACME', 'ACME'],
    [12.5, '12.5'],
    [false, 'false'],
    [{ a: 1 }, '{"a":1}'],
  ])('formatValue(%j) = %j', (value, expected) => expect(formatValue(value)).toBe(expected));

  test.each([
    [{ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    ['1', 1, false],
    [null, undefined, false],
  ])('isSameValue(%j, %j) = %s', (a, b, expected) => expect(isSameValue(a, b)).toBe(expected));

  test('stableJson sorts keys at every depth', () =>
    expect(stableJson({ b: { z: 1, y: [{ q: 1, p: 2 }] }, a: 0 })).toBe('{"a":0,"b":{"y":[{"p":2,"q":1}],"z":1}}'));
  test.each([
    [0.9637, '96%'],
    [1, '100%'],
    [null, '—'],
    [undefined, '—'],
  ])('formatScore(%j) = %s', (score, expected) => expect(formatScore(score)).toBe(expected));
});

function golden(id: string, attributes: Record<string, unknown>): GoldenRecordView {
  return {
    id,
    domain: must(id.split('-')[0], 'domain prefix'),
    status: 'active',
    version: 1,
    attributes,
    overrides: {},
    sourceRecordIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('display names', () => {
  test.each([
    [{ name: 'MEDLINE INDUSTRIES LP', legalName: 'Medline Industries, LP' }, 'MEDLINE INDUSTRIES LP'],
    [{ name: '  ', legalName: 'Cardinal Health 200, LLC' }, 'Cardinal Health 200, LLC'],
    [{ description: 'SYRINGE 1ML LUER LOCK', gtin: '00382903056011' }, 'SYRINGE 1ML LUER LOCK'],
    [{ gtin: '00382903056011' }, 'item-5'],
  ])('displayName(%j) = %j', (attributes, expected) => expect(displayName(golden('item-5', attributes))).toBe(expected));
});

describe('dashboard figures', () => {
  test('records received per bucket add up accepted, unchanged and exceptions per domain', () => {
    const series: IngestSeriesView = {
      bucket: 'hour',
      from: '2026-11-24T20:00:00.000Z',
      to: '2026-11-24T22:00:00.000Z',
      domains: ['supplier', 'item'],
      buckets: [
        { start: '2026-11-24T20:00:00.000Z', accepted: { item: 2, supplier: 1 }, unchanged: { item: 3 }, exceptions: { supplier: 4 } },
        { start: '2026-11-24T21:00:00.000Z', accepted: {}, unchanged: {}, exceptions: {} },
      ],
    };
    expect(receivedPerBucket(series)).toEqual([
      { start: '2026-11-24T20:00:00.000Z', counts: { item: 5, supplier: 5 } },
      { start: '2026-11-24T21:00:00.000Z', counts: {} },
    ]);
  });
});

describe('rule-set validation in the editor', () => {
  const supplier = readFileSync(new URL('../../matching-rules/supplier.json', import.meta.url), 'utf8');
  const edited = (change: (rules: Record<string, unknown> & { thresholds: Record<string, unknown> }) => void): string => {
    const rules = JSON.parse(supplier) as Record<string, unknown> & { thresholds: Record<string, unknown> };
    change(rules);
    return JSON.stringify(rules);
  };

  test.each([
    ['the shipped supplier rules', supplier, []],
    [
      'a threshold as text',
      edited((rules) => (rules.thresholds.autoMerge = 'high')),
      [{ path: 'thresholds.autoMerge', code: 'TYPE', message: 'thresholds.autoMerge should be a number, got a string' }],
    ],
    [
      'no blocking keys',
      edited((rules) => delete rules.blocking),
      [{ path: 'blocking', code: 'REQUIRED', message: 'blocking is required' }],
    ],
    ['broken JSON', '{ "domain": ', [{ code: 'INVALID_JSON', message: expect.stringMatching(/^Not valid JSON: /) as unknown as string }]],
  ])('%s', (_name, text, expected) => expect(validateRulesText(text)).toEqual(expected));
});

describe('verify a pair: record texts', () => {
  test.each([
    ['{"gtin": "00382910000013"}', { record: { gtin: '00382910000013' } }],
    ['{', { problem: expect.stringMatching(/^Record A is not valid JSON: /) }],
    ['[1]', { problem: 'Record A must be a JSON object (one canonical record).' }],
    ['null', { problem: 'Record A must be a JSON object (one canonical record).' }],
  ])('parseRecordText(%j)', (text, expected) => expect(parseRecordText('Record A', text)).toEqual(expected));
});
