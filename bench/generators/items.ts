/**
 * Synthetic item master records with ground truth, shaped like real multi-source item files:
 * manufacturers with name variants, part numbers in several formats, GTINs with valid check
 * digits at several packaging levels, descriptions that embed catalog numbers, and a
 * controllable share of duplicate records. Deterministic for a given seed.
 */
import { gs1CheckDigit } from '../../server/identifiers';
import type { CanonicalRecord } from '../../server/matching/types';
import { present } from '../../server/invariant';

export interface GeneratedItems {
  records: CanonicalRecord[];
  /** Ground-truth entity per record: `<product>:<packaging indicator>`; equal = true duplicates. */
  entityOf: string[];
}

/** Small fast seeded PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NOUNS = [
  'GLOVE',
  'SYRINGE',
  'CATHETER',
  'SUTURE',
  'GAUZE',
  'SPONGE',
  'DRAPE',
  'GOWN',
  'MASK',
  'TUBE',
  'NEEDLE',
  'BANDAGE',
  'DRESSING',
  'SPLINT',
  'CANNULA',
  'SCALPEL',
  'TRAY',
  'KIT',
  'ELECTRODE',
  'FILTER',
  'STAPLER',
  'CLIP',
  'SCREW',
  'PLATE',
  'SLEEVE',
  'CONNECTOR',
  'VALVE',
  'SET',
  'PAD',
  'TAPE',
];
export const ADJECTIVES = [
  'EXAM',
  'SURGICAL',
  'NITRILE',
  'LATEX',
  'STERILE',
  'NONSTERILE',
  'PF',
  'DISPOSABLE',
  'ADULT',
  'PEDIATRIC',
  'FOAM',
  'SILICONE',
  'VINYL',
  'ABSORBABLE',
  'BRAIDED',
  'ANTIMICROBIAL',
  'TRANSPARENT',
  'ELASTIC',
  'LOCKING',
  'SAFETY',
  'IV',
  'FOLEY',
  'SUCTION',
  'URINARY',
  'ISOLATION',
  'ORTHO',
  'CORTICAL',
  'TITANIUM',
  'BLUE',
  'WHITE',
];
export const SIZES = [
  'SM',
  'MD',
  'LG',
  'XL',
  '3ML',
  '5ML',
  '10ML',
  '20ML',
  '18G',
  '21G',
  '25G',
  '14FR',
  '16FR',
  '18FR',
  '4X4',
  '2X2',
  '3-0',
  '4-0',
  '1000ML',
  '27IN',
  '3.5MM',
  '4.5MM',
  '6IN',
];
const ABBREVIATIONS: Record<string, string> = {
  LARGE: 'LG',
  MEDIUM: 'MD',
  SMALL: 'SM',
  STERILE: 'STRL',
  SURGICAL: 'SURG',
  DISPOSABLE: 'DISP',
  PEDIATRIC: 'PED',
  SYRINGE: 'SYR',
  CATHETER: 'CATH',
  DRESSING: 'DRSG',
};
const SYLLABLES = [
  'MED',
  'LINE',
  'CARE',
  'SURG',
  'ORTH',
  'VITA',
  'NOVA',
  'GEN',
  'TEC',
  'BIO',
  'MAX',
  'ZEN',
  'ARC',
  'LUX',
  'TRI',
  'CORE',
  'FLEX',
  'PRO',
  'QUA',
  'SYN',
  'TAL',
  'VEX',
  'DYN',
  'OMNI',
  'KEN',
  'DAL',
  'BAX',
  'TER',
  'STRY',
  'KER',
];
const SUFFIXES = [
  'Inc.',
  'LLC',
  'Corporation',
  'Co.',
  'Ltd',
  'GmbH',
  'Medical',
  'Healthcare',
  'Industries, Inc.',
  'Surgical',
  'Products Corp',
];
const VENDORS = [
  'Owens & Minor',
  'Cardinal Health',
  'Medline Industries',
  'Henry Schein',
  'McKesson Medical-Surgical',
  'Concordance Healthcare',
];

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T =>
  present(list[Math.floor(random() * list.length)], 'list[Math.floor(random() * list.length)]');
const chance = (random: Random, p: number): boolean => random() < p;
const digits = (random: Random, count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const letters = (random: Random, count: number): string =>
  Array.from({ length: count }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');

interface Manufacturer {
  name: string;
  companyPrefix: string;
  partStyle: number;
  nextItemReference: number;
}

interface Product {
  manufacturer: Manufacturer;
  partNumber: string;
  words: string[];
  gtinBody: string;
}

function capitalized(word: string): string {
  return word[0] + word.slice(1).toLowerCase();
}

function manufacturerName(random: Random): string {
  const word = capitalized(pick(random, SYLLABLES) + pick(random, SYLLABLES));
  const second = chance(random, 0.4) ? ` ${capitalized(pick(random, SYLLABLES) + pick(random, SYLLABLES))}` : '';
  return `${word}${second} ${pick(random, SUFFIXES)}`;
}

/** Name variants as sources write them: case, ®/™, `, INC.` vs `Inc`, `CO., THE`, doubled spaces. */
function manufacturerVariant(random: Random, name: string): string {
  const variants = [
    name.toUpperCase(),
    name.replace(/,? (Inc\.|LLC|Corporation|Co\.|Ltd|GmbH)$/, '') + pick(random, [', INC.', ' Inc', ' Corp.', '']),
    `${name.split(' ')[0]}® ${name.split(' ').slice(1).join(' ')}`,
    name.replace(' ', '  '),
    `${name.replace(/,? (Inc\.|LLC|Corporation|Co\.|Ltd|GmbH)$/, '')} CO., THE`,
    `${name}™`,
  ];
  return pick(random, variants);
}

