/**
 * Names written in other scripts, romanised before an organisation name is normalised (normaliser
 * `anyScriptOrgName`): `서울대학교병원` → `SEOUL DAEHAGGYO BYEONGWON`, `北京协和医院` → `BEIJING XIEHE YIYUAN`,
 * `Больница им. Боткина` → `Bol'nitsa im. Botkina`, so a registry's label in its own script meets the romanised or
 * English name a list writes (the generic words then read as English through the `scriptGenericWords` alias table).
 *
 * Transliteration is any-ascii (ISC, no dependencies, one table per Unicode block, deterministic): it covers every
 * script a registry uses, where a per-script library would need one package per language. Its readings are
 * per character: Han is read in Mandarin pinyin (Japanese kanji too: `東京` → `DongJing`, not `Tokyo`), Hangul
 * syllable by syllable (`학교` → `HagGyo`, where Revised Romanization writes `hakgyo`), Thai and Arabic letter by
 * letter without the vowels they do not write.
 *
 * Only letters of scripts other than Latin are touched: plain ASCII (most names) returns at once, and accented Latin
 * is left to `normalizeOrgName`'s own folding, so every name that had a reading before keeps it.
 *
 * Han and Hangul come out as capitalised syllables without spaces (`BeiJingXieHeYiYuan`); the words of a romanised
 * name group syllables (`Beijing Xiehe Yiyuan`). Syllables are grouped back into words by a lexicon: a run of
 * syllables that spells a generic word of `scriptGenericWords` or `facilityKindWords` or a place of `registeredPlacePrefixes` (shipped
 * tables) is a word of its own, and the syllables between such words are one word (the proper name). Thai, Lao,
 * Khmer and Myanmar do not space words either; a lexicon word at the start or end of such a run is split off.
 */
import anyAscii from 'any-ascii';
import { shippedAliasTables } from './aliases';

/** A run of letters (and marks) of any script but Latin; Common (punctuation, digits, symbols) is left as it is. */
const OTHER_SCRIPT_RUN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;
const SYLLABIC_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Scripts any-ascii writes as capitalised syllables (`BeiJing`, `SeoUl`); kana come out in lower case (`hogi`). */
const CAPITALISED_SYLLABLES = /[\p{Script=Han}\p{Script=Hangul}]/u;
const CAPITALISED_SYLLABLE_PARTS = /([\p{Script=Han}\p{Script=Hangul}]+)/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * any-ascii capitalises each Han and Hangul syllable: a capital after a lower-case letter starts the next one, and so
 * does a capital after a one-letter syllable (`이` → `I`, `아` → `A`: `EoLinIByeongWon` is Eo Lin I Byeong Won).
 */
