/**
 * Item-like golden-record documents of ~1.2 KB for the embedded-store benchmarks (GTIN, SKU,
 * descriptions, manufacturer, UNSPSC, three packaging levels, two vendor items, attributes, two
 * source references, timestamps). Deterministic for a given seed.
 */
import type { Document } from '../../server/store/types';
import { present } from '../../server/invariant';

/** Description words; a description is six of them. */
export const WORDS = [
  'GLOVE',
  'EXAM',
  'NITRILE',
  'STERILE',
  'SYRINGE',
  'LUER',
  'LOCK',
  'CATHETER',
  'FOLEY',
  'GAUZE',
  'SPONGE',
  'SUTURE',
  'DRAPE',
  'GOWN',
  'MASK',
  'PAD',
  'TUBE',
  'LARGE',
  'SMALL',
  'LATEX-FREE',
];
const STATUSES = ['active', 'active', 'active', 'inactive', 'pending-review'];

/** A generator of item documents (`makeItem(n)` gives document number n) from a linear-congruential PRNG. */
export function createStoreItems(initialSeed = 42): {
  makeItem: (n: number) => Document;
  random: () => number;
  pick: <T>(values: T[]) => T;
  manufacturers: Array<{ id: string; name: string }>;
  unspsc: string[];
} {
  let seed = initialSeed;
  const random = (): number => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(values: T[]): T => present(values[Math.floor(random() * values.length)], 'a picked value');
  const manufacturers = Array.from({ length: 2000 }, (_, n) => ({
    id: `MFR${String(n).padStart(5, '0')}`,
    name: `${pick(['Medline', 'Cardinal', 'BD', 'Baxter', 'Stryker', 'Owens'])} Manufacturer ${n} Inc.`,
  }));
  const unspsc = Array.from({ length: 500 }, (_, n) => String(42_000_000 + n * 137));
  const vendorItem = (): Record<string, unknown> => ({
    vendorId: `V${Math.floor(random() * 5000)}`,
    vendorItemNumber: `VI-${Math.floor(random() * 1e7)}`,
    price: Math.round(random() * 50_000) / 100,
    contractId: `CTR-${Math.floor(random() * 800)}`,
  });
  const makeItem = (n: number): Document => {
    const manufacturer = pick(manufacturers);
    const description = Array.from({ length: 6 }, () => pick(WORDS)).join(' ');
    const gtin = (indicator: number): string => `${indicator}${String(10_000_000_000_000 + n).padStart(13, '0')}`;
    return {
      _id: `item-${String(n).padStart(8, '0')}`,
      domain: 'item',
      gtin: gtin(0),
      sku: `SKU-${n}`,
      description,
      description2: `${description} ${pick(WORDS)} PER BOX`,
      manufacturerId: manufacturer.id,
      manufacturer: { id: manufacturer.id, name: manufacturer.name },
      manufacturerPartNumber: `${Math.floor(random() * 99)}-${Math.floor(random() * 9999)}-PA-${Math.floor(random() * 99)}`,
      unspsc: pick(unspsc),
      status: pick(STATUSES),
      stockUom: 'EA',
      qtyOnHand: Math.floor(random() * 100_000),
      packaging: [
        { uom: 'EA', quantity: 1, gtin: gtin(0) },
        { uom: 'BX', quantity: 100, gtin: gtin(1) },
        { uom: 'CS', quantity: 1000, gtin: gtin(5) },
      ],
      vendorItems: [vendorItem(), vendorItem()],
      attributes: { sterile: random() < 0.5, latexFree: random() < 0.7, singleUse: random() < 0.6, patientChargeable: random() < 0.3 },
      sources: [
        { system: 'lawson', table: 'ITEMMAST', key: `ITEM${n}`, receivedAt: '2026-11-01T10:00:00.000Z' },
        { system: 'peoplesoft', table: 'MASTER_ITEM_TBL', key: `INV${n}`, receivedAt: '2026-11-02T11:30:00.000Z' },
      ],
      version: 1,
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-02T11:30:00.000Z',
    };
  };
  return { makeItem, random, pick, manufacturers, unspsc };
}
