/**
 * Item lines written in other scripts (itemscripts15, item-3.23.0): numbers, units and words of Arabic, Cyrillic and
 * Chinese catalogue lines read as the Latin-script lines write them, before the item extractors and the description
 * comparator read the text.
 *
 * - `withLatinNumerals` (text rewrite `scriptNumerals`, also first in `requisitionText`): Eastern Arabic (٠–٩) and
 *   Persian (۰–۹) digits are the digits 0–9, the Arabic decimal separator `٫` a decimal point, the Arabic thousands
 *   separator `٬` a comma and `٪` a per cent sign (Unicode: they are the decimal digits Nd of those blocks, not a
 *   table); full-width forms (`１００`, `ＭＬ`) are their ASCII forms (NFKC); the multiplication sign `×` and a Cyrillic
 *   `х` between two numbers (`10х3`) are the `X` of dimensions and packs. The unit symbols of Cyrillic lines (мл, мг,
 *   мкг, г, кг, л, мм, см, МО, В, л/хв; GOST 8.417 / ДСТУ 3651 write them so), of Arabic lines (مل, مجم / ملغ, ميكروجرام,
 *   جم, لتر, مم, سم, بوصة, وحدة دولية) and of Chinese lines (毫升, 升, 毫克, 微克, 克, 毫米, 厘米) after a number are the
 *   Latin units; the pack conventions `уп. 100 шт.` and `№30` (Ukrainian and Russian pharmacy and tender lines: the
 *   count in the pack), `علبة ١٠٠` / `عبوة ٥٠٠` (box / pack of), `٣٠ قرص` (30 tablets) and `100支/盒` (100 pieces per
 *   box) are the Latin pack forms the count extractors read. itemscripts16 (item-3.27.0): Devanagari (०–९) and Bengali
 *   (০–৯) digits too, Ge'ez numerals (additive, `geezNumberValue`), the minus sign, the bidirectional marks Hebrew and
 *   Persian lines put before a signed number; the units and pack words of Hebrew (`מ"מ`, `יח'/מ"ל`, `קופסה 20 יח'`),
 *   Persian (`میلی‌لیتر`, `جعبه ۲۰ عددی`), Hindi (`मि.मी.`, `२० का डिब्बा`), Bengali (`মিলি`, `৫০টির বাক্স`), Amharic
 *   (`ሚ.ሜ`, `20 በሳጥን`) and Swahili (`5 kwa pakiti`, `lita 5`) lines. Each script's readings run only when the line
 *   holds a letter of that script; the Swahili forms only when the line holds one of their words.
 * - `withoutProcurementCodes` (text rewrite `procurementCodes`): a procurement classification code after its label —
 *   the EU Common Procurement Vocabulary (`CPV 33141310-6`, which Ukraine publishes as `ДК 021:2015: 33141310-6`) and
 *   the Ukrainian medical-device nomenclature (`НК 024:2023 — 35131`) — is a category shared by every product of the
 *   category, never a part number nor a year; it is blanked.
 * - `scriptWordsWith` (in `requisitionText`): a word of another script is kept, romanised (any-ascii) as one token,
 *   when a table the rule set reads knows it (catalogueTranslations for catalogue words, drugNames / drugBrands for
 *   medicine names), so the alias chain reads it as its English catalogue word or INN. Arabic writes the article and
 *   the prepositions `و` `ب` `ل` `ف` `ك` on the word (`بسن` = with needle, `التعطيل` = the disabling): a word the tables
 *   do not know is looked up again without them; so are the Hebrew prefixes ו ה ב ל מ ש כ and the Amharic
 *   prepositions የ ለ ከ በ (item-3.27.0). Chinese does not space words: a run of Han characters is read by
 *   longest match against the tables' Chinese words (maximum matching, the classic dictionary segmentation); so are
 *   runs of Thai, Lao, Khmer and Myanmar, never splitting a syllable (items28text, item-3.53.0). Every
 *   other word of another script is left to `measureText`, which drops it, as before.
 */
import anyAscii from 'any-ascii';
import { shippedAliasTables, type AliasTable } from './aliases';
import { withLanguagePackWords, withLanguageScriptWords } from './itemLineLanguages';
import { withScriptDocumentFields } from './scriptDocumentFields';
import { isAscii } from './transliteration';
import { rememberRecent } from './recentValues';

/** The tables whose words written in other scripts are kept (romanised) by `scriptWordsWith`. */
export const SCRIPT_WORD_TABLES = ['catalogueTranslations', 'drugNames', 'drugBrands'] as const;

/**
 * Characters that call for the numeral reading: Cyrillic, Hebrew, Arabic (and Persian), Devanagari, Bengali, Tamil,
 * Telugu and Khmer (their language readings, items28text), Kannada and Lao (items29langs), Ethiopic, CJK, full-width forms, ×, №, the minus sign and the bidirectional marks.
 */
const NEEDS_NUMERAL_READING =
  /[\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0905-\u0939\u0966-\u096f\u0985-\u09b9\u09e6-\u09ef\u0b80-\u0bff\u0c05-\u0c39\u0c85-\u0cb9\u0e81-\u0eae\u1200-\u137f\u1780-\u17b3\u3000-\u9fff\uff00-\uffef\u00d7\u2116\u2212]|\u200e|\u200f|[^\P{Nd}0-9]/u;
const FULL_WIDTH = /[\uff00-\uffef]/;
/**
 * Every decimal digit that is not ASCII (items25lines, item-3.50.0: Unicode general category Nd — Arabic-Indic, Persian,
 * Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Sinhala Lith, Thai, Lao, Tibetan,
 * Myanmar, Khmer, Mongolian, N'Ko, full-width and the rest; `decimalDigitValue`), the Arabic separators (U+066A–066C,
 * U+060C), the Devanagari danda, the Ethiopic comma and full stop, the minus sign and the left-to-right / right-to-left
 * marks Hebrew and Persian lines put before a signed number.
 */
const SCRIPT_NUMERAL = /[^\P{Nd}0-9]|[\u066a-\u066c\u060c\u0964\u1362\u1363\u2212\u200e\u200f]/gu;
const SCRIPT_PUNCTUATION: Record<string, string> = {
  '\u066a': '%',
  '\u066b': '.',
  '\u066c': ',',
  '\u060c': ',',
  '\u0964': '.',
  '\u1362': '.',
  '\u1363': ',',
  '\u2212': '-',
  '\u200e': '',
  '\u200f': '',
};
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** Digit values already worked out (a few hundred code points at most: the Nd characters the lines use). */
const DIGIT_VALUES = new Map<string, string>();

/**
 * The value of a decimal digit (Unicode Nd) of any script, as its ASCII digit. Unicode encodes every script's decimal
 * digits as runs of ten code points from zero to nine (a requirement of the standard for Nd, chapter 4.6), some blocks
 * back to back (the mathematical digits, U+1D7CE–1D7FF): the digit is its distance from the start of its run of Nd code
 * points, modulo ten. One table for every script instead of a zero per block.
 */
