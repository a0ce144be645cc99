/**
 * Regenerates the committed seed: source payloads per system, ground truth and the manifest.
 * Deterministic (seeded PRNG): running it twice gives byte-identical files.
 *
 *   node --import tsx seed/generate.ts [--seed 20261124]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroundTruth } from './generator/truth';
import { createRandom } from './generator/random';
import { generateSuppliers } from './generator/suppliers';
import { generateItems } from './generator/items';
import { generateFacilities } from './generator/facilities';
import { generateAccounts } from './generator/accounts';
import { MANUFACTURERS } from './generator/item-catalog';
import { epicFeedToEr7Batch } from './generator/er7';
import { workdaySuppliersToSoap } from './generator/soap';

export interface ManifestEntry {
  source: string;
  domain: string;
  file: string;
  contentType: 'application/json' | 'application/x-ndjson' | 'text/csv' | 'application/hl7-v2' | 'text/xml' | 'application/edi-x12' | 'application/fhir+json';
}

const SEED_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = join(SEED_DIR, '..');
export const DEFAULT_SEED = 20261124;

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export interface GenerateSeedOptions {
  seed?: number;
  /** Where sources, ground truth and the manifest go (default: this folder). */
  seedDirectory?: string;
  /** Where the generated manufacturer lookup tables go (default: mappings/lookups). */
  lookupDirectory?: string;
}

