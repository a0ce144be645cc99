import jsonata from 'jsonata';
import { describe, expect, test } from 'vitest';
import { errorSpan, markerForError, positionAt } from '../../studio/src/jsonata/errorMarkers';
import type { JsonataErrorLike } from '../../studio/src/jsonata/errorMarkers';
import { createEvaluator } from '../../studio/src/jsonata/evaluation';
import { at } from '../support/must';

/** The error jsonata itself raises for the expression: at compile time, else when evaluated. */
async function jsonataError(expression: string, input: unknown): Promise<JsonataErrorLike> {
  try {
    await jsonata(expression).evaluate(input);
  } catch (err) {
    return err as JsonataErrorLike;
  }
  throw new Error(`"${expression}" did not fail`);
}

/** The text a marker covers, read back through its line/column range. */
function coveredText(
  text: string,
  marker: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number },
): string {
  const lines = text.split('\n');
  if (marker.startLineNumber === marker.endLineNumber)
    return at(lines, marker.startLineNumber - 1).slice(marker.startColumn - 1, marker.endColumn - 1);
  const first = at(lines, marker.startLineNumber - 1).slice(marker.startColumn - 1);
  const middle = lines.slice(marker.startLineNumber, marker.endLineNumber - 1);
  const last = at(lines, marker.endLineNumber - 1).slice(0, marker.endColumn - 1);
  return [first, ...middle, last].join('\n');
}

interface Fixture {
  name: string;
  expression: string;
  input?: unknown;
  code: string;
  /** Exactly the text the marker must cover. */
  covers: string;
  /** 1-based line and column where the marker starts. */
  start: [number, number];
  message: RegExp;
}

const input = { Foo: { Bar: 1, Name: 'x' }, Lines: [{ Qty: '12' }] };

const fixtures: Fixture[] = [
  { name: 'unexpected token', expression: 'Foo.Bar;', code: 'S0201', covers: ';', start: [1, 8], message: /Unexpected ";"/ },
  { name: 'two strings in a row', expression: '"abc" "def"', code: 'S0201', covers: '"def"', start: [1, 7], message: /Unexpected "def"/ },
  {
    name: 'operator with nothing after it (end of expression)',
    expression: 'Foo.Bar +',
    code: 'S0207',
    covers: '+',
    start: [1, 9],
    message: /ends too early/,
  },
  {
    name: 'end of expression on a later line with trailing spaces',
    expression: 'Foo.Bar\n  ~>   \n',
    code: 'S0207',
    covers: '~>',
    start: [2, 3],
    message: /ends too early/,
  },
  {
    name: 'unclosed bracket at the end of a line',
    expression: '{\n  "a": Foo.Bar,\n  "b": $uppercase(Foo.Name',
    code: 'S0203',
    covers: 'Name',
    start: [3, 23],
    message: /"\)" is missing/,
  },
  {
    name: 'unterminated string runs to the end',
    expression: '{\n  "name": "Acme\n}',
    code: 'S0101',
    covers: '"Acme\n}',
    start: [2, 11],
    message: /never closed/,
  },
  {
    name: 'unterminated string at the end of a line',
    expression: 'Foo.Name & "',
    code: 'S0101',
    covers: '"',
    start: [1, 12],
    message: /never closed/,
  },
  {
    name: 'unterminated backtick name',
    expression: 'Foo.`Facility ID',
    code: 'S0105',
    covers: '`Facility ID',
    start: [1, 5],
    message: /backtick/,
  },
  {
    name: 'unterminated comment',
    expression: 'Foo /* note\nmore',
    code: 'S0106',
    covers: '/* note\nmore',
    start: [1, 5],
    message: /comment is never closed/,
  },
  {
    name: 'unterminated regex',
    expression: '$match(Foo.Name, /ab+',
    code: 'S0302',
    covers: '/ab+',
    start: [1, 18],
    message: /regular expression is never closed/,
  },
  {
    name: 'symbol that cannot start a value, across lines',
    expression: 'Lines[\n  Qty = ]',
    code: 'S0211',
    covers: ']',
    start: [2, 9],
    message: /cannot start a value/,
  },
  { name: 'doubled operator', expression: 'Foo.Bar = = 1', code: 'S0211', covers: '=', start: [1, 11], message: /"="/ },
  { name: 'double dot', expression: 'Foo..Bar', code: 'S0201', covers: '..', start: [1, 4], message: /".."/ },
  {
    name: 'runtime: text on the left of +',
    expression: 'Foo.Name + 1',
    input,
    code: 'T2001',
    covers: '+',
    start: [1, 10],
    message: /left side of "\+" must be a number/,
  },
  {
    name: 'runtime: text on the right of +, on line 3',
    expression: '(\n  $x := 1;\n  $x + Foo.Name\n)',
    input,
    code: 'T2002',
    covers: '+',
    start: [3, 6],
    message: /right side/,
  },
  {
    name: 'runtime: calling something that is not a function',
    expression: 'Foo.$notAFunction()',
    input,
    code: 'T1006',
    covers: '$notAFunction',
    start: [1, 5],
    message: /\$notAFunction is not a function/,
  },
  {
    name: 'runtime: wrong argument type names the function',
    expression: '{\n  "x": $uppercase(Foo, 1)\n}',
    input,
    code: 'T0410',
    covers: '$uppercase',
    start: [2, 8],
    message: /Argument 1 of \$uppercase/,
  },
  {
    name: 'runtime: cast failure',
    expression: '$number("12a")',
    input,
    code: 'D3030',
    covers: '$number',
    start: [1, 1],
    message: /Cannot turn "12a" into a number/,
  },
  {
    name: 'runtime: same function twice, the later call is marked',
    expression: '$number(Lines.Qty) + $number("x")',
    input,
    code: 'D3030',
    covers: '$number',
    start: [1, 22],
    message: /"x"/,
  },
];

