/**
 * MongoDB-specific logic that needs no server: deployment detection from `hello` replies, URI checks,
 * client defaults, field-name encoding, and the refusals that happen before any connection.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { checkMongoUri, withDatabaseName } from '../../server/store/mongo/connectionUri';
import {
  decodeFieldName,
  decodeFieldNames,
  encodeFieldName,
  encodeFieldNames,
  encodeUpdateValues,
} from '../../server/store/mongo/fieldNames';
import { deploymentRefusal, MongoStoreSetupError, mongoClientOptions, openMongoStore } from '../../server/store/mongo/mongoStore';
import { describeTopology } from '../../server/store/mongo/topology';

describe('deployment detection from a hello reply', () => {
  it.each([
    {
      name: 'replica-set primary',
      hello: {
        isWritablePrimary: true,
        setName: 'rs0',
        hosts: ['db1:27017', 'db2:27017'],
        logicalSessionTimeoutMinutes: 30,
        maxWireVersion: 21,
      },
      expected: { kind: 'replicaSet', replicaSetName: 'rs0', supportsTransactions: true, isSupportedVersion: true },
    },
    {
      name: 'single-node replica set (the recipe for one server)',
      hello: { isWritablePrimary: true, setName: 'rs0', hosts: ['localhost:27017'], logicalSessionTimeoutMinutes: 30, maxWireVersion: 25 },
      expected: { kind: 'replicaSet', supportsTransactions: true },
    },
    {
      name: 'Atlas replica set',
      hello: { isWritablePrimary: true, setName: 'atlas-x1y2z3-shard-0', logicalSessionTimeoutMinutes: 30, maxWireVersion: 25 },
      expected: { kind: 'replicaSet', replicaSetName: 'atlas-x1y2z3-shard-0', supportsTransactions: true },
    },
    {
      name: 'replica-set secondary',
      hello: { isWritablePrimary: false, secondary: true, setName: 'rs0', logicalSessionTimeoutMinutes: 30, maxWireVersion: 17 },
      expected: { kind: 'replicaSet', supportsTransactions: true },
    },
    {
      name: 'mongos router of a sharded cluster (no setName)',
      hello: { isWritablePrimary: true, msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30, maxWireVersion: 21 },
      expected: { kind: 'sharded', supportsTransactions: true, isSupportedVersion: true },
    },
    {
      name: 'standalone mongod',
      hello: { isWritablePrimary: true, logicalSessionTimeoutMinutes: 30, maxWireVersion: 21 },
      expected: { kind: 'standalone', supportsTransactions: false },
    },
    {
      name: 'arbiter',
      hello: { isWritablePrimary: false, arbiterOnly: true, setName: 'rs0', maxWireVersion: 21 },
      expected: { kind: 'replicaSet', supportsTransactions: false },
    },
    {
      name: 'replica set without sessions',
      hello: { isWritablePrimary: true, setName: 'rs0', maxWireVersion: 21 },
      expected: { kind: 'replicaSet', supportsTransactions: false },
    },
    {
      name: 'MongoDB 4.4 replica set (wire 9) is too old',
      hello: { isWritablePrimary: true, setName: 'rs0', logicalSessionTimeoutMinutes: 30, maxWireVersion: 9 },
      expected: { kind: 'replicaSet', isSupportedVersion: false },
    },
    {
      name: 'MongoDB 5.0 mongos (wire 13) is the oldest supported',
      hello: { isWritablePrimary: true, msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30, maxWireVersion: 13 },
      expected: { kind: 'sharded', isSupportedVersion: true },
    },
    {
      name: 'a reply without maxWireVersion is not trusted',
      hello: { setName: 'rs0', logicalSessionTimeoutMinutes: 30 },
      expected: { isSupportedVersion: false },
    },
  ])('$name', ({ hello, expected }) => {
    expect(describeTopology(hello)).toMatchObject(expected);
  });

  it('says why transactions are unavailable', () => {
    expect(describeTopology({ maxWireVersion: 21, logicalSessionTimeoutMinutes: 30 }).reason).toMatch(/standalone/);
  });
});

describe('start-up refusals by deployment', () => {
  const replicaSet = { isWritablePrimary: true, setName: 'rs0', logicalSessionTimeoutMinutes: 30, maxWireVersion: 21 };
  const mongos = { isWritablePrimary: true, msg: 'isdbgrid', logicalSessionTimeoutMinutes: 30, maxWireVersion: 21 };
  const standalone = { isWritablePrimary: true, logicalSessionTimeoutMinutes: 30, maxWireVersion: 21 };
  it.each([
    { name: 'replica set starts', hello: replicaSet, allowStandalone: false, refusal: undefined },
    { name: 'sharded cluster starts', hello: mongos, allowStandalone: false, refusal: undefined },
    {
      name: 'standalone is refused with the single-node replica-set recipe and the override',
      hello: standalone,
      allowStandalone: false,
      refusal:
        /cannot run multi-document transactions[\s\S]*--replSet rs0[\s\S]*rs\.initiate\(\)[\s\S]*MDM_MONGODB_ALLOW_STANDALONE=true[\s\S]*half applied/,
    },
    { name: 'standalone with the override starts', hello: standalone, allowStandalone: true, refusal: undefined },
    {
      name: 'a server older than 5.0 is refused even with the override',
      hello: { ...standalone, maxWireVersion: 9 },
      allowStandalone: true,
      refusal: /older than MongoDB 5\.0/,
    },
  ])('$name', ({ hello, allowStandalone, refusal }) => {
    const message = deploymentRefusal({ topology: describeTopology(hello), description: 'MongoDB mongodb://db/mdm', allowStandalone });
    if (refusal === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(refusal);
  });
});

describe('MONGODB_URI checks', () => {
  it.each([
    { uri: 'mongodb://db1:27017,db2:27017/mdm?replicaSet=rs0', expected: { ok: true, databaseName: 'mdm', hasWriteConcern: false } },
    { uri: 'mongodb+srv://app:secret@cluster0.example.net/hub?retryWrites=true', expected: { ok: true, databaseName: 'hub' } },
    { uri: 'mongodb://db/mdm?w=1', expected: { ok: true, hasWriteConcern: true } },
    { uri: 'mongodb://db/mdm?W=majority', expected: { ok: true, hasWriteConcern: true } },
    { uri: 'mongodb://db/mdm_prod-2', expected: { ok: true, databaseName: 'mdm_prod-2' } },
    { uri: 'mongodb://db:27017', expected: { ok: false, reason: 'missingDatabase' } },
    { uri: 'mongodb://db:27017/?replicaSet=rs0', expected: { ok: false, reason: 'missingDatabase' } },
    { uri: 'mongodb://db/my.db', expected: { ok: false, reason: 'invalidDatabase' } },
    { uri: 'mongodb://db/my%20db', expected: { ok: false, reason: 'invalidDatabase' } },
    { uri: 'mongodb://db/admin', expected: { ok: false, reason: 'invalidDatabase' } },
    { uri: `mongodb://db/${'a'.repeat(64)}`, expected: { ok: false, reason: 'invalidDatabase' } },
    { uri: 'postgres://db/mdm', expected: { ok: false, reason: 'unparseable' } },
  ])('$uri', ({ uri, expected }) => {
    expect(checkMongoUri(uri)).toMatchObject(expected);
  });

  it('problems name MONGODB_URI and never echo credentials', () => {
    const checked = checkMongoUri('mongodb://app:hunter2@db:27017/?authSource=admin');
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problem).toMatch(/^MONGODB_URI must name the database/);
      expect(checked.problem).not.toContain('hunter2');
    }
  });

  it('replaces the database of a URI (one database per test server)', () => {
    expect(withDatabaseName('mongodb://u:p@db1,db2/?replicaSet=rs0', 'mdm_test_1')).toBe('mongodb://u:p@db1,db2/mdm_test_1?replicaSet=rs0');
    expect(withDatabaseName('mongodb://db/old?w=majority', 'new')).toBe('mongodb://db/new?w=majority');
  });
});

describe('client defaults', () => {
  it.each([
    { hasUriWriteConcern: false, expected: { ignoreUndefined: true, readConcern: { level: 'majority' }, writeConcern: { w: 'majority' } } },
    { hasUriWriteConcern: true, expected: { ignoreUndefined: true, readConcern: { level: 'majority' } } },
  ])('write concern given in the URI: $hasUriWriteConcern', ({ hasUriWriteConcern, expected }) => {
    const options = mongoClientOptions({ hasUriWriteConcern });
    expect(options).toMatchObject(expected);
    if (hasUriWriteConcern) expect(options.writeConcern).toBeUndefined();
  });
});

describe('field-name encoding', () => {
  it.each([
    { name: 'plain', stored: 'plain' },
    { name: 'a.b', stored: 'a%2Eb' },
    { name: '$ref', stored: '%24ref' },
    { name: 'a$b', stored: 'a$b' },
    { name: 'N\u0000P\u0000I', stored: 'N%00P%00I' },
    { name: 'rate %', stored: 'rate %25' },
    { name: '%2E', stored: '%252E' },
    { name: '$.%\u0000', stored: '%24%2E%25%00' },
    { name: '', stored: '' },
  ])('$name ↔ $stored', ({ name, stored }) => {
    expect(encodeFieldName(name)).toBe(stored);
    expect(decodeFieldName(stored)).toBe(name);
  });

  it('round-trips nested objects and arrays, keeps field order, and copies only what changes', () => {
    const untouched = { a: 1, list: [{ b: 2 }], when: new Date(0) };
    expect(encodeFieldNames(untouched)).toBe(untouched);
    const raw = JSON.parse('{"x":1,"a.b":{"$c":[{"d\\u0000":2}],"e":3},"__proto__":{"f.g":4},"z":[1,{"h.i":null}]}') as Record<
      string,
      unknown
    >;
    const stored = encodeFieldNames(raw);
    expect(Object.keys(stored)).toEqual(['x', 'a%2Eb', '__proto__', 'z']);
    expect(JSON.stringify(stored)).toBe('{"x":1,"a%2Eb":{"%24c":[{"d%00":2}],"e":3},"__proto__":{"f%2Eg":4},"z":[1,{"h%2Ei":null}]}');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(decodeFieldNames(stored)).toEqual(raw);
    expect(JSON.stringify(decodeFieldNames(stored))).toBe(JSON.stringify(raw));
  });

  it('encodes stored values of $set, $setOnInsert, $push and $addToSet ($each too) and leaves paths and conditions', () => {
    const update = {
      $set: { 'raw.kept': 1, raw: { 'a.b': 1 } },
      $setOnInsert: { first: { $x: 1 } },
      $push: { history: { $each: [{ 'c.d': 1 }], $slice: -5 } },
      $addToSet: { tags: { 'e.f': 1 } },
      $pull: { items: { 'g.h': 1 } },
      $inc: { 'n.m': 1 },
    };
    expect(encodeUpdateValues(update)).toEqual({
      $set: { 'raw.kept': 1, raw: { 'a%2Eb': 1 } },
      $setOnInsert: { first: { '%24x': 1 } },
      $push: { history: { $each: [{ 'c%2Ed': 1 }], $slice: -5 } },
      $addToSet: { tags: { 'e%2Ef': 1 } },
      $pull: { items: { 'g.h': 1 } },
      $inc: { 'n.m': 1 },
    });
    const plain = { $set: { a: 1 }, $inc: { b: 1 } };
    expect(encodeUpdateValues(plain)).toBe(plain);
  });
});

describe('refusals before connecting', () => {
  it.each([
    { uri: 'mongodb://127.0.0.1:9', message: /must name the database/ },
    { uri: 'mongodb://app:hunter2@127.0.0.1:9/admin', message: /reserved by MongoDB/ },
  ])('$uri', async ({ uri, message }) => {
    const error = await openMongoStore({ uri, logger: createMemoryLogger(), serverSelectionTimeoutMS: 200 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MongoStoreSetupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
