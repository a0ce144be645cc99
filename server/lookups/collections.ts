import type { CollectionDefinition } from '../store/types';

export const LOOKUP_TABLES_COLLECTION = 'lookupTables';

// Tables are read by `_id` (name) only; the default `_id` index is all they need.
export const lookupCollections: CollectionDefinition[] = [
  { name: LOOKUP_TABLES_COLLECTION, indexes: [{ keys: { updatedAt: -1 }, name: 'by_last_change' }] },
];
