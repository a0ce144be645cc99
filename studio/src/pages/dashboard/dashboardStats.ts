/**
 * The dashboard's figures, all computed by the server: per-domain and per-source counts from
 * GET /api/v1/stats (indexed counts), and ingest over time from GET /api/v1/stats/ingest (per-hour
 * counters kept at ingest) — never by paging through the change feed in the browser.
 */
import type { IngestBucket, IngestSeriesView } from '../../../../server/contracts/stats';
import type { ApiClient } from '../../api/client';

export interface DomainFigures {
  domain: string;
  goldenRecords: number;
  sourceRecords: number;
  /** Source records that joined an existing golden record (source records − golden records). */
  duplicatesMerged: number;
  openTasks: number;
  openExceptions: number;
}

export interface SourceFigures {
  source: string;
  domain: string;
  accepted: number;
  exceptions: number;
  /** exceptions / (accepted + exceptions). */
  rate: number;
}

export interface TimeBucket {
  start: string;
  counts: Record<string, number>;
}

export interface DashboardStats {
  domains: DomainFigures[];
  sources: SourceFigures[];
  /** Records received (accepted + unchanged + exceptions) per bucket and domain. */
  ingestOverTime: TimeBucket[];
  bucket: IngestBucket;
}

/** Records received per bucket and domain: accepted, unchanged and exceptions added up. */
export function receivedPerBucket(series: IngestSeriesView): TimeBucket[] {
  return series.buckets.map((bucket) => {
    const counts: Record<string, number> = {};
    for (const outcome of [bucket.accepted, bucket.unchanged, bucket.exceptions]) {
      for (const [domain, amount] of Object.entries(outcome)) counts[domain] = (counts[domain] ?? 0) + amount;
    }
    return { start: bucket.start, counts };
  });
}

/** Reads every figure the dashboard shows (two requests, whatever the data size). */
export async function loadDashboardStats(args: { client: ApiClient; bucket: IngestBucket }): Promise<DashboardStats> {
  const [statistics, series] = await Promise.all([
    args.client.call('getStatistics'),
    args.client.call('getIngestTimeSeries', { query: { bucket: args.bucket } }),
  ]);
  return {
    domains: statistics.domains.map((row) => ({ ...row })),
    sources: statistics.sources.map((row) => ({
      source: row.source,
      domain: row.domain,
      accepted: row.accepted,
      exceptions: row.exceptions,
      rate: row.exceptionRate,
    })),
    ingestOverTime: receivedPerBucket(series),
    bucket: series.bucket,
  };
}
