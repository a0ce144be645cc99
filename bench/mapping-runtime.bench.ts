/**
 * Records per second of (a) bare jsonata, compiled once and evaluated in a loop on the main thread,
 * and (b) the mapping runtime (workers, limits, guards), on one realistic PeopleSoft item mapping.
 * Run: node --import tsx bench/mapping-runtime.bench.ts [records] [batchSize]
 */
import jsonata from 'jsonata';
import { availableParallelism } from 'node:os';
import { gs1CheckDigit } from '../server/identifiers/index';
import { createLogger } from '../server/logger';
import { createMappingRuntime } from '../server/mapping-runtime/index';
import type { RuntimeLimits } from '../server/mapping-runtime/index';
import { createExtraFunctions } from '../server/mapping-runtime/extraFunctions';
import type { BuiltinLookup } from '../server/mapping-runtime/extraFunctions';
import { present } from '../server/invariant';

const RECORDS = Number(process.argv[2] ?? 100_000);
const BATCH = Number(process.argv[3] ?? 500);

const ITEM_MAPPING = `{
  "sourceSystem": "PEOPLESOFT",
  "sourceId": SETID & ":" & INV_ITEM_ID,
  "description": $trim(DESCR60),
  "baseUom": $uom(UNIT_MEASURE_STD),
  "category": $lookup('category', CATEGORY_ID, 'UNCLASSIFIED'),
  "gtin": $gtin14(GTIN),
  "manufacturer": { "id": ITEM_MFG[0].MFG_ID, "partNumber": $partNumber(ITEM_MFG[0].MFG_ITM_ID) },
  "vendorItems": [ITM_VENDOR.{ "vendorId": VENDOR_ID, "vendorItemId": ITM_ID_VNDR }],
  "packaging": [INV_ITEM_UOM.{ "uom": $uom(UNIT_OF_MEASURE), "eachesPerUnit": CONVERSION_RATE }],
  "active": ITM_STATUS_CURRENT = "1"
}`;

const CATEGORIES: Record<string, unknown> = {
  SURG: 'Surgical supplies',
  WOUND: 'Wound care',
  IV: 'IV therapy',
  LAB: 'Laboratory',
  PHARM: 'Pharmacy',
};
const UOMS = ['EA', 'BX', 'CS', 'CA', 'PK', 'DZ'];
const WORDS = [
  'GLOVE',
  'NITRILE',
  'STERILE',
  'GAUZE',
  'SPONGE',
  'CATHETER',
  'IV',
  'SET',
  'SYRINGE',
  'LUER',
  'LOCK',
  'DRESSING',
  'FOAM',
  'LARGE',
  'SMALL',
];

