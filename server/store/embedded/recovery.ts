/**
 * Start-up recovery: load the newest snapshot, replay the logs written since, cut off a torn
 * tail (reporting exactly what was dropped) and refuse to start on damage inside a file.
 */
import { copyFileSync, openSync, closeSync, ftruncateSync, fsyncSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../logger';
import type { IndexSpec } from '../types';
import { CollectionState } from './collectionState';
import { decodePayload } from './logPayload';
import { LOG_MAGIC, scanRecordFile, SNAPSHOT_MAGIC, StoreFileError } from './recordFile';

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
  documents: number;
  collections: number;
  durationMs: number;
}

export interface RecoveredState {
  collections: Map<string, CollectionState>;
  indexSpecs: Map<string, IndexSpec[]>;
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

const FILE_PATTERN = /^(log|snapshot)-(\d{8})\.mdb$/;

/** File name of a log or snapshot of one generation. */
export function storeFileName(kind: 'log' | 'snapshot', generation: number): string {
  return `${kind}-${String(generation).padStart(8, '0')}.mdb`;
}

/** Lists log and snapshot generations present in `dataDir`. */
export function listStoreFiles(dataDir: string): { logs: number[]; snapshots: number[] } {
  const logs: number[] = [];
  const snapshots: number[] = [];
  for (const name of readdirSync(dataDir)) {
    const match = FILE_PATTERN.exec(name);
    if (!match) continue;
    (match[1] === 'log' ? logs : snapshots).push(Number(match[2]));
  }
  return { logs: logs.sort((a, b) => a - b), snapshots: snapshots.sort((a, b) => a - b) };
}

/** Rebuilds the committed state from `dataDir`; `allowRepair` truncates at mid-file damage instead of refusing. */
export function recoverState(options: { dataDir: string; logger: Logger; allowRepair: boolean }): RecoveredState {
  const started = performance.now();
  const { dataDir, logger } = options;
  const collections = new Map<string, CollectionState>();
  const indexSpecs = new Map<string, IndexSpec[]>();
  const report: RecoveryReport = { logs: [], truncated: [], documents: 0, collections: 0, durationMs: 0 };
  const stateOf = (name: string): CollectionState => {
    let state = collections.get(name);
    if (!state) {
      state = new CollectionState(name);
      collections.set(name, state);
    }
    return state;
  };
  const applyPayload = (payload: Buffer): number | undefined => {
    let endCount: number | undefined;
    for (const op of decodePayload(payload)) {
      if (op.kind === 'put') stateOf(op.collection).putRaw(op.id, op.json);
      else if (op.kind === 'delete') stateOf(op.collection).deleteRaw(op.id);
      else if (op.kind === 'index') {
        const specs = indexSpecs.get(op.collection) ?? [];
        specs.push(op.spec);
        indexSpecs.set(op.collection, specs);
        stateOf(op.collection);
      } else endCount = op.documents;
    }
    return endCount;
  };

  const files = listStoreFiles(dataDir);
  const snapshotGeneration = files.snapshots.at(-1) ?? 0;
  if (snapshotGeneration > 0) {
    const path = join(dataDir, storeFileName('snapshot', snapshotGeneration));
    let endCount: number | undefined;
    let documents = 0;
    const scan = scanRecordFile({
      path,
      magic: SNAPSHOT_MAGIC,
      onRecord: (payload) => {
        if (endCount !== undefined) throw new StoreCorruptionError(`${path}: records after the end marker`);
        endCount = applyPayload(payload);
      },
    });
    for (const state of collections.values()) documents += state.docs.size;
    // Snapshots are fsynced before they are renamed into place, so any damage is real corruption.
    if (scan.bad)
      throw new StoreCorruptionError(
        `${path} is damaged at offset ${scan.bad.offset} (${scan.bad.bytes} bytes unreadable); restore the data directory from a backup`,
      );
    if (endCount !== documents)
      throw new StoreCorruptionError(`${path} is incomplete: end marker ${endCount ?? 'missing'}, ${documents} documents read`);
    report.snapshot = { file: path, generation: snapshotGeneration, documents, bytes: scan.fileBytes };
  }

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
  report.collections = collections.size;
  report.durationMs = Math.round(performance.now() - started);
  return { collections, indexSpecs, report, snapshotGeneration, currentLog };
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
