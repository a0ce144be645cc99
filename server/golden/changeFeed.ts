/**
 * The change feed: one entry per create / update / merge / retire / unmerge of a golden record, in
 * commit order. Ids come from a counter incremented inside the same transaction as the change, so
 * a consumer reading `after=<last id>` never skips an entry (ids are zero-padded, so they sort as strings).
 */
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
    ...(args.details ?? {}),
  };
  await args.store.collection<ChangeDocument>(CHANGES).insertOne(change, { session: args.session });
  return change;
}

/** Reads changes after a cursor, oldest first. */
export async function readChanges(args: { store: Store; after?: string; domain?: string; limit: number }): Promise<{ items: ChangeDocument[]; nextCursor: string | null }> {
  const filter: Record<string, unknown> = {};
  if (args.after) filter._id = { $gt: args.after };
  if (args.domain) filter.domain = args.domain;
  const items = await args.store.collection<ChangeDocument>(CHANGES).find(filter, { sort: { _id: 1 }, limit: args.limit });
  // The cursor to resume from: the last entry read, or the caller's own cursor when nothing is new.
  const nextCursor = items.length > 0 ? items[items.length - 1]._id : (args.after ?? null);
  return { items, nextCursor };
}
