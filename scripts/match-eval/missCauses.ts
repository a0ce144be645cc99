/**
 * Why a true pair the rules score at review or above when compared directly never reached a steward:
 * for every missed pair of an ingested corpus (readCorpusOutcome), the pair's own comparison under the
 * published rules with the domain's final term weights, and — for those at review or above — where the
 * pair was lost: the two records share no blocking key; the later record's lookup (rarest keys at its
 * arrival, over-collision) did not reach the earlier one; it was compared but scored below review at
 * the time; it was a candidate but no open task holds it (more candidates than a task keeps, a cluster
 * took it, a task closed). Used by `scripts/miss-causes.ts`.
 */
import { MATCH_DECISIONS, SOURCE_RECORDS } from '../../server/golden/collections';
import type { MatchDecisionDocument, SourceRecordDocument } from '../../server/golden/types';
import { loadTermWeights, publishedRules, readEntry, scorePair, type MatchIndexEntry } from '../../server/matching';
import { forEachLookupKey } from '../../server/matching/blocking';
import type { ComparatorExplanation, MatchExplanation } from '../../server/matching/types';
import { collections } from '../../server/matching/matchIndex';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship/types';
import type { Store } from '../../server/store/types';
import type { CorpusRecord, EvaluationCorpus } from './corpus';
import type { FalsePair } from './corpusOutcome';
import { recordsBySource } from './ingestCorpus';

export type MissCause =
  | 'no shared blocking key'
  | 'shared keys not looked up (rarest keys)'
  | 'shared keys over maxBlockSize'
  | 'compared, below review at arrival'
  | 'candidate, not in the task (truncated)'
  | 'candidate, cluster review took it'
  | 'candidate, task closed or revised'
  | 'record not stored';

export interface MissDiagnosis {
  pair: FalsePair;
  band: string;
  score: number;
  cause?: MissCause;
  detail?: string;
  /** For a pair scored below review when compared directly: what held it there (belowReviewCause). */
  below?: string;
  /** For a pair scored below review when compared directly: what would lift it to review alone (reviewLift). */
  lift?: string;
}

/**
 * What holds a pair below review when compared directly, for the tuning helpers: a veto hard rule that fired, no
 * comparator with both sides present, or the comparator that costs the pair most (the most negative match weight of a
 * fellegiSunter model, the largest weight × (1 − score) of a weighted one) with its outcome (`name mismatch`,
 * `address missing`). Coarse on purpose: it counts causes per comparator, and `--list-below` shows the pairs.
 */
export function belowReviewCause(explanation: MatchExplanation): string {
  if (explanation.hardRule?.action === 'veto') return `veto ${explanation.hardRule.name}`;
  const present = explanation.comparators.filter((c) => c.score !== null && (c.weight > 0 || c.matchWeight !== undefined));
  if (present.length === 0) return 'no comparator with both sides';
  const cost = (c: ComparatorExplanation): number => (c.matchWeight !== undefined ? -c.matchWeight : c.weight * (1 - (c.score ?? 0)));
  const worst = present.reduce((x, y) => (cost(y) > cost(x) ? y : x));
  if (cost(worst) <= 0) return 'weak agreement (no comparator against; too little evidence for the prior)';
  return `${worst.name} ${worst.outcome}`;
}

/**
 * What would lift a fellegiSunter pair scored below review to review on its own, a finer stage split than
 * belowReviewCause: `veto <rule>` (a veto decided; whether the score would reach review without it is added),
 * `<comparator> <level>` when neutralising that one comparator's negative weight alone reaches the review threshold
 * (the first such, costliest first), `several against` when only neutralising all negative weights together would,
 * `too little evidence` when even that would not (the pair's agreements are too weak for the prior). Null for a
 * weighted model.
 */
export function reviewLift(explanation: MatchExplanation, reviewThreshold: number): string | null {
  if (explanation.matchWeight === undefined) return null;
  const needed = Math.log2(reviewThreshold / (1 - reviewThreshold));
  const total = explanation.matchWeight;
  const against = explanation.comparators
    .filter((c) => (c.matchWeight ?? 0) < 0)
    .sort((x, y) => (x.matchWeight ?? 0) - (y.matchWeight ?? 0));
  const veto = explanation.hardRule?.action === 'veto' ? `veto ${explanation.hardRule.name}` : null;
  if (veto) return total >= needed ? `${veto} (scored at review)` : `${veto} (scored below review too)`;
  for (const c of against) if (total - (c.matchWeight ?? 0) >= needed) return `${c.name} ${c.level ?? c.outcome}`;
  const withoutAgainst = total - against.reduce((sum, c) => sum + (c.matchWeight ?? 0), 0);
  return withoutAgainst >= needed ? 'several against' : 'too little evidence';
}

