/**
 * Reading and writing golden records with optimistic concurrency: every save bumps `version`,
 * keeps the full state in `goldenHistory` (so as-of reads need no replay) and appends to the
 * change feed — all with the caller's session, so they commit with the change that caused them.
 *
 * The newest history entry of a record is stored without its snapshot: that state is the golden record
 * itself, so storing it again would keep every record twice. The next save writes it into that entry
 * (it is then `before`), and readers take it from the golden record (`resolveSnapshots`).
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors';
import { findDeferred, insertDeferrable } from '../store/deferredInserts';
import { present } from '../invariant';
import type { Store, StoreSession } from '../store/types';
import { queueChange } from './changeFeed';
import { changedPaths, isSameAttributeValue } from './changedPaths';
import { GOLDEN_HISTORY, GOLDEN_RECORDS, SOURCE_RECORDS } from './collections';
import { isSameJson } from '../stableJson';
import type { ChangeDocument, GoldenActor, GoldenHistoryDocument, GoldenRecordDocument, HistoryCause, SourceRecordDocument } from './types';

/** Runs `work` in the caller's transaction when given one, otherwise in a new transaction. */
export async function inTransaction<R>(
  store: Store,
  session: StoreSession | undefined,
  work: (session: StoreSession) => Promise<R>,
): Promise<R> {
  // Transactions do not nest (the embedded store serialises them): reuse the caller's.
  if (session) return work(session);
  return store.withTransaction(work);
}

