/**
 * Memory of the ingest bench per phase (issue 14's peak-RSS goal, docs/INGEST.md "Peak memory of the 100k run"):
 * every 100 ms the process's RSS, V8's used and total heap, external and ArrayBuffer memory, and the RSS of the
 * process's child processes (the mapping evaluator host: its own V8 isolates, not counted in this process's RSS);
 * one line per phase with the peaks seen during it and the figures at its end. Options (environment):
 * BENCH_LIVE_HEAP=1 runs a full GC at each phase's end and reports the live heap; BENCH_HEAP_SNAPSHOT_AT=<phase,…>
 * writes a heap snapshot at the end of those phases into BENCH_HEAP_SNAPSHOT_DIR (default: the working directory).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

interface Figures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  children: number;
}

export interface PhaseMemory {
  /** Starts a phase: the peaks are counted from here. */
  start(phase: string): void;
  /** Ends the current phase: its line (peaks, end figures, live heap / snapshot when asked). */
  end(): string;
  stop(): void;
}

const MIB = 1048576;
const mib = (bytes: number): string => `${Math.round(bytes / MIB)}`;

/** Resident kB of a process from /proc (0 when it is gone or not on Linux). */
function residentBytes(pid: string): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Summed RSS of this process's direct children (each thread's children list; Linux only, else 0). */
function childrenResident(): number {
  try {
    const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  } catch {
    return 0;
  }
}

function figures(): Figures {
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    children: childrenResident(),
  };
}

function describe(values: Figures): string {
  return `RSS ${mib(values.rss)}, heap used ${mib(values.heapUsed)} / total ${mib(values.heapTotal)}, external ${mib(values.external)} (ArrayBuffers ${mib(values.arrayBuffers)}), children ${mib(values.children)}`;
}

let collect: (() => void) | undefined;
/** A full GC without starting node with --expose-gc. */
function fullGc(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

export function createPhaseMemory(options: { everyMs?: number } = {}): PhaseMemory {
  const snapshotPhases = new Set((process.env.BENCH_HEAP_SNAPSHOT_AT ?? '').split(',').filter(Boolean));
  let phase = '';
  let peak: Figures | undefined;
  /** The sample with the highest RSS, for what the heap was then. */
  let atPeakRss: Figures | undefined;
  const take = (): void => {
    if (!phase) return;
    const now = figures();
    if (!peak || !atPeakRss) {
      peak = { ...now };
      atPeakRss = now;
      return;
    }
    for (const key of Object.keys(now) as Array<keyof Figures>) peak[key] = Math.max(peak[key], now[key]);
    if (now.rss >= atPeakRss.rss) atPeakRss = now;
  };
  const timer = setInterval(take, options.everyMs ?? 100);
  timer.unref();
  return {
    start(name) {
      phase = name;
      peak = undefined;
      atPeakRss = undefined;
      take();
    },
    end() {
      take();
      const name = phase;
      const end = figures();
      const parts = [
        `  memory, ${name} (MiB): peaks ${describe(peak ?? end)}`,
        `at peak RSS ${describe(atPeakRss ?? end)}`,
        `at end ${describe(end)}`,
      ];
      phase = '';
      if (process.env.BENCH_LIVE_HEAP) {
        fullGc();
        const live = process.memoryUsage();
        const spaces = v8
          .getHeapSpaceStatistics()
          .filter((space) => space.space_used_size > MIB)
          .map((space) => `${space.space_name} ${mib(space.space_used_size)}`)
          .join(', ');
        parts.push(`live after a full GC: heap used ${mib(live.heapUsed)} (${spaces}), RSS ${mib(live.rss)}`);
      }
      if (snapshotPhases.has(name)) {
        const file = path.join(process.env.BENCH_HEAP_SNAPSHOT_DIR ?? '.', `ingest-${name}-${process.pid}.heapsnapshot`);
        parts.push(`heap snapshot ${v8.writeHeapSnapshot(file)}`);
      }
      return parts.join('; ');
    },
    stop() {
      clearInterval(timer);
    },
  };
}
