/**
 * Re-matching a source record that is alone in its golden record after an update: the change may
 * have made it a duplicate. An auto-merge merges its golden record into the match (the match's id
 * survives); review opens a potential-match task unless one is open for the record already.
 */
import { systemActor } from '../audit/auditLog';
import type { CompiledRules, IncomingPreparation } from '../matching';
import type { CanonicalRecord } from '../matching/types';
import type { Store, StoreSession } from '../store/types';
import { TASKS } from '../stewardship/collections';
import { findGolden } from './goldenStore';
import { matchSourceRecord, notAMatchExclusions } from './goldenMatching';
import { auditMatchDecision, ruleOf, storeMatchDecision, taskCandidates } from './matchDecisions';
import { mergeLoadedGoldenRecords } from './mergeGoldenRecords';
import { recomputeGolden } from './recompute';
import { linkRelationships } from './relationships';
import type { SurvivorshipConfig } from './survivorshipConfig';
import { insertTask } from '../stewardship/newTask';
import type { GoldenActor, GoldenRecordDocument, MatchDecisionDocument, SourceRecordDocument } from './types';

/** Re-matches `record` (already written and indexed under `golden`); returns the decision and, on a merge, the survivor. */
export async function rematchLoneRecord(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  config: SurvivorshipConfig;
  golden: GoldenRecordDocument;
  /** The golden record's members including `record`. */
  memberIds: string[];
  record: SourceRecordDocument;
  canonical: CanonicalRecord;
  /** `canonical` already prepared under `rules` (`prepareIncoming`). */
  preparation?: IncomingPreparation;
  /** The record's fingerprint, or a function computing it (needed only when a not-a-match pair names it). */
  fingerprint: string | (() => string);
  actor: GoldenActor;
  at: string;
}): Promise<{ decision: MatchDecisionDocument; survivorId?: string }> {
  const { store, session, rules, golden, record, at } = args;
  const excludedIds = await notAMatchExclusions({
    store,
    session,
    rules,
    recordId: record._id,
    goldenId: golden._id,
    fingerprint: args.fingerprint,
  });
  excludedIds.add(golden._id);
  const matched = await matchSourceRecord({
    store,
    session,
    rules,
    recordId: record._id,
    record: args.canonical,
    excludedIds,
    preparation: args.preparation,
  });
  const rule = ruleOf(matched, rules.version);
  const target = matched.best && matched.decision === 'auto-merge' ? await findGolden({ store, id: matched.best.goldenId, session }) : null;
  const base = {
    store,
    session,
    domain: record.domain,
    sourceRecordId: record._id,
    trigger: 'update' as const,
    rulesVersion: rules.version,
    decision: matched,
    actor: args.actor,
    at,
  };

  if (target && target.status === 'active' && target._id !== golden._id) {
    // Bring the golden record up to date first, so its history shows the update before the merge.
    const { golden: refreshed } = await recomputeGolden({
      store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: args.memberIds,
      overrides: golden.overrides,
      config: args.config,
      cause: 'ingest',
      changeType: 'updated',
      actor: args.actor,
      note: `Source record ${record._id} updated.`,
      at,
      knownMembers: [record],
    });
    const reason = `automatic re-match of updated ${record._id} (score ${matched.best?.score ?? 0})`;
    const merge = await mergeLoadedGoldenRecords({
      store,
      session,
      survivor: target,
      merged: refreshed,
      actor: systemActor(rule),
      reason,
      at,
    });
    const decision = await storeMatchDecision({ ...base, goldenId: merge.survivor._id, outcome: 'merged' });
    await linkRelationships({
      store,
      session,
      record: { ...record, goldenId: merge.survivor._id },
      config: args.config,
      hints: matched.relationships,
      at,
    });
    await auditMatchDecision({ store, session, rule, decision, requestedBy: args.actor, at });
    return { decision, survivorId: merge.survivor._id };
  }

  const outcome = matched.decision === 'review' ? 'review' : 'updated';
  const decision = await storeMatchDecision({ ...base, goldenId: golden._id, outcome });
  if (outcome === 'review') {
    const open = await store
      .collection(TASKS)
      .findOne({ type: 'potential-match', status: 'open', 'subject.sourceRecordId': record._id }, { session });
    if (!open) {
      await insertTask({
        store,
        session,
        fields: {
          type: 'potential-match',
          domain: record.domain,
          source: record.source,
          subject: { sourceRecordId: record._id, goldenId: golden._id },
          candidates: taskCandidates(matched),
        },
        rule,
        at,
      });
    }
  }
  await auditMatchDecision({ store, session, rule, decision, requestedBy: args.actor, at });
  return { decision };
}