function partNumber(random: Random, style: number): string {
  switch (style) {
    case 0:
      return `${letters(random, 3)}${digits(random, 6)}`;
    case 1:
      return `${digits(random, 2)}-${digits(random, 3)}-${letters(random, 2)}-${digits(random, 2)}`;
    case 2:
      return `${letters(random, 1)}${digits(random, 3)}${letters(random, 1)}`;
    default:
      return digits(random, 7);
  }
}

/** Formatting variants of one part number: punctuation dropped or added, lower case, spaces. */
function partNumberVariant(random: Random, value: string): string {
  const bare = value.replace(/[^A-Za-z0-9]/g, '');
  return pick(random, [bare, bare.toLowerCase(), bare.replace(/(\d)([A-Z])/g, '$1-$2'), value.replace(/-/g, ' '), value]);
}

function gtinAt(body: string, indicator: string): string {
  const data = indicator + body;
  return data + String(gs1CheckDigit(data));
}

/** The GTIN as a source might send it: 14 digits, or with its leading zeros lost (GTIN-13/12). */
function gtinVariant(random: Random, gtin14: string): string {
  return chance(random, 0.5) ? gtin14.replace(/^0+/, '') : gtin14;
}

function describe({ random, product, isVariant }: { random: Random; product: Product; isVariant: boolean }): string {
  let words = [...product.words];
  if (isVariant) {
    if (chance(random, 0.5)) words = words.map((w) => ABBREVIATIONS[w] ?? w);
    if (chance(random, 0.4)) words.sort(() => random() - 0.5);
    if (chance(random, 0.3) && words.length > 3) words.splice(1 + Math.floor(random() * (words.length - 1)), 1);
  }
  return words.join(chance(random, 0.3) ? ', ' : ' ');
}

