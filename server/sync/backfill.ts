/**
 * Backfill: a snapshot of every active golden record of the subscription's domains, then live without
 * gaps or stale overwrites. Each record's snapshot is taken as of its latest change the subscription
 * has already read (so later changes follow as live messages) and sequenced right after that change
 * (outbox.ts `sequenceOf`), so the record's messages still go out in state order. The dispatcher plans
 * one page per round; progress is saved with the page's deliveries, so a restart resumes where it was.
 */
import { recordAudit } from '../audit/auditLog';
import { ConflictError } from '../errors';
import { CHANGES, GOLDEN_RECORDS } from '../golden/collections';
import type { ChangeDocument, GoldenRecordDocument } from '../golden/types';
import type { AppServices } from '../services';
import { SUBSCRIPTION_STATE } from './collections';
import { planMessages } from './messages';
import { storeMessages } from './outbox';
import { requireSubscription } from './subscriptions';
import type { SubscriptionDocument, SubscriptionStateDocument, SyncActor } from './types';
import { present } from '../invariant';

const PAGE = 200;

export interface BackfillProgress {
  run: number;
  requestedAt: string;
  domainIndex: number;
  afterGoldenId: string | null;
  /** Snapshots planned so far. */
  planned: number;
  finishedAt: string | null;
}

function statesOf(services: Pick<AppServices, 'store'>) {
  return services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE);
}

/** Starts a backfill run (409 while one is running); the dispatcher does the work. Audited. */
export async function requestBackfill(
  services: Pick<AppServices, 'store'>,
  input: { subscriptionId: string; actor: SyncActor; reason?: string },
): Promise<BackfillProgress> {
  await requireSubscription(services, input.subscriptionId);
  const at = new Date().toISOString();
  return services.store.withTransaction(async (session) => {
    const state = await statesOf(services).findOne({ _id: input.subscriptionId }, { session });
    const previous = state?.backfill as BackfillProgress | undefined;
    if (previous && !previous.finishedAt)
      throw new ConflictError(
        'BACKFILL_RUNNING',
        `Backfill run ${previous.run} of subscription "${input.subscriptionId}" is still running (${previous.planned} records so far).`,
        { backfill: previous },
      );
    const backfill: BackfillProgress = {
      run: (previous?.run ?? 0) + 1,
      requestedAt: at,
      domainIndex: 0,
      afterGoldenId: null,
      planned: 0,
      finishedAt: null,
    };
    await statesOf(services).updateOne({ _id: input.subscriptionId }, { $set: { backfill } }, { session });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.backfill',
      target: { type: 'subscription', id: input.subscriptionId },
      after: { run: backfill.run },
      reason: input.reason,
      at,
    });
    return backfill;
  });
}

/** Plans one page of a running backfill; returns how many records it read (0 when none is running). */
export async function backfillPage(
  services: Pick<AppServices, 'store' | 'mappingRuntime'>,
  subscription: SubscriptionDocument,
): Promise<number> {
  const state = await statesOf(services).findOne({ _id: subscription._id });
  const progress = state?.backfill as BackfillProgress | undefined;
  if (!state || !progress || progress.finishedAt) return 0;
  const domain = subscription.domains[progress.domainIndex];
  const next: BackfillProgress = { ...progress };
  let records: GoldenRecordDocument[] = [];
  if (domain === undefined) {
    next.finishedAt = new Date().toISOString();
  } else {
    const filter: Record<string, unknown> = { domain, status: 'active' };
    if (progress.afterGoldenId) filter._id = { $gt: progress.afterGoldenId };
    records = await services.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).find(filter, { sort: { _id: 1 }, limit: PAGE });
    if (records.length < PAGE) {
      next.domainIndex += 1;
      next.afterGoldenId = null;
    } else {
      next.afterGoldenId = present(records.at(-1), 'the last golden record of a full page')._id;
    }
  }
  // Each record as of its latest change the subscription has read; newer records come live.
  const cursor = state.cursor ?? '';
  const changes =
    records.length === 0
      ? []
      : await services.store.collection<ChangeDocument>(CHANGES).find({ goldenId: { $in: records.map((r) => r._id) } });
  const latest = new Map<string, ChangeDocument>();
  for (const change of changes) {
    if (change._id > cursor) continue;
    const known = latest.get(change.goldenId);
    if (!known || change._id > known._id) latest.set(change.goldenId, change);
  }
  const messages = await planMessages(services, {
    subscription,
    changes: [...latest.values()].sort((a, b) => (a._id < b._id ? -1 : 1)),
    backfillRun: progress.run,
  });
  next.planned += latest.size;
  await services.store.withTransaction(async (session) => {
    // Only from where this page started, and only if the cursor did not move meanwhile (else: next round).
    const moved = await statesOf(services).updateOne(
      {
        _id: subscription._id,
        cursor: state.cursor,
        'backfill.run': progress.run,
        'backfill.domainIndex': progress.domainIndex,
        'backfill.afterGoldenId': progress.afterGoldenId,
      },
      { $set: { backfill: next } },
      { session },
    );
    if (moved.matchedCount === 0) return;
    await storeMessages(services, subscription._id, messages, session);
  });
  return records.length;
}
