/**
 * Index images: the secondary indexes of a snapshot's documents, saved beside it (`indexes-<G>.mdb`) so
 * start-up restores the indexes instead of parsing every document to rebuild them.
 *
 * Same framing as logs and snapshots (header with magic `MDMIDX02` — `MDMIDX01` before session 17, still read — and
 * generation, checksummed records).
 * Payloads are JSON: first `["h", snapshotBytes, [[collection, documentCount, [indexName, …]], …]]`, then per
 * index `["f", collection, indexName, multikey[], hasObjectKeys[]]` and its entries in chunks
 * `["l", collection, indexName, [key₁ … keyₙ, ordinal | [ordinal, …], …]]`, last `["e", chunkRecords]`. An
 * ordinal is a document's position in the snapshot (per collection, in the order the snapshot lists them),
 * so ids are not repeated per index and the restored index shares the snapshot's id strings.
 *
 * An image is only ever a shortcut: one that is missing, torn, damaged, or does not fit its snapshot
 * (generation, snapshot size, document counts, index names) is ignored at start-up and the indexes are rebuilt
 * from the documents. Start-up checks all of that (every record's checksum) but keeps only where the entry records
 * are: a collection's indexes are filled from them in the background or when the collection is first used
 * (CollectionState.deferIndexes), each record read again from the file and checked again then; should one prove
 * unreadable or malformed, that collection's indexes are rebuilt from its documents instead. Written by
 * `writeIndexImage` (storeFiles.ts) at compaction. (Until session 14 the entry records were kept in memory from
 * start-up on: 146 MiB at 1M documents, read into fresh buffers — ~1 s of the start-up's CPU.)
 */
import type { IndexSpec } from '../types';
import { IndexImageError, indexName, IndexState } from './indexState';
import type { OrdinalSource } from './postings';
import { closeSync, openSync } from 'node:fs';
import { readRecordAt, scanRecordFile, StoreFileError } from './recordFile';

/**
 * Magic of the images written now: walked in steps after the log switch, so exact only for documents not written
 * since (docs/STORAGE.md "Session 17"). A reader of `MDMIDX01` (session 16 and before) assumed an exact image and would
 * keep a stray entry; it refuses this magic and rebuilds instead. This reader reads both.
 */
export const INDEX_IMAGE_MAGIC = 'MDMIDX02';
/** Magics this reader accepts (an `MDMIDX01` image is exact, which dropping touched documents' entries also fits). */
export const READABLE_INDEX_IMAGE_MAGICS: readonly string[] = [INDEX_IMAGE_MAGIC, 'MDMIDX01'];

/** File name of the index image of snapshot `generation`. */
export function indexImageFileName(generation: number): string {
  return `indexes-${String(generation).padStart(8, '0')}.mdb`;
}

/** A snapshot's collection as recovery loaded it. */
export interface SnapshotCollection {
  ids: readonly string[];
  specs: readonly IndexSpec[];
}

/** One collection's indexes in an image, read and checked but not yet restored (see `restoreImagedIndexes`). */
export interface ImagedIndexes {
  collection: string;
  /** Empty indexes of the snapshot's specs, flags restored, in the snapshot's order. */
  indexes: IndexState[];
  /** The image file. */
  path: string;
  /** Per index name, the file offsets of its entry records (read when the index is restored). */
  chunks: Map<string, number[]>;
  /** The collection's ids in snapshot order (ordinals point here). */
  ids: readonly string[];
}

/**
 * Reads and checks a snapshot's index image: framing and checksums, generation, header against the snapshot,
 * end marker. The entry records are kept unparsed, so start-up pays only for reading them; each collection's
 * indexes are filled by `restoreImagedIndexes` when first used.
 */
export function readIndexImage(options: {
  path: string;
  generation: number;
  snapshotBytes: number;
  collections: ReadonlyMap<string, SnapshotCollection>;
}): { images: Map<string, ImagedIndexes> } | { reason: string } {
  const indexes = new Map<string, Map<string, IndexState>>();
  const images = new Map<string, ImagedIndexes>();
  let isHeadRead = false;
  let endChunks: number | undefined;
  let chunks = 0;
  let current: number[] | undefined;
  const onRecord = (payload: Buffer, offset: number): void => {
    if (endChunks !== undefined) throw new IndexImageError('records after the end marker');
    // Entry chunks (`["l",…`) are the bulk: their offsets kept for the index named by the `f` record before them.
    if (isHeadRead && payload[2] === 0x6c /* l */ && payload[0] === 0x5b /* [ */) {
      if (!current) throw new IndexImageError('entries before any index');
      current.push(offset);
      chunks += 1;
      return;
    }
    const entry = JSON.parse(payload.toString('utf8')) as unknown[];
    if (!isHeadRead) {
      if (entry[0] !== 'h') throw new IndexImageError('the first record is not the header');
      checkHead(entry, options, indexes);
      for (const [name, byName] of indexes)
        images.set(name, {
          collection: name,
          indexes: [...byName.values()],
          path: options.path,
          chunks: new Map(),
          ids: (options.collections.get(name) as SnapshotCollection).ids,
        });
      isHeadRead = true;
      return;
    }
    if (entry[0] === 'e') {
      endChunks = entry[1] as number;
      return;
    }
    if (entry[0] !== 'f') throw new IndexImageError(`unknown record ${JSON.stringify(entry[0])}`);
    const index = indexes.get(entry[1] as string)?.get(entry[2] as string);
    if (!index) throw new IndexImageError(`an entry names index ${String(entry[2])} of ${String(entry[1])}, which the header does not`);
    index.restoreFlags({ multikey: entry[3], hasObjectKeys: entry[4] });
    current = [];
    (images.get(entry[1] as string) as ImagedIndexes).chunks.set(index.name, current);
  };
  try {
    const scan = scanRecordFile({ path: options.path, magic: READABLE_INDEX_IMAGE_MAGICS, onRecord });
    if (scan.generation !== options.generation) return { reason: `it is of generation ${scan.generation}, not ${options.generation}` };
    if (scan.bad) return { reason: `it is damaged at offset ${scan.bad.offset} (${scan.bad.bytes} bytes unreadable)` };
    if (!isHeadRead || endChunks === undefined) return { reason: 'it is incomplete (no end marker)' };
    if (endChunks !== chunks) return { reason: `its end marker counts ${endChunks} entry records, ${chunks} were read` };
  } catch (error) {
    if (error instanceof IndexImageError || error instanceof StoreFileError || error instanceof SyntaxError || error instanceof TypeError)
      return { reason: error.message };
    throw error;
  }
  return { images };
}

