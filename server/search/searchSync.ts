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
import { SEARCH_STATE, updateSearchEntries, writeTermDeltas, type TermDeltas } from './searchIndex';

export const SEARCH_INDEX_PROCESSOR = 'search-index';
/**
 * Changes per page (one transaction each). Larger than the runner's default 500: a catch-up over a long feed
 * then writes each common term's count once per 2,000 golden records instead of once per 500 (about 2.2 term-count
 * writes per record instead of 3.6 on the item generator's data), with a quarter of the transactions, fsyncs,
 * cursor moves and feed reads (docs/INGEST.md, "Search catch-up and re-send").
 */
export const SEARCH_PAGE = 2000;
/**
 * Golden records read, compared and written per slice of a page. A page's golden records and their stored entries
 * used to be read all at once and stayed alive until the page was done: long enough for V8 to promote them to the
 * old generation (~9 MB a page on the item bench), where, as garbage, they grew the heap until the next major GC —
 * the replay's peak at 100k (docs/INGEST.md "Peak memory, session 21"). A slice this size dies young; the term
 * counts are still written once per page.
 */
export const SEARCH_SLICE = 100;

/** The cursor an older release kept in `searchState`. */
interface LegacySearchState extends Document {
  cursor: string | null;
}

export const searchIndexProcessor: ChangeFeedProcessor = {
  name: SEARCH_INDEX_PROCESSOR,
  kind: 'changes',
  batchSize: SEARCH_PAGE,
  intervalMs: 500,
  initialCursor: async (services) =>
    (await services.store.collection<LegacySearchState>(SEARCH_STATE).findOne({ _id: 'changes' }))?.cursor ?? null,
  handle: async ({ services, changes, session }) => {
    const ids = [...new Set(changes.map((c) => c.goldenId))];
    const termDeltas: TermDeltas = new Map();
    for (let start = 0; start < ids.length; start += SEARCH_SLICE) {
      // Only what indexing reads: lineage, members and overrides stay in the store.
      const goldens = await services.store
        .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
        .find({ _id: { $in: ids.slice(start, start + SEARCH_SLICE) } }, { projection: { _id: 1, domain: 1, status: 1, attributes: 1 } });
      await updateSearchEntries({ store: services.store, goldens, termDeltas, session });
    }
    await writeTermDeltas({ store: services.store, termDeltas, session });
  },
};

/** Indexes every golden-record change up to now (numbering queued changes first); returns how many changes were read. */
export async function syncSearchIndex(services: Pick<AppServices, 'store' | 'processors'>): Promise<number> {
  await awaitSequenced(services);
  const counts = await services.processors.runNow(SEARCH_INDEX_PROCESSOR);
  return counts?.changes ?? 0;
}
