/**
 * The ingest time series: one small counter document per hour, domain and source, incremented once
 * per ingest batch with its accepted, unchanged and exception counts. The dashboard's chart reads
 * these counters by an index on the hour (a day of hourly data is at most 24 × pairs documents),
 * never the change feed.
 */
import { BadRequestError } from '../errors';
import type { IngestBucket, IngestSeriesBucket, IngestSeriesView } from '../contracts/stats';
import { MAX_INGEST_BUCKETS } from '../contracts/stats';
import { listDomains } from '../schemas/canonicalSchemas';
import type { CollectionDefinition, Store } from '../store/types';

export const INGEST_COUNTERS = 'ingestCounters';

export const ingestCounterCollections: CollectionDefinition[] = [
  { name: INGEST_COUNTERS, indexes: [{ keys: { hour: 1 }, name: 'by_hour' }] },
];

type IngestCounterDocument = {
  _id: string;
  /** Start of the UTC hour, ISO-8601. */
  hour: string;
  domain: string;
  source: string;
  accepted: number;
  unchanged: number;
  exceptions: number;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function widthOf(bucket: IngestBucket): number {
  return bucket === 'day' ? DAY_MS : HOUR_MS;
}

function floorTo(time: number, width: number): number {
  return Math.floor(time / width) * width;
}

/** Adds one batch's outcomes to its hour's counter (one upsert; no write when the batch was empty). */
export async function recordIngestCounts(
  store: Store,
  args: { domain: string; source: string; at: Date; accepted: number; unchanged: number; exceptions: number },
): Promise<void> {
  if (args.accepted + args.unchanged + args.exceptions === 0) return;
  const hour = new Date(floorTo(args.at.getTime(), HOUR_MS)).toISOString();
  await store.collection<IngestCounterDocument>(INGEST_COUNTERS).updateOne(
    { _id: `${hour}|${args.domain}|${args.source}` },
    {
      $setOnInsert: { hour, domain: args.domain, source: args.source },
      $inc: { accepted: args.accepted, unchanged: args.unchanged, exceptions: args.exceptions },
    },
    { upsert: true },
  );
}

/** Resolves the requested window: defaults, alignment to the bucket, and a clear 400 for a bad range. */
export function ingestWindow(args: { from?: string; to?: string; bucket?: IngestBucket; now?: Date }): {
  bucket: IngestBucket;
  from: number;
  to: number;
} {
  const bucket = args.bucket ?? 'hour';
  const width = widthOf(bucket);
  // `to` is exclusive: the bucket holding `to` (or now) is included by rounding up.
  const to = Math.ceil((args.to !== undefined ? Date.parse(args.to) : (args.now ?? new Date()).getTime() + 1) / width) * width;
  const from = args.from !== undefined ? floorTo(Date.parse(args.from), width) : to - 24 * width;
  if (from >= to) {
    throw new BadRequestError('INVALID_RANGE', 'query.from must be before query.to.', [
      { path: 'query.from', code: 'INVALID_RANGE', message: 'from must be before to' },
    ]);
  }
  const count = (to - from) / width;
  if (count > MAX_INGEST_BUCKETS) {
    throw new BadRequestError(
      'RANGE_TOO_LARGE',
      `query.from to query.to spans ${count} ${bucket}s; ask for at most ${MAX_INGEST_BUCKETS}.`,
      [{ path: 'query.from', code: 'RANGE_TOO_LARGE', message: `at most ${MAX_INGEST_BUCKETS} buckets` }],
    );
  }
  return { bucket, from, to };
}

/** Records ingested per bucket and domain between `from` (inclusive) and `to` (exclusive), every bucket listed. */
export async function ingestTimeSeries(
  store: Store,
  args: { from?: string; to?: string; bucket?: IngestBucket; now?: Date },
): Promise<IngestSeriesView> {
  const { bucket, from, to } = ingestWindow(args);
  const width = widthOf(bucket);
  const buckets: IngestSeriesBucket[] = [];
  for (let start = from; start < to; start += width) {
    buckets.push({ start: new Date(start).toISOString(), accepted: {}, unchanged: {}, exceptions: {} });
  }
  const counters = await store
    .collection<IngestCounterDocument>(INGEST_COUNTERS)
    .find({ hour: { $gte: new Date(from).toISOString(), $lt: new Date(to).toISOString() } }, { sort: { hour: 1 } });
  for (const counter of counters) {
    const target = buckets[Math.floor((Date.parse(counter.hour) - from) / width)];
    if (target === undefined) continue;
    for (const outcome of ['accepted', 'unchanged', 'exceptions'] as const) {
      const amount = counter[outcome] ?? 0;
      if (amount > 0) target[outcome][counter.domain] = (target[outcome][counter.domain] ?? 0) + amount;
    }
  }
  return { bucket, from: new Date(from).toISOString(), to: new Date(to).toISOString(), domains: listDomains(), buckets };
}
