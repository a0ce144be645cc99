/**
 * The match-explanation components with fixture explanations: the waterfall's steps and running
 * totals, how the SVG draws them (green up, red down, missing as a dashed 0 with a note, the final
 * bar, the hard rule), the accessible table of the same numbers, and the fallback to the comparator
 * table for weighted (older) explanations. Rendered to static markup, as the browser would receive it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import {
  formatProbability,
  formatWeight,
  isWaterfall,
  probabilityOfWeight,
  readExplanation,
  waterfallOf,
} from '../../studio/src/ui/explanation';
import { MatchExplanationView } from '../../studio/src/ui/MatchExplanation';
import { firstOf } from '../support/must';

const log2 = Math.log2;

/** A review-band item pair under Fellegi–Sunter: part number agrees, GTIN missing on one side, descriptions disagree. */
const reviewPair = {
  domain: 'item',
  rulesVersion: 'item-2.0.0',
  model: 'fellegiSunter',
  aSourceId: 'item-a',
  bSourceId: 'item-b',
  comparators: [
    {
      name: 'gtin',
      field: 'gtin',
      type: 'identifier',
      weight: 5,
      score: null,
      outcome: 'missing',
      a: '00382910000013',
      b: null,
      level: 'missing',
      matchWeight: 0,
    },
    {
      name: 'manufacturerPartNumber',
      field: 'manufacturerPartNumber',
      type: 'normalizedExact',
      weight: 4,
      score: 1,
      outcome: 'match',
      a: '381234',
      b: '381234',
      level: 'exact',
      m: 0.92,
      u: 0.0004,
      matchWeight: log2(0.92 / 0.0004),
    },
    {
      name: 'manufacturer',
      field: 'manufacturer.name',
      type: 'fuzzy',
      weight: 2,
      score: 0.95,
      outcome: 'partial',
      a: 'BECTON DICKINSON',
      b: 'BECTON DICKINSON AND CO',
      level: 'jw>=0.92',
      m: 0.85,
      u: 0.05,
      matchWeight: log2(0.85 / 0.05),
    },
    {
      name: 'description',
      field: 'description',
      type: 'tokenSet',
      weight: 2,
      score: 0,
      outcome: 'mismatch',
      a: 'CATHETER IV 18G',
      b: 'CATHETER IV 20G',
      level: 'mismatch',
      m: 0.1,
      u: 0.8,
      matchWeight: log2(0.1 / 0.8),
    },
  ],
  hardRule: null,
  score: 0.71,
  evidenceWeight: 8,
  band: 'review',
  priorMatchWeight: -12,
};
const reviewWeight = -12 + log2(0.92 / 0.0004) + log2(0.85 / 0.05) + log2(0.1 / 0.8);
const reviewExplanation = { ...reviewPair, matchWeight: reviewWeight, probability: probabilityOfWeight(reviewWeight) };

/** Same GTIN: the hard rule forces the merge whatever the weights say; an attributes comparator reports its details. */
const hardRuleExplanation = {
  ...reviewExplanation,
  comparators: [
    {
      name: 'gtin',
      field: 'gtin',
      type: 'identifier',
      weight: 5,
      score: 1,
      outcome: 'match',
      a: '00382910000013',
      b: '00382910000013',
      level: 'exact',
      m: 0.97,
      u: 0.00001,
      matchWeight: log2(0.97 / 0.00001),
    },
    {
      name: 'distinguishingAttributes',
      field: 'description',
      type: 'attributes',
      weight: 0,
      score: 0,
      outcome: 'mismatch',
      a: 'gauge 18G',
      b: 'gauge 20G',
      level: 'conflict',
      m: 0.02,
      u: 0.3,
      matchWeight: log2(0.02 / 0.3),
      details: [
        { attribute: 'gauge', a: '18G', b: '20G', agrees: false },
        { attribute: 'length', a: '1.16IN', b: '1.16IN', agrees: true },
      ],
    },
  ],
  hardRule: { name: 'sameGtin', action: 'forceMerge' },
  band: 'auto-merge',
  matchWeight: -12 + log2(0.97 / 0.00001) + log2(0.02 / 0.3),
  probability: probabilityOfWeight(-12 + log2(0.97 / 0.00001) + log2(0.02 / 0.3)),
};

