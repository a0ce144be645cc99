/**
 * Collections owned by ingest: stored responses for Idempotency-Key (an entry, plus its answer in
 * chunks when large), and uploaded file chunks for jobs. `expireAt` (a Date) drives MongoDB TTL
 * indexes; the embedded store does not expire documents, so the code deletes expired entries itself.
 */
import type { CollectionDefinition } from '../store/types';
import { exceptionCollections } from '../exceptions/collections';

export const INGEST_IDEMPOTENCY = 'ingestIdempotency';
export const INGEST_IDEMPOTENCY_CHUNKS = 'ingestIdempotencyChunks';
export const UPLOAD_CHUNKS = 'uploadChunks';
/** ACKs of HL7 messages received over MLLP, by route and message control id (idempotent re-sends). */
export const MLLP_MESSAGES = 'mllpMessages';

export const ingestCollections: CollectionDefinition[] = [
  {
    name: INGEST_IDEMPOTENCY,
    indexes: [
      { keys: { expiresAt: 1 }, name: 'by_expiry' },
      { keys: { expireAt: 1 }, name: 'ttl', expireAfterSeconds: 0 },
    ],
  },
  {
    name: INGEST_IDEMPOTENCY_CHUNKS,
    indexes: [
      { keys: { entryId: 1, seq: 1 }, name: 'by_entry', unique: true },
      { keys: { expiresAt: 1 }, name: 'by_expiry' },
      { keys: { expireAt: 1 }, name: 'ttl', expireAfterSeconds: 0 },
    ],
  },
  {
    name: UPLOAD_CHUNKS,
    indexes: [
      { keys: { uploadId: 1, seq: 1 }, name: 'by_upload', unique: true },
      { keys: { expireAt: 1 }, name: 'ttl', expireAfterSeconds: 0 },
    ],
  },
  { name: MLLP_MESSAGES, indexes: [{ keys: { receivedAt: 1 }, name: 'by_received' }] },
  ...exceptionCollections,
];
