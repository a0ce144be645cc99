/**
 * Runs a mapping's test cases through the runtime: each `input` must map to `output` (JSON equality,
 * key order ignored) or fail with the expected error code — ours (`MAPPING_ERROR`, `LOOKUP_MISSING`…)
 * or jsonata's (`T2001`, or `D3137` for `$error()`).
 */
import type { ErrorDetail } from '../errors';
import type { EvaluationLane, MappingErrorInfo, RecordOutcome } from '../mapping-runtime';
import type { AppServices } from '../services';
import { evaluateExpression, schemaErrorsOf } from './evaluation';
import { differingPaths } from './jsonDiff';
import { jsonEqual, stableStringify } from './mappingIdentity';
import type { MappingDirection, MappingTestCase } from './types';
import { present } from '../invariant';

export type TestExpectation = { output: unknown } | { error: string };
export type TestActual = { output: unknown } | { error: MappingErrorInfo };

export interface TestCaseResult {
  name: string;
  passed: boolean;
  expected: TestExpectation;
  actual: TestActual;
  /** Why it failed, in plain language. */
  message?: string;
  /** Output fields that differ from the expected output. */
  differences?: string[];
  /** Canonical-schema problems of the actual output (informative; they do not fail the test). */
  schemaErrors: ErrorDetail[];
  durationMs: number;
}

export interface TestReport {
  total: number;
  passed: number;
  failed: number;
  isPassing: boolean;
  syntaxError: MappingErrorInfo | null;
  missingLookupTables: string[];
  cases: TestCaseResult[];
}

function expectationOf(test: MappingTestCase): TestExpectation {
  return 'error' in test ? { error: test.error } : { output: test.output };
}

function preview(value: unknown): string {
  const text = value === undefined ? 'nothing (undefined)' : stableStringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Compares one outcome with its expectation. JSON tests cannot say `undefined`, so `null` expects "no output". */
export function judgeTestCase(options: { test: MappingTestCase; outcome: RecordOutcome; domain: string; direction: MappingDirection }): TestCaseResult {
  const { test, outcome } = options;
  const expected = expectationOf(test);
  const base = { name: test.name, expected, durationMs: outcome.durationMs };
  if (!outcome.ok) {
    const actual: TestActual = { error: outcome.error };
    if ('error' in expected) {
      const passed = outcome.error.code === expected.error || outcome.error.jsonataCode === expected.error;
      const got = outcome.error.jsonataCode ? `${outcome.error.code} (${outcome.error.jsonataCode})` : outcome.error.code;
      return { ...base, actual, passed, schemaErrors: [], ...(passed ? {} : { message: `expected error ${expected.error}, got error ${got}: ${outcome.error.message}` }) };
    }
    return { ...base, actual, passed: false, schemaErrors: [], message: `expected an output, got error ${outcome.error.code}: ${outcome.error.message}` };
  }
  const output = outcome.value;
  const actual: TestActual = { output: output === undefined ? null : output };
  const schemaErrors = output === undefined ? [] : schemaErrorsOf({ domain: options.domain, direction: options.direction, output });
  if ('error' in expected) {
    return { ...base, actual, passed: false, schemaErrors, message: `expected error ${expected.error}, got output ${preview(output)}` };
  }
  const passed = output === undefined ? expected.output === null : jsonEqual(expected.output, output);
  if (passed) return { ...base, actual, passed, schemaErrors };
  if (output === undefined) return { ...base, actual, passed, schemaErrors, message: 'expected an output, but the mapping produced nothing (undefined)' };
  const differences = differingPaths(expected.output, output, 20);
  const where = differences.length > 0 && differences[0] !== '' ? ` (differs at ${differences.join(', ')})` : '';
  return { ...base, actual, passed, schemaErrors, differences, message: `output differs from the expected output${where}` };
}

/** Runs every test case of `expression` in one batch. */
export async function runMappingTests(
  services: Pick<AppServices, 'store' | 'mappingRuntime'>,
  input: { expression: string; tests: MappingTestCase[]; cacheKey: string; domain: string; direction: MappingDirection; lane?: EvaluationLane },
): Promise<TestReport> {
  const run = await evaluateExpression(services, { expression: input.expression, cacheKey: input.cacheKey, payloads: input.tests.map((test) => test.input), lane: input.lane });
  if (run.syntaxError) {
    return { total: input.tests.length, passed: 0, failed: input.tests.length, isPassing: false, syntaxError: run.syntaxError, missingLookupTables: [], cases: [] };
  }
  const cases = input.tests.map((test, index) => judgeTestCase({ test, outcome: present(run.outcomes[index], `the outcome of test ${index}`), domain: input.domain, direction: input.direction }));
  const passed = cases.filter((result) => result.passed).length;
  return {
    total: cases.length,
    passed,
    failed: cases.length - passed,
    isPassing: passed === cases.length,
    syntaxError: null,
    missingLookupTables: run.missingLookupTables,
    cases,
  };
}
