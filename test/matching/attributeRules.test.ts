/** Rule sets with attributes and alias tables: cross-reference validation, and the action on conflict. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileRules, scorePair, validateRules } from '../../server/matching';
import type { RuleSet } from '../../server/matching';
import { at } from '../support/must';

const shipped = JSON.parse(readFileSync(new URL('../../matching-rules/item.json', import.meta.url), 'utf8')) as RuleSet;

/** Index of a shipped attribute by name (rows name the attribute they change, so a new attribute declared before it moves no row). */
const attributeIndex = (name: string): number => (shipped.attributes ?? []).findIndex((attribute) => attribute.name === name);
const DIMENSIONS = attributeIndex('dimensions');
const LENGTH = attributeIndex('length');
const PLAIN_DIMENSIONS = attributeIndex('plainDimensions');

function withChange(change: (rules: RuleSet) => void): RuleSet {
  const rules = structuredClone(shipped);
  change(rules);
  return rules;
}

test.each([
  {
    title: 'unknown alias table on a comparator',
    change: (r: RuleSet) => (at(r.comparators, 8).params = { aliasTables: ['noSuchTable'] }),
    code: 'UNKNOWN_ALIAS_TABLE',
    path: 'comparators[8].params.aliasTables[0]',
  },
  {
    title: 'unknown alias table on a blocking key',
    change: (r: RuleSet) => (at(r.blocking, 5).params = { aliasTables: ['nope'] }),
    code: 'UNKNOWN_ALIAS_TABLE',
    path: 'blocking[5].params.aliasTables[0]',
  },
  {
    title: 'a tokenSet reading the token frequencies of a comparator that keeps none',
    change: (r: RuleSet) => (at(r.comparators, 10).params = { ...at(r.comparators, 10).params, termsOf: 'manufacturer' }),
    code: 'UNKNOWN_TERMS',
    path: 'comparators[10].params.termsOf',
  },
  {
    title: 'an attributes comparator naming an undeclared attribute',
    change: (r: RuleSet) => (at(r.comparators, 9).params = { attributes: ['shade'] }),
    code: 'UNKNOWN_ATTRIBUTE',
    path: 'comparators[9].params.attributes[0]',
  },
  {
    title: 'an attributes comparator naming an unknown strong attribute',
    change: (r: RuleSet) => (at(r.comparators, 9).params = { strongAttributes: ['potency'] }),
    code: 'UNKNOWN_ATTRIBUTE',
    path: 'comparators[9].params.strongAttributes[0]',
  },
  {
    title: 'an attributes comparator without declared attributes',
    change: (r: RuleSet) => delete r.attributes,
    code: 'NO_ATTRIBUTES',
    path: 'comparators[9]',
  },
  {
    title: 'a pattern that is not a regular expression',
    change: (r: RuleSet) => (at(at(r.attributes ?? [], 0).patterns, 0).regex = '(?<value>\\d+'),
    code: 'INVALID_PATTERN',
    path: 'attributes[0].patterns[0].regex',
  },
  {
    title: 'a unit that cannot be converted',
    change: (r: RuleSet) => (at(r.attributes ?? [], DIMENSIONS).units = { ML: 'mg' }),
    code: 'UNIT_CONVERSION',
    path: `attributes[${DIMENSIONS}].units.ML`,
  },
  {
    title: "a pattern whose default unit is not one of the attribute's units",
    change: (r: RuleSet) => (at(at(r.attributes ?? [], LENGTH).patterns, 2).unit = 'FURLONG'),
    code: 'UNKNOWN_UNIT',
    path: `attributes[${LENGTH}].patterns[2].unit`,
  },
  {
    title: "a reading of anyUnit that is not one of the attribute's units",
    change: (r: RuleSet) => (at(at(r.attributes ?? [], PLAIN_DIMENSIONS).patterns, 0).anyUnit = ['IN', 'IN FURLONG']),
    code: 'UNKNOWN_UNIT',
    path: `attributes[${PLAIN_DIMENSIONS}].patterns[0].anyUnit[1]`,
  },
  {
    title: 'sameAs naming no other attribute of the same kind and unit',
    change: (r: RuleSet) => (at(r.attributes ?? [], PLAIN_DIMENSIONS).sameAs = 'volume'),
    code: 'UNKNOWN_ATTRIBUTE',
    path: `attributes[${PLAIN_DIMENSIONS}].sameAs`,
  },
  {
    title: 'a quantity without its unit',
    change: (r: RuleSet) => delete at(r.attributes ?? [], DIMENSIONS).unit,
    code: 'UNIT_REQUIRED',
    path: `attributes[${DIMENSIONS}].unit`,
  },
])('$title → $code at $path', ({ change, code, path }) => {
  const problems = validateRules(withChange(change));
  expect(problems, JSON.stringify(problems)).toContainEqual(expect.objectContaining({ code, path }));
});

test('the shipped item rules are valid, and compiling records which alias-table versions they use', () => {
  expect(validateRules(shipped)).toEqual([]);
  expect(compileRules(shipped).aliasTableVersions).toMatchObject({
    itemAbbreviations: expect.stringMatching(/^itemAbbreviations-/),
    organizationAliases: expect.any(String),
  });
});

const base = { manufacturer: { name: 'Ethicon' }, gtin: '00705031234562' };

test('capAtReview: same GTIN but a conflicting attribute goes to a steward, not auto-merge', () => {
  const explanation = scorePair({
    a: { sourceId: 'a', description: 'SUTURE VICRYL 3-0 SH 27IN', ...base },
    b: { sourceId: 'b', description: 'SUTURE VICRYL 4-0 SH 27IN', ...base },
    rules: shipped,
  });
  expect(explanation.hardRule?.name).toBe('attributeConflictSameGtin');
  expect(explanation.band).toBe('review');
  const attributes = explanation.comparators.find((c) => c.type === 'attributes');
  expect(attributes?.outcome).toBe('mismatch');
  expect(attributes?.details).toEqual([
    { attribute: 'sutureSize', a: '3-0', b: '4-0', agrees: false },
    { attribute: 'length', a: '686 mm', b: '686 mm', agrees: true },
  ]);
});

test('capAtReview never raises a no-match', () => {
  const rules = withChange((r) => {
    r.version = 'item-test-cap';
    r.hardRules = [{ name: 'cap', action: 'capAtReview', when: [{ comparator: 'attributes', outcome: 'mismatch' }] }];
  });
  const explanation = scorePair({
    a: { sourceId: 'a', description: 'GOWN ISOLATION XL' },
    b: { sourceId: 'b', description: 'DRAPE TABLE SM' },
    rules,
  });
  // A cap that changes nothing does not decide: the explanation names no hard rule.
  expect(explanation.hardRule).toBeNull();
  expect(explanation.band).toBe('no-match');
});
