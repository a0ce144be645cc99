/**
 * The one persistence interface all application code uses. Two implementations:
 * `embedded` (in-process, durable append-only log, mingo for the MongoDB query language) and
 * `mongodb` (official driver). Semantics follow MongoDB: filters, update operators, sort,
 * projection, upsert. Anything not listed here is deliberately not part of the contract, so both
 * adapters can honour it exactly.
 */

export type Document = { _id: string } & Record<string, unknown>;

/** A MongoDB query filter (`{ a: 1, b: { $in: [...] } }`). */
export type Filter = Record<string, unknown>;
/** A MongoDB update document with operators (`$set`, `$unset`, `$inc`, `$push`, `$addToSet`, `$pull`, `$setOnInsert`, `$max`, `$min`). */
export type Update = Record<string, unknown>;
/** `{ field: 1 | -1 }`, applied in key order. */
export type Sort = Record<string, 1 | -1>;
/** Inclusion (`{ a: 1 }`) or exclusion (`{ a: 0 }`) projection. */
export type Projection = Record<string, 0 | 1>;

export interface IndexSpec {
  /** Fields in order; 1 ascending, -1 descending. A field may be an array field (multikey). */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** Index only documents matching this filter (MongoDB partialFilterExpression). */
  partial?: Filter;
  name?: string;
  /**
   * TTL: MongoDB deletes a document this many seconds after the Date in the (single) indexed field,
   * in a background pass about once a minute (https://www.mongodb.com/docs/manual/core/index-ttl/).
   * Only Date values expire. The embedded store keeps the index but does not expire documents; code
   * that needs the expiry on both stores also deletes expired entries itself (docs/STORAGE.md).
   */
  expireAfterSeconds?: number;
}

/** A collection the application declares, with its indexes (features list theirs; db/collections.ts gathers them). */
export interface CollectionDefinition {
  name: string;
  indexes: IndexSpec[];
}

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
  projection?: Projection;
  session?: StoreSession;
}

export interface WriteOptions {
  session?: StoreSession;
  /**
   * Inserts and `replaceOne` only: the caller hands the documents over — it will not change them after the call (it
   * may go on reading them) — so the embedded store may keep a document that is plain JSON as its own parsed form
   * instead of copying it (the text it stores and logs is taken at the call either way; under the test runner the
   * kept document is deep-frozen, so a change after the call throws). Ignored by MongoDB (the driver encodes the
   * documents at once).
   */
  isHandedOver?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** Default 'after'. */
  returnDocument?: 'before' | 'after';
  sort?: Sort;
  projection?: Projection;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId?: string;
}

export interface DeleteResult {
  deletedCount: number;
}

/** An opaque handle passed to operations that must commit or abort together. */
export interface StoreSession {
  readonly id: string;
}

export interface Collection<T extends Document = Document> {
  readonly name: string;
  insertOne(doc: T, options?: WriteOptions): Promise<void>;
  /** Inserts in order; on a duplicate key nothing of this call is applied (throws DuplicateKeyError). */
  insertMany(docs: T[], options?: WriteOptions): Promise<void>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  /** Loads all matches into memory. Use `iterate` for unbounded result sets. */
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /** Streams matches in bounded memory (cursor on MongoDB, batched scan on embedded). */
  iterate(filter: Filter, options?: FindOptions & { batchSize?: number }): AsyncIterable<T>;
  countDocuments(filter?: Filter, options?: WriteOptions): Promise<number>;
  distinct(field: string, filter?: Filter): Promise<unknown[]>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update, options?: WriteOptions): Promise<UpdateResult>;
  /** Replaces the whole document (keeps `_id`). */
  replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult>;
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  deleteOne(filter: Filter, options?: WriteOptions): Promise<DeleteResult>;
  deleteMany(filter: Filter, options?: WriteOptions): Promise<DeleteResult>;
  /** Idempotent: creates the collection and missing indexes, leaves existing ones (call at start-up, never inside a transaction). */
  createIndexes(specs: IndexSpec[]): Promise<void>;
}

export interface Store {
  readonly kind: 'embedded' | 'mongodb';
  /** Whether `withTransaction` is atomic (always on the embedded store; on MongoDB a replica set or sharded cluster). */
  readonly supportsTransactions: boolean;
  /** Human-readable description for the start-up line (data directory or redacted URI). */
  readonly description: string;
  collection<T extends Document = Document>(name: string): Collection<T>;
  /**
   * Runs `work` so that its writes (those passed `{ session }`) commit together or not at all.
   * MongoDB: a real transaction on a replica set or sharded cluster (snapshot read concern, majority
   * write concern; the driver retries `work` on write conflicts, so it must have no outside side
   * effects); on a standalone server, allowed only by MDM_MONGODB_ALLOW_STANDALONE, the writes are
   * applied one by one. Embedded: atomic, one log record, rolled back on throw.
   */
  withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R>;
  /** Flushes and releases files / connections. */
  close(): Promise<void>;
}

/** Thrown by both adapters on a unique-index violation (MongoDB code 11000 is translated). */
export class DuplicateKeyError extends Error {
  readonly code = 'DUPLICATE_KEY';
  constructor(
    readonly collection: string,
    readonly index: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`duplicate key in ${collection} index ${index}: ${JSON.stringify(key)}`);
    this.name = 'DuplicateKeyError';
  }
}

/** MongoDB's largest document, in BSON bytes (https://www.mongodb.com/docs/manual/reference/limits/#mongodb-limit-BSON-Document-Size). */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Thrown by both adapters when a written document would exceed MAX_DOCUMENT_BYTES; nothing of that write is applied. */
export class DocumentTooLargeError extends Error {
  readonly code = 'DOCUMENT_TOO_LARGE';
  constructor(
    readonly collection: string,
    /** The document's BSON size when known (the embedded store measures it; MongoDB's message may not say). */
    readonly bytes?: number,
  ) {
    super(
      `document in ${collection} exceeds the ${MAX_DOCUMENT_BYTES}-byte document limit${bytes === undefined ? '' : ` (${bytes} bytes)`}`,
    );
    this.name = 'DocumentTooLargeError';
  }
}
