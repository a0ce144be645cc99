/**
 * `node --import tsx scripts/match-eval/clusterEdgePairs.ts [--domain supplier] [--out pairs.jsonl] [--holdout] [corpus directories…]`:
 * the evidence behind cluster edges, for edge-rule work. Each corpus (by default the development corpus, with
 * `--holdout` also every opened held-out corpus) is ingested into a fresh temporary store through the ingest use
 * case (as `npm run eval:match` does); then every record pair of the domain is scored once and each pair that a
 * steward could be asked about (match probability ≥ 0.01, a cluster edge, or a true pair) is written as one JSON
 * line: its label (same entity, hard negative), where it ended (one golden record, one open cluster task, an open
 * pairwise task), the match probability and band, the hard rule, the edge rule it meets, the split rules it meets
 * (`split`: the first, the one the graph names; `splits`: every one, to count what each rule costs), and every
 * comparator's outcome and score. Prints per corpus the auto-merge + cluster-task figures and, among the
 * pairwise review pairs that are in no cluster task, how many are true. A diagnostic: it asserts nothing.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { SOURCE_RECORDS } from '../../server/golden/collections';
import { asCanonical } from '../../server/golden/goldenMatching';
import type { SourceRecordDocument } from '../../server/golden/types';
import { prepareRecord, publishedRules, scorePair } from '../../server/matching';
import type { PreparedRecord } from '../../server/matching/types';
import { clusterEdgeRule, meetsSplit } from '../../server/stewardship/clusterGraph';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship/types';
import { predictedGroups } from '../evalClusters';
import { CORPUS_DIRECTORY, OPENED_HOLDOUT_DIRECTORIES, corpusDomainsIn, pairKey, readCorpus, truePairs } from './corpus';
import { scorePairs } from './corpusOutcome';
import { ingestCorpus } from './ingestCorpus';
import { withCorpusApp } from './corpusApp';

/** Pairs below this match probability that are neither true nor an edge are left out of the dump. */
const MIN_PROBABILITY = 0.01;

