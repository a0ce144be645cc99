/**
 * Item round of session 19 (items19, item-3.36.0): item lines written as free text and as terse list exports. A
 * handover note or a service-desk ticket names the product among words about stock and places — how many are left
 * (`2 left`, `none left in the cupboard`, `down to 3`), that it is low or out, the par level, where it is kept (`in
 * fridge 2`, `on the bench`), who writes (`pharmacy:`) and what it is for (`for the nurses station`) — and those
 * words are no attributes (`3 left` is no side, `1 ct left` no pack count). Contract and price-file exports carry their
 * list's own numbers and labels around the product (`Acme # 448812 - `, `<buyer> contract HPG-2207 item:`, `Line 0042 |
 * … | UOM: BX`, `- PECOS catalogue`). Lines are written for this test, not copied from a corpus; the rows fail on
 * item-3.35.0 except the guard rows (what must stay as it was).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them, in order of the text. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a handover note or a ticket is read by its product words', () => {
  test.each([
    // Nurse handover notes: stock left, where it is kept, the par level.
    ['foley trays 14fr - 2 left in the store room, par is 8', ['FOLEY', 'TRAYS', '14', 'FR']],
    ['theatre: diathermy pads adult nearly out, 1 box left on trolley', ['DIATHERMY', 'PAD', 'ADULT']],
    ['saline flushes 10ml - down to 4 in the drug cupboard', ['SODIUM', 'CHLORIDE', 'FLUSH', '10', 'ML']],
    ['micro lab: blood agar plates low, 2 sleeves left in fridge 1', ['BLOOD', 'AGAR', 'PLATE']],
    ['chlorhexidine swabsticks - none left in clean utility', ['CHLORHEXIDINE', 'SWABSTICK']],
    // Porter and pharmacy requests: we are out, the earlier order, a count after x.
    ['oxygen masks adult with reservoir - we are out in bay 6, pls send a box', ['OXYGEN', 'MASK', 'ADULT', 'RESERVOIR', 'BX']],
    ['pharmacy: amber medicine bottles 100ml, only 3 left on the shelf', ['AMBER', 'MEDICINE', 'BT', '100', 'ML']],
    // Service-desk tickets: a new thing, what it is for, the one like last time.
    ['new barcode printer for the ward clerk desk - the zebra zd421 like last time', ['BARCODE', 'PRINTER', 'ZEBRA', 'ZD421']],
    ['replacement mouse for the nurses station, the wireless logitech one x2', ['REPLACEMENT', 'MOUSE', 'WIRELESS', 'LOGITECH']],
  ])('%s', (note, words) => {
    expect(wordsOf(note)).toEqual(words);
  });

  test.each([
    // Stock left is no side, a count on the shelf no pack count, a par level no count.
    ['wrist splint sz 2 right - 1 left in the cupboard', { laterality: ['right'] }, ['countPerPack']],
    ['lab: glucose strips low, 2 bx left in fridge 3, par is 20', {}, ['laterality', 'countPerPack']],
    ['bp cuffs lge adult - none left in the obs room', { patientPopulation: ['large adult'] }, ['laterality', 'size']],
    ['id bands paeds - 1 cart left at admissions', { patientPopulation: ['paediatric'] }, ['laterality']],
  ])('attributes of %s', (note, expected, absent) => {
    const attributes = attributesOf(note);
    expect(attributes).toMatchObject(expected);
    for (const name of absent) expect(attributes[name], name).toBeUndefined();
  });

  test.each([
    // Guards: catalogue lines keep their side, their pack counts and every word.
    ['ORTHOSIS WRIST SPLINT LEFT SZ 2', ['ORTHOSIS', 'WRIST', 'SPLINT', 'LEFT', '2']],
    ['Knee brace, hinged, left, 1 each', ['KNEE', 'BRACE', 'HINGED', 'LEFT', '1', 'EA']],
    ['CATHETER LOW PROFILE 14FR 10/BX', ['CATHETER', 'LOW', 'PROFILE', '14', 'FR', '10', 'BX']],
  ])('guard: %s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });

  test.each([
    ['knee brace left x1 for pt in bed 4, none on shelf', { laterality: ['left'] }],
    ['ORTHOSIS WRIST SPLINT LEFT SZ 2', { laterality: ['left'] }],
    ['Knee brace, hinged, left, 1 each', { laterality: ['left'] }],
  ])('guard: attributes of %s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });
});

describe('contract and price-file lines lose their list numbers and labels', () => {
  test.each([
    [
      'Northfield Supply # 448812 - Dressing, Foam, Bordered, 4 x 4 in, 10/Bx',
      ['DRESSING', 'FOAM', 'BORDER', '4', 'X', '4', 'IN', '10', 'BX'],
    ],
    ['Prairie Health contract MED-1120 item: DRESSING FOAM BDR 4X4IN BX/10', ['DRESSING', 'FOAM', 'BORDER', '4X4', 'IN', 'BX', '10']],
    [
      'Line 0210 | Mfr Part: FD-4410 | Description: DRESSING, FOAM, BDR, 4X4IN, 10/BX | UOM: BX | Qty/UOM: 10',
      ['FD4410', 'DRESSING', 'FOAM', 'BORDER', '4X4', 'IN', '10', 'BX'],
    ],
    [
      'Foam bordered dressing 10 x 10 cm (box of 10) - Regional Trust catalogue',
      ['FOAM', 'BORDER', 'DRESSING', '10', 'X', '10', 'CM', 'BX', '10'],
    ],
  ])('%s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });

  test.each([
    // Contract short texts that drop letters the shorthand test cannot pair (itemAbbreviations 1.11.0).
    ['SPG NONWVN 4X4IN 4PLY 200/BX', 'SPONGE NON-WOVEN 4X4IN 4PLY 200/BX'],
    ['BAND ID THERMAL ADULT 1X11IN 300/CTG', 'Band, ID, Thermal, Adult, 1x11 in, 300/Cartridge'],
    ['DRESSING FOAM BDR 4X4IN', 'DRESSING FOAM BORDERED 4X4IN'],
  ])('%s reads as %s', (short, long) => {
    expect(wordsOf(short)).toEqual(wordsOf(long));
  });

  test.each([
    // Guards: a catalog envelope is a product; a maker's code after `#` with letters stays a code.
    ['ENVELOPE CATALOG 10X13IN KRAFT 250/BX', ['ENVELOPE', 'CATALOG', '10X13', 'IN', 'KRAFT', '250', 'BX']],
    ['Envelope - Clasp Catalog', ['ENVELOPE', 'CLASP', 'CATALOG']],
  ])('guard: %s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });
});

describe('through the public ingest API: a handover note reaches the catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['item-master', 'ward-notes'], 'ITEMS19');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a note with the stock left and where it is kept is proposed for its catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'TEST STRIP BLOOD GLUCOSE ACCU-CHEK GUIDE 50/BX',
      manufacturer: { name: 'Roche Diabetes Care' },
    });
    const note = await lines.send('ward-notes', {
      description: 'ward 5: accu-chek guide test strips low, 1 bx left in the treatment room fridge, par is 10',
    });
    expect(note.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, note)).toBe(true);
  });

  test('a note for the other side is neither merged with nor proposed for the catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'WRIST SPLINT ACTIVECARE RIGHT SIZE 2 NEOPRENE',
      manufacturer: { name: 'Thuasne' },
    });
    const note = await lines.send('ward-notes', {
      description: 'hand therapy: activecare wrist splint sz 2 left - 1 left in the splint cupboard, par is 4',
    });
    expect(note.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, note)).toBe(false);
  });
});
