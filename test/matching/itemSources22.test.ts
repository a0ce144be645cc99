/**
 * Item records from business documents, exports and other scripts (items22sources, item-3.45.0): a goods-received
 * note, a returns authorisation, an e-invoice line, an asset register and the text of a PDF purchase order are read
 * without the document's own cells (exportedItemLines.ts `withoutDocumentCells`, part of the `listReferences`
 * rewrite); a labelled row of `|` cells is read with one listed label, its unlisted labels by their words (the head
 * noun last: `Purchase description`, `Purchases account`, `Seller item id`), a `key=value` attribute list by its keys,
 * and a seller's own number leaves the line (labelledRows.ts, exportFieldLabels 1.1.0); a unit of any script after a
 * number is read by its romanisation (scriptItemText.ts); Uzbek pack and unit words (itemLineLanguages.ts); pink and
 * orange, and a tourniquet's colour (item.json). Rows are written for this test from the document and export
 * conventions (GRN / RMA / UBL invoice lines, accounting-package item lists, shop attribute columns), not copied from a
 * corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutListReferences } from '../../server/matching/exportedItemLines';
import { withLabelledRowsRead } from '../../server/matching/labelledRows';
import { withLatinNumerals } from '../../server/matching/scriptItemText';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();
/** Runs of white space and empty cells as one space: where a cell left the row is not asserted. */
const spaced = (text: string): string =>
  text
    .replace(/\s*\|(?:\s*\|)*\s*/g, ' | ')
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe("a document line is read without the document's cells (fixture table)", () => {
  test.each([
    // A goods-received note: the note, the order and its line, the quantity received and the bin are the document's.
    { line: "GRN 20931 | PO 7100442 L4 | SPLINT WRIST NEOPRENE LT MED | REC'D 6 EA | BIN ORTHO-3", read: 'SPLINT WRIST NEOPRENE LT MED' },
    { line: 'GRN 20931 | PO 7100442 L5 | CANNULA IV 22G 25MM | RCVD 4 BX (50)', read: 'CANNULA IV 22G 25MM' },
    // A returns authorisation: its number and quantity out (the reason is a labelled field, read by labelledRows).
    { line: 'RMA 77-1042 | Wrist splint neoprene, left, medium | Qty 2 EA', read: 'Wrist splint neoprene, left, medium' },
    // An asset register: the asset and serial numbers and the dates are no product data.
    {
      line: 'Asset 00812 | Infusion pump, volumetric | S/N PX40021 | Last service 2026-01-14 | Due 14/01/2027',
      read: 'Infusion pump, volumetric | Last service | Due',
    },
    // The text of a PDF purchase order: line number, quantity, unit and prices out; the part's code and its pack count stay.
    { line: '2   AC-4410   SPLINT WRIST NEOPRENE LT MED   6   EA   21.40   128.40', read: 'AC-4410 SPLINT WRIST NEOPRENE LT MED' },
    { line: 'Item 3  CN2225  Cannula IV 22G x 25mm  BX/50  2  BX  $48.00  $96.00', read: 'CN2225 Cannula IV 22G x 25mm BX/50' },
  ])('$line', ({ line, read }) => {
    expect(spaced(withoutListReferences(line))).toBe(read);
  });

  test.each([
    // Column text whose numbers have no price and no unit cell after them is left as written (a size column).
    'SYRINGE  10  ML  LUER LOCK',
    'GLOVE NITRILE PF SM 100/BX',
    // A row whose every cell is the document's is left as it is.
    'GRN 20931 | PO 7100442 | QTY 4',
  ])('%s is left as written', (line) => {
    expect(withoutListReferences(line)).toBe(line);
  });
});

