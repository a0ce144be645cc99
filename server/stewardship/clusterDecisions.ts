/**
 * The steward's decisions on a cluster task, each one transaction in the order of decisions.ts: the
 * task is claimed first (conditional on the version the steward read: a second steward gets 409 and
 * nothing is applied twice), then the golden records change with the same session, then the audit
 * entry, then tasks made obsolete close.
 *
 * - accept: every member merges into one golden record;
 * - split: the chosen members are recorded as not a match with every member that stays; the rest
 *   stays an open cluster, or merges at once with `mergeRest`;
 * - reject: not a match between every two members.
 */
import { recordAudit } from '../audit/auditLog';
import { BadRequestError, ConflictError } from '../errors';
import { assertVersion, inTransaction } from '../golden/goldenStore';
import { mergeGoldenRecords } from '../golden/mergeGoldenRecords';
import type { GoldenRecordDocument } from '../golden/types';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { activeGoldenOf, CLUSTER_TASK, recordsOfGoldens, releaseClaims } from './clusterTasks';
import { detectSurvivorshipConflicts } from './conflicts';
import { recordNotAMatchBetween } from './notAMatch';
import { closeObsoleteTasks } from './obsoleteTasks';
import { presentTask } from './presenter';
import { assertTaskOpen, assertTaskType, assertTaskVersion, requireTask, updateTaskVersioned, type StewardActor } from './taskStore';
import type { TaskDocument } from './types';
import { present } from '../invariant';

type Services = Pick<AppServices, 'store'>;

interface ClusterInput {
  taskId: string;
  expectedVersion: number;
  reason: string;
  actor: StewardActor;
}

interface LoadedCluster {
  task: TaskDocument;
  /** Task member id → its active golden record (a member merged elsewhere maps to its survivor). */
  liveOf: Map<string, GoldenRecordDocument>;
  /** Distinct active golden records of the cluster, in member order. */
  goldens: GoldenRecordDocument[];
}

async function loadCluster(services: Services, session: StoreSession, input: ClusterInput, action: string): Promise<LoadedCluster> {
  const { store } = services;
  const task = await requireTask({ store, id: input.taskId, session });
  assertTaskOpen(task);
  assertTaskVersion(task, input.expectedVersion);
  assertTaskType(task, [CLUSTER_TASK], action);
  const liveOf = new Map<string, GoldenRecordDocument>();
  const goldens: GoldenRecordDocument[] = [];
  for (const member of task.members ?? []) {
    const golden = await activeGoldenOf(store, session, member.goldenId);
    if (!golden) continue;
    liveOf.set(member.goldenId, golden);
    if (!goldens.some((g) => g._id === golden._id)) goldens.push(golden);
  }
  if (goldens.length < 2) {
    throw new ConflictError('TASK_NO_LONGER_APPLIES', `The members of cluster task "${task._id}" are no longer separate golden records.`, {
      current: presentTask(task),
    });
  }
  return { task, liveOf, goldens };
}

function unknownMember(task: TaskDocument, path: string, ids: string[]): BadRequestError {
  return new BadRequestError('UNKNOWN_MEMBER', `${ids.map((id) => `"${id}"`).join(', ')} not a member of cluster task "${task._id}".`, [
    { path, code: 'UNKNOWN_MEMBER', message: `Use ids among: ${(task.members ?? []).map((m) => m.goldenId).join(', ')}.` },
  ]);
}

/** 409 with the record when a version the steward read is stale; 400 for a record that is not a member. */
function assertGoldenVersions(cluster: LoadedCluster, versions: Record<string, number> | undefined): void {
  for (const [id, version] of Object.entries(versions ?? {})) {
    const golden = cluster.liveOf.get(id) ?? cluster.goldens.find((g) => g._id === id);
    if (!golden) throw unknownMember(cluster.task, `body.goldenVersions.${id}`, [id]);
    assertVersion(golden, version);
  }
}

/** The requested survivor (a member), else the member with the most source records (ties: id order). */
function chooseSurvivor(cluster: LoadedCluster, among: GoldenRecordDocument[], requested: string | undefined): GoldenRecordDocument {
  if (requested !== undefined) {
    const golden = cluster.liveOf.get(requested) ?? among.find((g) => g._id === requested);
    if (!golden || !among.some((g) => g._id === golden._id)) throw unknownMember(cluster.task, 'body.survivorGoldenId', [requested]);
    return golden;
  }
  return present(
    [...among].sort((x, y) => y.sourceRecordIds.length - x.sourceRecordIds.length || (x._id < y._id ? -1 : 1))[0],
    'a live member of the cluster to survive',
  );
}

