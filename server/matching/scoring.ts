/**
 * Scoring a pair: weighted comparator scores normalised to 0..1 (model `weighted`) or the
 * Fellegi–Sunter match probability (model `fellegiSunter`, see probabilistic.ts), then hard rules
 * (veto / force) in the order the rule set lists them — the first that fires decides. Records are
 * prepared once (`prepareRecord`) so scoring does no normalisation.
 */
import type { CompiledRules } from './rules';
import { compileRules } from './rules';
import type {
  CanonicalRecord,
  ComparatorExplanation,
  HardRule,
  MatchBand,
  MatchExplanation,
  PreparedRecord,
  PreparedValue,
  RuleSet,
} from './types';
import type { ComparedIds, CompareContext, ComparisonResult } from './comparators';
import { MISSING_COMPARISON } from './comparators';
import { compiledConditionHolds, conditionsHold, levelIndexOf, MISSING_LEVEL, probabilityOf, UNLEVELLED } from './probabilistic';
import { present } from '../invariant';
import { pairSources, sourceWithOwnWeights } from './sourceLayoutWords';

/** Normalises a record once for every comparator of the rule set. */
export function prepareRecord(record: CanonicalRecord, compiled: CompiledRules): PreparedRecord {
  const values: Record<string, PreparedValue> = {};
  const { comparators, preparedWith } = compiled;
  for (let i = 0; i < comparators.length; i++) {
    const comparator = present(comparators[i], 'comparator i');
    const first = preparedWith?.[i] ?? i;
    // A value shared with an earlier comparator is the same (read-only) object under both names.
    const value =
      first === i ? comparator.prepare(record) : values[present(comparators[first], 'comparator sharing the prepared value').rule.name];
    if (value !== undefined) values[comparator.rule.name] = value;
  }
  return { sourceId: String(record.sourceId), rulesVersion: compiled.version, values };
}

function sameStrings(a: PreparedValue, b: PreparedValue): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string' || a[i] !== b[i]) return false;
  return true;
}

/**
 * A prepared record read back from the store holds a shared value (`CompiledRules.preparedWith`) as
 * separate copies: each comparator sharing it gets the first one's copy again when the two are equal
 * string lists (token sets), so per-record work cached by value identity (idf token weights) is done
 * once. The values are unchanged; a record whose copies differ (another rules version) is left as is.
 */
export function shareStoredValues(prepared: PreparedRecord, compiled: CompiledRules): void {
  const { preparedWith, comparators } = compiled;
  if (!preparedWith) return;
  const values = prepared.values;
  for (let i = 0; i < preparedWith.length; i++) {
    const first = present(preparedWith[i], 'preparedWith entry i');
    if (first === i) continue;
    const name = present(comparators[i], 'comparator i').rule.name;
    const shared = values[present(comparators[first], 'comparator sharing the prepared value').rule.name];
    const own = values[name];
    if (shared !== undefined && own !== undefined && own !== shared && sameStrings(own, shared)) values[name] = shared;
  }
}

function isPrepared(value: CanonicalRecord | PreparedRecord): value is PreparedRecord {
  return typeof (value as PreparedRecord).rulesVersion === 'string' && typeof (value as PreparedRecord).values === 'object';
}

const compiledCache = new WeakMap<RuleSet, CompiledRules>();

