/**
 * Item lines in Tamil, Urdu, Malay and Lithuanian (itemscripts17, item-3.30.0): the units, pack forms and the words a
 * distinguishing attribute is written with, as Latin-script English lines write them, so the item extractors (which
 * read English) and the description comparator read them. Part of the `scriptNumerals` text rewrite
 * (`withLatinNumerals`, scriptItemText.ts), which the attributes comparator and the `requisitionText` normaliser
 * apply first; common item words that no extractor reads are in the catalogueTranslations table instead.
 *
 * Why words here and not only in catalogueTranslations: the attributes comparator reads the rewritten text, not the
 * alias tables, so a size, a filter, a patient population or a page count written in these languages (`saiz Kecil`,
 * `su filtru`, `குழந்தைகளுக்கான`, `10 500 psl.`) would otherwise never be read — and two siblings that differ only in it
 * were put before a steward as one product. Each entry names its language; each is a dictionary form or the standard
 * abbreviation of the language (Tamil மி.மீ, Urdu ملی میٹر, Malay `sm` = sentimeter, Lithuanian `vnt.` = vienetai,
 * `psl.` = puslapiai, `m.` = metai after a year).
 *
 * Gates: the Tamil and Urdu readings run only when the line holds a letter of the script (Urdu: of the Arabic block;
 * its patterns are Urdu words and spellings — ملی گرام, کا ڈبہ — that Arabic and Persian lines do not write); the Malay and Lithuanian readings (Latin script) only when the line
 * holds one of their marker words, tested once per line with one regular expression for both (and Swahili).
 */
import { SCRIPT_VOCABULARY_READINGS } from './scriptVocabulary';
import { wordAnchoredTest } from './wordAnchoredTest';

/** A pattern and what it is written as: a replacement string, or a function of the match and its groups. */
type Rewrite = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** A script's readings: the rewrites run only when `script` matches the line. */
interface ScriptReading {
  language: string;
  script: RegExp;
  rewrites: readonly Rewrite[];
}

/** A Latin-script language's readings: the rewrites run only when `marker` matches the line. */
interface LanguageReading {
  language: string;
  marker: RegExp;
  rewrites: readonly Rewrite[];
}

function rewritten(text: string, rewrites: readonly Rewrite[]): string {
  let out = text;
  for (const [pattern, replacement] of rewrites)
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  // A word replaced by its padded English reading (` LEVEL `, ` SIZE `) leaves two spaces beside the line's own; the
  // attribute patterns allow one space between a label and its value (`LEVEL 1`, `SIZE ML`), so runs become one.
  return out === text ? out : out.replace(/ {2,}/g, ' ');
}

/**
 * Unit spellings after a number (or a slash), whole words only, one space before the unit (`10-20 KG`, `+21.0
 * DIOPTRE`: the patterns allow one): `[spelling, unit]`, longer spellings first. A storage capacity is written glued
 * (`64GB`), as English titles write it: `1066x 64 GB` would be read as the dimensions 1066 x 64.
 */
function unitsAfterNumber(spellings: ReadonlyArray<[string, string]>, wordEnd: string): Rewrite[] {
  return spellings.map(([spelling, unit]) => [
    new RegExp(`(?<=[\\d/])\\s?(?:${spelling})\\.?${wordEnd}`, 'gu'),
    GLUED_UNITS.has(unit) ? `${unit} ` : ` ${unit}`,
  ]);
}
const GLUED_UNITS = new Set(['GB', 'TB']);

/** English ordinal of a number (21 → 21ST, 12 → 12TH): how English lines write an edition. */
export function englishOrdinal(value: string): string {
  const n = Number(value);
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'TH' : (['TH', 'ST', 'ND', 'RD'][n % 10] ?? 'TH');
  return `${value}${suffix}`;
}

const TAMIL_WORD_END = '(?![\\p{Script=Tamil}])';

/**
 * Tamil (Tamil Nadu Medical Services Corporation and other Indian state tender lines). Units: மி.மீ / மில்லிமீட்டர் (mm),
 * செ.மீ (cm), மி.லி (mL), மி.கி (mg), மை.கி (mcg), கி.கி (kg), கிராம் (g), லிட்டர் (L), ஜிபி (GB), மைக்ரான் (micron).
 * Packs: `100 ஊசிகள் கொண்ட பெட்டி` (a box holding 100 needles: the noun stays), `850 எண்ணிக்கை பை` (a bag of 850),
 * `960 எண்ணிக்கை` (960 count). Attribute words: அளவு (size) சிறியது / நடுத்தரம் / பெரியது (small / medium / large),
 * வடிகட்டியுடன் / வடிகட்டி இல்லாமல் (with / without filter), குழந்தைகளுக்கான (for children), பெரியவர்களுக்கான (for
 * adults), காற்றுவாழ் / காற்றில்லா (aerobic / anaerobic), கிருமி நீக்கப்பட்ட (sterilised), ஒருமுறை பயன்பாட்டு (single
 * use), பக்கங்கள் (pages), பதிப்பு (edition), கருப்பு (black).
 */
const TAMIL: ScriptReading = {
  language: 'Tamil',
  script: /[\u0b80-\u0bff]/,
  rewrites: [
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Tamil}+)\s)?கொண்ட\s(?:பெட்டி|பெட்டிகள்)(?![\p{Script=Tamil}])/gu, ' $2 BOX OF $1 '],
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Tamil}+)\s)?கொண்ட\s(?:பை|பைகள்)(?![\p{Script=Tamil}])/gu, ' $2 BAG OF $1 '],
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Tamil}+)\s)?கொண்ட\s(?:பொதி|பேக்|பாக்கெட்)(?![\p{Script=Tamil}])/gu, ' $2 PACK OF $1 '],
    [/(?<![\d.])(\d+)\s(?:எண்ணிக்கை|எண்கள்)\s(?:பை)(?![\p{Script=Tamil}])/gu, ' BAG OF $1 '],
    [/(?<![\d.])(\d+)\s(?:எண்ணிக்கை|எண்கள்)\s(?:பெட்டி)(?![\p{Script=Tamil}])/gu, ' BOX OF $1 '],
    [/(?<![\d.])(\d+)\s(?:எண்ணிக்கை|எண்கள்)(?![\p{Script=Tamil}])/gu, ' $1 COUNT '],
    [/(?<![\p{Script=Tamil}])அளவு\s?[:-]?\s?(?:சிறியது|சிறிய)(?![\p{Script=Tamil}])/gu, ' SIZE SMALL '],
    [/(?<![\p{Script=Tamil}])அளவு\s?[:-]?\s?(?:நடுத்தரம்|நடுத்தர)(?![\p{Script=Tamil}])/gu, ' SIZE MEDIUM '],
    [/(?<![\p{Script=Tamil}])அளவு\s?[:-]?\s?(?:பெரியது|பெரிய)(?![\p{Script=Tamil}])/gu, ' SIZE LARGE '],
    [/(?<![\p{Script=Tamil}])அளவு(?![\p{Script=Tamil}])/gu, ' SIZE '],
    [/(?<![\p{Script=Tamil}])வடிகட்டி\s(?:இல்லாமல்|இல்லாத|அற்ற)(?![\p{Script=Tamil}])/gu, ' WITHOUT FILTER '],
    [/(?<![\p{Script=Tamil}])வடிகட்டியுடன்(?![\p{Script=Tamil}])/gu, ' WITH FILTER '],
    [/(?<![\p{Script=Tamil}])(?:குழந்தைகளுக்கான|குழந்தைகளுக்கு|குழந்தை)(?![\p{Script=Tamil}])/gu, ' PAEDIATRIC '],
    [/(?<![\p{Script=Tamil}])(?:பெரியவர்களுக்கான|பெரியவர்களுக்கு|வயது வந்தோர்)(?![\p{Script=Tamil}])/gu, ' ADULT '],
    [/(?<![\p{Script=Tamil}])(?:காற்றில்லா|காற்றின்றி\s?வாழ்|அனேரோபிக்)(?![\p{Script=Tamil}])/gu, ' ANAEROBIC '],
    [/(?<![\p{Script=Tamil}])(?:காற்றுவாழ்|காற்று\s?வாழ்|ஏரோபிக்)(?![\p{Script=Tamil}])/gu, ' AEROBIC '],
    [/(?<![\p{Script=Tamil}])(?:கிருமி\s?நீக்கப்பட்டவை|கிருமி\s?நீக்கப்பட்ட|கிருமி\s?நீக்கம்\s?செய்யப்பட்ட|மலட்டு)(?![\p{Script=Tamil}])/gu, ' STERILE '],
    [/(?<![\p{Script=Tamil}])(?:ஒருமுறை\s?பயன்பாட்டு|ஒருமுறை\s?பயன்படுத்தும்|ஒரு\s?முறை\s?பயன்பாட்டு)(?![\p{Script=Tamil}])/gu, ' SINGLE USE '],
    [/(?<![\p{Script=Tamil}])(?:கருப்பு|கறுப்பு)(?![\p{Script=Tamil}])/gu, ' BLACK '],
    [/(?<![\p{Script=Tamil}])சுமார்(?![\p{Script=Tamil}])/gu, ' APPROX '],
    [/(?<=\d)\s?(?:பக்கங்கள்|பக்கம்)(?![\p{Script=Tamil}])/gu, ' PAGES '],
    [
      /(?<![\d.])(\d+)\s?(?:வது|ஆம்)\s(?:பதிப்பு)(?![\p{Script=Tamil}])/gu,
      (_match: string, edition: string) => ` ${englishOrdinal(edition)} EDITION `,
    ],
    ...unitsAfterNumber(
      [
        ['மில்லிமீட்டர்|மி\\.?\\s?மீ', 'MM'],
        ['சென்டிமீட்டர்|செ\\.?\\s?மீ', 'CM'],
        ['மில்லிலிட்டர்|மி\\.?\\s?லி', 'ML'],
        ['மைக்ரோகிராம்|மை\\.?\\s?கி', 'MCG'],
        ['மில்லிகிராம்|மி\\.?\\s?கி', 'MG'],
        ['கிலோகிராம்|கி\\.?\\s?கி', 'KG'],
        ['கிராம்', 'GRAM'],
        ['லிட்டர்', 'L'],
        ['மைக்ரான்', 'MICRON'],
        ['ஜிபி', 'GB'],
        ['டிபி', 'TB'],
        ['அங்குலம்', 'IN'],
      ],
      TAMIL_WORD_END,
    ),
  ],
};

const URDU_WORD_END = '(?![\\p{Script=Arabic}])';

/**
 * Urdu (Pakistani hospital and DRAP lines, Nastaliq): units ملی میٹر (mm), سینٹی میٹر (cm), ملی لیٹر (mL), ملی گرام (mg),
 * مائیکرو گرام (mcg), کلوگرام (kg), گرام (g), لیٹر (L), انچ (in), ڈائیوپٹر (dioptre), مائیکرون (micron), جی بی (GB). Packs:
 * `60 عدد کا ڈبہ` (a box of 60 pieces), `100 بوتلوں کا ڈبہ` (a box of 100 bottles: the noun stays), `6 کا پیک` (a pack of
 * 6), `850 عدد کا تھیلا` (a bag of 850), `فی عدد` (each), `1 گولی` (1 tablet). Attribute words: سائز (size) with چھوٹا /
 * درمیانہ / بڑا (small / medium / large), فلٹر کے ساتھ / فلٹر کے بغیر (with / without filter), بچوں کے لیے (for children),
 * بالغوں کے لیے (for adults), ایروبک / اینیروبک (aerobic / anaerobic, the English loanwords), جراثیم سے پاک (sterile), ایک بار
 * استعمال (single use), بیٹری (battery), سماعتی آلہ (hearing aid), صفحات (pages), ایڈیشن (edition), کالا / سیاہ (black).
 */
