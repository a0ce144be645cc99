/**
 * Retained sizes of a V8 heap snapshot (the dominator tree, Cooper–Harvey–Kennedy), grouped the way issue 14's
 * peak-memory work needs them (docs/INGEST.md "Peak memory of the 100k run (memory12)"):
 *   - per embedded-store collection (`CollectionState`): its document table, parsed cache, `_id` order and each index;
 *   - by constructor: the summed retained size of the objects of each name that no object of the same name dominates;
 *   - the largest single retainers outside the store's collections.
 * Write the snapshot with the ingest bench (`BENCH_HEAP_SNAPSHOT_AT=load …`), then:
 *   node --max-old-space-size=12000 bench/heapSnapshotRetained.mjs <file.heapsnapshot> [top=30]
 * Weak edges do not retain. Memory: ~12 bytes per snapshot edge and ~40 per node on top of the file.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 30);
if (!file) throw new Error('usage: heapSnapshotRetained.mjs <file.heapsnapshot> [top]');
const buf = readFileSync(file);
const meta = JSON.parse(buf.toString('latin1', buf.indexOf('{"meta":') + 8, buf.indexOf(',"node_count"')));

/** The integers of the JSON array that starts after `key`, as an Int32Array (the file is too large for JSON.parse). */
function numbersAt(key, count) {
  const out = new Int32Array(count);
  let v = 0;
  let inNumber = false;
  let filled = 0;
  for (let i = buf.indexOf(key) + key.length; i < buf.length && filled < count; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      inNumber = true;
    } else if (inNumber) {
      out[filled++] = v;
      v = 0;
      inNumber = false;
    }
    if (c === 93) break;
  }
  return out;
}

const nf = meta.node_fields;
const ef = meta.edge_fields;
const NF = nf.length;
const EF = ef.length;
const nodeCount = Number(/"node_count":(\d+)/.exec(buf.toString('latin1', 0, 4096))[1]);
const edgeCount = Number(/"edge_count":(\d+)/.exec(buf.toString('latin1', 0, 4096))[1]);
const nodes = numbersAt('"nodes":[', nodeCount * NF);
const edges = numbersAt('"edges":[', edgeCount * EF);
const stringsStart = buf.indexOf('"strings":[') + 10;
const strings = JSON.parse(buf.toString('utf8', stringsStart, buf.lastIndexOf(']') + 1));
const types = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const iType = nf.indexOf('type');
const iName = nf.indexOf('name');
const iSize = nf.indexOf('self_size');
const iEdges = nf.indexOf('edge_count');
const eType = ef.indexOf('type');
const eName = ef.indexOf('name_or_index');
const eTo = ef.indexOf('to_node');
const WEAK = edgeTypes.indexOf('weak');
const ELEMENT = edgeTypes.indexOf('element');
const HIDDEN = edgeTypes.indexOf('hidden');
const n = nodeCount;

const firstEdge = new Int32Array(n + 1);
for (let k = 0, e = 0; k < n; k++) {
  firstEdge[k] = e;
  e += nodes[k * NF + iEdges] * EF;
}
firstEdge[n] = edgeCount * EF;
const typeOf = (k) => types[nodes[k * NF + iType]];
const nameOf = (k) => strings[nodes[k * NF + iName]];
const selfOf = (k) => nodes[k * NF + iSize];
const target = (e) => edges[e + eTo] / NF;
const edgeName = (e) => {
  const t = edges[e + eType];
  return t === ELEMENT || t === HIDDEN ? `[${edges[e + eName]}]` : strings[edges[e + eName]];
};