export function decimalDigitValue(char: string): string {
  const known = DIGIT_VALUES.get(char);
  if (known !== undefined) return known;
  const code = char.codePointAt(0) as number;
  let start = code;
  while (start > 0 && code - start < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const value = String((code - start) % 10);
  DIGIT_VALUES.set(char, value);
  return value;
}

function latinDigit(char: string): string {
  return SCRIPT_PUNCTUATION[char] ?? decimalDigitValue(char);
}

/** Ethiopic (Ge'ez) numerals: ፩–፱ ones, ፲–፺ tens, ፻ hundred, ፼ ten thousand (additive, not positional). */
const GEEZ_NUMBER = /[\u1369-\u137c]+/g;
const ETHIOPIC = /[\u1200-\u137f]/;

/** The value of a run of Ge'ez numerals: ones and tens add up to a group of 1–99; ፻ multiplies the group before it by 100, ፼ all before it by 10,000. */
export function geezNumberValue(run: string): number {
  let total = 0;
  let hundreds = 0;
  let group = 0;
  for (const char of run) {
    const code = char.charCodeAt(0);
    if (code >= 0x1369 && code <= 0x1371) group += code - 0x1368;
    else if (code >= 0x1372 && code <= 0x137a) group += (code - 0x1371) * 10;
    else if (code === 0x137b) {
      hundreds += (group || 1) * 100;
      group = 0;
    } else if (code === 0x137c) {
      total = (total + hundreds + group || 1) * 10_000;
      hundreds = 0;
      group = 0;
    }
  }
  return total + hundreds + group;
}

/** `×` anywhere and a Cyrillic х between two numbers (`10х3`, `25,4 х 76,2`) are a multiplication X. */
const TIMES = /\u00d7|(?<=\d\s?)[хХ](?=\s?\d)/g;

interface UnitReading {
  /** Gate: the text holds one of these characters. */
  script: RegExp;
  rewrites: ReadonlyArray<[RegExp, string]>;
}

// Units are read only right after a number or a slash (`0,5 мл`, `40 мг/мл`, `٢٫٥ مجم`, `5升`) and only as whole words, so `г` or `л` inside a
// word is untouched. Longer spellings first (мкг before мг before г).
const CYRILLIC_WORD_END = '(?![\\p{Script=Cyrillic}])';
const ARABIC_WORD_END = '(?![\\p{Script=Arabic}])';

function unitRewrites(spellings: ReadonlyArray<[string, string]>, wordEnd: string, flags = 'gu'): Array<[RegExp, string]> {
  // The space before the unit is consumed and written once: `30–60 кг` reads `30–60 KG`, not `30–60  KG` (the attribute
  // patterns allow one space between a number and its unit: a weight range with two was read as a 60 kg strength).
  return spellings.map(([spelling, unit]) => [new RegExp(`(?<=[\\d/])\\s?(?:${spelling})\\.?${wordEnd}`, flags), ` ${unit}`]);
}

/** As `unitRewrites`, one space between the number and the unit (`100 UNITS/ ML`, as the unit-per-mL extractor reads it). */
function spacedUnitRewrites(spellings: ReadonlyArray<[string, string]>, wordEnd: string): Array<[RegExp, string]> {
  return spellings.map(([spelling, unit]) => [new RegExp(`(?<=[\\d/])\\s?(?:${spelling})\\.?${wordEnd}`, 'gu'), ` ${unit}`]);
}

const HEBREW_WORD_END = '(?![\\p{Script=Hebrew}])';
const DEVANAGARI_WORD_END = '(?![\\p{Script=Devanagari}])';
const BENGALI_WORD_END = '(?![\\p{Script=Bengali}])';
const ETHIOPIC_WORD_END = '(?![\\p{Script=Ethiopic}])';
/** Hebrew abbreviations are marked with gershayim (`מ"מ`) or a geresh (`יח'`), typed as ASCII quotes or as U+05F4 / U+05F3. */
const GERSHAYIM = '["\u05f4\u201d]';
const GERESH = "['\u05f3\u2019]";

const UNIT_READINGS: readonly UnitReading[] = [
  {
    // Hebrew (Israeli hospital and pharmacy lines): `1.6 מ"מ`, `100 יח'/מ"ל` (units per mL), `קופסה 20 יח'` (a box of 20
    // pieces), `אריזה של 5` (a pack of 5).
    script: /[\u0590-\u05ff]/,
    rewrites: [
      [new RegExp(`(?<![\\p{Script=Hebrew}])קופס[הת]\\s?(?:של\\s?)?(?=\\d)`, 'gu'), ' BOX OF '],
      [new RegExp(`(?<![\\p{Script=Hebrew}])(?:ארגז|קרטון)\\s?(?:של\\s?)?(?=\\d)`, 'gu'), ' CASE OF '],
      [new RegExp(`(?<![\\p{Script=Hebrew}])(?:חביל[הת]|אריז[הת])\\s?(?:של\\s?)?(?=\\d)`, 'gu'), ' PACK OF '],
      // The pieces after a pack count (`קופסה 20 יח'`) are the count's own word.
      [new RegExp(`(?<=OF \\d+)\\s?יח${GERESH}?${HEBREW_WORD_END}`, 'gu'), ' '],
      ...spacedUnitRewrites(
        [
          [`יח${GERESH}?(?=\\s?/)`, 'UNITS'],
          [`מק${GERSHAYIM}ג`, 'MCG'],
          [`מ${GERSHAYIM}ג`, 'MG'],
          [`ק${GERSHAYIM}ג`, 'KG'],
          [`מ${GERSHAYIM}ל|מיליליטר`, 'ML'],
          [`מ${GERSHAYIM}מ|מילימטר`, 'MM'],
          [`ס${GERSHAYIM}מ|סנטימטר`, 'CM'],
          ['ליטר', 'L'],
          ['גרם', 'GRAM'],
        ],
        HEBREW_WORD_END,
      ),
    ],
  },
  {
    // Persian (Iranian lines; the letters Arabic does not use are the gate): `۱٫۸ میلی‌لیتر` (with or without the
    // zero-width non-joiner), `بطری ۲۵۰ میلی‌لیتری` (the adjective: of 250 mL), `۱۰۰ واحد/میلی‌لیتر`, `جعبه ۲۰ عددی` (a box
    // of 20), `بسته ۵ عددی` (a pack of 5), `کارتن ۵۰۰ عددی` (a carton of 500). Read before the Arabic units.
    script: /[\u067e\u0686\u0698\u06a9\u06af\u06cc]/,
    rewrites: [
      [/(?<![\p{Script=Arabic}])جعبه\s?(\d+)\s?(?:عددی|تایی|عدد)(?![\p{Script=Arabic}])/gu, ' BOX OF $1 '],
      [/(?<![\p{Script=Arabic}])(?:بسته|پاکت)\s?(\d+)\s?(?:عددی|تایی|عدد)(?![\p{Script=Arabic}])/gu, ' PACK OF $1 '],
      [/(?<![\p{Script=Arabic}])کارتن\s?(\d+)\s?(?:عددی|تایی|عدد)(?![\p{Script=Arabic}])/gu, ' CARTON OF $1 '],
      ...spacedUnitRewrites(
        [
          ['میکرو[\u200c\\s]?گرم', 'MCG'],
          ['میلی[\u200c\\s]?گرم', 'MG'],
          ['کیلو[\u200c\\s]?گرم', 'KG'],
          ['میلی[\u200c\\s]?لیتری?', 'ML'],
          ['میلی[\u200c\\s]?متری?', 'MM'],
          ['سانتی[\u200c\\s]?متری?', 'CM'],
          ['لیتری?', 'L'],
          ['گرمی?', 'GRAM'],
          ['واحد(?=\\s?/)', 'UNITS'],
          ['اینچ', 'IN'],
        ],
        ARABIC_WORD_END,
      ),
    ],
  },
  {
    // Hindi (Indian state medical-services-corporation lines): `१.६ मि.मी.`, `१०० यूनिट/मि.ली.`, `२० का डिब्बा` (a box of
    // 20), `५ पेन का डिब्बा` (a box of 5 pens: the noun stays), `५०० का केस`, `१० का पैक`.
    script: /[\u0900-\u097f]/,
    rewrites: [
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Devanagari}+)\s)?का\s(?:डिब्बा|डिब्बे|बॉक्स)(?![\p{Script=Devanagari}])/gu, ' $2 BOX OF $1 '],
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Devanagari}+)\s)?का\s(?:पैक|पैकेट)(?![\p{Script=Devanagari}])/gu, ' $2 PACK OF $1 '],
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Devanagari}+)\s)?का\sकेस(?![\p{Script=Devanagari}])/gu, ' $2 CASE OF $1 '],
      // Nepali (PPMO e-GP lines, items23lines): `बट्टामा २० वटा` (20 pieces in a box), `प्याकमा ५० वटा` (in a pack),
      // `कार्टुनमा ५०` (in a carton), `वटा` / `थान` (the counting words), `साइज` (size), `६ वेल` (a 6-well plate),
      // `निर्मलीकृत` (sterilised) and the short-i abbreviations `से.मि.`, `मि.मि.`, `मि.लि.`.
      [/(?<![\p{Script=Devanagari}])(?:बट्टा|बाकस|डब्बा)मा\s?(\d+)(?:\s?(?:वटा|थान|ओटा))?(?![\p{Script=Devanagari}\d])/gu, ' BOX OF $1 '],
      [/(?<![\p{Script=Devanagari}])(?:प्याक|प्याकेट|पोका)मा\s?(\d+)(?:\s?(?:वटा|थान|ओटा))?(?![\p{Script=Devanagari}\d])/gu, ' PACK OF $1 '],
      [/(?<![\p{Script=Devanagari}])कार्टुनमा\s?(\d+)(?:\s?(?:वटा|थान|ओटा))?(?![\p{Script=Devanagari}\d])/gu, ' CARTON OF $1 '],
      [/(?<=\d)\s?(?:वटा|थान|ओटा)(?![\p{Script=Devanagari}])/gu, ' PCS '],
      [/(?<=\d)\s?वेल(?![\p{Script=Devanagari}])/gu, ' WELL '],
      [/(?<![\p{Script=Devanagari}])साइज(?![\p{Script=Devanagari}])/gu, ' SIZE '],
      [/(?<![\p{Script=Devanagari}])निर्मलीकृत(?![\p{Script=Devanagari}])/gu, ' STERILE '],
      // Marathi (Maharashtra state procurement lots, items24lines): `बाब क्र. २४:` (item no. 24, the lot's own number) out,
      // `एका बॉक्समध्ये १२ नग` (12 pieces in one box), `एका पॅकमध्ये १० नग` (in one pack), `नग` (pieces: also Hindi's
      // counting word), `निर्जंतुक` (sterile), `एकदाच वापरायचे` (single use), `प्रौढांसाठी` / `बालरुग्णांसाठी` (adult /
      // paediatric), `आकार` (size) and the Marathi spelling of the litre, `लिटर` (Hindi writes `लीटर`, read below).
      [/^\s*(?:बाब|अनु)\s?क्र(?:मांक)?\.?\s?\d{1,4}\s?[:.)-]\s/u, ' '],
      [
        /(?<![\p{Script=Devanagari}])(?:एका\s)?(?:बॉक्स|खोक्या|डब्या)मध्ये\s?(\d+)(?:\s?(?:नग|पीस))?(?![\p{Script=Devanagari}\d])/gu,
        ' BOX OF $1 ',
      ],
      [
        /(?<![\p{Script=Devanagari}])(?:एका\s)?(?:पॅक|पाकिटा|पाकीटा)मध्ये\s?(\d+)(?:\s?(?:नग|पीस))?(?![\p{Script=Devanagari}\d])/gu,
        ' PACK OF $1 ',
      ],
      [/(?<=\d)\s?नग(?![\p{Script=Devanagari}])/gu, ' PCS '],
      [/(?<![\p{Script=Devanagari}])निर्जंतुक(?:ीकृत)?(?![\p{Script=Devanagari}])/gu, ' STERILE '],
      [/(?<![\p{Script=Devanagari}])एकदाच\sवापरा(?:यचे|वयाचे)(?![\p{Script=Devanagari}])/gu, ' SINGLE USE '],
      [/(?<![\p{Script=Devanagari}])प्रौढांसाठी(?![\p{Script=Devanagari}])/gu, ' ADULT '],
      [/(?<![\p{Script=Devanagari}])(?:बालरुग्णांसाठी|मुलांसाठी)(?![\p{Script=Devanagari}])/gu, ' PAEDIATRIC '],
      [/(?<![\p{Script=Devanagari}])आकार(?![\p{Script=Devanagari}])/gu, ' SIZE '],
      ...spacedUnitRewrites(
        [
          ['मिलीमीटर|मि\\.?\\s?मी|मि\\.?\\s?मि', 'MM'],
          ['सेंटीमीटर|से\\.?\\s?मी|से\\.?\\s?मि', 'CM'],
          ['मिलीलीटर|मि\\.?\\s?ली|मि\\.?\\s?लि', 'ML'],
          ['माइक्रोग्राम|मा\\.?\\s?ग्रा', 'MCG'],
          ['मिलीग्राम|मि\\.?\\s?ग्रा', 'MG'],
          ['किलोग्राम|कि\\.?\\s?ग्रा', 'KG'],
          ['ग्राम|ग्रा', 'GRAM'],
          ['लीटर|लिटर', 'L'],
          ['यूनिट', 'UNITS'],
          ['इंच', 'IN'],
        ],
        DEVANAGARI_WORD_END,
      ),
    ],
  },
  {
    // Bengali (Bangladeshi CMSD lines): `১.৮ মিলি`, `৭০ মিমি`, `৫০টির বাক্স` (a box of 50), `৫টি পেনের বাক্স` (a box of 5
    // pens), `৫০০টির কেস`, `১০টির প্যাক`.
    script: /[\u0980-\u09ff]/,
    rewrites: [
      [/(?<![\d.])(\d+)\s?টি(?:র)?\s(?:(\p{Script=Bengali}+)\s)?বাক্স(?![\p{Script=Bengali}])/gu, ' $2 BOX OF $1 '],
      [/(?<![\d.])(\d+)\s?টি(?:র)?\s(?:(\p{Script=Bengali}+)\s)?প্যাক(?![\p{Script=Bengali}])/gu, ' $2 PACK OF $1 '],
      [/(?<![\d.])(\d+)\s?টি(?:র)?\s(?:(\p{Script=Bengali}+)\s)?কেস(?![\p{Script=Bengali}])/gu, ' $2 CASE OF $1 '],
      ...spacedUnitRewrites(
        [
          ['মিলিমিটার|মি\\.?\\s?মি', 'MM'],
          ['সেন্টিমিটার|সে\\.?\\s?মি', 'CM'],
          ['মিলিলিটার|মি\\.?\\s?লি', 'ML'],
          ['মাইক্রোগ্রাম', 'MCG'],
          ['মিলিগ্রাম|মি\\.?\\s?গ্রা', 'MG'],
          ['কিলোগ্রাম|কেজি', 'KG'],
          ['গ্রাম', 'GRAM'],
          ['লিটার', 'L'],
          ['ইউনিট', 'UNITS'],
          ['ইঞ্চি', 'IN'],
        ],
        BENGALI_WORD_END,
      ),
    ],
  },
  {
    // Amharic (Ethiopian EPSS lines): `1.6 ሚ.ሜ`, `100 ዩኒት/ሚ.ሊ`, `20 በሳጥን` (20 per box), `5 ብዕር በካርቶን` (5 pens per carton).
    script: /[\u1200-\u137f]/,
    rewrites: [
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Ethiopic}+)\s)?በሳጥን(?![\p{Script=Ethiopic}])/gu, ' $2 $1 PER BOX '],
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Ethiopic}+)\s)?በካርቶን(?![\p{Script=Ethiopic}])/gu, ' $2 $1 PER CARTON '],
      [/(?<![\d.])(\d+)\s(?:(\p{Script=Ethiopic}+)\s)?በፓኬት(?![\p{Script=Ethiopic}])/gu, ' $2 $1 PER PACK '],
      ...spacedUnitRewrites(
        [
          ['ሚሊ\\s?ሜትር|ሚ\\.?\\s?ሜ', 'MM'],
          ['ሴንቲ\\s?ሜትር|ሴ\\.?\\s?ሜ', 'CM'],
          ['ሚሊ\\s?ሊትር|ሚ\\.?\\s?ሊ', 'ML'],
          ['ማይክሮ\\s?ግራም', 'MCG'],
          ['ሚሊ\\s?ግራም|ሚ\\.?\\s?ግ', 'MG'],
          ['ኪሎ\\s?ግራም|ኪ\\.?\\s?ግ', 'KG'],
          ['ግራም', 'GRAM'],
          ['ሊትር', 'L'],
          ['ዩኒት', 'UNITS'],
        ],
        ETHIOPIC_WORD_END,
      ),
    ],
  },
  {
    script: /[\u0400-\u04ff]/,
    rewrites: [
      // `уп. 100 шт.`, `упак. 50 шт`: a pack of 100 pieces; `№30`, `№ 100`: the count in a medicine pack — never a
      // document's number with its year (`Дархостнома № 47/2026`, `заявка № 12/2025`) nor a numbered hospital's
      // (`Беморхонаи клиникии шаҳрии №3`, `городская больница № 7`; items26text), a request's (`Заяўка № 701`) or a
      // numbered school's (`Гімназія № 5`, `школа № 12`; items29langs).
      [/(?<![\p{L}])(?:уп|упак|упаковка)\.?\s?(?=\d)/giu, ' PACK OF '],
      [
        /(?<!(?:лот|lot|позиція|позиция|договір|договор|заявка|заяўка|заявки)\s?)(?<!(?:больниц|бальніц|беморхон|поликлиник|паліклінік|шифохон|аурухан|гимнази|гімназі|школ|ліцэ|лице)\p{L}*(?:\s+\p{L}+){0,3}\s?)\u2116\s?(?=\d)(?!\d+\s?\/\s?\d)/giu,
        ' PACK OF ',
      ],
      // `№30 (10х3)`: the count, then how it is packed (3 blisters of 10) — the count is the pack's.
      [/(?<=PACK OF \d+)\s?\(\d+\s?X\s?\d+\)/g, ''],
      ...unitRewrites(
        [
          ['л\\s?/\\s?(?:хв|мин)', 'L/MIN'],
          ['мкг', 'MCG'],
          ['мг', 'MG'],
          ['кг', 'KG'],
          ['мл', 'ML'],
          ['мм', 'MM'],
          ['см', 'CM'],
          ['г', 'GRAM'],
          ['л', 'L'],
          ['МО|МЕ', 'IU'],
          ['шт', 'PCS'],
          ['Вт', 'W'],
          ['В', 'V'],
        ],
        CYRILLIC_WORD_END,
        'giu',
      ),
    ],
  },
  {
    script: /[\u0600-\u06ff]/,
    rewrites: [
      // `علبة ١٠٠` box of 100, `عبوة ٥٠٠` pack of 500 (the count follows the pack word).
      [/(?<![\p{Script=Arabic}])علبة\s?(?=\d)/gu, ' BOX OF '],
      [/(?<![\p{Script=Arabic}])عبوة\s?(?=\d)/gu, ' PACK OF '],
      ...unitRewrites(
        [
          ['لتر\\s?/\\s?دقيقة', 'L/MIN'],
          ['ميكروجرام|ميكروغرام|مكغ|مكجم|ميكروغ', 'MCG'],
          ['مجم|ملغ|ملجم|مغ', 'MG'],
          ['كجم|كغ', 'KG'],
          ['مل|ملل', 'ML'],
          ['مم', 'MM'],
          ['سم', 'CM'],
          ['جم|جرام|غرام|غ', 'GRAM'],
          ['لتر', 'L'],
          ['وحدة دولية', 'IU'],
          ['بوصة', 'IN'],
          ['فولت', 'V'],
          ['قرص|أقراص|اقراص', 'TABLETS'],
          ['كبسولة|كبسولات', 'CAPSULES'],
          ['كيس|أكياس|اكياس', 'SACHETS'],
        ],
        ARABIC_WORD_END,
      ),
    ],
  },
  {
    script: /[\u3400-\u9fff]/,
    rewrites: [
      // `100支/盒`, `50片/盒`: pieces (支 片 粒 只 个) per box (盒).
      [/(?<=\d\s?)[支片粒只个]\s?\/\s?盒/gu, ' PCS/BOX'],
      // `S码`, `M码`: size S, M (码 = size).
      [/(?<![A-Z])(XS|S|M|L|XL|XXL)码/gu, ' SIZE $1 '],
      ...unitRewrites(
        [
          ['毫升', 'ML'],
          ['毫克', 'MG'],
          ['微克', 'MCG'],
          ['毫米', 'MM'],
          ['厘米', 'CM'],
          ['升', 'L'],
          ['克', 'GRAM'],
        ],
        '',
      ),
    ],
  },
];

