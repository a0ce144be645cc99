/**
 * Estimating Fellegi–Sunter m and u probabilities from a domain's own records (no labels needed):
 *
 * 1. **u** from random pairs: almost every random pair is a non-match, so the share of random pairs
 *    at each level of a comparator estimates P(level | non-match). Steward not-a-match pairs are
 *    added to these counts (they are non-matches by definition).
 * 2. **m** by expectation–maximisation over the blocked candidate pairs (records sharing a blocking
 *    key), with u held fixed: E-step, each comparison pattern's match probability under the current
 *    m, u and λ (conditional independence of comparators); M-step, m = the posterior-weighted share of
 *    pairs at each level, λ = the mean posterior. Steward labels take part with a fixed posterior:
 *    a merge is 1, a not-a-match 0 — so labels pull m towards what stewards confirmed.
 * 3. λ (the share of candidate pairs that are matches) becomes `priorMatchProbability`.
 *
 * Levels are generic: a comparator's declared levels are kept; one without levels (and a weight
 * above 0 — weight 0 marks evidence for hard rules only) gets `match` / `related` / `>=0.9` /
 * `>=0.7` / `else`, the levels no pair reached dropped — so any comparator type, including ones
 * added later, is trained without code here.
 */
import type { CompiledRules } from './rules';
import { compileRules } from './rules';
import { MISSING_LEVEL, levelIndexOf, type CompiledLevel } from './probabilistic';
import { evaluatePreparedPair, prepareRecord } from './scoring';
import { countTerms, termWeightsOf } from './termStats';
import { present } from '../invariant';
import type { CanonicalRecord, ComparatorRule, ComparisonLevel, PreparedRecord, RuleSet } from './types';

export interface TrainingLabels {
  /** Source-record id pairs stewards merged. */
  matches: ReadonlyArray<readonly [string, string]>;
  /** Source-record id pairs stewards marked not-a-match. */
  nonMatches: ReadonlyArray<readonly [string, string]>;
}

export interface TrainingOptions {
  /** Random pairs sampled for u (default 50,000; fewer when the domain has fewer pairs). */
  randomPairs?: number;
  /** Blocked candidate pairs used by EM at most (default 500,000). */
  maxCandidatePairs?: number;
  maxIterations?: number;
  /** EM stops when no m or λ moves by more than this (default 1e-5). */
  tolerance?: number;
  /** PRNG seed: the same data and seed give the same estimates. */
  seed?: number;
}

export interface TrainedLevel {
  name: string;
  m: number;
  u: number;
  matchWeight: number;
  /** Random pairs at this level (u's evidence). */
  randomPairs: number;
  /** Candidate pairs at this level (EM's evidence). */
  candidatePairs: number;
  /** Labelled pairs at this level. */
  matchLabels: number;
  nonMatchLabels: number;
}

export interface TrainingReport {
  domain: string;
  baseRulesVersion: string;
  rulesVersion: string;
  records: number;
  randomPairs: number;
  candidatePairs: number;
  /** Candidate pairs not used because the cap was reached. */
  candidatePairsSkipped: number;
  iterations: number;
  converged: boolean;
  /** Largest change of any m or λ in the last iteration. */
  lastChange: number;
  priorMatchProbability: number;
  labels: { matches: number; nonMatches: number; matchesUsed: number; nonMatchesUsed: number };
  comparators: Array<{ name: string; levels: TrainedLevel[] }>;
}

const DEFAULT_THRESHOLDS = { autoMerge: 0.99, review: 0.5 };
/** Pseudo-count per level: no probability is ever estimated as exactly 0 or 1. */
const SMOOTHING = 0.5;
const MIN_PROBABILITY = 1e-6;
const GENERIC_LEVELS: Array<Omit<ComparisonLevel, 'm' | 'u'>> = [
  { name: 'match', outcome: 'match' },
  { name: 'related', outcome: 'related' },
  { name: '>=0.9', scoreAtLeast: 0.9 },
  { name: '>=0.7', scoreAtLeast: 0.7 },
  { name: 'else' },
];

/** Deterministic PRNG (mulberry32). */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clampProbability(value: number): number {
  return Math.min(1 - MIN_PROBABILITY, Math.max(MIN_PROBABILITY, value));
}

function significant(value: number): number {
  return Number(value.toPrecision(4));
}

