/**
 * Placing a source record that has no golden record (new, or split off by an unmerge): match it
 * through the blocking index, then join the best golden record (auto-merge band), or get a golden
 * record of its own — with a potential-match task in the review band. Every decision is stored and
 * audited under the rule that made it.
 */
import { systemActor } from '../audit/auditLog';
import { indexRecord, type CompiledRules, type IncomingPreparation, type MatchDecision } from '../matching';
import type { CanonicalRecord } from '../matching/types';
import type { Store, StoreSession } from '../store/types';
import { SOURCE_RECORDS } from './collections';
import { findGolden, newGoldenId } from './goldenStore';
import { asCanonical, matchSourceRecord } from './goldenMatching';
import { auditMatchDecision, ruleOf, storeMatchDecision, taskCandidates } from './matchDecisions';
import { recomputeGolden } from './recompute';
import { linkRelationships } from './relationships';
import type { SurvivorshipConfig } from './survivorshipConfig';
import { insertTask } from '../stewardship/newTask';
import { reviewClustersAround } from '../stewardship/clusterTasks';
import { transitiveCandidates } from './transitiveReview';
import type { GoldenActor, GoldenRecordDocument, MatchDecisionDocument, SourceRecordDocument } from './types';

export interface PlacementResult {
  goldenId: string;
  outcome: 'created' | 'merged' | 'review';
  decision: MatchDecisionDocument;
  golden: GoldenRecordDocument;
}

/** Drops candidates whose golden record is gone or retired (the index lags only on failures). */
async function liveDecision(args: {
  store: Store;
  session: StoreSession;
  decision: MatchDecision;
}): Promise<{ decision: MatchDecision; target: GoldenRecordDocument | null }> {
  const { decision } = args;
  if (!decision.best) return { decision, target: null };
  const target = await findGolden({ store: args.store, id: decision.best.goldenId, session: args.session });
  if (target && target.status === 'active') return { decision, target };
  const candidates = decision.candidates.filter((c) => c.goldenId !== decision.best?.goldenId);
  return {
    decision: { ...decision, candidates, best: candidates[0] ?? null, decision: candidates.length > 0 ? 'review' : 'no-match' },
    target: null,
  };
}

/** Matches and places a source record; writes it with its golden id, indexes it, links its relationships. */
export async function placeSourceRecord(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  config: SurvivorshipConfig;
  record: SourceRecordDocument;
  /** The record's canonical form already prepared under `rules` (`prepareIncoming`); prepared here when omitted. */
  preparation?: IncomingPreparation;
  /** The record as the engine sees it (`asCanonical` of its canonical form) when the caller made it already; made here when omitted. */
  canonical?: CanonicalRecord;
  excludedIds: ReadonlySet<string>;
  actor: GoldenActor;
  trigger: MatchDecisionDocument['trigger'];
  /** History note for a record created by this placement (e.g. why an unmerge split it off). */
  createdNote?: string;
  at: string;
}): Promise<PlacementResult> {
  const { store, session, rules, record, at } = args;
  const canonical = args.canonical ?? asCanonical(record.canonical, record.sourceId);
  const matched = await matchSourceRecord({
    store,
    session,
    rules,
    recordId: record._id,
    record: canonical,
    excludedIds: args.excludedIds,
    preparation: args.preparation,
  });
  const { decision, target } = await liveDecision({ store, session, decision: matched });
  const rule = ruleOf(decision, rules.version);
  const isJoining = decision.decision === 'auto-merge' && target !== null;
  const goldenId = isJoining && target ? target._id : newGoldenId(record.domain);
  const placed: SourceRecordDocument = { ...record, goldenId };
  // Handed over: from here on `placed` (and the record's raw and canonical objects in it) is only read — by
  // survivorship, relationship links and the caller — so the embedded store keeps it instead of copying it.
  await store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .replaceOne({ _id: record._id }, placed, { upsert: true, session, isHandedOver: true });
  await indexRecord({ store, rules, recordId: record._id, goldenId, record: canonical, preparation: args.preparation, session });

  let golden: GoldenRecordDocument;
  if (isJoining && target) {
    ({ golden } = await recomputeGolden({
      store,
      session,
      before: target,
      goldenId,
      domain: record.domain,
      sourceRecordIds: [...target.sourceRecordIds, record._id],
      overrides: target.overrides,
      config: args.config,
      knownMembers: [placed],
      cause: args.trigger === 'unmerge' ? 'unmerge' : 'ingest',
      changeType: 'updated',
      actor: systemActor(rule),
      note: `${record._id} joined by automatic match (score ${decision.best?.score ?? 0}).`,
      at,
    }));
  } else {
    ({ golden } = await recomputeGolden({
      store,
      session,
      before: null,
      goldenId,
      domain: record.domain,
      sourceRecordIds: [record._id],
      overrides: {},
      config: args.config,
      knownMembers: [placed],
      cause: args.trigger === 'unmerge' ? 'unmerge' : 'ingest',
      changeType: 'created',
      actor: args.trigger === 'unmerge' ? args.actor : systemActor(rule),
      note:
        args.createdNote ??
        (decision.decision === 'review' ? 'Created pending review of a potential match.' : 'Created: no existing golden record matched.'),
      at,
    }));
  }
  const outcome: PlacementResult['outcome'] = isJoining ? 'merged' : decision.decision === 'review' ? 'review' : 'created';
  let candidates = taskCandidates(decision);
  if (rules.rules.clusterReview) {
    // Name-only evidence (as the rules define it) is reviewed as whole clusters; candidates inside the
    // record's cluster need no pairwise task of their own.
    const clusters = await reviewClustersAround({ store, session, rules, goldenIds: [goldenId], source: record.source, at });
    const own = clusters.clusterOf.get(goldenId);
    if (own) candidates = candidates.filter((c) => clusters.clusterOf.get(c.goldenId) !== own);
  }
  // A record that joined one golden record but also reached the review band with others asks a
  // steward whether those are the same thing too (otherwise the evidence is dropped with the merge).
  if (isJoining) candidates = candidates.filter((c) => c.goldenId !== goldenId && c.band !== 'no-match');
  // Review evidence passed on through a shared golden record (rules' transitiveReview): only for a record
  // left on its own in the review band — one that joined a golden record reaches the others through it.
  if (rules.rules.transitiveReview && outcome === 'review' && candidates.length > 0) {
    const via = await transitiveCandidates({
      store,
      session,
      rules,
      record: canonical,
      recordId: record._id,
      goldenId,
      candidates,
      excludedIds: args.excludedIds,
    });
    candidates = [...candidates, ...via];
  }
  if ((outcome === 'review' || outcome === 'merged') && candidates.length > 0) {
    await insertTask({
      store,
      session,
      fields: {
        type: 'potential-match',
        domain: record.domain,
        source: record.source,
        subject: { sourceRecordId: record._id, goldenId },
        candidates,
      },
      rule,
      note: decision.isAmbiguous ? 'Several golden records reached the auto-merge band.' : undefined,
      at,
    });
  }
  await linkRelationships({ store, session, record: placed, config: args.config, hints: decision.relationships, at });
  const stored = await storeMatchDecision({
    store,
    session,
    domain: record.domain,
    sourceRecordId: record._id,
    goldenId,
    outcome,
    trigger: args.trigger,
    rulesVersion: rules.version,
    decision,
    actor: args.actor,
    at,
  });
  await auditMatchDecision({ store, session, rule, decision: stored, requestedBy: args.actor, at });
  return { goldenId, outcome, decision: stored, golden };
}
