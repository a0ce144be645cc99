/**
 * Ingest cost of the item rules' `transitiveReview` (docs/MATCHING.md, "Fourth held-out item corpus"):
 * the five item evaluation corpora (development + four held-out) through the ingest use case on a fresh
 * embedded store, with the shipped item rules and with the same rules minus `transitiveReview`
 * (published as a new version before ingesting), alternating, `--rounds` times each. Prints process CPU
 * seconds and wall seconds of the ingest per run and the median ratio, with the load average.
 * `node --import tsx bench/transitiveReview.bench.ts --rounds 3`
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { publishRules, saveRulesDraft } from '../server/matching/ruleSets/commands';
import {
  CORPUS_DIRECTORY,
  HOLDOUT2_CORPUS_DIRECTORY,
  HOLDOUT3_CORPUS_DIRECTORY,
  HOLDOUT4_CORPUS_DIRECTORY,
  HOLDOUT_CORPUS_DIRECTORY,
  readCorpus,
} from '../scripts/match-eval/corpus';
import { ingestCorpus } from '../scripts/match-eval/ingestCorpus';

const ACTOR = { keyId: 'bench', name: 'transitive review bench', role: 'system' };
const DIRECTORIES = [
  CORPUS_DIRECTORY,
  HOLDOUT_CORPUS_DIRECTORY,
  HOLDOUT2_CORPUS_DIRECTORY,
  HOLDOUT3_CORPUS_DIRECTORY,
  HOLDOUT4_CORPUS_DIRECTORY,
];

async function run(withTransitive: boolean): Promise<{ cpu: number; wall: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-bench-transitive-'));
  const env: Record<string, string> = { MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0', HOST: '127.0.0.1' };
  env.MDM_MAPPINGS_DIR = path.join(dataDir, 'mappings');
  await mkdir(path.join(env.MDM_MAPPINGS_DIR, 'lookups'), { recursive: true });
  const running = await bootstrap({
    config: { ...loadConfig(env), seed: false },
    logger: createLogger({ silent: true }),
    startJobs: false,
  });
  try {
    if (!withTransitive) {
      const shipped = JSON.parse(await readFile(new URL('../matching-rules/item.json', import.meta.url), 'utf8')) as Record<
        string,
        unknown
      >;
      const { transitiveReview: _dropped, ...rules } = shipped;
      await saveRulesDraft(running.services, {
        domain: 'item',
        rules: { ...rules, version: `${String(rules.version)}-no-transitive` },
        actor: ACTOR,
      });
      await publishRules(running.services, { domain: 'item', actor: ACTOR });
    }
    // Each corpus into its own domain space would need several stores; their source ids differ per corpus source, so one store holds them all.
    const corpora = DIRECTORIES.map((directory, i) => {
      const corpus = readCorpus('item', directory);
      return { ...corpus, records: corpus.records.map((r) => ({ ...r, source: `${r.source}-c${i}` })) };
    });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const corpus of corpora) await ingestCorpus(running.services, corpus);
    const cpu = process.cpuUsage(cpuBefore);
    return { cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - started) / 1000 };
  } finally {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const ratios: number[] = [];
await run(true); // warm-up (module loading, JIT)
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 === 1 ? [false, true] : [true, false];
  const result = new Map<boolean, { cpu: number; wall: number }>();
  for (const withTransitive of order) result.set(withTransitive, await run(withTransitive));
  const off = result.get(false) as { cpu: number; wall: number };
  const on = result.get(true) as { cpu: number; wall: number };
  ratios.push(on.cpu / off.cpu);
  console.log(
    `round ${round}: without ${off.cpu.toFixed(2)} s CPU (${off.wall.toFixed(1)} s wall), with ${on.cpu.toFixed(2)} s CPU (${on.wall.toFixed(1)} s wall), ratio ${(on.cpu / off.cpu).toFixed(3)}; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
console.log(`median CPU ratio with / without transitiveReview: ${median(ratios).toFixed(3)} over ${rounds} rounds`);
