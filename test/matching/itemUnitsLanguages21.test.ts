/**
 * One size written in other units, and item lines in Welsh, Basque, Maltese, Russian and their neighbours
 * (items21units, item-3.43.0). Fixture tables read texts as the item rule reads them (text rewrites, extractors and
 * alias tables of the shipped rule file); the pairs go through POST /ingest with lines written for this test from the
 * conventions (not corpus lines): a duplicate written in other units or another language is put before a steward,
 * never merged on text alone, and the sibling of another size is neither merged nor proposed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withLatinNumerals } from '../../server/matching/scriptItemText';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

describe('pack, size and attribute words of Welsh, Basque, Maltese, East Slavic and Celtic / Galician lines', () => {
  test.each([
    // Welsh: a box of N, size, single use, sterile, without, ink colour
    ['Menig archwilio nitril, maint 8, blwch o 100', 'Menig archwilio nitril, SIZE 8, BOX OF 100 '],
    ['Chwistrell untro 10 ml, di-haint', 'Chwistrell SINGLE USE 10 ml, STERILE '],
    ['Beiro, inc glas, pecyn o 10', 'Beiro, INK BLUE , PACK OF 10 '],
    // Basque: decimal comma, the case suffix after a unit, N units' box, single use, latex free, with a needle
    ['Xiringa 2,5 ml-ko, erabilera bakarrekoa, 100 unitateko kutxa', 'Xiringa 2.5 ml , SINGLE USE , BOX OF 100 '],
    ['Zunda latexik gabe, 10 unitateko paketea', 'Zunda LATEX FREE , PACK OF 10 '],
    ['Intsulina-xiringa orratzarekin, 1 ml', 'Intsulina-xiringa WITH NEEDLE , 1 ml'],
    // Maltese: a box / pack of N, single use, sterile, without latex, size
    ["Siringa sterili, għall-użu ta' darba, kaxxa ta' 100", 'Siringa STERILE , SINGLE USE , BOX OF 100 '],
    ["Ingwanti tan-nitril, daqs M, mingħajr latex, pakkett ta' 200", 'Ingwanti tan-nitril, SIZE M, LATEX FREE , PACK OF 200 '],
    // Russian and Ukrainian: single use, sterile, latex free, with a needle, a box of N, one space before a unit
    ['Шприц одноразовый 5 мл, стерильный, коробка 100 шт.', 'Шприц SINGLE USE 5 ML, STERILE , BOX OF 100 PCS'],
    ['Перчатки нитриловые, размер M, без латекса', 'Перчатки нитриловые, SIZE M, LATEX FREE '],
    ['Шприц одноразовий 10 мл з голкою', 'Шприц SINGLE USE 10 ML WITH NEEDLE '],
    // Galician and Irish
    ['Xiringa dun só uso 5 ml, caixa de 100', 'Xiringa SINGLE USE 5 ml, BOX OF 100 '],
    ['Steallaire aonúsáide 5 ml, bosca 100', 'Steallaire SINGLE USE 5 ml, BOX OF 100 '],
    // Unchanged: an English line holds none of the marker words
    ['GLOVE EXAM NITRILE PF SM 100/BX', 'GLOVE EXAM NITRILE PF SM 100/BX'],
  ])('%s → %s', (raw, expected) => {
    expect(withLatinNumerals(raw)).toBe(expected);
  });
});

describe('sizes written in other units, as the attributes comparator reads them', () => {
  test.each([
    // A container sold in fluid ounces carries the rounded metric capacity of its mould too
    ['Wash bottle LDPE 8 oz', { volume: ['237 ml', '250 ml'] }],
    ['HDPE bottle narrow mouth 32 oz', { volume: ['946 ml', '1000 ml'], bottleMouth: ['narrow'] }],
    ['Бутыль широкогорлая 500 мл', { volume: ['500 ml'], bottleMouth: ['wide'] }],
    // Laminating pouches: per side and total
    ['Laminating pouches A3 250 micron (2 x 125)', { filmThickness: ['125 um', '250 um'] }],
    ['Laminating pouches A4 2 x 100 mic', { filmThickness: ['100 um'] }],
    ['Laminating pouches A4 200mic', { filmThickness: ['200 um', '100 um'] }],
    ['Laminating pouches letter size 5 mil', { filmThickness: ['127 um'] }],
    // A pen's line width is another axis than its tip
    ['Gel pen 0.5 mm tip, 0.25 mm line width, black ink', { lineWidth: ['0.25'] }],
    // Locks and forceps sold both ways
    ['Laptop cable lock, combination, 1.8 m cable', { lockType: ['combination'] }],
    ['Biopsy forceps 230 cm W/O NEEDLE single use', { needleOption: ['without needle'] }],
    ['Gefeiliau biopsi, heb nodwydd', {}],
  ])('%s', (raw, expected) => {
    expect(attributesOf(raw)).toMatchObject(expected);
  });

  test.each([
    // Ounces outside a container text, and ounce sizes with no trade rounding, are read as converted
    ['Hand lotion 16 oz', ['473 ml']],
    ['HDPE bottle 12 oz', ['355 ml']],
  ])('%s reads only the converted volume', (raw, volume) => {
    expect(attributesOf(raw).volume).toEqual(volume);
  });

  test('a per-side gauge written alone is read as written (250 micron is also a per-side gauge)', () => {
    expect(attributesOf('Laminating pouches A4 250 micron').filmThickness).toEqual(['250 um']);
  });

  test('a weight range in a Cyrillic line is a range, not a strength', () => {
    expect(attributesOf('Маска ларингеальная, размер 4, для пациентов 50–70 кг')).toMatchObject({
      patientWeight: ['50-70 kg'],
      size: ['4'],
    });
    expect(attributesOf('Маска ларингеальная, размер 4, для пациентов 50–70 кг').strength).toBeUndefined();
  });
});

describe('a description in these languages as the item description comparator reads it', () => {
  test.each([
    ['Chwistrell untro', 'SYRINGE DISPOSABLE'],
    ['Iragazki-papera, kualitatiboa', 'FILTER PAPER QUALITATIVE'],
    ['Karta tal-filtru kwalitattiva', 'FILTER PAPER QUALITATIVE'],
    ['Замок для ноутбука', 'LOCK LAPTOP'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('sizes in other units and lines in these languages through POST /ingest', () => {
  const SOURCES = ['state-tender', 'catalogue', 'distributor'] as const;
  const lines = canonicalItemLines(SOURCES, 'UNITS21');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const TABLE: Array<{ title: string; a: string; same: string; other: string }> = [
    {
      title: 'a bottle in US fluid ounces vs its metric title; the 1 L bottle is another article',
      a: 'Lab bottle HDPE wide mouth 16 oz with PP screw cap, pack of 12',
      same: 'BOTTLE HDPE WIDE MOUTH 500ML PP SCREW CAP PK12',
      other: 'BOTTLE HDPE WIDE MOUTH 1000ML PP SCREW CAP PK12',
    },
    {
      title: 'a laminating pouch sold by its total thickness vs per side; 125 micron a side is another pouch',
      a: 'Laminating pouches A4 gloss 160 micron (2 x 80), pack of 100',
      same: 'LAMINATING POUCH A4 GLOSS 80 MICRON PK100',
      other: 'LAMINATING POUCH A4 GLOSS 125 MICRON PK100',
    },
    {
      title: 'a Russian syringe line (одноразовый, мл, коробка 100 шт.) vs the English line; 20 mL is another syringe',
      a: 'Шприц трехкомпонентный одноразовый 10 мл, стерильный, коробка 100 шт.',
      same: 'SYRINGE 3-PART 10ML STERILE SINGLE USE 100/BX',
      other: 'SYRINGE 3-PART 20ML STERILE SINGLE USE 100/BX',
    },
  ];

  test.each(TABLE)('$title', async ({ a, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line: a, same, other });
  });
});