/** An explanation stored before Fellegi–Sunter: weights and 0..1 scores only. */
const weightedExplanation = {
  domain: 'supplier',
  rulesVersion: 'supplier-1.1.0',
  aSourceId: 's-1',
  bSourceId: 's-2',
  comparators: [
    { name: 'taxId', field: 'taxId', type: 'identifier', weight: 5, score: null, outcome: 'missing', a: null, b: null },
    {
      name: 'name',
      field: 'name',
      type: 'fuzzy',
      weight: 3,
      score: 0.93,
      outcome: 'partial',
      a: 'CARDINAL HEALTH',
      b: 'CARDINAL HEALTH INC',
    },
  ],
  hardRule: null,
  score: 0.62,
  evidenceWeight: 3,
  band: 'review',
};

const render = (explanation: unknown, sides?: readonly [string, string]) =>
  renderToStaticMarkup(createElement(MatchExplanationView, { explanation, sides }));

describe('waterfall model', () => {
  test('prior, one step per comparator with running totals, then the final weight and probability', () => {
    const explanation = readExplanation(reviewExplanation);
    expect(isWaterfall(explanation)).toBe(true);
    if (!isWaterfall(explanation)) return;
    const waterfall = waterfallOf(explanation);
    expect(waterfall.steps.map((s) => [s.kind, s.label])).toEqual([
      ['prior', 'Prior'],
      ['comparator', 'gtin'],
      ['comparator', 'manufacturerPartNumber'],
      ['comparator', 'manufacturer'],
      ['comparator', 'description'],
      ['final', 'Match weight'],
    ]);
    const [prior, gtin, part, manufacturer, description, final] = firstOf(waterfall.steps, 6);
    expect(prior).toMatchObject({ from: 0, to: -12, contribution: -12 });
    expect(gtin).toMatchObject({ from: -12, to: -12, contribution: 0, note: 'contributes 0' });
    expect(part.from).toBe(-12);
    expect(part.to).toBeCloseTo(-12 + log2(2300), 10);
    expect(manufacturer.from).toBe(part.to);
    expect(description.contribution).toBeCloseTo(-3, 10);
    expect(description.to).toBeCloseTo(reviewWeight, 10);
    expect(final).toMatchObject({ from: 0, contribution: reviewWeight });
    expect(waterfall.finalWeight).toBeCloseTo(reviewWeight, 10);
    expect(waterfall.probability).toBeCloseTo(2 ** reviewWeight / (1 + 2 ** reviewWeight), 12);
    expect(waterfall.isUnbalanced).toBe(false);
  });

  test('a comparator without a reported weight counts as 0 with a note; a total that does not add up is flagged', () => {
    const explanation = readExplanation({
      ...reviewExplanation,
      comparators: [{ name: 'phone', score: 1, outcome: 'match' }],
      matchWeight: 3,
    });
    if (!isWaterfall(explanation)) throw new Error('expected a waterfall');
    const waterfall = waterfallOf(explanation);
    expect(waterfall.steps[1]).toMatchObject({ contribution: 0, note: 'no weight reported: counted as 0' });
    expect(waterfall.finalWeight).toBe(3);
    expect(waterfall.isUnbalanced).toBe(true);
  });

  test('a comparator the rules declare no levels for contributes 0 with a note', () => {
    const explanation = readExplanation({
      ...reviewExplanation,
      comparators: [{ name: 'anyGtin', score: 1, outcome: 'match', level: 'unlevelled', matchWeight: 0 }],
      matchWeight: -12,
    });
    if (!isWaterfall(explanation)) throw new Error('expected a waterfall');
    expect(waterfallOf(explanation).steps[1]).toMatchObject({ contribution: 0, note: 'no level declared: contributes 0' });
  });

  test.each([
    [weightedExplanation, false],
    [{ ...reviewExplanation, model: 'weighted' }, false],
    [{ ...reviewExplanation, priorMatchWeight: undefined }, false],
    [reviewExplanation, true],
  ])('isWaterfall(%#) = %s', (value, expected) => expect(isWaterfall(readExplanation(value))).toBe(expected));

  test.each([null, 'text', 42, {}, { comparators: 'no' }])('readExplanation(%j) = null', (value) =>
    expect(readExplanation(value)).toBeNull(),
  );

  test.each([
    [3.214, '+3.21'],
    [-1.5, '−1.50'],
    [0.001, '0'],
  ])('formatWeight(%j) = %s', (weight, expected) => expect(formatWeight(weight)).toBe(expected));

  test.each([
    [0.5, '50.0%'],
    [0.9995, '99.95%'],
    [0.99999, '> 99.99%'],
    [0.000001, '< 0.01%'],
  ])('formatProbability(%j) = %s', (probability, expected) => expect(formatProbability(probability)).toBe(expected));
});

