/**
 * A source's layout words (items30docs, item-3.55.0, sourceLayoutWords.ts): a document layout nobody has listed —
 * written for this test, not taken from any corpus: an orthopaedic loaner-tray request, a field safety notice
 * (recall) acknowledgement form, a customs packing list — repeats its labels, site, queue words and signature
 * line on every record its source sends. Measured per source from the records themselves, those words weigh
 * little on that source's records, so a product in the layout still meets the same product's catalogue title,
 * two unrelated products sharing the layout no longer reach a steward, and siblings (another suture size,
 * another glove size) stay apart. Batch (`batchMatch`) and incremental (match index + `matchRecord`) read the same
 * frequencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import { batchMatch, ensureMatchIndexes, indexRecords, loadRules, matchRecord } from '../../server/matching';
import type { CanonicalRecord, CompiledRules } from '../../server/matching';
import { compileRules } from '../../server/matching/rules';
import { idfWeight } from '../../server/matching/termStats';
import { sourceLayoutWeights, sourceOfRecordId } from '../../server/matching/sourceLayoutWords';

const LOANER = (i: number, tray: string): string =>
  `LOANER TRAY REQUEST | Case date 2027-03-${String(10 + i)} | Surgeon: Dr. Okonkwo | OR suite ${i} | Tray requested: ${tray} | Rep notified: yes | Sterile processing to check in on arrival | Return by courier`;
const RECALL = (i: number, product: string): string =>
  `FIELD SAFETY NOTICE ACKNOWLEDGEMENT | FSN ref 2027-0${i} | Facility: Harbourside General | Affected product: ${product} | Units quarantined: ${i} | Action taken: removed from shelves | Acknowledged by materials manager | Return this form within 10 days`;
const PACKING = (i: number, goods: string): string =>
  `CUSTOMS PACKING LIST | Consignee: Pacific Rim Medical Imports | Carton ${i} of 9 | Goods: ${goods} | HS code 9018.39 | Country of origin: declared on invoice | Gross weight kg ${i}.5 | Packed by warehouse team`;

/** Products of other makes than the corpora's test rows; two sibling pairs (a suture size, a glove size). */
const TRAYS = [
  'Integra Miltex Adson tissue forceps 1x2 teeth 12 cm',
  'Stryker System 8 sagittal saw blade 25 mm',
  'Ethicon Vicryl 2-0 CT-1 absorbable suture 27 in',
  'Ethicon Vicryl 3-0 CT-1 absorbable suture 27 in',
  'Welch Allyn Macintosh laryngoscope blade size 3',
  'Smith & Nephew Allevyn Life foam dressing 10.3 x 10.3 cm',
  'Halyard purple nitrile exam gloves medium',
  'Halyard purple nitrile exam gloves large',
];
const RECALLS = [
  'BD Vacutainer K2 EDTA blood collection tube 4 mL lavender',
  'Cardinal Health Kendall Curity gauze sponge 4 x 4 in 12 ply',
  'Baxter Clinimix E amino acid injection 2000 mL',
  'Olympus single-use biopsy forceps 2.4 mm',
  'Teleflex Rusch Sheridan endotracheal tube 7.5 mm cuffed',
  'ConvaTec Aquacel Ag+ extra dressing 10 x 10 cm',
];
const PACKED = [
  'Medtronic Covidien Argyle salem sump tube 16 Fr',
  'B. Braun Introcan Safety IV catheter 20 G 1.25 in',
  'Molnlycke Biogel surgical gloves size 7.5',
  'Hollister Premier one-piece drainable pouch 57 mm',
  'Owens & Minor Halyard face mask with ear loops',
  'Dynarex alcohol prep pads medium',
];
/** Catalogue titles (a web shop: few records, no reliable frequency of its own). */
const SHOP = [
  'Smith+Nephew ALLEVYN Life Foam Dressing 10.3cm x 10.3cm (Box of 10)',
  'Kendall Curity Gauze Sponges 4" x 4" 12-Ply Non-Sterile',
  'Halyard Purple Nitrile Exam Gloves, Medium, Box of 100',
  'Biogel Surgical Gloves Size 7.5 Sterile Latex',
];

