/**
 * Raising and keeping cluster tasks (`potential-match-cluster`): where a domain's rule set has
 * `clusterReview`, every record golden records place is looked at together with its neighbours (index
 * candidates linked by a cluster edge) and the open cluster tasks they belong to; the conflict-free
 * clusters of that neighbourhood become one open task each — created, extended, narrowed, or folded
 * into one another — and pairwise potential-match tasks inside a cluster are closed with a pointer.
 *
 * Concurrency: every golden record in an open cluster task holds a claim document
 * (`clusterClaims`, `_id` = `<domain>|<goldenId>`) written in the same transaction as the task. Two
 * ingests building a cluster around the same records write the same claim documents, so they cannot
 * both commit (the embedded store serialises transactions; MongoDB aborts one with a write conflict
 * and the driver re-runs it, which then finds and extends the other's task). A claim counts only while
 * its task is open and still lists the golden record, so closed tasks need no claim clean-up to be safe.
 */
import { recordAudit, systemActor } from '../audit/auditLog';
import { SOURCE_RECORDS } from '../golden/collections';
import { NOT_A_MATCH } from './collections';
import { asCanonical, fingerprintRecord } from '../golden/goldenMatching';
import { findGolden, loadMembers } from '../golden/goldenStore';
import type { GoldenRecordDocument, SourceRecordDocument } from '../golden/types';
import { findCandidates, prepareRecord, scorePair, type CompiledRules } from '../matching';
import { searchFieldsOf } from '../search/searchTerms';
import type { Collection, Store, StoreSession } from '../store/types';
import { CLUSTER_CLAIMS } from './collections';
import {
  buildClusterGraph,
  isAttachLink,
  isBridgeSplit,
  isClusterEdge,
  isResemblance,
  withAttachedMembers,
  type ClusterEdge,
  type ClusterGraph,
  type GraphMember,
} from './clusterGraph';
import { tasksCollection } from './taskStore';
import type { ClusterMember, ClusterMemberRecord, NotAMatchDocument, TaskClusterEdge, TaskDocument } from './types';
import { bestOf, insertTask } from './newTask';
import { reviewLeftOutMembers } from './leftOutMembers';

export const CLUSTER_TASK = 'potential-match-cluster' as const;
/** Rule named in audits of automatic cluster changes (task open / change / absorb). */
export const CLUSTER_RULE = 'stewardship:cluster-review';

const DEFAULT_MAX_MEMBERS = 50;
/** Edges kept on a task at most: every member's strongest, then the strongest others (2 per member, at least 10). */
const MAX_STORED_EDGES = 100;
const MAX_POINTER_HOPS = 32;

export interface ClusterClaimDocument {
  _id: string;
  domain: string;
  goldenId: string;
  taskId: string;
  at: string;
  [key: string]: unknown;
}

export function claimsCollection(store: Store): Collection<ClusterClaimDocument> {
  return store.collection<ClusterClaimDocument>(CLUSTER_CLAIMS);
}

function claimId(domain: string, goldenId: string): string {
  return `${domain}|${goldenId}`;
}

/** Follows `mergedInto` to the active golden record (null when none is reachable). */
export async function activeGoldenOf(store: Store, session: StoreSession, id: string): Promise<GoldenRecordDocument | null> {
  let golden = await findGolden({ store, id, session });
  for (let hops = 0; golden && golden.status !== 'active' && golden.mergedInto && hops < MAX_POINTER_HOPS; hops++) {
    golden = await findGolden({ store, id: golden.mergedInto, session });
  }
  return golden && golden.status === 'active' ? golden : null;
}

/** The open cluster task holding a golden record, through its claim (null when none); `known` saves re-reading tasks already loaded. */
export async function openClusterTaskOf(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  goldenId: string;
  known?: ReadonlyMap<string, TaskDocument>;
}): Promise<TaskDocument | null> {
  const claim = await claimsCollection(args.store).findOne({ _id: claimId(args.domain, args.goldenId) }, { session: args.session });
  if (!claim) return null;
  const task =
    args.known?.get(claim.taskId) ?? (await tasksCollection(args.store).findOne({ _id: claim.taskId }, { session: args.session }));
  return task && task.status === 'open' && (task.members ?? []).some((m) => m.goldenId === args.goldenId) ? task : null;
}

