/**
 * Self time by source line of named functions in a V8 CPU profile. Under tsx every module is one line of code (its
 * esbuild transform drops line breaks), so a profile of `node --import tsx …` places every sample on line 1 and only
 * functions can be told apart. Bundled first with esbuild (which tsx brings), the code keeps one statement per line and
 * the profile's `positionTicks` name the statements:
 *
 *   node_modules/.bin/esbuild bench/matching.bench.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=server/matching/.profile-bundle.mjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof server/matching/.profile-bundle.mjs --records 60000 --skip-incremental
 *   node bench/cpuProfileLines.mjs /tmp/prof/CPU.….cpuprofile batchMatchSteps extractAttributes
 *   rm server/matching/.profile-bundle.mjs
 *
 * The bundle sits in server/matching/ because the modules there find the rule files from their own place
 * (`../../matching-rules/`); a module that looks elsewhere from its own place (server/config.ts: `../mappings/`) reads
 * the wrong folder from a bundle, so bundle only benchmarks of matching code. With `--top N` instead of names: the N
 * lines with the most self time over the whole profile.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const sources = new Map();
/** The text of line `line` (1-based) of the script at `url`, or '' when it cannot be read. */
const lineOf = (url, line) => {
  if (!sources.has(url)) {
    let lines = [];
    try {
      lines = readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(url, lines);
  }
  return (sources.get(url)[line - 1] ?? '').trim();
};
const intervalMicros = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
const ticksByLine = (nodes) => {
  const ticks = new Map();
  for (const node of nodes)
    for (const tick of node.positionTicks ?? []) {
      const key = `${node.callFrame.url}\u0000${tick.line}`;
      ticks.set(key, (ticks.get(key) ?? 0) + tick.ticks);
    }
  return ticks;
};
const print = (title, ticks, top) => {
  const total = [...ticks.values()].reduce((sum, n) => sum + n, 0);
  console.log(`${title}: ${total} ticks (~${((total * intervalMicros) / 1e6).toFixed(2)} s)`);
  for (const [key, n] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const [url, line] = key.split('\u0000');
    const where = `${url.replace(/^.*\//, '')}:${line}`;
    console.log(
      `${String(n).padStart(7)} ${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${where.padEnd(28)} ${lineOf(url, Number(line)).slice(0, 140)}`,
    );
  }
};
if (names[0] === '--top') print('all functions', ticksByLine(profile.nodes), Number(names[1] ?? 40));
else for (const name of names) print(name, ticksByLine(profile.nodes.filter((node) => node.callFrame.functionName === name)), 25);
