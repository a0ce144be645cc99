/**
 * One collection's documents by `_id`: JSON text in memory, or — beyond the store's resident-text budget
 * (`MDM_STORE_RESIDENT_TEXT_MB`; by default 1/32 of V8's heap limit, `all` for none) — moved to a spill file, oldest
 * first, and read back with one `pread` of the exact byte range when needed. Memory then holds only the
 * ids, a small position record per spilled document and the indexes.
 *
 * The spill file is a cache, not part of durability: the log and snapshots still hold every document, the
 * file is unlinked as soon as it is opened (nothing is left behind after a crash). A start-up does not copy the
 * recovered documents into it: those of the loaded snapshot beyond what the budget keeps in memory stay where the
 * snapshot holds them (read-only; `SnapshotSource`), and only the newest part of the snapshot and the log tail
 * are decoded. Dead bytes (replaced or deleted documents) are reclaimed by copying
 * the live ones into a fresh file once they outweigh them — never started while a compaction is writing a snapshot
 * from positions taken earlier (`pin`).
 *
 * No maintenance step holds the event loop for long (issue 14's inline latency, docs/INGEST.md "Inline latency,
 * session 16"): both used to run whole inside the write that crossed a threshold — a spill of a quarter of the budget
 * (~65 MiB at the default budget) and a rewrite copying every live spilled document (hundreds of MiB at 100k items)
 * — seconds of synchronous work inside whichever request wrote next. Now a write over the budget spills only a
 * small chunk at once (the budget still holds after every write), and the rest of the spill down to
 * `SPILL_DOWN_TO`, like a rewrite's copy, runs in background steps of `MAINTENANCE_STEP_BYTES`, one per event-loop
 * turn. During a rewrite the previous spill file is held open as a read-only source (the same mechanism as a loaded
 * snapshot's: positions name the file they are in), documents not yet copied are read from it, and it is closed
 * once none is left in it.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { flatString } from './flatString';
import { IdOrdinals } from './idOrdinals';
import { ResidentOrder } from './residentOrder';
import { present } from '../../invariant';
import type { OrdinalSource } from './postings';

/**
 * The snapshot file a start-up loaded, held open so spilled documents can be read from it where the snapshot
 * holds them instead of being copied to the spill file (snapshot files are written once and never changed; a
 * later compaction unlinks the name, the open descriptor keeps the bytes until the last such document is gone).
 */
export class SnapshotSource {
  /** Documents whose text is read from this file. */
  live = 0;
  /** Its number in the spill columns of the tables (`ResidentText.sourceAt`; 0 is the current spill file). */
  slot = 0;
  constructor(
    readonly path: string,
    public fd: number | undefined,
    /** The previous spill file of a rewrite in progress, not a loaded snapshot (its documents are copied out, not loaded). */
    readonly isPreviousSpillFile = false,
  ) {}
}

/**
 * Where a spilled document's UTF-8 text is: a value handed between the table and the spill file, and to a compaction's
 * freeze. The table itself keeps positions in columns (`SpillColumns`), not as one of these per document.
 */
export class SpilledText {
  constructor(
    public offset: number,
    readonly bytes: number,
    /** Characters of the text (the live-size accounting is in characters, as for resident text). */
    readonly characters: number,
    /**
     * The read-only file the text is in — a loaded snapshot, or the previous spill file while a rewrite copies out
     * of it; undefined: the current spill file.
     */
    public source?: SnapshotSource,
  ) {}
}

/** A document as a freeze hands it out: its text, or where it is spilled. */
export type StoredText = string | SpilledText;

/** The `texts` slot of a spilled document (its position is in the table's `SpillColumns`). */
const SPILLED = 0;
/** A document as the table holds it by ordinal: its text, `SPILLED`, or undefined for a free ordinal. */
type HeldText = string | typeof SPILLED | undefined;

const MIB = 1024 * 1024;

/** Thrown at open when a store setting from the environment has a value the store cannot use. */
export class StoreSettingError extends Error {
  readonly code = 'STORE_SETTING_INVALID';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreSettingError';
  }
}

/**
 * Share of V8's heap limit given to resident document text when `MDM_STORE_RESIDENT_TEXT_MB` is unset: 1/32, i.e.
 * 129 MiB under Node 20's default limit on this machine (4,144 MiB). Session 9 set 1/16 (259 MiB), the budget with
 * which the 100k-into-100k run first completed where keeping everything resident ran out of heap
 * (docs/STORAGE.md "Session 9"). Halved for issue 14's peak RSS: resident text is a cache of the spill file and the
 * snapshot (a spilled read is one `pread` from the page cache, outside the process's RSS). Session 30's halving was
 * reverted because unchanged re-sends, which read every stored source record, fell below 10,000 records/s; since
 * session 31 they are answered from an index (a covered read) and the 20k pair of session 32 re-sent no slower at the
 * smaller budget (docs/INGEST.md "Session 32 (ingest32)").
 */
export const DEFAULT_HEAP_SHARE = 1 / 32;
/** The setting's value that keeps every document's text in memory (nothing spills). */
export const ALL_RESIDENT = 'all';

/**
 * Resident-text budget in characters from `MDM_STORE_RESIDENT_TEXT_MB`: a whole number of MiB; `all` keeps every
 * document in memory (undefined: nothing spills); unset or empty: `DEFAULT_HEAP_SHARE` of V8's heap limit.
 */