/** Claims golden records for a task (same transaction as the task write). */
export async function claimMembers(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  goldenIds: string[];
  taskId: string;
  at: string;
}): Promise<void> {
  for (const goldenId of args.goldenIds) {
    const claim: ClusterClaimDocument = {
      _id: claimId(args.domain, goldenId),
      domain: args.domain,
      goldenId,
      taskId: args.taskId,
      at: args.at,
    };
    await claimsCollection(args.store).replaceOne({ _id: claim._id }, claim, { upsert: true, session: args.session });
  }
}

/** Drops the claims a task holds on golden records (when it closes or lets members go). */
export async function releaseClaims(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  goldenIds: string[];
  taskId: string;
}): Promise<void> {
  for (const goldenId of args.goldenIds)
    await claimsCollection(args.store).deleteOne({ _id: claimId(args.domain, goldenId), taskId: args.taskId }, { session: args.session });
}

/** What a steward sees of one source record: display name, identifiers, source (data-driven per domain). */
export function memberRecordView(record: SourceRecordDocument, rules: CompiledRules): ClusterMemberRecord {
  const display = searchFieldsOf(record.domain)?.display ?? ['name'];
  const name =
    display.map((field) => record.canonical[field]).find((value): value is string => typeof value === 'string' && value.trim() !== '') ??
    null;
  const identifiers: Record<string, unknown> = {};
  for (const comparator of rules.rules.comparators) {
    if (comparator.type !== 'identifier') continue;
    for (const field of comparator.fields) {
      const value = field.includes('.') ? undefined : record.canonical[field];
      if (value !== undefined && value !== null && value !== '') identifiers[field] = value;
    }
  }
  return { sourceRecordId: record._id, source: record.source, sourceId: record.sourceId, name, identifiers };
}

interface Gathered {
  golden: GoldenRecordDocument;
  records: SourceRecordDocument[];
}

/**
 * The neighbourhood of some golden records: themselves, every golden record linked to one of their
 * records by a cluster edge (or split from one by a `leaveOut` split rule) among its index candidates,
 * and all members of open cluster tasks reached.
 * Only the given records are searched in the index: a neighbour's own neighbours were searched when it
 * arrived (and are in its cluster task if they belong), and the re-match job brings older data in.
 * The index search stops adding at `maxMembers` golden records; an open task reached is taken whole
 * (a task is never narrowed because the search stopped early).
 */
async function gatherNeighbourhood(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  goldenIds: string[];
}): Promise<{ gathered: Map<string, Gathered>; tasks: Map<string, TaskDocument>; claimedBy: Map<string, string> }> {
  const { store, session, rules } = args;
  const max = rules.rules.clusterReview?.maxMembers ?? DEFAULT_MAX_MEMBERS;
  const gathered = new Map<string, Gathered>();
  const tasks = new Map<string, TaskDocument>();
  const claimedBy = new Map<string, string>();
  const queued = new Set(args.goldenIds);
  const queue = args.goldenIds.map((id) => ({ id, isSeed: true }));
  const enqueue = (id: string): void => {
    if (queued.has(id)) return;
    queued.add(id);
    queue.push({ id, isSeed: false });
  };
  while (queue.length > 0) {
    const next = queue.shift() as { id: string; isSeed: boolean };
    const golden = await activeGoldenOf(store, session, next.id);
    if (!golden || gathered.has(golden._id)) continue;
    const records = await loadMembers({ store, golden, session });
    gathered.set(golden._id, { golden, records });
    const task = await openClusterTaskOf({ store, session, domain: golden.domain, goldenId: golden._id, known: tasks });
    if (task) claimedBy.set(golden._id, task._id);
    if (task && !tasks.has(task._id)) {
      tasks.set(task._id, task);
      for (const member of task.members ?? []) enqueue(member.goldenId);
    }
    if (!next.isSeed) continue;
    for (const record of records) {
      const canonical = asCanonical(record.canonical, record.sourceId);
      const prepared = prepareRecord(canonical, rules);
      // A candidate on the other side of a `leaveOut` split is gathered too, so a bridge is seen as one; and one
      // that may attach to the other's cluster (or the other to its), so a lone member meets the cluster it resembles.
      const isLinked = (entry: { prepared: typeof prepared }): boolean => {
        const explanation = scorePair({ a: prepared, b: entry.prepared, rules });
        return isClusterEdge(explanation, rules) || isBridgeSplit(explanation, rules) || isAttachLink(explanation, rules);
      };
      const found = await findCandidates({ store, rules, record: canonical, recordId: record._id, session });
      for (const [goldenId, entries] of found.byGolden) {
        if (goldenId === golden._id || queued.has(goldenId) || queued.size >= max) continue;
        if (entries.some(isLinked)) enqueue(goldenId);
      }
    }
  }
  return { gathered, tasks, claimedBy };
}

