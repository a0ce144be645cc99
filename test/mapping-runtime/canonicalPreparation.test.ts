/**
 * Validation and standardisation beside the mapping (server/mapping-runtime/canonicalPreparation.ts): a call that names a
 * canonical schema gets, per mapped record, what the ingest pipeline's validate and standardise stages answer on the main
 * thread — the same problems (code, path, message) or the same standardised record — and a changed schema, under its
 * own key, reaches the workers like a changed mapping.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { standardiseRecord } from '../../server/ingest/standardise';
import { createLogger } from '../../server/logger';
import { canonicalRequestOf, createMappingRuntime } from '../../server/mapping-runtime/index';
import type { MappingRuntime, RecordOutcome } from '../../server/mapping-runtime/index';
import { createCanonicalAjv, getCanonicalSchema, validateCanonical } from '../../server/schemas/canonicalSchemas';
import { toErrorDetails } from '../../server/schemas/errorDetails';
import type { ErrorDetail } from '../../server/errors';

let runtime: MappingRuntime;
beforeAll(() => {
  runtime = createMappingRuntime({ poolSize: 2, logger: createLogger({ silent: true }) });
});
afterAll(async () => runtime.close());

const address = (postalCode: string) => ({ purposes: ['main'], line1: '7000 Cardinal Place', city: 'Dublin', postalCode, country: 'US' });

/** Supplier records as a mapping would write them: valid, to be cleaned, invalid at each stage, without a sourceId. */
const RECORDS: Array<Record<string, unknown>> = [
  { sourceId: 'V1', name: 'Cardinal Health, Inc.', taxId: '31-0958666', addresses: [address('43017')] },
  { sourceId: '  V2 ', name: '  Owens   &\u00A0Minor® ', addresses: [address('43017-1091'), address(' 02115 ')] },
  { sourceId: 'V3', name: 'Medline', duns: '12345', taxId: '3109586' },
  { sourceId: 'V4', name: 'Henry Schein', addresses: [address('43017'), address('ABCDE')] },
  { sourceId: 'V5', name: ' \u0007 ' },
  { sourceId: '   ', name: 'No id' },
  { sourceId: 'V7', name: 'Extra', notAField: true },
  { sourceId: 42, name: 'Numeric id' },
];

/** What the pipeline's stages answer on the main thread (pipeline.ts: validate, standardise, validate again). */
function mainThreadAnswer(record: Record<string, unknown>, validate: (record: unknown) => ErrorDetail[]): unknown {
  const sourceId = record.sourceId;
  if (sourceId === undefined || sourceId === null || (typeof sourceId === 'string' && sourceId.trim() === '')) return 'unprepared';
  const problems = validate(record);
  if (problems.length > 0) return { stage: 'validate', problems };
  const standardised = standardiseRecord('supplier', record);
  if (standardised.problems.length > 0) return { stage: 'standardise', problems: standardised.problems, isAfterCleaning: false };
  const after = validate(standardised.record);
  if (after.length > 0) return { stage: 'standardise', problems: after, isAfterCleaning: true };
  return { record: standardised.record };
}

function poolAnswer(outcome: RecordOutcome | undefined): unknown {
  if (!outcome?.ok) throw new Error(`the identity mapping failed: ${JSON.stringify(outcome)}`);
  const { prepared } = outcome;
  if (!prepared) return 'unprepared';
  if (prepared.ok) return { record: outcome.value };
  return prepared.stage === 'validate'
    ? { stage: 'validate', problems: prepared.problems }
    : { stage: 'standardise', problems: prepared.problems, isAfterCleaning: prepared.isAfterCleaning };
}

test('records validated and standardised in the workers get exactly the main thread stages answers', async () => {
  const schema = getCanonicalSchema('supplier').schema;
  const outcomes = await runtime.evaluateBatch({
    cacheKey: 'identity',
    expression: '$',
    records: RECORDS,
    canonical: canonicalRequestOf(schema),
  });
  const expected = RECORDS.map((record) => mainThreadAnswer(record, (value) => validateCanonical('supplier', value)));
  expect(outcomes.map(poolAnswer)).toEqual(expected);
  // Every kind of answer is exercised: a failing case that went missing would make this test weaker than it reads.
  expect(expected.map((answer) => (typeof answer === 'string' ? answer : Object.keys(answer as object).join('+')))).toEqual([
    'record',
    'record',
    'stage+problems',
    'stage+problems+isAfterCleaning',
    'stage+problems+isAfterCleaning',
    'unprepared',
    'stage+problems',
    'stage+problems',
  ]);
  expect((expected[1] as { record: unknown }).record).toMatchObject({ sourceId: 'V2', name: 'Owens & Minor' });
  expect((expected[4] as { isAfterCleaning: boolean }).isAfterCleaning).toBe(true);
});

test('without a canonical schema nothing is prepared, and the value is the mapped record', async () => {
  const outcomes = await runtime.evaluateBatch({ cacheKey: 'identity', expression: '$', records: RECORDS.slice(0, 2) });
  expect(outcomes.map((outcome) => (outcome.ok ? { value: outcome.value, prepared: outcome.prepared } : outcome))).toEqual(
    RECORDS.slice(0, 2).map((record) => ({ value: record, prepared: undefined })),
  );
});

test('a changed schema reaches the workers under its own key, like a changed mapping', async () => {
  const shipped = getCanonicalSchema('supplier').schema;
  const properties = shipped.properties as Record<string, Record<string, unknown>>;
  const stricter = { ...shipped, properties: { ...properties, name: { ...properties.name, maxLength: 8 } } };
  const ajv = createCanonicalAjv();
  const validateStricter = ajv.compile(stricter);
  const stricterProblems = (value: unknown) => (validateStricter(value) ? [] : toErrorDetails(validateStricter.errors ?? []));
  expect(canonicalRequestOf(stricter).key).not.toBe(canonicalRequestOf(shipped).key);
  const records = RECORDS.slice(0, 2);
  const [before, after, again] = [
    await runtime.evaluateBatch({ cacheKey: 'identity', expression: '$', records, canonical: canonicalRequestOf(shipped) }),
    await runtime.evaluateBatch({ cacheKey: 'identity', expression: '$', records, canonical: canonicalRequestOf(stricter) }),
    await runtime.evaluateBatch({ cacheKey: 'identity', expression: '$', records, canonical: canonicalRequestOf(shipped) }),
  ];
  expect(before.map(poolAnswer)).toEqual(
    records.map((record) => mainThreadAnswer(record, (value) => validateCanonical('supplier', value))),
  );
  const stricterAnswers = records.map((record) => mainThreadAnswer(record, stricterProblems));
  expect(after.map(poolAnswer)).toEqual(stricterAnswers);
  expect(stricterAnswers[0]).toMatchObject({ stage: 'validate' });
  expect(again.map(poolAnswer)).toEqual(before.map(poolAnswer));
});