export function residentTextBudget(
  setting = process.env.MDM_STORE_RESIDENT_TEXT_MB,
  heapLimitBytes = getHeapStatistics().heap_size_limit,
): number | undefined {
  if (setting === undefined || setting.trim() === '') return Math.max(1, Math.floor((heapLimitBytes * DEFAULT_HEAP_SHARE) / MIB)) * MIB;
  if (setting.trim().toLowerCase() === ALL_RESIDENT) return undefined;
  const value = Number(setting);
  if (!Number.isInteger(value) || value < 1)
    throw new StoreSettingError(
      'MDM_STORE_RESIDENT_TEXT_MB',
      `MDM_STORE_RESIDENT_TEXT_MB must be a whole number of MiB (1 or more) or "${ALL_RESIDENT}", got ${JSON.stringify(setting)}`,
    );
  return value * MIB;
}

/** Bytes of the loaded snapshot read with one `pread` per step of loading its newest part into memory. */
const RESIDENT_LOAD_BYTES = 1024 * 1024;
/** Below this many dead bytes the spill file is never rewritten. */
const MIN_REWRITE_DEAD_BYTES = 64 * 1024 * 1024;
/** A spill moves documents until resident text is this share of the budget (so writes spill in batches). */
const SPILL_DOWN_TO = 0.75;
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Bytes (or characters) a background maintenance step spills or copies: ~10–20 ms of work on this machine, so a
 * request waits at most that long behind one (a spill of 8 MiB measured ~60 ms of CPU, bench/storeStalls.bench.ts).
 */
const MAINTENANCE_STEP_BYTES = 2 * 1024 * 1024;
/** Document ordinals a rewrite step looks at most (a table holding few spilled documents among many resident ones). */
const MAINTENANCE_STEP_ORDINALS = 50_000;
/**
 * Characters a write that went over the budget spills at once (at most a quarter of the budget): the budget holds
 * after every write, and the next few writes find room without spilling again before the background steps run.
 */
const WRITE_SPILL_CHARACTERS = 1024 * 1024;

/** A spill-file rewrite in progress: the previous file, and where the copy has got to. */
interface Rewrite {
  previous: SnapshotSource;
  tables: DocumentTable[];
  table: number;
  ordinal: number;
}

/** The store's spill file and resident-text accounting, shared by its collections' tables. */
export class ResidentText {
  private readonly tables = new Set<DocumentTable>();
  private fd: number | undefined;
  private fileBytes = 0;
  private deadBytes = 0;
  private pins = 0;
  private readonly snapshots: SnapshotSource[] = [];
  /**
   * Every read-only source by slot (slot 0: the current spill file). Kept for the store's life: a rewrite needs 64 MiB
   * of spill writes or more, so this grows by a few bytes per 64 MiB at most, and a stale slot never names another file.
   */
  private readonly sourcesBySlot: Array<SnapshotSource | undefined> = [undefined];
  /** Previous spill files a rewrite copies out of (closed once no document is read from them). */
  private readonly previousSpillFiles: SnapshotSource[] = [];
  private rewrite: Rewrite | undefined;
  /** Resident text is spilled down to this many characters in background steps (set when a write crosses the budget). */
  private spillTarget: number | undefined;
  private isStepScheduled = false;
  private isClosed = false;
  residentCharacters = 0;
  spilledDocuments = 0;
  /** Spill-file rewrites started (each copies the live documents into a fresh file in background steps). */
  rewrites = 0;
  /** Background maintenance steps run (spill and rewrite copy; tests and diagnostics). */
  maintenanceSteps = 0;

  constructor(
    private readonly options: {
      dataDir: string;
      /** Characters of document text kept in memory; undefined: all of it (nothing spills). */
      budget: number | undefined;
      /** Least dead bytes before the spill file is rewritten (default 64 MiB). */
      minRewriteDeadBytes?: number;
    },
  ) {}

  get isSpilling(): boolean {
    return this.options.budget !== undefined;
  }

  /** Characters of text a start-up keeps in memory (the rest of a snapshot is read from it); undefined: all. */
  get startupResidentCharacters(): number | undefined {
    const budget = this.options.budget;
    return budget === undefined ? undefined : budget * SPILL_DOWN_TO;
  }

  /** Opens the snapshot file being loaded, for `snapshotText` positions into it. */
  attachSnapshot(path: string): SnapshotSource {
    const source = this.registered(new SnapshotSource(path, openSync(path, 'r')));
    this.snapshots.push(source);
    return source;
  }

  /** Gives `source` its slot (`sourceAt`). */
  private registered(source: SnapshotSource): SnapshotSource {
    source.slot = this.sourcesBySlot.length;
    this.sourcesBySlot.push(source);
    return source;
  }

  /** The read-only source of slot `slot`; undefined for 0, the current spill file. */
  sourceAt(slot: number): SnapshotSource | undefined {
    return this.sourcesBySlot[slot];
  }

  /** A document left where the loaded snapshot holds it (no copy, no decode). */
  snapshotText(source: SnapshotSource, offset: number, bytes: number, characters: number): SpilledText {
    source.live += 1;
    this.spilledDocuments += 1;
    return new SpilledText(offset, bytes, characters, source);
  }

  /** Documents read from a loaded snapshot, and how many snapshot files are held open for them. */
  get fromSnapshot(): { documents: number; openFiles: number } {
    let documents = 0;
    let openFiles = 0;
    for (const source of this.snapshots) {
      documents += source.live;
      if (source.fd !== undefined) openFiles += 1;
    }
    return { documents, openFiles };
  }

