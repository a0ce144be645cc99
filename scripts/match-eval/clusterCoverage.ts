/**
 * `node --import tsx scripts/match-eval/clusterCoverage.ts <corpus directory> [domain] [--pairs]`: why the
 * true pairs of a corpus that neither auto-merge nor an open cluster task covers are left out. The corpus
 * is ingested into a fresh temporary store through the ingest use case (as `npm run eval:match` does) and
 * every such pair is put in one group:
 *   - `never compared`: the two records share no blocking key and no pairwise task holds them;
 *   - `vetoed (<rule>)`: a hard rule vetoes the pair;
 *   - `below review, no edge`: compared (a shared key) but scored below review and no cluster edge rule holds;
 *   - `pairwise review, no edge`: a steward reviews the pair, but no cluster edge rule holds;
 *   - `split off (<reason>)`: an edge holds, but a cannot-link (veto, `splitWhen` rule, not-a-match) lies
 *     between the two sides' clusters;
 *   - `bridge left out`: an edge holds and one side is in no cluster while a `leaveOut` split is around it;
 *   - `edge, not clustered`: an edge holds and nothing above explains it (link share, neighbourhood).
 * The `no edge` groups name the conditions of the first edge rule the pair fails. A diagnostic for rule
 * work: it measures nothing `eval:match` does not, and asserts nothing.
 */
import path from 'node:path';
import { SOURCE_RECORDS } from '../../server/golden/collections';
import { asCanonical } from '../../server/golden/goldenMatching';
import type { SourceRecordDocument } from '../../server/golden/types';
import { present } from '../../server/invariant';
import { blockingKeys, prepareRecord, publishedRules, scorePair, type CompiledRules } from '../../server/matching';
import type { MatchExplanation, PreparedRecord } from '../../server/matching/types';
import { buildClusterGraph, clusterEdgeRule, conditionHolds, isBridgeSplit } from '../../server/stewardship/clusterGraph';
import { TASKS } from '../../server/stewardship/collections';
import type { TaskDocument } from '../../server/stewardship/types';
import { predictedGroups } from '../evalClusters';
import { pairKey, readCorpus, truePairs, type CorpusRecord } from './corpus';
import { ingestCorpus } from './ingestCorpus';
import { withCorpusApp } from './corpusApp';
import { recordLabel } from './corpusOutcome';

interface Stored {
  id: string;
  goldenId: string;
  prepared: PreparedRecord;
  keys: Set<string>;
  corpus: CorpusRecord;
}

/** The conditions of the first edge rule that a scored pair fails, as `comparator outcome`. */
function failedEdgeConditions(explanation: MatchExplanation, rules: CompiledRules): string {
  const first = rules.rules.clusterReview?.edges[0];
  if (!first) return 'no edge rules';
  const failed = first.when.filter((condition) => !conditionHolds(condition, explanation));
  return failed
    .map((condition) => {
      const comparator = explanation.comparators.find((c) => c.name === condition.comparator);
      return `${condition.comparator} ${comparator?.outcome ?? 'missing'}`;
    })
    .join(' ');
}

