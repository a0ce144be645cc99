/**
 * The source-records collection (crosswalks): written by ingest and golden records, read by matching,
 * stewardship, search and stats. Its name and stored shape live below every feature that reads it so
 * that matching, an engine golden records call, need not import golden records back. The indexes stay
 * with the features that rely on them (golden/collections.ts, `golden_`/`ingest_` prefixed names).
 */
export const SOURCE_RECORDS = 'sourceRecords';