const URDU: ScriptReading = {
  language: 'Urdu',
  // Any Arabic-script line: an Urdu line need not hold a letter Arabic and Persian do not write (گولی 500 ملی گرام).
  script: /[\u0600-\u06ff]/,
  rewrites: [
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Arabic}+)\s)?کا\s(?:ڈبہ|ڈبا|باکس)(?![\p{Script=Arabic}])/gu, ' $2 BOX OF $1 '],
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Arabic}+)\s)?کا\s(?:پیک|پیکٹ)(?![\p{Script=Arabic}])/gu, ' $2 PACK OF $1 '],
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Arabic}+)\s)?کا\s(?:تھیلا|تھیلی)(?![\p{Script=Arabic}])/gu, ' $2 BAG OF $1 '],
    [/(?<![\d.])(\d+)\s(?:(\p{Script=Arabic}+)\s)?کا\s(?:کارٹن)(?![\p{Script=Arabic}])/gu, ' $2 CARTON OF $1 '],
    [/(?<![\p{Script=Arabic}])فی\sعدد(?![\p{Script=Arabic}])/gu, ' EACH '],
    [/(?<![\d.])(\d+)\s(?:گولی|گولیاں)(?![\p{Script=Arabic}])/gu, ' $1 TABLETS '],
    [/(?<![\p{Script=Arabic}])سائز\s(?:چھوٹا|چھوٹی)(?![\p{Script=Arabic}])/gu, ' SIZE SMALL '],
    [/(?<![\p{Script=Arabic}])سائز\s(?:درمیانہ|درمیانی|میڈیم)(?![\p{Script=Arabic}])/gu, ' SIZE MEDIUM '],
    [/(?<![\p{Script=Arabic}])سائز\s(?:بڑا|بڑی)(?![\p{Script=Arabic}])/gu, ' SIZE LARGE '],
    [/(?<![\p{Script=Arabic}])سائز(?![\p{Script=Arabic}])/gu, ' SIZE '],
    [/(?<![\p{Script=Arabic}])(?:فلٹر\sکے\sبغیر|بغیر\sفلٹر)(?![\p{Script=Arabic}])/gu, ' WITHOUT FILTER '],
    [/(?<![\p{Script=Arabic}])فلٹر\sکے\sساتھ(?![\p{Script=Arabic}])/gu, ' WITH FILTER '],
    [/(?<![\p{Script=Arabic}])بچوں\s(?:کے\sلیے|کے\sلئے|کا|کی)(?![\p{Script=Arabic}])/gu, ' PAEDIATRIC '],
    [/(?<![\p{Script=Arabic}])بالغوں\s(?:کے\sلیے|کے\sلئے|کا|کی)(?![\p{Script=Arabic}])/gu, ' ADULT '],
    [/(?<![\p{Script=Arabic}])(?:اینیروبک|این\sایروبک|اینایروبک)(?![\p{Script=Arabic}])/gu, ' ANAEROBIC '],
    [/(?<![\p{Script=Arabic}])(?:ایروبک|ایروبِک)(?![\p{Script=Arabic}])/gu, ' AEROBIC '],
    [/(?<![\p{Script=Arabic}])جراثیم\sسے\sپاک(?![\p{Script=Arabic}])/gu, ' STERILE '],
    [/(?<![\p{Script=Arabic}])ایک\sبار\s(?:استعمال|قابل\sاستعمال)(?![\p{Script=Arabic}])/gu, ' SINGLE USE '],
    [/(?<![\p{Script=Arabic}])سماعتی\s(?:آلہ|آلے|آلات)(?:\sکی|\sکا|\sکے)?(?![\p{Script=Arabic}])/gu, ' HEARING AID '],
    [/(?<![\p{Script=Arabic}])(?:بیٹری|بیٹریاں)(?![\p{Script=Arabic}])/gu, ' BATTERY '],
    [/(?<![\p{Script=Arabic}])(?:کالا|کالی|سیاہ)(?![\p{Script=Arabic}])/gu, ' BLACK '],
    [/(?<=\d)\s?(?:صفحات|صفحے)(?![\p{Script=Arabic}])/gu, ' PAGES '],
    [
      /(?<![\d.])(\d+)\s?(?:واں|ویں|وا)\s(?:ایڈیشن)(?![\p{Script=Arabic}])/gu,
      (_match: string, edition: string) => ` ${englishOrdinal(edition)} EDITION `,
    ],
    ...unitsAfterNumber(
      [
        ['ملی\\s?میٹر', 'MM'],
        ['سینٹی\\s?میٹر|سنٹی\\s?میٹر', 'CM'],
        ['ملی\\s?لیٹر', 'ML'],
        ['مائیکرو\\s?گرام', 'MCG'],
        ['ملی\\s?گرام', 'MG'],
        ['کلو\\s?گرام', 'KG'],
        ['گرام', 'GRAM'],
        ['لیٹر', 'L'],
        ['انچ', 'IN'],
        ['ڈائیوپٹر|ڈایوپٹر', 'DIOPTRE'],
        ['مائیکرون', 'MICRON'],
        ['جی\\s?بی', 'GB'],
        ['یونٹ', 'UNITS'],
      ],
      URDU_WORD_END,
    ),
  ],
};

/** The script readings of this module, run before the Persian and Arabic readings (Urdu shares their letters). */

/** `pattern` not preceded / followed by a letter of `script` (a Unicode script name: `Cyrillic`, `Telugu`). */
function scriptWords(script: string, pattern: string): RegExp {
  return new RegExp(`(?<![\\p{Script=${script}}])(?:${pattern})(?![\\p{Script=${script}}])`, 'giu');
}

/**
 * A count, then an optional noun of `script` (what is counted), then a word of `packWords` (`12 ಕಡ್ಡಿಗಳ ಪೆಟ್ಟಿಗೆ`, a box of 12
 * sticks): `$1` the count, `$2` the noun, as the Indic scripts write a box or a pack after its count.
 */
function countBeforePackWord(script: string, packWords: string): RegExp {
  return new RegExp(`(?<![\\d.])(\\d+)\\s(?:([\\p{Script=${script}}\\u200c]+)\\s)?(?:${packWords})(?![\\p{Script=${script}}])`, 'gu');
}

/** Not preceded / followed by a Cyrillic letter. */
function cyrillicWords(pattern: string): RegExp {
  return scriptWords('Cyrillic', pattern);
}

/**
 * Bulgarian (ЦАИС ЕОП tender lines; item-3.33.0): `1 бр.` (брой, piece), `опаковка 2 бр.` / `опаковка от 50 бр.` (a
 * pack), `с` / `без` + a word (with / without), `за възрастни` (adult), `за деца` / `детски` (paediatric), `размер`
 * (size), `ниво` (level), `чифт` (pair), `стерео` / `моно`, `стерилен` / `нестерилен`, and colour words. Run before the
 * Cyrillic units (scriptItemText.ts) on a line with a Cyrillic letter; the words are Bulgarian forms (Russian writes
 * `для детей`, `пара`, `уровень`).
 */
const BULGARIAN: ScriptReading = {
  language: 'Bulgarian',
  script: /[\u0400-\u04ff]/,
  rewrites: [
    [/(?<![\p{Script=Cyrillic}])опаковка\s(?:от\s)?(\d+)\s?бр\.?/giu, ' PACK OF $1 '],
    [/(?<=\d)\s?бр(?:\.|(?![\p{Script=Cyrillic}]))/giu, ' PCS '],
    [cyrillicWords('за\\sвъзрастни|възрастни'), ' ADULT '],
    [cyrillicWords('за\\sдеца|детски|детска|детско|педиатрични|педиатричен'), ' PAEDIATRIC '],
    [cyrillicWords('размер'), ' SIZE '],
    [cyrillicWords('ниво'), ' LEVEL '],
    [cyrillicWords('чифт'), ' PAIR '],
    [cyrillicWords('стерео'), ' STEREO '],
    [cyrillicWords('моно'), ' MONO '],
    [cyrillicWords('нестерилн\\p{L}*|нестерилен'), ' NON-STERILE '],
    [cyrillicWords('стерилн\\p{L}*|стерилен'), ' STERILE '],
    [/(?<![\p{Script=Cyrillic}])с\s(?=\p{Script=Cyrillic}{3,})/gu, ' WITH '],
    [cyrillicWords('без'), ' WITHOUT '],
    [cyrillicWords('зелен|зелена|зелено'), ' GREEN '],
    [cyrillicWords('лилав|лилава|лилаво'), ' PURPLE '],
    [cyrillicWords('златист|златиста|златисто'), ' GOLD '],
    [cyrillicWords('син|синя|синьо|тъмносин|тъмносиня'), ' BLUE '],
    [cyrillicWords('черен|черна|черно'), ' BLACK '],
    [cyrillicWords('бял|бяла|бяло'), ' WHITE '],
  ],
};

/**
 * Macedonian (e-nabavki tender lines; item-3.41.0, itemattrs20): `кутија 50 парчиња` / `кутија од 50 парчиња` (a box of
 * 50 pieces), `пакување од 10 тестови` (a pack of 10 tests), `за возрасни` (adult), `за деца` / `детски` (paediatric),
 * `за доенчиња` (infant), `големина` (size), `маркер` (a marker: its colour is the article), `еднократна` (single use), `без латекс` (latex free), `со` + a word (with),
 * and the colour words Bulgarian writes otherwise (`црн`, `црвен`, `портокалов`, `жолт`, `бел`). Runs after the Bulgarian
 * reading on a line with a Cyrillic letter; `стерилен` / `нестерилен` and `без` are read there (one word in both
 * languages).
 */
const MACEDONIAN: ScriptReading = {
  language: 'Macedonian',
  script: /[\u0400-\u04ff]/,
  rewrites: [
    [/(?<![\p{Script=Cyrillic}])кутија\s(?:од\s)?(\d+)\s?(?:парчиња|парче|ком\.?)?(?![\p{Script=Cyrillic}])/giu, ' BOX OF $1 '],
    [/(?<![\p{Script=Cyrillic}])пакување\s(?:од\s)?(\d+)\s?(?:парчиња|парче)?(?![\p{Script=Cyrillic}])/giu, ' PACK OF $1 '],
    [/(?<=\d)\s?(?:парчиња|парче)(?![\p{Script=Cyrillic}])/giu, ' PCS '],
    [/(?<=\d)\s?(?:тестови|теста)(?![\p{Script=Cyrillic}])/giu, ' TESTS '],
    [cyrillicWords('за\\sвозрасни|возрасни'), ' ADULT '],
    [cyrillicWords('за\\sдеца|детски|детска|педијатриск\\p{L}*'), ' PAEDIATRIC '],
    [cyrillicWords('за\\sдоенчиња|доенчиња|доенче'), ' INFANT '],
    [cyrillicWords('големина'), ' SIZE '],
    [cyrillicWords('маркер|маркери'), ' MARKER '],
    [cyrillicWords('еднократн\\p{L}*'), ' SINGLE USE '],
    [cyrillicWords('без\\sлатекс'), ' LATEX FREE '],
    [/(?<![\p{Script=Cyrillic}])со\s(?=\p{Script=Cyrillic}{3,})/gu, ' WITH '],
    [cyrillicWords('црн|црна|црно|црни'), ' BLACK '],
    [cyrillicWords('црвен|црвена|црвено|црвени'), ' RED '],
    [cyrillicWords('портокалов|портокалова|портокалово|портокалови'), ' ORANGE '],
    [cyrillicWords('жолт|жолта|жолто|жолти'), ' YELLOW '],
    [cyrillicWords('бел|бела|бело|бели'), ' WHITE '],
    [cyrillicWords('сина|сино|сини'), ' BLUE '],
  ],
};

/**
 * Russian, Ukrainian and Belarusian (Kazakh goszakup, Russian zakupki and Prozorro tender lines; item-3.43.0,
 * items21units): the words of the attributes English lines write — single use (`однократного применения`,
 * `одноразовый`, Ukrainian `одноразовий`, Belarusian `аднаразовы`), sterile / non-sterile (`стерильный`,
 * `стерильний`, `стэрыльны`), latex free (`без латекса`), a keyed vs a combination lock (`с ключом`, `кодовый`), with a
 * needle (`с иглой`, `з голкою`), adult / paediatric / neonatal (`для взрослых`, `для детей`, `для дорослих`, `для
 * дітей`), size (`размер`, `розмір`, `памер`), a box of n (`коробка 50 шт.`), n pieces per pack (`12 шт. в упаковке`) and
 * the colour words in their inflected forms. Runs before the Bulgarian reading on a line with a Cyrillic letter (the
 * Bulgarian reading takes a bare `с` / `без` as with / without; the phrases here are read first).
 */
