/**
 * A source's layout words, take two (items31docs, item-3.56.0, sourceLayoutWords.ts): a word on most of one source's
 * records is that source's layout (weighs 0.1 × its idf there) only when it is also concentrated in that source — at
 * least `minConcentration` of the domain's records holding it are the source's — and the layout weights never apply
 * to a pair sharing a strong identifier (`notWhenAny`: the same GTIN, NDC, HIBC, or one maker's part number).
 * A single-category feed (a glove distributor sending one product line) has its line's words on every record too,
 * but the other sources sending that line hold them as well: they stay product words. Everything here is written
 * for this test, not taken from any corpus.
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
import { sourceLayoutWeights } from '../../server/matching/sourceLayoutWords';
import { gtin } from '../support/factories/golden';

const key = (a: string, b: string): string => [a, b].sort().join(' ~ ');
const record = (source: string, id: string, description: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord => ({
  sourceId: `item|${source}|${id}`,
  description,
  ...extra,
});

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

/** Pairs a batch run merges, and pairs it merges or puts before a steward. */
function outcome(
  records: CanonicalRecord[],
  rules: CompiledRules,
): { merged: Set<string>; reached: Set<string>; scores: Map<string, number> } {
  const result = batchMatch({ records, rules, maxListedPairs: 10_000 });
  const merged = new Set<string>();
  for (const cluster of result.clusters) for (const a of cluster) for (const b of cluster) if (a < b) merged.add(key(a, b));
  const reached = new Set([...merged, ...result.reviewPairs.map((p) => key(p.a, p.b))]);
  return { merged, reached, scores: new Map(result.reviewPairs.map((p) => [key(p.a, p.b), p.score])) };
}

/** The shipped rules with session 30's share-only condition (no concentration, no identifier exemption). */
async function rulesShareOnly(): Promise<CompiledRules> {
  const shipped = await loadRules('item');
  return compileRules({
    ...shipped.rules,
    version: `${shipped.version}-share-only`,
    comparators: shipped.rules.comparators.map((c) => {
      const layout = c.params?.sourceLayoutWords;
      if (!layout) return c;
      return {
        ...c,
        params: { ...c.params, sourceLayoutWords: { minRecords: layout.minRecords, minShare: layout.minShare, weight: layout.weight } },
      };
    }),
  });
}

describe('a frequent word is a layout word only when concentrated in its source', () => {
  const W = idfWeight(1000, 40);
  test.each([
    { label: 'a label on all 10 records of a source, held by no other source, weighs 0.1', inSource: 10, inDomain: 10, factor: 0.1 },
    {
      label: 'a label held by 2 records elsewhere too (10 of 12 holders are the source’s) still weighs 0.1',
      inSource: 10,
      inDomain: 12,
      factor: 0.1,
    },
    { label: 'a product-line word on all 10 records, held by 10 more elsewhere, keeps its idf', inSource: 10, inDomain: 20, factor: 1 },
    { label: 'a product-line word on 10 records, held by 40 elsewhere, keeps its idf', inSource: 10, inDomain: 50, factor: 1 },
    { label: 'a concentrated word on 2 of 10 records is a product word: keeps its idf', inSource: 2, inDomain: 2, factor: 1 },
  ])('$label', ({ inSource, inDomain, factor }) => {
    const weigh = sourceLayoutWeights({
      params: { minRecords: 6, minShare: 0.75, weight: 0.1, minConcentration: 0.75 },
      domainWeight: (token) => (token === 'W' ? W : 1),
      sourceSize: (token) => (token === '' ? 10 : token === 'W' ? inSource : 0),
      domainSize: (token) => (token === '' ? 1000 : token === 'W' ? inDomain : 0),
    });
    expect(weigh('W')).toBeCloseTo(factor * W, 10);
  });

  test('the shipped item rules ask for concentration and exempt pairs sharing a strong identifier', async () => {
    const rules = await loadRules('item');
    const params = rules.sourceLayoutComparators.get('description');
    expect(params?.minConcentration).toBeGreaterThanOrEqual(0.5);
    expect(params?.notWhenAny?.map((conditions) => conditions.map((c) => c.comparator))).toEqual(
      expect.arrayContaining([['gtin'], ['manufacturerPartNumber', 'manufacturer']]),
    );
  }, 600_000);

  test('an exemption naming a comparator defined after the weighed one is refused', async () => {
    const shipped = await loadRules('item');
    const comparators = shipped.rules.comparators.map((c) =>
      c.params?.sourceLayoutWords
        ? {
            ...c,
            params: { ...c.params, sourceLayoutWords: { ...c.params.sourceLayoutWords, notWhenAny: [[{ comparator: 'packCount' }]] } },
          }
        : c,
    );
    expect(() => compileRules({ ...shipped.rules, comparators })).toThrow(/matching rules have/);
  }, 600_000);
});

