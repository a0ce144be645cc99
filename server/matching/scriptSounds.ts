/**
 * Brand and product nouns written in another script, read by sound (items32script, item-3.57.0): a requisition in
 * Japanese, Odia, Dhivehi, Punjabi or Thai names a product by the maker's Latin brand written phonetically in its own
 * script (`ブラウン` Braun, `ମାଇକ୍ରୋଲାଇଫ` Microlife, `މައިކްރޯލައިފް` Microlife, `ਜੌਹਨਸਨ` Johnson, `เบตาดีน` Betadine). Such
 * a word is no table word, so the description reading dropped it and the pair had only numbers left to match on.
 *
 * - *Romanised by script, one reading per script family.* The nine parallel Brahmic blocks and Myanmar are read by
 *   `brahmicReading` (one offset table for Devanagari … Malayalam: consonant + inherent vowel + vowel sign + virama, the
 *   ISO 15919 / Hunterian structure); every other script by any-ascii (one table per Unicode block: katakana in
 *   Hepburn, Hangul, Thaana, Cyrillic, Greek, Armenian, Georgian, Ethiopic, Sinhala, Tibetan…). Thai and Lao write the
 *   vowels เ แ โ ใ ไ / ເ ແ ໂ ໃ ໄ before the consonant they follow in speech (visual order, which Unicode keeps): the
 *   vowel is read after its consonant (`เบตา` be-ta, not e-bta). Han characters are not read: they are logograms, not
 *   spellings of a sound (a Japanese line's loanwords are its katakana words).
 * - *A sound key tolerant of what transliteration changes.* The romanised word is reduced to its consonant skeleton
 *   (`loanwordSkeleton`, scriptReadings.ts: vowels out, r = l, b = v = w, f = h = ph, k = g = c, s = z = j, n = m,
 *   aspirates and doubled consonants once), once as written and once without an r after a vowel before a consonant or
 *   at the end: non-rhotic English is what katakana hears (`ダーマボンド` da-ma-bondo for Dermabond, `サーモ` for Thermo),
 *   while Indic scripts write the r (`ਥਰਮਾਮੀਟਰ` tharamamitar). `ブラウン` and `Braun` both read BRN, `ମାଇକ୍ରୋଲାଇଫ`
 *   (maikrolaipha) and `Microlife` NKRH, `ਜੌਹਨਸਨ` and `Johnson` SHNSN.
 * - *Per record.* The keys of a record's other-script words are prepared with its description tokens (marked `~`, after
 *   its words), and a Latin word's keys are worked out once per distinct word; a pair only looks keys up, and only when
 *   one side has words of another script.
 *
 * How much a sound match counts is the description comparator's (`scriptSounds` in comparators.ts): a weaker word match
 * than an exact one, never an attribute.
 */
import anyAscii from 'any-ascii';
import { brahmicReading, hasBrahmicLetter } from './brahmicReadings';
import { loanwordSkeleton, MIN_SKELETON } from './scriptReadings';

/** The mark a sound-key token carries: `normalizeText` leaves no `~` in a word, and `~` sorts after every letter and digit. */
export const SOUND_MARK = '~';
/**
 * A word of a script other than Latin: its letters and marks, the zero-width joiners Indic words are spelt with, and
 * the katakana long-vowel mark (Unicode gives `ー` the Common script). Han and hiragana are not read (see above).
 */
const OTHER_SCRIPT_WORD =
  /(?:[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Han}\p{Script=Hiragana}\s]|\u200c|\u200d|\u30fc)+/gu;
const NOT_ASCII = /[^\x20-\x7e\t\n\r]/;
/** Thai and Lao vowels written before the consonant they are said after, and that consonant. */
const PREPOSED_VOWEL = /([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])/g;
const NOT_LETTER = /[^A-Z]/g;
/** An r said after a vowel in rhotic spellings and not heard in non-rhotic ones (before a consonant, or at the end). */
const POST_VOCALIC_R = /(?<=[AEIOUY])R(?![AEIOUY])/g;
/** The fewest letters a romanised word of another script is read from (two-letter words are particles and initials). */
const MIN_WORD_LETTERS = 3;

/** A word of another script in Latin letters (upper case, letters only), by its script family's reading. */
export function romanisedWord(word: string): string {
  const read = hasBrahmicLetter(word) ? brahmicReading(word, { genericWords: false }) : anyAscii(word.replace(PREPOSED_VOWEL, '$2$1'));
  return read.toUpperCase().replace(NOT_LETTER, '');
}

/** The sound keys of a word in Latin letters: its consonant skeleton as written and as a non-rhotic ear hears it. */
export function soundKeysOf(latin: string): readonly string[] {
  const written = loanwordSkeleton(latin);
  const nonRhotic = loanwordSkeleton(latin.replace(POST_VOCALIC_R, ''));
  const keys: string[] = [];
  if (written.length >= MIN_SKELETON) keys.push(written);
  if (nonRhotic !== written && nonRhotic.length >= MIN_SKELETON) keys.push(nonRhotic);
  return keys;
}