const record = (source: string, id: string, description: string): CanonicalRecord => ({ sourceId: `item|${source}|${id}`, description });

const RECORDS: CanonicalRecord[] = [
  ...TRAYS.map((tray, i) => record('loaner', `LT-${i}`, LOANER(i, tray))),
  ...RECALLS.map((product, i) => record('recall', `FSN-${i}`, RECALL(i, product))),
  ...PACKED.map((goods, i) => record('packing', `PL-${i}`, PACKING(i, goods))),
  ...SHOP.map((title, i) => record('shop', `S-${i}`, title)),
];
const ID = {
  allevynTray: 'item|loaner|LT-5',
  mediumGloveTray: 'item|loaner|LT-6',
  largeGloveTray: 'item|loaner|LT-7',
  vicryl20: 'item|loaner|LT-2',
  vicryl30: 'item|loaner|LT-3',
  forceps: 'item|loaner|LT-0',
  sawBlade: 'item|loaner|LT-1',
  gauzeRecall: 'item|recall|FSN-1',
  tubeRecall: 'item|recall|FSN-0',
  biogelPacked: 'item|packing|PL-2',
  sumpPacked: 'item|packing|PL-0',
  allevynShop: 'item|shop|S-0',
  gauzeShop: 'item|shop|S-1',
  mediumGloveShop: 'item|shop|S-2',
  biogelShop: 'item|shop|S-3',
};

const key = (a: string, b: string): string => [a, b].sort().join(' ~ ');

/** Pairs a batch run merges or puts before a steward. */
function reachedPairs(rules: CompiledRules): Set<string> {
  const result = batchMatch({ records: RECORDS, rules, maxListedPairs: 10_000 });
  const pairs = new Set(result.reviewPairs.map((p) => key(p.a, p.b)));
  for (const cluster of result.clusters) for (const a of cluster) for (const b of cluster) if (a < b) pairs.add(key(a, b));
  return pairs;
}

/** The shipped item rules without the per-source layout words (what the engine did before item-3.55.0). */
async function rulesWithoutLayoutWords(): Promise<CompiledRules> {
  const shipped = await loadRules('item');
  return compileRules({
    ...shipped.rules,
    version: `${shipped.version}-without-layout-words`,
    comparators: shipped.rules.comparators.map((c) => {
      if (!c.params?.sourceLayoutWords) return c;
      const { sourceLayoutWords: _dropped, ...params } = c.params;
      return { ...c, params };
    }),
  });
}

describe('a source layout word is measured, not listed', () => {
  test.each([
    { id: 'item|loaner|LT-1', source: 'loaner' },
    { id: 'item|customs packing|PL|7', source: 'customs packing' },
    { id: 'LT-1', source: undefined },
  ])('the source of $id is $source', ({ id, source }) => {
    expect(sourceOfRecordId(id)).toBe(source);
  });

  test.each([
    { label: 'a word on every record of a 10-record source weighs 0.1 × its idf', records: 10, count: 10, factor: 0.1 },
    { label: 'a word on 8 of 10 records (≥ 75 %) too', records: 10, count: 8, factor: 0.1 },
    { label: 'a product word on 2 of 10 records keeps its idf', records: 10, count: 2, factor: 1 },
    { label: 'a source of 4 records gives no reliable frequency: every word keeps its idf', records: 4, count: 4, factor: 1 },
  ])('$label', ({ records, count, factor }) => {
    const domainWeight = (token: string): number => (token === 'W' ? idfWeight(1000, 30) : 1);
    const weigh = sourceLayoutWeights({
      params: { minRecords: 6, minShare: 0.75, weight: 0.1 },
      domainWeight,
      sourceSize: (token) => (token === '' ? records : token === 'W' ? count : 0),
      domainSize: (token) => (token === '' ? 1000 : token === 'W' ? 30 : 0),
    });
    expect(weigh('W')).toBeCloseTo(factor * idfWeight(1000, 30), 10);
  });
});

