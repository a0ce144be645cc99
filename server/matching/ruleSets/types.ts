/**
 * Stored shapes of matching rule sets, versioned like mappings: one head document per domain
 * (`matchRuleSets`, `_id` = domain) with the editable draft and a pointer to the published version,
 * and one immutable document per published version (`matchRuleSetVersions`).
 */
import type { RuleSet } from '../types';

export const MATCH_RULE_SETS = 'matchRuleSets';
export const MATCH_RULE_SET_VERSIONS = 'matchRuleSetVersions';
/** Alias tables use the same shapes (key in `domain`, table in `rules`): see versionedKind.ts. */
export const MATCH_ALIAS_TABLES = 'matchAliasTables';
export const MATCH_ALIAS_TABLE_VERSIONS = 'matchAliasTableVersions';

export interface RuleSetAuthor {
  keyId: string;
  name: string;
  role: string;
}

/** The author of versions loaded from `matching-rules/` at start-up. */
export const FILES_AUTHOR: RuleSetAuthor = { keyId: 'files', name: 'files', role: 'system' };

export interface RuleSetDraft {
  rules: RuleSet;
  /** Increments on every save; a PUT may send the revision it read (409 when stale). */
  revision: number;
  contentHash: string;
  updatedAt: string;
  updatedBy: RuleSetAuthor;
}

export interface PublishedRuleSetPointer {
  /** 1, 2, 3… in publish order. */
  number: number;
  /** The rule set's own `version` string, recorded in every explanation and match-index entry. */
  rulesVersion: string;
  contentHash: string;
  publishedAt: string;
  publishedBy: RuleSetAuthor;
}

export interface AliasPointer {
  number: number;
  contentHash: string;
}

export interface RuleSetDocument {
  _id: string;
  domain: string;
  draft: RuleSetDraft | null;
  published: PublishedRuleSetPointer | null;
  /** Hash of `matching-rules/<domain>.json` at the last start-up, so an unchanged file never undoes API work. */
  fileHash?: string;
  /**
   * Rule-set heads only: the published pointer of every alias table, kept in step by every table
   * publish, so `publishedRules` learns which tables are in force from the one read it makes anyway.
   */
  aliasPointers?: Record<string, AliasPointer>;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

export type RuleSetOrigin = 'api' | 'files' | 'rollback';

export interface RuleSetVersionDocument {
  /** `${domain}|v${number}` */
  _id: string;
  domain: string;
  number: number;
  rulesVersion: string;
  rules: RuleSet;
  contentHash: string;
  origin: RuleSetOrigin;
  rolledBackFrom?: number;
  note?: string;
  author: RuleSetAuthor;
  createdAt: string;
  [key: string]: unknown;
}
