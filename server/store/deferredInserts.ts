/**
 * Inserts a transaction may gather and write at its end: one `insertMany` per collection instead of one
 * `insertOne` per document. For append-only collections that nothing reads inside the transaction that
 * defers them (history, change queue, match decisions, audit entries during an ingest group): the documents
 * still commit with the transaction, or not at all, and a reader outside it sees the same thing as before.
 * Works on both stores (it only uses the `Store` interface) when transactions are atomic; without them (standalone
 * MongoDB) and in a transaction that does not defer, every insert is written when it is made, as before.
 */
import type { Document, Store, StoreSession } from './types';

/** Documents waiting per collection, in call order, for each session that defers its inserts. */
const pendingBySession = new WeakMap<StoreSession, Map<string, Document[]>>();

/**
 * Runs `work` with the inserts made through `insertDeferrable` on `session` gathered, then writes them, in
 * the same transaction, before returning. A failure in `work` writes nothing (the transaction rolls back).
 */
export async function withDeferredInserts<R>(args: { store: Store; session: StoreSession }, work: () => Promise<R>): Promise<R> {
  // Inside a session that defers already, the outer call writes them. Without atomic transactions (standalone
  // MongoDB) writes land one by one, so a crash mid-group must not leave golden records without their history.
  if (pendingBySession.has(args.session) || !args.store.supportsTransactions) return work();
  const pending = new Map<string, Document[]>();
  pendingBySession.set(args.session, pending);
  try {
    const result = await work();
    // Handed over: nothing reads or changes a deferred document once the session's inserts are written.
    for (const [collection, documents] of pending)
      await args.store.collection(collection).insertMany(documents, { session: args.session, isHandedOver: true });
    return result;
  } finally {
    pendingBySession.delete(args.session);
  }
}

/**
 * Inserts `doc` now (the returned promise settles with the write), or at the end of the session's
 * `withDeferredInserts` when it defers inserts — then nothing is written yet and nothing is returned. Not an
 * async function: a deferred insert is synchronous, and the caller awaits only a write that was made, so an
 * ingest group's records (four deferred inserts each) make no promise for them — each one costs an allocation
 * and the `AsyncLocalStorage` promise hook (docs/INGEST.md, eleventh pass).
 */
export function insertDeferrable<T extends Document>(args: {
  store: Store;
  collection: string;
  doc: T;
  session?: StoreSession;
}): Promise<void> | undefined {
  const pending = args.session ? pendingBySession.get(args.session) : undefined;
  if (!pending) return args.store.collection<T>(args.collection).insertOne(args.doc, { session: args.session });
  const documents = pending.get(args.collection);
  if (documents) documents.push(args.doc);
  else pending.set(args.collection, [args.doc]);
  return undefined;
}

/**
 * The document with `_id` `id` waiting in `session`'s deferred inserts to `collection`, if any: the caller may
 * still change it (it is written at the end of the session's `withDeferredInserts`).
 */
export function findDeferred<T extends Document>(args: { session: StoreSession; collection: string; id: unknown }): T | undefined {
  const documents = pendingBySession.get(args.session)?.get(args.collection);
  if (!documents) return undefined;
  // The newest first: a caller usually looks for what it deferred last.
  for (let index = documents.length - 1; index >= 0; index--) {
    if (documents[index]?._id === args.id) return documents[index] as T;
  }
  return undefined;
}
