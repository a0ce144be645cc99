/**
 * Replaying exceptions after a fix (a new mapping version, a lookup entry, a schema change): each
 * record's stored raw payload runs through the whole pipeline again with what is published now. A
 * record that passes is accepted and its exception closed as `replayed`; one that fails again keeps
 * its exception open with the new code, stage and mapping version. Many exceptions replay as a job.
 */
import { ConflictError } from '../errors';
import { prepareIngest } from './ingestRecords';
import { runPipeline } from './pipeline';
import type { IngestOrigin, RecordResult } from './types';
import type { JobHandler } from '../jobs/types';
import type { AppServices } from '../services';
import { markReplayed } from '../exceptions/closeException';
import { exceptionsCollection } from '../exceptions/exceptionStore';
import { toStoreFilter, type ExceptionFilter } from '../exceptions/queries';
import type { ExceptionActor, IngestExceptionDocument } from '../exceptions/types';
import { present } from '../invariant';

export const REPLAY_EXCEPTIONS_JOB = 'exceptions.replay';
/** Up to this many matching exceptions replay within the request; more become a job. */
export const INLINE_REPLAY_LIMIT = 200;
const BATCH_SIZE = 200;

export interface ReplayResult {
  exceptionId: string;
  result: RecordResult;
  /** `replayed`: the record is accepted now and the exception closed; `open`: it failed again. */
  status: 'replayed' | 'open';
}

/** Only exceptions holding a parsed payload can replay (an unreadable line must be fixed at the source). */
export function assertReplayable(exception: IngestExceptionDocument): void {
  if (exception.status !== 'open') {
    throw new ConflictError(
      'EXCEPTION_CLOSED',
      `Exception "${exception._id}" is already ${exception.status}; only open exceptions can be replayed.`,
      { current: { status: exception.status } },
    );
  }
  if (exception.isRawText) {
    throw new ConflictError(
      'EXCEPTION_NOT_REPLAYABLE',
      `Exception "${exception._id}" holds a line that could not be read (${exception.code}); fix it in the source file and send it again, then resolve this exception.`,
      { current: { status: exception.status, code: exception.code } },
    );
  }
}

/** Replays exceptions of one source and domain together (one mapping run for the batch). */
async function replayGroup(
  services: AppServices,
  input: { exceptions: IngestExceptionDocument[]; actor: ExceptionActor; origin: IngestOrigin },
): Promise<ReplayResult[]> {
  const first = present(input.exceptions[0], 'an exception of the group');
  const context = await prepareIngest(services, { source: first.source, domain: first.domain, actor: input.actor, origin: input.origin });
  const items = input.exceptions.map((exception) => ({
    position: exception.position ?? {},
    raw: exception.raw,
    isRawText: false,
    replayOf: exception._id,
  }));
  const results = await runPipeline(items, context);
  const out: ReplayResult[] = [];
  for (const [index, result] of results.entries()) {
    const exception = present(input.exceptions[index], 'the exception of each result');
    if (result.outcome === 'exception') {
      out.push({ exceptionId: exception._id, result, status: 'open' });
      continue;
    }
    await markReplayed(services, { exception, actor: input.actor, goldenId: result.goldenId, sourceRecordId: result.sourceRecordId });
    out.push({ exceptionId: exception._id, result, status: 'replayed' });
  }
  return out;
}

/** Replays the given open exceptions, grouped by source and domain, in order. */
export async function replayExceptions(
  services: AppServices,
  input: { exceptions: IngestExceptionDocument[]; actor: ExceptionActor; origin: IngestOrigin },
): Promise<ReplayResult[]> {
  const groups = new Map<string, IngestExceptionDocument[]>();
  for (const exception of input.exceptions) {
    assertReplayable(exception);
    const key = `${exception.source}\u0000${exception.domain}`;
    groups.set(key, [...(groups.get(key) ?? []), exception]);
  }
  const byId = new Map<string, ReplayResult>();
  for (const exceptions of groups.values()) {
    for (const result of await replayGroup(services, { exceptions, actor: input.actor, origin: input.origin }))
      byId.set(result.exceptionId, result);
  }
  return input.exceptions.map((exception) => byId.get(exception._id) as ReplayResult);
}

/** The store filter of replayable exceptions matching `filter`. */
export function replayableFilter(filter: ExceptionFilter) {
  return { ...toStoreFilter({ ...filter, status: 'open' }), isRawText: false };
}

export interface ReplayJobParams {
  filter: ExceptionFilter;
  actor: ExceptionActor;
  [key: string]: unknown;
}

/** Replays every open exception matching a filter in `_id` order, checkpointing the last id done. */
export const replayExceptionsJob: JobHandler<ReplayJobParams> = {
  type: REPLAY_EXCEPTIONS_JOB,
  async run({ job, services, checkpoint, report, signal }) {
    const state = (checkpoint as { lastId: string; replayed: number; failed: number } | undefined) ?? {
      lastId: '',
      replayed: 0,
      failed: 0,
    };
    const collection = exceptionsCollection(services);
    for (;;) {
      signal.throwIfAborted();
      const batch = await collection.find(
        { ...replayableFilter(job.params.filter), _id: { $gt: state.lastId } },
        { sort: { _id: 1 }, limit: BATCH_SIZE },
      );
      if (batch.length === 0) break;
      const results = await replayExceptions(services, { exceptions: batch, actor: job.params.actor, origin: { jobId: job._id } });
      state.replayed += results.filter((result) => result.status === 'replayed').length;
      state.failed += results.filter((result) => result.status === 'open').length;
      state.lastId = present(batch.at(-1), 'the last exception of the batch')._id;
      await report({ phase: 'replaying', done: state.replayed, failed: state.failed }, state);
    }
    return { replayed: state.replayed, stillFailing: state.failed };
  },
};
