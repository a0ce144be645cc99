/**
 * The seed's ground truth against the seed itself: referential integrity, the planted bad records
 * fail for exactly their planted reason, every other record is a valid canonical record, the
 * duplicate patterns of the reference are really present, and the committed files are what the
 * generator produces.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MappingRuntime } from '../../server/mapping-runtime';
import { createMappingRuntime } from '../../server/mapping-runtime';
import { createLogger } from '../../server/logger';
import { validateCanonical } from '../../server/schemas';
import { gtinBase, gtinIndicator, normalizeGtin } from '../../server/identifiers';
import { normalizeOrgName } from '../../server/identifiers/names';
import type { GroundTruth, RecordRef } from '../../seed/loadSeed';
import { readGroundTruth, readSeedManifest, SEED_DIRECTORY } from '../../seed/loadSeed';
import { generateSeed } from '../../seed/generate';
import type { MappedSeedFile } from '../../seed/mapSeed';
import { MAPPINGS_DIRECTORY, mapWholeSeed, readLookupTables, readMappingFiles } from '../../seed/mapSeed';

const DOMAINS = ['supplier', 'item', 'facility', 'account'];
type Canonical = Record<string, unknown> & { sourceId: string };

let runtime: MappingRuntime;
let mapped: MappedSeedFile[] = [];
/** domain → "source|sourceId" → canonical record. */
const records = new Map<string, Map<string, Canonical>>();
const truth = new Map<string, GroundTruth>(DOMAINS.map((domain) => [domain, readGroundTruth(domain)]));
const refKey = (ref: RecordRef): string => `${ref.source}|${ref.sourceId}`;

beforeAll(async () => {
  runtime = createMappingRuntime({ poolSize: 2, logger: createLogger({ silent: true }) });
  mapped = await mapWholeSeed({ runtime, mappings: readMappingFiles(), lookups: readLookupTables().tables });
  for (const file of mapped) {
    const domainRecords = records.get(file.entry.domain) ?? new Map<string, Canonical>();
    for (const outcome of file.outcomes) {
      if (outcome.ok) domainRecords.set(`${file.entry.source}|${(outcome.value as Canonical).sourceId}`, outcome.value as Canonical);
    }
    records.set(file.entry.domain, domainRecords);
  }
});
afterAll(async () => {
  await runtime?.close();
});

const recordOf = (domain: string, ref: RecordRef): Canonical => {
  const found = records.get(domain)?.get(refKey(ref));
  if (!found) throw new Error(`${domain}: ${refKey(ref)} is not in the seed`);
  return found;
};
const clusterOf = (domain: string): Map<string, number> => {
  const index = new Map<string, number>();
  truth.get(domain)?.clusters.forEach((cluster, position) => cluster.forEach((ref) => index.set(refKey(ref), position)));
  return index;
};