  /** Bytes written to the spill file (live and dead) since it was last created. */
  get spillFileBytes(): number {
    return this.fileBytes;
  }

  register(table: DocumentTable): void {
    this.tables.add(table);
  }

  /**
   * Called by a table after resident text grew. Over the budget: spills a small chunk of the oldest documents of the
   * largest tables at once (so the budget holds), and the rest down to `SPILL_DOWN_TO` of it in background steps.
   */
  afterGrowth(): void {
    const budget = this.options.budget;
    if (budget === undefined || this.residentCharacters <= budget) return;
    this.spillTarget = budget * SPILL_DOWN_TO;
    this.spillDownTo(budget - Math.min(WRITE_SPILL_CHARACTERS, budget - this.spillTarget), Number.POSITIVE_INFINITY);
    this.scheduleStep();
  }

  /** Spills the oldest documents of the largest tables until at most `target` characters are resident, or `most` moved. */
  private spillDownTo(target: number, most: number): void {
    let moved = 0;
    while (this.residentCharacters > target && moved < most) {
      let largest: DocumentTable | undefined;
      for (const table of this.tables) if (!largest || table.residentCharacters > largest.residentCharacters) largest = table;
      if (!largest || largest.residentCharacters === 0) return;
      const before = this.residentCharacters;
      largest.spillOldest(Math.min(this.residentCharacters - target, most - moved));
      moved += before - this.residentCharacters;
    }
  }

  /** Runs one background maintenance step on a later event-loop turn (spill down to the target, rewrite copy). */
  private scheduleStep(): void {
    if (this.isStepScheduled || this.isClosed) return;
    this.isStepScheduled = true;
    setImmediate(() => {
      this.isStepScheduled = false;
      if (this.isClosed) return;
      // A failed step (a full disk) leaves every position valid; the next write or release schedules it again.
      if (this.maintenanceStep()) this.scheduleStep();
    }).unref();
  }

  /** True while a rewrite copies documents out of the previous spill file. */
  get isRewriting(): boolean {
    return this.rewrite !== undefined;
  }

  /** Previous spill files still open (documents not yet copied, or positions a compaction holds). */
  get previousSpillFilesOpen(): number {
    return this.previousSpillFiles.length;
  }

  /** One bounded step of background maintenance; true when work is left. */
  private maintenanceStep(): boolean {
    this.maintenanceSteps += 1;
    const target = this.spillTarget;
    if (target !== undefined) {
      this.spillDownTo(target, MAINTENANCE_STEP_BYTES);
      if (this.residentCharacters > target) return true;
      this.spillTarget = undefined;
    }
    return this.rewrite !== undefined && this.rewriteStep(this.rewrite);
  }

  /** Appends texts to the spill file; their positions in order. */
  append(texts: readonly string[]): SpilledText[] {
    const buffers = texts.map((text) => Buffer.from(text, 'utf8'));
    const offsets = this.write(buffers);
    this.spilledDocuments += texts.length;
    return buffers.map((bytes, i) => new SpilledText(offsets[i] as number, bytes.length, (texts[i] as string).length));
  }