/** Generates every seed file under seed/ (and the manufacturer lookup tables under mappings/lookups). */
export function generateSeed(options: GenerateSeedOptions = {}): { manifest: ManifestEntry[]; truth: Record<string, GroundTruth> } {
  const seed = options.seed ?? DEFAULT_SEED;
  const seedDirectory = options.seedDirectory ?? SEED_DIR;
  const lookupDirectory = options.lookupDirectory ?? join(REPO_DIR, 'mappings/lookups');
  // One stream per domain, so adding a record to one domain does not reshuffle the others.
  const suppliers = generateSuppliers(createRandom(seed + 1));
  const items = generateItems({ random: createRandom(seed + 2), distributors: suppliers.distributors });
  const facilities = generateFacilities(createRandom(seed + 3));
  const accounts = generateAccounts(createRandom(seed + 4));

  const files: Array<ManifestEntry & { content: string }> = [
    { source: 'workday', domain: 'supplier', file: 'sources/workday/supplier.xml', contentType: 'text/xml', content: workdaySuppliersToSoap(suppliers.workday) },
    { source: 'peoplesoft', domain: 'supplier', file: 'sources/peoplesoft/supplier.json', contentType: 'application/json', content: json(suppliers.peoplesoft) },
    { source: 'lawson', domain: 'supplier', file: 'sources/lawson/supplier.txt', contentType: 'text/csv', content: suppliers.lawsonCsv },
    { source: 'oracle', domain: 'supplier', file: 'sources/oracle/supplier.json', contentType: 'application/json', content: json(suppliers.oracle) },
    { source: 'peoplesoft', domain: 'item', file: 'sources/peoplesoft/item.json', contentType: 'application/json', content: json(items.peoplesoft) },
    { source: 'lawson', domain: 'item', file: 'sources/lawson/item.csv', contentType: 'text/csv', content: items.lawsonCsv },
    { source: 'epic-supply', domain: 'item', file: 'sources/epic-supply/item.hl7', contentType: 'application/hl7-v2', content: epicFeedToEr7Batch(items.epic as Array<Record<string, unknown>>, { timestamp: '20241124060000' }) },
    { source: 'owens-minor', domain: 'item', file: 'sources/owens-minor/item.x12', contentType: 'application/edi-x12', content: items.owensMinorX12 },
    { source: 'cms', domain: 'facility', file: 'sources/cms/facility.csv', contentType: 'text/csv', content: facilities.cmsCsv },
    { source: 'nppes', domain: 'facility', file: 'sources/nppes/facility.csv', contentType: 'text/csv', content: facilities.nppesCsv },
    { source: 'workday', domain: 'facility', file: 'sources/workday/facility.json', contentType: 'application/json', content: json(facilities.workday) },
    { source: 'provider-directory', domain: 'facility', file: 'sources/provider-directory/facility.json', contentType: 'application/fhir+json', content: facilities.directoryBundle },
    { source: 'peoplesoft', domain: 'account', file: 'sources/peoplesoft/account.json', contentType: 'application/json', content: json(accounts.peoplesoft) },
    { source: 'lawson', domain: 'account', file: 'sources/lawson/account.csv', contentType: 'text/csv', content: accounts.lawsonChartCsv },
    { source: 'lawson', domain: 'account', file: 'sources/lawson/account-glnames.csv', contentType: 'text/csv', content: accounts.lawsonNamesCsv },
    { source: 'workday', domain: 'account', file: 'sources/workday/account.json', contentType: 'application/json', content: json(accounts.workday) },
  ];
  for (const file of files) write(join(seedDirectory, file.file), file.content);
  const manifest = files.map(({ source, domain, file, contentType }) => ({ source, domain, file, contentType }));
  write(join(seedDirectory, 'manifest.json'), json(manifest));

  const truth: Record<string, GroundTruth> = {
    supplier: suppliers.truth.build('Suppliers from Workday, PeopleSoft, Lawson and Oracle Fusion. Clusters: the same legal supplier (remit-to lockbox records and locations, DBAs, the same vendor in several SETIDs / vendor groups, stale "use vendor" records, name variants). Parent/child companies are relationships, not clusters.'),
    item: items.truth.build('Items from PeopleSoft, Lawson, the Epic supply feed and the Owens & Minor 832 price catalog. Clusters: the same product at the same (each) level. A box or case set up as its own item is a packaging relationship, not a duplicate; sizes of one product line and repackaged drugs are different items.'),
    facility: facilities.truth.build('Facilities from CMS Hospital General Information, NPPES, Workday locations and a FHIR provider directory (Organization searchset Bundle). Clusters: one hospital campus (CCN) with its NPIs (including subparts), its Workday location and its directory Organization, across renames. Same-named hospitals in other towns are different; Workday sites are children of their hospital.'),
    account: accounts.truth.build('Chart of accounts from PeopleSoft (GL_ACCOUNT_TBL, DEPT_TBL), Lawson (GLCHARTDTL, GLNAMES) and Workday. Clusters: effective-dated rows of one account in one company, and the Workday re-implementation of the Riverside chart. The same number in another company (LKV01, Lawson 210) is a different account.'),
  };
  for (const [domain, groundTruth] of Object.entries(truth)) write(join(seedDirectory, 'ground-truth', `${domain}.json`), json(groundTruth));

  write(join(lookupDirectory, 'ps-manufacturer.json'), json({
    description: 'PeopleSoft MANUFACTURER table (MFG_ID → manufacturer name as the item master shows it). Generated by seed/generate.ts.',
    entries: Object.fromEntries(MANUFACTURERS.map((manufacturer) => [manufacturer.peoplesoftId, manufacturer.names[1]])),
  }));
  write(join(lookupDirectory, 'lawson-manufacturer.json'), json({
    description: 'Lawson ICMANFCODE (MANUF_CODE → manufacturer description). Generated by seed/generate.ts.',
    entries: Object.fromEntries(MANUFACTURERS.map((manufacturer) => [manufacturer.lawsonCode, manufacturer.names[1]])),
  }));
  return { manifest, truth };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : DEFAULT_SEED;
  const { manifest, truth } = generateSeed({ seed });
  for (const [domain, groundTruth] of Object.entries(truth)) {
    const clustered = groundTruth.clusters.reduce((sum, cluster) => sum + cluster.length, 0);
    console.log(`${domain}: ${groundTruth.clusters.length} clusters (${clustered} records), ${groundTruth.relationships.length} relationships, ${groundTruth.badRecords.length} bad records`);
  }
  console.log(`${manifest.length} files written under seed/`);
}
