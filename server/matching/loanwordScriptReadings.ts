/**
 * Names in Thaana (Dhivehi, the Maldives) and Tibetan script (Dzongkha, Bhutan) read with their borrowed English
 * company words in English. Both registers write an English company name phonetically, word by word, in their own
 * script: the Maldives' business registry and tender notices write `State Electric Company Limited` as
 * `ސްޓޭޓް އިލެކްޓްރިކް ކޮމްޕެނީ ލިމިޓެޑް` (any-ascii: STEYT ILEKTRIK KOMPENEE LIMITED), Kuensel and Bhutan's
 * registers write `… Corporation Limited` as `…ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།` (KO PO RE SHAN LI MI TET). Read as English, the
 * company words (Company, Corporation, Private, Limited, And) are legal forms the supplier chain strips, and the
 * distinctive words left meet the English name by their loanword skeleton (scriptReadings.ts), as Urdu and the Indian
 * scripts' readings already do (brahmicReadings.ts).
 *
 * - *Thaana* spaces its words: each word is read by any-ascii and, when it spells a word of the `indicScriptWords` table
 *   or has the consonant skeleton of one (`KOMPENEE` → COMPANY, `PRAIVET` → PRIVATE), written as that word. A word
 *   spelt entirely with the Dhivehi names of English letters is the initials they spell (`ޕީއެލްސީ` pee-el-see = PLC).
 * - *Tibetan* writes no spaces between words, only a tsheg (་) after each syllable, so a borrowed word is several
 *   syllables (`ལི་མི་ཊེཊ` li-mi-tet). From the end of a run, the longest run of up to six syllables that spells a table
 *   word (or has the English word's skeleton) is read as the word, while one is found; the syllables before are one
 *   word (the proper name), as the Han and Hangul syllables of transliteration.ts are grouped. A syllable any-ascii reads without a vowel carries Tibetan's
 *   inherent `a` (`པ` pa, `ཊཱན` tan, any-ascii `p`, `tn`); the silent a-chung prefix (`འ`, read `'`) is dropped.
 *
 * Dzongkha native syllables are read as said, not as spelt (`འབྲུག` 'brug is Druk: silent prefixes and superscripts,
 * a subjoined ra read dr / tr; tibetanSpoken below). Limits: Tibetan finals are read as spelt; Dhivehi native names
 * (`ދިރާގު` Dhiraagu) keep any-ascii's reading. Lao is read by transliteration.ts and its legal forms by the alias
 * tables (legalPrefixes / legalSuffixes), not here.
 */
import anyAscii from 'any-ascii';
import { borrowedWordOf } from './brahmicReadings';

const THAANA = /[\u0780-\u07bf]/u;
const TIBETAN = /[\u0f00-\u0fff]/u;
/** A run of Thaana letters and marks: one word, or dotted initials (`އެސް.ޓީ.އޯ`, S.T.O.) read as one. */
const THAANA_WORD = /[\u0780-\u07bf]+(?:\.[\u0780-\u07bf]+)*/gu;
/** A run of Tibetan letters and syllable marks (tsheg U+0F0B / U+0F0C); the shad (U+0F0D–U+0F14) and spaces end it. */
const TIBETAN_RUN = /[\u0f00-\u0f0c\u0f15-\u0fff]+/gu;
const TSHEG = /[\u0f0b\u0f0c]/u;
/** The shad and its kin end a clause: punctuation, not part of a word. */
const TIBETAN_SHAD = /[\u0f0d-\u0f14]/gu;
const VOWEL = /[aeiou]/;
/** The most syllables one borrowed word is read from (`ཨིན་ཊར་ནེ་ཤ་ནལ` in-tar-ne-sha-nal, international, is five). */
const MAX_WORD_SYLLABLES = 6;
/**
 * The fewest letters a word is read from: the table's abbreviations (`LI`, `PRA`, `O`) are whole words in an Indian
 * script, but one Tibetan syllable (`li` of `te-li-kom`, telecom) or a two-letter Thaana word is part of a name.
 */
const MIN_THAANA_LETTERS = 3;
const MIN_TIBETAN_LETTERS = 4;
/** Borrowed words are English: read by the English word's skeleton, never an Indian-language variant's. */
const ENGLISH_ONLY = { englishOnly: true };
const SPELLING_ONLY = { englishOnly: true, spellingOnly: true };

/** True when `value` holds a Thaana or Tibetan letter: the only names this reading touches. */
export function hasLoanwordScript(value: string): boolean {
  return THAANA.test(value) || TIBETAN.test(value);
}

