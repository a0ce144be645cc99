import type { CollectionDefinition } from '../store/types';

export const MAPPINGS_COLLECTION = 'mappings';
export const MAPPING_VERSIONS_COLLECTION = 'mappingVersions';

export const mappingCollections: CollectionDefinition[] = [
  {
    name: MAPPINGS_COLLECTION,
    indexes: [
      { keys: { source: 1, domain: 1, direction: 1 }, unique: true, name: 'source_domain_direction_unique' },
      { keys: { updatedAt: -1 }, name: 'by_last_change' },
      // Which published mappings use a lookup table (refuse deleting a table in use).
      { keys: { 'published.lookupTables': 1 }, name: 'by_published_lookup_table' },
    ],
  },
  {
    name: MAPPING_VERSIONS_COLLECTION,
    indexes: [{ keys: { mappingId: 1, version: -1 }, unique: true, name: 'mapping_version_unique' }],
  },
];
