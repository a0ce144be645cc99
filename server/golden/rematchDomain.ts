/**
 * Re-match a whole domain (after a rules change or a bulk load) as a resumable background job:
 *   1. re-index every source record under the published rules (ends stale match-index entries);
 *   2. match every source record against the other golden records through the index and apply
 *      what the rules decide through the golden-record use cases: an auto-merge merges the two
 *      golden records, a review opens a potential-match task (unless one is open for the record).
 * Steward decisions are never undone: nothing is unmerged, and a pair covered by a not-a-match
 * decision (record ↔ record, or record ↔ golden record after an unmerge) is neither merged nor
 * proposed, whatever the rules version — a rules change is no reason to ask a steward again.
 * Merges that would join a vetoed pair of members go to review instead.
 */
import { systemActor } from '../audit/auditLog';
import { mergeGoldenRecords } from './mergeGoldenRecords';
import { insertTask } from '../stewardship/newTask';
import { GOLDEN_RECORDS, SOURCE_RECORDS } from './collections';
import { NOT_A_MATCH, TASKS } from '../stewardship/collections';
import { findGolden } from './goldenStore';
import { storeMatchDecision } from './matchDecisions';
import type { GoldenActor, GoldenRecordDocument, SourceRecordDocument } from './types';
import type { JobHandler } from '../jobs/types';
import type { AppServices } from '../services';
import { reviewClustersAround } from '../stewardship/clusterTasks';
import type { NotAMatchDocument } from '../stewardship/types';
import { DuplicateKeyError, type Store } from '../store/types';
import { matchRecord, type MatchDecision } from '../matching/candidates';
import { indexRecords } from '../matching/matchIndex';
import type { CompiledRules } from '../matching/rules';
import { assertMatchingDomain } from '../matching/ruleSets/commands';
import { publishedRules } from '../matching/ruleSets/queries';
import { scorePair } from '../matching/scoring';
import { present } from '../invariant';

export const REMATCH_JOB = 'matching.rematch';
const INDEX_CHUNK = 500;
const REPORT_EVERY = 200;
/** Member pairs checked for vetoes before an automatic merge (larger golden records go to review). */
const MAX_VETO_CHECKS = 400;

export interface RematchJobParams {
  domain: string;
  reason: string;
  actor: GoldenActor;
  [key: string]: unknown;
}

export interface RematchCheckpoint {
  phase: 'indexing' | 'matching';
  /** Last source record id handled in the current phase. */
  lastId: string;
  indexed: number;
  matched: number;
  merged: number;
  tasksOpened: number;
  excludedByNotAMatch: number;
  vetoedMerges: number;
  rulesVersion: string;
}

/** Queues a re-match of `domain`; the job's progress counts source records (twice: indexing, matching). */
export async function startRematchJob(services: Pick<AppServices, 'store' | 'jobs'>, input: RematchJobParams) {
  assertMatchingDomain(input.domain);
  const records = await services.store.collection(SOURCE_RECORDS).countDocuments({ domain: input.domain });
  return services.jobs.enqueue({ type: REMATCH_JOB, params: input, createdBy: input.actor.keyId, total: records * 2 });
}

/** Ids the record must not be merged with or proposed for: every not-a-match pair naming it or its golden record. */
async function exclusionsOf(store: Store, ids: string[]): Promise<Set<string>> {
  const collection = store.collection<NotAMatchDocument>(NOT_A_MATCH);
  const pairs = [...(await collection.find({ a: { $in: ids } })), ...(await collection.find({ b: { $in: ids } }))];
  return new Set(pairs.map((pair) => (ids.includes(pair.a) ? pair.b : pair.a)));
}

/** Whether any member of one golden record has a not-a-match pair or a vetoed comparison with a member of the other. */
async function hasCannotLink(args: {
  store: Store;
  rules: CompiledRules;
  x: GoldenRecordDocument;
  y: GoldenRecordDocument;
}): Promise<'not-a-match' | 'veto' | 'too-large' | null> {
  const { x, y } = args;
  const excluded = await exclusionsOf(args.store, [...x.sourceRecordIds, x._id]);
  if (excluded.has(y._id) || y.sourceRecordIds.some((id) => excluded.has(id))) return 'not-a-match';
  const excludedOther = await exclusionsOf(args.store, [y._id]);
  if (excludedOther.has(x._id) || x.sourceRecordIds.some((id) => excludedOther.has(id))) return 'not-a-match';
  if (x.sourceRecordIds.length * y.sourceRecordIds.length > MAX_VETO_CHECKS) return 'too-large';
  const members = await args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .find({ _id: { $in: [...x.sourceRecordIds, ...y.sourceRecordIds] } });
  const ofX = members.filter((m) => x.sourceRecordIds.includes(m._id));
  const ofY = members.filter((m) => y.sourceRecordIds.includes(m._id));
  for (const a of ofX) {
    for (const b of ofY) {
      const explanation = scorePair({
        a: { ...a.canonical, sourceId: a.sourceId },
        b: { ...b.canonical, sourceId: b.sourceId },
        rules: args.rules,
      });
      if (explanation.hardRule?.action === 'veto') return 'veto';
    }
  }
  return null;
}

