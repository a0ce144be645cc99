/**
 * Matching benchmark. Prints figures; asserts nothing (machines are noisy).
 *   node --max-old-space-size=16384 --import tsx bench/matching.bench.ts --records 1000000
 * Options: --records N (batch size, default 1,000,000), --incremental-records N (index size for
 * the incremental run, default = --records), --queries N (default 1000), --duplicate-rate R
 * (default 0.2), --skip-batch, --skip-incremental.
 * (a) batch match of N generated items: wall time, peak RSS, pairs compared, blocks skipped,
 *     pair precision/recall of auto-merge clusters against the generator's ground truth.
 * (b) incremental matchRecord latency p50/p95 against N items indexed in the embedded store; the queries' CPU
 *     split into preparing the incoming record (`prepareIncoming`, which matchRecord is then given: the same work)
 *     and the rest (block look-ups in the store, reading candidates' entries, scoring, explaining).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../server/logger';
import { batchMatch, ensureMatchIndexes, indexRecords, loadRules, matchRecord, prepareIncoming, scorePair } from '../server/matching';
import type { CanonicalRecord, CompiledRules } from '../server/matching';
import { fuseSimilarity, jaroWinkler } from '../server/matching/similarity';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { generateItems } from './generators/items';
import { present } from '../server/invariant';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const hasFlag = (name: string): boolean => process.argv.includes(`--${name}`);

const records = option('records', 1_000_000);
const incrementalRecords = option('incremental-records', records);
const queries = option('queries', 1000);
const duplicateRate = option('duplicate-rate', 0.2);

/** CPU seconds (user + system) of this process since it started, or since `since`. */
const cpuSeconds = (since?: NodeJS.CpuUsage): number => {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1e6;
};
const loadAverage = (): string =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
/** Process CPU when the benchmark's modules (the matching engine among them) had been imported. */
const importCpuSeconds = cpuSeconds();
const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const choose2 = (n: number): number => (n * (n - 1)) / 2;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function comparatorMicrobenchmark(): void {
  const names = generateItems({ count: 2000, seed: 7 }).records.map((r) =>
    String((r.manufacturer as { name?: string } | undefined)?.name ?? r.description).toUpperCase(),
  );
  const pairs = 200_000;
  for (const [label, similarity] of [
    ['jaroWinkler', jaroWinkler],
    ['fuse.js Fuse.match (both directions)', fuseSimilarity],
  ] as const) {
    const started = performance.now();
    let sink = 0;
    for (let i = 0; i < pairs; i++)
      sink += similarity(
        present(names[i % names.length], 'names[i % names.length]'),
        present(names[(i * 7 + 3) % names.length], 'names[(i * 7 + 3) % names.length]'),
      );
    const elapsed = performance.now() - started;
    console.log(`  ${label}: ${((elapsed * 1000) / pairs).toFixed(2)} µs/pair (checksum ${sink.toFixed(0)})`);
  }
}

