/**
 * Closing tasks that no longer apply because the records under them changed: the two records got
 * merged, a candidate was retired, the subject record is gone (a candidate merged into another record
 * is replaced by that record: the question is still open), the exception was replayed or closed,
 * the conflicting sources agree again or a steward overrode the attribute. Each closure leaves a note
 * in the task's history and an audit entry under the rule that made it. Golden records and ingest
 * call this after their writes (in their transaction); the task-sync processor calls it for every
 * change-feed entry as a safety net.
 */
import { recordAudit, systemActor } from '../audit/auditLog';
import { INGEST_EXCEPTIONS } from '../exceptions/collections';
import type { IngestExceptionDocument } from '../exceptions/types';
import { SOURCE_RECORDS } from '../golden/collections';
import { findGolden, inTransaction } from '../golden/goldenStore';
import type { SourceRecordDocument } from '../golden/types';
import type { Store, StoreSession } from '../store/types';
import { conflictsOf } from './conflicts';
import { tasksCollection } from './taskStore';
import type { ClusterMember, TaskCandidate, TaskDocument } from './types';
import { bestOf } from './newTask';

export const OBSOLETE_RULE = 'stewardship:obsolete-task';

type Verdict =
  | { kind: 'keep' }
  | { kind: 'close'; note: string }
  | { kind: 'revise'; candidates: TaskCandidate[]; note: string }
  | { kind: 'revise-members'; members: ClusterMember[]; note: string };

const MAX_POINTER_HOPS = 32;

/** Follows `mergedInto` to the active record a retired one lives on in (null when none is reachable). */
async function survivorOf(store: Store, session: StoreSession, goldenId: string): Promise<{ id: string; mergedInto?: string } | null> {
  let golden = await findGolden({ store, id: goldenId, session });
  for (let hops = 0; golden && golden.status !== 'active' && golden.mergedInto && hops < MAX_POINTER_HOPS; hops++) {
    golden = await findGolden({ store, id: golden.mergedInto, session });
  }
  return golden && golden.status === 'active' ? { id: golden._id } : null;
}

async function potentialMatchVerdict(store: Store, session: StoreSession, task: TaskDocument): Promise<Verdict> {
  const recordId = task.subject.sourceRecordId;
  if (!recordId) return { kind: 'keep' };
  const record = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: recordId }, { session });
  if (!record || !record.goldenId) return { kind: 'close', note: `Source record ${recordId} no longer exists.` };
  const revised: TaskCandidate[] = [];
  const notes: string[] = [];
  for (const candidate of task.candidates ?? []) {
    const survivor =
      candidate.goldenId === record.goldenId ? { id: record.goldenId } : await survivorOf(store, session, candidate.goldenId);
    if (survivor?.id === record.goldenId) {
      notes.push(
        `${recordId} is now part of ${candidate.goldenId === record.goldenId ? candidate.goldenId : `${survivor.id} (which ${candidate.goldenId} was merged into)`}`,
      );
    } else if (!survivor) {
      notes.push(`candidate ${candidate.goldenId} was retired`);
    } else if (survivor.id !== candidate.goldenId) {
      // The candidate lives on in the record it was merged into: the question is about that one now.
      if (!revised.some((c) => c.goldenId === survivor.id) && !(task.candidates ?? []).some((c) => c.goldenId === survivor.id))
        revised.push({ ...candidate, goldenId: survivor.id });
      notes.push(`candidate ${candidate.goldenId} was merged into ${survivor.id}`);
    } else {
      revised.push(candidate);
    }
  }
  if (notes.length === 0) return { kind: 'keep' };
  if (revised.length === 0) return { kind: 'close', note: `${notes.join('; ')}.` };
  return { kind: 'revise', candidates: revised, note: `${notes.join('; ')}.` };
}

