/**
 * Stored shapes of the golden-record model, shared by ingest, matching, stewardship, the query API and
 * (through presenters) the studio. Source records (crosswalks) stay separate; a golden record is
 * always computed from its source records by survivorship, plus steward overrides.
 */

export type { SourceRecordDocument } from '../sourceRecords/types';

export interface LineageEntry {
  sourceRecordId: string;
  source: string;
  sourceId: string;
  /** When the supplying source record was last updated. */
  at: string;
  /** The survivorship strategy that chose this value, or `override`. */
  strategy: string;
}

export interface OverrideEntry {
  value: unknown;
  reason: string;
  by: { keyId: string; name: string; role: string };
  at: string;
}

export interface GoldenRecordDocument {
  /** Stable id; survives merges of other records into it. */
  _id: string;
  domain: string;
  status: 'active' | 'retired';
  /** On a retired record: the survivor it was merged into. */
  mergedInto?: string;
  /** Increments on every change (optimistic concurrency). */
  version: number;
  /** The surviving value of every top-level canonical attribute (no `sourceId`). */
  attributes: Record<string, unknown>;
  /** Attribute name → where its value came from. */
  lineage: Record<string, LineageEntry>;
  sourceRecordIds: string[];
  /** Steward overrides; each wins over survivorship until cleared. */
  overrides: Record<string, OverrideEntry>;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

export type HistoryCause = 'ingest' | 'merge' | 'unmerge' | 'override' | 'override-cleared' | 'recompute' | 'retire';

export interface GoldenHistoryDocument {
  _id: string;
  goldenId: string;
  domain: string;
  version: number;
  at: string;
  cause: HistoryCause;
  actor: { keyId: string; name: string; role: string; rule?: string };
  /** Top-level attribute changes of this version. */
  changes: Array<{ attribute: string; before: unknown; after: unknown }>;
  /** The full state at this version, so "as of" reads need no replay. */
  snapshot: Pick<GoldenRecordDocument, 'status' | 'mergedInto' | 'attributes' | 'lineage' | 'sourceRecordIds' | 'overrides'>;
  note?: string;
  [key: string]: unknown;
}

/** A relationship between golden records (packaging level, parent/child): never a merge. */
export interface RelationshipDocument {
  _id: string;
  domain: string;
  type: 'packaging' | 'parent' | 'remit-to' | string;
  fromGoldenId: string;
  toGoldenId: string;
  attributes?: Record<string, unknown>;
  createdAt: string;
  [key: string]: unknown;
}

/** The change feed downstream consumers read (`GET /api/v1/changes?after=`). */
export interface ChangeDocument {
  /** Monotonic, sortable: a zero-padded sequence drawn in the same transaction as the change (the cursor). */
  _id: string;
  domain: string;
  goldenId: string;
  type: 'created' | 'updated' | 'merged' | 'retired' | 'unmerged';
  version: number;
  /** The version this change replaced (null for a new record), so a consumer can tell it missed none. */
  previousVersion?: number | null;
  /** Canonical attribute paths whose value changed (`manufacturer.name`; arrays as a whole). */
  changedPaths?: string[];
  /**
   * Source records in the golden record after the change (stored, not presented): lets the task-sync processor
   * skip the record read for a one-member record, which cannot have a survivorship conflict. Older entries lack it.
   */
  memberCount?: number;
  at: string;
  [key: string]: unknown;
}

/** Who did something: an API key's principal, or `system` with the rule for automatic decisions. */
export interface GoldenActor {
  keyId: string;
  name: string;
  role: string;
  rule?: string;
}

/** One candidate golden record a source record was scored against. */
export interface MatchDecisionCandidate {
  goldenId: string;
  score: number;
  band: string;
  /** The matching engine's explanation of the best-scoring member pair. */
  explanation: unknown;
  /** Set when a not-a-match decision kept this candidate out. */
  excludedBy?: 'not-a-match' | 'left-on-unmerge' | 'retired';
}

/** Every automatic matching decision, stored with what the engine saw (`matchDecisions`). */
export interface MatchDecisionDocument {
  _id: string;
  domain: string;
  sourceRecordId: string;
  /** The golden record the source record ended up in. */
  goldenId: string;
  outcome: 'created' | 'merged' | 'updated' | 'unchanged' | 'review';
  /** What made matching run: a new record, an update re-match, an unmerge re-match, a domain re-match job. */
  trigger: 'ingest' | 'update' | 'unmerge' | 'rematch';
  rulesVersion: string;
  band: 'auto-merge' | 'review' | 'no-match';
  /** Total score of the best candidate (0 when there was none). */
  score: number;
  /** Hard rule fired on the best candidate, if any. */
  ruleFired: string | null;
  candidatesConsidered: number;
  candidates: MatchDecisionCandidate[];
  /** Blocking keys skipped because their block was larger than its maxBlockSize. */
  overCollisions: unknown[];
  actor: GoldenActor;
  at: string;
  [key: string]: unknown;
}
