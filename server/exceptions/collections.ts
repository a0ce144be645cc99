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
      // The exception-tasks pass (every 15 s) reads the open exceptions seen since its cursor (`exceptionsSeenSince`,
      // taskSync.ts): equality on status, then the range — MongoDB's ESR order. Without it the planner took a
      // status-prefixed index and read every open exception on each pass (docs/INGEST.md "Session 28 (ingest28)").
      { keys: { status: 1, lastSeenAt: 1 }, name: 'by_status_last_seen' },
      { keys: { source: 1, domain: 1, sourceId: 1 }, name: 'by_source_record' },
      // Every ingest batch closes the open exceptions its accepted records supersede (`resolveSuperseded`:
      // status, source, domain and the batch's source ids). With `status` in this index the read is a lookup of
      // those ids alone; without it the planner took `by_status_source` (the same three equality fields) and read
      // every open exception of the source once per batch — a cost that grew with the queue (docs/INGEST.md
      // "Session 28 (ingest28)"). A query's equality fields all in one index, as MongoDB's ESR guideline says.
      { keys: { source: 1, domain: 1, sourceId: 1, status: 1 }, name: 'by_source_record_status' },
      { keys: { 'origin.correlationId': 1 }, name: 'by_correlation' },
    ],
  },
];