function evaluate(entityOf: string[], clusterOf: Int32Array): { precision: number; recall: number } {
  const entitySizes = new Map<string, number>();
  const clusterSizes = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < entityOf.length; i++) {
    entitySizes.set(present(entityOf[i], 'entityOf[i]'), (entitySizes.get(present(entityOf[i], 'entityOf[i]')) ?? 0) + 1);
    clusterSizes.set(present(clusterOf[i], 'clusterOf[i]'), (clusterSizes.get(present(clusterOf[i], 'clusterOf[i]')) ?? 0) + 1);
    const key = `${clusterOf[i]}|${entityOf[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let truePairs = 0;
  let predictedPairs = 0;
  let correct = 0;
  for (const n of entitySizes.values()) truePairs += choose2(n);
  for (const n of clusterSizes.values()) predictedPairs += choose2(n);
  for (const n of both.values()) correct += choose2(n);
  return { precision: predictedPairs === 0 ? 1 : correct / predictedPairs, recall: truePairs === 0 ? 1 : correct / truePairs };
}

/**
 * Which comparators the timed run exercised: every comparator the rule file declares, scored with
 * explanations on a sample of the pairs batch matching linked (auto-merge clusters, review pairs),
 * with how often each had both sides present and its outcomes. Runs after the timed section.
 */
function comparatorCoverage(args: {
  rules: CompiledRules;
  records: CanonicalRecord[];
  result: ReturnType<typeof batchMatch>;
  sample: number;
}): void {
  const bySourceId = new Map(args.records.map((record) => [String(record.sourceId), record]));
  const pairs: Array<[string, string]> = args.result.reviewPairs.slice(0, args.sample / 2).map((pair) => [pair.a, pair.b]);
  for (const cluster of args.result.clusters) {
    if (pairs.length >= args.sample) break;
    for (let i = 1; i < cluster.length && pairs.length < args.sample; i++)
      pairs.push([present(cluster[0], 'cluster[0]'), present(cluster[i], 'cluster[i]')]);
  }
  const outcomes = new Map<string, Record<string, number>>(args.rules.comparators.map((c) => [c.rule.name, {}]));
  for (const [a, b] of pairs) {
    const recordA = bySourceId.get(a);
    const recordB = bySourceId.get(b);
    if (!recordA || !recordB) continue;
    for (const line of scorePair({ a: recordA, b: recordB, rules: args.rules }).comparators) {
      const counts = outcomes.get(line.name) ?? {};
      counts[line.outcome] = (counts[line.outcome] ?? 0) + 1;
      outcomes.set(line.name, counts);
    }
  }
  console.log(
    `  comparators exercised (${pairs.length.toLocaleString('en-US')} linked pairs explained after the timed run; type: outcomes):`,
  );
  for (const comparator of args.rules.comparators) {
    const counts = outcomes.get(comparator.rule.name) ?? {};
    const present = Object.entries(counts)
      .filter(([outcome]) => outcome !== 'missing')
      .reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `    ${comparator.rule.name} (${comparator.rule.type}): both sides present ${present.toLocaleString('en-US')}; ${JSON.stringify(counts)}`,
    );
  }
}

function runBatch(rules: CompiledRules): void {
  console.log(`\n(a) batch match, ${records.toLocaleString('en-US')} items, duplicate rate ${duplicateRate}`);
  const generatedAt = performance.now();
  const generated = generateItems({ count: records, duplicateRate, seed: 42 });
  console.log(`  generated in ${seconds(performance.now() - generatedAt)} s; RSS so far ${peakRssMiB()} MiB`);
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const result = batchMatch({
    records: generated.records,
    rules,
    progressEvery: 200_000,
    onProgress: (p) =>
      console.log(
        `  … ${p.phase} ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} at ${seconds(performance.now() - started)} s`,
      ),
  });
  const elapsed = performance.now() - started;
  const batchCpu = cpuSeconds(cpuAtStart);
  const quality = evaluate(generated.entityOf, result.clusterOf);
  console.log(`  wall time (batchMatch): ${seconds(elapsed)} s; CPU (batchMatch, user + sys): ${batchCpu.toFixed(1)} s`);
  console.log(`  peak RSS (process): ${peakRssMiB()} MiB`);
  console.log(`  candidate pairs compared: ${result.pairsCompared.toLocaleString('en-US')}`);
  console.log(
    `  blocks (size ≥ 2): ${result.blocks.toLocaleString('en-US')}; skipped for over-collision: ${result.blocksSkippedOverCollision.toLocaleString('en-US')}`,
  );
  console.log(
    `  largest skipped: ${result.largestSkippedBlocks
      .slice(0, 5)
      .map((b) => `${b.key}=${b.size}`)
      .join(', ')}`,
  );
  console.log(
    `  auto-merge pairs ${result.autoMergePairs.toLocaleString('en-US')}, clusters ${result.clusters.length.toLocaleString('en-US')}, review pairs ${result.reviewPairCount.toLocaleString('en-US')}, packaging relationships ${result.relationships.length.toLocaleString('en-US')}`,
  );
  console.log(
    `  auto-merge pair precision ${(quality.precision * 100).toFixed(2)} %, recall ${(quality.recall * 100).toFixed(2)} % (vs generator ground truth)`,
  );
  comparatorCoverage({ rules, records: generated.records, result, sample: 5000 });
}

async function runIncremental(rules: CompiledRules): Promise<void> {
  console.log(
    `\n(b) incremental matchRecord against ${incrementalRecords.toLocaleString('en-US')} items indexed in the embedded store, ${queries} queries`,
  );
  const generated = generateItems({ count: incrementalRecords + queries, duplicateRate, seed: 4242 });
  // Queries are spread over the data set so most have a duplicate already indexed.
  const step = Math.floor(generated.records.length / queries);
  const isQuery = new Set(Array.from({ length: queries }, (_, i) => i * step + 1));
  const dataDir = mkdtempSync(join(tmpdir(), 'matching-bench-'));
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  try {
    await ensureMatchIndexes(store);
    const indexStarted = performance.now();
    const chunk: Array<{ recordId: string; goldenId: string; record: (typeof generated.records)[number] }> = [];
    let indexed = 0;
    for (let i = 0; i < generated.records.length; i++) {
      if (isQuery.has(i)) continue;
      const record = present(generated.records[i], 'record i');
      chunk.push({ recordId: record.sourceId, goldenId: `G-${generated.entityOf[i]}`, record });
      if (chunk.length === 5000 || i === generated.records.length - 1) {
        await indexRecords({ store, rules, entries: chunk.splice(0) });
        indexed += 5000;
        if (indexed % 200_000 === 0)
          console.log(`  … indexed ${indexed.toLocaleString('en-US')} at ${seconds(performance.now() - indexStarted)} s`);
      }
    }
    if (chunk.length > 0) await indexRecords({ store, rules, entries: chunk.splice(0) });
    const indexElapsed = performance.now() - indexStarted;
    console.log(
      `  bulk indexing: ${seconds(indexElapsed)} s (${Math.round((incrementalRecords / indexElapsed) * 1000).toLocaleString('en-US')} records/s); peak RSS ${peakRssMiB()} MiB`,
    );
    const latencies: number[] = [];
    const entriesCompared: number[] = [];
    let correct = 0;
    let withDuplicate = 0;
    const decisions = { 'auto-merge': 0, review: 0, 'no-match': 0 };
    const indexedEntities = new Set<string>();
    for (let i = 0; i < generated.records.length; i++)
      if (!isQuery.has(i)) indexedEntities.add(present(generated.entityOf[i], 'generated.entityOf[i]'));
    const queriesCpuStart = process.cpuUsage();
    let preparingCpu = 0;
    for (const i of isQuery) {
      const record = present(generated.records[i], 'record i');
      const started = performance.now();
      const preparingCpuStart = process.cpuUsage();
      const preparation = prepareIncoming(record, rules);
      preparingCpu += cpuSeconds(preparingCpuStart);
      const decision = await matchRecord({ store, rules, record, preparation });
      latencies.push(performance.now() - started);
      entriesCompared.push(decision.entriesCompared);
      decisions[decision.decision]++;
      const expected = indexedEntities.has(present(generated.entityOf[i], 'generated.entityOf[i]')) ? `G-${generated.entityOf[i]}` : null;
      if (expected) withDuplicate++;
      if (
        (decision.decision !== 'no-match' && decision.best?.goldenId === expected) ||
        (decision.decision === 'no-match' && expected === null)
      )
        correct++;
    }
    const queriesCpu = cpuSeconds(queriesCpuStart);
    latencies.sort((x, y) => x - y);
    console.log(`  queries CPU (user + sys): ${queriesCpu.toFixed(2)} s, ${((queriesCpu * 1000) / queries).toFixed(3)} ms per query`);
    console.log(
      `  of which preparing the incoming record ${((preparingCpu * 1000) / queries).toFixed(3)} ms per query, look-ups and scoring ${(((queriesCpu - preparingCpu) * 1000) / queries).toFixed(3)} ms`,
    );
    console.log(
      `  latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${present(latencies[latencies.length - 1], 'latencies[latencies.length - 1]').toFixed(2)} ms`,
    );
    entriesCompared.sort((x, y) => x - y);
    console.log(
      `  candidates compared per query: mean ${(entriesCompared.reduce((sum, n) => sum + n, 0) / entriesCompared.length).toFixed(1)}, p50 ${percentile(entriesCompared, 50)}, p95 ${percentile(entriesCompared, 95)}, max ${entriesCompared[entriesCompared.length - 1]}`,
    );
    console.log(
      `  decisions: ${JSON.stringify(decisions)}; queries with an indexed duplicate ${withDuplicate}; decision agrees with ground truth ${correct}/${queries}`,
    );
    console.log(`  peak RSS (process): ${peakRssMiB()} MiB`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cpuBeforeRules = process.cpuUsage();
  const rules = await loadRules('item');
  console.log(`matching benchmark — node ${process.version}, rules ${rules.version}; load average ${loadAverage()}`);
  console.log(
    `start-up CPU: imports ${importCpuSeconds.toFixed(2)} s, loadRules(item) ${cpuSeconds(cpuBeforeRules).toFixed(2)} s; RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
  );
  console.log('\nstring similarity cost (generated manufacturer names / descriptions):');
  comparatorMicrobenchmark();
  if (!hasFlag('skip-batch')) runBatch(rules);
  if (!hasFlag('skip-incremental')) await runIncremental(rules);
  console.log(`\nprocess CPU (user + sys): ${cpuSeconds().toFixed(1)} s; peak RSS ${peakRssMiB()} MiB; load average ${loadAverage()}`);
}

await main();
