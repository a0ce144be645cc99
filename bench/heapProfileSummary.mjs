/**
 * Bytes allocated by function in a V8 sampling heap profile (`BENCH_PROFILE_LOAD=<file>.heapprofile` in
 * bench/ingest.bench.ts, or `node --heap-prof`): what the garbage collector's share of a CPU profile is made of.
 *   node bench/heapProfileSummary.mjs <file.heapprofile> [--top N]   self bytes by function, then by the nearest
 *   application caller outside the store (`server/` but not `server/store/`), then inclusive bytes.
 * Samples are taken every N bytes allocated (the profile's sampling interval): shares, not exact sizes.
 */
import { readFileSync } from 'node:fs';

const [file, flag, count] = process.argv.slice(2);
const top = flag === '--top' ? Number(count ?? 25) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const labelOf = (frame) => {
  const where = frame.url ? `${frame.url.replace(/^.*\/(server|node_modules|bench)\//, '$1/')}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const byCaller = new Map();
const inclusive = new Map();
let total = 0;
const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
const nodeById = new Map();
const walk = (node, stack) => {
  nodeById.set(node.id, node);
  const here = [...stack, node.callFrame];
  const bytes = node.selfSize ?? 0;
  if (bytes > 0) {
    total += bytes;
    add(self, labelOf(node.callFrame), bytes);
    const caller = [...here].reverse().find((f) => /server\//.test(f.url) && !/server\/store\//.test(f.url));
    add(byCaller, caller ? labelOf(caller) : '(no application frame)', bytes);
    for (const label of new Set(here.map(labelOf))) add(inclusive, label, bytes);
  }
  for (const child of node.children ?? []) walk(child, here);
};
walk(profile.head, []);
const print = (title, map) => {
  console.log(title);
  for (const [label, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(bytes / 2 ** 20).toFixed(1).padStart(8)} MiB ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${label}`);
};
console.log(`total ${(total / 2 ** 20).toFixed(1)} MiB sampled`);
print('self (allocating function):', self);
print('nearest application caller outside the store:', byCaller);
print('inclusive:', inclusive);
