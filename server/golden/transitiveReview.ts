/**
 * Transitive review evidence (a rule set's `transitiveReview`): a record that reaches review against a
 * golden record G is also proposed against the other golden records whose records reached review
 * against G earlier (subjects of open potential-match tasks naming G), when nothing between the two
 * records conflicts. Read with one indexed task query (subjects only), scored from the match index;
 * the result is extra task candidates — never a merge, and no other task changes. The other direction
 * (review candidates of G's own task) doubled the ingest cost for a little more recall: left out.
 */
import { loadTermWeights, MATCH_INDEX, prepareRecord, readEntry, scorePair, type CompiledRules, type MatchIndexEntry } from '../matching';
import type { CanonicalRecord } from '../matching/types';
import type { Store, StoreSession } from '../store/types';
import { conditionHolds } from '../stewardship/clusterGraph';
import { TASKS } from '../stewardship/collections';
import type { TaskCandidate, TaskDocument } from '../stewardship/types';

const DEFAULT_MAX_CANDIDATES = 10;

/** Candidates to add to a record's potential-match task through golden records it shares review with. */
export async function transitiveCandidates(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  record: CanonicalRecord;
  recordId: string;
  goldenId: string;
  candidates: readonly TaskCandidate[];
  excludedIds: ReadonlySet<string>;
}): Promise<TaskCandidate[]> {
  const rule = args.rules.rules.transitiveReview;
  const shared = args.candidates.filter((c) => c.band === 'review').map((c) => c.goldenId);
  if (!rule || shared.length === 0) return [];
  const domain = args.rules.domain;
  const tasks = args.store.collection<TaskDocument>(TASKS);
  const open = (task: TaskDocument) => task.status === 'open' && task.type === 'potential-match' && task.domain === domain;
  const viaOf = new Map<string, readonly string[]>();
  // Tasks naming a shared golden record as a candidate: only their subjects are read (candidates carry
  // whole explanations, and many tasks may name one popular golden record).
  const naming = await tasks.find(
    { 'candidates.goldenId': { $in: shared }, status: 'open' },
    { session: args.session, projection: { subject: 1, type: 1, domain: 1, status: 1 } },
  );
  for (const task of naming.filter(open)) {
    const other = task.subject.goldenId;
    if (other && !viaOf.has(other)) viaOf.set(other, shared);
  }
  const known = new Set([args.goldenId, ...args.candidates.map((c) => c.goldenId)]);
  const others = [...viaOf.keys()]
    .filter((id) => !known.has(id) && !args.excludedIds.has(id))
    .slice(0, rule.maxCandidates ?? DEFAULT_MAX_CANDIDATES);
  if (others.length === 0) return [];

  // The record's own entry (just indexed under its golden record) comes with the others: no second preparation.
  const fetched = await args.store
    .collection<MatchIndexEntry>(MATCH_INDEX)
    .find({ domain, goldenId: { $in: [...others, args.goldenId] } }, { session: args.session })
    .then((found) => found.map((entry) => readEntry(entry)));
  const entries = fetched.filter((entry) => entry.goldenId !== args.goldenId && !args.excludedIds.has(entry.recordId));
  if (entries.length === 0) return [];
  const prepared = fetched.find((entry) => entry.recordId === args.recordId)?.prepared ?? prepareRecord(args.record, args.rules);
  const context = await loadTermWeights({
    store: args.store,
    compiled: args.rules,
    prepared: [prepared, ...entries.map((e) => e.prepared)],
    session: args.session,
  });
  const added: TaskCandidate[] = [];
  for (const goldenId of others) {
    const members = entries.filter((entry) => entry.goldenId === goldenId);
    if (members.length === 0) continue;
    const explanations = members.map((entry) => scorePair({ a: prepared, b: entry.prepared, rules: args.rules, context }));
    // Every member must be free of conflict with the record: one golden record is one thing.
    const isConflicting = explanations.some(
      (explanation) =>
        explanation.hardRule?.action === 'veto' || rule.unlessAny.some((condition) => conditionHolds(condition, explanation)),
    );
    if (isConflicting) continue;
    const best = explanations.reduce((x, y) => (y.score > x.score ? y : x));
    added.push({ goldenId, score: best.score, band: 'review', explanation: best, via: [...(viaOf.get(goldenId) ?? [])] });
  }
  return added;
}
