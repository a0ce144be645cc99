/**
 * Loads the hand-written evaluation corpus (test/fixtures/match-eval) into a test server through the
 * public API, as a client would: an identity mapping (`$`, the corpus records are canonical) is PUT and
 * published per corpus source, then each source's records are POSTed to /ingest as NDJSON, source by
 * source in corpus order.
 */
import type { EvaluationCorpus } from '../../../scripts/match-eval/corpus';
import { IDENTITY_EXPRESSION, recordsBySource } from '../../../scripts/match-eval/ingestCorpus';
import type { TestServer } from '../testServer';
import { ingest, publishMapping, toNdjson, type IngestBody } from './ingest';

/** What ingest said per source: status and body of the ingest call. */
export interface CorpusIngestResult {
  source: string;
  status: number;
  body: IngestBody;
}

/** Publishes an identity mapping per corpus source and ingests the corpus through the HTTP API. */
export async function ingestCorpusThroughApi(server: TestServer, corpus: EvaluationCorpus): Promise<CorpusIngestResult[]> {
  const results: CorpusIngestResult[] = [];
  for (const { source, records } of recordsBySource(corpus)) {
    await publishMapping(server, { source, domain: corpus.domain, expression: IDENTITY_EXPRESSION });
    const response = await ingest(server, {
      source,
      domain: corpus.domain,
      body: toNdjson(records.map((record) => record.record)),
      contentType: 'application/x-ndjson',
    });
    results.push({ source, status: response.status, body: response.body });
  }
  return results;
}

/** As `ingestCorpusThroughApi`, and fails unless every corpus record was accepted. */
export async function ingestWholeCorpus(server: TestServer, corpus: EvaluationCorpus): Promise<void> {
  const results = await ingestCorpusThroughApi(server, corpus);
  const accepted = results.reduce((sum, result) => sum + result.body.totals.accepted, 0);
  if (accepted !== corpus.records.length)
    throw new Error(`${corpus.domain}: ${accepted} of ${corpus.records.length} corpus records accepted (see evaluationCorpus.test.ts)`);
}
