/** The stored shape of a source record (crosswalk); see sourceRecords/collections.ts for why it lives here. */

/** One source system's record, as received and as standardised. `_id` = `${domain}|${source}|${sourceId}`. */
export interface SourceRecordDocument {
  _id: string;
  domain: string;
  source: string;
  sourceId: string;
  /** Golden record this source record currently belongs to. */
  goldenId: string;
  /** The payload exactly as the source sent it. */
  raw: unknown;
  /** The canonical record after mapping, validation and standardisation. */
  canonical: Record<string, unknown>;
  /** Hash of `raw` (stable key order): the same content twice is a no-op. */
  payloadHash: string;
  /** Lineage: which mapping and schema produced `canonical`. */
  mappingVersion: number;
  schemaVersion: string;
  receivedAt: string;
  updatedAt: string;
  /** Increments on every change of `canonical` or `goldenId`. */
  version: number;
  [key: string]: unknown;
}
