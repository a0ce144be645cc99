/** Collection API of the embedded store: builds change sets from MongoDB-style calls. */
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
// The driver's copy of bson, not the package's ESM build: each copy allocates a 17 MiB serialisation buffer at load
// (bson's MAXSIZE), and importing 'bson' from ESM loaded a second one beside the driver's (docs/INGEST.md "Session 29").
import { BSON } from 'mongodb';
import { DocumentTooLargeError, DuplicateKeyError, MAX_DOCUMENT_BYTES } from '../types';
import type {
  Collection,
  DeleteResult,
  Document,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  StoreSession,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from '../types';
import type { Change } from './collectionState';
import { encodeKeyValue, valuesAtPath } from './indexState';
import type { CollectionView, Match } from './matcher';
import { collectResults, collectResultsSync, matchDocuments, ownResults, planMatches, TICK, viewGet } from './matcher';
import { coveredResults } from './coveredRead';
import { copyIfPlainJson, copyParsed, deepFreeze, isFreezingShared, isPlainJson } from './documentCopies';
import { projectDocuments } from './projection';
import { applyUpdate, seedFromFilter } from './updates';

/** What a collection needs from its store (kept narrow so the store owns all locking and logging). */
export interface CollectionHost {
  /** Read view; throws if `session` is not the active transaction. */
  view(name: string, session?: StoreSession): CollectionView;
  /** Waits until a write may run (no foreign transaction open); throws on misuse or a failed store. */
  writeGate(session?: StoreSession): Promise<void>;
  /** Validates and applies (or stages, inside a transaction) one change set; resolves when durable. */
  commit(options: { collection: string; changes: Change[]; session?: StoreSession }): Promise<void>;
  /**
   * Outside any transaction (after `writeGate`): validates and applies one change set and queues its log record
   * within this call — it throws if it cannot — and returns the promise of its durability. A write that applies
   * several change sets in one synchronous run (chunks) is atomic in memory and durable chunk by chunk.
   */
  applyNow(options: { collection: string; changes: Change[] }): Promise<void>;
  /** Like `applyNow` for deleting every document of a collection, without reading any of them. */
  deleteAllNow(collection: string): { deletedCount: number; durable: Promise<void> };
  createIndexes(collection: string, specs: IndexSpec[]): Promise<void>;
}

const tick = (): Promise<void> => yieldToEventLoop().then(() => undefined);

export class EmbeddedCollection<T extends Document = Document> implements Collection<T> {
  constructor(
    private readonly host: CollectionHost,
    readonly name: string,
  ) {}

  async insertOne(doc: T, options?: WriteOptions): Promise<void> {
    await this.insertMany([doc], options);
  }

  async insertMany(docs: T[], options?: WriteOptions): Promise<void> {
    await this.host.writeGate(options?.session);
    const view = this.host.view(this.name, options?.session);
    const seen = new Set<string>();
    const isHandedOver = options?.isHandedOver === true;
    const changes: Change[] = docs.map((doc) => {
      const after = serialise(doc, this.name, isHandedOver);
      if (seen.has(after.doc._id) || viewGet(view, after.doc._id) !== undefined)
        throw new DuplicateKeyError(this.name, '_id_', { _id: after.doc._id });
      seen.add(after.doc._id);
      return { id: after.doc._id, before: undefined, beforeDoc: undefined, after };
    });
    if (changes.length > 0) await this.host.commit({ collection: this.name, changes, session: options?.session });
  }

  async findOne(filter: Filter, options?: FindOptions): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const view = this.host.view(this.name, options.session);
    const covered = coveredResults({ view, filter, options });
    if (covered) return covered as T[];
    const wanted = options.limit && options.limit > 0 ? (options.skip ?? 0) + options.limit : undefined;
    return (await collectResults({
      stream: planMatches({ view, filter, sort: options.sort, wanted }),
      find: options,
      onTick: tick,
    })) as T[];
  }

  async *iterate(filter: Filter, options: FindOptions & { batchSize?: number } = {}): AsyncIterable<T> {
    const view = this.host.view(this.name, options.session);
    const stream = planMatches({
      view,
      filter,
      sort: options.sort,
      wanted: options.limit && options.limit > 0 ? (options.skip ?? 0) + options.limit : undefined,
    });
    if (options.sort && Object.keys(options.sort).length > 0 && !stream.isSorted) {
      // Sorting without an index that delivers the order needs every match; bounded only by the limit (documented in docs/STORAGE.md).
      for (const doc of await this.find(filter, options)) yield doc;
      return;
    }
    const batchSize = Math.max(1, options.batchSize ?? 500);
    let toSkip = options.skip ?? 0;
    let remaining = options.limit && options.limit > 0 ? options.limit : Infinity;
    let batch: Match[] = [];
    for (const match of stream.matches) {
      if (match === TICK) continue;
      if (toSkip > 0) {
        toSkip -= 1;
        continue;
      }
      batch.push(match);
      remaining -= 1;
      if (batch.length >= batchSize || remaining === 0) {
        for (const doc of ownResults(batch, options.projection)) yield doc as T;
        batch = [];
        if (remaining === 0) return;
        await tick();
      }
    }
    for (const doc of ownResults(batch, options.projection)) yield doc as T;
  }

  async countDocuments(filter: Filter = {}, options?: WriteOptions): Promise<number> {
    const view = this.host.view(this.name, options?.session);
    if (Object.keys(filter).length === 0 && !view.overlay) return view.state.docs.size;
    let count = 0;
    for (const match of matchDocuments(view, filter)) {
      if (match === TICK) await tick();
      else count += 1;
    }
    return count;
  }

  async distinct(field: string, filter: Filter = {}): Promise<unknown[]> {
    const view = this.host.view(this.name);
    const values = new Map<string, unknown>();
    for (const match of matchDocuments(view, filter)) {
      if (match === TICK) {
        await tick();
        continue;
      }
      for (const value of valuesAtPath(match.doc, field, { isMissingNull: false }))
        values.set(encodeKeyValue(value), match.isPrivate ? value : copyParsed(value));
    }
    return [...values.values()];
  }

  async updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return this.updateMatching({ filter, update, options, isMulti: false });
  }

  async updateMany(filter: Filter, update: Update, options?: WriteOptions): Promise<UpdateResult> {
    return this.updateMatching({ filter, update, options, isMulti: true });
  }

  async replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult> {
    if (Object.keys(doc).some((key) => key.startsWith('$')))
      throw new Error('replaceOne: the replacement must not contain update operators');
    await this.host.writeGate(options?.session);
    const view = this.host.view(this.name, options?.session);
    const [match] = collectResultsSync(planMatches({ view, filter }), { limit: 1 });
    if (!match) {
      if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 };
      const id = typeof doc._id === 'string' ? doc._id : typeof filter._id === 'string' ? filter._id : randomUUID();
      const after = serialise(withId(doc, id), this.name, options.isHandedOver === true);
      if (viewGet(view, id) !== undefined) throw new DuplicateKeyError(this.name, '_id_', { _id: id });
      await this.host.commit({
        collection: this.name,
        changes: [{ id, before: undefined, beforeDoc: undefined, after }],
        session: options?.session,
      });
      return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
    }
    if (doc._id !== undefined && doc._id !== match.id)
      throw new Error(`replaceOne: the replacement's _id ${String(doc._id)} differs from the matched document's ${match.id}`);
    const after = serialise(withId(doc, match.id), this.name, options?.isHandedOver === true);
    if (after.json === match.json) return { matchedCount: 1, modifiedCount: 0 };
    await this.host.commit({
      collection: this.name,
      changes: [{ id: match.id, before: match.json, beforeDoc: match.doc, after }],
      session: options?.session,
    });
    return { matchedCount: 1, modifiedCount: 1 };
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const outcome = await this.updateMatching({ filter, update, options, isMulti: false, sort: options.sort });
    const chosen = (options.returnDocument ?? 'after') === 'after' ? outcome.afterDoc : outcome.beforeDoc;
    if (!chosen) return null;
    return projectDocuments<T>([chosen], options.projection)[0] ?? null;
  }

  async deleteOne(filter: Filter, options?: WriteOptions): Promise<DeleteResult> {
    return this.deleteMatching(filter, 1, options);
  }

  async deleteMany(filter: Filter, options?: WriteOptions): Promise<DeleteResult> {
    return this.deleteMatching(filter, Infinity, options);
  }

  async createIndexes(specs: IndexSpec[]): Promise<void> {
    await this.host.createIndexes(this.name, specs);
  }

  private async deleteMatching(filter: Filter, limit: number, options?: WriteOptions): Promise<DeleteResult> {
    await this.host.writeGate(options?.session);
    if (!options?.session && !Number.isFinite(limit) && Object.keys(filter).length === 0) {
      // The whole collection: its documents and index entries are dropped without reading or parsing any of them.
      const { deletedCount, durable } = this.host.deleteAllNow(this.name);
      await durable;
      return { deletedCount };
    }
    const view = this.host.view(this.name, options?.session);
    const write = new ChunkedWrite(this.host, this.name, options?.session);
    let deletedCount = 0;
    try {
      for (const match of planMatches({ view, filter }).matches) {
        if (match === TICK) continue;
        write.add({ id: match.id, before: match.json, beforeDoc: match.doc, after: null }, match.json.length);
        if (++deletedCount >= limit) break;
      }
    } catch (error) {
      await write.abandon();
      throw error;
    }
    await write.finish();
    return { deletedCount };
  }

  private async updateMatching(input: {
    filter: Filter;
    update: Update;
    options?: UpdateOptions;
    isMulti: boolean;
    sort?: FindOptions['sort'];
  }): Promise<UpdateResult & { beforeDoc?: Document; afterDoc?: Document }> {
    const { filter, update, options } = input;
    await this.host.writeGate(options?.session);
    const view = this.host.view(this.name, options?.session);
    const stream = planMatches({ view, filter, sort: input.sort, wanted: input.isMulti ? undefined : 1 });
    // One match: sorted (findOneAndUpdate) and limited; many: streamed, applied in chunks outside a transaction.
    const matches: Iterable<Match | typeof TICK> = input.isMulti
      ? stream.matches
      : collectResultsSync(stream, { sort: input.sort, limit: 1 });
    const write = new ChunkedWrite(this.host, this.name, options?.session);
    let matchedCount = 0;
    let beforeDoc: Document | undefined;
    let afterDoc: Document | undefined;
    try {
      for (const match of matches) {
        if (match === TICK) continue;
        matchedCount += 1;
        beforeDoc ??= match.doc;
        const working = copyParsed(match.doc);
        if (!applyUpdate({ doc: working, update, isInsert: false })) {
          // Unchanged: the stored document is the result.
          afterDoc ??= match.doc;
          continue;
        }
        const after = serialise(working, this.name);
        afterDoc ??= after.doc;
        write.add({ id: match.id, before: match.json, beforeDoc: match.doc, after }, match.json.length + after.json.length);
      }
    } catch (error) {
      await write.abandon();
      throw error;
    }
    if (matchedCount === 0 && options?.upsert) {
      const working = seedFromFilter(filter);
      applyUpdate({ doc: working, update, isInsert: true });
      if (typeof working._id !== 'string') working._id = randomUUID();
      if (viewGet(view, working._id) !== undefined) throw new DuplicateKeyError(this.name, '_id_', { _id: working._id });
      const after = serialise(working, this.name);
      await this.host.commit({
        collection: this.name,
        changes: [{ id: after.doc._id, before: undefined, beforeDoc: undefined, after }],
        session: options.session,
      });
      return { matchedCount: 0, modifiedCount: 0, upsertedId: after.doc._id, afterDoc: copyParsed(after.doc) };
    }
    await write.finish();
    return {
      matchedCount,
      modifiedCount: write.changed,
      beforeDoc: beforeDoc && copyParsed(beforeDoc),
      afterDoc: afterDoc && copyParsed(afterDoc),
    };
  }
}