/**
 * A single-category feed: a glove distributor's 20 records of one nitrile exam glove line (5 sizes × 2 colours × 2
 * cuff lengths), and a hospital ERP holding that line under its own shorthand among other products.
 */
const SIZES = [
  ['X-Small', 'XS'],
  ['Small', 'SM'],
  ['Medium', 'MED'],
  ['Large', 'LG'],
  ['X-Large', 'XL'],
] as const;
const COLOURS = [
  ['Cobalt Blue', 'BLUE'],
  ['Violet', 'VIOLET'],
] as const;
const CUFFS = [
  ['9.5 in', '9.5IN'],
  ['12 in', '12IN'],
] as const;
const FEED: CanonicalRecord[] = [];
const ERP: CanonicalRecord[] = [];
SIZES.forEach(([size, sizeShort], s) =>
  COLOURS.forEach(([colour, colourShort], c) =>
    CUFFS.forEach(([cuff, cuffShort], l) => {
      const n = `${s}${c}${l}`;
      FEED.push(
        record(
          'glovefeed',
          `GF-${n}`,
          `Nitrile Exam Glove, Powder-Free, Textured Fingertips, ${colour}, ${size}, ${cuff} cuff, Box of 100`,
        ),
      );
      // The ERP carries the medium and large gloves of the line.
      if (sizeShort === 'MED' || sizeShort === 'LG')
        ERP.push(record('erp', `E-${n}`, `GLOVE EXAM NITRILE PF TEXT ${colourShort} ${sizeShort} ${cuffShort} 100/BX`));
    }),
  ),
);
const ERP_OTHER = [
  'SYRINGE LUER LOCK 10ML STERILE',
  'CATHETER FOLEY 16FR 2-WAY SILICONE 10ML BALLOON',
  'DRESSING FOAM BORDERED 4X4IN',
  'MASK PROCEDURE EARLOOP LEVEL 2 BLUE',
  'TUBE ENDOTRACHEAL CUFFED 7.0MM',
  'GAUZE SPONGE 4X4 12PLY STERILE 2/PK',
].map((d, i) => record('erp', `EO-${i}`, d));
const SINGLE_CATEGORY = [...FEED, ...ERP, ...ERP_OTHER];

