/**
 * Index postings: the documents under one full key tuple of an index, held as document ordinals (small whole
 * numbers the collection's document table gives each document, see `OrdinalSource`) instead of id strings.
 *
 * A posting is one of three shapes, chosen by size:
 * - a bare ordinal (one document: the common case, no allocation at all);
 * - a packed string of 2…`SMALL_POSTING_MAX` ordinals, two UTF-16 code units each (high and low 16 bits): 4 bytes an
 *   entry plus a 16-byte header, exactly sized (docs/INGEST.md "Session 22 (ingest22)"). It replaced a plain array,
 *   which cost 8 bytes an entry plus 48 of headers and — grown by `push` — V8's growth slack of `n / 2 + 16` slots:
 *   a three-entry posting took ~200 bytes, against 28 now. A term index (`search_terms`, `domain_keys`) holds most of
 *   its millions of entries in such postings;
 * - a `LargePosting` beyond that: an append-only `Int32Array` log with tombstones plus an open-addressing table of
 *   log positions (~9–19 bytes an entry, against ~25–30 in a `Set` of id strings; docs/INGEST.md "Index memory,
 *   ordinals").
 *
 * Every shape iterates in insertion order, as the `Set`s it replaces did (a document removed and added again goes
 * last), so unsorted reads return what they returned before. A posting is never changed in a way that would make a
 * paused iteration skip or repeat an entry: a packed string is immutable (a change makes a new one), a large
 * posting's log is only appended to or tombstoned in place and is replaced (not rewritten) when it grows or is
 * compacted. A paused iteration may therefore see an entry that has been removed since — it may even be an ordinal
 * given to another document meanwhile — which is fine for an index: readers re-check every candidate.
 *
 * Hand-written because no library offers an insertion-ordered set of integers over typed arrays with these
 * guarantees for paused iterations; the structure is small and tested on its own (test/store/postings.test.ts).
 */
import { flatString } from './flatString';

/**
 * Up to this many ordinals a posting is a packed string: 4 bytes an entry and 16 bytes of header, where a
 * `LargePosting` costs ~12–19 bytes an entry plus ~0.5 KB of typed-array objects and native backing stores (two
 * `Int32Array`s; with a limit of 16 the 10k pair's heap was 22 MiB smaller but its ArrayBuffer memory 17 MiB larger at
 * the end of the load, docs/INGEST.md "Index memory, ordinals"). A linear scan of a few hundred code-unit pairs and
 * the copy an add or a removal makes (≤ 1 KB) cost well under a microsecond.
 */
export const SMALL_POSTING_MAX = 256;
/** A large posting that shrinks to this many live entries becomes a packed string again. */
const SHRINK_TO_SMALL = SMALL_POSTING_MAX / 2;
const TOMBSTONE = -1;

/** Document ordinals of an index's document source: ids are translated only where an index is read. */
export interface OrdinalSource {
  /** The ordinal of a document the index is about to store (given one first where the source hands them out). */
  ordinalFor(id: string): number;
  /** The ordinal of a document, if it has one. */
  ordinalOf(id: string): number | undefined;
  /** The id of an ordinal; undefined if no document holds it (any more). */
  idAt(ordinal: number): string | undefined;
}

/**
 * Ordinals handed out on first use and never taken back: for an index that has no document table of its own (a
 * transaction overlay's twin, which lives as long as the transaction; a free-standing index in tests).
 */
export class PrivateOrdinals implements OrdinalSource {
  private readonly byId = new Map<string, number>();
  private readonly ids: string[] = [];

  ordinalFor(id: string): number {
    let ordinal = this.byId.get(id);
    if (ordinal === undefined) {
      ordinal = this.ids.length;
      this.ids.push(id);
      this.byId.set(id, ordinal);
    }
    return ordinal;
  }

  ordinalOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  idAt(ordinal: number): string | undefined {
    return this.ids[ordinal];
  }
}

export type Posting = number | string | LargePosting;

/** True for the leaf shapes (the index levels are Maps or single-key nodes). */
export function isPosting(value: unknown): value is Posting {
  return typeof value === 'number' || typeof value === 'string' || value instanceof LargePosting;
}

/** One ordinal as two code units, high 16 bits first (ordinals are whole numbers below 2³¹). */
function packed(ordinal: number): string {
  return String.fromCharCode(ordinal >>> 16, ordinal & 0xffff);
}

/** The ordinal at entry `entry` of a packed posting. */
function packedAt(posting: string, entry: number): number {
  return (posting.charCodeAt(2 * entry) << 16) | posting.charCodeAt(2 * entry + 1);
}

