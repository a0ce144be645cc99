/**
 * MongoDB adapter over the official driver (docs/STORAGE.md, docs/SCALING.md). At start-up it checks
 * the URI (a database name is required), classifies the deployment from `hello` (replica set, sharded
 * cluster through mongos, or standalone) and refuses a standalone server unless explicitly allowed,
 * because only replica sets and sharded clusters run the multi-document transactions the product
 * relies on. Client defaults: `ignoreUndefined` (an `undefined` field is left out, as on the embedded
 * store) and majority write concern unless the URI sets `w`.
 */
import { MongoClient, MongoServerError } from 'mongodb';
import type { ClientSession, Db, MongoClientOptions, TransactionOptions } from 'mongodb';
import type { Logger } from '../../logger';
import type { Collection, Document, Store, StoreSession } from '../types';
import { checkMongoUri } from './connectionUri';
import { MongoCollection } from './mongoCollection';
import { MongoStoreSession } from './mongoSession';
import { redactMongoText, redactMongoUri } from './redact';
import { describeTopology, MIN_SERVER_VERSION } from './topology';
import type { MongoTopology } from './topology';

/** Start-up refusals of the MongoDB adapter (bad URI, standalone server): the message says what to change. */
export class MongoStoreSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MongoStoreSetupError';
  }
}

/** What a standalone server cannot guarantee; printed on refusal and logged when the override is set. */
export const STANDALONE_LOST_GUARANTEES = [
  'multi-document writes (a golden-record merge, its history and change-feed entry, a steward decision with its task) are applied one by one: a crash or error in between leaves them half applied',
  'insertMany atomicity is emulated by deleting the already-inserted prefix after a duplicate key; a crash in between leaves that prefix',
  'no change streams, no majority write concern, no failover: a lost disk loses acknowledged writes',
];

export const STANDALONE_RECIPE =
  'run it as a single-node replica set: start mongod with --replSet rs0, run rs.initiate() once in mongosh, and add ?replicaSet=rs0 to MONGODB_URI (docs/STORAGE.md)';

/** Transactions read a snapshot and commit with majority write concern (https://www.mongodb.com/docs/manual/core/transactions/#read-concern-write-concern-read-preference). */
const TRANSACTION_OPTIONS: TransactionOptions = { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } };

export interface MongoStoreOptions {
  uri: string;
  logger: Logger;
  /** Another database than the URI's (tests give every store its own database). */
  databaseName?: string;
  serverSelectionTimeoutMS?: number;
  /** Start on a standalone server anyway, accepting STANDALONE_LOST_GUARANTEES (MDM_MONGODB_ALLOW_STANDALONE). */
  allowStandalone?: boolean;
}

/** The client options the application relies on (majority reads and writes); `hasUriWriteConcern` keeps an operator's explicit `w`. */
export function mongoClientOptions(input: { hasUriWriteConcern: boolean; serverSelectionTimeoutMS?: number }): MongoClientOptions {
  return {
    serverSelectionTimeoutMS: input.serverSelectionTimeoutMS ?? 10_000,
    ignoreUndefined: true,
    // Reads see only majority-committed data, so nothing a reader acted on (a numbered change, a claimed job)
    // can be rolled back by a failover (https://www.mongodb.com/docs/manual/reference/read-concern-majority/).
    readConcern: { level: 'majority' },
    ...(input.hasUriWriteConcern ? {} : { writeConcern: { w: 'majority' as const } }),
  };
}

/** Why the hub refuses to start on this deployment, or undefined when it may start. */
export function deploymentRefusal(input: { topology: MongoTopology; description: string; allowStandalone: boolean }): string | undefined {
  const { topology, description } = input;
  if (!topology.isSupportedVersion)
    return `${description} is older than MongoDB ${MIN_SERVER_VERSION}, the oldest version the hub supports; upgrade the server (docs/STORAGE.md)`;
  if (topology.supportsTransactions || input.allowStandalone) return undefined;
  return (
    `${description} cannot run multi-document transactions (${topology.reason}). The hub needs a replica set or a sharded cluster: ${STANDALONE_RECIPE}. ` +
    `To start anyway, set MDM_MONGODB_ALLOW_STANDALONE=true and accept that: ${STANDALONE_LOST_GUARANTEES.join('; ')}.`
  );
}