/** Whether training gives a comparator generic levels: it declares none and has a weight (weight 0 = evidence for hard rules only, e.g. item anyGtin). */
function needsGenericLevels(comparator: ComparatorRule): boolean {
  return (comparator.levels ?? []).length === 0 && comparator.weight > 0;
}

/** The rules with generic levels (m = u = 0.5 placeholders) for every weighted comparator that declares none. */
function withLevels(rules: RuleSet): RuleSet {
  return {
    ...rules,
    model: 'fellegiSunter',
    priorMatchProbability: rules.priorMatchProbability ?? 0.1,
    comparators: rules.comparators.map((c): ComparatorRule =>
      needsGenericLevels(c) ? { ...c, levels: GENERIC_LEVELS.map((l) => ({ ...l, m: 0.5, u: 0.5 })) } : c,
    ),
  };
}

/** Level vector of one pair: one level index per comparator (MISSING_LEVEL when a side is missing). */
type LevelVector = Int8Array;

function levelVector(args: {
  a: PreparedRecord;
  b: PreparedRecord;
  compiled: CompiledRules;
  context: ReturnType<typeof termWeightsOf> | undefined;
}): LevelVector {
  const { results } = evaluatePreparedPair({ a: args.a, b: args.b, compiled: args.compiled, context: args.context });
  const vector = new Int8Array(results.length);
  for (let c = 0; c < results.length; c++)
    vector[c] = levelIndexOf(
      present(args.compiled.levels[c], 'the levels of comparator c'),
      present(results[c], 'the result of comparator c'),
    );
  return vector;
}

/** The value at level `l` of comparator `c` in a per-comparator table (counts, m or u). */
function valueAt(rows: readonly (readonly number[])[], c: number, l: number): number {
  return present(present(rows[c], 'the row of comparator c')[l], 'level l of comparator c');
}

/** Adds `by` to each comparator's row at the level of `vector` (a missing side, MISSING_LEVEL, counts nowhere). */
function countLevels(rows: number[][], vector: LevelVector, comparatorCount: number, by: number): void {
  for (let c = 0; c < comparatorCount; c++) {
    const level = vector[c] ?? MISSING_LEVEL;
    if (level < 0) continue;
    const row = present(rows[c], 'the row of comparator c');
    row[level] = present(row[level], 'level l of comparator c') + by;
  }
}

/** Blocked candidate pairs (shared blocking key, block within maxBlockSize), each once, capped. */
function* candidatePairs(args: {
  records: readonly CanonicalRecord[];
  compiled: CompiledRules;
  max: number;
  random: () => number;
  isPauseDue: (units: number) => boolean;
}): Generator<TrainingProgress, { pairs: Array<[number, number]>; skipped: number }, void> {
  const blocks = new Map<string, number[]>();
  const maxSize = new Map<string, number>();
  for (let r = 0; r < args.records.length; r++) {
    for (const keyRule of args.compiled.keyRules) {
      for (const key of keyRule.indexKeys(present(args.records[r], 'training record r'))) {
        const members = blocks.get(key);
        if (members) members.push(r);
        else {
          blocks.set(key, [r]);
          maxSize.set(key, keyRule.rule.maxBlockSize);
        }
      }
    }
    if (args.isPauseDue(1)) yield { phase: 'block', done: r + 1, total: args.records.length };
  }
  const seen = new Set<string>();
  const all: Array<[number, number]> = [];
  for (const [key, members] of blocks) {
    if (members.length < 2 || members.length > (maxSize.get(key) ?? 0)) continue;
    for (let i = 0; i < members.length; i++) {
      const first = present(members[i], 'block member i');
      for (let j = i + 1; j < members.length; j++) {
        const second = present(members[j], 'block member j');
        const id = `${first}:${second}`;
        if (seen.has(id)) continue;
        seen.add(id);
        all.push([first, second]);
      }
    }
    if (args.isPauseDue((members.length * (members.length - 1)) / 2))
      yield { phase: 'block', done: args.records.length, total: args.records.length };
  }
  if (all.length <= args.max) return { pairs: all, skipped: 0 };
  // A uniform sample of the candidate pairs (partial Fisher–Yates).
  for (let i = 0; i < args.max; i++) {
    const j = i + Math.floor(args.random() * (all.length - i));
    const picked = present(all[j], 'candidate pair j');
    all[j] = present(all[i], 'candidate pair i');
    all[i] = picked;
  }
  return { pairs: all.slice(0, args.max), skipped: all.length - args.max };
}

