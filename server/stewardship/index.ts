/** Public surface of stewardship: the use cases routes, jobs, golden records and ingest call. */
export type * from './types';
export { listTasks, countTasks, taskStoreFilter } from './queries';
export { assignTask, commentOnTask, setTaskPriority, skipTask } from './taskActions';
export { mergeTask, rejectCandidates, resolveConflict } from './decisions';
export type { MergeTaskResult } from './decisions';
export { recordNotAMatch, notAMatchId, fingerprintOf } from './notAMatch';
export { closeObsoleteTasks, OBSOLETE_RULE } from './obsoleteTasks';
export { detectSurvivorshipConflicts, conflictsOf, keyAttributesOf, CONFLICT_RULE } from './conflicts';
export { openExceptionTask, DATA_QUALITY_RULE } from './dataQuality';
export { syncTasks, startTaskSync } from './taskSync';
export type { SyncResult } from './taskSync';
export { bulkTasksJob, startBulkAction, BULK_TASKS_JOB } from './bulkJob';
export { queryAudit, presentAuditEntry } from './auditQueries';
export { presentTask } from './presenter';
export { explainCandidatesAsShown } from './candidateExplanations';
export type { CandidateExplanations } from './candidateExplanations';
export { requireTask, type StewardActor } from './taskStore';
export { stewardshipCollections, STEWARDSHIP_STATE } from './collections';
