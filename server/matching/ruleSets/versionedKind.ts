/**
 * What differs between the kinds of matching configuration kept as versioned data — rule sets (one
 * per domain) and alias tables (one per table name). The draft / publish / rollback commands, the
 * queries and start-up loading from files are shared (ruleSets/commands.ts, queries.ts); a kind names
 * its collections, audit actions, how its content is validated and where its version string is.
 *
 * Stored documents keep one shape for every kind (ruleSets/types.ts): the key (a domain, or a table
 * name) is in `domain`, the content in `rules`, its version string in `rulesVersion`.
 */
import type { ErrorDetail } from '../../errors';
import type { Store } from '../../store/types';

export interface VersionedKind {
  /** Collection of head documents (draft + published pointer), `_id` = key. */
  heads: string;
  /** Collection of immutable published versions, `_id` = `${key}|v${n}`. */
  versions: string;
  /** Audit action prefix and target type (`matchRules`, `matchAliasTables`). */
  auditType: string;
  /** How messages name one item of this kind: `matching rules of "item"`, `alias table "noiseWords"`. */
  describe(key: string): string;
  /** Problems of `content` saved under `key`, paths under `rootPath`. */
  problems(args: { store: Store; key: string; content: unknown; rootPath: string }): Promise<ErrorDetail[]>;
  /** The content's own version string (names one content forever). */
  versionOf(content: unknown): string;
  /** Field path of the version string inside the content, for RULES_VERSION_REUSED. */
  versionPath: string;
}