describe('waterfall rendering', () => {
  const html = render(reviewExplanation);

  test('the SVG has a bar per non-zero step: grey prior, green for evidence for, red against, teal final', () => {
    expect(html).toContain('role="img"');
    const fills = [...html.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual(['#4a5568', '#2f855a', '#2f855a', '#b3261e', '#0b6e69']);
    const contributions = [...html.matchAll(/data-step="(\w+)" data-contribution="([-\d.]+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(contributions).toHaveLength(6);
    expect(contributions[1]).toEqual(['comparator', 0]);
  });

  test('a missing comparator is drawn as a dashed zero line labelled missing, not as a bar', () => {
    expect(html).toMatch(/<line [^>]*stroke-dasharray="3 2"/);
    expect(html).toMatch(/<text [^>]*>0<\/text><text [^>]*>missing<\/text>/);
  });

  test('the caption and the accessible table give the final weight, the probability and every step', () => {
    expect(html).toContain(
      `Match weight ${formatWeight(reviewWeight)} → probability ${formatProbability(probabilityOfWeight(reviewWeight))}`,
    );
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(table).toContain('aria-label="Match weight contributions"');
    expect((table.match(/<tr/g) ?? []).length).toBe(1 + 6);
    expect(table).toContain('missing<span class="muted"> · contributes 0</span>');
    expect(table).toContain('<td>0.920</td><td>4.0e-4</td><td>+11.17</td>');
    expect(table).toContain('BECTON DICKINSON AND CO');
    expect(html).not.toContain('waterfall-hard-rule');
  });

  test('the hard rule that decided is named; attribute details show which attribute disagrees', () => {
    const ruled = render(hardRuleExplanation, ['Record A', 'Record B']);
    expect(ruled).toContain('data-testid="waterfall-hard-rule"');
    expect(ruled).toMatch(/decided by hard rule <strong>sameGtin \(forceMerge\)<\/strong>/);
    expect(ruled).toContain('<li class="disagrees">gauge: 18G ≠ 20G</li>');
    expect(ruled).toContain('<li>length: 1.16IN = 1.16IN</li>');
    expect(ruled).toContain('<th>Record A</th><th>Record B</th>');
  });

  test('a weighted explanation falls back to the comparator table, without a chart', () => {
    const fallback = render(weightedExplanation);
    expect(fallback).not.toContain('<svg');
    expect(fallback).toContain('aria-label="Match explanation"');
    expect((fallback.match(/<tr class="outcome-/g) ?? []).length).toBe(2);
    expect(fallback).toContain('CARDINAL HEALTH INC');
  });

  test('something that is not an explanation renders nothing', () => expect(render({ nope: true })).toBe(''));
});