async function mergeInto(
  services: Services,
  session: StoreSession,
  args: { survivor: GoldenRecordDocument; others: GoldenRecordDocument[]; actor: StewardActor; reason: string },
): Promise<{ golden: GoldenRecordDocument; retiredIds: string[] }> {
  let golden = args.survivor;
  const retiredIds: string[] = [];
  for (const other of args.others) {
    const merge = await mergeGoldenRecords(services, {
      survivorId: args.survivor._id,
      mergedId: other._id,
      actor: args.actor,
      reason: args.reason,
      domain: args.survivor.domain,
      session,
    });
    golden = merge.survivor;
    retiredIds.push(merge.retired._id);
  }
  return { golden, retiredIds };
}

async function afterMerge(
  services: Services,
  session: StoreSession,
  args: { goldenIds: string[]; survivorId: string; at: string },
): Promise<void> {
  await closeObsoleteTasks({ store: services.store, session, goldenIds: args.goldenIds, at: args.at });
  await detectSurvivorshipConflicts({ store: services.store, session, goldenIds: [args.survivorId], at: args.at });
}

export interface AcceptClusterResult {
  task: TaskDocument;
  golden: GoldenRecordDocument;
  retiredIds: string[];
}

/** Accepts a cluster: all members merge into one golden record (the survivor keeps its id). */
export async function acceptCluster(
  services: Services,
  input: ClusterInput & { survivorGoldenId?: string; goldenVersions?: Record<string, number> },
): Promise<AcceptClusterResult> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const cluster = await loadCluster(services, session, input, 'accept-cluster');
    const { task, goldens } = cluster;
    assertGoldenVersions(cluster, input.goldenVersions);
    const survivor = chooseSurvivor(cluster, goldens, input.survivorGoldenId);
    const others = goldens.filter((g) => g._id !== survivor._id);
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: { status: 'closed', resolution: 'merged', closedAt: at },
      history: { by: input.actor.name, action: 'merged', note: `${goldens.length} records merged into ${survivor._id}: ${input.reason}` },
    });
    const { golden, retiredIds } = await mergeInto(services, session, { survivor, others, actor: input.actor, reason: input.reason });
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.accept-cluster',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, members: goldens.map((g) => g._id) },
      after: {
        status: 'closed',
        resolution: 'merged',
        version: claimed.version,
        survivorId: golden._id,
        retiredIds,
        survivorVersion: golden.version,
      },
      reason: input.reason,
      at,
    });
    await releaseClaims({ store, session, domain: task.domain, goldenIds: (task.members ?? []).map((m) => m.goldenId), taskId: task._id });
    await afterMerge(services, session, { goldenIds: goldens.map((g) => g._id), survivorId: golden._id, at });
    return { task: claimed, golden, retiredIds };
  });
}

export interface SplitClusterResult {
  task: TaskDocument;
  /** Not-a-match pairs stored (split member record × staying member record). */
  pairs: number;
  /** With `mergeRest`: the golden record the staying members became. */
  golden?: GoldenRecordDocument;
  retiredIds: string[];
}

