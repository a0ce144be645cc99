/**
 * Writing conventions of care-site names that the `facilityName` normaliser undoes before it reads a name (each a
 * cheap literal test first, so a name that cannot hold the convention skips it):
 *
 * - *Serbian Cyrillic in Serbian Latin.* Serbian (and Bosnian, Montenegrin, Macedonian) registers print a name in
 *   Cyrillic where the other list prints it in the official Latin alphabet (gajica): `КЛИНИЧКИ ЦЕНТАР СРБИЈЕ` =
 *   `Klinički centar Srbije`. The generic romanisation (ICAO, Russian-based) writes `KLINICHKI TSENTAR SRBIIE`; a name
 *   holding a letter only these alphabets have (Ј Љ Њ Ћ Ђ Џ, Macedonian Ѓ Ќ Ѕ) is written letter for letter in
 *   Serbian Latin instead (Ч Ћ → C, Ш → S, Ж → Z, Ц → C, Ђ → DJ, Џ → DZ, Х → H), as the Latin registers write it once
 *   accents are folded.
 * - *A registry code before the name*: OPTN transplant-centre codes (`TXTT-TX1 University Medical Center of El
 *   Paso`: state, centre and organ programme) and similar codes written in the name field. A first word of at least six
 *   characters with a hyphen followed by letters and digits mixed (`TXTT-TX1`; not `COVID-19`), before at least two
 *   words, is dropped.
 * - *ST before a facility noun is a street*: `CASTLE ST. HOSP. FOR WOMEN`, `GREAT ORMOND ST HOSPITAL` (hospitals
 *   named after their street); everywhere else (`ST. MARY'S`, `MOUNT ST. JOSEPH`) the abbreviation tables read ST as
 *   SAINT.
 * - *French elision*: `CHU Mohammed VI d'Oujda`, `Hôpital d'Enfants` — `d'` and `l'` are the particles `de` and `le`
 *   before a vowel, written apart (`HOPITAL D ENFANTS`) or left out by ASCII lists; read as a word of their own (the
 *   particle table then drops it) instead of glued to the next word (`DOUJDA`).
 * - *Regnal numbers in Roman numerals*: `CHU Mohammed VI` is `CHU MOHAMMED 6` in ASCII lists, `Hospital Juan XXIII`
 *   `HOSPITAL JUAN 23`. A Roman numeral of two letters or more (II to XXXIX; not XI, a pinyin syllable) after a word is
 *   read as its number. One letter (I, V, X) is too often an initial to be read.
 */

/** Cyrillic letters only the Serbian and Macedonian alphabets have. */
const SERBIAN_ONLY = /[ЈЉЊЋЂЏЃЌЅјљњћђџѓќѕ]/;
const SERBIAN_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Ђ: 'DJ',
  Ѓ: 'GJ',
  Е: 'E',
  Ж: 'Z',
  З: 'Z',
  Ѕ: 'DZ',
  И: 'I',
  Ј: 'J',
  К: 'K',
  Ќ: 'KJ',
  Л: 'L',
  Љ: 'LJ',
  М: 'M',
  Н: 'N',
  Њ: 'NJ',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'C',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'C',
  Ч: 'C',
  Џ: 'DZ',
  Ш: 'S',
};

/** `УНИВЕРЗИТЕТСКИ КЛИНИЧКИ ЦЕНТАР СРБИЈЕ` → `UNIVERZITETSKI KLINICKI CENTAR SRBIJE`; other text unchanged. */
export function inSerbianLatin(value: string): string {
  if (!SERBIAN_ONLY.test(value)) return value;
  return value.toUpperCase().replace(/[\u0400-\u04ff]/g, (letter) => SERBIAN_LATIN[letter] ?? letter);
}

/** A leading code: one word of six characters or more, a hyphen, then letters and digits mixed (`TXTT-TX1`, not `COVID-19`), before at least two words. */
const REGISTRY_CODE = /^\s*[A-Z0-9]+-(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]+\s+(?=\S+\s+\S)/i;
/** ST (or ST.) right before a facility noun. */
const STREET_BEFORE_FACILITY = /(?<=\S\s+)ST\.?(?=\s+(?:HOSP\.?|HOSPITAL|HOSPITALS|CLINIC|INFIRMARY|MEDICAL\s+(?:CENTER|CENTRE))\b)/gi;
/** `d'` or `l'` (straight or curly apostrophe) glued to the next word. */
const ELISION = /(?<![\p{L}\p{N}])([DL])['\u2019](?=\p{L})/giu;
/**
 * A saint's or mount's abbreviation glued to the name after it (`St.Gallen`, `St.Pölten`, `Ste.Justine`, `Mt.Sinai`):
 * Swiss and Austrian official spellings and many lists write it without the space, so it reads as one word (STGALLEN)
 * against `St. Gallen` elsewhere.
 */
const GLUED_SAINT = /(?<![\p{L}\p{N}])([Ss][Tt][AaEeOo]?|[Ss][Vv]|[Mm][Tt])\.(?=\p{Lu})/gu;
const ROMAN_NUMERAL = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** The raw-text conventions (registry code, street, elision, a glued St.) undone; other text unchanged. */
export function withoutWritingConventions(raw: string): string {
  let text = raw;
  if (text.includes('-') && /\d/.test(text)) {
    const code = REGISTRY_CODE.exec(text);
    if (code && code[0].trim().length >= 6) text = text.slice(code[0].length);
  }
  if (/ST\b/i.test(text)) text = text.replace(STREET_BEFORE_FACILITY, 'STREET');
  if (text.includes("'") || text.includes('\u2019')) text = text.replace(ELISION, '$1 ');
  if (text.includes('.')) text = text.replace(GLUED_SAINT, '$1. ');
  return text;
}

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral[i] as string] as number;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** `UNIVERSITY HOSPITAL CENTER MOHAMMED VI OUJDA` → `… MOHAMMED 6 OUJDA` (a normalised name: words apart, upper case). */
export function withRegnalNumbers(normalized: string): string {
  if (!/[IVX]{2}/.test(normalized)) return normalized;
  const words = normalized.split(' ');
  let isChanged = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word.length < 2 || word === 'XI' || !ROMAN_NUMERAL.test(word) || !/^[A-Z]{2,}$/.test(words[i - 1] as string)) continue;
    words[i] = String(romanValue(word));
    isChanged = true;
  }
  return isChanged ? words.join(' ') : normalized;
}
