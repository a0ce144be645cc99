/**
 * A requisition's own dates, document numbers and pack counts written in the conventions of whole scripts and language
 * families (items31langs, item-3.56.0), read after every script's digits are Latin digits (`withLatinNumerals`):
 *
 * - Dates of the Han-character languages: Chinese, Japanese and Korean write a date as number + 年 / 년 (year),
 *   number + 月 / 월 (month), number + 日 / 일 (day), the year either Gregorian or an era year after the era's name
 *   (Japanese `令和8年11月1日`, Reiwa 8 = 2026; Taiwanese `民國115年`): the whole date is taken out, era name included, so
 *   its numbers are never read as the product's. A year with its month is required (`3年保証`, a three-year warranty, is
 *   left alone).
 * - Dates with a month word in any script: a day, a month written as a word or a dotted abbreviation of any non-Latin
 *   script and a four-digit year — Thai `๑๙ พ.ย. ๒๕๖๙` (19 November 2569 of the Buddhist era = 2026), Lao `ມ.ກ.`, Khmer,
 *   Burmese month names — are taken out when the year is a calendar year: 1900–2100 of the common era or 2443–2643 of the
 *   Buddhist era (common era + 543, as Thailand, Laos, Cambodia and Myanmar count years).
 * - A document's number after a title of another script (`物品請求書 No.6580`, `ใบเบิก # 12`): a cell of one to three
 *   words of a non-Latin script and a Latin `No.` / `Nr.` / `#` with its number is the document's own number, as
 *   `label: number` cells are (NUMBERED_FIELD_CELL); the number is taken out.
 * - Pack counts by counter word: Japanese writes a pack's content as number + counter + 入 / 入り (`１２本入`, twelve
 *   long things included; `１０枚入り`, ten flat things) — any one Han counter, so 個 本 枚 包 袋 錠 and the rest without a
 *   list; Thai and Lao write it with the distributive ละ / ລະ (each) after the container noun (`กล่องละ ๑๒ หลอด`, twelve
 *   tubes to a box): both are the pack count `PACK OF n`, as the Latin lines write it. The classifier after the count is
 *   the count's own word and goes with it.
 */

const OTHER_SCRIPT_LETTER = String.raw`[^\s|\d\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]`;
const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** `令和8年11月1日`, `2026年11月1日`, `2026년 11월 1일`: a year with its month (and day), an era name of up to four Han characters before. */
const HAN_DATE = /(?:\p{Script=Han}{1,4}\s?)?(?:\d{1,4}|元)\s?[年년]\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日일])?/gu;

/** A day, a month word (or dotted abbreviation) of a non-Latin script, a four-digit year. */
const MONTH_WORD_DATE = new RegExp(String.raw`(?<![\d.,])\d{1,2}\s?(?:${OTHER_SCRIPT_LETTER}[^\s|\d]*\s?){1,2}(\d{4})(?![\d.,])`, 'gu');

/** A calendar year of the common era or of the Buddhist era (common era + 543). */
function isCalendarYear(year: number): boolean {
  return (year >= 1900 && year <= 2100) || (year >= 2443 && year <= 2643);
}

/** A cell of one to three words of a non-Latin script and `No.` / `Nr.` / `#` with a number: the document's own number. */
const TITLED_NUMBER_CELL = new RegExp(
  String.raw`(?<=^|\|)(\s*(?:${OTHER_SCRIPT_LETTER}[^\s|\p{Script=Latin}\d]*\s?){1,3})(?:No|Nr|N°)\.?\s?\d{1,8}|(?<=^|\|)(\s*(?:${OTHER_SCRIPT_LETTER}[^\s|\p{Script=Latin}\d]*\s?){1,3})#\s?\d{1,8}`,
  'gu',
);
const CELL_END = /^\s*(?:\||$)/;

/** `１２本入`, `10枚入り`: a number, one Han counter and 入 (included). */
const HAN_COUNTER_PACK = /(?<![\d.])(\d+)\s?\p{Script=Han}入り?/gu;
/** `กล่องละ ๑๒ หลอด`, `ກັບລະ 10`: a container noun, the distributive ละ / ລະ, the count and its classifier. */
const DISTRIBUTIVE_PACK = /\p{Script=Thai}+ละ\s?(\d+)(?:\s?\p{Script=Thai}+)?|\p{Script=Lao}+ລະ\s?(\d+)(?:\s?\p{Script=Lao}+)?/gu;

const HAS_OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** `text` (digits already Latin) with its dates and document numbers out and its counter-word pack counts as `PACK OF n` (see the module doc). */
export function withScriptDocumentFields(text: string): string {
  if (!HAS_OTHER_SCRIPT.test(text)) return text;
  let out = text;
  if (HAN_OR_HANGUL.test(out)) {
    out = out.replace(HAN_DATE, ' ').replace(HAN_COUNTER_PACK, ' PACK OF $1 ');
  }
  out = out.replace(MONTH_WORD_DATE, (written: string, year: string) => (isCalendarYear(Number(year)) ? ' ' : written));
  if (out.includes('ละ') || out.includes('ລະ'))
    out = out.replace(DISTRIBUTIVE_PACK, (_w, thai?: string, lao?: string) => ` PACK OF ${thai ?? lao} `);
  if (/(?:No|Nr|N°)\.?\s?\d|#\s?\d/.test(out)) {
    out = out.replace(TITLED_NUMBER_CELL, (written: string, label?: string, hashLabel?: string, offset?: number, whole?: string) => {
      const rest = (whole ?? '').slice((offset ?? 0) + written.length);
      return CELL_END.test(rest) ? (label ?? hashLabel ?? '') : written;
    });
  }
  return out;
}
