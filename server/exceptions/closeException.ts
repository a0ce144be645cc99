/** Closing exceptions: resolved or discarded by a person with a reason, or replayed successfully — always audited. */
import { recordAudit } from '../audit/auditLog';
import { ConflictError } from '../errors';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { exceptionsCollection } from './exceptionStore';
import { requireException } from './queries';
import type { ExceptionActor, IngestExceptionDocument } from './types';

function summary(exception: IngestExceptionDocument) {
  return {
    status: exception.status,
    code: exception.code,
    stage: exception.stage,
    source: exception.source,
    domain: exception.domain,
    sourceId: exception.sourceId ?? null,
  };
}

/** Marks an open exception resolved (handled elsewhere) or discarded (not wanted), with the reason. */
export async function closeException(
  services: Pick<AppServices, 'store'>,
  input: { id: string; status: 'resolved' | 'discarded'; reason: string; actor: ExceptionActor },
): Promise<IngestExceptionDocument> {
  const current = await requireException(services, input.id);
  return services.store.withTransaction(async (session) => {
    const at = new Date().toISOString();
    const updated = await exceptionsCollection(services).findOneAndUpdate(
      { _id: input.id, status: 'open' },
      { $set: { status: input.status, closed: { at, by: input.actor, reason: input.reason }, updatedAt: at } },
      { session },
    );
    if (!updated) {
      throw new ConflictError(
        'EXCEPTION_CLOSED',
        `Exception "${input.id}" is already ${current.status}; only open exceptions can be ${input.status}.`,
        { current: summary(current) },
      );
    }
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: input.status === 'resolved' ? 'exception.resolve' : 'exception.discard',
      target: { type: 'exception', id: input.id, domain: current.domain },
      before: summary(current),
      after: summary(updated),
      reason: input.reason,
      at,
    });
    return updated;
  });
}

/** Closes an exception whose record now passes, pointing at the source and golden record it became. */
export async function markReplayed(
  services: Pick<AppServices, 'store'>,
  input: { exception: IngestExceptionDocument; actor: ExceptionActor; goldenId: string; sourceRecordId: string },
): Promise<IngestExceptionDocument | null> {
  return services.store.withTransaction(async (session) => {
    const at = new Date().toISOString();
    const updated = await exceptionsCollection(services).findOneAndUpdate(
      { _id: input.exception._id, status: 'open' },
      {
        $set: {
          status: 'replayed',
          closed: { at, by: input.actor, goldenId: input.goldenId, sourceRecordId: input.sourceRecordId },
          updatedAt: at,
        },
      },
      { session },
    );
    if (!updated) return null;
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'exception.replay',
      target: { type: 'exception', id: updated._id, domain: updated.domain },
      before: summary(input.exception),
      after: { ...summary(updated), goldenId: input.goldenId, sourceRecordId: input.sourceRecordId },
      at,
    });
    return updated;
  });
}

/** The actor recorded when ingest closes exceptions by itself. */
const INGEST_ACTOR: ExceptionActor = { keyId: 'system', name: 'ingest', role: 'system' };

/** The open exceptions of these source ids (a lookup of the ids in `by_source_record_status`, not a read of every open exception). */
export function supersededFilter(input: { source: string; domain: string; sourceIds: string[] }): Filter {
  return { status: 'open', source: input.source, domain: input.domain, sourceId: { $in: input.sourceIds } };
}

/**
 * Closes open exceptions of source records that have since been accepted (the source sent a fixed
 * payload), so the queue only holds what still needs attention. One indexed query per batch.
 */
export async function resolveSuperseded(
  services: Pick<AppServices, 'store'>,
  input: {
    source: string;
    domain: string;
    accepted: Array<{ sourceId: string; goldenId: string; sourceRecordId: string }>;
    excludeIds: ReadonlySet<string>;
  },
): Promise<number> {
  if (input.accepted.length === 0) return 0;
  const bySourceId = new Map(input.accepted.map((record) => [record.sourceId, record]));
  const open = await exceptionsCollection(services).find(supersededFilter({ ...input, sourceIds: [...bySourceId.keys()] }));
  let closed = 0;
  for (const exception of open) {
    const record = exception.sourceId === undefined ? undefined : bySourceId.get(exception.sourceId);
    if (!record || input.excludeIds.has(exception._id)) continue;
    await services.store.withTransaction(async (session) => {
      const at = new Date().toISOString();
      const reason = `A later payload for source id ${record.sourceId} was accepted.`;
      const updated = await exceptionsCollection(services).findOneAndUpdate(
        { _id: exception._id, status: 'open' },
        {
          $set: {
            status: 'resolved',
            closed: { at, by: INGEST_ACTOR, reason, goldenId: record.goldenId, sourceRecordId: record.sourceRecordId },
            updatedAt: at,
          },
        },
        { session },
      );
      if (!updated) return;
      closed += 1;
      await recordAudit({
        store: services.store,
        session,
        actor: INGEST_ACTOR,
        action: 'exception.resolve',
        target: { type: 'exception', id: exception._id, domain: exception.domain },
        before: summary(exception),
        after: summary(updated),
        reason,
        at,
      });
    });
  }
  return closed;
}
