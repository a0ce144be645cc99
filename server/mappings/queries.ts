/** Reads of mappings and versions for the API, the export and other features (each a single indexed read). */
import { NotFoundError } from '../errors';
import type { SourceFormat } from '../ingest/formats/registry';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { MAPPING_VERSIONS_COLLECTION, MAPPINGS_COLLECTION } from './collections';
import { mappingId, versionId, type MappingKey } from './mappingIdentity';
import type { MappingDirection, MappingDocument, MappingVersionDocument } from './types';

type StoreOnly = Pick<AppServices, 'store'>;

/** The mappings collection. */
export function mappingsCollection(services: StoreOnly) {
  return services.store.collection<MappingDocument>(MAPPINGS_COLLECTION);
}

/** The immutable versions collection. */
export function versionsCollection(services: StoreOnly) {
  return services.store.collection<MappingVersionDocument>(MAPPING_VERSIONS_COLLECTION);
}

/** What ingest needs to run the published mapping, or null when nothing is published. */
export interface PublishedMapping {
  version: number;
  expression: string;
  /** Key for the runtime's compiled-expression cache (changes with every version). */
  cacheKey: string;
  /** Lookup tables the expression references: pass them to `loadLookupTables`. */
  lookupTables: string[];
  /** How the source sends its payloads, when the mapping says. */
  format?: SourceFormat;
}

/** The published mapping of a source and domain (one read by `_id`; cheap enough per ingest batch). */
export async function getPublishedMapping(
  services: StoreOnly,
  input: { source: string; domain: string; direction?: MappingDirection },
): Promise<PublishedMapping | null> {
  const id = mappingId({ source: input.source, domain: input.domain, direction: input.direction ?? 'inbound' });
  // No projection: on the embedded store a projected findOne costs several times a plain one, and
  // the head document is small (the draft's samples and tests are its only bulk).
  const found = await mappingsCollection(services).findOne({ _id: id });
  const published = found?.published;
  if (!published) return null;
  return { version: published.version, expression: published.expression, cacheKey: published.cacheKey, lookupTables: [...published.lookupTables], ...(published.format ? { format: published.format } : {}) };
}

/** The mapping, or null. */
export async function findMapping(services: StoreOnly, key: MappingKey): Promise<MappingDocument | null> {
  return mappingsCollection(services).findOne({ _id: mappingId(key) });
}

/** The mapping, or 404 naming it. */
export async function requireMapping(services: StoreOnly, key: MappingKey): Promise<MappingDocument> {
  const mapping = await findMapping(services, key);
  if (!mapping) throw new NotFoundError(`Mapping ${key.direction} ${key.source}/${key.domain}`);
  return mapping;
}

/** Mappings matching the optional filters, by source then domain. */
export async function listMappings(services: StoreOnly, filter: { source?: string; domain?: string; direction?: MappingDirection }): Promise<MappingDocument[]> {
  const query: Filter = {};
  if (filter.source) query.source = filter.source;
  if (filter.domain) query.domain = filter.domain;
  if (filter.direction) query.direction = filter.direction;
  return mappingsCollection(services).find(query, { sort: { source: 1, domain: 1, direction: 1 } });
}

/** Every version of a mapping, newest first. */
export async function listVersions(services: StoreOnly, key: MappingKey): Promise<MappingVersionDocument[]> {
  return versionsCollection(services).find({ mappingId: mappingId(key) }, { sort: { version: -1 } });
}

/** One version, or null. */
export async function findVersion(services: StoreOnly, key: MappingKey, version: number): Promise<MappingVersionDocument | null> {
  return versionsCollection(services).findOne({ _id: versionId(mappingId(key), version) });
}

/** One version, or 404 naming it. */
export async function requireVersion(services: StoreOnly, key: MappingKey, version: number): Promise<MappingVersionDocument> {
  const found = await findVersion(services, key, version);
  if (!found) throw new NotFoundError(`Version ${version} of mapping ${key.direction} ${key.source}/${key.domain}`);
  return found;
}

/** The published version's document, or null. */
export async function findPublishedVersion(services: StoreOnly, mapping: MappingDocument): Promise<MappingVersionDocument | null> {
  if (!mapping.published) return null;
  return versionsCollection(services).findOne({ _id: versionId(mapping._id, mapping.published.version) });
}