/**
 * `withLanguagePackWords` with its last results remembered: one description is read by it twice in a row — by the
 * attributes comparator's `scriptNumerals` rewrite and by the `requisitionText` normaliser, after the same earlier
 * rewrites — and its one test of every Latin-script language's markers (~200 alternatives, case-insensitive) was run
 * on every text both times (session 22, perf22).
 */
const recentLanguagePackWords = rememberRecent(withLanguagePackWords);

/**
 * A unit of any script after a number (items22sources, item-3.45.0): the SI and metric unit symbols are written in the
 * letters of each script as the sounds of their Latin symbols — Armenian `մմ` `մլ` `լ` `մ`, Georgian `მმ` `მლ`,
 * Cyrillic `мм` `см` `мкл`, Greek `γρ` — so the romanised symbol (any-ascii) is the Latin one, or the Russian-school
 * spelling of it (`SM` centimetre, `MKL` microlitre, `MKG` microgram, `MGTS` megahertz). A word of one to four letters of another script
 * right after a number is written as its Latin unit when its romanisation is one of these; `լ/րոպե` (per minute)
 * and other compounds are left alone unless every part is a unit. The per-script tables above run first; this reads
 * the scripts no table lists.
 */
const OTHER_SCRIPT_UNIT = /(?<=\d)\s?([^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s]{1,4})(?![\p{L}\p{M}/])/gu;
/**
 * The metric units of the languages of India and Sri Lanka (items25lines): written as the syllables of their English
 * names and abbreviated with a dot after each syllable — `मि.ली.` / `મિ.લી.` / `ਮਿ.ਲੀ.` / `మి.లీ.` / `மி.லி.` (mi.li.,
 * millilitre), `मि.मी.` (mi.mī., millimetre), `से.मी.` / `ਸੈ.ਮੀ.` / `సెం.మీ.` (se.mī., centimetre), `कि.ग्रा.` (ki.grā.,
 * kilogram), `मि.ग्रा.` (milligram) — and the whole word `ग्राम` / `ગ્રામ` / `ഗ്രാം` (gram; Tamil `கிராம்`, kirām, has no
 * voiced g). Every Brahmic script writes them so (state procurement rate contracts, pharmacy labels), so the romanised
 * syllables (any-ascii), dots taken out, are the unit: one table for Hindi, Marathi, Nepali, Gujarati, Punjabi,
 * Bengali, Odia, Telugu, Kannada, Malayalam, Tamil and Sinhala lines. Up to three syllable groups of up to six letters
 * and marks each; a single syllable (`मी.`, metre or mī) is not read: too short to tell from a word.
 */
