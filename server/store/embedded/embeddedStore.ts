/**
 * The embedded store: all committed documents in memory (as JSON text), every write appended to a
 * checksummed log and fsynced (group commit) before its promise resolves, periodic compaction into
 * a snapshot, recovery at start-up, a directory lock, and serialised transactions that commit as
 * one log record.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from '../../logger';
import type { Collection, Document, IndexSpec, Store, StoreSession } from '../types';
import type { Change } from './collectionState';
import { CollectionState } from './collectionState';
import { EmbeddedCollection } from './embeddedCollection';
import type { CollectionHost } from './embeddedCollection';
import { acquireDirectoryLock } from './lockFile';
import { encodePayload } from './logPayload';
import type { LogOp } from './logPayload';
import { LogWriter } from './logWriter';
import { Overlay } from './overlay';
import type { CollectionView } from './matcher';
import { MAX_RECORD_BYTES } from './recordFile';
import { listStoreFiles, recoverState } from './recovery';
import type { RecoveryReport } from './recovery';
import { createLogFile, IMAGE_LEAVES_PER_RECORD, removeObsoleteFiles, writeIndexImage, writeSnapshot } from './storeFiles';
import { restoreImagedIndexesStepwise } from './indexImage';
import { sharingKeys, type IndexImage } from './indexState';
import { ResidentText, residentTextBudget } from './documentTable';

export interface CompactionPolicy {
  /** Never compact while the log is smaller than this. Default 64 MiB. */
  minLogBytes: number;
  /** Compact when the log exceeds this multiple of the live data size. Default 2. */
  logToLiveRatio: number;
}

export interface EmbeddedStoreOptions {
  dataDir: string;
  logger: Logger;
  compaction?: Partial<CompactionPolicy>;
  /** Truncate at mid-file log damage instead of refusing to start (default: env MDM_STORE_REPAIR === 'true'). */
  allowRepair?: boolean;
  /**
   * Restore indexes saved in an index image in the background right after start-up, one image record per
   * event-loop turn (default true); false leaves each collection's restore to its first use.
   */
  restoreIndexesInBackground?: boolean;
  /**
   * Characters of document JSON kept in memory (default: env MDM_STORE_RESIDENT_TEXT_MB in MiB, `all` keeps every
   * document in memory, unset gives 1/32 of V8's heap limit; `characters: undefined` keeps all). Beyond it the
   * oldest documents move to a spill file (or stay in the loaded snapshot) and are read back on use;
   * `minRewriteDeadBytes` (default 64 MiB) is the least dead space before the spill file is rewritten.
   */
  residentText?: { characters: number | undefined; minRewriteDeadBytes?: number };
}

interface ActiveTransaction {
  session: StoreSession;
  overlays: Map<string, Overlay>;
  done: Promise<void>;
}

