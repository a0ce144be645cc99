/**
 * The change feed: one entry per create / update / merge / retire / unmerge of a golden record, in
 * commit-visible order. Writers never draw a number: a golden write queues its entry under a random
 * id in `changeQueue`, in the same transaction, so writers share no hot document. One leased, fenced
 * processor, the sequencer (changeSequencer.ts), moves queued entries into `changes` under consecutive
 * zero-padded ids and advances the `counters/changes` watermark in the same transaction. An entry is
 * numbered only once it is visible, so a reader following `after=<last id>` up to the watermark never
 * skips one (docs/SCALING.md "Processors and jobs").
 */
import { randomUUID } from 'node:crypto';
import { correlationField } from '../correlation';
import { insertDeferrable } from '../store/deferredInserts';
import type { Store, StoreSession, Document } from '../store/types';
import { CHANGE_QUEUE, CHANGES, COUNTERS } from './collections';
import type { ChangeDocument } from './types';
import { present } from '../invariant';

interface CounterDocument extends Document {
  _id: string;
  value: number;
}

/** A change waiting for its sequence number. */
export interface QueuedChangeDocument extends ChangeDocument {
  /** Writer's clock; orders entries of different golden records within one sequencer batch (one record's entries go by version). */
  queuedAt: string;
}

const CURSOR_WIDTH = 16;
/** The counter document holding the last sequenced id; only the sequencer writes it. */
export const CHANGES_WATERMARK = 'changes';

interface AppendChangeArgs {
  store: Store;
  session?: StoreSession;
  domain: string;
  goldenId: string;
  type: ChangeDocument['type'];
  version: number;
  at: string;
  details?: Record<string, unknown>;
}

/**
 * Queues one change-feed entry (in the caller's transaction); the sequencer numbers it. `written` is the insert
 * still to wait for, or undefined when the caller's session defers its inserts (an ingest group): the write path
 * then makes no promise for it (see `insertDeferrable`).
 */
export function queueChange(args: AppendChangeArgs): { change: QueuedChangeDocument; written: Promise<void> | undefined } {
  const change: QueuedChangeDocument = {
    _id: `chq_${randomUUID()}`,
    domain: args.domain,
    goldenId: args.goldenId,
    type: args.type,
    version: args.version,
    at: args.at,
    ...correlationField(),
    ...(args.details ?? {}),
    queuedAt: new Date().toISOString(),
  };
  return { change, written: insertDeferrable({ store: args.store, collection: CHANGE_QUEUE, doc: change, session: args.session }) };
}

/** Queues one change-feed entry (in the caller's transaction); the sequencer numbers it. */
export async function appendChange(args: AppendChangeArgs): Promise<QueuedChangeDocument> {
  const { change, written } = queueChange(args);
  await written;
  return change;
}

/** The id of the newest sequenced entry (0 when none). */
export async function lastSequenced(store: Store, session?: StoreSession): Promise<number> {
  const counter = await store.collection<CounterDocument>(COUNTERS).findOne({ _id: CHANGES_WATERMARK }, { session });
  return counter?.value ?? 0;
}

/** The cursor string of a sequence number. */
export function cursorOf(sequence: number): string {
  return String(sequence).padStart(CURSOR_WIDTH, '0');
}

/** Changes still waiting for a number (a few: the sequencer runs every 100 ms), for read-your-writes waits and status. */
export async function queuedChangeIds(store: Store, limit = 1000): Promise<string[]> {
  return (await store.collection<QueuedChangeDocument>(CHANGE_QUEUE).find({}, { projection: { _id: 1 }, limit })).map((entry) => entry._id);
}

/** Ids asked for per lookup while reading the feed (entries of other domains are skipped over). */
const READ_WINDOW = 500;

/**
 * Reads sequenced changes after a cursor, oldest first. Ids are a dense sequence, so the next entries are
 * fetched by id (an index lookup on either store) up to the sequencer's watermark, instead of
 * a range scan the embedded store could not answer from an index.
 */
export async function readChanges(args: {
  store: Store;
  after?: string;
  domain?: string;
  limit: number;
}): Promise<{ items: ChangeDocument[]; nextCursor: string | null }> {
  const last = await lastSequenced(args.store);
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
    scannedTo = found.length > room ? Number(present(found[room - 1], 'the last entry of a full page')._id) : windowEnd;
  }
  const nextCursor = scannedTo > start ? cursorOf(scannedTo) : (args.after ?? null);
  return { items, nextCursor };
}