describe('a labelled row of cells, its unlisted labels read by their words (fixture table)', () => {
  test.each([
    // An accounting package's item list: the item code is the seller's own; the purchase description is a description,
    // the purchases account an account.
    {
      row: 'Item code: SPL-WR-M | Name: Wrist splint M | Purchase description: Acme neoprene wrist splint, medium | Purchases account: 5120 Stock',
      read: 'Wrist splint M | Acme neoprene wrist splint, medium',
    },
    // A UBL / Peppol invoice line: the seller's item id out, the invoiced quantity out, the standard (GTIN) id kept.
    {
      row: 'Item name: CANNULA IV 22G 25MM | Seller item id: S-88120 | Standard item id (0160): 05012345678900 | Invoiced quantity: 4 BX',
      read: 'CANNULA IV 22G 25MM | 05012345678900',
    },
    // A shop's attribute column of key=value pairs: each pair read as an attribute, yes / no as with / without.
    {
      row: 'sku: AC-77 | name: Exam gloves nitrile | additional_attributes: colour=Blue,sterile=No,latex_free=Yes,pack_size=100',
      read: 'Exam gloves nitrile | Blue non-sterile latex free pack of 100',
    },
    // A row of cells with one listed label: the reason of a return is no product data.
    { row: 'Wrist splint neoprene, left | Reason: wrong size ordered | Credit note', read: 'Wrist splint neoprene, left | Credit note' },
  ])('$row', ({ row, read }) => {
    expect(spaced(withLabelledRowsRead(row).replace(/,(?=\S)/g, ' '))).toBe(spaced(read.replace(/,(?=\S)/g, ' ')));
  });

  test.each([
    // One label in a line without cells is no labelled row (it may be a product word).
    'Sterile: single use syringe 10 mL',
    // Cells whose labels say nothing the table knows are left as written.
    'Asthma review | Personal best: 450 | Green zone above 80%',
  ])('%s is left as written', (row) => {
    expect(withLabelledRowsRead(row)).toBe(row);
  });

  test('no label, seller number or account reaches the compared words', () => {
    const read = readAsCompared(
      'Item code: SPL-WR-M | Name: Wrist splint M | Purchase description: Acme neoprene wrist splint, medium | Purchases account: 5120 Stock',
    );
    for (const word of ['CODE', 'SPL', 'PURCHASE', 'DESCRIPTION', 'ACCOUNT', '5120', 'STOCK'])
      expect(read, word).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(read).toMatch(/WRIST SPLINT/);
  });
});

describe('units of any script and Uzbek tender words', () => {
  test.each([
    // Armenian and Georgian unit symbols are the sounds of the Latin ones; the Russian-school `мкл` is a microlitre.
    ['Կաթետեր 14 մմ x 300 մմ, ստերիլ', 'Կաթետեր 14 MM x 300 MM, ստերիլ'],
    ['შპრიცი 10 მლ', 'შპრიცი 10 ML'],
    ['Дозатор 10-100 мкл', 'Дозатор 10-100 UL'],
    // A word after a number that romanises to no unit is left alone, and so is a compound whose parts are not all units.
    ['Կաթետեր 14 հատ', 'Կաթետեր 14 հատ'],
    ['Չափիչ 60-800 լ/րոպե', 'Չափիչ 60-800 լ/րոպե'],
  ])('%s', (line, read) => {
    expect(withLatinNumerals(line).replace(/\s+/g, ' ')).toBe(read);
  });

  test('an Uzbek line: box of, centimetres and inches, not sterile', () => {
    expect(attributesOf("Bilak shinasi, uzunligi 8 dyuym (20 sm), o'lcham M, steril emas, qutida 10 dona")).toMatchObject({
      countPerPack: ['10'],
      sterility: ['non-sterile'],
    });
    expect(attributesOf("Bilak shinasi, uzunligi 8 dyuym (20 sm), o'lcham M")).not.toHaveProperty('size', ['S']);
  });

  test('pink and orange are colours, and a tourniquet is sold by its colour', () => {
    expect(attributesOf('HIGHLIGHTER CHISEL TIP PINK')).toMatchObject({ colour: ['pink'] });
    expect(attributesOf('Windlass tourniquet, orange')).toMatchObject({ colour: ['orange'] });
    expect(attributesOf('Windlass tourniquet, black')).toMatchObject({ colour: ['black'] });
  });
});

describe('through the public ingest API: a document line reaches the catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['item-master', 'goods-received'], 'ITEMS22SOURCES');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a goods-received line is proposed for its catalogue line, not merged', async () => {
    const line = await lines.send('item-master', {
      description: 'Acme Neoprene Wrist Splint, Left, Medium',
      manufacturer: { name: 'Acme Orthopaedics' },
    });
    const received = await lines.send('goods-received', {
      description: "GRN 20931 | PO 7100442 L4 | SPLINT WRIST NEOPRENE LEFT MEDIUM ACME | REC'D 6 EA | BIN ORTHO-3",
    });
    expect(received.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, received)).toBe(true);
  });

  test('a goods-received line of another size is neither merged with nor proposed for the catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'Acme Neoprene Wrist Splint, Left, Large',
      manufacturer: { name: 'Acme Orthopaedics' },
    });
    const received = await lines.send('goods-received', {
      description: "GRN 20932 | PO 7100443 L1 | SPLINT WRIST NEOPRENE LEFT SMALL ACME | REC'D 6 EA | BIN ORTHO-3",
    });
    expect(received.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, received)).toBe(false);
  });
});