// Depth-first post-order from the root (node 0) over strong edges.
const post = new Int32Array(n);
const postIndex = new Int32Array(n).fill(-1);
{
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const seen = new Uint8Array(n);
  let depth = 0;
  let order = 0;
  stack[0] = 0;
  cursor[0] = firstEdge[0];
  seen[0] = 1;
  while (depth >= 0) {
    const k = stack[depth];
    let pushed = false;
    while (cursor[depth] < firstEdge[k + 1]) {
      const e = cursor[depth];
      cursor[depth] += EF;
      if (edges[e + eType] === WEAK) continue;
      const to = target(e);
      if (seen[to]) continue;
      seen[to] = 1;
      depth += 1;
      stack[depth] = to;
      cursor[depth] = firstEdge[to];
      pushed = true;
      break;
    }
    if (!pushed) {
      post[order] = k;
      postIndex[k] = order++;
      depth -= 1;
    }
  }
  var reachable = order;
}

// Predecessors (strong edges between reachable nodes), compressed by node.
const predStart = new Int32Array(n + 1);
for (let k = 0; k < n; k++) {
  if (postIndex[k] < 0) continue;
  for (let e = firstEdge[k]; e < firstEdge[k + 1]; e += EF) if (edges[e + eType] !== WEAK) predStart[target(e) + 1]++;
}
for (let k = 0; k < n; k++) predStart[k + 1] += predStart[k];
const preds = new Int32Array(predStart[n]);
{
  const fill = predStart.slice(0, n);
  for (let k = 0; k < n; k++) {
    if (postIndex[k] < 0) continue;
    for (let e = firstEdge[k]; e < firstEdge[k + 1]; e += EF) if (edges[e + eType] !== WEAK) preds[fill[target(e)]++] = k;
  }
}

// Immediate dominators, iterated to a fixed point in reverse post-order.
const idom = new Int32Array(n).fill(-1);
idom[0] = 0;
for (let changed = true, rounds = 0; changed; rounds++) {
  changed = false;
  for (let i = reachable - 2; i >= 0; i--) {
    const k = post[i];
    let next = -1;
    for (let p = predStart[k]; p < predStart[k + 1]; p++) {
      let a = preds[p];
      if (idom[a] < 0) continue;
      if (next < 0) {
        next = a;
        continue;
      }
      let b = next;
      while (a !== b) {
        while (postIndex[a] < postIndex[b]) a = idom[a];
        while (postIndex[b] < postIndex[a]) b = idom[b];
      }
      next = a;
    }
    if (next >= 0 && idom[k] !== next) {
      idom[k] = next;
      changed = true;
    }
  }
}

const retained = new Float64Array(n);
for (let i = 0; i < reachable; i++) {
  const k = post[i];
  retained[k] += selfOf(k);
  if (k !== 0) retained[idom[k]] += retained[k];
}

const MIB = 1048576;
const mib = (x) => (x / MIB).toFixed(1).padStart(8);
let total = 0;
for (let k = 0; k < n; k++) total += selfOf(k);
console.log(
  `nodes ${n} (${reachable} reachable), edges ${edgeCount}; total self size ${(total / MIB).toFixed(1)} MiB, retained by the root ${(retained[0] / MIB).toFixed(1)} MiB`,
);

const label = (k) => {
  const t = typeOf(k);
  return t === 'object' || t === 'closure' || t === 'native' ? `${t}:${String(nameOf(k)).slice(0, 50)}` : t;
};
/** The node an edge named `name` of `k` points to. */
const child = (k, name) => {
  for (let e = firstEdge[k]; e < firstEdge[k + 1]; e += EF) if (edgeName(e) === name) return target(e);
  return -1;
};

