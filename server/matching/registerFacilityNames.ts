/**
 * Register conventions of care-site names read by the `facilityName` normaliser (facility-2.12.0), each behind a cheap
 * literal test so a name that cannot hold the convention skips it:
 *
 * - *Post-Soviet enterprise forms around the name.* Kazakh, Russian, Kyrgyz and Uzbek registers (the RCEZ list of
 *   health organisations, goszakup buyers) write a public hospital as its enterprise form, the name (often in quotes)
 *   and its owner: `ГКП на ПХВ "Городская клиническая больница №7" УОЗ г. Алматы` (state communal enterprise on the
 *   right of economic management, owned by the Almaty public-health department), in Kazakh `"№7 Қалалық клиникалық
 *   аурухана" ШЖҚ КМК`; Armenian registers `«Էրեբունի» բժշկական կենտրոն ՓԲԸ` (closed joint-stock company). The forms
 *   (ГКП, КГП, РГП, ПХВ, ШЖҚ, КМК, ТОО, АО…, ՓԲԸ, ՊՈԱԿ) and the owner words (УОЗ, акимата: the city's health department
 *   or akimat) are dropped; the city marker `г.` (город) is dropped and the city kept, as the English lists write it
 *   (`City Clinical Hospital No. 7, Almaty`). The abbreviations ГБ / ГКБ / ЦРБ… are read by `facilityAbbreviations`.
 * - *Numbered hospitals.* `№7`, `№ 7`, `No. 7`, `Nº 1`, `N°1`, `NO 1`, `N1` before a number are the number alone, and a
 *   number written first (Kazakh `№7 Қалалық … аурухана`) goes after the name, where Russian and English write it: the
 *   number is part of the name (City Hospital No. 1 and No. 2 of one city are two hospitals; rule `otherNumber`).
 * - *An acronym repeated beside the name it abbreviates.* Ministry and PAHO lists write `UHWI - University Hospital of
 *   the West Indies`, `San Fernando General Hospital (SFGH)`, `Centro Hospitalario Pereira Rossell (CHPR)`: an acronym
 *   before a dash or in brackets whose letters are the initials of the name's words (in order; connectives and at most
 *   one other word skipped: `HCAM` = Hospital de Especialidades Carlos Andrade Marín) says the name twice and is dropped.
 *   Any other bracket or prefix (a city, an operator: `(IESS Quito)`, `ASSE -`) is left to the other readings.
 * - *The country after the name* (`…, Trinidad and Tobago`, `… - BARBADOS`): see withoutCountryTail.
 */
import { CONNECTIVES } from './acronyms';

/** Enterprise and legal forms of post-Soviet (Kazakh / Russian) and Armenian registers, as written there. */
const REGISTER_FORMS = new Set([
  'ГКП',
  'КГП',
  'РГП',
  'ГККП',
  'КГКП',
  'ГУ',
  'КГУ',
  'РГУ',
  'ПХВ',
  'ТОО',
  'АО',
  'НАО',
  'ОАО',
  'ЗАО',
  'ООО',
  'ПАО',
  'ЧУ',
  'ШЖҚ',
  'КМК',
  'МКК',
  'РМК',
  'ЖШС',
  'АҚ',
  'КЕАҚ',
  'ՓԲԸ',
  'ԲԲԸ',
  'ՊՈԱԿ',
  // ՓԲԸ as Armenian procurement lists (ARMEPS) write it in Latin letters.
  'PBY',
]);
/** Words of a post-Soviet name that say who owns the hospital, not which it is (the city's health department, its akimat). */
const OWNER_WORDS = new Set(['УОЗ', 'УЗ', 'АКИМАТА', 'АКИМАТ', 'МЗ', 'РК']);
const CYRILLIC_OR_ARMENIAN = /[\u0400-\u04FF\u0530-\u058F]/;
/** `г.Алматы`, `г. Алматы`: the city marker (город) before a capitalised word. */
const CITY_MARKER = /(?<![\p{L}\p{N}])г\.\s*(?=\p{Lu})/gu;

