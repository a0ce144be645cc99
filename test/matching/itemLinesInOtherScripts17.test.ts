/**
 * Item lines in Tamil, Urdu, Malay and Lithuanian (itemscripts17, item-3.30.0): Tamil digits, the units, pack forms and
 * attribute words of those languages (itemLineLanguages.ts, part of the scriptNumerals rewrite) and their item words
 * in catalogueTranslations. Fixture tables read texts as the item rule reads them (normaliser, alias tables and text
 * rewrites taken from the shipped rule file); the pairs go through POST /ingest with lines written for this test (not
 * corpus lines): a duplicate in another language is put before a steward, never merged on text alone, and the
 * sibling of another size is neither merged nor proposed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withLatinNumerals, withScriptNumeralsAndCodes } from '../../server/matching/scriptItemText';
import { englishOrdinal } from '../../server/matching/itemLineLanguages';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

describe('units, packs and attribute words of Tamil, Urdu, Malay and Lithuanian lines (text rewrite scriptNumerals)', () => {
  test.each([
    // Tamil: Tamil digits, units after a number, a box holding N (the noun stays), a bag of N, size words
    ['ஊசி ௨௩G × ௨௫ மி.மீ', 'ஊசி 23G X 25 MM'],
    ['சிரிஞ்ச் 5 மி.லி, 100 சிரிஞ்ச்கள் கொண்ட பெட்டி', 'சிரிஞ்ச் 5 ML, சிரிஞ்ச்கள் BOX OF 100 '],
    ['துணி 500 எண்ணிக்கை பை', 'துணி BAG OF 500 '],
    ['கையுறை அளவு நடுத்தரம்', 'கையுறை SIZE MEDIUM '],
    ['முனைகள் வடிகட்டி இல்லாமல்', 'முனைகள் WITHOUT FILTER '],
    ['மெமரி கார்டு 32ஜிபி', 'மெமரி கார்டு 32GB '],
    // Urdu: units, a box / pack of N, size words, with / without filter, for children
    ['سرنج 5 ملی لیٹر، 100 عدد کا ڈبہ', 'سرنج 5 ML, عدد BOX OF 100 '],
    ['سوئی 0.7 ملی میٹر، 10 کا پیک', 'سوئی 0.7 MM, PACK OF 10 '],
    ['دستانے سائز بڑا', 'دستانے SIZE LARGE '],
    ['ٹپس فلٹر کے ساتھ، بچوں کے لیے', 'ٹپس WITH FILTER , PAEDIATRIC '],
    // Malay: sizes, sm = cm (not size small), packs, editions
    ['Sarung tangan saiz Kecil', 'Sarung tangan SIZE SMALL '],
    ['Kasa 10 x 10 sm, kotak 100 keping', 'Kasa 10 x 10 CM , BOX OF 100 '],
    ['Jarum 23G, 100 batang sekotak', 'Jarum 23G, 100 PER BOX '],
    ['Buku edisi ke-3', 'Buku 3RD EDITION '],
    // Lithuanian: decimal commas, thousands, vnt., packs, with / without filter, the year marker, pages
    ['Švirkštas 2,5 ml, pakuotėje 100 vnt.', 'Švirkštas 2.5 ml, PACK OF 100 '],
    ['Antgaliai su filtru, 10 stovelių po 96 vnt.', 'Antgaliai WITH FILTER , 10 RACKS OF 96 '],
    ['Kasetė, 12 000 psl.', 'Kasetė, 12,000 PAGES '],
    ['Vadovėlis, 3-asis leidimas, 2021 m.', 'Vadovėlis, 3RD EDITION , 2021 '],
    // Unchanged: English lines, and a Malay-looking word without its number
    ['GLOVE EXAM NITRILE PF SM 100/BX', 'GLOVE EXAM NITRILE PF SM 100/BX'],
    ['SPONGE 4X4IN STERILE 10/PK', 'SPONGE 4X4IN STERILE 10/PK'],
  ])('%s → %s', (raw, expected) => {
    expect(withLatinNumerals(raw)).toBe(expected);
  });

  test('an English line with none of the marker words is returned as it is (the gate)', () => {
    const line = 'CATHETER IV INSYTE 18G X 1.16IN 50/BX';
    expect(withScriptNumeralsAndCodes(line)).toBe(line);
  });
});

describe('English ordinals for editions', () => {
  test.each([
    ['1', '1ST'],
    ['2', '2ND'],
    ['3', '3RD'],
    ['11', '11TH'],
    ['12', '12TH'],
    ['21', '21ST'],
    ['22', '22ND'],
  ])('%s → %s', (value, expected) => {
    expect(englishOrdinal(value)).toBe(expected);
  });
});

describe('a description in these languages as the item description comparator reads it', () => {
  test.each([
    ['இன்சுலின் பேனா ஊசிகள்', 'INSULIN PEN NEEDLE'],
    ['காது ஸ்பெகுலம், கருப்பு', 'EAR SPECULUM BLACK'],
    ['خون کلچر بوتل', 'BLOOD CULTURE BT'],
    ['Penapis picagari, membran, steril', 'FILTER SYRINGE MEMBRANE STERILE'],
    ['Švirkštinis filtras, membrana', 'SYRINGE FILTER MEMBRANE'],
    ['Atminties kortelė su adapteriu', 'MEMORY CARD SU ADAPTER'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('attributes read from these lines', () => {
  test.each([
    ['பேனா ஊசி 32G × 4 மி.மீ, 100 ஊசிகள் கொண்ட பெட்டி', { gauge: ['32'], length: ['4 mm ±0.5'], countPerPack: ['100'] }],
    ['முகமூடி அளவு பெரியது', { size: ['L'] }],
    ['குப்பி குழந்தைகளுக்கான', { patientPopulation: ['paediatric'] }],
    ['سماعتی آلے کی بیٹری سائز 312، 60 عدد کا ڈبہ', { batterySize: ['312'], countPerPack: ['60'] }],
    ['گولی 10-20 کلوگرام (500 ملی گرام)', { patientWeight: ['10-20 kg'], strength: ['500 mg'] }],
    ['لینز +19.5 ڈائیوپٹر', { opticalPower: ['19.5'] }],
    ['Topeng muka penuh, saiz Besar', { size: ['L'] }],
    ['Kasa 10.2 x 20.3 sm, kotak 12 keping', { dimensions: ['203x102 mm ±0.5/0.5'], countPerPack: ['12'] }],
    ['Klausos aparato baterijos, dydis 675, 60 vnt.', { batterySize: ['675'] }],
    ['Intraokulinis lęšis, +19,5 D', { opticalPower: ['19.5'] }],
    ['Knyga, 5-asis leidimas, 2019 m., kietais viršeliais', { version: ['5 edition'], year: ['2019'], bookFormat: ['print'] }],
  ])('%s', (raw, expected) => {
    expect(attributesOf(raw)).toMatchObject(expected);
  });

  test.each([
    // `sm` after a number is centimetres in Malay, never size small; `m.` after a year is the year in Lithuanian, never size M
    ['Kasa 10 x 10 sm, kotak 100 keping'],
    ['Knyga, 2019 m., kietais viršeliais'],
  ])('%s reads no size', (raw) => {
    expect(attributesOf(raw).size).toBeUndefined();
  });
});

describe('item lines in these languages through POST /ingest', () => {
  const SOURCES = ['state-tender', 'catalogue', 'pharmacy'] as const;
  const lines = canonicalItemLines(SOURCES, 'SCRIPT17');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const TABLE: Array<{ title: string; a: string; same: string; other: string }> = [
    {
      title: 'a Tamil pen-needle line (Tamil digits, மி.மீ, a box holding 100) vs the English line; 8 mm is another needle',
      a: 'இன்சுலின் பேனா ஊசி ௩௧G × ௫ மி.மீ, ௧௦௦ ஊசிகள் கொண்ட பெட்டி',
      same: 'NEEDLE PEN INSULIN 31G X 5MM 100/BX',
      other: 'NEEDLE PEN INSULIN 31G X 8MM 100/BX',
    },
    {
      title: 'an Urdu syringe line (ملی لیٹر, a box of 100) vs the English line; 10 mL is another syringe',
      a: 'سرنج جراثیم سے پاک 5 ملی لیٹر، 100 عدد کا ڈبہ',
      same: 'SYRINGE STERILE 5ML 100/BX',
      other: 'SYRINGE STERILE 10ML 100/BX',
    },
    {
      title: 'a Malay mask line (saiz Kecil) vs the English line; size large is another mask',
      a: 'Topeng muka penuh CPAP, saiz Kecil',
      same: 'MASK CPAP FULL FACE SMALL',
      other: 'MASK CPAP FULL FACE LARGE',
    },
    {
      title: 'a Lithuanian lens line (decimal comma, vnt.) vs the English line; +20.0 D is another lens',
      a: 'Intraokulinis lęšis, hidrofobinis akrilas, +19,5 D, 1 vnt.',
      same: 'IOL HYDROPHOBIC ACRYLIC +19.5D 1PC',
      other: 'IOL HYDROPHOBIC ACRYLIC +20.0D 1PC',
    },
  ];

  test.each(TABLE)('$title', async ({ a, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line: a, same, other });
  });
});
