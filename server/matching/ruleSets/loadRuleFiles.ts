/**
 * Rules as code: at start-up every `matching-rules/<domain>.json` is compared with the store. A
 * file seen for the first time becomes version 1; a file whose content changed since the previous
 * start-up becomes the next version; a file unchanged since the previous start-up never undoes a
 * version published through the API. Problems are logged, never fatal.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../logger';
import type { Store } from '../../store/types';
import type { RuleSet } from '../types';
import { publishRuleSetVersion, RULE_SETS } from './commands';
import { findRuleSet, ruleSetHash } from './queries';
import { FILES_AUTHOR } from './types';
import type { VersionedKind } from './versionedKind';

const RULES_DIRECTORY = fileURLToPath(new URL('../../../matching-rules/', import.meta.url));

export interface RuleFilesSummary {
  published: string[];
  inSync: string[];
  keptApiVersion: string[];
  refused: Array<{ file: string; problem: string }>;
}

/**
 * Loads `matching-rules/*.json` (except the schema) into the store as published versions; with
 * `kind` another versioned kind from its own folder (alias tables: `matching-rules/aliases/`).
 */
export async function loadRuleFiles(
  services: { store: Store; logger: Logger },
  options: { directory?: string; kind?: VersionedKind; schemaFile?: string; /** Folder named in version notes. */ folder?: string } = {},
): Promise<RuleFilesSummary> {
  const directory = options.directory ?? RULES_DIRECTORY;
  const kind = options.kind ?? RULE_SETS;
  const schemaFile = options.schemaFile ?? 'rules.schema.json';
  const summary: RuleFilesSummary = { published: [], inSync: [], keptApiVersion: [], refused: [] };
  const logger = services.logger.child({ component: 'matching-rules-as-code' });
  let files: string[];
  try {
    files = (await readdir(directory)).filter((name) => name.endsWith('.json') && name !== schemaFile).sort();
  } catch (error) {
    logger.error('matching-rules folder could not be read', { problem: error instanceof Error ? error.message : String(error) });
    return summary;
  }
  for (const file of files) {
    const domain = file.slice(0, -'.json'.length);
    try {
      const rules: unknown = JSON.parse(await readFile(`${directory}${directory.endsWith('/') ? '' : '/'}${file}`, 'utf8'));
      const problems = await kind.problems({ store: services.store, key: domain, content: rules, rootPath: file });
      if (problems.length > 0) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      const hash = ruleSetHash(rules as RuleSet);
      const head = await findRuleSet({ store: services.store, domain, collection: kind.heads });
      if (head?.published?.contentHash === hash) {
        summary.inSync.push(file);
        if (head.fileHash !== hash) await services.store.collection(kind.heads).updateOne({ _id: domain }, { $set: { fileHash: hash } });
        continue;
      }
      if (head?.published && head.fileHash === hash) {
        summary.keptApiVersion.push(file);
        logger.warn('rules file unchanged since the last start; keeping the version published through the API', {
          file,
          publishedNumber: head.published.number,
        });
        continue;
      }
      const version = await publishRuleSetVersion(services, {
        domain,
        rules: rules as RuleSet,
        origin: 'files',
        actor: FILES_AUTHOR,
        note: `Loaded from ${options.folder ?? 'matching-rules/'}${file}`,
        fileHash: hash,
        kind,
      });
      summary.published.push(file);
      logger.info('rules file published', { file, number: version.number, rulesVersion: version.rulesVersion });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      summary.refused.push({ file, problem });
      logger.error('rules file not loaded', { file, problem });
    }
  }
  return summary;
}
