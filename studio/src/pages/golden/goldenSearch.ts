/**
 * Fuzzy typeahead over a domain's golden records in the browser (fuse.js): each record is indexed by
 * its display name, its identifiers and the rest of its string values. The hub has no search endpoint
 * for golden records yet; the list endpoint pages through the domain once and this answers keystrokes.
 */
import Fuse from 'fuse.js';
import type { GoldenRecordView } from '../../../../server/contracts/golden';

export interface SearchEntry {
  id: string;
  label: string;
  identifiers: string;
  text: string;
  record: GoldenRecordView;
}

const NAME_KEYS = ['name', 'legalName', 'description', 'shortDescription', 'title', 'accountName'];
const IDENTIFIER_PATTERN = /^(id|sourceId|taxId|duns|uei|npi|npis|gln|gtin|gtins|ccn|code|accountNumber|manufacturerPartNumber|mpn|vendorPartNumber)$/i;

function leafStrings(value: unknown, key: string, into: { ids: string[]; text: string[] }): void {
  if (typeof value === 'string' || typeof value === 'number') {
    (IDENTIFIER_PATTERN.test(key) ? into.ids : into.text).push(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) leafStrings(item, key, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) leafStrings(child, childKey, into);
  }
}

/** The name a person would recognise a record by. */
export function displayName(record: GoldenRecordView): string {
  for (const key of NAME_KEYS) {
    const value = record.attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return record.id;
}

/** One search entry per record. */
export function toSearchEntries(records: readonly GoldenRecordView[]): SearchEntry[] {
  return records.map((record) => {
    const into = { ids: [] as string[], text: [] as string[] };
    leafStrings(record.attributes, '', into);
    return { id: record.id, label: displayName(record), identifiers: [record.id, ...into.ids].join(' '), text: into.text.join(' '), record };
  });
}

/** A Fuse index weighting names over identifiers over everything else. */
export function createGoldenSearch(entries: readonly SearchEntry[]): Fuse<SearchEntry> {
  return new Fuse([...entries], {
    keys: [
      { name: 'label', weight: 3 },
      { name: 'identifiers', weight: 2 },
      { name: 'text', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
}

/** The best `limit` matches for `query` (empty query: the first records). */
export function searchGolden(args: { index: Fuse<SearchEntry>; entries: readonly SearchEntry[]; query: string; limit: number }): SearchEntry[] {
  const query = args.query.trim();
  if (query === '') return args.entries.slice(0, args.limit);
  return args.index.search(query, { limit: args.limit }).map((result) => result.item);
}
