/**
 * Loads the demo seed (`seed/manifest.json`: `[{ source, domain, file, contentType }]`) through the
 * real ingest use case — parsing, published mappings, validation, standardisation, matching — exactly
 * as a client sending those files would. Used by `npm run seed` and on the first start of an empty store.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_RECORDS } from '../golden';
import type { AppServices } from '../services';
import { ingestItems, prepareIngest } from './ingestRecords';
import { readBodyItems } from './recordReader';
import { decodeBody, resolveFormat } from './sourceFormat';
import type { IngestTotals } from './types';
import { INGEST_EXCEPTIONS } from '../exceptions/collections';

/** The repository's `seed/` folder. */
export const DEFAULT_SEED_DIRECTORY = fileURLToPath(new URL('../../seed/', import.meta.url));

/** The actor recorded for seeded records. */
export const SEED_ACTOR = { keyId: 'seed', name: 'seed loader', role: 'system' };

interface ManifestEntry {
  source: string;
  domain: string;
  file: string;
  contentType: string;
}

export interface SeedFileSummary extends ManifestEntry {
  totals?: IngestTotals;
  /** Why the file was not loaded (no published mapping, unreadable file). */
  problem?: string;
}

function isManifestEntry(value: unknown): value is ManifestEntry {
  const entry = value as Partial<ManifestEntry> | null;
  return (
    typeof entry?.source === 'string' &&
    typeof entry.domain === 'string' &&
    typeof entry.file === 'string' &&
    typeof entry.contentType === 'string'
  );
}

/** Ingests every manifest entry in order; a file that cannot be loaded is reported and the rest go on. */
export async function loadSeed(services: AppServices, options: { directory?: string } = {}): Promise<SeedFileSummary[]> {
  const directory = options.directory ?? DEFAULT_SEED_DIRECTORY;
  const manifest: unknown = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8'));
  if (!Array.isArray(manifest) || !manifest.every(isManifestEntry))
    throw new Error(`${join(directory, 'manifest.json')} should be a list of { source, domain, file, contentType }`);
  const summaries: SeedFileSummary[] = [];
  for (const entry of manifest) {
    try {
      const bytes = await readFile(join(directory, entry.file));
      const context = await prepareIngest(services, {
        source: entry.source,
        domain: entry.domain,
        actor: SEED_ACTOR,
        origin: { requestId: `seed:${entry.file}` },
      });
      // The same resolution as a request with this Content-Type: the mapping's format options apply.
      const { entry: format, options } = resolveFormat({ contentTypeHeader: entry.contentType, mappingFormat: context.mapping.format });
      const text = decodeBody(bytes, options, `seed file ${entry.file}`);
      const run = await ingestItems(context, {
        items: readBodyItems({ format: format.format, text, maxDepth: services.config.limits.maxJsonDepth, options }),
        collectResults: false,
      });
      summaries.push({ ...entry, totals: run.totals });
      services.logger.info('seed file loaded', { file: entry.file, source: entry.source, domain: entry.domain, ...run.totals });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      summaries.push({ ...entry, problem });
      services.logger.error('seed file not loaded', { file: entry.file, source: entry.source, domain: entry.domain, problem });
    }
  }
  return summaries;
}

/** Whether nothing was ever ingested (no source records and no exceptions). */
export async function isStoreEmpty(services: Pick<AppServices, 'store'>): Promise<boolean> {
  const [records, exceptions] = await Promise.all([
    services.store.collection(SOURCE_RECORDS).findOne({}, { projection: { _id: 1 } }),
    services.store.collection(INGEST_EXCEPTIONS).findOne({}, { projection: { _id: 1 } }),
  ]);
  return records === null && exceptions === null;
}

/** Seeds an empty store (first start); logs what was loaded and the totals. */
export async function seedIfEmpty(services: AppServices): Promise<SeedFileSummary[] | null> {
  if (!(await isStoreEmpty(services))) return null;
  services.logger.info('empty store: loading the demo seed (set MDM_SEED=false to skip)');
  const summaries = await loadSeed(services);
  const totals = summaries.reduce(
    (sum, file) => ({
      received: sum.received + (file.totals?.received ?? 0),
      accepted: sum.accepted + (file.totals?.accepted ?? 0),
      unchanged: sum.unchanged + (file.totals?.unchanged ?? 0),
      exceptions: sum.exceptions + (file.totals?.exceptions ?? 0),
    }),
    { received: 0, accepted: 0, unchanged: 0, exceptions: 0 },
  );
  services.logger.info('demo seed loaded', {
    files: summaries.length,
    filesNotLoaded: summaries.filter((file) => file.problem).length,
    ...totals,
  });
  return summaries;
}
