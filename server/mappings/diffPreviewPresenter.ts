/**
 * What "what changes" (diff-preview) shows to each role. The draft runs on the most recent STORED raw
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
import type { MappingErrorInfo } from '../mapping-runtime';
import { maskInValue, maskRecord, maskRulesOf, type Visibility } from '../policies/visibility';
import { getCanonicalSchema } from '../schemas/canonicalSchemas';
import { isCanonicalOutput, schemaErrorsOf } from './evaluation';
import type { DiffPreviewReport } from './previewMapping';
import type { MappingDirection } from './types';

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
        changedFields: [...new Set(item.changedFields.map((path) => (path === '' || fields.has(path.split(/[.[]/)[0]) ? path : OUTSIDE_SCHEMA)))],
      };
    }),
  };
}
