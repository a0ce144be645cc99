/** Public surface of golden records: the use cases ingest, stewardship, routes and jobs call. */
export type * from './types';
export { applySourceRecord } from './applySourceRecord';
export type { ApplyOutcome, ApplySourceRecordResult } from './applySourceRecord';
export { mergeGoldenRecords, mergeLoadedGoldenRecords } from './mergeGoldenRecords';
export type { MergeResult } from './mergeGoldenRecords';
export { unmergeSourceRecord } from './unmergeSourceRecord';
export type { UnmergeResult } from './unmergeSourceRecord';
export { setOverride, clearOverride } from './overrides';
export { recomputeGoldenRecord, recomputeGoldenJob, startRecomputeJob, RECOMPUTE_GOLDEN_JOB } from './recomputeGoldenRecords';
export type { RecomputeJobParams } from './recomputeGoldenRecords';
export {
  getGoldenRecord,
  getGoldenRecordAsOf,
  getSourceRecordByXref,
  getSourceRecordsOf,
  getSourceRecordsByIds,
  getMatchDecisionsOf,
  listGoldenRecords,
} from './queries';
export { readHistory, readAsOf, requireGolden, findGolden } from './goldenStore';
export { readChanges, appendChange } from './changeFeed';
export { relationshipsOf, sourceRecordIdOf } from './relationships';
export { resolveSurvivorship, isEmptyValue, completenessOf } from './survivorship';
export type { SurvivorshipSource, SurvivorshipResult } from './survivorship';
export { loadSurvivorshipConfig, validateSurvivorshipConfig } from './survivorshipConfig';
export type { SurvivorshipConfig, SurvivorshipStrategy, AttributeRule } from './survivorshipConfig';
export { fingerprintRecord, namedByNotAMatch, rulesFor } from './goldenMatching';
export { exportXrefs, exportGoldenRecords } from './exports';
export { prepareOffThread } from './preparationThread';
export { withGroupedMatchCounts } from '../matching/matchIndex';
export type { OffThreadPreparation } from './preparationThread';
export * from './collections';