/**
 * The graph with its attachable lone members put in, except those that also resemble a golden record outside the
 * graph (an index candidate of one of their records at `attachLoneMember.othersBelow` or more): the cluster graph
 * only holds the neighbourhood, and a member that looks like two things must stay in pairwise review.
 */
async function attachUnambiguousMembers(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  graph: ClusterGraph;
  gathered: Map<string, Gathered>;
}): Promise<ClusterGraph> {
  const { store, session, rules, graph, gathered } = args;
  if (graph.attachable.length === 0) return graph;
  const accepted = new Set<string>();
  for (const edge of graph.attachable) {
    // The lone side: the one in no cluster and, beside a merged golden record in none (`toMergedRecords`), of one record.
    const isPlaced = (id: string): boolean =>
      graph.clusters.some((cluster) => cluster.includes(id)) || (gathered.get(id)?.records.length ?? 0) >= 2;
    const lone = isPlaced(edge.a) ? edge.b : edge.a;
    let isAmbiguous = false;
    for (const record of gathered.get(lone)?.records ?? []) {
      const canonical = asCanonical(record.canonical, record.sourceId);
      const prepared = prepareRecord(canonical, rules);
      const found = await findCandidates({ store, rules, record: canonical, recordId: record._id, session });
      for (const [goldenId, entries] of found.byGolden) {
        if (goldenId === lone || gathered.has(goldenId)) continue;
        if (entries.some((entry) => isResemblance(scorePair({ a: prepared, b: entry.prepared, rules }), rules))) isAmbiguous = true;
        if (isAmbiguous) break;
      }
      if (isAmbiguous) break;
    }
    if (!isAmbiguous) accepted.add(lone);
  }
  return withAttachedMembers(graph, accepted);
}

/** Not-a-match pairs among the records that still stand (neither side changed in what the rules compare). */
async function standingNotAMatch(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  records: SourceRecordDocument[];
}): Promise<Set<string>> {
  const ids = args.records.map((r) => r._id);
  const idSet = new Set(ids);
  const pairs = (await args.store.collection<NotAMatchDocument>(NOT_A_MATCH).find({ a: { $in: ids } }, { session: args.session })).filter(
    (p) => idSet.has(p.b),
  );
  if (pairs.length === 0) return new Set();
  const fingerprints = new Map(args.records.map((r) => [r._id, fingerprintRecord(asCanonical(r.canonical, r.sourceId), args.rules)]));
  const standing = new Set<string>();
  for (const pair of pairs) {
    const isChanged = [pair.a, pair.b].some(
      (id) => pair.fingerprints?.[id] !== undefined && pair.fingerprints[id] !== fingerprints.get(id),
    );
    if (!isChanged) standing.add(pair._id);
  }
  return standing;
}

function membersOf(goldenIds: string[], gathered: Map<string, Gathered>, rules: CompiledRules): ClusterMember[] {
  return goldenIds.map((goldenId) => ({
    goldenId,
    records: (gathered.get(goldenId)?.records ?? []).map((r) => memberRecordView(r, rules)),
  }));
}

function storedEdges(edges: ClusterEdge[], goldenIds: string[]): TaskClusterEdge[] {
  const inCluster = new Set(goldenIds);
  const sorted = edges.filter((e) => inCluster.has(e.a) && inCluster.has(e.b)).sort((x, y) => y.score - x.score);
  // Every member's strongest link first (each member explained), then the strongest others up to the cap.
  const cap = Math.min(MAX_STORED_EDGES, Math.max(10, 2 * goldenIds.length));
  const chosen = new Set<ClusterEdge>();
  for (const id of goldenIds) {
    const own = sorted.find((e) => e.a === id || e.b === id);
    if (own) chosen.add(own);
  }
  for (const edge of sorted) if (chosen.size < cap) chosen.add(edge);
  return sorted
    .filter((e) => chosen.has(e))
    .map((e) => ({
      a: e.a,
      b: e.b,
      aRecordId: e.aRecordId,
      bRecordId: e.bRecordId,
      score: e.score,
      rule: e.rule,
      explanation: e.explanation,
    }));
}

