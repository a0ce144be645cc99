/** Public surface of mapping management, for ingest, the studio's API and scripts. */
export { getPublishedMapping, findMapping, listMappings, listVersions } from './queries';
export type { PublishedMapping } from './queries';
export { loadLookupTables } from '../lookups/lookupTables';
export { saveMappingDraft } from './saveMappingDraft';
export { publishMapping, rollbackMapping, testMappingDraft } from './publishMapping';
export { previewMapping, diffPreview } from './previewMapping';
export { runMappingTests } from './testRunner';
export { loadMappingsAsCode } from './loadMappingFiles';
export { exportMappingsToFiles } from './exportMappings';
export { httpExportSource, storeExportSource } from './exportSources';
export { mappingCollections, MAPPINGS_COLLECTION, MAPPING_VERSIONS_COLLECTION } from './collections';
export type { MappingDirection, MappingDocument, MappingVersionDocument, MappingTestCase } from './types';
