/**
 * The entry point ingest calls for every accepted source record (inside its transaction): a new
 * record is matched and placed; an updated record recomputes its golden record — and, when it is
 * the only member, is re-matched first (an auto-merge then merges its golden record into the match).
 */
import { recordAudit, systemActor } from '../audit/auditLog';
import { indexRecord } from '../matching';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { SOURCE_RECORDS, TASKS } from './collections';
import { findGolden, inTransaction } from './goldenStore';
import { asCanonical, fingerprintRecord, matchSourceRecord, notAMatchExclusions, rulesFor } from './goldenMatching';
import { ruleOf, storeMatchDecision, taskCandidates } from './matchDecisions';
import { mergeLoadedGoldenRecords } from './mergeGoldenRecords';
import { placeSourceRecord } from './placement';
import { recomputeGolden } from './recompute';
import { linkRelationships } from './relationships';
import { isSameJson } from './stableJson';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import { openTask } from './tasks';
import type { GoldenActor, GoldenRecordDocument, MatchDecisionDocument, SourceRecordDocument } from './types';

export type ApplyOutcome = 'created' | 'merged' | 'updated' | 'unchanged' | 'review';

export interface ApplySourceRecordResult {
  goldenId: string;
  outcome: ApplyOutcome;
  /** The stored matching decision, or null when no matching ran (update of a shared record, no-op). */
  decision: MatchDecisionDocument | null;
}

/** Follows `mergedInto` pointers to the active golden record (null when none is reachable). */
async function activeGolden(args: { services: Pick<AppServices, 'store'>; id: string; session: StoreSession }): Promise<GoldenRecordDocument | null> {
  let golden = await findGolden({ store: args.services.store, id: args.id, session: args.session });
  for (let hops = 0; golden && golden.status !== 'active' && golden.mergedInto && hops < 32; hops++) {
    golden = await findGolden({ store: args.services.store, id: golden.mergedInto, session: args.session });
  }
  return golden && golden.status === 'active' ? golden : null;
}

