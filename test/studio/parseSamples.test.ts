import { describe, expect, test } from 'vitest';
import { parseSamples } from '../../studio/src/samples/parseSamples';
import type { SampleFormat } from '../../studio/src/samples/parseSamples';
import type { SourceFormatOptions } from '../../server/ingest/formats/registry';

describe('parseSamples', () => {
  test.each<{
    name: string;
    text: string;
    format?: SampleFormat | 'auto';
    options?: SourceFormatOptions;
    expected: { format: SampleFormat; records: unknown[] };
  }>([
    { name: 'JSON array: one record per item', text: '[{"a":1},{"a":2}]', expected: { format: 'json', records: [{ a: 1 }, { a: 2 }] } },
    { name: 'JSON object: one record', text: ' {"a": {"b": [1]}} ', expected: { format: 'json', records: [{ a: { b: [1] } }] } },
    {
      name: 'NDJSON detected',
      text: '{"a":1}\n{"a":2}\n\n{"a":3}\n',
      expected: { format: 'ndjson', records: [{ a: 1 }, { a: 2 }, { a: 3 }] },
    },
    {
      name: 'CSV keeps values as strings (leading zeros survive)',
      text: 'VENDOR_ID,NAME1,ZIP\n0000012345,Acme Medical,02134\n',
      expected: { format: 'csv', records: [{ VENDOR_ID: '0000012345', NAME1: 'Acme Medical', ZIP: '02134' }] },
    },
    {
      name: 'CSV with quotes, embedded commas, doubled quotes, newlines and CRLF',
      text: 'Facility ID,Facility Name,Note\r\n"010001","SOUTHEAST HEALTH, INC","said ""hi""\nthere"\r\n010005,MARSHALL MEDICAL,\r\n',
      expected: {
        format: 'csv',
        records: [
          { 'Facility ID': '010001', 'Facility Name': 'SOUTHEAST HEALTH, INC', Note: 'said "hi"\nthere' },
          { 'Facility ID': '010005', 'Facility Name': 'MARSHALL MEDICAL', Note: '' },
        ],
      },
    },
    // Issue 13: the delimiter is the source's setting, never guessed (the server reads with the same parser and options).
    {
      name: 'pipe-delimited Lawson extract',
      text: 'VENDOR|VENDOR_VNAME\n  2519289|ACME INC\n',
      format: 'csv',
      options: { delimiter: '|' },
      expected: { format: 'csv', records: [{ VENDOR: '  2519289', VENDOR_VNAME: 'ACME INC' }] },
    },
    {
      name: 'a pipe extract read as comma CSV stays one column (no guessing)',
      text: 'VENDOR|VENDOR_VNAME\n1|ACME INC\n',
      format: 'csv',
      expected: { format: 'csv', records: [{ 'VENDOR|VENDOR_VNAME': '1|ACME INC' }] },
    },
    {
      name: 'tab-delimited',
      text: 'a\tb\n1\t2',
      format: 'csv',
      options: { delimiter: '\t' },
      expected: { format: 'csv', records: [{ a: '1', b: '2' }] },
    },
    {
      name: 'HL7 v2 ER7 detected: one record per message, segments as lists',
      text: 'MSH|^~\\&|EPIC|S|||20240101||MFN^M16|1|P|2.6\rITM|104200^EPIC|Syringe',
      expected: {
        format: 'hl7v2',
        records: [
          expect.objectContaining({
            ITM: [{ ItemIdentifier: { EntityIdentifier: '104200', NamespaceId: 'EPIC' }, ItemDescription: 'Syringe' }],
          }),
        ],
      },
    },
    {
      name: 'XML with a record path',
      text: '<r><s><n>1</n></s><s><n>2</n></s></r>',
      format: 'xml',
      options: { recordPath: 'r.s' },
      expected: { format: 'xml', records: [{ n: '1' }, { n: '2' }] },
    },
    {
      name: 'forced CSV for a single column',
      text: 'ITEM\n100\n200',
      format: 'csv',
      expected: { format: 'csv', records: [{ ITEM: '100' }, { ITEM: '200' }] },
    },
    { name: 'empty text: no records', text: '  \n', expected: { format: 'json', records: [] } },
  ])('$name', ({ text, format, options, expected }) => {
    expect(parseSamples(text, format ?? 'auto', options)).toEqual({ ok: true, ...expected });
  });

  test.each([
    { name: 'broken JSON', text: '{"a": }', message: /not valid JSON/ },
    { name: 'broken NDJSON line names the line', text: '{"a":1}\n{"a":', format: 'ndjson' as const, message: /Line 2/, line: 2 },
    {
      name: 'row with too many cells (as on ingest: CSV_PARSE_ERROR for that row)',
      text: 'a,b\n1,2,3',
      message: /CSV row at line 2 cannot be read/,
      line: 2,
    },
    { name: 'a short row is refused as on ingest', text: 'a,b,c\n1', message: /CSV row at line 2 cannot be read/, line: 2 },
    { name: 'a broken HL7 message names message and field', text: 'MSH|^~\\&|E|S|||1||MFN^M16|1|P|2.6\rITM|1|\\Z', message: /ITM-2/ },
    { name: 'duplicate header', text: 'a,a\n1,2', message: /"a" twice/, line: 1 },
  ])('$name', ({ text, format, message, line }) => {
    const result = parseSamples(text, format ?? 'auto');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    if (line !== undefined) expect(result.line).toBe(line);
  });
});