/** The replacement with `_id` `id`: the document itself when it has it already (so a handed-over one is kept whole). */
function withId<T extends Document>(doc: T, id: string): T {
  return doc._id === id ? doc : { ...doc, _id: id };
}

/** A multi-document write applies a chunk once it holds this many documents… */
const CHUNK_DOCUMENTS = 1024;
/** …or this many characters of JSON (before and after), so its parsed copies stay bounded. */
const CHUNK_CHARACTERS = 4 * 1024 * 1024;

/**
 * The change sets of one multi-document write. Outside a transaction a full chunk is applied and its log record
 * queued at once (`applyNow`), while the write's scan goes on in the same synchronous run: no other operation runs
 * in between (the selection and the change stay atomic in memory), but the write no longer holds every matched
 * document parsed plus its change until one commit. Durability is per chunk, as MongoDB's multi-document writes
 * are atomic per document only: a crash may keep the first chunks of an acknowledged-later write, never a torn
 * chunk; the write's promise resolves once every chunk is durable. A unique violation stops the write at its
 * chunk (the earlier chunks stay, as in MongoDB). Inside a transaction every change is staged at the end, as one
 * change set, and commits atomically with the transaction.
 *
 * Changing the collection during the scan is safe: a full scan iterates the table's map, where deleting or
 * replacing an entry already visited moves nothing; index candidates are de-duplicated, and a deleted or moved
 * document found again is skipped or seen once (see CollectionState.candidates).
 */
