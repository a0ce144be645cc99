/**
 * Read use cases of the query API: a golden record by id (retired ids resolve to their survivor),
 * as of a time, by a source system's id, its xrefs, and a filtered list with cursor pagination.
 */
import { invalidCursorError, NotFoundError } from '../errors';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { GOLDEN_RECORDS, MATCH_DECISIONS, SOURCE_RECORDS } from './collections';
import { findGolden, readAsOf, requireGolden } from './goldenStore';
import { sourceRecordIdOf } from './relationships';
import type { GoldenRecordDocument, MatchDecisionDocument, SourceRecordDocument } from './types';
import { present } from '../invariant';

type Services = Pick<AppServices, 'store'>;

const MAX_POINTER_HOPS = 32;

/** A golden record by id; a retired id also yields the active survivor at the end of its merge chain. */
export async function getGoldenRecord(
  services: Services,
  input: { domain: string; id: string },
): Promise<{ golden: GoldenRecordDocument; survivor?: GoldenRecordDocument }> {
  const golden = await requireGolden({ store: services.store, id: input.id, domain: input.domain });
  if (golden.status === 'active') return { golden };
  let survivor: GoldenRecordDocument | null = golden;
  for (let hops = 0; survivor && survivor.status !== 'active' && survivor.mergedInto && hops < MAX_POINTER_HOPS; hops++) {
    survivor = await findGolden({ store: services.store, id: survivor.mergedInto });
  }
  return survivor && survivor.status === 'active' ? { golden, survivor } : { golden };
}

/** The golden record as it was at `asOf` (the version current then); 404 if it did not exist yet. */
export async function getGoldenRecordAsOf(
  services: Services,
  input: { domain: string; id: string; asOf: string },
): Promise<GoldenRecordDocument> {
  const current = await requireGolden({ store: services.store, id: input.id, domain: input.domain });
  const version = await readAsOf({ store: services.store, goldenId: current._id, asOf: new Date(input.asOf).toISOString() });
  if (!version) throw new NotFoundError(`Golden record "${input.id}" as of ${input.asOf}`, { createdAt: current.createdAt });
  return {
    ...current,
    ...version.snapshot,
    mergedInto: version.snapshot.mergedInto,
    version: version.version,
    updatedAt: version.at,
  };
}

/** The source record filed under a source system's id, or 404. */
export async function getSourceRecordByXref(
  services: Services,
  input: { domain: string; source: string; sourceId: string },
): Promise<SourceRecordDocument> {
  const record = await services.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .findOne({ _id: sourceRecordIdOf(input.domain, input.source, input.sourceId) });
  if (!record || !record.goldenId)
    throw new NotFoundError(`Source record "${input.sourceId}" of source "${input.source}" in domain "${input.domain}"`);
  return record;
}

/** The source records of a golden record, in id order. */
export async function getSourceRecordsOf(services: Services, input: { golden: GoldenRecordDocument }): Promise<SourceRecordDocument[]> {
  return services.store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ goldenId: input.golden._id }, { sort: { _id: 1 } });
}

/** Source records by id (as listed on a golden record or one of its versions), in id order. */
export async function getSourceRecordsByIds(services: Services, input: { ids: string[] }): Promise<SourceRecordDocument[]> {
  if (input.ids.length === 0) return [];
  return services.store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ _id: { $in: input.ids } }, { sort: { _id: 1 } });
}

/** Turns a query-string value into the values it may equal in stored JSON (text, number, boolean). */
function equalityCandidates(text: string): unknown[] {
  const values: unknown[] = [text];
  if (text === 'true' || text === 'false') values.push(text === 'true');
  if (text.trim() !== '' && !Number.isNaN(Number(text))) values.push(Number(text));
  return values;
}