/** Priority of a cluster task: its strongest edge, raised by its size (more duplicate pairs settled at once). */
function priorityOf(score: number, size: number): number {
  return Math.min(100, Math.round(score * 100) + Math.min(20, size));
}

function membershipKey(members: ClusterMember[]): string {
  return members
    .map((m) => `${m.goldenId}:${m.records.map((r) => r.sourceRecordId).join(',')}`)
    .sort()
    .join(';');
}

export interface ClusterReviewResult {
  /** Golden record id → the open cluster task it now belongs to. */
  clusterOf: Map<string, string>;
  opened: TaskDocument[];
  changed: TaskDocument[];
  closed: TaskDocument[];
}

/**
 * Builds the conflict-free clusters around `goldenIds` and brings the open cluster tasks in line
 * (inside the caller's transaction). A no-op for domains whose rules have no `clusterReview`.
 */
export async function reviewClustersAround(args: {
  store: Store;
  session: StoreSession;
  rules: CompiledRules;
  goldenIds: string[];
  source?: string;
  at: string;
}): Promise<ClusterReviewResult> {
  const result: ClusterReviewResult = { clusterOf: new Map(), opened: [], changed: [], closed: [] };
  const { store, session, rules, at } = args;
  if (!rules.rules.clusterReview) return result;
  const { gathered, tasks: reached, claimedBy } = await gatherNeighbourhood({ store, session, rules, goldenIds: args.goldenIds });
  if (gathered.size < 2 && reached.size === 0) return result;
  const allRecords = [...gathered.values()].flatMap((g) => g.records);
  const notAMatch = await standingNotAMatch({ store, session, rules, records: allRecords });
  const members: GraphMember[] = [...gathered.values()].map((g) => ({
    goldenId: g.golden._id,
    records: g.records.map((r) => {
      const canonical = asCanonical(r.canonical, r.sourceId);
      return { id: r._id, prepared: prepareRecord(canonical, rules), canonical };
    }),
  }));
  const built = buildClusterGraph({ members, rules, isNotAMatch: (x, y) => notAMatch.has([x, y].sort().join('~')) });
  const graph = await attachUnambiguousMembers({ store, session, rules, graph: built, gathered });
  const domain = rules.domain;
  const rule = `${rules.version}:clusterReview`;
  const existing = [...reached.values()].sort((x, y) =>
    x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x._id < y._id ? -1 : 1,
  );
  const targets = new Map<string, TaskDocument>();

  for (const cluster of graph.clusters) {
    const inCluster = new Set(cluster);
    let target: TaskDocument | null = null;
    let bestOverlap = 0;
    for (const task of existing) {
      if (targets.has(task._id)) continue;
      const overlap = (task.members ?? []).filter((m) => inCluster.has(m.goldenId)).length;
      if (overlap > bestOverlap) [target, bestOverlap] = [task, overlap];
    }
    const memberViews = membersOf(cluster, gathered, rules);
    const edges = storedEdges(graph.edges, cluster);
    const score = edges[0]?.score ?? 0;
    const saved = target
      ? await reviseClusterTask({ store, session, task: target, members: memberViews, edges, score, rule, at })
      : await insertClusterTask({
          store,
          session,
          domain,
          source: args.source ?? memberViews[0]?.records[0]?.source,
          members: memberViews,
          edges,
          score,
          rule,
          at,
        });
    if (!target) result.opened.push(saved);
    else if (saved.version !== target.version) result.changed.push(saved);
    targets.set(saved._id, saved);
    for (const goldenId of cluster) result.clusterOf.set(goldenId, saved._id);
    // Only claims that do not already point here are written (a revision mostly adds one member).
    await claimMembers({
      store,
      session,
      domain,
      goldenIds: cluster.filter((id) => claimedBy.get(id) !== saved._id),
      taskId: saved._id,
      at,
    });
    await absorbPairwiseTasks({ store, session, cluster, taskId: saved._id, at });
  }

  for (const task of existing) {
    if (targets.has(task._id)) continue;
    // Its members went to other clusters (or none): point to the task that took most of them.
    const counts = new Map<string, number>();
    for (const member of task.members ?? []) {
      const into = result.clusterOf.get(member.goldenId);
      if (into) counts.set(into, (counts.get(into) ?? 0) + 1);
    }
    const into = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const note = into ? `Absorbed into cluster task ${into}.` : 'Conflicting identifiers split the cluster into single records.';
    const closed = await closeTask({
      store,
      session,
      task,
      resolution: into ? 'absorbed' : 'auto-closed',
      absorbedInto: into,
      note,
      rule,
      at,
    });
    result.closed.push(closed);
    await releaseClaims({
      store,
      session,
      domain,
      goldenIds: (task.members ?? []).map((m) => m.goldenId).filter((id) => !result.clusterOf.has(id)),
      taskId: task._id,
    });
  }
  // Members of a task before that are in no cluster now get their pairwise review back (the records
  // being placed are left to their caller, which raises their own pairwise task).
  const leftOut = [...claimedBy.keys()]
    .filter((id) => !result.clusterOf.has(id) && !args.goldenIds.includes(id))
    .flatMap((id) => {
      const record = gathered.get(id)?.records[0];
      return record ? [{ goldenId: id, sourceRecordId: record._id, source: record.source }] : [];
    });
  if (leftOut.length > 0)
    await reviewLeftOutMembers({
      store,
      session,
      domain,
      leftOut,
      edges: [...graph.edges, ...graph.refused, ...graph.attachLinks],
      rule,
      at,
    });
  for (const task of targets.values()) {
    const kept = new Set((task.members ?? []).map((m) => m.goldenId));
    const before = reached.get(task._id);
    if (before)
      await releaseClaims({
        store,
        session,
        domain,
        goldenIds: (before.members ?? []).map((m) => m.goldenId).filter((id) => !kept.has(id)),
        taskId: task._id,
      });
  }
  return result;
}

