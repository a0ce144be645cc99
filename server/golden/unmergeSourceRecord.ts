/**
 * Unmerging: one source record leaves its golden record, which is recomputed from the rest. The
 * split-off record is re-matched — but never straight back into the record it left: that pair is
 * recorded as not-a-match (with fingerprints, so a real change of the record reopens the question).
 */
import { recordAudit } from '../audit/auditLog';
import { BadRequestError, ConflictError } from '../errors';
import { removeFromIndex } from '../matching';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import type { NotAMatchDocument } from '../stewardship/types';
import { closeOpenMatchTaskOfRecord } from '../stewardship/obsoleteTasks';
import { SOURCE_RECORDS } from './collections';
import { NOT_A_MATCH } from '../stewardship/collections';
import { assertActive, assertVersion, inTransaction, requireGolden } from './goldenStore';
import { asCanonical, fingerprintRecord, notAMatchExclusions, rulesFor } from './goldenMatching';
import { placeSourceRecord } from './placement';
import { recomputeGolden } from './recompute';
import { repointRelationships } from './relationships';
import { stableHash } from '../stableJson';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import type { GoldenActor, GoldenRecordDocument, SourceRecordDocument } from './types';

export interface UnmergeResult {
  /** The golden record the source record left, recomputed. */
  golden: GoldenRecordDocument;
  /** Where the source record went: a new golden record, or another one it matched. */
  newGoldenId: string;
  outcome: 'created' | 'merged' | 'review';
}

/** Splits `sourceRecordId` off golden record `goldenId`. */
export async function unmergeSourceRecord(
  services: Pick<AppServices, 'store'>,
  input: {
    goldenId: string;
    sourceRecordId: string;
    actor: GoldenActor;
    reason: string;
    expectedVersion?: number;
    domain?: string;
    session?: StoreSession;
  },
): Promise<UnmergeResult> {
  const { store } = services;
  return inTransaction(store, input.session, async (session) => {
    const at = new Date().toISOString();
    const golden = await requireGolden({ store, id: input.goldenId, domain: input.domain, session });
    assertVersion(golden, input.expectedVersion);
    assertActive(golden);
    if (!golden.sourceRecordIds.includes(input.sourceRecordId)) {
      throw new BadRequestError('NOT_A_MEMBER', `Source record "${input.sourceRecordId}" is not part of golden record "${golden._id}".`, {
        sourceRecordIds: golden.sourceRecordIds,
      });
    }
    if (golden.sourceRecordIds.length < 2) {
      throw new ConflictError(
        'ONLY_SOURCE_RECORD',
        `Source record "${input.sourceRecordId}" is the only member of "${golden._id}": there is nothing to split it from.`,
        { current: golden },
      );
    }
    const record = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: input.sourceRecordId }, { session });
    if (!record)
      throw new ConflictError(
        'SOURCE_RECORD_MISSING',
        `Source record "${input.sourceRecordId}" is listed on "${golden._id}" but does not exist.`,
        { current: golden },
      );
    const rules = await rulesFor({ store, domain: golden.domain, session });
    const config = loadSurvivorshipConfig(golden.domain);
    const canonical = asCanonical(record.canonical, record.sourceId);
    const fingerprint = fingerprintRecord(canonical, rules);

    const remaining = golden.sourceRecordIds.filter((id) => id !== record._id);
    await removeFromIndex({ store, domain: golden.domain, recordId: record._id, session });
    const { golden: after } = await recomputeGolden({
      store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: remaining,
      overrides: golden.overrides,
      config,
      cause: 'unmerge',
      changeType: 'unmerged',
      actor: input.actor,
      note: `Source record ${record._id} split off: ${input.reason}`,
      at,
    });

    // The pair is stored record ↔ golden record, in the stewardship not-a-match shape.
    const [a, b] = record._id < golden._id ? [record._id, golden._id] : [golden._id, record._id];
    const pair: NotAMatchDocument = {
      _id: `${a}~${b}`,
      domain: golden.domain,
      a,
      b,
      fingerprints: { [record._id]: fingerprint, [golden._id]: stableHash(after.attributes) },
      by: { keyId: input.actor.keyId, name: input.actor.name, role: input.actor.role },
      at,
      reason: `unmerge: ${input.reason}`,
    };
    await store.collection<NotAMatchDocument>(NOT_A_MATCH).replaceOne({ _id: pair._id }, pair, { upsert: true, session });

    const excludedIds = await notAMatchExclusions({ store, session, rules, recordId: record._id, fingerprint });
    excludedIds.add(golden._id);
    // A record that joined the golden record while also in review with others has an open potential-match task
    // about those; placement asks again, so that task is closed first (one open task per record).
    await closeOpenMatchTaskOfRecord({
      store,
      session,
      sourceRecordId: record._id,
      note: `Source record ${record._id} split off ${golden._id}: it is matched again on its own`,
      at,
    });
    const placed = await placeSourceRecord({
      store,
      session,
      rules,
      config,
      record: { ...record, version: record.version + 1, updatedAt: record.updatedAt },
      excludedIds,
      actor: input.actor,
      trigger: 'unmerge',
      createdNote: `Split off from ${golden._id}: ${input.reason}`,
      at,
    });
    await repointRelationships({ store, session, sourceRecordIds: [record._id], goldenId: placed.goldenId });
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'golden.unmerge',
      target: { type: 'goldenRecord', id: golden._id, domain: golden.domain },
      before: { version: golden.version, sourceRecordIds: golden.sourceRecordIds },
      after: {
        version: after.version,
        sourceRecordIds: after.sourceRecordIds,
        sourceRecordId: record._id,
        newGoldenId: placed.goldenId,
        outcome: placed.outcome,
      },
      reason: input.reason,
      at,
    });
    return { golden: after, newGoldenId: placed.goldenId, outcome: placed.outcome };
  });
}
