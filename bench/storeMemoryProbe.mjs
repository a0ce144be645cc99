/**
 * Where the bench process's RSS goes, sampled while it runs (for issue 14's peak-RSS goal):
 *   node --import ./bench/storeMemoryProbe.mjs --import tsx bench/ingest.bench.ts 10000 scenario 10000
 * Every `MEMORY_PROBE_MS` (default 500) it samples process.memoryUsage() and V8's heap spaces; at exit it prints
 * (to stderr) the sample taken at peak RSS and the maximum of each figure, in MiB. RSS minus the V8 heap and
 * external memory is native memory outside V8 (malloc arenas, code, thread stacks, freed pages not returned yet).
 * Also prints a timeline (one line per `MEMORY_PROBE_TIMELINE_S` seconds, default 10: uptime, RSS, heap used, external)
 * to place the peak in a phase of the bench, and with `MEMORY_PROBE_SNAPSHOT_AT_MIB=<n>` writes one heap snapshot
 * (v8.writeHeapSnapshot, into the working directory) the first time the used heap exceeds n MiB.
 */
import v8 from 'node:v8';

const every = Number(process.env.MEMORY_PROBE_MS ?? 500);
const mib = (bytes) => Math.round(bytes / 1048576);
const timelineEvery = Number(process.env.MEMORY_PROBE_TIMELINE_S ?? 10);
let snapshotAt = Number(process.env.MEMORY_PROBE_SNAPSHOT_AT_MIB ?? 0) * 1048576;
const timeline = [];
let lastTimeline = -Infinity;
let peak;
const maxima = {};

function sample() {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]));
  const row = {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    ...spaces,
  };
  for (const [key, value] of Object.entries(row)) maxima[key] = Math.max(maxima[key] ?? 0, value);
  if (!peak || row.rss > peak.rss) peak = { ...row, at: process.uptime() };
  if (process.uptime() - lastTimeline >= timelineEvery) {
    lastTimeline = process.uptime();
    timeline.push(`${lastTimeline.toFixed(0)}s ${mib(row.rss)}/${mib(row.heapUsed)}/${mib(row.external)}`);
  }
  if (snapshotAt > 0 && row.heapUsed > snapshotAt) {
    process.stderr.write(`memory probe: heap snapshot ${v8.writeHeapSnapshot()} at ${process.uptime().toFixed(0)} s\n`);
    snapshotAt = 0;
  }
}

const timer = setInterval(sample, every);
timer.unref();
process.on('exit', () => {
  sample();
  const show = (row) =>
    Object.entries(row)
      .map(([key, value]) => `${key} ${key === 'at' ? value.toFixed(0) + ' s' : mib(value)}`)
      .join(', ');
  process.stderr.write(`memory probe: timeline (uptime rss/heapUsed/external MiB): ${timeline.join(', ')}\n`);
  process.stderr.write(`memory probe: at peak RSS: ${show(peak)}\nmemory probe: maxima (MiB): ${show(maxima)}\n`);
});
