/**
 * `node --import tsx bench/formatStream.bench.ts <hl7v2|xml|fhir|x12> [megabytes=100]`: writes a large file of
 * that format — an HL7 v2 MFN^M16 ER7 batch (FHS/BHS, one item per message), a Workday Get_Suppliers SOAP
 * response with that many MB of repeating `Supplier` elements,
 * a FHIR searchset Bundle of Organization entries (every fourth an included Location), or an X12 832 with
 * one LIN/PID/CTP loop per item — and reads it the way an upload job does: 1 MiB text chunks through
 * `readItems` with the source's options, printing records, MiB/s and peak RSS. It measures the parse stage's
 * memory bound (one chunk + one record), not mapping and persistence (docs/INGEST.md has end-to-end figures).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { SourceFormatOptions } from '../server/ingest/formats/registry';
import { readItems, type IngestFormat } from '../server/ingest/recordReader';

interface BenchFormat {
  format: IngestFormat;
  options: SourceFormatOptions;
  head: string;
  record: (index: number) => string;
  tail: (count: number) => string;
}

const ISA = 'ISA*00*          *00*          *ZZ*OWENSMINOR     *ZZ*HOSPITAL       *241201*0600*^*00501*000000417*0*P*:~';

function mfnMessage(index: number): string {
  const id = String(100000 + index);
  return [
    `MSH|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000||MFN^M16^MFN_M16|EPICSUP${id}|P|2.6`,
    'MFI|ITM^Item Master^HL70175||UPD|||AL',
    `MFE|MAD||20240606|${id}^^EPIC-SUP|CWE`,
    `ITM|${id}^EPIC-SUP|Syringe, ${index % 60} mL, Luer-Lok Tip \\T\\ cap|A^Active|SUP|42142523^^UNSPSC|N|BD|BD|3096${id}||N||||||N`,
    `VND|1|MED01|MEDLINE INDUSTRIES|BD${id}|Y`,
    `PKG|1|EA^Each|N|1|0.11&USD|||00382911861773||1`,
    `PKG|2|BX^Box|Y|100|11.00&USD|||10382911861770||100`,
  ].join('\r');
}

const FORMATS: Record<string, BenchFormat> = {
  hl7v2: {
    format: 'hl7v2',
    options: {},
    head: 'FHS|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000\rBHS|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000\r',
    record: (index) => `${mfnMessage(index)}\r`,
    tail: (count) => `BTS|${count}\rFTS|1\r`,
  },
  xml: {
    format: 'xml',
    options: { recordPath: 'Envelope.Body.Get_Suppliers_Response.Response_Data.Supplier', alwaysArray: ['ID', 'Address_Data'] },
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wd="urn:com.workday/bsvc">' +
      '<env:Body><wd:Get_Suppliers_Response wd:version="v42.0"><wd:Response_Data>\n',
    record: (index) =>
      `<wd:Supplier><wd:Supplier_Reference><wd:ID wd:type="WID">${index.toString(16).padStart(32, '0')}</wd:ID>` +
      `<wd:ID wd:type="Supplier_ID">SUP-${String(index).padStart(7, '0')}</wd:ID></wd:Supplier_Reference>` +
      `<wd:Supplier_Data><wd:Supplier_Name>MEDLINE INDUSTRIES &amp; SONS ${index}</wd:Supplier_Name>` +
      '<wd:Address_Data wd:Effective_Date="2020-01-01"><wd:Address_Line_Data wd:Type="ADDRESS_LINE_1">Three Lakes Drive</wd:Address_Line_Data>' +
      '<wd:Municipality>Northfield</wd:Municipality><wd:Postal_Code>60093</wd:Postal_Code></wd:Address_Data></wd:Supplier_Data></wd:Supplier>\n',
    tail: () => '</wd:Response_Data></wd:Get_Suppliers_Response></env:Body></env:Envelope>\n',
  },
  fhir: {
    format: 'fhir',
    options: { resourceType: 'Organization' },
    head: '{"resourceType":"Bundle","type":"searchset","entry":[\n',
    record: (index) =>
      `${index === 0 ? '' : ',\n'}${JSON.stringify(
        index % 4 === 3
          ? {
              fullUrl: `urn:uuid:l${index}`,
              resource: { resourceType: 'Location', id: `l${index}`, name: `Dock ${index}` },
              search: { mode: 'include' },
            }
          : {
              fullUrl: `https://directory.example.org/fhir/Organization/o${index}`,
              resource: {
                resourceType: 'Organization',
                id: `o${index}`,
                identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: String(1000000000 + index) }],
                active: true,
                name: `Riverside Medical Center ${index}`,
                telecom: [{ system: 'phone', value: '(973) 275-7107', use: 'work' }],
                address: [{ use: 'work', line: ['4311 Church St'], city: 'Newark', state: 'NJ', postalCode: '07102', country: 'US' }],
              },
              search: { mode: 'match' },
            },
      )}`,
    tail: () => '\n]}\n',
  },
  x12: {
    format: 'x12',
    options: {},
    head: `${ISA}\nGS*SC*OWENSMINOR*HOSPITAL*20241201*0600*417*X*005010~\nST*832*0001~\nBCT*PS*OM-CAT~\n`,
    record: (index) =>
      `LIN*${index + 1}*VC*OM-${String(index).padStart(7, '0')}*UP*0803${String(index).padStart(8, '0')}~\n` +
      `PID*F****SUTURE VICRYL 3-0 SH 27IN ${index}~\nCTP**CON*112.00*1*BX~\n`,
    tail: (count) => `SE*${count * 3 + 3}*0001~\nGE*1*417~\nIEA*1*000000417~\n`,
  },
};

const name = process.argv[2] ?? 'xml';
const bench = FORMATS[name];
if (!bench) throw new Error(`format must be one of ${Object.keys(FORMATS).join(', ')}`);
const megabytes = Number(process.argv[3] ?? 100);
const directory = await mkdtemp(path.join(os.tmpdir(), `mdm-${name}-bench-`));
const file = path.join(directory, `bench.${name}`);

const out = createWriteStream(file);
out.write(bench.head);
let written = 0;
let count = 0;
while (written < megabytes * 1024 * 1024) {
  const text = bench.record(count);
  written += Buffer.byteLength(text);
  count += 1;
  if (!out.write(text)) await once(out, 'drain');
}
out.end(bench.tail(count));
await once(out, 'finish');
const bytes = (await stat(file)).size;

async function* chunks(): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const buffer of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    yield decoder.decode(buffer as Buffer, { stream: true });
}

let peakRss = process.memoryUsage().rss;
let records = 0;
let unreadable = 0;
const started = process.hrtime.bigint();
for await (const item of readItems({ format: bench.format, chunks: chunks(), options: bench.options })) {
  if (item.kind === 'record') records += 1;
  else unreadable += 1;
  if ((records & 1023) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`${name}: file ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${count} elements/entries/loops written`);
console.log(
  `read ${records} records + ${unreadable} unreadable in ${seconds.toFixed(1)} s (${(bytes / 1024 / 1024 / seconds).toFixed(1)} MiB/s, ${Math.round(records / seconds)} records/s)`,
);
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB (the whole process, including Node and tsx)`);
await rm(directory, { recursive: true, force: true });
