/**
 * `npm run golden:match [-- --write]`: the matcher's golden outputs on the evaluation corpus and the seed
 * (test/support/matchGoldenOutputs.ts). With --write, records them as the expected outputs
 * (test/fixtures/match-golden/outputs.json) — run it on the code BEFORE a hot-path change, then let
 * test/matching/goldenOutputs.test.ts compare the code after it. Without, prints a summary.
 */
import { writeFileSync } from 'node:fs';
import { computeGoldenOutputs, GOLDEN_OUTPUTS_FILE } from '../test/support/matchGoldenOutputs';

const started = Date.now();
const outputs = await computeGoldenOutputs();
for (const set of outputs.dataSets)
  console.log(
    `${set.name} (${set.rulesVersion}): ${set.records} records, ${set.pairs} pairs ${JSON.stringify(set.bands)}, ${set.interesting.length} recorded in full, batch compared ${set.batch.pairsCompared}`,
  );
for (const run of outputs.incremental) console.log(`incremental ${run.name}: ${run.queries.length} queries`);
if (process.argv.includes('--write')) {
  // One pair per line, so a regenerated file diffs readably.
  writeFileSync(GOLDEN_OUTPUTS_FILE, `${JSON.stringify(outputs).replace(/\],\[/g, '],\n[')}\n`);
  console.log(`written to ${GOLDEN_OUTPUTS_FILE}`);
}
console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
