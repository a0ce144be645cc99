import { describe, expect, test } from 'vitest';
import { collectProblems } from '../../studio/src/pages/mappings/problems';
import type { EvaluationOutcome } from '../../studio/src/jsonata/evaluationClient';
import { at } from '../support/must';

const done = (response: Partial<Extract<EvaluationOutcome, { status: 'done' }>['response']>): EvaluationOutcome => ({
  status: 'done',
  elapsedMs: 3,
  response: { id: 1, compileError: null, results: [], ...response },
});

describe('collectProblems', () => {
  test.each<{
    name: string;
    expression: string;
    outcome: EvaluationOutcome | null;
    selectedIndex?: number;
    expected: Array<{ kind: string; message: RegExp; at?: [number, number] }>;
  }>([
    { name: 'nothing evaluated yet', expression: 'a', outcome: null, expected: [] },
    {
      name: 'syntax error with its position',
      expression: 'a +\n  ;',
      outcome: done({
        compileError: {
          code: 'MAPPING_SYNTAX_ERROR',
          jsonataCode: 'S0211',
          message: 'The symbol ";" cannot be used as a unary operator',
          position: 7,
          token: ';',
        },
      }),
      expected: [{ kind: 'syntax', message: /";" cannot start a value/, at: [2, 3] }],
    },
    {
      name: 'runtime error of the selected record only',
      expression: 'Qty * 2',
      selectedIndex: 1,
      outcome: done({
        results: [
          { ok: true, value: 2, durationMs: 0 },
          {
            ok: false,
            error: {
              code: 'MAPPING_ERROR',
              jsonataCode: 'T2001',
              message: 'The left side of the "*" operator must evaluate to a number',
              position: 5,
              token: '*',
            },
            durationMs: 0,
          },
        ],
      }),
      expected: [{ kind: 'runtime', message: /left side of "\*" must be a number/, at: [1, 5] }],
    },
    {
      name: 'runtime error without a position has no location',
      expression: "$lookup('t', 1)",
      outcome: done({
        results: [{ ok: false, error: { code: 'LOOKUP_MISSING', message: 'The lookup table "t" was not provided.' }, durationMs: 0 }],
      }),
      expected: [{ kind: 'runtime', message: /lookup table "t"/ }],
    },
    {
      name: 'timeout',
      expression: 'x',
      outcome: { status: 'timeout', timeoutMs: 2000 },
      expected: [{ kind: 'timeout', message: /within 2000 ms/ }],
    },
    {
      name: 'worker crash',
      expression: 'x',
      outcome: { status: 'crashed', message: 'out of memory' },
      expected: [{ kind: 'runtime', message: /out of memory/ }],
    },
  ])('$name', ({ expression, outcome, selectedIndex, expected }) => {
    const problems = collectProblems({ expression, outcome, selectedIndex: selectedIndex ?? 0, schemaErrors: [], required: null });
    expect(problems).toHaveLength(expected.length);
    problems.forEach((problem, index) => {
      const wanted = at(expected, index, 'expected problem');
      expect(problem.kind).toBe(wanted.kind);
      expect(problem.message).toMatch(wanted.message);
      if (wanted.at) expect([problem.marker?.startLineNumber, problem.marker?.startColumn]).toEqual(wanted.at);
      else expect(problem.marker).toBeUndefined();
    });
  });

  test('schema problems follow, and a REQUIRED error already reported as never set appears once', () => {
    const problems = collectProblems({
      expression: '{ "gtin": G }',
      outcome: done({ results: [{ ok: true, value: { gtin: '1' }, durationMs: 0 }] }),
      selectedIndex: 0,
      schemaErrors: [
        { path: 'description', code: 'REQUIRED', message: 'description is required' },
        { path: 'gtin', code: 'FORMAT_GTIN', message: 'gtin should have 8, 12, 13 or 14 digits, got 1' },
      ],
      required: { isDeterminable: true, missing: ['description'] },
    });
    expect(problems.map((problem) => [problem.kind, problem.message])).toEqual([
      ['schema', 'gtin: gtin should have 8, 12, 13 or 14 digits, got 1'],
      ['required', 'The schema requires "description" but the expression never sets it.'],
    ]);
  });
});
