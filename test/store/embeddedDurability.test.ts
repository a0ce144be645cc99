/**
 * Embedded-store behaviour the MongoDB leg cannot share: log files, compaction, recovery from a
 * torn tail, refusal on mid-file damage, the directory lock and transaction gating.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore, EmbeddedStoreOptions } from '../../server/store/embedded/embeddedStore';
import { StoreLockedError } from '../../server/store/embedded/lockFile';
import { StoreCorruptionError } from '../../server/store/embedded/recovery';
import { at, must } from '../support/must';

const silent = createLogger({ silent: true });
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-durability-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

async function open(dataDir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore({ dataDir, logger: silent, ...extra });
  cleanups.unshift(() => store.close().catch(() => undefined));
  return store;
}

const storeFiles = (dataDir: string): string[] =>
  readdirSync(dataDir)
    .filter((name) => name.endsWith('.mdb'))
    .sort();

/** Writes n single-document records (one log record each) and returns the log path. */
async function writeRecords(dataDir: string, count: number): Promise<string> {
  const store = await open(dataDir);
  for (let n = 0; n < count; n++) await store.collection('items').insertOne({ _id: `d${n}`, n, text: 'x'.repeat(50) });
  await store.close();
  const log = at(
    storeFiles(dataDir).filter((name) => name.startsWith('log-')),
    0,
  );
  return join(dataDir, log);
}

describe('embedded store files', () => {
  it('compaction writes a snapshot, starts a fresh log and keeps every document', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir);
    const items = store.collection('items');
    await items.createIndexes([{ keys: { sku: 1 }, unique: true }]);
    for (let n = 0; n < 200; n++) await items.insertOne({ _id: `d${n}`, sku: `S${n}`, n });
    await items.deleteMany({ n: { $gte: 150 } });
    expect(storeFiles(dataDir)).toEqual(['log-00000001.mdb']);
    await store.compact();
    expect(store.compactions).toBe(1);
    expect(storeFiles(dataDir)).toEqual(['indexes-00000002.mdb', 'log-00000002.mdb', 'snapshot-00000002.mdb']);
    await items.insertOne({ _id: 'after', sku: 'after' });
    await store.close();

    const reopened = await open(dataDir);
    expect(reopened.recoveryReport.snapshot).toMatchObject({ generation: 2, documents: 150 });
    expect(reopened.recoveryReport.logs).toEqual([expect.objectContaining({ generation: 2, records: 1 })]);
    expect(reopened.recoveryReport.indexImage).toMatchObject({ used: true, reindexedDocuments: 1 });
    expect(await reopened.collection('items').countDocuments()).toBe(151);
    await expect(reopened.collection('items').insertOne({ _id: 'x', sku: 'S3' })).rejects.toThrow('duplicate key');
  });

  it('compacts automatically when the log outgrows the live data', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir, { compaction: { minLogBytes: 4096, logToLiveRatio: 2 } });
    const items = store.collection('items');
    await items.insertOne({ _id: 'counter', value: 0 });
    for (let n = 1; n <= 300; n++) await items.updateOne({ _id: 'counter' }, { $set: { value: n } });
    await store.compact();
    expect(store.compactions).toBeGreaterThan(1);
    await store.close();
    const reopened = await open(dataDir);
    expect(await reopened.collection('items').findOne({ _id: 'counter' })).toEqual({ _id: 'counter', value: 300 });
  });

  it('cuts off a torn tail, keeps every complete record and reports what it dropped', async () => {
    const dataDir = tempDir();
    const log = await writeRecords(dataDir, 20);
    const fullSize = statSync(log).size;
    // Tear the last record in half, then add garbage as a crashed file system might.
    truncateSync(log, fullSize - 30);
    appendFileSync(log, Buffer.from('\u0000\u0000garbage-after-crash\u00ff\u00fe'));
    const tornSize = statSync(log).size;
    const logger = createMemoryLogger();
    const store = await openEmbeddedStore({ dataDir, logger });
    cleanups.unshift(() => store.close().catch(() => undefined));
    expect(await store.collection('items').countDocuments()).toBe(19);
    expect(await store.collection('items').findOne({ _id: 'd19' })).toBeNull();
    const cut = at(store.recoveryReport.truncated, 0);
    expect(cut).toMatchObject({ file: log, reason: 'torn-tail', recoveredRecords: 19, droppedRecords: 1 });
    expect(cut.offset + cut.droppedBytes).toBe(tornSize);
    expect(statSync(log).size).toBe(cut.offset);
    const warning = logger.entries.find((entry) => entry.level === 'warn' && entry.msg.includes('torn log tail'));
    expect(warning).toMatchObject({ file: log, offset: cut.offset, droppedBytes: cut.droppedBytes });
    await store.collection('items').insertOne({ _id: 'after-recovery' });
    await store.close();
    const again = await open(dataDir);
    expect(again.recoveryReport.truncated).toEqual([]);
    expect(await again.collection('items').countDocuments()).toBe(20);
  });

  it('treats pure garbage after the last record as a tail with no partial record', async () => {
    const dataDir = tempDir();
    const log = await writeRecords(dataDir, 3);
    const size = statSync(log).size;
    appendFileSync(log, Buffer.alloc(100, 0xff));
    const store = await open(dataDir);
    expect(store.recoveryReport.truncated).toEqual([
      expect.objectContaining({ offset: size, droppedBytes: 100, droppedRecords: 0, recoveredRecords: 3 }),
    ]);
    expect(await store.collection('items').countDocuments()).toBe(3);
  });

  it('refuses to start on damage in the middle of the log, naming file and offset', async () => {
    const dataDir = tempDir();
    const log = await writeRecords(dataDir, 10);
    const bytes = readFileSync(log);
    const damagedAt = 16 + 40;
    bytes[damagedAt] = must(bytes[damagedAt], 'the byte to damage') ^ 0xff;
    writeFileSync(log, bytes);
    const error = await openEmbeddedStore({ dataDir, logger: silent }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreCorruptionError);
    expect((error as Error).message).toContain(log);
    expect((error as Error).message).toMatch(/offset 16\b/);
    expect((error as Error).message).toContain('MDM_STORE_REPAIR=true');
    expect(readFileSync(log)).toEqual(bytes);

    const repaired = await open(dataDir, { allowRepair: true });
    expect(repaired.recoveryReport.truncated).toEqual([expect.objectContaining({ reason: 'repair', offset: 16, recoveredRecords: 0 })]);
    expect(readdirSync(dataDir).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('refuses a damaged snapshot', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir);
    await store.collection('items').insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `d${n}` })));
    await store.compact();
    await store.close();
    const snapshot = join(dataDir, 'snapshot-00000002.mdb');
    const bytes = readFileSync(snapshot);
    bytes[bytes.length - 3] = at([...bytes], -3, 'the byte to flip') ^ 0x01;
    writeFileSync(snapshot, bytes);
    await expect(openEmbeddedStore({ dataDir, logger: silent })).rejects.toThrow(/snapshot-00000002\.mdb is damaged at offset \d+/);
  });
});

