/**
 * Catalogue conventions of item descriptions through the public ingest API (shipped item rules,
 * item-3.7.0): fractions and mixed numbers in sizes, comma decimals, chargemaster shorthand (NS / ST /
 * LF / 1K), dimensions with a unit on each number, metric sizes that are roundings of inch sizes,
 * manufacturers written as an acquired brand, and part numbers that differ (two distributors' catalog
 * numbers) counting as no identifier evidence. Each case: the duplicate reaches a steward (or merges
 * on an agreeing part number), the sibling that differs in one attribute is neither merged nor proposed.
 * Records are canonical item records sent through an identity mapping, as the evaluation corpora are.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines, type IngestedRecord } from '../support/factories/itemLines';

const SOURCES = ['item-master', 'procurement', 'eu-catalogue', 'chargemaster'] as const;
type Source = (typeof SOURCES)[number];

const lines = canonicalItemLines(SOURCES, 'CC');
beforeAll(() => lines.start());
afterAll(() => lines.stop());

const send = (source: Source, record: Record<string, unknown>): Promise<IngestedRecord> => lines.send(source, record);
const isProposed = (a: IngestedRecord, b: IngestedRecord): Promise<boolean> => lines.isProposed(a, b);

interface Case {
  title: string;
  first: [Source, Record<string, unknown>];
  duplicate: [Source, Record<string, unknown>];
  sibling: [Source, Record<string, unknown>];
}

const reachesSteward: Case[] = [
  {
    title: 'mixed numbers without a unit: 2-3/8X2-3/4 vs 2-3/8 x 2-3/4 (and not 4X4-3/4)',
    first: ['item-master', { description: 'DRSG TRANSPARENT FILM 2-3/8X2-3/4 FRAME STYLE', manufacturer: { name: 'ACME WOUND' } }],
    duplicate: ['chargemaster', { description: 'HC DRSG TRANSPARENT FILM 2-3/8 X 2-3/4 FRAME' }],
    sibling: ['chargemaster', { description: 'HC DRSG TRANSPARENT FILM 4X4-3/4 FRAME' }],
  },
  {
    title: 'comma decimals: 0,45 % is 0.45% (and not 0.9%)',
    first: ['item-master', { description: 'POTASSIUM CHLORIDE 20MEQ IN SODIUM CHLORIDE 0.45% 1000ML', manufacturer: { name: 'BAXTER' } }],
    duplicate: [
      'eu-catalogue',
      { description: 'Potassium chloride 20 mEq in sodium chloride 0,45 % solution, 1000 ml bag', manufacturer: { name: 'Baxter' } },
    ],
    sibling: [
      'eu-catalogue',
      { description: 'Potassium chloride 20 mEq in sodium chloride 0,9 % solution, 1000 ml bag', manufacturer: { name: 'Baxter' } },
    ],
  },
  {
    title: 'NS = non-sterile in a chargemaster line (and not the sterile applicator)',
    first: ['item-master', { description: 'APPLICATOR COTTON TIPPED 6IN NON-STERILE WOOD SHAFT', manufacturer: { name: 'ACME SWAB' } }],
    duplicate: ['chargemaster', { description: 'HC APPLICATOR COTTON TIPPED 6IN NS WOOD' }],
    sibling: ['chargemaster', { description: 'HC APPLICATOR COTTON TIPPED 6IN STERILE WOOD' }],
  },
  {
    title: 'one dimension written with a unit on each number: 1 in x 10 yd (and not 2 in x 10 yd)',
    first: ['item-master', { description: 'TAPE SURGICAL SILK 1IN X 10YD', manufacturer: { name: 'ACME TAPE' } }],
    duplicate: ['procurement', { description: 'Tape, Surgical, Silk, 1 in x 10 yd', manufacturer: { name: 'Acme Tape' } }],
    sibling: ['procurement', { description: 'Tape, Surgical, Silk, 2 in x 10 yd', manufacturer: { name: 'Acme Tape' } }],
  },
  {
    title: 'metric sizes rounded from inches: 18 in x 225 ft = 46 cm x 68,6 m (and not 53 cm)',
    first: ['item-master', { description: 'PAPER EXAM TABLE SMOOTH 18IN X 225FT', manufacturer: { name: 'ACME PAPER' } }],
    duplicate: ['eu-catalogue', { description: 'Exam table paper smooth 46 cm x 68,6 m', manufacturer: { name: 'Acme Paper' } }],
    sibling: ['eu-catalogue', { description: 'Exam table paper smooth 53 cm x 68,6 m', manufacturer: { name: 'Acme Paper' } }],
  },
];

describe('catalogue conventions reach a steward; the sibling does not', () => {
  test.each(reachesSteward)('$title', async ({ first, duplicate, sibling }) => {
    const a = await send(...first);
    const b = await send(...duplicate);
    expect(b.goldenId, 'text only: never an auto-merge').not.toBe(a.goldenId);
    expect(await isProposed(a, b), 'the duplicate is put before a steward').toBe(true);
    const c = await send(...sibling);
    expect(c.goldenId).not.toBe(a.goldenId);
    expect(await isProposed(a, c), 'the sibling is not proposed').toBe(false);
  });
});

describe('thousands shorthand in a chargemaster line', () => {
  test('BACITRACIN 50K UNIT VIAL reaches a steward against 50000 UNITS', async () => {
    const a = await send('item-master', {
      description: 'BACITRACIN FOR INJECTION 50000 UNITS VIAL',
      manufacturer: { name: 'ACME PHARMA' },
    });
    const b = await send('chargemaster', { description: 'HC BACITRACIN 50K UNITS VIAL' });
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(await isProposed(a, b)).toBe(true);
  });
});

describe('a metric size rounded from inches agrees with the inch size; other sizes conflict', () => {
  test('18 in is 46 cm, 20 in is not; two metric sizes 46 and 50 cm differ', async () => {
    const verify = async (a: string, b: string) => {
      const response = await lines
        .server()
        .request<{ explanation: { comparators: Array<{ name: string; outcome: string }> } }>('POST', '/api/v1/matching/verify', {
          body: { domain: 'item', a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b } },
        });
      expect(response.status, response.text).toBe(200);
      return response.body.explanation.comparators.find((c) => c.name === 'attributes')?.outcome;
    };
    expect(await verify('ROLL PAPER 18IN X 225FT', 'Roll paper 46 cm x 68,6 m')).toBe('match');
    expect(await verify('ROLL PAPER 20IN X 225FT', 'Roll paper 46 cm x 68,6 m')).toBe('mismatch');
    expect(await verify('Roll paper 50 cm x 68,6 m', 'Roll paper 46 cm x 68,6 m')).toBe('mismatch');
  });
});

describe('identifier evidence must agree', () => {
  test('two distributors, two catalog numbers, one product: a steward decides, no auto-merge', async () => {
    const a = await send('procurement', {
      description: 'Bandage, Elastic, Acme Wrap, 4 in x 5 yd, Tan, 18 Rolls/Case',
      manufacturer: { name: 'Acme Bandage' },
      vendor: { name: 'First Distributor' },
      vendorCatalogNumber: 'FD-44120',
    });
    const b = await send('procurement', {
      description: 'Bandage, Elastic, Acme Wrap, 4 in x 5 yd, Tan, 18 Rolls/Case',
      manufacturer: { name: 'Acme Bandage' },
      vendor: { name: 'Second Distributor' },
      vendorCatalogNumber: 'SD9917733',
    });
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(await isProposed(a, b)).toBe(true);
  });

  test('one distributor, the 3 in wrap: neither merged nor proposed', async () => {
    const a = await send('procurement', {
      description: 'Wrap, Cohesive, Acme Flex, 2 in x 5 yd, Tan, 36 Rolls/Case',
      manufacturer: { name: 'Acme Flex' },
      vendor: { name: 'First Distributor' },
      vendorCatalogNumber: 'FD-77002',
    });
    const b = await send('procurement', {
      description: 'Wrap, Cohesive, Acme Flex, 3 in x 5 yd, Tan, 24 Rolls/Case',
      manufacturer: { name: 'Acme Flex' },
      vendor: { name: 'First Distributor' },
      vendorCatalogNumber: 'FD-77003',
    });
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(await isProposed(a, b)).toBe(false);
  });
});

describe('manufacturers written as an acquired brand', () => {
  test.each([
    { title: 'St. Jude Medical = Abbott', before: 'ST JUDE MEDICAL', after: 'Abbott Laboratories', part: 'SJ-4471-88' },
    { title: 'Welch Allyn = Baxter (via Hill-Rom)', before: 'WELCH ALLYN INC', after: 'Baxter Healthcare Corporation', part: 'WA52000-AX' },
    { title: 'Actavis = Teva', before: 'ACTAVIS PHARMA', after: 'Teva Pharmaceuticals USA, Inc.', part: 'TV-0591-5553' },
  ])('$title: the same part number merges, the manufacturer reads as the same', async ({ before, after, part }) => {
    const a = await send('item-master', {
      description: `DEVICE ACCESSORY KIT ${part}`,
      manufacturer: { name: before },
      manufacturerPartNumber: part,
    });
    const b = await send('procurement', {
      description: `Accessory kit, device, ${part}`,
      manufacturer: { name: after },
      manufacturerPartNumber: part.replace(/-/g, ''),
    });
    expect(b.goldenId).toBe(a.goldenId);
    const response = await lines
      .server()
      .request<{ explanation: { comparators: Array<{ name: string; outcome: string }> } }>('POST', '/api/v1/matching/verify', {
        body: {
          domain: 'item',
          a: { sourceId: 'a', description: 'x', manufacturer: { name: before } },
          b: { sourceId: 'b', description: 'x', manufacturer: { name: after } },
        },
      });
    expect(response.body.explanation.comparators.find((c) => c.name === 'manufacturer')?.outcome).toBe('match');
  });
});