interface Pattern {
  vector: LevelVector;
  count: number;
  /** Fixed posterior for labelled pairs (1 match, 0 non-match); undefined = estimated. */
  label?: 0 | 1;
}

/** Identical level vectors grouped: EM then runs over patterns, not pairs. */
function groupPatterns(vectors: Array<{ vector: LevelVector; label?: 0 | 1 }>): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const { vector, label } of vectors) {
    const key = `${label ?? '-'}:${vector.join(',')}`;
    const pattern = byKey.get(key);
    if (pattern) pattern.count++;
    else byKey.set(key, { vector, count: 1, ...(label === undefined ? {} : { label }) });
  }
  return [...byKey.values()];
}

export interface TrainingArgs {
  records: readonly CanonicalRecord[];
  rules: RuleSet;
  labels?: TrainingLabels;
  options?: TrainingOptions;
  /** Version string of the trained rules (default `<base version>+trained`). */
  version?: string;
}

export interface TrainingResult {
  rules: RuleSet;
  report: TrainingReport;
}

/** Where a cooperative training run is when it pauses: `done` of `total` units of the current phase. */
export interface TrainingProgress {
  phase: 'prepare' | 'randomPairs' | 'block' | 'candidatePairs' | 'em';
  done: number;
  total: number;
}

/** Units of work (records prepared, pairs compared, patterns per EM iteration) between two pauses. */
export const TRAINING_YIELD_EVERY = 2_000;