async function insertClusterTask(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  source?: string;
  members: ClusterMember[];
  edges: TaskClusterEdge[];
  score: number;
  rule: string;
  at: string;
}): Promise<TaskDocument> {
  const size = args.members.length;
  const note = `${size} records look like one ${args.domain}: ${args.members.map((m) => m.records[0]?.name ?? m.goldenId).join(' · ')}`;
  return insertTask({
    store: args.store,
    session: args.session,
    fields: {
      type: CLUSTER_TASK,
      domain: args.domain,
      ...(args.source ? { source: args.source } : {}),
      priority: priorityOf(args.score, size),
      subject: {},
      members: args.members,
      edges: args.edges,
      score: args.score,
      band: 'review',
    },
    rule: args.rule,
    note,
    at: args.at,
  });
}

async function reviseClusterTask(args: {
  store: Store;
  session: StoreSession;
  task: TaskDocument;
  members: ClusterMember[];
  edges: TaskClusterEdge[];
  score: number;
  rule: string;
  at: string;
}): Promise<TaskDocument> {
  const { task } = args;
  const isSame = membershipKey(task.members ?? []) === membershipKey(args.members) && (task.edges ?? []).length === args.edges.length;
  if (isSame) return task;
  const before = new Set((task.members ?? []).map((m) => m.goldenId));
  const after = new Set(args.members.map((m) => m.goldenId));
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  const note = `${args.members.length} records now${added.length > 0 ? `; joined: ${added.join(', ')}` : ''}${removed.length > 0 ? `; left (conflict or merged): ${removed.join(', ')}` : ''}.`;
  const history = { at: args.at, by: 'system', action: 'members-changed', note };
  const updated = await tasksCollection(args.store).findOneAndUpdate(
    { _id: task._id, version: task.version, status: 'open' },
    {
      $set: {
        members: args.members,
        edges: args.edges,
        score: args.score,
        priority: Math.max(task.priority, priorityOf(args.score, args.members.length)),
        updatedAt: args.at,
      },
      $inc: { version: 1 },
      $push: { history },
    },
    { session: args.session, returnDocument: 'after' },
  );
  // Read in this transaction: only a concurrent writer (which the store refuses) could have moved it.
  if (!updated) throw new Error(`cluster task ${task._id} changed during its own transaction`);
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(args.rule),
    action: 'task.cluster-change',
    target: { type: 'task', id: task._id, domain: task.domain },
    before: { version: task.version, members: [...before] },
    after: { version: updated.version, members: [...after], added, removed },
    reason: note,
    at: args.at,
  });
  return updated;
}

