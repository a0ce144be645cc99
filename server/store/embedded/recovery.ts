/**
 * Start-up recovery: load the newest snapshot, replay the logs written since, cut off a torn
 * tail (reporting exactly what was dropped) and refuse to start on damage inside a file.
 */
import { copyFileSync, existsSync, openSync, closeSync, ftruncateSync, fsyncSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../logger';
import type { IndexSpec } from '../types';
import { CollectionState } from './collectionState';
import type { ResidentText, SnapshotSource } from './documentTable';
import { present } from '../../invariant';
import { indexImageFileName, readIndexImage } from './indexImage';
import type { ImagedIndexes, SnapshotCollection } from './indexImage';
import { decodePayload, decodePayloadRanges } from './logPayload';
import type { LogOp } from './logPayload';
import { LOG_MAGIC, RECORD_HEADER_BYTES, scanRecordFile, SNAPSHOT_MAGIC, StoreFileError } from './recordFile';

export interface RecoveryReport {
  snapshot?: { file: string; generation: number; documents: number; bytes: number };
  logs: Array<{ file: string; generation: number; records: number; bytes: number }>;
  /** Damaged tails that were cut off (torn writes, or mid-file damage under MDM_STORE_REPAIR). */
  truncated: Array<{
    file: string;
    offset: number;
    droppedBytes: number;
    droppedRecords: number;
    recoveredRecords: number;
    reason: 'torn-tail' | 'repair';
    backup?: string;
  }>;
  /** The snapshot's index image: used (and how many documents changed since were re-indexed), or why not. */
  indexImage?: { file: string; used: boolean; reason?: string; reindexedDocuments?: number };
  documents: number;
  collections: number;
  durationMs: number;
}

/**
 * A collection's indexes in the snapshot's image, and the documents written since (id → position in the snapshot,
 * undefined if absent from it): their image entries are not used (docs/STORAGE.md "Session 17").
 */
export interface RestoredIndexes {
  image: ImagedIndexes;
  touched: Map<string, number | undefined>;
}

export interface RecoveredState {
  collections: Map<string, CollectionState>;
  indexSpecs: Map<string, IndexSpec[]>;
  /** Per collection, the indexes in the snapshot's index image (the other specs must be built). */
  restoredIndexes: Map<string, RestoredIndexes>;
  report: RecoveryReport;
  /** Generation of the newest snapshot (0 when none). */
  snapshotGeneration: number;
  /** Newest log, to keep appending to (undefined when there is none yet). */
  currentLog?: { generation: number; path: string; bytes: number };
}

/** Thrown when a store file is damaged in a way recovery must not paper over. */
export class StoreCorruptionError extends Error {
  readonly code = 'STORE_CORRUPT';
  constructor(message: string) {
    super(message);
    this.name = 'StoreCorruptionError';
  }
}

const FILE_PATTERN = /^(log|snapshot|indexes)-(\d{8})\.mdb$/;

/** File name of a log or snapshot of one generation. */
export function storeFileName(kind: 'log' | 'snapshot', generation: number): string {
  return `${kind}-${String(generation).padStart(8, '0')}.mdb`;
}

/** Lists log, snapshot and index-image generations present in `dataDir`. */
export function listStoreFiles(dataDir: string): { logs: number[]; snapshots: number[]; indexImages: number[] } {
  const files = { logs: [] as number[], snapshots: [] as number[], indexImages: [] as number[] };
  for (const name of readdirSync(dataDir)) {
    const match = FILE_PATTERN.exec(name);
    if (!match) continue;
    (match[1] === 'log' ? files.logs : match[1] === 'snapshot' ? files.snapshots : files.indexImages).push(Number(match[2]));
  }
  for (const list of Object.values(files)) list.sort((a, b) => a - b);
  return files;
}

/** Rebuilds the committed state from `dataDir`; `allowRepair` truncates at mid-file damage instead of refusing. */
export function recoverState(options: {
  dataDir: string;
  logger: Logger;
  allowRepair: boolean;
  /** The store's resident-text budget and spill file, shared by the recovered collections. */
  resident?: ResidentText;
}): RecoveredState {
  const started = performance.now();
  const { dataDir, logger } = options;
  const collections = new Map<string, CollectionState>();
  const indexSpecs = new Map<string, IndexSpec[]>();
  const report: RecoveryReport = { logs: [], truncated: [], documents: 0, collections: 0, durationMs: 0 };
  const stateOf = (name: string): CollectionState => {
    let state = collections.get(name);
    if (!state) {
      state = new CollectionState(name, options.resident);
      collections.set(name, state);
    }
    return state;
  };
  let isLoadingSnapshot = true;
  // While the logs replay over restored indexes: each changed document's position in the snapshot (its ordinal until
  // its first change: the table gives a snapshot's documents their positions, and only changes move them).
  const restoredIndexes = new Map<string, RestoredIndexes>();
  const noteChange = (collection: string, id: string): void => {
    const touched = restoredIndexes.get(collection)?.touched;
    if (touched && !touched.has(id)) touched.set(id, collections.get(collection)?.docs.ordinalOf(id));
  };
  // A snapshot larger than the budget keeps in memory at start-up (a budget is set) is not decoded: every document
  // stays where the snapshot holds it, and those from this offset on (its newest part, as much as the budget keeps in
  // memory) are decoded after start-up, in the background (DocumentTable.loadResidentStep). The log tail is decoded.
  let snapshotSource: SnapshotSource | undefined;
  let spillBelowOffset = 0;
  const applyPayload = (payload: Buffer, recordOffset?: number): number | undefined => {
    let endCount: number | undefined;
    if (snapshotSource && recordOffset !== undefined) {
      const source = snapshotSource;
      const resident = present(options.resident, 'the resident-text accounting of a spilling start-up');
      const { ops, isAscii } = decodePayloadRanges(payload);
      const payloadOffset = recordOffset + RECORD_HEADER_BYTES;
      for (const op of ops) {
        if (op.kind === 'put-range') {
          const bytes = op.end - op.start;
          const characters = isAscii ? bytes : payload.toString('utf8', op.start, op.end).length;
          // The newest part (what the budget keeps in memory) is decoded after start-up, not here (loadResidentStep).
          const isNewest = payloadOffset + op.start >= spillBelowOffset;
          stateOf(op.collection).loadSpilled(op.id, resident.snapshotText(source, payloadOffset + op.start, bytes, characters), isNewest);
        } else endCount = applyOther(op) ?? endCount;
      }
      return endCount;
    }
    for (const op of decodePayload(payload)) {
      if (op.kind === 'put') {
        if (isLoadingSnapshot) {
          stateOf(op.collection).loadRaw(op.id, op.json);
        } else {
          noteChange(op.collection, op.id);
          stateOf(op.collection).putRaw(op.id, op.json);
        }
      } else endCount = applyOther(op) ?? endCount;
    }
    return endCount;
  };
  /** A delete, index or end-of-snapshot operation; returns the end marker's count. */
  const applyOther = (op: Exclude<LogOp, { kind: 'put' }>): number | undefined => {
    if (op.kind === 'end') return op.documents;
    if (op.kind === 'delete') {
      noteChange(op.collection, op.id);
      stateOf(op.collection).deleteRaw(op.id);
    } else {
      const specs = indexSpecs.get(op.collection) ?? [];
      specs.push(op.spec);
      indexSpecs.set(op.collection, specs);
      stateOf(op.collection);
    }
    return undefined;
  };

  const files = listStoreFiles(dataDir);
  const snapshotGeneration = files.snapshots.at(-1) ?? 0;
  if (snapshotGeneration > 0) {
    const path = join(dataDir, storeFileName('snapshot', snapshotGeneration));
    let endCount: number | undefined;
    let documents = 0;
    const keepResident = options.resident?.isSpilling ? options.resident.startupResidentCharacters : undefined;
    if (options.resident && keepResident !== undefined) {
      spillBelowOffset = statSync(path).size - keepResident;
      if (spillBelowOffset > 0) snapshotSource = options.resident.attachSnapshot(path);
    }
    const scan = scanRecordFile({
      path,
      magic: SNAPSHOT_MAGIC,
      onRecord: (payload, offset) => {
        if (endCount !== undefined) throw new StoreCorruptionError(`${path}: records after the end marker`);
        endCount = applyPayload(payload, offset);
      },
    });
    snapshotSource = undefined;
    for (const state of collections.values()) documents += state.docs.size;
    // Snapshots are fsynced before they are renamed into place, so any damage is real corruption.
    if (scan.bad)
      throw new StoreCorruptionError(
        `${path} is damaged at offset ${scan.bad.offset} (${scan.bad.bytes} bytes unreadable); restore the data directory from a backup`,
      );
    if (endCount !== documents)
      throw new StoreCorruptionError(`${path} is incomplete: end marker ${endCount ?? 'missing'}, ${documents} documents read`);
    report.snapshot = { file: path, generation: snapshotGeneration, documents, bytes: scan.fileBytes };
    report.indexImage = restoreFromImage({
      dataDir,
      generation: snapshotGeneration,
      snapshotBytes: scan.fileBytes,
      // Index images refer to documents by position in the snapshot: the tables' ordinals right after loading it.
      snapshotIds: new Map([...collections].map(([name, state]) => [name, state.docs.idsByOrdinal()])),
      indexSpecs,
      restoredIndexes,
    });
    if (report.indexImage && !report.indexImage.used)
      logger.warn('store recovery: index image not used; rebuilding the indexes from the documents', report.indexImage);
  }
  isLoadingSnapshot = false;

  const logGenerations = files.logs.filter((generation) => generation >= snapshotGeneration);
  let currentLog: RecoveredState['currentLog'];
  logGenerations.forEach((generation, position) => {
    const path = join(dataDir, storeFileName('log', generation));
    let scan;
    try {
      scan = scanRecordFile({ path, magic: LOG_MAGIC, onRecord: (payload) => void applyPayload(payload) });
    } catch (error) {
      if (error instanceof StoreFileError) throw new StoreCorruptionError(error.message);
      throw error;
    }
    let bytes = scan.fileBytes;
    if (scan.bad) {
      const isLast = position === logGenerations.length - 1;
      const laterHaveRecords =
        !isLast && logGenerations.slice(position + 1).some((later) => statSync(join(dataDir, storeFileName('log', later))).size > 16);
      if (scan.bad.isMidFile || laterHaveRecords) {
        const where = `${path} at offset ${scan.bad.offset}`;
        if (!options.allowRepair) {
          throw new StoreCorruptionError(
            `log damaged in the middle: ${where} is unreadable but valid records follow` +
              `${scan.bad.nextValidOffset !== undefined ? ` (next at offset ${scan.bad.nextValidOffset})` : ' (in a later log)'}. ` +
              'Refusing to start so that no acknowledged write is silently skipped. Restore from a backup, or start with ' +
              'MDM_STORE_REPAIR=true to keep only the records before the damage (a copy of the file is kept).',
          );
        }
        const backup = `${path}.corrupt-${Date.now()}`;
        copyFileSync(path, backup);
        truncateFile(path, scan.validEnd);
        report.truncated.push({
          file: path,
          offset: scan.bad.offset,
          droppedBytes: scan.bad.bytes,
          droppedRecords: scan.bad.partialRecords,
          recoveredRecords: scan.records,
          reason: 'repair',
          backup,
        });
        logger.error('store repair: log truncated at mid-file damage; later records dropped', {
          file: path,
          offset: scan.bad.offset,
          droppedBytes: scan.bad.bytes,
          backup,
        });
      } else {
        truncateFile(path, scan.validEnd);
        report.truncated.push({
          file: path,
          offset: scan.bad.offset,
          droppedBytes: scan.bad.bytes,
          droppedRecords: scan.bad.partialRecords,
          recoveredRecords: scan.records,
          reason: 'torn-tail',
        });
        logger.warn('store recovery: torn log tail cut off (an interrupted, never-acknowledged write)', {
          file: path,
          offset: scan.bad.offset,
          droppedBytes: scan.bad.bytes,
          droppedPartialRecords: scan.bad.partialRecords,
          recoveredRecords: scan.records,
        });
      }
      bytes = scan.validEnd;
    }
    report.logs.push({ file: path, generation, records: scan.records, bytes });
    currentLog = { generation, path, bytes };
  });

  for (const state of collections.values()) report.documents += state.docs.size;
  if (report.indexImage?.used)
    report.indexImage.reindexedDocuments = [...restoredIndexes.values()].reduce((sum, restored) => sum + restored.touched.size, 0);
  report.collections = collections.size;
  report.durationMs = Math.round(performance.now() - started);
  return { collections, indexSpecs, restoredIndexes, report, snapshotGeneration, currentLog };
}

/** Restores the snapshot's indexes from its image when there is a usable one (see indexImage.ts). */
function restoreFromImage(options: {
  dataDir: string;
  generation: number;
  snapshotBytes: number;
  snapshotIds: ReadonlyMap<string, string[]>;
  indexSpecs: ReadonlyMap<string, IndexSpec[]>;
  restoredIndexes: Map<string, RestoredIndexes>;
}): RecoveryReport['indexImage'] {
  const file = join(options.dataDir, indexImageFileName(options.generation));
  const hasIndexes = [...options.indexSpecs.values()].some((specs) => specs.length > 0);
  if (!existsSync(file)) return hasIndexes ? { file, used: false, reason: 'there is none' } : undefined;
  const snapshot = new Map<string, SnapshotCollection>();
  for (const [name, specs] of options.indexSpecs) snapshot.set(name, { ids: options.snapshotIds.get(name) ?? [], specs: [...specs] });
  const image = readIndexImage({ path: file, generation: options.generation, snapshotBytes: options.snapshotBytes, collections: snapshot });
  if ('reason' in image) return { file, used: false, reason: image.reason };
  for (const [name, imaged] of image.images) options.restoredIndexes.set(name, { image: imaged, touched: new Map() });
  return { file, used: true };
}

function truncateFile(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
