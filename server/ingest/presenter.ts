/** What leaves the server for ingest results. */
import type { IngestResponse, RecordResultView } from '../contracts/ingest';
import type { IngestTotals, RecordResult } from './types';

/** One record's result as clients see it. */
export function presentRecordResult(result: RecordResult, index: number): RecordResultView {
  const base = { index, outcome: result.outcome, position: result.position };
  if (result.outcome === 'exception') {
    return {
      ...base,
      ...(result.sourceId !== undefined ? { sourceId: result.sourceId } : {}),
      exception: {
        id: result.exceptionId,
        stage: result.stage,
        code: result.code,
        ...(result.path ? { path: result.path } : {}),
        message: result.message,
      },
    };
  }
  const common = { ...base, sourceId: result.sourceId, sourceRecordId: result.sourceRecordId, goldenId: result.goldenId };
  return result.outcome === 'accepted' ? { ...common, change: result.change, ...(result.match ? { match: result.match } : {}) } : common;
}

/** The response of an inline ingest request. */
export function presentIngestResponse(input: {
  source: string;
  domain: string;
  mappingVersion: number;
  schemaVersion: string;
  totals: IngestTotals;
  results: RecordResult[];
}): IngestResponse {
  return {
    source: input.source,
    domain: input.domain,
    mappingVersion: input.mappingVersion,
    schemaVersion: input.schemaVersion,
    totals: input.totals,
    records: input.results.map(presentRecordResult),
  };
}