async function closeTask(args: {
  store: Store;
  session: StoreSession;
  task: TaskDocument;
  resolution: 'absorbed' | 'auto-closed';
  absorbedInto?: string;
  note: string;
  rule: string;
  at: string;
}): Promise<TaskDocument> {
  const { task } = args;
  const history = { at: args.at, by: 'system', action: args.resolution === 'absorbed' ? 'absorbed' : 'auto-closed', note: args.note };
  const updated = await tasksCollection(args.store).findOneAndUpdate(
    { _id: task._id, version: task.version, status: 'open' },
    {
      $set: {
        status: 'closed',
        resolution: args.resolution,
        closedAt: args.at,
        updatedAt: args.at,
        ...(args.absorbedInto ? { absorbedInto: args.absorbedInto } : {}),
      },
      $inc: { version: 1 },
      $push: { history },
    },
    { session: args.session, returnDocument: 'after' },
  );
  if (!updated) throw new Error(`task ${task._id} changed during its own transaction`);
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(args.rule),
    action: args.resolution === 'absorbed' ? 'task.absorb' : 'task.auto-close',
    target: { type: 'task', id: task._id, domain: task.domain },
    before: { status: 'open', version: task.version },
    after: {
      status: 'closed',
      resolution: args.resolution,
      version: updated.version,
      ...(args.absorbedInto ? { absorbedInto: args.absorbedInto } : {}),
    },
    reason: args.note,
    at: args.at,
  });
  return updated;
}

/** Pairwise potential-match tasks inside a cluster: their in-cluster candidates go; a task left with none closes as absorbed. */
async function absorbPairwiseTasks(args: {
  store: Store;
  session: StoreSession;
  cluster: string[];
  taskId: string;
  at: string;
}): Promise<void> {
  const inCluster = new Set(args.cluster);
  const pairwise = await tasksCollection(args.store).find(
    { 'subject.goldenId': { $in: args.cluster }, status: 'open', type: 'potential-match' },
    { session: args.session },
  );
  for (const task of pairwise) {
    const candidates = task.candidates ?? [];
    const remaining = candidates.filter((c) => !inCluster.has(c.goldenId));
    if (remaining.length === candidates.length) continue;
    if (remaining.length === 0) {
      await closeTask({
        store: args.store,
        session: args.session,
        task,
        resolution: 'absorbed',
        absorbedInto: args.taskId,
        note: `Absorbed into cluster task ${args.taskId}.`,
        rule: CLUSTER_RULE,
        at: args.at,
      });
      continue;
    }
    const note = `Candidates ${candidates
      .filter((c) => inCluster.has(c.goldenId))
      .map((c) => c.goldenId)
      .join(', ')} moved to cluster task ${args.taskId}.`;
    const updated = await tasksCollection(args.store).findOneAndUpdate(
      { _id: task._id, version: task.version, status: 'open' },
      {
        $set: { candidates: remaining, ...bestOf(remaining), updatedAt: args.at },
        $inc: { version: 1 },
        $push: { history: { at: args.at, by: 'system', action: 'candidates-changed', note } },
      },
      { session: args.session, returnDocument: 'after' },
    );
    if (!updated) continue;
    await recordAudit({
      store: args.store,
      session: args.session,
      actor: systemActor(CLUSTER_RULE),
      action: 'task.candidates-change',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, candidates: candidates.map((c) => c.goldenId) },
      after: { status: 'open', version: updated.version, candidates: remaining.map((c) => c.goldenId), absorbedInto: args.taskId },
      reason: note,
      at: args.at,
    });
  }
}

/** Source records of golden records (for decisions on a cluster). */
export async function recordsOfGoldens(args: {
  store: Store;
  session: StoreSession;
  goldens: GoldenRecordDocument[];
}): Promise<Map<string, SourceRecordDocument[]>> {
  const ids = args.goldens.flatMap((g) => g.sourceRecordIds);
  const records = await args.store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ _id: { $in: ids } }, { session: args.session });
  const byId = new Map(records.map((r) => [r._id, r]));
  return new Map(
    args.goldens.map((g) => [g._id, g.sourceRecordIds.flatMap((id) => (byId.has(id) ? [byId.get(id) as SourceRecordDocument] : []))]),
  );
}