/** Lists golden records of a domain in id order, after `cursor`, filtered by attribute equality. */
export async function listGoldenRecords(
  services: Services,
  input: {
    domain: string;
    attributes?: Record<string, string>;
    status?: 'active' | 'retired';
    updatedSince?: string;
    source?: string;
    cursor?: string;
    limit: number;
  },
): Promise<{ items: GoldenRecordDocument[]; nextCursor: string | null }> {
  const filter: Filter = { domain: input.domain };
  if (input.status) filter.status = input.status;
  if (input.updatedSince) filter.updatedAt = { $gte: new Date(input.updatedSince).toISOString() };
  for (const [path, value] of Object.entries(input.attributes ?? {})) filter[`attributes.${path}`] = { $in: equalityCandidates(value) };
  if (input.source !== undefined) return listGoldenRecordsOfSource(services, { ...input, source: input.source, filter });
  // The cursor is the last golden id of the previous page: anything else would silently restart the walk.
  if (input.cursor && !input.cursor.startsWith(`${input.domain}-`)) throw invalidCursorError();
  if (input.cursor) filter._id = { $gt: input.cursor };
  const items = await services.store
    .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
    .find(filter, { sort: { _id: 1 }, limit: input.limit + 1 });
  const hasMore = items.length > input.limit;
  const page = hasMore ? items.slice(0, input.limit) : items;
  return { items: page, nextCursor: hasMore ? (page.at(-1)?._id ?? null) : null };
}

const SOURCE_BATCHES = 20;

/**
 * The golden records a source system feeds, in the order of its source record ids. Source record
 * ids are `domain|source|sourceId`, so the walk is a primary-key range; the cursor is the last
 * source record id read. A page may hold fewer than `limit` records when other filters drop some.
 */
async function listGoldenRecordsOfSource(
  services: Services,
  input: { domain: string; source: string; cursor?: string; limit: number; filter: Filter },
): Promise<{ items: GoldenRecordDocument[]; nextCursor: string | null }> {
  const prefix = sourceRecordIdOf(input.domain, input.source, '');
  const end = `${prefix}\uffff`;
  const records = services.store.collection<SourceRecordDocument>(SOURCE_RECORDS);
  const goldens = services.store.collection<GoldenRecordDocument>(GOLDEN_RECORDS);
  const items: GoldenRecordDocument[] = [];
  const seen = new Set<string>();
  // The cursor is a source record id of this source and domain; another one would silently restart the walk.
  if (input.cursor && !input.cursor.startsWith(prefix)) throw invalidCursorError();
  let after = input.cursor || prefix;
  for (let batch = 0; batch < SOURCE_BATCHES && items.length < input.limit; batch++) {
    const members = await records.find(
      { _id: { $gt: after, $lt: end } },
      { sort: { _id: 1 }, limit: input.limit - items.length, projection: { _id: 1, goldenId: 1 } },
    );
    if (members.length === 0) return { items, nextCursor: null };
    after = present(members.at(-1), 'the last member of a non-empty page')._id;
    const wanted = [...new Set(members.map((member) => member.goldenId))].filter((id) => !seen.has(id));
    const found = new Map((await goldens.find({ ...input.filter, _id: { $in: wanted } })).map((golden) => [golden._id, golden]));
    for (const id of wanted) {
      seen.add(id);
      const golden = found.get(id);
      if (golden !== undefined) items.push(golden);
    }
  }
  const hasMore = (await records.find({ _id: { $gt: after, $lt: end } }, { limit: 1, projection: { _id: 1 } })).length > 0;
  return { items, nextCursor: hasMore ? after : null };
}

/** The matching decisions that placed a golden record's members (or named it), newest first. */
export async function getMatchDecisionsOf(
  services: Services,
  input: { golden: GoldenRecordDocument; limit: number },
): Promise<MatchDecisionDocument[]> {
  const decisions = services.store.collection<MatchDecisionDocument>(MATCH_DECISIONS);
  // Two indexed lookups: decisions about its members, and decisions that put a record into it.
  const byMember =
    input.golden.sourceRecordIds.length === 0 ? [] : await decisions.find({ sourceRecordId: { $in: input.golden.sourceRecordIds } });
  const byGolden = await decisions.find({ goldenId: input.golden._id });
  const unique = new Map([...byMember, ...byGolden].map((d) => [d._id, d]));
  return [...unique.values()].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x._id < y._id ? 1 : -1)).slice(0, input.limit);
}
