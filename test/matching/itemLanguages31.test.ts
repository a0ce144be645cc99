/**
 * Item requisitions in Japanese, Thai and Punjabi read by rules of a whole script or language family (items31langs,
 * item-3.56.0): dates of the Han-character languages (era years included) and dates with a month word of any script
 * (Buddhist-era years included) taken out, a document's number after a title of another script taken out, pack counts
 * written with a Han counter and 入 or with the Thai / Lao distributive ละ read as packs, the Thai and Lao unit
 * abbreviations read by the consonants of the unit's syllables, an Indic unit abbreviation read when a noun follows it,
 * and the general vocabulary (sides, sizes, sterility, colours) of Punjabi, Thai and Japanese. Each mechanism is also
 * shown on a language no corpus uses (Chinese and Korean dates, Lao packs and units, Hindi abbreviations), with products
 * other than any corpus's; the rows that must stay apart name the nearest sibling. Last, two attribute-precision rules of
 * English forms: a person's initial is no size, and a bare M after a number is a metre, not size M.
 */
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../server/matching/rules';
import { itemPairExpectations, shippedItemReadings, shippedRules } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();
const { expectConflict } = itemPairExpectations(compileRules(shippedRules('item')));

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a requisition’s own dates and numbers are out in any script', () => {
  test.each([
    // Japanese: an era date (Reiwa 8) and a slip number after a kanji title; full-width digits read by NFKC.
    [
      '物品請求書 No.7712 | 品名・規格: テルモ シリンジ SS-10ESZ １０mL | 請求数量: ４ | 請求日: 令和8年3月14日',
      ['SS10ESZ'],
      ['7712', '8', '3', '14'],
    ],
    // Chinese (no corpus's language): a Gregorian date with 年 月 日.
    ['申领单 | 品名: BD 注射器 309604 | 日期: 2027年3月14日', ['309604'], ['2027', '3', '14']],
    // Korean (no corpus's language): 년 월 일.
    ['청구서 | 품명: BD 309604 | 일자: 2027년 3월 14일', ['309604'], ['2027', '14']],
    // Thai: a Buddhist-era date with an abbreviated month (14 March 2570 BE = 2027).
    ['ใบเบิก เลขที่ ๒๑๔/๒๕๗๐ | รายการ: Omron HEM-7120 | วันที่ ๑๔ มี.ค. ๒๕๗๐', ['OMRON'], ['2570', '14', '214']],
    // Lao (no corpus's language): a Buddhist-era date with a spelled-out month.
    ['ໃບສະເໜີ | Omron HEM-7120 | ວັນທີ 14 ມີນາ 2570', ['OMRON'], ['2570', '14']],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    // A number and a count word before a year-sized number that is no calendar year stays (a 3000 mL bag of 2 pieces).
    ['ถุง ๒ ใบ ๓๐๐๐ มล.', '3000'],
    // A warranty in years (no month) is no date.
    ['血压计 3年保修 HEM-7120', '3'],
  ])('%s keeps %s', (line, number) => {
    expect(wordsOf(line)).toContain(number);
  });
});

