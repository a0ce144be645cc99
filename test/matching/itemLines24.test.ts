/**
 * Wholesaler lines, packing lists, web-shop titles and three more languages (items24lines, item-3.48.0): a pharmacy
 * wholesaler's own code (UK PIP, Irish IPU, NZ Pharmacode, Australian PDE), its trade price and order multiple, a
 * packing list's carton sequence, customer code and packed quantity out of the text (exportedItemLines.ts); the video
 * connector an adapter is sold by and yards written `yds` read as attributes (item.json); Afrikaans / Dutch, Filipino and
 * Marathi pack, unit, sterility and colour words read as English lines write them (itemLineLanguages.ts,
 * scriptItemText.ts). Rows are written for this test from the published conventions, not copied from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutListReferences } from '../../server/matching/exportedItemLines';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();
const spaced = (text: string): string => text.replace(/[\s,|]+/g, ' ').trim();

describe("a wholesaler's and a packing list's own cells leave the line (fixture table)", () => {
  test.each([
    // UK pharmacy wholesaler: the PIP code, the trade price and the order multiple are the wholesaler's.
    {
      line: 'PIP 123-4567 | ACME FOAM DRESSING 10X10CM | Pack: 10 | Trade £12.40 | Order multiple 5',
      gone: ['1234567', '4567', 'TRADE', 'MULTIPLE', '12 40'],
      kept: ['FOAM DRESSING', '10X10 CM'],
    },
    // NZ Pharmacode and the Irish IPU code after their labels.
    { line: 'Pharmacode 2345678 | Acme saline ampoule 10 mL | Pack: 20', gone: ['2345678'], kept: ['SODIUM CHLORIDE'] },
    { line: 'IPU code 55-1234 | Acme crepe bandage 7.5cm', gone: ['1234'], kept: ['CREPE BANDAGE'] },
    // A packing list: the document, carton sequence, customer's code and packed quantity out; the product and its code kept.
    {
      line: 'Packing List PK-9931 | Carton 3 of 7 | Line 2 | Cust code WRD-GLV-M | Our code AC-4410 | ACME NITRILE GLOVE M 100/BX | Qty packed: 4 BX',
      gone: ['9931', 'CARTON', 'WRD', 'PACKED', 'OUR'],
      kept: ['AC4410', 'NITRILE GLOVE', '100 BX'],
    },
  ])('$line', ({ line, gone, kept }) => {
    const read = readAsCompared(line) ?? '';
    for (const word of gone) expect(read, word).not.toContain(word);
    for (const word of kept) expect(read, word).toContain(word);
  });

  test("a carton's place in a shipment is no pack count; a box of a count still is", () => {
    expect(attributesOf('Packing List PK-9931 | Carton 2 of 4 | ACME SUCTION LINER 2L | Qty packed: 6 EA')).not.toHaveProperty(
      'countPerPack',
    );
    expect(attributesOf('Acme exam glove nitrile M box of 100')).toMatchObject({ countPerPack: ['100'] });
    // A later number smaller than the first is no carton sequence: left as written.
    expect(spaced(withoutListReferences('Acme tray 4 of 2 compartments'))).toBe('Acme tray 4 of 2 compartments');
  });
});

describe("an inventory app's camel-case fields, a barcode's label and a reseller's own code", () => {
  test('camel-case field names are read as labels (ProductCode = Product code)', () => {
    const read = readAsCompared(
      'ProductCode: AC-GLV-M | Name: Acme Nitrile Exam Glove M Box/100 | Category: Gloves | DefaultUnitOfMeasure: Box | SupplierProductCode: 44120',
    );
    for (const word of ['PRODUCTCODE', 'DEFAULTUNITOFMEASURE', 'SUPPLIERPRODUCTCODE', 'CATEGORY']) expect(read, word).not.toContain(word);
    expect(read).toContain('NITRILE EXAM GLOVE');
  });

  test("a barcode's label goes and its digits stay; a reseller's code cell goes, the maker's stays", () => {
    const barcode = readAsCompared('ACME WOUND DRESSING 10X10CM 10 | APN 9312345678903 | Dept: Wound Care') ?? '';
    expect(barcode).not.toContain('APN');
    expect(barcode).toContain('9312345678903');
    const reseller = readAsCompared('Acme Lab Bottle 250 mL, Pack of 10 | Labshop code 7734120 | Mfr code AB-250-10') ?? '';
    expect(reseller).not.toContain('7734120');
    expect(reseller).toContain('AB250');
  });

  test("the hub colour of an IV cannula is its gauge, never a nasal cannula's colour", () => {
    expect(attributesOf('Acme IV cannula pink 25 mm, box of 50')).toMatchObject({ gauge: ['20'] });
    expect(attributesOf('Acme nasal cannula adult green tubing 2 m')).not.toHaveProperty('gauge');
  });
});

describe('the video connector of an adapter or cable is an attribute (fixture table)', () => {
  test.each([
    { line: 'Acme USB-C to HDMI Adapter 4K 60Hz', expected: ['hdmi'] },
    { line: 'ACME USB-C TO DP ADAPTER 4K60', expected: ['displayport'] },
    { line: 'Acme USB-C to DisplayPort adapter, white', expected: ['displayport'] },
    { line: 'Acme Mini DisplayPort to VGA adapter', expected: ['mini displayport', 'vga'] },
    { line: 'Acme HDMI to DVI-D cable 2 m', expected: ['hdmi', 'dvi'] },
  ])('$line', ({ line, expected }) => {
    expect(attributesOf(line).videoConnector).toEqual(expected);
  });

  test('DP elsewhere is no connector', () => {
    expect(attributesOf('Acme DP 20 wound dressing')).not.toHaveProperty('videoConnector');
  });

  test('a tape roll written in yards reads its two dimensions', () => {
    expect(attributesOf('Acme paper tape 1/2" x 10 yds, box of 24')).toMatchObject({ dimensions: ['9140x12.7 mm'] });
  });
});

describe('Afrikaans / Dutch, Filipino and Marathi pack, unit and colour words (fixture table)', () => {
  test.each([
    {
      line: 'Bestellys Saal 3: Acme IV-kateter 20G (pienk), steriel, boks van 50 stuks | Hoeveelheid: 10 bokse',
      expected: { gauge: ['20'], countPerPack: ['50'], sterility: ['sterile'] },
    },
    { line: 'Acme viltpuntpenne, fyn punt, swart, pak van 10', expected: { countPerPack: ['10'], colour: ['black'] } },
    { line: 'Acme afvalhouer 2 liter, 1 stuk', expected: { volume: ['2000 ml'] } },
    {
      line: 'Kahilingan sa pagbili: ballpen (Acme), kulay asul, 1 kahon (12 piraso bawat kahon)',
      expected: { countPerPack: ['12'], colour: ['blue'] },
    },
    {
      line: 'Kahilingan sa pagbili: karayom (Acme), gauge 23, haba 3/4 pulgada, 1 pakete (100 piraso)',
      expected: { gauge: ['23'], countPerPack: ['100'] },
    },
    { line: 'बाब क्र. ३: कंटेनर (Acme), २ लिटर, १ नग', expected: { volume: ['2000 ml'] } },
    {
      line: 'बाब क्र. ७: ड्रेसिंग (Acme), आकार १० x १० से.मी., निर्जंतुक, एका बॉक्समध्ये २० नग',
      expected: { dimensions: ['100x100 mm ±5/5'], countPerPack: ['20'], sterility: ['sterile'] },
    },
  ])('$line', ({ line, expected }) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test('the order quantity, the lot number and a request heading are no product words', () => {
    expect(readAsCompared('Bestellys Kliniek: Acme pleister, boks van 100 | Hoeveelheid: 4 bokse')).not.toMatch(/HOEVEELHEID|\b4\b/);
    expect(readAsCompared('बाब क्र. १२: Acme सुई, एका बॉक्समध्ये १०० नग')).not.toMatch(/\b12\b/);
    expect(readAsCompared('Kahilingan sa pagbili: Acme tape, kulay puti')).not.toMatch(/KAHILINGAN|PAGBILI|KULAY/);
  });
});

describe('through the public ingest API: wholesaler, packing-list and language lines', () => {
  const lines = canonicalItemLines(['item-master', 'wholesaler', 'packing-list'], 'ITEMLINES24');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test("a wholesaler's line and a packing list's line of a catalogue item are proposed for it; another connector is not", async () => {
    const line = await lines.send('item-master', {
      description: 'Acme USB-C to HDMI Adapter, 4K 60Hz, White',
      manufacturer: { name: 'Acme Cables' },
    });
    const packed = await lines.send('packing-list', {
      description:
        'Packing List PK-7710 | Carton 1 of 3 | Line 4 | Cust code IT-ADP-1 | ACME USB-C TO HDMI ADAPTER 4K60 WHITE | Qty packed: 2 EA',
    });
    expect(packed.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, packed)).toBe(true);
    const other = await lines.send('wholesaler', {
      description: 'PIP 765-4321 | ACME USB-C TO DISPLAYPORT ADAPTER 4K60 WHITE | Pack: 1 | Trade £21.00 | Order multiple 1',
    });
    expect(other.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, other)).toBe(false);
  });
});
