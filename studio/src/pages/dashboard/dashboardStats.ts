/**
 * The dashboard's figures, gathered from the public API (the hub has no statistics endpoint yet):
 * golden and source records per domain from the golden-record list, open tasks from the task counts,
 * exceptions per source from the exception counts, and activity over time from the change feed.
 * Each read is capped (`maxPages`); a capped figure is reported as a lower bound.
 */
import type { ChangeView, GoldenRecordView } from '../../../../server/contracts/golden';
import type { ExceptionCountsView } from '../../../../server/contracts/ingest';
import type { TaskCountsView } from '../../../../server/contracts/stewardship';
import type { ApiClient } from '../../api/client';

export const DASHBOARD_DOMAINS = ['supplier', 'item', 'facility', 'account'] as const;

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
  const buckets: TimeBucket[] = Array.from({ length: count }, (_, index) => ({ start: new Date(start + index * width).toISOString(), counts: {} }));
  for (const event of args.events) {
    const time = Date.parse(event.at);
    if (Number.isNaN(time)) continue;
    const bucket = buckets[Math.floor((time - start) / width)];
    bucket.counts[event.domain] = (bucket.counts[event.domain] ?? 0) + 1;
  }
  return buckets;
}

/** Per-source acceptance from source record ids (`domain|source|id`) and exception counts. */
export function sourceFigures(args: { sourceRecordIds: readonly string[]; exceptions: ExceptionCountsView['bySource'] }): SourceFigures[] {
  const byKey = new Map<string, SourceFigures>();
  const entry = (source: string, domain: string): SourceFigures => {
    const key = `${source}/${domain}`;
    let figures = byKey.get(key);
    if (figures === undefined) {
      figures = { source, domain, accepted: 0, exceptions: 0, rate: 0 };
      byKey.set(key, figures);
    }
    return figures;
  };
  for (const id of args.sourceRecordIds) {
    const [domain, source] = id.split('|');
    if (domain !== undefined && source !== undefined) entry(source, domain).accepted += 1;
  }
  for (const row of args.exceptions) entry(row.source, row.domain).exceptions += row.count;
  for (const figures of byKey.values()) figures.rate = figures.exceptions / Math.max(1, figures.accepted + figures.exceptions);
  return [...byKey.values()].sort((a, b) => b.rate - a.rate || a.source.localeCompare(b.source));
}

/** Reads every figure the dashboard shows. */
export async function loadDashboardStats(args: { client: ApiClient; maxPages: number; canReadTasks: boolean; canReadExceptions: boolean; canReadChanges: boolean }): Promise<DashboardStats> {
  const { client, maxPages } = args;
  let isCapped = false;
  const sourceRecordIds: string[] = [];
  const domains: DomainFigures[] = [];
  const taskCounts = args.canReadTasks ? await client.get<TaskCountsView>('/tasks/counts') : null;
  for (const domain of DASHBOARD_DOMAINS) {
    let golden = 0;
    let sources = 0;
    let cursor: string | null = null;
    for (let page = 0; ; page += 1) {
      if (page >= maxPages) {
        isCapped = true;
        break;
      }
      const body: { items: GoldenRecordView[]; nextCursor: string | null } = await client.get(`/golden/${domain}?status=active&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      golden += body.items.length;
      for (const record of body.items) {
        sources += record.sourceRecordIds.length;
        sourceRecordIds.push(...record.sourceRecordIds);
      }
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    domains.push({ domain, goldenRecords: golden, sourceRecords: sources, duplicatesMerged: sources - golden, openTasks: taskCounts?.byDomain[domain] ?? 0 });
  }

  let exceptionRows: ExceptionCountsView['bySource'] = [];
  if (args.canReadExceptions) {
    // Every status counts toward the rate: a replayed exception still failed when it arrived.
    const all = await Promise.all(['open', 'replayed', 'resolved', 'discarded'].map((status) => client.get<ExceptionCountsView>(`/exceptions/counts?status=${status}`)));
    exceptionRows = all.flatMap((counts) => counts.bySource);
  }

  const events: Array<{ at: string; domain: string }> = [];
  let mergesRecorded = 0;
  if (args.canReadChanges) {
    let after: string | null = null;
    for (let page = 0; ; page += 1) {
      if (page >= maxPages) {
        isCapped = true;
        break;
      }
      const body: { items: ChangeView[]; nextCursor: string | null } = await client.get(`/changes?limit=1000${after ? `&after=${after}` : ''}`);
      for (const change of body.items) {
        if (change.cause === 'ingest') events.push({ at: change.at, domain: change.domain });
        if (change.type === 'merged') mergesRecorded += 1;
      }
      if (body.items.length < 1000 || body.nextCursor === null) break;
      after = body.nextCursor;
    }
  }
  return { domains, sources: sourceFigures({ sourceRecordIds, exceptions: exceptionRows }), ingestOverTime: bucketByTime({ events, bucketCount: 24 }), mergesRecorded, isCapped };
}