/** The Dhivehi names of English letters, as Maldivian registers and notices spell a company's Latin initials. */
const THAANA_LETTER_NAMES: ReadonlyArray<[string, string]> = [
  ['ޑަބްލިޔޫ', 'W'],
  ['އެކްސް', 'X'],
  ['ކިޔޫ', 'Q'],
  ['އެފް', 'F'],
  ['އެޗް', 'H'],
  ['އައި', 'I'],
  ['އެލް', 'L'],
  ['އެމް', 'M'],
  ['އެން', 'N'],
  ['އާރު', 'R'],
  ['އާރ', 'R'],
  ['އެސް', 'S'],
  ['ވައި', 'Y'],
  ['ޒެޑް', 'Z'],
  ['އޭ', 'A'],
  ['ބީ', 'B'],
  ['ސީ', 'C'],
  ['ޑީ', 'D'],
  ['އީ', 'E'],
  ['ޖީ', 'G'],
  ['ޖޭ', 'J'],
  ['ކޭ', 'K'],
  ['އޯ', 'O'],
  ['ޕީ', 'P'],
  ['ޓީ', 'T'],
  ['ޔޫ', 'U'],
  ['ވީ', 'V'],
];

/** The Latin letters a word spells with letter names (two or more, the whole word), or null. */
function spelledLetters(word: string, names: ReadonlyArray<[string, string]>): string | null {
  let letters = '';
  for (let at = 0; at < word.length;) {
    const name = names.find(([spelt]) => word.startsWith(spelt, at));
    if (!name) return null;
    letters += name[1];
    at += name[0].length;
  }
  return letters.length >= 2 ? letters : null;
}

/** A Thaana word as the initials its letter names spell (`ޕީއެލްސީ` PLC), the English word it borrows, or its any-ascii reading. */
function thaanaWord(word: string): string {
  const letters = spelledLetters(word.replaceAll('.', ''), THAANA_LETTER_NAMES);
  if (letters !== null) return letters;
  if (word.includes('.')) return word.split('.').map(thaanaWord).join('.');
  const read = anyAscii(word);
  return read.length >= MIN_THAANA_LETTERS ? (borrowedWordOf(read, ENGLISH_ONLY) ?? read) : read;
}

/** Letters written before a syllable's root and not said (ག ད བ མ འ). */
const TIBETAN_PREFIXES = new Set(['ག', 'ད', 'བ', 'མ', 'འ']);
/** Letters written above a root (the root then takes its subjoined form) and not said (ར ལ ས). */
const TIBETAN_SUPERSCRIPTS = new Set(['ར', 'ལ', 'ས']);
/** A root with a subjoined ར is said as a retroflex: ཀྲ / པྲ tr, གྲ / བྲ dr (`འབྲུག` 'brug is Druk, `བཀྲ་ཤིས` Tashi). */
const RA_CLUSTERS: Readonly<Record<string, string>> = { ཀ: 'tr', ཁ: 'tr', པ: 'tr', ཕ: 'tr', ག: 'dr', བ: 'dr' };
const SUBJOINED_RA = '\u0fb2';
/** The offset of a subjoined letter (U+0F90–U+0FBC) from its base form (U+0F40–U+0F6C). */
const SUBJOINED_OFFSET = 0x50;

function isTibetanBase(char: string | undefined): boolean {
  return char !== undefined && char >= '\u0f40' && char <= '\u0f6c';
}

function isTibetanSubjoined(char: string | undefined): boolean {
  return char !== undefined && char >= '\u0f90' && char <= '\u0fbc';
}

/**
 * A syllable as Dzongkha and Tibetan say it rather than as it is spelt (Wylie): a prefix before a root that carries a
 * vowel sign or a subjoined letter is silent, a superscript is silent and its root read in its base form, and a root
 * with a subjoined ར is a retroflex (dr / tr). Loanword syllables (`ཝར` war, `ཀོམ` kom) have none of these and read as
 * any-ascii reads them; a two-letter syllable is never read as prefix and root.
 */
function tibetanSpoken(syllable: string): string {
  const chars = [...syllable];
  const second = chars[2];
  if (TIBETAN_PREFIXES.has(chars[0] ?? '') && isTibetanBase(chars[1]) && second !== undefined && !isTibetanBase(second)) chars.shift();
  if (TIBETAN_SUPERSCRIPTS.has(chars[0] ?? '') && isTibetanSubjoined(chars[1])) {
    chars.shift();
    chars[0] = String.fromCodePoint((chars[0] as string).codePointAt(0)! - SUBJOINED_OFFSET);
  }
  const cluster = RA_CLUSTERS[chars[0] ?? ''];
  if (cluster !== undefined && chars[1] === SUBJOINED_RA) {
    const rest = anyAscii(chars.slice(2).join(''));
    return VOWEL.test(rest) ? cluster + rest : `${cluster}a${rest}`;
  }
  return anyAscii(chars.join(''));
}

