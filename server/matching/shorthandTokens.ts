/**
 * ERP / charge-line shorthand in token comparisons (`tokenSet` param `shorthand`): a token that is a
 * prefix of a token on the other side (`CUF` / `CUFFED`, `ENDOTRACH` / `ENDOTRACHEAL`) or that IS the consonant skeleton of one (`NTRL` / `NITRILE`, `ETHLN` / `ETHILON`, `APPLCTR` /
 * `APPLICATOR`, `CRVD` / `CURVED`) counts as the same word at a `credit` below an exact token. Only
 * words of letters take part: a token with a digit (a size, a strength, a gauge) never does, nor do the
 * rule's `exclude` words (sides, sterility: what the attribute extractors decide).
 *
 * With `typoMinLength`, two long words one edit apart pair the same way (see `isOneEditApart`).
 * With `joinMinLength`, a word written as one on one side and as two on the other (`MICROTOUCH` /
 * `MICRO TOUCH`, `POWERSHOT` / `POWER SHOT`, `SAFETYGLIDE` / `SAFETY GLIDE`) counts as the same word.
 * With `joinLetterPrefix`, also when the first part is one or two letters (`I-GEL` / `IGEL`, `E Z` / `EZ`,
 * `X-RAY` / `XRAY`, `V-LOC` / `VLOC`): brand and product names that open with a letter written apart.
 * With `vowelDrops`, a word written without some of its vowels (`NANOSVR` / `NANOSAVER`, `CATHTR` / `CATHETER`,
 * `RETRCTBL` / `RETRACTABLE`) pairs like a consonant skeleton. With `stemMinLength`, two words on one stem
 * with short endings (`BIOPSY` / `BIOPSIA`, `SUPRAGLOTTIC` / `SUPRAGLOTIG`, `LAMINATING` / `LAMINATOR`) pair too.
 *
 * Runs after the exact comparison, on the tokens it left unmatched, and only adds to its score.
 */
import type { WeightedTokens } from './similarity';

export interface ShorthandOptions {
  /** Shortest token that may stand for a longer one (default 3). */
  minLength: number;
  /** Share of an exact token's weight a shorthand pair counts for (default 0.75). */
  credit: number;
  /** Upper-case words never paired by shorthand. */
  exclude: ReadonlySet<string>;
  /**
   * Shortest word (both sides) that may also pair with a word ONE edit away — a letter dropped, added,
   * changed or two neighbours swapped (`AMOXCILLIN` / `AMOXICILLIN`, `FENTANIL` / `FENTANYL`, `SAFTEY` /
   * `SAFETY`): ward free text is typed in a hurry. 0: off.
   */
  typoMinLength: number;
  /**
   * Shortest word (letters only) that may pair with two unmatched words of the other side written apart
   * (`MICROTOUCH` / `MICRO TOUCH`): the three count as exact words (credit 1), each part at least
   * `minLength` letters and not an `exclude` word (so `NON STERILE` / `NONSTERILE`, which the sterility
   * attribute decides, is never joined). Words with digits never take part. 0: off. Checked only when the
   * prefix test has paired the head with the whole word, so pairs without a prefix pair pay nothing.
   */
  joinMinLength: number;
  /**
   * A word of letters (at least four) that is a one- or two-letter word and the word of letters beside it on the
   * other side written together pairs with both as exact words: product and brand names that open with a letter are
   * written hyphenated, apart or joined (`i-gel` / `igel` / `I GEL`, `E-Z` / `EZ`, `X-ray` / `XRAY`, `V-Loc` /
   * `VLOC`, `T-piece` / `TPIECE`, `e-Vent`). The normaliser turns the hyphen into a space, so the three forms are
   * `I GEL` / `IGEL`. Only words both sides left unmatched take part, and none of the `exclude` words.
   */
  joinLetterPrefix: boolean;
  /**
   * A word written without SOME of its vowels (after its first letter; doubled letters written once) pairs as a
   * consonant skeleton does: ERP short texts drop vowels where the field is short, not always all of them
   * (`NANOSVR` = NANOSAVER, `CATHTR` = CATHETER, `RETRCTBL` = RETRACTABLE). The short word has at least
   * `minLength` + 1 letters and drops at least two vowels (one dropped vowel is a typo, `typoMinLength`'s). Off: false.
   */
  vowelDrops: boolean;
  /**
   * Two words sharing their first `stemMinLength` letters or more, each with at most `STEM_ENDING` letters after
   * the shared stem, pair at `credit`: one stem with an inflectional or derivational ending (`LAMINATING` /
   * `LAMINATOR`, `COLONOSCOPY` / `COLONOSCOPE`) or the ending another European language puts on one Latin or
   * Greek root (`BIOPSY` / `BIOPSIA` / `BIOPSIE`, `SUPRAGLOTTIC` / `SUPRAGLOTIG`, `DIAMETER` / `DIAMETRO`). The
   * n-prefix truncation stemming of multilingual retrieval, kept to short endings. 0: off.
   */
  stemMinLength: number;
  /**
   * Two unmatched words of one side that, written together, have the consonant skeleton of an unmatched word of the
   * other side (at least `joinMinLength` letters; the first part's skeleton starts the whole's) pair with it at
   * `credit` (items24free, item-3.48.0): speech-to-text writes a brand it does not know as the sound-alike words it
   * knows (`venn flon` = VENFLON, `zeta vit` = ZETUVIT, `micro pour` = MICROPORE) — the consonant-skeleton idea of
   * SKELETON keys (Pollock & Zamora) applied to the joined form. Tried only for two words with the same first letter
   * that no other rule paired, after a skeleton-prefix test, so pairs without such words pay one comparison. Off: false.
   */
  soundAlikeJoins: boolean;
}