/** Applies one accepted source record to the golden records of its domain. */
export async function applySourceRecord(
  services: Pick<AppServices, 'store'>,
  input: { sourceRecord: SourceRecordDocument; previous?: SourceRecordDocument | null; actor: GoldenActor; session?: StoreSession },
): Promise<ApplySourceRecordResult> {
  const { store } = services;
  const record = input.sourceRecord;
  const rules = await rulesFor(record.domain);
  const config = loadSurvivorshipConfig(record.domain);
  return inTransaction(store, input.session, async (session) => {
    const at = new Date().toISOString();
    const stored = input.previous ?? (await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: record._id }, { session }));
    const knownGoldenId = input.previous?.goldenId || record.goldenId || stored?.goldenId;
    const golden = knownGoldenId ? await activeGolden({ services, id: knownGoldenId, session }) : null;
    const canonical = asCanonical(record.canonical, record.sourceId);
    const fingerprint = fingerprintRecord(canonical, rules);

    if (!golden) {
      const excludedIds = await notAMatchExclusions({ store, session, recordId: record._id, fingerprint });
      const placed = await placeSourceRecord({ store, session, rules, config, record, excludedIds, actor: input.actor, trigger: 'ingest', at });
      return { goldenId: placed.goldenId, outcome: placed.outcome, decision: placed.decision };
    }

    const isMember = golden.sourceRecordIds.includes(record._id);
    if (isMember && stored && stored.payloadHash === record.payloadHash && isSameJson(stored.canonical, record.canonical)) {
      return { goldenId: golden._id, outcome: 'unchanged', decision: null };
    }
    const updated: SourceRecordDocument = { ...record, goldenId: golden._id };
    await store.collection<SourceRecordDocument>(SOURCE_RECORDS).replaceOne({ _id: record._id }, updated, { upsert: true, session });
    await indexRecord({ store, rules, recordId: record._id, goldenId: golden._id, record: canonical, session });
    const memberIds = isMember ? golden.sourceRecordIds : [...golden.sourceRecordIds, record._id];

    let decision: MatchDecisionDocument | null = null;
    if (memberIds.length === 1) {
      // Alone in its golden record: the update may have made it a duplicate of another one.
      const excludedIds = await notAMatchExclusions({ store, session, recordId: record._id, goldenId: golden._id, fingerprint });
      excludedIds.add(golden._id);
      const matched = await matchSourceRecord({ store, session, rules, recordId: record._id, record: canonical, excludedIds });
      const target = matched.best && matched.decision === 'auto-merge' ? await findGolden({ store, id: matched.best.goldenId, session }) : null;
      const rule = ruleOf(matched, rules.version);
      if (target && target.status === 'active' && target._id !== golden._id) {
        // Bring the golden record up to date first, so the merge history shows the update.
        const { golden: refreshed } = await recomputeGolden({
          store, session, before: golden, goldenId: golden._id, domain: golden.domain, sourceRecordIds: memberIds, overrides: golden.overrides,
          config, cause: 'ingest', changeType: 'updated', actor: input.actor, note: `Source record ${record._id} updated.`, at, knownMembers: [updated],
        });
        const merge = await mergeLoadedGoldenRecords({ store, session, survivor: target, merged: refreshed, actor: systemActor(rule), reason: `automatic re-match of updated ${record._id} (score ${matched.best?.score ?? 0})`, at });
        decision = await storeMatchDecision({ store, session, domain: record.domain, sourceRecordId: record._id, goldenId: merge.survivor._id, outcome: 'merged', trigger: 'update', rulesVersion: rules.version, decision: matched, actor: input.actor, at });
        await linkRelationships({ store, session, record: { ...updated, goldenId: merge.survivor._id }, config, hints: matched.relationships, at });
        await recordAudit({ store, session, actor: systemActor(rule), action: 'golden.match', target: { type: 'sourceRecord', id: record._id, domain: record.domain }, after: { goldenId: merge.survivor._id, outcome: 'merged', band: matched.decision, score: decision.score, decisionId: decision._id, requestedBy: input.actor }, at });
        return { goldenId: merge.survivor._id, outcome: 'merged', decision };
      }
      const outcome = matched.decision === 'review' ? 'review' : 'updated';
      decision = await storeMatchDecision({ store, session, domain: record.domain, sourceRecordId: record._id, goldenId: golden._id, outcome, trigger: 'update', rulesVersion: rules.version, decision: matched, actor: input.actor, at });
      if (outcome === 'review') {
        const open = await store.collection(TASKS).findOne({ type: 'potential-match', status: 'open', 'subject.sourceRecordId': record._id }, { session });
        if (!open) await openTask({ store, session, type: 'potential-match', domain: record.domain, source: record.source, subject: { sourceRecordId: record._id, goldenId: golden._id }, candidates: taskCandidates(matched), at });
      }
      await recordAudit({ store, session, actor: systemActor(rule), action: 'golden.match', target: { type: 'sourceRecord', id: record._id, domain: record.domain }, after: { goldenId: golden._id, outcome, band: matched.decision, score: decision.score, decisionId: decision._id, requestedBy: input.actor }, at });
    }
    const { isChanged } = await recomputeGolden({
      store, session, before: golden, goldenId: golden._id, domain: golden.domain, sourceRecordIds: memberIds, overrides: golden.overrides,
      config, cause: 'ingest', changeType: 'updated', actor: input.actor, note: `Source record ${record._id} updated.`, at, knownMembers: [updated],
    });
    await linkRelationships({ store, session, record: updated, config, hints: [], at });
    const outcome: ApplyOutcome = decision?.outcome === 'review' ? 'review' : isChanged ? 'updated' : 'unchanged';
    return { goldenId: golden._id, outcome, decision };
  });
}