async function sortedRecordIds(store: Store, domain: string, after: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const record of store.collection<SourceRecordDocument>(SOURCE_RECORDS).iterate({ domain }, { projection: { _id: 1 } }))
    if (record._id > after) ids.push(record._id);
  return ids.sort();
}

async function openReviewTask(args: {
  store: Store;
  rules: CompiledRules;
  /** The rule the task is audited under (as the decision). */
  rule: string;
  record: SourceRecordDocument;
  decision: MatchDecision;
  note: string;
}): Promise<boolean> {
  const { store, record, decision, rules } = args;
  const open = await store.collection(TASKS).findOne({ type: 'potential-match', status: 'open', 'subject.sourceRecordId': record._id });
  if (open) return false;
  let candidates = decision.candidates
    .slice(0, 10)
    .map((c) => ({ goldenId: c.goldenId, score: c.score, band: c.band, explanation: c.explanation }));
  if (rules.rules.clusterReview) {
    // As at ingest: candidates in the record's cluster task are reviewed there, not pairwise.
    const clusters = await store.withTransaction((session) =>
      reviewClustersAround({ store, session, rules, goldenIds: [record.goldenId], source: record.source, at: new Date().toISOString() }),
    );
    const own = clusters.clusterOf.get(record.goldenId);
    if (own) candidates = candidates.filter((c) => clusters.clusterOf.get(c.goldenId) !== own);
    if (candidates.length === 0) return false;
  }
  try {
    await insertTask({
      store,
      fields: {
        type: 'potential-match',
        domain: record.domain,
        source: record.source,
        subject: { sourceRecordId: record._id, goldenId: record.goldenId },
        candidates,
      },
      rule: args.rule,
      note: args.note,
    });
  } catch (error) {
    // Another server opened it between the check and the insert: the unique open-task key refused ours.
    if (error instanceof DuplicateKeyError) return false;
    throw error;
  }
  return true;
}

/** Matches one source record and applies the decision; returns what happened. */
async function rematchRecord(args: {
  services: Pick<AppServices, 'store'>;
  rules: CompiledRules;
  recordId: string;
  reason: string;
  state: RematchCheckpoint;
}): Promise<void> {
  const { services, rules, state } = args;
  const { store } = services;
  const record = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: args.recordId });
  if (!record?.goldenId) return;
  const own = await findGolden({ store, id: record.goldenId });
  if (!own || own.status !== 'active') return;
  const excluded = await exclusionsOf(store, [record._id, own._id]);
  let stewardExcluded = 0;
  const decision = await matchRecord({
    store,
    rules,
    record: { ...record.canonical, sourceId: record.sourceId },
    recordId: record._id,
    // Members of its own golden record are not candidates; neither is anything a steward ruled out.
    notAMatch: (pair) => {
      if (pair.goldenId === own._id) return true;
      const isExcluded = excluded.has(pair.candidateRecordId) || excluded.has(pair.goldenId);
      if (isExcluded) stewardExcluded++;
      return isExcluded;
    },
  });
  state.excludedByNotAMatch += stewardExcluded;
  if (decision.decision === 'no-match' || !decision.best) {
    // Cluster edges may lie below the review band (names alone): the cluster is raised all the same.
    if (rules.rules.clusterReview)
      await store.withTransaction((session) =>
        reviewClustersAround({ store, session, rules, goldenIds: [own._id], source: record.source, at: new Date().toISOString() }),
      );
    return;
  }
  const rule = `${rules.version}:${decision.best.explanation.hardRule?.name ?? (decision.isAmbiguous ? 'ambiguous-auto-merge' : decision.decision)}`;
  // Every decision the job acts on is stored with its explanation, like ingest-time decisions.
  const storeDecision = (outcome: 'merged' | 'review', goldenId: string) =>
    store.withTransaction((session) =>
      storeMatchDecision({
        store,
        session,
        domain: record.domain,
        sourceRecordId: record._id,
        goldenId,
        outcome,
        trigger: 'rematch',
        rulesVersion: rules.version,
        decision,
        actor: systemActor(rule),
        at: new Date().toISOString(),
      }),
    );
  if (decision.decision === 'review') {
    if (await openReviewTask({ store, rules, rule, record, decision, note: `Re-match under ${rules.version}: ${args.reason}` }))
      state.tasksOpened++;
    await storeDecision('review', own._id);
    return;
  }
  const target = await findGolden({ store, id: decision.best.goldenId });
  if (!target || target.status !== 'active' || target._id === own._id) return;
  const cannotLink = await hasCannotLink({ store, rules, x: own, y: target });
  if (cannotLink) {
    state.vetoedMerges++;
    if (
      await openReviewTask({
        store,
        rules,
        rule,
        record,
        decision,
        note: `Re-match under ${rules.version}: automatic merge refused (${cannotLink} between members).`,
      })
    )
      state.tasksOpened++;
    await storeDecision('review', own._id);
    return;
  }
  // The golden record with more source records keeps its id (fewer ids move); ties keep the match's.
  const [survivor, merged] = own.sourceRecordIds.length > target.sourceRecordIds.length ? [own, target] : [target, own];
  await mergeGoldenRecords(services, {
    survivorId: survivor._id,
    mergedId: merged._id,
    domain: record.domain,
    actor: systemActor(rule),
    reason: `automatic re-match of ${record._id} (score ${decision.best.score}): ${args.reason}`,
  });
  await storeDecision('merged', survivor._id);
  state.merged++;
}

