/**
 * How hard is the seed? Maps every source record through the real runtime, then clusters each
 * domain with two naive strategies and scores them against the ground truth (pairwise):
 *   identifiers — records sharing any normalised identifier are one cluster (union-find);
 *   exact name  — records with the same normalised name / description are one cluster.
 * A good matcher has to beat both: identifiers are missing or differ across systems, names collide.
 *
 *   node --import tsx seed/baseline.ts
 */
import { fileURLToPath } from 'node:url';
import { createMappingRuntime } from '../server/mapping-runtime';
import { createLogger } from '../server/logger';
import { normalizeCcn, normalizeDuns, normalizeEin, normalizeGtin, normalizeNdc11, normalizeOrgName, normalizeText } from '../server/identifiers';
import type { RecordRef } from './loadSeed';
import { readGroundTruth } from './loadSeed';
import { mapWholeSeed, readLookupTables, readMappingFiles } from './mapSeed';
import type { PairwiseScore } from './evaluateMatching';
import { scorePairwise } from './evaluateMatching';
import { present } from '../server/invariant';

type Canonical = Record<string, unknown>;
interface SeedRecord {
  ref: RecordRef;
  record: Canonical;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Identifier keys per domain; a strategy, not the product's matching rules. */
export const IDENTIFIER_KEYS: Record<string, (record: Canonical) => Array<string | null>> = {
  supplier: (r) => [normalizeEin(text(r.taxId)) && `ein:${normalizeEin(text(r.taxId))}`, normalizeDuns(text(r.duns)) && `duns:${normalizeDuns(text(r.duns))}`],
  item: (r) => [normalizeGtin(text(r.gtin)) && `gtin:${normalizeGtin(text(r.gtin))}`, normalizeNdc11(text(r.ndc)) && `ndc:${normalizeNdc11(text(r.ndc))}`],
  facility: (r) => [normalizeCcn(text(r.ccn)) && `ccn:${normalizeCcn(text(r.ccn))}`, ...(Array.isArray(r.npis) ? r.npis.map((npi) => `npi:${text(npi)}`) : [])],
  account: (r) => [r.company && r.accountNumber ? `acct:${text(r.company)}:${text(r.accountNumber)}:${text(r.kind)}` : null],
};
const NAME_KEY: Record<string, (record: Canonical) => string | null> = {
  supplier: (r) => normalizeOrgName(text(r.name)) || null,
  item: (r) => normalizeText(text(r.description)) || null,
  facility: (r) => normalizeOrgName(text(r.name)) || null,
  account: (r) => normalizeText(text(r.name)) || null,
};

/** Union-find over records sharing any key. */
export function clustersByKeys(records: SeedRecord[], keysOf: (record: Canonical) => Array<string | null>): RecordRef[][] {
  const parent = records.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(present(parent[index], "parent[index]"))));
  const firstWithKey = new Map<string, number>();
  records.forEach((entry, index) => {
    for (const key of keysOf(entry.record)) {
      if (!key) continue;
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else parent[find(index)] = find(first);
    }
  });
  const groups = new Map<number, RecordRef[]>();
  records.forEach((entry, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), entry.ref]));
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Scores both naive strategies for every domain. */
export async function runBaseline(): Promise<Record<string, Record<string, PairwiseScore>>> {
  const runtime = createMappingRuntime({ logger: createLogger({ silent: true }) });
  try {
    const mapped = await mapWholeSeed({ runtime, mappings: readMappingFiles(), lookups: readLookupTables().tables });
    const byDomain = new Map<string, SeedRecord[]>();
    for (const file of mapped) {
      const list = byDomain.get(file.entry.domain) ?? [];
      for (const outcome of file.outcomes) {
        if (outcome.ok) list.push({ ref: { source: file.entry.source, sourceId: text((outcome.value as Canonical).sourceId) }, record: outcome.value as Canonical });
      }
      byDomain.set(file.entry.domain, list);
    }
    const results: Record<string, Record<string, PairwiseScore>> = {};
    for (const [domain, records] of byDomain) {
      const truth = readGroundTruth(domain);
      results[domain] = {
        identifiers: scorePairwise({ truth, predicted: clustersByKeys(records, present(IDENTIFIER_KEYS[domain], "IDENTIFIER_KEYS[domain]")) }),
        'exact name': scorePairwise({ truth, predicted: clustersByKeys(records, (record) => [present(NAME_KEY[domain], 'the name key of ' + domain)(record)]) }),
      };
    }
    return results;
  } finally {
    await runtime.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runBaseline();
  console.log('domain    strategy      precision  recall   F1     (TP/FP/FN pairs)');
  for (const [domain, strategies] of Object.entries(results)) {
    for (const [strategy, score] of Object.entries(strategies)) {
      console.log(`${domain.padEnd(9)} ${strategy.padEnd(12)}  ${score.precision.toFixed(3).padStart(9)}  ${score.recall.toFixed(3).padStart(6)}  ${score.f1.toFixed(3)}  (${score.truePositives}/${score.falsePositives}/${score.falseNegatives})`);
    }
  }
}