/** Most letters after a shared stem on either side (`stemMinLength`): inflectional and derivational endings are short. */
const STEM_ENDING = 3;

const VOWELS_AFTER_FIRST = /(?!^)[AEIOU]/g;
const DOUBLED = /(.)\1+/g;

/** A word's consonant skeleton, and whether the word is written as one (no vowel after its first letter, doubles aside). */
interface Skeleton {
  skeleton: string;
  isOwnSkeleton: boolean;
}

/** Skeleton cache: a domain's vocabulary is a few hundred thousand words at most; cleared beyond that. */
const skeletons = new Map<string, Skeleton>();
const MAX_CACHED = 200_000;

function skeletonOf(token: string): Skeleton {
  let known = skeletons.get(token);
  if (known === undefined) {
    const skeleton = token.replace(VOWELS_AFTER_FIRST, '').replace(DOUBLED, '$1');
    known = { skeleton, isOwnSkeleton: skeleton.length === token.replace(DOUBLED, '$1').length };
    if (skeletons.size >= MAX_CACHED) skeletons.clear();
    skeletons.set(token, known);
  }
  return known;
}

/** Whether `short` stands for `long`: a prefix of it, or (written without vowels after its first letter) its consonant skeleton. */
export function isShorthandFor(short: string, long: string, minLength: number): boolean {
  if (short.length < minLength || short.length >= long.length || short.charCodeAt(0) !== long.charCodeAt(0)) return false;
  if (long.startsWith(short)) return true;
  const own = skeletonOf(short);
  return own.isOwnSkeleton && own.skeleton === skeletonOf(long).skeleton;
}

const VOWEL_CODES = new Set([65, 69, 73, 79, 85]);

/**
 * Whether `short` is `long` with some of its vowels (after the first letter) left out, doubled letters of either
 * read once, and at least two vowels dropped: ERP short texts drop vowels to fit a field. A character loop over the
 * two words (both already letters only, same first letter checked by the caller).
 */
export function isVowelDropOf(short: string, long: string, minLength: number): boolean {
  if (short.length <= minLength || short.length >= long.length - 1 || short.charCodeAt(0) !== long.charCodeAt(0)) return false;
  let i = 1;
  let j = 1;
  let dropped = 0;
  while (j < long.length) {
    const c = long.charCodeAt(j);
    if (i < short.length && short.charCodeAt(i) === c) {
      i++;
      j++;
    } else if (c === long.charCodeAt(j - 1))
      j++; // a doubled letter of the long word, written once
    else if (VOWEL_CODES.has(c)) {
      dropped++;
      j++;
    } else return false;
  }
  return i === short.length && dropped >= 2;
}

