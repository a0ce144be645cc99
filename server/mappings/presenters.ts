/** What leaves the server about mappings and their versions (never the stored documents as they are). */
import type { MappingSummaryView, MappingVersionSummaryView, MappingVersionView, MappingView, MappingTestCaseView } from '../contracts/mappings';
import { checkSyntax, referencedLookupTables, type MappingErrorInfo } from '../mapping-runtime';
import type { MappingDocument, MappingTestCase, MappingVersionDocument } from './types';

type DraftState = MappingSummaryView['draftState'];

/** How the draft relates to the published version. */
export function draftStateOf(mapping: MappingDocument): DraftState {
  if (!mapping.draft) return 'none';
  if (!mapping.published) return 'unpublished';
  return mapping.draft.contentHash === mapping.published.contentHash ? 'same-as-published' : 'modified';
}

function presentTests(tests: MappingTestCase[]): MappingTestCaseView[] {
  return tests.map((test) => ({ ...test }));
}

/** One line of the mapping list. */
export function presentMappingSummary(mapping: MappingDocument): MappingSummaryView {
  return {
    source: mapping.source,
    domain: mapping.domain,
    direction: mapping.direction,
    status: mapping.published ? 'published' : 'draft',
    draftState: draftStateOf(mapping),
    publishedVersion: mapping.published?.version ?? null,
    draftRevision: mapping.draft?.revision ?? null,
    description: mapping.draft?.description ?? '',
    updatedAt: mapping.updatedAt,
    createdAt: mapping.createdAt,
  };
}

/** A version's metadata; `currentVersion` marks the one ingest uses. */
export function presentVersionSummary(version: MappingVersionDocument, currentVersion: number | null): MappingVersionSummaryView {
  return {
    version: version.version,
    contentHash: version.contentHash,
    origin: version.origin,
    rolledBackFrom: version.rolledBackFrom ?? null,
    schemaVersion: version.schemaVersion,
    lookupTables: version.lookupTables,
    testSummary: version.testSummary,
    note: version.note ?? null,
    author: version.author,
    createdAt: version.createdAt,
    isCurrent: version.version === currentVersion,
  };
}

/** A version with its full content. */
export function presentVersion(version: MappingVersionDocument, currentVersion: number | null): MappingVersionView {
  return {
    source: version.source,
    domain: version.domain,
    direction: version.direction,
    ...presentVersionSummary(version, currentVersion),
    expression: version.expression,
    description: version.description,
    samples: version.samples,
    tests: presentTests(version.tests),
    ...(version.format ? { format: { contentType: version.format.contentType, options: { ...version.format.options } } } : {}),
  };
}

/**
 * The mapping with its draft (plus syntax state) and its published version's content. Pass the
 * runtime's `checkSyntax` so the draft also shows the runtime's compile-time verdicts (unsafe regex).
 */
export function presentMapping(
  mapping: MappingDocument,
  publishedVersion: MappingVersionDocument | null,
  syntaxCheck: (expression: string) => MappingErrorInfo | null = checkSyntax,
): MappingView {
  const draft = mapping.draft;
  return {
    ...presentMappingSummary(mapping),
    draft: draft
      ? {
          revision: draft.revision,
          contentHash: draft.contentHash,
          expression: draft.expression,
          description: draft.description,
          samples: draft.samples,
          tests: presentTests(draft.tests),
          ...(draft.format ? { format: { contentType: draft.format.contentType, options: { ...draft.format.options } } } : {}),
          updatedAt: draft.updatedAt,
          updatedBy: draft.updatedBy,
          syntaxError: syntaxCheck(draft.expression),
          lookupTables: referencedLookupTables(draft.expression),
        }
      : null,
    published: publishedVersion ? presentVersion(publishedVersion, mapping.published?.version ?? null) : null,
    files: mapping.files ? { ...mapping.files } : null,
  };
}