  /** Appends byte strings to the spill file in writes of up to WRITE_BATCH_BYTES; their offsets in order. */
  private write(buffers: readonly Buffer[]): number[] {
    const fd = this.open();
    const offsets: number[] = [];
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = (): void => {
      if (batchBytes === 0) return;
      const buffer = batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, batchBytes);
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, this.fileBytes + written);
      this.fileBytes += buffer.length;
      batch = [];
      batchBytes = 0;
    };
    for (const bytes of buffers) {
      offsets.push(this.fileBytes + batchBytes);
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= WRITE_BATCH_BYTES) flush();
    }
    flush();
    return offsets;
  }

  /** The text of a spilled document. */
  read(position: SpilledText): string {
    return this.readAt(position.source, position.offset, position.bytes);
  }

  /** The text of `bytes` bytes at `offset` of `source` (undefined: the current spill file). */
  readAt(source: SnapshotSource | undefined, offset: number, bytes: number): string {
    const fd = source ? source.fd : this.fd;
    if (fd === undefined) throw new Error('store spill file: read of a spilled document after close');
    return readBytes(fd, offset, bytes).toString('utf8');
  }

  /** `bytes` bytes of a loaded snapshot from `offset` (one read of several documents' texts). */
  readRange(source: SnapshotSource, offset: number, bytes: number): Buffer {
    if (source.fd === undefined) throw new Error('store: a read of a closed snapshot');
    return readBytes(source.fd, offset, bytes);
  }

  /** A spilled document (`bytes` long, in `source`; undefined: the current spill file) was replaced or deleted. */
  release(source: SnapshotSource | undefined, bytes: number): void {
    this.spilledDocuments -= 1;
    if (source) {
      source.live -= 1;
      this.closeUnusedSnapshots();
    } else this.deadBytes += bytes;
    this.maybeRewrite();
  }

  /** Spilled documents were replaced or deleted; their bytes are dead (one rewrite check for all of them). */
  releaseAll(positions: readonly SpilledText[]): void {
    if (positions.length === 0) return;
    let fromSnapshot = false;
    for (const position of positions) {
      this.spilledDocuments -= 1;
      if (position.source) {
        position.source.live -= 1;
        fromSnapshot = true;
      } else this.deadBytes += position.bytes;
    }
    if (fromSnapshot) this.closeUnusedSnapshots();
    this.maybeRewrite();
  }

  /** Keeps positions stable (no rewrite) until the returned function is called (a compaction holds earlier positions). */
  pin(): () => void {
    this.pins += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.pins -= 1;
      this.closeUnusedSnapshots();
      this.maybeRewrite();
    };
  }

  /**
   * Closes a loaded snapshot, or a previous spill file, once no document is read from it (not while a compaction may
   * hold frozen positions).
   */
  private closeUnusedSnapshots(): void {
    if (this.pins > 0) return;
    for (const source of [...this.snapshots, ...this.previousSpillFiles])
      if (source.live === 0 && source.fd !== undefined) {
        closeSync(source.fd);
        source.fd = undefined;
      }
    for (let i = this.previousSpillFiles.length - 1; i >= 0; i--)
      if (this.previousSpillFiles[i]?.fd === undefined) this.previousSpillFiles.splice(i, 1);
  }

  /**
   * Starts a rewrite once dead bytes outweigh live ones: the current file becomes a read-only source of its live
   * documents (one pass over the tables marks them: no text is read), later spills go to a fresh file, and
   * `rewriteStep` copies the documents over in background steps.
   */
  private maybeRewrite(): void {
    if (this.pins > 0 || this.fd === undefined || this.rewrite) return;
    const liveBytes = this.fileBytes - this.deadBytes;
    if (this.deadBytes < (this.options.minRewriteDeadBytes ?? MIN_REWRITE_DEAD_BYTES) || this.deadBytes < liveBytes) return;
    const previous = this.registered(new SnapshotSource('(previous spill file)', this.fd, true));
    for (const table of this.tables) previous.live += table.moveSpilledTo(previous);
    this.fd = undefined;
    this.fileBytes = 0;
    this.deadBytes = 0;
    this.previousSpillFiles.push(previous);
    this.rewrite = { previous, tables: [...this.tables], table: 0, ordinal: 0 };
    this.rewrites += 1;
    this.closeUnusedSnapshots();
    this.scheduleStep();
  }

  /** Copies up to MAINTENANCE_STEP_BYTES of the rewrite's documents into the current spill file; true when some are left. */
  private rewriteStep(rewrite: Rewrite): boolean {
    let room = MAINTENANCE_STEP_BYTES;
    let looked = 0;
    while (rewrite.table < rewrite.tables.length && room > 0 && looked < MAINTENANCE_STEP_ORDINALS) {
      const table = rewrite.tables[rewrite.table] as DocumentTable;
      const from = rewrite.ordinal;
      const next = table.spilledIn(
        rewrite.previous,
        { from, most: { bytes: room, ordinals: MAINTENANCE_STEP_ORDINALS - looked } },
        (positions) => {
          room -= this.copyFrom(rewrite.previous, positions);
        },
      );
      if (next === undefined) {
        looked += Math.max(0, table.ordinalCount - from);
        rewrite.table += 1;
        rewrite.ordinal = 0;
      } else {
        looked += next - from;
        rewrite.ordinal = next;
      }
    }
    if (rewrite.table < rewrite.tables.length && rewrite.previous.live > 0) return true;
    this.rewrite = undefined;
    this.closeUnusedSnapshots();
    return false;
  }

  /** Moves documents of a previous spill file into the current one (bytes copied as they are); the bytes moved. */
  private copyFrom(previous: SnapshotSource, positions: readonly SpilledText[]): number {
    const fd = present(previous.fd, 'the previous spill file of a rewrite');
    const buffers = positions.map((position) => readBytes(fd, position.offset, position.bytes));
    const offsets = this.write(buffers);
    let bytes = 0;
    positions.forEach((position, i) => {
      position.offset = offsets[i] as number;
      position.source = undefined;
      bytes += position.bytes;
    });
    previous.live -= positions.length;
    return bytes;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const path = join(this.options.dataDir, `spill-${process.pid}-${Date.now()}.tmp`);
    this.fd = openSync(path, 'wx+');
    // Unlinked at once: the file lives as long as the descriptor, and a crash leaves nothing behind.
    unlinkSync(path);
    return this.fd;
  }

  close(): void {
    this.isClosed = true;
    this.rewrite = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    for (const source of [...this.snapshots, ...this.previousSpillFiles]) if (source.fd !== undefined) closeSync(source.fd);
    this.snapshots.length = 0;
    this.previousSpillFiles.length = 0;
  }
}

function readBytes(fd: number, offset: number, bytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  let done = 0;
  while (done < bytes) {
    const read = readSync(fd, buffer, done, bytes - done, offset + done);
    if (read === 0) throw new Error(`store spill file or snapshot: ${bytes} bytes expected at ${offset}, file ends early`);
    done += read;
  }
  return buffer;
}

/**
 * A compaction's copy-on-write view of a table as of the log switch (docs/STORAGE.md "Session 17"): taking it is
 * O(1) (it keeps the table's Map and arrays as they are and a zeroed flag per ordinal), and `next` hands out the
 * documents as of that instant in batches while writes go on. The table tells it before an ordinal changes
 * (`beforeChange`); the first change of an ordinal below the freeze's ordinal count that the walk has not written
 * yet keeps its frozen id and text. The walk over the live Map skips ordinals created since, ordinals already
 * written and kept ones, then hands out the kept documents; so each document of the switch comes once, as it was.
 * Hand-written: it is the table's own bookkeeping (ordinals, free list), which no library knows.
 */