function toCompiled(rules: RuleSet | CompiledRules): CompiledRules {
  if ('comparatorIndex' in rules) return rules;
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

function bandOf(score: number, thresholds: RuleSet['thresholds']): MatchBand {
  if (score >= thresholds.autoMerge) return 'auto-merge';
  return score >= thresholds.review ? 'review' : 'no-match';
}

export interface PairEvaluation {
  results: ComparisonResult[];
  /** Weighted score, or the match probability under fellegiSunter. */
  score: number;
  evidenceWeight: number;
  /** fellegiSunter: prior + Σ log2(m/u); the weighted model: the score (orders pairs alike). */
  matchWeight: number;
  /** fellegiSunter: level index per comparator (MISSING_LEVEL / UNLEVELLED for the special cases). */
  levels: number[] | null;
  hardRule: HardRule | null;
  band: MatchBand;
}

/**
 * The sources passed to comparator `i` (sourceLayoutWords.ts): none when the pair meets one of the
 * comparator's `notWhenAny` condition lists on the comparisons made before it (a shared GTIN, one maker's
 * part number) — layout weights never take such a pair down.
 */
function sourcesFor(
  exemptions: CompiledRules['sourceLayoutExemptions'],
  i: number,
  ids: ComparedIds | undefined,
  results: readonly ComparisonResult[],
): ComparedIds | undefined {
  if (ids === undefined) return undefined;
  const lists = exemptions.get(i);
  if (lists === undefined) return ids;
  for (const conditions of lists) if (conditionsHold(conditions, results, MISSING_COMPARISON)) return undefined;
  return ids;
}

/** Scores two prepared records (the hot path of batch matching: no explanation objects). */
export function evaluatePreparedPair({
  a,
  b,
  compiled,
  context,
  known,
  sources,
}: {
  a: PreparedRecord;
  b: PreparedRecord;
  compiled: CompiledRules;
  context?: CompareContext;
  /** Comparisons already made for this pair by `decidingVeto` (by comparator index): not made again. */
  known?: ReadonlyArray<ComparisonResult | undefined>;
  /**
   * The pair's sources as `pairSources` of `sourceWithOwnWeights` gives them (null: neither has weights of its own),
   * read once per record by a caller scoring each record against many; absent: read here.
   */
  sources?: ComparedIds | null;
}): PairEvaluation {
  const results: ComparisonResult[] = [];
  const isFellegiSunter = compiled.model === 'fellegiSunter';
  const levels: number[] | null = isFellegiSunter ? [] : null;
  let weighted = 0;
  let evidenceWeight = 0;
  let matchWeight = compiled.priorMatchWeight;
  // The records' sources only when some comparator weighs tokens by a source of theirs (sourceLayoutWords.ts).
  const ids =
    sources !== undefined
      ? (sources ?? undefined)
      : context?.sourceWeights
        ? pairSources(sourceWithOwnWeights(a, compiled, context), sourceWithOwnWeights(b, compiled, context))
        : undefined;
  for (let i = 0; i < compiled.comparators.length; i++) {
    const comparator = present(compiled.comparators[i], 'comparator i');
    const name = comparator.rule.name;
    const va = a.values[name];
    const vb = b.values[name];
    const result =
      known?.[i] ??
      (va === undefined || vb === undefined
        ? MISSING_COMPARISON
        : comparator.compare(va, vb, context, sourcesFor(compiled.sourceLayoutExemptions, i, ids, results)));
    results.push(result);
    if (result.score !== null) {
      weighted += comparator.rule.weight * result.score;
      evidenceWeight += comparator.rule.weight;
    }
    if (levels) {
      const comparatorLevels = present(compiled.levels[i], 'levels of comparator i');
      const level = levelIndexOf(comparatorLevels, result);
      levels.push(level);
      if (level >= 0) matchWeight += present(comparatorLevels[level], 'level matched').matchWeight;
    }
  }
  let score: number;
  if (isFellegiSunter) score = probabilityOf(matchWeight);
  else {
    const denominator = Math.max(evidenceWeight, compiled.rules.minEvidenceWeight ?? 0);
    score = denominator === 0 ? 0 : weighted / denominator;
    matchWeight = score;
  }
  let band = bandOf(score, compiled.rules.thresholds);
  let fired: HardRule | null = null;
  for (const { rule, conditions } of compiled.hardRuleChecks) {
    if (!conditionsHold(conditions, results, MISSING_COMPARISON)) continue;
    // A cap changes nothing below review: it does not decide (nor hide a later rule) for a no-match.
    if (rule.action === 'capAtReview' && band === 'no-match') continue;
    fired = rule;
    if (rule.action === 'veto') band = 'no-match';
    else if (rule.action === 'forceMerge') band = 'auto-merge';
    else if (rule.action === 'capAtReview') band = band === 'auto-merge' ? 'review' : band;
    else band = 'review';
    break;
  }
  return { results, score, evidenceWeight, matchWeight, levels, hardRule: fired, band };
}

/**
 * The veto that decides a pair, found by running the hard rules in order and comparing only what
 * their conditions read (the identifiers, in the shipped rules): a pair with another GTIN is not
 * scored. Null when the pair needs `evaluatePreparedPair`: no rule fires, a rule other than a veto
 * fires first, a cap fires (whether it counts depends on the score), or a condition reads a
 * comparator that uses term weights (not loaded yet). When it returns a rule, `evaluatePreparedPair`
 * fires that same rule and bands the pair no-match, so its score cannot matter to any caller that
 * ranks no-match below review.
 */
export function decidingVeto({
  a,
  b,
  compiled,
  compared = [],
}: {
  a: PreparedRecord;
  b: PreparedRecord;
  compiled: CompiledRules;
  /**
   * Filled with the comparisons made (by comparator index), to hand to `evaluatePreparedPair` as `known` when no veto
   * decides: they read no term weights, so they are what the evaluation would compute.
   */
  compared?: Array<ComparisonResult | undefined>;
}): HardRule | null {
  for (const { rule, conditions } of compiled.hardRuleChecks) {
    let holds = true;
    for (const condition of conditions) {
      let result = compared[condition.comparator];
      if (result === undefined) {
        const comparator = compiled.comparators[condition.comparator];
        if (comparator?.usesTermWeights) return null;
        const va = comparator ? a.values[comparator.rule.name] : undefined;
        const vb = comparator ? b.values[comparator.rule.name] : undefined;
        result = !comparator || va === undefined || vb === undefined ? MISSING_COMPARISON : comparator.compare(va, vb);
        if (comparator) compared[condition.comparator] = result;
      }
      if (!compiledConditionHolds(condition, result)) {
        holds = false;
        break;
      }
    }
    if (holds) return rule.action === 'veto' ? rule : null;
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Probabilities near 1 keep their distinguishing digits (0.999999 is not 0.9999). */
function roundProbability(value: number): number {
  return Number(value.toPrecision(6));
}

function levelFields(
  compiled: CompiledRules,
  comparator: number,
  level: number,
): Pick<ComparatorExplanation, 'level' | 'm' | 'u' | 'matchWeight'> {
  if (level === MISSING_LEVEL) return { level: 'missing', matchWeight: 0 };
  if (level === UNLEVELLED) return { level: 'unlevelled', matchWeight: 0 };
  const { level: declared, matchWeight } = present(compiled.levels[comparator]?.[level], 'level of the comparator');
  return { level: declared.name, m: declared.m, u: declared.u, matchWeight: round(matchWeight) };
}

/**
 * Scores a pair and explains it. `a`/`b` may be canonical records or PreparedRecords; `rules`
 * a RuleSet (compiled once and cached) or CompiledRules.
 */
export function scorePair(args: {
  a: CanonicalRecord | PreparedRecord;
  b: CanonicalRecord | PreparedRecord;
  rules: RuleSet | CompiledRules;
  /** Token weights of idf comparators (per-domain frequencies); without them idf compares like uniform. */
  context?: CompareContext;
}): MatchExplanation {
  const compiled = toCompiled(args.rules);
  // A PreparedRecord is used as given, even from another rules version (its comparators that no
  // longer exist are ignored, new ones count as missing): the raw record is not available to redo it.
  const a = isPrepared(args.a) ? args.a : prepareRecord(args.a, compiled);
  const b = isPrepared(args.b) ? args.b : prepareRecord(args.b, compiled);
  return explainEvaluation({ a, b, compiled, evaluation: evaluatePreparedPair({ a, b, compiled, context: args.context }) });
}

/** The score an explanation shows for a pair's evaluation (rounded to 4 decimals). */
export function shownScore(evaluation: Pick<PairEvaluation, 'score'>): number {
  return round(evaluation.score);
}

/**
 * The explanation of an evaluated pair (what `scorePair` returns): callers that score many pairs
 * with `evaluatePreparedPair` explain only the ones they show.
 */
export function explainEvaluation(args: {
  a: PreparedRecord;
  b: PreparedRecord;
  compiled: CompiledRules;
  evaluation: PairEvaluation;
}): MatchExplanation {
  const { a, b, compiled, evaluation } = args;
  const { levels } = evaluation;
  const comparators: ComparatorExplanation[] = compiled.comparators.map((comparator, i) => {
    const result = present(evaluation.results[i], 'result of comparator i');
    return {
      name: comparator.rule.name,
      field: comparator.rule.fields.join(','),
      type: comparator.rule.type,
      weight: comparator.rule.weight,
      score: result.score === null ? null : round(result.score),
      outcome: result.outcome,
      a: result.a,
      b: result.b,
      ...(result.details ? { details: result.details } : {}),
      ...(levels ? levelFields(compiled, i, present(levels[i], 'level of comparator i')) : {}),
    };
  });
  const rule = evaluation.hardRule;
  return {
    domain: compiled.domain,
    rulesVersion: compiled.version,
    aSourceId: a.sourceId,
    bSourceId: b.sourceId,
    comparators,
    hardRule: rule ? { name: rule.name, action: rule.action, ...(rule.relationship ? { relationship: rule.relationship } : {}) } : null,
    model: compiled.model,
    score: round(evaluation.score),
    ...(levels
      ? {
          priorMatchWeight: round(compiled.priorMatchWeight),
          matchWeight: round(evaluation.matchWeight),
          probability: roundProbability(evaluation.score),
        }
      : {}),
    evidenceWeight: evaluation.evidenceWeight,
    band: evaluation.band,
    ...(rule?.relationship ? { relationship: rule.relationship } : {}),
  };
}
