/**
 * Fellegi–Sunter scoring. Every comparator's result (outcome + score) is mapped to one of the
 * comparator's declared levels by the same condition language as hard rules (outcome, scoreAtLeast,
 * scoreBelow) — so a comparator type added later works without code here. Each level carries
 * m = P(level | match) and u = P(level | non-match); the pair's match weight is
 * log2(prior odds) + Σ log2(m/u), its match probability 2^w / (1 + 2^w). A missing comparison
 * contributes 0 (absence is not evidence either way).
 */
import type { ErrorDetail } from '../errors';
import { present } from '../invariant';
import type { ComparisonResult } from './comparators';
import type { ComparatorRule, ComparisonLevel, HardRuleCondition, RuleSet } from './types';

/** A level ready to use: its condition (pre-digested for the hot path) and log2(m/u). */
export interface CompiledLevel {
  level: ComparisonLevel;
  matchWeight: number;
  /** Outcomes allowed (null: any). */
  outcomes: ReadonlySet<string> | null;
  scoreAtLeast: number | undefined;
  scoreBelow: number | undefined;
}

/** Level index meaning "a side is missing" (weight 0). */
export const MISSING_LEVEL = -1;
/** Level index meaning "no level declared for this comparator" (weight 0, the comparator only feeds hard rules). */
export const UNLEVELLED = -2;

/** Whether a result satisfies an outcome / score condition (shared by hard rules and levels). */
export function conditionHolds(condition: Omit<HardRuleCondition, 'comparator'>, result: ComparisonResult): boolean {
  if (condition.outcome !== undefined) {
    const allowed = Array.isArray(condition.outcome) ? condition.outcome : [condition.outcome];
    if (!allowed.includes(result.outcome)) return false;
  }
  if (condition.scoreAtLeast !== undefined && (result.score === null || result.score < condition.scoreAtLeast)) return false;
  if (condition.scoreBelow !== undefined && (result.score === null || result.score >= condition.scoreBelow)) return false;
  return true;
}

/** log2(m/u) of one level. */
export function levelMatchWeight(level: Pick<ComparisonLevel, 'm' | 'u'>): number {
  return Math.log2(level.m / level.u);
}

/** Compiles a comparator's levels (empty when it declares none). */
export function compileLevels(rule: ComparatorRule): CompiledLevel[] {
  return (rule.levels ?? []).map((level) => ({
    level,
    matchWeight: levelMatchWeight(level),
    outcomes: level.outcome === undefined ? null : new Set(Array.isArray(level.outcome) ? level.outcome : [level.outcome]),
    scoreAtLeast: level.scoreAtLeast,
    scoreBelow: level.scoreBelow,
  }));
}

/** A hard rule's condition ready for the hot path: comparator resolved to its index (-1: none of that name), outcomes as a set. */
export interface CompiledCondition {
  comparator: number;
  outcomes: ReadonlySet<string> | null;
  scoreAtLeast: number | undefined;
  scoreBelow: number | undefined;
}

/** Compiles hard-rule conditions against the comparators' order (same meaning as `conditionHolds`). */
export function compileConditions(
  conditions: readonly HardRuleCondition[],
  comparatorIndex: ReadonlyMap<string, number>,
): CompiledCondition[] {
  return conditions.map((condition) => ({
    comparator: comparatorIndex.get(condition.comparator) ?? -1,
    outcomes: condition.outcome === undefined ? null : new Set(Array.isArray(condition.outcome) ? condition.outcome : [condition.outcome]),
    scoreAtLeast: condition.scoreAtLeast,
    scoreBelow: condition.scoreBelow,
  }));
}

/** Whether every compiled condition holds for a pair's results (a missing comparator reads as `missing`). */
export function conditionsHold(
  conditions: readonly CompiledCondition[],
  results: readonly ComparisonResult[],
  missing: ComparisonResult,
): boolean {
  for (const condition of conditions) if (!compiledConditionHolds(condition, results[condition.comparator] ?? missing)) return false;
  return true;
}

/** Whether one compiled condition holds for its comparator's result. */
export function compiledConditionHolds(condition: CompiledCondition, result: ComparisonResult): boolean {
  if (condition.outcomes !== null && !condition.outcomes.has(result.outcome)) return false;
  const score = result.score;
  if (condition.scoreAtLeast !== undefined && (score === null || score < condition.scoreAtLeast)) return false;
  if (condition.scoreBelow !== undefined && (score === null || score >= condition.scoreBelow)) return false;
  return true;
}

/** The index of the level a result falls into (MISSING_LEVEL / UNLEVELLED for the special cases). Runs for every comparator of every pair. */
export function levelIndexOf(levels: readonly CompiledLevel[], result: ComparisonResult): number {
  if (result.outcome === 'missing') return MISSING_LEVEL;
  const score = result.score;
  for (let i = 0; i < levels.length; i++) {
    const level = present(levels[i], 'level i');
    if (level.outcomes !== null && !level.outcomes.has(result.outcome)) continue;
    if (level.scoreAtLeast !== undefined && (score === null || score < level.scoreAtLeast)) continue;
    if (level.scoreBelow !== undefined && (score === null || score >= level.scoreBelow)) continue;
    return i;
  }
  return UNLEVELLED;
}

/** log2 of the prior odds p / (1 − p). */
export function priorMatchWeight(priorMatchProbability: number): number {
  return Math.log2(priorMatchProbability / (1 - priorMatchProbability));
}

/** Match probability of a total match weight: 2^w / (1 + 2^w), computed without overflow. */
export function probabilityOf(matchWeight: number): number {
  return 1 / (1 + 2 ** -matchWeight);
}

/** Cross-checks of a Fellegi–Sunter rule set that the schema cannot express. */
export function validateFellegiSunter(rules: RuleSet): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const isFellegiSunter = rules.model === 'fellegiSunter';
  if (isFellegiSunter && rules.priorMatchProbability === undefined) {
    problems.push({
      path: 'priorMatchProbability',
      code: 'REQUIRED',
      message: 'model "fellegiSunter" needs priorMatchProbability (share of candidate pairs that are matches), between 0 and 1 exclusive',
    });
  }
  rules.comparators.forEach((comparator, i) => {
    const levels = comparator.levels ?? [];
    if (levels.length === 0) return;
    const last = present(levels.at(-1), 'last level');
    if (last.outcome !== undefined || last.scoreAtLeast !== undefined || last.scoreBelow !== undefined) {
      problems.push({
        path: `comparators[${i}].levels[${levels.length - 1}]`,
        code: 'LEVELS_NOT_EXHAUSTIVE',
        message: `the last level of comparator "${comparator.name}" must have no conditions (it takes every comparison the levels above do not)`,
      });
    }
    const names = levels.map((l) => l.name);
    names.forEach((name, j) => {
      if (names.indexOf(name) !== j)
        problems.push({
          path: `comparators[${i}].levels[${j}].name`,
          code: 'DUPLICATE_NAME',
          message: `level name "${name}" is used twice in comparator "${comparator.name}"`,
        });
      if (name === 'missing')
        problems.push({
          path: `comparators[${i}].levels[${j}].name`,
          code: 'RESERVED_NAME',
          message: 'level name "missing" is reserved for comparisons with a side missing',
        });
    });
  });
  if (isFellegiSunter && rules.comparators.every((c) => (c.levels ?? []).length === 0)) {
    problems.push({
      path: 'comparators',
      code: 'NO_LEVELS',
      message: 'model "fellegiSunter" needs at least one comparator with levels (m and u)',
    });
  }
  return problems;
}
