/**
 * The entry point ingest calls for every accepted source record (inside its transaction): a new
 * record is matched and placed; an updated record recomputes its golden record — and, when it is
 * the only member, is re-matched first (an auto-merge then merges its golden record into the match).
 */
import { indexRecord, prepareIncoming, type CompiledRules } from '../matching';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { SOURCE_RECORDS } from './collections';
import { findGolden, inTransaction } from './goldenStore';
import { asCanonical, fingerprintOf, notAMatchExclusions, rulesFor } from './goldenMatching';
import { placeSourceRecord } from './placement';
import { recomputeGolden } from './recompute';
import { rematchLoneRecord } from './rematchLoneRecord';
import { reviewClustersAround } from '../stewardship/clusterTasks';
import { linkRelationships } from './relationships';
import { preparedFor, type OffThreadPreparation } from './preparationThread';
import { isSameJson } from '../stableJson';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import type { GoldenActor, GoldenRecordDocument, MatchDecisionDocument, SourceRecordDocument } from './types';

export type ApplyOutcome = 'created' | 'merged' | 'updated' | 'unchanged' | 'review';

export interface ApplySourceRecordResult {
  goldenId: string;
  outcome: ApplyOutcome;
  /** The stored matching decision, or null when no matching ran (update of a shared record, no-op). */
  decision: MatchDecisionDocument | null;
}

/** Follows `mergedInto` pointers to the active golden record (null when none is reachable). */
async function activeGolden(args: {
  services: Pick<AppServices, 'store'>;
  id: string;
  session: StoreSession;
}): Promise<GoldenRecordDocument | null> {
  let golden = await findGolden({ store: args.services.store, id: args.id, session: args.session });
  for (let hops = 0; golden && golden.status !== 'active' && golden.mergedInto && hops < 32; hops++) {
    golden = await findGolden({ store: args.services.store, id: golden.mergedInto, session: args.session });
  }
  return golden && golden.status === 'active' ? golden : null;
}

/** Applies one accepted source record to the golden records of its domain. */
export async function applySourceRecord(
  services: Pick<AppServices, 'store'>,
  input: {
    sourceRecord: SourceRecordDocument;
    /**
     * The stored record as the caller found it (null: none). Read again here unless the caller read it in
     * the same transaction (`session`): a bulk load's new records then cost no second read.
     */
    previous?: SourceRecordDocument | null;
    actor: GoldenActor;
    session?: StoreSession;
    /**
     * The domain's published rules, read by the caller in the same transaction (`session`): a batch
     * reads them once, not once per record. Omitted: read here.
     */
    rules?: CompiledRules;
    /**
     * The caller read, in the same transaction, that no not-a-match pair names this record
     * (`namedByNotAMatch` for a group): a new record's exclusions are then known to be empty.
     */
    isNamedByNoNotAMatch?: boolean;
    /**
     * The record prepared for matching off the main thread (`prepareOffThread`): used when made from this
     * record's canonical object under the rules applied here, else the record is prepared here.
     */
    prepared?: OffThreadPreparation;
  },
): Promise<ApplySourceRecordResult> {
  const { store } = services;
  const record = input.sourceRecord;
  const rules = input.rules ?? (await rulesFor({ store, domain: record.domain, session: input.session }));
  const config = loadSurvivorshipConfig(record.domain);
  return inTransaction(store, input.session, async (session) => {
    const at = new Date().toISOString();
    const isPreviousCurrent = input.session !== undefined && input.previous !== undefined;
    const stored = isPreviousCurrent
      ? (input.previous ?? null)
      : (input.previous ?? (await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: record._id }, { session })));
    const knownGoldenId = input.previous?.goldenId || record.goldenId || stored?.goldenId;
    const golden = knownGoldenId ? await activeGolden({ services, id: knownGoldenId, session }) : null;
    const canonical = asCanonical(record.canonical, record.sourceId);
    // Prepared once: matching, indexing and the fingerprint all read this (they used to prepare it each).
    const offThread = input.prepared?.canonical === record.canonical ? preparedFor(input.prepared, rules) : null;
    const preparation = offThread ?? prepareIncoming(canonical, rules);
    // Only a not-a-match pair naming the record needs its fingerprint.
    const fingerprint = () => fingerprintOf(preparation);

    if (!golden) {
      const excludedIds =
        input.isNamedByNoNotAMatch && input.session
          ? new Set<string>()
          : await notAMatchExclusions({ store, session, rules, recordId: record._id, fingerprint });
      const placed = await placeSourceRecord({
        store,
        session,
        rules,
        config,
        record,
        canonical,
        preparation,
        excludedIds,
        actor: input.actor,
        trigger: 'ingest',
        at,
      });
      return { goldenId: placed.goldenId, outcome: placed.outcome, decision: placed.decision };
    }

    const isMember = golden.sourceRecordIds.includes(record._id);
    if (isMember && stored && stored.payloadHash === record.payloadHash && isSameJson(stored.canonical, record.canonical)) {
      return { goldenId: golden._id, outcome: 'unchanged', decision: null };
    }
    const updated: SourceRecordDocument = { ...record, goldenId: golden._id };
    // Handed over: `updated` is only read from here on (indexing, re-matching, survivorship, relationship links).
    await store
      .collection<SourceRecordDocument>(SOURCE_RECORDS)
      .replaceOne({ _id: record._id }, updated, { upsert: true, session, isHandedOver: true });
    // Only the raw payload changed (e.g. a field the mapping ignores): nothing to re-index or re-match.
    const isCanonicalChanged = !isMember || !stored || !isSameJson(stored.canonical, record.canonical);
    if (isCanonicalChanged)
      await indexRecord({ store, rules, recordId: record._id, goldenId: golden._id, record: canonical, preparation, session });
    const memberIds = isMember ? golden.sourceRecordIds : [...golden.sourceRecordIds, record._id];

    let decision: MatchDecisionDocument | null = null;
    if (memberIds.length === 1 && isCanonicalChanged) {
      const rematch = await rematchLoneRecord({
        store,
        session,
        rules,
        config,
        golden,
        memberIds,
        record: updated,
        canonical,
        preparation,
        fingerprint,
        actor: input.actor,
        at,
      });
      if (rematch.survivorId) return { goldenId: rematch.survivorId, outcome: 'merged', decision: rematch.decision };
      decision = rematch.decision;
    }
    const { isChanged } = await recomputeGolden({
      store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: memberIds,
      overrides: golden.overrides,
      config,
      cause: 'ingest',
      changeType: 'updated',
      actor: input.actor,
      note: `Source record ${record._id} updated.`,
      at,
      knownMembers: [updated],
    });
    await linkRelationships({ store, session, record: updated, config, hints: [], at });
    // A changed record may join or leave a name-only cluster (domains whose rules ask for cluster review).
    if (isCanonicalChanged && rules.rules.clusterReview)
      await reviewClustersAround({ store, session, rules, goldenIds: [golden._id], source: record.source, at });
    const outcome: ApplyOutcome = decision?.outcome === 'review' ? 'review' : isChanged ? 'updated' : 'unchanged';
    return { goldenId: golden._id, outcome, decision };
  });
}
