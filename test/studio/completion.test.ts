import { describe, expect, test } from 'vitest';
import { completeJsonata } from '../../studio/src/jsonata/completion';
import type { CompletionSituation } from '../../studio/src/jsonata/completion';
import type { JsonSchema } from '../../studio/src/jsonata/schemaShape';

// Oracle-Fusion-like supplier rows plus CMS-style names with spaces and dashes.
const samples = [
  {
    SupplierId: 300000047,
    Supplier: 'Cardinal Health 200, LLC',
    'Facility ID': '010001',
    'tax-id': '36-4100000',
    addresses: [
      { AddressLine1: '7000 Cardinal Pl', City: 'Dublin', contacts: [{ Email: 'ap@example.com', Phones: [{ Number: '555' }] }] },
      { PostalCode: '43017', GlobalLocationNumber: '0012345000058' },
    ],
    Tax: { EIN: '36-4100000', Country: 'US' },
  },
  { SupplierId: 300000048, Supplier: 'Medline Industries, LP', DUNSNumber: '025460908', addresses: [] },
];

const targetSchema: JsonSchema = {
  type: 'object',
  required: ['sourceId', 'name'],
  properties: {
    sourceId: { type: 'string', description: 'Id in the source system.' },
    name: { type: 'string' },
    addresses: {
      type: 'array',
      items: { type: 'object', required: ['line1'], properties: { line1: { type: 'string' }, city: { type: 'string' } } },
    },
    parent: { $ref: '#/$defs/ref' },
  },
  $defs: { ref: { type: 'object', properties: { sourceId: { type: 'string' }, system: { type: 'string' } } } },
};

const lookupTables = [{ name: 'uom', description: 'Units' }, { name: 'supplierStatus' }];

/** `|` marks the cursor in each fixture expression. */
function complete(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { result: completeJsonata({ text, offset, samples, lookupTables, targetSchema }), text, offset };
}

interface Fixture {
  name: string;
  text: string;
  situation: CompletionSituation;
  /** Labels that must be offered (in this relative order). */
  includes: string[];
  /** Labels that must not be offered. */
  excludes?: string[];
  /** The insert text of the first `includes` label, when it matters. */
  insertText?: string;
  /** The text the suggestion replaces. */
  replaces?: string;
}

