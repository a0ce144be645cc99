/**
 * Golden-record search by what a source system knows: a source id (`MT-100234`) finds the golden
 * record that holds it, a source system's name (`meditech`) the golden records it feeds. Source
 * record ids are `domain|source|sourceId`, so an id query is a primary-key lookup per known source
 * (no extra index), and a source name uses the `{ domain, source, … }` index prefix.
 */
import { sourceRecordIdOf } from '../golden/relationships';
import { GOLDEN_RECORDS, SOURCE_RECORDS } from '../golden/collections';
import type { GoldenRecordDocument, SourceRecordDocument } from '../golden/types';
import type { Store } from '../store/types';
import { SEARCH_INDEX, searchEntryId, type SearchEntry } from './searchIndex';
import type { SearchHit } from './searchGolden';
import { searchFieldsOf } from './searchTerms';

const MAX_SOURCE_ID_LENGTH = 200;

/** Hits for `q` as a source id or a source name among `sources` (the source systems with mappings for the domain). */
export async function searchBySource(
  services: { store: Store },
  input: { domain: string; q: string; sources: readonly string[]; limit: number },
): Promise<SearchHit[]> {
  const q = input.q.trim();
  if (q === '' || q.length > MAX_SOURCE_ID_LENGTH || input.sources.length === 0) return [];
  const records = services.store.collection<SourceRecordDocument>(SOURCE_RECORDS);
  const projection = { _id: 1, source: 1, sourceId: 1, goldenId: 1 } as const;
  // Source ids are compared as sent; upper/lower case variants cover ids typed in the other case.
  const variants = [...new Set([q, q.toUpperCase(), q.toLowerCase()])];
  const ids = input.sources.flatMap((source) => variants.map((variant) => sourceRecordIdOf(input.domain, source, variant)));
  const byId = await records.find({ _id: { $in: ids } }, { projection, limit: input.limit });
  const hits = byId.map((record) => ({ goldenId: record.goldenId, matchedField: `sourceId (${record.source})`, score: 1 }));
  const name = q.toLowerCase();
  if (input.sources.includes(name)) {
    const fed = await records.find({ domain: input.domain, source: name }, { projection, limit: input.limit });
    for (const record of fed)
      hits.push({ goldenId: record.goldenId, matchedField: `source (${record.source} ${record.sourceId})`, score: 0.9 });
  }
  if (hits.length === 0) return [];
  const entries = await services.store
    .collection<SearchEntry>(SEARCH_INDEX)
    .find(
      { _id: { $in: hits.map((hit) => searchEntryId(input.domain, hit.goldenId)) } },
      { projection: { _id: 1, goldenId: 1, display: 1 } },
    );
  const displayOf = new Map(entries.map((entry) => [entry.goldenId, entry.display]));
  // The index follows the change feed a moment behind ingest: records not indexed yet are read directly.
  const unindexed = [...new Set(hits.map((hit) => hit.goldenId).filter((id) => !displayOf.has(id)))];
  if (unindexed.length > 0) {
    const displayFields = searchFieldsOf(input.domain)?.display ?? [];
    const goldens = await services.store
      .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
      .find({ _id: { $in: unindexed }, status: 'active' }, { projection: { _id: 1, attributes: 1 } });
    for (const golden of goldens) {
      const shown = displayFields.map((field) => golden.attributes[field]).find((value) => typeof value === 'string' && value !== '');
      displayOf.set(golden._id, typeof shown === 'string' ? shown : golden._id);
    }
  }
  // Retired golden records are left out, as in every search.
  return hits
    .filter((hit) => displayOf.has(hit.goldenId))
    .map((hit) => ({
      id: hit.goldenId,
      domain: input.domain,
      displayName: displayOf.get(hit.goldenId) ?? hit.goldenId,
      matchedField: hit.matchedField,
      score: hit.score,
    }));
}
