/** The exception queue's collection and the indexes its filters and counts use. */
import type { CollectionDefinition } from '../store/types';

export const INGEST_EXCEPTIONS = 'ingestExceptions';

export const exceptionCollections: CollectionDefinition[] = [
  {
    name: INGEST_EXCEPTIONS,
    indexes: [
      // Dedupe: one open exception per distinct bad payload of a source and domain.
      { keys: { rawHash: 1, status: 1 }, name: 'by_raw_hash' },
      // ...enforced: `openHash` (the rawHash, kept while open) is unique among open exceptions, so two
      // servers failing the same payload at once cannot open two (older documents have none).
      { keys: { openHash: 1 }, name: 'one_open_per_raw_hash', unique: true, partial: { status: 'open', openHash: { $exists: true } } },
      { keys: { status: 1, source: 1, domain: 1, _id: 1 }, name: 'by_status_source' },
      { keys: { status: 1, code: 1 }, name: 'by_status_code' },
      { keys: { lastSeenAt: -1 }, name: 'by_last_seen' },
      { keys: { source: 1, domain: 1, sourceId: 1 }, name: 'by_source_record' },
      { keys: { 'origin.correlationId': 1 }, name: 'by_correlation' },
    ],
  },
];
