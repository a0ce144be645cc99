/**
 * The change feed: one entry per create / update / merge / retire / unmerge of a golden record, in
 * commit order. Ids come from a counter incremented inside the same transaction as the change, so
 * a consumer reading `after=<last id>` never skips an entry (ids are zero-padded, so they sort as strings).
 */
import { correlationField } from '../correlation';
import type { Store, StoreSession, Document } from '../store/types';
import { CHANGES, COUNTERS } from './collections';
import type { ChangeDocument } from './types';

interface CounterDocument extends Document {
  _id: string;
  value: number;
}

const CURSOR_WIDTH = 16;

/** Draws the next value of a named counter (inside the caller's transaction). */
export async function nextCounterValue(args: { store: Store; name: string; session?: StoreSession }): Promise<number> {
  const counter = await args.store
    .collection<CounterDocument>(COUNTERS)
    .findOneAndUpdate({ _id: args.name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session: args.session });
  return counter?.value ?? 1;
}

/** Appends one change-feed entry. */
export async function appendChange(args: {
  store: Store;
  session?: StoreSession;
  domain: string;
  goldenId: string;
  type: ChangeDocument['type'];
  version: number;
  at: string;
  details?: Record<string, unknown>;
}): Promise<ChangeDocument> {
  const sequence = await nextCounterValue({ store: args.store, name: 'changes', session: args.session });
  const change: ChangeDocument = {
    _id: String(sequence).padStart(CURSOR_WIDTH, '0'),
    domain: args.domain,
    goldenId: args.goldenId,
    type: args.type,
    version: args.version,
    at: args.at,
    ...correlationField(),
    ...(args.details ?? {}),
  };
  await args.store.collection<ChangeDocument>(CHANGES).insertOne(change, { session: args.session });
  return change;
}

/** Ids asked for per lookup while reading the feed (entries of other domains are skipped over). */
const READ_WINDOW = 500;

function cursorOf(sequence: number): string {
  return String(sequence).padStart(CURSOR_WIDTH, '0');
}

/**
 * Reads changes after a cursor, oldest first. Ids are a dense sequence, so the next entries are
 * fetched by id (an index lookup on either store) up to the counter's current value, instead of
 * a range scan the embedded store could not answer from an index.
 */
export async function readChanges(args: { store: Store; after?: string; domain?: string; limit: number }): Promise<{ items: ChangeDocument[]; nextCursor: string | null }> {
  const counter = await args.store.collection<CounterDocument>(COUNTERS).findOne({ _id: 'changes' });
  const last = counter?.value ?? 0;
  const start = args.after && /^[0-9]+$/.test(args.after) ? Number(args.after) : 0;
  const items: ChangeDocument[] = [];
  let scannedTo = start;
  while (items.length < args.limit && scannedTo < last) {
    const windowEnd = Math.min(last, scannedTo + Math.max(READ_WINDOW, args.limit));
    const ids: string[] = [];
    for (let sequence = scannedTo + 1; sequence <= windowEnd; sequence++) ids.push(cursorOf(sequence));
    const filter: Record<string, unknown> = { _id: { $in: ids } };
    if (args.domain) filter.domain = args.domain;
    const found = await args.store.collection<ChangeDocument>(CHANGES).find(filter, { sort: { _id: 1 } });
    const room = args.limit - items.length;
    items.push(...found.slice(0, room));
    // A full page stops at its last entry; otherwise the whole window was read (other domains skipped).
    scannedTo = found.length > room ? Number(found[room - 1]._id) : windowEnd;
  }
  const nextCursor = scannedTo > start ? cursorOf(scannedTo) : (args.after ?? null);
  return { items, nextCursor };
}
