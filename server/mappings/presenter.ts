/** What leaves the server about mappings and their versions (never the stored documents as they are). */
import type { MappingSummaryView, MappingVersionSummaryView, MappingVersionView, MappingView, MappingTestCaseView } from '../contracts/mappings';
import { checkSyntax, referencedLookupTables, type MappingErrorInfo } from '../mapping-runtime';
import type { MappingDirection, MappingDocument, MappingTestCase, MappingVersionDocument } from './types';
import { maskInValue, maskRecord, maskRulesOf, type Visibility } from '../policies/visibility';
import { getCanonicalSchema } from '../schemas/canonicalSchemas';
import { isCanonicalOutput, schemaErrorsOf } from './evaluation';
import type { DiffPreviewReport } from './previewMapping';

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


/*
 * Diff preview: what "what changes" (diff-preview) shows to each role. The draft runs on the most recent STORED raw
 * payloads, and a draft can compute anything from them (`{ "name": $string($) }`, `$error($string($))`),
 * so its output is raw-payload access. Roles that may see raw payloads (admins, stewards) get the full
 * report. Everyone else — in practice analysts, who write mappings — sees exactly what publishing the
 * draft could show them in a canonical record they can read, and no more:
 *
 *   - only fields of the canonical schema (other fields, including names computed from data, are withheld);
 *   - only values that are valid for their field (a value the schema rejects would never be stored);
 *   - sensitive attributes masked like everywhere else, and the record's sensitive values masked
 *     wherever else they appear (a draft copying the payload into `legalName` still shows no tax id);
 *   - error codes and positions, not messages (a message can quote the payload).
 *
 * Withheld field names are listed per outcome, so the analyst knows something changed there.
 */

type OutcomeView = DiffPreviewReport['items'][number]['published'];

export const WITHHELD_ERROR_MESSAGE = 'The message is withheld: it may quote the stored payload, which your role may not see.';
/** Stands for every changed path outside the canonical schema. */
export const OUTSIDE_SCHEMA = '(fields outside the canonical schema)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function restrictError(error: MappingErrorInfo): MappingErrorInfo {
  return { code: error.code, message: WITHHELD_ERROR_MESSAGE, ...(error.position !== undefined ? { position: error.position } : {}), ...(error.jsonataCode ? { jsonataCode: error.jsonataCode } : {}) };
}

interface RestrictionContext {
  domain: string;
  direction: MappingDirection;
  fields: ReadonlySet<string>;
  visibility: Visibility;
  /** The stored record's sensitive values, masked wherever they appear. */
  secrets: readonly unknown[];
}

function restrictOutcome(outcome: OutcomeView, context: RestrictionContext): (OutcomeView & { withheldFields?: string[] }) | null {
  if (outcome === null) return null;
  if (!outcome.ok) return { ok: false, error: restrictError(outcome.error) };
  const output = outcome.output;
  if (!isObject(output)) return { ok: true, output: null, withheldFields: ['(the whole output: not a canonical record)'] };
  const invalid = new Set(schemaErrorsOf({ domain: context.domain, direction: context.direction, output }).map((e) => String(e.path ?? '').split('/')[1] ?? ''));
  const shown: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [field, value] of Object.entries(output)) {
    if (context.fields.has(field) && !invalid.has(field)) shown[field] = value;
    else withheld.push(context.fields.has(field) ? field : OUTSIDE_SCHEMA);
  }
  const masked = maskInValue(maskRecord(shown, maskRulesOf(context.domain), context.visibility), context.secrets);
  return { ok: true, output: masked, ...(withheld.length > 0 ? { withheldFields: [...new Set(withheld)] } : {}) };
}

/** The diff-preview report as `visibility` may see it (unchanged for roles that may see raw payloads). */
export function presentDiffPreview(
  report: DiffPreviewReport,
  context: { domain: string; direction: MappingDirection; visibility: Visibility; sensitiveValuesOf?: (sourceRecordId: string) => readonly unknown[] },
): DiffPreviewReport & { isRestricted: boolean } {
  if (context.visibility.canSeeRawPayloads) return { ...report, isRestricted: false };
  const properties = isCanonicalOutput(context) ? getCanonicalSchema(context.domain).schema.properties : undefined;
  const fields = new Set(isObject(properties) ? Object.keys(properties) : []);
  return {
    ...report,
    isRestricted: true,
    items: report.items.map((item) => {
      const restriction: RestrictionContext = { ...context, fields, secrets: context.visibility.canSeeSensitive ? [] : (context.sensitiveValuesOf?.(item.sourceRecordId) ?? []) };
      return {
        ...item,
        published: restrictOutcome(item.published, restriction),
        draft: restrictOutcome(item.draft, restriction),
        changedFields: [...new Set(item.changedFields.map((path) => (path === '' || fields.has(path.split(/[.[]/)[0] ?? path) ? path : OUTSIDE_SCHEMA)))],
      };
    }),
  };
}
