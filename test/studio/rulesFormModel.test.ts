/** The rules form's model: read from the JSON text, edits written back, the rest of the rule set kept. */
import { describe, expect, test } from 'vitest';
import { editRulesText, fieldsOfText, readRulesForm, type RulesFormEdit } from '../../studio/src/pages/rules/rulesFormModel';
import { shippedRules } from '../support/factories/matching';
import { at } from '../support/must';

const RULES = {
  domain: 'supplier',
  version: 'supplier-test',
  model: 'fellegiSunter',
  blocking: [
    { name: 'ein', type: 'identifier', fields: ['taxId'], params: { scheme: 'ein' }, maxBlockSize: 50 },
    { name: 'nameTokens', type: 'nameTokens', fields: ['name'], maxBlockSize: 100 },
  ],
  comparators: [
    {
      name: 'name',
      type: 'fuzzy',
      fields: ['name'],
      weight: 3,
      params: { normalizer: 'orgName', aliasTables: ['legalSuffixes'] },
      levels: [
        { name: 'match', outcome: 'match', m: 0.9, u: 0.01 },
        { name: 'mismatch', m: 0.1, u: 0.99 },
      ],
    },
    { name: 'ein', type: 'identifier', fields: ['taxId'], weight: 5 },
  ],
  hardRules: [{ name: 'keepMe', action: 'veto', when: [{ comparator: 'ein', outcome: 'mismatch' }] }],
  thresholds: { autoMerge: 0.99, review: 0.5 },
};
const TEXT = JSON.stringify(RULES, null, 2);

describe('readRulesForm', () => {
  test('reads thresholds (as probabilities under Fellegi–Sunter), comparators with levels and alias tables, blocking keys', () => {
    expect(readRulesForm(TEXT)).toEqual({
      problem: null,
      form: {
        thresholdScale: 'probability',
        thresholds: { autoMerge: 0.99, review: 0.5 },
        comparators: [
          {
            name: 'name',
            type: 'fuzzy',
            weight: 3,
            levels: [
              { name: 'match', m: 0.9, u: 0.01 },
              { name: 'mismatch', m: 0.1, u: 0.99 },
            ],
            aliasTables: ['legalSuffixes'],
          },
          { name: 'ein', type: 'identifier', weight: 5, levels: [], aliasTables: [] },
        ],
        blocking: [
          { name: 'ein', type: 'identifier', fields: ['taxId'], maxBlockSize: 50 },
          { name: 'nameTokens', type: 'nameTokens', fields: ['name'], maxBlockSize: 100 },
        ],
      },
    });
  });

  test('a weighted model reads its thresholds as scores; every shipped rule set reads', () => {
    expect(readRulesForm(JSON.stringify({ ...RULES, model: 'weighted' })).form?.thresholdScale).toBe('score');
    for (const domain of ['supplier', 'item', 'facility', 'account']) {
      const shipped = shippedRules(domain);
      const form = readRulesForm(JSON.stringify(shipped)).form;
      expect(form?.comparators.map((c) => c.name)).toEqual(shipped.comparators.map((c) => c.name));
      expect(form?.blocking).toHaveLength(shipped.blocking.length);
    }
  });

  test.each([
    { text: '{ "thresholds": ', problem: /does not parse/ },
    { text: '[1, 2]', problem: /must be a JSON object/ },
  ])('invalid JSON disables the form: $text', ({ text, problem }) => {
    const reading = readRulesForm(text);
    expect(reading.form).toBeNull();
    expect(reading.problem).toMatch(problem);
  });
});

describe('editRulesText', () => {
  const cases: Array<{ title: string; edit: RulesFormEdit; expected: (rules: typeof RULES) => unknown }> = [
    {
      title: 'threshold',
      edit: { kind: 'threshold', key: 'autoMerge', value: 0.95 },
      expected: (r) => ({ ...r, thresholds: { autoMerge: 0.95, review: 0.5 } }),
    },
    {
      title: 'comparator weight',
      edit: { kind: 'weight', comparator: 'ein', value: 7 },
      expected: (r) => ({ ...r, comparators: [r.comparators[0], { ...r.comparators[1], weight: 7 }] }),
    },
    {
      title: 'level m',
      edit: { kind: 'level', comparator: 'name', level: 'mismatch', field: 'm', value: 0.2 },
      expected: (r) => ({
        ...r,
        comparators: [
          { ...r.comparators[0], levels: [at(r.comparators, 0).levels?.[0], { name: 'mismatch', m: 0.2, u: 0.99 }] },
          r.comparators[1],
        ],
      }),
    },
    {
      title: 'alias table on (appended, params created)',
      edit: { kind: 'aliasTable', comparator: 'ein', table: 'organizationAliases', isOn: true },
      expected: (r) => ({
        ...r,
        comparators: [r.comparators[0], { ...r.comparators[1], params: { aliasTables: ['organizationAliases'] } }],
      }),
    },
    {
      title: 'alias table off (empty list dropped, other params kept)',
      edit: { kind: 'aliasTable', comparator: 'name', table: 'legalSuffixes', isOn: false },
      expected: (r) => ({ ...r, comparators: [{ ...r.comparators[0], params: { normalizer: 'orgName' } }, r.comparators[1]] }),
    },
    {
      title: 'max block size',
      edit: { kind: 'maxBlockSize', key: 'nameTokens', value: 250 },
      expected: (r) => ({ ...r, blocking: [r.blocking[0], { ...r.blocking[1], maxBlockSize: 250 }] }),
    },
    {
      title: 'remove blocking key',
      edit: { kind: 'removeBlockingKey', key: 'ein' },
      expected: (r) => ({ ...r, blocking: [r.blocking[1]] }),
    },
    {
      title: 'add blocking key',
      edit: { kind: 'addBlockingKey', key: { name: 'phoneticName', type: 'phonetic', fields: ['name'], maxBlockSize: 80 } },
      expected: (r) => ({
        ...r,
        blocking: [...r.blocking, { name: 'phoneticName', type: 'phonetic', fields: ['name'], maxBlockSize: 80 }],
      }),
    },
    {
      title: 'unknown comparator: nothing changes',
      edit: { kind: 'weight', comparator: 'nope', value: 1 },
      expected: (r) => r,
    },
  ];

  test.each(cases)('$title', ({ edit, expected }) => {
    const edited = editRulesText(TEXT, edit);
    expect(JSON.parse(edited)).toEqual(expected(structuredClone(RULES)));
    expect(edited).toBe(JSON.stringify(JSON.parse(edited), null, 2));
  });

  test('text that does not parse is left as typed', () => {
    expect(editRulesText('{ nope', { kind: 'threshold', key: 'review', value: 0.1 })).toBe('{ nope');
  });

  test('fieldsOfText splits a comma-separated list', () => {
    expect(fieldsOfText(' name, legalName ,,')).toEqual(['name', 'legalName']);
  });
});