describe('products inside never-listed layouts (batch)', () => {
  let withLayoutWords: Set<string>;
  let without: Set<string>;
  beforeAll(async () => {
    withLayoutWords = reachedPairs(await loadRules('item'));
    without = reachedPairs(await rulesWithoutLayoutWords());
  });

  test.each([
    { label: 'loaner-tray request ↔ catalogue title (foam dressing)', a: ID.allevynTray, b: ID.allevynShop },
    { label: 'recall acknowledgement ↔ catalogue title (gauze sponge)', a: ID.gauzeRecall, b: ID.gauzeShop },
    { label: 'customs packing list ↔ catalogue title (surgical gloves)', a: ID.biogelPacked, b: ID.biogelShop },
    { label: 'loaner-tray request ↔ catalogue title (exam gloves, medium)', a: ID.mediumGloveTray, b: ID.mediumGloveShop },
  ])('the same product meets its title: $label', ({ a, b }) => {
    expect(withLayoutWords.has(key(a, b))).toBe(true);
  });

  test.each([
    { label: 'forceps vs saw blade on loaner-tray requests', a: ID.forceps, b: ID.sawBlade },
    { label: 'blood tube vs gauze on recall acknowledgements', a: ID.tubeRecall, b: ID.gauzeRecall },
    { label: 'sump tube vs surgical gloves on packing lists', a: ID.sumpPacked, b: ID.biogelPacked },
  ])('unrelated products sharing a layout do not reach review: $label', ({ a, b }) => {
    expect(withLayoutWords.has(key(a, b))).toBe(false);
  });

  test('without the per-source frequencies the layouts join unrelated products (the mechanism is what keeps them apart)', () => {
    const sameLayoutUnrelated = [...without].filter((pair) => {
      const [a, b] = pair.split(' ~ ') as [string, string];
      return sourceOfRecordId(a) === sourceOfRecordId(b) && sourceOfRecordId(a) !== 'shop';
    });
    const stillReached = sameLayoutUnrelated.filter((pair) => withLayoutWords.has(pair));
    expect(sameLayoutUnrelated.length).toBeGreaterThan(stillReached.length);
  });

  test.each([
    { label: 'Vicryl 2-0 vs 3-0 on one layout', a: ID.vicryl20, b: ID.vicryl30 },
    { label: 'exam gloves medium vs large on one layout', a: ID.mediumGloveTray, b: ID.largeGloveTray },
  ])('siblings stay apart (never merged): $label', async ({ a, b }) => {
    const result = batchMatch({ records: RECORDS, rules: await loadRules('item') });
    expect(result.clusters.some((cluster) => cluster.includes(a) && cluster.includes(b))).toBe(false);
  });
});

describe('the match index keeps the same per-source frequencies (incremental)', () => {
  let store: Store;
  let dataDir: string;
  let rules: CompiledRules;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'item-documents-30-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
    rules = await loadRules('item');
    // Stored records as the hub keeps them: the canonical record's own sourceId, the stored id naming the source.
    await indexRecords({
      store,
      rules,
      entries: RECORDS.map((r) => ({
        recordId: r.sourceId,
        goldenId: `g-${r.sourceId}`,
        record: { ...r, sourceId: String(r.sourceId).split('|')[2] as string },
      })),
    });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test.each([
    {
      label: 'a loaner-tray line finds its catalogue title, not the other trays',
      id: ID.allevynTray,
      expected: ID.allevynShop,
      apart: [ID.forceps, ID.sawBlade],
    },
    {
      label: 'a recall acknowledgement finds its catalogue title, not the other notices',
      id: ID.gauzeRecall,
      expected: ID.gauzeShop,
      apart: [ID.tubeRecall],
    },
  ])('$label', async ({ id, expected, apart }) => {
    const source = RECORDS.find((r) => r.sourceId === id) as CanonicalRecord;
    const decision = await matchRecord({ store, rules, record: { ...source, sourceId: id.split('|')[2] as string }, recordId: id });
    const reached = decision.candidates.map((c) => c.recordId);
    expect(reached).toContain(expected);
    for (const other of apart) expect(reached).not.toContain(other);
  });
});
