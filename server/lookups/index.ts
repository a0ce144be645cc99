/** Public surface of lookup tables (reference data for `$lookup` in mappings). */
export { deleteLookupTable, getLookupTable, listLookupTables, loadLookupTables, lookupContentHash, saveLookupTable } from './lookupTables';
export { lookupCollections, LOOKUP_TABLES_COLLECTION } from './collections';
export type { LookupTableDocument } from './types';