export class FrozenTable {
  /** First change since the freeze of an ordinal not yet written: its id (undefined: free) and text then. */
  private readonly kept = new Map<number, { id: string | undefined; text: StoredText | undefined }>();
  /** Per ordinal below the freeze's count: 1 once the walk has handed it out. */
  private readonly written: Uint8Array;
  private readonly live: Iterator<[string, number]>;
  private keptWalk: Iterator<[number, { id: string | undefined; text: StoredText | undefined }]> | undefined;
  /** Documents kept because they changed before the walk reached them (tests and diagnostics). */
  keptCount = 0;

  constructor(
    entries: IdOrdinals,
    private readonly texts: ReadonlyArray<HeldText>,
    private readonly ids: ReadonlyArray<string | undefined>,
    /** The table's spilled positions (read when handed out: the spill file is pinned while a freeze lasts). */
    private readonly spilled: SpillColumns | undefined,
  ) {
    this.written = new Uint8Array(texts.length);
    this.live = entries.entries();
  }

  /** Called by the table before `ordinal` changes (its text, or which document holds it). */
  beforeChange(ordinal: number): void {
    if (ordinal >= this.written.length || this.written[ordinal] === 1 || this.kept.has(ordinal)) return;
    this.kept.set(ordinal, { id: this.ids[ordinal], text: this.storedAt(ordinal) });
    this.keptCount += 1;
  }

  /** The text at `ordinal` as handed out: a spilled one as its position, undefined for a free ordinal. */
  private storedAt(ordinal: number): StoredText | undefined {
    const held = this.texts[ordinal];
    return held === SPILLED ? present(this.spilled, 'the spill columns of a frozen table').position(ordinal) : held;
  }

  /** Up to `most` documents as of the freeze (none twice); an empty batch once all were handed out. */
  next(most: number): Array<[string, StoredText]> {
    const batch: Array<[string, StoredText]> = [];
    while (batch.length < most && !this.keptWalk) {
      const step = this.live.next();
      if (step.done) {
        this.keptWalk = this.kept.entries();
        break;
      }
      const [id, ordinal] = step.value;
      if (ordinal >= this.written.length || this.written[ordinal] === 1 || this.kept.has(ordinal)) continue;
      this.written[ordinal] = 1;
      batch.push([id, this.storedAt(ordinal) as StoredText]);
    }
    while (batch.length < most && this.keptWalk) {
      const step = this.keptWalk.next();
      if (step.done) break;
      const { id, text } = step.value[1];
      if (id !== undefined) batch.push([id, text as StoredText]);
    }
    return batch;
  }
}

/**
 * Where a table's spilled documents are, by ordinal: four typed columns (8 + 4 + 4 + 4 bytes a document, outside the
 * V8 heap) instead of a `SpilledText` object per document (56 bytes on the heap, 72 when the offset passes 2 GiB and
 * becomes a heap number, plus the garbage collector's work of marking ~a million of them at 100k items; docs/INGEST.md
 * "Peak memory, session 18"). Values at an ordinal whose text is not `SPILLED` are stale and never read.
 * Hand-written: a struct-of-arrays over the table's own ordinals, which no library offers.
 */
class SpillColumns {
  private offsets = new Float64Array(0);
  private byteLengths = new Int32Array(0);
  private characterLengths = new Int32Array(0);
  /** `ResidentText.sourceAt` slot of the file holding the text (0: the current spill file). */
  private sources = new Uint32Array(0);

  constructor(private readonly resident: ResidentText) {}

  /** Ordinals the columns have room for (tests and diagnostics). */
  get capacity(): number {
    return this.offsets.length;
  }

  set(ordinal: number, position: SpilledText): void {
    if (ordinal >= this.offsets.length) this.grow(ordinal + 1);
    this.offsets[ordinal] = position.offset;
    this.byteLengths[ordinal] = position.bytes;
    this.characterLengths[ordinal] = position.characters;
    this.sources[ordinal] = position.source ? position.source.slot : 0;
  }

  /** The position at `ordinal` as a value (for the spill file, a freeze, a rewrite step). */
  position(ordinal: number): SpilledText {
    return new SpilledText(
      this.offsets[ordinal] as number,
      this.byteLengths[ordinal] as number,
      this.characterLengths[ordinal] as number,
      this.sourceOf(ordinal),
    );
  }

  sourceOf(ordinal: number): SnapshotSource | undefined {
    return this.resident.sourceAt(this.sources[ordinal] as number);
  }

  /** True when the text at `ordinal` is in the current spill file (not a snapshot or a previous spill file). */
  isInSpillFile(ordinal: number): boolean {
    return this.sources[ordinal] === 0;
  }

  isIn(ordinal: number, source: SnapshotSource): boolean {
    return this.sources[ordinal] === source.slot;
  }

  moveTo(ordinal: number, source: SnapshotSource): void {
    this.sources[ordinal] = source.slot;
  }

  offsetAt(ordinal: number): number {
    return this.offsets[ordinal] as number;
  }

  bytesAt(ordinal: number): number {
    return this.byteLengths[ordinal] as number;
  }

  charactersAt(ordinal: number): number {
    return this.characterLengths[ordinal] as number;
  }

