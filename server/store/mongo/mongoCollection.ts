/**
 * Collection API over a driver collection. Field names are stored encoded (fieldNames.ts) and decoded
 * on every read; duplicate keys become DuplicateKeyError, oversized documents DocumentTooLargeError,
 * and every other driver error (including those thrown while iterating a cursor) has MongoDB URI
 * credentials masked in its message and stack.
 */
import { randomUUID } from 'node:crypto';
import { MongoInvalidArgumentError, MongoServerError } from 'mongodb';
import type { Collection as DriverCollection, CreateIndexesOptions, Filter as DriverFilter, IndexDescription, UpdateFilter } from 'mongodb';
import { DocumentTooLargeError, DuplicateKeyError } from '../types';
import type {
  Collection,
  DeleteResult,
  Document,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from '../types';
import { decodeFieldNames, encodeFieldNames, encodeUpdateValues } from './fieldNames';
import { encodeFilter } from './filters';
import { driverSession } from './mongoSession';
import type { MongoStore } from './mongoStore';
import { redactMongoText } from './redact';

type Stored = Document;

export class MongoCollection<T extends Document = Document> implements Collection<T> {
  readonly name: string;
  private readonly driver: DriverCollection<Stored>;
  private readonly store: MongoStore;

  constructor(init: { collection: DriverCollection<Stored>; store: MongoStore }) {
    this.driver = init.collection;
    this.store = init.store;
    this.name = init.collection.collectionName;
  }

  async insertOne(doc: T, options?: WriteOptions): Promise<void> {
    await this.translate(() => this.driver.insertOne(encodeFieldNames(doc), { session: driverSession(options?.session) }));
  }

  async insertMany(given: T[], options?: WriteOptions): Promise<void> {
    if (given.length === 0) return;
    const docs = given.map((doc) => encodeFieldNames(doc));
    const session = driverSession(options?.session);
    if (session) {
      await this.translate(() => this.driver.insertMany(docs, { session, ordered: true }));
      return;
    }
    await this.translate(() =>
      this.store.runAtomically(async (own) => {
        try {
          await this.driver.insertMany(docs, { session: own, ordered: true });
        } catch (error) {
          // Standalone server: no transaction, so undo the prefix an ordered insert already wrote.
          if (!own && isDuplicateKey(error)) {
            const failedAt = firstWriteErrorIndex(error);
            const inserted = docs.slice(0, failedAt).map((doc) => doc._id);
            if (inserted.length > 0) await this.driver.deleteMany({ _id: { $in: inserted } } as DriverFilter<Stored>);
          }
          throw error;
        }
      }),
    );
  }

  async findOne(filter: Filter, options?: FindOptions): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const docs = await this.translate(() => this.cursor(filter, options).toArray());
    return docs.map((doc) => decodeFieldNames(doc) as T);
  }

  async *iterate(filter: Filter, options: FindOptions & { batchSize?: number } = {}): AsyncIterable<T> {
    const cursor = this.cursor(filter, options).batchSize(options.batchSize ?? 500);
    try {
      while (true) {
        const doc = await this.translate(() => cursor.next());
        if (doc === null) return;
        yield decodeFieldNames(doc) as T;
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  async countDocuments(filter: Filter = {}, options?: WriteOptions): Promise<number> {
    return this.translate(() =>
      this.driver.countDocuments(encodeFilter(filter) as DriverFilter<Stored>, { session: driverSession(options?.session) }),
    );
  }

  async distinct(field: string, filter: Filter = {}): Promise<unknown[]> {
    const values = await this.translate(() => this.driver.distinct(field, encodeFilter(filter) as DriverFilter<Stored>));
    return values.map((value) => decodeFieldNames(value as unknown));
  }

  async updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    const result = await this.translate(() =>
      this.driver.updateOne(
        encodeFilter(filter) as DriverFilter<Stored>,
        withStringUpsertId(filter, encodeUpdateValues(update), options?.upsert),
        {
          upsert: options?.upsert,
          session: driverSession(options?.session),
        },
      ),
    );
    return toUpdateResult(result);
  }

  async updateMany(filter: Filter, update: Update, options?: WriteOptions): Promise<UpdateResult> {
    const result = await this.translate(() =>
      this.driver.updateMany(encodeFilter(filter) as DriverFilter<Stored>, encodeUpdateValues(update) as UpdateFilter<Stored>, {
        session: driverSession(options?.session),
      }),
    );
    return toUpdateResult(result);
  }

  async replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult> {
    const result = await this.translate(() =>
      this.driver.replaceOne(encodeFilter(filter) as DriverFilter<Stored>, encodeFieldNames(doc), {
        upsert: options?.upsert,
        session: driverSession(options?.session),
      }),
    );
    return toUpdateResult(result);
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const result = await this.translate(() =>
      this.driver.findOneAndUpdate(
        encodeFilter(filter) as DriverFilter<Stored>,
        withStringUpsertId(filter, encodeUpdateValues(update), options.upsert),
        {
          upsert: options.upsert,
          sort: options.sort,
          projection: options.projection,
          returnDocument: options.returnDocument ?? 'after',
          session: driverSession(options.session),
        },
      ),
    );
    return result === null ? null : decodeFieldNames(result as T);
  }

  async deleteOne(filter: Filter, options?: WriteOptions): Promise<DeleteResult> {
    const result = await this.translate(() =>
      this.driver.deleteOne(encodeFilter(filter) as DriverFilter<Stored>, { session: driverSession(options?.session) }),
    );
    return { deletedCount: result.deletedCount };
  }

  async deleteMany(filter: Filter, options?: WriteOptions): Promise<DeleteResult> {
    const result = await this.translate(() =>
      this.driver.deleteMany(encodeFilter(filter) as DriverFilter<Stored>, { session: driverSession(options?.session) }),
    );
    return { deletedCount: result.deletedCount };
  }

  /** Creates the collection when missing (also with no specs), then the indexes. */
  async createIndexes(specs: IndexSpec[]): Promise<void> {
    await this.translate(() => this.store.ensureCollection(this.name));
    if (specs.length === 0) return;
    const indexes: IndexDescription[] = specs.map((spec) => {
      const description: IndexDescription & CreateIndexesOptions = { key: spec.keys };
      if (spec.name) description.name = spec.name;
      if (spec.unique) description.unique = true;
      if (spec.partial) description.partialFilterExpression = spec.partial;
      if (spec.expireAfterSeconds !== undefined) description.expireAfterSeconds = spec.expireAfterSeconds;
      return description;
    });
    await this.translate(() => this.driver.createIndexes(indexes));
  }

  private cursor(filter: Filter, options: FindOptions) {
    const cursor = this.driver.find(encodeFilter(filter) as DriverFilter<Stored>, { session: driverSession(options.session) });
    if (options.sort) cursor.sort(options.sort);
    if (options.skip) cursor.skip(options.skip);
    if (options.limit) cursor.limit(options.limit);
    if (options.projection) cursor.project(options.projection);
    return cursor;
  }

  private async translate<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      if (isDuplicateKey(error)) throw toDuplicateKeyError(this.name, error);
      if (isDocumentTooLarge(error)) throw new DocumentTooLargeError(this.name);
      if (error instanceof Error) {
        error.message = redactMongoText(error.message);
        if (error.stack) error.stack = redactMongoText(error.stack);
      }
      throw error;
    }
  }
}