/** One Tibetan syllable in Latin letters: as said (tibetanSpoken), Tibetan's inherent `a` where no vowel is written. */
function tibetanSyllable(syllable: string): string {
  const read = tibetanSpoken(syllable)
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  if (read === '' || VOWEL.test(read)) return read;
  // The root consonant (with an aspirate or a subjoined letter) carries the vowel; a final consonant closes the syllable.
  const onset = /^(?:tsh|ts|dz|kh|gh|ch|jh|th|dh|ph|bh|sh|zh|ng|ny|[a-z])(?:[rlyw](?=.))?/.exec(read)?.[0] ?? read;
  return `${onset}a${read.slice(onset.length)}`;
}

/**
 * The borrowed word the last syllables of `syllables` (up to MAX_WORD_SYLLABLES) spell, longest first, or null. A
 * spelling the table lists is preferred to a skeleton (`li mi tet` is LIMITED, not `ment li mi tet` MATERNITY).
 */
function wordAtEnd(syllables: readonly string[]): { word: string; length: number } | null {
  for (const options of [SPELLING_ONLY, ENGLISH_ONLY])
    for (let length = Math.min(MAX_WORD_SYLLABLES, syllables.length); length >= 1; length--) {
      const letters = syllables.slice(syllables.length - length).join('');
      const word = letters.length >= MIN_TIBETAN_LETTERS ? borrowedWordOf(letters, options) : null;
      if (word !== null) return { word, length };
    }
  return null;
}

/**
 * A run of Tibetan syllables with the borrowed company words at its end read as English (`… ko po re shan li mi tet` →
 * CORPORATION LIMITED) and the syllables before them joined into one word (`BHUTANPAWAR`). Only the end is read: the
 * company words of a name follow it, and reading inside the proper name would find words in its syllables.
 */
function tibetanRun(run: string): string {
  const syllables = run
    .split(TSHEG)
    .map(tibetanSyllable)
    .filter((syllable) => syllable !== '');
  const words: string[] = [];
  for (let read = wordAtEnd(syllables); read !== null && read.length < syllables.length; read = wordAtEnd(syllables)) {
    words.unshift(read.word);
    syllables.length -= read.length;
  }
  return ` ${[syllables.join(''), ...words].join(' ')} `;
}

