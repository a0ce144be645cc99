/**
 * Compares two V8 CPU profiles of the same work (`BENCH_PROFILE_LOAD` of two code versions, both started together) by
 * function, in ms of CPU per record: each profile's busy samples (not idle, not `(program)`, not the inspector's own
 * stop — `post` and the `dispatch` under it) are scaled so that they sum to the main thread's CPU per record the bench
 * printed for that run. Sampled wall time under load includes time the thread was descheduled, so only the scaled
 * shares compare; rows are sorted by the size of the difference.
 *   node bench/cpuProfileDiff.mjs <a.cpuprofile> <a main-thread ms per record> <b.cpuprofile> <b ms per record>
 *        [self|inclusive] [rows=40] [regex on "function file"]
 */
import { readFileSync } from 'node:fs';

const [fileA, msA, fileB, msB, mode = 'self', rows = '40', filter = ''] = process.argv.slice(2);
if (!fileB || !Number(msA) || !Number(msB)) {
  console.error(
    'usage: node bench/cpuProfileDiff.mjs <a.cpuprofile> <a ms per record> <b.cpuprofile> <b ms per record> [self|inclusive] [rows] [regex]',
  );
  process.exit(2);
}

/** Function label → ms per record (self or inclusive). */
function perRecord(file, msPerRecord) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const labelOf = (node) => {
    const frame = node.callFrame;
    const where = frame.url ? ` ${frame.url.replace(/^.*\/(server|node_modules|bench)\//, '$1/')}` : '';
    return `${frame.functionName || '(anonymous)'}${where}`;
  };
  const isProfilerStop = (id) => {
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const frame = byId.get(current).callFrame;
      if (frame.functionName === 'post' && frame.url === 'node:inspector') return true;
    }
    return false;
  };
  const totals = new Map();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(id);
    const name = leaf.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || isProfilerStop(id)) return;
    busy += delta;
    if (mode === 'self') {
      totals.set(labelOf(leaf), (totals.get(labelOf(leaf)) ?? 0) + delta);
      return;
    }
    const counted = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const label = labelOf(byId.get(current));
      if (counted.has(label)) continue;
      counted.add(label);
      totals.set(label, (totals.get(label) ?? 0) + delta);
    }
  });
  const scale = Number(msPerRecord) / busy;
  return new Map([...totals].map(([label, micros]) => [label, micros * scale]));
}

const a = perRecord(fileA, msA);
const b = perRecord(fileB, msB);
const pattern = filter ? new RegExp(filter) : undefined;
const table = [...new Set([...a.keys(), ...b.keys()])]
  .filter((label) => !pattern || pattern.test(label))
  .map((label) => ({ label, a: a.get(label) ?? 0, b: b.get(label) ?? 0 }))
  .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
console.log(`${mode}, ms per record: a | b | b − a  function file`);
for (const row of table.slice(0, Number(rows))) {
  const change = row.b - row.a;
  console.log(`${row.a.toFixed(4)} | ${row.b.toFixed(4)} | ${change >= 0 ? '+' : ''}${change.toFixed(4)}  ${row.label}`);
}
