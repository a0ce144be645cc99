/**
 * Loads the official JSONata test suite and checks outcomes against its expectations. The suite lives
 * outside the repository: JSONATA_TEST_SUITE_DIR names its directory (a checkout of
 * github.com/jsonata-js/jsonata's test/test-suite, with `groups/` and `datasets/`); .ci/run sets it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RecordOutcome } from '../../server/mapping-runtime/index';

export const SUITE_DIR_SETTING = 'JSONATA_TEST_SUITE_DIR';

/**
 * Where the suite is, or why it cannot run: unset → skip (a fresh clone has no suite beside it); set
 * but not a suite directory → an error, because a wrong setting must not pass as a skip.
 */
export function locateSuite(env: NodeJS.ProcessEnv = process.env): { dir: string } | { skipped: string } {
  const setting = env[SUITE_DIR_SETTING]?.trim();
  if (!setting)
    return {
      skipped: `${SUITE_DIR_SETTING} is not set (point it at a checkout of the jsonata-js test suite: the directory holding groups/ and datasets/)`,
    };
  const dir = resolve(process.cwd(), setting);
  if (!existsSync(join(dir, 'groups')) || !existsSync(join(dir, 'datasets'))) {
    throw new Error(
      `${SUITE_DIR_SETTING}=${setting} does not name the JSONata test suite: ${dir} has no groups/ and datasets/ directories.`,
    );
  }
  return { dir };
}

export interface SuiteCase {
  /** `group/file` plus `#n` for files holding an array of cases. */
  id: string;
  group: string;
  expr: string;
  data: unknown;
  bindings: Record<string, unknown>;
  timelimit?: number;
  depth?: number;
  expectation:
    | { kind: 'result'; value: unknown }
    | { kind: 'undefined' }
    | { kind: 'code'; code: string; token?: string }
    | { kind: 'error'; error: Record<string, unknown> };
}

type RawCase = Record<string, unknown>;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function expectationOf(raw: RawCase): SuiteCase['expectation'] {
  if ('undefinedResult' in raw) return { kind: 'undefined' };
  if ('result' in raw) return { kind: 'result', value: raw.result };
  if ('error' in raw) return { kind: 'error', error: raw.error as Record<string, unknown> };
  if ('code' in raw) return { kind: 'code', code: String(raw.code), token: 'token' in raw ? String(raw.token) : undefined };
  throw new Error('test case has nothing to check');
}

/** Every case of the suite in `suiteDir`, in group and file order. */
export function loadSuite(suiteDir: string): SuiteCase[] {
  const datasets = new Map<string, unknown>();
  for (const name of readdirSync(join(suiteDir, 'datasets'))) {
    datasets.set(name.replace(/\.json$/, ''), readJson(join(suiteDir, 'datasets', name)));
  }
  const cases: SuiteCase[] = [];
  for (const group of readdirSync(join(suiteDir, 'groups')).sort()) {
    const groupDir = join(suiteDir, 'groups', group);
    for (const file of readdirSync(groupDir)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const spec = readJson(join(groupDir, file)) as RawCase | RawCase[];
      const list = Array.isArray(spec) ? spec : [spec];
      list.forEach((raw, n) => {
        const expr = typeof raw['expr-file'] === 'string' ? readFileSync(join(groupDir, raw['expr-file']), 'utf8') : String(raw.expr);
        const data =
          'data' in raw ? raw.data : raw.dataset === null || raw.dataset === undefined ? undefined : datasets.get(String(raw.dataset));
        cases.push({
          id: `${group}/${file.replace(/\.json$/, '')}${Array.isArray(spec) ? `#${n}` : ''}`,
          group,
          expr,
          data,
          bindings: (raw.bindings as Record<string, unknown> | undefined) ?? {},
          timelimit: typeof raw.timelimit === 'number' ? raw.timelimit : undefined,
          depth: typeof raw.depth === 'number' ? raw.depth : undefined,
          expectation: expectationOf(raw),
        });
      });
    }
  }
  return cases;
}

/**
 * The suite's harness raises U1001 when its own depth/time box fires; the runtime enforces the
 * same limits (jsonata's stack/timeout guardrails) and reports them with its own stable codes.
 */
const HARNESS_LIMIT_CODES: Record<string, string[]> = { U1001: ['MAPPING_DEPTH_EXCEEDED', 'MAPPING_TIMEOUT'] };

function describeOutcome(outcome: RecordOutcome): string {
  return outcome.ok ? `value ${JSON.stringify(outcome.value)}` : `error ${JSON.stringify(outcome.error)}`;
}

/** Null when the outcome meets the case's expectation, otherwise why not. */
export function mismatch(testCase: SuiteCase, outcome: RecordOutcome): string | null {
  const expected = testCase.expectation;
  if (expected.kind === 'result') {
    return outcome.ok && isDeepStrictEqual(outcome.value, expected.value)
      ? null
      : `expected ${JSON.stringify(expected.value)}, got ${describeOutcome(outcome)}`;
  }
  if (expected.kind === 'undefined') {
    return outcome.ok && outcome.value === undefined ? null : `expected undefined, got ${describeOutcome(outcome)}`;
  }
  if (outcome.ok) return `expected an error, got ${describeOutcome(outcome)}`;
  const error = outcome.error;
  if (expected.kind === 'code') {
    const isCodeMatch = error.jsonataCode === expected.code || (HARNESS_LIMIT_CODES[expected.code] ?? []).includes(error.code);
    if (!isCodeMatch) return `expected code ${expected.code}, got ${describeOutcome(outcome)}`;
    if (expected.token !== undefined && error.token !== expected.token)
      return `expected token ${expected.token}, got ${describeOutcome(outcome)}`;
    return null;
  }
  // MappingErrorInfo deliberately omits jsonata's `value`/`functionName` (they can echo record
  // content into logs and API responses); only the fields the runtime exposes are compared.
  const actual: Record<string, unknown> = { code: error.jsonataCode, message: error.message, token: error.token, position: error.position };
  for (const [key, value] of Object.entries(expected.error)) {
    if (!(key in actual)) continue;
    if (!isDeepStrictEqual(actual[key], value)) return `expected error ${JSON.stringify(expected.error)}, got ${describeOutcome(outcome)}`;
  }
  return null;
}