/** `value` with its Thaana and Tibetan words read as above; any other value is returned as it is (most return at once). */
export function loanwordScriptReading(value: string): string {
  if (!hasLoanwordScript(value)) return value;
  return value.replace(THAANA_WORD, thaanaWord).replace(TIBETAN_RUN, tibetanRun).replace(TIBETAN_SHAD, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Lao (the Lao enterprise register, Lao tender notices) in the romanisation Lao companies write their English names in
 * (BGN/PCGN 1966 as Laos uses it: `ຊ` x, `ຍ` ny, `ວ` v, final `ວ` o: Xaysomboun, Khouanxay, Phongsaly). any-ascii reads
 * Lao letter by letter in written order, so a vowel written before its consonant (`ເ ແ ໂ ໃ ໄ`) comes out first
 * (`ໂທລະຄົມ` othlakhom, said tholakhom, telecom); here it is read after the consonant it belongs to, `ວ` and `ອ`
 * after a consonant or a vowel are vowels (`ລາວ` lao, `ກອງ` kong), and tone marks are silent. A word spelt entirely
 * with the Lao names of English letters (`ອີທີແອລ` i-thi-el = ETL, `ບີຊີອີແອລ` = BCEL) is read as those letters, as
 * Lao registers write a company's Latin initials.
 */
const LAO_CONSONANTS: Readonly<Record<string, string>> = {
  ກ: 'k',
  ຂ: 'kh',
  ຄ: 'kh',
  ງ: 'ng',
  ຈ: 'ch',
  ສ: 's',
  ຊ: 'x',
  ຍ: 'ny',
  ດ: 'd',
  ຕ: 't',
  ຖ: 'th',
  ທ: 'th',
  ນ: 'n',
  ບ: 'b',
  ປ: 'p',
  ຜ: 'ph',
  ຝ: 'f',
  ພ: 'ph',
  ຟ: 'f',
  ມ: 'm',
  ຢ: 'y',
  ຣ: 'r',
  ລ: 'l',
  ວ: 'v',
  ຫ: 'h',
  ອ: '',
  ຮ: 'h',
  ໜ: 'n',
  ໝ: 'm',
};
/** Finals read otherwise than as initials: a syllable ends in a voiceless stop (`ດ` t, `ບ` p), `ຍ` y, `ວ` o. */
const LAO_FINALS: Readonly<Record<string, string>> = { ຍ: 'y', ວ: 'o', ອ: 'o', ດ: 't', ບ: 'p' };
const LAO_VOWELS: Readonly<Record<string, string>> = {
  ະ: 'a',
  'ັ': 'a',
  າ: 'a',
  'ິ': 'i',
  'ີ': 'i',
  'ຶ': 'eu',
  'ື': 'eu',
  'ຸ': 'ou',
  'ູ': 'ou',
  'ົ': 'o',
  'ໍ': 'o',
  ຳ: 'am',
  ຽ: 'ia',
  'ຼ': 'l',
};
/** Vowels written before the consonant they follow in speech. */
const LAO_PREPOSED: Readonly<Record<string, string>> = { ເ: 'e', ແ: 'ae', ໂ: 'o', ໃ: 'ai', ໄ: 'ai' };
const LAO = /[\u0e80-\u0eff]/u;
/** A Lao word: letters, vowel signs and tone marks (spaces, hyphens and brackets end it). */
const LAO_WORD = /[\u0e80-\u0eff]+/gu;
/** Tone marks and the cancellation mark say nothing a Latin spelling writes. */
const LAO_SILENT = /[\u0ec8-\u0ecc\u0ec6]/gu;
/** The Lao names of English letters, as Lao registers write Latin initials (no tone marks). */
const LAO_LETTER_NAMES: ReadonlyArray<[string, string]> = [
  ['ເອັກຊ໌', 'X'],
  ['ດັບເບິລຢູ', 'W'],
  ['ເອັຟ', 'F'],
  ['ເອຟ', 'F'],
  ['ເອັຈ', 'H'],
  ['ເອັມ', 'M'],
  ['ເອັນ', 'N'],
  ['ເອັສ', 'S'],
  ['ແອລ', 'L'],
  ['ແຊັດ', 'Z'],
  ['ຄິວ', 'Q'],
  ['ວາຍ', 'Y'],
  ['ອາຣ', 'R'],
  ['ເອ', 'A'],
  ['ບີ', 'B'],
  ['ຊີ', 'C'],
  ['ດີ', 'D'],
  ['ອີ', 'E'],
  ['ຈີ', 'G'],
  ['ໄອ', 'I'],
  ['ເຈ', 'J'],
  ['ເຄ', 'K'],
  ['ໂອ', 'O'],
  ['ພີ', 'P'],
  ['ອາ', 'R'],
  ['ທີ', 'T'],
  ['ຢູ', 'U'],
  ['ວີ', 'V'],
];

/** Sonorants a silent `ຫ` before them puts in the high tone class (`ຫຼວງ` luang, `ຫວັນ` van, `ໝ` is `ຫມ`). */
const LAO_SONORANTS = new Set(['ງ', 'ຍ', 'ນ', 'ມ', 'ລ', 'ວ', 'ຼ', 'ຣ']);

/** One Lao word romanised as above. */
function laoWord(raw: string): string {
  const word = raw.replace(LAO_SILENT, '').replaceAll('ໍາ', 'ຳ');
  const letters = spelledLetters(word, LAO_LETTER_NAMES);
  if (letters !== null) return ` ${letters} `;
  const chars = [...word];
  let out = '';
  let preposed = '';
  // Where the reading stands in a syllable: before one, after its initial, after its vowel, after its final.
  let state: 'start' | 'initial' | 'vowel' | 'final' = 'start';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const next = chars[i + 1] ?? '';
    const consonant = LAO_CONSONANTS[char];
    if (LAO_PREPOSED[char] !== undefined) preposed = LAO_PREPOSED[char];
    else if (consonant === undefined) {
      const vowel = LAO_VOWELS[char];
      if (vowel !== undefined) {
        out += vowel;
        state = 'vowel';
      }
    } else if (char === 'ຫ' && LAO_SONORANTS.has(next)) continue;
    else if (state === 'initial' && preposed === '' && (char === 'ວ' || char === 'ອ')) {
      out += 'o';
      state = 'vowel';
    } else if (state === 'start' || state === 'final' || preposed !== '' || LAO_VOWELS[next] !== undefined) {
      out += consonant + preposed;
      state = preposed === '' ? 'initial' : 'vowel';
      preposed = '';
    } else {
      // A final; a closed syllable with no written vowel says `o` (`ຄນ` khon).
      out += (state === 'initial' ? 'o' : '') + (LAO_FINALS[char] ?? consonant);
      state = 'final';
    }
  }
  return out + preposed;
}

/** `value` with its Lao words romanised as above; any other value is returned as it is. */
export function laoReading(value: string): string {
  if (!LAO.test(value)) return value;
  return value.replace(LAO_WORD, laoWord).replace(/\s+/g, ' ').trim();
}
