/** Public surface of the mapping runtime. */
export { createMappingRuntime, defaultPoolSize } from './runtime';
export { checkSyntax, referencedLookupTables } from './expressionAnalysis';
export { extraFunctionDocs } from './extraFunctionDocs';
export type { ExtraFunctionDoc } from './extraFunctionDocs';
export { canonicalRequestOf, isSourceIdMissing } from './canonicalPreparation';
export type { CanonicalPreparation, CanonicalRequest } from './canonicalPreparation';
export { DEFAULT_LIMITS, MAPPING_ERROR_CODES } from './types';
export type {
  EvaluateBatchInput,
  EvaluationLane,
  LaneHealth,
  RuntimeHealth,
  MappingErrorCode,
  MappingErrorInfo,
  MappingRuntime,
  RecordOutcome,
  RuntimeLimits,
} from './types';
