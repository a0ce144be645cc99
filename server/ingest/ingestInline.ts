/** Inline ingest: a whole request body (JSON, NDJSON or CSV) through the pipeline, every record's result returned. */
import type { GoldenActor } from '../golden';
import type { AppServices } from '../services';
import { ingestItems, prepareIngest } from './ingestRecords';
import { formatOfMediaType, readBodyItems, readJsonDocument, type ParsedItem } from './recordReader';
import type { IngestTotals, RecordResult } from './types';

export interface InlineIngestResult {
  mappingVersion: number;
  schemaVersion: string;
  totals: IngestTotals;
  results: RecordResult[];
}

async function* fromArray(items: ParsedItem[]): AsyncGenerator<ParsedItem> {
  yield* items;
}

/** Ingests the records of one body for a source and domain. */
export async function ingestInline(
  services: AppServices,
  input: { source: string; domain: string; mediaType: string; text: string; actor: GoldenActor; requestId?: string },
): Promise<InlineIngestResult> {
  const format = formatOfMediaType(input.mediaType);
  const context = await prepareIngest(services, { source: input.source, domain: input.domain, actor: input.actor, origin: input.requestId ? { requestId: input.requestId } : {} });
  // A JSON body is parsed up front so that broken JSON is a 400 before anything is stored.
  const maxDepth = services.config.limits.maxJsonDepth;
  const items = format === 'json' ? fromArray(readJsonDocument(input.text, { maxDepth })) : readBodyItems({ format, text: input.text, maxDepth });
  const run = await ingestItems(context, { items, collectResults: true });
  return { mappingVersion: context.mapping.version, schemaVersion: context.schemaVersion, totals: run.totals, results: run.results };
}
