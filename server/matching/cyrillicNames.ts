/**
 * Company names in Ukrainian and Bulgarian Cyrillic romanised by their countries' own national tables before the
 * general romaniser (any-ascii, transliteration.ts) sees them (normaliser `scriptReadingOrgName`, supplier-3.28.0).
 *
 * any-ascii reads every Cyrillic letter the Russian way (`Г` → G, `И` → I, `Х` → Kh, `Щ` → Shch, `Ъ` → '), which is how
 * a Russian name is written in Latin but not a Ukrainian or a Bulgarian one: the registers and the companies themselves
 * write Ukrainian names by the Cabinet of Ministers' passport table of 2010 (Resolution 55: `Г` = h, `И` = y, `І` = i,
 * `Ц` = ts, `Я` = ia; `Галичфарм` = Halychfarm, `Дарниця` = Darnytsia) and Bulgarian names by the Streamlined System
 * of the 2009 Transliteration Act (`Х` = h, `Щ` = sht, `Ъ` = a; `Хювефарма` = Huvefarma). A name is read as
 * Ukrainian when it holds a letter only Ukrainian has (І Ї Є Ґ) or a Ukrainian legal form (ТОВ, ПрАТ, ПАТ, АТ, ДП, ТДВ),
 * as Bulgarian when it holds a form only Bulgarian law has (ЕАД, ООД, ЕООД, ЕТ, КДА; АД is also Serbian and
 * Macedonian) or `Ъ` before a consonant, and otherwise
 * left to any-ascii (Russian, Serbian, Macedonian, Kazakh… keep its reading, so every name read before reads the same).
 *
 * Own table, not a library: the npm romanisers that know these national tables (`cyrillic-to-translit-js` has
 * Ukrainian, not Bulgarian) are not installed here; the tables are 33 letters each and fixed by law.
 */

/** Any Cyrillic letter (U+0400–U+04FF): names without one return at once (one regular-expression test). */
const CYRILLIC = /[\u0400-\u04FF]/;
const UKRAINIAN_LETTER = /[ІЇЄҐіїєґ]/;
/** A legal form written as a word of its own (not inside a longer word). */
const UKRAINIAN_FORM = /(?<!\p{L})(?:ТОВ|ПрАТ|ПРАТ|ПАТ|АТ|ДП|ТДВ|ФОП)(?!\p{L})/u;
/** Forms only Bulgarian company law has; АД alone is also Serbian and Macedonian (akcionarsko društvo), so it says nothing. */
const BULGARIAN_FORM = /(?<!\p{L})(?:ЕАД|ООД|ЕООД|ЕТ|КДА)(?!\p{L})/u;
/** Ъ as Bulgarian writes it, a vowel before a consonant (`Българ`); Russian and Uzbek write it before a vowel (`объект`, `масъул`). */
const BULGARIAN_HARD_SIGN = /[Ъъ](?=[БВГДЖЗЙКЛМНПРСТФХЦЧШЩбвгджзйклмнпрстфхцчшщ])/u;
/** Serbian and Macedonian letters: those names keep any-ascii's reading. */
const SOUTH_SLAVIC_LETTER = /[ЈЉЊЋЂЏЃЌЅјљњћђџѓќѕ]/;
const RUSSIAN_LETTER = /[ЫЭЁыэё]/;
const CYRILLIC_LETTERS = /[\u0400-\u04FF]/g;
/** A letter at the start of a word (the passport table writes Є Ї Й Ю Я differently there). */
const WORD_START = /\p{L}/u;

type Table = Readonly<Record<string, string>>;

/** Cabinet of Ministers of Ukraine, Resolution 55 (27 Jan 2010): the letters that differ at the start of a word first. */
const UKRAINIAN_INITIAL: Table = { Є: 'Ye', Ї: 'Yi', Й: 'Y', Ю: 'Yu', Я: 'Ya' };
const UKRAINIAN: Table = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'H',
  Ґ: 'G',
  Д: 'D',
  Е: 'E',
  Є: 'Ie',
  Ж: 'Zh',
  З: 'Z',
  И: 'Y',
  І: 'I',
  Ї: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'Kh',
  Ц: 'Ts',
  Ч: 'Ch',
  Ш: 'Sh',
  Щ: 'Shch',
  Ь: '',
  Ю: 'Iu',
  Я: 'Ia',
};
/** Bulgarian Streamlined System (Transliteration Act 2009); `-ИЯ` at the end of a word is `-ia`. */
const BULGARIAN: Table = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ж: 'Zh',
  З: 'Z',
  И: 'I',
  Й: 'Y',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'Ts',
  Ч: 'Ch',
  Ш: 'Sh',
  Щ: 'Sht',
  Ъ: 'A',
  Ь: 'Y',
  Ю: 'Yu',
  Я: 'Ya',
};
const BULGARIAN_FINAL_IA = /ИЯ(?!\p{L})/giu;

type Language = 'uk' | 'bg';

/** The language whose national table reads `value`, or undefined (any-ascii's reading stays). */
export function cyrillicLanguageOf(value: string): Language | undefined {
  if (!CYRILLIC.test(value)) return undefined;
  if (UKRAINIAN_LETTER.test(value) || UKRAINIAN_FORM.test(value)) return 'uk';
  if (RUSSIAN_LETTER.test(value) || SOUTH_SLAVIC_LETTER.test(value)) return undefined;
  if (BULGARIAN_FORM.test(value) || BULGARIAN_HARD_SIGN.test(value)) return 'bg';
  return undefined;
}

/** A capital before a small letter is written capitalised (`Щедрик` → `Shchedryk`), in a word in capitals all capitals. */
function letterIn(table: Table, letter: string, next: string): string | undefined {
  const upper = letter.toUpperCase();
  const latin = table[upper];
  if (latin === undefined) return undefined;
  if (upper !== letter) return latin.toLowerCase();
  return next !== next.toUpperCase() ? latin : latin.toUpperCase();
}

/**
 * `value` with its Ukrainian or Bulgarian Cyrillic letters in Latin by the national table (`АТ "Галичфарм"` → `AT
 * "halychfarm"`, `ХЮВЕФАРМА ЕООД` → `HYUVEFARMA EOOD`); any other value unchanged. Letter case is kept per letter.
 */
export function nationalCyrillicReading(value: string): string {
  const language = cyrillicLanguageOf(value);
  if (language === undefined) return value;
  const source = language === 'bg' ? value.replace(BULGARIAN_FINAL_IA, (ia) => (ia === 'ИЯ' ? 'IA' : 'ia')) : value;
  const table = language === 'uk' ? UKRAINIAN : BULGARIAN;
  return source.replace(CYRILLIC_LETTERS, (letter, offset: number) => {
    if (language === 'uk' && !WORD_START.test(source[offset - 1] ?? ' ')) {
      const initial = letterIn(UKRAINIAN_INITIAL, letter, source[offset + 1] ?? '');
      if (initial !== undefined) return initial;
    }
    return letterIn(table, letter, source[offset + 1] ?? '') ?? letter;
  });
}
