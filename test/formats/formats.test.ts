/** Fixture tables for every source format (server/ingest/formats): valid input, each malformed kind, escapes, encodings, streaming. */
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../server/ingest/formats/encoding';
import { buildHl7Ack, readHl7Header } from '../../server/ingest/formats/hl7v2';
import {
  optionsFromMediaTypeParameters,
  parseFormatText,
  type FormatName,
  type SourceFormatOptions,
} from '../../server/ingest/formats/registry';
import type { ParsedItem } from '../../server/ingest/formats/types';
import { readItems } from '../../server/ingest/recordReader';

interface Fixture {
  name: string;
  input: string;
  options?: SourceFormatOptions;
  /** The records expected, in order (unreadable items as { code, position }). */
  output: Array<{ raw: unknown } | { code: string; position?: Record<string, unknown>; messageIncludes?: string }>;
}

const summary = (items: ParsedItem[]) =>
  items.map((item) =>
    item.kind === 'record' ? { raw: item.raw } : { code: item.code, position: item.position, message: item.message, text: item.text },
  );

function check(format: FormatName, fixture: Fixture): void {
  const items = summary(parseFormatText(format, fixture.input, fixture.options));
  expect(items).toHaveLength(fixture.output.length);
  fixture.output.forEach((expected, index) => {
    const actual = items[index];
    if ('raw' in expected) expect(actual).toEqual({ raw: expected.raw });
    else {
      expect(actual).toMatchObject({ code: expected.code, ...(expected.position ? { position: expected.position } : {}) });
      if (expected.messageIncludes) expect((actual as { message: string }).message).toContain(expected.messageIncludes);
    }
  });
}

const MSH = (id: string) => `MSH|^~\\&|EPIC|SUPPLY|MDM|HUB|20240606120000||MFN^M16^MFN_M16|${id}|P|2.6`;
const er7 = (...segments: string[]) => segments.join('\r');

