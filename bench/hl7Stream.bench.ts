/**
 * `node --import tsx bench/hl7Stream.bench.ts [megabytes=100]`: writes an HL7 v2 MFN^M16 ER7 batch file of
 * about that size (FHS/BHS, one item per message) and reads it the way an upload job does — 1 MiB text
 * chunks through `readItems({ format: 'hl7v2' })` — printing messages, MB/s and peak RSS. It measures the
 * parse stage's memory bound (one chunk + one message), not mapping and persistence (docs/INGEST.md has the
 * end-to-end figures).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { readItems } from '../server/ingest/recordReader';

const megabytes = Number(process.argv[2] ?? 100);
const directory = await mkdtemp(path.join(os.tmpdir(), 'mdm-hl7-bench-'));
const file = path.join(directory, 'items.hl7');

function message(index: number): string {
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

const out = createWriteStream(file);
out.write('FHS|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000\rBHS|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000\r');
let written = 0;
let count = 0;
while (written < megabytes * 1024 * 1024) {
  const text = `${message(count)}\r`;
  written += Buffer.byteLength(text);
  count += 1;
  if (!out.write(text)) await once(out, 'drain');
}
out.end(`BTS|${count}\rFTS|1\r`);
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
for await (const item of readItems({ format: 'hl7v2', chunks: chunks() })) {
  if (item.kind === 'record') records += 1;
  else unreadable += 1;
  if ((records & 1023) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`file ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${count} messages written`);
console.log(
  `read ${records} records + ${unreadable} unreadable in ${seconds.toFixed(1)} s (${(bytes / 1024 / 1024 / seconds).toFixed(1)} MiB/s, ${Math.round(records / seconds)} messages/s)`,
);
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB (the whole process, including Node and tsx)`);
await rm(directory, { recursive: true, force: true });
