/**
 * Item lines in Hebrew, Persian, Hindi, Bengali, Amharic and Swahili (itemscripts16, item-3.27.0): the digits of
 * those scripts and Ge'ez numerals, their units and pack words, Hebrew and Amharic prefixes, and their common item
 * words in catalogueTranslations. Fixture tables read texts as the item rule reads them (normaliser, alias tables and
 * text rewrites taken from the shipped rule file); the pairs go through POST /ingest with lines written for this test
 * (not corpus lines): a duplicate in another script is put before a steward, never merged on text alone, and the
 * sibling of another size is neither merged nor proposed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { geezNumberValue, withLatinNumerals } from '../../server/matching/scriptItemText';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

describe('digits, units and packs of Hebrew, Persian, Hindi, Bengali, Amharic and Swahili lines (text rewrite scriptNumerals)', () => {
  test.each([
    // Devanagari and Bengali digits; Persian digits and the Arabic decimal separator (session 15) with Persian units
    ['सिरिंज ५ मि.ली.', 'सिरिंज 5 ML'],
    ['सुई २३G × २५ मि.मी.', 'सुई 23G X 25 MM'],
    ['सिरिंज १० मि.ली., १०० का डिब्बा', 'सिरिंज 10 ML,   BOX OF 100 '],
    ['पेन ३ मि.ली., ५ पेन का डिब्बा', 'पेन 3 ML,  पेन BOX OF 5 '],
    ['সিরিঞ্জ ২.৫ মিলি, ১০০টির বাক্স', 'সিরিঞ্জ 2.5 ML,   BOX OF 100 '],
    ['কাগজ ২১০ মিমি × ২৯৭ মিমি', 'কাগজ 210 MM X 297 MM'],
    ['سرنگ ۲٫۵ میلی‌لیتر - جعبه ۱۰۰ عددی', 'سرنگ 2.5 ML -  BOX OF 100 '],
    ['بطری ۵۰۰ میلی‌لیتری', 'بطری 500 ML'],
    ['انسولین ۱۰۰ واحد/میلی‌لیتر', 'انسولین 100 UNITS/ ML'],
    // Hebrew units with gershayim (ASCII or U+05F4), units per mL, packs, the left-to-right mark before a signed number
    ['מזרק 5 מ"ל, קופסה 100 יח\'', 'מזרק 5 ML,  BOX OF 100 '],
    ['מחט 0.8 מ״מ', 'מחט 0.8 MM'],
    ['אינסולין 100 יח\'/מ"ל, אריזה של 5', 'אינסולין 100 UNITS/ ML,  PACK OF 5'],
    ['עדשה \u200e-3.25', 'עדשה -3.25'],
    // Amharic units and "per box"; the Ethiopic comma; Ge'ez numerals
    ['መርፌ 5 ሚ.ሊ፣ 100 በሳጥን', 'መርፌ 5 ML,   100 PER BOX '],
    ['ሽቦ 1.2 ሚ.ሜ', 'ሽቦ 1.2 MM'],
    ['ጓንት ፻ በሳጥን', 'ጓንት   100 PER BOX '],
    // Swahili (Latin script): count per pack, litres before the number
    ['Sindano 5ml, 100 kwa boksi', 'Sindano 5ml, 100 PER BOX '],
    ['Glavu, boksi ya vipande 100', 'Glavu, BOX OF 100 '],
    ['Jeli, dumu la lita 5', 'Jeli, dumu la 5 L '],
    // Unchanged: a Latin line without those words, a number not followed by a unit
    ['SYRINGE 5ML 21G X 1.5IN 100/BX', 'SYRINGE 5ML 21G X 1.5IN 100/BX'],
    ['מידה 3', 'מידה 3'],
  ])('%s → %s', (raw, expected) => {
    expect(withLatinNumerals(raw)).toBe(expected);
  });
});

describe("Ge'ez numerals (additive: ones, tens, ፻ hundred, ፼ ten thousand)", () => {
  test.each([
    ['፭', 5],
    ['፲፪', 12],
    ['፻', 100],
    ['፭፻', 500],
    ['፲፪፻፴፬', 1234],
    ['፼', 10_000],
    ['፪፼፭፻', 20_500],
  ])('%s = %d', (run, value) => {
    expect(geezNumberValue(run)).toBe(value);
  });
});

describe('a description in these languages as the item description comparator reads it', () => {
  test.each([
    ['सिरिंज ५ मि.ली., जीवाणुरहित, डिस्पोजेबल', 'SYRINGE 5 ML STERILE DISPOSABLE'],
    ['গ্লাভস জীবাণুমুক্ত, ১০০টির বাক্স', 'GLOVE STERILE BX 100'],
    ['سرنگ استریل یکبار مصرف ۵ میلی‌لیتر', 'SYRINGE STERILE DISPOSABLE 5 ML'],
    // Hebrew prefixes read off (ל = for): for adults
    ['צנתר סטרילי למבוגרים', 'CATHETER STERILE ADULT'],
    // Amharic prepositions read off (የ = of, ለ = for)
    ['የካቴተር ቱቦ ለአዋቂ', 'CATHETER TUBE ADULT'],
    ['Glavu tasa, watu wazima', 'GLOVE STERILE ADULT'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('attributes read from these lines', () => {
  test.each([
    ['सुई २३G × २५ मि.मी., १०० का डिब्बा', { gauge: ['23'], length: ['25 mm ±0.5'], countPerPack: ['100'] }],
    ['কনট্যাক্ট লেন্স, পাওয়ার -৩.২৫, ৬টির বাক্স', { countPerPack: ['6'] }],
    ['מזרק 10 מ"ל, קופסה 100 יח\'', { volume: ['10 ml'], countPerPack: ['100'] }],
    ['انسولین ۱۰۰ واحد/میلی‌لیتر، قلم ۳ میلی‌لیتر، بسته ۵ عددی', { unitsPerMl: ['100'], countPerPack: ['5'] }],
    ['ጓንት 100 በሳጥን', { countPerPack: ['100'] }],
    ['Lenzi 6 kwa boksi', { countPerPack: ['6'] }],
  ])('%s', (raw, expected) => {
    expect(attributesOf(raw)).toMatchObject(expected);
  });
});

describe('item lines in these languages through POST /ingest', () => {
  const SOURCES = ['state-tender', 'catalogue', 'pharmacy'] as const;
  const lines = canonicalItemLines(SOURCES, 'SCRIPT16');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const TABLE: Array<{ title: string; a: string; same: string; other: string }> = [
    {
      title: 'a Hindi syringe line with Devanagari digits vs the English line; 10 mL is another syringe',
      a: 'सिरिंज ५ मि.ली., सुई सहित, जीवाणुरहित, डिस्पोजेबल — १०० का डिब्बा',
      same: 'SYRINGE 5ML STERILE DISPOSABLE 100/BX',
      other: 'SYRINGE 10ML STERILE DISPOSABLE 100/BX',
    },
    {
      title: 'a Persian syringe line (Persian digits, میلی‌لیتر, جعبه ۱۰۰ عددی) vs the English line; 10 mL is another syringe',
      a: 'سرنگ استریل یکبار مصرف ۵ میلی‌لیتر - جعبه ۱۰۰ عددی',
      same: 'SYRINGE 5 ML STERILE DISPOSABLE 100/BX',
      other: 'SYRINGE 10 ML STERILE DISPOSABLE 100/BX',
    },
    {
      title: 'a Hebrew catheter line (מ"מ, למבוגרים) vs the English line; 400 mm is another catheter',
      a: 'צנתר סטרילי למבוגרים 14FR 300 מ"מ, קופסה 10 יח\'',
      same: 'CATHETER STERILE ADULT 14FR 300MM 10/BX',
      other: 'CATHETER STERILE ADULT 14FR 400MM 10/BX',
    },
  ];

  test.each(TABLE)('$title', async ({ a, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line: a, same, other });
  });
});