/** `ГКП на ПХВ "Городская больница №1" УОЗ г. Алматы` → `"Городская больница №1" Алматы`; other text unchanged. */
export function withoutRegisterForms(raw: string): string {
  if (!CYRILLIC_OR_ARMENIAN.test(raw) && !raw.includes('PBY')) return raw;
  const words = withArmenianU(raw).replace(CITY_MARKER, ' ').split(/\s+/);
  const bare = words.map((word) => word.replace(/^[«»"“”„']+|[«»"“”„',.]+$/g, '').toUpperCase());
  const kept = words.filter((_, i) => {
    const word = bare[i] as string;
    // `на` is the form's own word only between two forms (`ГКП на ПХВ`); elsewhere it is a word of the name.
    if (word === 'НА') return !(REGISTER_FORMS.has(bare[i - 1] ?? '') && REGISTER_FORMS.has(bare[i + 1] ?? ''));
    return !REGISTER_FORMS.has(word) && !OWNER_WORDS.has(word);
  });
  const text = kept.join(' ').trim();
  return text === '' ? raw : text;
}

/**
 * Armenian writes the vowel u with two letters (ու); every practical romanisation (BGN/PCGN, the registers' own Latin
 * lists: Էրեբունի = Erebuni) writes U, where a letter-by-letter reading gives OW.
 */
function withArmenianU(text: string): string {
  return text.includes('ու') || text.includes('Ու') || text.includes('ՈՒ') ? text.replace(/ու/g, 'u').replace(/Ու|ՈՒ/g, 'U') : text;
}

/** A number marker before a number: `№7`, `№ 7`, `No. 7`, `Nº 1`, `N°1`, `NO 1`, `NR. 3`, `N1`. */
const NUMBER_MARKER = /(?:№|(?<![\p{L}\p{N}])(?:N[º°o]|NO|NR)\.?|(?<![\p{L}\p{N}])N(?=\d))\s*(?=\d{1,3}(?!\d))/giu;
/** A number at the start of a name, after an opening quote (`"№7 Қалалық …"`, once its marker is read). */
const LEADING_NUMBER = /^([«"“„']?)\s*(\d{1,3})\s+(?=\p{L})/u;

/** `Hospital Obrero Nº 1` → `Hospital Obrero 1`, `"№7 Қалалық аурухана"` → `"Қалалық аурухана 7"`; other text unchanged. */
export function withHospitalNumbers(raw: string): string {
  if (!/\d/.test(raw) || !/[№º°Nn]/.test(raw)) return raw;
  const read = raw.replace(NUMBER_MARKER, ' ').replace(/\s+/g, ' ').trim();
  if (read === raw.trim()) return raw;
  const leading = LEADING_NUMBER.exec(read);
  if (!leading) return read;
  // The name's own words run to its closing quote when the number opened a quoted name.
  const rest = read.slice(leading[0].length);
  const close = leading[1] ? rest.search(/[»"”“']/) : -1;
  return close >= 0 ? `${leading[1]}${rest.slice(0, close)} ${leading[2]}${rest.slice(close)}` : `${leading[1]}${rest} ${leading[2]}`;
}

const ACRONYM_WORD = /^[A-Z](?:\.?[A-Z]){1,7}\.?$/;
const LEADING_ACRONYM = /^\s*([A-Z][A-Z.]{1,15})\s+[-\u2013\u2014]\s+(?=\S)/;
const BRACKETED = /\s*\(([A-Z][A-Z.]{1,15})\)/g;

/** Whether `acronym`'s letters are, in order, the initials of `name`'s words (connectives and one other word may be skipped). */
export function spellsInitials(acronym: string, name: string): boolean {
  const letters = acronym.replace(/\./g, '');
  if (letters.length < 3) return false;
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
  let letter = 0;
  let skipped = 0;
  for (const word of words) {
    if (letter < letters.length && word[0] === letters[letter]) {
      letter++;
      continue;
    }
    if (CONNECTIVES.has(word)) continue;
    // A word after the acronym's last letter ends the name it abbreviates only if nothing is left to spell.
    if (letter === letters.length) return false;
    if (letter === 0 || ++skipped > 1) return false;
  }
  return letter === letters.length;
}

/** `UHWI - University Hospital of the West Indies` / `San Fernando General Hospital (SFGH)` → the name alone. */
export function withoutRepeatedAcronym(raw: string): string {
  let text = raw;
  if (text.includes('(')) {
    text = text.replace(BRACKETED, (whole: string, acronym: string, offset: number) => {
      const before = text.slice(0, offset).split(/[,;(]/).at(-1) ?? '';
      return ACRONYM_WORD.test(acronym) && spellsInitials(acronym, before) ? '' : whole;
    });
  }
  if (/[-\u2013\u2014]/.test(text)) {
    const leading = LEADING_ACRONYM.exec(text);
    if (leading && ACRONYM_WORD.test(leading[1] as string)) {
      const rest = text.slice(leading[0].length);
      const name = rest.split(/[,;(]/)[0] ?? '';
      if (spellsInitials(leading[1] as string, name)) text = rest;
    }
  }
  return text;
}

let countryNames: ReadonlySet<string> | undefined;

/** A country's name as the tail test compares it: upper case, no accents, `&` as AND, no leading THE. */
function countryKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^THE /, '');
}

/**
 * English country and territory names (CLDR, through the runtime's Intl.DisplayNames: a kept list, not ours; long and
 * short forms, `Trinidad & Tobago`, `Bahamas`, `Solomon Islands`).
 */
function shippedCountryNames(): ReadonlySet<string> {
  if (countryNames) return countryNames;
  const names = new Set<string>();
  for (const style of ['long', 'short'] as const) {
    const display = new Intl.DisplayNames(['en'], { type: 'region', style });
    for (let first = 65; first <= 90; first++)
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        const name = display.of(code);
        if (name !== undefined && name !== code) names.add(countryKey(name));
      }
  }
  countryNames = names;
  return names;
}

/** The last segment after a comma or a spaced dash (not inside brackets: `(San Jose, Costa Rica)` is a place note). */
const TAIL = /(?:,|\s[-\u2013\u2014])\s*([^,()\-\u2013\u2014]+)$/;

/**
 * `Port-of-Spain General Hospital, Trinidad and Tobago`, `THE QUEEN ELIZABETH HOSPITAL - BARBADOS` → the name alone:
 * PAHO-style regional lists and suppliers' customer portals add the country after a comma or a dash, where the
 * ministry's own list writes the name alone. Only a whole last segment that is a country's name, after a name of two
 * words or more and no other comma.
 */
export function withoutCountryTail(raw: string): string {
  if (!raw.includes(',') && !/\s[-\u2013\u2014]/.test(raw)) return raw;
  const tail = TAIL.exec(raw);
  if (!tail || !shippedCountryNames().has(countryKey(tail[1] as string))) return raw;
  const name = raw.slice(0, tail.index).trim();
  // With another comma the country ends an affiliation string (`Hospital, University, City, Country`), which the
  // affiliation reading takes apart whole.
  return name.split(/\s+/).length >= 2 && !/[,;]/.test(name) ? name : raw;
}

/** The register readings above, in order. */
export function withRegisterConventions(raw: string): string {
  return withoutCountryTail(withoutRepeatedAcronym(withHospitalNumbers(withoutRegisterForms(raw))));
}