const EAST_SLAVIC: ScriptReading = {
  language: 'Russian / Ukrainian / Belarusian',
  script: /[\u0400-\u04ff]/,
  rewrites: [
    [cyrillicWords('однократного\\sприменения|однократного\\sиспользования|одноразов\\p{L}*|аднаразов\\p{L}*'), ' SINGLE USE '],
    [cyrillicWords('нестерильн\\p{L}*|нестэрыльн\\p{L}*'), ' NON-STERILE '],
    [cyrillicWords('стерильн\\p{L}*|стэрыльн\\p{L}*'), ' STERILE '],
    [cyrillicWords('без\\sлатекса|без\\sлатексу|безлатексн\\p{L}*'), ' LATEX FREE '],
    [cyrillicWords('с\\sключом|з\\sключем|з\\sключом'), ' KEYED '],
    [cyrillicWords('кодов\\p{L}*'), ' COMBINATION '],
    [cyrillicWords('широк\\p{L}*\\sгорл\\p{L}*|широкогорл\\p{L}*|широк\\p{L}*\\sгорловин\\p{L}*'), ' WIDE MOUTH '],
    [cyrillicWords('узк\\p{L}*\\sгорл\\p{L}*|узкогорл\\p{L}*|вузьк\\p{L}*\\sгорловин\\p{L}*'), ' NARROW MOUTH '],
    [cyrillicWords('с\\sиглой|з\\sголкою|з\\sіголкою'), ' WITH NEEDLE '],
    [cyrillicWords('без\\sиглы|без\\sголки'), ' WITHOUT NEEDLE '],
    [cyrillicWords('для\\sвзрослых|для\\sдорослих|для\\sдарослых|взросл\\p{L}*|дорослий|доросла'), ' ADULT '],
    [cyrillicWords('для\\sноворожденных|для\\sновонароджених|неонатальн\\p{L}*'), ' NEONATAL '],
    [cyrillicWords('для\\sдетей|для\\sдітей|для\\sдзяцей|детск\\p{L}*|дитяч\\p{L}*|педиатрическ\\p{L}*|педіатричн\\p{L}*'), ' PAEDIATRIC '],
    [cyrillicWords('размер|розмір|памер'), ' SIZE '],
    [cyrillicWords('трос|тросом|кабель|кабеля|кабелем|шнур'), ' CABLE '],
    // `г. Мінск`, `г. Москва`: the abbreviation of горад / город (city) before a place name, never a gram (`№ 5 г. Гомеля`
    // was read as 5 g) nor a sentence's end.
    [/(?<![\p{L}\d])г\.\s?(?=\p{Lu}\p{Ll})/gu, ' '],
    // `5,5 м`: a comma between digits before the metre is the decimal comma these languages write (their thousands are
    // spaced), so the length is the one English lines write `5.5 m` (items29langs: `5,5 M` was read as `5`, size M); the
    // extractors of the other units read a decimal comma already.
    [/(?<=\d),(?=\d{1,3}\s?м(?![\p{Script=Cyrillic}]))/gu, '.'],
    // `1,5 м`: metres after a number (мм and см are read by the Cyrillic units; a bare м only as a whole word).
    [/(?<=\d)\s?м(?![\p{Script=Cyrillic}])/gu, ' M'],
    [/(?<![\p{Script=Cyrillic}])(?:коробка|короб\.?|кор\.)\s?(?=\d)/giu, ' BOX OF '],
    [/(?<![\d.])(\d+)\s?шт\.?\s(?:в|у|ў|ва)\s(?:упаковке|упаковці|[уў]пакоўцы|упак\.?)(?![\p{Script=Cyrillic}])/giu, ' $1 PER PACK '],
    [/(?<![\d.])(\d+)\s?шт\.?\s(?:в|у)\s(?:коробке|коробці)(?![\p{Script=Cyrillic}])/giu, ' $1 PER BOX '],
    [cyrillicWords('ч[её]рн\\p{L}*|чорн\\p{L}*'), ' BLACK '],
    [cyrillicWords('син(?:ий|яя|ее|ие|его|ей|ій|я|є|і)'), ' BLUE '],
    [cyrillicWords('красн\\p{L}*|червон\\p{L}*|чырвон\\p{L}*'), ' RED '],
    [cyrillicWords('зел[её]н\\p{L}*|зялён\\p{L}*'), ' GREEN '],
    [cyrillicWords('ж[её]лт\\p{L}*|жовт\\p{L}*|жоўт\\p{L}*'), ' YELLOW '],
    [cyrillicWords('бел(?:ый|ая|ое|ые|ого)|біл(?:ий|а|е|і)|бел(?:ы|ая|ае)'), ' WHITE '],
    [cyrillicWords('оранжев\\p{L}*|помаранчев\\p{L}*|аранжав\\p{L}*'), ' ORANGE '],
    // Belarusian (Minsk, Grodno and Gomel hospital, institute and school requisitions; items29langs, item-3.54.0): `сіні` /
    // `сіняя` (blue: Belarusian writes і), sizes `малы` / `сярэдні` / `вялікі` (small / medium / large), the resistance
    // words of exercise bands `моцная` (strong, heavy) and `вельмі моцная` (very strong, extra heavy), `эспандэр` (an
    // exerciser), a kit's preps `50 ачыстак` (50 purifications) and `ДНК` (DNA) (Krapiva, Belarusian–Russian Dictionary).
    [cyrillicWords('сін(?:і|яя|яе|ія|юю|яга|яй|ім)'), ' BLUE '],
    [cyrillicWords('мал(?:ы|ая|ое|ыя)'), ' SMALL '],
    [cyrillicWords('сярэдн\\p{L}*'), ' MEDIUM '],
    [cyrillicWords('вялік\\p{L}*'), ' LARGE '],
    [cyrillicWords('вельмі\\sмоцн\\p{L}*'), ' EXTRA HEAVY '],
    [cyrillicWords('моцн\\p{L}*'), ' HEAVY '],
    [cyrillicWords('эспандэр\\p{L}*|эспандер\\p{L}*'), ' EXERCISE '],
    [/(?<![\d.])(\d+)\s?ачыст\p{L}*/giu, ' $1 PREPS '],
    [cyrillicWords('ДНК'), ' DNA '],
    // Kazakh (goszakup and Samruk-Kazyna lines, items23lines): `қорапта 30 дана` (30 pieces in a box), `қаптамада 50 дана`
    // (in a pack), `дана` (piece, the counting word), `өлшемі` (size), `латекссіз` (latex free), `бір реттік` (single
    // use), `стерильді` (sterile), `ересектер` (adults), `балалар` (children).
    [/(?<![\p{Script=Cyrillic}])қорап(?:та)?\s?(\d+)\s?(?:дана)?(?![\p{Script=Cyrillic}\d])/giu, ' BOX OF $1 '],
    [
      /(?<![\p{Script=Cyrillic}])(?:қаптама(?:да)?|орам(?:да)?|пакет(?:те)?)\s?(\d+)\s?(?:дана)?(?![\p{Script=Cyrillic}\d])/giu,
      ' PACK OF $1 ',
    ],
    [/(?<=\d)\s?дана(?![\p{Script=Cyrillic}])/giu, ' PCS '],
    [cyrillicWords('өлшемі|өлшем'), ' SIZE '],
    [cyrillicWords('латекссіз'), ' LATEX FREE '],
    [cyrillicWords('бір\\sреттік'), ' SINGLE USE '],
    [cyrillicWords('стерильсіз'), ' NON-STERILE '],
    [cyrillicWords('стерильді'), ' STERILE '],
    [cyrillicWords('ересектер\\p{L}*'), ' ADULT '],
    [cyrillicWords('балалар\\p{L}*'), ' PAEDIATRIC '],
    // Tajik (Dushanbe and Sughd hospital requisitions, items26text): `қуттӣ (50 дона)` (a box of 50 pieces), `андозаи 3`
    // (size 3, with the izofat `-и`), `барои калонсолон` / `барои кӯдакон` (for adults / children), `стерилӣ`,
    // `якдафъаина` (single use), `бо` / `бе` (with / without) before a word, and the colour words — the letters ғ ӣ қ ӯ ҳ ҷ
    // are Tajik's own, the rest of the reading is the Cyrillic one above.
    [/(?<![\p{Script=Cyrillic}])қутти?[ӣи]?\s?\(?\s?(\d+)\s?(?:дона)?\s?\)?(?![\p{Script=Cyrillic}\d])/giu, ' BOX OF $1 '],
    [cyrillicWords('андозаи|андоза'), ' SIZE '],
    [cyrillicWords('барои\\sкалонсолон|калонсолон|калонсол'), ' ADULT '],
    [cyrillicWords('барои\\sкӯдакон|кӯдакон|кӯдак'), ' PAEDIATRIC '],
    [cyrillicWords('ғайристерилӣ'), ' NON-STERILE '],
    [cyrillicWords('стерилӣ'), ' STERILE '],
    [cyrillicWords('якдафъаина\\p{L}*'), ' SINGLE USE '],
    [/(?<![\p{Script=Cyrillic}])бо\s(?=\p{Script=Cyrillic}{3,})/giu, ' WITH '],
    [/(?<![\p{Script=Cyrillic}])бе\s(?=\p{Script=Cyrillic}{3,})/giu, ' WITHOUT '],
    [cyrillicWords('сурх'), ' RED '],
    [cyrillicWords('кабуд'), ' BLUE '],
    [cyrillicWords('зард'), ' YELLOW '],
    [cyrillicWords('сиёҳ'), ' BLACK '],
    [cyrillicWords('сафед'), ' WHITE '],
  ],
};

/**
 * Kyrgyz (Bishkek and Osh hospital, university and school requisitions; items28text, item-3.53.0): `куту (50 капсула)` /
 * `куту 100 даана` (a box of n), `чоңдор үчүн` / `балдар үчүн` (for adults / children), `оң` / `сол` (right / left: the
 * laterality of a brace or a glove). The letters ң ө ү are Kyrgyz's own; the rest of the reading is the Cyrillic one
 * above (Yudakhin, Kyrgyz–Russian Dictionary).
 */
const KYRGYZ: ScriptReading = {
  language: 'Kyrgyz',
  script: /[ңөүҢӨҮ]/,
  rewrites: [
    [/(?<![\p{Script=Cyrillic}])куту\s?\(?\s?(\d+)(?:\s?\p{Script=Cyrillic}+)?\s?\)?(?![\p{Script=Cyrillic}\d])/giu, ' BOX OF $1 '],
    [cyrillicWords('чоңдор\\sүчүн|чоңдор'), ' ADULT '],
    [cyrillicWords('балдар\\sүчүн|балдар'), ' PAEDIATRIC '],
    [cyrillicWords('оң'), ' RIGHT '],
    [cyrillicWords('сол'), ' LEFT '],
  ],
};

/**
 * Telugu (Andhra Pradesh and Telangana hospital and college indent forms; items28text, item-3.53.0): `10 డ్రెస్సింగ్‌ల
 * పెట్టె` (a box of 10 dressings: the noun stays), `కుడి` / `ఎడమ` (right / left, `చేతికి` for the hand), `పెద్దలకు` /
 * `పిల్లలకు` (for adults / children), `సైజు` (size) (C. P. Brown, Telugu–English Dictionary).
 */
const TELUGU: ScriptReading = {
  language: 'Telugu',
  script: /[\u0c00-\u0c7f]/,
  rewrites: [
    [countBeforePackWord('Telugu', 'పెట్టె|పెట్టెలు'), ' $2 BOX OF $1 '],
    [scriptWords('Telugu', 'కుడి(?:\\sచేతికి)?'), ' RIGHT '],
    [scriptWords('Telugu', 'ఎడమ(?:\\sచేతికి)?'), ' LEFT '],
    [scriptWords('Telugu', 'పెద్దలకు|పెద్దవారికి'), ' ADULT '],
    [scriptWords('Telugu', 'పిల్లలకు'), ' PAEDIATRIC '],
    [scriptWords('Telugu', 'సైజు'), ' SIZE '],
  ],
};

/**
 * Khmer (Cambodian hospital, university and school requisitions; items28text, item-3.53.0), written without spaces
 * between words: the metric units spelled out after a number (`សង់ទីម៉ែត្រ` centimetre, `មីលីម៉ែត្រ` millimetre,
 * `មីលីលីត្រ` millilitre), `ប្រអប់ (១០ សន្លឹក)` (a box of 10 sheets), `ស្តាំ` / `ឆ្វេង` (right / left), `មនុស្សពេញវ័យ` /
 * `កុមារ` (adult / child) — found inside a run, as the words are not spaced (Headley, Cambodian–English Dictionary).
 */
const KHMER: ScriptReading = {
  language: 'Khmer',
  script: /[\u1780-\u17ff]/,
  rewrites: [
    [/(?<=\d)\s?សង់ទីម៉ែត្រ/gu, ' CM '],
    [/(?<=\d)\s?មីលីម៉ែត្រ/gu, ' MM '],
    [/(?<=\d)\s?មីលីលីត្រ/gu, ' ML '],
    [/ប្រអប់\s?\(?\s?(\d+)(?:\s?\p{Script=Khmer}+)?\s?\)?/gu, ' BOX OF $1 '],
    [/ស្តាំ/gu, ' RIGHT '],
    [/ឆ្វេង/gu, ' LEFT '],
    [/មនុស្សពេញវ័យ/gu, ' ADULT '],
    [/កុមារ/gu, ' PAEDIATRIC '],
  ],
};

/**
 * Kannada (Karnataka government hospital, institute and university indents; items29langs, item-3.54.0): the metre
 * after a number written `ಮೀ.` / `ಮೀಟರ್` (one syllable: the dotted-syllable reading of scriptItemText.ts leaves it),
 * the inch `ಇಂಚು`, the foot `ಅಡಿ`; `(100 ಕಡ್ಡಿಗಳ ಪೆಟ್ಟಿಗೆ)` (a box of 100 sticks: the noun stays, as Telugu writes it),
 * `50 ಮಾದರಿಗಳಿಗೆ` (for 50 samples: a kit's preps); `ಕ್ರಿಮಿರಹಿತ` / `ಕ್ರಿಮಿರಹಿತವಲ್ಲದ` (germ-free, sterile / not sterile);
 * `ವಯಸ್ಕರಿಗೆ` / `ಮಕ್ಕಳಿಗೆ` (for adults / children); sizes `ಸಣ್ಣ` / `ಮಧ್ಯಮ` / `ದೊಡ್ಡ` (small / medium / large) and `ಗಾತ್ರ`
 * (size); the resistance words `ಗಟ್ಟಿ` (firm, heavy) and `ಅತಿ ಗಟ್ಟಿ` (extra heavy); colour words (`ಕೆಂಪು` red, `ಹಸಿರು`
 * green, `ನೀಲಿ` blue, `ಕಪ್ಪು` black, `ತ್ರಿವರ್ಣ` tri-colour…); and the short supply words the tables cannot key (fewer than
 * four romanised letters: `ಶಾಯಿ` ink, `ಕಿಟ್` kit, `ಹನಿ` drops, `ರಕ್ತ` blood), written in English so the colour and yield
 * readers, which need an ink or cartridge word, read a Kannada cartridge line (Kittel, A Kannada–English Dictionary).
 */