/** Connects, checks the URI and the deployment, and returns the MongoDB-backed store. */
export async function openMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const description = `MongoDB ${redactMongoUri(options.uri)}`;
  const checked = checkMongoUri(options.uri);
  // A database given by the caller (tests) stands in for a missing one in the URI.
  if (!checked.ok && !(options.databaseName && checked.reason === 'missingDatabase')) throw new MongoStoreSetupError(checked.problem);
  const databaseName = options.databaseName ?? (checked.ok ? checked.databaseName : undefined);
  const client = new MongoClient(
    options.uri,
    mongoClientOptions({ hasUriWriteConcern: checked.hasWriteConcern, serverSelectionTimeoutMS: options.serverSelectionTimeoutMS }),
  );
  let topology: MongoTopology;
  try {
    await client.connect();
    topology = describeTopology(await client.db('admin').command({ hello: 1 }));
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new Error(`could not connect to ${description}: ${redactMongoText((error as Error).message)}`);
  }
  const refusal = deploymentRefusal({ topology, description, allowStandalone: options.allowStandalone ?? false });
  if (refusal) {
    await client.close().catch(() => undefined);
    throw new MongoStoreSetupError(refusal);
  }
  if (!topology.supportsTransactions) {
    options.logger.warn('MongoDB without transactions (MDM_MONGODB_ALLOW_STANDALONE): multi-document guarantees are lost', {
      store: description,
      reason: topology.reason,
      lost: STANDALONE_LOST_GUARANTEES,
    });
  }
  const store = new MongoStore({ client, db: client.db(databaseName), description, topology });
  options.logger.info('store: connected to MongoDB', {
    store: description,
    topology: topology.kind,
    replicaSet: topology.replicaSetName,
    transactions: topology.supportsTransactions,
  });
  return store;
}

export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly description: string;
  readonly topology: MongoTopology;
  private readonly client: MongoClient;
  private readonly db: Db;

  constructor(init: { client: MongoClient; db: Db; description: string; topology: MongoTopology }) {
    this.client = init.client;
    this.db = init.db;
    this.description = init.description;
    this.topology = init.topology;
  }

  get supportsTransactions(): boolean {
    return this.topology.supportsTransactions;
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new MongoCollection<T>({ collection: this.db.collection(name), store: this });
  }

  /**
   * Creates the collection if it does not exist. Collections are created at start-up, never
   * implicitly by a first write inside a transaction (not allowed in cross-shard transactions:
   * https://www.mongodb.com/docs/manual/core/transactions-operations/#create-collections-and-indexes-in-a-transaction).
   */
  async ensureCollection(name: string): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      // 48 NamespaceExists: another server (or an earlier start) created it.
      if (error instanceof MongoServerError && error.code === 48) return;
      throw error;
    }
  }

  async withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R> {
    if (!this.supportsTransactions) return work(new MongoStoreSession(undefined));
    const clientSession = this.client.startSession();
    try {
      // The driver re-runs `work` on transient errors (write conflicts), so it must not have outside side effects.
      return await clientSession.withTransaction(() => work(new MongoStoreSession(clientSession)), TRANSACTION_OPTIONS);
    } finally {
      await clientSession.endSession();
    }
  }

  /** Runs `work` in a transaction of its own when possible (used to make insertMany atomic). */
  async runAtomically<R>(work: (session: ClientSession | undefined) => Promise<R>): Promise<R> {
    if (!this.supportsTransactions) return work(undefined);
    const clientSession = this.client.startSession();
    try {
      return await clientSession.withTransaction(() => work(clientSession), TRANSACTION_OPTIONS);
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