/** A cluster task whose members were merged or retired elsewhere: they leave it; fewer than two left closes it. */
async function clusterVerdict(store: Store, session: StoreSession, task: TaskDocument): Promise<Verdict> {
  const members = task.members ?? [];
  const memberIds = new Set(members.map((m) => m.goldenId));
  const kept: ClusterMember[] = [];
  const notes: string[] = [];
  for (const member of members) {
    const survivor = await survivorOf(store, session, member.goldenId);
    if (survivor?.id === member.goldenId) kept.push(member);
    else if (!survivor) notes.push(`member ${member.goldenId} was retired`);
    else if (memberIds.has(survivor.id)) notes.push(`member ${member.goldenId} was merged into member ${survivor.id}`);
    else notes.push(`member ${member.goldenId} was merged into ${survivor.id}, outside this cluster`);
  }
  if (notes.length === 0) return { kind: 'keep' };
  if (kept.length < 2) return { kind: 'close', note: `${notes.join('; ')}: nothing left to decide.` };
  return { kind: 'revise-members', members: kept, note: `${notes.join('; ')}.` };
}

async function verdictOf(store: Store, session: StoreSession, task: TaskDocument): Promise<Verdict> {
  switch (task.type) {
    case 'potential-match':
      return potentialMatchVerdict(store, session, task);
    case 'potential-match-cluster':
      return clusterVerdict(store, session, task);
    case 'data-quality': {
      const id = task.subject.exceptionId;
      if (!id) return { kind: 'keep' };
      const exception = await store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS).findOne({ _id: id }, { session });
      if (!exception) return { kind: 'close', note: `Exception ${id} no longer exists.` };
      return exception.status === 'open' ? { kind: 'keep' } : { kind: 'close', note: `Exception ${id} was ${exception.status}.` };
    }
    case 'survivorship-conflict': {
      const { goldenId, attribute } = task.subject;
      if (!goldenId || !attribute) return { kind: 'keep' };
      const golden = await findGolden({ store, id: goldenId, session });
      if (!golden || golden.status !== 'active')
        return {
          kind: 'close',
          note: `Golden record ${goldenId} was ${golden?.mergedInto ? `merged into ${golden.mergedInto}` : 'retired'}.`,
        };
      if (attribute in golden.overrides) return { kind: 'close', note: `A steward override settled ${attribute}.` };
      const conflicts = await conflictsOf({ store, session, golden });
      return conflicts.has(attribute) ? { kind: 'keep' } : { kind: 'close', note: `The trusted sources agree on ${attribute} again.` };
    }
  }
}

