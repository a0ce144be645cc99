/**
 * Numbers as speech-to-text writes them, in digits: a requisition dictated into a phone reads `twenty one gauge needle
 * one and a half inch`, `two point five litre`, `three oh vicryl`, `four by four gauze`, `plus one fifty readers`, and
 * the extractors and token comparators read only digits. English only.
 *
 * Kept as a small hand-written table and parser (not a package): no words-to-numbers library is installed, the
 * grammar needed is small (cardinals below a million, `point`, `and a half`), and three conventions of dictated
 * supply lines are not general number parsing at all — a suture size spoken `three oh` (USP 3-0), a pair spoken as
 * hundreds (`eight fifty` = 850, `two thirty` = 230, as people say model numbers and strengths) and a lens power spoken
 * after its sign (`plus one fifty` = +1.50, `minus two twenty five` = −2.25, the dioptre convention of opticians).
 */

const UNITS: Record<string, number> = {
  ZERO: 0,
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
  SIX: 6,
  SEVEN: 7,
  EIGHT: 8,
  NINE: 9,
};
const TEENS: Record<string, number> = {
  TEN: 10,
  ELEVEN: 11,
  TWELVE: 12,
  THIRTEEN: 13,
  FOURTEEN: 14,
  FIFTEEN: 15,
  SIXTEEN: 16,
  SEVENTEEN: 17,
  EIGHTEEN: 18,
  NINETEEN: 19,
};
const TENS: Record<string, number> = {
  TWENTY: 20,
  THIRTY: 30,
  FORTY: 40,
  FIFTY: 50,
  SIXTY: 60,
  SEVENTY: 70,
  EIGHTY: 80,
  NINETY: 90,
};

/** Spoken unit words after a number, written as catalogues write them (the extractors' spellings). */
const SPOKEN_UNITS: Record<string, string> = {
  MILLILITER: 'ML',
  MILLILITERS: 'ML',
  MILLILITRE: 'ML',
  MILLILITRES: 'ML',
  MILLIGRAM: 'MG',
  MILLIGRAMS: 'MG',
  MICROGRAM: 'MCG',
  MICROGRAMS: 'MCG',
  KILOGRAM: 'KG',
  KILOGRAMS: 'KG',
  MILLIMETER: 'MM',
  MILLIMETERS: 'MM',
  MILLIMETRE: 'MM',
  MILLIMETRES: 'MM',
  CENTIMETER: 'CM',
  CENTIMETERS: 'CM',
  CENTIMETRE: 'CM',
  CENTIMETRES: 'CM',
  PERCENT: '%',
  OUNCE: 'OZ',
  OUNCES: 'OZ',
  POUND: 'LB',
  POUNDS: 'LB',
  FOOT: 'FT',
  FEET: 'FT',
};

/** Units a lone `one` is read before (`one gram`, `one litre`, `one inch`): other lone `one`s stay words. */
const UNIT_AFTER_ONE: Record<string, true> = Object.fromEntries(
  ['GAUGE', 'INCH', 'FRENCH', 'LITRE', 'LITER', 'GRAM', 'CC', 'ML', 'MG', 'G', 'L', 'UNIT', 'DROP', 'BY', 'HUNDRED', 'THOUSAND'].map(
    (w) => [w, true],
  ),
);
/**
 * Fractions spoken before a unit (items24free, item-3.48.0): `three quarter inch`, `half inch`, `a quarter inch`,
 * `five eighths inch`, `half litre` — how US and UK staff say the inch fractions of needle and tape sizes (3/4", 1/2")
 * and half a litre. Read only right before a unit word, so `half the rolls` stays words.
 */