/**
 * Fills a collection's indexes from its image's entry records, with the document ordinals of `ordinals` (the
 * collection's document table; by default each index's own); throws IndexImageError when one is malformed.
 */
export function restoreImagedIndexes(image: ImagedIndexes, ordinals?: OrdinalSource): IndexState[] {
  const steps = restoreImagedIndexesStepwise(image, ordinals);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, one entry record (up to 20,000 key tuples) per step, so the store can restore in the background
 * between requests; the indexes are returned when complete and must not be used before.
 */
export function* restoreImagedIndexesStepwise(
  image: ImagedIndexes,
  ordinals?: OrdinalSource,
  /** Snapshot positions of documents written since the snapshot: their entries are left out (see restoreLeaves). */
  touched?: Iterable<number | undefined>,
): Generator<void, IndexState[]> {
  if (ordinals) for (const index of image.indexes) index.useOrdinals(ordinals);
  let skip: Uint8Array | undefined;
  for (const position of touched ?? []) {
    if (position === undefined || position >= image.ids.length) continue;
    skip ??= new Uint8Array(image.ids.length);
    skip[position] = 1;
  }
  for (const index of image.indexes) {
    for (const offset of image.chunks.get(index.name) ?? []) {
      const chunk = readEntryRecord(image.path, offset);
      if (!chunk) throw new IndexImageError(`index ${index.name}: the entry record at offset ${offset} is no longer readable`);
      let entry: unknown[];
      try {
        entry = JSON.parse(chunk.toString('utf8')) as unknown[];
      } catch (error) {
        throw new IndexImageError(`index ${index.name}: ${(error as Error).message}`);
      }
      if (entry[0] !== 'l' || entry[1] !== image.collection || entry[2] !== index.name || !Array.isArray(entry[3]))
        throw new IndexImageError(`index ${index.name}: an entry record belongs to ${String(entry[1])}.${String(entry[2])}`);
      index.restoreLeaves(entry[3] as unknown[], image.ids, skip);
      yield;
    }
  }
  return image.indexes;
}

/**
 * An entry record read again at restore (checked again: the file is ours while the store holds the directory lock, but
 * a record that no longer reads back is a rebuild, not a misread). Opened per record: a restore step is one record.
 */
function readEntryRecord(path: string, offset: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return readRecordAt(fd, offset);
  } finally {
    closeSync(fd);
  }
}

function checkHead(
  head: unknown[],
  options: { snapshotBytes: number; collections: ReadonlyMap<string, SnapshotCollection> },
  indexes: Map<string, Map<string, IndexState>>,
): void {
  if (head[1] !== options.snapshotBytes)
    throw new IndexImageError(`it was written for a snapshot of ${String(head[1])} bytes, this one has ${options.snapshotBytes}`);
  const listed = new Map<string, unknown[]>();
  for (const item of Array.isArray(head[2]) ? (head[2] as unknown[][]) : []) listed.set(String(item[0]), item);
  for (const [name, collection] of options.collections) {
    if (collection.specs.length === 0) continue;
    const item = listed.get(name);
    if (!item) throw new IndexImageError(`it has no indexes of collection ${name}`);
    if (item[1] !== collection.ids.length)
      throw new IndexImageError(`it was written for ${String(item[1])} documents of ${name}, the snapshot has ${collection.ids.length}`);
    const names = collection.specs.map(indexName);
    const imaged = Array.isArray(item[2]) ? (item[2] as unknown[]) : [];
    if (names.length !== imaged.length || names.some((n) => !imaged.includes(n)))
      throw new IndexImageError(`its indexes of ${name} (${imaged.join(', ')}) are not the snapshot's (${names.join(', ')})`);
    indexes.set(name, new Map(collection.specs.map((spec) => [indexName(spec), new IndexState(spec)])));
    listed.delete(name);
  }
  if (listed.size > 0) throw new IndexImageError(`it has indexes of collections the snapshot has not: ${[...listed.keys()].join(', ')}`);
}
