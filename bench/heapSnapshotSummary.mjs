/**
 * Summarises a V8 heap snapshot too large for JSON.parse (docs/STORAGE.md "Session 10"): self size per node type and
 * name, arrays / strings by the object that first retains them, and with `collections` every Map and Set (object +
 * hash table) by its holder and table size (small ≤ 200 B, medium ≤ 2,000 B, large):
 *   node --max-old-space-size=8000 bench/heapSnapshotSummary.mjs <file.heapsnapshot> [top=40] [collections]
 * Write the snapshot with bench/liveHeapAtEnd.mjs (LIVE_HEAP_SNAPSHOT=<file>) at the end of an ingest bench run.
 */
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const top = Number(process.argv[3] ?? 40);
const buf = readFileSync(file);
const text = (a, b) => buf.toString('latin1', a, b);
const meta = JSON.parse(text(buf.indexOf('{"meta":') + 8, buf.indexOf(',"node_count"')));
function numbersAt(key) {
  const start = buf.indexOf(key) + key.length;
  const out = [];
  let v = 0,
    inNum = false,
    i = start;
  for (; i < buf.length; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      inNum = true;
    } else {
      if (inNum) {
        out.push(v);
        v = 0;
        inNum = false;
      }
      if (c === 93) break;
    }
  }
  return Int32Array.from(out);
}
const nodes = numbersAt('"nodes":[');
const edges = numbersAt('"edges":[');
const sStart = buf.indexOf('"strings":[') + 10;
const strings = JSON.parse(buf.toString('utf8', sStart, buf.lastIndexOf(']') + 1));
const nf = meta.node_fields,
  ef = meta.edge_fields;
const NF = nf.length,
  EF = ef.length;
const types = meta.node_types[0],
  etypes = meta.edge_types[0];
const iType = nf.indexOf('type'),
  iName = nf.indexOf('name'),
  iSize = nf.indexOf('self_size'),
  iEC = nf.indexOf('edge_count');
const eType = ef.indexOf('type'),
  eName = ef.indexOf('name_or_index'),
  eTo = ef.indexOf('to_node');
const n = nodes.length / NF;
const owner = new Int32Array(n).fill(-1),
  ownerEdge = new Int32Array(n).fill(-1);
let e = 0;
for (let k = 0; k < n; k++) {
  const ec = nodes[k * NF + iEC];
  for (let j = 0; j < ec; j++, e += EF) {
    const to = edges[e + eTo] / NF;
    const et = etypes[edges[e + eType]];
    if (et === 'weak' || et === 'shortcut') continue;
    if (owner[to] === -1) {
      owner[to] = k;
      ownerEdge[to] = e;
    }
  }
}
const label = (k) => {
  const t = types[nodes[k * NF + iType]];
  let name = strings[nodes[k * NF + iName]];
  if (t === 'string' || t === 'concatenated string' || t === 'sliced string') name = '';
  if (t === 'code' || t === 'closure') name = name.slice(0, 30);
  return `${t}:${String(name).slice(0, 60)}`;
};
const byLabel = new Map(),
  byOwned = new Map();
let total = 0;
for (let k = 0; k < n; k++) {
  const size = nodes[k * NF + iSize];
  total += size;
  const l = label(k);
  const a = byLabel.get(l) ?? [0, 0];
  a[0] += size;
  a[1]++;
  byLabel.set(l, a);
  const t = types[nodes[k * NF + iType]];
  if (t === 'array' || t === 'hidden' || t === 'object shape' || t === 'string' || t === 'number' || t === 'native') {
    const o = owner[k];
    let ol = o >= 0 ? label(o) : '(root)';
    if (o >= 0) {
      const ed = ownerEdge[k];
      const et = etypes[edges[ed + eType]];
      const nm = et === 'element' || et === 'hidden' ? '[]' : strings[edges[ed + eName]];
      ol += ' .' + nm;
    }
    const key = `${t}:${strings[nodes[k * NF + iName]] && t !== 'string' ? String(strings[nodes[k * NF + iName]]).slice(0, 30) : ''} <- ${ol}`;
    const b = byOwned.get(key) ?? [0, 0];
    b[0] += size;
    b[1]++;
    byOwned.set(key, b);
  }
}
const mib = (x) => (x / 1048576).toFixed(1);
console.log(`nodes ${n}, total self size ${mib(total)} MiB`);
console.log('--- by type:name');
for (const [l, [s, c]] of [...byLabel].sort((a, b) => b[1][0] - a[1][0]).slice(0, top))
  console.log(`${mib(s).padStart(8)} MiB ${String(c).padStart(9)}  ${l}`);
console.log('--- arrays/strings/hidden by first owner');
for (const [l, [s, c]] of [...byOwned].sort((a, b) => b[1][0] - a[1][0]).slice(0, top))
  console.log(`${mib(s).padStart(8)} MiB ${String(c).padStart(9)}  ${l}`);
// Sets and Maps: table bytes by (owner label, edge), with a histogram of table sizes.
if (process.argv[4] === 'collections') {
  const groups = new Map();
  let e2 = 0;
  const firstEdge = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    firstEdge[k] = e2;
    e2 += nodes[k * NF + iEC] * EF;
  }
  firstEdge[n] = e2;
  for (let k = 0; k < n; k++) {
    const l = label(k);
    if (l !== 'object:Set' && l !== 'object:Map') continue;
    let table = 0;
    for (let x = firstEdge[k]; x < firstEdge[k + 1]; x += EF)
      if (strings[edges[x + eName]] === 'table' && etypes[edges[x + eType]] !== 'element')
        table += nodes[(edges[x + eTo] / NF) * NF + iSize];
    const o = owner[k];
    let ol = o >= 0 ? label(o) : '(root)';
    // Tables own collections: look one more level up for their holder.
    if (ol.startsWith('array:') && o >= 0 && owner[o] >= 0)
      ol = 'in ' + label(owner[o]) + ' <- ' + (owner[owner[o]] >= 0 ? label(owner[owner[o]]) : '');
    else if (o >= 0) ol += ' .' + strings[edges[ownerEdge[k] + eName]];
    const bucket = table <= 200 ? 'small' : table <= 2000 ? 'medium' : 'large';
    const key = `${l} ${bucket} | ${ol}`;
    const g = groups.get(key) ?? [0, 0, 0];
    g[0] += table + nodes[k * NF + iSize];
    g[1]++;
    groups.set(key, g);
  }
  console.log('--- Map/Set (object + table) by owner');
  for (const [l, [s, c]] of [...groups].sort((a, b) => b[1][0] - a[1][0]).slice(0, top))
    console.log(`${mib(s).padStart(8)} MiB ${String(c).padStart(9)}  ${l}`);
}
