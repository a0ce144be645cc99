/**
 * Inventory-app rows, shop titles and component variants (items26inv, item-3.51.0): an inventory app's folder path, part
 * type, alert levels and vendor's own number leave the row (tradeDocumentLabels 1.1.0, labelledRows.ts); a row's
 * category or folder path and a shop's fulfilment or warranty cell leave the line (exportedItemLines.ts); item-master
 * colour and form codes read as words (itemAbbreviations 1.14.0); an infusion device with vs without its extension
 * line, plain vs charged microscope slides and a pen's needle tip are read as catalogues state them (item.json). Rows
 * are written for this test from the published conventions of Sortly, inFlow, Fishbowl and web shops, not copied from
 * a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines } from '../support/factories/itemLines';
import { matchingTestServer, shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();

describe("an inventory app's and a shop's own fields leave the line (fixture table)", () => {
  test.each([
    {
      convention: 'Sortly folder path',
      line: 'Name: Acme foam splint 18in | Quantity: 4 | Min Level: 2 | Folder: Base 3 > Engine 12 > Jump Kit | Tags: trauma',
      gone: ['BASE', 'ENGINE', 'JUMP', 'FOLDER'],
      kept: ['ACME', 'SPLINT'],
    },
    {
      convention: 'Fishbowl part type and vendor part number',
      line: 'Part Number: 200417 | Part Description: GAUZE SPONGE ACME 4X4IN 12PLY STRL | UOM: pk | Part Type: Inventory | Default Vendor: Acme Supply Co | Vendor Part Number: AS-44812 | Mfr Part #: G4412S',
      gone: ['INVENTORY', 'AS44812', 'SUPPLY'],
      kept: ['GAUZE', 'SPONGE', 'G4412S'],
    },
    {
      convention: 'inFlow vendor product code and location',
      line: 'Name: Acme Cold Pack Instant | SKU: FA-CP-1 | Category: First Aid > Cold Therapy | Vendor Product Code: VX-3310 | Default Location: Back Store',
      gone: ['VX3310', 'FIRST', 'STORE'],
      kept: ['COLD', 'PK', 'INSTANT'],
    },
    {
      convention: "a shop's breadcrumb and shipping cells",
      line: 'Acme Wireless Mouse M220 Grey | Computers > Peripherals > Mice | Ships from Christchurch | In stock',
      gone: ['PERIPHERAL', 'CHRISTCHURCH', 'STOCK'],
      kept: ['WIRELESS', 'MOUSE', 'M220'],
    },
    {
      convention: "a marketplace's own listing number",
      line: 'Acme Wireless Mouse M220 Grey | Trade Me listing 4471290 | Ships from Christchurch',
      gone: ['4471290', 'LISTING'],
      kept: ['MOUSE', 'M220'],
    },
    {
      convention: "a price-change notice's title and change cells",
      line: 'Price change notice effective 01-Mar-2027 | Supplier item 500123 | Mfr item AC-2210 | ACME SHARPS BIN 2L YELLOW | UOM EA | Old price 4.10 | New price 4.30 | +4.9%',
      gone: ['NOTICE', 'EFFECTIVE', 'CHANGE'],
      kept: ['SHARP', 'BIN', 'YELLOW'],
    },
    {
      convention: "a shop's pick-up and warranty cells",
      line: 'Acme Blood Pressure Monitor Upper Arm | Acme | Item #L5520114 | Store pick-up only | 24 Months Warranty',
      gone: ['PICK', 'WARRANTY', 'MONTH'],
      kept: ['MONITOR', 'ARM'],
    },
  ])('$convention', ({ line, gone, kept }) => {
    const words = (readAsCompared(line) ?? '').split(' ');
    for (const word of gone) expect(words).not.toContain(word);
    for (const word of kept) expect(words).toContain(word);
  });

  test("a maker's catalogue number in a cell of its own is kept", () => {
    expect(readAsCompared('Acme nitrile glove M | Cat No 445120 | Acme')).toContain('445120');
  });

  test('a product phrase with an arrow in it is one long step, kept', () => {
    expect(readAsCompared('Acme adapter | USB C > HDMI female video adapter for laptops and tablets | Acme')).toContain('HDMI');
  });

  test('the first cell is the title even when it looks like a path', () => {
    expect(readAsCompared('Acme Kit > Refill Pack | Acme | In stock')).toContain('REFILL');
  });
});

describe('item-master colour and form codes read as the words catalogues spell out (fixture table)', () => {
  test.each([
    { short: 'SPLINT ACME 18IN RLD ORG', long: 'Acme splint 18 in rolled orange' },
    { short: 'PEN GEL ACME 0.7MM MTL BLK 12/BX', long: 'Acme gel pen 0.7 mm metal black 12/BX' },
    { short: 'BLADE LARYNGO ACME MAC 3 DISP', long: 'Acme laryngoscope blade MAC 3 disposable' },
    { short: 'TOURNIQUET ACME YEL', long: 'Acme tourniquet yellow' },
  ])('$short', ({ short, long }) => {
    const a = new Set((readAsCompared(short) ?? '').split(' '));
    const b = new Set((readAsCompared(long) ?? '').split(' '));
    expect([...a].filter((word) => !b.has(word))).toEqual([]);
  });
});

describe('a component or variant read only when a side states it (fixture table)', () => {
  test.each([
    { line: 'STOPCOCK 3WAY ACME W/25CM EXT 50/BX', value: ['with extension line'] },
    { line: 'Acme 3-way stopcock with 50 cm extension line', value: ['with extension line'] },
    { line: 'Acme 3-Way Stopcock + 10cm Extension Tubing (Box of 100)', value: ['with extension line'] },
    { line: 'Acme three-way tap, plain, no extension', value: ['without extension line'] },
    { line: 'Acme 3-way stopcock (box of 100)', value: undefined },
    { line: 'Acme extension lead 4 way with 2 m cable', value: undefined },
  ])('$line', ({ line, value }) => {
    expect(attributesOf(line).extensionLine).toEqual(value);
  });

  test.each([
    { line: 'Acme microscope slides, positively charged, 25 x 75 mm, 72/box', value: ['charged'] },
    { line: 'Acme adhesion slides for IHC, ground edges, 25x75 mm', value: ['charged'] },
    { line: 'Acme microscope slides, plain glass, frosted end, 25 x 75 mm', value: ['plain'] },
    { line: 'Acme microscope slides, frosted end, 25 x 75 mm', value: undefined },
    { line: 'Acme patient transfer slide sheet, adhesive strip', value: undefined },
  ])('$line', ({ line, value }) => {
    expect(attributesOf(line).slideCoating).toEqual(value);
  });

  test("a pen's needle tip is its tip size, not a needle's gauge", () => {
    const pen = attributesOf('PEN GEL ACME RT 0.5MM NEEDLE BLK 12/BX');
    expect(pen.gauge).toBeUndefined();
    expect(pen.length).toEqual(expect.any(Array));
    expect(attributesOf('Acme hypodermic needle 0.5 mm x 16 mm').gauge).toEqual(['25']);
  });
});

describe('through the public API: inventory rows, shop titles and a stopcock with vs without its line', () => {
  const { verify } = matchingTestServer('item');

  test('a stopcock with its extension line and the plain stopcock stated as such are two products', async () => {
    const pair = await verify(
      { sourceId: 'A1', description: 'Acme Safeflow 3-way stopcock with 25 cm extension line, box of 50' },
      { sourceId: 'B1', description: 'Acme Safeflow 3-way stopcock, no extension, box of 50' },
    );
    expect(pair.band).toBe('no-match');
    expect(pair.hardRule?.name).toBe('attributeConflict');
  });

  test('a stopcock that says nothing of a line is not in conflict with either', async () => {
    const pair = await verify(
      { sourceId: 'A2', description: 'Acme Safeflow 3-way stopcock with 25 cm extension line, box of 50' },
      { sourceId: 'B2', description: 'Acme Safeflow 3-way stopcock, box of 50' },
    );
    expect(pair.hardRule?.name).not.toBe('attributeConflict');
  });
});

describe('through the public ingest API: an inventory row meets its shop title', () => {
  const lines = canonicalItemLines(['fishbowl', 'shop', 'other-shop'], 'ITEMSHORTHAND26');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a Fishbowl-style row is proposed for its shop title and kept apart from its other size', async () => {
    await lines.expectDuplicateProposedSiblingApart({
      line: 'Part Number: 300218 | Part Description: SPLINT ACME FOAM 18IN RLD ORG | UOM: ea | Part Type: Inventory | Default Vendor: Acme Supply Co | Vendor Part Number: AS-18R',
      same: 'Acme Foam Splint 18" Rolled, Orange - Each | Computers > Health > First Aid | Ships from Hamilton',
      other: 'Acme Foam Splint 9" Flat, Orange - Each | Computers > Health > First Aid | Ships from Hamilton',
    });
  });
});