/** Opens (recovering if needed) the embedded store in `dataDir`. */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDirectoryLock(dataDir);
  let resident: ResidentText | undefined;
  try {
    if (lock.staleHolder)
      options.logger.warn('store: replaced a stale lock left by a process that is no longer running', {
        dataDir,
        previous: lock.staleHolder,
      });
    for (const name of readdirSync(dataDir)) if (name.endsWith('.tmp')) unlinkSync(join(dataDir, name));
    const started = performance.now();
    resident = new ResidentText({
      dataDir,
      budget: options.residentText ? options.residentText.characters : residentTextBudget(),
      minRewriteDeadBytes: options.residentText?.minRewriteDeadBytes,
    });
    const recovered = recoverState({
      dataDir,
      logger: options.logger,
      allowRepair: options.allowRepair ?? process.env.MDM_STORE_REPAIR === 'true',
      resident,
    });
    for (const [name, restored] of recovered.restoredIndexes)
      recovered.collections.get(name)?.deferIndexes({
        specs: restored.image.indexes.map((index) => index.spec),
        restore: (ordinals) => restoreImagedIndexesStepwise(restored.image, ordinals, restored.touched.values()),
        touched: restored.touched,
        onFallback: (error) =>
          options.logger.warn('store: index image entries unusable; indexes rebuilt from the documents', {
            collection: name,
            error: error.message,
          }),
      });
    for (const [name, specs] of recovered.indexSpecs) recovered.collections.get(name)?.buildIndexes(specs);
    let generation: number;
    let log: { handle: FileHandle; bytes: number };
    if (recovered.currentLog) {
      generation = recovered.currentLog.generation;
      log = { handle: await open(recovered.currentLog.path, 'a'), bytes: recovered.currentLog.bytes };
    } else {
      generation = Math.max(1, recovered.snapshotGeneration);
      log = await createLogFile(dataDir, generation);
    }
    recovered.report.durationMs = Math.round(performance.now() - started);
    const store = new EmbeddedStore({
      ...options,
      dataDir,
      collections: recovered.collections,
      report: recovered.report,
      generation,
      log,
      releaseLock: lock.release,
      resident,
    });
    options.logger.info('store: embedded store opened', {
      dataDir,
      documents: recovered.report.documents,
      collections: recovered.report.collections,
      recoveryMs: recovered.report.durationMs,
      truncated: recovered.report.truncated.length,
      indexImage: recovered.report.indexImage?.used ?? false,
    });
    // Clean up logs/snapshots a finished compaction had not yet deleted before a crash.
    await removeObsoleteFiles({ dataDir, belowGeneration: recovered.snapshotGeneration, files: listStoreFiles(dataDir) });
    if (options.restoreIndexesInBackground ?? true) store.restoreIndexesInBackground();
    return store;
  } catch (error) {
    resident?.close();
    lock.release();
    throw error;
  }
}

export class EmbeddedStore implements Store, CollectionHost {
  readonly kind = 'embedded' as const;
  readonly supportsTransactions = true;
  readonly description: string;
  readonly recoveryReport: RecoveryReport;
  readonly dataDir: string;
  private readonly logger: Logger;
  private readonly collections: Map<string, CollectionState>;
  private readonly handles = new Map<string, EmbeddedCollection>();
  private readonly writer: LogWriter;
  private readonly policy: CompactionPolicy;
  private readonly releaseLock: () => void;
  /** Resident-text budget and spill file shared by the collections (documentTable.ts). */
  readonly resident: ResidentText;
  private readonly transactionContext = new AsyncLocalStorage<ActiveTransaction>();
  private active: ActiveTransaction | undefined;
  private generation: number;
  private compaction: Promise<void> | undefined;
  private isClosed = false;
  /** Completed compactions (for tests and the benchmark). */
  compactions = 0;

  constructor(
    init: EmbeddedStoreOptions & {
      dataDir: string;
      collections: Map<string, CollectionState>;
      report: RecoveryReport;
      generation: number;
      log: { handle: FileHandle; bytes: number };
      releaseLock: () => void;
      resident: ResidentText;
    },
  ) {
    this.resident = init.resident;
    this.dataDir = init.dataDir;
    this.description = `embedded store in ${init.dataDir}`;
    this.logger = init.logger;
    this.collections = init.collections;
    this.recoveryReport = init.report;
    this.generation = init.generation;
    this.releaseLock = init.releaseLock;
    this.policy = { minLogBytes: 64 * 1024 * 1024, logToLiveRatio: 2, ...init.compaction };
    this.writer = new LogWriter(init.log.handle, init.log.bytes, () => this.maybeCompact());
  }

  /** Settles when no collection has indexes left to restore from an index image (benchmarks and tests). */
  indexesRestored: Promise<void> = Promise.resolve();
  /** Settles when the loaded snapshot's newest part is in memory, after `indexesRestored` (benchmarks and tests). */
  residentTextLoaded: Promise<void> = Promise.resolve();

