/**
 * The record pipeline as a short list of named stages: map → validate → standardise → persist (with
 * matching). Each stage takes the records still in play; a record that fails is marked with its stage,
 * business code, field path and message and leaves the pipeline for the exception queue. Nothing is
 * dropped: every record ends with exactly one result.
 */
import type { ErrorDetail } from '../errors';
import { resolveSuperseded } from '../exceptions/closeException';
import { recordException } from '../exceptions/exceptionStore';
import type { IngestStage } from '../exceptions/types';
import { IDENTIFIER_FORMATS } from '../schemas/formats';
import { recordIngestCounts } from '../stats/ingestCounters';
import { getCanonicalSchema, validateCanonical } from '../schemas/canonicalSchemas';
import { canonicalRequestOf, isSourceIdMissing } from '../mapping-runtime';
import { describePath, findTooDeep } from '../http/jsonDepth';
import { persistItems } from './persistStage';
import { standardiseRecord } from './standardise';
import type { IngestContext, RecordResult, StageFailure, WorkItem } from './types';
import { answerUnchanged, overtakenAnswers } from './unchangedRecords';
import { present } from '../invariant';
import { prepareOffThread } from '../golden';

export interface PipelineStage {
  name: IngestStage;
  /** Runs on the records no earlier stage has failed or finished. */
  run(items: WorkItem[], context: IngestContext): Promise<void> | void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value}`;
}

const mapStage: PipelineStage = {
  name: 'map',
  async run(items, context) {
    const { mapping } = context;
    const outcomes = await context.services.mappingRuntime.evaluateBatch({
      cacheKey: mapping.cacheKey,
      expression: mapping.expression,
      records: items.map((item) => item.raw),
      lookups: context.lookups,
      // Validation and standardisation run beside the mapping, in the pool (docs/INGEST.md, twelfth pass).
      ...(context.services.config.validateInMappingWorkers
        ? { canonical: canonicalRequestOf(getCanonicalSchema(context.domain).schema) }
        : {}),
      signal: context.signal,
    });
    const label = `The ${context.source} ${context.domain} mapping (version ${mapping.version})`;
    let preparedInPool = 0;
    const maxDepth = context.services.config.limits.maxJsonDepth;
    items.forEach((item, index) => {
      const outcome = present(outcomes[index], 'the mapping outcome of each record');
      const tooDeepAt = outcome.ok && isObject(outcome.value) ? findTooDeep(outcome.value, maxDepth) : null;
      if (!outcome.ok) {
        item.failure = {
          stage: 'map',
          code: outcome.error.code,
          message: `${label} failed on this record: ${outcome.error.message}`,
          problems: [],
        };
      } else if (outcome.value === undefined || outcome.value === null) {
        item.failure = { stage: 'map', code: 'MAPPING_NO_OUTPUT', message: `${label} produced nothing for this record.`, problems: [] };
      } else if (!isObject(outcome.value)) {
        item.failure = {
          stage: 'map',
          code: 'MAPPING_ERROR',
          message: `${label} produced ${describeValue(outcome.value)} instead of one record (an object).`,
          problems: [],
        };
      } else if (tooDeepAt !== null) {
        // Stored records must stay within the same depth as what may be ingested (and MongoDB's limit).
        const message = `${label} produced a record nested more than ${maxDepth} levels deep (at ${describePath(tooDeepAt)}).`;
        item.failure = { stage: 'map', code: 'MAPPING_OUTPUT_TOO_DEEP', message, problems: [] };
      } else {
        item.output = outcome.value;
        item.prepared = outcome.prepared;
        if (outcome.prepared) preparedInPool += 1;
      }
    });
    context.services.metrics.increment('mdm_ingest_records_validated_in_pool_total', {
      help: 'Mapped records validated and standardised in the mapping workers (the rest on the main thread).',
      labels: { source: context.source, domain: context.domain },
      amount: preparedInPool,
    });
  },
};

/** FORMAT_GTIN → INVALID_GTIN for identifier formats; other schema problems are SCHEMA_VIOLATION. */
export function businessCodeOf(problem: ErrorDetail): string {
  const format = /^FORMAT_([A-Z0-9_]+)$/.exec(problem.code)?.[1]?.toLowerCase();
  return format && format in IDENTIFIER_FORMATS ? `INVALID_${format.toUpperCase()}` : 'SCHEMA_VIOLATION';
}

function failureFrom(options: { stage: IngestStage; problems: ErrorDetail[]; codeOf: (problem: ErrorDetail) => string }): StageFailure {
  const first = present(options.problems[0], 'a problem of a failed stage');
  const more = options.problems.length - 1;
  return {
    stage: options.stage,
    code: options.codeOf(first),
    ...(first.path ? { path: first.path } : {}),
    message: `${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}.`,
    problems: options.problems,
  };
}

const validateStage: PipelineStage = {
  name: 'validate',
  run(items, context) {
    for (const item of items) {
      const output = item.output as Record<string, unknown>;
      const sourceId = output.sourceId;
      if (typeof sourceId === 'string' && sourceId.trim() !== '') item.sourceId = sourceId;
      if (isSourceIdMissing(sourceId)) {
        const message =
          'The mapping produced no sourceId for this record, so later versions of it could not be recognised; check the id field in the source payload.';
        item.failure = {
          stage: 'validate',
          code: 'MISSING_SOURCE_ID',
          path: 'sourceId',
          message,
          problems: [{ path: 'sourceId', code: 'REQUIRED', message: 'sourceId is required' }],
        };
        continue;
      }
      const { prepared } = item;
      // Validated in the worker: the same problems `validateCanonical` gives (a prepared record has a sourceId).
      const problems = prepared
        ? !prepared.ok && prepared.stage === 'validate'
          ? prepared.problems
          : []
        : validateCanonical(context.domain, output);
      if (problems.length > 0) item.failure = failureFrom({ stage: 'validate', problems, codeOf: businessCodeOf });
    }
  },
};

const standardiseStage: PipelineStage = {
  name: 'standardise',
  run(items, context) {
    for (const item of items) {
      const { prepared } = item;
      if (prepared) {
        // Standardised and validated again in the worker; a failure there keeps the codes this stage gives it below.
        if (prepared.ok) {
          item.canonical = item.output as Record<string, unknown>;
          item.sourceId = item.canonical.sourceId as string;
        } else {
          const codeOf = prepared.isAfterCleaning ? businessCodeOf : (problem: ErrorDetail) => problem.code;
          item.failure = failureFrom({ stage: 'standardise', problems: prepared.problems, codeOf });
        }
        continue;
      }
      const { record, problems } = standardiseRecord(context.domain, item.output as Record<string, unknown>);
      if (problems.length > 0) {
        item.failure = failureFrom({ stage: 'standardise', problems, codeOf: (problem) => problem.code });
        continue;
      }
      // Cleaning can empty a field that had only spaces: the stored record must still be valid.
      const after = validateCanonical(context.domain, record);
      if (after.length > 0) {
        item.failure = failureFrom({ stage: 'standardise', problems: after, codeOf: businessCodeOf });
        continue;
      }
      item.canonical = record;
      item.sourceId = record.sourceId as string;
    }
  },
};

const persistStage: PipelineStage = { name: 'persist', run: persistItems };

/** The stages every record runs through, in order. */
export const PIPELINE: readonly PipelineStage[] = [mapStage, validateStage, standardiseStage, persistStage];

async function storeFailure(item: WorkItem, context: IngestContext): Promise<RecordResult> {
  const failure = item.failure as StageFailure;
  const exception = await recordException(context.services, {
    source: context.source,
    domain: context.domain,
    sourceId: item.sourceId,
    stage: failure.stage,
    code: failure.code,
    path: failure.path,
    message: failure.message,
    problems: failure.problems,
    raw: item.raw,
    isRawText: item.isRawText,
    position: item.position,
    mappingVersion: failure.stage === 'parse' ? null : context.mapping.version,
    schemaVersion: failure.stage === 'parse' || failure.stage === 'map' ? null : context.schemaVersion,
    origin: context.origin,
    replayOf: item.replayOf,
  });
  return {
    outcome: 'exception',
    position: item.position,
    ...(item.sourceId !== undefined ? { sourceId: item.sourceId } : {}),
    exceptionId: exception._id,
    stage: failure.stage,
    code: failure.code,
    ...(failure.path ? { path: failure.path } : {}),
    message: failure.message,
  };
}

function countOutcomes(results: readonly RecordResult[], context: IngestContext): void {
  const counts = new Map<string, number>();
  for (const result of results) {
    const key = result.outcome === 'exception' ? `exception\u0000${result.code}` : result.outcome;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, amount] of counts) {
    const [outcome, code] = key.split('\u0000');
    const labels = { source: context.source, domain: context.domain, outcome: present(outcome, 'the outcome of a count key') };
    context.services.metrics.increment('mdm_ingest_records_total', {
      help: 'Source records ingested, by source, domain and outcome (accepted, unchanged, exception).',
      labels,
      amount,
    });
    if (code)
      context.services.metrics.increment('mdm_ingest_exceptions_total', {
        help: 'Records sent to the exception queue, by source, domain and code.',
        labels: { source: context.source, domain: context.domain, code },
        amount,
      });
  }
}

async function runStages(items: WorkItem[], context: IngestContext, stages: readonly PipelineStage[] = PIPELINE): Promise<void> {
  for (const stage of stages) {
    const pending = items.filter((item) => !item.failure && !item.result);
    if (pending.length > 0) await stage.run(pending, context);
  }
}

/** The stages that only read the store: everything before persist. */
const STAGES_BEFORE_PERSIST: readonly PipelineStage[] = PIPELINE.filter((stage) => stage !== persistStage);

/**
 * The first half of a batch, which writes nothing: answers unchanged re-sends (`unchangedRecords.ts`),
 * then maps (in the evaluator pool), validates and standardises the rest. A batch's first half may run
 * while the previous batch is persisted (`ingestItems`); `finishBatch` then corrects what that overtook.
 */
export async function prepareBatch(items: WorkItem[], context: IngestContext): Promise<void> {
  await answerUnchanged(items, context);
  await runStages(items, context, STAGES_BEFORE_PERSIST);
  await prepareMatching(items, context);
}

/**
 * Prepares the standardised records for matching on the preparation thread (`prepareOffThread`), so
 * persisting them does not (the main thread's largest pure per-record cost). Best effort: a record left
 * unprepared, or prepared under rules published since, is prepared when it is applied.
 */
async function prepareMatching(items: WorkItem[], context: IngestContext): Promise<void> {
  const ready = items.filter((item) => !item.failure && !item.result && item.canonical !== undefined && item.sourceId !== undefined);
  const prepared = await prepareOffThread(context.services, {
    domain: context.domain,
    records: ready.map((item) => ({ canonical: item.canonical as Record<string, unknown>, sourceId: item.sourceId as string })),
  });
  if (!prepared) return;
  ready.forEach((item, index) => (item.matchPreparation = prepared[index]));
  context.services.metrics.increment('mdm_ingest_match_preparations_off_thread_total', {
    help: 'Records prepared for matching on the preparation thread (the rest are prepared on the main thread when persisted).',
    labels: { source: context.source, domain: context.domain },
    amount: ready.length,
  });
}

/**
 * The second half: persist and match, store failures as exceptions, count. `storedEarlier`: source ids
 * the previous batch stored while this one was prepared — an unchanged answer for one of them may
 * describe the record before that write, so such items take the full pipeline like any other.
 */
export async function finishBatch(
  items: WorkItem[],
  context: IngestContext,
  options: { storedEarlier?: ReadonlySet<string> } = {},
): Promise<RecordResult[]> {
  const { storedEarlier } = options;
  const stale = storedEarlier
    ? items.filter((item) => item.isAnsweredUnchanged && item.sourceId !== undefined && storedEarlier.has(item.sourceId))
    : [];
  if (stale.length > 0) {
    for (const item of stale) {
      item.result = undefined;
      item.isAnsweredUnchanged = false;
    }
    await runStages(stale, context, STAGES_BEFORE_PERSIST);
  }
  await runStages(items, context, [persistStage]);
  const overtaken = overtakenAnswers(items);
  if (overtaken.length > 0) {
    for (const item of overtaken) {
      item.result = undefined;
      item.isAnsweredUnchanged = false;
    }
    await runStages(overtaken, context);
  }
  for (const item of items) {
    if (!item.result) item.result = await storeFailure(item, context);
  }
  const accepted = items.flatMap((item) => (item.result?.outcome === 'accepted' ? [item.result] : []));
  // A replayed exception is closed by the replay itself, as `replayed`.
  const replaying = new Set(items.flatMap((item) => (item.replayOf ? [item.replayOf] : [])));
  await resolveSuperseded(context.services, { source: context.source, domain: context.domain, accepted, excludeIds: replaying });
  const results = items.map((item) => item.result as RecordResult);
  countOutcomes(results, context);
  await recordIngestCounts(context.services.store, {
    domain: context.domain,
    source: context.source,
    at: new Date(),
    accepted: results.filter((result) => result.outcome === 'accepted').length,
    unchanged: results.filter((result) => result.outcome === 'unchanged').length,
    exceptions: results.filter((result) => result.outcome === 'exception').length,
  });
  return results;
}

/**
 * Runs a batch through every stage; returns one result per item, in order. Records stored unchanged
 * under the same mapping and schema are answered first, without mapping (`unchangedRecords.ts`).
 */
export async function runPipeline(items: WorkItem[], context: IngestContext): Promise<RecordResult[]> {
  await prepareBatch(items, context);
  return finishBatch(items, context);
}
