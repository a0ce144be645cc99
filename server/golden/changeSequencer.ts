/**
 * The sequencer processor: numbers queued change-feed entries in the order they became visible.
 * Exactly one server runs it at a time (a processor lease); each batch moves its entries from
 * `changeQueue` to `changes` under consecutive ids, advances the `counters/changes` watermark with a
 * compare-and-set on its previous value and the fencing token, all in one transaction — so ids are
 * dense, never reused, and a reader that sees id N also sees every id below it. One golden record's
 * entries are numbered in version order even when writers' clocks disagree.
 */
import type { PollingProcessor } from '../processors/types';
import type { AppServices } from '../services';
import type { Store } from '../store/types';
import { CHANGE_QUEUE, CHANGES, COUNTERS } from './collections';
import { CHANGES_WATERMARK, cursorOf, lastSequenced, queuedChangeIds, type QueuedChangeDocument } from './changeFeed';
import type { ChangeDocument } from './types';
import { present } from '../invariant';

export const SEQUENCER = 'change-sequencer';
const BATCH = 500;

/**
 * Orders a batch: by writer time, except that each golden record's entries fill the slots its
 * entries occupy in version order (a record's versions are written one after another, so this is
 * their commit order whatever the clocks said).
 */
export function sequenceOrder(entries: QueuedChangeDocument[]): QueuedChangeDocument[] {
  const byTime = [...entries].sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a._id < b._id ? -1 : 1));
  const byGolden = new Map<string, QueuedChangeDocument[]>();
  for (const entry of byTime) {
    const list = byGolden.get(entry.goldenId) ?? [];
    list.push(entry);
    byGolden.set(entry.goldenId, list);
  }
  for (const list of byGolden.values()) list.sort((a, b) => a.version - b.version);
  const next = new Map<string, number>();
  return byTime.map((entry) => {
    const index = next.get(entry.goldenId) ?? 0;
    next.set(entry.goldenId, index + 1);
    return present(byGolden.get(entry.goldenId)?.[index], `queued change ${index} of golden record ${entry.goldenId}`);
  });
}

/** A visible batch of queued entries, with every queued entry of the same golden records (so none is numbered before an older version). */
async function nextBatch(store: Store): Promise<QueuedChangeDocument[]> {
  const queue = store.collection<QueuedChangeDocument>(CHANGE_QUEUE);
  const head = await queue.find({}, { sort: { queuedAt: 1, _id: 1 }, limit: BATCH });
  // A head short of the limit is the whole queue: every entry of its golden records is in it already. An
  // entry queued since is a later version (a record's versions commit one after another) and may wait.
  if (head.length < BATCH) return head;
  const goldenIds = [...new Set(head.map((entry) => entry.goldenId))];
  const related = await queue.find({ goldenId: { $in: goldenIds } });
  const byId = new Map([...head, ...related].map((entry) => [entry._id, entry]));
  return [...byId.values()];
}

export const changeSequencer: PollingProcessor = {
  name: SEQUENCER,
  kind: 'poll',
  intervalMs: 100,
  run: async ({ services, fence }) => {
    const { store } = services;
    const batch = await nextBatch(store);
    if (batch.length === 0) return { more: false };
    const ordered = sequenceOrder(batch);
    // After a crash between numbering and deleting (no transactions), an entry may already be numbered.
    const numbered = new Set(
      (
        await store
          .collection<ChangeDocument>(CHANGES)
          .find({ entryId: { $in: ordered.map((e) => e._id) } }, { projection: { entryId: 1 } })
      ).map((c) => String(c.entryId)),
    );
    const fresh = ordered.filter((entry) => !numbered.has(entry._id));
    const last = await lastSequenced(store);
    await store.withTransaction(async (session) => {
      await fence.moveCursor(last + fresh.length, session);
      if (fresh.length > 0) {
        const changes = fresh.map((entry, index): ChangeDocument => {
          const { _id: entryId, queuedAt: _queuedAt, ...change } = entry;
          return { ...change, _id: cursorOf(last + index + 1), entryId };
        });
        await store.collection<ChangeDocument>(CHANGES).insertMany(changes, { session });
        // Compare-and-set on the watermark: a second sequencer (never, with the lease) would fail here, not number twice.
        const moved = await store
          .collection<{ _id: string; value: number }>(COUNTERS)
          .updateOne({ _id: CHANGES_WATERMARK, value: last }, { $set: { value: last + fresh.length } }, { upsert: last === 0, session });
        if (moved.matchedCount === 0 && moved.upsertedId === undefined)
          throw new Error(`the change watermark moved from ${last} under the sequencer`);
      }
      await store.collection(CHANGE_QUEUE).deleteMany({ _id: { $in: ordered.map((entry) => entry._id) } }, { session });
    });
    return { more: batch.length >= BATCH, counts: { sequenced: fresh.length } };
  },
};

/**
 * Read-your-writes: waits until the changes queued before this call are numbered (running the
 * sequencer here when this server holds or can take its lease, else waiting for the server that
 * does), for at most `timeoutMs`. Returns false if they were not all numbered in time.
 */
export async function awaitSequenced(
  services: Pick<AppServices, 'store' | 'processors'>,
  options: { timeoutMs?: number } = {},
): Promise<boolean> {
  const { store } = services;
  const ids = await queuedChangeIds(store);
  if (ids.length === 0) return true;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (services.processors.has(SEQUENCER)) await services.processors.runNow(SEQUENCER);
    if ((await store.collection(CHANGE_QUEUE).countDocuments({ _id: { $in: ids } })) === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
