/** Inline ingest: a whole request body in any accepted content type through the pipeline, every record's result returned. */
import type { GoldenActor } from '../golden';
import type { AppServices } from '../services';
import { ingestItems, prepareIngest } from './ingestRecords';
import { assertUniqueCsvHeader, readBodyItems, readJsonDocument, type ParsedItem } from './recordReader';
import { decodeBody, resolveFormat } from './sourceFormat';
import type { IngestTotals, RecordResult } from './types';

export interface InlineIngestResult {
  mappingVersion: number;
  schemaVersion: string;
  totals: IngestTotals;
  results: RecordResult[];
}

export interface InlineIngestInput {
  source: string;
  domain: string;
  contentType: string;
  body: Uint8Array;
  actor: GoldenActor;
  requestId?: string;
}

async function* fromArray(items: ParsedItem[]): AsyncGenerator<ParsedItem> {
  yield* items;
}

/**
 * Ingests the records of one body for a source and domain. The Content-Type header picks the parser;
 * the published mapping's `format` options and the header's parameters configure it.
 */
export async function ingestInline(services: AppServices, input: InlineIngestInput): Promise<InlineIngestResult> {
  // The caller waits for the answer: background processors run in small slices meanwhile (processorRunner.ts).
  const endForeground = services.processors.beginForeground();
  try {
    return await ingestBody(services, input);
  } finally {
    endForeground();
  }
}

async function ingestBody(services: AppServices, input: InlineIngestInput): Promise<InlineIngestResult> {
  const context = await prepareIngest(services, {
    source: input.source,
    domain: input.domain,
    actor: input.actor,
    origin: input.requestId ? { requestId: input.requestId } : {},
  });
  const { entry, options } = resolveFormat({ contentTypeHeader: input.contentType, mappingFormat: context.mapping.format });
  const text = decodeBody(input.body, options);
  if (entry.format === 'delimited') assertUniqueCsvHeader(text, options);
  // A JSON body is parsed up front so that broken JSON is a 400 before anything is stored.
  const maxDepth = services.config.limits.maxJsonDepth;
  const items =
    entry.format === 'json'
      ? fromArray(readJsonDocument(text, { maxDepth }))
      : readBodyItems({ format: entry.format, text, maxDepth, options });
  const run = await ingestItems(context, { items, collectResults: true });
  return { mappingVersion: context.mapping.version, schemaVersion: context.schemaVersion, totals: run.totals, results: run.results };
}
