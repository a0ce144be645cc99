/**
 * Inclusive CPU time of named functions in a V8 CPU profile (`node --cpu-prof`), e.g.
 *   node bench/cpuProfileSummary.mjs CPU.….cpuprofile batchMatch prepareRecord evaluatePreparedPair
 */
import { readFileSync } from 'node:fs';

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
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
for (const [name, micros] of inclusive) console.log(`${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`);