const DOTTED_SCRIPT_UNIT =
  /(?<=\d)\s?((?:[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{1,6}\.\s?){1,2}[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{1,6}\.?|[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{5,6})(?![\p{L}\p{M}/])/gu;
const HAS_DOTTED_SCRIPT_UNIT = /\d\s?[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{1,6}\./u;
/** The romanised syllables (dots out) of the Indic unit abbreviations, and the Latin unit each is. */
const SYLLABLE_UNITS: Readonly<Record<string, string>> = {
  MIMI: 'MM',
  MILI: 'ML',
  SEMI: 'CM',
  SEMMI: 'CM',
  SENMI: 'CM',
  SAIMI: 'CM',
  CEMI: 'CM',
  CENMI: 'CM',
  KIGRA: 'KG',
  KIGRAM: 'KG',
  MIGRA: 'MG',
  MIGRAM: 'MG',
  MAIGRA: 'MCG',
  GRAM: 'GRAM',
  GRAMS: 'GRAM',
  KIRAM: 'GRAM',
  LITAR: 'L',
  LITTAR: 'L',
  LITR: 'L',
  LITRE: 'L',
};
const HAS_OTHER_SCRIPT_UNIT = /\d\s?[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s]/u;
/**
 * Gram words of every script are written `GRAM`, never the bare `G` (items23lines): a bare G after a number is also a
 * needle's gauge in Latin lines, and `22 г` / `२२ ग्राम` of a glue stick read as gauge 22 never conflicted with 43 g.
 */
const ROMANISED_UNITS: Readonly<Record<string, string>> = {
  MM: 'MM',
  CM: 'CM',
  SM: 'CM',
  M: 'M',
  ML: 'ML',
  L: 'L',
  DL: 'DL',
  MKL: 'UL',
  KG: 'KG',
  G: 'GRAM',
  GR: 'GRAM',
  MG: 'MG',
  MKG: 'MCG',
  MKM: 'UM',
  // Hertz is `Гц` in Russian-school Cyrillic (any-ascii `Gts`): `5 МГц` is 5 MHz (items23lines).
  GTS: 'HZ',
  KGTS: 'KHZ',
  MGTS: 'MHZ',
  GGTS: 'GHZ',
  // Thai and Lao abbreviate a borrowed unit by the first consonant of each syllable of its name (Royal Institute
  // abbreviations): `มก.` / `ມກ.` mi(l)-k(ram) milligram, `กก.` kilogram, `มคก.` microgram (items31langs).
  MK: 'MG',
  KK: 'KG',
  MKK: 'MCG',
  // Bytes are `Б` in Russian-school Cyrillic (GOST 8.417, as Kyrgyz, Kazakh and Russian lines write them): `64 ГБ` is 64 GB (items28text).
  KB: 'KB',
  MB: 'MB',
  GB: 'GB',
  TB: 'TB',
};
const NOT_ROMAN_LETTER = /[^A-Z]/g;

function withRomanisedUnits(text: string): string {
  if (!HAS_OTHER_SCRIPT_UNIT.test(text)) return text;
  const read =
    HAS_DOTTED_SCRIPT_UNIT.test(text) || /\d\s?[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{5}/u.test(text)
      ? withSyllableUnits(text)
      : text;
  // Whole borrowed unit names first: the one-to-four-letter reading would take a word's first letters before a joiner.
  return withLoanwordUnits(read).replace(OTHER_SCRIPT_UNIT, (written: string, word: string) => {
    const unit = ROMANISED_UNITS[anyAscii(word).toUpperCase().replace(NOT_ROMAN_LETTER, '')];
    return unit === undefined ? written : ` ${unit}`;
  });
}

/**
 * The metric unit names of every script, read by their sound (items30langs, item-3.55.0). Languages that borrowed the
 * metric system write its unit names as the sounds of the English (or French) words in their own letters — Burmese
 * `မီလီလီတာ` (mililita), `စင်တီမီတာ` (cntimita), `မီလီဂရမ်` (miligrm); Malayalam `മീറ്റർ` (mirrr: the Malayalam ṯṯ
 * romanises as rr); Tamil `சென்டிமீட்டர்` (centimittr), Sinhala `මිලිලීටර්` (mililitr), Thai `กรัม` (kram). The
 * romanisation (any-ascii) of a word of another script right after a number is reduced to its consonants as the ear
 * hears them — vowels and h out, c / s / z one sound, k / g / q one, t / d / r one (a tap, a flap and a retroflex t
 * are one consonant in these borrowings; the English r after a vowel is not pronounced), a nasal before t written n,
 * doubled consonants once — and compared with the same reduction of the unit's English names: one table for every
 * script, including those no per-script reading lists. The two-consonant names (metre M-T, litre L-T) are read only
 * when the word starts with their consonant and the long i they are pronounced with (`mita`, `mirrr`, `litr`): a
 * counting word after a number (Thai `เม็ด`, a tablet, romanised `emd`) is not a metre.
 */
const LOANWORD_UNIT =
  /(?<=\d)\s?((?:[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]|[\u200c\u200d]){3,16})(?![\p{L}\p{M}/\u200c\u200d])/gu;
const HAS_LOANWORD_UNIT = /\d\s?[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s.]{3}/u;
/** The English names of the metric units (and their common international spellings) and the unit each is. */
const LOANWORD_UNIT_NAMES: ReadonlyArray<[string, string]> = [
  ['metre meter', 'M'],
  ['centimetre centimeter', 'CM'],
  ['millimetre millimeter', 'MM'],
  ['litre liter', 'L'],
  ['millilitre milliliter', 'ML'],
  ['gram gramme', 'GRAM'],
  ['milligram', 'MG'],
  ['kilogram', 'KG'],
  ['microgram mikrogram maikrogram', 'MCG'],
];
/** The English unit name of each two-consonant reduction, as the word must begin (its consonant and a long i). */
const SHORT_LOANWORD_START = /^(?:mi|mee|li|lee)/;

/** A word's consonants as the ear hears a borrowed unit name (see `LOANWORD_UNIT`). */
export function loanwordSound(romanised: string): string {
  return romanised
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/h/g, '')
    .replace(/[cszj]/g, 's')
    .replace(/[kgq]/g, 'k')
    .replace(/[tdr]/g, 't')
    .replace(/m(?=t)/g, 'n')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

const LOANWORD_UNITS: ReadonlyMap<string, string> = new Map(
  LOANWORD_UNIT_NAMES.flatMap(([names, unit]) => names.split(' ').map((name): [string, string] => [loanwordSound(name), unit])),
);

function withLoanwordUnits(text: string): string {
  if (!HAS_LOANWORD_UNIT.test(text)) return text;
  return text.replace(LOANWORD_UNIT, (written: string, word: string) => {
    const romanised = anyAscii(word)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const sound = loanwordSound(romanised);
    const unit = LOANWORD_UNITS.get(sound);
    if (unit === undefined || (sound.length < 3 && !SHORT_LOANWORD_START.test(romanised))) return written;
    return ` ${unit}`;
  });
}

/**
 * A document's numbered fields written in another script (items25lines): a cell of a delimited line (`|`) that is a
 * label of one to three words of another script and one bare number — `ક્રમ ૧૨` (serial 12), `જથ્થો: ૩` (quantity 3),
 * `ඉල්ලූ ප්‍රමාණය: 2`, `Кількість: 5`, `પેકિંગ: ૧ સેટ` (packing: 1 set; up to two words of the script after the number) — is
 * the document's line number, order quantity or a count in words no table reads, as `Line 5` and `Qty: 10` are in
 * Latin lines (transactionReferences.ts, orderQuantity): the number is taken out. So are a document's number with its
 * year (`ഇൻഡന്റ് നമ്പർ: 3310/2026`, indent no.) and a date (`തീയതി: 19-11-2026`, `ရက်စွဲ - ၉.၁၁.၂၀၂၆`) in such a cell, and a
 * label set off by a dash instead of a colon (`တောင်းခံသည့်အရေအတွက် - ၄`, quantity requested; items30langs) — the forms every
 * requisition and indent writes its own number, date and quantity in. A cell with a unit or any Latin
 * letter (`૩ ML`, `CH 12`, `PACK OF 10`) is left as it is. Once the digits of every script
 * are read, these numbers would otherwise be read as the product's.
 */
const NUMBERED_FIELD_CELL =
  /(?<=^|\|)(\s*(?:[^\s|\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}][^\s|\p{Script=Latin}\d]*\s?){1,3}(?:[:：.]|\s?[-–—])?\s?)(?:\d{1,6}\/\d{2,4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,6})(?=(?:\s+[^\s|\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}][^\s|\p{Script=Latin}\d]*){0,2}\s*(?:\||$))/gu;

function withoutNumberedFields(text: string): string {
  return text.includes('|') ? text.replace(NUMBERED_FIELD_CELL, '$1') : text;
}

/** `text` with the Indic syllable abbreviations of units after a number written as the Latin units (`DOTTED_SCRIPT_UNIT`). */
function withSyllableUnits(text: string): string {
  return text.replace(DOTTED_SCRIPT_UNIT, (written: string, word: string) => {
    const unit = syllableUnit(word);
    if (unit !== undefined) return ` ${unit}`;
    // `100 ਮਿ.ਲੀ. ਬੋਤਲ` (100 mL bottle): the pattern also took the noun after the abbreviation as its last syllable;
    // the abbreviation alone, up to its last dot, is the unit and the noun stays (items31langs).
    const lastDot = word.lastIndexOf('.');
    const abbreviation = lastDot > 0 ? word.slice(0, lastDot + 1) : '';
    const abbreviated = abbreviation === '' ? undefined : syllableUnit(abbreviation);
    return abbreviated === undefined ? written : ` ${abbreviated} ${word.slice(lastDot + 1).trimStart()}`;
  });
}

function syllableUnit(word: string): string | undefined {
  return SYLLABLE_UNITS[anyAscii(word).toUpperCase().replace(NOT_ROMAN_LETTER, '')];
}

/** `text` with the numerals, units and pack forms of other scripts written as Latin lines write them (see the module doc). */
export function withLatinNumerals(text: string): string {
  if (isAscii(text)) return recentLanguagePackWords(text);
  // A script whose lines write Latin digits (Malayalam, Sinhala, Greek…) still has its words read (each reading is gated by its script).
  if (!NEEDS_NUMERAL_READING.test(text))
    return recentLanguagePackWords(withoutNumberedFields(withScriptDocumentFields(withRomanisedUnits(withLanguageScriptWords(text)))));
  let out = FULL_WIDTH.test(text) ? text.normalize('NFKC') : text;
  out = out.replace(SCRIPT_NUMERAL, latinDigit).replace(TIMES, 'X');
  if (ETHIOPIC.test(out)) out = out.replace(GEEZ_NUMBER, (run) => String(geezNumberValue(run)));
  // Tamil and Urdu (itemLineLanguages.ts) before the Persian and Arabic readings: Urdu writes their letters.
  out = withLanguageScriptWords(out);
  for (const reading of UNIT_READINGS) {
    if (!reading.script.test(out)) continue;
    for (const [pattern, replacement] of reading.rewrites) out = out.replace(pattern, replacement);
  }
  return recentLanguagePackWords(withoutNumberedFields(withScriptDocumentFields(withRomanisedUnits(out))));
}

/** `CPV 33141310-6`, `ДК 021:2015: 33141310-6 — Шприци`, `НК 024:2023 — 35131`: a classification code after its label. */
const PROCUREMENT_CODE = /(?:\bCPV|ДК\s?021(?::\d{4})?)[\s:.#-]*\d{8}(?:-\d)?|НК\s?024(?::\d{4})?[\s:.—–-]*\d{4,6}/giu;
const HAS_PROCUREMENT_LABEL = /CPV|ДК|НК/i;

/** `text` with procurement classification codes and their labels blanked (see the module doc). */
export function withoutProcurementCodes(text: string): string {
  if (!HAS_PROCUREMENT_LABEL.test(text)) return text;
  return text.replace(PROCUREMENT_CODE, ' ');
}

/**
 * Both readings, as `requisitionText` applies them first: an ASCII line (most lines) is only looked at for a `CPV`
 * label; a line with other characters is read fully.
 */
export function withScriptNumeralsAndCodes(text: string): string {
  if (isAscii(text)) {
    const read = recentLanguagePackWords(text);
    return read.includes('CPV') ? withoutProcurementCodes(read) : read;
  }
  return withoutProcurementCodes(withLatinNumerals(text));
}

/** A run of letters of any script but Latin (Common — digits, punctuation — and Latin are left as they are). */
const OTHER_SCRIPT_RUN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;
const HAN = /\p{Script=Han}/u;
/** Scripts written without spaces between words besides Chinese: Thai, Lao, Khmer, Myanmar (as transliteration.ts reads them for names). */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A vowel sign, a diacritic or a subscript-consonant sign (Khmer coeng, Myanmar virama): no word of these scripts starts on one or ends before one. */
const JOINED_MARK = /[\p{M}\u17d2\u1039]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
/**
 * Clitics written on a word: the Arabic article ال and the prepositions / conjunctions و ب ل ف ك; the Hebrew
 * prefixes ו ה ב ל מ ש כ (`למבוגרים` = for adults, `לאולטרסאונד` = for ultrasound); the Amharic prepositions የ ለ ከ በ
 * (`የኪርሽነር` = of Kirschner, `ለአዋቂ` = for an adult).
 */
const CLITICS =
  /^(?:[وفبلك]?ال|لل|[وفبلك])(?=\p{Script=Arabic}{2})|^(?:ו?[הבלמשכ]|ו)(?=\p{Script=Hebrew}{3})|^[የለከበ](?=\p{Script=Ethiopic}{2})/u;
/** The longest Chinese word the segmentation looks for, in characters. */
const MAX_HAN_WORD = 8;
const NOT_WORD_CHARACTERS = /[^A-Z0-9]/g;

/** The key a word of another script is known by: any-ascii, upper case, letters and digits only. */
function romanisedKey(word: string): string {
  return anyAscii(word).toUpperCase().replace(NOT_WORD_CHARACTERS, '');
}

interface ScriptLexicon {
  /** Romanised keys of the tables' words (single words of their canonical forms and variants). */
  keys: ReadonlySet<string>;
  /** Han words of the tables, for the longest-match segmentation of Chinese runs. */
  hanWords: ReadonlySet<string>;
  /** Thai, Lao, Khmer and Myanmar words of the tables, for the same segmentation of their unspaced runs, and the longest one's length. */
  unspacedWords: ReadonlySet<string>;
  longestUnspaced: number;
  /** Latin medicine names by their Cyrillic spelling and by their Arabic consonant skeleton (a form two medicines share is left out). */
  medicineSpellings: ReadonlyMap<string, string>;
  medicineSkeletons: ReadonlyMap<string, string>;
}

/**
 * A romanised key shorter than this is not kept: short romanised words (`سن` → SN, `مع` → M) would read Latin tokens
 * of other lines (a size M) as the table's word.
 */
const MIN_KEY_LENGTH = 4;
/** The tables whose Latin names are read back from Arabic and Cyrillic spellings by their consonant skeleton. */
const MEDICINE_TABLES = ['drugNames', 'drugBrands'] as const;
/** The shortest skeleton read as a medicine name, and the shortest romanised word looked up by its spelling or skeleton. */
const MIN_SKELETON_LENGTH = 4;
const MIN_SKELETON_WORD = 5;

/** Letters that write one sound in Latin names and Cyrillic / Arabic romanisations alike: PH = F, TH = T, TS = S (Ц), X = KS, a soft C = S. */
function latinSounds(key: string): string {
  return key
    .replace(/PH/g, 'F')
    .replace(/([TKS])H/g, '$1')
    .replace(/TS/g, 'S')
    .replace(/X/g, 'KS')
    .replace(/C(?=[EIY])/g, 'S')
    .replace(/[CQ]/g, 'K');
}

/**
 * A romanised name as Cyrillic writes a Latin one: a soft C is Ц (TS), X is КС, TH and PH are Т and Ф, Y is И, V and
 * W are В, a final mute E is not written, double letters are single (`LEVOTHYROXINE` and `левотироксин` both read
 * LEFOTIROKSIN, `GENTAMICIN` and `Гентаміцин` GENTAMISIN, `NORVASC` and `Норваск` NORFASK).
 */
export function cyrillicSpelling(key: string): string {
  return latinSounds(key)
    .replace(/Y/g, 'I')
    .replace(/[VW]/g, 'F')
    .replace(/E$/, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The consonants of a romanised name as Arabic writes a Latin one: no short vowels (the long ones are ا, و and ي: A,
 * W, Y), no P and no V (ب, ف), and the Egyptian G is ج (J): `AMLODIPINE` and `أملوديبين` (MLWDYBYN) both read MLDBN,
 * `NORVASC` and `نورفاسك` (NWRFSK) NRFSK, `EUTHYROX` and `يوثيروكس` TRKS.
 */
export function consonantSkeleton(key: string): string {
  return latinSounds(key)
    .replace(/J/g, 'G')
    .replace(/P/g, 'B')
    .replace(/V/g, 'F')
    .replace(/[AEIOUYWH]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function lexiconOf(tableNamed: (name: string) => AliasTable | undefined): ScriptLexicon {
  const keys = new Set<string>();
  const hanWords = new Set<string>();
  const unspacedWords = new Set<string>();
  let longestUnspaced = 0;
  for (const name of SCRIPT_WORD_TABLES) {
    for (const entry of tableNamed(name)?.entries ?? []) {
      for (const form of [entry.canonical ?? '', ...entry.variants]) {
        if (isAscii(form)) continue;
        for (const word of form.match(OTHER_SCRIPT_RUN) ?? []) {
          const key = romanisedKey(word);
          if (key.length < MIN_KEY_LENGTH) continue;
          if (HAN.test(word)) hanWords.add(word);
          else keys.add(key);
          if (UNSPACED.test(word)) {
            unspacedWords.add(word);
            longestUnspaced = Math.max(longestUnspaced, word.length);
          }
        }
      }
    }
  }
  // Latin medicine names: kept when a romanised run spells them (`PARATSETAMOL`, as drugs14's reading kept them), or
  // spells them as Cyrillic or Arabic write a Latin name.
  const spellings = new UniqueForms();
  const skeletons = new UniqueForms();
  for (const name of MEDICINE_TABLES) {
    for (const entry of tableNamed(name)?.entries ?? []) {
      for (const form of [entry.canonical ?? '', ...entry.variants]) {
        if (/\s/.test(form.trim())) continue;
        const key = form.toUpperCase().replace(NOT_WORD_CHARACTERS, '');
        if (key.length < MIN_KEY_LENGTH) continue;
        keys.add(key);
        const medicine = entry.canonical ?? key;
        spellings.add(cyrillicSpelling(key), key, medicine);
        const skeleton = consonantSkeleton(key);
        if (skeleton.length >= MIN_SKELETON_LENGTH) skeletons.add(skeleton, key, medicine);
      }
    }
  }
  return { keys, hanWords, unspacedWords, longestUnspaced, medicineSpellings: spellings.forms(), medicineSkeletons: skeletons.forms() };
}

/** Forms → the name they read, leaving out a form that two different medicines share. */
class UniqueForms {
  private readonly byForm = new Map<string, { key: string; medicine: string } | null>();

  add(form: string, key: string, medicine: string): void {
    const known = this.byForm.get(form);
    if (known === undefined) this.byForm.set(form, { key, medicine });
    else if (known !== null && known.medicine !== medicine) this.byForm.set(form, null);
  }

  forms(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    for (const [form, read] of this.byForm) if (read !== null) out.set(form, read.key);
    return out;
  }
}

/**
 * The words of a run by longest match against `words` (at most `longest` characters each), each written as its
 * romanised key; a match starts only where `startsAt` allows and ends only where `endsAt` allows. Unknown characters are
 * dropped; a run with no known word is returned as it is.
 */
function longestMatchWords(
  run: string,
  words: ReadonlySet<string>,
  longest: number,
  bounds: { startsAt: (run: string, index: number) => boolean; endsAt: (run: string, index: number) => boolean },
): string {
  const found: string[] = [];
  let i = 0;
  while (i < run.length) {
    let matched = 0;
    for (let length = bounds.startsAt(run, i) ? Math.min(longest, run.length - i) : 0; length > 0; length--) {
      if (words.has(run.slice(i, i + length)) && bounds.endsAt(run, i + length)) {
        matched = length;
        break;
      }
    }
    if (matched > 0) {
      found.push(romanisedKey(run.slice(i, i + matched)));
      i += matched;
    } else i++;
  }
  return found.length > 0 ? ` ${found.join(' ')} ` : run;
}

const ANYWHERE = { startsAt: () => true, endsAt: () => true };

/** Han words of a run by longest match (unknown characters dropped), each written as its romanised key. */
function segmentedHan(run: string, hanWords: ReadonlySet<string>): string {
  return longestMatchWords(run, hanWords, MAX_HAN_WORD, ANYWHERE);
}

/** A syllable boundary of a Brahmic-derived script: not on a vowel sign or mark, not after a subscript sign. */
const SYLLABLE_BOUNDS = {
  startsAt: (run: string, i: number) =>
    !JOINED_MARK.test(run.charAt(i)) && run.charAt(i - 1) !== '\u17d2' && run.charAt(i - 1) !== '\u1039',
  endsAt: (run: string, i: number) => !JOINED_MARK.test(run.charAt(i)),
};

/**
 * Words of an unspaced Thai, Lao, Khmer or Myanmar run by longest match against the tables' words of those scripts
 * (items28text, item-3.53.0: Khmer requisitions write `កអាវការពារសត្វ`, collar-protect-animal, as one run), each written
 * as its romanised key; a word neither starts on a vowel sign or a subscript consonant nor ends before one, so a match
 * never splits a syllable. Unknown letters are dropped, as `measureText` drops them.
 */
function segmentedUnspaced(run: string, lexicon: ScriptLexicon): string {
  return longestMatchWords(run, lexicon.unspacedWords, lexicon.longestUnspaced, SYLLABLE_BOUNDS);
}

function knownKey(run: string, lexicon: ScriptLexicon): string | undefined {
  const key = romanisedKey(run);
  if (lexicon.keys.has(key)) return key;
  const clitic = CLITICS.exec(run);
  const bare = clitic === null ? undefined : romanisedKey(run.slice(clitic[0].length));
  if (bare !== undefined && lexicon.keys.has(bare)) return bare;
  if (CYRILLIC.test(run)) return key.length >= MIN_SKELETON_WORD ? lexicon.medicineSpellings.get(cyrillicSpelling(key)) : undefined;
  if (!ARABIC.test(run)) return undefined;
  for (const word of bare === undefined ? [key] : [key, bare]) {
    if (word.length < MIN_SKELETON_WORD) continue;
    const medicine = lexicon.medicineSkeletons.get(consonantSkeleton(word));
    if (medicine !== undefined) return medicine;
  }
  return undefined;
}

function withScriptWords(value: string, lexicon: () => ScriptLexicon): string {
  if (isAscii(value)) return value;
  return value.replace(OTHER_SCRIPT_RUN, (run) => {
    const known = lexicon();
    if (HAN.test(run)) return known.hanWords.size > 0 ? segmentedHan(run, known.hanWords) : run;
    if (UNSPACED.test(run) && known.unspacedWords.size > 0) return segmentedUnspaced(run, known);
    const key = knownKey(run, known);
    return key === undefined ? run : ` ${key} `;
  });
}

let shippedLexicon: ScriptLexicon | undefined;

/** `value` with each word of another script that a shipped table knows written as its romanised key; other words left as they are. */
export function withShippedScriptWords(value: string): string {
  return withScriptWords(value, () => (shippedLexicon ??= lexiconOf((name) => shippedAliasTables().get(name))));
}

/** The same reading for the given table versions (a rule set's published alias tables). */
export function scriptWordsWith(tableNamed: (name: string) => AliasTable | undefined): (value: string) => string {
  const lexicon = lexiconOf(tableNamed);
  return (value) => withScriptWords(value, () => lexicon);
}