/** Splits members off a cluster: not a match with every member that stays; the rest stays a cluster or merges (`mergeRest`). */
export async function splitCluster(
  services: Services,
  input: ClusterInput & { goldenIds: string[]; mergeRest?: boolean; survivorGoldenId?: string; goldenVersions?: Record<string, number> },
): Promise<SplitClusterResult> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const cluster = await loadCluster(services, session, input, 'split');
    const { task, goldens, liveOf } = cluster;
    const memberIds = new Set((task.members ?? []).map((m) => m.goldenId));
    const unknown = input.goldenIds.filter((id) => !memberIds.has(id));
    if (unknown.length > 0) throw unknownMember(task, 'body.goldenIds', unknown);
    const splitLive = new Set(input.goldenIds.flatMap((id) => (liveOf.has(id) ? [(liveOf.get(id) as GoldenRecordDocument)._id] : [])));
    const split = goldens.filter((g) => splitLive.has(g._id));
    const rest = goldens.filter((g) => !splitLive.has(g._id));
    if (rest.length === 0) {
      throw new BadRequestError(
        'SPLIT_ALL',
        'Splitting off every member leaves no cluster: use POST /tasks/:id/reject to say none of them match.',
        [{ path: 'body.goldenIds', code: 'SPLIT_ALL', message: 'Leave at least one member in the cluster.' }],
      );
    }
    assertGoldenVersions(cluster, input.goldenVersions);
    const survivor = input.mergeRest && rest.length >= 2 ? chooseSurvivor(cluster, rest, input.survivorGoldenId) : undefined;
    if (
      !survivor &&
      input.survivorGoldenId !== undefined &&
      !rest.some((g) => g._id === (liveOf.get(input.survivorGoldenId as string)?._id ?? input.survivorGoldenId))
    ) {
      throw unknownMember(task, 'body.survivorGoldenId', [input.survivorGoldenId]);
    }
    const restIds = new Set(rest.map((g) => g._id));
    const keptMembers = (task.members ?? []).filter((m) => restIds.has(liveOf.get(m.goldenId)?._id ?? ''));
    const staysOpen = rest.length >= 2 && !survivor;
    const note = `Split off ${split.map((g) => g._id).join(', ')}${survivor ? `; the other ${rest.length} merged into ${survivor._id}` : staysOpen ? `; ${rest.length} records stay` : ''}: ${input.reason}`;
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: staysOpen
        ? {
            members: keptMembers,
            edges: (task.edges ?? []).filter(
              (e) => keptMembers.some((m) => m.goldenId === e.a) && keptMembers.some((m) => m.goldenId === e.b),
            ),
          }
        : { status: 'closed', resolution: survivor ? 'merged' : 'not-a-match', closedAt: at },
      history: { by: input.actor.name, action: 'split', note },
    });
    const records = await recordsOfGoldens({ store, session, goldens });
    let pairs = 0;
    for (const left of split) {
      for (const right of rest)
        pairs += await recordNotAMatchBetween({
          store,
          session,
          left: records.get(left._id) ?? [],
          right: records.get(right._id) ?? [],
          actor: input.actor,
          reason: input.reason,
          taskId: task._id,
          at,
        });
    }
    const merged = survivor
      ? await mergeInto(services, session, {
          survivor,
          others: rest.filter((g) => g._id !== survivor._id),
          actor: input.actor,
          reason: input.reason,
        })
      : null;
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.split-cluster',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, members: goldens.map((g) => g._id) },
      after: {
        status: claimed.status,
        ...(claimed.resolution ? { resolution: claimed.resolution } : {}),
        version: claimed.version,
        split: split.map((g) => g._id),
        members: rest.map((g) => g._id),
        pairs,
        ...(merged ? { survivorId: merged.golden._id, retiredIds: merged.retiredIds } : {}),
      },
      reason: input.reason,
      at,
    });
    const released = staysOpen ? [...memberIds].filter((id) => !keptMembers.some((m) => m.goldenId === id)) : [...memberIds];
    await releaseClaims({ store, session, domain: task.domain, goldenIds: released, taskId: task._id });
    if (merged) await afterMerge(services, session, { goldenIds: rest.map((g) => g._id), survivorId: merged.golden._id, at });
    return { task: claimed, pairs, ...(merged ? { golden: merged.golden } : {}), retiredIds: merged?.retiredIds ?? [] };
  });
}

/** Rejects a cluster: not a match between the records of every two members. */
export async function rejectCluster(services: Services, input: ClusterInput): Promise<{ task: TaskDocument; pairs: number }> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const { task, goldens } = await loadCluster(services, session, input, 'reject');
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: { status: 'closed', resolution: 'not-a-match', closedAt: at },
      history: { by: input.actor.name, action: 'not-a-match', note: `None of the ${goldens.length} records match: ${input.reason}` },
    });
    const records = await recordsOfGoldens({ store, session, goldens });
    let pairs = 0;
    for (let i = 0; i < goldens.length; i++) {
      for (let j = i + 1; j < goldens.length; j++) {
        pairs += await recordNotAMatchBetween({
          store,
          session,
          left: records.get(present(goldens[i], 'golden record i')._id) ?? [],
          right: records.get(present(goldens[j], 'golden record j')._id) ?? [],
          actor: input.actor,
          reason: input.reason,
          taskId: task._id,
          at,
        });
      }
    }
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.reject-cluster',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, members: goldens.map((g) => g._id) },
      after: { status: 'closed', resolution: 'not-a-match', version: claimed.version, pairs },
      reason: input.reason,
      at,
    });
    await releaseClaims({ store, session, domain: task.domain, goldenIds: (task.members ?? []).map((m) => m.goldenId), taskId: task._id });
    return { task: claimed, pairs };
  });
}