/** Generates `count` item records; about `duplicateRate` of them duplicate another record. */
export function generateItems(args: { count: number; duplicateRate?: number; seed?: number; manufacturers?: number }): GeneratedItems {
  const random = createRandom(args.seed ?? 42);
  const duplicateRate = args.duplicateRate ?? 0.2;
  const manufacturers: Manufacturer[] = Array.from(
    { length: args.manufacturers ?? Math.max(20, Math.round(args.count / 3000)) },
    (_, i) => ({
      name: manufacturerName(random),
      // Unique 7-digit prefix; a third start with 0 so their GTINs lose leading zeros in UPC form.
      companyPrefix: (i % 3 === 0 ? '0' : String(1 + (i % 9))) + String(100000 + i).slice(-6),
      partStyle: i % 4,
      nextItemReference: 0,
    }),
  );
  // Product-line (brand) words are rare tokens — what a human spots first in a description —
  // shared by a handful of products each.
  const brands = Array.from(
    { length: Math.max(10, Math.round(args.count / 8)) },
    () => `${pick(random, SYLLABLES)}${pick(random, SYLLABLES)}${letters(random, 2)}`,
  );
  const records: CanonicalRecord[] = [];
  const entityOf: string[] = [];
  let productIndex = 0;
  const newProduct = (): Product => {
    const manufacturer = pick(random, manufacturers);
    const itemReference = String(manufacturer.nextItemReference++ % 100000).padStart(5, '0');
    const words = [
      pick(random, NOUNS),
      pick(random, ADJECTIVES),
      pick(random, ADJECTIVES),
      ...(chance(random, 0.6) ? [pick(random, brands)] : []),
      pick(random, SIZES),
    ];
    return {
      manufacturer,
      partNumber: partNumber(random, manufacturer.partStyle),
      words: [...new Set(words)],
      gtinBody: manufacturer.companyPrefix + itemReference,
    };
  };
  const push = (record: CanonicalRecord, entity: string): void => {
    records.push(record);
    entityOf.push(entity);
  };
  while (records.length < args.count) {
    const product = newProduct();
    const id = productIndex++;
    const eachGtin = gtinAt(product.gtinBody, '0');
    push(
      {
        sourceId: `ITM-${records.length}`,
        description: describe({ random, product, isVariant: false }),
        manufacturer: { name: product.manufacturer.name },
        manufacturerPartNumber: product.partNumber,
        ...(chance(random, 0.7) ? { gtin: eachGtin } : {}),
        baseUom: 'EA',
        packaging: [
          { uom: 'EA', quantityOfEaches: 1, gtin: eachGtin },
          { uom: 'BX', quantityOfEaches: 100, gtin: gtinAt(product.gtinBody, '1') },
        ],
      },
      `${id}:0`,
    );
    // A separate record for the case level: a related item, not a duplicate.
    if (chance(random, 0.03) && records.length < args.count) {
      push(
        {
          sourceId: `ITM-${records.length}`,
          description: `${describe({ random, product, isVariant: false })} CS/1000`,
          manufacturer: { name: product.manufacturer.name },
          gtin: gtinAt(product.gtinBody, '5'),
          baseUom: 'CS',
        },
        `${id}:5`,
      );
    }
    // Duplicates: each further record of the same product at the same packaging level.
    let duplicates = 0;
    while (chance(random, duplicateRate / (1 + duplicateRate)) && duplicates < 3) duplicates++;
    for (let d = 0; d < duplicates && records.length < args.count; d++) {
      const style = random();
      const record: CanonicalRecord = { sourceId: `ITM-${records.length}`, description: describe({ random, product, isVariant: true }) };
      if (style < 0.15) {
        // Description-only record: manufacturer and catalog number embedded in the text.
        record.description = `${present(product.manufacturer.name.split(' ')[0], "product.manufacturer.name.split(' ')[0]").toUpperCase()} ${partNumberVariant(random, product.partNumber)} ${String(record.description)}`;
      } else {
        record.manufacturer = { name: manufacturerVariant(random, product.manufacturer.name) };
        if (style < 0.9) record.manufacturerPartNumber = partNumberVariant(random, product.partNumber);
        else record.description = `${String(record.description)} REF ${product.partNumber}`;
      }
      if (chance(random, 0.5)) record.gtin = gtinVariant(random, eachGtin);
      if (chance(random, 0.4)) {
        record.vendor = { name: pick(random, VENDORS) };
        record.vendorCatalogNumber = `${letters(random, 2)}${digits(random, 6)}`;
      }
      push(record, `${id}:0`);
    }
  }
  return { records, entityOf };
}
