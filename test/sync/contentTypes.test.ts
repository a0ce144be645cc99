/** Fixture table for the outbound content-type writers (CSV quoting, HL7 v2 ER7 escaping, XML, JSON). */
import { describe, expect, test } from 'vitest';
import { writeMessage } from '../../server/sync/contentTypes';
import type { ContentType } from '../../server/sync/types';

const cases: Array<{ name: string; contentType: ContentType; message: unknown; output?: string; error?: string }> = [
  { name: 'json', contentType: 'json', message: { a: [1, 'x'] }, output: '{"a":[1,"x"]}' },
  {
    name: 'csv one row',
    contentType: 'csv',
    message: { NAME: 'ACME, INC', ID: 7, NOTE: 'say "hi"', EMPTY: null },
    output: 'NAME,ID,NOTE,EMPTY\r\n"ACME, INC",7,"say ""hi""",\r\n',
  },
  { name: 'csv rows with the union of columns', contentType: 'csv', message: [{ A: 1 }, { B: 2 }], output: 'A,B\r\n1,\r\n,2\r\n' },
  { name: 'csv keeps surrounding spaces quoted', contentType: 'csv', message: { A: ' x' }, output: 'A\r\n" x"\r\n' },
  { name: 'csv refuses nested values', contentType: 'csv', message: { A: { b: 1 } }, error: 'CSV cell' },
  { name: 'csv refuses a scalar', contentType: 'csv', message: 'x', error: 'CSV message' },
  { name: 'xml string', contentType: 'xml', message: '<a>1</a>', output: '<a>1</a>' },
  { name: 'xml refuses objects', contentType: 'xml', message: { a: 1 }, error: 'XML message' },
  {
    name: 'hl7 segments, components, subcomponents and escaping',
    contentType: 'hl7v2',
    message: [
      ['MSH', '^~\\&', 'MDM', 'HUB', 'EHR', 'SUPPLY', '20261201100000', '', ['MFN', 'M16', 'MFN_M15'], 'msg-1', 'P', '2.5.1'],
      ['ITM', 'ITEM-1', 'GLOVE | NITRILE ^ L & M ~ 100\\BOX'],
      ['PCE', '', [['a', 'b'], 'c']],
    ],
    output:
      'MSH|^~\\&|MDM|HUB|EHR|SUPPLY|20261201100000||MFN^M16^MFN_M15|msg-1|P|2.5.1\rITM|ITEM-1|GLOVE \\F\\ NITRILE \\S\\ L \\T\\ M \\R\\ 100\\E\\BOX\rPCE||a&b^c\r',
  },
  { name: 'hl7 refuses a bad segment id', contentType: 'hl7v2', message: [['msh', 'x']], error: 'segment id' },
];

describe('writeMessage', () => {
  test.each(cases)('$name', ({ contentType, message, output, error }) => {
    if (error) expect(() => writeMessage(contentType, message)).toThrow(error);
    else expect(writeMessage(contentType, message)).toBe(output);
  });
});
