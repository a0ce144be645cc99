/** The mapping editor's reducer, the every-record check and the target-schema tree, as fixture tables. */
import { describe, expect, test } from 'vitest';
import type { TestReportView } from '../../server/contracts/mappingEvaluation';
import type { RecordResult } from '../../studio/src/jsonata/evaluation';
import type { JsonSchema } from '../../studio/src/jsonata/schemaShape';
import { editorReducer, expectationFromActual, initialEditorState, snapshotOf } from '../../studio/src/pages/mappings/editorState';
import type { EditorAction, EditorState } from '../../studio/src/pages/mappings/editorState';
import { checkEveryRecord, describeRecordCheck } from '../../studio/src/pages/mappings/recordCheck';
import type { SourceFormat, SourceFormatOptions } from '../../server/ingest/formats/registry';
import { sourceFormatOfChoice, type SampleFormatChoice } from '../../studio/src/mappings/sourceFormat';
import { missingRequired, schemaFieldTree } from '../../studio/src/pages/mappings/schemaTree';
import { at } from '../support/must';

const schema: JsonSchema = {
  type: 'object',
  required: ['sourceId', 'name'],
  properties: {
    sourceId: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    city: { type: 'string' },
    addresses: { type: 'array', items: { $ref: '#/$defs/address' } },
  },
  $defs: { address: { type: 'object', required: ['line1'], properties: { line1: { type: 'string' }, postalCode: { type: 'string' } } } },
};

const ok = (value: unknown): RecordResult => ({ ok: true, value, durationMs: 1 });
const failed = (code: string, message: string): RecordResult => ({ ok: false, error: { code, message } as never, durationMs: 1 });

function reduce(actions: EditorAction[], start?: EditorState): EditorState {
  return actions.reduce(editorReducer, start ?? initialEditorState({ domain: 'item', expression: '', sampleText: '', lookupsText: '' }));
}

const tests = [
  { name: 'a', input: { ID: 1 }, output: { sourceId: '1' } },
  { name: 'b', input: { ID: 2 }, output: { sourceId: '2' } },
  { name: 'c', input: { ID: 3 }, error: 'T2001' },
];

const report: TestReportView = {
  total: 3,
  passed: 1,
  failed: 2,
  isPassing: false,
  syntaxError: null,
  missingLookupTables: [],
  cases: [
    {
      name: 'a',
      passed: true,
      expected: { output: { sourceId: '1' } },
      actual: { output: { sourceId: '1' } },
      schemaErrors: [],
      durationMs: 1,
    },
    {
      name: 'b',
      passed: false,
      expected: { output: { sourceId: '2' } },
      actual: { output: { sourceId: 'B-2' } },
      differences: ['sourceId'],
      schemaErrors: [],
      durationMs: 1,
    },
    { name: 'c', passed: false, expected: { error: 'T2001' }, actual: { output: null }, schemaErrors: [], durationMs: 1 },
  ],
};

describe('editorReducer', () => {
  test.each([
    {
      name: 'server content replaces the editor text, tests and saved snapshot (load, save, publish, rollback alike)',
      actions: [
        { type: 'expressionEdited', expression: 'local edit' },
        { type: 'serverContent', content: { expression: 'server', samples: [{ ID: 1 }], tests } },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.expression).toBe('server');
        expect(JSON.parse(state.sampleText)).toEqual([{ ID: 1 }]);
        expect(state.tests).toEqual(tests);
        expect(state.savedSnapshot).toBe(snapshotOf({ expression: 'server', samples: [{ ID: 1 }], tests }));
      },
    },
    {
      name: 'a removed test can be undone, back at its place',
      actions: [
        { type: 'serverContent', content: { expression: '', samples: [], tests } },
        { type: 'testRemoved', index: 1 },
        { type: 'testRemovalUndone' },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.tests.map((test) => test.name)).toEqual(['a', 'b', 'c']);
        expect(state.removedTest).toBeNull();
        expect(state.notice).toContain('restored');
      },
    },
    {
      name: 'removing says how to undo and keeps the test until then',
      actions: [
        { type: 'serverContent', content: { expression: '', samples: [], tests } },
        { type: 'testRemoved', index: 0 },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.tests.map((test) => test.name)).toEqual(['b', 'c']);
        expect(state.removedTest?.test.name).toBe('a');
        expect(state.notice).toMatch(/undo/);
      },
    },
    {
      name: 'accepting the actual output rewrites the expectation and the report',
      actions: [
        { type: 'serverContent', content: { expression: '', samples: [], tests } },
        { type: 'testsReported', report },
        { type: 'actualAccepted', name: 'b' },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.tests[1]).toEqual({ name: 'b', input: { ID: 2 }, output: { sourceId: 'B-2' } });
        expect(state.report?.cases[1]).toMatchObject({ passed: true, expected: { output: { sourceId: 'B-2' } } });
        expect(state.report).toMatchObject({ passed: 2, failed: 1, isPassing: false });
      },
    },
    {
      name: 'accepting an output where an error was expected drops the error',
      actions: [
        { type: 'serverContent', content: { expression: '', samples: [], tests } },
        { type: 'testsReported', report },
        { type: 'actualAccepted', name: 'c' },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.tests[2]).toEqual({ name: 'c', input: { ID: 3 }, output: null });
      },
    },
    {
      name: 'accepting an unknown test changes nothing',
      actions: [
        { type: 'serverContent', content: { expression: '', samples: [], tests } },
        { type: 'testsReported', report },
        { type: 'actualAccepted', name: 'zzz' },
      ] as EditorAction[],
      check: (state: EditorState) => expect(state.tests).toEqual(tests),
    },
    {
      name: 'an action clears the previous error and notice; a failure ends busy',
      actions: [
        { type: 'actionFailed', error: new Error('x') },
        { type: 'actionStarted', label: 'Saving…' },
        { type: 'actionFailed', error: new Error('y') },
      ] as EditorAction[],
      check: (state: EditorState) => {
        expect(state.busy).toBe('');
        expect((state.actionError as Error).message).toBe('y');
      },
    },
  ])('$name', ({ actions, check }) => check(reduce(actions)));

  test.each([
    [{ output: { a: 1 } }, { output: { a: 1 } }],
    [{ output: null }, { output: null }],
    [{ error: { code: 'T2001', message: 'x' } }, { error: 'T2001' }],
    [{ error: {} }, null],
    ['text', null],
  ])('expectationFromActual(%j) → %j', (actual, expected) => expect(expectationFromActual(actual)).toEqual(expected));
});

