import type { CollectionDefinition } from '../store/types';

export const JOBS_COLLECTION = 'jobs';

export const jobCollections: CollectionDefinition[] = [
  {
    name: JOBS_COLLECTION,
    indexes: [
      { keys: { status: 1, createdAt: 1 }, name: 'by_status' },
      { keys: { type: 1, createdAt: -1 }, name: 'by_type' },
    ],
  },
];
