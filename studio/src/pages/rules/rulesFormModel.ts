/**
 * The rules form's model: what the form shows, read from the rule-set JSON text, and the form's
 * edits written back as JSON text. The JSON stays the source of truth, so the form and the editor
 * agree both ways; anything the form does not show (hard rules, params, attributes) is kept as is.
 */

/** Blocking-key types of the rules schema (matching-rules/rules.schema.json). */
export const BLOCKING_KEY_TYPES = ['identifier', 'partNumber', 'nameTokens', 'initials', 'phonetic', 'catalogInText', 'combined'] as const;

export interface FormLevel {
  name: string;
  m: number;
  u: number;
}

export interface FormComparator {
  name: string;
  type: string;
  weight: number;
  levels: FormLevel[];
  aliasTables: string[];
}

export interface FormBlockingKey {
  name: string;
  type: string;
  fields: string[];
  maxBlockSize: number;
}

export interface RulesForm {
  /** fellegiSunter: thresholds are match probabilities; weighted: weighted-mean scores (both 0–1). */
  thresholdScale: 'probability' | 'score';
  thresholds: { autoMerge: number; review: number };
  comparators: FormComparator[];
  blocking: FormBlockingKey[];
}

export type RulesFormReading = { form: RulesForm; problem: null } | { form: null; problem: string };

export type RulesFormEdit =
  | { kind: 'threshold'; key: 'autoMerge' | 'review'; value: number }
  | { kind: 'weight'; comparator: string; value: number }
  | { kind: 'level'; comparator: string; level: string; field: 'm' | 'u'; value: number }
  | { kind: 'aliasTable'; comparator: string; table: string; isOn: boolean }
  | { kind: 'maxBlockSize'; key: string; value: number }
  | { kind: 'removeBlockingKey'; key: string }
  | { kind: 'addBlockingKey'; key: FormBlockingKey };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const objectsOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

function parseRules(text: string): Json | string {
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch (error) {
    return `The JSON does not parse (${error instanceof Error ? error.message : String(error)}): fix it in the editor to use the form.`;
  }
  return isObject(rules) ? rules : 'The rule set must be a JSON object: fix it in the editor to use the form.';
}

/** Reads the form from the rule-set text, or says why the form cannot be used (JSON that does not parse). */
export function readRulesForm(text: string): RulesFormReading {
  const rules = parseRules(text);
  if (typeof rules === 'string') return { form: null, problem: rules };
  const thresholds = isObject(rules.thresholds) ? rules.thresholds : {};
  return {
    problem: null,
    form: {
      thresholdScale: rules.model === 'fellegiSunter' ? 'probability' : 'score',
      thresholds: { autoMerge: numberOr(thresholds.autoMerge, 0), review: numberOr(thresholds.review, 0) },
      comparators: objectsOf(rules.comparators).map((comparator) => ({
        name: String(comparator.name ?? ''),
        type: String(comparator.type ?? ''),
        weight: numberOr(comparator.weight, 0),
        levels: objectsOf(comparator.levels).map((level) => ({
          name: String(level.name ?? ''),
          m: numberOr(level.m, 0),
          u: numberOr(level.u, 0),
        })),
        aliasTables: isObject(comparator.params) ? stringsOf(comparator.params.aliasTables) : [],
      })),
      blocking: objectsOf(rules.blocking).map((key) => ({
        name: String(key.name ?? ''),
        type: String(key.type ?? ''),
        fields: stringsOf(key.fields),
        maxBlockSize: numberOr(key.maxBlockSize, 0),
      })),
    },
  };
}

function byName(list: unknown, name: string): Json | undefined {
  return objectsOf(list).find((entry) => entry.name === name);
}

function applyEdit(rules: Json, edit: RulesFormEdit): void {
  switch (edit.kind) {
    case 'threshold': {
      rules.thresholds = { ...(isObject(rules.thresholds) ? rules.thresholds : {}), [edit.key]: edit.value };
      return;
    }
    case 'weight': {
      const comparator = byName(rules.comparators, edit.comparator);
      if (comparator) comparator.weight = edit.value;
      return;
    }
    case 'level': {
      const level = byName(byName(rules.comparators, edit.comparator)?.levels, edit.level);
      if (level) level[edit.field] = edit.value;
      return;
    }
    case 'aliasTable': {
      const comparator = byName(rules.comparators, edit.comparator);
      if (!comparator) return;
      const params = isObject(comparator.params) ? comparator.params : {};
      // Tables apply in order: a table switched on goes last; reorder in the JSON when it matters.
      const tables = stringsOf(params.aliasTables).filter((table) => table !== edit.table);
      if (edit.isOn) tables.push(edit.table);
      if (tables.length > 0) params.aliasTables = tables;
      else delete params.aliasTables;
      if (Object.keys(params).length > 0) comparator.params = params;
      else delete comparator.params;
      return;
    }
    case 'maxBlockSize': {
      const key = byName(rules.blocking, edit.key);
      if (key) key.maxBlockSize = edit.value;
      return;
    }
    case 'removeBlockingKey': {
      rules.blocking = objectsOf(rules.blocking).filter((key) => key.name !== edit.key);
      return;
    }
    case 'addBlockingKey': {
      rules.blocking = [...objectsOf(rules.blocking), { ...edit.key, fields: [...edit.key.fields] }];
      return;
    }
  }
}

/** Applies a form edit to the rule-set text; text that does not parse is returned unchanged. */
export function editRulesText(text: string, edit: RulesFormEdit): string {
  const rules = parseRules(text);
  if (typeof rules === 'string') return text;
  applyEdit(rules, edit);
  return JSON.stringify(rules, null, 2);
}

/** Parses a comma-separated list of field paths as typed in the add-key form. */
export function fieldsOfText(text: string): string[] {
  return text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
}