describe('checkEveryRecord', () => {
  test.each([
    {
      name: 'all valid',
      results: [ok({ sourceId: '1', name: 'A' }), ok({ sourceId: '2', name: 'B' })],
      failing: [],
      text: '2 records · all pass the schema',
    },
    {
      name: 'schema violations and mapping errors, each with its record index',
      results: [ok({ sourceId: '1', name: 'A' }), ok({ sourceId: '2', name: '' }), failed('T2001', 'bad'), ok({ name: 'C' })],
      failing: [1, 2, 3],
      text: '3 of 4 fail',
    },
    { name: 'no value at all is a failure', results: [ok(undefined)], failing: [0], text: '1 of 1 fail' },
  ])('$name', ({ results, failing, text }) => {
    const check = checkEveryRecord(schema, results);
    expect(check.failures.map((failure) => failure.index)).toEqual(failing);
    expect(describeRecordCheck(check)).toBe(text);
  });

  test('messages name the field', () => {
    const check = checkEveryRecord(schema, [ok({ sourceId: '2', name: 42 })]);
    expect(check.failures[0]).toMatchObject({ kind: 'schema' });
    expect(at(check.failures, 0).messages.join(' ')).toContain('name');
  });

  test('without a schema only mapping errors count, and the summary says the schema was not checked', () => {
    const check = checkEveryRecord(null, [ok({ name: 42 }), failed('T2001', 'bad')]);
    expect(check.failures.map((failure) => failure.kind)).toEqual(['mapping']);
    expect(describeRecordCheck(checkEveryRecord(null, [ok({})]))).toBe('1 record · all map (schema not loaded)');
  });
});

describe('schemaFieldTree', () => {
  const outputs = [
    { sourceId: '1', name: 'A', addresses: [{ line1: 'x' }, { postalCode: '1' }] },
    { sourceId: '2', name: '', addresses: [] },
    { sourceId: '3', city: 'Austin', addresses: [{ line1: 'y', postalCode: '2' }] },
  ];
  const tree = schemaFieldTree(schema, outputs);

  test('required fields first, with the number of outputs filling each', () => {
    expect(tree.map((node) => [node.name, node.isRequired, node.filled])).toEqual([
      ['sourceId', true, 3],
      ['name', true, 1],
      ['city', false, 1],
      ['addresses', false, 2],
    ]);
    const addresses = at(tree, 3);
    expect(addresses).toMatchObject({ type: 'object[]', isArray: true });
    expect(addresses.children.map((node) => [node.path, node.filled])).toEqual([
      ['addresses.line1', 2],
      ['addresses.postalCode', 2],
    ]);
  });

  test('missing required fields: empty strings count as missing; nested ones relative to their filled parent', () => {
    expect(missingRequired(tree, outputs.length)).toEqual([{ path: 'name', missingIn: 2 }]);
    const partial = schemaFieldTree(schema, [{ sourceId: '1', name: 'A', addresses: [{ postalCode: '1' }] }]);
    expect(missingRequired(partial, 1)).toEqual([{ path: 'addresses.line1', missingIn: 1 }]);
  });
});

