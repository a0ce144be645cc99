/**
 * The one write path for published versions (API publish, rollback, files): appends an immutable
 * version, points the head document at it, moves a clean draft along, and audits — in one transaction.
 */
import { recordAudit } from '../audit/auditLog';
import { ConflictError } from '../errors';
import { referencedLookupTables } from '../mapping-runtime';
import type { AppServices } from '../services';
import { DuplicateKeyError } from '../store/types';
import { canonicalSchemaVersion } from './evaluation';
import { contentHash, publishedCacheKey, versionId } from './mappingIdentity';
import { mappingsCollection, versionsCollection } from './queries';
import type { MappingAuthor, MappingContent, MappingDocument, MappingVersionDocument, VersionOrigin } from './types';

export interface PublishVersionInput {
  /** The head document as read before the tests ran; the write refuses if it changed since. */
  mapping: MappingDocument;
  content: MappingContent;
  origin: VersionOrigin;
  rolledBackFrom?: number;
  testSummary: { total: number; passed: number };
  note?: string;
  author: MappingAuthor;
  /** Extra fields for the head document (file sync state). */
  headExtras?: Partial<Pick<MappingDocument, 'files'>>;
}

function concurrentChange(mapping: MappingDocument): ConflictError {
  return new ConflictError('CONCURRENT_CHANGE', `Mapping ${mapping.source}/${mapping.domain} changed while it was being published; reload it and try again.`, {
    current: { publishedVersion: mapping.published?.version ?? null, draftRevision: mapping.draft?.revision ?? null },
  });
}

/** Appends version n+1 with `content` and makes it the published one. */
export async function publishVersion(services: Pick<AppServices, 'store'>, input: PublishVersionInput): Promise<MappingVersionDocument> {
  const { mapping, content } = input;
  const now = new Date().toISOString();
  const hash = contentHash(content);
  const version = (mapping.published?.version ?? 0) + 1;
  const lookupTables = referencedLookupTables(content.expression);
  const document: MappingVersionDocument = {
    _id: versionId(mapping._id, version),
    mappingId: mapping._id,
    source: mapping.source,
    domain: mapping.domain,
    direction: mapping.direction,
    version,
    ...content,
    contentHash: hash,
    lookupTables,
    origin: input.origin,
    ...(input.rolledBackFrom !== undefined ? { rolledBackFrom: input.rolledBackFrom } : {}),
    schemaVersion: canonicalSchemaVersion(mapping),
    testSummary: input.testSummary,
    ...(input.note ? { note: input.note } : {}),
    author: input.author,
    createdAt: now,
  };
  const published = { version, expression: content.expression, contentHash: hash, cacheKey: publishedCacheKey({ id: mapping._id, version, hash }), lookupTables, ...(content.format ? { format: content.format } : {}), publishedAt: now, publishedBy: input.author };
  // A draft nobody has touched since the last publish follows rollbacks and files; unpublished work is kept.
  const isDraftClean = !mapping.draft || (mapping.published !== null && mapping.draft.contentHash === mapping.published.contentHash);
  const shouldMoveDraft = input.origin !== 'api' && isDraftClean && mapping.draft?.contentHash !== hash;
  const draft = shouldMoveDraft
    ? { ...content, revision: (mapping.draft?.revision ?? 0) + 1, contentHash: hash, updatedAt: now, updatedBy: input.author }
    : mapping.draft;
  try {
    await services.store.withTransaction(async (session) => {
      const current = await mappingsCollection(services).findOne({ _id: mapping._id }, { session });
      const isUnchanged = current !== null && (current.published?.version ?? 0) === (mapping.published?.version ?? 0) && (current.draft?.revision ?? 0) === (mapping.draft?.revision ?? 0);
      if (!isUnchanged) throw concurrentChange(current ?? mapping);
      await versionsCollection(services).insertOne(document, { session });
      // Conditional on the published version read above, for MongoDB deployments without transactions.
      const guard = { _id: mapping._id, 'published.version': current.published?.version ?? null };
      const written = await mappingsCollection(services).replaceOne(guard, { ...current, ...input.headExtras, draft, published, updatedAt: now }, { session });
      if (written.matchedCount === 0) throw concurrentChange(current);
      await recordAudit({
        store: services.store,
        session,
        actor: input.author,
        action: input.origin === 'rollback' ? 'mapping.rollback' : 'mapping.publish',
        target: { type: 'mapping', id: mapping._id, domain: mapping.domain },
        before: mapping.published ? { version: mapping.published.version, contentHash: mapping.published.contentHash } : undefined,
        after: { version, contentHash: hash, origin: input.origin, rolledBackFrom: input.rolledBackFrom, testSummary: input.testSummary, draftMoved: shouldMoveDraft },
        reason: input.note,
      });
    });
  } catch (error) {
    // Two publishers raced for the same version number; the unique index let exactly one win.
    if (error instanceof DuplicateKeyError) throw concurrentChange(mapping);
    throw error;
  }
  return document;
}

/** Content of a version or draft, without metadata. */
export function contentOf(source: MappingContent): MappingContent {
  return { expression: source.expression, description: source.description, samples: source.samples, tests: source.tests, ...(source.format ? { format: source.format } : {}) };
}
