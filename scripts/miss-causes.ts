/**
 * `npx tsx scripts/miss-causes.ts [--dev] [--holdoutN ...] [--holdout] [--list]`: ingests corpora as
 * `npm run eval:match` does and, for every true pair neither merged nor put before a steward, scores the
 * pair directly and says where a pair at review or above was lost (scripts/match-eval/missCauses.ts).
 * Counts per corpus and domain; `--list` prints every such pair with its cause. For the pairs scored below review,
 * what held each there (belowReviewCause: a veto, the costliest comparator), counted per domain; `--list-below`
 * prints them. Never the sealed corpus.
 */
import { CORPUS_DIRECTORY, corpusDomainsIn, OPENED_HOLDOUT_DIRECTORIES, readCorpus } from './match-eval/corpus';
import { readCorpusOutcome } from './match-eval/corpusOutcome';
import { withCorpusApp } from './match-eval/corpusApp';
import { ingestCorpus } from './match-eval/ingestCorpus';
import { diagnoseMisses, shortLabel, type MissDiagnosis } from './match-eval/missCauses';

async function diagnoseCorpus(directory: string): Promise<Array<{ domain: string; missed: number; diagnoses: MissDiagnosis[] }>> {
  return withCorpusApp('mdm-miss-causes-', async (services) => {
    const out: Array<{ domain: string; missed: number; diagnoses: MissDiagnosis[] }> = [];
    for (const domain of corpusDomainsIn(directory)) {
      const corpus = readCorpus(domain, directory);
      await ingestCorpus(services, corpus);
      const outcome = await readCorpusOutcome(services.store, corpus);
      const diagnoses = await diagnoseMisses({ store: services.store, corpus, missed: outcome.missedPairs });
      out.push({ domain, missed: outcome.missedPairs.length, diagnoses });
    }
    return out;
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const directories: Array<{ name: string; directory: string }> = [];
  if (args.includes('--dev')) directories.push({ name: 'dev', directory: CORPUS_DIRECTORY });
  OPENED_HOLDOUT_DIRECTORIES.forEach((directory, index) => {
    if (args.includes('--holdout') || args.includes(`--holdout${index + 1}`)) directories.push({ name: `holdout${index + 1}`, directory });
  });
  const totals = new Map<string, number>();
  const belowTotals = new Map<string, number>();
  const liftTotals = new Map<string, number>();
  for (const { name, directory } of directories) {
    for (const { domain, missed, diagnoses } of await diagnoseCorpus(directory)) {
      const bands = new Map<string, number>();
      const causes = new Map<string, number>();
      for (const d of diagnoses) {
        bands.set(d.band, (bands.get(d.band) ?? 0) + 1);
        if (d.cause) causes.set(d.cause, (causes.get(d.cause) ?? 0) + 1);
        if (d.cause) totals.set(`${domain} ${d.cause}`, (totals.get(`${domain} ${d.cause}`) ?? 0) + 1);
        if (d.below) belowTotals.set(`${domain} ${d.below}`, (belowTotals.get(`${domain} ${d.below}`) ?? 0) + 1);
        if (d.lift) liftTotals.set(`${domain} ${d.lift}`, (liftTotals.get(`${domain} ${d.lift}`) ?? 0) + 1);
      }
      console.log(
        `${name} ${domain}: ${missed} missed; direct band ${[...bands].map(([b, n]) => `${b} ${n}`).join(', ')}; causes ${[...causes]
          .map(([c, n]) => `${c}: ${n}`)
          .join('; ')}`,
      );
      if (args.includes('--list-below'))
        for (const d of diagnoses) {
          if (!d.below) continue;
          console.log(`  <${d.below}> {${d.lift ?? ''}} ${d.score}`);
          console.log(`      ${shortLabel(d.pair.a)}`);
          console.log(`    ~ ${shortLabel(d.pair.b)}`);
        }
      if (!args.includes('--list')) continue;
      for (const d of diagnoses) {
        if (!d.cause) continue;
        console.log(`  [${d.cause}] ${d.band} ${d.score}${d.detail ? ` — ${d.detail}` : ''}`);
        console.log(`      ${shortLabel(d.pair.a)}`);
        console.log(`    ~ ${shortLabel(d.pair.b)}`);
      }
    }
  }
  console.log('\nTOTALS');
  for (const [key, n] of [...totals].sort()) console.log(`  ${key}: ${n}`);
  console.log('\nBELOW REVIEW WHEN COMPARED DIRECTLY (what held the pair there)');
  for (const [key, n] of [...belowTotals].sort((x, y) => (x[0].split(' ')[0] ?? '').localeCompare(y[0].split(' ')[0] ?? '') || y[1] - x[1]))
    console.log(`  ${key}: ${n}`);
  console.log('\nBELOW REVIEW WHEN COMPARED DIRECTLY (what alone would lift the pair to review: reviewLift)');
  for (const [key, n] of [...liftTotals].sort((x, y) => (x[0].split(' ')[0] ?? '').localeCompare(y[0].split(' ')[0] ?? '') || y[1] - x[1]))
    console.log(`  ${key}: ${n}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`miss-causes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