async function main(): Promise<void> {
  const [directory, domainArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const showPairs = process.argv.includes('--pairs');
  const domain = domainArg ?? 'supplier';
  await withCorpusApp('mdm-cluster-coverage-', async (services) => {
    const corpus = readCorpus(domain, `${path.resolve(present(directory, 'corpus directory argument'))}/`);
    await ingestCorpus(services, corpus);
    const { store } = services;
    const rules = await publishedRules({ store, domain });
    const corpusIdOf = new Map(corpus.records.map((record) => [`${record.source}\u0000${record.record.sourceId}`, record]));
    const records = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ domain });
    const byCorpusId = new Map<string, Stored>();
    const byStoredId = new Map<string, Stored>();
    for (const record of records) {
      const corpusRecord = corpusIdOf.get(`${record.source}\u0000${record.sourceId}`);
      if (!corpusRecord) continue;
      const canonical = asCanonical(record.canonical, record.sourceId);
      const stored = {
        id: record._id,
        goldenId: record.goldenId,
        prepared: prepareRecord(canonical, rules),
        keys: new Set(blockingKeys(canonical, rules)),
        corpus: corpusRecord,
      };
      byCorpusId.set(corpusRecord.id, stored);
      byStoredId.set(record._id, stored);
    }
    const goldenRecords = new Map<string, Stored[]>();
    for (const stored of byStoredId.values()) goldenRecords.set(stored.goldenId, [...(goldenRecords.get(stored.goldenId) ?? []), stored]);

    const { clusterTasks } = await predictedGroups({ store, domain });
    const clusterOfGolden = new Map<string, number>();
    clusterTasks.forEach((group, index) => {
      for (const id of group) {
        const stored = byStoredId.get(id);
        if (stored) clusterOfGolden.set(stored.goldenId, index);
      }
    });
    const tasks = await store.collection<TaskDocument>(TASKS).find({ domain, type: 'potential-match', status: 'open' });
    const reviewPairs = new Set<string>();
    for (const task of tasks) {
      const subject = task.subject.sourceRecordId ? byStoredId.get(task.subject.sourceRecordId) : undefined;
      if (!subject) continue;
      for (const candidate of task.candidates ?? [])
        for (const member of goldenRecords.get(candidate.goldenId) ?? [])
          if (member !== subject) reviewPairs.add(pairKey(subject.corpus.id, member.corpus.id));
    }
    const goldensOfCluster = (golden: string): string[] => {
      const index = clusterOfGolden.get(golden);
      if (index === undefined) return [golden];
      const group = present(clusterTasks[index], 'cluster task');
      return [...new Set(group.flatMap((id) => byStoredId.get(id)?.goldenId ?? []))];
    };

    const groups = new Map<string, string[]>();
    let covered = 0;
    const expected = truePairs(corpus);
    for (const pair of expected) {
      const [aId = '', bId = ''] = pair.split('\u0000');
      const a = byCorpusId.get(aId);
      const b = byCorpusId.get(bId);
      if (!a || !b) continue;
      const sameCluster = clusterOfGolden.has(a.goldenId) && clusterOfGolden.get(a.goldenId) === clusterOfGolden.get(b.goldenId);
      if (a.goldenId === b.goldenId || sameCluster) {
        covered++;
        continue;
      }
      const explanation = scorePair({ a: a.prepared, b: b.prepared, rules });
      const inReview = reviewPairs.has(pair);
      const sharesKey = [...a.keys].some((key) => b.keys.has(key));
      let group: string;
      if (explanation.hardRule?.action === 'veto') group = `vetoed (${explanation.hardRule.name})`;
      else if (clusterEdgeRule(explanation, rules) === null) {
        const failed = failedEdgeConditions(explanation, rules);
        if (inReview) group = `pairwise review, no edge: ${failed}`;
        else if (!sharesKey) group = `never compared: ${failed}`;
        else group = `below review (${explanation.band}), no edge: ${failed}`;
      } else {
        const goldens = [...new Set([...goldensOfCluster(a.goldenId), ...goldensOfCluster(b.goldenId)])];
        const members = goldens.map((goldenId) => ({
          goldenId,
          records: (goldenRecords.get(goldenId) ?? []).map((r) => ({ id: r.id, prepared: r.prepared })),
        }));
        const graph = buildClusterGraph({ members, rules, isNotAMatch: () => false });
        const sideA = new Set(goldensOfCluster(a.goldenId));
        const sideB = new Set(goldensOfCluster(b.goldenId));
        const across = graph.conflicts.find((c) => (sideA.has(c.a) && sideB.has(c.b)) || (sideA.has(c.b) && sideB.has(c.a)));
        const bridgeAround = [...goldenRecords.values()].some(
          (other) =>
            other[0] !== undefined &&
            [a, b].some((side) => isBridgeSplit(scorePair({ a: side.prepared, b: present(other[0], 'record').prepared, rules }), rules)),
        );
        const unclustered = !clusterOfGolden.has(a.goldenId) || !clusterOfGolden.has(b.goldenId);
        if (across) group = `split off (${across.reason})`;
        else if (unclustered && bridgeAround) group = 'bridge left out';
        else group = `edge, not clustered${inReview ? ' (in pairwise review)' : ''}`;
      }
      const lines = groups.get(group) ?? [];
      lines.push(
        `      ${recordLabel(a.corpus)}\n    ~ ${recordLabel(b.corpus)}  [${a.corpus.entity}] name ${explanation.comparators.find((c) => c.name === 'name')?.score ?? '-'} ${explanation.band}`,
      );
      groups.set(group, lines);
    }
    const missed = [...groups.values()].reduce((sum, lines) => sum + lines.length, 0);
    console.log(
      `${domain} in ${directory}: ${expected.size} true pairs, ${covered} covered by auto-merge or one cluster task, ${missed} not`,
    );
    for (const [group, lines] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
      console.log(`${String(lines.length).padStart(4)}  ${group}`);
      if (showPairs) for (const line of lines) console.log(line);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`clusterCoverage failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
