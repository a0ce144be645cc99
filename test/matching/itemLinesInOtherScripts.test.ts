/**
 * Item lines in other scripts (itemscripts15, item-3.23.0): Eastern Arabic digits and the Arabic decimal separator,
 * units and pack words of Cyrillic, Arabic and Chinese lines, CPV / ДК 021 procurement codes, and the words of other
 * scripts the catalogue and medicine tables know. Fixture tables read texts as the item rule reads them (normaliser,
 * alias tables and text rewrites taken from the shipped rule file); the pairs go through POST /ingest with lines
 * written for this test: a duplicate in another script is put before a steward, never merged on text alone, and the
 * sibling of another size or strength is neither merged nor proposed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consonantSkeleton, cyrillicSpelling, withLatinNumerals, withoutProcurementCodes } from '../../server/matching/scriptItemText';
import { canonicalItemLines } from '../support/factories/itemLines';
import { comparatorOf, shippedItemReadings, verifyPair } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

describe('numerals, units and packs of other scripts (text rewrite scriptNumerals)', () => {
  test.each([
    // Eastern Arabic and Persian digits, the Arabic decimal and thousands separators
    ['٠٫٥ مل', '0.5 ML'],
    ['۲۵ میلی', '25 میلی'],
    ['فيتامين أ ١٠٠٬٠٠٠ وحدة دولية', 'فيتامين أ 100,000 IU'],
    ['علبة ١٠٠ سرنجة', ' BOX OF 100 سرنجة'],
    ['نورفاسك ٥ مجم أقراص - ٣٠ قرص', 'نورفاسك 5 MG أقراص - 30 TABLETS'],
    ['٢٣G × ١ بوصة', '23G X 1 IN'],
    // Cyrillic units after a number only, the pack count of a medicine line, the multiplication х
    ['Шприц 0,5 мл, уп. 100 шт.', 'Шприц 0,5 ML,  PACK OF 100 PCS'],
    ['розчин 40 мг/мл', 'розчин 40 MG/ ML'],
    ['таблетки по 25 мкг №100 (25х4)', 'таблетки по 25 MCG  PACK OF 100'],
    // A gram word is GRAM, never a bare G (a gauge in Latin lines; items23lines).
    ['порошок 20,5 г у саше на 1 л', 'порошок 20,5 GRAM у саше на 1 L'],
    ['концентратор 5 л/хв, 230 В', 'концентратор 5 L/MIN, 230 V'],
    ['Лот №3, голки 21G', 'Лот №3, голки 21G'],
    ['скло 25,4 × 76,2 мм', 'скло 25,4 X 76,2 MM'],
    // Chinese units and packs, full-width forms
    ['31G×5mm 100支/盒', '31GX5mm 100 PCS/BOX'],
    ['制氧机 5升', '制氧机 5 L'],
    ['面罩 S码', '面罩  SIZE S '],
    ['注射器 ５毫升', '注射器 5 ML'],
    // Lines without these characters are returned as they are
    ['SYRINGE 5ML 21G X 1.5IN 100/BX', 'SYRINGE 5ML 21G X 1.5IN 100/BX'],
    ['Γάντια εξέτασης 100 τεμ.', 'Γάντια εξέτασης 100 τεμ.'],
  ])('%s → %s', (raw, expected) => {
    expect(withLatinNumerals(raw)).toBe(expected);
  });
});

describe('procurement classification codes are not part numbers (text rewrite procurementCodes)', () => {
  test.each([
    ['Шприци (ДК 021:2015: 33141310-6 — Шприци)', 'Шприци (  — Шприци)'],
    ['Seringă 5 ml, CPV 33141310-6', 'Seringă 5 ml,  '],
    ['Концентратор кисню (НК 024:2023 — 35131 Концентратор)', 'Концентратор кисню (  Концентратор)'],
    ['BD 305501 SYRINGE 0.5ML', 'BD 305501 SYRINGE 0.5ML'],
  ])('%s → %s', (raw, expected) => {
    expect(withoutProcurementCodes(raw)).toBe(expected);
  });
});

describe('Latin medicine names as Cyrillic and Arabic write them', () => {
  test.each([
    ['AMLODIPINE', 'AMLODIPIN', 'MLDBN'],
    ['MLWDYBYN', 'MLFDIBIN', 'MLDBN'],
    ['NORVASC', 'NORFASK', 'NRFSK'],
    ['NWRFSK', 'NFRFSK', 'NRFSK'],
    ['GENTAMICIN', 'GENTAMISIN', 'GNTMSN'],
    ['GENTAMITSIN', 'GENTAMISIN', 'GNTMSN'],
    ['LEVOTHYROXINE', 'LEFOTIROKSIN', 'LFTRKSN'],
    ['EUTHYROX', 'EUTIROKS', 'TRKS'],
  ])('%s: Cyrillic spelling %s, Arabic skeleton %s', (key, spelling, skeleton) => {
    expect(cyrillicSpelling(key)).toBe(spelling);
    expect(consonantSkeleton(key)).toBe(skeleton);
  });
});

describe('a description in another script as the item description comparator reads it', () => {
  test.each([
    // Arabic: catalogue words of catalogueTranslations, the article and prepositions read off, units and packs
    ['سرنجة ذاتية التعطيل ٠٫٥ مل بسن ٢٣G', 'SYRINGE AUTO DISABLE 0 5 ML 23 G'],
    ['قفازات فحص نتريل معقمة مقاس صغير - علبة ١٠٠', 'GLOVE STERILE SMALL BX 100'],
    // Arabic medicine names: the INN of drugNames, a brand read back by its consonants (Panadol, Ventolin)
    ['باراسيتامول ٥٠٠ مجم أقراص', 'PARACETAMOL 500 MG'],
    ['بانادول ٥٠٠ مجم', 'PARACETAMOL PANADOL 500 MG'],
    ['فنتولين ١٠٠ ميكروجرام', 'SALBUTAMOL VENTOLIN 100 MCG'],
    // Ukrainian / Russian: words, medicine names in their Cyrillic spelling, pack count, procurement code out
    [
      'Шприц одноразовий стерильний 5 мл з голкою, уп. 100 шт. (ДК 021:2015: 33141310-6)',
      'SYRINGE DISPOSABLE STERILE 5 ML NEEDLE PK 100 PCS',
    ],
    ['Амоксицилін, капсули по 500 мг №20 (10х2)', 'AMOXICILLIN CAPSULE 500 MG PK 20'],
    ['Гентамицин, раствор для инъекций 40 мг/мл', 'GENTAMICIN SOLUTION INJECTION 40 MG ML'],
    // Chinese: words by longest match, units and packs
    ['一次性使用无菌注射器 5毫升 100支/盒', 'DISPOSABLE STERILE SYRINGE 5 ML 100 PCS BX'],
    ['听诊器 黑色', 'STETHOSCOPE BLACK'],
    // Turkish, Romanian, Portuguese catalogue words and INN spellings (Latin script: accents fold first)
    ['PARASETAMOL 500 MG 20 TABLET', 'PARACETAMOL 500 MG 20 TABLET'],
    ['İNSÜLİN KALEM İĞNESİ 32G X 4 MM', 'INSULIN PEN NEEDLE 32 G X 4 MM'],
    ['Seringă de unică folosință 10 ml, cutie 100 buc.', 'SYRINGE DISPOSABLE 10 ML BX 100 BUC'],
    ['Anlodipina 10 mg comprimidos, emb 30', 'AMLODIPINE 10 MG TABLET PK 30'],
    ['Paracetamol 500 micrograme', 'PARACETAMOL 500 MCG'],
    // Words of another script no table knows are dropped as before (and so are short romanised words)
    ['ΦΛΕΒΟΚΑΘΕΤΗΡΑΣ 20G 1,1x33mm', '20 G 1 1X33 MM'],
    ['Презервативи 53 мм', 'CONDOM 53 MM'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('attributes read from lines in other scripts', () => {
  test.each([
    ['سرنجة ٠٫٥ مل بسن ٢٣G × ١ بوصة - علبة ١٠٠ سرنجة', { volume: ['0.5 ml'], gauge: ['23'], length: ['25.4 mm'], countPerPack: ['100'] }],
    ['فيتامين أ ٢٠٠٬٠٠٠ وحدة دولية - عبوة ٥٠٠ كبسولة', { countPerPack: ['500'] }],
    ['Норваск, таблетки по 10 мг №30 (10х3) (ДК 021:2015: 33600000-6)', { strength: ['10 mg'], countPerPack: ['30'] }],
    ['Euthyrox 50 micrograme comprimate', { strength: ['0.05 mg'] }],
  ])('%s', (raw, expected) => {
    expect(attributesOf(raw)).toMatchObject(expected);
  });

  test('a ДК 021:2015 code is neither a year nor a size', () => {
    const read = attributesOf('Шприц 5 мл (ДК 021:2015: 33141310-6 — Шприци)');
    expect(read.year).toBeUndefined();
    expect(read.volume).toEqual(['5 ml']);
  });
});

describe('item lines in other scripts through POST /ingest', () => {
  const SOURCES = ['national-tender', 'catalogue', 'pharmacy'] as const;
  const lines = canonicalItemLines(SOURCES, 'SCRIPT');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const TABLE: Array<{ title: string; a: string; same: string; other: string }> = [
    {
      title: 'an Arabic syringe line with Eastern Arabic numerals vs the English line; 10 mL is another syringe',
      a: 'سرنجة ٥ مل بسن ٢١G × ١٫٥ بوصة معقمة - علبة ١٠٠ سرنجة',
      same: 'SYRINGE 5ML WITH NEEDLE 21G X 1.5IN STERILE 100/BX',
      other: 'SYRINGE 10ML WITH NEEDLE 21G X 1.5IN STERILE 100/BX',
    },
    {
      title: 'a Ukrainian pharmacy line (№20, Cyrillic INN) vs the English line; 250 mg is another capsule',
      a: 'Амоксицилін, капсули по 500 мг №20 (10х2)',
      same: 'AMOXICILLIN 500 MG CAPSULES, PACK OF 20',
      other: 'AMOXICILLIN 250 MG CAPSULES, PACK OF 20',
    },
    {
      title: 'a Chinese syringe title vs the English line; 10 mL is another syringe',
      a: '一次性使用无菌注射器 5毫升 100支/盒',
      same: 'SYRINGE 5 ML STERILE DISPOSABLE 100/BX',
      other: 'SYRINGE 10 ML STERILE DISPOSABLE 100/BX',
    },
    {
      title: 'an Arabic brand line (بانادول) vs the English brand line; 1 g is another tablet',
      a: 'بانادول ٥٠٠ مجم أقراص - علبة ٢٤ قرص',
      same: 'PANADOL 500MG TABLETS 24/BX',
      other: 'PANADOL 1G TABLETS 24/BX',
    },
  ];

  test.each(TABLE)('$title', async ({ a, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line: a, same, other });
  });

  test('two products of one CPV / ДК 021 category do not agree on a code', async () => {
    const explanation = await verifyPair({
      server: lines.server(),
      domain: 'item',
      a: { description: 'Шприц 5 мл з голкою (ДК 021:2015: 33141310-6 — Шприци)' },
      b: { description: 'Голка ін’єкційна 21G (ДК 021:2015: 33141310-6 — Шприци)' },
    });
    expect(comparatorOf(explanation, 'catalogInText')?.outcome).not.toBe('match');
    expect(explanation.band).toBe('no-match');
  });
});
