/** The task pane's reducer and the pure pieces of a decision's body, as fixture tables. */
import { describe, expect, test } from 'vitest';
import type { GoldenRecordView } from '../../server/contracts/golden';
import type { SurvivorChoice } from '../../studio/src/pages/inbox/MatchCompare';
import {
  chosenAttributes,
  initialTaskDecisionState,
  isMultiValued,
  mergeAttributesOf,
  taskDecisionReducer,
  unionOf,
  type TaskDecisionAction,
  type TaskDecisionState,
} from '../../studio/src/pages/inbox/taskDecisionState';

const refusal = new Error('409: someone else decided first');

describe('taskDecisionReducer', () => {
  test.each<{ name: string; from?: Partial<TaskDecisionState>; action: TaskDecisionAction; expected: Partial<TaskDecisionState> }>([
    { name: 'typing a reason', action: { type: 'reasonTyped', reason: 'same vendor' }, expected: { reason: 'same vendor' } },
    {
      name: 'choosing survivors replaces the choices',
      from: { choices: { name: 'subject' } },
      action: { type: 'survivorsChosen', choices: { gtin: 'candidate' } },
      expected: { choices: { gtin: 'candidate' } },
    },
    { name: 'letting survivorship decide', action: { type: 'keepingChoicesSet', isKeeping: false }, expected: { isKeepingChoices: false } },
    { name: 'showing another candidate', action: { type: 'candidateShown', index: 2 }, expected: { candidateIndex: 2 } },
    {
      name: 'a decision starts: busy, the last refusal cleared',
      from: { error: refusal },
      action: { type: 'decisionStarted' },
      expected: { isBusy: true, error: null },
    },
    {
      name: 'a decision succeeds: the outcome, no longer busy',
      from: { isBusy: true },
      action: { type: 'decisionSucceeded', outcome: 'Merged.' },
      expected: { isBusy: false, outcome: 'Merged.' },
    },
    {
      name: 'a decision is refused: the error, no longer busy, the reason kept',
      from: { isBusy: true, reason: 'typed' },
      action: { type: 'decisionFailed', error: refusal },
      expected: { isBusy: false, error: refusal, reason: 'typed' },
    },
    { name: 'dismissing the error', from: { error: refusal }, action: { type: 'errorDismissed' }, expected: { error: null } },
  ])('$name', ({ from, action, expected }) => {
    const before = { ...initialTaskDecisionState, ...from };
    expect(taskDecisionReducer(before, action)).toEqual({ ...before, ...expected });
  });
});

function golden(
  id: string,
  attributes: Record<string, unknown>,
  lineage: Record<string, { sourceRecordId?: string }> = {},
): GoldenRecordView {
  return { id, attributes, lineage } as unknown as GoldenRecordView;
}

describe('merge attributes', () => {
  const subject = golden('g-1', { name: 'ACME', gtin: '1' }, { name: { sourceRecordId: 'item|sap|1' } });
  const candidate = golden('g-2', { name: 'Acme Inc', gtin: '2' }, {});
  test.each<{ name: string; choices: Record<string, SurvivorChoice>; isKeeping: boolean; expected: unknown }>([
    { name: 'nothing chosen → no attributes', choices: {}, isKeeping: true, expected: undefined },
    { name: 'survivorship decides → no attributes', choices: { name: 'subject' }, isKeeping: false, expected: undefined },
    { name: 'auto is not a choice', choices: { name: 'auto' }, isKeeping: true, expected: undefined },
    {
      name: 'a value with lineage is sent as its source record',
      choices: { name: 'subject' },
      isKeeping: true,
      expected: { name: { sourceRecordId: 'item|sap|1' } },
    },
    {
      name: 'a value without lineage is sent as the value',
      choices: { gtin: 'candidate' },
      isKeeping: true,
      expected: { gtin: { value: '2' } },
    },
  ])('$name', ({ choices, isKeeping, expected }) => {
    expect(mergeAttributesOf({ choices, isKeepingChoices: isKeeping, subject, candidate })).toEqual(expected);
  });

  test('chosen attributes leave out the ones left to survivorship', () => {
    expect(chosenAttributes({ name: 'subject', gtin: 'auto', mpn: 'candidate' })).toEqual(['name', 'mpn']);
  });
});

describe('multi-valued conflicts', () => {
  test.each([
    { values: [{ value: ['1'] }, { value: ['2'] }], expected: true },
    { values: [{ value: ['1'] }], expected: false },
    { values: [{ value: ['1'] }, { value: '2' }], expected: false },
  ])('isMultiValued($values) → $expected', ({ values, expected }) => {
    expect(isMultiValued(values)).toBe(expected);
  });

  test('the union keeps each value once, in the order first seen (JSON equality)', () => {
    expect(
      unionOf([
        ['1234567893', '1245319599'],
        ['1245319599'],
        [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
      ]),
    ).toEqual(['1234567893', '1245319599', { a: 1, b: 2 }]);
  });
});