const FRACTION_DENOMINATORS: Record<string, number> = {
  HALF: 2,
  HALVES: 2,
  QUARTER: 4,
  QUARTERS: 4,
  EIGHTH: 8,
  EIGHTHS: 8,
  SIXTEENTH: 16,
  SIXTEENTHS: 16,
};
/** Inch words a spoken fraction is written before as catalogues write it (`3/4 inch`); before other units it is a decimal. */
const INCH_WORDS: Record<string, true> = { INCH: true, INCHES: true };
/** Words a number follows as a rank or grade (`stage one`, `level one`, `size one`, `class one`). */
const RANK_WORDS: Record<string, true> = Object.fromEntries(
  ['STAGE', 'LEVEL', 'SIZE', 'NUMBER', 'CLASS', 'TYPE', 'GRADE', 'STEP', 'PHASE', 'GENERATION'].map((w) => [w, true]),
);
const NUMBER_WORD = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'HUNDRED', 'THOUSAND', 'HALF', 'QUARTER'].join(
  '|',
);
/** Whether a text holds a number word at all (one test before the parse; most descriptions hold none). */
const HAS_NUMBER_WORD = new RegExp(`\\b(?:${NUMBER_WORD})\\b`, 'i');
const WORD = /[A-Za-z]+/g;
const SPOKEN_UNIT = new RegExp(`(\\d)\\s?(${Object.keys(SPOKEN_UNITS).join('|')})\\b`, 'gi');
/** `90 by 230` → `90 X 230` (dimensions), once both sides are digits. */
const SPOKEN_BY = /(\d)\s+by\s+(?=\d)/gi;

interface Word {
  upper: string;
  start: number;
  end: number;
}

interface Reading {
  /** The number as written. */
  text: string;
  /** Index of the first word after it. */
  next: number;
}

/** Words of `text` with their spans; a hyphen or spaces between two words keep them in one run, anything else breaks it. */
function wordsOf(text: string): { words: Word[]; joined: boolean[] } {
  const words: Word[] = [];
  const joined: boolean[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const previous = words[words.length - 1];
    joined.push(previous !== undefined && /^[\s-]+$/.test(text.slice(previous.end, start)));
    words.push({ upper: match[0].toUpperCase(), start, end: start + match[0].length });
  }
  return { words, joined };
}

/** A cardinal below a million from word `i` (`two hundred and fifty`, `a hundred`, `twenty one`, `twelve`). */
function readCardinal(
  words: readonly Word[],
  joined: readonly boolean[],
  i: number,
): { value: number; next: number; kind: 'small' | 'compound' } | null {
  let total = 0;
  let current = 0;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'and' = 'none';
  let j = i;
  const at = (k: number) => (k < words.length && (k === i || joined[k]) ? words[k]?.upper : undefined);
  for (;;) {
    const word = at(j);
    if (word === undefined) break;
    if (word === 'A' && last === 'none' && (at(j + 1) === 'HUNDRED' || at(j + 1) === 'THOUSAND')) {
      current = 1;
      last = 'unit';
      j++;
      continue;
    }
    if (word in UNITS && (last === 'none' || last === 'tens' || last === 'hundred' || last === 'thousand' || last === 'and')) {
      current += UNITS[word] as number;
      last = 'unit';
    } else if (word in TEENS && (last === 'none' || last === 'hundred' || last === 'thousand' || last === 'and')) {
      current += TEENS[word] as number;
      last = 'teen';
    } else if (word in TENS && (last === 'none' || last === 'hundred' || last === 'thousand' || last === 'and')) {
      current += TENS[word] as number;
      last = 'tens';
    } else if (word === 'HUNDRED' && (last === 'unit' || last === 'teen') && current % 100 < 20) {
      current = Math.floor(current / 100) * 100 + (current % 100) * 100;
      last = 'hundred';
    } else if (word === 'THOUSAND' && last !== 'none' && last !== 'thousand' && last !== 'and' && total === 0) {
      total = current * 1000;
      current = 0;
      last = 'thousand';
    } else if (word === 'AND' && (last === 'hundred' || last === 'thousand') && isNumberWord(at(j + 1))) {
      last = 'and';
    } else break;
    j++;
  }
  if (last === 'none' || last === 'and') return null;
  return { value: total + current, next: j, kind: j - i === 1 ? 'small' : 'compound' };
}

