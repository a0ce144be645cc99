/**
 * A document table's ids by ordinal and the way back (id → ordinal), in insertion order like the `Map<string, number>`
 * it replaces (docs/INGEST.md "Peak memory, session 19"): an open-addressing hash table of ordinals in an `Int32Array`
 * whose keys are compared through the by-ordinal id array, and an insertion log of ordinals in another. A `Map` entry
 * costs ~38 bytes a document on the V8 heap (its hash table's three slots, bucket and growth slack: 11.4 MiB of the
 * 10k run's tables, ~115 MiB at 100k items); this costs ~4 bytes per slot at 35–70 % load plus ~8 bytes of log and
 * position, outside the heap, and no entry for the garbage collector to mark.
 *
 * Iteration keeps `Map`'s semantics for a paused iterator (a compaction's freeze walks a table across event-loop
 * turns while writes go on): an entry deleted before its turn is skipped, one added meanwhile is visited, and an
 * ordinal reused by a new document is visited at its new place (a deleted entry's log slot is marked, a new one
 * appended). The log is compacted (marked slots dropped) only while no iterator is open, so positions an open
 * iterator holds stay valid; an iterator abandoned without `return()` only delays that compaction.
 * Hand-written: a hash table over the table's own ordinals (the id strings stay in one place), which no library offers.
 */

/** A slot of the hash table: `EMPTY`, `DELETED`, or ordinal + 1. */
const EMPTY = 0;
const DELETED = -1;
/** A slot of the insertion log whose document was deleted. */
const GONE = -1;
const MIN_CAPACITY = 16;
/** The hash table is rebuilt when used slots (live + deleted) pass this share of it. */
const MAX_LOAD = 0.7;
/** The log is compacted when marked slots outnumber live ones (and are at least this many). */
const MIN_LOG_COMPACTION = 1024;

/** FNV-1a over the UTF-16 code units of `id`. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class IdOrdinals {
  /** By ordinal: the id (undefined: a free ordinal). Read directly by the table and a freeze; written only here. */
  readonly ids: Array<string | undefined> = [];
  private slots = new Int32Array(MIN_CAPACITY);
  /** Slots holding an ordinal or `DELETED`. */
  private used = 0;
  private live = 0;
  /** Ordinals in insertion order; `GONE` where a document was deleted. */
  private log = new Int32Array(MIN_CAPACITY);
  private logLength = 0;
  /** By ordinal: its slot in `log`. */
  private logPositionOf = new Int32Array(MIN_CAPACITY);
  /** Iterators started and not finished (the log is not compacted while any is open). */
  private openIterators = 0;

  get size(): number {
    return this.live;
  }

  /** Hash-table slots and log slots allocated (tests and diagnostics). */
  get capacity(): { slots: number; log: number } {
    return { slots: this.slots.length, log: this.log.length };
  }

  /** The slot holding `id`, or -1. */
  private find(id: string): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
      const value = slots[slot] as number;
      if (value === EMPTY) return -1;
      if (value !== DELETED && this.ids[value - 1] === id) return slot;
    }
  }

  get(id: string): number | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : (this.slots[slot] as number) - 1;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** Adds a new id at a free `ordinal` (the caller knows it is absent). */
  add(id: string, ordinal: number): void {
    if (this.used + 1 > this.slots.length * MAX_LOAD) this.rehash(this.live + 1);
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hashOf(id) & mask;
    while ((slots[slot] as number) > 0) slot = (slot + 1) & mask;
    if (slots[slot] === EMPTY) this.used += 1;
    slots[slot] = ordinal + 1;
    this.live += 1;
    this.ids[ordinal] = id;
    if (this.logLength === this.log.length) this.compactOrGrowLog();
    if (ordinal >= this.logPositionOf.length) this.logPositionOf = grown(this.logPositionOf, ordinal + 1);
    this.logPositionOf[ordinal] = this.logLength;
    this.log[this.logLength++] = ordinal;
  }

  /** Removes `id`; its ordinal, or undefined when absent. */
  delete(id: string): number | undefined {
    const slot = this.find(id);
    if (slot < 0) return undefined;
    const ordinal = (this.slots[slot] as number) - 1;
    this.slots[slot] = DELETED;
    this.live -= 1;
    this.ids[ordinal] = undefined;
    this.log[this.logPositionOf[ordinal] as number] = GONE;
    return ordinal;
  }

  /** Ids in insertion order. */
  *keys(): Generator<string> {
    for (const [id] of this.entries()) yield id;
  }

  /** `[id, ordinal]` in insertion order, with `Map`'s semantics under changes made while paused (see above). */
  *entries(): Generator<[string, number]> {
    this.openIterators += 1;
    try {
      // Re-read the fields at every step: a write between steps may have grown the log (never compacted meanwhile).
      for (let position = 0; position < this.logLength; position++) {
        const ordinal = this.log[position] as number;
        if (ordinal === GONE) continue;
        yield [this.ids[ordinal] as string, ordinal];
      }
    } finally {
      this.openIterators -= 1;
    }
  }

  [Symbol.iterator](): Generator<[string, number]> {
    return this.entries();
  }

  /** Rebuilds the hash table for `live` ids (deleted slots dropped). */
  private rehash(live: number): void {
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < live * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (const value of this.slots) {
      if (value <= 0) continue;
      let slot = hashOf(this.ids[value - 1] as string) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = value;
    }
    this.slots = slots;
    this.used = this.live;
  }

  /** Makes room at the end of the log: drops marked slots when most are marked and no iterator is open, else grows it. */
  private compactOrGrowLog(): void {
    const marked = this.logLength - this.live;
    if (this.openIterators === 0 && marked >= MIN_LOG_COMPACTION && marked * 2 >= this.logLength) {
      let kept = 0;
      for (let position = 0; position < this.logLength; position++) {
        const ordinal = this.log[position] as number;
        if (ordinal === GONE) continue;
        this.log[kept] = ordinal;
        this.logPositionOf[ordinal] = kept++;
      }
      this.logLength = kept;
      return;
    }
    this.log = grown(this.log, this.log.length + 1);
  }
}

/** A copy of `array` with room for at least `length` (grown by half again, so growth is amortised; residentOrder.ts too). */
export function grown(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(length, Math.ceil(array.length * 1.5), MIN_CAPACITY));
  copy.set(array);
  return copy;
}
