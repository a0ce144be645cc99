/**
 * Writing to the exception queue. A record that fails again while its exception is open updates that
 * exception (occurrences, latest code and mapping version) instead of adding a duplicate, so a
 * retried request or a resumed upload job never doubles the queue.
 */
import { randomUUID } from 'node:crypto';
import { stableHash } from '../stableJson';
import type { AppServices } from '../services';
import { DuplicateKeyError, type Collection, type StoreSession } from '../store/types';
import { INGEST_EXCEPTIONS } from './collections';
import type { IngestExceptionDocument } from './types';

/** The exceptions collection. */
export function exceptionsCollection(services: Pick<AppServices, 'store'>): Collection<IngestExceptionDocument> {
  return services.store.collection<IngestExceptionDocument>(INGEST_EXCEPTIONS);
}

/** Hash identifying one bad payload of a source and domain. */
export function exceptionRawHash(input: { source: string; domain: string; raw: unknown }): string {
  return stableHash({ source: input.source, domain: input.domain, raw: input.raw });
}

/** What a failing stage reports; the store adds identity, status, occurrences and timestamps. */
export type ExceptionInput = Pick<
  IngestExceptionDocument,
  | 'source'
  | 'domain'
  | 'sourceId'
  | 'stage'
  | 'code'
  | 'path'
  | 'message'
  | 'problems'
  | 'raw'
  | 'isRawText'
  | 'position'
  | 'mappingVersion'
  | 'schemaVersion'
  | 'origin'
> & {
  /** Replaying this exception: update it whatever its hash. */
  replayOf?: string;
};

/**
 * Stores a failed record: updates its open exception, or opens a new one. Two servers failing the
 * same payload at once: the unique open-exception key refuses the second insert, which then updates
 * the first (in a transaction the error aborts it and the store retries or reports it).
 */
export async function recordException(
  services: Pick<AppServices, 'store'>,
  input: ExceptionInput & { session?: StoreSession },
): Promise<IngestExceptionDocument> {
  try {
    return await upsertException(services, input);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError) || input.session) throw error;
    return upsertException(services, input);
  }
}

async function upsertException(
  services: Pick<AppServices, 'store'>,
  input: ExceptionInput & { session?: StoreSession },
): Promise<IngestExceptionDocument> {
  const collection = exceptionsCollection(services);
  const now = new Date().toISOString();
  const rawHash = exceptionRawHash(input);
  const latest = {
    stage: input.stage,
    code: input.code,
    message: input.message,
    problems: input.problems,
    mappingVersion: input.mappingVersion,
    schemaVersion: input.schemaVersion,
    origin: input.origin,
    lastSeenAt: now,
    updatedAt: now,
    ...(input.sourceId !== undefined ? { sourceId: input.sourceId } : {}),
    ...(input.path !== undefined ? { path: input.path } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
  };
  const unset = { ...(input.path === undefined ? { path: '' } : {}) };
  const filter = input.replayOf ? { _id: input.replayOf } : { rawHash, status: 'open' };
  const update: Record<string, unknown> = { $set: latest, $inc: { occurrences: 1 } };
  if (Object.keys(unset).length > 0) update.$unset = unset;
  const existing = await collection.findOneAndUpdate(filter, update, { session: input.session });
  if (existing) return existing;
  const document: IngestExceptionDocument = {
    _id: `exc_${randomUUID()}`,
    source: input.source,
    domain: input.domain,
    raw: input.raw,
    isRawText: input.isRawText,
    rawHash,
    openHash: rawHash,
    status: 'open',
    occurrences: 1,
    firstSeenAt: now,
    ...latest,
  };
  await collection.insertOne(document, { session: input.session });
  return document;
}
