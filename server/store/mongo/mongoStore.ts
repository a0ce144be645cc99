/**
 * MongoDB adapter over the official driver. Transactions run through `session.withTransaction`
 * when the server is a replica set (detected with `hello.setName`); on a standalone server writes
 * are applied one by one, as announced once at start-up.
 */
import { MongoClient } from 'mongodb';
import type { ClientSession, Db } from 'mongodb';
import type { Logger } from '../../logger';
import type { Collection, Document, Store, StoreSession } from '../types';
import { MongoCollection } from './mongoCollection';
import { MongoStoreSession } from './mongoSession';
import { redactMongoText, redactMongoUri } from './redact';

/** Connects, checks the topology and returns the MongoDB-backed store. */
export async function openMongoStore(options: { uri: string; logger: Logger; databaseName?: string; serverSelectionTimeoutMS?: number }): Promise<MongoStore> {
  const description = `MongoDB ${redactMongoUri(options.uri)}`;
  const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000 });
  try {
    await client.connect();
    const hello = await client.db('admin').command({ hello: 1 });
    const isReplicaSet = typeof hello.setName === 'string';
    if (!isReplicaSet) options.logger.warn('MongoDB is not a replica set: transactions disabled', { store: description });
    const store = new MongoStore({ client, db: client.db(options.databaseName), description, isReplicaSet });
    options.logger.info('store: connected to MongoDB', { store: description, replicaSet: isReplicaSet ? hello.setName : undefined });
    return store;
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new Error(`could not connect to ${description}: ${redactMongoText((error as Error).message)}`);
  }
}

export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly description: string;
  readonly isReplicaSet: boolean;
  private readonly client: MongoClient;
  private readonly db: Db;

  constructor(init: { client: MongoClient; db: Db; description: string; isReplicaSet: boolean }) {
    this.client = init.client;
    this.db = init.db;
    this.description = init.description;
    this.isReplicaSet = init.isReplicaSet;
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new MongoCollection<T>({ collection: this.db.collection(name), store: this });
  }

  async withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R> {
    if (!this.isReplicaSet) return work(new MongoStoreSession(undefined));
    const clientSession = this.client.startSession();
    try {
      // The driver may re-run `work` on transient transaction errors, so it must not have outside side effects.
      return await clientSession.withTransaction(() => work(new MongoStoreSession(clientSession)));
    } finally {
      await clientSession.endSession();
    }
  }

  /** Runs `work` in a transaction of its own when possible (used to make insertMany atomic). */
  async runAtomically<R>(work: (session: ClientSession | undefined) => Promise<R>): Promise<R> {
    if (!this.isReplicaSet) return work(undefined);
    const clientSession = this.client.startSession();
    try {
      return await clientSession.withTransaction(() => work(clientSession));
    } finally {
      await clientSession.endSession();
    }
  }

  /** Drops the database (tests use one database per test). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
