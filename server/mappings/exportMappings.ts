/**
 * Writes what the store holds back to the mappings folder (`npm run mappings:export`): the published
 * version of every mapping (or its draft with `drafts`) and every lookup table. Files whose content
 * is already the same are left untouched, so formatting edits made by hand survive.
 */
import { lookupContentHash, listLookupTables } from '../lookups/lookupTables';
import type { AppServices } from '../services';
import { contentHash } from './mappingIdentity';
import { readExistingMappingFile, readLookupFiles, writeLookupFile, writeMappingFiles } from './mappingFiles';
import { contentOf } from './publishVersion';
import { findPublishedVersion, listMappings } from './queries';
import type { MappingContent } from './types';

export interface ExportSummary {
  written: string[];
  unchanged: string[];
  skipped: Array<{ mapping: string; reason: string }>;
}

/** Exports mappings and lookup tables to `dir`; published versions unless `drafts`. */
export async function exportMappingsToFiles(services: Pick<AppServices, 'store'>, input: { dir: string; drafts: boolean }): Promise<ExportSummary> {
  const summary: ExportSummary = { written: [], unchanged: [], skipped: [] };
  for (const mapping of await listMappings(services, {})) {
    const label = `${mapping.direction} ${mapping.source}/${mapping.domain}`;
    let content: MappingContent | null = null;
    if (input.drafts) content = mapping.draft ? contentOf(mapping.draft) : null;
    else {
      const published = await findPublishedVersion(services, mapping);
      content = published ? contentOf(published) : null;
    }
    if (!content) {
      summary.skipped.push({ mapping: label, reason: input.drafts ? 'it has no draft' : 'it was never published (use --drafts to export drafts)' });
      continue;
    }
    const existing = await readExistingMappingFile(input.dir, mapping);
    if (existing && 'content' in existing && contentHash(existing.content) === contentHash(content)) {
      summary.unchanged.push(existing.label);
      continue;
    }
    summary.written.push(...(await writeMappingFiles(input.dir, mapping, content)));
  }
  const existingLookups = new Map((await readLookupFiles(input.dir)).map((file) => [file.name, file]));
  for (const table of await listLookupTables(services)) {
    const file = existingLookups.get(table._id);
    if (file && 'entries' in file && lookupContentHash(file) === table.contentHash) {
      summary.unchanged.push(file.label);
      continue;
    }
    summary.written.push(await writeLookupFile(input.dir, { name: table._id, description: table.description, entries: table.entries }));
  }
  return summary;
}
