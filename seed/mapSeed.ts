/**
 * Mappings as code and the seed mapped through the real runtime: used by the seed tests, the
 * matching baseline and anyone who needs canonical seed records without the HTTP ingest path.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MappingRuntime, RecordOutcome } from '../server/mapping-runtime';
import type { ManifestEntry, SeedFileRecords } from './loadSeed';
import { readSeedFile, readSeedManifest } from './loadSeed';

export const MAPPINGS_DIRECTORY = fileURLToPath(new URL('../mappings/', import.meta.url));

export type MappingTest = { name: string; input: unknown; output: unknown } | { name: string; input: unknown; error: string };

export interface MappingFile {
  source: string;
  domain: string;
  expression: string;
  description: string;
  samples: unknown[];
  tests: MappingTest[];
}

/** Every `mappings/<source>/<domain>.jsonata` with its sibling `.json`. */
export function readMappingFiles(): MappingFile[] {
  const files: MappingFile[] = [];
  for (const source of readdirSync(MAPPINGS_DIRECTORY, { withFileTypes: true })) {
    if (!source.isDirectory() || source.name === 'lookups') continue;
    for (const file of readdirSync(join(MAPPINGS_DIRECTORY, source.name))) {
      // Outbound mappings (golden record → target) are not seed mappings; test/sync tests them.
      if (!file.endsWith('.jsonata') || file.endsWith('.outbound.jsonata')) continue;
      const domain = file.replace(/\.jsonata$/, '');
      const sidecar = join(MAPPINGS_DIRECTORY, source.name, `${domain}.json`);
      const meta = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Omit<MappingFile, 'source' | 'domain' | 'expression'>) : { description: '', samples: [], tests: [] };
      files.push({ source: source.name, domain, expression: readFileSync(join(MAPPINGS_DIRECTORY, source.name, file), 'utf8'), ...meta });
    }
  }
  return files.sort((a, b) => `${a.source}/${a.domain}`.localeCompare(`${b.source}/${b.domain}`));
}

/** Lookup tables as the runtime takes them: name → entries. */
export function readLookupTables(): { tables: Record<string, Record<string, unknown>>; files: Array<{ name: string; content: unknown }> } {
  const directory = join(MAPPINGS_DIRECTORY, 'lookups');
  const files = readdirSync(directory).filter((file) => file.endsWith('.json')).map((file) => ({
    name: file.replace(/\.json$/, ''),
    content: JSON.parse(readFileSync(join(directory, file), 'utf8')) as unknown,
  }));
  const tables: Record<string, Record<string, unknown>> = {};
  for (const file of files) tables[file.name] = (file.content as { entries: Record<string, unknown> }).entries;
  return { tables, files };
}

export interface MappedSeedFile extends SeedFileRecords {
  outcomes: RecordOutcome[];
}

/** Reads every manifest file and maps each record through its source × domain mapping. */
export async function mapWholeSeed(input: { runtime: MappingRuntime; mappings: MappingFile[]; lookups: Record<string, Record<string, unknown>> }): Promise<MappedSeedFile[]> {
  const mapped: MappedSeedFile[] = [];
  for (const entry of readSeedManifest()) {
    const mapping = mappingFor(input.mappings, entry);
    const file = readSeedFile(entry);
    const outcomes = await input.runtime.evaluateBatch({ cacheKey: `seed:${entry.source}/${entry.domain}`, expression: mapping.expression, records: file.records, lookups: input.lookups });
    mapped.push({ ...file, outcomes });
  }
  return mapped;
}

/** The mapping a manifest entry is loaded with. */
export function mappingFor(mappings: MappingFile[], entry: Pick<ManifestEntry, 'source' | 'domain'>): MappingFile {
  const mapping = mappings.find((candidate) => candidate.source === entry.source && candidate.domain === entry.domain);
  if (!mapping) throw new Error(`no mapping for ${entry.source}/${entry.domain}`);
  return mapping;
}
