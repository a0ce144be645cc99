/**
 * Index images: the secondary indexes of a snapshot's documents, saved beside it (`indexes-<G>.mdb`) so
 * start-up restores the indexes instead of parsing every document to rebuild them.
 *
 * Same framing as logs and snapshots (header with magic `MDMIDX01` and generation, checksummed records).
 * Payloads are JSON: first `["h", snapshotBytes, [[collection, documentCount, [indexName, …]], …]]`, then per
 * index `["f", collection, indexName, multikey[], hasObjectKeys[]]` and its entries in chunks
 * `["l", collection, indexName, [key₁ … keyₙ, ordinal | [ordinal, …], …]]`, last `["e", chunkRecords]`. An
 * ordinal is a document's position in the snapshot (per collection, in the order the snapshot lists them),
 * so ids are not repeated per index and the restored index shares the snapshot's id strings.
 *
 * An image is only ever a shortcut: one that is missing, torn, damaged, or does not fit its snapshot
 * (generation, snapshot size, document counts, index names) is ignored and the indexes are rebuilt from
 * the documents. Written by `writeIndexImage` (storeFiles.ts) at compaction.
 */
import type { IndexSpec } from '../types';
import { IndexImageError, indexName, IndexState } from './indexState';
import { scanRecordFile, StoreFileError } from './recordFile';

export const INDEX_IMAGE_MAGIC = 'MDMIDX01';

/** File name of the index image of snapshot `generation`. */
export function indexImageFileName(generation: number): string {
  return `indexes-${String(generation).padStart(8, '0')}.mdb`;
}

/** A snapshot's collection as recovery loaded it. */
export interface SnapshotCollection {
  ids: readonly string[];
  specs: readonly IndexSpec[];
}

/** Restores the indexes of every collection of a snapshot from its image, or says why the image cannot be used. */
export function readIndexImage(options: {
  path: string;
  generation: number;
  snapshotBytes: number;
  collections: ReadonlyMap<string, SnapshotCollection>;
}): { indexes: Map<string, IndexState[]> } | { reason: string } {
  const indexes = new Map<string, Map<string, IndexState>>();
  let isHeadRead = false;
  let endChunks: number | undefined;
  let chunks = 0;
  const onRecord = (payload: Buffer): void => {
    if (endChunks !== undefined) throw new IndexImageError('records after the end marker');
    const entry = JSON.parse(payload.toString('utf8')) as unknown[];
    if (!isHeadRead) {
      if (entry[0] !== 'h') throw new IndexImageError('the first record is not the header');
      checkHead(entry, options, indexes);
      isHeadRead = true;
      return;
    }
    if (entry[0] === 'e') {
      endChunks = entry[1] as number;
      return;
    }
    const index = indexes.get(entry[1] as string)?.get(entry[2] as string);
    if (!index) throw new IndexImageError(`an entry names index ${String(entry[2])} of ${String(entry[1])}, which the header does not`);
    if (entry[0] === 'f') index.restoreFlags({ multikey: entry[3], hasObjectKeys: entry[4] });
    else if (entry[0] === 'l' && Array.isArray(entry[3])) {
      index.restoreLeaves(entry[3], (options.collections.get(entry[1] as string) as SnapshotCollection).ids);
      chunks += 1;
    } else throw new IndexImageError(`unknown record ${JSON.stringify(entry[0])}`);
  };
  try {
    const scan = scanRecordFile({ path: options.path, magic: INDEX_IMAGE_MAGIC, onRecord });
    if (scan.generation !== options.generation) return { reason: `it is of generation ${scan.generation}, not ${options.generation}` };
    if (scan.bad) return { reason: `it is damaged at offset ${scan.bad.offset} (${scan.bad.bytes} bytes unreadable)` };
    if (!isHeadRead || endChunks === undefined) return { reason: 'it is incomplete (no end marker)' };
    if (endChunks !== chunks) return { reason: `its end marker counts ${endChunks} entry records, ${chunks} were read` };
  } catch (error) {
    if (error instanceof IndexImageError || error instanceof StoreFileError || error instanceof SyntaxError || error instanceof TypeError)
      return { reason: error.message };
    throw error;
  }
  return { indexes: new Map([...indexes].map(([name, byName]) => [name, [...byName.values()]])) };
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