// Per store collection: the CollectionState's retained size and that of each of its parts it dominates.
const collections = [];
const inCollection = new Uint8Array(n);
for (let k = 0; k < n; k++) if (typeOf(k) === 'object' && nameOf(k) === 'CollectionState' && postIndex[k] >= 0) collections.push(k);
console.log(`--- store collections (CollectionState), retained MiB: total, then its parts`);
collections.sort((a, b) => retained[b] - retained[a]);
let collectionsTotal = 0;
for (const k of collections) {
  collectionsTotal += retained[k];
  inCollection[k] = 1;
  const nameNode = child(k, 'name');
  const parts = [];
  for (let e = firstEdge[k]; e < firstEdge[k + 1]; e += EF) {
    const to = target(e);
    if (idom[to] !== k || retained[to] < 0.05 * MIB) continue;
    const part = edgeName(e);
    if (part === 'indexList') {
      for (let x = firstEdge[to]; x < firstEdge[to + 1]; x += EF) {
        const index = target(x);
        const indexName = child(index, 'name');
        if (idom[index] === to) parts.push(`index ${indexName >= 0 ? nameOf(indexName) : '?'} ${(retained[index] / MIB).toFixed(1)}`);
      }
    } else parts.push(`${part} ${(retained[to] / MIB).toFixed(1)}`);
  }
  console.log(`${mib(retained[k])} MiB  ${nameNode >= 0 ? nameOf(nameNode) : '?'}: ${parts.join(', ')}`);
}
console.log(`${mib(collectionsTotal)} MiB  all collections`);

// Per collection's document table (held by the collection and by the store's resident-text accounting, so the
// collection does not dominate it): the table's retained size, its parts, and the ids it holds.
console.log(`--- document tables (DocumentTable of each collection), retained MiB: total, then its parts; documents`);
const tables = [];
for (const k of collections) {
  const table = child(k, 'docs');
  if (table < 0) continue;
  const nameNode = child(k, 'name');
  const entries = child(table, 'entries');
  const ids = entries >= 0 ? child(entries, 'ids') : -1;
  let documents = 0;
  const idElements = ids >= 0 ? child(ids, 'elements') : -1;
  if (idElements >= 0)
    for (let e = firstEdge[idElements]; e < firstEdge[idElements + 1]; e += EF) if (typeOf(target(e)).includes('string')) documents++;
  const parts = [];
  for (const part of ['texts', 'residentOrder', 'spilled', 'freeOrdinals']) {
    const to = child(table, part);
    if (to >= 0 && idom[to] === table) parts.push(`${part} ${(retained[to] / MIB).toFixed(1)}`);
  }
  if (entries >= 0 && idom[entries] === table) {
    const idsRetained = ids >= 0 && idom[ids] === entries ? retained[ids] : 0;
    parts.push(
      `ids ${(idsRetained / MIB).toFixed(1)}`,
      `id → ordinal hash and log ${((retained[entries] - idsRetained) / MIB).toFixed(1)}`,
    );
  }
  tables.push({
    retained: retained[table],
    line: `${nameNode >= 0 ? nameOf(nameNode) : '?'}: ${parts.join(', ')}; ${documents} documents`,
  });
}
tables.sort((a, b) => b.retained - a.retained);
let tablesTotal = 0;
for (const t of tables) {
  tablesTotal += t.retained;
  if (t.retained >= 0.05 * MIB) console.log(`${mib(t.retained)} MiB  ${t.line}`);
}
console.log(`${mib(tablesTotal)} MiB  all document tables`);

// By constructor: objects of a name not dominated by another of the same name.
const byName = new Map();
for (let i = 0; i < reachable; i++) {
  const k = post[i];
  const l = label(k);
  let nested = false;
  for (let x = idom[k], steps = 0; x !== 0 && steps < 64; x = idom[x], steps++)
    if (label(x) === l) {
      nested = true;
      break;
    }
  const g = byName.get(l) ?? { retained: 0, count: 0, self: 0 };
  g.self += selfOf(k);
  g.count += 1;
  if (!nested) g.retained += retained[k];
  byName.set(l, g);
}
console.log('--- by constructor: retained (outermost objects of the name), self, count');
for (const [l, g] of [...byName].sort((a, b) => b[1].retained - a[1].retained).slice(0, top))
  console.log(`${mib(g.retained)} MiB retained ${mib(g.self)} MiB self ${String(g.count).padStart(9)}  ${l}`);