const fixtures: Fixture[] = [
  {
    name: 'empty expression offers the payload keys',
    text: '|',
    situation: 'operand',
    includes: ['SupplierId', 'Supplier', 'Facility ID', 'addresses', 'Tax', 'DUNSNumber'],
    excludes: ['City'],
  },
  {
    name: 'partial word at the top level replaces the word',
    text: 'Sup|',
    situation: 'operand',
    includes: ['Supplier'],
    insertText: 'Supplier',
    replaces: 'Sup',
  },
  {
    name: 'the whole word is replaced when the cursor is inside it',
    text: 'Sup|plier',
    situation: 'operand',
    includes: ['Supplier'],
    replaces: 'Supplier',
  },
  { name: 'after a dot: keys of the object', text: 'Tax.|', situation: 'afterDot', includes: ['EIN', 'Country'], excludes: ['Supplier'] },
  { name: 'after a dot with a partial name', text: 'Tax.Co|', situation: 'afterDot', includes: ['EIN', 'Country'], replaces: 'Co' },
  {
    name: 'after a dot through an array: union of the items',
    text: 'addresses.|',
    situation: 'afterDot',
    includes: ['AddressLine1', 'City', 'contacts', 'PostalCode', 'GlobalLocationNumber'],
  },
  { name: 'nested arrays flatten', text: 'addresses.contacts.Phones.|', situation: 'afterDot', includes: ['Number'], excludes: ['Email'] },
  { name: 'array index keeps the path', text: 'addresses[0].|', situation: 'afterDot', includes: ['AddressLine1', 'PostalCode'] },
  {
    name: 'inside a predicate: keys of the items',
    text: 'addresses[|]',
    situation: 'operand',
    includes: ['AddressLine1', 'City'],
    excludes: ['Supplier'],
  },
  {
    name: 'inside a predicate after an operator',
    text: 'addresses[City = "Dublin" and Post|]',
    situation: 'operand',
    includes: ['PostalCode'],
    excludes: ['Tax'],
  },
  { name: 'after a filtered step', text: 'addresses[City = "Dublin"].contacts.|', situation: 'afterDot', includes: ['Email', 'Phones'] },
  {
    name: 'inside a map object: keys of the items',
    text: 'addresses.{ "line1": |',
    situation: 'operand',
    includes: ['AddressLine1', 'City'],
    excludes: ['SupplierId'],
  },
  {
    name: 'nested map objects',
    text: 'addresses.{ "c": contacts.{ "e": | } }',
    situation: 'operand',
    includes: ['Email', 'Phones'],
    excludes: ['City'],
  },
  {
    name: 'after closing a map, context returns to the top',
    text: 'addresses.{ "c": City }; |',
    situation: 'operand',
    includes: ['Supplier'],
  },
  {
    name: 'object constructor at the top keeps the payload context',
    text: '{ "name": Supp|',
    situation: 'operand',
    includes: ['Supplier'],
    excludes: ['City'],
  },
  {
    name: 'inside a function call: same context',
    text: 'addresses.{ "x": $trim(|) }',
    situation: 'operand',
    includes: ['AddressLine1'],
    excludes: ['Supplier'],
  },
  { name: 'block keeps the context', text: '($s := Supplier; |)', situation: 'operand', includes: ['Supplier', '$s'] },
  {
    name: '$$ goes back to the root',
    text: 'addresses.{ "s": $$.| }',
    situation: 'afterDot',
    includes: ['Supplier', 'Tax'],
    excludes: ['City'],
  },
  { name: '$ is the current context', text: 'Tax.($.| )', situation: 'afterDot', includes: ['EIN'] },
  { name: 'after a wildcard step an operator is expected', text: 'Tax.*|', situation: 'infix', includes: ['and'] },
  {
    name: 'a wildcard step continues the path',
    text: 'addresses.*.|',
    situation: 'afterDot',
    includes: ['Email', 'Phones'],
    excludes: ['City'],
  },
  { name: 'descendants', text: '**.|', situation: 'afterDot', includes: ['City', 'Number', 'EIN'] },
  { name: 'sort terms are evaluated per item', text: 'addresses^(|)', situation: 'operand', includes: ['City'], excludes: ['Supplier'] },
  {
    name: 'names with spaces are inserted in backticks',
    text: 'Facil|',
    situation: 'operand',
    includes: ['Facility ID'],
    insertText: '`Facility ID`',
  },
  { name: 'names with dashes are inserted in backticks', text: 'tax|', situation: 'operand', includes: ['tax-id'], insertText: '`tax-id`' },
  {
    name: 'inside an open backtick, names replace from the backtick',
    text: '`Fac|',
    situation: 'operand',
    includes: ['Facility ID'],
    insertText: '`Facility ID`',
    replaces: '`Fac',
  },
  {
    name: 'inside a backtick pair, the closing backtick is replaced too',
    text: '`Fac|`',
    situation: 'operand',
    includes: ['Facility ID'],
    replaces: '`Fac`',
  },
  { name: 'backtick after a dot', text: 'addresses.`|', situation: 'afterDot', includes: ['City'], insertText: '`City`' },
  { name: 'a backticked step continues the path', text: '`addresses`.|', situation: 'afterDot', includes: ['City'] },
  {
    name: '$lookup table names inside the first string',
    text: "$lookup('|",
    situation: 'lookupTable',
    includes: ['uom', 'supplierStatus'],
    insertText: "uom'",
  },
  {
    name: '$lookup with double quotes and a partial name',
    text: '$lookup("sup|',
    situation: 'lookupTable',
    includes: ['supplierStatus'],
    insertText: 'uom"',
    replaces: 'sup',
  },
  {
    name: '$lookup does not duplicate an existing closing quote',
    text: "$lookup('|')",
    situation: 'lookupTable',
    includes: ['uom'],
    insertText: 'uom',
  },
  { name: 'other strings offer nothing', text: '$trim("|', situation: 'none', includes: [] },
  {
    name: '$ prefix offers functions, project ones first',
    text: '$|',
    situation: 'variable',
    includes: ['$lookup', '$gtin14', '$checkGtin', '$substring', '$uppercase'],
    excludes: ['Supplier', '$eval'],
  },
  {
    name: 'function completion inserts a call snippet',
    text: '$subs|',
    situation: 'variable',
    includes: ['$substring'],
    replaces: '$subs',
  },
  { name: 'assigned variables are offered', text: '($total := 1; $t|)', situation: 'variable', includes: ['$total', '$', '$$'] },
  {
    name: 'function parameters are offered',
    text: '$map(addresses, function($addr, $i) { $a| })',
    situation: 'variable',
    includes: ['$addr', '$i'],
  },
  {
    name: 'after an operand an operator is expected',
    text: 'Supplier an|',
    situation: 'infix',
    includes: ['and', 'or', 'in'],
    excludes: ['Supplier'],
  },
  { name: 'after a string literal an operator is expected', text: '"a" |', situation: 'infix', includes: ['and'] },
  {
    name: 'after an operator an operand is expected again',
    text: 'Supplier & |',
    situation: 'operand',
    includes: ['Supplier', '$uppercase', 'true'],
  },
  { name: 'nothing inside a comment', text: '/* Sup| */', situation: 'none', includes: [] },
  { name: 'nothing after a number', text: 'addresses[0|', situation: 'none', includes: [] },
  {
    name: 'output keys of the target schema in a top-level object',
    text: '{ "|',
    situation: 'outputKey',
    includes: ['sourceId', 'name', 'addresses', 'parent'],
  },
  {
    name: 'output keys of nested array items',
    text: '{ "addresses": addresses.{ "|',
    situation: 'outputKey',
    includes: ['line1', 'city'],
    excludes: ['sourceId'],
  },
  {
    name: 'output keys through $ref',
    text: '{ "parent": { "sys|',
    situation: 'outputKey',
    includes: ['sourceId', 'system'],
    replaces: 'sys',
  },
  { name: 'output keys in a block', text: '($x := 1; { "name": Supplier, "|', situation: 'outputKey', includes: ['sourceId', 'addresses'] },
  { name: 'string values in an object are not keys', text: '{ "name": "|', situation: 'none', includes: [] },
  {
    name: 'a bare key position offers output keys, not input fields',
    text: '{|',
    situation: 'outputKey',
    includes: ['sourceId', 'name'],
    excludes: ['Supplier', 'SupplierId'],
    insertText: '"sourceId": ',
  },
  {
    name: 'a bare key after a comma offers output keys',
    text: '{ "name": Supplier, na|',
    situation: 'outputKey',
    includes: ['name'],
    excludes: ['Supplier'],
    replaces: 'na',
  },
  {
    name: 'a bare key in nested array items',
    text: '{ "addresses": addresses.{ |',
    situation: 'outputKey',
    includes: ['line1', 'city'],
    excludes: ['AddressLine1', 'sourceId'],
  },
  { name: 'a value position in an object still offers input fields', text: '{ "name": Sup|', situation: 'operand', includes: ['Supplier'] },
];

