/**
 * Collections owned by stewardship, with the indexes stewardship and its readers rely on. Golden
 * records and re-matching read `tasks` and `notAMatch` and open tasks only through newTask.ts. Index
 * names carry a `stewardship_` prefix; the `golden_`-prefixed ones were declared by golden records
 * before stewardship owned these collections and keep their names so deployed indexes stay as they are.
 */
import type { CollectionDefinition } from '../store/types';
import { AUDIT_COLLECTION } from '../audit/collections';

/** Steward tasks (shapes in types.ts); created only by insertTask (newTask.ts) and clusterTasks.ts. */
export const TASKS = 'tasks';
/** Pairs of source records a steward (or an unmerge) said are not the same thing. */
export const NOT_A_MATCH = 'notAMatch';

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
      // The exception-tasks processor's pass (every 15 s) reads the open tasks of one type in every domain
      // (`OPEN_DATA_QUALITY_TASKS`, taskSync.ts): without `type` first the planner could only narrow by status and read
      // every open task — the potential-match reviews too — on each pass, a cost that grew with the inbox
      // (docs/INGEST.md "Session 28 (ingest28)").
      { keys: { type: 1, status: 1 }, name: 'stewardship_by_type_status' },
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
      // Golden records and re-matching look for an open potential-match task of a source record.
      { keys: { 'subject.sourceRecordId': 1, status: 1 }, name: 'golden_by_subject_record' },
    ],
  },
  {
    name: NOT_A_MATCH,
    indexes: [
      { keys: { taskId: 1 }, name: 'stewardship_by_task' },
      // Matching and golden records read a record's exclusions from either side of the pair.
      { keys: { a: 1 }, name: 'golden_by_a' },
      { keys: { b: 1 }, name: 'golden_by_b' },
    ],
  },
  // Per-golden-record audit reads filter on the target id alone.
  { name: AUDIT_COLLECTION, indexes: [{ keys: { 'target.id': 1, at: 1 }, name: 'stewardship_by_target_id' }] },
  { name: STEWARDSHIP_STATE, indexes: [] },
  // One document per golden record in an open cluster task (`_id` = domain|goldenId): the key that
  // keeps two ingests from opening two tasks for one cluster.
  { name: CLUSTER_CLAIMS, indexes: [{ keys: { taskId: 1 }, name: 'stewardship_by_task' }] },
];
