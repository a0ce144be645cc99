/**
 * Large loads: an uploaded CSV or NDJSON file is stored in chunks, then this background job parses it
 * streaming and runs the pipeline batch by batch. After every batch it saves a checkpoint (items read
 * and running totals) with its progress; after a restart it re-reads the file, skips the items the
 * checkpoint covers and continues — records processed after the last checkpoint are recognised by
 * their stored `lastIngest` and counted as the first time, so totals stay exact.
 */
import { withCorrelation } from '../correlation';
import type { GoldenActor } from '../golden';
import type { JobContext, JobHandler } from '../jobs/types';
import { ingestItems, prepareIngest } from './ingestRecords';
import type { SourceFormatOptions } from './formats/registry';
import { readItems, type IngestFormat } from './recordReader';
import { emptyTotals, type IngestTotals } from './types';
import { deleteUpload, readUploadChunks, type StoredUpload } from './uploads';

export const INGEST_UPLOAD_JOB = 'ingest.upload';
/** Records per checkpoint: small enough that progress (and the job's lease) is renewed every few seconds. */
const JOB_BATCH_SIZE = 200;

export interface IngestUploadParams {
  source: string;
  domain: string;
  format: IngestFormat;
  /** Parser options resolved when the file was uploaded (delimiter, encoding…). */
  options?: SourceFormatOptions;
  upload: StoredUpload;
  actor: GoldenActor;
  /** The upload request's correlation id: the job's records carry it (absent: `job:<id>`). */
  correlationId?: string;
  [key: string]: unknown;
}

interface UploadCheckpoint {
  consumed: number;
  totals: IngestTotals;
}

function isCheckpoint(value: unknown): value is UploadCheckpoint {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as UploadCheckpoint).consumed === 'number' &&
    typeof (value as UploadCheckpoint).totals === 'object'
  );
}

/** Estimated records in an upload (counted units, else lines; CSV has a header line). */
export function estimatedRecords(input: { format: IngestFormat; upload: StoredUpload }): number {
  if (input.upload.units !== undefined) return input.upload.units;
  const lines = input.upload.lines + (input.upload.hasUnterminatedLastLine ? 1 : 0);
  return Math.max(0, input.format === 'csv' || input.format === 'delimited' ? lines - 1 : lines);
}

/** Counts records in stored text for formats whose records are not lines (an estimate: a marker split between chunks is missed). */
export function unitCounterOf(format: IngestFormat, options: SourceFormatOptions = {}): ((text: string) => number) | undefined {
  if (format === 'hl7v2') return (text) => text.match(/(^|[\r\n])MSH/g)?.length ?? 0;
  if (format === 'x12') return (text) => text.match(/(^|[~'\r\n])\s*LIN[^A-Z0-9]/g)?.length ?? 0;
  if (format === 'xml') {
    const record = (options.recordPath ?? '').split(/[./]/).filter(Boolean).pop();
    if (!record) return undefined;
    const opening = new RegExp(`<(?:[\\w.-]+:)?${record.replace(/[.-]/g, '\\$&')}[\\s/>]`, 'g');
    return (text) => text.match(opening)?.length ?? 0;
  }
  if (format === 'fhir') {
    const type = options.resourceType ?? '[A-Za-z]+';
    const resource = new RegExp(`"resourceType"\\s*:\\s*"${type}"`, 'g');
    return (text) => text.match(resource)?.length ?? 0;
  }
  return undefined;
}

/** The job handler for uploaded files. */
export const ingestUploadJob: JobHandler<IngestUploadParams> = {
  type: INGEST_UPLOAD_JOB,
  run(input) {
    // Everything the job writes (changes, exceptions, audit) carries the upload's correlation id.
    return withCorrelation(input.job.params.correlationId ?? `job:${input.job._id}`, () => runUpload(input));
  },
};

/** One run of the upload job (from its checkpoint). */
async function runUpload({ job, services, checkpoint, report, signal }: JobContext<IngestUploadParams>): Promise<{ totals: IngestTotals }> {
  const params = job.params;
  const start: UploadCheckpoint = isCheckpoint(checkpoint) ? checkpoint : { consumed: 0, totals: emptyTotals() };
  const context = {
    ...(await prepareIngest(services, { source: params.source, domain: params.domain, actor: params.actor, origin: { jobId: job._id } })),
    signal,
  };
  await report({ phase: 'ingesting', done: start.totals.accepted + start.totals.unchanged, failed: start.totals.exceptions });
  const run = await ingestItems(context, {
    items: readItems({
      format: params.format,
      chunks: readUploadChunks(services, { uploadId: params.upload.uploadId, chunks: params.upload.chunks }),
      maxDepth: services.config.limits.maxJsonDepth,
      options: params.options,
    }),
    collectResults: false,
    skip: start.consumed,
    totals: start.totals,
    shouldRefreshMapping: true,
    batchSize: JOB_BATCH_SIZE,
    onBatch: async ({ totals, consumed }) => {
      // Saving the checkpoint first means an interruption right here loses nothing.
      await report({ done: totals.accepted + totals.unchanged, failed: totals.exceptions }, {
        consumed,
        totals,
      } satisfies UploadCheckpoint);
      signal.throwIfAborted();
    },
  });
  await report(
    { phase: 'done', total: run.totals.received, done: run.totals.accepted + run.totals.unchanged, failed: run.totals.exceptions },
    { consumed: run.consumed, totals: run.totals },
  );
  await deleteUpload(services, params.upload.uploadId);
  return { totals: run.totals };
}