describe('completeJsonata', () => {
  test.each(fixtures)('$name', (fixture) => {
    const { result, text } = complete(fixture.text);
    expect(result.situation).toBe(fixture.situation);
    const labels = result.suggestions.map((suggestion) => suggestion.label);
    let last = -1;
    for (const label of fixture.includes) {
      const index = labels.indexOf(label);
      expect(index, `expected "${label}" in [${labels.join(', ')}]`).toBeGreaterThan(last);
      last = index;
    }
    for (const label of fixture.excludes ?? []) expect(labels).not.toContain(label);
    if (fixture.includes.length === 0) expect(labels).toEqual([]);
    if (fixture.insertText !== undefined) {
      const target = fixture.insertText === 'uom"' ? 'uom' : fixture.includes[0];
      expect(result.suggestions.find((suggestion) => suggestion.label === target)?.insertText).toBe(fixture.insertText);
    }
    if (fixture.replaces !== undefined) expect(text.slice(result.replaceStart, result.replaceEnd)).toBe(fixture.replaces);
  });

  test('field suggestions describe type and an example value', () => {
    const { result } = complete('Tax.|');
    expect(result.suggestions.find((suggestion) => suggestion.label === 'EIN')).toMatchObject({
      kind: 'field',
      detail: 'string — "36-4100000"',
    });
  });

  test('function suggestions carry the signature and a snippet with required parameters only', () => {
    const { result } = complete('$|');
    const substring = result.suggestions.find((suggestion) => suggestion.label === '$substring');
    expect(substring).toMatchObject({
      kind: 'function',
      detail: '$substring(str, start, length?)',
      insertText: '\\$substring(${1:str}, ${2:start})$0',
      isSnippet: true,
    });
    const lookup = result.suggestions.find((suggestion) => suggestion.label === '$lookup');
    expect(lookup?.documentation).toMatch(/lookup table/);
  });

  test('required schema properties are listed first and marked', () => {
    const { result } = complete('{ "|');
    expect(result.suggestions.slice(0, 2).map((suggestion) => [suggestion.label, suggestion.detail])).toEqual([
      ['sourceId', 'required · string'],
      ['name', 'required · string'],
    ]);
  });

  test('without samples, field positions offer no fields but still functions', () => {
    const result = completeJsonata({ text: '', offset: 0, samples: [] });
    expect(result.suggestions.some((suggestion) => suggestion.kind === 'field')).toBe(false);
    expect(result.suggestions.some((suggestion) => suggestion.label === '$gtin14')).toBe(true);
  });
});