/** Deterministic pseudo-random numbers so every run maps the same payloads. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function makeRows(count: number): unknown[] {
  const random = seededRandom(42);
  const pick = <T>(items: T[]): T => present(items[Math.floor(random() * items.length)], 'items[Math.floor(random() * items.length)]');
  return Array.from({ length: count }, (_, i) => {
    const base = `0${String(30_000_000_000 + i).padStart(11, '0')}`;
    return {
      SETID: 'SHARE',
      INV_ITEM_ID: String(i).padStart(10, '0'),
      DESCR60: `  ${Array.from({ length: 4 }, () => pick(WORDS)).join(' ')} ${i}  `,
      UNIT_MEASURE_STD: pick(UOMS),
      CATEGORY_ID: pick([...Object.keys(CATEGORIES), 'MISC']),
      GTIN: `${base}${gs1CheckDigit(base)}`,
      ITM_STATUS_CURRENT: random() < 0.9 ? '1' : '2',
      ITEM_MFG: [
        { MFG_ID: `MFG${Math.floor(random() * 500)}`, MFG_ITM_ID: `${Math.floor(random() * 100)}-${Math.floor(random() * 1000)}-PA` },
      ],
      ITM_VENDOR: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        VENDOR_ID: `000000${Math.floor(random() * 9999)}`,
        ITM_ID_VNDR: `V-${Math.floor(random() * 1e6)}`,
      })),
      INV_ITEM_UOM: [
        { UNIT_OF_MEASURE: 'EA', CONVERSION_RATE: 1 },
        { UNIT_OF_MEASURE: 'BX', CONVERSION_RATE: 10 * (1 + Math.floor(random() * 10)) },
      ],
    };
  });
}

async function bareJsonata(rows: unknown[]): Promise<number> {
  const expression = jsonata(ITEM_MAPPING);
  const lookups = { category: CATEGORIES };
  const builtinLookup = (await jsonata('$lookup').evaluate(undefined)) as BuiltinLookup;
  for (const fn of createExtraFunctions({ currentLookups: () => lookups, builtinLookup }))
    expression.registerFunction(fn.name, fn.implementation, fn.signature);
  for (const row of rows.slice(0, 2000)) await expression.evaluate(row); // warm-up
  const started = performance.now();
  for (const row of rows) await expression.evaluate(row);
  return rows.length / ((performance.now() - started) / 1000);
}

async function viaRuntime(rows: unknown[], options: { poolSize: number; limits?: Partial<RuntimeLimits> }): Promise<number> {
  const runtime = createMappingRuntime({ poolSize: options.poolSize, limits: options.limits, logger: createLogger({ silent: true }) });
  const lookups = { category: CATEGORIES };
  const batches: unknown[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  // Warm-up: start workers, compile, JIT.
  await Promise.all(
    Array.from({ length: options.poolSize * 2 }, () =>
      runtime.evaluateBatch({ cacheKey: 'item@1', expression: ITEM_MAPPING, records: rows.slice(0, 1000), lookups }),
    ),
  );
  const started = performance.now();
  let next = 0;
  let failures = 0;
  // Keep two batches per worker in flight, as an ingest loop would.
  await Promise.all(
    Array.from({ length: options.poolSize * 2 }, async () => {
      while (next < batches.length) {
        const batch = present(batches[next++], 'the next batch');
        const outcomes = await runtime.evaluateBatch({ cacheKey: 'item@1', expression: ITEM_MAPPING, records: batch, lookups });
        failures += outcomes.filter((o) => !o.ok).length;
      }
    }),
  );
  const rate = rows.length / ((performance.now() - started) / 1000);
  await runtime.close();
  if (failures > 0) throw new Error(`${failures} records failed in the runtime benchmark`);
  return rate;
}

const rows = makeRows(RECORDS);
const ROUNDS = Number(process.argv[4] ?? 3);
const format = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(
  `mapping-runtime bench: ${format(RECORDS)} PeopleSoft item rows, batches of ${BATCH}, best of ${ROUNDS} interleaved rounds, ${availableParallelism()} cores, node ${process.version}`,
);
const variants: Array<{ label: string; run: () => Promise<number> }> = [
  { label: '(a) bare jsonata, main thread, compiled once', run: () => bareJsonata(rows) },
  { label: '(b) runtime, 1 worker, default limits', run: () => viaRuntime(rows, { poolSize: 1 }) },
  { label: '(b) runtime, 2 workers, default limits', run: () => viaRuntime(rows, { poolSize: 2 }) },
  { label: '(c) runtime, 1 worker, string-guard hook off', run: () => viaRuntime(rows, { poolSize: 1, limits: { maxStringLength: 0 } }) },
];
const best = new Map<string, number>();
// Interleaved rounds, best kept: the machine is shared, so a single run mostly measures the neighbours.
for (let round = 0; round < ROUNDS; round++) {
  for (const variant of variants) best.set(variant.label, Math.max(best.get(variant.label) ?? 0, await variant.run()));
}
const bare = best.get(present(variants[0], 'variants[0]').label) ?? 0;
for (const variant of variants) {
  const rate = best.get(variant.label) ?? 0;
  const ratio = variant === variants[0] ? '' : `   bare/runtime = ${(bare / rate).toFixed(2)}`;
  console.log(`${variant.label.padEnd(48)} ${format(rate).padStart(8)} records/s${ratio}`);
}
