/**
 * Alias tables as versioned data: the same draft / publish / rollback commands, queries and
 * start-up loading as rule sets (server/matching/ruleSets/), with this kind descriptor. A table
 * publish takes effect on the next match: `publishedRules` compiles rules with the published tables
 * (cached by content hash).
 */
import type { Logger } from '../../logger';
import type { Store } from '../../store/types';
import { ALIASES_DIRECTORY, validateAliasTable, type AliasTable } from '../aliases';
import { joinPath, publishRules, rollbackRules, saveDraft } from '../ruleSets/commands';
import { loadRuleFiles, type RuleFilesSummary } from '../ruleSets/loadRuleFiles';
import {
  MATCH_ALIAS_TABLES,
  MATCH_ALIAS_TABLE_VERSIONS,
  type RuleSetAuthor,
  type RuleSetDocument,
  type RuleSetVersionDocument,
} from '../ruleSets/types';
import type { VersionedKind } from '../ruleSets/versionedKind';

export const ALIAS_TABLES: VersionedKind = {
  heads: MATCH_ALIAS_TABLES,
  versions: MATCH_ALIAS_TABLE_VERSIONS,
  auditType: 'matchAliasTables',
  describe: (table) => `alias table "${table}"`,
  problems: async ({ key, content, rootPath }) => {
    const problems = validateAliasTable(content).map((problem) => ({ ...problem, path: joinPath(rootPath, problem.path) }));
    const named = (content as { table?: unknown } | null)?.table;
    if (problems.length === 0 && named !== key) {
      problems.push({
        path: `${rootPath}.table`,
        code: 'TABLE_MISMATCH',
        message: `${rootPath}.table is "${String(named)}" but the table is saved as "${key}"`,
      });
    }
    return problems;
  },
  versionOf: (content) => (content as AliasTable).version,
  versionPath: 'table.version',
};

type Services = { store: Store };

/** Saves the draft of an alias table (a new name creates the table). */
export function saveAliasTableDraft(
  services: Services,
  input: { table: string; content: unknown; expectedRevision?: number; actor: RuleSetAuthor },
): Promise<{ ruleSet: RuleSetDocument; isCreated: boolean }> {
  return saveDraft(services, ALIAS_TABLES, {
    key: input.table,
    content: input.content,
    expectedRevision: input.expectedRevision,
    actor: input.actor,
    rootPath: 'body.table',
  });
}

/** Publishes the draft of an alias table as its next version. */
export function publishAliasTable(
  services: Services,
  input: { table: string; actor: RuleSetAuthor; note?: string; expectedRevision?: number },
): Promise<{ version: RuleSetVersionDocument; isNew: boolean }> {
  return publishRules(services, {
    domain: input.table,
    actor: input.actor,
    note: input.note,
    expectedRevision: input.expectedRevision,
    kind: ALIAS_TABLES,
  });
}

/** Publishes an earlier version of an alias table again. */
export function rollbackAliasTable(
  services: Services,
  input: { table: string; number: number; actor: RuleSetAuthor; reason?: string },
): Promise<RuleSetVersionDocument> {
  return rollbackRules(services, {
    domain: input.table,
    number: input.number,
    actor: input.actor,
    reason: input.reason,
    kind: ALIAS_TABLES,
  });
}

/** Loads `matching-rules/aliases/*.json` into the store at start-up (as rule files are). */
export function loadAliasTableFiles(
  services: { store: Store; logger: Logger },
  options: { directory?: string } = {},
): Promise<RuleFilesSummary> {
  return loadRuleFiles(services, {
    directory: options.directory ?? ALIASES_DIRECTORY,
    kind: ALIAS_TABLES,
    schemaFile: 'aliases.schema.json',
    folder: 'matching-rules/aliases/',
  });
}
