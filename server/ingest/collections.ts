/** Collections owned by ingest: stored responses for Idempotency-Key, and uploaded file chunks for jobs. */
import type { CollectionDefinition } from '../db/collections';
import { exceptionCollections } from '../exceptions/collections';

export const INGEST_IDEMPOTENCY = 'ingestIdempotency';
export const UPLOAD_CHUNKS = 'uploadChunks';
/** ACKs of HL7 messages received over MLLP, by route and message control id (idempotent re-sends). */
export const MLLP_MESSAGES = 'mllpMessages';

export const ingestCollections: CollectionDefinition[] = [
  { name: INGEST_IDEMPOTENCY, indexes: [{ keys: { expiresAt: 1 }, name: 'by_expiry' }] },
  { name: UPLOAD_CHUNKS, indexes: [{ keys: { uploadId: 1, seq: 1 }, name: 'by_upload', unique: true }] },
  { name: MLLP_MESSAGES, indexes: [{ keys: { receivedAt: 1 }, name: 'by_received' }] },
  ...exceptionCollections,
];