describe('embedded store lock', () => {
  it('refuses a second open of the same directory and allows it after close', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    await expect(openEmbeddedStore({ dataDir, logger: silent })).rejects.toBeInstanceOf(StoreLockedError);
    await first.close();
    const second = await open(dataDir);
    expect(second.kind).toBe('embedded');
  });

  it('refuses a directory locked by another live process', async () => {
    const dataDir = tempDir();
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dataDir, 'LOCK'),
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const error = await openEmbeddedStore({ dataDir, logger: silent }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain(`process ${process.ppid}`);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dataDir = tempDir();
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dataDir, 'LOCK'),
      JSON.stringify({ pid: 2 ** 22 + 17, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const logger = createMemoryLogger();
    const store = await openEmbeddedStore({ dataDir, logger });
    cleanups.unshift(() => store.close().catch(() => undefined));
    expect(logger.entries.some((entry) => entry.level === 'warn' && entry.msg.includes('stale lock'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'LOCK'), 'utf8')).pid).toBe(process.pid);
  });
});

describe('embedded store transactions', () => {
  it('makes a plain write wait until the open transaction has finished', async () => {
    const store = await open(tempDir());
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.withTransaction(async (session) => {
      await store.collection('items').insertOne({ _id: 'tx' }, { session });
      order.push('tx-write');
      await gate;
      order.push('tx-end');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const plain = store
      .collection('items')
      .insertOne({ _id: 'plain' })
      .then(() => order.push('plain-write'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['tx-write']);
    release();
    await Promise.all([transaction, plain]);
    expect(order).toEqual(['tx-write', 'tx-end', 'plain-write']);
  });

  it('rejects a write inside the work that forgets { session } instead of deadlocking', async () => {
    const store = await open(tempDir());
    await expect(
      store.withTransaction(async () => {
        await store.collection('items').insertOne({ _id: 'no-session' });
      }),
    ).rejects.toThrow('must pass { session }');
    expect(await store.collection('items').countDocuments()).toBe(0);
  });

  it('writes a committed transaction as a single log record', async () => {
    const dataDir = tempDir();
    const store = await open(dataDir);
    await store.withTransaction(async (session) => {
      for (let n = 0; n < 5; n++) await store.collection(n % 2 ? 'a' : 'b').insertOne({ _id: `t${n}` }, { session });
    });
    await store.close();
    const reopened = await open(dataDir);
    expect(at(reopened.recoveryReport.logs, 0).records).toBe(1);
    expect(reopened.recoveryReport.documents).toBe(5);
  });

  it('shares one fsync among writes issued in the same tick (group commit)', async () => {
    const store = await open(tempDir());
    const before = store.fsyncCount;
    await Promise.all(Array.from({ length: 200 }, (_, n) => store.collection('items').insertOne({ _id: `g${n}` })));
    expect(store.fsyncCount - before).toBeLessThanOrEqual(2);
    expect(await store.collection('items').countDocuments()).toBe(200);
  });
});
