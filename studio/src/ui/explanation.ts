/**
 * Reading the matching engine's explanation in the studio. It is typed `unknown` in the task and
 * decision contracts (stored explanations outlive rule and engine changes), so it is read
 * defensively here. Fellegi–Sunter explanations (`model: 'fellegiSunter'`) carry per-comparator
 * match weights (log2 m/u) and a prior; they become the steps of a waterfall. Older explanations
 * (`model` absent or `weighted`) have only weights and 0..1 scores and are shown as a table.
 */

export interface ExplainedComparator {
  name: string;
  field?: string;
  type?: string;
  weight?: number;
  score: number | null;
  outcome?: string;
  a?: unknown;
  b?: unknown;
  /** Fellegi–Sunter: the comparison level (`exact`, `jw>=0.92`, `mismatch`, `missing`; `unlevelled` for a comparator without levels). */
  level?: string;
  m?: number;
  u?: number;
  /** log2(m/u); 0 for missing. */
  matchWeight?: number;
  /** Distinguishing attributes compared inside one comparator. */
  details?: Array<{ attribute: string; a: string | null; b: string | null; agrees: boolean }>;
}

export interface ExplainedHardRule {
  name: string;
  action?: string;
  relationship?: string;
}

export interface ExplainedPair {
  model: 'weighted' | 'fellegiSunter';
  rulesVersion?: string;
  aSourceId?: string;
  bSourceId?: string;
  comparators: ExplainedComparator[];
  hardRule: ExplainedHardRule | null;
  score?: number;
  band?: string;
  /** log2 of the prior odds of a match. */
  priorMatchWeight?: number;
  /** prior + the comparators' weights. */
  matchWeight?: number;
  /** 2^w / (1 + 2^w). */
  probability?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function readComparator(value: unknown): ExplainedComparator | null {
  if (!isObject(value) || typeof value.name !== 'string') return null;
  const details = Array.isArray(value.details)
    ? value.details.filter((d): d is NonNullable<ExplainedComparator['details']>[number] => isObject(d) && typeof d.attribute === 'string')
    : undefined;
  return {
    name: value.name,
    field: text(value.field),
    type: text(value.type),
    weight: finite(value.weight),
    score: finite(value.score) ?? null,
    outcome: text(value.outcome),
    a: value.a,
    b: value.b,
    level: text(value.level),
    m: finite(value.m),
    u: finite(value.u),
    matchWeight: finite(value.matchWeight),
    ...(details && details.length > 0 ? { details } : {}),
  };
}

/** The explanation as the studio reads it; null when it is not one. */
export function readExplanation(value: unknown): ExplainedPair | null {
  if (!isObject(value) || !Array.isArray(value.comparators)) return null;
  const comparators = value.comparators.map(readComparator).filter((c): c is ExplainedComparator => c !== null);
  const hardRule =
    isObject(value.hardRule) && typeof value.hardRule.name === 'string'
      ? { name: value.hardRule.name, action: text(value.hardRule.action), relationship: text(value.hardRule.relationship) }
      : null;
  return {
    model: value.model === 'fellegiSunter' ? 'fellegiSunter' : 'weighted',
    rulesVersion: text(value.rulesVersion),
    aSourceId: text(value.aSourceId),
    bSourceId: text(value.bSourceId),
    comparators,
    hardRule,
    score: finite(value.score),
    band: text(value.band),
    priorMatchWeight: finite(value.priorMatchWeight),
    matchWeight: finite(value.matchWeight),
    probability: finite(value.probability),
  };
}

/** Whether the explanation can be drawn as a waterfall (a Fellegi–Sunter explanation with its prior). */
export function isWaterfall(explanation: ExplainedPair | null): explanation is ExplainedPair & { priorMatchWeight: number } {
  return explanation !== null && explanation.model === 'fellegiSunter' && explanation.priorMatchWeight !== undefined;
}

/** The match probability of a match weight (log2 odds). */
export function probabilityOfWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export interface WaterfallStep {
  kind: 'prior' | 'comparator' | 'final';
  label: string;
  /** The running match weight before and after this step (equal for a step that contributes nothing). */
  from: number;
  to: number;
  /** What this step adds (the prior and the final bar: their own value). */
  contribution: number;
  comparator?: ExplainedComparator;
  /** Why a step contributes nothing: a missing side, or no weight reported for it. */
  note?: string;
}

export interface Waterfall {
  steps: WaterfallStep[];
  finalWeight: number;
  probability: number;
  /** The final weight differs from prior + Σ comparator weights (rounding in stored explanations, or an engine change). */
  isUnbalanced: boolean;
  hardRule: ExplainedHardRule | null;
  band?: string;
}

/** The waterfall of a Fellegi–Sunter explanation: prior, one step per comparator, the final weight and probability. */
export function waterfallOf(explanation: ExplainedPair & { priorMatchWeight: number }): Waterfall {
  const steps: WaterfallStep[] = [
    { kind: 'prior', label: 'Prior', from: 0, to: explanation.priorMatchWeight, contribution: explanation.priorMatchWeight },
  ];
  let running = explanation.priorMatchWeight;
  for (const comparator of explanation.comparators) {
    const isMissing = comparator.outcome === 'missing' || comparator.level === 'missing';
    const contribution = isMissing ? 0 : (comparator.matchWeight ?? 0);
    const note = isMissing
      ? 'contributes 0'
      : comparator.matchWeight === undefined
        ? 'no weight reported: counted as 0'
        : comparator.level === 'unlevelled'
          ? 'no level declared: contributes 0'
          : undefined;
    steps.push({
      kind: 'comparator',
      label: comparator.name,
      from: running,
      to: running + contribution,
      contribution,
      comparator,
      ...(note ? { note } : {}),
    });
    running += contribution;
  }
  const finalWeight = explanation.matchWeight ?? running;
  steps.push({ kind: 'final', label: 'Match weight', from: 0, to: finalWeight, contribution: finalWeight });
  return {
    steps,
    finalWeight,
    probability: explanation.probability ?? probabilityOfWeight(finalWeight),
    isUnbalanced: Math.abs(finalWeight - running) > 0.01,
    hardRule: explanation.hardRule,
    band: explanation.band,
  };
}

/** A match weight with its sign (`+3.21`, `−1.50`, `0`). */
export function formatWeight(weight: number): string {
  if (Math.abs(weight) < 0.005) return '0';
  return `${weight > 0 ? '+' : '−'}${Math.abs(weight).toFixed(2)}`;
}

/** A probability as a percentage, keeping the extremes readable (`> 99.99%`). */
export function formatProbability(probability: number): string {
  if (probability >= 0.99995) return '> 99.99%';
  if (probability <= 0.00005) return '< 0.01%';
  return `${(probability * 100).toFixed(probability >= 0.999 || probability <= 0.001 ? 2 : 1)}%`;
}

/** An m or u probability, short. */
export function formatRate(value: number | undefined): string {
  if (value === undefined) return '—';
  return value >= 0.01 ? value.toFixed(3) : value.toExponential(1);
}
