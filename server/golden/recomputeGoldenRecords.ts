/**
 * Recomputing golden records from their members, e.g. after the survivorship rules of a domain
 * changed: one record (`recomputeGoldenRecord`) or a whole domain as a resumable background job.
 */
import { recordAudit } from '../audit/auditLog';
import type { JobHandler } from '../jobs/types';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { GOLDEN_RECORDS } from './collections';
import { assertActive, inTransaction, requireGolden } from './goldenStore';
import { recomputeGolden } from './recompute';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import type { GoldenActor, GoldenRecordDocument } from './types';

export const RECOMPUTE_GOLDEN_JOB = 'golden.recompute';
const REPORT_EVERY = 200;

/** Recomputes one active golden record; saves a version (cause `recompute`) only if something changed. */
export async function recomputeGoldenRecord(
  services: Pick<AppServices, 'store'>,
  input: { goldenId: string; actor: GoldenActor; reason: string; session?: StoreSession },
): Promise<{ golden: GoldenRecordDocument; isChanged: boolean }> {
  return inTransaction(services.store, input.session, async (session) => {
    const golden = await requireGolden({ store: services.store, id: input.goldenId, session });
    assertActive(golden);
    const result = await recomputeGolden({
      store: services.store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: golden.sourceRecordIds,
      overrides: golden.overrides,
      config: loadSurvivorshipConfig(golden.domain),
      cause: 'recompute',
      changeType: 'updated',
      actor: input.actor,
      note: `Recomputed: ${input.reason}`,
    });
    if (result.isChanged) {
      await recordAudit({
        store: services.store,
        session,
        actor: input.actor,
        action: 'golden.recompute',
        target: { type: 'goldenRecord', id: golden._id, domain: golden.domain },
        before: { version: golden.version },
        after: { version: result.golden.version },
        reason: input.reason,
      });
    }
    return result;
  });
}

export interface RecomputeJobParams {
  domain: string;
  reason: string;
  actor: GoldenActor;
  [key: string]: unknown;
}

interface RecomputeCheckpoint {
  lastId: string;
  done: number;
  changed: number;
}

/** Queues a recompute of every active golden record of a domain. */
export async function startRecomputeJob(services: Pick<AppServices, 'store' | 'jobs'>, input: RecomputeJobParams) {
  const total = await services.store.collection(GOLDEN_RECORDS).countDocuments({ domain: input.domain, status: 'active' });
  return services.jobs.enqueue({ type: RECOMPUTE_GOLDEN_JOB, params: input, createdBy: input.actor.keyId, total });
}

export const recomputeGoldenJob: JobHandler<RecomputeJobParams> = {
  type: RECOMPUTE_GOLDEN_JOB,
  async run({ job, services, checkpoint, report, signal }) {
    const state: RecomputeCheckpoint = (checkpoint as RecomputeCheckpoint | undefined) ?? { lastId: '', done: 0, changed: 0 };
    // Ids only (a few dozen bytes each), sorted once: resumable by id without a range scan per batch.
    const ids: string[] = [];
    for await (const golden of services.store
      .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
      .iterate({ domain: job.params.domain, status: 'active' }, { projection: { _id: 1 } })) {
      if (golden._id > state.lastId) ids.push(golden._id);
    }
    ids.sort();
    for (const id of ids) {
      signal.throwIfAborted();
      try {
        const { isChanged } = await recomputeGoldenRecord(services, { goldenId: id, actor: job.params.actor, reason: job.params.reason });
        if (isChanged) state.changed++;
      } catch (error) {
        // Merged away since the list was read: nothing to recompute.
        if (!(error instanceof Error && 'code' in error && (error as { code: string }).code === 'GOLDEN_RETIRED')) throw error;
      }
      state.done++;
      state.lastId = id;
      if (state.done % REPORT_EVERY === 0) await report({ done: state.done, phase: 'recomputing' }, state);
    }
    await report({ done: state.done, phase: 'done' }, state);
    return { recomputed: state.done, changed: state.changed };
  },
};