function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && (word in UNITS || word in TEENS || word in TENS);
}

/** Digits after `point`: `point five` = `.5`, `point oh five` = `.05`. */
function readDecimals(words: readonly Word[], joined: readonly boolean[], i: number): { digits: string; next: number } {
  let digits = '';
  let j = i;
  while (j < words.length && joined[j]) {
    const word = words[j]?.upper as string;
    if (word in UNITS) digits += String(UNITS[word]);
    else if (word === 'OH') digits += '0';
    else break;
    j++;
  }
  return { digits, next: j };
}

/**
 * Whether the number spoken from word `i` (after a `plus` / `minus`) is followed by a unit word: then the sign word is
 * part of a name (`Gripper Plus twenty two gauge`, `Sharps Plus one litre`, `Ultra Plus two inch`) and no lens power, which
 * is spoken bare or with `dioptre`; nor is a number before `by` (`Zetuvit Plus ten by ten`: a dressing's size) (items24free, item-3.48.0).
 */
function isMeasuredAfterSign(words: readonly Word[], joined: readonly boolean[], i: number): boolean {
  if (i >= words.length || !joined[i]) return false;
  const cardinal = readCardinal(words, joined, i);
  if (cardinal === null) return false;
  let next = cardinal.next;
  // `twenty two` read as a cardinal; `one fifty` (a pair) reads on to the second number.
  if (next < words.length && joined[next] && (words[next]?.upper as string) in TENS) next = readCardinal(words, joined, next)?.next ?? next;
  const after = next < words.length && joined[next] ? words[next]?.upper : undefined;
  return after !== undefined && (after in SPOKEN_UNITS || after in UNIT_AFTER_ONE || after in FRACTION_DENOMINATORS);
}

/** Whether word `k` is a unit word a spoken number or fraction is measured in. */
function isUnitWord(words: readonly Word[], joined: readonly boolean[], k: number): boolean {
  const word = k < words.length && joined[k] ? words[k]?.upper : undefined;
  return word !== undefined && word !== 'BY' && (word in SPOKEN_UNITS || word in UNIT_AFTER_ONE || word in INCH_WORDS);
}

/** A fraction spoken right before a unit (FRACTION_DENOMINATORS): `three quarter inch` = `3/4 inch`, `half litre` = `0.5 litre`. */
function readSpokenFraction(words: readonly Word[], joined: readonly boolean[], i: number): Reading | null {
  let numerator = 1;
  let at = i;
  const word = words[i]?.upper as string;
  if (word === 'A' && (words[i + 1]?.upper ?? '') in FRACTION_DENOMINATORS && joined[i + 1]) at = i + 1;
  else if (word in UNITS && !(word === 'ZERO') && joined[i + 1] && (words[i + 1]?.upper ?? '') in FRACTION_DENOMINATORS) {
    numerator = UNITS[word] as number;
    at = i + 1;
  }
  const denominator = FRACTION_DENOMINATORS[words[at]?.upper ?? ''];
  if (denominator === undefined || numerator >= denominator || !isUnitWord(words, joined, at + 1)) return null;
  const unit = words[at + 1]?.upper as string;
  const text = unit in INCH_WORDS ? `${numerator}/${denominator}` : String(numerator / denominator);
  return { text, next: at + 1 };
}

