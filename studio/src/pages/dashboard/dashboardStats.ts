/**
 * The dashboard's figures: per-domain and per-source counts from GET /api/v1/stats (indexed counts on
 * the server, whatever the data size), and ingest activity over time from the change feed, read in
 * capped pages (`maxPages`); a capped time series is marked as partial.
 */
import type { OperationResponse } from '../../../../server/contracts/operations';
import type { ApiClient } from '../../api/client';

export interface DomainFigures {
  domain: string;
  goldenRecords: number;
  sourceRecords: number;
  /** Source records that joined an existing golden record (source records − golden records). */
  duplicatesMerged: number;
  openTasks: number;
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
  ingestOverTime: TimeBucket[];
  mergesRecorded: number;
  isCapped: boolean;
}

/** Groups change times into at most `bucketCount` equal buckets per domain. */
export function bucketByTime(args: { events: ReadonlyArray<{ at: string; domain: string }>; bucketCount: number }): TimeBucket[] {
  const times = args.events.map((event) => Date.parse(event.at)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return [];
  const first = Math.min(...times);
  const last = Math.max(...times);
  // At least one minute per bucket, so a burst of seconds still reads as one bar.
  const width = Math.max(60_000, Math.ceil((last - first + 1) / args.bucketCount));
  const start = Math.floor(first / width) * width;
  const count = Math.floor((last - start) / width) + 1;
  const buckets: TimeBucket[] = Array.from({ length: count }, (_, index) => ({
    start: new Date(start + index * width).toISOString(),
    counts: {},
  }));
  for (const event of args.events) {
    const time = Date.parse(event.at);
    if (Number.isNaN(time)) continue;
    const bucket = buckets[Math.floor((time - start) / width)];
    bucket.counts[event.domain] = (bucket.counts[event.domain] ?? 0) + 1;
  }
  return buckets;
}

/** Reads every figure the dashboard shows: counts from GET /stats, activity over time from the change feed (capped). */
export async function loadDashboardStats(args: { client: ApiClient; maxPages: number; canReadChanges: boolean }): Promise<DashboardStats> {
  const { client, maxPages } = args;
  const statistics = await client.call('getStatistics');
  const domains: DomainFigures[] = statistics.domains.map((row) => ({ ...row }));
  const sources: SourceFigures[] = statistics.sources.map((row) => ({
    source: row.source,
    domain: row.domain,
    accepted: row.accepted,
    exceptions: row.exceptions,
    rate: row.exceptionRate,
  }));
  let isCapped = false;
  const events: Array<{ at: string; domain: string }> = [];
  let mergesRecorded = 0;
  if (args.canReadChanges) {
    let after: string | null = null;
    for (let page = 0; ; page += 1) {
      if (page >= maxPages) {
        isCapped = true;
        break;
      }
      const body: OperationResponse<'listChanges'> = await client.call('listChanges', {
        query: { limit: 1000, ...(after ? { after } : {}) },
      });
      for (const change of body.items) {
        if (change.cause === 'ingest') events.push({ at: change.at, domain: change.domain });
        if (change.type === 'merged') mergesRecorded += 1;
      }
      if (body.items.length < 1000 || body.nextCursor === null) break;
      after = body.nextCursor;
    }
  }
  return { domains, sources, ingestOverTime: bucketByTime({ events, bucketCount: 24 }), mergesRecorded, isCapped };
}
