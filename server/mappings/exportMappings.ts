/**
 * Writes mappings and lookup tables back to the mappings folder (`npm run mappings:export`): the
 * published version of every mapping (or its draft with `drafts`) and every lookup table. Files whose
 * content is already the same are left untouched, so formatting edits made by hand survive. What to
 * export comes from an ExportSource: the store itself, or a running server's API (`exportSources.ts`).
 */
import { lookupContentHash } from '../lookups/lookupTables';
import { contentHash, type MappingKey } from './mappingIdentity';
import { readExistingMappingFile, readLookupFiles, writeLookupFile, writeMappingFiles } from './mappingFiles';
import type { MappingContent } from './types';

export interface ExportableMapping {
  key: MappingKey;
  published: MappingContent | null;
  draft: MappingContent | null;
}

export interface ExportableLookupTable {
  name: string;
  description: string;
  entries: Record<string, unknown>;
}

/** Where exported mappings come from. */
export interface ExportSource {
  /** For the summary line: the store or the server URL. */
  description: string;
  mappings(): Promise<ExportableMapping[]>;
  lookupTables(): Promise<ExportableLookupTable[]>;
}

export interface ExportSummary {
  written: string[];
  unchanged: string[];
  skipped: Array<{ mapping: string; reason: string }>;
}

/** Exports mappings and lookup tables to `dir`; published versions unless `drafts`. */
export async function exportMappingsToFiles(source: ExportSource, input: { dir: string; drafts: boolean }): Promise<ExportSummary> {
  const summary: ExportSummary = { written: [], unchanged: [], skipped: [] };
  for (const mapping of await source.mappings()) {
    const label = `${mapping.key.direction} ${mapping.key.source}/${mapping.key.domain}`;
    const content = input.drafts ? mapping.draft : mapping.published;
    if (!content) {
      summary.skipped.push({ mapping: label, reason: input.drafts ? 'it has no draft' : 'it was never published (use --drafts to export drafts)' });
      continue;
    }
    const existing = await readExistingMappingFile(input.dir, mapping.key);
    if (existing && 'content' in existing && contentHash(existing.content) === contentHash(content)) {
      summary.unchanged.push(existing.label);
      continue;
    }
    summary.written.push(...(await writeMappingFiles(input.dir, mapping.key, content)));
  }
  const existingLookups = new Map((await readLookupFiles(input.dir)).map((file) => [file.name, file]));
  for (const table of await source.lookupTables()) {
    const file = existingLookups.get(table.name);
    if (file && 'entries' in file && lookupContentHash(file) === lookupContentHash(table)) {
      summary.unchanged.push(file.label);
      continue;
    }
    summary.written.push(await writeLookupFile(input.dir, table));
  }
  return summary;
}