const hl7Fixtures: Fixture[] = [
  {
    name: 'MFN^M16: named fields, components, subcomponents, repeating fields, every segment a list',
    input: er7(
      MSH('M1'),
      'MFE|MAD|1|20240606|104200^^EPIC-SUP|CE',
      'ITM|104200^EPIC-SUP|Syringe|A^Active||||||309628||||||R1~R2',
      'PKG|1|EA^Each|N|1|0.11&USD|||00382911861773^^GTIN||1',
      'PKG|2|BX|Y|100',
    ),
    output: [
      {
        raw: {
          MSH: [
            {
              FieldSeparator: '|',
              EncodingCharacters: '^~\\&',
              SendingApplication: { NamespaceId: 'EPIC' },
              SendingFacility: { NamespaceId: 'SUPPLY' },
              ReceivingApplication: { NamespaceId: 'MDM' },
              ReceivingFacility: { NamespaceId: 'HUB' },
              DateTimeOfMessage: '20240606120000',
              MessageType: { MessageCode: 'MFN', TriggerEvent: 'M16', MessageStructure: 'MFN_M16' },
              MessageControlId: 'M1',
              ProcessingId: { ProcessingId: 'P' },
              VersionId: { VersionId: '2.6' },
            },
          ],
          MFE: [
            {
              RecordLevelEventCode: 'MAD',
              MfnControlId: '1',
              EffectiveDateTime: '20240606',
              PrimaryKeyValue: [{ Identifier: '104200', NameOfCodingSystem: 'EPIC-SUP' }],
              PrimaryKeyValueType: ['CE'],
            },
          ],
          ITM: [
            {
              ItemIdentifier: { EntityIdentifier: '104200', NamespaceId: 'EPIC-SUP' },
              ItemDescription: 'Syringe',
              ItemStatus: { Identifier: 'A', Text: 'Active' },
              ManufacturerCatalogNumber: '309628',
              SupplyRiskCodes: [{ Identifier: 'R1' }, { Identifier: 'R2' }],
            },
          ],
          PKG: [
            {
              SetId: '1',
              PackagingUnits: { Identifier: 'EA', Text: 'Each' },
              DefaultOrderUnitOfMeasureIndicator: { Identifier: 'N' },
              PackageQuantity: '1',
              Price: { Price: { Quantity: '0.11', Denomination: 'USD' } },
              GlobalTradeItemNumber: { Identifier: '00382911861773', NameOfCodingSystem: 'GTIN' },
              QuantityOfEach: '1',
            },
            {
              SetId: '2',
              PackagingUnits: { Identifier: 'BX' },
              DefaultOrderUnitOfMeasureIndicator: { Identifier: 'Y' },
              PackageQuantity: '100',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'escape sequences decoded (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\X41\\ \\.br\\), the HL7 null "" becomes null',
    input: er7(MSH('M2'), 'ITM|1|A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F\\X41\\\\.br\\G|""'),
    output: [
      {
        raw: {
          MSH: [expect.objectContaining({ MessageControlId: 'M2' })],
          ITM: [{ ItemIdentifier: { EntityIdentifier: '1' }, ItemDescription: 'A|B^C&D~E\\FA\nG', ItemStatus: null }],
        },
      },
    ],
  },
  {
    name: 'non-standard separators from MSH-1/MSH-2; LF line ends; Z-segments by position',
    input: [`MSH#*!\\%#EPIC#S###20240101##MFN*M16#M3#P#2.5`, 'ZIT#a*b#c%d#e!f'].join('\n'),
    output: [
      {
        raw: {
          MSH: [expect.objectContaining({ FieldSeparator: '#', EncodingCharacters: '*!\\%', MessageControlId: 'M3' })],
          ZIT: [{ ZIT_1: ['a', 'b'], ZIT_2: [['c', 'd']], ZIT_3: ['e', 'f'] }],
        },
      },
    ],
  },
  {
    name: 'FHS/BHS batch of two messages: each message is a record and carries the batch headers',
    input: er7('FHS|^~\\&|EPIC', 'BHS|^~\\&|EPIC', MSH('B1'), 'ITM|1', MSH('B2'), 'ITM|2', 'BTS|2', 'FTS|1'),
    output: [
      {
        raw: expect.objectContaining({
          FHS: [expect.objectContaining({ SendingApplication: { NamespaceId: 'EPIC' } })],
          BHS: [expect.any(Object)],
          ITM: [{ ItemIdentifier: { EntityIdentifier: '1' } }],
        }),
      },
      { raw: expect.objectContaining({ ITM: [{ ItemIdentifier: { EntityIdentifier: '2' } }] }) },
    ],
  },
  {
    name: 'a broken message between two good ones: an exception naming message and field, its neighbours kept',
    input: er7(MSH('G1'), 'ITM|1', MSH('BAD'), 'ITM|1|open \\Z', MSH('G2'), 'ITM|2'),
    output: [
      { raw: expect.objectContaining({ ITM: [{ ItemIdentifier: { EntityIdentifier: '1' } }] }) },
      { code: 'HL7_PARSE_ERROR', position: { message: 2, line: 3, path: 'ITM-2' }, messageIncludes: 'Message 2' },
      { raw: expect.objectContaining({ ITM: [{ ItemIdentifier: { EntityIdentifier: '2' } }] }) },
    ],
  },
  {
    name: 'segment outside a message',
    input: er7('ITM|1', MSH('X1')),
    output: [{ code: 'HL7_PARSE_ERROR', position: { line: 1, path: 'ITM' } }, { raw: expect.any(Object) }],
  },
  {
    name: 'bad segment name',
    input: er7(MSH('X2'), 'it|1'),
    output: [{ code: 'HL7_PARSE_ERROR', position: { message: 1, path: 'segment 2' } }],
  },
  { name: 'MSH-2 too short', input: 'MSH|^~|EPIC', output: [{ code: 'HL7_PARSE_ERROR', position: { message: 1, path: 'MSH-2' } }] },
  {
    name: 'MSH-10 missing',
    input: er7('MSH|^~\\&|EPIC|S|||x||MFN^M16||P|2.6', 'ITM|1'),
    output: [{ code: 'HL7_PARSE_ERROR', position: { message: 1, path: 'MSH-10' } }],
  },
  {
    name: 'unknown escape',
    input: er7(MSH('X3'), 'ITM|1|\\Q\\'),
    output: [{ code: 'HL7_PARSE_ERROR', position: { path: 'ITM-2' }, messageIncludes: 'unknown escape' }],
  },
  {
    name: 'BTS count that does not match the batch',
    input: er7('BHS|^~\\&|E', MSH('C1'), 'ITM|1', 'BTS|3'),
    output: [{ raw: expect.any(Object) }, { code: 'HL7_BATCH_COUNT_MISMATCH', position: { path: 'BTS-1' } }],
  },
  {
    name: 'MLLP frame bytes ignored',
    input: `\x0b${er7(MSH('F1'), 'ITM|1')}\x1c\r`,
    output: [{ raw: expect.objectContaining({ ITM: [{ ItemIdentifier: { EntityIdentifier: '1' } }] }) }],
  },
];

const ISA = 'ISA*00*          *00*          *ZZ*DISTRIBUTOR    *ZZ*HOSPITAL       *240606*1200*^*00501*000000001*0*P*:~';
const x12 = (...segments: string[]) => `${ISA}GS*SC*DIST*HOSP*20240606*1200*1*X*005010~${segments.join('~')}~GE*1*1~IEA*1*000000001~`;

const x12Fixtures: Fixture[] = [
  {
    name: '832: one record per LIN loop with envelope, header and loop segments; components split',
    input: x12(
      'ST*832*0001',
      'BCT*PS*CAT-2024',
      'LIN*1*UP*012345678905*VC*DX-100',
      'PID*F****Glove, nitrile, M',
      'CTP**CON*12.50*1*BX',
      'CTP**MSR*14.00*1*BX',
      'LIN*2*VC*DX-200*IN*A:B',
      'SE*8*0001',
    ),
    output: [
      {
        raw: {
          ISA: expect.objectContaining({ ISA06: 'DISTRIBUTOR    ', ISA11: '^', ISA16: ':' }),
          GS: expect.objectContaining({ GS01: 'SC' }),
          ST: { ST01: '832', ST02: '0001' },
          header: { BCT: [{ BCT01: 'PS', BCT02: 'CAT-2024' }] },
          LIN: { LIN01: '1', LIN02: 'UP', LIN03: '012345678905', LIN04: 'VC', LIN05: 'DX-100' },
          PID: [{ PID01: 'F', PID05: 'Glove, nitrile, M' }],
          CTP: [
            { CTP02: 'CON', CTP03: '12.50', CTP04: '1', CTP05: 'BX' },
            { CTP02: 'MSR', CTP03: '14.00', CTP04: '1', CTP05: 'BX' },
          ],
        },
      },
      { raw: expect.objectContaining({ LIN: { LIN01: '2', LIN02: 'VC', LIN03: 'DX-200', LIN04: 'IN', LIN05: ['A', 'B'] } }) },
    ],
  },
  {
    name: 'delimiters read from ISA (| elements, > components, newline after each ! terminator)',
    input: `${ISA.replaceAll('*', '|').replace(':~', '>!')}\nGS|SC|D|H|20240606|1200|1|X|005010!\nST|832|0002!\nLIN|1|VC|A>B!\nSE|3|0002!\nGE|1|1!\nIEA|1|000000001!\n`,
    output: [{ raw: expect.objectContaining({ LIN: { LIN01: '1', LIN02: 'VC', LIN03: ['A', 'B'] } }) }],
  },
  { name: 'no ISA', input: 'GS*SC*D~ST*832*1~', output: [{ code: 'X12_PARSE_ERROR', position: { path: 'ISA' } }] },
  {
    name: 'ISA of the wrong length',
    input: 'ISA*00*short~',
    output: [{ code: 'X12_PARSE_ERROR', position: { path: 'ISA' }, messageIncludes: '106' }],
  },
  {
    name: 'SE segment count wrong: the loops are kept, the transaction reported',
    input: x12('ST*832*0003', 'LIN*1*VC*A', 'SE*9*0003'),
    output: [{ raw: expect.any(Object) }, { code: 'X12_SEGMENT_COUNT_MISMATCH', position: { message: 1, path: 'ST 0003 / SE01' } }],
  },
  {
    name: 'a broken segment inside loop 2: that loop is the exception (with its text), loops 1 and 3 kept',
    input: x12('ST*832*0004', 'LIN*1*VC*A', 'LIN*2*VC*B', '12*bad', 'LIN*3*VC*C', 'SE*6*0004'),
    output: [
      { raw: expect.objectContaining({ LIN: expect.objectContaining({ LIN01: '1' }) }) },
      { code: 'X12_PARSE_ERROR', position: { message: 1, index: 1, path: 'ST 0004 / LIN loop 2 / segment 4' } },
      { raw: expect.objectContaining({ LIN: expect.objectContaining({ LIN01: '3' }) }) },
    ],
  },
  {
    name: 'transaction without SE',
    input: `${ISA}GS*SC*D*H*1*1*1*X*005010~ST*832*0005~LIN*1*VC*A~`,
    output: [{ raw: expect.any(Object) }, { code: 'X12_PARSE_ERROR', position: { message: 1, path: 'ST 0005' }, messageIncludes: 'no SE' }],
  },
];

const SOAP = (suppliers: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wd="urn:com.workday/bsvc"><env:Body><wd:Get_Suppliers_Response wd:version="v42.0"><wd:Response_Data>${suppliers}</wd:Response_Data></wd:Get_Suppliers_Response></env:Body></env:Envelope>`;
const xmlOptions = { recordPath: 'Envelope.Body.Get_Suppliers_Response.Response_Data.Supplier', alwaysArray: ['Address_Data', 'ID'] };

const xmlFixtures: Fixture[] = [
  {
    name: 'SOAP: prefixes removed, attributes as @name, text as #text, one and several Address_Data both arrays',
    input: SOAP(
      '<wd:Supplier><wd:Supplier_Reference><wd:ID wd:type="Supplier_ID">S-1</wd:ID></wd:Supplier_Reference><wd:Supplier_Data><wd:Supplier_Name>Acme &amp; Sons</wd:Supplier_Name><wd:Address_Data><wd:City>Austin</wd:City></wd:Address_Data></wd:Supplier_Data></wd:Supplier>' +
        '<wd:Supplier><wd:Supplier_Data><wd:Supplier_Name><![CDATA[Baxter <Healthcare>]]></wd:Supplier_Name><wd:Address_Data><wd:City>Deerfield</wd:City></wd:Address_Data><wd:Address_Data><wd:City>Chicago</wd:City></wd:Address_Data></wd:Supplier_Data></wd:Supplier>',
    ),
    options: xmlOptions,
    output: [
      {
        raw: {
          Supplier_Reference: { ID: [{ '@type': 'Supplier_ID', '#text': 'S-1' }] },
          Supplier_Data: { Supplier_Name: 'Acme & Sons', Address_Data: [{ City: 'Austin' }] },
        },
      },
      { raw: { Supplier_Data: { Supplier_Name: 'Baxter <Healthcare>', Address_Data: [{ City: 'Deerfield' }, { City: 'Chicago' }] } } },
    ],
  },
  {
    name: 'values stay strings (leading zeros)',
    input: '<r><Supplier><Tax_ID>001234567</Tax_ID></Supplier></r>',
    options: { recordPath: 'r.Supplier' },
    output: [{ raw: { Tax_ID: '001234567' } }],
  },
  { name: 'no record path: the document is one record', input: '<a x="1"><b>2</b></a>', output: [{ raw: { a: { '@x': '1', b: '2' } } }] },
  {
    name: 'malformed XML: one exception with line and column',
    input: '<a>\n<b></a>',
    output: [{ code: 'XML_PARSE_ERROR', position: { line: 2 }, messageIncludes: 'line 2' }],
  },
  {
    name: 'record path not in the document',
    input: SOAP(''),
    options: { recordPath: 'Envelope.Body.Other.Supplier' },
    output: [{ code: 'XML_RECORD_PATH_NOT_FOUND', position: { path: '/Envelope/Body/Other' } }],
  },
  {
    name: 'SOAP fault',
    input:
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Invalid credentials</faultstring></s:Fault></s:Body></s:Envelope>',
    options: xmlOptions,
    output: [{ code: 'SOAP_FAULT', messageIncludes: 'Invalid credentials' }],
  },
  {
    name: 'a broken record between good ones: that record is the exception, named by element path and line',
    input: '<r>\n<Supplier><n>1</n></Supplier>\n<Supplier><n>2</m></Supplier>\n<Supplier><n>3</n></Supplier>\n</r>',
    options: { recordPath: 'r.Supplier' },
    output: [
      { raw: { n: '1' } },
      { code: 'XML_PARSE_ERROR', position: { index: 1, line: 3, path: '/r/Supplier[2]' }, messageIncludes: '/r/Supplier[2]' },
      { raw: { n: '3' } },
    ],
  },
  {
    name: 'a close tag that matches nothing outside the records: reported at its element path',
    input: '<r><Head>h</Hed><Supplier><n>1</n></Supplier></r>',
    options: { recordPath: 'r.Supplier' },
    output: [{ code: 'XML_PARSE_ERROR', position: { line: 1, path: '/r/Head' } }, { raw: { n: '1' } }],
  },
  {
    name: 'the document ends inside a record',
    input: '<r><Supplier><n>1</n></Supplier><Supplier><n>2</n>',
    options: { recordPath: 'r.Supplier' },
    output: [
      { raw: { n: '1' } },
      { code: 'XML_PARSE_ERROR', position: { index: 1, path: '/r/Supplier[2]' }, messageIncludes: 'ends inside' },
    ],
  },
  {
    name: 'comments, processing instructions, a DOCTYPE and CDATA with tags in them do not confuse the record reader',
    input:
      '<?xml version="1.0"?><!DOCTYPE r [<!ELEMENT r ANY>]><!-- <Supplier> in a comment --><r><Supplier a="x>y"><n><![CDATA[</Supplier>]]></n></Supplier><Supplier/></r>',
    options: { recordPath: 'r.Supplier' },
    output: [{ raw: { '@a': 'x>y', n: '</Supplier>' } }, { raw: {} }],
  },
  {
    name: 'a dotted alwaysArray path is matched from the document root inside each record',
    input: '<r><Supplier><Address><City>A</City></Address><Other><Address>x</Address></Other></Supplier></r>',
    options: { recordPath: 'r.Supplier', alwaysArray: ['r.Supplier.Address'] },
    output: [{ raw: { Address: [{ City: 'A' }], Other: { Address: 'x' } } }],
  },
  {
    name: 'a record that is only text',
    input: '<r><Supplier>x</Supplier><Supplier><n>1</n></Supplier></r>',
    options: { recordPath: 'r.Supplier' },
    output: [{ code: 'NOT_AN_OBJECT', position: { index: 0, path: '/r/Supplier[1]' } }, { raw: { n: '1' } }],
  },
];

const bundle = JSON.stringify({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    { resource: { resourceType: 'Organization', id: 'o1', name: 'Acme' } },
    { resource: { resourceType: 'Location', id: 'l1' } },
    { fullUrl: 'urn:x' },
    { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: 'entry 4 failed' }] } },
    { resource: { resourceType: 'Organization', id: 'o2', name: 'Baxter' } },
  ],
});
const fhirFixtures: Fixture[] = [
  {
    name: 'Bundle: one record per entry of the resource type, other types skipped, bad entries in place',
    input: bundle,
    options: { resourceType: 'Organization' },
    output: [
      { raw: { resourceType: 'Organization', id: 'o1', name: 'Acme' } },
      { code: 'FHIR_PARSE_ERROR', position: { index: 2, path: 'Bundle.entry[2]' } },
      { code: 'FHIR_OPERATION_OUTCOME', messageIncludes: 'entry 4 failed' },
      { raw: { resourceType: 'Organization', id: 'o2', name: 'Baxter' } },
    ],
  },
  {
    name: 'a single resource',
    input: '{"resourceType":"Organization","id":"o3"}',
    options: { resourceType: 'Organization' },
    output: [{ raw: { resourceType: 'Organization', id: 'o3' } }],
  },
  {
    name: 'a resource of another type',
    input: '{"resourceType":"Patient","id":"p"}',
    options: { resourceType: 'Organization' },
    output: [{ code: 'FHIR_WRONG_RESOURCE_TYPE' }],
  },
  { name: 'not JSON', input: '{"resourceType":', output: [{ code: 'FHIR_PARSE_ERROR' }] },
  {
    name: 'JSON broken after two entries: both kept, the break reported at the next entry',
    input:
      '{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Organization","id":"a"}},{"resource":{"resourceType":"Organization","id":"b"}},{"resource":{"resourceType":"Organization","id":c}}]}',
    options: { resourceType: 'Organization' },
    output: [
      { raw: { resourceType: 'Organization', id: 'a' } },
      { raw: { resourceType: 'Organization', id: 'b' } },
      { code: 'FHIR_PARSE_ERROR', position: { index: 2, path: 'Bundle.entry[2]' }, messageIncludes: 'after entry 1' },
    ],
  },
  {
    name: 'an empty searchset',
    input: '{"resourceType":"Bundle","type":"searchset","total":0}',
    options: { resourceType: 'Organization' },
    output: [],
  },
  {
    name: 'an OperationOutcome answer',
    input: '{"resourceType":"OperationOutcome","issue":[{"diagnostics":"token expired"}]}',
    output: [{ code: 'FHIR_OPERATION_OUTCOME', messageIncludes: 'token expired' }],
  },
];

const delimitedFixtures: Fixture[] = [
  {
    name: 'pipe (Lawson), quoted delimiter, leading zeros kept',
    input: 'VENDOR|VENDOR_VNAME|TAX_ID\n000123|"Acme | Sons"|012345678\n',
    options: { delimiter: '|' },
    output: [{ raw: { VENDOR: '000123', VENDOR_VNAME: 'Acme | Sons', TAX_ID: '012345678' } }],
  },
  { name: 'tab', input: 'A\tB\r\n1\t2\r\n', options: { delimiter: '\t' }, output: [{ raw: { A: '1', B: '2' } }] },
  { name: 'semicolon', input: 'A;B\n1;2,5\n', options: { delimiter: ';' }, output: [{ raw: { A: '1', B: '2,5' } }] },
  {
    name: 'comma is not guessed when the source says pipe',
    input: 'A|B\n1,2|3\n',
    options: { delimiter: '|' },
    output: [{ raw: { A: '1,2', B: '3' } }],
  },
  {
    name: 'no quoting: a quote is data',
    input: 'A|B\n5" tube|x\n',
    options: { delimiter: '|', quote: '' },
    output: [{ raw: { A: '5" tube', B: 'x' } }],
  },
  {
    name: 'no header row: named columns',
    input: '1|2\n',
    options: { delimiter: '|', header: false, columns: ['ID', 'NAME'] },
    output: [{ raw: { ID: '1', NAME: '2' } }],
  },
  {
    name: 'a short row between good ones',
    input: 'A|B\n1|2\n3\n4|5\n',
    options: { delimiter: '|' },
    output: [{ raw: { A: '1', B: '2' } }, { code: 'CSV_PARSE_ERROR', position: { line: 3 } }, { raw: { A: '4', B: '5' } }],
  },
  {
    name: 'an unclosed quote',
    input: 'A|B\n1|"2\n',
    options: { delimiter: '|' },
    output: [{ code: 'CSV_PARSE_ERROR', position: { line: 2 } }],
  },
  { name: 'UTF-8 BOM dropped', input: '\uFEFFA|B\n1|2\n', options: { delimiter: '|' }, output: [{ raw: { A: '1', B: '2' } }] },
];

describe.each([
  ['hl7v2', hl7Fixtures],
  ['x12', x12Fixtures],
  ['xml', xmlFixtures],
  ['fhir', fhirFixtures],
  ['delimited', delimitedFixtures],
] as Array<[FormatName, Fixture[]]>)('%s', (format, fixtures) => {
  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => check(format, fixture));
});

describe('encodings', () => {
  test('Windows-1252: é, ®, the euro sign and curly quotes', () => {
    const bytes = Uint8Array.from([0x4e, 0x7c, 0x4d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0xae, 0x7c, 0x80, 0x93, 0x94, 0x0a]);
    expect(parseFormatText('delimited', decodeText(bytes, 'windows-1252'), { delimiter: '|' })).toEqual([
      { kind: 'record', raw: { N: 'Café®', M: '€“”' }, position: { line: 2 } },
    ]);
  });
  test.each([
    ['little-endian', [0xff, 0xfe], (code: number) => [code & 0xff, code >> 8]],
    ['big-endian', [0xfe, 0xff], (code: number) => [code >> 8, code & 0xff]],
  ])('UTF-16 %s with BOM', (_name, bom, bytesOf) => {
    const text = 'A;B\nŁódź;Zürich\n';
    const bytes = Uint8Array.from([...bom, ...[...text].flatMap((char) => bytesOf(char.charCodeAt(0)))]);
    expect(parseFormatText('delimited', decodeText(bytes, 'utf-16'), { delimiter: ';' })).toEqual([
      { kind: 'record', raw: { A: 'Łódź', B: 'Zürich' }, position: { line: 2 } },
    ]);
  });
  test('UTF-16 without a BOM and invalid UTF-8 are refused with INVALID_ENCODING', () => {
    expect(() => decodeText(Uint8Array.from([0x41, 0x00]), 'utf-16')).toThrow(expect.objectContaining({ code: 'INVALID_ENCODING' }));
    expect(() => decodeText(Uint8Array.from([0x41, 0xff, 0x41]), 'utf-8')).toThrow(expect.objectContaining({ code: 'INVALID_ENCODING' }));
  });
});

describe('Content-Type parameters', () => {
  test.each([
    ['text/csv; delimiter="|"; charset=windows-1252', { delimiter: '|', encoding: 'windows-1252' }],
    ['text/csv; delimiter=tab; header=absent; columns="A, B"', { delimiter: '\t', header: false, columns: ['A', 'B'] }],
    [
      'application/xml; recordPath=r.Supplier; alwaysArray="Address_Data,ID"',
      { recordPath: 'r.Supplier', alwaysArray: ['Address_Data', 'ID'] },
    ],
    ['application/fhir+json; fhirVersion=4.0; resourceType=Organization', { resourceType: 'Organization' }],
  ])('%s', (header, expected) => expect(optionsFromMediaTypeParameters(header)).toEqual(expected));
});

describe('streaming', () => {
  async function* chunked(text: string, size: number): AsyncGenerator<string> {
    for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
  }
  const collect = async (iterable: AsyncIterable<ParsedItem>) => {
    const items: ParsedItem[] = [];
    for await (const item of iterable) items.push(item);
    return items;
  };

  test('an ER7 batch read in chunks of every awkward size gives the same messages as the whole text', async () => {
    const messages = Array.from({ length: 40 }, (_, index) => er7(MSH(`S${index}`), `ITM|${index}|Item \\T\\ ${index}`, 'PKG|1|EA|N|1'));
    const text = `${er7('FHS|^~\\&|E', 'BHS|^~\\&|E', ...messages, 'BTS|40', 'FTS|1')}\r\n`;
    const whole = parseFormatText('hl7v2', text);
    expect(whole.filter((item) => item.kind === 'record')).toHaveLength(40);
    for (const size of [1, 7, 64, 1000]) expect(await collect(readItems({ format: 'hl7v2', chunks: chunked(text, size) }))).toEqual(whole);
  });

  test('an X12 interchange read in chunks gives the same loops as the whole text', async () => {
    const loops = Array.from({ length: 30 }, (_, index) => [`LIN*${index}*VC*V${index}`, `CTP**CON*${index}.00*1*EA`]).flat();
    const text = x12('ST*832*0001', 'BCT*PS*C', ...loops, `SE*${loops.length + 3}*0001`);
    const whole = parseFormatText('x12', text);
    expect(whole).toHaveLength(30);
    for (const size of [1, 13, 200]) expect(await collect(readItems({ format: 'x12', chunks: chunked(text, size) }))).toEqual(whole);
  });

  test('a SOAP response read in chunks gives the same records as the whole text (records split anywhere, one broken)', async () => {
    const suppliers = Array.from(
      { length: 25 },
      (_, index) =>
        `<wd:Supplier>\n<wd:Supplier_Data><wd:Supplier_Name>S &amp; ${index}</wd:Supplier_Name><wd:Address_Data><wd:City>C${index}</wd:City></wd:Address_Data>` +
        `${index === 12 ? '<wd:Broken>' : ''}<!-- c --><wd:Note><![CDATA[a < b]]></wd:Note></wd:Supplier_Data>\n</wd:Supplier>`,
    );
    const text = SOAP(suppliers.join('\n'));
    const whole = parseFormatText('xml', text, xmlOptions);
    expect(whole.filter((item) => item.kind === 'record')).toHaveLength(24);
    expect(whole[12]).toMatchObject({
      kind: 'unreadable',
      code: 'XML_PARSE_ERROR',
      position: { index: 12, path: expect.stringContaining('Supplier[13]') },
    });
    for (const size of [1, 5, 64, 4096])
      expect(await collect(readItems({ format: 'xml', chunks: chunked(text, size), options: xmlOptions }))).toEqual(whole);
  });

  test('a FHIR Bundle read in chunks gives the same entries as the whole text', async () => {
    const entries = Array.from({ length: 30 }, (_, index) => ({
      fullUrl: `urn:uuid:${index}`,
      resource:
        index % 3 === 2
          ? { resourceType: 'Location', id: `l${index}` }
          : { resourceType: 'Organization', id: `o${index}`, name: `N "${index}" é` },
    }));
    const text = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: entries }, null, 2);
    const whole = parseFormatText('fhir', text, { resourceType: 'Organization' });
    expect(whole).toHaveLength(20);
    for (const size of [1, 9, 128, 100000])
      expect(await collect(readItems({ format: 'fhir', chunks: chunked(text, size), options: { resourceType: 'Organization' } }))).toEqual(
        whole,
      );
  });
});

describe('HL7 ACK', () => {
  const header = readHl7Header(er7(MSH('CTRL-9'), 'ITM|1'));
  test('AA swaps sender and receiver and echoes the control id', () => {
    const ack = buildHl7Ack({ header, code: 'AA', controlId: 'ACK1', timestamp: '20240606120001' });
    expect(ack.split('\r')).toEqual(['MSH|^~\\&|MDM|HUB|EPIC|SUPPLY|20240606120001||ACK^M16^ACK|ACK1|P|2.6', 'MSA|AA|CTRL-9|', '']);
  });
  test('AE carries the exception code in ERR-5 and escapes separators in the text', () => {
    const ack = buildHl7Ack({
      header,
      code: 'AE',
      controlId: 'ACK2',
      timestamp: 't',
      errorCode: 'INVALID_GTIN',
      text: 'gtin: check digit | wrong',
    });
    const segments = ack.split('\r');
    expect(segments[1]).toBe('MSA|AE|CTRL-9|gtin: check digit \\F\\ wrong');
    expect(segments[2]).toBe('ERR|||207^Application internal error^HL70357|E|INVALID_GTIN^^HL70533|||gtin: check digit \\F\\ wrong');
  });
});
