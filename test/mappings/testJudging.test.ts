/** Fixture tables for the pure pieces: judging a test case against an outcome, field-level diffs, stable hashing. */
import { describe, expect, test } from 'vitest';
import { differingPaths } from '../../server/mappings/jsonDiff';
import { contentHash, normalizeExpression, stableStringify } from '../../server/mappings/mappingIdentity';
import { judgeTestCase } from '../../server/mappings/testRunner';
import type { RecordOutcome } from '../../server/mapping-runtime';
import type { MappingTestCase } from '../../server/mappings/types';

const ok = (value: unknown): RecordOutcome => ({ ok: true, value, durationMs: 1 });
const failed = (code: string, jsonataCode?: string): RecordOutcome => ({ ok: false, error: { code, message: 'boom', ...(jsonataCode ? { jsonataCode } : {}) }, durationMs: 1 });

describe('judgeTestCase', () => {
  test.each<[string, MappingTestCase, RecordOutcome, boolean, string | undefined]>([
    ['equal output', { name: 't', input: {}, output: { a: 1, b: [1, 2] } }, ok({ b: [1, 2], a: 1 }), true, undefined],
    ['different value', { name: 't', input: {}, output: { a: 1 } }, ok({ a: 2 }), false, 'output differs from the expected output (differs at a)'],
    ['extra field', { name: 't', input: {}, output: { a: 1 } }, ok({ a: 1, b: 2 }), false, 'output differs from the expected output (differs at b)'],
    ['array order matters', { name: 't', input: {}, output: { a: [1, 2] } }, ok({ a: [2, 1] }), false, 'output differs from the expected output (differs at a[0], a[1])'],
    ['null expects no output', { name: 't', input: {}, output: null }, ok(undefined), true, undefined],
    ['no output when one was expected', { name: 't', input: {}, output: { a: 1 } }, ok(undefined), false, 'expected an output, but the mapping produced nothing (undefined)'],
    ['expected our error code', { name: 't', input: {}, error: 'LOOKUP_MISSING' }, failed('LOOKUP_MISSING'), true, undefined],
    ["expected jsonata's code", { name: 't', input: {}, error: 'D3137' }, failed('MAPPING_ERROR', 'D3137'), true, undefined],
    ['other error code', { name: 't', input: {}, error: 'D3137' }, failed('MAPPING_ERROR', 'T2001'), false, 'expected error D3137, got error MAPPING_ERROR (T2001): boom'],
    ['error expected, output produced', { name: 't', input: {}, error: 'MAPPING_ERROR' }, ok({ a: 1 }), false, 'expected error MAPPING_ERROR, got output {"a":1}'],
    ['output expected, error produced', { name: 't', input: {}, output: { a: 1 } }, failed('MAPPING_TIMEOUT'), false, 'expected an output, got error MAPPING_TIMEOUT: boom'],
  ])('%s', (_, testCase, outcome, passed, message) => {
    const result = judgeTestCase({ test: testCase, outcome, domain: 'none', direction: 'outbound' });
    expect(result.passed).toBe(passed);
    expect(result.message).toBe(message);
  });

  test('inbound outputs carry their canonical-schema problems without failing the case', () => {
    const result = judgeTestCase({ test: { name: 't', input: {}, output: { sourceId: '1' } }, outcome: ok({ sourceId: '1' }), domain: 'item', direction: 'inbound' });
    expect(result.passed).toBe(true);
    expect(result.schemaErrors).toContainEqual(expect.objectContaining({ path: 'description', code: 'REQUIRED' }));
  });
});

describe('differingPaths', () => {
  test.each<[string, unknown, unknown, string[]]>([
    ['equal objects', { a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 }, []],
    ['nested field', { a: { b: 1 } }, { a: { b: 2 } }, ['a.b']],
    ['array element field', { packaging: [{ uom: 'EA' }, { uom: 'BX' }] }, { packaging: [{ uom: 'EA' }, { uom: 'CS' }] }, ['packaging[1].uom']],
    ['added and removed', { a: 1 }, { b: 1 }, ['a', 'b']],
    ['awkward key', { 'Facility ID': 1 }, { 'Facility ID': 2 }, ['"Facility ID"']],
    ['whole value', 1, 'x', ['']],
  ])('%s', (_, before, after, expected) => {
    expect(differingPaths(before, after)).toEqual(expected);
  });
});

describe('content identity', () => {
  test('key order and trailing whitespace do not change a hash; content does', () => {
    const base = { expression: '{ "a": b }', description: 'd', samples: [{ x: 1, y: 2 }], tests: [] };
    expect(contentHash({ ...base, samples: [{ y: 2, x: 1 }] })).toBe(contentHash(base));
    expect(contentHash({ ...base, expression: normalizeExpression('{ "a": b }\n\n') })).toBe(contentHash(base));
    expect(contentHash({ ...base, description: 'e' })).not.toBe(contentHash(base));
    expect(stableStringify({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});