// Largest retainers besides the store's collections: retained size minus the collections a node dominates; a node
// is listed when its dominator holds at least twice as much (a hub: a module scope, the store, a root), so a chain
// of wrappers around one structure is listed once, at its outermost wrapper.
console.log('--- largest retainers besides the store collections (MiB retained without collections; ≥ 1 MiB), with a retaining edge');
// Propagate the subtraction up: a node's figure is its retained minus every collection below it.
const collectionsBelow = new Float64Array(n);
for (let i = 0; i < reachable; i++) {
  const k = post[i];
  if (inCollection[k]) collectionsBelow[k] = retained[k];
  if (k !== 0) collectionsBelow[idom[k]] += collectionsBelow[k];
}
const rows = [];
for (let i = 0; i < reachable; i++) {
  const k = post[i];
  if (inCollection[k] || typeOf(k) === 'synthetic') continue;
  const own = retained[k] - collectionsBelow[k];
  if (own < MIB) continue;
  const d = idom[k];
  if (typeOf(d) !== 'synthetic' && retained[d] - collectionsBelow[d] < 2 * own) continue;
  let via = '';
  for (let p = predStart[k]; p < predStart[k + 1] && !via; p++) {
    const from = preds[p];
    for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += EF)
      if (target(e) === k) {
        via = `${label(from)}.${edgeName(e)}`;
        break;
      }
  }
  rows.push([own, `${label(k)} <- ${via}`]);
}
for (const [size, text] of rows.sort((a, b) => b[0] - a[0]).slice(0, top)) console.log(`${mib(size)} MiB  ${text}`);

// Strings held more than once (the same characters in several string objects): what interning would save.
console.log('--- strings held more than once: wasted MiB (self size of the extra copies) by prefix class, and in total');
const copies = new Map();
for (let k = 0; k < n; k++) {
  if (typeOf(k) !== 'string' || postIndex[k] < 0) continue;
  const text = nameOf(k);
  const seen = copies.get(nodes[k * NF + iName]);
  if (seen) {
    seen.count += 1;
    seen.wasted += selfOf(k);
  } else copies.set(nodes[k * NF + iName], { count: 1, wasted: 0, text });
}
const byShape = new Map();
let wasted = 0;
for (const { count, wasted: bytes, text } of copies.values()) {
  if (count < 2) continue;
  wasted += bytes;
  // The shape of a string: its first character class and length bucket (ids, encoded keys 's…', timestamps).
  const shape = `${String(text).slice(0, 1)}… ${String(text).length <= 16 ? '≤16' : String(text).length <= 48 ? '≤48' : '>48'} chars`;
  const g = byShape.get(shape) ?? { bytes: 0, strings: 0, example: text };
  g.bytes += bytes;
  g.strings += count - 1;
  byShape.set(shape, g);
}
console.log(`${mib(wasted)} MiB  in all`);
const most = [...copies.values()].filter((c) => c.count > 1).sort((a, b) => b.wasted - a.wasted);
console.log(
  `  strings with copies: ${most.length}; copies per such string: ${(most.reduce((sum, c) => sum + c.count, 0) / Math.max(1, most.length)).toFixed(2)}; the most wasteful: ${most
    .slice(0, 8)
    .map((c) => `${JSON.stringify(String(c.text).slice(0, 40))} ×${c.count}`)
    .join(', ')}`,
);
console.log(
  `  a sample: ${most
    .filter((_, i) => i % Math.max(1, Math.floor(most.length / 12)) === 0)
    .slice(0, 12)
    .map((c) => `${JSON.stringify(String(c.text).slice(0, 40))} ×${c.count}`)
    .join(', ')}`,
);
for (const [shape, g] of [...byShape].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top))
  console.log(
    `${mib(g.bytes)} MiB ${String(g.strings).padStart(9)} extra copies  ${shape}  e.g. ${JSON.stringify(String(g.example).slice(0, 60))}`,
  );