  /**
   * Restores the indexes of an index image in the background, one image record (up to 20,000 key tuples) per
   * event-loop turn, so the first query of a large collection does not pay the whole restore and requests in
   * between wait at most one step. A collection used before its turn finishes its restore then (as before).
   * Then loads the newest part of the snapshot into memory, ~1 MiB per turn (documentTable.ts `loadResidentStep`;
   * until then those documents are read from the snapshot like older ones).
   */
  restoreIndexesInBackground(): void {
    const withIndexes = [...this.collections.values()].filter((state) => state.hasDeferredIndexes);
    this.indexesRestored = this.inBackground({
      pending: withIndexes,
      // True when the collection is done (restored, or rebuilt: restoreDeferredStep turns a bad image into a rebuild).
      step: (state) => !state.hasDeferredIndexes || state.restoreDeferredStep(),
      done: 'store: indexes restored from the index image',
      // Only a rebuild from the documents can throw (a unique violation the image hid); the collection's first use reports it.
      stopped: 'store: background index restore stopped',
    });
    this.residentTextLoaded = this.indexesRestored.then(() =>
      this.inBackground({
        pending: [...this.collections.values()].filter((state) => state.docs.hasPendingResident),
        step: (state) => !state.docs.loadResidentStep(),
        done: 'store: newest snapshot documents loaded into memory',
        // Only a cache is left cold: the documents stay readable from the snapshot, as older ones are.
        stopped: 'store: loading the newest snapshot documents into memory stopped',
      }),
    );
  }

  /** Runs `step` on each pending collection, one call per event-loop turn, until it returns true (done) for each. */
  private inBackground(options: {
    pending: CollectionState[];
    step: (state: CollectionState) => boolean;
    done: string;
    stopped: string;
  }): Promise<void> {
    const pending = options.pending;
    if (pending.length === 0) return Promise.resolve();
    const started = performance.now();
    return new Promise<void>((resolveDone) => {
      const step = (): void => {
        const current = pending[0];
        if (!current || this.isClosed) {
          if (!this.isClosed) this.logger.info(options.done, { durationMs: Math.round(performance.now() - started) });
          resolveDone();
          return;
        }
        try {
          if (options.step(current)) pending.shift();
        } catch (error) {
          this.logger.error(options.stopped, { collection: current.name, error: (error as Error).message });
          resolveDone();
          return;
        }
        setImmediate(step);
      };
      setImmediate(step);
    });
  }

  /** Number of fsyncs issued so far (group-commit effectiveness). */
  get fsyncCount(): number {
    return this.writer.fsyncCount;
  }

