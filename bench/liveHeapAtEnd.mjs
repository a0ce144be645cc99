/**
 * Preload for the ingest bench: when the bench prints its final peak-RSS line (the store still open, every
 * document loaded), runs a full garbage collection and prints the live heap to stderr — what the process keeps
 * after the load, without the saw-tooth of garbage that peak RSS also measures. Needs --expose-gc:
 *   BENCH_LOAD_ONLY=1 node --expose-gc --import ./bench/liveHeapAtEnd.mjs --import tsx bench/ingest.bench.ts 30000 scenario 30000
 * With LIVE_HEAP_SNAPSHOT=<file> it also writes a heap snapshot there (v8.writeHeapSnapshot) at that moment.
 */
import v8 from 'node:v8';

const write = process.stdout.write.bind(process.stdout);
let isDone = false;
const mib = (bytes) => `${Math.round(bytes / 1048576)} MiB`;

process.stdout.write = (chunk, ...rest) => {
  if (!isDone && String(chunk).includes('peak RSS (this process)')) {
    isDone = true;
    if (typeof globalThis.gc !== 'function') process.stderr.write('liveHeapAtEnd: start node with --expose-gc\n');
    else {
      globalThis.gc();
      const usage = process.memoryUsage();
      const spaces = v8
        .getHeapSpaceStatistics()
        .filter((space) => space.space_used_size > 1048576)
        .map((space) => `${space.space_name} ${mib(space.space_used_size)}`)
        .join(', ');
      process.stderr.write(`live heap after a full GC at the end: used ${mib(usage.heapUsed)} (${spaces}); RSS ${mib(usage.rss)}\n`);
    }
    if (process.env.LIVE_HEAP_SNAPSHOT) process.stderr.write(`heap snapshot: ${v8.writeHeapSnapshot(process.env.LIVE_HEAP_SNAPSHOT)}\n`);
  }
  return write(chunk, ...rest);
};