/** Whether two words share a stem of `stemMinLength` letters or more with at most `STEM_ENDING` letters after it on each side. */
export function sharesStem(x: string, y: string, stemMinLength: number): boolean {
  const shorter = Math.min(x.length, y.length);
  if (shorter < stemMinLength || Math.max(x.length, y.length) - shorter > STEM_ENDING) return false;
  let p = 0;
  while (p < shorter && x.charCodeAt(p) === y.charCodeAt(p)) p++;
  return p >= stemMinLength && x.length - p <= STEM_ENDING && y.length - p <= STEM_ENDING;
}

/**
 * Whether two words are one edit apart (Damerau: substitution, insertion / deletion, or swapping two
 * neighbouring letters), both at least `minLength` long and with the same first letter. A character loop
 * that gives up at the second difference: it runs on the unmatched words of compared pairs.
 */
export function isOneEditApart(x: string, y: string, minLength: number): boolean {
  const lx = x.length;
  const ly = y.length;
  if (lx < minLength || ly < minLength || lx - ly > 1 || ly - lx > 1 || x.charCodeAt(0) !== y.charCodeAt(0)) return false;
  let i = 0;
  while (i < lx && i < ly && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  if (i === lx && i === ly) return false; // equal words are not typos of each other
  if (lx === ly) {
    // One changed letter, or two neighbours swapped.
    if (x.slice(i + 1) === y.slice(i + 1)) return true;
    return (
      i + 1 < lx && x.charCodeAt(i) === y.charCodeAt(i + 1) && x.charCodeAt(i + 1) === y.charCodeAt(i) && x.slice(i + 2) === y.slice(i + 2)
    );
  }
  // One letter more on the longer side.
  return lx > ly ? x.slice(i + 1) === y.slice(i) : x.slice(i) === y.slice(i + 1);
}

/** Only upper-case letters A–Z (a character loop: this runs on every unmatched token of every compared pair). */
function isLettersOnly(token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const code = token.charCodeAt(k);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

function isCandidate(token: string, options: ShorthandOptions): boolean {
  return token.length >= options.minLength && isLettersOnly(token) && !options.exclude.has(token);
}

/** A word of one or two letters (`joinLetterPrefix`'s first part), not an `exclude` word. */
function isLetterPrefix(token: string, options: ShorthandOptions): boolean {
  return token.length <= 2 && isLettersOnly(token) && !options.exclude.has(token);
}

const scratchA: number[] = [];
const scratchB: number[] = [];
const scratchLettersA: number[] = [];
const scratchLettersB: number[] = [];

/**
 * The weight shorthand pairs add on each side: `a` / `b` are SORTED token arrays, `wa` / `wb` their
 * weights (null = uniform). Each unmatched token pairs with at most one unmatched token of the other side.
 */
export function shorthandCredit(args: {
  a: readonly string[];
  wa: WeightedTokens | null;
  b: readonly string[];
  wb: WeightedTokens | null;
  options: ShorthandOptions;
}): { creditA: number; creditB: number } {
  const { a, b, wa, wb, options } = args;
  // Scratch lists reused across calls (this runs on every compared pair; nothing here re-enters).
  const unmatchedA = scratchA;
  const unmatchedB = scratchB;
  const lettersA = scratchLettersA;
  const lettersB = scratchLettersB;
  unmatchedA.length = 0;
  unmatchedB.length = 0;
  lettersA.length = 0;
  lettersB.length = 0;
  const joinsLetters = options.joinLetterPrefix;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && y !== undefined && x === y) {
      i++;
      j++;
    } else if (y === undefined || (x !== undefined && x < y)) {
      if (isCandidate(x as string, options)) unmatchedA.push(i);
      else if (joinsLetters && isLetterPrefix(x as string, options)) lettersA.push(i);
      i++;
    } else {
      if (isCandidate(y, options)) unmatchedB.push(j);
      else if (joinsLetters && isLetterPrefix(y, options)) lettersB.push(j);
      j++;
    }
  }
  let creditA = 0;
  let creditB = 0;
  if (unmatchedA.length === 0 || unmatchedB.length === 0) return { creditA, creditB };
  // A letter and a word written apart on one side, joined on the other (I GEL / IGEL): exact words, paired first.
  if (lettersB.length > 0)
    creditA += joinedLetterPrefixes(
      { whole: a, wWhole: wa, wholes: unmatchedA, parts: b, wParts: wb, letters: lettersB, tails: unmatchedB },
      (w) => (creditB += w),
    );
  if (lettersA.length > 0)
    creditB += joinedLetterPrefixes(
      { whole: b, wWhole: wb, wholes: unmatchedB, parts: a, wParts: wa, letters: lettersA, tails: unmatchedA },
      (w) => (creditA += w),
    );
  // A used token of b is marked by setting its entry to -1.
  for (let u = 0; u < unmatchedA.length; u++) {
    const ia = unmatchedA[u] as number;
    if (ia < 0) continue; // the tail of a joined word
    const x = a[ia] as string;
    for (let k = 0; k < unmatchedB.length; k++) {
      const ib = unmatchedB[k] as number;
      if (ib < 0) continue;
      const y = b[ib] as string;
      const yStartsX = isShorthandFor(y, x, options.minLength);
      if (
        !yStartsX &&
        !isShorthandFor(x, y, options.minLength) &&
        !(options.typoMinLength > 0 && isOneEditApart(x, y, options.typoMinLength)) &&
        !(options.vowelDrops && (isVowelDropOf(x, y, options.minLength) || isVowelDropOf(y, x, options.minLength))) &&
        !(options.stemMinLength > 0 && sharesStem(x, y, options.stemMinLength))
      ) {
        if (!options.soundAlikeJoins || options.joinMinLength === 0 || x.charCodeAt(0) !== y.charCodeAt(0)) continue;
        // A word of one side heard as two of the other (VENFLON / VENN FLON): the shorter opens the longer's sound.
        const tail =
          x.length < y.length
            ? soundAlikeTail({ whole: y, head: x, headIndex: ia, tokens: a, indices: unmatchedA, options })
            : soundAlikeTail({ whole: x, head: y, headIndex: ib, tokens: b, indices: unmatchedB, options });
        if (tail < 0) continue;
        unmatchedB[k] = -1;
        unmatchedA[u] = -1;
        const tailWeight = (w: WeightedTokens | null): number => (w ? (w.weights[tail] ?? 0) : 1);
        creditA += options.credit * ((wa ? (wa.weights[ia] ?? 0) : 1) + (x.length < y.length ? tailWeight(wa) : 0));
        creditB += options.credit * ((wb ? (wb.weights[ib] ?? 0) : 1) + (x.length < y.length ? 0 : tailWeight(wb)));
        break;
      }
      unmatchedB[k] = -1;
      unmatchedA[u] = -1;
      // A prefix whose rest is another unmatched word of the same side: one word written apart (MICRO TOUCH / MICROTOUCH).
      const joined =
        options.joinMinLength > 0
          ? yStartsX
            ? joinedTail(x, y, b, unmatchedB, options.joinMinLength)
            : joinedTail(y, x, a, unmatchedA, options.joinMinLength)
          : -1;
      // A prefix whose rest is heard, not written, as another word (MICRO POUR / MICROPORE): both at credit.
      const heard =
        joined < 0 && options.soundAlikeJoins && options.joinMinLength > 0
          ? yStartsX
            ? soundAlikeTail({ whole: x, head: y, headIndex: ib, tokens: b, indices: unmatchedB, options })
            : x.length < y.length
              ? soundAlikeTail({ whole: y, head: x, headIndex: ia, tokens: a, indices: unmatchedA, options })
              : -1
          : -1;
      if (joined < 0) {
        creditA +=
          options.credit * ((wa ? (wa.weights[ia] ?? 0) : 1) + (heard >= 0 && !yStartsX ? (wa ? (wa.weights[heard] ?? 0) : 1) : 0));
        creditB += options.credit * ((wb ? (wb.weights[ib] ?? 0) : 1) + (heard >= 0 && yStartsX ? (wb ? (wb.weights[heard] ?? 0) : 1) : 0));
      } else if (yStartsX) {
        creditA += wa ? (wa.weights[ia] ?? 0) : 1;
        creditB += wb ? (wb.weights[ib] ?? 0) + (wb.weights[joined] ?? 0) : 2;
      } else {
        creditA += wa ? (wa.weights[ia] ?? 0) + (wa.weights[joined] ?? 0) : 2;
        creditB += wb ? (wb.weights[ib] ?? 0) : 1;
      }
      break;
    }
  }
  return { creditA, creditB };
}

