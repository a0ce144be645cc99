/**
 * Mappings as code, loaded at start-up: lookup tables first (mapping tests use them), then every
 * mapping file. A file whose content differs from the published version AND from what the previous
 * start-up loaded becomes a new published version (author `files`) once its tests pass. A file
 * unchanged since the previous start-up never undoes a version published through the API (export
 * that one with `npm run mappings:export`). Problems are logged; the server always starts.
 */
import { recordAudit } from '../audit/auditLog';
import { lookupContentHash, saveLookupTable } from '../lookups/lookupTables';
import { LOOKUP_TABLES_COLLECTION } from '../lookups/collections';
import type { LookupTableDocument } from '../lookups/types';
import type { Logger } from '../logger';
import { listDomains } from '../schemas/canonicalSchemas';
import type { AppServices } from '../services';
import { adHocCacheKey, contentHash, mappingId } from './mappingIdentity';
import { readLookupFiles, readMappingFiles, type MappingFile } from './mappingFiles';
import { publishVersion } from './publishVersion';
import { findMapping, mappingsCollection } from './queries';
import { runMappingTests } from './testRunner';
import { FILES_AUTHOR, type FileSyncState, type MappingContent, type MappingDocument } from './types';

type Services = Pick<AppServices, 'store' | 'mappingRuntime' | 'logger' | 'config'>;

export interface FileLoadSummary {
  published: string[];
  inSync: string[];
  keptApiVersion: string[];
  refused: Array<{ file: string; problem: string }>;
  lookupsSaved: string[];
}

async function loadLookupFiles(services: Services, dir: string, summary: FileLoadSummary, logger: Logger): Promise<void> {
  const tables = services.store.collection<LookupTableDocument>(LOOKUP_TABLES_COLLECTION);
  for (const file of await readLookupFiles(dir)) {
    if ('problem' in file) {
      summary.refused.push({ file: file.label, problem: file.problem });
      logger.error('lookup table file not loaded', { file: file.label, problem: file.problem });
      continue;
    }
    const fileHash = lookupContentHash(file);
    const current = await tables.findOne({ _id: file.name });
    if (current && current.fileHash === fileHash && current.contentHash !== fileHash) {
      summary.keptApiVersion.push(file.label);
      logger.info('lookup table file unchanged since the last start; keeping the version edited through the API', { file: file.label, revision: current.revision });
      continue;
    }
    const result = await saveLookupTable(services, { name: file.name, description: file.description, entries: file.entries, actor: FILES_AUTHOR, origin: 'files', fileHash });
    if (result.isChanged) summary.lookupsSaved.push(file.label);
    else summary.inSync.push(file.label);
  }
}

async function recordFileState(services: Services, id: string, files: FileSyncState): Promise<void> {
  await mappingsCollection(services).updateOne({ _id: id }, { $set: { files } });
}

/** A mapping seen for the first time in a file gets a head document whose draft is the file. */
async function createHeadFromFile(services: Services, file: MappingFile & { content: MappingContent }, files: FileSyncState): Promise<MappingDocument> {
  const now = new Date().toISOString();
  const id = mappingId(file.key);
  const mapping: MappingDocument = {
    _id: id,
    ...file.key,
    draft: { ...file.content, revision: 1, contentHash: contentHash(file.content), updatedAt: now, updatedBy: FILES_AUTHOR },
    published: null,
    files,
    createdAt: now,
    updatedAt: now,
  };
  await services.store.withTransaction(async (session) => {
    await mappingsCollection(services).insertOne(mapping, { session });
    await recordAudit({ store: services.store, session, actor: FILES_AUTHOR, action: 'mapping.create', target: { type: 'mapping', id, domain: file.key.domain }, after: { revision: 1, ...file.content } });
  });
  return mapping;
}

