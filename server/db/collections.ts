/**
 * Every collection the application uses, with its indexes. Features declare their own list next to
 * their code and add it here; start-up creates missing indexes on either store.
 */
import type { CollectionDefinition, Store } from '../store/types';
import { apiKeyCollections } from '../apiKeys/collections';
import { auditCollections } from '../audit/collections';
import { jobCollections } from '../jobs/collections';
import { goldenCollections } from '../golden/collections';
import { lookupCollections } from '../lookups/collections';
import { mappingCollections } from '../mappings/collections';
import { ingestCollections } from '../ingest/collections';
import { stewardshipCollections } from '../stewardship/collections';
import { matchingCollections } from '../matching/collections';
import { searchCollections } from '../search/searchIndex';
import { syncCollections } from '../sync/collections';
import { processorCollections } from '../processors/collections';
import { storeLockCollections } from '../store/startupLock';
import { ingestCounterCollections } from '../stats/ingestCounters';

export const COLLECTIONS: CollectionDefinition[] = [
  ...apiKeyCollections,
  ...auditCollections,
  ...jobCollections,
  ...mappingCollections,
  ...lookupCollections,
  ...goldenCollections,
  ...ingestCollections,
  ...stewardshipCollections,
  ...matchingCollections,
  ...searchCollections,
  ...syncCollections,
  ...processorCollections,
  ...ingestCounterCollections,
];
// The store's own lease locks (server/store/startupLock.ts), kept on a line of their own.
COLLECTIONS.push(...storeLockCollections);

/**
 * Creates every declared collection and its indexes (idempotent). Runs at start-up, before any
 * transaction: on MongoDB a collection must exist before a cross-shard transaction writes to it.
 */
export async function ensureCollections(store: Store): Promise<void> {
  for (const definition of COLLECTIONS) {
    await store.collection(definition.name).createIndexes(definition.indexes);
  }
}
