/** Keys, content hashes and cache keys of mappings: the small pure helpers every use case shares. */
import { createHash } from 'node:crypto';
import { stableStringify } from '../stableJson';
import type { MappingContent, MappingDirection } from './types';

export interface MappingKey {
  source: string;
  domain: string;
  direction: MappingDirection;
}

/** The head document's `_id`. */
export function mappingId(key: MappingKey): string {
  return `${key.direction}|${key.source}|${key.domain}`;
}

/** An immutable version's `_id`. */
export function versionId(id: string, version: number): string {
  return `${id}|v${version}`;
}

/** JSON with object keys sorted at every level, so equal content always hashes the same (iterative: any depth). */
export { stableStringify };

/** Whether two JSON values are equal (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** Hash of what a mapping says; a changed hash means a changed mapping. */
export function contentHash(content: MappingContent): string {
  // `format` joins the hash only when set, so mappings without one keep the hashes they always had.
  const canonical = stableStringify({ expression: content.expression, description: content.description, samples: content.samples, tests: content.tests, ...(content.format ? { format: content.format } : {}) });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Trailing whitespace is not meaning: dropping it keeps a file (which ends with a newline) and the
 * same text saved through the API from looking like two different versions.
 */
export function normalizeExpression(expression: string): string {
  return expression.replace(/\s+$/, '');
}

/** The runtime's compiled-expression cache key for a published version. */
export function publishedCacheKey(options: { id: string; version: number; hash: string }): string {
  return `mapping:${options.id}@v${options.version}:${options.hash.slice(0, 16)}`;
}

/** A cache key for expressions that are not published (drafts, previews): keyed by the text itself. */
export function adHocCacheKey(expression: string): string {
  return `adhoc:${createHash('sha256').update(expression).digest('hex').slice(0, 32)}`;
}
