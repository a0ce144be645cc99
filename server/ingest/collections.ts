/** Collections owned by ingest: stored responses for Idempotency-Key, and uploaded file chunks for jobs. */
import type { CollectionDefinition } from '../db/collections';
import { exceptionCollections } from '../exceptions/collections';

export const INGEST_IDEMPOTENCY = 'ingestIdempotency';
export const UPLOAD_CHUNKS = 'uploadChunks';

export const ingestCollections: CollectionDefinition[] = [
  { name: INGEST_IDEMPOTENCY, indexes: [{ keys: { expiresAt: 1 }, name: 'by_expiry' }] },
  { name: UPLOAD_CHUNKS, indexes: [{ keys: { uploadId: 1, seq: 1 }, name: 'by_upload', unique: true }] },
  ...exceptionCollections,
];