describe('pack counts by counter word and by the distributive', () => {
  test.each([
    // Japanese: number + Han counter + 入(り); Chinese-style full-width digits.
    ['テルモ 注射針 ２７G １００本入', { countPerPack: ['100'], gauge: ['27'] }],
    ['ガーゼ ５０枚入り', { countPerPack: ['50'] }],
    // Thai and Lao: container noun + ละ / ລະ + count + classifier.
    ['เข็มฉีดยา 25G กล่องละ ๑๐๐ อัน', { countPerPack: ['100'], gauge: ['25'] }],
    ['ເຂັມ 25G ກັບລະ 100 ອັນ', { countPerPack: ['100'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test('another count per pack stays apart', () => {
    expectConflict('テルモ 注射針 ２７G １００本入', 'Terumo hypodermic needle 27G, box of 50');
    expectConflict('เข็มฉีดยา 25G กล่องละ ๑๐๐ อัน', 'Hypodermic needle 25G, box of 50');
  });
});

describe('unit abbreviations of whole script families', () => {
  test.each([
    // Thai and Lao abbreviate a borrowed unit by its syllables' first consonants: มก. milligram, กก. kilogram.
    ['ยาพาราเซตามอล ๕๐๐ มก.', { strength: ['500 mg'] }],
    ['ພາຣາເຊຕາມອນ 500 ມກ.', { strength: ['500 mg'] }],
    // Punjabi and Hindi (no corpus's product): the dotted syllables of millilitre read when a noun (bottle) follows.
    ['ਸੇਲਾਈਨ 500 ਮਿ.ਲੀ. ਬੋਤਲ', { volume: ['500 ml'] }],
    ['सेलाइन 500 मि.ली. बोतल', { volume: ['500 ml'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test('another strength or volume stays apart', () => {
    expectConflict('ยาพาราเซตามอล ๕๐๐ มก.', 'Paracetamol tablets 650 mg');
    expectConflict('ਸੇਲਾਈਨ 500 ਮਿ.ਲੀ. ਬੋਤਲ', 'Saline 0.9% 1000 mL bottle');
  });
});

describe('Punjabi, Thai and Japanese words a sibling is told apart by', () => {
  test.each([
    ['ਵਸਤੂ ਦਾ ਨਾਮ: Aircast ਗੋਡੇ ਦੀ ਬਰੇਸ, ਸੱਜਾ, ਵੱਡਾ', { laterality: ['right'], size: ['L'] }],
    ['ਵਸਤੂ ਦਾ ਨਾਮ: Aircast ਗਿੱਟੇ ਦੀ ਬਰੇਸ, ਖੱਬਾ ਪੈਰ, ਛੋਟਾ', { laterality: ['left'], size: ['S'] }],
    ['ਵਸਤੂ ਦਾ ਨਾਮ: ਜਾਲੀਦਾਰ ਪੱਟੀ 10 x 10 ਸੈ.ਮੀ. ਕੀਟਾਣੂ ਰਹਿਤ', { sterility: ['sterile'] }],
    ['รายการ: เฝือกข้อมือ Aircast ข้างซ้าย', { laterality: ['left'] }],
    ['รายการ: ผ้าก๊อซ ๑๐ x ๑๐ ซม. ปลอดเชื้อ', { sterility: ['sterile'] }],
    ['品名: 手関節サポーター 右手用 Lサイズ', { laterality: ['right'], size: ['L'] }],
    ['品名: ガーゼ 滅菌済 １０×１０cm', { sterility: ['sterile'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test.each([
    // A children's ward named on the indent is no patient population; ขวาง (across) is no right side.
    ['ਵਾਰਡ/ਵਿਭਾਗ: ਬੱਚਿਆਂ ਦਾ ਵਾਰਡ | ਵਸਤੂ ਦਾ ਨਾਮ: Omron HEM-7120', 'patientPopulation'],
    ['รายการ: แผ่นปิดแผลแนวขวาง ๑๐ ซม.', 'laterality'],
  ])('%s reads no %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test('side and size siblings stay apart across languages', () => {
    expectConflict('ਵਸਤੂ ਦਾ ਨਾਮ: Aircast ਗੋਡੇ ਦੀ ਬਰੇਸ, ਸੱਜਾ, ਵੱਡਾ', 'Aircast knee brace, left, large');
    expectConflict('ਵਸਤੂ ਦਾ ਨਾਮ: Aircast ਗੋਡੇ ਦੀ ਬਰੇਸ, ਸੱਜਾ, ਵੱਡਾ', 'Aircast knee brace, right, small');
    expectConflict('รายการ: เฝือกข้อมือ Aircast ข้างซ้าย', 'Aircast wrist brace, right');
    expectConflict('品名: 手関節サポーター 右手用 Lサイズ', 'Wrist support, right, size M');
  });
});

describe('attribute precision: initials and metres are no sizes', () => {
  test.each([
    ['Item: Aircast ankle brace | Qty: 2 | Nurse: M. Hale, BSN', 'size'],
    ['Item: Aircast ankle brace | Crew: EMT-B L. Grant | Shift: B', 'size'],
    ['Item: Stethoscope tubing 2 M', 'size'],
  ])('%s reads no %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test.each([
    ['Nitrile exam gloves, M, box of 100', { size: ['M'] }],
    ['Nitrile exam gloves size L. Box of 100', { size: ['L'] }],
    ['Scrub top, medium, ceil blue', { size: ['M'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });
});
