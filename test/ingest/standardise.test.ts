/** Fixture tables for the schema-driven standardise stage and the record reader. */
import { describe, expect, test } from 'vitest';
import { cleanOrganisationName, cleanText, standardiseRecord } from '../../server/ingest/standardise';
import { readBodyItems, readJsonDocument, type IngestFormat, type ParsedItem } from '../../server/ingest/recordReader';
import { businessCodeOf } from '../../server/ingest/pipeline';

describe('standardiseRecord', () => {
  test.each([
    {
      name: 'GTIN-12 padded to 14 digits',
      domain: 'item',
      input: { sourceId: '1', description: 'X', gtin: '036000291452' },
      output: { gtin: '00036000291452' },
    },
    {
      name: 'NDC 4-4-2 to 11 digits',
      domain: 'item',
      input: { sourceId: '1', description: 'X', ndc: '0002-0152-01' },
      output: { ndc: '00002015201' },
    },
    {
      name: 'unit aliases to codes, nested in packaging',
      domain: 'item',
      input: { sourceId: '1', description: 'X', baseUom: 'each', packaging: [{ uom: 'CA', containsUom: 'box' }] },
      output: { baseUom: 'EA', packaging: [{ uom: 'CS', containsUom: 'BX' }] },
    },
    {
      name: 'text cleaned of control characters and doubled spaces',
      domain: 'item',
      input: { sourceId: ' 42 ', description: ' GAUZE\t 4X4\u0000 STERILE ' },
      output: { sourceId: '42', description: 'GAUZE 4X4 STERILE' },
    },
    {
      name: 'organisation names lose trademark marks',
      domain: 'item',
      input: { sourceId: '1', description: 'X', manufacturer: { name: 'Kendall® Healthcare  Products' } },
      output: { manufacturer: { name: 'Kendall Healthcare Products' } },
    },
    {
      name: 'EIN to its 9 digits',
      domain: 'supplier',
      input: { sourceId: '1', name: 'Medline Industries, LP', taxId: '36-2596623' },
      output: { taxId: '362596623' },
    },
    {
      name: 'DUNS with a lost leading zero',
      domain: 'supplier',
      input: { sourceId: '1', name: 'X', duns: '25441234' },
      output: { duns: '025441234' },
    },
    {
      name: 'US ZIP+4 to 5 digits, 4-digit ZIP padded',
      domain: 'supplier',
      input: { sourceId: '1', name: 'X', addresses: [{ postalCode: '15251-8075', country: 'US' }, { postalCode: '2114' }] },
      output: { addresses: [{ postalCode: '15251', country: 'US' }, { postalCode: '02114' }] },
    },
    {
      name: 'non-US postal codes kept (upper case, single spaces)',
      domain: 'supplier',
      input: { sourceId: '1', name: 'X', addresses: [{ postalCode: 'sw1a  1aa', country: 'GB' }] },
      output: { addresses: [{ postalCode: 'SW1A 1AA', country: 'GB' }] },
    },
    {
      name: 'CCN with a lost leading zero',
      domain: 'facility',
      input: { sourceId: '1', name: 'X', ccn: '50108' },
      output: { ccn: '050108' },
    },
    {
      name: 'extensions untouched',
      domain: 'item',
      input: { sourceId: '1', description: 'X', extensions: { RAW: '  keep  me ' } },
      output: { extensions: { RAW: '  keep  me ' } },
    },
  ])('$name', ({ domain, input, output }) => {
    const { record, problems } = standardiseRecord(domain, input);
    expect(problems).toEqual([]);
    expect(record).toMatchObject(output);
  });

  test.each([
    {
      name: 'US postal code that is not a ZIP',
      domain: 'supplier',
      input: { sourceId: '1', name: 'X', addresses: [{ postalCode: 'OH 430', country: 'US' }] },
      code: 'INVALID_POSTAL_CODE',
      path: 'addresses[0].postalCode',
    },
    {
      name: 'GTIN with a wrong check digit',
      domain: 'item',
      input: { sourceId: '1', description: 'X', gtin: '00036000291453' },
      code: 'INVALID_GTIN',
      path: 'gtin',
    },
  ])('problem: $name → $code at $path', ({ domain, input, code, path }) => {
    const { problems } = standardiseRecord(domain, input);
    expect(problems).toEqual([expect.objectContaining({ code, path })]);
  });

  test('an empty postal code states nothing: kept as written in any country, never read as a US ZIP', () => {
    for (const country of ['PK', 'US', undefined]) {
      const { record, problems } = standardiseRecord('supplier', {
        sourceId: '1',
        name: 'X',
        addresses: [{ city: 'Lahore', postalCode: ' ', ...(country ? { country } : {}) }],
      });
      expect(problems).toEqual([]);
      expect(record).toMatchObject({ addresses: [{ city: 'Lahore', postalCode: '' }] });
    }
  });

  test('a postal code outside the US is kept as written; a US one that is not a ZIP names the country it was read for', () => {
    expect(
      standardiseRecord('supplier', { sourceId: '1', name: 'X', addresses: [{ postalCode: '54000', country: 'PK' }] }).problems,
    ).toEqual([]);
    const { problems } = standardiseRecord('supplier', { sourceId: '1', name: 'X', addresses: [{ postalCode: 'OH 430' }] });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'INVALID_POSTAL_CODE', message: expect.stringContaining('country not given, so read as US') }),
    ]);
  });

  test('several problems, nested in objects and arrays, each at its own path', () => {
    const { problems } = standardiseRecord('supplier', {
      sourceId: '1',
      name: 'X',
      duns: '12',
      addresses: [
        { postalCode: '02114', country: 'US' },
        { postalCode: 'OH 430', country: 'US' },
        { postalCode: 'ZZ', country: 'US' },
      ],
      taxId: '1',
    });
    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['taxId', 'INVALID_EIN'],
      ['duns', 'INVALID_DUNS'],
      ['addresses[1].postalCode', 'INVALID_POSTAL_CODE'],
      ['addresses[2].postalCode', 'INVALID_POSTAL_CODE'],
    ]);
  });

  test.each([
    ['  a \u00a0 b  ', 'a b'],
    ['line\r\nbreak', 'line break'],
  ])('cleanText(%j) = %j', (input, output) => expect(cleanText(input)).toBe(output));

  test.each([
    ['3M™ Health Care', '3M Health Care'],
    ['ACME (R) SURGICAL, INC.', 'ACME SURGICAL, INC.'],
  ])('cleanOrganisationName(%j) = %j', (input, output) => expect(cleanOrganisationName(input)).toBe(output));
});

