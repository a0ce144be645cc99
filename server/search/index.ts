/** Public surface of golden-record search: the index hook, the change-feed sync and the query. */
export { indexGoldenForSearch, searchCollections, SEARCH_INDEX, SEARCH_TERM_STATS } from './searchIndex';
export type { GoldenForSearch, SearchEntry } from './searchIndex';
export { syncSearchIndex, searchIndexProcessor, SEARCH_INDEX_PROCESSOR } from './searchSync';
export { searchGolden } from './searchGolden';
export type { SearchHit, SearchResult } from './searchGolden';
export { reindexSearchIfTermsChanged } from './termsVersion';
