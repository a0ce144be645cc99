/** What leaves the server for an exception: the raw payload only in the single-exception view. */
import type { ExceptionView } from '../contracts/ingest';
import type { IngestExceptionDocument } from './types';

/** An exception as clients see it. */
export function presentException(exception: IngestExceptionDocument, options: { includeRaw?: boolean } = {}): ExceptionView {
  return {
    id: exception._id,
    source: exception.source,
    domain: exception.domain,
    ...(exception.sourceId !== undefined ? { sourceId: exception.sourceId } : {}),
    stage: exception.stage,
    code: exception.code,
    ...(exception.path ? { path: exception.path } : {}),
    message: exception.message,
    problems: exception.problems,
    ...(exception.position ? { position: exception.position } : {}),
    status: exception.status,
    occurrences: exception.occurrences,
    firstSeenAt: exception.firstSeenAt,
    lastSeenAt: exception.lastSeenAt,
    mappingVersion: exception.mappingVersion,
    schemaVersion: exception.schemaVersion,
    isReplayable: exception.status === 'open' && !exception.isRawText,
    origin: exception.origin,
    ...(exception.closed ? { closed: exception.closed } : {}),
    ...(options.includeRaw ? { raw: exception.raw } : {}),
  };
}