// Upserts must create string ids (the contract), not driver ObjectIds.
function withStringUpsertId(filter: Filter, update: Update, isUpsert: boolean | undefined): UpdateFilter<Stored> {
  if (!isUpsert || filter._id !== undefined) return update as UpdateFilter<Stored>;
  const onInsert = (update.$setOnInsert ?? {}) as Record<string, unknown>;
  if (onInsert._id !== undefined) return update as UpdateFilter<Stored>;
  return { ...update, $setOnInsert: { ...onInsert, _id: randomUUID() } } as UpdateFilter<Stored>;
}

/**
 * The driver refuses an oversized insert before sending it ("Document is larger than the maximum
 * size"); the server answers 10334 BSONObjectTooLarge, or 17419/17420 when an update's result is
 * too large.
 */
function isDocumentTooLarge(error: unknown): boolean {
  if (error instanceof MongoInvalidArgumentError) return /larger than the maximum size/i.test(error.message);
  return error instanceof MongoServerError && (error.code === 10334 || error.code === 17419 || error.code === 17420);
}

function isDuplicateKey(error: unknown): error is MongoServerError {
  return error instanceof MongoServerError && (error.code === 11000 || error.code === 11001);
}

function firstWriteErrorIndex(error: MongoServerError): number {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const first: unknown = Array.isArray(writeErrors) ? (writeErrors as unknown[])[0] : writeErrors;
  const index = (first as { index?: unknown } | undefined)?.index;
  return typeof index === 'number' ? index : 0;
}

function toDuplicateKeyError(collection: string, error: MongoServerError): DuplicateKeyError {
  const indexName = /index: (\S+) dup key/.exec(error.message)?.[1] ?? 'unknown';
  const keyValue = (error.keyValue ?? error.errorResponse?.keyValue ?? {}) as Record<string, unknown>;
  return new DuplicateKeyError(collection, indexName, keyValue);
}

function toUpdateResult(result: { matchedCount: number; modifiedCount: number; upsertedId: unknown }): UpdateResult {
  const out: UpdateResult = { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount };
  if (result.upsertedId !== null && result.upsertedId !== undefined) out.upsertedId = String(result.upsertedId);
  return out;
}