const KANNADA: ScriptReading = {
  language: 'Kannada',
  script: /[\u0c80-\u0cff]/,
  rewrites: [
    [countBeforePackWord('Kannada', 'ಪೆಟ್ಟಿಗೆ|ಪೆಟ್ಟಿಗೆಗಳು|ಡಬ್ಬ|ಡಬ್ಬಿ'), ' $2 BOX OF $1 '],
    [countBeforePackWord('Kannada', 'ಪ್ಯಾಕ್|ಪೊಟ್ಟಣ'), ' $2 PACK OF $1 '],
    [/(?<![\d.])(\d+)\s(?:ಮಾದರಿಗಳಿಗೆ|ಮಾದರಿಗಳು|ಪರೀಕ್ಷೆಗಳಿಗೆ)(?![\p{Script=Kannada}])/gu, ' $1 PREPS '],
    [/(?<=\d)\s?(?:ಮೀಟರ್|ಮೀ)\.?(?![\p{Script=Kannada}])/gu, ' M '],
    [/(?<=[\d/])\s?(?:ಇಂಚು|ಇಂಚ್|ಇಂಚುಗಳು)(?![\p{Script=Kannada}])/gu, ' IN '],
    [/(?<=\d)\s?ಅಡಿ(?![\p{Script=Kannada}])/gu, ' FT '],
    [scriptWords('Kannada', 'ಕ್ರಿಮಿರಹಿತವಲ್ಲದ|ಕ್ರಿಮಿರಹಿತವಲ್ಲ|ಕ್ರಿಮಿರಹಿತವಲ್ಲದವು'), ' NON-STERILE '],
    [scriptWords('Kannada', 'ಕ್ರಿಮಿರಹಿತ|ಕ್ರಿಮಿರಹಿತವಾದ|ಸ್ಟೆರೈಲ್'), ' STERILE '],
    [scriptWords('Kannada', 'ವಯಸ್ಕರಿಗೆ|ವಯಸ್ಕರ|ವಯಸ್ಕ'), ' ADULT '],
    [scriptWords('Kannada', 'ಮಕ್ಕಳಿಗೆ|ಮಕ್ಕಳ'), ' PAEDIATRIC '],
    [scriptWords('Kannada', 'ಗಾತ್ರ'), ' SIZE '],
    [scriptWords('Kannada', 'ಸಣ್ಣ|ಚಿಕ್ಕ'), ' SMALL '],
    [scriptWords('Kannada', 'ಮಧ್ಯಮ'), ' MEDIUM '],
    [scriptWords('Kannada', 'ದೊಡ್ಡ'), ' LARGE '],
    [scriptWords('Kannada', 'ಅತಿ\\sಗಟ್ಟಿ'), ' EXTRA HEAVY '],
    [scriptWords('Kannada', 'ಗಟ್ಟಿ'), ' HEAVY '],
    [scriptWords('Kannada', 'ಶಾಯಿ'), ' INK '],
    [scriptWords('Kannada', 'ಕಾರ್ಟ್ರಿಡ್ಜ್|ಕಾರ್ಟ್ರಿಜ್'), ' CARTRIDGE '],
    [scriptWords('Kannada', 'ಕಿಟ್'), ' KIT '],
    [scriptWords('Kannada', 'ಹನಿ|ಹನಿಗಳು'), ' DROPS '],
    [scriptWords('Kannada', 'ರಕ್ತ'), ' BLOOD '],
    [scriptWords('Kannada', 'ವ್ಯಾಯಾಮ'), ' EXERCISE '],
    [scriptWords('Kannada', 'ಕೆಂಪು'), ' RED '],
    [scriptWords('Kannada', 'ಹಸಿರು'), ' GREEN '],
    [scriptWords('Kannada', 'ನೀಲಿ'), ' BLUE '],
    [scriptWords('Kannada', 'ಕಪ್ಪು'), ' BLACK '],
    [scriptWords('Kannada', 'ಬಿಳಿ|ಬಿಳಿಯ'), ' WHITE '],
    [scriptWords('Kannada', 'ಹಳದಿ'), ' YELLOW '],
    [scriptWords('Kannada', 'ಕಿತ್ತಳೆ'), ' ORANGE '],
    [scriptWords('Kannada', 'ನೇರಳೆ'), ' PURPLE '],
    [scriptWords('Kannada', 'ಗುಲಾಬಿ'), ' PINK '],
    [scriptWords('Kannada', 'ತ್ರಿವರ್ಣ'), ' TRI-COLOUR '],
  ],
};

/**
 * Lao (Vientiane hospital, university and school material requests; items29langs, item-3.54.0), written without spaces
 * between words, so found inside a run: the units after a number (`ແມັດ` metre, `ຊມ` centimetre, `ມມ` millimetre, `ມລ`
 * millilitre, `ລິດ` litre, `ນິ້ວ` inch), a count per pack written `5 ແຜ່ນ/ກັບ` (5 sheets a box) or `25 ອັນ/ກັບ`, sizes
 * `ຂະໜາດນ້ອຍ` / `ຂະໜາດກາງ` / `ຂະໜາດໃຫຍ່` (small / medium / large size), `ຜູ້ໃຫຍ່` (adult), `ສຳລັບເດັກ` (for children),
 * `ປາສະຈາກເຊື້ອ` / `ບໍ່ປາສະຈາກເຊື້ອ` (germ-free, sterile / not), `ໝຶກ` (ink) and the colour words, which Lao writes
 * after `ສີ` (colour: `ສີດຳ` black, `ສີແດງ` red, `ສາມສີ` three colours, tri-colour) (Kerr, Lao–English Dictionary).
 */
const LAO: ScriptReading = {
  language: 'Lao',
  script: /[\u0e80-\u0eff]/,
  rewrites: [
    [/(?<![\d.])(\d+)\s?(?:ແຜ່ນ|ອັນ|ເມັດ|ຊອງ|ໜ່ວຍ|ຄູ່)?\s?\/\s?(?:ກັບ|ກ່ອງ|ແພັກ|ຫໍ່)/gu, ' $1 PER BOX '],
    [/(?<=\d)\s?ແມັດ/gu, ' M '],
    [/(?<=\d)\s?ຊມ/gu, ' CM '],
    [/(?<=\d)\s?ມມ/gu, ' MM '],
    [/(?<=\d)\s?ມລ/gu, ' ML '],
    [/(?<=\d)\s?ລິດ/gu, ' L '],
    [/(?<=[\d/])\s?ນິ້ວ/gu, ' IN '],
    [/ຂະໜາດນ້ອຍ/gu, ' SIZE SMALL '],
    [/ຂະໜາດກາງ/gu, ' SIZE MEDIUM '],
    [/ຂະໜາດໃຫຍ່/gu, ' SIZE LARGE '],
    [/ຂະໜາດ/gu, ' SIZE '],
    [/ຜູ້ໃຫຍ່/gu, ' ADULT '],
    [/ສຳລັບເດັກ|ເດັກນ້ອຍ/gu, ' PAEDIATRIC '],
    [/ບໍ່ປາສະຈາກເຊື້ອ/gu, ' NON-STERILE '],
    [/ປາສະຈາກເຊື້ອ/gu, ' STERILE '],
    [/ໝຶກພິມ|ໝຶກ/gu, ' INK '],
    [/ສາມສີ/gu, ' TRI-COLOUR '],
    [/ສີດຳ/gu, ' BLACK '],
    [/ສີແດງ/gu, ' RED '],
    [/ສີຂຽວ/gu, ' GREEN '],
    [/ສີຟ້າ|ສີນ້ຳເງິນ/gu, ' BLUE '],
    [/ສີເຫຼືອງ/gu, ' YELLOW '],
    [/ສີຂາວ/gu, ' WHITE '],
    [/ສີສົ້ມ/gu, ' ORANGE '],
    [/ສີບົວ/gu, ' PINK '],
    [/ສີມ່ວງ/gu, ' PURPLE '],
  ],
};

/**
 * Malayalam (Kerala medical-college, district and taluk hospital indents; items30langs, item-3.55.0): the words a sibling
 * is told apart by — colours (`കറുപ്പ്` black, `ചുവപ്പ്` red, `പച്ച` green, `നീല` blue, `വെള്ള` white, `മഞ്ഞ` yellow) and the torch (`ടോർച്ച്`, whose colour tells siblings apart),
 * sides (`ഇടത്` / `ഇടതു` left, `വലത്` / `വലതു` right), patients (`മുതിർന്നവർ` adults, `കുട്ടി` / `കുട്ടികൾ` child /
 * children, `ശിശു` / `നവജാത ശിശു` infant / newborn), sterility (`അണുവിമുക്തം`, germ-free) and sizes (`ചെറിയ` small,
 * `ഇടത്തരം` medium, `വലിയ` large) — the language's dictionary words (Gundert, A Malayalam and English Dictionary), with
 * the case endings an indent writes on them (`മുതിർന്നവർക്ക്`, for adults). Units are read by their sound for every script
 * (scriptItemText.ts) and need no row here.
 */
const MALAYALAM: ScriptReading = {
  language: 'Malayalam',
  script: /[\u0d00-\u0d7f]/,
  rewrites: [
    [scriptWords('Malayalam', 'അണുവിമുക്തമല്ലാത്ത|അണുവിമുക്തമല്ല'), ' NON-STERILE '],
    [scriptWords('Malayalam', 'അണുവിമുക്തം|അണുവിമുക്തമായ|അണുവിമുക്ത'), ' STERILE '],
    [scriptWords('Malayalam', 'മുതിർന്നവർ(?:ക്ക്|ക്കുള്ള)?'), ' ADULT '],
    [scriptWords('Malayalam', 'നവജാത\\s?ശിശു(?:ക്കൾ(?:ക്ക്)?)?'), ' NEONATAL '],
    [scriptWords('Malayalam', 'ശിശു(?:ക്കൾ(?:ക്ക്)?)?'), ' INFANT '],
    [scriptWords('Malayalam', 'കുട്ടി(?:കൾ(?:ക്ക്|ക്കുള്ള)?)?'), ' PAEDIATRIC '],
    [scriptWords('Malayalam', 'ഇടത്തരം'), ' MEDIUM '],
    [scriptWords('Malayalam', 'ചെറിയ|ചെറുത്'), ' SMALL '],
    [scriptWords('Malayalam', 'വലിയ|വലുത്'), ' LARGE '],
    [scriptWords('Malayalam', 'ഇടത്|ഇടതു|ഇടത്തേ|ഇടതുവശം'), ' LEFT '],
    [scriptWords('Malayalam', 'വലത്|വലതു|വലത്തേ|വലതുവശം'), ' RIGHT '],
    [scriptWords('Malayalam', 'കറുപ്പ്|കറുത്ത'), ' BLACK '],
    [scriptWords('Malayalam', 'ചുവപ്പ്|ചുവന്ന'), ' RED '],
    [scriptWords('Malayalam', 'പച്ച'), ' GREEN '],
    [scriptWords('Malayalam', 'നീല'), ' BLUE '],
    [scriptWords('Malayalam', 'വെള്ള|വെളുത്ത'), ' WHITE '],
    [scriptWords('Malayalam', 'മഞ്ഞ'), ' YELLOW '],
    [scriptWords('Malayalam', 'ടോർച്ച്'), ' TORCH '],
  ],
};

/**
 * Burmese (Yangon, Mandalay and Nay Pyi Taw hospital and institution requisitions; items30langs, item-3.55.0), written
 * without spaces between words, so found inside a run as the Lao words are: sides (`ဘယ်ဘက်` left side, `ညာဘက်` right
 * side), colours, which Burmese writes as the colour word and `ရောင်` (colour: `အနက်ရောင်` black, `အနီရောင်` red,
 * `အစိမ်းရောင်` green, `အပြာရောင်` blue, `အဖြူရောင်` white, `အဝါရောင်` yellow), sizes with `စား` (class: `အသေးစား` small,
 * `အလတ်စား` medium, `အကြီးစား` large), `ဓာတ်မီး` (electric light, a torch) and `ပိုးသတ်ပြီး` (germs killed, sterilised) (Judson, Burmese–English Dictionary).
 * The word for child (`ကလေး`) is left out: it names the children's hospitals the requisitions come from.
 */
const BURMESE: ScriptReading = {
  language: 'Burmese',
  script: /[\u1000-\u109f]/,
  rewrites: [
    [/ဘယ်ဘက်/gu, ' LEFT '],
    [/ညာဘက်/gu, ' RIGHT '],
    [/အနက်ရောင်|အမည်းရောင်/gu, ' BLACK '],
    [/အနီရောင်/gu, ' RED '],
    [/အစိမ်းရောင်/gu, ' GREEN '],
    [/အပြာရောင်/gu, ' BLUE '],
    [/အဖြူရောင်/gu, ' WHITE '],
    [/အဝါရောင်/gu, ' YELLOW '],
    [/အသေးစား/gu, ' SMALL '],
    [/အလတ်စား/gu, ' MEDIUM '],
    [/အကြီးစား/gu, ' LARGE '],
    [/ပိုးသတ်ပြီး|ပိုးမွှားကင်းစင်/gu, ' STERILE '],
    [/ဓာတ်မီး/gu, ' TORCH '],
  ],
};

const LANGUAGE_SCRIPT_READINGS: readonly ScriptReading[] = [
  TAMIL,
  URDU,
  KYRGYZ,
  EAST_SLAVIC,
  BULGARIAN,
  MACEDONIAN,
  TELUGU,
  KHMER,
  KANNADA,
  LAO,
  MALAYALAM,
  BURMESE,
  ...SCRIPT_VOCABULARY_READINGS,
];

