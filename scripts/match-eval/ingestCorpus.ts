/**
 * Loads an evaluation corpus through the real ingest use case, as `loadSeed` does with the seed: for
 * every source in the corpus an identity mapping (`$`: the corpus records are already canonical) is
 * saved and published, then that source's records are ingested in corpus order — mapping, validation,
 * standardisation, incremental matching against the golden records so far, golden records, tasks.
 */
import { prepareIngest, ingestItems } from '../../server/ingest/ingestRecords';
import type { ParsedItem } from '../../server/ingest/recordReader';
import type { IngestTotals } from '../../server/ingest/types';
import { publishMapping, saveMappingDraft } from '../../server/mappings';
import type { AppServices } from '../../server/services';
import type { CorpusRecord, EvaluationCorpus } from './corpus';

/** The mapping each corpus source gets: the payload is the canonical record. */
export const IDENTITY_EXPRESSION = '$';

const EVALUATION_ACTOR = { keyId: 'eval-match', name: 'evaluation corpus loader', role: 'system' };

/** Corpus records grouped by source, sources in order of first appearance (one "file" per source). */
export function recordsBySource(corpus: EvaluationCorpus): Array<{ source: string; records: CorpusRecord[] }> {
  const groups = new Map<string, CorpusRecord[]>();
  for (const record of corpus.records) groups.set(record.source, [...(groups.get(record.source) ?? []), record]);
  return [...groups].map(([source, records]) => ({ source, records }));
}

async function* asItems(records: CorpusRecord[]): AsyncIterable<ParsedItem> {
  let index = 0;
  for (const record of records) yield { kind: 'record', raw: record.record, position: { index: index++ } };
}

/** Publishes an identity mapping per corpus source and ingests the corpus; returns the totals per source. */
export async function ingestCorpus(
  services: AppServices,
  corpus: EvaluationCorpus,
): Promise<Array<{ source: string; totals: IngestTotals }>> {
  const results: Array<{ source: string; totals: IngestTotals }> = [];
  for (const { source, records } of recordsBySource(corpus)) {
    const key = { source, domain: corpus.domain, direction: 'inbound' as const };
    await saveMappingDraft(services, {
      key,
      content: { expression: IDENTITY_EXPRESSION, description: `evaluation corpus: ${source} records are already canonical` },
      actor: EVALUATION_ACTOR,
    });
    await publishMapping(services, { key, actor: EVALUATION_ACTOR });
    const context = await prepareIngest(services, {
      source,
      domain: corpus.domain,
      actor: EVALUATION_ACTOR,
      origin: { requestId: `eval-match:${corpus.domain}:${source}` },
    });
    const run = await ingestItems(context, { items: asItems(records), collectResults: false });
    results.push({ source, totals: run.totals });
  }
  return results;
}
