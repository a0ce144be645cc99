/**
 * Stored shapes of mappings. One head document per (direction, source, domain) holds the editable
 * draft and a copy of what is published (so ingest reads one document by `_id`); every published
 * version is an immutable document of its own, with the canonical schema version it was published
 * against, so old versions stay readable after the schema changes.
 */

import type { SourceFormat } from '../ingest/formats/registry';

export const MAPPING_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MappingDirection = (typeof MAPPING_DIRECTIONS)[number];

/** A test case: `input` must map to `output`, or fail with the error `code` (ours or jsonata's, e.g. D3137). */
export type MappingTestCase = { name: string; input: unknown; output: unknown } | { name: string; input: unknown; error: string };

/** What a mapping says: everything that is versioned, and hashed to detect changes. */
export interface MappingContent {
  expression: string;
  description: string;
  samples: unknown[];
  tests: MappingTestCase[];
  /** How the source sends its payloads (content type + parser options); absent = told by each request. */
  format?: SourceFormat;
}

/** Who made a change: an API key, or `files` for mappings as code. */
export interface MappingAuthor {
  keyId: string;
  name: string;
  role: string;
}

export interface MappingDraft extends MappingContent {
  /** Increments on every save; the PUT body's `revision` must match it (optimistic concurrency). */
  revision: number;
  contentHash: string;
  updatedAt: string;
  updatedBy: MappingAuthor;
}

/** The published version as ingest needs it, copied into the head document. */
export interface PublishedPointer {
  version: number;
  expression: string;
  contentHash: string;
  cacheKey: string;
  lookupTables: string[];
  /** The published version's source format (ingest reads it with the expression). */
  format?: SourceFormat;
  publishedAt: string;
  publishedBy: MappingAuthor;
}

/** What the last start-up saw of this mapping's files, so an unchanged file never undoes API edits. */
export interface FileSyncState {
  contentHash: string;
  loadedAt: string;
  /** Outcome of the last load: published a new version, already in sync, kept the API version, or refused. */
  outcome: 'published' | 'in-sync' | 'kept-api-version' | 'refused';
  /** Why the file was refused (failing tests, syntax), in plain language. */
  problem?: string;
}

export interface MappingDocument {
  /** `${direction}|${source}|${domain}` */
  _id: string;
  source: string;
  domain: string;
  direction: MappingDirection;
  draft: MappingDraft | null;
  published: PublishedPointer | null;
  files?: FileSyncState;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

export type VersionOrigin = 'api' | 'files' | 'rollback';

export interface MappingVersionDocument extends MappingContent {
  /** `${mappingId}|v${version}` */
  _id: string;
  mappingId: string;
  source: string;
  domain: string;
  direction: MappingDirection;
  version: number;
  contentHash: string;
  lookupTables: string[];
  origin: VersionOrigin;
  /** For rollbacks: the version whose content was published again. */
  rolledBackFrom?: number;
  /** Canonical schema version (`x-version`) the outputs were checked against when published. */
  schemaVersion: string | null;
  testSummary: { total: number; passed: number };
  note?: string;
  author: MappingAuthor;
  createdAt: string;
  [key: string]: unknown;
}

/** The author recorded for mappings and lookup tables loaded from files. */
export const FILES_AUTHOR: MappingAuthor = { keyId: 'files', name: 'files', role: 'system' };