/** `cleanText` as its five rewrites, with no shortcut: the oracle for the clean-text test below. */
function cleanTextByRewrites(value: string): string {
  return (
    value
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[\u202A-\u202E\u2066-\u2069]+/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F\u00A0]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

describe('cleanText', () => {
  // Letters, every kind of whitespace `trim` knows (space, tab, line separators, NBSP, BOM, ideographic space), a
  // control, bidi controls and marks (LRM stays), lone and paired surrogates.
  const ALPHABET = [
    'a',
    'Z',
    ' ',
    '\t',
    '\n',
    '\u2028',
    '\u00a0',
    '\ufeff',
    '\u3000',
    '\u0001',
    '\u007f',
    '\u202e',
    '\u2066',
    '\u200e',
    '\ud83d',
    '\ude00',
    'é',
  ];

  test('gives what its rewrites give, for every text of up to three characters from a hostile alphabet', () => {
    let texts = [''];
    let unchanged = 0;
    for (let length = 0; length <= 3; length++) {
      for (const text of texts) {
        expect(cleanText(text), JSON.stringify(text)).toBe(cleanTextByRewrites(text));
        if (cleanText(text) === text) unchanged += 1;
      }
      texts = texts.flatMap((text) => ALPHABET.map((character) => text + character));
    }
    // Both sides of the shortcut are reached.
    expect(unchanged).toBeGreaterThan(100);
  });
});

describe('businessCodeOf', () => {
  test.each([
    { code: 'FORMAT_GTIN', expected: 'INVALID_GTIN' },
    { code: 'FORMAT_EIN', expected: 'INVALID_EIN' },
    { code: 'FORMAT_EMAIL', expected: 'SCHEMA_VIOLATION' },
    { code: 'REQUIRED', expected: 'SCHEMA_VIOLATION' },
    { code: 'ADDITIONAL_PROPERTY', expected: 'SCHEMA_VIOLATION' },
  ])('$code → $expected', ({ code, expected }) => expect(businessCodeOf({ code, message: '' })).toBe(expected));
});

async function readAll(format: IngestFormat, text: string): Promise<ParsedItem[]> {
  const items: ParsedItem[] = [];
  for await (const item of readBodyItems({ format, text })) items.push(item);
  return items;
}

describe('record reader', () => {
  test.each([
    {
      name: 'CSV with BOM, quotes and CRLF',
      format: 'csv' as const,
      text: '\ufeffID,NAME\r\n1,"Smith, Jones ""and"" Co"\r\n2,Plain\r\n',
      records: [
        { ID: '1', NAME: 'Smith, Jones "and" Co' },
        { ID: '2', NAME: 'Plain' },
      ],
      unreadable: [],
    },
    {
      name: 'CSV row with too many fields',
      format: 'csv' as const,
      text: 'ID,NAME\n1,A\n2,B,C\n3,D\n',
      records: [
        { ID: '1', NAME: 'A' },
        { ID: '3', NAME: 'D' },
      ],
      unreadable: [{ code: 'CSV_PARSE_ERROR', line: 3 }],
    },
    { name: 'CSV without rows', format: 'csv' as const, text: 'ID,NAME\n', records: [], unreadable: [] },
    {
      name: 'NDJSON with blank lines and a broken line',
      format: 'ndjson' as const,
      text: '{"a":1}\n\n{"a":\n{"a":3}',
      records: [{ a: 1 }, { a: 3 }],
      unreadable: [{ code: 'NDJSON_PARSE_ERROR', line: 3 }],
    },
    {
      name: 'NDJSON line holding an array',
      format: 'ndjson' as const,
      text: '[1,2]\n',
      records: [],
      unreadable: [{ code: 'NOT_AN_OBJECT', line: 1 }],
    },
  ])('$name', async ({ format, text, records, unreadable }) => {
    const items = await readAll(format, text);
    expect(items.filter((item) => item.kind === 'record').map((item) => (item.kind === 'record' ? item.raw : null))).toEqual(records);
    expect(
      items
        .filter((item) => item.kind === 'unreadable')
        .map((item) => (item.kind === 'unreadable' ? { code: item.code, line: item.position.line } : null)),
    ).toEqual(unreadable);
  });

  test('items keep file order, unreadable ones in their place', async () => {
    const items = await readAll('csv', 'ID,NAME\n1,A\n2,B,C\n3,D\n');
    expect(items.map((item) => item.position.line)).toEqual([2, 3, 4]);
  });

  test('JSON: an object is one record, an array is each element with its index', () => {
    expect(readJsonDocument('{"a":1}')).toEqual([{ kind: 'record', raw: { a: 1 }, position: { index: 0 } }]);
    expect(readJsonDocument('[{"a":1},{"a":2}]').map((item) => item.position.index)).toEqual([0, 1]);
    expect(() => readJsonDocument('42')).toThrow(/one record/);
  });
});
