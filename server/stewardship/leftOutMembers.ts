/**
 * A golden record that leaves every cluster task (a bridge between two companies a split keeps apart,
 * or a member a conflict split off) must still reach a steward: its pairwise potential-match tasks
 * were absorbed into the cluster task when it joined, so a pairwise task is raised again for it, with
 * the golden records it has cluster edges or attach links to as candidates (their explanations as evidence).
 */
import type { ClusterEdge } from './clusterGraph';
import { insertTask } from './newTask';
import { tasksCollection } from './taskStore';
import type { TaskCandidate } from './types';
import type { Store, StoreSession } from '../store/types';

/** Most candidates one re-raised pairwise task lists. */
const MAX_CANDIDATES = 10;

/** Opens a pairwise potential-match task for each left-out golden record that has cluster edges and no open one. */
export async function reviewLeftOutMembers(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  leftOut: Array<{ goldenId: string; sourceRecordId: string; source: string }>;
  /** Every edge of the graph, kept in a cluster or refused, and its attach links (a member that joined through one). */
  edges: ClusterEdge[];
  rule: string;
  at: string;
}): Promise<void> {
  for (const member of args.leftOut) {
    const best = new Map<string, TaskCandidate>();
    for (const edge of args.edges) {
      const other = edge.a === member.goldenId ? edge.b : edge.b === member.goldenId ? edge.a : null;
      if (!other || (best.get(other)?.score ?? -1) >= edge.score) continue;
      best.set(other, { goldenId: other, score: edge.score, band: 'review', explanation: edge.explanation });
    }
    if (best.size === 0) continue;
    const open = await tasksCollection(args.store).findOne(
      { type: 'potential-match', status: 'open', 'subject.goldenId': member.goldenId },
      { session: args.session },
    );
    if (open) continue;
    const candidates = [...best.values()].sort((x, y) => y.score - x.score).slice(0, MAX_CANDIDATES);
    await insertTask({
      store: args.store,
      session: args.session,
      fields: {
        type: 'potential-match',
        domain: args.domain,
        source: member.source,
        subject: { sourceRecordId: member.sourceRecordId, goldenId: member.goldenId },
        candidates,
      },
      rule: args.rule,
      note: 'Left its cluster task (it links to records a split keeps apart, or a conflict split it off): reviewed pairwise again.',
      at: args.at,
    });
  }
}
