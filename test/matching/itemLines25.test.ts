/**
 * Digits of every script, units written differently and trade-document lines (items25lines, item-3.50.0): a decimal
 * digit of any script (Unicode Nd) is read as its ASCII digit and the metric units of the languages of India written
 * as dotted syllables (`मि.ली.`, `સે.મી.`) as the Latin units (scriptItemText.ts); a numbered field of another script's
 * document (serial, quantity) leaves the line; a catheter size written `CH 14`, a switch's port count, a gel's net
 * weight in ounces and grams and a marker's tip letter are attributes (item.json); a customs invoice's, backorder
 * notice's, price-change notice's and ERP stock item's labels leave the line, with or without their colon
 * (tradeDocumentLabels, labelledRows.ts). Rows are written for this test from the published conventions, not copied
 * from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decimalDigitValue, withLatinNumerals } from '../../server/matching/scriptItemText';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();

describe('the decimal digits of every script are digits (fixture table)', () => {
  test.each([
    { script: 'Gujarati', digits: '૦૧૨૩૪૫૬૭૮૯' },
    { script: 'Gurmukhi', digits: '੦੧੨੩੪੫੬੭੮੯' },
    { script: 'Odia', digits: '୦୧୨୩୪୫୬୭୮୯' },
    { script: 'Telugu', digits: '౦౧౨౩౪౫౬౭౮౯' },
    { script: 'Kannada', digits: '೦೧೨೩೪೫೬೭೮೯' },
    { script: 'Malayalam', digits: '൦൧൨൩൪൫൬൭൮൯' },
    { script: 'Sinhala Lith', digits: '෦෧෨෩෪෫෬෭෮෯' },
    { script: 'Thai', digits: '๐๑๒๓๔๕๖๗๘๙' },
    { script: 'Lao', digits: '໐໑໒໓໔໕໖໗໘໙' },
    { script: 'Tibetan', digits: '༠༡༢༣༤༥༦༧༨༩' },
    { script: 'Myanmar', digits: '၀၁၂၃၄၅၆၇၈၉' },
    { script: 'Khmer', digits: '០១២៣៤៥៦៧៨៩' },
    { script: 'Extended Arabic-Indic', digits: '۰۱۲۳۴۵۶۷۸۹' },
    { script: 'Mathematical bold (outside the BMP)', digits: '𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗' },
  ])('$script', ({ digits }) => {
    expect([...digits].map(decimalDigitValue).join('')).toBe('0123456789');
  });

  test('sizes in those digits reach the same attributes as ASCII sizes', () => {
    expect(attributesOf('Acme syringe ੫ ml luer lock')).toMatchObject({ volume: ['5 ml'] });
    expect(attributesOf('Acme IV cannula ౨౨G ౨౫ mm')).toMatchObject({ gauge: ['22'] });
    expect(attributesOf('Acme Foley catheter CH ๑๖ 2-way')).toMatchObject({ french: ['16'] });
    expect(attributesOf('Acme foam dressing ၁၀ x ၁၀ cm')).toMatchObject({ dimensions: expect.any(Array) });
  });

  test('an ASCII line is left as written', () => {
    const line = 'ACME GLOVE NITRILE M 100/BX';
    expect(withLatinNumerals(line)).toBe(line);
  });
});

describe('the metric units of Indian languages written as dotted syllables (fixture table)', () => {
  test.each([
    { line: 'Acme सिरिंज ५ मि.ली.', read: '5 ML' },
    { line: 'Acme સિરીંજ ૧૦ મિ.લી.', read: '10 ML' },
    { line: 'Acme ਪੱਟੀ ੧੦ ਸੈ.ਮੀ.', read: '10 CM' },
    { line: 'Acme సూది ౨౫ మి.మీ.', read: '25 MM' },
    { line: 'Acme ಜೆಲ್ ೫೦ ಗ್ರಾಂ', read: '50 GRAM' },
    { line: 'Acme ಸಿರಿಂಜ್ ೨ ಮಿ.ಲೀ.', read: '2 ML' },
  ])('$line', ({ line, read }) => {
    expect(withLatinNumerals(line)).toContain(read);
  });

  test('a single syllable after a number is not read as a unit', () => {
    expect(withLatinNumerals('Acme ५ मी.')).not.toMatch(/\bM\b/);
  });
});

describe("another script's document fields leave the line; its sizes stay", () => {
  test('a serial number and an order quantity in Gujarati digits are no product numbers', () => {
    const read = readAsCompared('ખરીદી પત્રક | ક્રમ ૧૭ | વસ્તુ: Acme foam dressing ૧૫ x ૧૫ સે.મી. | જથ્થો: ૩') ?? '';
    expect(read).toContain('15');
    expect(read).not.toMatch(/\b17\b/);
    expect(read).not.toMatch(/\b3\b/);
  });
});

describe('units and sibling axes written differently', () => {
  test('a Charrière size written before its number, and Fr and CH as one scale', () => {
    expect(attributesOf('Acme intermittent catheter male CH 12, 40 cm')).toMatchObject({ french: ['12'] });
    expect(attributesOf('ACME CATH INTERMIT MALE CH14 40CM 30/BX')).toMatchObject({ french: ['14'] });
    expect(attributesOf('Acme intermittent catheter male 14 Fr 16"')).toMatchObject({ french: ['14'] });
    // Channels of a recorder are no catheter sizes.
    expect(attributesOf('Acme video recorder 4 CH 1080p')).not.toHaveProperty('french');
  });

  test("a switch's or hub's port count, however it is written", () => {
    for (const line of [
      'Acme 8-Port Gigabit Desktop Switch',
      'ACME SWITCH UNMANAGED 8PT GIGABIT',
      'Ethernet switch, 8 x 10/100/1000 Mbps RJ45',
    ]) {
      expect(attributesOf(line), line).toMatchObject({ portCount: ['8'] });
    }
    expect(attributesOf('Acme USB hub 4 ports USB-A')).toMatchObject({ portCount: ['4'] });
  });

  test("a gel's or cream's net weight in ounces and grams (rounded labels agree within 5 %)", () => {
    expect(attributesOf('Acme barrier cream 2 oz tube')).toMatchObject({ netWeight: ['56.7 g'] });
    expect(attributesOf('Acme barrier cream 57 g')).toMatchObject({ netWeight: ['57 g'] });
    expect(attributesOf('Acme lubricating jelly 4 fl oz')).not.toHaveProperty('netWeight');
  });

  test("a marker's tip letter after its model number is its tip width", () => {
    expect(attributesOf('Acme permanent marker 200 F black, box of 10')).toMatchObject({ tipWidth: ['fine'] });
    expect(attributesOf('ACME MARKER PERM 200 M BLK 10/BX')).toMatchObject({ tipWidth: ['medium'] });
  });
});

describe("a trade document's labels leave the line, with or without their colon (fixture table)", () => {
  test.each([
    {
      line: 'EXPORT INVOICE EX-5531 | Line 2 | HS code 4015.19 | Goods: Nitrile examination gloves Acme, size M, 100 per box | Country of origin: MY | Incoterms: FOB',
      gone: ['4015', 'ORIGIN', 'FOB', 'INCOTERM'],
      kept: ['NITRILE', 'GLOVE'],
    },
    {
      line: 'BACKORDER NOTICE | Item 55012 | ACME GLOVE NITRILE M 100/BX | Ordered 6 | Backordered 6 | ETA 03/15/2027 | Substitute: none',
      gone: ['BACKORDERED', 'ETA', '2027', 'SUBSTITUTE'],
      kept: ['NITRILE', 'GLOVE'],
    },
    {
      line: 'Price change notice | Supplier item 88123 | ACME GLOVE NITRILE M BX/100 | Old price 7.10 | New price 7.45',
      gone: ['88123', 'OLD', 'PRICE 7', '7 45'],
      kept: ['NITRILE', 'GLOVE'],
    },
    {
      line: 'Inventory ID: GLV-2201 | Description: GLOVE EXAM NITRILE MED | Item Class: GLOVES | Base Unit: BX | Item Status: Active | Vendor Inventory ID: NG-200-M',
      gone: ['GLV2201', 'CLASS', 'ACTIVE', 'STATUS'],
      kept: ['NITRILE', 'NG200'],
    },
  ])('$line', ({ line, gone, kept }) => {
    const read = readAsCompared(line) ?? '';
    for (const word of gone) expect(read, word).not.toContain(word);
    for (const word of kept) expect(read, word).toContain(word);
  });

  test('a product cell that opens with a label word and no value is left as written', () => {
    const read = readAsCompared('Acme origin dressing kit | Ref AB-12 | Pack: 10') ?? '';
    expect(read).toContain('ORIGIN');
  });
});

describe('through the public ingest API: other digits, units and trade documents', () => {
  const lines = canonicalItemLines(['rate-contract', 'customs-invoice', 'web-shop'], 'ITEMLINES25');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a line in Gujarati digits is proposed for its duplicate and kept apart from its other size', async () => {
    await lines.expectDuplicateProposedSiblingApart({
      line: 'દર કરાર | ક્રમ ૪ | વસ્તુ: Acme Hydro foam dressing ૧૦ x ૧૦ સે.મી., જંતુરહિત | જથ્થો: ૨',
      same: 'COMMERCIAL INVOICE CI-9001 | Line 3 | HS code 3005.10 | Acme Hydro foam dressing 10 x 10 cm sterile | Country of origin: GB | Incoterms: DAP',
      other: 'Acme Hydro Foam Dressing 15cm x 15cm sterile',
    });
  });
});