/** A new stable golden id. */
export function newGoldenId(domain: string): string {
  return `${domain}-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Loads a golden record of `domain`, or null. */
export async function findGolden(args: {
  store: Store;
  id: string;
  domain?: string;
  session?: StoreSession;
}): Promise<GoldenRecordDocument | null> {
  const filter: Record<string, unknown> = { _id: args.id };
  if (args.domain) filter.domain = args.domain;
  return args.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).findOne(filter, { session: args.session });
}

/** Loads a golden record or throws 404. */
export async function requireGolden(args: {
  store: Store;
  id: string;
  domain?: string;
  session?: StoreSession;
}): Promise<GoldenRecordDocument> {
  const golden = await findGolden(args);
  if (!golden) throw new NotFoundError(`Golden record "${args.id}"${args.domain ? ` in domain "${args.domain}"` : ''}`);
  return golden;
}

/** Throws 409 STALE_VERSION with the current state when `expected` is given and differs. */
export function assertVersion(golden: GoldenRecordDocument, expected: number | undefined): void {
  if (expected !== undefined && golden.version !== expected) {
    throw new ConflictError(
      'STALE_VERSION',
      `Golden record "${golden._id}" is at version ${golden.version}, not ${expected}: reload it and try again.`,
      {
        current: golden,
      },
    );
  }
}

/** Throws 409 GOLDEN_RETIRED for a retired record (it cannot be changed; its survivor can). */
export function assertActive(golden: GoldenRecordDocument): void {
  if (golden.status !== 'active') {
    throw new ConflictError(
      'GOLDEN_RETIRED',
      `Golden record "${golden._id}" was merged into "${golden.mergedInto ?? '?'}" and can no longer change.`,
      {
        current: golden,
        survivorId: golden.mergedInto,
      },
    );
  }
}

/** Loads the source records of a golden record, in id order. */
export async function loadMembers(args: {
  store: Store;
  golden: Pick<GoldenRecordDocument, 'sourceRecordIds'>;
  session?: StoreSession;
}): Promise<SourceRecordDocument[]> {
  if (args.golden.sourceRecordIds.length === 0) return [];
  const members = await args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .find({ _id: { $in: args.golden.sourceRecordIds } }, { sort: { _id: 1 }, session: args.session });
  return members;
}

type GoldenState = Pick<GoldenRecordDocument, 'status' | 'mergedInto' | 'attributes' | 'lineage' | 'sourceRecordIds' | 'overrides'>;

/**
 * The state a history entry keeps. Not deep-copied: both stores copy a document when it is written
 * (the embedded store serialises it, MongoDB encodes BSON) before `saveGolden` returns the record.
 */
function snapshotOf(golden: GoldenState): GoldenHistoryDocument['snapshot'] {
  return {
    status: golden.status,
    ...(golden.mergedInto ? { mergedInto: golden.mergedInto } : {}),
    attributes: golden.attributes,
    lineage: golden.lineage,
    sourceRecordIds: golden.sourceRecordIds,
    overrides: golden.overrides,
  };
}

/**
 * A history entry as stored: the first version's `changes` (every attribute, from nothing) are left out,
 * since they are its snapshot's attributes again; readers restore them (`withChanges`). The newest entry has
 * no `snapshot` (the golden record holds that state); entries written before this shape all have one.
 */
type StoredHistoryDocument = Pick<GoldenHistoryDocument, '_id' | 'goldenId' | 'domain' | 'version' | 'at' | 'cause' | 'actor' | 'note'> & {
  changes?: GoldenHistoryDocument['changes'];
  snapshot?: GoldenHistoryDocument['snapshot'];
  [key: string]: unknown;
};

type ResolvedHistoryDocument = StoredHistoryDocument & { snapshot: GoldenHistoryDocument['snapshot'] };

/** A stored history entry (snapshot resolved) as readers see it: `changes` restored for a first version stored without them. */
function withChanges(entry: ResolvedHistoryDocument): GoldenHistoryDocument {
  const { changes } = entry;
  if (changes) return { ...entry, changes };
  return { ...entry, changes: diffAttributes({}, entry.snapshot.attributes) };
}

/** The `_id` of version `version`'s history entry. */
export function historyEntryId(goldenId: string, version: number): string {
  return `${goldenId}|${String(version).padStart(8, '0')}`;
}

/** How many times a reader re-reads entries whose golden record moved on while it read (each time, one save). */
const MAX_SNAPSHOT_RESOLVE_ROUNDS = 8;

/**
 * Gives every entry its snapshot, in the order given. An entry without one was the newest when read: its state
 * is the golden record's, if that is still at the entry's version; if the record has moved on since, the save
 * that moved it wrote the snapshot into the entry first, so the entry is read again.
 */
async function resolveSnapshots(store: Store, entries: StoredHistoryDocument[]): Promise<ResolvedHistoryDocument[]> {
  const resolved = entries.slice();
  for (let round = 0; round < MAX_SNAPSHOT_RESOLVE_ROUNDS; round++) {
    const open = resolved.flatMap((entry, index) => (entry.snapshot ? [] : [index]));
    if (open.length === 0) return resolved as ResolvedHistoryDocument[];
    const goldenIds = [...new Set(open.map((index) => present(resolved[index], 'history entry').goldenId))];
    const goldens = new Map(
      (await store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).find({ _id: { $in: goldenIds } })).map((golden) => [
        golden._id,
        golden,
      ]),
    );
    const moved: number[] = [];
    for (const index of open) {
      const entry = present(resolved[index], 'history entry');
      const golden = present(goldens.get(entry.goldenId), `golden record "${entry.goldenId}" of history entry "${entry._id}"`);
      if (golden.version === entry.version) resolved[index] = { ...entry, snapshot: snapshotOf(golden) };
      else moved.push(index);
    }
    if (moved.length === 0) continue;
    const ids = moved.map((index) => present(resolved[index], 'history entry')._id);
    const reread = new Map(
      (await store.collection<StoredHistoryDocument>(GOLDEN_HISTORY).find({ _id: { $in: ids } })).map((entry) => [entry._id, entry]),
    );
    for (const index of moved) {
      const entry = present(resolved[index], 'history entry');
      resolved[index] = present(reread.get(entry._id), `history entry "${entry._id}"`);
    }
  }
  throw new Error(`History snapshots still unresolved after ${MAX_SNAPSHOT_RESOLVE_ROUNDS} rounds: the golden records kept changing.`);
}

/**
 * Writes the snapshot of `before`'s version into its history entry, which was stored without one while it was
 * the newest. Before the golden record changes, so a reader that finds the record moved on finds the snapshot.
 */
async function keepSnapshotOf(args: { store: Store; session: StoreSession; before: GoldenRecordDocument }): Promise<void> {
  const id = historyEntryId(args.before._id, args.before.version);
  const snapshot = snapshotOf(args.before);
  const deferred = findDeferred<StoredHistoryDocument>({ session: args.session, collection: GOLDEN_HISTORY, id });
  if (deferred) {
    deferred.snapshot = snapshot;
    return;
  }
  // Entries stored with a snapshot (the older shape, or already filled) are left as they are.
  await args.store
    .collection<StoredHistoryDocument>(GOLDEN_HISTORY)
    .updateOne({ _id: id, snapshot: { $exists: false } }, { $set: { snapshot } }, { session: args.session });
}

/** Top-level attribute changes between two states. */
export function diffAttributes(before: Record<string, unknown>, after: Record<string, unknown>): GoldenHistoryDocument['changes'] {
  const namesBefore = Object.keys(before);
  // Against no state before (a new record) the names are the new attributes': no union to build.
  const names = (namesBefore.length === 0 ? Object.keys(after) : [...new Set([...namesBefore, ...Object.keys(after)])]).sort();
  const changes: GoldenHistoryDocument['changes'] = [];
  for (const name of names) {
    if (!isSameAttributeValue(before[name], after[name]))
      changes.push({ attribute: name, before: before[name] ?? null, after: after[name] ?? null });
  }
  return changes;
}

/** Whether saving `next` over `before` would change anything a reader can see. */
export function isMaterialChange(before: GoldenState, next: GoldenState): boolean {
  return (
    before.status !== next.status ||
    before.mergedInto !== next.mergedInto ||
    !isSameJson(before.attributes, next.attributes) ||
    !isSameJson(before.lineage, next.lineage) ||
    !isSameJson([...before.sourceRecordIds].sort(), [...next.sourceRecordIds].sort()) ||
    !isSameJson(before.overrides, next.overrides)
  );
}

/**
 * Saves a new version of a golden record (insert when `before` is null): version + 1, history
 * entry, change-feed entry. A concurrent writer that got there first → 409 with the current state.
 * The saved document is handed over to the store (`isHandedOver`: kept, not copied) and returned: callers only
 * read it (and the attributes, lineage and overrides it shares with `next`) from here on.
 */
export async function saveGolden(args: {
  store: Store;
  session: StoreSession;
  before: GoldenRecordDocument | null;
  next: GoldenState & { _id: string; domain: string };
  cause: HistoryCause;
  changeType: ChangeDocument['type'];
  actor: GoldenActor;
  note?: string;
  at?: string;
}): Promise<GoldenRecordDocument> {
  const at = args.at ?? new Date().toISOString();
  const collection = args.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS);
  const version = (args.before?.version ?? 0) + 1;
  const doc: GoldenRecordDocument = {
    _id: args.next._id,
    domain: args.next.domain,
    status: args.next.status,
    ...(args.next.mergedInto ? { mergedInto: args.next.mergedInto } : {}),
    version,
    attributes: args.next.attributes,
    lineage: args.next.lineage,
    sourceRecordIds: [...args.next.sourceRecordIds].sort(),
    overrides: args.next.overrides,
    createdAt: args.before?.createdAt ?? at,
    updatedAt: at,
  };
  if (args.before) {
    await keepSnapshotOf({ store: args.store, session: args.session, before: args.before });
    const result = await collection.replaceOne({ _id: doc._id, version: args.before.version }, doc, {
      session: args.session,
      isHandedOver: true,
    });
    if (result.matchedCount === 0) {
      const current = await collection.findOne({ _id: doc._id }, { session: args.session });
      throw new ConflictError(
        'STALE_VERSION',
        `Golden record "${doc._id}" changed while this request was working on it: reload it and try again.`,
        { current },
      );
    }
  } else {
    await collection.insertOne(doc, { session: args.session, isHandedOver: true });
  }
  const changes = diffAttributes(args.before?.attributes ?? {}, doc.attributes);
  // Without a state before, the changes are the snapshot's attributes: derived again when read.
  const isDerivable = !args.before;
  const history: StoredHistoryDocument = {
    _id: historyEntryId(doc._id, version),
    goldenId: doc._id,
    domain: doc.domain,
    version,
    at,
    cause: args.cause,
    actor: args.actor,
    ...(isDerivable ? {} : { changes }),
    ...(args.note ? { note: args.note } : {}),
  };
  // Deferred in an ingest group: no promise is made or awaited for either insert (`insertDeferrable`).
  const historyWritten = insertDeferrable({ store: args.store, collection: GOLDEN_HISTORY, doc: history, session: args.session });
  if (historyWritten) await historyWritten;
  const { written } = queueChange({
    store: args.store,
    session: args.session,
    domain: doc.domain,
    goldenId: doc._id,
    type: args.changeType,
    version,
    at,
    details: {
      cause: args.cause,
      ...(doc.mergedInto ? { mergedInto: doc.mergedInto } : {}),
      previousVersion: args.before?.version ?? null,
      changedAttributes: changes.map((c) => c.attribute),
      changedPaths: changedPaths(args.before?.attributes ?? {}, doc.attributes),
      memberCount: doc.sourceRecordIds.length,
    },
  });
  if (written) await written;
  return doc;
}

/** Reads the history of a golden record, oldest first, from `afterVersion`. */
export async function readHistory(args: {
  store: Store;
  goldenId: string;
  afterVersion?: number;
  limit?: number;
}): Promise<GoldenHistoryDocument[]> {
  const filter: Record<string, unknown> = { goldenId: args.goldenId };
  if (args.afterVersion !== undefined) filter.version = { $gt: args.afterVersion };
  const entries = await args.store
    .collection<StoredHistoryDocument>(GOLDEN_HISTORY)
    .find(filter, { sort: { version: 1 }, limit: args.limit });
  return (await resolveSnapshots(args.store, entries)).map(withChanges);
}

/** History entries by `_id` (see `historyEntryId`), in no particular order; ids without an entry are left out. */
export async function readHistoryEntries(args: { store: Store; ids: string[] }): Promise<GoldenHistoryDocument[]> {
  const entries = await args.store.collection<StoredHistoryDocument>(GOLDEN_HISTORY).find({ _id: { $in: args.ids } });
  return (await resolveSnapshots(args.store, entries)).map(withChanges);
}

/** The version of a golden record that was current at `asOf`, or null if it did not exist yet. */
export async function readAsOf(args: { store: Store; goldenId: string; asOf: string }): Promise<GoldenHistoryDocument | null> {
  const found = await args.store
    .collection<StoredHistoryDocument>(GOLDEN_HISTORY)
    .find({ goldenId: args.goldenId, at: { $lte: args.asOf } }, { sort: { version: -1 }, limit: 1 });
  const [resolved] = await resolveSnapshots(args.store, found);
  return resolved ? withChanges(resolved) : null;
}
