import type { CollectionDefinition } from '../store/types';

export const API_KEYS_COLLECTION = 'apiKeys';

export const apiKeyCollections: CollectionDefinition[] = [
  {
    name: API_KEYS_COLLECTION,
    indexes: [
      { keys: { hash: 1 }, unique: true, name: 'hash_unique' },
      { keys: { role: 1 }, name: 'by_role' },
    ],
  },
];
