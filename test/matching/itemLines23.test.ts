/**
 * Option strings, document lines and languages nobody tuned for (items23lines, item-3.47.0): a shop's option string
 * `[RB]Size=25 mm,[S]Colour=Blue` read as key=value pairs without its input-type codes (labelledRows.ts); an item line
 * copied out of an X12 or EDIFACT message read by its product segments (ediSegmentText.ts); a stock count sheet's and a
 * credit note's own cells out (exportedItemLines.ts); frequency and well count read as attributes, test strips counted
 * in words (item.json); Kazakh, Nepali and Serbian pack, size and sterility words (itemLineLanguages.ts,
 * scriptItemText.ts). Rows are written for this test from the published conventions (BigCommerce product export, X12
 * 856 / 850, EDIFACT DESADV, cycle-count sheets), not copied from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withEdiSegmentsRead } from '../../server/matching/ediSegmentText';
import { withoutListReferences } from '../../server/matching/exportedItemLines';
import { withLabelledRowsRead } from '../../server/matching/labelledRows';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();
const spaced = (text: string): string => text.replace(/[\s,|]+/g, ' ').trim();

describe("a shop's option string is read as its options (fixture table)", () => {
  test.each([
    // BigCommerce's SKU row: the option type codes ([S] drop-down, [RB] radio buttons) are no product data.
    {
      row: 'Item Type: SKU | Product Name: [S]Size=Large,[CS]Colour=Blue | Parent Product: Acme Nitrile Exam Glove',
      read: 'Size Large Blue Acme Nitrile Exam Glove',
    },
    { row: 'Product Name: [RB]Width=10 cm | Parent Product: Acme Foam Dressing', read: '10 cm Acme Foam Dressing' },
    // After a title without a label, the codes go and the pairs are read as a key=value list.
    { row: 'Acme Suction Catheter [S]French Size=12 Fr,[RT]Length=50 cm', read: 'Acme Suction Catheter French Size 12 Fr 50 cm' },
  ])('$row', ({ row, read }) => {
    expect(spaced(withLabelledRowsRead(row))).toBe(spaced(read));
  });

  test('a type code is never read as size S, and a count option is a pack count', () => {
    expect(attributesOf('Product Name: [S]French Size=10 Fr,[S]Length=90 cm | Parent Product: Acme Feeding Tube')).not.toHaveProperty(
      'size',
    );
    expect(attributesOf('Product Name: [RB]Count=25 Strips | Parent Product: Acme Glucose Test Strips')).toMatchObject({
      countPerPack: ['25'],
    });
  });

  test("the row's kind, a supplier account and a ledger's buy / sell flags are no compared words", () => {
    const read = readAsCompared(
      'Item Number: GLV-M | Item Name: Acme nitrile glove M | I Buy: Y | I Sell: N | Supplier A/C: ACME01 | Item Type: Inventory',
    );
    for (const word of ['BUY', 'SELL', 'ACME01', 'INVENTORY']) expect(read, word).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(read).toMatch(/NITRILE GLOVE/);
  });
});

describe('an EDI message line is read by its product segments (fixture table)', () => {
  test.each([
    // X12 856: the hierarchy, shipped quantity and segment tags go; the description, vendor part and UPC stay; PO4 is the pack.
    {
      line: 'HL*2*1*I~LIN**VP*AC-2210*UP*012345678905~SN1**3*CS~PO4*12*1*EA~PID*F****ACME SUCTION CATHETER 12FR~',
      read: 'ACME SUCTION CATHETER 12FR AC-2210 012345678905 pack of 12',
    },
    // X12 850: the buyer's own part number (BP) is no code of the product.
    { line: 'PO1*1*4*BX*21.50**BP*77120*VP*AC-4410~PID*F****SPLINT WRIST NEOPRENE LT MED~', read: 'SPLINT WRIST NEOPRENE LT MED AC-4410' },
    // EDIFACT DESADV: IMD's text, the GTIN of LIN and the supplier's article of PIA; the buyer's (IN) out; QTY+52 is the pack.
    {
      line: "LIN+1++05012345678900:SRV'PIA+5+AB-1234:SA+GL77:IN'IMD+F++:::NITRILE GLOVE:SIZE M'QTY+12:4'QTY+52:100'",
      read: 'NITRILE GLOVE SIZE M 05012345678900 AB-1234 pack of 100',
    },
  ])('$line', ({ line, read }) => {
    expect(withEdiSegmentsRead(line)).toBe(read);
  });

  test.each(['GLOVE NITRILE PF SM 100/BX', 'Note: cut 2*3 cm strips', "Patient's own LIN+ device"])('%s is left as written', (line) => {
    expect(withEdiSegmentsRead(line)).toBe(line);
  });
});

describe("a stock count sheet's and a credit note's own cells leave the line (fixture table)", () => {
  test.each([
    {
      line: 'Cycle count CC-0412-3 | Loc WARD-4B-S2 | Item 88120 | ACME FOAM DRESSING 10X10CM BX/10 | System qty 12 | Counted 11 | Var -1',
      read: 'ACME FOAM DRESSING 10X10CM BX/10',
    },
    {
      line: 'Stock take ST-77 | Bin C-12 | Acme exam glove nitrile M 100/BX | On hand 40 | Counted 38',
      read: 'Acme exam glove nitrile M 100/BX',
    },
    {
      line: 'Credit note CR-5512 | Against invoice INV-90211 line 3 | AC-4410 Splint wrist neoprene left medium | Qty 2 EA',
      read: 'AC-4410 Splint wrist neoprene left medium',
    },
  ])('$line', ({ line, read }) => {
    expect(spaced(withoutListReferences(line))).toBe(spaced(read));
  });

  test.each([
    // A tender's lot number opening its line (Serbian, English, German, Spanish): the lot's, no product data.
    { line: 'Partija 3: Rukavice nitrilne, veličina M, pakovanje 100 kom', read: 'Rukavice nitrilne, veličina M, pakovanje 100 kom' },
    { line: 'Lot 12: Acme nitrile glove M', read: 'Acme nitrile glove M' },
    { line: 'Los 4 - Kanüle 20G', read: 'Kanüle 20G' },
  ])('$line', ({ line, read }) => {
    expect(withoutListReferences(line).trim()).toBe(read);
  });

  test('a batch lot is no tender lot', () => {
    expect(withoutListReferences('LOT 12345 EXP 2027')).toBe('LOT 12345 EXP 2027');
  });

  test('a product cell with a count word stays', () => {
    expect(spaced(withoutListReferences('Gauze swab 10x10 | Count 100 | Sterile'))).toBe('Gauze swab 10x10 Count 100 Sterile');
  });
});

describe('frequency, well count and test strips are attributes', () => {
  test.each([
    ['Acme vascular Doppler probe 8MHz', { frequency: ['8 MHz'] }],
    ['Acme laptop 2.4 GHz', { frequency: ['2400 MHz'] }],
    ['Ультразвуковой датчик Acme, частота 5 МГц', { frequency: ['5 MHz'] }],
    ['Cell culture plate, 24-well, flat bottom', { wellCount: ['24'] }],
    ['PLATE TC 96W FLAT STR CS/50', { wellCount: ['96'], countPerPack: ['50'] }],
    ['Acme blood glucose test strips, 50 Strips', { countPerPack: ['50'] }],
  ])('%s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test.each([
    // A product sold by net weight writes grams as a bare G; a needle's gauge is read as before.
    ['Acme glue stick 21g', { strength: ['21000 mg'] }],
    ['Acme bone cement with gentamicin 20G', { strength: ['20000 mg'] }],
    ['Acme safety needle 21G x 1in, needle-stick protection', { gauge: ['21'] }],
    // A video laryngoscope blade's size.
    ['Acme video laryngoscope blade, single use, S3', { size: ['S3'] }],
  ])('%s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test('a broadband range and a mains rating are no frequency; a plate text is needed for W', () => {
    expect(attributesOf('Acme linear probe 5-12 MHz')).not.toHaveProperty('frequency');
    expect(attributesOf('Acme suction unit 50/60 Hz 230 V')).not.toHaveProperty('frequency');
    expect(attributesOf('Acme LED lamp 6W')).not.toHaveProperty('wellCount');
  });
});

describe('Kazakh, Nepali and Serbian pack, size and well words', () => {
  test.each([
    ['Медициналық қолғап Acme, өлшемі M, латекссіз, қорапта 100 дана', { countPerPack: ['100'], size: ['M'], latex: ['latex-free'] }],
    ['परीक्षण स्ट्रिप Acme, प्याकमा ५० वटा', { countPerPack: ['50'] }],
    ['ड्रेसिङ Acme, १० x १० से.मि., निर्मलीकृत, बट्टामा १० वटा', { countPerPack: ['10'], sterility: ['sterile'] }],
    ['सेल कल्चर प्लेट ९६ वेल, Acme', { wellCount: ['96'] }],
    // A gram word of any script is a weight, never a gauge: 22 г and 43 г of one glue stick conflict.
    ['Клей-карандаш Acme, 22 г', { strength: ['22000 mg'] }],
    ['ग्लु स्टिक Acme, २२ ग्राम', { strength: ['22000 mg'] }],
    [
      'Ploča za ćelijske kulture sa 12 bunarčića, sterilna, pakovanje 50 kom',
      { wellCount: ['12'], countPerPack: ['50'], sterility: ['sterile'] },
    ],
  ])('%s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });
});

describe('through the public ingest API: an ASN line and a shop option row', () => {
  const lines = canonicalItemLines(['item-master', 'asn', 'web-shop'], 'ITEMLINES23');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('an ASN line of a catalogue item is proposed for it; one of another frequency is not', async () => {
    const line = await lines.send('item-master', {
      description: 'Acme Vascular Doppler Probe 8 MHz, high sensitivity',
      manufacturer: { name: 'Acme Medical' },
    });
    const shipped = await lines.send('asn', {
      description: 'HL*3*2*I~LIN**VP*AVP-8*UP*012345000018~SN1**1*EA~PID*F****ACME VASCULAR DOPPLER PROBE 8MHZ HIGH SENS~',
    });
    expect(shipped.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, shipped)).toBe(true);
    const other = await lines.send('web-shop', {
      description:
        'Item Type: SKU | Product Name: [RB]Probe=5 MHz Vascular | Parent Product: Acme Vascular Doppler Probe, high sensitivity',
    });
    expect(other.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, other)).toBe(false);
  });
});
