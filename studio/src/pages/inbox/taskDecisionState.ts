/**
 * The task pane's state as one reducer (pure, tested in Node): the reason typed, the surviving value
 * chosen per attribute, whether chosen values become overrides, the candidate shown, and the decision
 * in flight with its outcome or refusal. Also the pure pieces of a decision's body: the merge's chosen
 * attributes and the union of a multi-valued conflict's lists.
 */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { stableJson } from '../../ui/format';
import type { SurvivorChoice } from './MatchCompare';

export interface TaskDecisionState {
  reason: string;
  choices: Record<string, SurvivorChoice>;
  /** Chosen values are sent as steward overrides (they outlive an unmerge) unless the steward lets survivorship decide. */
  isKeepingChoices: boolean;
  candidateIndex: number;
  isBusy: boolean;
  outcome: string;
  error: unknown;
}

export type TaskDecisionAction =
  | { type: 'reasonTyped'; reason: string }
  | { type: 'survivorsChosen'; choices: Record<string, SurvivorChoice> }
  | { type: 'keepingChoicesSet'; isKeeping: boolean }
  | { type: 'candidateShown'; index: number }
  | { type: 'decisionStarted' }
  | { type: 'decisionSucceeded'; outcome: string }
  | { type: 'decisionFailed'; error: unknown }
  | { type: 'errorDismissed' };

export const initialTaskDecisionState: TaskDecisionState = {
  reason: '',
  choices: {},
  isKeepingChoices: true,
  candidateIndex: 0,
  isBusy: false,
  outcome: '',
  error: null,
};

/** The next state of the task pane after `action`. */
export function taskDecisionReducer(state: TaskDecisionState, action: TaskDecisionAction): TaskDecisionState {
  switch (action.type) {
    case 'reasonTyped':
      return { ...state, reason: action.reason };
    case 'survivorsChosen':
      return { ...state, choices: action.choices };
    case 'keepingChoicesSet':
      return { ...state, isKeepingChoices: action.isKeeping };
    case 'candidateShown':
      return { ...state, candidateIndex: action.index };
    case 'decisionStarted':
      return { ...state, isBusy: true, error: null };
    case 'decisionSucceeded':
      return { ...state, isBusy: false, outcome: action.outcome };
    case 'decisionFailed':
      return { ...state, isBusy: false, error: action.error };
    case 'errorDismissed':
      return { ...state, error: null };
  }
}

/** Attributes whose surviving value the steward chose (not left to survivorship). */
export function chosenAttributes(choices: Record<string, SurvivorChoice>): string[] {
  return Object.entries(choices)
    .filter(([, choice]) => choice !== 'auto')
    .map(([attribute]) => attribute);
}

/**
 * The merge body's `attributes`: per chosen attribute, the member source record that holds the value
 * (or the value itself when the lineage names none); undefined when nothing is chosen or kept.
 */
export function mergeAttributesOf(input: {
  choices: Record<string, SurvivorChoice>;
  isKeepingChoices: boolean;
  subject: GoldenRecordView | null;
  candidate: GoldenRecordView;
}): Record<string, { sourceRecordId?: string; value?: unknown }> | undefined {
  if (!input.isKeepingChoices) return undefined;
  const attributes: Record<string, { sourceRecordId?: string; value?: unknown }> = {};
  for (const [attribute, choice] of Object.entries(input.choices)) {
    const from = choice === 'subject' ? input.subject : choice === 'candidate' ? input.candidate : null;
    if (from === null) continue;
    const lineage = from.lineage?.[attribute];
    attributes[attribute] = lineage?.sourceRecordId
      ? { sourceRecordId: lineage.sourceRecordId }
      : { value: from.attributes[attribute] ?? null };
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** Whether every conflicting value is a list (a multi-valued attribute such as NPIs), so all can be kept. */
export function isMultiValued(values: ReadonlyArray<{ value: unknown }>): boolean {
  return values.length > 1 && values.every((entry) => Array.isArray(entry.value));
}

/** Every value of the lists, each once (JSON equality), in the order first seen. */
export function unionOf(lists: ReadonlyArray<readonly unknown[]>): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of lists.flat()) if (!seen.has(stableJson(value))) seen.set(stableJson(value), value);
  return [...seen.values()];
}