/**
 * Malay (Malaysian MOH / ePerolehan lines): `saiz Kecil / Sederhana / Besar` (size S / M / L), `sm` after a number
 * (sentimeter, the Malaysian spelling of cm — not size small), `mikron`, `kotak 100 batang` / `kotak 12 keping` (a box of
 * 100 / 12: batang, biji, helai, keping and unit are count classifiers), `pek 6` (a pack of 6), `50 unit sepek` (50 per
 * pack), `1 biji` (1 piece), `edisi ke-21` (21st edition), `dengan / tanpa penapis` (with / without filter), `steril` /
 * `tidak steril`, `pakai buang` (disposable), `kanak-kanak` (children), `dewasa` (adult), `kulit keras / lembut`
 * (hardcover / paperback), `bateri` (battery), `alat bantu pendengaran` (hearing aid), `hitam` (black), `muka surat`
 * (pages).
 */
const MALAY: LanguageReading = {
  language: 'Malay',
  marker: /\b(?:saiz|kotak|batang|biji|helai|keping|sepek|sekotak|pek|edisi|penapis|pakai buang|kanak|dewasa|bateri|kulit)\b/i,
  rewrites: [
    [/\bsaiz\s(?:kecil)\b/gi, ' SIZE SMALL '],
    [/\bsaiz\s(?:sederhana)\b/gi, ' SIZE MEDIUM '],
    [/\bsaiz\s(?:besar)\b/gi, ' SIZE LARGE '],
    [/\bsaiz\b/gi, ' SIZE '],
    [/(?<=\d)\s?sm\b\.?/gi, ' CM '],
    [/(?<=\d)\s?mikron\b/gi, ' MICRON '],
    [/\b(?:kotak|sekotak)\s(?:berisi\s)?(\d+)(?:\s(?:batang|biji|helai|keping|unit))?\b/gi, ' BOX OF $1 '],
    [/\b(?:pek|paket)\s(?:berisi\s)?(\d+)(?:\s(?:batang|biji|helai|keping|unit))?\b/gi, ' PACK OF $1 '],
    [/\b(\d+)\s(?:batang|biji|helai|keping|unit)?\s?sepek\b/gi, ' $1 PER PACK '],
    [/\b(\d+)\s(?:batang|biji|helai|keping|unit)?\s?sekotak\b/gi, ' $1 PER BOX '],
    [/\b(\d+)\s(?:batang|biji|helai|keping)\b/gi, ' $1 CT '],
    [/\bedisi\s(?:ke-?\s?)?(\d{1,2})\b/gi, (_match: string, edition: string) => ` ${englishOrdinal(edition)} EDITION `],
    [/\btanpa\spenapis\b/gi, ' WITHOUT FILTER '],
    [/\bdengan\spenapis\b/gi, ' WITH FILTER '],
    [/\btidak\ssteril\b/gi, ' NON-STERILE '],
    [/\bsteril\b/gi, ' STERILE '],
    [/\bpakai\sbuang\b/gi, ' DISPOSABLE '],
    [/\b(?:untuk\s)?kanak-kanak\b/gi, ' PAEDIATRIC '],
    [/\b(?:untuk\s)?dewasa\b/gi, ' ADULT '],
    [/\bkulit\skeras\b/gi, ' HARDCOVER '],
    [/\bkulit\slembut\b/gi, ' PAPERBACK '],
    [/\balat\sbantu(?:an)?\s(?:pendengaran|dengar)\b/gi, ' HEARING AID '],
    [/\bbateri\b/gi, ' BATTERY '],
    [/\bhitam\b/gi, ' BLACK '],
    [/(?<=\d)\s(?:muka\ssurat|halaman)\b/gi, ' PAGES '],
  ],
};

/**
 * Lithuanian (CVP IS tender lines): decimal commas (`0,22 µm`, `+21,0 D`) and a space as the thousands separator
 * (`10 500 psl.`), `vnt.` (vienetai, pieces), `pakuotėje 50 vnt.` / `pak. 50` (a pack of 50), `dėž. 100` / `100 vnt./dėž.`
 * (a box of 100), `10 stovelių po 96 vnt.` (10 racks of 96), `su filtru` / `be filtro` (with / without filter), `dydis`
 * (size), `21-asis leidimas` (21st edition), `2022 m.` (the year 2022: m. = metai, not size M), `psl.` (puslapiai,
 * pages), `sterilus` / `nesterilus`, `vaikams` (for children), `suaugusiems` (for adults), `kietais / minkštais
 * viršeliais` (hardcover / paperback), `baterijos` (batteries), `klausos aparato` (of a hearing aid), `juoda` (black).
 * Inflected forms are listed (the nominative and the forms catalogue lines use).
 */
const LITHUANIAN: LanguageReading = {
  language: 'Lithuanian',
  marker: /\bvnt\b|\bpak\.|d[eė]ž\.|\bpsl\b|\bfiltr[ou]\b|\bdydis\b|\bleidimas\b|pakuot[eė]|\bsteril[ūu]s\b|\bviršeliais\b/i,
  rewrites: [
    [/(?<=\d),(?=\d)/g, '.'],
    // After the decimal commas are points: the thousands written as English lines write them (10,500 pages).
    [/(?<![\d.])(\d{1,3})[ \u00a0\u202f](\d{3})(?=\s?(?:psl|vnt|lap)\b)/gi, '$1,$2'],
    // porų dydis (pore size): not a size of the product range S / M / L
    [/\bpor[ųu]\sdydis\b/giu, ' PORE '],
    [/\bpakuot[eė]j[eė]\s(\d+)\s?vnt\b\.?/gi, ' PACK OF $1 '],
    [/\b(\d+)\s?vnt\.?\s?(?:\/\s?|per\s)?pak(?:uot[eė]j[eė]|\.)/gi, ' $1 PER PACK '],
    [/\b(\d+)\s?vnt\.?\s?(?:\/\s?)?d[eė]ž(?:ut[eė]j[eė]|\.)/gi, ' $1 PER BOX '],
    [/\bpak\.\s?(\d+)/gi, ' PACK OF $1 '],
    [/\bd[eė]ž\.\s?(\d+)/gi, ' BOX OF $1 '],
    [/\b(\d+)\s(?:stovel\p{L}*|dėkl\p{L}*)\spo\s(\d+)\s?vnt\b\.?/giu, ' $1 RACKS OF $2 '],
    [/\b(\d+)\s?vnt\b\.?/gi, ' $1 PCS '],
    [/\bbe\sfiltr[oų](?!\p{L})/giu, ' WITHOUT FILTER '],
    [/\bsu\sfiltr(?:u|ais)\b/gi, ' WITH FILTER '],
    [/\bdydis\b/gi, ' SIZE '],
    [
      /\b(\d{1,2})-?(?:asis|oji|as|is|tas|sis)\sleid(?:imas|\.)/gi,
      (_match: string, edition: string) => ` ${englishOrdinal(edition)} EDITION `,
    ],
    [/\b((?:19|20)\d\d)\s?m\./g, ' $1 '],
    [/(?<=\d)\s?psl\b\.?/gi, ' PAGES '],
    [/\bnesteril(?:us|ūs|i|ios)\b/giu, ' NON-STERILE '],
    [/\bsteril(?:us|ūs|i|ios|ios)\b/giu, ' STERILE '],
    [/\bvaikams\b/gi, ' PAEDIATRIC '],
    [/\bsuaugusiems\b/gi, ' ADULT '],
    [/\bkietais\sviršeliais\b/gi, ' HARDCOVER '],
    [/\bminkštais\sviršeliais\b/gi, ' PAPERBACK '],
    [/\bklausos\saparat(?:o|ų|ams)(?!\p{L})/giu, ' HEARING AID '],
    [/\bbaterij(?:os|a|ų)(?!\p{L})/giu, ' BATTERY '],
    [/\bjuod(?:a|as|os)\b/gi, ' BLACK '],
  ],
};

/**
 * Swahili pack and volume forms (Tanzanian and Kenyan tender lines; itemscripts16): `kalamu 5 kwa pakiti` (5 pens per
 * pack), `500 kwa katoni`, `lenzi 6 kwa boksi`, `boksi ya vipande 100` (a box of 100 pieces), `dumu la lita 5` (a 5 L
 * jerrycan: the unit before the number), `mililita 10`.
 */
const SWAHILI: LanguageReading = {
  language: 'Swahili',
  marker: /kwa |lita |boksi|pakiti|katoni|sanduku/i,
  rewrites: [
    [/(?<![\d.,])(\d+)\s(?:kwa|katika)\s(?:pakiti|paketi)\b/gi, ' $1 PER PACK '],
    [/(?<![\d.,])(\d+)\s(?:kwa|katika)\s(?:boksi|sanduku)\b/gi, ' $1 PER BOX '],
    [/(?<![\d.,])(\d+)\s(?:kwa|katika)\s(?:katoni)\b/gi, ' $1 PER CARTON '],
    [/\b(?:boksi|sanduku)\s(?:la\s|ya\s)?(?:vipande\s)?(\d+)(?![\d.,])/gi, ' BOX OF $1 '],
    [/\b(?:pakiti|paketi)\s(?:la\s|ya\s)?(?:vipande\s)?(\d+)(?![\d.,])/gi, ' PACK OF $1 '],
    [/\bmililita\s(\d+(?:[.,]\d+)?)(?![\d.,])/gi, ' $1 ML '],
    [/\blita\s(\d+(?:[.,]\d+)?)(?![\d.,])/gi, ' $1 L '],
  ],
};

/** Not preceded / followed by a letter of any script: `\b` is ASCII-only and Slavic and Estonian words end in č, á, ä. */
const NO_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NO_LETTER_AFTER = '(?![\\p{L}])';

/** Whole words of a reading, case-insensitive and Unicode-aware. */
function words(pattern: string): RegExp {
  return new RegExp(`${NO_LETTER_BEFORE}(?:${pattern})${NO_LETTER_AFTER}`, 'giu');
}

/** Colour words of one language written as the English colour (the colour extractors and description read English). */
function colourWords(colours: ReadonlyArray<[string, string]>): Rewrite[] {
  return colours.map(([pattern, colour]) => [words(pattern), ` ${colour} `]);
}

/**
 * Slovak and Croatian (ÚVO and EOJN tender lines; item-3.33.0), and Serbian in Latin script (JN tender lines, items23lines:
 * `pakovanje 30 kom`, `kutija 10 kom` — a pack, a box — and a plate's wells `sa 24 bunarčića`): `1 ks` (kus, piece), `kom 1` / `2 kom` (komad),
 * `bal. 14 x 6 ks` / `balenie 50 ks` / `pakiranje 2 kom` (a pack), `s` / `so` / `sa` + a word (with: `s gentamicinom` was
 * read as size S), `bez` (without), `veľkosť` / `velikost` / `veličina` (size), `fľaša` / `bočica` (bottle), `za odrasle`
 * / `pre dospelých` (adult), `za djecu` / `pre deti` / `detský` (paediatric), `razina` / `úroveň` (level), `par` / `pár`
 * (pair), and colour words (`farba zelená`, `boja plava`).
 */
const SLOVAK_CROATIAN: LanguageReading = {
  language: 'Slovak / Croatian',
  marker:
    /\d\sks\b|\bks\s\d|\bkom\s\d|\d\skom\b|\bbal\.\s?\d|\bbalenie\b|\bpakiranje\b|\bpakovanje\b|\bkutija\s\d|veľkosť|\bvelikost|\bveli[čc]ina\b|\bfarba\b|\bboja\b|fľaša|bočica|\brazina\b|úroveň|\bza\s(?:djecu|odrasle)\b|priključ/i,
  rewrites: [
    [/\b(?:bal\.|balenie|pakiranje|pakovanje|kutija)\s?(\d+)\s?x\s?(\d+)\s?(?:ks|kom)\b\.?/gi, ' PACK $1 X $2 '],
    [/\b(?:bal\.|balenie|pakiranje|pakovanje|kutija)\s?(\d+)\s?(?:ks|kom)?\b\.?/gi, ' PACK OF $1 '],
    // A plate's wells: `sa 24 bunarčića` (Serbian), `s 24 jažice` (Croatian), `24 jamiek` (Slovak) — a 24-well plate.
    [/\b(\d+)\s(?:bunar\p{L}*|ja[žz]ic\p{L}*|jam(?:ka|ky|iek|kami)\b)/giu, ' $1 WELL '],
    [/\b(\d+)\s?(?:ks|kom)\b\.?/gi, ' $1 PCS '],
    [/\b(?:ks|kom)\.?\s?(\d+)\b/gi, ' $1 PCS '],
    [words('veľkosť|velkost|velikost|veli[čc]ina'), ' SIZE '],
    // The preposition is written in lower case before a lower-case word; a size S (`SIZE S`, `S, 100 ks`) is not.
    [/(?<![\p{L}\d])(?<!SIZE\s{1,3})(?:s|so|sa)\s(?=\p{Ll}{3,})/gu, ' WITH '],
    [words('bez\\slateks\\p{L}*|bez\\slatexu'), ' LATEX FREE '],
    [words('nesteriln\\p{L}*|nesterilný\\p{L}*'), ' NON-STERILE '],
    [words('steriln\\p{L}*'), ' STERILE '],
    [words('za\\sjednokratnu\\supotrebu|jednokratn\\p{L}*|na\\sjedno\\spoužitie|jednorazov\\p{L}*'), ' SINGLE USE '],
    [words('bez'), ' WITHOUT '],
    [words('fľaša|fľaši|flaša|bočica|bočici'), ' BOTTLE '],
    [words('za\\sodrasle|pre\\sdospel\\p{L}*|dospel\\p{L}*|odrasl\\p{L}*'), ' ADULT '],
    [words('za\\sdjecu|pre\\sdeti|dječj\\p{L}*|detsk\\p{L}*|pedijatrijsk\\p{L}*|pediatrick\\p{L}*'), ' PAEDIATRIC '],
    [words('razina|úroveň|uroven'), ' LEVEL '],
    [words('par|pár'), ' PAIR '],
    [words('farba|boja|farby|boje'), ' '],
    ...colourWords([
      ['tmavomodr\\p{L}*|tamnoplav\\p{L}*', 'NAVY'],
      ['zelen\\p{L}{0,3}', 'GREEN'],
      ['fialov\\p{L}*|ljubičast\\p{L}*', 'PURPLE'],
      ['zlat\\p{L}{1,3}', 'GOLD'],
      ['modr\\p{L}{1,3}|plav\\p{L}{1,3}', 'BLUE'],
      ['čiern\\p{L}{1,3}|crn\\p{L}{1,3}', 'BLACK'],
      ['biel\\p{L}{1,3}|bijel\\p{L}{1,3}', 'WHITE'],
      ['červen\\p{L}{1,3}|crven\\p{L}{1,3}', 'RED'],
      ['oranžov\\p{L}{1,3}|narančast\\p{L}{1,3}', 'ORANGE'],
    ]),
  ],
};