/** The code-unit position of `ordinal` in a packed posting, or −1 (pairs only: a match across two entries is none). */
function packedPosition(posting: string, ordinal: number): number {
  const high = ordinal >>> 16;
  const low = ordinal & 0xffff;
  for (let at = 0; at < posting.length; at += 2) if (posting.charCodeAt(at + 1) === low && posting.charCodeAt(at) === high) return at;
  return -1;
}

/** Distinct ordinals (2…`SMALL_POSTING_MAX`) as one packed, flat string. */
function packAll(ordinals: readonly number[]): string {
  const units: number[] = [];
  for (const ordinal of ordinals) units.push(ordinal >>> 16, ordinal & 0xffff);
  return String.fromCharCode(...units);
}

/** The posting of these ordinals in their order, duplicates dropped (undefined for none): built once, not by adds. */
export function postingOf(ordinals: readonly number[]): Posting | undefined {
  if (ordinals.length > SMALL_POSTING_MAX) {
    // No `Set` over a large list (an image's postings are distinct already): the large posting's adds drop duplicates.
    const large = LargePosting.of(ordinals);
    return large.size > SMALL_POSTING_MAX ? large : postingOf(large.toArray());
  }
  const distinct = ordinals.length > 1 ? [...new Set(ordinals)] : ordinals;
  if (distinct.length === 0) return undefined;
  return distinct.length === 1 ? distinct[0] : packAll(distinct);
}

/** The posting with `ordinal` added (the same value when it already held it or was changed in place). */
export function addToPosting(posting: Posting | undefined, ordinal: number): Posting {
  if (posting === undefined) return ordinal;
  if (typeof posting === 'number') return posting === ordinal ? posting : packed(posting) + packed(ordinal);
  if (typeof posting === 'string') {
    if (packedPosition(posting, ordinal) >= 0) return posting;
    // A new string (a paused iteration keeps reading the old one), flat: a cons node would cost 32 bytes per add. A
    // join of two non-empty parts builds the sequential string directly (one copy; see flatString.ts).
    if (posting.length < 2 * SMALL_POSTING_MAX) return [posting, packed(ordinal)].join('');
    const large = LargePosting.of(postingToArray(posting));
    large.add(ordinal);
    return large;
  }
  posting.add(ordinal);
  return posting;
}

/** The posting without `ordinal`: undefined when it is empty, the same value when unchanged or changed in place. */
export function removeFromPosting(posting: Posting, ordinal: number): Posting | undefined {
  if (typeof posting === 'number') return posting === ordinal ? undefined : posting;
  if (typeof posting === 'string') {
    const at = packedPosition(posting, ordinal);
    if (at < 0) return posting;
    if (posting.length === 4) return packedAt(posting, at === 0 ? 1 : 0);
    // Flat, so that the result does not keep the old string alive as a slice of it (a join with an empty part would
    // return the other part as it is: see flatString.ts).
    if (at === 0) return flatString(posting.slice(2));
    if (at === posting.length - 2) return flatString(posting.slice(0, at));
    return [posting.slice(0, at), posting.slice(at + 2)].join('');
  }
  if (!posting.remove(ordinal)) return posting;
  if (posting.size > SHRINK_TO_SMALL) return posting;
  return postingOf(posting.toArray());
}

export function postingHas(posting: Posting, ordinal: number): boolean {
  if (typeof posting === 'number') return posting === ordinal;
  if (typeof posting === 'string') return packedPosition(posting, ordinal) >= 0;
  return posting.has(ordinal);
}

export function postingSize(posting: Posting): number {
  return typeof posting === 'number' ? 1 : typeof posting === 'string' ? posting.length >>> 1 : posting.size;
}

/** The posting's ordinals in insertion order (lazily; safe against changes while paused, see the file comment). */
export function* postingOrdinals(posting: Posting): Generator<number> {
  if (typeof posting === 'number') yield posting;
  else if (typeof posting === 'string') {
    const entries = posting.length >>> 1;
    for (let entry = 0; entry < entries; entry++) yield packedAt(posting, entry);
  } else yield* posting;
}

/** The posting's ordinals as a fresh array, in insertion order. */
export function postingToArray(posting: Posting): number[] {
  if (typeof posting === 'number') return [posting];
  if (typeof posting !== 'string') return posting.toArray();
  const entries = posting.length >>> 1;
  const out = new Array<number>(entries);
  for (let entry = 0; entry < entries; entry++) out[entry] = packedAt(posting, entry);
  return out;
}

/** Smallest table (in slots) of a large posting. */
const MIN_SLOTS = 32;

/**
 * An insertion-ordered set of ordinals: `log` holds them in the order added (removed ones overwritten by a
 * tombstone), `slots` is an open-addressing table (linear probing) of log positions + 1 (0: empty) for `has` and
 * `remove` in O(1). The log's capacity is 3/4 of the slot count, so the table is at most 3/4 full; a tombstoned log
 * entry keeps its slot (it never matches, so probing passes it) until the next rebuild. A rebuild — when the log is
 * full — drops the tombstones and doubles the capacity only if more than half of it is live.
 */
