/**
 * Cluster review benchmark: what raising cluster tasks costs at ingest. Prints figures; asserts nothing.
 *   node --import tsx bench/clusterReview.bench.ts --records 5000
 * Generates vendors known by name only — families of 1–8 spellings of one company (legal suffixes,
 * case, punctuation, abbreviations) among many other companies built from the same words — and applies
 * them through `applySourceRecord` (the use case ingest calls) twice, on fresh stores: with the shipped
 * supplier rules (clusterReview on) and with the same rules without clusterReview. Reports wall time,
 * per-record p50 / p95, tasks opened, and pairwise P / R of auto-merge + cluster tasks.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { applySourceRecord, type SourceRecordDocument } from '../server/golden';
import { TASKS } from '../server/stewardship/collections';
import { createLogger } from '../server/logger';
import { publishRules, saveRulesDraft } from '../server/matching/ruleSets/commands';
import { publishedRules } from '../server/matching/ruleSets/queries';
import { evaluateClusterReview } from '../scripts/evalClusters';
import { present } from '../server/invariant';

const index = process.argv.indexOf('--records');
const total = index >= 0 ? Number(process.argv[index + 1]) : 5000;
const ACTOR = { keyId: 'bench', name: 'bench', role: 'admin' };

const WORDS = [
  'ACME',
  'SUMMIT',
  'PIONEER',
  'CASCADE',
  'HARBOR',
  'MERIDIAN',
  'APEX',
  'LIBERTY',
  'NORTHSTAR',
  'EVERGREEN',
  'KEYSTONE',
  'BLUE',
  'RIDGE',
  'SILVER',
  'OAK',
  'PINE',
  'VALLEY',
  'RIVER',
  'LAKE',
  'STONE',
  'FORGE',
  'BRIDGE',
  'CREST',
  'POINT',
];
const TRADES = [
  'MEDICAL',
  'SURGICAL',
  'SUPPLY',
  'HEALTHCARE',
  'DIAGNOSTICS',
  'LABS',
  'PHARMA',
  'DEVICES',
  'SERVICES',
  'SOLUTIONS',
  'STAFFING',
  'LOGISTICS',
];
// Spellings of one vendor's legal form. No LLC: since supplier-3.18.0 a US corporation and an LLC of one name are two
// legal entities (cluster split `corporationAndLlc`), so an LLC spelling would be a different vendor, not a variant.
const SUFFIXES = ['', ' INC', ', Inc.', ' CORP', ' Corporation', ' CO', ' Company'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spelling(base: string, next: () => number): string {
  const suffix = SUFFIXES[Math.floor(next() * SUFFIXES.length)];
  const words = base.split(' ');
  // Abbreviate the trade word now and then ("SURGICAL" → "SURG."), vary the case.
  const shortened = next() < 0.2 ? words.map((w, i) => (i === words.length - 1 && w.length > 5 ? `${w.slice(0, 4)}.` : w)) : words;
  const text = `${shortened.join(' ')}${suffix}`;
  return next() < 0.5 ? text : text.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}

function generateVendors(count: number): Array<{ sourceId: string; name: string; entity: string }> {
  const next = random(11);
  const vendors: Array<{ sourceId: string; name: string; entity: string }> = [];
  const used = new Set<string>();
  let company = 0;
  while (vendors.length < count) {
    let base = '';
    do
      base = `${WORDS[Math.floor(next() * WORDS.length)]} ${WORDS[Math.floor(next() * WORDS.length)]} ${TRADES[Math.floor(next() * TRADES.length)]}`;
    while (used.has(base));
    used.add(base);
    company++;
    const family = next() < 0.6 ? 1 : 2 + Math.floor(next() * 7);
    for (let i = 0; i < family && vendors.length < count; i++)
      vendors.push({ sourceId: `V${vendors.length}`, name: spelling(base, next), entity: `c${company}` });
  }
  // Interleave families, as several source systems would send them.
  return vendors
    .map((v) => ({ v, key: next() }))
    .sort((x, y) => x.key - y.key)
    .map(({ v }) => v);
}

async function run(vendors: ReturnType<typeof generateVendors>, withClusters: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-cluster-bench-'));
  const config = { ...loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0' }), seed: false };
  const running = await bootstrap({ config, logger: createLogger({ silent: true }), startJobs: false });
  const { services } = running;
  try {
    if (!withClusters) {
      const { clusterReview: _off, ...rules } = structuredClone(
        (await publishedRules({ store: services.store, domain: 'supplier' })).rules,
      );
      await saveRulesDraft(services, { domain: 'supplier', rules: { ...rules, version: 'supplier-bench-no-clusters' }, actor: ACTOR });
      await publishRules(services, { domain: 'supplier', actor: ACTOR });
    }
    const latencies: number[] = [];
    const started = performance.now();
    for (const vendor of vendors) {
      const at = new Date().toISOString();
      const canonical = { sourceId: vendor.sourceId, name: vendor.name };
      const sourceRecord: SourceRecordDocument = {
        _id: `supplier|bench|${vendor.sourceId}`,
        domain: 'supplier',
        source: 'bench',
        sourceId: vendor.sourceId,
        goldenId: '',
        raw: canonical,
        canonical,
        payloadHash: createHash('sha256').update(JSON.stringify(canonical)).digest('hex'),
        mappingVersion: 1,
        schemaVersion: '1.0.0',
        receivedAt: at,
        updatedAt: at,
        version: 1,
      };
      const one = performance.now();
      await applySourceRecord(services, { sourceRecord, actor: ACTOR });
      latencies.push(performance.now() - one);
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number): string =>
      present(
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))],
        'latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]',
      ).toFixed(2);
    const tasks = services.store.collection(TASKS);
    const pairwise = await tasks.countDocuments({ type: 'potential-match', status: 'open' });
    const clusters = await tasks.countDocuments({ type: 'potential-match-cluster', status: 'open' });
    const report = await evaluateClusterReview({
      store: services.store,
      domain: 'supplier',
      entityOf: new Map(vendors.map((v) => [`supplier|bench|${v.sourceId}`, v.entity])),
    });
    const s = report.withClusters;
    console.log(
      `  ${withClusters ? 'clusterReview on ' : 'clusterReview off'}: ${seconds.toFixed(1)} s (${Math.round(vendors.length / seconds)} records/s), per record p50 ${at(0.5)} ms p95 ${at(0.95)} ms; ` +
        `open tasks ${pairwise} pairwise + ${clusters} cluster (largest ${report.largestCluster} records); auto-merge + clusters P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`,
    );
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const vendors = generateVendors(total);
  console.log(
    `cluster review benchmark — node ${process.version}, ${total.toLocaleString('en-US')} name-only vendors in ${new Set(vendors.map((v) => v.entity)).size.toLocaleString('en-US')} companies`,
  );
  await run(vendors, false);
  await run(vendors, true);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