describe("the source's format is kept with the draft", () => {
  const hl7Content = { expression: '{}', samples: [{ MSH: [{}] }], tests: [], format: { contentType: 'application/hl7-v2', options: {} } };
  const er7 = 'MSH|^~\\&|EPIC|SUPPLY|MDM|HUB|20240606||MFN^M16^MFN_M16|C1|P|2.6\rITM|1^EPIC|Glove';

  test.each([
    ['no format: detected JSON', undefined, { format: 'auto', formatOptions: {} }],
    ['HL7 v2', { contentType: 'application/hl7-v2', options: {} }, { format: 'hl7v2', formatOptions: {} }],
    ['pipe-delimited', { contentType: 'text/csv', options: { delimiter: '|' } }, { format: 'csv', formatOptions: { delimiter: '|' } }],
    [
      'tab-separated (implied by the content type)',
      { contentType: 'text/tab-separated-values', options: {} },
      { format: 'csv', formatOptions: { delimiter: '\t' } },
    ],
    [
      'SOAP',
      { contentType: 'text/xml', options: { recordPath: 'Envelope.Body.R.Supplier', alwaysArray: ['ID'] } },
      { format: 'xml', formatOptions: { recordPath: 'Envelope.Body.R.Supplier', alwaysArray: ['ID'] } },
    ],
    [
      'FHIR',
      { contentType: 'application/fhir+json', options: { resourceType: 'Organization' } },
      { format: 'fhir', formatOptions: { resourceType: 'Organization' } },
    ],
  ])('loading a draft with %s picks that format; the stored samples are records', (_name, format, expected) => {
    const state = reduce([
      { type: 'serverContent', content: { expression: '{}', samples: [{ a: 1 }], tests: [], ...(format ? { format } : {}) } },
    ]);
    expect(state).toMatchObject({ ...expected, sampleKind: 'records' });
    // Saving what was loaded writes the same format back (nothing to save).
    const saved = sourceFormatOfChoice({ format: state.format, options: state.formatOptions, previous: format });
    expect(snapshotOf({ expression: '{}', samples: [{ a: 1 }], tests: [], ...(saved ? { format: saved } : {}) })).toBe(state.savedSnapshot);
  });

  test('pasting what the source sends makes the text a payload; editing the records keeps them records', () => {
    const loaded = reduce([{ type: 'serverContent', content: hl7Content }]);
    expect(reduce([{ type: 'sampleTextEdited', text: '[{"MSH":[{"x":1}]}]' }], loaded).sampleKind).toBe('records');
    expect(reduce([{ type: 'sampleTextEdited', text: er7 }], loaded).sampleKind).toBe('payload');
  });

  test('a save that returns the samples as typed keeps the pasted ER7 and its format', () => {
    const pasted = reduce([
      { type: 'formatChosen', format: 'hl7v2', options: {} },
      { type: 'sampleTextEdited', text: er7 },
      { type: 'serverContent', content: hl7Content, keepSampleText: true },
    ]);
    expect(pasted).toMatchObject({ sampleText: er7, sampleKind: 'payload', format: 'hl7v2' });
  });

  test.each([
    [{ format: 'auto', options: { delimiter: '|' } }, undefined, undefined],
    [{ format: 'hl7v2', options: {} }, undefined, { contentType: 'application/hl7-v2', options: {} }],
    [{ format: 'xml', options: { recordPath: '', alwaysArray: [] } }, undefined, { contentType: 'application/xml', options: {} }],
    [
      { format: 'xml', options: { recordPath: 'a.b' } },
      { contentType: 'text/xml', options: {} },
      { contentType: 'text/xml', options: { recordPath: 'a.b' } },
    ],
    [
      { format: 'csv', options: { delimiter: '|', quote: '' } },
      { contentType: 'application/json', options: {} },
      { contentType: 'text/csv', options: { delimiter: '|', quote: '' } },
    ],
    [
      { format: 'csv', options: { delimiter: '\t' } },
      { contentType: 'text/tab-separated-values', options: {} },
      { contentType: 'text/tab-separated-values', options: {} },
    ],
  ] as Array<[{ format: SampleFormatChoice; options: SourceFormatOptions }, SourceFormat | undefined, SourceFormat | undefined]>)(
    'the picker state %j (stored before: %j) saves as %j',
    (choice, previous, expected) => {
      expect(sourceFormatOfChoice({ format: choice.format, options: choice.options, previous })).toEqual(expected);
    },
  );

  test('changing the format is a change to save', () => {
    const content = { expression: '{}', samples: [], tests: [] };
    expect(snapshotOf({ ...content, format: { contentType: 'text/csv', options: { delimiter: '|' } } })).not.toBe(snapshotOf(content));
  });
});
