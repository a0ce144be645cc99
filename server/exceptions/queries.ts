/** Reading the exception queue: filtered lists, counts by code and by source, one exception. */
import { NotFoundError } from '../errors';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { exceptionsCollection } from './exceptionStore';
import type { ExceptionStatus, IngestExceptionDocument, IngestStage } from './types';

export interface ExceptionFilter {
  source?: string;
  domain?: string;
  code?: string;
  stage?: IngestStage;
  /** Default `open`. */
  status?: ExceptionStatus;
  /** Last seen at or after this time (ISO-8601). */
  since?: string;
  /** Last seen before this time (ISO-8601): "older than". */
  until?: string;
  /** Last seen in the request, job or message with this correlation id. */
  correlationId?: string;
}

/** The store filter for an exception filter. */
export function toStoreFilter(filter: ExceptionFilter): Filter {
  const query: Filter = { status: filter.status ?? 'open' };
  if (filter.source) query.source = filter.source;
  if (filter.domain) query.domain = filter.domain;
  if (filter.code) query.code = filter.code;
  if (filter.stage) query.stage = filter.stage;
  if (filter.correlationId) query['origin.correlationId'] = filter.correlationId;
  if (filter.since || filter.until) {
    // Stored times are UTC ISO strings: normalise offsets (+02:00) so string order is time order.
    const since = filter.since ? new Date(filter.since).toISOString() : undefined;
    const until = filter.until ? new Date(filter.until).toISOString() : undefined;
    query.lastSeenAt = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
  }
  return query;
}

/** A page of exceptions, most recently seen first. */
export async function listExceptions(
  services: Pick<AppServices, 'store'>,
  input: { filter: ExceptionFilter; limit: number; offset: number },
): Promise<{ items: IngestExceptionDocument[]; total: number }> {
  const query = toStoreFilter(input.filter);
  const collection = exceptionsCollection(services);
  const [items, total] = await Promise.all([
    collection.find(query, { sort: { lastSeenAt: -1, _id: 1 }, skip: input.offset, limit: input.limit, projection: { raw: 0 } }),
    collection.countDocuments(query),
  ]);
  return { items, total };
}

export interface ExceptionCounts {
  total: number;
  byCode: Array<{ code: string; count: number }>;
  bySource: Array<{ source: string; domain: string; count: number }>;
}

function sortedCounts<T extends { count: number }>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => b.count - a.count);
}

/** Counts of the matching exceptions grouped by code and by source and domain (streamed, bounded memory). */
export async function countExceptions(services: Pick<AppServices, 'store'>, filter: ExceptionFilter): Promise<ExceptionCounts> {
  const byCode = new Map<string, { code: string; count: number }>();
  const bySource = new Map<string, { source: string; domain: string; count: number }>();
  let total = 0;
  const documents = exceptionsCollection(services).iterate(toStoreFilter(filter), {
    projection: { code: 1, source: 1, domain: 1 },
    batchSize: 1000,
  });
  for await (const exception of documents) {
    total += 1;
    const code = byCode.get(exception.code) ?? { code: exception.code, count: 0 };
    code.count += 1;
    byCode.set(exception.code, code);
    const key = `${exception.source}\u0000${exception.domain}`;
    const source = bySource.get(key) ?? { source: exception.source, domain: exception.domain, count: 0 };
    source.count += 1;
    bySource.set(key, source);
  }
  return { total, byCode: sortedCounts(byCode), bySource: sortedCounts(bySource) };
}

/** One exception, or 404. */
export async function requireException(services: Pick<AppServices, 'store'>, id: string): Promise<IngestExceptionDocument> {
  const exception = await exceptionsCollection(services).findOne({ _id: id });
  if (!exception) throw new NotFoundError(`Exception "${id}"`);
  return exception;
}