/**
 * Estonian (Riigihangete register lines; item-3.33.0): `50 tk` (tükki, pieces), `pakend 50 tk` / `pakend 14 x 6 tk` (a
 * pack), `karp` (box), `suurus` (size), `pudel` (bottle), `purk` (jar, a wipes canister), `täiskasvanutele` (adult),
 * `lastele` / `laste` (paediatric), `tase` (level), `steriilne` / `mittesteriilne`, and colour words after `värv`.
 */
const ESTONIAN: LanguageReading = {
  language: 'Estonian',
  marker: /\d\s?tk\b|\bpakend|\bsuurus\b|\bvärv\b|\bpudel\b|\bpurk\b|\bkarp\b|steriilne/i,
  rewrites: [
    [/\bpakend(?:is)?\s(\d+)\s?x\s?(\d+)\s?tk\b\.?/gi, ' PACK $1 X $2 '],
    [/\b(?:pakend(?:is)?|karp|karbis)\s(\d+)\s?tk\b\.?/gi, ' PACK OF $1 '],
    [/\b(\d+)\s?tk\b\.?/gi, ' $1 PCS '],
    [words('suurus'), ' SIZE '],
    [words('pudel|pudelis'), ' BOTTLE '],
    [words('purk|purgis'), ' CANISTER '],
    [words('täiskasvanu\\p{L}*'), ' ADULT '],
    [words('lastele|laste|lapse\\p{L}*'), ' PAEDIATRIC '],
    [words('tase'), ' LEVEL '],
    [words('mittesteriilne'), ' NON-STERILE '],
    [words('steriilne'), ' STERILE '],
    [words('värv|värvus'), ' '],
    ...colourWords([
      ['tumesinine', 'NAVY'],
      ['roheline', 'GREEN'],
      ['lilla', 'PURPLE'],
      ['kuldne', 'GOLD'],
      ['sinine', 'BLUE'],
      ['valge', 'WHITE'],
      ['punane', 'RED'],
      ['kollane', 'YELLOW'],
      ['oranž', 'ORANGE'],
    ]),
  ],
};

/**
 * Catalan (public-contract lines of the Generalitat and its health service; item-3.41.0, itemattrs20): `capsa de 25
 * unitats` (a box of 25), `paquet de 12` (a pack of 12), `25 unitats` (pieces), `estèril` / `no estèril`, `sense làtex`
 * (latex free), `d'un sol ús` (single use), `mida` (size), `adult(s)`, `pediàtric` / `infantil` (paediatric), `nadó` /
 * `nadons` (infant), a marker's tip (`punta fina` / `ultrafina` / `extrafina` / `mitjana` / `gruixuda`), a stapler's
 * staples (`grapadora`, `grapes amples` = wide, `grapes estàndard` = regular), a marker (`retolador`) and colour words.
 */
