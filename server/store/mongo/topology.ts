/**
 * What kind of MongoDB deployment a `hello` reply describes, and whether it runs multi-document
 * transactions. Replica-set members answer with `setName`; a mongos router answers with
 * `msg: 'isdbgrid'` and no `setName` (https://www.mongodb.com/docs/manual/reference/command/hello/);
 * transactions need a replica set or a sharded cluster, and sessions
 * (`logicalSessionTimeoutMinutes` present) (https://www.mongodb.com/docs/manual/core/transactions/).
 */

export type MongoTopologyKind = 'replicaSet' | 'sharded' | 'standalone';

/**
 * Oldest server the hub supports: MongoDB 5.0 (wire version 13). It accepts empty update operands
 * (`$set: {}` after the driver drops `undefined` values) and is the oldest version whose documented
 * behaviour docs/STORAGE.md relies on; the driver itself still connects to 4.4.
 */
export const MIN_WIRE_VERSION = 13;
export const MIN_SERVER_VERSION = '5.0';

export interface MongoTopology {
  kind: MongoTopologyKind;
  /** Whether the server is at least MIN_SERVER_VERSION (`hello.maxWireVersion` ≥ MIN_WIRE_VERSION). */
  isSupportedVersion: boolean;
  /** Replica set name (`setName`), when the server is a replica-set member. */
  replicaSetName?: string;
  /** Whether the deployment runs multi-document transactions (replica set or sharded cluster with sessions). */
  supportsTransactions: boolean;
  /** Why transactions are unavailable, for the start-up message. */
  reason?: string;
}

/** Classifies a `hello` (or legacy `isMaster`) reply. */
export function describeTopology(hello: Record<string, unknown>): MongoTopology {
  return {
    isSupportedVersion: typeof hello.maxWireVersion === 'number' && hello.maxWireVersion >= MIN_WIRE_VERSION,
    ...deploymentOf(hello),
  };
}

function deploymentOf(hello: Record<string, unknown>): Omit<MongoTopology, 'isSupportedVersion'> {
  const hasSessions = typeof hello.logicalSessionTimeoutMinutes === 'number';
  if (hello.msg === 'isdbgrid') {
    return hasSessions
      ? { kind: 'sharded', supportsTransactions: true }
      : {
          kind: 'sharded',
          supportsTransactions: false,
          reason: 'the mongos router reports no logical sessions (logicalSessionTimeoutMinutes)',
        };
  }
  if (typeof hello.setName === 'string' && hello.setName.length > 0) {
    if (hello.arbiterOnly === true) {
      return {
        kind: 'replicaSet',
        replicaSetName: hello.setName,
        supportsTransactions: false,
        reason: 'connected to an arbiter, which holds no data',
      };
    }
    return hasSessions
      ? { kind: 'replicaSet', replicaSetName: hello.setName, supportsTransactions: true }
      : {
          kind: 'replicaSet',
          replicaSetName: hello.setName,
          supportsTransactions: false,
          reason: 'the replica set reports no logical sessions (logicalSessionTimeoutMinutes)',
        };
  }
  return { kind: 'standalone', supportsTransactions: false, reason: 'a standalone mongod runs no multi-document transactions' };
}
