/** Which published mappings use a lookup table: the `LookupUsers` port lookups/lookupTables.ts asks for when deleting one. */
import type { AppServices } from '../services';
import type { Document } from '../store/types';
import type { LookupUsers } from '../lookups/lookupTables';
import { MAPPINGS_COLLECTION } from './collections';

export function publishedMappingsUsingLookup(services: Pick<AppServices, 'store'>): LookupUsers {
  return (name, session) =>
    services.store
      .collection<Document & { source: string; domain: string; direction: string }>(MAPPINGS_COLLECTION)
      .find({ 'published.lookupTables': name }, { session, projection: { source: 1, domain: 1, direction: 1 } });
}
