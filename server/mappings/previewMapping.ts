/**
 * Evaluating without saving: a given expression (or the saved draft) on given payloads, and the draft
 * against the published version on the most recent real payloads ("what changes").
 */
import { ConflictError, UnprocessableError } from '../errors';
import type { ErrorDetail } from '../errors';
import type { SourceRecordDocument } from '../golden/types';
import type { MappingErrorInfo, RecordOutcome } from '../mapping-runtime';
import type { AppServices } from '../services';
import { canonicalSchemaVersion, evaluateExpression, missingRequiredFields, schemaErrorsOf } from './evaluation';
import { differingPaths } from './jsonDiff';
import { adHocCacheKey, jsonEqual, normalizeExpression, type MappingKey } from './mappingIdentity';
import { requireMapping } from './queries';
import { assertMappingKey } from './saveMappingDraft';

type Services = Pick<AppServices, 'store' | 'mappingRuntime'>;

/** The collection ingest writes source records to (shape in server/golden/types.ts). */
const SOURCE_RECORDS_COLLECTION = 'sourceRecords';

export interface PreviewResult {
  index: number;
  ok: boolean;
  output?: unknown;
  error?: MappingErrorInfo;
  durationMs: number;
  schemaErrors: ErrorDetail[];
  missingRequired: string[];
}

export interface PreviewReport {
  syntaxError: MappingErrorInfo | null;
  results: PreviewResult[];
  requiredNeverSet: string[];
  lookupTables: string[];
  missingLookupTables: string[];
  schemaVersion: string | null;
  elapsedMs: number;
}

/** Maps each payload with `expression` (or the draft's) and checks every output against the canonical schema. */
export async function previewMapping(services: Services, input: { key: MappingKey; expression?: string; payloads: unknown[] }): Promise<PreviewReport> {
  assertMappingKey(input.key);
  let expression = input.expression;
  if (expression === undefined) {
    const mapping = await requireMapping(services, input.key);
    if (!mapping.draft) throw new ConflictError('NO_DRAFT', `Mapping ${input.key.source}/${input.key.domain} has no draft; send an "expression" to preview.`);
    expression = mapping.draft.expression;
  }
  expression = normalizeExpression(expression);
  const started = performance.now();
  const run = await evaluateExpression(services, { expression, cacheKey: adHocCacheKey(expression), payloads: input.payloads });
  const context = { domain: input.key.domain, direction: input.key.direction };
  const results = run.outcomes.map((outcome, index): PreviewResult => {
    if (!outcome.ok) return { index, ok: false, error: outcome.error, durationMs: outcome.durationMs, schemaErrors: [], missingRequired: [] };
    const output = outcome.value;
    return {
      index,
      ok: true,
      ...(output === undefined ? {} : { output }),
      durationMs: outcome.durationMs,
      schemaErrors: output === undefined ? [] : schemaErrorsOf({ ...context, output }),
      missingRequired: missingRequiredFields({ ...context, output }),
    };
  });
  const succeeded = results.filter((result) => result.ok);
  const requiredNeverSet = succeeded.length === 0 ? [] : succeeded.map((result) => result.missingRequired).reduce((common, missing) => common.filter((field) => missing.includes(field)));
  return {
    syntaxError: run.syntaxError,
    results,
    requiredNeverSet,
    lookupTables: run.lookupTables,
    missingLookupTables: run.missingLookupTables,
    schemaVersion: canonicalSchemaVersion(context),
    elapsedMs: performance.now() - started,
  };
}

type OutcomeView = { ok: true; output: unknown } | { ok: false; error: MappingErrorInfo };

function viewOf(outcome: RecordOutcome | undefined): OutcomeView | null {
  if (!outcome) return null;
  return outcome.ok ? { ok: true, output: outcome.value ?? null } : { ok: false, error: outcome.error };
}

function isSameOutcome(a: OutcomeView | null, b: OutcomeView | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.ok && b.ok) return jsonEqual(a.output, b.output);
  if (!a.ok && !b.ok) return a.error.code === b.error.code && a.error.message === b.error.message;
  return false;
}

export interface DiffPreviewReport {
  publishedVersion: number | null;
  draftRevision: number;
  examined: number;
  changed: number;
  unchanged: number;
  items: Array<{ sourceRecordId: string; sourceId: string; published: OutcomeView | null; draft: OutcomeView | null; changedFields: string[] }>;
}

/** Re-maps the most recent `limit` real payloads with the draft and the published version; lists those that would differ. */
export async function diffPreview(services: Services, input: { key: MappingKey; limit: number }): Promise<DiffPreviewReport> {
  const mapping = await requireMapping(services, input.key);
  const draft = mapping.draft;
  if (!draft) throw new ConflictError('NO_DRAFT', `Mapping ${input.key.source}/${input.key.domain} has no draft to compare.`);
  const records = await services.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS_COLLECTION)
    .find({ source: input.key.source, domain: input.key.domain }, { sort: { updatedAt: -1 }, limit: input.limit, projection: { raw: 1, sourceId: 1 } });
  const payloads = records.map((record) => record.raw);
  const draftRun = await evaluateExpression(services, { expression: draft.expression, cacheKey: adHocCacheKey(draft.expression), payloads });
  if (draftRun.syntaxError) {
    const where = draftRun.syntaxError.position !== undefined ? ` at character ${draftRun.syntaxError.position}` : '';
    throw new UnprocessableError(draftRun.syntaxError.code, `The draft cannot run${where}: ${draftRun.syntaxError.message}`, { syntaxError: draftRun.syntaxError });
  }
  const publishedRun = mapping.published
    ? await evaluateExpression(services, { expression: mapping.published.expression, cacheKey: mapping.published.cacheKey, payloads })
    : null;
  const items: DiffPreviewReport['items'] = [];
  records.forEach((record, index) => {
    const published = viewOf(publishedRun?.outcomes[index]);
    const drafted = viewOf(draftRun.outcomes[index]);
    if (isSameOutcome(published, drafted)) return;
    const changedFields = published?.ok && drafted?.ok ? differingPaths(published.output, drafted.output) : [''];
    items.push({ sourceRecordId: record._id, sourceId: String(record.sourceId), published, draft: drafted, changedFields });
  });
  return {
    publishedVersion: mapping.published?.version ?? null,
    draftRevision: draft.revision,
    examined: records.length,
    changed: items.length,
    unchanged: records.length - items.length,
    items,
  };
}
