/**
 * Issue 9, "Honest evaluation": loading the hand-written evaluation corpus (test/fixtures/match-eval)
 * through the public ingest API with the shipped rules, no hard negative — sibling products that differ
 * only in a distinguishing attribute, parent/child and similarly named suppliers, same-named hospitals
 * elsewhere, a hospital's clinic or laboratory, another company's account — ends in one golden record.
 * `npm run eval:match` lists every false auto-merge with its records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DOMAINS, readCorpus, type CorpusRecord, type EvaluationCorpus } from '../../scripts/match-eval/corpus';
import { readCorpusOutcome, recordLabel } from '../../scripts/match-eval/corpusOutcome';
import { startIngestServer } from '../support/factories/ingest';
import { ingestWholeCorpus } from '../support/factories/matchEval';
import type { TestServer } from '../support/testServer';

const corpora: EvaluationCorpus[] = CORPUS_DOMAINS.map((domain) => readCorpus(domain));

describe('hard negatives of the evaluation corpus', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startIngestServer();
    for (const corpus of corpora) await ingestWholeCorpus(server, corpus);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each(corpora.map((corpus) => [corpus.domain, corpus] as const))('no %s hard negative is auto-merged', async (_domain, corpus) => {
    const outcome = await readCorpusOutcome(server.running.services.store, corpus);
    const byId = new Map(corpus.records.map((record) => [record.id, record]));
    const merged = outcome.mergedHardNegatives.map(
      (negative) =>
        `[${negative.differs}] ${recordLabel(byId.get(negative.a) as CorpusRecord)} + ${recordLabel(byId.get(negative.b) as CorpusRecord)}`,
    );
    expect(merged).toEqual([]);
  });
});