  /** Room for `ordinals` ordinals at least (by half again, so appends stay amortised O(1) with a third spare at most). */
  private grow(ordinals: number): void {
    const length = Math.max(ordinals, Math.ceil(this.offsets.length * 1.5), 1024);
    const offsets = new Float64Array(length);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const byteLengths = new Int32Array(length);
    byteLengths.set(this.byteLengths);
    this.byteLengths = byteLengths;
    const characterLengths = new Int32Array(length);
    characterLengths.set(this.characterLengths);
    this.characterLengths = characterLengths;
    const sources = new Uint32Array(length);
    sources.set(this.sources);
    this.sources = sources;
  }
}

/**
 * A collection's documents (Map-like: iteration and `keys()` in insertion order, like the Map it replaces). Each
 * document has a dense ordinal while it is stored — its slot in `texts` / `ids` — which the collection's indexes
 * store instead of the id (see postings.ts); the ordinal of a deleted document is given to the next new one.
 */
export class DocumentTable implements OrdinalSource {
  /** id → ordinal, in insertion order, and the ids by ordinal (`entries.ids`; see idOrdinals.ts). */
  private entries = new IdOrdinals();
  /** By ordinal: the text, `SPILLED` (its position in `spilled`), or undefined for a free ordinal. */
  private texts: HeldText[] = [];
  /** Positions of spilled documents by ordinal (created at the first spill; replaced, not cleared, by `clear`). */
  private spilled: SpillColumns | undefined;
  /** Ordinals of deleted documents, the next to be given out last. */
  private freeOrdinals: number[] = [];
  /** By ordinal: the id (undefined: a free ordinal); kept by `entries`. */
  private get ids(): ReadonlyArray<string | undefined> {
    return this.entries.ids;
  }
  /** Ordinals whose text is in memory, oldest first (the next to spill). */
  private readonly residentOrder = new ResidentOrder();
  /**
   * Ordinals `next`..`end` were loaded from the newest part of the snapshot and are decoded into memory after
   * start-up (`loadResidentStep`); `isPlanned` once `next` was moved to what the budget has room for.
   */
  private pendingResident: { next: number; end: number; isPlanned: boolean } | undefined;
  residentCharacters = 0;
  /** Characters of every document's JSON (resident or spilled), for the compaction policy. */
  liveCharacters = 0;
  /** A compaction's freeze of this table, told of every change while it writes the snapshot. */
  private frozen: FrozenTable | undefined;

  constructor(private readonly resident: ResidentText | undefined) {
    resident?.register(this);
  }

  /** The spill columns, created on first use. */
  private spillColumns(): SpillColumns {
    this.spilled ??= new SpillColumns(present(this.resident, 'the spill file of a spilling table'));
    return this.spilled;
  }

  /** The text of the spilled document at `ordinal` (one `pread`; no position object made). */
  private readSpilled(ordinal: number): string {
    const columns = present(this.spilled, 'the spill columns of a spilled document');
    return present(this.resident, 'the spill file of a spilled document').readAt(
      columns.sourceOf(ordinal),
      columns.offsetAt(ordinal),
      columns.bytesAt(ordinal),
    );
  }

