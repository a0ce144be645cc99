/**
 * Inclusive CPU time of named functions in a V8 CPU profile (`node --cpu-prof`), e.g.
 *   node bench/cpuProfileSummary.mjs CPU.….cpuprofile batchMatch prepareRecord evaluatePreparedPair
 * With `--top N` instead of names: the N functions with the most self time (file:line), then the
 * N with the most inclusive time.
 */
import { readFileSync } from 'node:fs';

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

if (names[0] === '--top') {
  const top = Number(names[1] ?? 25);
  const labelOf = (node) => {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\/(server|node_modules|bench)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    return `${frame.functionName || '(anonymous)'} ${where}`.trim();
  };
  const self = new Map();
  const inclusiveByLabel = new Map();
  let sampled = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    sampled += delta;
    const leaf = labelOf(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + delta);
    const counted = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const label = labelOf(byId.get(current));
      if (counted.has(label)) continue;
      counted.add(label);
      inclusiveByLabel.set(label, (inclusiveByLabel.get(label) ?? 0) + delta);
    }
  });
  const print = (title, map) => {
    console.log(title);
    for (const [label, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / sampled).toFixed(1).padStart(5)} %  ${label}`);
  };
  console.log(`total ${(sampled / 1e6).toFixed(1)} s sampled`);
  print('self time:', self);
  print('inclusive time:', inclusiveByLabel);
  process.exit(0);
}
const inclusive = new Map(names.map((name) => [name, 0]));
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  total += delta;
  const counted = new Set();
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    const name = byId.get(current).callFrame.functionName;
    if (inclusive.has(name) && !counted.has(name)) {
      inclusive.set(name, inclusive.get(name) + delta);
      counted.add(name);
    }
  }
});
console.log(`total ${(total / 1e6).toFixed(1)} s`);
for (const [name, micros] of inclusive)
  console.log(`${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`);
