/**
 * The hand-written evaluation corpus (test/fixtures/match-eval, docs/MATCHING.md "Evaluation corpus")
 * is well-formed and loads through the public ingest API: unique ids, hard negatives naming existing
 * records of different entities, the sizes issue 9 asks for, every record valid canonical data (no
 * ingest exception), and the evaluation's pair accounting consistent with the labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_DOMAINS,
  corpusProblems,
  hardNegativeKinds,
  labelledPairCount,
  readCorpus,
  truePairs,
  type EvaluationCorpus,
} from '../../scripts/match-eval/corpus';
import { readCorpusOutcome } from '../../scripts/match-eval/corpusOutcome';
import { startIngestServer } from '../support/factories/ingest';
import { ingestCorpusThroughApi, type CorpusIngestResult } from '../support/factories/matchEval';
import type { TestServer } from '../support/testServer';
import { firstOf } from '../support/must';

const corpora: EvaluationCorpus[] = CORPUS_DOMAINS.map((domain) => readCorpus(domain));

describe('evaluation corpus files', () => {
  it.each(corpora.map((corpus) => [corpus.domain, corpus] as const))('%s is well-formed', (domain, corpus) => {
    expect(corpusProblems(corpus, domain)).toEqual([]);
    expect(corpus.records.length).toBeGreaterThan(0);
    expect(truePairs(corpus).size).toBeGreaterThan(0);
    expect(corpus.hardNegatives.length).toBeGreaterThan(0);
  });

  it('has at least 300 labelled item pairs, of which at least 100 hard negatives of several kinds', () => {
    const items = corpora.find((corpus) => corpus.domain === 'item') as EvaluationCorpus;
    expect(labelledPairCount(items)).toBeGreaterThanOrEqual(300);
    expect(items.hardNegatives.length).toBeGreaterThanOrEqual(100);
    const kinds = hardNegativeKinds(items);
    for (const kind of [
      'size',
      'gauge',
      'suture size',
      'french size',
      'volume',
      'dimension',
      'strength',
      'concentration',
      'count',
      'laterality',
      'sterility',
      'latex',
      'edition/year',
    ]) {
      expect(kinds.get(kind), `hard negatives of kind "${kind}"`).toBeGreaterThan(0);
    }
  });

  it('finds problems in a broken corpus (the check can fail)', () => {
    const items = corpora.find((corpus) => corpus.domain === 'item') as EvaluationCorpus;
    const [first, second] = firstOf(items.records, 2);
    const broken: EvaluationCorpus = {
      ...items,
      records: [first, { ...second, id: first.id }],
      hardNegatives: [
        { a: first.id, b: 'nowhere', differs: 'size' },
        { a: first.id, b: first.id, differs: '' },
      ],
    };
    const problems = corpusProblems(broken, 'supplier');
    expect(problems).toEqual(
      expect.arrayContaining([
        'domain is "item", expected "supplier"',
        `record id "${first.id}" is used twice`,
        'hard negative names a missing record "nowhere"',
        `hard negative ${first.id} / ${first.id} has one entity "${first.entity}"`,
        `hard negative ${first.id} / ${first.id} does not say what differs`,
      ]),
    );
  });
});

describe('evaluation corpus through the public ingest API', () => {
  let server: TestServer;
  const results = new Map<string, CorpusIngestResult[]>();

  beforeAll(async () => {
    server = await startIngestServer();
    for (const corpus of corpora) results.set(corpus.domain, await ingestCorpusThroughApi(server, corpus));
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each(corpora.map((corpus) => [corpus.domain, corpus] as const))(
    'accepts every %s record (valid canonical data)',
    async (_domain, corpus) => {
      const perSource = results.get(corpus.domain) ?? [];
      const exceptions = perSource.flatMap((result) =>
        result.body.records
          .filter((record) => record.outcome !== 'accepted')
          .map(
            (record) =>
              `${result.source} #${record.index}: ${record.exception?.code} ${record.exception?.path ?? ''} ${record.exception?.message ?? record.outcome}`,
          ),
      );
      expect(exceptions).toEqual([]);
      expect(perSource.map((result) => result.status)).toEqual(perSource.map(() => 200));
      expect(perSource.reduce((sum, result) => sum + result.body.totals.accepted, 0)).toBe(corpus.records.length);

      const outcome = await readCorpusOutcome(server.running.services.store, corpus);
      expect(outcome.missing).toEqual([]);
      // Every true pair is either found or missed, whatever the matcher decided.
      const expected = truePairs(corpus).size;
      expect(outcome.autoMerge.truePositives + outcome.autoMerge.falseNegatives).toBe(expected);
      expect(outcome.withReview.truePositives + outcome.withReview.falseNegatives).toBe(expected);
      expect(outcome.withReview.truePositives).toBeGreaterThanOrEqual(outcome.autoMerge.truePositives);
      expect(outcome.falseAutoMerges).toHaveLength(outcome.autoMerge.falsePositives);
    },
  );
});