/**
 * `soundAlikeJoins`: the token index of an unmatched word of `head`'s side (not `head`, at least `minLength` letters)
 * that written after `head` has `whole`'s consonant skeleton, marked used (-1) in `indices`; -1 when there is none.
 */
function soundAlikeTail(args: {
  whole: string;
  head: string;
  headIndex: number;
  tokens: readonly string[];
  indices: number[];
  options: ShorthandOptions;
}): number {
  const { whole, head, headIndex, tokens, indices, options } = args;
  if (whole.length < options.joinMinLength) return -1;
  const wholeSkeleton = skeletonOf(whole).skeleton;
  const headSkeleton = skeletonOf(head).skeleton;
  // At least two consonants heard in the first part and four in the whole: short skeletons collide by chance.
  if (headSkeleton.length < 2 || wholeSkeleton.length < 4 || !wholeSkeleton.startsWith(headSkeleton)) return -1;
  for (let l = 0; l < indices.length; l++) {
    const index = indices[l] as number;
    if (index < 0 || index === headIndex) continue;
    const tail = tokens[index] as string;
    // The tail is heard where the head's sound ends: it opens with the whole's next consonant or a vowel, and the two are about the whole's length.
    const opening = tail.charCodeAt(0);
    if (
      tail.length < options.minLength ||
      Math.abs(head.length + tail.length - whole.length) > 2 ||
      (opening !== wholeSkeleton.charCodeAt(headSkeleton.length) && !VOWEL_CODES.has(opening))
    )
      continue;
    const joined = `${head}${tail}`.replace(VOWELS_AFTER_FIRST, '').replace(DOUBLED, '$1');
    if (joined === wholeSkeleton) {
      indices[l] = -1;
      return index;
    }
  }
  return -1;
}

