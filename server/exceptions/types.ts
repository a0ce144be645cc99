/**
 * Stored shape of the exception queue (dead letter): every source record that could not be
 * accepted, with what is needed to understand it and to replay it after a fix.
 */

/** Pipeline stage at which a record failed. */
export const INGEST_STAGES = ['parse', 'map', 'validate', 'standardise', 'persist'] as const;
export type IngestStage = (typeof INGEST_STAGES)[number];

export const EXCEPTION_STATUSES = ['open', 'replayed', 'resolved', 'discarded'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export interface ExceptionProblem {
  path?: string;
  code: string;
  message: string;
}

export interface ExceptionActor {
  keyId: string;
  name: string;
  role: string;
}

export interface IngestExceptionDocument {
  /** `exc_<uuid>`. */
  _id: string;
  source: string;
  domain: string;
  /** The source id when the mapping produced one (absent for parse and most mapping failures). */
  sourceId?: string;
  stage: IngestStage;
  /** Stable business code: MAPPING_ERROR, SCHEMA_VIOLATION, INVALID_GTIN, CSV_PARSE_ERROR… */
  code: string;
  /** Field path of the first problem (`addresses[0].postalCode`), when there is one. */
  path?: string;
  /** Plain-language message for a business user. */
  message: string;
  /** Every problem found (schema validation reports them all). */
  problems: ExceptionProblem[];
  /** The payload exactly as received; for unparseable input, the raw text. */
  raw: unknown;
  /** Whether `raw` is the unparsed text of a line that could not be read (never replayable through the mapping as-is). */
  isRawText: boolean;
  /** Hash of source, domain and raw: the same bad record sent again updates this exception instead of adding one. */
  rawHash: string;
  /** The rawHash while the exception is open (unique among open exceptions); absent on older documents. */
  openHash?: string;
  /** Where in the request or file the record was (1-based line for CSV/NDJSON, 0-based index for JSON arrays). */
  position?: { line?: number; index?: number; message?: number; path?: string };
  mappingVersion: number | null;
  schemaVersion: string | null;
  status: ExceptionStatus;
  /** How many times this record arrived (or was replayed) and failed. */
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The request or job the record last came in with. */
  origin: { requestId?: string; jobId?: string };
  /** Set when the exception is closed: replayed successfully, resolved or discarded. */
  closed?: { at: string; by: ExceptionActor; reason?: string; goldenId?: string; sourceRecordId?: string };
  updatedAt: string;
  [key: string]: unknown;
}
