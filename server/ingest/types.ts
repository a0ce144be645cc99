/** Shapes shared by the ingest pipeline, its use cases, the upload job and the presenters. */
import type { ExceptionProblem, IngestStage } from '../exceptions/types';
import type { ApplyOutcome, GoldenActor, OffThreadPreparation } from '../golden';
import type { PublishedMapping } from '../mappings';
import type { CanonicalPreparation } from '../mapping-runtime';
import type { AppServices } from '../services';
import type { ItemPosition } from './recordReader';

/** Where a batch of records came from (kept on source records and exceptions). */
export interface IngestOrigin {
  requestId?: string;
  jobId?: string;
  /** Follows the records into golden changes, exceptions, audit and deliveries (server/correlation.ts). */
  correlationId?: string;
}

export interface IngestContext {
  services: AppServices;
  source: string;
  domain: string;
  mapping: PublishedMapping;
  lookups: Record<string, Record<string, unknown>>;
  /** The canonical schema version records are validated against (lineage). */
  schemaVersion: string;
  /** What turns a payload into a canonical record, hashed (`unchangedRecords.ts`); null: always run the full pipeline. */
  fingerprint: string | null;
  actor: GoldenActor;
  origin: IngestOrigin;
  /** A job's signal: aborting stops the batch being mapped (the job resumes from its checkpoint). */
  signal?: AbortSignal;
}

export interface StageFailure {
  stage: IngestStage;
  code: string;
  path?: string;
  message: string;
  problems: ExceptionProblem[];
}

/** What happened to one record; received = accepted + unchanged + exception, always. */
export type RecordResult =
  | {
      outcome: 'accepted';
      position: ItemPosition;
      sourceId: string;
      sourceRecordId: string;
      goldenId: string;
      /** Whether the source record is new or an update of an earlier payload with the same source id. */
      change: 'created' | 'updated';
      /**
       * What matching did with it (created a golden record, merged into one, opened a review…); absent
       * only when a resumed job re-reads a record it had stored before its last checkpoint.
       */
      match?: ApplyOutcome;
    }
  | { outcome: 'unchanged'; position: ItemPosition; sourceId: string; sourceRecordId: string; goldenId: string }
  | {
      outcome: 'exception';
      position: ItemPosition;
      sourceId?: string;
      exceptionId: string;
      stage: IngestStage;
      code: string;
      path?: string;
      message: string;
    };

/** One record travelling through the stages. */
export interface WorkItem {
  position: ItemPosition;
  raw: unknown;
  /** The raw value is the text of a line that could not be parsed. */
  isRawText: boolean;
  /** Replaying this exception id. */
  replayOf?: string;
  output?: unknown;
  /** Validation and standardisation done beside the mapping (`ok`: `output` is already the standardised record). */
  prepared?: CanonicalPreparation;
  sourceId?: string;
  canonical?: Record<string, unknown>;
  failure?: StageFailure;
  result?: RecordResult;
  /** Hash of `raw` (stable key order), computed once. */
  payloadHash?: string;
  /** `ingestKeyOf` the payload under the batch's fingerprint, computed once (the unchanged answer and persist read it). */
  ingestKey?: string;
  /** Answered from the stored record before mapping (an unchanged re-send). */
  isAnsweredUnchanged?: boolean;
  /** `canonical` prepared for matching on the preparation thread while the previous batch was persisted. */
  matchPreparation?: OffThreadPreparation;
}

export interface IngestTotals {
  received: number;
  accepted: number;
  unchanged: number;
  exceptions: number;
}

/** Adds a batch's results to running totals. */
export function addToTotals(totals: IngestTotals, results: readonly RecordResult[]): IngestTotals {
  const next = { ...totals };
  for (const result of results) {
    next.received += 1;
    if (result.outcome === 'accepted') next.accepted += 1;
    else if (result.outcome === 'unchanged') next.unchanged += 1;
    else next.exceptions += 1;
  }
  return next;
}

/** Zero totals. */
export function emptyTotals(): IngestTotals {
  return { received: 0, accepted: 0, unchanged: 0, exceptions: 0 };
}