/**
 * When `head` is a prefix of `whole` (≥ `joinMinLength` letters): the token index of an unmatched word of
 * `head`'s side that is the rest of `whole`, marked used (-1) in `indices`; -1 when there is none.
 */
function joinedTail(whole: string, head: string, tokens: readonly string[], indices: number[], joinMinLength: number): number {
  if (whole.length < joinMinLength || !whole.startsWith(head)) return -1;
  const restLength = whole.length - head.length;
  for (let l = 0; l < indices.length; l++) {
    const index = indices[l] as number;
    if (index < 0) continue;
    const tail = tokens[index] as string;
    if (tail.length === restLength && whole.endsWith(tail)) {
      indices[l] = -1;
      return index;
    }
  }
  return -1;
}

/**
 * `joinLetterPrefix`: each unmatched word of `whole` (four letters or more) that is an unmatched one- or two-letter
 * word of `parts` and an unmatched word of `parts` written together: both marked used (-1); returns the weight of the
 * wholes paired and hands the parts' weight to `addParts`.
 */
function joinedLetterPrefixes(
  args: {
    whole: readonly string[];
    wWhole: WeightedTokens | null;
    wholes: number[];
    parts: readonly string[];
    wParts: WeightedTokens | null;
    letters: number[];
    tails: number[];
  },
  addParts: (weight: number) => void,
): number {
  const { whole, wWhole, wholes, parts, wParts, letters, tails } = args;
  let credit = 0;
  for (let u = 0; u < wholes.length; u++) {
    const iw = wholes[u] as number;
    if (iw < 0) continue;
    const word = whole[iw] as string;
    if (word.length < 4) continue;
    for (let l = 0; l < letters.length; l++) {
      const il = letters[l] as number;
      if (il < 0) continue;
      const head = parts[il] as string;
      if (!word.startsWith(head)) continue;
      const tail = joinedTail(word, head, parts, tails, head.length + 1);
      if (tail < 0) continue;
      letters[l] = -1;
      wholes[u] = -1;
      credit += wWhole ? (wWhole.weights[iw] ?? 0) : 1;
      addParts(wParts ? (wParts.weights[il] ?? 0) + (wParts.weights[tail] ?? 0) : 2);
      break;
    }
  }
  return credit;
}