/** Trains m, u and the prior for `rules` on `records` in one synchronous run (tests, scripts). */
export function trainFellegiSunter(args: TrainingArgs): TrainingResult {
  const steps = trainingSteps(args, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same training, pausing for the event loop every `yieldEvery` units of work (like
 * `batchMatchAsync`): a training job on a large domain leaves the server answering and its lease
 * renewed. `onYield` runs at each pause (progress reports, cancellation). Same result as the synchronous run.
 */
export async function trainFellegiSunterAsync(
  args: TrainingArgs & { yieldEvery?: number; onYield?: (progress: TrainingProgress) => void | Promise<void> },
): Promise<TrainingResult> {
  const steps = trainingSteps(args, args.yieldEvery ?? TRAINING_YIELD_EVERY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
    await args.onYield?.(step.value);
  }
}

/** The training as a generator: it pauses (yields its progress) after every `yieldEvery` units of work. */
function* trainingSteps(args: TrainingArgs, yieldEvery: number): Generator<TrainingProgress, TrainingResult, void> {
  let work = 0;
  let nextPause = yieldEvery;
  /** Counts `units` of work; true when a pause is due. */
  const isPauseDue = (units: number): boolean => {
    work += units;
    if (work < nextPause) return false;
    nextPause = work + yieldEvery;
    return true;
  };
  const options = args.options ?? {};
  const random = randomGenerator(options.seed ?? 20261203);
  const base = withLevels(args.rules);
  const compiled = compileRules(base);
  const prepared: PreparedRecord[] = new Array<PreparedRecord>(args.records.length);
  for (let r = 0; r < args.records.length; r++) {
    prepared[r] = prepareRecord(present(args.records[r], 'training record r'), compiled);
    if (isPauseDue(1)) yield { phase: 'prepare', done: r + 1, total: args.records.length };
  }
  const context = compiled.idfComparators.length > 0 ? termWeightsOf(countTerms(prepared, compiled), compiled) : undefined;
  const indexOf = new Map(prepared.map((p, i) => [p.sourceId, i]));
  const n = prepared.length;
  const comparatorCount = compiled.comparators.length;
  const levelCounts = compiled.levels.map((levels) => levels.length);
  const zeros = (): number[][] => levelCounts.map((count) => new Array<number>(count).fill(0));
  const preparedAt = (r: number): PreparedRecord => present(prepared[r], 'prepared record r');

  // 1. u from random pairs (+ not-a-match labels).
  const randomCounts = zeros();
  const totalPairs = (n * (n - 1)) / 2;
  const randomPairs = Math.floor(Math.min(options.randomPairs ?? 50_000, totalPairs));
  for (let k = 0; k < randomPairs; k++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    const vector = levelVector({ a: preparedAt(i), b: preparedAt(j), compiled, context });
    countLevels(randomCounts, vector, comparatorCount, 1);
    if (isPauseDue(1)) yield { phase: 'randomPairs', done: k + 1, total: randomPairs };
  }
  const labelled: Array<{ vector: LevelVector; label: 0 | 1 }> = [];
  const labelKeys = new Set<string>();
  let matchesUsed = 0;
  let nonMatchesUsed = 0;
  const addLabels = (pairs: TrainingLabels['matches'], label: 0 | 1): void => {
    for (const [x, y] of pairs) {
      const i = indexOf.get(x);
      const j = indexOf.get(y);
      if (i === undefined || j === undefined || i === j) continue;
      const key = i < j ? `${i}:${j}` : `${j}:${i}`;
      if (labelKeys.has(key)) continue;
      labelKeys.add(key);
      labelled.push({ vector: levelVector({ a: preparedAt(i), b: preparedAt(j), compiled, context }), label });
      if (label === 1) matchesUsed++;
      else nonMatchesUsed++;
    }
  };
  addLabels(args.labels?.matches ?? [], 1);
  addLabels(args.labels?.nonMatches ?? [], 0);
  const uCounts = randomCounts.map((row) => [...row]);
  let uPairs = randomPairs;
  for (const { vector, label } of labelled) {
    if (label !== 0) continue;
    uPairs++;
    countLevels(uCounts, vector, comparatorCount, 1);
  }
  // Shares of ALL pairs (a side missing is the remainder, weight 0 when scoring): a comparator that
  // only ever reports positive evidence (codeInText: match or missing) still gets a meaningful u.
  const u = uCounts.map((row) => row.map((x) => clampProbability((x + SMOOTHING) / (uPairs + SMOOTHING * (row.length + 1)))));

  // 2. Candidate pairs, grouped into comparison patterns; labelled pairs leave the unlabelled pool.
  const { pairs, skipped } = yield* candidatePairs({
    records: args.records,
    compiled,
    max: options.maxCandidatePairs ?? 500_000,
    random,
    isPauseDue,
  });
  const candidateCounts = zeros();
  const vectors: Array<{ vector: LevelVector; label?: 0 | 1 }> = [];
  for (let k = 0; k < pairs.length; k++) {
    const [i, j] = present(pairs[k], 'candidate pair k');
    const vector = levelVector({ a: preparedAt(i), b: preparedAt(j), compiled, context });
    countLevels(candidateCounts, vector, comparatorCount, 1);
    if (!labelKeys.has(`${i}:${j}`)) vectors.push({ vector });
    if (isPauseDue(1)) yield { phase: 'candidatePairs', done: k + 1, total: pairs.length };
  }
  const patterns = groupPatterns([...vectors, ...labelled]);

  // 3. EM for m and λ with u fixed.
  let m = compiled.levels.map((levels, c) => initialM(levels, present(args.rules.comparators[c], 'comparator c')));
  let lambda = clampProbability(base.priorMatchProbability ?? 0.1);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  let iterations = 0;
  let converged = false;
  let lastChange = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    const mSums = zeros();
    let matchMass = 0;
    let posteriorSum = 0;
    let unlabelled = 0;
    for (const pattern of patterns) {
      let posterior: number;
      if (pattern.label !== undefined) posterior = pattern.label;
      else {
        // In log space: products of many small probabilities underflow.
        let logMatch = Math.log(lambda);
        let logNonMatch = Math.log(1 - lambda);
        for (let c = 0; c < comparatorCount; c++) {
          const level = pattern.vector[c] ?? MISSING_LEVEL;
          if (level < 0) continue;
          logMatch += Math.log(valueAt(m, c, level));
          logNonMatch += Math.log(valueAt(u, c, level));
        }
        posterior = 1 / (1 + Math.exp(logNonMatch - logMatch));
        posteriorSum += posterior * pattern.count;
        unlabelled += pattern.count;
      }
      const weight = posterior * pattern.count;
      matchMass += weight;
      countLevels(mSums, pattern.vector, comparatorCount, weight);
    }
    const nextM = mSums.map((row) =>
      row.map((x) => clampProbability((x + SMOOTHING * 0.01) / (matchMass + SMOOTHING * 0.01 * (row.length + 1)))),
    );
    const nextLambda = unlabelled === 0 ? lambda : clampProbability(posteriorSum / unlabelled);
    lastChange = Math.abs(nextLambda - lambda);
    for (let c = 0; c < comparatorCount; c++) {
      const row = present(nextM[c], 'the m row of comparator c');
      for (let l = 0; l < row.length; l++) lastChange = Math.max(lastChange, Math.abs(valueAt(nextM, c, l) - valueAt(m, c, l)));
    }
    m = nextM;
    lambda = nextLambda;
    if (isPauseDue(patterns.length)) yield { phase: 'em', done: iterations, total: maxIterations };
    if (lastChange < tolerance) {
      converged = true;
      break;
    }
  }

  // 4. The trained rule set: levels nobody reached are dropped (the catch-all stays).
  const labelCounts = (label: 0 | 1): number[][] => {
    const counts = zeros();
    for (const item of labelled) if (item.label === label) countLevels(counts, item.vector, comparatorCount, 1);
    return counts;
  };
  const matchLabelCounts = labelCounts(1);
  const nonMatchLabelCounts = labelCounts(0);
  const report: TrainingReport['comparators'] = [];
  const comparators = base.comparators.map((rule, c): ComparatorRule => {
    if ((rule.levels ?? []).length === 0) return rule;
    const isDeclared = (present(args.rules.comparators[c], 'comparator c').levels ?? []).length > 0;
    const levels: TrainedLevel[] = [];
    const compiledLevels = present(compiled.levels[c], 'the levels of comparator c');
    compiledLevels.forEach((compiledLevel, l) => {
      const isLast = l === compiledLevels.length - 1;
      const isReached =
        valueAt(randomCounts, c, l) +
          valueAt(candidateCounts, c, l) +
          valueAt(matchLabelCounts, c, l) +
          valueAt(nonMatchLabelCounts, c, l) >
        0;
      if (!isDeclared && !isLast && !isReached) return;
      const mc = significant(valueAt(m, c, l));
      const uc = significant(valueAt(u, c, l));
      levels.push({
        name: compiledLevel.level.name,
        m: mc,
        u: uc,
        matchWeight: significant(Math.log2(mc / uc)),
        randomPairs: valueAt(randomCounts, c, l),
        candidatePairs: valueAt(candidateCounts, c, l),
        matchLabels: valueAt(matchLabelCounts, c, l),
        nonMatchLabels: valueAt(nonMatchLabelCounts, c, l),
      });
    });
    report.push({ name: rule.name, levels });
    const byName = new Map(levels.map((level) => [level.name, level]));
    return {
      ...rule,
      levels: (rule.levels ?? [])
        .filter((level) => byName.has(level.name))
        .map((level) => ({ ...level, m: (byName.get(level.name) as TrainedLevel).m, u: (byName.get(level.name) as TrainedLevel).u })),
    };
  });
  const version = args.version ?? `${args.rules.version}+trained`;
  const priorMatchProbability = significant(lambda);
  const rules: RuleSet = {
    ...base,
    version,
    comparators,
    priorMatchProbability,
    thresholds: args.rules.model === 'fellegiSunter' ? args.rules.thresholds : DEFAULT_THRESHOLDS,
  };
  return {
    rules,
    report: {
      domain: compiled.domain,
      baseRulesVersion: args.rules.version,
      rulesVersion: version,
      records: n,
      randomPairs,
      candidatePairs: pairs.length,
      candidatePairsSkipped: skipped,
      iterations,
      converged,
      lastChange: significant(lastChange),
      priorMatchProbability,
      labels: { matches: args.labels?.matches.length ?? 0, nonMatches: args.labels?.nonMatches.length ?? 0, matchesUsed, nonMatchesUsed },
      comparators: report,
    },
  };
}

/** Starting m: the declared m where the rules have it, else a guess that favours the first (strongest) level. */
function initialM(levels: readonly CompiledLevel[], rule: ComparatorRule): number[] {
  const declared = rule.levels ?? [];
  if (declared.length === levels.length) return declared.map((l) => l.m);
  const raw = levels.map((_, i) => (i === 0 ? 0.7 : i === levels.length - 1 ? 0.1 : 0.2 / Math.max(1, levels.length - 2)));
  const total = raw.reduce((sum, x) => sum + x, 0);
  return raw.map((x) => x / total);
}