class ChunkedWrite {
  private changes: Change[] = [];
  private characters = 0;
  private readonly durable: Array<Promise<void>> = [];
  /** Changes applied or staged so far. */
  changed = 0;

  constructor(
    private readonly host: CollectionHost,
    private readonly collection: string,
    private readonly session: StoreSession | undefined,
  ) {}

  add(change: Change, characters: number): void {
    this.changes.push(change);
    this.characters += characters;
    this.changed += 1;
    if (!this.session && (this.changes.length >= CHUNK_DOCUMENTS || this.characters >= CHUNK_CHARACTERS)) this.applyChunk();
  }

  /** Applies (or stages) the rest and resolves once every chunk is durable. */
  async finish(): Promise<void> {
    if (this.session) {
      if (this.changes.length > 0) await this.host.commit({ collection: this.collection, changes: this.changes, session: this.session });
      return;
    }
    try {
      if (this.changes.length > 0) this.applyChunk();
    } catch (error) {
      await this.abandon();
      throw error;
    }
    await Promise.all(this.durable);
  }

  /** After a failure part-way: waits for the chunks already applied (they stay) without masking the failure. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.durable);
  }

  private applyChunk(): void {
    const changes = this.changes;
    this.changes = [];
    this.characters = 0;
    this.durable.push(this.host.applyNow({ collection: this.collection, changes }));
  }
}

/**
 * Below this many characters of JSON a document cannot reach MongoDB's BSON limit (BSON spends at most
 * ~7 bytes per JSON character: an array of one-digit numbers), so only larger ones are measured.
 */
const SIZE_CHECK_JSON_LENGTH = Math.floor(MAX_DOCUMENT_BYTES / 8);

/**
 * `text` as one flat string. V8's JSON.stringify returns texts of more than a few dozen characters as a rope
 * (a chain of concatenated parts, 32, 64, 128… characters), which the store would keep as is for the
 * document's lifetime: at a million match-index entries of ~770 characters that is ~6 more heap objects and
 * ~200 bytes more per document for every collection to walk, and the first read flattens it anyway. Reading
 * a character makes V8 flatten the rope in place; the collector then drops the parts.
 */
function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * Deep-copies a caller's document into stored form (text and parsed); values must be JSON-representable and fit
 * MongoDB's document limit. `isHandedOver` (the caller will not change the document again, `WriteOptions`): a
 * document that is plain JSON is kept as the parsed form itself, uncopied — deep-frozen under the test runner, so
 * a caller that changed it after all throws there instead of changing what the store indexes at commit.
 */
function serialise(doc: Document, collection: string, isHandedOver = false): { json: string; doc: Document } {
  if (typeof doc?._id !== 'string' || doc._id.length === 0) throw new Error('documents need a non-empty string _id');
  const json = flatText(JSON.stringify(doc));
  // The store's private copy: a walk when the document is plain JSON already, else the round trip decides.
  const kept = isHandedOver && isPlainJson(doc) ? (isFreezingShared ? deepFreeze(doc) : doc) : undefined;
  const stored = kept ?? copyIfPlainJson(doc) ?? (JSON.parse(json) as Document);
  if (json.length > SIZE_CHECK_JSON_LENGTH) {
    // The same limit as MongoDB, measured the same way, so code that passes here also passes there.
    const bytes = BSON.calculateObjectSize(stored, { ignoreUndefined: true });
    if (bytes > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(collection, bytes);
  }
  return { json, doc: stored };
}