const SYLLABLE_START = /(?<=[a-z'])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;
const NOT_LETTERS = /[^A-Z]/g;
/** The longest lexicon word, in syllables (`GU FEN YOU XIAN GONG SI`). */
const MAX_SYLLABLES = 8;
/** Lexicon words shorter than this (letters) are not split off: `YI` or `DA` alone are also parts of proper names. */
const MIN_LEXICON_LETTERS = 4;

/** The tables whose variants are words of the syllable lexicon. */
export const LEXICON_TABLES = ['scriptGenericWords', 'facilityKindWords', 'facilityTranslations', 'registeredPlacePrefixes'] as const;
/**
 * Tables whose variants written in another script (not their Latin ones) are lexicon words too: a place named inside an
 * unspaced run (`ນະຄອນຫຼວງວຽງຈັນ`, Vientiane Capital) is split off as a generic word is.
 */
const SCRIPT_LEXICON_TABLES = ['placeNames'] as const;

let shippedLexicon: ReadonlyMap<string, string> | undefined;
let longestFirst: ReadonlyArray<[string, string]> | undefined;

/** Upper-case letters only: the key a run of syllables and a lexicon word are compared by. */
function compact(value: string): string {
  return value.toUpperCase().replace(NOT_LETTERS, '');
}

/**
 * A lexicon word as a romanised run spells it: a variant written in its own script (`ໂຮງໝໍ`, hospital) is read as
 * any-ascii reads the run (`OHNGMO`), so the table keeps the script text and the split follows the reader.
 */
function lexiconWord(variant: string): string {
  return (isAscii(variant) ? variant : anyAscii(variant)).toUpperCase();
}

function addLexiconWords(words: Map<string, string>, name: string, scriptOnly: boolean): void {
  for (const entry of shippedAliasTables().get(name)?.entries ?? []) {
    for (const variant of [...entry.variants, ...(entry.canonical === undefined ? [] : [entry.canonical])]) {
      if (scriptOnly && isAscii(variant)) continue;
      const word = lexiconWord(variant);
      const key = compact(word);
      if (key.length >= MIN_LEXICON_LETTERS && !words.has(key)) words.set(key, word);
    }
  }
}

/** Lexicon words (letters only) → the word as the table writes it (read, when written in another script). */
function lexicon(): ReadonlyMap<string, string> {
  if (!shippedLexicon) {
    const words = new Map<string, string>();
    for (const name of LEXICON_TABLES) addLexiconWords(words, name, false);
    for (const name of SCRIPT_LEXICON_TABLES) addLexiconWords(words, name, true);
    shippedLexicon = words;
  }
  return shippedLexicon;
}

/** Syllables grouped into words: lexicon words on their own, the syllables between them joined. */
function groupSyllables(syllables: readonly string[]): string {
  const words = lexicon();
  const out: string[] = [];
  let name = '';
  let i = 0;
  while (i < syllables.length) {
    let matched = 0;
    let word = '';
    for (let end = Math.min(syllables.length, i + MAX_SYLLABLES); end > i && matched === 0; end--) {
      const found = words.get(compact(syllables.slice(i, end).join('')));
      if (found !== undefined) {
        matched = end - i;
        word = found;
      }
    }
    if (matched > 0) {
      if (name !== '') out.push(name);
      name = '';
      out.push(word);
      i += matched;
    } else {
      name += syllables[i] ?? '';
      i++;
    }
  }
  if (name !== '') out.push(name);
  return out.join(' ');
}

/**
 * Lexicon words at the start and at the end of an unspaced run split off, again and again while one is found
 * (`orngphyabalsirirach` → `ORNGPHYABAL sirirach`; Lao `ໂຮງໝໍແຂວງຫຼວງພະບາງ`, provincial hospital Luang Prabang, is a
 * generic word, another and a place): Thai and Lao write a name's words without spaces, a generic word first.
 */
function splitLexiconEnds(run: string): string {
  longestFirst ??= [...lexicon()].sort(([a], [b]) => b.length - a.length);
  const head: string[] = [];
  const tail: string[] = [];
  let rest = run;
  for (let found = true; found;) {
    found = false;
    const letters = rest.toUpperCase();
    for (const [key, word] of longestFirst) {
      if (letters.length <= key.length) continue;
      if (letters.startsWith(key)) {
        head.push(word);
        rest = rest.slice(key.length);
      } else if (letters.endsWith(key)) {
        tail.unshift(word);
        rest = rest.slice(0, -key.length);
      } else continue;
      found = true;
      break;
    }
  }
  return [...head, rest, ...tail].join(' ');
}

/**
 * Inuktitut syllabics (Canadian Aboriginal Syllabics as Nunavut and Nunavik write Inuktitut) in the Latin spelling of the
 * Inuit Cultural Institute's standard, the one Nunavut's English and French lists spell places and names in (`ᐃᖃᓗᐃᑦ` =
 * Iqaluit, `ᕿᑭᖅᑖᓂ` = Qikiqtaani): a syllable's shape is its consonant, its orientation the vowel i / u / a, a dot a long
 * vowel, a small letter a final consonant. any-ascii reads the block as Cree writes it (`o`, `c`, `f`, `y` where Inuktitut
 * writes u, g, v, j: `iqaloit`); Cree names in syllabics are rarer in facility lists and are read so too (see limits in
 * docs/MATCHING.md).
 */
const INUKTITUT_SERIES: ReadonlyArray<[string, string]> = [
  ['', 'ᐃᐅᐊᐄᐆᐋ'],
  ['p', 'ᐱᐳᐸᐲᐴᐹᑉ'],
  ['t', 'ᑎᑐᑕᑏᑑᑖᑦ'],
  ['k', 'ᑭᑯᑲᑮᑰᑳᒃ'],
  ['g', 'ᒋᒍᒐᒌᒎᒑᒡ'],
  ['m', 'ᒥᒧᒪᒦᒨᒫᒻ'],
  ['n', 'ᓂᓄᓇᓃᓅᓈᓐ'],
  ['s', 'ᓯᓱᓴᓰᓲᓵᔅ'],
  ['l', 'ᓕᓗᓚᓖᓘᓛᓪ'],
  ['j', 'ᔨᔪᔭᔩᔫᔮᔾ'],
  ['v', 'ᕕᕗᕙᕖᕘᕚᕝ'],
  ['r', 'ᕆᕈᕋᕇᕉᕌᕐ'],
  ['q', 'ᕿᖁᖃᖀᖂᖄᖅ'],
  ['ng', 'ᖏᖑᖓᖐᖒᖔᖕ'],
  ['nng', 'ᙱᙳᙵᙲᙴᙶᖖ'],
  ['l', 'ᖠᖢᖤᖡᖣᖥᖦ'],
];
const INUKTITUT_VOWELS = ['i', 'u', 'a', 'ii', 'uu', 'aa', ''] as const;
const INUKTITUT_LETTERS: ReadonlyMap<string, string> = new Map(
  INUKTITUT_SERIES.flatMap(([consonant, letters]) =>
    [...letters].map((letter, i): [string, string] => [letter, consonant + (INUKTITUT_VOWELS[i] ?? '')]),
  ),
);
const SYLLABICS = /\p{Script=Canadian_Aboriginal}/u;

/** A run of Inuktitut syllabics in Latin letters (INUKTITUT_SERIES); a letter outside the Inuktitut series is read by any-ascii. */
export function inuktitutReading(value: string): string {
  let out = '';
  for (const letter of value) out += INUKTITUT_LETTERS.get(letter) ?? anyAscii(letter);
  return out;
}

/** True when `value` holds a letter of Canadian Aboriginal Syllabics (an Inuktitut or Cree name or place). */
export function hasSyllabics(value: string): boolean {
  return !isAscii(value) && SYLLABICS.test(value);
}

function romanisedPart(part: string): string {
  if (SYLLABICS.test(part)) return inuktitutReading(part);
  const latin = anyAscii(part);
  if (CAPITALISED_SYLLABLES.test(part)) return ` ${groupSyllables(latin.split(SYLLABLE_START))} `;
  if (UNSPACED_SCRIPT.test(part)) return ` ${splitLexiconEnds(latin)} `;
  return KANA.test(part) ? ` ${latin} ` : latin;
}

/** A run romanised part by part: Han and Hangul apart from kana and the rest (`株式会社ホギ` is a form, then a name). */
function romanisedRun(run: string): string {
  if (!SYLLABIC_SCRIPT.test(run)) return romanisedPart(run);
  return run
    .split(CAPITALISED_SYLLABLE_PARTS)
    .filter((part) => part !== '')
    .map(romanisedPart)
    .join('');
}

/** True when every character of `value` is ASCII (most names): one pass over char codes, no regular expression. */
export function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `value` with the letters of every script but Latin romanised (see the module doc); ASCII and Latin values unchanged. */
export function romanisedName(value: string): string {
  if (isAscii(value)) return value;
  return value.replace(OTHER_SCRIPT_RUN, romanisedRun);
}
