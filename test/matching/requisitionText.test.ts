/**
 * Item round 15 (item-3.19.0): requisition lines as people dictate and scan them. Fixture tables for the text rewrites
 * (spoken numbers in digits, scanned GS1 / HIBC element strings and order quantities out, the GTIN / HIBC read from the
 * element string), then pairs scored with the shipped item rules: a dictated size that differs is a conflict, one that
 * agrees is an agreement, and a scanned line meets the catalogue record of its GTIN.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { gtinsInBarcodeText, hibcInBarcodeText, withoutBarcodeData, withoutOrderQuantity } from '../../server/matching/barcodeText';
import { withSpokenNumbersWritten } from '../../server/matching/spokenNumbers';
import { hibccCheckCharacter } from '../../server/identifiers/hibcc';
import { comparatorLevel, describedItem, itemPairExpectations } from '../support/factories/matching';

const rules = await loadRules('item');
const { expectConflict } = itemPairExpectations(rules);

describe('spoken numbers are written in digits', () => {
  test.each([
    ['eighteen gauge iv catheter', '18 gauge iv catheter'],
    ['twenty one gauge needle one and a half inch', '21 gauge needle 1.5 inch'],
    ['vicryl three oh on an sh needle', 'vicryl 3-0 on an sh needle'],
    ['four by four gauze sponges', '4 X 4 gauze sponges'],
    ['sterilisation pouches ninety by two thirty', 'sterilisation pouches 90 X 230'],
    ['one hundred count', '100 count'],
    ['box of a hundred', 'box of 100'],
    ['two point five milligram', '2.5 MG'],
    ['zero point nine percent saline', '0.9 % saline'],
    ['two hundred and fifty milliliter bag', '250 ML bag'],
    ['metformin eight fifty', 'metformin 850'],
    ['readers plus one fifty', 'readers +1.50'],
    ['contact lenses minus two twenty five', 'contact lenses -2.25'],
    ['ten mil syringe', '10 ML syringe'],
    ['fourteen French foley', '14 French foley'],
    ['twenty-four count', '24 count'],
    ['one thousand five hundred units', '1500 units'],
    ['stage one formula', 'stage 1 formula'],
    ['one gram vial', '1 gram vial'],
  ])('%s → %s', (spoken, written) => {
    expect(withSpokenNumbersWritten(spoken)).toBe(written);
  });

  test.each([
    // A lone `one` is a pronoun or a name, a written glove thickness in mil stays, text without number words is untouched.
    'the one with caffeine',
    'ONE TOUCH ULTRA TEST STRIPS',
    'GLOVE NITRILE 8 MIL XL',
    'SUTURE VICRYL 3-0 SH 27IN',
  ])('%s is left as written', (text) => {
    expect(withSpokenNumbersWritten(text)).toBe(text);
  });
});

const hibcPrimary = '+H123CAT45671';
const hibc = `${hibcPrimary}${hibccCheckCharacter(hibcPrimary)}`;
const groupSeparator = String.fromCharCode(29);

describe('scanned barcode data', () => {
  test.each([
    ['(01)00614141999996(17)270630(10)LOT42A NITRILE GLOVE M', ['00614141999996'], '  NITRILE GLOVE M'],
    ['(01) 00614141999996 (21) SER123 NITRILE GLOVE M', ['00614141999996'], '  NITRILE GLOVE M'],
    [']C1010061414199999617270630' + '10LOT42A NITRILE GLOVE M', ['00614141999996'], '  NITRILE GLOVE M'],
    [`010061414199999610LOT42A${groupSeparator}17270630 NITRILE GLOVE M`, ['00614141999996'], '  NITRILE GLOVE M'],
    ['(02)10614141999993(37)12 CASE OF GLOVES', ['10614141999993'], '  CASE OF GLOVES'],
  ])('%s: GTIN %j, text %j', (text, gtins, rest) => {
    expect(gtinsInBarcodeText(text)).toEqual(gtins);
    expect(withoutBarcodeData(text)).toBe(rest);
  });

  test('an HIBC string gives its primary data; the secondary data (lot, expiry) goes with it', () => {
    const text = `${hibc}/$$3270630LOT42 BONE SCREW`;
    expect(hibcInBarcodeText(text)).toEqual(['H123CAT45671']);
    expect(withoutBarcodeData(text)).toBe('  BONE SCREW');
  });

  test.each([
    // A wrong check digit, a 14-digit catalogue number without an AI, a bracketed number that is no element string.
    '0100614141999997 NITRILE GLOVE',
    'PART 00614141999996 NITRILE GLOVE',
    'SUTURE (10) PACK',
    '+H123CAT4567ZZ BONE SCREW',
  ])('%s holds no barcode', (text) => {
    expect(gtinsInBarcodeText(text)).toEqual([]);
    expect(hibcInBarcodeText(text)).toEqual([]);
    expect(withoutBarcodeData(text)).toBe(text);
  });

  test.each([
    ['VASOFIX 20G qty 2 BX', 'VASOFIX 20G  '],
    ['GLOVE NITRILE M QTY: 12', 'GLOVE NITRILE M  '],
    ['GAUZE 4X4 Quantity 3 cases', 'GAUZE 4X4  '],
    ['GAUZE 4X4 100/BX', 'GAUZE 4X4 100/BX'],
  ])('order quantity: %s → %j', (text, rest) => {
    expect(withoutOrderQuantity(text)).toBe(rest);
  });
});

describe('dictated and scanned lines scored with the shipped item rules', () => {
  test.each([
    ['vicryl three oh sh needle twenty seven inch undyed', 'SUTURE VICRYL 4-0 SH 27IN UNDYED'],
    ['insyte catheter twenty gauge one inch', 'CATHETER IV INSYTE 18G X 1IN'],
    ['foley catheter sixteen french five mil balloon', 'CATHETER FOLEY 18FR 5ML BALLOON'],
    ['lidocaine one percent five mil vial', 'LIDOCAINE 2% 5ML VIAL'],
  ])('dictated %s ≠ %s', (a, b) => expectConflict(a, b));

  test('a dictated gauge and length agree with the catalogue line', () => {
    const explanation = scorePair({
      a: describedItem('a', 'insyte catheter twenty gauge one inch'),
      b: describedItem('b', 'CATHETER IV INSYTE 20G X 1IN'),
      rules,
    });
    expect(comparatorLevel(explanation, 'attributes')).toMatch(/^agree/);
  });

  test('a scanned line meets the catalogue record of its GTIN; its lot and expiry are no code', () => {
    const scanned = describedItem('scan', '(01)00614141999996(17)270630(10)LOT42A NITRILE GLOVE M qty 4');
    const catalogue = { ...describedItem('erp', 'GLOVE EXAM NITRILE PF MEDIUM 100/BX'), gtin: '00614141999996' };
    const explanation = scorePair({ a: scanned, b: catalogue, rules });
    expect(comparatorLevel(explanation, 'gtin')).toBe('match');
    expect(explanation.band).toBe('auto-merge');
    expect(comparatorLevel(explanation, 'catalogInText')).not.toBe('conflict');
  });

  test('two scans of different GTINs are different trade items', () => {
    const explanation = scorePair({
      a: describedItem('a', '(01)00614141999996(10)LOT42A NITRILE GLOVE M'),
      b: describedItem('b', '(01)00614141999989(10)LOT42A NITRILE GLOVE M'),
      rules,
    });
    expect(comparatorLevel(explanation, 'gtin')).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});
