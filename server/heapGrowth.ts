/**
 * How far V8 lets the old generation grow past what survived the last full garbage collection before it collects
 * again (issue 14's peak-memory goal; docs/INGEST.md "Peak memory, session 16 (memory16)").
 *
 * Left to itself, V8 picks the factor per collection from its speed against the allocation rate, up to 4× the live
 * heap when the heap limit is ≥ 2 GiB (Node 20's default here: 4,144 MiB). During bulk ingest and the search catch-up
 * the store's live heap is 1–1.6 GiB and allocation is fast, so the heap total reached 1.5–1.8× the live heap
 * (memory12, memory14): the largest share of the 100k run's peak RSS that is neither live data nor buffers. A fixed
 * factor (V8's `--heap-growing-percent`) bounds that headroom without a heap limit (a limit below the live heap would
 * end a large load with "heap out of memory"); the price is more full collections, measured in the doc above.
 *
 * V8 has no API for this besides its flags; `v8.setFlagsFromString` is documented as a process-wide switch whose
 * effect after start-up is not guaranteed, so the doc's figures are its evidence and the test checks the effect on a
 * child process's heap, not the call.
 */
import { setFlagsFromString } from 'node:v8';

/** The percent applied in this process (0: V8's own adaptive factor). */
let appliedPercent = 0;

/** Sets the old generation's growing factor to 1 + percent / 100 for the whole process; 0 leaves V8's default alone. */
export function applyHeapGrowingPercent(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`heap growing percent must be a whole number ≥ 0, got ${percent}`);
  if (percent === appliedPercent) return;
  // 0 restores V8's adaptive factor (the flag's default), so a test or a second app in one process can undo it.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  appliedPercent = percent;
}
