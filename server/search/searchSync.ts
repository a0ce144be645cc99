/**
 * Keeps the search index in step with golden records by following the change feed (so it covers
 * every writer: ingest, merges, unmerges, overrides, jobs). Idempotent; one run at a time per store.
 */
import { readChanges } from '../golden/changeFeed';
import { GOLDEN_RECORDS } from '../golden/collections';
import type { GoldenRecordDocument } from '../golden/types';
import type { Logger } from '../logger';
import type { Document, Store } from '../store/types';
import { indexGoldenForSearch, SEARCH_STATE } from './searchIndex';

interface SearchSyncState extends Document {
  _id: string;
  cursor: string | null;
}

const STATE_ID = 'changes';
const BATCH = 500;
const running = new WeakMap<Store, Promise<number>>();

async function runOnce(store: Store): Promise<number> {
  const states = store.collection<SearchSyncState>(SEARCH_STATE);
  const state = (await states.findOne({ _id: STATE_ID })) ?? { _id: STATE_ID, cursor: null };
  let changes = 0;
  for (;;) {
    const page = await readChanges({ store, after: state.cursor ?? undefined, limit: BATCH });
    if (page.items.length > 0) {
      const ids = [...new Set(page.items.map((c) => c.goldenId))];
      const goldens = await store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).find({ _id: { $in: ids } });
      await store.withTransaction((session) => indexGoldenForSearch({ store, goldens, session }));
      changes += page.items.length;
    }
    state.cursor = page.nextCursor;
    await states.replaceOne({ _id: STATE_ID }, state, { upsert: true });
    if (page.items.length < BATCH) break;
  }
  return changes;
}

/** Indexes every golden-record change since the last run; returns how many changes were read. */
export async function syncSearchIndex(services: { store: Store }): Promise<number> {
  const previous = running.get(services.store);
  const next = (previous ? previous.catch(() => 0) : Promise.resolve(0)).then(() => runOnce(services.store));
  running.set(services.store, next);
  try {
    return await next;
  } finally {
    if (running.get(services.store) === next) running.delete(services.store);
  }
}

/** Runs `syncSearchIndex` every `intervalMs` until the returned stop function is called (and awaited). */
export function startSearchSync(services: { store: Store; logger: Logger }, options: { intervalMs?: number } = {}): () => Promise<void> {
  let isStopped = false;
  let isRunning = false;
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (isStopped || isRunning) return;
    isRunning = true;
    current = syncSearchIndex(services)
      .catch((error: unknown) => services.logger.error('search index sync failed', { error: error instanceof Error ? error.stack : String(error) }))
      .finally(() => {
        isRunning = false;
      });
  }, options.intervalMs ?? 500);
  timer.unref();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await current;
  };
}
