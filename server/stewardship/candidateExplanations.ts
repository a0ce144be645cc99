/**
 * Explanations of potential-match candidates computed from the values the steward sees side by side.
 *
 * The task's stored explanation is what matching saw when it decided: the new record against the
 * best-scoring MEMBER of the candidate golden record, prepared under the rules of that moment. The
 * inbox shows the two GOLDEN records (their surviving, standardised attributes, now). Those differ
 * whenever another member supplies a value (a GTIN the compared member lacks read `missing` while
 * both columns showed one), when the golden records changed since, or when the rules changed. So
 * the explanation a steward reads is recomputed here from exactly the attributes the compare view
 * renders, under the currently published rules; the decision's own explanation stays on the task.
 */
import { GOLDEN_RECORDS } from '../golden/collections';
import { asCanonical, rulesFor } from '../golden/goldenMatching';
import type { GoldenRecordDocument } from '../golden/types';
import { prepareRecord, scorePair, type MatchExplanation, type PreparedRecord } from '../matching';
import { loadTermWeights } from '../matching/termStats';
import type { Store, StoreSession } from '../store/types';
import type { TaskDocument } from './types';

/** Merge chains are short; this bounds a corrupt one. */
const MAX_POINTER_HOPS = 32;

/** Per task id: candidate golden id → the explanation computed from the golden records as shown. */
export type CandidateExplanations = Map<string, Map<string, MatchExplanation>>;

function isExplainable(task: TaskDocument): boolean {
  return task.type === 'potential-match' && typeof task.subject.goldenId === 'string' && (task.candidates?.length ?? 0) > 0;
}

/** Loads golden records by id, following retired records to their active survivor (as the golden read API does). */
async function loadShownGoldens(args: { store: Store; ids: string[]; session?: StoreSession }): Promise<Map<string, GoldenRecordDocument>> {
  const collection = args.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS);
  const byId = new Map<string, GoldenRecordDocument>();
  let missing = [...new Set(args.ids)];
  for (let hops = 0; missing.length > 0 && hops <= MAX_POINTER_HOPS; hops++) {
    for (const golden of await collection.find({ _id: { $in: missing } }, { session: args.session })) byId.set(golden._id, golden);
    missing = [...byId.values()]
      .map((g) => (g.status !== 'active' ? g.mergedInto : undefined))
      .filter((id): id is string => id !== undefined && !byId.has(id));
  }
  const shown = new Map<string, GoldenRecordDocument>();
  for (const id of new Set(args.ids)) {
    let golden = byId.get(id);
    for (let hops = 0; golden && golden.status !== 'active' && golden.mergedInto && hops < MAX_POINTER_HOPS; hops++)
      golden = byId.get(golden.mergedInto);
    if (golden && golden.status === 'active') shown.set(id, golden);
  }
  return shown;
}

/**
 * Explains every candidate of the given potential-match tasks from the subject's and the candidate's
 * golden attributes (the compare view's two columns). A candidate whose golden record is gone, or that
 * is now the subject's own golden record, or of a domain without rules, is left out (the stored
 * decision explanation is all there is).
 */
export async function explainCandidatesAsShown(args: {
  store: Store;
  tasks: readonly TaskDocument[];
  session?: StoreSession;
}): Promise<CandidateExplanations> {
  const explained: CandidateExplanations = new Map();
  const tasks = args.tasks.filter(isExplainable);
  if (tasks.length === 0) return explained;
  const ids = tasks.flatMap((task) => [task.subject.goldenId as string, ...(task.candidates ?? []).map((c) => c.goldenId)]);
  const goldens = await loadShownGoldens({ store: args.store, ids, session: args.session });
  for (const domain of new Set(tasks.map((task) => task.domain))) {
    const rules = await rulesFor({ store: args.store, domain, session: args.session }).catch(() => null);
    if (!rules) continue;
    // Each golden record shown is prepared once, as matching prepares a record.
    const prepared = new Map<string, PreparedRecord>();
    const preparedOf = (golden: GoldenRecordDocument): PreparedRecord => {
      let value = prepared.get(golden._id);
      if (!value) {
        value = prepareRecord(asCanonical(golden.attributes, golden._id), rules);
        prepared.set(golden._id, value);
      }
      return value;
    };
    const pairs: Array<{ taskId: string; goldenId: string; a: PreparedRecord; b: PreparedRecord }> = [];
    for (const task of tasks) {
      if (task.domain !== domain) continue;
      const subject = goldens.get(task.subject.goldenId as string);
      if (!subject) continue;
      explained.set(task._id, new Map());
      for (const candidate of task.candidates ?? []) {
        const shown = goldens.get(candidate.goldenId);
        if (shown && shown._id !== subject._id)
          pairs.push({ taskId: task._id, goldenId: candidate.goldenId, a: preparedOf(subject), b: preparedOf(shown) });
      }
    }
    // Token weights as matching reads them (idf comparators): one read for the page's records.
    const context =
      pairs.length === 0
        ? undefined
        : await loadTermWeights({ store: args.store, compiled: rules, prepared: [...prepared.values()], session: args.session });
    for (const pair of pairs) explained.get(pair.taskId)?.set(pair.goldenId, scorePair({ a: pair.a, b: pair.b, rules, context }));
  }
  return explained;
}
