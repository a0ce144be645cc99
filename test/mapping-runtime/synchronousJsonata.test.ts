/**
 * The synchronous build of jsonata the mapping workers evaluate with: it must be the library's own behaviour without
 * the promises — same values, same error codes — and refuse sources it cannot rewrite safely. (The official suite, run
 * through the runtime by conformance.test.ts, is the full check; this table is the fast one that needs no checkout.)
 */
import { describe, expect, test } from 'vitest';
import jsonata from 'jsonata';
import { synchronousJsonata, synchronousSource } from '../../server/mapping-runtime/synchronousJsonata';

const { factory: synchronous, isSynchronous } = synchronousJsonata();

async function outcomeOf(evaluate: () => unknown): Promise<{ value: unknown } | { code: unknown }> {
  try {
    return { value: await evaluate() };
  } catch (err) {
    return { code: (err as { code?: unknown }).code };
  }
}

const ROW = {
  ITEM: '200114',
  DESCRIPTION: 'GLOVE EXAM NITRILE LG',
  UOM: 'BX',
  LINES: [
    { VENDOR: '1020', COST: 12.5 },
    { VENDOR: '1007', COST: 9.75 },
    { VENDOR: '1020', COST: 11 },
  ],
};

// Expressions written for this table from the shapes item-master mappings use: paths, predicates, grouping,
// higher-order built-ins that call back into the evaluator, string functions with function arguments, and errors.
const CASES: Array<{ name: string; expression: string }> = [
  { name: 'path and string concatenation', expression: 'ITEM & " " & $lowercase(DESCRIPTION)' },
  { name: 'object constructor with grouping', expression: 'LINES{VENDOR: $sum(COST)}' },
  { name: 'array constructor and predicate', expression: '[LINES[COST > 10].VENDOR, UOM]' },
  { name: 'sort with a comparator function', expression: '$sort(LINES, function($a, $b) { $a.COST > $b.COST }).COST' },
  {
    name: 'map, filter and reduce',
    expression: '$reduce($filter($map(LINES, function($l) { $l.COST * 2 }), function($v) { $v > 20 }), function($a, $b) { $a + $b })',
  },
  { name: 'replace with a function', expression: '$replace(DESCRIPTION, /[AEIOU]/, function($m) { $lowercase($m.match) })' },
  { name: 'block with bindings and a conditional', expression: '($n := $count(LINES); $n > 2 ? "many" : "few")' },
  { name: 'recursive lambda', expression: '($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(10))' },
  { name: 'transform operator', expression: '$ ~> |LINES|{"COST": COST * 100}|' },
  { name: 'type error', expression: 'DESCRIPTION + 1' },
  { name: 'undefined function', expression: '$nothing(ITEM)' },
  { name: 'signature mismatch', expression: '$substring(LINES)' },
];

describe('synchronous jsonata', () => {
  test('the installed jsonata version has a verified synchronous build', () => {
    expect(isSynchronous).toBe(true);
    const result: unknown = synchronous('1 + 1').evaluate({});
    expect(result).toBe(2);
  });

  test.each(CASES)('$name: same outcome as the library', async ({ expression }) => {
    const expected = await outcomeOf(() => jsonata(expression).evaluate(ROW));
    const actual = await outcomeOf(() => synchronous(expression).evaluate(ROW));
    expect(actual).toEqual(expected);
  });

  test('the time and depth guardrails still fire, with their codes', async () => {
    const runaway = '($f := function($n) { $f($n + 1) + 1 }; $f(0))';
    expect(await outcomeOf(() => synchronous(runaway, { stack: 50 }).evaluate({}))).toEqual({ code: 'D1011' });
    const slow = '($f := function($n) { $n > 1e9 ? $n : $f($n + 1) }; $f(0))';
    expect(await outcomeOf(() => synchronous(slow, { timeout: 20, stack: 1e6 }).evaluate({}))).toMatchObject({
      code: expect.stringMatching(/^D101[12]$/),
    });
  });

  test('two failing items of one constructor: the error reported is the first in source order', async () => {
    // The async library evaluates a constructor's items concurrently and reports whichever fails after fewer awaits
    // (here the second, T2002); evaluated in order, the first item's error (T1006, an unknown function) comes first.
    for (const expression of ['[$string(a.b.c) & $unknown(), 1 + "x"]', '{"first": a.b.c & $unknown(), "second": 1 + "x"}']) {
      expect(await outcomeOf(() => synchronous(expression).evaluate({}))).toEqual({ code: 'T1006' });
    }
  });

  test.each([
    ['an async arrow without parentheses', 'var f = async x => x;'],
    ['for await', 'async function g(xs) { for await (const x of xs) {} }'],
    ['a promise built by hand', 'function h() { return new Promise((resolve) => resolve(1)); }'],
  ])('a source with %s is refused (falls back to the library)', (_name, source) => {
    expect(synchronousSource(source)).toBeNull();
  });

  test('the rewrite removes async, await and Promise.all and nothing else', () => {
    const source = 'async function f(x) { var ys = await Promise.all(x.map(async (v) => await g(v))); return ys.async; }';
    expect(synchronousSource(source)).toContain('function f(x) { var ys = __allValues(x.map((v) => g(v))); return ys.async; }');
  });
});