  /** Ordinals the spill columns have room for (0 until the first spill; tests and diagnostics). */
  get spillColumnCapacity(): number {
    return this.spilled?.capacity ?? 0;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The ordinal of a stored document; throws for one the table does not hold (an index out of step with it). */
  ordinalFor(id: string): number {
    const ordinal = this.entries.get(id);
    if (ordinal === undefined) throw new Error(`store: an index entry for document ${id}, which the collection does not hold`);
    return ordinal;
  }

  ordinalOf(id: string): number | undefined {
    return this.entries.get(id);
  }

  /** A copy of the ids by ordinal (right after a snapshot load, with no delete yet, ordinals are snapshot positions). */
  idsByOrdinal(): string[] {
    return this.ids.slice() as string[];
  }

  idAt(ordinal: number): string | undefined {
    return this.ids[ordinal];
  }

  /** The document's JSON (read back from the spill file when spilled). */
  get(id: string): string | undefined {
    const ordinal = this.entries.get(id);
    if (ordinal === undefined) return undefined;
    const held = this.texts[ordinal];
    return held === SPILLED ? this.readSpilled(ordinal) : held;
  }

  /** True when the document's text is in memory (tests and diagnostics). */
  isResident(id: string): boolean {
    const ordinal = this.entries.get(id);
    return ordinal !== undefined && typeof this.texts[ordinal] === 'string';
  }

  /** Length in characters of the document's JSON, without reading it back. */
  lengthOf(id: string): number | undefined {
    const ordinal = this.entries.get(id);
    if (ordinal === undefined) return undefined;
    const held = this.texts[ordinal];
    return held === SPILLED ? present(this.spilled, 'the spill columns of a spilled document').charactersAt(ordinal) : held?.length;
  }

  set(id: string, json: string): void {
    let ordinal = this.entries.get(id);
    if (ordinal === undefined) ordinal = this.allocate(id);
    else this.frozen?.beforeChange(ordinal);
    const previous = this.texts[ordinal];
    this.texts[ordinal] = json;
    this.forget(previous, ordinal);
    this.liveCharacters += json.length;
    if (!this.resident) return;
    this.residentOrder.add(ordinal);
    this.residentCharacters += json.length;
    this.resident.residentCharacters += json.length;
    this.resident.afterGrowth();
  }

  delete(id: string): boolean {
    const ordinal = this.entries.get(id);
    if (ordinal === undefined) return false;
    this.frozen?.beforeChange(ordinal);
    const held = this.texts[ordinal];
    this.entries.delete(id);
    this.texts[ordinal] = undefined;
    this.freeOrdinals.push(ordinal);
    this.forget(held, ordinal);
    return true;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Removes every document (a whole-collection delete): spilled text is released in one step, nothing is read. */
  clear(): void {
    // The Map and arrays are replaced, not changed: a freeze goes on reading the old ones and needs no more news.
    this.frozen = undefined;
    const old = this.texts;
    const oldSpilled = this.spilled;
    this.entries = new IdOrdinals();
    this.texts = [];
    this.spilled = undefined;
    this.freeOrdinals = [];
    this.pendingResident = undefined;
    this.residentOrder.clear();
    this.liveCharacters = 0;
    if (this.resident) this.resident.residentCharacters -= this.residentCharacters;
    this.residentCharacters = 0;
    const spilled: SpilledText[] = [];
    if (oldSpilled) old.forEach((held, ordinal) => held === SPILLED && spilled.push(oldSpilled.position(ordinal)));
    this.resident?.releaseAll(spilled);
  }

  /** `[id, json]` in insertion order (spilled documents are read back one at a time). */
  *[Symbol.iterator](): Generator<[string, string]> {
    for (const [id, ordinal] of this.entries) {
      const held = this.texts[ordinal];
      yield [id, held === SPILLED ? this.readSpilled(ordinal) : (held as string)];
    }
  }

  /**
   * The documents as of now, handed out later in batches (a compaction's copy-on-write freeze, O(1) now; pin the
   * spill file until `unfreeze`). One freeze at a time.
   */
  freeze(): FrozenTable {
    this.frozen = new FrozenTable(this.entries, this.texts, this.ids, this.spilled ?? (this.resident && this.spillColumns()));
    return this.frozen;
  }

  /** Ends a freeze (the table stops keeping frozen versions for it). */
  unfreeze(frozen: FrozenTable): void {
    if (this.frozen === frozen) this.frozen = undefined;
  }

  /** The text of a document handed out by a freeze. */
  textOf(stored: StoredText): string {
    if (typeof stored === 'string') return stored;
    if (!this.resident) throw new Error('store: a spilled document without a spill file');
    return this.resident.read(stored);
  }

  /**
   * Snapshot loading: a document left where the snapshot holds it (an id known to be new, flat: parsed from the
   * snapshot). `isNewest`: it is in the part of the snapshot the budget keeps in memory, decoded after start-up by
   * `loadResidentStep` (start-up decodes nothing: that was ~40 % of a 1M-document start-up's CPU).
   */
  loadSpilled(id: string, position: SpilledText, isNewest: boolean): void {
    const ordinal = this.allocate(id, true);
    this.texts[ordinal] = SPILLED;
    this.spillColumns().set(ordinal, position);
    this.liveCharacters += position.characters;
    if (!isNewest) return;
    if (this.pendingResident) this.pendingResident.end = ordinal + 1;
    else this.pendingResident = { next: ordinal, end: ordinal + 1, isPlanned: false };
  }

  /** True while documents of the loaded snapshot's newest part are waiting to be decoded into memory. */
  get hasPendingResident(): boolean {
    return this.pendingResident !== undefined;
  }

  /**
   * One step of loading the snapshot's newest part into memory after start-up (up to ~1 MiB read with one `pread`);
   * false when nothing is left. A document still held where the snapshot holds it becomes resident text exactly
   * as if it had been decoded at start-up; one replaced, deleted or spilled since is skipped (the table's current
   * text is checked, so the step is right whatever was written in between). It never spills: it stops where the
   * budget a start-up keeps in memory is full (the log tail and writes since start-up count first).
   */
  loadResidentStep(): boolean {
    const pending = this.pendingResident;
    const resident = this.resident;
    const limit = resident?.startupResidentCharacters;
    if (!pending || !resident || limit === undefined) {
      this.pendingResident = undefined;
      return false;
    }
    // The budget's room goes to the newest documents (those a start-up that decoded them would have kept).
    if (!pending.isPlanned) {
      pending.isPlanned = true;
      let room = limit - resident.residentCharacters;
      let first = pending.end;
      while (first > pending.next) {
        const columns = this.snapshotHeld(first - 1);
        if (columns && (room -= columns.charactersAt(first - 1)) < 0) break;
        first -= 1;
      }
      pending.next = first;
    }
    const run: number[] = [];
    let runStart = 0;
    let runEnd = 0;
    let source: SnapshotSource | undefined;
    let characters = 0;
    while (pending.next < pending.end) {
      const ordinal = pending.next;
      const columns = this.snapshotHeld(ordinal);
      if (!columns) {
        pending.next += 1;
        continue;
      }
      const offset = columns.offsetAt(ordinal);
      const bytes = columns.bytesAt(ordinal);
      if (resident.residentCharacters + characters + columns.charactersAt(ordinal) > limit) {
        pending.next = pending.end;
        break;
      }
      if (source === undefined) {
        source = columns.sourceOf(ordinal);
        runStart = offset;
      } else if (!columns.isIn(ordinal, source) || offset < runEnd || offset + bytes - runStart > RESIDENT_LOAD_BYTES) break;
      run.push(ordinal);
      runEnd = offset + bytes;
      characters += columns.charactersAt(ordinal);
      pending.next += 1;
    }
    if (run.length > 0) {
      const bytes = resident.readRange(present(source, 'the source of a run'), runStart, runEnd - runStart);
      const columns = present(this.spilled, 'the spill columns of a loaded snapshot');
      const loaded: SpilledText[] = [];
      for (const ordinal of run) {
        const stored = columns.position(ordinal);
        const start = stored.offset - runStart;
        const text = bytes.toString(stored.bytes === stored.characters ? 'latin1' : 'utf8', start, start + stored.bytes);
        this.texts[ordinal] = text;
        this.residentOrder.add(ordinal);
        loaded.push(stored);
      }
      this.residentCharacters += characters;
      resident.residentCharacters += characters;
      resident.releaseAll(loaded);
    }
    if (pending.next < pending.end) return true;
    this.pendingResident = undefined;
    return false;
  }

  /** The spill columns when the text at `ordinal` is still where the loaded snapshot holds it (and the file is open). */
  private snapshotHeld(ordinal: number): SpillColumns | undefined {
    if (this.texts[ordinal] !== SPILLED) return undefined;
    const columns = this.spilled;
    const source = columns?.sourceOf(ordinal);
    return source?.fd !== undefined && !source.isPreviousSpillFile ? columns : undefined;
  }

  /** Moves up to `characters` of the oldest resident text to the spill file. */
  spillOldest(characters: number): void {
    const resident = this.resident;
    if (!resident) return;
    const ordinals: number[] = [];
    const texts: string[] = [];
    let moved = 0;
    for (const ordinal of this.residentOrder) {
      if (moved >= characters) break;
      const text = this.texts[ordinal] as string;
      ordinals.push(ordinal);
      texts.push(text);
      moved += text.length;
    }
    const positions = resident.append(texts);
    const columns = this.spillColumns();
    ordinals.forEach((ordinal, i) => {
      this.texts[ordinal] = SPILLED;
      columns.set(ordinal, positions[i] as SpilledText);
      this.residentOrder.delete(ordinal);
    });
    this.residentCharacters -= moved;
    resident.residentCharacters -= moved;
  }

  /** Names `source` as the file of every position in the current spill file (the start of a rewrite); how many. */
  moveSpilledTo(source: SnapshotSource): number {
    const columns = this.spilled;
    if (!columns) return 0;
    let moved = 0;
    this.texts.forEach((held, ordinal) => {
      if (held !== SPILLED || !columns.isInSpillFile(ordinal)) return;
      columns.moveTo(ordinal, source);
      moved += 1;
    });
    return moved;
  }

  /** Ordinals in use or free (the length of the by-ordinal arrays). */
  get ordinalCount(): number {
    return this.texts.length;
  }

  /**
   * Hands the positions held in `source` from ordinal `from` on to `move`, stopping after `most.bytes` of them or
   * `most.ordinals` looked at (one step of a rewrite); the next ordinal to look at, or undefined at the table's end.
   */
  spilledIn(
    source: SnapshotSource,
    window: { from: number; most: { bytes: number; ordinals: number } },
    move: (positions: SpilledText[]) => void,
  ): number | undefined {
    const columns = this.spilled;
    if (!columns) return undefined;
    const positions: SpilledText[] = [];
    const ordinals: number[] = [];
    const end = Math.min(this.texts.length, window.from + window.most.ordinals);
    let bytes = 0;
    let ordinal = window.from;
    for (; ordinal < end && bytes < window.most.bytes; ordinal++)
      if (this.texts[ordinal] === SPILLED && columns.isIn(ordinal, source)) {
        const position = columns.position(ordinal);
        positions.push(position);
        ordinals.push(ordinal);
        bytes += position.bytes;
      }
    if (positions.length > 0) {
      move(positions);
      // `move` changed the positions (offset, file): they go back into the columns.
      ordinals.forEach((at, i) => columns.set(at, positions[i] as SpilledText));
    }
    return ordinal < this.texts.length ? ordinal : undefined;
  }

  /**
   * A new document's ordinal: the most recently freed one, else the next unused. `isFlat`: the id is a sequential
   * string already (one `JSON.parse` made, as a snapshot's ids are), so it is kept without a copy.
   */
  private allocate(id: string, isFlat = false): number {
    const ordinal = this.freeOrdinals.pop() ?? this.ids.length;
    this.frozen?.beforeChange(ordinal);
    // The table keeps the id for as long as the document lives: a flat copy, not the writer's cons string (flatString.ts).
    const kept = isFlat ? id : flatString(id);
    this.entries.add(kept, ordinal);
    return ordinal;
  }

  /** Accounts for a version no longer in `entries` (called after the map changed, as a release may rewrite the spill file). */
  private forget(held: HeldText, ordinal: number): void {
    if (held === undefined) return;
    if (held !== SPILLED) {
      this.liveCharacters -= held.length;
      if (!this.resident) return;
      this.residentOrder.delete(ordinal);
      this.residentCharacters -= held.length;
      this.resident.residentCharacters -= held.length;
      return;
    }
    const columns = present(this.spilled, 'the spill columns of a spilled document');
    this.liveCharacters -= columns.charactersAt(ordinal);
    this.resident?.release(columns.sourceOf(ordinal), columns.bytesAt(ordinal));
  }
}
