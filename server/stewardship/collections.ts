/**
 * Indexes stewardship relies on. `tasks` and `notAMatch` are shared with golden records (which
 * declares its own `golden_`-prefixed indexes); ours carry a `stewardship_` prefix so names never clash.
 */
import type { CollectionDefinition } from '../store/types';
import { AUDIT_COLLECTION } from '../audit/collections';
import { NOT_A_MATCH, TASKS } from '../golden/collections';

/** One document per golden record in an open cluster task (see clusterTasks.ts). */
export const CLUSTER_CLAIMS = 'clusterClaims';

/** The processor's cursors (change feed position, exception scan position). */
export const STEWARDSHIP_STATE = 'stewardshipState';

export const stewardshipCollections: CollectionDefinition[] = [
  {
    name: TASKS,
    indexes: [
      { keys: { status: 1, priority: -1, _id: -1 }, name: 'stewardship_by_status_priority_desc' },
      { keys: { status: 1, createdAt: 1, _id: 1 }, name: 'stewardship_by_status_created' },
      { keys: { status: 1, domain: 1, type: 1 }, name: 'stewardship_by_status_domain_type' },
      { keys: { 'subject.goldenId': 1, status: 1 }, name: 'stewardship_by_subject_golden' },
      { keys: { 'candidates.goldenId': 1, status: 1 }, name: 'stewardship_by_candidate_golden' },
      { keys: { 'members.goldenId': 1, status: 1 }, name: 'stewardship_by_member_golden' },
      { keys: { 'subject.exceptionId': 1, status: 1 }, name: 'stewardship_by_subject_exception' },
      { keys: { assignee: 1, status: 1 }, name: 'stewardship_by_assignee' },
      // At most one open task per subject (openKeyOf): concurrent creation fails on the second insert.
      {
        keys: { openKey: 1 },
        name: 'stewardship_one_open_per_subject',
        unique: true,
        partial: { status: 'open', openKey: { $exists: true } },
      },
    ],
  },
  { name: NOT_A_MATCH, indexes: [{ keys: { taskId: 1 }, name: 'stewardship_by_task' }] },
  // Per-golden-record audit reads filter on the target id alone.
  { name: AUDIT_COLLECTION, indexes: [{ keys: { 'target.id': 1, at: 1 }, name: 'stewardship_by_target_id' }] },
  { name: STEWARDSHIP_STATE, indexes: [] },
  // One document per golden record in an open cluster task (`_id` = domain|goldenId): the key that
  // keeps two ingests from opening two tasks for one cluster.
  { name: CLUSTER_CLAIMS, indexes: [{ keys: { taskId: 1 }, name: 'stewardship_by_task' }] },
];