/** Diagnoses every missed pair of one ingested corpus domain. */
export async function diagnoseMisses(args: { store: Store; corpus: EvaluationCorpus; missed: FalsePair[] }): Promise<MissDiagnosis[]> {
  const { store, corpus } = args;
  const domain = corpus.domain;
  const rules = await publishedRules({ store, domain });
  const arrival = new Map<string, number>();
  for (const { records } of recordsBySource(corpus)) for (const record of records) arrival.set(record.id, arrival.size);
  const stored = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ domain });
  const storedOf = new Map<string, SourceRecordDocument>();
  const corpusIdOf = new Map(corpus.records.map((r) => [`${r.source}\u0000${r.record.sourceId}`, r.id]));
  for (const record of stored) {
    const id = corpusIdOf.get(`${record.source}\u0000${record.sourceId}`);
    if (id) storedOf.set(id, record);
  }
  const entries = (await collections(store).index.find({ domain })).map((entry) => readEntry(entry));
  const entryOf = new Map<string, MatchIndexEntry>(entries.map((entry) => [entry.recordId, entry]));
  const rankOfRecord = new Map<string, number>();
  for (const [id, record] of storedOf) rankOfRecord.set(record._id, arrival.get(id) ?? 0);
  const decisions = await store.collection<MatchDecisionDocument>(MATCH_DECISIONS).find({ domain });
  const decisionOf = new Map(decisions.map((d) => [d.sourceRecordId, d]));
  const tasks = await store.collection<TaskDocument>(TASKS).find({ domain });
  const tasksOf = new Map<string, TaskDocument[]>();
  for (const task of tasks) {
    const subject = task.subject.sourceRecordId;
    if (subject) tasksOf.set(subject, [...(tasksOf.get(subject) ?? []), task]);
  }
  const ruleIndexOf = new Map(rules.keyRules.map((keyRule, index) => [`${keyRule.rule.name}:`, index]));
  const ruleOfKey = (key: string): number => ruleIndexOf.get(key.slice(0, key.indexOf(':') + 1)) ?? -1;

  const out: MissDiagnosis[] = [];
  for (const pair of args.missed) {
    const [early, late] = (arrival.get(pair.a.id) ?? 0) < (arrival.get(pair.b.id) ?? 0) ? [pair.a, pair.b] : [pair.b, pair.a];
    const e = storedOf.get(early.id);
    const l = storedOf.get(late.id);
    const entryE = e && entryOf.get(e._id);
    const entryL = l && entryOf.get(l._id);
    if (!e || !l || !entryE || !entryL) {
      out.push({ pair, band: 'no-match', score: 0, cause: 'record not stored' });
      continue;
    }
    const context = await loadTermWeights({ store, compiled: rules, prepared: [entryL.prepared, entryE.prepared] });
    const explanation = scorePair({ a: entryL.prepared, b: entryE.prepared, rules, context });
    const diagnosis: MissDiagnosis = { pair: { a: early, b: late }, band: explanation.band, score: explanation.score };
    out.push(diagnosis);
    if (explanation.band === 'no-match') {
      diagnosis.below = belowReviewCause(explanation);
      diagnosis.lift = reviewLift(explanation, rules.rules.thresholds.review) ?? undefined;
      continue;
    }
    const keysE = new Set(entryE.keys);
    const shared = entryL.keys.filter((key) => keysE.has(key));
    if (shared.length === 0) {
      diagnosis.cause = 'no shared blocking key';
      continue;
    }
    // Block sizes at the later record's arrival: the records that arrived before it.
    const lateRank = rankOfRecord.get(l._id) ?? 0;
    const sizes = new Map<string, number>();
    const wanted = new Set(entryL.keys);
    for (const entry of entries) {
      if ((rankOfRecord.get(entry.recordId) ?? Infinity) >= lateRank) continue;
      for (const key of entry.keys) if (wanted.has(key)) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    const keysByRule: string[][] = rules.keyRules.map(() => []);
    for (const key of entryL.keys) keysByRule[ruleOfKey(key)]?.push(key);
    const looked: string[] = [];
    forEachLookupKey({ keyRules: rules.keyRules, keysByRule, sizeOf: (key) => sizes.get(key) ?? 0 }, (key) => looked.push(key));
    const reaching = looked.filter((key) => keysE.has(key));
    const usable = reaching.filter((key) => (sizes.get(key) ?? 0) + 1 <= (rules.keyRules[ruleOfKey(key)]?.rule.maxBlockSize ?? 0));
    if (reaching.length === 0) {
      diagnosis.cause = 'shared keys not looked up (rarest keys)';
      diagnosis.detail = `shared ${shared.map((k) => `${k}(${sizes.get(k) ?? 0})`).join(' ')}; looked up ${looked
        .filter((k) => ruleOfKey(k) === ruleOfKey(shared[0] ?? ''))
        .map((k) => `${k}(${sizes.get(k) ?? 0})`)
        .join(' ')}`;
      continue;
    }
    if (usable.length === 0) {
      diagnosis.cause = 'shared keys over maxBlockSize';
      diagnosis.detail = reaching.map((k) => `${k}(${sizes.get(k) ?? 0})`).join(' ');
      continue;
    }
    const decision = decisionOf.get(l._id);
    const candidate = decision?.candidates.find((c) => c.goldenId === e.goldenId);
    if (!candidate) {
      diagnosis.cause =
        (decision?.candidates.length ?? 0) >= 10 ? 'candidate, not in the task (truncated)' : 'compared, below review at arrival';
      diagnosis.detail = `decision ${decision?.outcome} ${decision?.band} ${decision?.score}, ${decision?.candidates.length} candidates`;
      continue;
    }
    const ownTasks = tasksOf.get(l._id) ?? [];
    diagnosis.cause = ownTasks.some((task) => task.candidates?.some((c) => c.goldenId === e.goldenId))
      ? 'candidate, task closed or revised'
      : 'candidate, cluster review took it';
    diagnosis.detail = ownTasks
      .map((t) => `${t.status}/${t.resolution ?? ''}: ${t.history.map((h) => h.note ?? h.action).join(' | ')}`)
      .join('; ');
  }
  return out;
}

/** A record's label for reports. */
export function shortLabel(record: CorpusRecord): string {
  const canonical = record.record as { description?: unknown; name?: unknown };
  return `${record.source}:${record.record.sourceId} "${String(canonical.description ?? canonical.name ?? '')}"`;
}