interface Stored {
  corpusId: string;
  entity: string;
  goldenId: string;
  name: string;
  prepared: PreparedRecord;
  canonical: Record<string, unknown>;
}

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function dumpCorpus(args: { directory: string; domain: string; write: (line: string) => void }): Promise<void> {
  const { directory, domain } = args;
  await withCorpusApp('mdm-cluster-edges-', async (services) => {
    const corpus = readCorpus(domain, directory);
    await ingestCorpus(services, corpus);
    const { store } = services;
    const rules = await publishedRules({ store, domain });
    const byKey = new Map(corpus.records.map((record) => [`${record.source}\u0000${record.record.sourceId}`, record]));
    const stored = new Map<string, Stored>();
    for (const record of await store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ domain })) {
      const corpusRecord = byKey.get(`${record.source}\u0000${record.sourceId}`);
      if (!corpusRecord) continue;
      stored.set(record._id, {
        corpusId: corpusRecord.id,
        entity: corpusRecord.entity,
        goldenId: record.goldenId,
        name: String(corpusRecord.record.name ?? ''),
        prepared: prepareRecord(asCanonical(record.canonical, record.sourceId), rules),
        canonical: record.canonical,
      });
    }
    const { clusterTasks } = await predictedGroups({ store, domain });
    const taskOf = new Map<string, number>();
    clusterTasks.forEach((group, index) => group.forEach((id) => taskOf.set(id, index)));
    const membersOf = new Map<string, string[]>();
    for (const [id, record] of stored) membersOf.set(record.goldenId, [...(membersOf.get(record.goldenId) ?? []), id]);
    const reviewPairs = new Set<string>();
    for (const task of await store.collection<TaskDocument>(TASKS).find({ domain, type: 'potential-match', status: 'open' })) {
      const subject = task.subject.sourceRecordId;
      if (!subject) continue;
      for (const candidate of task.candidates ?? [])
        for (const member of membersOf.get(candidate.goldenId) ?? []) if (member !== subject) reviewPairs.add(pairKey(subject, member));
    }
    const negatives = new Set(corpus.hardNegatives.map((negative) => pairKey(negative.a, negative.b)));
    const ids = [...stored.keys()];
    const claimed = new Set<string>();
    let reviewOutside = 0;
    let reviewOutsideTrue = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [aId, bId] = [ids[i] ?? '', ids[j] ?? ''];
        const a = stored.get(aId) as Stored;
        const b = stored.get(bId) as Stored;
        const same = a.entity === b.entity;
        const merged = a.goldenId === b.goldenId;
        const clustered = taskOf.has(aId) && taskOf.get(aId) === taskOf.get(bId);
        const reviewed = reviewPairs.has(pairKey(aId, bId));
        if (merged || clustered) claimed.add(pairKey(a.corpusId, b.corpusId));
        if (reviewed && !merged && !clustered) {
          reviewOutside++;
          if (same) reviewOutsideTrue++;
        }
        const explanation = scorePair({ a: a.prepared, b: b.prepared, rules });
        const edge = clusterEdgeRule(explanation, rules)?.name ?? null;
        if (!same && !edge && !reviewed && explanation.score < MIN_PROBABILITY) continue;
        const splits = (rules.rules.clusterReview?.splitWhen ?? []).filter((rule) =>
          meetsSplit(rule, explanation, { a: a.canonical, b: b.canonical }),
        );
        args.write(
          JSON.stringify({
            corpus: path.basename(directory),
            a: a.corpusId,
            b: b.corpusId,
            aName: a.name,
            bName: b.name,
            same,
            hardNegative: negatives.has(pairKey(a.corpusId, b.corpusId)),
            merged,
            clustered,
            reviewed,
            aGolden: a.goldenId,
            bGolden: b.goldenId,
            aTask: taskOf.get(aId) ?? null,
            bTask: taskOf.get(bId) ?? null,
            probability: explanation.score,
            band: explanation.band,
            hardRule: explanation.hardRule ? `${explanation.hardRule.action}:${explanation.hardRule.name}` : null,
            edge,
            split: splits[0]?.name ?? null,
            splits: splits.map((rule) => rule.name),
            comparators: Object.fromEntries(
              explanation.comparators.map((c) => [
                c.name,
                { outcome: c.outcome, score: c.score, level: c.level ?? null, weight: c.matchWeight ?? null },
              ]),
            ),
          }),
        );
      }
    }
    const figures = scorePairs(truePairs(corpus), claimed);
    console.log(
      `${path.basename(directory).padEnd(20)} clusters P ${figures.precision.toFixed(3)} R ${figures.recall.toFixed(3)} (${figures.truePositives}/${figures.falsePositives}/${figures.falseNegatives}, ${clusterTasks.length} tasks); pairwise review pairs outside clusters ${reviewOutside}, true ${reviewOutsideTrue}`,
    );
  });
}

async function main(): Promise<void> {
  const domain = optionValue('--domain') ?? 'supplier';
  const outPath = optionValue('--out');
  const optionArguments = new Set([optionValue('--domain'), optionValue('--out')]);
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--') && !optionArguments.has(arg));
  const directories = named.length > 0 ? named.map((d) => `${path.resolve(d)}/`) : [CORPUS_DIRECTORY];
  if (process.argv.includes('--holdout')) directories.push(...OPENED_HOLDOUT_DIRECTORIES);
  const out = outPath ? createWriteStream(outPath) : null;
  for (const directory of directories) {
    if (!corpusDomainsIn(directory).includes(domain)) continue;
    await dumpCorpus({ directory, domain, write: (line) => out?.write(`${line}\n`) });
  }
  if (out) await new Promise<void>((resolve) => out.end(resolve));
}

main().catch((error: unknown) => {
  process.stderr.write(`clusterEdgePairs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