describe('a single-category feed keeps its product-line words (batch)', () => {
  let withLayout: ReturnType<typeof outcome>;
  let without: ReturnType<typeof outcome>;
  let shareOnly: ReturnType<typeof outcome>;
  beforeAll(async () => {
    withLayout = outcome(SINGLE_CATEGORY, await loadRules('item'));
    without = outcome(SINGLE_CATEGORY, await rulesWithoutLayoutWords());
    shareOnly = outcome(SINGLE_CATEGORY, await rulesShareOnly());
  }, 600_000);

  test('the line’s words keep their weight: an ERP glove scores its feed duplicate no lower than without the layout words, higher than with the share alone', () => {
    const pair = key('item|erp|E-200', 'item|glovefeed|GF-200');
    const score = withLayout.scores.get(pair);
    expect(score).toBeDefined();
    // Not lower than without layout words (the feed's own wording, POWDER-FREE TEXTURED FINGERTIPS, may weigh less).
    expect(score ?? 0).toBeGreaterThanOrEqual((without.scores.get(pair) ?? 2) - 1e-9);
    expect(shareOnly.scores.get(pair) ?? 0).toBeLessThan(score ?? 0);
  });

  test('every ERP glove reaches the same feed records as without the layout words', () => {
    const fromErp = (pairs: Set<string>): string[] => [...pairs].filter((p) => p.includes('|erp|E-') && p.includes('|glovefeed|')).sort();
    expect(fromErp(withLayout.reached)).toEqual(fromErp(without.reached));
    expect(fromErp(withLayout.merged)).toEqual(fromErp(without.merged));
  });

  test.each([
    { label: 'medium vs large', a: 'item|glovefeed|GF-200', b: 'item|glovefeed|GF-300' },
    { label: 'blue vs violet', a: 'item|glovefeed|GF-200', b: 'item|glovefeed|GF-210' },
    { label: '9.5 in vs 12 in cuff', a: 'item|glovefeed|GF-200', b: 'item|glovefeed|GF-201' },
    { label: 'ERP medium vs feed large', a: 'item|erp|E-200', b: 'item|glovefeed|GF-300' },
  ])('siblings of the line are never merged: $label', ({ a, b }) => {
    expect(withLayout.merged.has(key(a, b))).toBe(false);
  });
});

describe('a pair sharing a strong identifier is never taken down by layout weights', () => {
  // A suture catalogue feed (eight records of one line, nowhere else in the hub) and one record of the line from another
  // source with the same GTIN and maker part number: the line's words are concentrated in the feed.
  const SUTURES = ['4-0', '3-0', '2-0', '0', '1', '5-0', '6-0', '2'].map((size, i) =>
    record('suturefeed', `SF-${i}`, `Suture Polyglactin 910 Coated ${size} FS-2 Needle 27 in Undyed`, {
      manufacturer: { name: 'Northfield Surgical' },
      manufacturerPartNumber: `NS${4410 + i}`,
      gtin: gtin(`0088${String(100000000 + i)}`.slice(0, 13)),
    }),
  );
  const OTHER = record('ward', 'W-1', 'SUT POLYGLACTIN COATED 3-0 FS-2 27IN UNDYED', {
    manufacturer: { name: 'NORTHFIELD SURGICAL INC' },
    manufacturerPartNumber: 'NS-4411',
    gtin: gtin(`0088${String(100000001)}`.slice(0, 13)),
  });
  const FILLER = ['PAD ALCOHOL PREP MEDIUM', 'TAPE SURGICAL PAPER 1IN', 'BANDAGE ELASTIC 4IN'].map((d, i) => record('ward', `WF-${i}`, d));

  test('same GTIN and part number: merged with the layout words as without them', async () => {
    const records = [...SUTURES, OTHER, ...FILLER];
    const pair = key('item|suturefeed|SF-1', 'item|ward|W-1');
    expect(outcome(records, await rulesWithoutLayoutWords()).merged.has(pair)).toBe(true);
    expect(outcome(records, await loadRules('item')).merged.has(pair)).toBe(true);
  }, 600_000);
});

/** Invented layouts (not the corpora's): a theatre consignment stock count and a veterinary clinic's controlled-supply log. */
const CONSIGN = (i: number, item: string): string =>
  `CONSIGNMENT STOCK COUNT | Theatre bay ${i} | Counted by: night porter | Item: ${item} | Variance: none | Rep signed off | Next count Friday`;
const VETLOG = (i: number, item: string): string =>
  `Riverbend Vet Clinic supply log — shelf ${i} — used on: canine patient — ${item} — restock requested — initials JM`;
