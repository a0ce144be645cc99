/**
 * Recomputing a golden record from its members: loads the source records, runs survivorship with
 * the overrides, and saves a new version only when something a reader can see changed.
 */
import type { Store, StoreSession } from '../store/types';
import { isMaterialChange, loadMembers, saveGolden } from './goldenStore';
import { resolveSurvivorship } from './survivorship';
import type { SurvivorshipConfig } from './survivorshipConfig';
import type { ChangeDocument, GoldenActor, GoldenRecordDocument, HistoryCause, OverrideEntry, SourceRecordDocument } from './types';

/** Saves `golden` (or a new record when `before` is null) with the given members and overrides, recomputed. */
export async function recomputeGolden(args: {
  store: Store;
  session: StoreSession;
  before: GoldenRecordDocument | null;
  goldenId: string;
  domain: string;
  sourceRecordIds: string[];
  overrides: Record<string, OverrideEntry>;
  config: SurvivorshipConfig;
  cause: HistoryCause;
  changeType: ChangeDocument['type'];
  actor: GoldenActor;
  note?: string;
  at?: string;
  /** Members the caller has just written and holds in memory: not read back from the store. */
  knownMembers?: SourceRecordDocument[];
}): Promise<{ golden: GoldenRecordDocument; isChanged: boolean }> {
  const known = new Map((args.knownMembers ?? []).map((m) => [m._id, m]));
  const loaded = await loadMembers({
    store: args.store,
    golden: { sourceRecordIds: args.sourceRecordIds.filter((id) => !known.has(id)) },
    session: args.session,
  });
  const members = [...loaded, ...args.sourceRecordIds.flatMap((id) => known.get(id) ?? [])].sort((x, y) =>
    x._id < y._id ? -1 : x._id > y._id ? 1 : 0,
  );
  const { attributes, lineage } = resolveSurvivorship({ sources: members, overrides: args.overrides, config: args.config });
  const next = {
    _id: args.goldenId,
    domain: args.domain,
    status: 'active' as const,
    attributes,
    lineage,
    sourceRecordIds: members.map((m) => m._id),
    overrides: args.overrides,
  };
  if (args.before && !isMaterialChange(args.before, next)) return { golden: args.before, isChanged: false };
  const golden = await saveGolden({
    store: args.store,
    session: args.session,
    before: args.before,
    next,
    cause: args.cause,
    changeType: args.changeType,
    actor: args.actor,
    note: args.note,
    at: args.at,
  });
  return { golden, isChanged: true };
}