const CATALAN: LanguageReading = {
  language: 'Catalan',
  marker:
    /\bcapsa\b|\bunitats\b|\bamb\b|estèril|\bmida\b|sol ús|\bpaquet de\b|grapadora|retolador|\bpunta (?:fina|ultrafina|extrafina|mitjana|gruixuda)/i,
  rewrites: [
    [/\bcapsa\sde\s(\d+)(?:\s(?:unitats|unitat|u\.))?(?!\p{L})/giu, ' BOX OF $1 '],
    [/\bpaquet\sde\s(\d+)(?:\s(?:unitats|unitat|u\.))?(?!\p{L})/giu, ' PACK OF $1 '],
    [/(?<=\d)\s(?:unitats)(?!\p{L})/giu, ' PCS '],
    [words('no\\sestèril\\p{L}*|no\\sesteril\\p{L}*'), ' NON-STERILE '],
    [words('estèril\\p{L}*|esteril\\p{L}*'), ' STERILE '],
    [words('sense\\slàtex|sense\\slatex'), ' LATEX FREE '],
    [/(?<![\p{L}\d])(?:d['’]un|un)\ssol\sús(?!\p{L})/giu, ' SINGLE USE '],
    [words('mida'), ' SIZE '],
    [words('adults?'), ' ADULT '],
    [words('pediàtric\\p{L}*|pediatric\\p{L}*|infantil'), ' PAEDIATRIC '],
    [words('nadó|nadons|nado'), ' INFANT '],
    [words('punta\\sultrafina'), ' ULTRA FINE POINT '],
    [words('punta\\sextrafina'), ' EXTRA FINE POINT '],
    [words('punta\\sfina'), ' FINE POINT '],
    [words('punta\\smitjana'), ' MEDIUM POINT '],
    [words('punta\\sgruixuda'), ' BROAD POINT '],
    [words('grapadora'), ' STAPLER '],
    [words('grapes\\samples'), ' WIDE STAPLES '],
    [words('grapes\\s(?:estàndard|estandard|regulars?)'), ' REGULAR STAPLES '],
    [words('grapes'), ' STAPLES '],
    [words('retolador|retoladors'), ' MARKER '],
    ...colourWords([
      ['negre|negra', 'BLACK'],
      ['vermell|vermella', 'RED'],
      ['blau|blava', 'BLUE'],
      ['verd|verda', 'GREEN'],
      ['groc|groga', 'YELLOW'],
      ['blanc|blanca', 'WHITE'],
      ['taronja', 'ORANGE'],
    ]),
  ],
};

/**
 * Albanian (APP tender lines; item-3.41.0, itemattrs20): `kuti me 25 copë` (a box of 25 pieces), `paketë me 12` (a pack
 * of 12), `25 copë` (pieces), `steril` / `jo steril`, `pa lateks` (latex free), `njëpërdorimësh` (single use),
 * `madhësia` (size), `për të rritur` (adult), `për fëmijë` / `pediatrik` (paediatric), `për foshnje` (infant), a marker's
 * fine tip (`majë të hollë`) and very fine tip (`majë shumë të hollë`, `majë ultra të hollë`: the ultra fine of English
 * marker lines, as Albanian retail writes it), a
 * stapler's staples (`kapëse të gjera` = wide, `kapëse standarde` = regular) and colour words (`ngjyrë e zezë`).
 */
const ALBANIAN: LanguageReading = {
  language: 'Albanian',
  marker:
    /\bkuti me\b|\bcopë|\bpaketë me\b|\bmajë\s|njëpërdorimësh|madhësi|ngjyrë|\bjo steril|\bpa lateks|\bpër (?:të rritur|fëmijë|foshnj)|kapëse/i,
  rewrites: [
    [/\bkuti\sme\s(\d+)(?:\scopë)?(?!\p{L})/giu, ' BOX OF $1 '],
    [/\bpaketë\sme\s(\d+)(?:\scopë)?(?!\p{L})/giu, ' PACK OF $1 '],
    [/(?<=\d)\scopë(?!\p{L})/giu, ' PCS '],
    [words('jo\\ssteril\\p{L}*'), ' NON-STERILE '],
    [words('steril|sterile|sterilë'), ' STERILE '],
    [words('pa\\slateks'), ' LATEX FREE '],
    [words('njëpërdorimësh|një\\spërdorimësh'), ' SINGLE USE '],
    [words('madhësia|madhësi'), ' SIZE '],
    [words('për\\stë\\srritur|të\\srritur'), ' ADULT '],
    [words('për\\sfëmijë|pediatrik\\p{L}*'), ' PAEDIATRIC '],
    [words('për\\sfoshnje|foshnj\\p{L}*'), ' INFANT '],
    [words('majë\\s(?:shumë|ultra)\\s(?:të|e)\\sholl\\p{L}*'), ' ULTRA FINE POINT '],
    [words('majë\\s(?:të|e)\\sholl\\p{L}*'), ' FINE POINT '],
    [words('kapëse\\stë\\sgjera'), ' WIDE STAPLES '],
    [words('kapëse\\sstandard\\p{L}*'), ' REGULAR STAPLES '],
    [words('kapëse'), ' STAPLES '],
    [words('ngjyrë|ngjyra'), ' '],
    ...colourWords([
      ['e\\szezë|të\\szeza|zezë', 'BLACK'],
      ['e\\skuqe|të\\skuqe|kuqe', 'RED'],
      ['blu', 'BLUE'],
      ['jeshile|e\\sgjelbër', 'GREEN'],
      ['e\\sverdhë|të\\sverdha|verdhë|verdha', 'YELLOW'],
      ['e\\sbardhë|të\\sbardha|bardhë', 'WHITE'],
      ['portokalli', 'ORANGE'],
    ]),
  ],
};

/**
 * Azerbaijani (e-tender lines; item-3.41.0, itemattrs20): `qutuda 50 ədəd` (50 pieces in a box), `50 ədəd` (pieces),
 * `10 test qablaşdırmada` (10 tests in the pack), `steril` / `qeyri-steril`, `lateksiz` (latex free), `birdəfəlik`
 * (single use), `ölçü` (size), `böyüklər üçün` (adult), `uşaqlar üçün` (paediatric), `körpələr üçün` (infant) and colour
 * words. Uzbek, its Latin-script Turkic neighbour (xarid.uzex.uz tender lines; item-3.45.0, items22sources), writes the
 * same things the same way: `qutida 500 dona` (500 pieces in a box), `dona` (piece), `steril emas` (not sterile),
 * `bir martalik` (single use), `o'lcham` (size), `dyuym` (inch) and colour words; both write the centimetre `sm` after a
 * number, as the Russian-school romanisation of `см` does (`41 sm`, which read as size S).
 */
const AZERBAIJANI: LanguageReading = {
  language: 'Azerbaijani / Uzbek',
  marker: /ədəd|\bqutu|üçün|ölçü|qablaşdırma|birdəfəlik|lateksiz|\bdona\b|\bqutida\b|o['‘’ʻ]lcham|\bdyuym\b|\bbir martalik\b/i,
  rewrites: [
    [/\bqutu(?:da|su)?\s(\d+)\s?ədəd(?!\p{L})/giu, ' BOX OF $1 '],
    [/\bqutida\s(\d+)\s?dona(?!\p{L})/giu, ' BOX OF $1 '],
    [/(?<=\d)\s?(?:ədəd|dona)(?!\p{L})/giu, ' PCS '],
    [/(?<=\d)\s?sm(?!\p{L})/giu, ' CM '],
    [/(?<=\d)\s?dyuym(?!\p{L})/giu, ' IN '],
    [/(?<=\d)\stest\sqablaşdırmada(?!\p{L})/giu, ' TESTS '],
    [/\bqablaşdırma(?:da|sı)?\s(\d+)(?![\d.,])/giu, ' PACK OF $1 '],
    [words('qeyri[\\s-]?steril|steril\\semas'), ' NON-STERILE '],
    [words('steril'), ' STERILE '],
    [words('lateksiz'), ' LATEX FREE '],
    [words('birdəfəlik|bir\\smartalik'), ' SINGLE USE '],
    [words("ölçü|ölçüsü|o['‘’ʻ]lcham(?:i|da)?"), ' SIZE '],
    [words('böyüklər\\süçün|böyüklər'), ' ADULT '],
    [words('uşaqlar\\süçün|uşaq\\p{L}*'), ' PAEDIATRIC '],
    [words('körpələr\\süçün|körpə\\p{L}*'), ' INFANT '],
    ...colourWords([
      ['qara|qora', 'BLACK'],
      ['qırmızı|qizil', 'RED'],
      ["mavi|göy|ko['‘’ʻ]k", 'BLUE'],
      ['yaşıl|yashil', 'GREEN'],
      ['sarı|sariq', 'YELLOW'],
      ['ağ|oq', 'WHITE'],
      ["narıncı|to['‘’ʻ]q\\ssariq", 'ORANGE'],
    ]),
  ],
};

/**
 * Welsh (NHS Wales Shared Services Partnership lines; item-3.43.0, items21units): `blwch o 25` (a box of 25), `pecyn o
 * 10` (a pack of 10), `maint 4` (size 4), `untro` (single use), `di-haint` (sterile), `heb latecs` (latex free), `gyda`
 * / `heb` (with / without), `oedolion` / `plant` (adult / children) and colour words (`melyn`, `gwyrdd`, `oren`, `du`,
 * `glas`, `coch`, `gwyn`: `inc du` is black ink). Welsh mutates a word's first letter after some words (`ffilm
 * rwystr` for rhwystr): the mutated forms lines write are listed.
 */
const WELSH: LanguageReading = {
  language: 'Welsh',
  marker: /\bblwch o\b|\bpecyn o\b|\bmaint\b|\buntro\b|\bdi-haint\b|\bheb\b|\bgyda\b|\bcebl\b|\bcyfuniad\b|\ballwedd\b|\bgliniadur\b/i,
  rewrites: [
    [/\bblwch\so\s(\d+)(?![\d.,])/gi, ' BOX OF $1 '],
    [/\bpecyn\so\s(\d+)(?![\d.,])/gi, ' PACK OF $1 '],
    [/\bbag\so\s(\d+)(?![\d.,])/gi, ' BAG OF $1 '],
    [words('maint'), ' SIZE '],
    [words('untro|un\\sdefnydd'), ' SINGLE USE '],
    [words('heb\\sfod\\syn\\sddi-haint|ddim\\syn\\sddi-haint'), ' NON-STERILE '],
    [words('di-haint|ddi-haint'), ' STERILE '],
    [words('heb\\slatecs|heb\\slatex'), ' LATEX FREE '],
    // `heb bigo` (no sting: a barrier film's name) before `heb` alone.
    [words('heb\\s(?:b|p)igo'), ' NO STING '],
    [words('inc'), ' INK '],
    [words('allwedd|ag\\sallwedd'), ' KEYED '],
    [words('cyfuniad'), ' COMBINATION '],
    [words('cebl|ceblau'), ' CABLE '],
    [words('gyda'), ' WITH '],
    [words('heb'), ' WITHOUT '],
    [words('oedolion|oedolyn|i\\soedolion'), ' ADULT '],
    [words('plant|plentyn|i\\sblant|pediatrig'), ' PAEDIATRIC '],
    ...colourWords([
      ['melyn', 'YELLOW'],
      ['gwyrdd', 'GREEN'],
      ['oren', 'ORANGE'],
      ['du', 'BLACK'],
      ['glas', 'BLUE'],
      ['coch|goch', 'RED'],
      ['gwyn', 'WHITE'],
      ['porffor', 'PURPLE'],
    ]),
  ],
};

/**
 * Basque (Osakidetza tender lines; item-3.43.0, items21units): decimal commas (`2,8 mm`), the case suffix glued to a
 * unit with a hyphen (`90 mm-ko` = of 90 mm, `1 ml-ko`), `25 unitateko kutxa` / `12 unitateko paketea` (a box / pack of
 * n units), `1. gradua` (grade 1: the ordinal point), `erabilera bakarrekoa` (single use), `antzua` / `ez antzua`
 * (sterile / non-sterile), `latexik gabe` (latex free), `-arekin` / `-ik gabe` (with / without: `orratzarekin` = with a
 * needle, `orratzik gabe` = without), `neurria` / `tamaina` (size), `helduentzat` / `haurrentzat` (adult / children) and
 * colour words (`beltza`, `urdina`, `gorria`, `berdea`, `horia`, `zuria`, `laranja`).
 */
const BASQUE: LanguageReading = {
  language: 'Basque',
  marker: /unitateko|erabilera bakarreko|\bgabe\b|\d\s?[a-zµ]{1,2}-ko\b|\bgradua\b|\bantzu[ak]?\b|\bneurria\b|\btamaina\b|orratz/i,
  rewrites: [
    [/(?<=\d),(?=\d)/g, '.'],
    [/(?<=\d\s?(?:mm|cm|ml|m|l|g|mg|kg|µm|um))-(?:ko|eko|tako|koa|ekoa)(?!\p{L})/giu, ' '],
    [/(?<![\d.,])(\d+)\sunitateko\s(?:kutxa|kaxa)(?:\p{L}{0,2})(?!\p{L})/giu, ' BOX OF $1 '],
    [/(?<![\d.,])(\d+)\sunitateko\s(?:paketea|pakete|paketea)(?!\p{L})/giu, ' PACK OF $1 '],
    [/(?<![\d.,])(\d+)\sunitateko\s(?:poltsa)(?!\p{L})/giu, ' BAG OF $1 '],
    [/(?<![\d.,])(\d+)\sunitate(?:ak|ko)?(?!\p{L})/giu, ' $1 PCS '],
    [/(?<![\d.,])(\d{1,2})\.\s?gradu(?:a|ko)(?!\p{L})/giu, ' GRADE $1 '],
    [words('erabilera\\sbakarreko(?:a|ak)?|erabilera\\sbakarra'), ' SINGLE USE '],
    [words('ez[\\s-]antzu(?:a|ak)?'), ' NON-STERILE '],
    [words('antzu(?:a|ak)?|esterila'), ' STERILE '],
    [words('latexik\\sgabe(?:a|ko)?|latex\\sgabe(?:a|ko)?'), ' LATEX FREE '],
    [words('aho\\szabal(?:a|eko|ekoa)'), ' WIDE MOUTH '],
    [words('aho\\sestu(?:a|ko|koa)'), ' NARROW MOUTH '],
    [words('orratzarekin|orratzekin'), ' WITH NEEDLE '],
    [words('orratzik\\sgabe(?:a|ko)?|orratz\\sgabe(?:a|ko)?'), ' WITHOUT NEEDLE '],
    [words('neurria|tamaina|neurri'), ' SIZE '],
    [words('helduentzat|helduentzako|heldua'), ' ADULT '],
    [words('haurrentzat|haurrentzako|pediatrikoa'), ' PAEDIATRIC '],
    ...colourWords([
      ['beltza|beltz', 'BLACK'],
      ['urdina|urdin', 'BLUE'],
      ['gorria|gorri', 'RED'],
      ['berdea|berde', 'GREEN'],
      ['horia', 'YELLOW'],
      ['zuria|zuri', 'WHITE'],
      ['laranja', 'ORANGE'],
    ]),
  ],
};

/**
 * Maltese (CPSU Malta tender lines; item-3.43.0, items21units): `kaxxa ta' 20` / `pakkett ta' 100` (a box / pack of n),
 * `għall-użu ta' darba` (single use), `sterili` / `mhux sterili`, `mingħajr latex` (latex free), `bil-` + a noun (with:
 * `bil-labra` = with a needle) and `mingħajr` (without), `daqs` (size), `għall-adulti` / `għat-tfal` (adult / children)
 * and colour words (`iswed` / `sewda`, `blu`, `aħmar` / `ħamra`, `aħdar` / `ħadra`, `isfar` / `safra`, `abjad` /
 * `bajda`). The Maltese letters ħ, ġ, ż, ċ are also matched as the h, g, z, c that ASCII exports write.
 */
const MALTESE: LanguageReading = {
  language: 'Maltese',
  marker: /\bkaxxa ta|\bpakkett ta|\bmin[għg]+ajr\b|\bbil-|\bdaqs\b|\bta['’] darba\b|\bmhux sterili\b|\bsterili\b/i,
  rewrites: [
    [/\bkaxxa\sta['’]\s?(\d+)(?![\d.,])/gi, ' BOX OF $1 '],
    [/\bpakkett\sta['’]\s?(\d+)(?![\d.,])/gi, ' PACK OF $1 '],
    [/\bbor[żz]a\sta['’]\s?(\d+)(?![\d.,])/giu, ' BAG OF $1 '],
    [words("(?:g[ħh]all-)?u[żz]u\\sta['’]\\sdarba|li\\sjintu[żz]a\\sdarba"), ' SINGLE USE '],
    [words('mhux\\ssterili'), ' NON-STERILE '],
    [words('sterili'), ' STERILE '],
    [words('min[ġg][ħh]ajr\\slatex'), ' LATEX FREE '],
    [words('bil-labra'), ' WITH NEEDLE '],
    [words('min[ġg][ħh]ajr\\slabra'), ' WITHOUT NEEDLE '],
    [/(?<![\p{L}\d])bil-(?=\p{L})/giu, ' WITH '],
    [words('min[ġg][ħh]ajr'), ' WITHOUT '],
    [words('daqs'), ' SIZE '],
    [words('linka'), ' INK '],
    [words('kejbil|kejbils'), ' CABLE '],
    [/\bgrad\s(?=\d)/gi, ' GRADE '],
    [words('g[ħh]all-adulti|adulti'), ' ADULT '],
    [words('g[ħh]at-tfal|tfal|pedjatrik\\p{L}*'), ' PAEDIATRIC '],
    ...colourWords([
      ['iswed|sewda|suwed', 'BLACK'],
      ['blu|ikħal|ikhal|kaħla|kahla', 'BLUE'],
      ['a[ħh]mar|[ħh]amra|[ħh]omor', 'RED'],
      ['a[ħh]dar|[ħh]adra|[ħh]odor', 'GREEN'],
      ['isfar|safra|sofor', 'YELLOW'],
      ['abjad|bajda|bojod', 'WHITE'],
      ['oran[ġg]jo', 'ORANGE'],
    ]),
  ],
};

/**
 * The close neighbours of the readings above whose tender lines write packs, sizes and single use the same way
 * (item-3.43.0, items21units): Galician (`caixa de 25`, `tamaño`, `dun só uso`, `estéril`, `sen látex`, `con` / `sen
 * agulla`), Irish (`bosca de 25` / `bosca 25`, `méid`, `aonúsáide`, `steiriúil`, `gan laitéis`), Scottish Gaelic
 * (`bogsa de 25`, `meud`, `aon-chleachdadh`) and Breton (`boest 25`, `ment 4`, `implij ur wech`).
 */
const CELTIC_GALICIAN: LanguageReading = {
  language: 'Galician / Irish / Scottish Gaelic / Breton',
  marker:
    /\bcaixa de\b|\bd?un só uso\b|\bsen (?:agulla|l[aá]tex)\b|\bbosca\b|\baon[uú]s[aá]ide\b|\bsteiri[uú]il\b|\bm[eé]id\b|\bbogsa\b|\bmeud\b|aon-chleachdadh|\bboest\b|\bment\s\d/i,
  rewrites: [
    [/\b(?:caixa|bosca|bogsa|boest)\s(?:de\s|le\s)?(\d+)(?![\d.,])/gi, ' BOX OF $1 '],
    [words('d?un\\ssó\\suso|aon[uú]s[aá]ide|aon-chleachdadh|implij\\sur\\swech'), ' SINGLE USE '],
    [words('non\\sestéril|neamhsteiri[uú]il'), ' NON-STERILE '],
    [words('estéril|steiri[uú]il'), ' STERILE '],
    [words('sen\\sl[aá]tex|gan\\slait[eé]is'), ' LATEX FREE '],
    [words('con\\sagulla'), ' WITH NEEDLE '],
    [words('sen\\sagulla'), ' WITHOUT NEEDLE '],
    [words('tamaño|m[eé]id|meud'), ' SIZE '],
    [/\bment\s(?=\d)/gi, ' SIZE '],
  ],
};

/**
 * Afrikaans (South African provincial hospital order lists, `Bestellys`; items24lines, item-3.48.0), which writes packs
 * as Dutch does, so Dutch lines read alike: `boks van 50 stuks` / `doos van 50 stuks` (a box of 50 pieces), `pak van 10`,
 * `karton van 500`, `50 stuks` / `1 stuk` (pieces), `steriel` / `nie-steriel` (`niet steriel`), `lateksvry` / `latexvrij`,
 * `enkelgebruik` / `eenmalig gebruik` (single use), `grootte` (size), `volwasse` / `volwassenes` (adult), `pediatries` /
 * `kinders` (paediatric), the list's own word `Bestellys` and colour words (`swart`, `blou`, `groen`, `pienk`, `wit`,
 * `geel`, `rooi`, `oranje`, `pers`, `grys`; Dutch `zwart`, `blauw`, `roze`, `rood`, `paars`, `grijs`). The order's
 * quantity (`Hoeveelheid: 10 bokse`) is a how-many field of the exportFieldLabels table.
 */
const AFRIKAANS_DUTCH: LanguageReading = {
  language: 'Afrikaans / Dutch',
  marker: /\bstuks?\b|\b(?:boks|doos|pak|karton)\svan\s\d|\bsteriel\b|\benkelgebruik\b|\bbestellys\b|\blateksvry\b|\bhoeveelheid\b/i,
  rewrites: [
    [/\b(?:boks|doos)\svan\s(\d+)(?:\s(?:stuks?|rolle|bottels|penne))?(?![\d.,])/gi, ' BOX OF $1 '],
    [/\b(?:pak|pakkie|pakket)\svan\s(\d+)(?:\s(?:stuks?|rolle|bottels|penne))?(?![\d.,])/gi, ' PACK OF $1 '],
    [/\b(?:karton|kis)\svan\s(\d+)(?:\s(?:stuks?|rolle|bottels|penne))?(?![\d.,])/gi, ' CARTON OF $1 '],
    [/(?<=\d)\s?stuks?\b/gi, ' PCS '],
    [words('bestellys'), ' '],
    // The order's own quantity (`| Hoeveelheid: 10 bokse`): how many are ordered, no product data.
    [/(?<![\p{L}\d])hoeveelheid\s?:?\s?\d+(?:\s\p{L}+)?/giu, ' '],
    [words('nie[\\s-]steriel|niet[\\s-]steriel'), ' NON-STERILE '],
    [words('steriel'), ' STERILE '],
    [words('lateksvry|latexvrij|sonder\\slateks|zonder\\slatex'), ' LATEX FREE '],
    [words('enkelgebruik|eenmalige?\\sgebruik|eenmalig'), ' SINGLE USE '],
    [words('grootte'), ' SIZE '],
    // A pen is `pen` / `penne` alone and inside the compounds Afrikaans and Dutch write (`viltpuntpenne`, felt-tip pens;
    // `balpuntpen`, ballpoint): the colour and tip readers know a pen by the English word.
    [words('viltpuntpenne|viltpuntpen|viltstiften|viltstift'), ' FELT TIP PEN '],
    [words('balpuntpenne|balpuntpen|balpennen|balpen'), ' BALLPOINT PEN '],
    [words('penne|pennen'), ' PENS '],
    [words('punt'), ' POINT '],
    [words('volwassenes|volwasse|volwassene|volwassenen'), ' ADULT '],
    [words('pediatri[eë]s|kinders|kinderen'), ' PAEDIATRIC '],
    ...colourWords([
      ['swart|zwart', 'BLACK'],
      ['blou|blauw', 'BLUE'],
      ['groen', 'GREEN'],
      ['pienk|roze', 'PINK'],
      ['wit', 'WHITE'],
      ['geel', 'YELLOW'],
      ['rooi|rood', 'RED'],
      ['oranje', 'ORANGE'],
      ['pers|paars', 'PURPLE'],
      ['grys|grijs', 'GREY'],
    ]),
  ],
};

/**
 * Filipino / Tagalog (Philippine hospital purchase requests, `Kahilingan sa pagbili`; items24lines, item-3.48.0): `1 kahon
 * (50 piraso bawat kahon)` / `1 kahon (12 piraso)` (a box of 50 / 12 pieces), `1 pakete (10 piraso)` (a pack of 10), `50
 * piraso bawat kahon` (50 per box), `piraso` (piece), `pulgada` (inch), `sukat` (size), `katamtaman` (medium), `walang
 * latex` (latex free), `hindi sterile` (non-sterile), `para sa matanda` / `para sa bata` (adult / children), colour words
 * (`itim`, `asul` / `bughaw`, `berde` / `luntian`, `rosas`, `puti`, `dilaw`, `pula`, `kahel`, `lila`, `abo`), the
 * request's own heading and the linking particles (`na`, `ng`, `sa`, `para sa`, `mga`, `kulay`), which are no product words.
 */
/** The pack words of a Filipino request and the English pack words the count extractors read. */
const TAGALOG_PACK: Readonly<Record<string, string>> = { kahon: 'BOX', pakete: 'PACK', karton: 'CARTON' };

const FILIPINO: LanguageReading = {
  language: 'Filipino',
  marker: /\bpiraso\b|\bkahon\b|\bpakete\b|\bbawat\b|\bpulgada\b|\bkulay\b|\bkahilingan\b|\bwalang\b/i,
  rewrites: [
    [
      /\b\d+\s(?:kahon|pakete|karton)\s\((\d+)\spiraso\sbawat\s(kahon|pakete|karton)\)/gi,
      (_m: string, count: string, pack: string) => ` ${TAGALOG_PACK[pack.toLowerCase()] ?? 'PACK'} OF ${count} `,
    ],
    [
      /\b\d+\s(kahon|pakete|karton)\s\((\d+)\s(?:piraso|rolyo|bote|pares)\)/gi,
      (_m: string, pack: string, count: string) => ` ${TAGALOG_PACK[pack.toLowerCase()] ?? 'PACK'} OF ${count} `,
    ],
    [
      /\b(kahon|pakete|karton)\sng\s(\d+)(?![\d.,])/gi,
      (_m: string, pack: string, count: string) => ` ${TAGALOG_PACK[pack.toLowerCase()] ?? 'PACK'} OF ${count} `,
    ],
    [
      /(?<![\d.,])(\d+)\s(?:piraso\s)?bawat\s(kahon|pakete|karton)\b/gi,
      (_m: string, count: string, pack: string) => ` ${count} PER ${TAGALOG_PACK[pack.toLowerCase()] ?? 'PACK'} `,
    ],
    [/(?<=\d)\s?piraso\b/gi, ' PCS '],
    [/(?<=[\d/])\s?pulgada\b/gi, ' IN '],
    [words('kahilingan\\ssa\\spagbili'), ' '],
    [words('hindi\\ssterile|hindi\\sisterilisado'), ' NON-STERILE '],
    [words('walang\\slatex'), ' LATEX FREE '],
    [words('walang'), ' WITHOUT '],
    [words('sukat'), ' SIZE '],
    [words('haba'), ' LENGTH '],
    [words('lapad'), ' WIDTH '],
    [words('tulis'), ' POINT '],
    // Philippine English and Filipino write a ballpoint pen `ballpen` / `bolpen`.
    [words('ballpen|bolpen|ballpens'), ' BALLPOINT PEN '],
    [words('may'), ' WITH '],
    [words('katamtamang|katamtaman'), ' MEDIUM '],
    [words('para\\ssa\\smatanda|pang-matanda'), ' ADULT '],
    [words('para\\ssa\\sbata|pambata|pang-bata'), ' PAEDIATRIC '],
    [words('para\\ssa|para|na|ng|sa|mga|kulay|ang'), ' '],
    ...colourWords([
      ['itim', 'BLACK'],
      ['asul|bughaw', 'BLUE'],
      ['berde|luntian', 'GREEN'],
      ['rosas', 'PINK'],
      ['puti', 'WHITE'],
      ['dilaw', 'YELLOW'],
      ['pula', 'RED'],
      ['kahel', 'ORANGE'],
      ['lila|lilak', 'PURPLE'],
      ['abo|kulay-abo', 'GREY'],
    ]),
  ],
};

/**
 * Hausa (Nigeria, Niger; items27text, item-3.52.0): supply requisitions of Nigerian hospitals write the unit of issue as
 * `akwati (guda 25)` (a box of 25 pieces), `jaka (guda 100)` (a bag of 100), `guda ɗaya` (one piece, each); the patient as
 * `ta manya` (for adults) / `ta yara` (for children); `na zubarwa` (to be thrown away) for disposable; colours. Hausa's
 * hooked letters (ɓ ɗ ƙ ƴ) are written b d k y in ASCII Hausa, as the spellings below accept.
 */
const HAUSA: LanguageReading = {
  language: 'Hausa',
  marker: /\bakwati\b|\bguda\b|\bna\szubarwa\b|\bta\s(?:manya|yara)\b/i,
  rewrites: [
    [/\bakwati\s\(?\s?guda\s(\d+)\s?\)?/gi, ' BOX OF $1 '],
    [/\bjaka\s\(?\s?guda\s(\d+)\s?\)?/gi, ' BAG OF $1 '],
    [words('guda\\s(?:ɗaya|daya)'), ' EACH '],
    [words('na\\szubarwa'), ' DISPOSABLE '],
    [words('(?:ta|na|don)\\smanya'), ' ADULT '],
    [words('(?:ta|na|don)\\syara'), ' PAEDIATRIC '],
    [words('ƙarami|karami'), ' SMALL '],
    [words('matsakaici'), ' MEDIUM '],
    [words('babba'), ' LARGE '],
    ...colourWords([
      ['baƙi|baki', 'BLACK'],
      ['kore', 'GREEN'],
      ['ruwan\\shoda', 'PINK'],
      ['fari', 'WHITE'],
      ['shuɗi|shudi', 'BLUE'],
      ['rawaya', 'YELLOW'],
    ]),
  ],
};

/**
 * Malagasy (Madagascar; items27text, item-3.52.0): requisitions write the pack as `boaty misy 25` (a box holding 25),
 * `kitapo misy 100` (a bag holding 100); `azo ariana` (can be thrown away) for disposable; sizes `lehibe` / `kely` /
 * `antonony` (large, small, medium), `am-paosy` (pocket); `15 andro` (15 days); colours.
 */
const MALAGASY: LanguageReading = {
  language: 'Malagasy',
  marker: /\bboaty\b|\bkitapo\b|\bazo\sariana\b|\bandro\b|\bmisy\b/i,
  rewrites: [
    [/\bboaty\s(?:misy\s)?(\d+)(?![\d.,])/gi, ' BOX OF $1 '],
    [/\bkitapo\s(?:misy\s)?(\d+)(?![\d.,])/gi, ' BAG OF $1 '],
    [/(?<![\d.,])(\d+)\sandro\b/gi, ' $1 DAY '],
    [words('azo\\sariana'), ' DISPOSABLE '],
    [words("ho\\san[''’]?ny\\solon-dehibe|olon-dehibe"), ' ADULT '],
    [words("ho\\san[''’]?ny\\sankizy|ankizy"), ' PAEDIATRIC '],
    [words('am-paosy|an-paosy'), ' POCKET '],
    [words('lehibe'), ' LARGE '],
    [words('antonony'), ' MEDIUM '],
    [words('kely'), ' SMALL '],
    [words('habe'), ' SIZE '],
    [words('misy\\stsipika'), ' RULED '],
    ...colourWords([
      ['mainty', 'BLACK'],
      ['maitso', 'GREEN'],
      ['mavokely', 'PINK'],
      ['fotsy', 'WHITE'],
      ['manga', 'BLUE'],
      ['mavo', 'YELLOW'],
      ['mena', 'RED'],
    ]),
  ],
};

/**
 * Turkmen (Latin alphabet of 1993; items27text, item-3.52.0): requisitions write the pack as `guty (25 sany)` (a box of 25
 * pieces), `sany` alone for each; `iňňe` (needle); `15 günlük` (of 15 days); `ölçegi L` (size L); `ulular üçin` / `çagalar üçin` (for adults,
 * for children); `bir gezeklik` (single use); `steril`; colours.
 */
const TURKMEN: LanguageReading = {
  language: 'Turkmen',
  marker: /\bguty\b|\bsany\b|\bgezeklik\b|\bgunluk\b/i,
  rewrites: [
    [/\bguty\s\(?\s?(\d+)\ssany\s?\)?/giu, ' BOX OF $1 '],
    [/(?<![\d.,])(\d+)\sg[üu]nl[üu]k(?![\p{L}])/giu, ' $1 DAY '],
    // `iňňe` (needle) only with its `ň`: folded to `INNE` it would be the Polish `inne` (other) of tender lines.
    [words('iňňe(?:si)?'), ' NEEDLE '],
    [words('bir\\sgezeklik'), ' SINGLE USE '],
    [words('ulular\\s[üu][çc]in'), ' ADULT '],
    [words('[çc]agalar\\s[üu][çc]in'), ' PAEDIATRIC '],
    [words('[öo]l[çc]egi'), ' SIZE '],
    [words('steril'), ' STERILE '],
    [words('[üu][çc]in'), ' '],
    ...colourWords([
      ['gara', 'BLACK'],
      ['[ýy]a[şs]yl', 'GREEN'],
      ['g[üu]lg[üu]ne', 'PINK'],
      ['gyzyl', 'RED'],
      ['sary', 'YELLOW'],
    ]),
  ],
};

const LATIN_LANGUAGE_READINGS: readonly LanguageReading[] = [
  AFRIKAANS_DUTCH,
  FILIPINO,
  SWAHILI,
  MALAY,
  LITHUANIAN,
  SLOVAK_CROATIAN,
  ESTONIAN,
  CATALAN,
  ALBANIAN,
  AZERBAIJANI,
  WELSH,
  BASQUE,
  MALTESE,
  CELTIC_GALICIAN,
  HAUSA,
  MALAGASY,
  TURKMEN,
];
/**
 * One test per line for all the Latin-script languages' markers (most lines hold none and return here): an ASCII line
 * none of whose positions spells a marker's anchor word is answered without the expression (wordAnchoredTest.ts).
 */
export const LATIN_LANGUAGE_MARKER = new RegExp(LATIN_LANGUAGE_READINGS.map((reading) => reading.marker.source).join('|'), 'i');
const holdsAnyLanguageMarker = wordAnchoredTest(LATIN_LANGUAGE_MARKER);

/** `text` with the pack, unit and attribute words of the Latin-script languages above written as English lines write them. */
export function withLanguagePackWords(text: string): string {
  if (!holdsAnyLanguageMarker(text)) return text;
  let out = text;
  for (const reading of LATIN_LANGUAGE_READINGS) if (reading.marker.test(out)) out = rewritten(out, reading.rewrites);
  return out;
}

/** `text` with the Tamil and Urdu readings above applied (each only when the line holds a letter of its script). */
export function withLanguageScriptWords(text: string): string {
  let out = text;
  for (const reading of LANGUAGE_SCRIPT_READINGS) if (reading.script.test(out)) out = rewritten(out, reading.rewrites);
  return out;
}