/** The number spoken from word `i`, with the dictation conventions of the file's comment; null when none starts there. */
function readSpokenNumber(words: readonly Word[], joined: readonly boolean[], i: number): Reading | null {
  const first = words[i]?.upper;
  const signed = (first === 'PLUS' || first === 'MINUS') && !isMeasuredAfterSign(words, joined, i + 1);
  const start = signed ? i + 1 : i;
  if (signed && !joined[start]) return null;
  const fraction = signed ? null : readSpokenFraction(words, joined, start);
  if (fraction !== null) return fraction;
  if (words[start]?.upper === 'POINT') {
    const decimals = readDecimals(words, joined, start + 1);
    return decimals.digits ? { text: `0.${decimals.digits}`, next: decimals.next } : null;
  }
  const following = (k: number) => (k < words.length && joined[k] ? words[k]?.upper : undefined);
  const cardinal = readCardinal(words, joined, start);
  if (cardinal === null) return null;
  const { value, next } = cardinal;
  // A lone `one` is most often a pronoun (`the one with caffeine`) or a name (One Touch): a number only before a unit or after a rank word.
  if (!signed && value === 1 && cardinal.kind === 'small' && words[start]?.upper === 'ONE') {
    const after = following(next);
    const before = start > 0 && joined[start] ? words[start - 1]?.upper : undefined;
    const isMeasured =
      after !== undefined &&
      (after in UNIT_AFTER_ONE || after in SPOKEN_UNITS || after === 'POINT' || after === 'AND' || after === 'OH' || after in TENS);
    if (!isMeasured && !(before !== undefined && before in RANK_WORDS)) return null;
  }
  // `eight fifty` = 850, `twelve fifty` = 1250; after a sign, `plus one fifty` = +1.50.
  if (cardinal.kind === 'small' && value < 20 && following(next) !== undefined && (following(next) as string) in TENS) {
    const pair = readCardinal(words, joined, next);
    if (pair !== null && pair.value < 100) {
      const sign = signed ? (first === 'PLUS' ? '+' : '-') : '';
      if (signed && value < 10) return { text: `${sign}${value}.${String(pair.value).padStart(2, '0')}`, next: pair.next };
      if (!signed) return { text: String(value * 100 + pair.value), next: pair.next };
    }
  }
  if (signed) {
    if (following(next) === 'POINT') {
      const decimals = readDecimals(words, joined, next + 1);
      if (decimals.digits) return { text: `${first === 'PLUS' ? '+' : '-'}${value}.${decimals.digits}`, next: decimals.next };
    }
    return value < 40 ? { text: `${first === 'PLUS' ? '+' : '-'}${value}.00`, next } : null;
  }
  // `three oh` (USP suture size 3-0), not `two oh seven`.
  if (cardinal.kind === 'small' && value >= 2 && value <= 12 && (following(next) === 'OH' || following(next) === 'ZERO')) {
    if (!isNumberWord(following(next + 1))) return { text: `${value}-0`, next: next + 1 };
  }
  if (following(next) === 'POINT') {
    const decimals = readDecimals(words, joined, next + 1);
    if (decimals.digits) return { text: `${value}.${decimals.digits}`, next: decimals.next };
  }
  // `one and a half` = 1.5, `two and a quarter` = 2.25.
  if (following(next) === 'AND' && following(next + 1) === 'A') {
    const fraction = following(next + 2);
    if (fraction === 'HALF') return { text: `${value}.5`, next: next + 3 };
    if (fraction === 'QUARTER') return { text: `${value}.25`, next: next + 3 };
  }
  return { text: String(value), next };
}

/** The literal gate of the Nguni reading: a lower-case letter, a hyphen and a digit (`obungu-25`, `ama-5`). */
const NUMBER_AFTER_HYPHEN = /[a-z]-\d/;
/**
 * A numeral written with an isiZulu / isiXhosa / siSwati / isiNdebele prefix (items25free, item-3.50.0). Nguni
 * orthographies join a noun-class, copulative or possessive prefix to a numeral (as to an abbreviation or a foreign
 * name) with a hyphen: `ubude obungu-25 mm` (a length which is 25 mm), `umthamo ongu-2 TB`, `ibhokisi lezingu-30`,
 * `ama-5`, `eli-1`, `ngaphansi kuka-15 kg` (under 15 kg), `ngo-2026`. Without the prefix the number meets its unit as
 * English lines write it (`OBUNGU25 MM` was no length). Only these prefix shapes, in lower case as the languages
 * write them: the copulative `-ngu-` with its relative concord (`ongu`, `obungu`, `elingu`, `ezingu`, `lezingu`…),
 * the class prefixes a count takes (`ama`, `aba`, `izi(n)`, `ezi(n)`, `eli`, `o`, `e`) and `ka` / `kuka` / `ngo`; an
 * English `type-2` or `size-4` is none of them. Read by the `requestChatter` rewrite (requestLines.ts), which every item
 * reading of a description runs: the description, the attributes and the codes in text.
 */