const CONSIGNED = [
  'Zimmer Biomet cortical screw 3.5 mm x 30 mm',
  'Arthrex FiberWire suture size 2 blue',
  'DePuy Synthes locking plate 8 hole',
  'Cook Medical ureteral stent 6 Fr 26 cm',
  'Boston Scientific guidewire 0.035 in 150 cm',
  'Medline sterile drape half sheet',
];
const VET = [
  'Covetrus IV catheter 22 G 1 in',
  'Henry Schein elastic bandage 4 in',
  '3M Vetrap bandaging tape 4 in red',
  'Kruuse examination gloves latex small',
  'Jorgensen stainless steel scalpel handle no 3',
  'Dechra sterile saline 500 mL',
];
const TITLES = [
  'Arthrex FiberWire #2 Suture, Blue, Box of 12',
  '3M Vetrap Bandaging Tape 4" Red (18 rolls)',
  'Cook Ureteral Stent 6Fr x 26cm',
];
const LAYOUT_RECORDS: CanonicalRecord[] = [
  ...CONSIGNED.map((item, i) => record('consign', `C-${i}`, CONSIGN(i, item))),
  ...VET.map((item, i) => record('vetlog', `V-${i}`, VETLOG(i, item))),
  ...TITLES.map((title, i) => record('shop', `T-${i}`, title)),
];
const MEETS = [
  { label: 'consignment count ↔ catalogue title (suture)', a: 'item|consign|C-1', b: 'item|shop|T-0' },
  { label: 'vet supply log ↔ catalogue title (bandaging tape)', a: 'item|vetlog|V-2', b: 'item|shop|T-1' },
  { label: 'consignment count ↔ catalogue title (ureteral stent)', a: 'item|consign|C-3', b: 'item|shop|T-2' },
];
const APART = [
  { label: 'screw vs locking plate on consignment counts', a: 'item|consign|C-0', b: 'item|consign|C-2' },
  { label: 'guidewire vs drape on consignment counts', a: 'item|consign|C-4', b: 'item|consign|C-5' },
  { label: 'IV catheter vs saline on the vet log', a: 'item|vetlog|V-0', b: 'item|vetlog|V-5' },
];

describe('products inside invented layouts (batch)', () => {
  let reached: Set<string>;
  beforeAll(async () => {
    reached = outcome(LAYOUT_RECORDS, await loadRules('item')).reached;
  }, 600_000);
  test.each(MEETS)('the product meets its catalogue title: $label', ({ a, b }) => {
    expect(reached.has(key(a, b))).toBe(true);
  });
  test.each(APART)('unrelated products sharing the layout stay out of review: $label', ({ a, b }) => {
    expect(reached.has(key(a, b))).toBe(false);
  });
});

describe('the match index reaches the same outcome (incremental)', () => {
  let store: Store;
  let dataDir: string;
  let rules: CompiledRules;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'item-documents-31-'));
    store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
    await ensureMatchIndexes(store);
    rules = await loadRules('item');
    await indexRecords({
      store,
      rules,
      entries: LAYOUT_RECORDS.map((r) => ({
        recordId: r.sourceId,
        goldenId: `g-${r.sourceId}`,
        record: { ...r, sourceId: String(r.sourceId).split('|')[2] as string },
      })),
    });
  }, 600_000);
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test.each([...MEETS.map((m) => ({ ...m, expected: true })), ...APART.map((m) => ({ ...m, expected: false }))])(
    '$label: reached = $expected',
    async ({ a, b, expected }) => {
      const source = LAYOUT_RECORDS.find((r) => r.sourceId === a) as CanonicalRecord;
      const decision = await matchRecord({ store, rules, record: { ...source, sourceId: a.split('|')[2] as string }, recordId: a });
      expect(decision.candidates.map((c) => c.recordId).includes(b)).toBe(expected);
    },
  );
});