async function openTasksTouching(
  store: Store,
  session: StoreSession,
  ids: { goldenIds: string[]; sourceRecordIds: string[]; exceptionIds: string[]; taskIds: string[] },
): Promise<TaskDocument[]> {
  const tasks = tasksCollection(store);
  const found = new Map<string, TaskDocument>();
  // Separate indexed lookups rather than one $or (which the embedded store would answer with a scan).
  const lookups: Array<Record<string, unknown>> = [];
  if (ids.goldenIds.length > 0)
    lookups.push(
      { 'subject.goldenId': { $in: ids.goldenIds } },
      { 'candidates.goldenId': { $in: ids.goldenIds } },
      { 'members.goldenId': { $in: ids.goldenIds } },
    );
  if (ids.sourceRecordIds.length > 0) lookups.push({ 'subject.sourceRecordId': { $in: ids.sourceRecordIds } });
  if (ids.exceptionIds.length > 0) lookups.push({ 'subject.exceptionId': { $in: ids.exceptionIds } });
  if (ids.taskIds.length > 0) lookups.push({ _id: { $in: ids.taskIds } });
  for (const filter of lookups) for (const task of await tasks.find({ ...filter, status: 'open' }, { session })) found.set(task._id, task);
  return [...found.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
}

/** Closes (or narrows) the open tasks about the given records that no longer apply; returns the closed ones. */
export async function closeObsoleteTasks(args: {
  store: Store;
  session?: StoreSession;
  goldenIds?: string[];
  sourceRecordIds?: string[];
  exceptionIds?: string[];
  taskIds?: string[];
  at?: string;
}): Promise<TaskDocument[]> {
  const ids = {
    goldenIds: args.goldenIds ?? [],
    sourceRecordIds: args.sourceRecordIds ?? [],
    exceptionIds: args.exceptionIds ?? [],
    taskIds: args.taskIds ?? [],
  };
  return inTransaction(args.store, args.session, async (session) => {
    const at = args.at ?? new Date().toISOString();
    const closed: TaskDocument[] = [];
    for (const task of await openTasksTouching(args.store, session, ids)) {
      const verdict = await verdictOf(args.store, session, task);
      if (verdict.kind === 'keep') continue;
      const isClosing = verdict.kind === 'close';
      let set: Record<string, unknown>;
      if (verdict.kind === 'close') set = { status: 'closed', resolution: 'auto-closed', closedAt: at, updatedAt: at };
      else if (verdict.kind === 'revise') set = { candidates: verdict.candidates, ...bestOf(verdict.candidates), updatedAt: at };
      else {
        const left = new Set(verdict.members.map((m) => m.goldenId));
        set = { members: verdict.members, edges: (task.edges ?? []).filter((e) => left.has(e.a) && left.has(e.b)), updatedAt: at };
      }
      const history = {
        at,
        by: 'system',
        action: isClosing ? 'auto-closed' : verdict.kind === 'revise' ? 'candidates-changed' : 'members-changed',
        note: verdict.note,
      };
      // Conditional on the version read: a steward acting at the same moment wins, and this task is re-examined next time.
      const updated = await tasksCollection(args.store).findOneAndUpdate(
        { _id: task._id, version: task.version, status: 'open' },
        { $set: set, $inc: { version: 1 }, $push: { history } },
        { session },
      );
      if (!updated) continue;
      await recordAudit({
        store: args.store,
        session,
        actor: systemActor(OBSOLETE_RULE),
        action: isClosing ? 'task.auto-close' : verdict.kind === 'revise' ? 'task.candidates-change' : 'task.cluster-change',
        target: { type: 'task', id: task._id, domain: task.domain },
        before: {
          status: task.status,
          version: task.version,
          ...(task.members
            ? { members: task.members.map((m) => m.goldenId) }
            : { candidates: (task.candidates ?? []).map((c) => c.goldenId) }),
        },
        after: {
          status: updated.status,
          version: updated.version,
          ...(updated.members
            ? { members: updated.members.map((m) => m.goldenId) }
            : { candidates: (updated.candidates ?? []).map((c) => c.goldenId) }),
          ...(isClosing ? { resolution: 'auto-closed' } : {}),
        },
        reason: verdict.note,
        at,
      });
      if (isClosing) closed.push(updated);
    }
    return closed;
  });
}

/**
 * Closes the open potential-match task about a source record that is being placed again (split off its golden
 * record by an unmerge): the task asked about the record as a member of that golden record, and placement asks
 * anew — one open potential-match task per record (index `stewardship_one_open_per_subject`). Audited as an
 * automatic closure; returns the closed task, or null when none was open.
 */
export async function closeOpenMatchTaskOfRecord(args: {
  store: Store;
  session: StoreSession;
  sourceRecordId: string;
  note: string;
  at: string;
}): Promise<TaskDocument | null> {
  const tasks = tasksCollection(args.store);
  const open = await tasks.findOne(
    { type: 'potential-match', status: 'open', 'subject.sourceRecordId': args.sourceRecordId },
    { session: args.session },
  );
  if (!open) return null;
  const history = { at: args.at, by: 'system', action: 'auto-closed', note: args.note };
  const closed = await tasks.findOneAndUpdate(
    { _id: open._id, version: open.version, status: 'open' },
    {
      $set: { status: 'closed', resolution: 'auto-closed', closedAt: args.at, updatedAt: args.at },
      $inc: { version: 1 },
      $push: { history },
    },
    { session: args.session },
  );
  if (!closed) return null;
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(OBSOLETE_RULE),
    action: 'task.auto-close',
    target: { type: 'task', id: open._id, domain: open.domain },
    before: { status: open.status, version: open.version, candidates: (open.candidates ?? []).map((c) => c.goldenId) },
    after: {
      status: closed.status,
      version: closed.version,
      candidates: (closed.candidates ?? []).map((c) => c.goldenId),
      resolution: 'auto-closed',
    },
    reason: args.note,
    at: args.at,
  });
  return closed;
}