  /** The entries of a collection's indexes as of now (tests and diagnostics: compare restored with rebuilt indexes). */
  indexImages(name: string): IndexImage[] {
    return this.collections.get(name)?.indexes.map((index) => index.image()) ?? [];
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new EmbeddedCollection(this, name);
      this.handles.set(name, handle);
    }
    return handle as unknown as Collection<T>;
  }

  async withTransaction<R>(work: (session: StoreSession) => Promise<R>): Promise<R> {
    this.assertUsable();
    if (this.transactionContext.getStore()) throw new Error('withTransaction cannot be nested');
    while (this.active) await this.active.done;
    let finish!: () => void;
    const transaction: ActiveTransaction = {
      session: { id: randomUUID() },
      overlays: new Map(),
      done: new Promise((resolveDone) => (finish = resolveDone)),
    };
    this.active = transaction;
    try {
      const result = await this.transactionContext.run(transaction, () => work(transaction.session));
      const ops: LogOp[] = [];
      for (const [name, overlay] of transaction.overlays) for (const change of overlay.values()) ops.push(toOp(name, change));
      if (ops.length > 0) {
        const payload = encodeAndCheck(ops);
        this.assertUsable();
        sharingKeys(() => {
          for (const [name, overlay] of transaction.overlays) this.state(name).apply(overlay.values());
        });
        const durable = this.writer.append(payload);
        // The record is queued in log order, so later writers may proceed while it is fsynced.
        this.active = undefined;
        finish();
        await durable;
      }
      return result;
    } finally {
      // Discarding the overlay is the whole rollback: nothing of it reached shared state or the log.
      if (this.active === transaction) this.active = undefined;
      finish();
    }
  }

  /** Writes a snapshot of the current state and starts a fresh log (also runs automatically). */
  async compact(): Promise<void> {
    if (this.compaction) return this.compaction;
    this.compaction = this.runCompaction().finally(() => (this.compaction = undefined));
    return this.compaction;
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    while (this.active) await this.active.done;
    if (this.compaction) await this.compaction.catch(() => undefined);
    this.isClosed = true;
    await this.writer.close();
    this.resident.close();
    this.releaseLock();
  }

  view(name: string, session?: StoreSession): CollectionView {
    if (this.isClosed) throw new Error('the store is closed');
    if (!session) return { state: this.state(name), overlay: undefined };
    return { state: this.state(name), overlay: this.requireActive(session).overlays.get(name) };
  }

  async writeGate(session?: StoreSession): Promise<void> {
    this.assertUsable();
    if (session) {
      this.requireActive(session);
      return;
    }
    if (this.transactionContext.getStore() === this.active && this.active) {
      throw new Error('a write inside withTransaction must pass { session } (it would wait for its own transaction)');
    }
    while (this.active) await this.active.done;
    this.assertUsable();
  }

  async commit(input: { collection: string; changes: Change[]; session?: StoreSession }): Promise<void> {
    this.assertUsable();
    const state = this.state(input.collection);
    if (input.session) {
      const transaction = this.requireActive(input.session);
      const overlay = transaction.overlays.get(input.collection) ?? new Overlay(state.indexes);
      const combined = input.changes.map((change): Change => {
        const prior = overlay.get(change.id);
        return prior ? { ...change, before: prior.before, beforeDoc: prior.beforeDoc } : change;
      });
      // Checked against committed state and the staged changes through the overlay's indexes (O(keys), not O(staged)).
      state.validate(combined, overlay);
      for (const change of combined) overlay.stage(change);
      transaction.overlays.set(input.collection, overlay);
      return;
    }
    await this.applyNow({ collection: input.collection, changes: input.changes });
  }

  applyNow(input: { collection: string; changes: Change[] }): Promise<void> {
    this.assertUsable();
    const state = this.state(input.collection);
    state.validate(input.changes);
    const payload = encodeAndCheck(input.changes.map((change) => toOp(input.collection, change)));
    sharingKeys(() => state.apply(input.changes));
    return this.writer.append(payload);
  }

  deleteAllNow(collection: string): { deletedCount: number; durable: Promise<void> } {
    this.assertUsable();
    const state = this.state(collection);
    const durable: Array<Promise<void>> = [];
    let ids: string[] = [];
    const logChunk = (): void => {
      durable.push(this.writer.append(encodeAndCheck(ids.map((id) => ({ kind: 'delete', collection, id })))));
      ids = [];
    };
    // The same log records as deleting each document (one record per chunk of ids); nothing is read or parsed.
    for (const id of state.docs.keys()) {
      ids.push(id);
      if (ids.length >= DELETE_ALL_IDS_PER_RECORD) logChunk();
    }
    if (ids.length > 0) logChunk();
    const deletedCount = state.docs.size;
    state.clear();
    return { deletedCount, durable: Promise.all(durable).then(() => undefined) };
  }

  async createIndexes(collection: string, specs: IndexSpec[]): Promise<void> {
    await this.writeGate();
    const state = this.state(collection);
    const fresh = specs.filter((spec) => !state.hasIndex(spec));
    if (fresh.length === 0) return;
    state.buildIndexes(fresh);
    await this.writer.append(encodePayload(fresh.map((spec) => ({ kind: 'index', collection, spec }))));
  }

  private state(name: string): CollectionState {
    let state = this.collections.get(name);
    if (!state) {
      state = new CollectionState(name, this.resident);
      this.collections.set(name, state);
    }
    return state;
  }

  private requireActive(session: StoreSession): ActiveTransaction {
    if (!this.active || this.active.session.id !== session.id)
      throw new Error(`session ${session.id} is not an active transaction of this store`);
    return this.active;
  }

  private assertUsable(): void {
    if (this.isClosed) throw new Error('the store is closed');
    if (this.writer.failed) throw this.writer.failed;
  }

  private maybeCompact(): void {
    if (this.compaction || this.isClosed || this.writer.failed) return;
    let liveBytes = 0;
    for (const state of this.collections.values()) liveBytes += state.liveBytes;
    if (this.writer.bytes < Math.max(this.policy.minLogBytes, liveBytes * this.policy.logToLiveRatio)) return;
    this.compact().catch((error: unknown) =>
      this.logger.error('store compaction failed; will retry after later writes', { error: (error as Error).message }),
    );
  }

  private async runCompaction(): Promise<void> {
    const started = performance.now();
    const next = this.generation + 1;
    this.logger.info('store: compaction started', { generation: next, logBytes: this.writer.bytes });
    // The image needs every index restored: finish pending restores a step per event-loop turn, as in the background.
    for (const state of this.collections.values()) while (!state.restoreDeferredStep()) await yieldToEventLoop();
    const log = await createLogFile(this.dataDir, next);
    // From here to the rotate call nothing awaits: the freeze and the log switch happen at one record boundary. The
    // freeze is O(1) per collection (copy-on-write, documentTable.ts FrozenTable): the documents as of now are handed
    // out later while writes go on, so no slice of the compaction grows with the store (docs/STORAGE.md "Session 17").
    // Spilled documents are frozen as positions: the spill file keeps them where they are until the snapshot is written.
    const unpin = this.resident.pin();
    const frozen = [...this.collections.values()].map((state) => ({
      state,
      documents: state.docs.freeze(),
      // The collection's ids in the order the snapshot lists them (the image's ordinals).
      ids: [] as string[],
      indexes: [...state.indexes],
    }));
    let snapshot: { bytes: number };
    try {
      const previousFlushed = this.writer.flushed();
      const previous = this.writer.rotate(log.handle, log.bytes);
      this.generation = next;
      this.logger.debug('store: compaction switched to a new log; writing snapshot', { generation: next });
      await previousFlushed;
      await previous.close();
      snapshot = await writeSnapshot({
        dataDir: this.dataDir,
        generation: next,
        collections: frozen.map(({ state, documents, ids, indexes }) => ({
          name: state.name,
          next: (most) => {
            const batch = documents.next(most);
            for (const [id] of batch) ids.push(id);
            return batch;
          },
          textOf: (stored) => state.docs.textOf(stored),
          indexSpecs: indexes.map((index) => index.spec),
        })),
      });
    } finally {
      for (const { state, documents } of frozen) state.docs.unfreeze(documents);
      unpin();
    }
    this.logger.debug('store: snapshot written; writing the index image', { generation: next });
    const imageStarted = performance.now();
    const image = await writeIndexImage({
      dataDir: this.dataDir,
      generation: next,
      snapshotBytes: snapshot.bytes,
      // The indexes of the switch, walked live in steps: exact for every document not written since the switch, and
      // start-up trusts no entry of a document the logs since the snapshot wrote (indexImage.ts, restoreLeaves).
      collections: frozen.map(({ state, ids, indexes }) => ({
        name: state.name,
        ids,
        images: indexes.map((index) => ({
          name: index.name,
          multikey: [...index.multikey],
          hasObjectKeys: [...index.hasObjectKeys],
          chunks: index.imageChunks(IMAGE_LEAVES_PER_RECORD),
        })),
      })),
      // Every version the walk saw is in the log before the image exists, so a start-up counts its document as written.
      beforeCommit: () => this.writer.flushed(),
    }).catch((error: unknown) => {
      // Only a shortcut for the next start-up: without it the indexes are rebuilt from the documents.
      this.logger.warn('store: index image not written; the next start-up rebuilds the indexes', { error: (error as Error).message });
      return undefined;
    });
    await removeObsoleteFiles({ dataDir: this.dataDir, belowGeneration: next, files: listStoreFiles(this.dataDir) });
    this.compactions += 1;
    this.logger.info('store: compacted', {
      generation: next,
      snapshotBytes: snapshot.bytes,
      indexImageBytes: image?.bytes,
      indexImageMs: Math.round(performance.now() - imageStarted),
      durationMs: Math.round(performance.now() - started),
    });
  }
}

/** Ids per log record of a whole-collection delete (~60 bytes each). */
const DELETE_ALL_IDS_PER_RECORD = 16_384;

function toOp(collection: string, change: Change): LogOp {
  return change.after ? { kind: 'put', collection, id: change.id, json: change.after.json } : { kind: 'delete', collection, id: change.id };
}

function encodeAndCheck(ops: LogOp[]): Buffer {
  const payload = encodePayload(ops);
  if (payload.length > MAX_RECORD_BYTES)
    throw new Error(`one write may not exceed ${MAX_RECORD_BYTES} bytes (got ${payload.length}); split it`);
  return payload;
}