describe('markerForError', () => {
  test.each(fixtures)('$name', async (fixture) => {
    const error = await jsonataError(fixture.expression, fixture.input ?? {});
    expect(error.code).toBe(fixture.code);
    const marker = markerForError(fixture.expression, error);
    expect(coveredText(fixture.expression, marker)).toBe(fixture.covers);
    expect([marker.startLineNumber, marker.startColumn]).toEqual(fixture.start);
    expect(marker.message).toMatch(fixture.message);
    expect(marker.code).toBe(fixture.code);
  });

  test('errors from the studio evaluator (runtime-shaped, code in jsonataCode) get the same range', async () => {
    const expression = '{\n  "qty": Lines.Qty * 2\n}';
    const response = await createEvaluator().evaluate({ id: 1, expression, records: [input], lookups: {} });
    const result = at(response.results, 0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'MAPPING_ERROR', jsonataCode: 'T2001' });
    const marker = markerForError(expression, result.error);
    expect(coveredText(expression, marker)).toBe('*');
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 20, code: 'T2001' });
  });

  test('runtime-shaped syntax errors (no `value`) still name the expected symbol', async () => {
    const expression = '{ "a": 1\n  "b": 2 }';
    const response = await createEvaluator().evaluate({ id: 1, expression, records: [{}], lookups: {} });
    expect(response.compileError).toMatchObject({ code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0202' });
    const marker = markerForError(expression, response.compileError ?? { message: '' });
    expect(coveredText(expression, marker)).toBe('"b"');
    expect(marker.message).toMatch(/^Expected "}" but found "b"/);
  });

  test('an error without a position marks the whole expression', () => {
    const text = '  Foo.Bar\n  + 1  ';
    expect(errorSpan(text, { message: 'failed' })).toEqual({ start: 2, end: text.trimEnd().length });
  });

  test("unknown codes keep jsonata's own message", () => {
    const marker = markerForError('Foo', { code: 'X9999', message: 'Something odd', position: 3, token: 'Foo' });
    expect(marker.message).toBe('Something odd');
    expect([marker.startColumn, marker.endColumn]).toEqual([1, 4]);
  });

  test.each([
    ['', 0, [1, 1]],
    ['abc', 2, [1, 3]],
    ['a\nbc', 2, [2, 1]],
    ['a\nbc', 4, [2, 3]],
    ['a\r\nb', 3, [2, 1]],
  ] as Array<[string, number, [number, number]]>)('positionAt(%j, %i)', (text, offset, expected) => {
    const position = positionAt(text, offset);
    expect([position.lineNumber, position.column]).toEqual(expected);
  });
});