const NGUNI_NUMBER_PREFIX = /(?<![A-Za-z-])(?:[a-z]{0,5}ngu|ama|aba|ezin|ezi|izin|izi|eli|kuka|ka|ngo|o|e)-(?=\d)/g;

/** The literal gate of the possessive reading: a lower-case letter, a hyphen and a capital (`ze-EZ-IO`). */
const NAME_AFTER_HYPHEN = /[a-z]-[A-Z]/;
/**
 * The possessive concord the same orthographies hyphenate to a brand or an abbreviation (`izinaliti ze-EZ-IO`, needles of
 * EZ-IO; `ijeli ye-Medihoney`; `ibhandeshi le-Actico`): the two-letter concords of the noun classes and `lwe`, `kwe`,
 * `nge` (by) before a capital. A one-letter `i-` / `e-` is left (`i-STAT` is a product's name).
 */
const NGUNI_POSSESSIVE_PREFIX = /(?<![A-Za-z-])(?:ze|ye|le|we|se|be|lwe|kwe|nge)-(?=[A-Z])/g;

/** `text` with the Nguni prefix of each numeral and name off (`ubude obungu-25 mm` → `ubude 25 mm`, `ze-EZ-IO` → `EZ-IO`); read before request chatter, so codes, words and attributes see it. */
export function withoutNguniNumberPrefixes(text: string): string {
  const numbersRead = NUMBER_AFTER_HYPHEN.test(text) ? text.replace(NGUNI_NUMBER_PREFIX, ' ') : text;
  return NAME_AFTER_HYPHEN.test(numbersRead) ? numbersRead.replace(NGUNI_POSSESSIVE_PREFIX, ' ') : numbersRead;
}

/**
 * `text` with its spoken numbers written in digits and the unit words spoken after them abbreviated
 * (`twenty one gauge` → `21 gauge`, `two point five milligram` → `2.5 MG`, `ninety by two thirty` → `90 X 230`);
 * everything else is left as written. A text without a number word is returned as it is.
 */
export function withSpokenNumbersWritten(text: string): string {
  if (!HAS_NUMBER_WORD.test(text)) return text;
  const { words, joined } = wordsOf(text);
  let out = '';
  let copiedTo = 0;
  for (let i = 0; i < words.length;) {
    const reading = readSpokenNumber(words, joined, i);
    if (reading === null) {
      i++;
      continue;
    }
    // `ten mil`, `five hundred mils`: after a spoken number, the millilitre of ward and pharmacy speech (a written `8 MIL` glove stays).
    const unit = reading.next < words.length && joined[reading.next] ? words[reading.next]?.upper : undefined;
    const isMil = unit === 'MIL' || unit === 'MILS';
    const from = words[i] as Word;
    const to = words[(isMil ? reading.next + 1 : reading.next) - 1] as Word;
    out += text.slice(copiedTo, from.start) + reading.text + (isMil ? ' ML' : '');
    copiedTo = to.end;
    // `half-inch`, `twenty-gauge`: the number and its unit written apart, as the extractors read them.
    if (!isMil && text.charAt(copiedTo) === '-' && isUnitWord(words, joined, reading.next)) {
      out += ' ';
      copiedTo++;
    }
    i = isMil ? reading.next + 1 : reading.next;
  }
  out += text.slice(copiedTo);
  return out
    .replace(SPOKEN_UNIT, (_written, digit: string, unit: string) => `${digit} ${SPOKEN_UNITS[unit.toUpperCase()]}`)
    .replace(SPOKEN_BY, '$1 X ');
}
