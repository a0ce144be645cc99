/** Stored shapes of steward tasks and not-a-match decisions. */

export type TaskType = 'potential-match' | 'potential-match-cluster' | 'data-quality' | 'survivorship-conflict';

/** One source record of a cluster member, as the steward sees it (a snapshot taken when the cluster was built). */
export interface ClusterMemberRecord {
  sourceRecordId: string;
  source: string;
  sourceId: string;
  /** The domain's display attribute (server/search/searchFields.json). */
  name: string | null;
  /** Non-empty values of the attributes the rules compare as identifiers. */
  identifiers: Record<string, unknown>;
}

/** A golden record in a cluster task. */
export interface ClusterMember {
  goldenId: string;
  records: ClusterMemberRecord[];
}

/** The evidence linking two members: the best qualifying pair of their source records, explained. */
export interface TaskClusterEdge {
  a: string;
  b: string;
  aRecordId: string;
  bRecordId: string;
  score: number;
  /** The clusterReview edge rule that linked them. */
  rule: string;
  explanation: unknown;
}

export interface TaskCandidate {
  goldenId: string;
  score: number;
  band: string;
  /** The matching engine's explanation (rules version, per-field scores, rule fired). */
  explanation: unknown;
  /** Proposed through these golden records (transitive review evidence), not by a direct match. */
  via?: string[];
}

export interface TaskDocument {
  _id: string;
  type: TaskType;
  domain: string;
  /** Source system of the record that raised the task, for filtering. */
  source?: string;
  status: 'open' | 'closed';
  /** How it was closed: merged, not-a-match, resolved, auto-closed, skipped… */
  resolution?: string;
  /** Increments on every change (optimistic concurrency). */
  version: number;
  priority: number;
  assignee?: string;
  /** What the task is about. */
  subject: { sourceRecordId?: string; goldenId?: string; exceptionId?: string; attribute?: string };
  /**
   * While open: the one key of what the task is about (type + subject), under a unique index over
   * open tasks, so two servers (or two concurrent writes) cannot open the same task twice. Tasks
   * written before it existed have none.
   */
  openKey?: string;
  candidates?: TaskCandidate[];
  /** Highest candidate score (for sorting and score-band filters). */
  score?: number;
  band?: string;
  comments: Array<{ at: string; by: string; text: string }>;
  history: Array<{ at: string; by: string; action: string; note?: string }>;
  createdAt: string;
  updatedAt: string;
  /** Set when the task closes. */
  closedAt?: string;
  /** survivorship-conflict: the disagreeing values of trusted sources. */
  values?: ConflictValue[];
  /** data-quality: a summary of the exception (code, stage, message, sourceId). */
  exception?: { code: string; stage: string; message: string; sourceId?: string };
  /** potential-match-cluster: the golden records that look like one, and the edges between them. */
  members?: ClusterMember[];
  edges?: TaskClusterEdge[];
  /** Closed because a cluster task took the question over (resolution `absorbed`). */
  absorbedInto?: string;
  [key: string]: unknown;
}

/** One trusted source's value of a key attribute in a survivorship conflict. */
export interface ConflictValue {
  sourceRecordId: string;
  source: string;
  value: unknown;
}

/** How a closed task ended. */
export type TaskResolution = 'merged' | 'not-a-match' | 'skipped' | 'overridden' | 'auto-closed' | 'absorbed';

/** A pair a steward said is not a match; `_id` = the two ids sorted and joined with `~`. */
export interface NotAMatchDocument {
  _id: string;
  domain: string;
  a: string;
  b: string;
  /** Hash of the compared attributes of each side when decided; a change reopens the question. */
  fingerprints: Record<string, string>;
  by: { keyId: string; name: string; role: string };
  at: string;
  reason?: string;
  /** The task the decision was taken on, when there was one. */
  taskId?: string;
  [key: string]: unknown;
}
