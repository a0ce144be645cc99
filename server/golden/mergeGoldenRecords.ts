/**
 * Merging two golden records: the survivor keeps its id and takes the other's source records
 * (and any overrides it does not have itself); the other is retired with `mergedInto`, so its id
 * keeps answering with a pointer to the survivor. Used by stewards and by automatic re-matching.
 */
import { recordAudit } from '../audit/auditLog';
import { BadRequestError } from '../errors';
import { setGoldenId } from '../matching';
import type { AppServices } from '../services';
import type { Store, StoreSession } from '../store/types';
import { SOURCE_RECORDS } from './collections';
import { assertActive, assertVersion, inTransaction, requireGolden, saveGolden } from './goldenStore';
import { recomputeGolden } from './recompute';
import { repointRelationships } from './relationships';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import type { GoldenActor, GoldenRecordDocument, SourceRecordDocument } from './types';

export interface MergeResult {
  survivor: GoldenRecordDocument;
  retired: GoldenRecordDocument;
}

/** Merges `merged` into `survivor` (both loaded, active, same domain) inside the caller's transaction. */
export async function mergeLoadedGoldenRecords(args: {
  store: Store;
  session: StoreSession;
  survivor: GoldenRecordDocument;
  merged: GoldenRecordDocument;
  actor: GoldenActor;
  reason: string;
  at?: string;
}): Promise<MergeResult> {
  const { store, session, survivor, merged } = args;
  const at = args.at ?? new Date().toISOString();
  const config = loadSurvivorshipConfig(survivor.domain);
  const moved = merged.sourceRecordIds;
  // The survivor's own overrides win; the retired record's overrides carry over where it has none.
  const overrides = { ...merged.overrides, ...survivor.overrides };
  const { golden: survivorAfter } = await recomputeGolden({
    store,
    session,
    before: survivor,
    goldenId: survivor._id,
    domain: survivor.domain,
    sourceRecordIds: [...survivor.sourceRecordIds, ...moved],
    overrides,
    config,
    cause: 'merge',
    changeType: 'merged',
    actor: args.actor,
    note: `Merged ${merged._id} into this record: ${args.reason}`,
    at,
  });
  const retired = await saveGolden({
    store,
    session,
    before: merged,
    next: { ...merged, status: 'retired', mergedInto: survivor._id, sourceRecordIds: [] },
    cause: 'merge',
    changeType: 'retired',
    actor: args.actor,
    note: `Merged into ${survivor._id}: ${args.reason}`,
    at,
  });
  // Source records move only once both golden writes (the steps that can fail: version compare-and-set,
  // validation) have succeeded, so no path leaves records pointing at a survivor that was not written.
  // `updatedAt` stays: it is when the source last sent the record, which survivorship (mostRecent, lineage `at`)
  // reads; moving a record to another golden record is not new data from its source (unmerge keeps it too).
  if (moved.length > 0) {
    await store
      .collection<SourceRecordDocument>(SOURCE_RECORDS)
      .updateMany({ _id: { $in: moved } }, { $set: { goldenId: survivor._id }, $inc: { version: 1 } }, { session });
    await setGoldenId({ store, domain: survivor.domain, recordIds: moved, goldenId: survivor._id, session });
    await repointRelationships({ store, session, sourceRecordIds: moved, goldenId: survivor._id });
  }
  await recordAudit({
    store,
    session,
    actor: args.actor,
    action: 'golden.merge',
    target: { type: 'goldenRecord', id: survivor._id, domain: survivor.domain },
    before: { survivor: { id: survivor._id, version: survivor.version }, merged: { id: merged._id, version: merged.version } },
    after: {
      survivor: { id: survivorAfter._id, version: survivorAfter.version, sourceRecordIds: survivorAfter.sourceRecordIds },
      retired: { id: retired._id, version: retired.version },
    },
    reason: args.reason,
    at,
  });
  return { survivor: survivorAfter, retired };
}

/** Merges golden record `mergedId` into `survivorId`; stale `expectedVersions` → 409 with the current state. */
export async function mergeGoldenRecords(
  services: Pick<AppServices, 'store'>,
  input: {
    survivorId: string;
    mergedId: string;
    actor: GoldenActor;
    reason: string;
    expectedVersions?: Record<string, number>;
    domain?: string;
    session?: StoreSession;
  },
): Promise<MergeResult> {
  if (input.survivorId === input.mergedId)
    throw new BadRequestError('SAME_RECORD', 'A golden record cannot be merged into itself: otherId must name another record.');
  return inTransaction(services.store, input.session, async (session) => {
    const { survivor, merged } = await loadMergeable({ store: services.store, session, ...input });
    return mergeLoadedGoldenRecords({ store: services.store, session, survivor, merged, actor: input.actor, reason: input.reason });
  });
}

/**
 * Loads both golden records of a merge and checks everything that can refuse it (existence, expected
 * versions, both active) before anything is written: callers that also close a task check first.
 */
export async function loadMergeable(args: {
  store: Store;
  session: StoreSession;
  survivorId: string;
  mergedId: string;
  expectedVersions?: Record<string, number>;
  domain?: string;
}): Promise<{ survivor: GoldenRecordDocument; merged: GoldenRecordDocument }> {
  if (args.survivorId === args.mergedId)
    throw new BadRequestError('SAME_RECORD', 'A golden record cannot be merged into itself: otherId must name another record.');
  const survivor = await requireGolden({ store: args.store, id: args.survivorId, domain: args.domain, session: args.session });
  const merged = await requireGolden({
    store: args.store,
    id: args.mergedId,
    domain: args.domain ?? survivor.domain,
    session: args.session,
  });
  assertVersion(survivor, args.expectedVersions?.[survivor._id]);
  assertVersion(merged, args.expectedVersions?.[merged._id]);
  assertActive(survivor);
  assertActive(merged);
  return { survivor, merged };
}
