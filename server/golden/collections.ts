/** Collections owned by golden records, and the indexes the use cases and the query API rely on. */
import { SOURCE_RECORDS } from '../sourceRecords/collections';
import type { CollectionDefinition } from '../store/types';

export { SOURCE_RECORDS };

export const GOLDEN_RECORDS = 'goldenRecords';
export const GOLDEN_HISTORY = 'goldenHistory';
export const RELATIONSHIPS = 'relationships';
export const CHANGES = 'changes';
/** Change-feed entries written but not yet numbered by the sequencer (changeFeed.ts). */
export const CHANGE_QUEUE = 'changeQueue';
export const MATCH_DECISIONS = 'matchDecisions';
export const COUNTERS = 'counters';

// Index names carry a `golden_` prefix so that another feature declaring indexes on a shared
// collection (sourceRecords) cannot collide with these by name.
export const goldenCollections: CollectionDefinition[] = [
  {
    name: GOLDEN_RECORDS,
    indexes: [
      { keys: { domain: 1, _id: 1 }, name: 'golden_by_domain' },
      { keys: { domain: 1, status: 1, _id: 1 }, name: 'golden_by_status' },
      { keys: { domain: 1, updatedAt: 1 }, name: 'golden_by_updated' },
      { keys: { mergedInto: 1 }, name: 'golden_by_merged_into', partial: { mergedInto: { $exists: true } } },
    ],
  },
  {
    name: SOURCE_RECORDS,
    indexes: [
      { keys: { goldenId: 1 }, name: 'golden_by_golden' },
      { keys: { domain: 1, _id: 1 }, name: 'golden_by_domain' },
      { keys: { domain: 1, source: 1, 'canonical.parentSourceId': 1 }, name: 'golden_by_parent_ref' },
      { keys: { domain: 1, source: 1, 'canonical.remitToSourceId': 1 }, name: 'golden_by_remit_ref' },
      // Unchanged re-sends are answered by this key before mapping (server/ingest/unchangedRecords.ts), from the index
      // alone: it holds every field that answer reads (a covered query on MongoDB and in the embedded store, where the
      // last `_id` level costs nothing). Replaces `ingest_by_unchanged_key` ({ ingestKey: 1 }), which a store created
      // before session 31 keeps unused (neither store drops an index the application no longer declares).
      {
        keys: { ingestKey: 1, goldenId: 1, 'lastIngest.jobId': 1, 'lastIngest.change': 1, _id: 1 },
        name: 'ingest_by_unchanged_key_covered',
      },
    ],
  },
  {
    name: GOLDEN_HISTORY,
    indexes: [
      { keys: { goldenId: 1, version: 1 }, name: 'golden_by_version', unique: true },
      { keys: { goldenId: 1, at: 1 }, name: 'golden_by_time' },
    ],
  },
  {
    name: RELATIONSHIPS,
    indexes: [
      { keys: { fromGoldenId: 1 }, name: 'golden_by_from' },
      { keys: { toGoldenId: 1 }, name: 'golden_by_to' },
      { keys: { fromSourceRecordId: 1 }, name: 'golden_by_from_record' },
      { keys: { toSourceRecordId: 1 }, name: 'golden_by_to_record' },
    ],
  },
  {
    name: CHANGES,
    indexes: [
      { keys: { domain: 1, _id: 1 }, name: 'golden_by_domain' },
      // An entry is numbered once: the sequencer re-running after a crash cannot number it twice.
      { keys: { entryId: 1 }, name: 'golden_by_entry', unique: true, partial: { entryId: { $exists: true } } },
    ],
  },
  { name: CHANGE_QUEUE, indexes: [{ keys: { goldenId: 1 }, name: 'golden_by_golden' }] },
  {
    name: MATCH_DECISIONS,
    indexes: [
      { keys: { sourceRecordId: 1, at: 1 }, name: 'golden_by_record' },
      { keys: { goldenId: 1, at: 1 }, name: 'golden_by_golden' },
    ],
  },
  // No index, but declared so start-up creates it (a cross-shard transaction cannot create a collection).
  { name: COUNTERS, indexes: [] },
];
