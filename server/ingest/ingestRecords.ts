/**
 * The ingest use case, shared by the inline endpoint, upload jobs, exception replay and the seed
 * loader: read items from a parsed source, run them through the pipeline in batches, and report
 * results and totals (received = accepted + unchanged + exceptions).
 */
import { currentCorrelationId } from '../correlation';
import { UnprocessableError } from '../errors';
import type { GoldenActor } from '../golden';
import { getPublishedMapping, loadLookupTables } from '../mappings';
import { getCanonicalSchema } from '../schemas/canonicalSchemas';
import type { AppServices } from '../services';
import { finishBatch, prepareBatch } from './pipeline';
import type { ParsedItem } from './recordReader';
import { ingestFingerprintOf } from './unchangedRecords';
import {
  addToTotals,
  emptyTotals,
  type IngestContext,
  type IngestOrigin,
  type IngestTotals,
  type RecordResult,
  type WorkItem,
} from './types';

/** Records mapped per call to the worker pool and per pipeline run. */
export const DEFAULT_BATCH_SIZE = 500;

/** Builds the context for a source and domain: published mapping, its lookup tables, schema version. */
export async function prepareIngest(
  services: AppServices,
  input: { source: string; domain: string; actor: GoldenActor; origin: IngestOrigin },
): Promise<IngestContext> {
  // Unknown domain → 404 before anything else.
  const schema = getCanonicalSchema(input.domain);
  const mapping = await getPublishedMapping(services, { source: input.source, domain: input.domain });
  if (!mapping) {
    throw new UnprocessableError(
      'NO_PUBLISHED_MAPPING',
      `There is no published inbound mapping for source "${input.source}" and domain "${input.domain}"; publish one (PUT then POST /api/v1/mappings/${input.source}/${input.domain}/publish) before ingesting.`,
      { source: input.source, domain: input.domain },
    );
  }
  const lookups = await loadLookupTables(services, mapping.lookupTables);
  const fingerprint = ingestFingerprintOf({ mapping, lookups, schema });
  const correlationId = input.origin.correlationId ?? currentCorrelationId();
  const origin = correlationId ? { ...input.origin, correlationId } : input.origin;
  return {
    services,
    source: input.source,
    domain: input.domain,
    mapping,
    lookups,
    schemaVersion: schema.version,
    fingerprint,
    actor: input.actor,
    origin,
  };
}

/** The context with the currently published mapping (a long job picks up a fix published while it runs). */
export async function refreshContext(context: IngestContext): Promise<IngestContext> {
  const mapping = await getPublishedMapping(context.services, { source: context.source, domain: context.domain });
  if (!mapping || mapping.cacheKey === context.mapping.cacheKey) return context;
  const lookups = await loadLookupTables(context.services, mapping.lookupTables);
  return {
    ...context,
    mapping,
    lookups,
    fingerprint: ingestFingerprintOf({ mapping, lookups, schema: getCanonicalSchema(context.domain) }),
  };
}

/** A parsed item as pipeline work: unreadable lines start as parse-stage failures. */
export function toWorkItem(item: ParsedItem): WorkItem {
  if (item.kind === 'record') return { position: item.position, raw: item.raw, isRawText: false };
  return {
    position: item.position,
    raw: item.text,
    isRawText: true,
    failure: { stage: 'parse', code: item.code, message: item.message, problems: [] },
  };
}

export interface IngestRun {
  totals: IngestTotals;
  /** Every record's result, in order (only when `collectResults`). */
  results: RecordResult[];
  /** Items read from the source, including those skipped by `skip`. */
  consumed: number;
}

/** Runs items through the pipeline in batches; `skip` items are read but not processed (a resumed job). */
export async function ingestItems(
  context: IngestContext,
  input: {
    items: AsyncIterable<ParsedItem>;
    collectResults: boolean;
    skip?: number;
    batchSize?: number;
    /** Start totals (a resumed job's checkpoint). */
    totals?: IngestTotals;
    /** Re-read the published mapping before each batch (long jobs). */
    shouldRefreshMapping?: boolean;
    /** Called after each batch with the running totals and items consumed so far. */
    onBatch?: (progress: { totals: IngestTotals; consumed: number }) => Promise<void>;
  },
): Promise<IngestRun> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const skip = input.skip ?? 0;
  let current = context;
  let totals = input.totals ?? emptyTotals();
  const results: RecordResult[] = [];
  let consumed = 0;
  let batch: WorkItem[] = [];
  // Two batches in flight: while one is persisted on this thread, the next is mapped in the evaluator
  // pool. Batches still finish one at a time and in order, each with its checkpoint.
  let inFlight: { items: WorkItem[]; context: IngestContext; prepared: Promise<void>; consumed: number } | undefined;
  let storedEarlier: ReadonlySet<string> | undefined;
  const finish = async (): Promise<void> => {
    if (!inFlight) return;
    const done = inFlight;
    inFlight = undefined;
    await done.prepared;
    const batchResults = await finishBatch(done.items, done.context, { storedEarlier });
    storedEarlier = new Set(batchResults.flatMap((result) => (result.outcome === 'accepted' ? [result.sourceId] : [])));
    totals = addToTotals(totals, batchResults);
    if (input.collectResults) results.push(...batchResults);
    await input.onBatch?.({ totals, consumed: done.consumed });
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    if (input.shouldRefreshMapping) current = await refreshContext(current);
    const prepared = prepareBatch(items, current);
    // Awaited by `finish`; this only keeps a failure while the previous batch finishes from going unhandled.
    prepared.catch(() => undefined);
    await finish();
    inFlight = { items, context: current, prepared, consumed };
  };
  for await (const item of input.items) {
    consumed += 1;
    if (consumed <= skip) continue;
    batch.push(toWorkItem(item));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await finish();
  return { totals, results, consumed };
}
