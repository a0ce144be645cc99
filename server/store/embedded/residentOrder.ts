/**
 * The order in which a spilling document table's resident documents were written, oldest first (the next to move to
 * the spill file), by ordinal. It replaces a `Set` of id strings (docs/INGEST.md "Session 29 (ingest29)"): a `Set`
 * entry costs ~28 bytes on the V8 heap per resident document (its hash table's slots, buckets and growth slack), marked
 * by every major GC — 10 MiB of a 30k-item store, most of it for the small block-statistics documents. This keeps an
 * append-only log of ordinals and each ordinal's place in it, in `Int32Array`s outside the heap: ~4 bytes a resident
 * document (plus the log's spare room) and 4 bytes an ordinal.
 *
 * Semantics are the `Set`'s as the table used it: `add` of a member keeps its place, `delete` removes it, iteration is
 * in insertion order. A deleted entry's log slot is marked, and marked slots are dropped when the log is full (the
 * oldest entries are the ones spilled and deleted, so the marks gather at the front). The table never changes the
 * order while it iterates it (`DocumentTable.spillOldest` collects first, then moves), so no iterator protection is
 * needed. Hand-written: a queue over the table's own ordinals with removal from the middle, which no library offers.
 */

import { grown } from './idOrdinals';

/** A log slot whose document was deleted from the order. */
const GONE = -1;
const MIN_CAPACITY = 16;

export class ResidentOrder {
  /** Ordinals in insertion order; `GONE` where one was deleted. */
  private log: Int32Array<ArrayBuffer> = new Int32Array(MIN_CAPACITY);
  /** Log slots before this one are all `GONE`. */
  private head = 0;
  private logLength = 0;
  /** By ordinal: its slot in `log` + 1 (0: not in the order). */
  private slotOf: Int32Array<ArrayBuffer> = new Int32Array(MIN_CAPACITY);
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** Log slots allocated (tests and diagnostics). */
  get capacity(): number {
    return this.log.length;
  }

  has(ordinal: number): boolean {
    return ordinal < this.slotOf.length && this.slotOf[ordinal] !== 0;
  }

  /** Puts `ordinal` last, unless it is in the order already (where it keeps its place, like `Set.add`). */
  add(ordinal: number): void {
    if (this.has(ordinal)) return;
    if (ordinal >= this.slotOf.length) this.slotOf = grown(this.slotOf, ordinal + 1);
    if (this.logLength === this.log.length) this.makeRoom();
    this.log[this.logLength] = ordinal;
    this.logLength += 1;
    this.slotOf[ordinal] = this.logLength;
    this.live += 1;
  }

  delete(ordinal: number): boolean {
    if (!this.has(ordinal)) return false;
    const slot = (this.slotOf[ordinal] as number) - 1;
    this.log[slot] = GONE;
    this.slotOf[ordinal] = 0;
    this.live -= 1;
    if (this.live === 0) {
      this.head = 0;
      this.logLength = 0;
    } else if (slot === this.head) while (this.log[this.head] === GONE) this.head += 1;
    return true;
  }

  clear(): void {
    this.log = new Int32Array(MIN_CAPACITY);
    this.slotOf = new Int32Array(MIN_CAPACITY);
    this.head = 0;
    this.logLength = 0;
    this.live = 0;
  }

  /** The ordinals, oldest first. */
  *[Symbol.iterator](): Generator<number> {
    for (let slot = this.head; slot < this.logLength; slot++) {
      const ordinal = this.log[slot] as number;
      if (ordinal !== GONE) yield ordinal;
    }
  }

  /** A full log: drops the marked slots when they are at least half of it, else grows it by half again. */
  private makeRoom(): void {
    const target = this.live * 2 <= this.log.length ? this.log : new Int32Array(Math.max(MIN_CAPACITY, Math.ceil(this.log.length * 1.5)));
    let kept = 0;
    for (let slot = this.head; slot < this.logLength; slot++) {
      const ordinal = this.log[slot] as number;
      if (ordinal === GONE) continue;
      target[kept] = ordinal;
      kept += 1;
      this.slotOf[ordinal] = kept;
    }
    this.log = target;
    this.head = 0;
    this.logLength = kept;
  }
}
