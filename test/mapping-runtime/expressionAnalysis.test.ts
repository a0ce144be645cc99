/** In-process pieces of the runtime: syntax check, lookup-table discovery, regex guard, LRU, function docs. */
import { describe, expect, test } from 'vitest';
import { checkSyntax, extraFunctionDocs, referencedLookupTables } from '../../server/mapping-runtime/index';
import { hasNestedQuantifier } from '../../server/mapping-runtime/expressionAnalysis';
import { createLru } from '../../server/mapping-runtime/batchEvaluator';
import { createExtraFunctions } from '../../server/mapping-runtime/extraFunctions';

describe('checkSyntax', () => {
  test.each([
    { expression: '{ "id": INV_ITEM_ID, "gtin": $gtin14(GTIN) }', error: null },
    { expression: 'Account.(Name', error: { code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0203', position: 13 } },
    { expression: '{ "a": ', error: { code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0203' } },
    { expression: '"unterminated', error: { code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0101' } },
  ])('$expression', ({ expression, error }) => {
    const result = checkSyntax(expression);
    if (error === null) expect(result).toBeNull();
    else expect(result).toMatchObject(error);
  });
});

describe('referencedLookupTables', () => {
  test.each([
    { expression: "$lookup('uom', UOM)", tables: ['uom'] },
    { expression: "{ 'u': $lookup('uom', U), 'v': $lookup(\"vendors\", V), 'w': items.$lookup('uom', x) }", tables: ['uom', 'vendors'] },
    { expression: "$lookup($table, 'k')", tables: [] },
    { expression: "$lookup({'a': 1}, 'a')", tables: [] },
    { expression: "($f := function($k){ $lookup('category', $k) }; $f(C))", tables: ['category'] },
    { expression: "$map(xs, $lookup('uom', ?))", tables: ['uom'] },
    { expression: "$lookup('uom', ", tables: [] },
  ])('$expression', ({ expression, tables }) => {
    expect(referencedLookupTables(expression)).toEqual(tables);
  });
});

describe('hasNestedQuantifier (static regex guard)', () => {
  test.each([
    { source: '(a+)+$', isUnsafe: true },
    { source: '([a-z]+\\s?)*x', isUnsafe: true },
    { source: '(a*){2,}', isUnsafe: true },
    { source: '((ab)+c)*', isUnsafe: true },
    { source: '(\\d+)-(\\d+)', isUnsafe: false },
    { source: '(ab)+', isUnsafe: false },
    { source: '(a+)?b', isUnsafe: false },
    { source: '(a+){2}', isUnsafe: false },
    { source: '[(a+)]+', isUnsafe: false },
    { source: '\\(a+\\)+', isUnsafe: false },
    { source: '^[0-9]{5}(-[0-9]{4})?$', isUnsafe: false },
  ])('/$source/ unsafe: $isUnsafe', ({ source, isUnsafe }) => {
    expect(hasNestedQuantifier(source)).toBe(isUnsafe);
  });
});

describe('compiled-expression LRU', () => {
  test('evicts the least recently used key', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });
});

test('every registered extra function is documented for the studio, and nothing else is', () => {
  const noop = { implementation: () => undefined, signature: { validate: (args: unknown[]) => args } };
  const registered = createExtraFunctions({ currentLookups: () => ({}), builtinLookup: noop }).map((fn) => `$${fn.name}`);
  expect(extraFunctionDocs.map((doc) => doc.name).sort()).toEqual(registered.sort());
});