/** The sound-key tokens (`~KEY`) of the words of other scripts in `value`; none for ASCII text. */
export function scriptSoundTokens(value: string): readonly string[] {
  if (!NOT_ASCII.test(value)) return [];
  const tokens: string[] = [];
  for (const word of value.match(OTHER_SCRIPT_WORD) ?? []) {
    const latin = romanisedWord(word);
    if (latin.length < MIN_WORD_LETTERS) continue;
    for (const key of soundKeysOf(latin)) tokens.push(`${SOUND_MARK}${key}`);
  }
  return tokens;
}

/** True when a prepared token is a sound key (`scriptSoundTokens`). */
export function isSoundToken(token: string): boolean {
  return token.charCodeAt(0) === 0x7e;
}

/** Latin words' keys, worked out once per distinct word (bounded: cleared when full, as the words of one batch recur). */
const LATIN_KEYS = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 50_000;
const NONE: readonly string[] = [];
/** A Latin word of letters only, at least this long, is compared by sound (shorter words and words with digits are codes, sizes and units). */
const MIN_LATIN_LETTERS = 4;
const LETTERS_ONLY = /^[A-Z]+$/;

/** The sound-key tokens of one prepared Latin word (`~KEY`), or none for a word too short or holding digits. */
export function latinSoundTokens(word: string): readonly string[] {
  let known = LATIN_KEYS.get(word);
  if (known === undefined) {
    known = word.length >= MIN_LATIN_LETTERS && LETTERS_ONLY.test(word) ? soundKeysOf(word).map((key) => `${SOUND_MARK}${key}`) : NONE;
    if (LATIN_KEYS.size >= MAX_REMEMBERED) LATIN_KEYS.clear();
    LATIN_KEYS.set(word, known);
  }
  return known;
}

interface SoundSide {
  /** The prepared words without the sound keys. */
  core: readonly string[];
  sounds: ReadonlySet<string>;
}

/** Each prepared array's words and sound keys, split once (prepared arrays are read-only and reused for every pair). */
const SIDES = new WeakMap<readonly string[], SoundSide>();

function sideOf(tokens: readonly string[]): SoundSide {
  let side = SIDES.get(tokens);
  if (side === undefined) {
    let start = tokens.length;
    while (start > 0 && isSoundToken(tokens[start - 1] as string)) start--;
    side = { core: tokens.slice(0, start), sounds: new Set(tokens.slice(start)) };
    SIDES.set(tokens, side);
  }
  return side;
}

/** True when a prepared (sorted) array ends with sound keys: a record with words of another script. */
export function hasSoundTokens(tokens: readonly string[]): boolean {
  return tokens.length > 0 && isSoundToken(tokens[tokens.length - 1] as string);
}

/** A prepared array's words without its sound keys (the array itself when it has none). */
export function withoutSoundTokens(tokens: readonly string[]): readonly string[] {
  return hasSoundTokens(tokens) ? sideOf(tokens).core : tokens;
}

function sortedIncludes(sorted: readonly string[], word: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] as string;
    if (at === word) return true;
    if (at < word) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** One side of a pair for `soundMatchedWeights`: its prepared array, its words' weights (null: uniform) and its weight function. */
export interface SoundPairSide {
  tokens: readonly string[];
  weights: readonly number[] | null;
  weightOf: ((token: string) => number) | undefined;
}

/**
 * The Latin words of `latin` (not also a word of `script`) whose sound keys are keys of `script`'s words of another
 * script: their weight on the Latin side and on the script side (where the word was never a token: it joins that side's
 * total). Words of `exclude` (attribute words: sides, sizes, sterility) are never matched by sound.
 */
function matchedBySound(
  latin: SoundPairSide,
  script: SoundPairSide,
  exclude: ReadonlySet<string>,
): { latinWeight: number; scriptWeight: number } {
  const sounds = sideOf(script.tokens).sounds;
  const scriptWords = withoutSoundTokens(script.tokens);
  const words = withoutSoundTokens(latin.tokens);
  let latinWeight = 0;
  let scriptWeight = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const keys = latinSoundTokens(word);
    if (keys.length === 0 || exclude.has(word) || !keys.some((key) => sounds.has(key)) || sortedIncludes(scriptWords, word)) continue;
    latinWeight += latin.weights ? (latin.weights[i] as number) : 1;
    scriptWeight += script.weightOf ? script.weightOf(word) : 1;
  }
  return { latinWeight, scriptWeight };
}

/**
 * What sound matches add to each side of a pair: `latinA` the weight of A's Latin words met by the sound of B's words of
 * another script, `scriptA` the weight (in A's terms) of B's Latin words A's own words of another script sound like —
 * words that were no tokens of A before. Zero for a pair where neither side has words of another script.
 */
export function soundMatchedWeights(
  a: SoundPairSide,
  b: SoundPairSide,
  exclude: ReadonlySet<string>,
): { latinA: number; scriptA: number; latinB: number; scriptB: number } {
  const bInA = hasSoundTokens(a.tokens) ? matchedBySound(b, a, exclude) : NO_MATCH;
  const aInB = hasSoundTokens(b.tokens) ? matchedBySound(a, b, exclude) : NO_MATCH;
  return { latinA: aInB.latinWeight, scriptA: bInA.scriptWeight, latinB: bInA.latinWeight, scriptB: aInB.scriptWeight };
}

const NO_MATCH = { latinWeight: 0, scriptWeight: 0 };