async function loadMappingFile(services: Services, file: MappingFile, summary: FileLoadSummary, logger: Logger): Promise<void> {
  if ('problem' in file) {
    summary.refused.push({ file: file.label, problem: file.problem });
    logger.error('mapping file not loaded', { file: file.label, problem: file.problem });
    return;
  }
  if (!listDomains().includes(file.key.domain)) {
    const problem = `domain "${file.key.domain}" has no canonical schema (known: ${listDomains().join(', ')})`;
    summary.refused.push({ file: file.label, problem });
    logger.error('mapping file not loaded', { file: file.label, problem });
    return;
  }
  const hash = contentHash(file.content);
  const now = new Date().toISOString();
  const existing = await findMapping(services, file.key);
  if (existing?.published?.contentHash === hash) {
    summary.inSync.push(file.label);
    if (existing.files?.contentHash !== hash || existing.files.outcome !== 'in-sync') await recordFileState(services, existing._id, { contentHash: hash, loadedAt: now, outcome: 'in-sync' });
    return;
  }
  if (existing?.files?.contentHash === hash && existing.files.outcome !== 'refused' && existing.published) {
    summary.keptApiVersion.push(file.label);
    if (existing.files.outcome !== 'kept-api-version') await recordFileState(services, existing._id, { contentHash: hash, loadedAt: now, outcome: 'kept-api-version' });
    logger.warn('mapping file unchanged since the last start; keeping the version published through the API (run npm run mappings:export to write it to the file)', {
      file: file.label,
      publishedVersion: existing.published.version,
    });
    return;
  }
  const report = await runMappingTests(services, { expression: file.content.expression, tests: file.content.tests, cacheKey: adHocCacheKey(file.content.expression), domain: file.key.domain, direction: file.key.direction, lane: 'ingest' });
  if (report.syntaxError || !report.isPassing) {
    const problem = report.syntaxError
      ? `${report.syntaxError.code === 'MAPPING_SYNTAX_ERROR' ? 'syntax error' : report.syntaxError.code}${report.syntaxError.position !== undefined ? ` at character ${report.syntaxError.position}` : ''}: ${report.syntaxError.message}`
      : `${report.failed} of ${report.total} tests failed: ${report.cases.filter((result) => !result.passed).map((result) => `"${result.name}": ${result.message}`).join('; ')}`;
    const files: FileSyncState = { contentHash: hash, loadedAt: now, outcome: 'refused', problem };
    summary.refused.push({ file: file.label, problem });
    logger.error('mapping file NOT published: its tests do not pass', { file: file.label, problem, publishedVersion: existing?.published?.version ?? null });
    if (existing) await recordFileState(services, existing._id, files);
    else await createHeadFromFile(services, file, files);
    return;
  }
  const mapping = existing ?? (await createHeadFromFile(services, file, { contentHash: hash, loadedAt: now, outcome: 'published' }));
  const version = await publishVersion(services, {
    mapping,
    content: file.content,
    origin: 'files',
    testSummary: { total: report.total, passed: report.passed },
    note: `Loaded from ${file.label}`,
    author: FILES_AUTHOR,
    headExtras: { files: { contentHash: hash, loadedAt: now, outcome: 'published' } },
  });
  summary.published.push(file.label);
  logger.info('mapping file published', { file: file.label, version: version.version, tests: report.total });
}

/** Loads `config.mappingsDir` into the store; logs and returns what happened, never throws. */
export async function loadMappingsAsCode(services: Services, options: { dir?: string } = {}): Promise<FileLoadSummary> {
  const dir = options.dir ?? services.config.mappingsDir;
  const logger = services.logger.child({ component: 'mappings-as-code', dir });
  const summary: FileLoadSummary = { published: [], inSync: [], keptApiVersion: [], refused: [], lookupsSaved: [] };
  try {
    await loadLookupFiles(services, dir, summary, logger);
    for (const file of await readMappingFiles(dir)) {
      try {
        await loadMappingFile(services, file, summary, logger);
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        summary.refused.push({ file: file.label, problem });
        logger.error('mapping file could not be loaded', { file: file.label, problem });
      }
    }
  } catch (error) {
    logger.error('mappings folder could not be read', { problem: error instanceof Error ? error.message : String(error) });
  }
  logger.info('mappings as code loaded', {
    published: summary.published.length,
    inSync: summary.inSync.length,
    keptApiVersion: summary.keptApiVersion.length,
    refused: summary.refused.length,
    lookupTablesSaved: summary.lookupsSaved.length,
  });
  return summary;
}