/** The re-match job: resumable by phase and last source record id. */
export const rematchDomainJob: JobHandler<RematchJobParams> = {
  type: REMATCH_JOB,
  async run({ job, services, checkpoint, report, signal }) {
    const { domain } = job.params;
    const rules = await publishedRules({ store: services.store, domain });
    const saved = checkpoint as RematchCheckpoint | undefined;
    // A checkpoint from other rules would mix versions: start over.
    const state: RematchCheckpoint =
      saved && saved.rulesVersion === rules.version
        ? saved
        : {
            phase: 'indexing',
            lastId: '',
            indexed: 0,
            matched: 0,
            merged: 0,
            tasksOpened: 0,
            excludedByNotAMatch: 0,
            vetoedMerges: 0,
            rulesVersion: rules.version,
          };
    const total = (await services.store.collection(SOURCE_RECORDS).countDocuments({ domain })) * 2;
    const progress = () => ({ done: state.indexed + state.matched, total, phase: state.phase });

    if (state.phase === 'indexing') {
      const ids = await sortedRecordIds(services.store, domain, state.lastId);
      for (let i = 0; i < ids.length; i += INDEX_CHUNK) {
        signal.throwIfAborted();
        const chunk = ids.slice(i, i + INDEX_CHUNK);
        const records = await services.store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ _id: { $in: chunk } });
        const entries = records
          .filter((r) => r.goldenId)
          .map((r) => ({ recordId: r._id, goldenId: r.goldenId, record: { ...r.canonical, sourceId: r.sourceId } }));
        await services.store.withTransaction((session) => indexRecords({ store: services.store, rules, entries, session }));
        state.indexed += chunk.length;
        state.lastId = present(chunk.at(-1), 'the last id of a non-empty chunk');
        await report(progress(), state);
      }
      state.phase = 'matching';
      state.lastId = '';
      await report(progress(), state);
    }

    const ids = await sortedRecordIds(services.store, domain, state.lastId);
    for (const id of ids) {
      signal.throwIfAborted();
      await rematchRecord({ services, rules, recordId: id, reason: job.params.reason, state });
      state.matched++;
      state.lastId = id;
      if (state.matched % REPORT_EVERY === 0) await report(progress(), state);
    }
    await report({ ...progress(), phase: 'done' }, state);
    const active = await services.store.collection(GOLDEN_RECORDS).countDocuments({ domain, status: 'active' });
    return {
      rulesVersion: rules.version,
      indexed: state.indexed,
      matched: state.matched,
      merged: state.merged,
      tasksOpened: state.tasksOpened,
      excludedByNotAMatch: state.excludedByNotAMatch,
      mergesRefused: state.vetoedMerges,
      activeGoldenRecords: active,
    };
  },
};