describe.each(DOMAINS)('%s ground truth', (domain) => {
  test('size is meaningful for matching: 150–400 source records from at least three systems', () => {
    const domainFiles = mapped.filter((file) => file.entry.domain === domain);
    const total = domainFiles.reduce((sum, file) => sum + file.records.length + file.rowErrors.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
    expect(total).toBeLessThanOrEqual(400);
    expect(new Set(domainFiles.map((file) => file.entry.source)).size).toBeGreaterThanOrEqual(3);
  });

  test('every referenced record exists in the source files', () => {
    const groundTruth = truth.get(domain) as GroundTruth;
    const parseFailures = new Set(groundTruth.badRecords.filter((bad) => bad.expectedCode === 'CSV_PARSE_ERROR').map(refKey));
    const refs = [...groundTruth.clusters.flat(), ...groundTruth.relationships.flatMap((r) => [r.from, r.to]), ...groundTruth.badRecords];
    const missing = refs.filter((ref) => !parseFailures.has(refKey(ref)) && !records.get(domain)?.has(refKey(ref)));
    expect(missing).toEqual([]);
  });

  test('clusters are disjoint, have at least two members, and hold no bad record', () => {
    const groundTruth = truth.get(domain) as GroundTruth;
    const members = groundTruth.clusters.flat().map(refKey);
    expect(new Set(members).size).toBe(members.length);
    for (const cluster of groundTruth.clusters) expect(cluster.length).toBeGreaterThanOrEqual(2);
    const bad = new Set(groundTruth.badRecords.map(refKey));
    expect(members.filter((member) => bad.has(member))).toEqual([]);
  });

  test('related records (packaging, parent) are never in the same cluster', () => {
    const index = clusterOf(domain);
    const groundTruth = truth.get(domain) as GroundTruth;
    const merged = groundTruth.relationships.filter((r) => index.has(refKey(r.from)) && index.get(refKey(r.from)) === index.get(refKey(r.to)));
    expect(merged).toEqual([]);
  });

  test('each bad record fails for its planted reason', () => {
    const groundTruth = truth.get(domain) as GroundTruth;
    expect(groundTruth.badRecords.length).toBeGreaterThanOrEqual(3);
    for (const bad of groundTruth.badRecords) {
      if (bad.expectedCode === 'CSV_PARSE_ERROR') {
        const file = mapped.find((candidate) => candidate.entry.file === bad.file && candidate.entry.domain === domain && candidate.entry.source === bad.source && candidate.rowErrors.some((row) => row.line === bad.line));
        expect(file, `${refKey(bad)} should be an unparseable CSV row at line ${bad.line}`).toBeDefined();
        const row = file?.rowErrors.find((candidate) => candidate.line === bad.line);
        expect(row?.rawLine.replace(/\s+/g, '')).toContain(bad.sourceId.split(':').slice(-1)[0]);
        continue;
      }
      const codes = validateCanonical(domain, recordOf(domain, bad)).map((detail) => detail.code);
      expect(codes, refKey(bad)).toContain(bad.expectedCode);
    }
  });

  test('every other record is a valid canonical record (identifiers included)', () => {
    const bad = new Set((truth.get(domain) as GroundTruth).badRecords.map(refKey));
    const problems = [...(records.get(domain) ?? new Map<string, Canonical>()).entries()]
      .filter(([key]) => !bad.has(key))
      .flatMap(([key, record]) => validateCanonical(domain, record).map((detail) => `${key}: ${detail.path} ${detail.code} ${detail.message}`));
    expect(problems).toEqual([]);
  });

  test('parseable CSV rows are exactly the planted ones', () => {
    const planted = (truth.get(domain) as GroundTruth).badRecords.filter((bad) => bad.expectedCode === 'CSV_PARSE_ERROR').map((bad) => `${bad.file}:${bad.line}`).sort();
    const found = mapped.filter((file) => file.entry.domain === domain).flatMap((file) => file.rowErrors.map((row) => `${file.entry.file}:${row.line}`)).sort();
    expect(found).toEqual(planted);
  });
});

describe('planted duplicate patterns are present', () => {
  const clusterRecords = (domain: string): Canonical[][] => (truth.get(domain) as GroundTruth).clusters.map((cluster) => cluster.map((ref) => recordOf(domain, ref)));
  const clusterRefs = (domain: string): RecordRef[][] => (truth.get(domain) as GroundTruth).clusters;

  test('supplier: remit-to, stale "use vendor", DBA, several vendor groups / SETIDs, name variants', () => {
    const clusters = clusterRecords('supplier');
    const refs = clusterRefs('supplier');
    expect(clusters.some((cluster) => cluster.some((r) => String(r.name).startsWith('*USE VENDOR')))).toBe(true);
    expect(clusters.some((cluster) => cluster.some((r) => String(r.name).startsWith('DO NOT USE')))).toBe(true);
    expect(refs.some((cluster) => cluster.some((ref) => ref.sourceId.endsWith(':RMT1')))).toBe(true);
    expect(clusters.some((cluster) => cluster.some((r) => r.remitToSourceId && cluster.some((other) => other.sourceId === r.remitToSourceId)))).toBe(true);
    expect(clusters.some((cluster) => cluster.some((r) => Array.isArray(r.alternateNames)))).toBe(true);
    expect(refs.some((cluster) => cluster.filter((ref) => ref.source === 'peoplesoft').map((ref) => ref.sourceId.split(':')[0]).includes('RHS01'))).toBe(true);
    expect(refs.some((cluster) => cluster.some((ref) => ref.sourceId.startsWith('PHYS:')))).toBe(true);
    // Raw names differ inside clusters (®/™, INC vs Inc, CO., THE …).
    expect(clusters.filter((cluster) => new Set(cluster.map((r) => r.name)).size > 1).length).toBeGreaterThan(20);
    // Hard negative: the same normalised name in different clusters or singletons.
    const abc = [...(records.get('supplier') as Map<string, Canonical>).values()].filter((r) => normalizeOrgName(String(r.name ?? '')) === 'ABC MEDICAL SUPPLY');
    expect(new Set(abc.map((r) => r.taxId)).size).toBeGreaterThan(1);
  });

  test('supplier: parent/child companies are relationships between different clusters', () => {
    const parents = (truth.get('supplier') as GroundTruth).relationships.filter((r) => r.type === 'parent');
    expect(parents.length).toBeGreaterThan(10);
  });

  test('item: lost leading zeros, catalog-number formats, description-only evidence, packaging levels', () => {
    const clusters = clusterRecords('item');
    const gtinForms = clusters.flatMap((cluster) => cluster.map((r) => String(r.gtin ?? ''))).filter(Boolean);
    expect(gtinForms.some((gtin) => gtin.length === 12)).toBe(true);
    expect(gtinForms.some((gtin) => gtin.length === 13)).toBe(true);
    expect(clusters.some((cluster) => new Set(cluster.map((r) => r.manufacturerPartNumber).filter(Boolean)).size > 1)).toBe(true);
    expect(clusters.some((cluster) => cluster.some((r) => !r.manufacturer && !r.gtin && !r.manufacturerPartNumber))).toBe(true);
    const packaging = (truth.get('item') as GroundTruth).relationships.filter((r) => r.type === 'packaging');
    expect(packaging.length).toBeGreaterThanOrEqual(5);
    for (const relation of packaging) {
      const from = normalizeGtin(String(recordOf('item', relation.from).gtin ?? ''));
      const to = normalizeGtin(String(recordOf('item', relation.to).gtin ?? ''));
      if (!from || !to) continue;
      expect(gtinBase(from)).toBe(gtinBase(to));
      expect(gtinIndicator(from)).not.toBe(gtinIndicator(to));
    }
  });

  test('facility: same names at different places, renames keeping the CCN, many NPIs per CCN', () => {
    const clusters = clusterRecords('facility');
    const namesByCluster = clusters.map((cluster) => new Set(cluster.map((r) => normalizeOrgName(String(r.name)))));
    const memorial = namesByCluster.filter((names) => names.has('MEMORIAL HOSPITAL'));
    expect(memorial.length).toBeGreaterThanOrEqual(3);
    const rebranded = /^(ATRIUM HEALTH|ASCENSION|TRINITY HEALTH|ADVOCATE|NORTHSTAR HEALTH) /i;
    const renamed = clusters.filter((cluster) => cluster.some((r) => rebranded.test(String(r.name))) && cluster.some((r) => !rebranded.test(String(r.name))));
    expect(renamed.length).toBeGreaterThanOrEqual(3);
    expect(clusterRefs('facility').some((cluster) => cluster.filter((ref) => ref.source === 'nppes').length >= 2)).toBe(true);
    expect(clusters.some((cluster) => cluster.some((r) => typeof r.ccn === 'string' && r.ccn.length === 5))).toBe(true);
  });

  test('account: effective-dated rows cluster; the same number in another company does not', () => {
    const clusters = clusterRecords('account');
    expect(clusters.some((cluster) => new Set(cluster.map((r) => r.effectiveDate).filter(Boolean)).size >= 2)).toBe(true);
    // Records sharing an account number but not a company must never share a cluster.
    const index = clusterOf('account');
    const byNumber = new Map<string, Array<{ company: string; cluster: number | undefined }>>();
    for (const [key, record] of records.get('account') as Map<string, Canonical>) {
      const list = byNumber.get(String(record.accountNumber)) ?? [];
      list.push({ company: String(record.company), cluster: index.get(key) });
      byNumber.set(String(record.accountNumber), list);
    }
    const crossCompany = [...byNumber.entries()].filter(([, list]) => new Set(list.map((entry) => entry.company)).size > 1);
    expect(crossCompany.length).toBeGreaterThan(5);
    const leaks = crossCompany.filter(([, list]) => list.some((a) => a.cluster !== undefined && list.some((b) => b.company !== a.company && b.cluster === a.cluster)));
    expect(leaks.map(([accountNumber]) => accountNumber)).toEqual([]);
  });
});

describe('the generator', () => {
  test('reproduces the committed seed byte for byte', () => {
    const directory = mkdtempSync(join(tmpdir(), 'mdm-seed-'));
    try {
      const { manifest } = generateSeed({ seedDirectory: directory, lookupDirectory: join(directory, 'lookups') });
      for (const entry of manifest) expect(readFileSync(join(directory, entry.file), 'utf8'), entry.file).toBe(readFileSync(join(SEED_DIRECTORY, entry.file), 'utf8'));
      expect(readFileSync(join(directory, 'manifest.json'), 'utf8')).toBe(readFileSync(join(SEED_DIRECTORY, 'manifest.json'), 'utf8'));
      for (const domain of DOMAINS) {
        expect(readFileSync(join(directory, 'ground-truth', `${domain}.json`), 'utf8')).toBe(readFileSync(join(SEED_DIRECTORY, 'ground-truth', `${domain}.json`), 'utf8'));
      }
      for (const table of ['ps-manufacturer', 'lawson-manufacturer']) {
        expect(readFileSync(join(directory, 'lookups', `${table}.json`), 'utf8')).toBe(readFileSync(join(MAPPINGS_DIRECTORY, 'lookups', `${table}.json`), 'utf8'));
      }
      expect(readSeedManifest().map((entry) => entry.file)).toEqual(manifest.map((entry) => entry.file));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
