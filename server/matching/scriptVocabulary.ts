/**
 * The general vocabulary of Punjabi, Thai and Japanese item requisitions (items31langs, item-3.56.0): the words a sibling
 * is told apart by — sides, sizes, sterility and colours — as each language's dictionary writes them, read on a line
 * holding a letter of the language's script (run with the other script readings of itemLineLanguages.ts). These are
 * table rows of a language's common words, not of any corpus's products; units, digits, dates and pack counts are read
 * by rules of the whole script (scriptItemText.ts, scriptDocumentFields.ts) and need no row here.
 *
 * - Punjabi (Gurmukhi; Punjab government medical-college, civil and district hospital indents): `ਖੱਬਾ` / `ਖੱਬੇ` / `ਖੱਬੀ`
 *   left, `ਸੱਜਾ` / `ਸੱਜੇ` / `ਸੱਜੀ` right (the adjective's masculine, oblique and feminine forms), `ਛੋਟਾ` small,
 *   `ਦਰਮਿਆਨਾ` medium, `ਵੱਡਾ` large, `ਬਾਲਗ` adult, `ਕੀਟਾਣੂ ਰਹਿਤ` / `ਜੀਵਾਣੂ ਰਹਿਤ` / `ਨਿਰਜੀਵ` (germ-free, sterile) and the
 *   colours (`ਕਾਲਾ` black, `ਲਾਲ` red, `ਨੀਲਾ` blue, `ਹਰਾ` green, `ਚਿੱਟਾ` white, `ਪੀਲਾ` yellow) (Punjabi University,
 *   Punjabi–English Dictionary). The word for children (`ਬੱਚਿਆਂ`) is left out: it names the children's wards the indents
 *   come from (`ਬੱਚਿਆਂ ਦਾ ਵਾਰਡ`).
 * - Thai (hospital medical-supply withdrawal slips), written without spaces, so found inside a run: `ปลอดเชื้อ` (germ-free,
 *   sterile) and `ไม่ปลอดเชื้อ`, `ซ้าย` left, `ขวา` right (not `ขวาง`, across), `ผู้ใหญ่` adult, and the colours Thai
 *   writes after `สี` (colour: `สีดำ` black, `สีแดง` red, `สีน้ำเงิน` / `สีฟ้า` blue, `สีเขียว` green, `สีขาว` white,
 *   `สีเหลือง` yellow) (Royal Institute Dictionary). Child (`เด็ก`) is left out: it names children's hospitals.
 * - Japanese (hospital supply request slips): `滅菌` / `滅菌済` sterile and `未滅菌` / `非滅菌` non-sterile, `左用` / `左手`
 *   / `左側` left and the same with `右` right (a lone 左 or 右 is not read: it starts too many words), the katakana
 *   `サイズ` (size) after a letter size (`Mサイズ`, the way Japanese shops write it), and the colour words with 色 (colour:
 *   `黒色` black, `赤色` red, `青色` blue, `緑色` green, `白色` white, `黄色` yellow) and their katakana loanwords
 *   (`ブラック`, `レッド`, `ブルー`, `グリーン`, `ホワイト`, `イエロー`).
 */

/** A language's readings: the rewrites run only when `script` matches the line (the shape itemLineLanguages.ts runs). */
interface VocabularyReading {
  language: string;
  script: RegExp;
  rewrites: ReadonlyArray<[RegExp, string]>;
}

/** `pattern` as a whole word of the spaced script `script` (not preceded or followed by another of its letters or marks). */
function gurmukhiWords(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{Script=Gurmukhi}])(?:${pattern})(?![\\p{Script=Gurmukhi}])`, 'gu');
}

const PUNJABI: VocabularyReading = {
  language: 'Punjabi',
  script: /[\u0a00-\u0a7f]/,
  rewrites: [
    [gurmukhiWords('ਕੀਟਾਣੂ\\s?ਰਹਿਤ|ਜੀਵਾਣੂ\\s?ਰਹਿਤ|ਨਿਰਜੀਵ'), ' STERILE '],
    [gurmukhiWords('ਖੱਬਾ|ਖੱਬੇ|ਖੱਬੀ'), ' LEFT '],
    [gurmukhiWords('ਸੱਜਾ|ਸੱਜੇ|ਸੱਜੀ'), ' RIGHT '],
    [gurmukhiWords('ਛੋਟਾ|ਛੋਟੀ|ਛੋਟੇ'), ' SMALL '],
    [gurmukhiWords('ਦਰਮਿਆਨਾ|ਦਰਮਿਆਨੀ|ਦਰਮਿਆਨੇ'), ' MEDIUM '],
    [gurmukhiWords('ਵੱਡਾ|ਵੱਡੀ|ਵੱਡੇ'), ' LARGE '],
    [gurmukhiWords('ਬਾਲਗ(?:ਾਂ)?'), ' ADULT '],
    [gurmukhiWords('ਕਾਲਾ|ਕਾਲੀ|ਕਾਲੇ'), ' BLACK '],
    [gurmukhiWords('ਲਾਲ'), ' RED '],
    [gurmukhiWords('ਨੀਲਾ|ਨੀਲੀ|ਨੀਲੇ'), ' BLUE '],
    [gurmukhiWords('ਹਰਾ|ਹਰੀ|ਹਰੇ'), ' GREEN '],
    [gurmukhiWords('ਚਿੱਟਾ|ਚਿੱਟੀ|ਚਿੱਟੇ'), ' WHITE '],
    [gurmukhiWords('ਪੀਲਾ|ਪੀਲੀ|ਪੀਲੇ'), ' YELLOW '],
  ],
};

const THAI: VocabularyReading = {
  language: 'Thai',
  script: /[\u0e00-\u0e7f]/,
  rewrites: [
    [/ไม่ปลอดเชื้อ/gu, ' NON-STERILE '],
    [/ปลอดเชื้อ/gu, ' STERILE '],
    [/ซ้าย/gu, ' LEFT '],
    [/ขวา(?!ง)/gu, ' RIGHT '],
    [/ผู้ใหญ่/gu, ' ADULT '],
    [/สีดำ/gu, ' BLACK '],
    [/สีแดง/gu, ' RED '],
    [/สีน้ำเงิน|สีฟ้า/gu, ' BLUE '],
    [/สีเขียว/gu, ' GREEN '],
    [/สีขาว/gu, ' WHITE '],
    [/สีเหลือง/gu, ' YELLOW '],
  ],
};

const JAPANESE: VocabularyReading = {
  language: 'Japanese',
  script: /[\u3040-\u30ff]/,
  rewrites: [
    [/未滅菌|非滅菌/gu, ' NON-STERILE '],
    [/滅菌済み?|滅菌/gu, ' STERILE '],
    [/左(?:用|手|側)/gu, ' LEFT '],
    [/右(?:用|手|側)/gu, ' RIGHT '],
    [/(?<![A-Z])(XS|S|M|L|XL|XXL|ＸＳ|Ｓ|Ｍ|Ｌ|ＸＬ|ＸＸＬ)\s?サイズ/gu, ' SIZE $1 '],
    [/黒色|ブラック/gu, ' BLACK '],
    [/赤色|レッド/gu, ' RED '],
    [/青色|ブルー/gu, ' BLUE '],
    [/緑色|グリーン/gu, ' GREEN '],
    [/白色|ホワイト/gu, ' WHITE '],
    [/黄色|イエロー/gu, ' YELLOW '],
  ],
};

/** The readings of this module, run with the other script readings (itemLineLanguages.ts). */
export const SCRIPT_VOCABULARY_READINGS: readonly VocabularyReading[] = [PUNJABI, THAI, JAPANESE];
