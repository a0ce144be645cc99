/**
 * The search-index processor: keeps the search index in step with golden records by following the
 * change feed (so it covers every writer: ingest, merges, unmerges, overrides, jobs). Declared once,
 * run by the processor runner under a lease (server/processors), so one server advances its cursor.
 */
import { awaitSequenced } from '../golden/changeSequencer';
import { GOLDEN_RECORDS } from '../golden/collections';
import type { GoldenRecordDocument } from '../golden/types';
import type { ChangeFeedProcessor } from '../processors/types';
import type { AppServices } from '../services';
import type { Document } from '../store/types';
import { indexGoldenForSearch, SEARCH_STATE } from './searchIndex';

export const SEARCH_INDEX_PROCESSOR = 'search-index';

/** The cursor an older release kept in `searchState`. */
interface LegacySearchState extends Document {
  cursor: string | null;
}

export const searchIndexProcessor: ChangeFeedProcessor = {
  name: SEARCH_INDEX_PROCESSOR,
  kind: 'changes',
  intervalMs: 500,
  initialCursor: async (services) =>
    (await services.store.collection<LegacySearchState>(SEARCH_STATE).findOne({ _id: 'changes' }))?.cursor ?? null,
  handle: async ({ services, changes, session }) => {
    const ids = [...new Set(changes.map((c) => c.goldenId))];
    const goldens = await services.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS).find({ _id: { $in: ids } });
    await indexGoldenForSearch({ store: services.store, goldens, session });
  },
};

/** Indexes every golden-record change up to now (numbering queued changes first); returns how many changes were read. */
export async function syncSearchIndex(services: Pick<AppServices, 'store' | 'processors'>): Promise<number> {
  await awaitSequenced(services);
  const counts = await services.processors.runNow(SEARCH_INDEX_PROCESSOR);
  return counts?.changes ?? 0;
}
