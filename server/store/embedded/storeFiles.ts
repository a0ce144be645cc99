/** Crash-safe file creation for the embedded store: write temp, fsync, rename, fsync directory. */
import { open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { StoredText } from './documentTable';
import { INDEX_IMAGE_MAGIC, indexImageFileName } from './indexImage';
import { encodeHeader, encodeRecord, LOG_MAGIC, SNAPSHOT_MAGIC } from './recordFile';
import { encodePayload } from './logPayload';
import type { LogOp } from './logPayload';
import { storeFileName } from './recovery';
import type { IndexSpec } from '../types';
import { present } from '../../invariant';

/** fsyncs a directory so a rename or unlink inside it is durable. */
export function fsyncDirectory(dataDir: string): void {
  const fd = openSync(dataDir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates an empty log (header only) durably and opens it for appending. */
export async function createLogFile(dataDir: string, generation: number): Promise<{ handle: FileHandle; bytes: number }> {
  const path = join(dataDir, storeFileName('log', generation));
  const bytes = await writeFileAtomically(dataDir, path, (push) => push(encodeHeader(LOG_MAGIC, generation)));
  return { handle: await open(path, 'a'), bytes };
}

export interface FrozenCollection {
  name: string;
  /**
   * Up to `most` documents as of the freeze (JSON text, or the position of spilled text, see documentTable.ts), each
   * once; an empty batch when all were given. Called between awaits: writes may go on meanwhile (FrozenTable).
   */
  next: (most: number) => Array<[string, StoredText]>;
  /** The JSON of an entry (reads spilled text back). */
  textOf: (stored: StoredText) => string;
  indexSpecs: IndexSpec[];
}

const SNAPSHOT_BATCH_DOCUMENTS = 1000;
const SNAPSHOT_WRITE_BYTES = 8 * 1024 * 1024;

/**
 * Writes `path` durably and atomically: `write` pushes buffers (written in chunks of
 * SNAPSHOT_WRITE_BYTES) into `<path>.tmp`, which is then fsynced, closed, renamed over `path`, and
 * the directory fsynced. Returns the bytes written.
 */
async function writeFileAtomically(
  dataDir: string,
  path: string,
  write: (push: (buffer: Buffer) => Promise<void>) => Promise<void>,
): Promise<number> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await handle.write(data, 0, data.length, bytes);
    bytes += data.length;
  };
  try {
    await write(async (buffer) => {
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= SNAPSHOT_WRITE_BYTES) await flush();
    });
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  fsyncDirectory(dataDir);
  return bytes;
}

/** Writes a complete snapshot (temp file, fsync, rename, fsync dir); an event-loop turn between batches. */
export async function writeSnapshot(options: {
  dataDir: string;
  generation: number;
  collections: FrozenCollection[];
}): Promise<{ path: string; bytes: number }> {
  const path = join(options.dataDir, storeFileName('snapshot', options.generation));
  const bytes = await writeFileAtomically(options.dataDir, path, async (push) => {
    await push(encodeHeader(SNAPSHOT_MAGIC, options.generation));
    let documents = 0;
    for (const collection of options.collections) {
      const indexOps: LogOp[] = collection.indexSpecs.map((spec) => ({ kind: 'index', collection: collection.name, spec }));
      if (indexOps.length > 0) await push(encodeRecord(encodePayload(indexOps)));
      for (let batch = collection.next(SNAPSHOT_BATCH_DOCUMENTS); batch.length > 0; batch = collection.next(SNAPSHOT_BATCH_DOCUMENTS)) {
        const ops: LogOp[] = batch.map(([id, stored]) => ({
          kind: 'put',
          collection: collection.name,
          id,
          json: collection.textOf(stored),
        }));
        documents += ops.length;
        await push(encodeRecord(encodePayload(ops)));
        // An event-loop turn per batch (a push only awaits the disk every 8 MiB): requests wait one batch at most.
        await yieldToEventLoop();
      }
    }
    await push(encodeRecord(encodePayload([{ kind: 'end', documents }])));
  });
  return { path, bytes };
}

const ORDINALS_PER_TICK = 50_000;

/** One index of an image being written: its flags and its entries in chunks (IndexImage's `leaves` layout). */
export interface ImagedIndex {
  name: string;
  multikey: boolean[];
  hasObjectKeys: boolean[];
  chunks: Iterable<Array<string | string[]>>;
}

export interface ImagedCollection {
  name: string;
  /** The collection's ids in snapshot order (ordinal = position). */
  ids: readonly string[];
  images: ImagedIndex[];
}

/**
 * Writes the index image of snapshot `generation` (temp file, fsync, rename, fsync dir); yields between chunks. An
 * entry whose document is not in the snapshot (written since, when the chunks are walked live) is left out;
 * `beforeCommit` runs before the end marker is written (the store waits there until the log holds every version the
 * walk may have seen).
 */
export async function writeIndexImage(options: {
  dataDir: string;
  generation: number;
  snapshotBytes: number;
  collections: ImagedCollection[];
  beforeCommit?: () => Promise<void>;
}): Promise<{ path: string; bytes: number }> {
  const path = join(options.dataDir, indexImageFileName(options.generation));
  const record = (value: unknown): Buffer => encodeRecord(Buffer.from(JSON.stringify(value), 'utf8'));
  const bytes = await writeFileAtomically(options.dataDir, path, async (push) => {
    await push(encodeHeader(INDEX_IMAGE_MAGIC, options.generation));
    const imaged = options.collections.filter((collection) => collection.images.length > 0);
    await push(
      record([
        'h',
        options.snapshotBytes,
        imaged.map((collection) => [collection.name, collection.ids.length, collection.images.map((image) => image.name)]),
      ]),
    );
    let chunks = 0;
    for (const collection of imaged) {
      const ordinalOf = new Map<string, number>();
      for (let start = 0; start < collection.ids.length; start += ORDINALS_PER_TICK) {
        const end = Math.min(collection.ids.length, start + ORDINALS_PER_TICK);
        for (let ordinal = start; ordinal < end; ordinal++) ordinalOf.set(present(collection.ids[ordinal], 'an imaged id'), ordinal);
        await yieldToEventLoop();
      }
      for (const image of collection.images) {
        await push(record(['f', collection.name, image.name, image.multikey, image.hasObjectKeys]));
        const stride = image.multikey.length + 1;
        // Each chunk is walked in its own event-loop turn (the iterator runs on between the awaits).
        for (const leaves of image.chunks) {
          const chunk = toOrdinals(leaves, stride, ordinalOf);
          if (chunk.length > 0) {
            await push(record(['l', collection.name, image.name, chunk]));
            chunks += 1;
          }
          await yieldToEventLoop();
        }
      }
    }
    await options.beforeCommit?.();
    await push(record(['e', chunks]));
  });
  return { path, bytes };
}

/** Entries per index-image record (and per step of the live walk that feeds it). */
export const IMAGE_LEAVES_PER_RECORD = 20_000;

/** A chunk of leaves with ids turned into snapshot ordinals; entries of documents not in the snapshot are left out. */
function toOrdinals(leaves: ReadonlyArray<string | string[]>, stride: number, ordinalOf: ReadonlyMap<string, number>): unknown[] {
  const out: unknown[] = [];
  for (let at = 0; at + stride <= leaves.length; at += stride) {
    const ids = present(leaves[at + stride - 1], 'the ids of an image leaf');
    let ordinals: number | number[] | undefined;
    if (typeof ids === 'string') ordinals = ordinalOf.get(ids);
    else {
      const found: number[] = [];
      for (const id of ids) {
        const ordinal = ordinalOf.get(id);
        if (ordinal !== undefined) found.push(ordinal);
      }
      ordinals = found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
    }
    if (ordinals === undefined) continue;
    for (let level = 0; level < stride - 1; level++) out.push(leaves[at + level]);
    out.push(ordinals);
  }
  return out;
}

/** Deletes files that a newer snapshot made obsolete, then makes the deletions durable. */
export async function removeObsoleteFiles(options: {
  dataDir: string;
  belowGeneration: number;
  files: { logs: number[]; snapshots: number[]; indexImages: number[] };
}): Promise<void> {
  const doomed = [
    ...options.files.indexImages.filter((generation) => generation < options.belowGeneration).map(indexImageFileName),
    ...options.files.logs
      .filter((generation) => generation < options.belowGeneration)
      .map((generation) => storeFileName('log', generation)),
    ...options.files.snapshots
      .filter((generation) => generation < options.belowGeneration)
      .map((generation) => storeFileName('snapshot', generation)),
  ];
  for (const name of doomed) await unlink(join(options.dataDir, name)).catch(() => undefined);
  if (doomed.length > 0) fsyncDirectory(options.dataDir);
}