export class LargePosting {
  private log: Int32Array;
  private slots: Int32Array | Uint16Array;
  private shift: number;
  /** Log entries written (live and tombstoned). */
  private length = 0;
  /** Live entries. */
  size = 0;

  private constructor(slotCount: number) {
    this.slots = slotTable(slotCount);
    this.log = new Int32Array((slotCount >>> 2) * 3);
    this.shift = 32 - Math.log2(slotCount);
  }

  /** A large posting holding `ordinals` in their order (a repeated ordinal is kept once, at its first place). */
  static of(ordinals: readonly number[]): LargePosting {
    const posting = new LargePosting(slotCountFor(ordinals.length * 2));
    for (const ordinal of ordinals) posting.add(ordinal);
    return posting;
  }

  /** Log capacity (for tests: growth and compaction). */
  get capacity(): number {
    return this.log.length;
  }

  /** Removed entries still in the log (for tests). */
  get tombstones(): number {
    return this.length - this.size;
  }

  has(ordinal: number): boolean {
    return this.positionOf(ordinal) >= 0;
  }

  /** Adds an ordinal at the end; false if it is already present. */
  add(ordinal: number): boolean {
    if (this.positionOf(ordinal) >= 0) return false;
    if (this.length === this.log.length) this.rebuild();
    const position = this.length++;
    this.log[position] = ordinal;
    this.insertSlot(ordinal, position);
    this.size += 1;
    return true;
  }

  /** Removes an ordinal (its log entry becomes a tombstone); false if it was absent. */
  remove(ordinal: number): boolean {
    const position = this.positionOf(ordinal);
    if (position < 0) return false;
    this.log[position] = TOMBSTONE;
    this.size -= 1;
    return true;
  }

  toArray(): number[] {
    const out: number[] = [];
    const log = this.log;
    for (let i = 0; i < this.length; i++) {
      const ordinal = log[i] as number;
      if (ordinal !== TOMBSTONE) out.push(ordinal);
    }
    return out;
  }

  *[Symbol.iterator](): Generator<number> {
    // The log as of now: a rebuild replaces it (only ever when it is full, so all of the old one is written), and
    // entries appended after that are not seen (nor needed).
    const log = this.log;
    for (let i = 0; i < (this.log === log ? this.length : log.length); i++) {
      const ordinal = log[i] as number;
      if (ordinal !== TOMBSTONE) yield ordinal;
    }
  }

  private slotOf(ordinal: number): number {
    // Fibonacci hashing: the high bits of the product spread consecutive ordinals over the table.
    return Math.imul(ordinal, 0x9e3779b1) >>> this.shift;
  }

  private positionOf(ordinal: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = this.slotOf(ordinal); ; slot = (slot + 1) & mask) {
      const stored = slots[slot] as number;
      if (stored === 0) return -1;
      if (this.log[stored - 1] === ordinal) return stored - 1;
    }
  }

  private insertSlot(ordinal: number, position: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = this.slotOf(ordinal);
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = position + 1;
  }

  /** New log and table (never in place, see the file comment): tombstones dropped, capacity doubled if over half live. */
  private rebuild(): void {
    const live = this.toArray();
    const slotCount = slotCountFor(live.length * 2);
    this.slots = slotTable(slotCount);
    this.log = new Int32Array((slotCount >>> 2) * 3);
    this.shift = 32 - Math.log2(slotCount);
    this.length = 0;
    for (const ordinal of live) {
      const position = this.length++;
      this.log[position] = ordinal;
      this.insertSlot(ordinal, position);
    }
  }
}

/**
 * The slot table of a large posting: 16-bit slots while every log position + 1 fits (log capacity 3/4 of the slots,
 * so up to 65,536 slots: postings of up to ~49k entries, nearly all of a term index's), 32-bit beyond. A large
 * posting is ~7 bytes per slot with 32-bit slots (4 in the table, 3 in the log) and ~5 with 16-bit ones: at 1⅓–2⅔
 * slots an entry, 9–19 bytes an entry become 7–13 (docs/INGEST.md "Session 22 (ingest22)": the large postings of
 * `search_terms` were 62 % of that index at 10k).
 */
function slotTable(slotCount: number): Int32Array | Uint16Array {
  return slotCount <= 0x10000 ? new Uint16Array(slotCount) : new Int32Array(slotCount);
}

/** The power-of-two slot count whose log capacity (3/4 of it) holds `entries`. */
function slotCountFor(entries: number): number {
  let slots = MIN_SLOTS;
  while ((slots >>> 2) * 3 < entries) slots *= 2;
  return slots;
}
